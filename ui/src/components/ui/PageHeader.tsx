import type { ReactNode } from "react";
import { pageBySlug, type PageSlug } from "../../app/pages";

/** A page's title and what it is for, as the sidebar and the palette name it, with its actions. */
export function PageHeader({ page, actions }: { page: PageSlug; actions?: ReactNode }) {
  const { label, purpose } = pageBySlug(page);
  return (
    <div className="mb-6 flex items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{label}</h1>
        <p className="mt-1 text-sm text-fg-muted">{purpose}</p>
      </div>
      {/* The page's main actions (the keyboard journey checks Tab reaches each). */}
      {actions && (
        <div data-testid="page-actions" className="contents">
          {actions}
        </div>
      )}
    </div>
  );
}
