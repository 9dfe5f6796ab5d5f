import { useEffect } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Command } from "cmdk";
import { LogOut, SunMoon, UserPlus } from "lucide-react";
import { useNavigate } from "react-router";
import { useSetTheme } from "../../features/settings/queries";
import { useSignOut } from "../../features/account/session";
import { PAGES, pagePath } from "../pages";
import { toggledTheme } from "../../lib/theme";
import { useAccountFlow } from "./AccountFlow";

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

const ITEM = "flex cursor-pointer items-center gap-3 rounded px-3 py-2 text-sm";

/** Ctrl/Cmd+K toggles the palette. */
export function usePaletteShortcut(onToggle: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        onToggle();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onToggle]);
}

/** Jump to any page, or run an app action, by typing. */
export function CommandPalette({ open, onOpenChange }: Props) {
  const navigate = useNavigate();
  const setTheme = useSetTheme();
  const signOut = useSignOut();
  const { addAccount } = useAccountFlow();

  function run(action: () => void) {
    onOpenChange(false);
    action();
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed top-[15%] left-1/2 z-50 w-full max-w-lg -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-surface text-fg shadow-2xl"
        >
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <Command data-testid="command-palette" label="Command palette" loop>
            <Command.Input
              data-testid="command-input"
              placeholder="Go to a page or run an action…"
              className="w-full border-b border-border bg-transparent px-4 py-3 text-sm outline-none"
            />
            <Command.List className="max-h-80 overflow-y-auto p-2">
              <Command.Empty className="px-3 py-6 text-center text-sm text-fg-muted">Nothing matches.</Command.Empty>
              <Command.Group
                heading="Pages"
                className="text-xs text-fg-muted [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1"
              >
                {PAGES.map(({ slug, label, icon: Icon }) => (
                  <Command.Item
                    key={slug}
                    value={`Go to ${label}`}
                    data-testid={`command-${slug}`}
                    onSelect={() => run(() => void navigate(pagePath(slug)))}
                    className={ITEM + " text-fg"}
                  >
                    <Icon aria-hidden className="size-4" /> {label}
                  </Command.Item>
                ))}
              </Command.Group>
              <Command.Group
                heading="Actions"
                className="text-xs text-fg-muted [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1"
              >
                <Command.Item
                  value="Toggle theme light dark"
                  data-testid="command-toggle-theme"
                  onSelect={() => run(() => setTheme.mutate(toggledTheme()))}
                  className={ITEM + " text-fg"}
                >
                  <SunMoon aria-hidden className="size-4" /> Toggle theme
                </Command.Item>
                <Command.Item
                  value="Add account"
                  data-testid="command-add-account"
                  onSelect={() => run(() => addAccount())}
                  className={ITEM + " text-fg"}
                >
                  <UserPlus aria-hidden className="size-4" /> Add account
                </Command.Item>
                <Command.Item
                  value="Sign out"
                  data-testid="command-sign-out"
                  onSelect={() => run(() => signOut.mutate())}
                  className={ITEM + " text-fg"}
                >
                  <LogOut aria-hidden className="size-4" /> Sign out
                </Command.Item>
              </Command.Group>
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
