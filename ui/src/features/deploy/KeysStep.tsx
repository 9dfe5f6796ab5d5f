// Step "SSH keys" (DEP-40…44): the account's keys load by themselves, the only one is chosen
// for the user, several can be chosen, and a key can be created or imported without leaving.

import { useEffect, useState } from "react";
import { KeyRound } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { keyDetail, reconcileSelection } from "./keysStep";
import { useSshKeys, type SshKey } from "../sshKeys/queries";
import { SshKeyCreate, SshKeyImport } from "./SshKeyInline";
import { fieldDomId, type StepProps } from "./wizard";

type Panel = "create" | "import" | null;

export function KeysStep({ draft, update, errors }: StepProps) {
  const keys = useSshKeys();
  const [panel, setPanel] = useState<Panel>(null);
  const selected = draft.sshKeyIds;
  const groupId = fieldDomId("sshKeyIds");
  const error = errors.sshKeyIds;

  // DEP-41 and deleted keys: the selection follows the list whenever either changes.
  useEffect(() => {
    if (!keys.data) return;
    const next = reconcileSelection(selected, keys.data);
    if (next) update({ sshKeyIds: next });
  }, [keys.data, selected, update]);

  function toggle(id: string, on: boolean) {
    update({ sshKeyIds: on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id) });
  }

  function select(key: SshKey) {
    if (!selected.includes(key.id)) update({ sshKeyIds: [...selected, key.id] });
  }

  const list = keys.data ?? [];
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-fg-muted">
        The chosen keys are installed for the image's default user (<code>ubuntu</code> on Ubuntu images) while the VM
        is built, and stay associated with it. Choose several to give team members access.
      </p>
      {keys.isPending && <p className="text-sm text-fg-muted">Loading your SSH keys…</p>}
      {keys.error && <ErrorBanner error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.data && (
        <fieldset aria-describedby={error ? `${groupId}-error` : undefined} className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">SSH keys for this VM</legend>
          {list.length === 0 && (
            <p className="text-sm">
              You have no SSH keys yet. A VM cannot be deployed without one: create or import a key below.
            </p>
          )}
          {list.map((k, i) => (
            <label
              key={k.id}
              className="flex items-start gap-3 rounded-md border border-border p-3 text-sm has-[:checked]:border-primary"
            >
              <input
                type="checkbox"
                // The first key takes the field's id, so "go to the error" lands on a key to tick.
                id={i === 0 ? groupId : undefined}
                data-testid={`ssh-key-${k.id}`}
                className="mt-0.5 size-4"
                checked={selected.includes(k.id)}
                onChange={(e) => toggle(k.id, e.target.checked)}
              />
              <span className="flex flex-col">
                <span className="font-medium">{k.name}</span>
                <span className="font-mono text-xs break-all text-fg-muted">{keyDetail(k)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p
          id={`${groupId}-error`}
          role="alert"
          data-testid={`${groupId}-error`}
          className="text-xs font-medium text-danger"
        >
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button
          id={list.length === 0 ? groupId : undefined}
          data-testid="ssh-key-create"
          aria-expanded={panel === "create"}
          onClick={() => setPanel(panel === "create" ? null : "create")}
        >
          <KeyRound aria-hidden className="size-4" /> Create key
        </Button>
        <Button
          data-testid="ssh-key-import"
          aria-expanded={panel === "import"}
          onClick={() => setPanel(panel === "import" ? null : "import")}
        >
          Import key
        </Button>
      </div>
      {panel === "create" && <SshKeyCreate keys={list} onCreated={select} onClose={() => setPanel(null)} />}
      {panel === "import" && (
        <SshKeyImport
          keys={list}
          onCreated={(key) => {
            select(key);
            setPanel(null);
          }}
          onClose={() => setPanel(null)}
        />
      )}
      <p className="text-xs text-fg-muted">New keys are copied to every region automatically.</p>
    </div>
  );
}
