import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronDown, LogOut, UserPlus } from "lucide-react";
import { useSession, useSignOut, useSwitchProfile } from "../../features/account/session";
import { useSettings, type Settings } from "../../features/settings/queries";
import { useAccountFlow } from "./AccountFlow";
import { keyEnding } from "../../features/settings/keyEnding";

const ITEM =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-surface-2 data-[disabled]:opacity-50";

/** Who is signed in; switch to a saved profile, add one, or sign out. */
export function AccountMenu() {
  const session = useSession().data;
  const settings = useSettings().data;
  const switchProfile = useSwitchProfile();
  const signOut = useSignOut();
  const { addAccount } = useAccountFlow();
  const current = session?.sandbox ? "Sandbox" : (session?.profile ?? "Account");
  const busy = switchProfile.isPending || signOut.isPending;

  return (
    <Menu.Root>
      <Menu.Trigger
        data-testid="account-menu"
        disabled={busy}
        className="flex items-center gap-2 rounded-md border border-border bg-surface px-3 py-1.5 text-sm hover:bg-surface-2"
      >
        <span className="font-medium">{current}</span>
        {session?.keyHint && !session.sandbox && <span className="text-fg-muted">{session.keyHint}</span>}
        <ChevronDown aria-hidden className="size-4" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-64 rounded-md border border-border bg-surface p-1 text-fg shadow-lg"
        >
          <Menu.Label className="px-2 py-1 text-xs text-fg-muted">Accounts</Menu.Label>
          {session?.sandbox && (
            <Menu.Item className={ITEM} disabled>
              <Check aria-hidden className="size-4" /> Sandbox
            </Menu.Item>
          )}
          <SavedProfiles
            settings={settings}
            active={session?.sandbox ? null : (session?.profile ?? null)}
            onUse={(name) => switchProfile.mutate(name)}
            onSignInAgain={addAccount}
          />
          <Menu.Item data-testid="add-account" className={ITEM} onSelect={() => addAccount()}>
            <UserPlus aria-hidden className="size-4" /> Add account
          </Menu.Item>
          <Menu.Separator className="my-1 h-px bg-border" />
          <Menu.Item data-testid="sign-out" className={ITEM} onSelect={() => signOut.mutate()}>
            <LogOut aria-hidden className="size-4" />
            <span className="flex flex-col">
              <span>Sign out</span>
              <span className="text-xs text-fg-muted">
                {session?.sandbox ? "Stops the sandbox" : "Removes this account's key from the keychain"}
              </span>
            </span>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

type SavedProfilesProps = {
  settings: Settings | undefined;
  active: string | null;
  onUse: (name: string) => void;
  onSignInAgain: (name: string) => void;
};

/** One item per saved profile; one whose key was removed asks for the key again. */
function SavedProfiles({ settings, active, onUse, onSignInAgain }: SavedProfilesProps) {
  return (
    <>
      {settings?.profiles.map((p) => {
        const isActive = p.name === active;
        const hasKey = p.keyHint !== null;
        return (
          <Menu.Item
            key={p.name}
            data-testid={`account-${p.name}`}
            className={ITEM}
            onSelect={() => (isActive ? undefined : hasKey ? onUse(p.name) : onSignInAgain(p.name))}
          >
            <Check aria-hidden className={isActive ? "size-4" : "size-4 invisible"} />
            <span className="flex-1">{p.name}</span>
            <span className="text-xs text-fg-muted">{hasKey ? keyEnding(p.keyHint) : "signed out"}</span>
          </Menu.Item>
        );
      })}
    </>
  );
}
