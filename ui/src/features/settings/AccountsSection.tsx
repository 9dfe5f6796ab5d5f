import { useState } from "react";
import { UserPlus } from "lucide-react";
import { useSwitchProfile, type Session } from "../account/session";
import { type Settings } from "./queries";
import { useAccountFlow } from "../../app/shell/AccountFlow";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { keyEnding } from "./keyEnding";
import { useRemoveProfile } from "./useRemoveProfile";

type Props = { settings: Settings; session: Session };
type Profile = Settings["profiles"][number];

/**
 * The saved account profiles: which is in use, where each points, and its key's ending.
 * Switching is direct; the base URL, auth scheme and key change together, only by signing
 * in again (the key is checked against that URL), never by editing a row.
 */
export function AccountsSection({ settings, session }: Props) {
  const { addAccount } = useAccountFlow();
  const switchProfile = useSwitchProfile();
  const remove = useRemoveProfile();
  const [removing, setRemoving] = useState<string | null>(null);
  const active = session.sandbox ? null : session.profile;
  const columns: Column<Profile>[] = [
    {
      head: "Profile",
      cell: (p) => (
        <>
          {p.name}
          {p.name === active && (
            <span className="ml-2 rounded bg-success-soft px-1.5 py-0.5 text-xs text-success">in use</span>
          )}
        </>
      ),
      className: "font-medium",
    },
    { head: "Base URL", cell: (p) => p.baseUrl, className: "font-mono text-xs" },
    { head: "Auth scheme", cell: (p) => p.authScheme },
    { head: "Key", cell: (p) => (p.keyHint ? keyEnding(p.keyHint) : "signed out") },
    {
      head: null,
      cell: (p) => {
        const isActive = p.name === active;
        return (
          <>
            <Button
              variant="ghost"
              data-testid={`profile-use-${p.name}`}
              disabled={isActive}
              pending={switchProfile.isPending && switchProfile.variables === p.name}
              onClick={() => (p.keyHint ? switchProfile.mutate(p.name) : addAccount(p.name))}
            >
              {p.keyHint ? "Use" : "Sign in"}
            </Button>
            <Button
              variant="ghost"
              data-testid={`profile-change-${p.name}`}
              title="Sign in again with a new base URL, auth scheme or key (checked before it is saved)"
              onClick={() => addAccount(p.name)}
            >
              Change URL or key…
            </Button>
            <Button
              variant="ghost"
              data-testid={`profile-remove-${p.name}`}
              disabled={isActive}
              title={isActive ? "Switch to another account or sign out first" : undefined}
              onClick={() => setRemoving(p.name)}
            >
              Remove
            </Button>
          </>
        );
      },
      className: "text-right whitespace-nowrap",
    },
  ];

  return (
    <Card data-testid="profiles">
      <CardTitle
        actions={
          <Button data-testid="profiles-add" onClick={() => addAccount()}>
            <UserPlus aria-hidden className="size-4" /> Add account
          </Button>
        }
      >
        Accounts
      </CardTitle>
      {settings.profiles.length === 0 ? (
        <p className="text-sm text-fg-muted">
          No saved accounts{session.sandbox ? " — you are in the sandbox" : ""}. Add one with an API key.
        </p>
      ) : (
        <DataTable
          columns={columns}
          rows={settings.profiles}
          rowKey={(p) => p.name}
          rowTestId={(p) => `profile-row-${p.name}`}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove the profile "${removing ?? ""}"?`}
        confirmLabel="Remove"
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing, { onSettled: () => setRemoving(null) })}
      >
        Its key is deleted from the system keychain and the profile disappears from this list. To use the account again
        you will need to paste its API key.
      </ConfirmDialog>
    </Card>
  );
}
