import { lazy, Suspense } from "react";
import { ChevronDown, Search } from "lucide-react";
import { AsOf } from "../lastKnown/AsOf";
import { HeaderBalance } from "./HeaderBalance";
import { SandboxBadge } from "./SandboxBadge";

// The menu (Radix, with its positioning) is a chunk of its own, loaded beside the first page;
// until then a look-alike holds its place (no test id: nothing to click yet).
const AccountMenu = lazy(() => import("./AccountMenu").then((m) => ({ default: m.AccountMenu })));

function AccountMenuPlaceholder() {
  return (
    <span
      aria-hidden
      className="flex items-center gap-2 rounded-md border border-border bg-surface px-3 py-1.5 text-sm"
    >
      <span className="font-medium">&nbsp;</span>
      <ChevronDown className="size-4" />
    </span>
  );
}

const MAC = typeof navigator !== "undefined" && /Mac/i.test(navigator.platform);

/** Palette, sandbox badge, balance and account. */
export function Header({ onOpenPalette }: { onOpenPalette: () => void }) {
  return (
    <header className="flex items-center gap-4 border-b border-border bg-surface px-4 py-2">
      <button
        type="button"
        onClick={onOpenPalette}
        className="flex w-72 items-center gap-2 rounded-md border border-border bg-bg px-3 py-1.5 text-sm text-fg-muted hover:text-fg"
      >
        <Search aria-hidden className="size-4" />
        <span className="flex-1 text-left">Go to…</span>
        <kbd className="rounded border border-border px-1 text-xs">{MAC ? "⌘K" : "Ctrl K"}</kbd>
      </button>
      <div className="flex-1" />
      <SandboxBadge />
      <AsOf />
      <HeaderBalance />
      <Suspense fallback={<AccountMenuPlaceholder />}>
        <AccountMenu />
      </Suspense>
    </header>
  );
}
