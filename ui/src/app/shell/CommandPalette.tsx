import { type ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Command } from "cmdk";
import { LogOut, SunMoon, UserPlus, type LucideIcon } from "lucide-react";
import { useNavigate } from "react-router";
import { useSetTheme } from "../../features/settings/queries";
import { useSignOut } from "../../features/account/session";
import { PAGES, createPath, pagePath } from "../pages";
import { toggledTheme } from "../../lib/theme";
import { useAccountFlow } from "./AccountFlow";
import { DialogFrame } from "../../components/ui/Modal";

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

/** Jump to any page, or run an app action, by typing. */
export function CommandPalette({ open, onOpenChange }: Props) {
  const navigate = useNavigate();
  const setTheme = useSetTheme();
  const signOut = useSignOut();
  const { addAccount } = useAccountFlow();

  // `value` is what typing matches; the label is what shows.
  const actions = [
    {
      value: "Toggle theme light dark",
      testId: "command-toggle-theme",
      icon: SunMoon,
      label: "Toggle theme",
      run: () => setTheme.mutate(toggledTheme()),
    },
    {
      value: "Add account",
      testId: "command-add-account",
      icon: UserPlus,
      label: "Add account",
      run: () => addAccount(),
    },
    { value: "Sign out", testId: "command-sign-out", icon: LogOut, label: "Sign out", run: () => signOut.mutate() },
  ];

  function run(action: () => void) {
    onOpenChange(false);
    action();
  }

  return (
    <DialogFrame open={open} onOpenChange={onOpenChange} noDescription className="top-[15%] max-w-lg overflow-hidden">
      <Dialog.Title className="sr-only">Command palette</Dialog.Title>
      <Command data-testid="command-palette" label="Command palette" loop>
        <Command.Input
          data-testid="command-input"
          placeholder="Go to a page or run an action…"
          className="w-full border-b border-border bg-transparent px-4 py-3 text-sm outline-none"
        />
        <Command.List className="max-h-80 overflow-y-auto p-2">
          <Command.Empty className="px-3 py-6 text-center text-sm text-fg-muted">Nothing matches.</Command.Empty>
          <Group heading="Pages">
            {PAGES.map(({ slug, label, icon }) => (
              <Item
                key={slug}
                value={`Go to ${label}`}
                testId={`command-${slug}`}
                icon={icon}
                label={label}
                onSelect={() => run(() => void navigate(pagePath(slug)))}
              />
            ))}
          </Group>
          <Group heading="Create">
            {PAGES.filter((p) => p.create).map(({ slug, create, icon }) => (
              <Item
                key={slug}
                value={create!}
                testId={`command-create-${slug}`}
                icon={icon}
                label={create!}
                onSelect={() => run(() => void navigate(createPath(slug)))}
              />
            ))}
          </Group>
          <Group heading="Actions">
            {actions.map((a) => (
              <Item key={a.testId} {...a} onSelect={() => run(a.run)} />
            ))}
          </Group>
        </Command.List>
      </Command>
    </DialogFrame>
  );
}

function Group({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <Command.Group
      heading={heading}
      className="text-xs text-fg-muted [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1"
    >
      {children}
    </Command.Group>
  );
}

type ItemProps = { value: string; testId: string; icon: LucideIcon; label: string; onSelect: () => void };

function Item({ value, testId, icon: Icon, label, onSelect }: ItemProps) {
  return (
    <Command.Item
      value={value}
      data-testid={testId}
      onSelect={onSelect}
      className="flex cursor-pointer items-center gap-3 rounded px-3 py-2 text-sm text-fg"
    >
      <Icon aria-hidden className="size-4" /> {label}
    </Command.Item>
  );
}
