import { NavLink } from "react-router";
import { PAGES, pagePath } from "../pages";
import { cn } from "../../lib/cn";

/** Every page, always visible (DASH-07: the docs reach pages "from the sidebar"). */
export function Sidebar() {
  return (
    <nav
      aria-label="Pages"
      className="flex w-56 shrink-0 flex-col gap-0.5 overflow-y-auto border-r border-border bg-surface p-3"
    >
      <div className="mb-4 px-2 text-lg font-semibold">Barrack</div>
      {PAGES.map(({ slug, label, icon: Icon }) => (
        <NavLink
          key={slug}
          to={pagePath(slug)}
          data-testid={`nav-${slug}`}
          className={({ isActive }) =>
            cn(
              "flex items-center gap-3 rounded-md px-2 py-1.5 text-sm",
              isActive ? "bg-surface-2 font-semibold text-fg" : "text-fg-muted hover:bg-surface-2 hover:text-fg",
            )
          }
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
