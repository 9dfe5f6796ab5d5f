// "Create Key" and "Import Key" inside the wizard (DEP-43), with the SSH Keys page's rules
// (SSH-02…05), asked of Rust (check_ssh_key) as the fields are typed. Every mistake is shown
// at its field; a submit sends the request Rust built, and a new key is handed to the step,
// which selects it.

import { useEffect, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
import { toast } from "sonner";
import type { AppError } from "../../lib/ipc";
import { withoutFieldPrefix } from "../settings/preferences";
import { Button } from "../../components/ui/Button";
import { Field, fieldAria } from "../../components/ui/Field";
import { CountedNameInput } from "../../components/ui/NameField";
import { leavingForSubmit, SUBMIT_ATTR } from "../../components/ui/leavingFor";
import { useFocusRequest } from "../../components/ui/useFocusRequest";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { RULE_LIMITS, type GeneratedSshKey_Serialize } from "../../bindings";
import { errorAt } from "../../lib/checks";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { sshKeyCheck } from "./checks";
import { useGenerateSshKey, useImportSshKey, type SshKey } from "../sshKeys/queries";
import { fieldDomId } from "./wizard";

type Props = {
  keys: readonly SshKey[];
  onCreated: (key: SshKey) => void;
  onClose: () => void;
  /** What happens to a created key next, said after where it was saved (the SSH Keys page has its own). */
  next?: string;
  /** Told when a key starts and stops being created, so a dialog around the form can refuse to close meanwhile. */
  onPendingChange?: (pending: boolean) => void;
};

const NEXT_IN_WIZARD = "The key is already selected for this VM.";

const TEXTAREA =
  "w-full rounded-md border border-border bg-surface px-3 py-2 font-mono text-xs text-fg placeholder:text-fg-muted " +
  "aria-[invalid=true]:border-danger disabled:opacity-60";

/** A server refusal about `field` (a name taken meanwhile), to show at that field. */
function serverFieldError(error: AppError | null, field: string): string | null {
  return error?.field === field ? withoutFieldPrefix(error.serverMessage, field) : null;
}

/** The server's other refusals (offline, limit of 25 keys reached…), under the form. */
function otherError(error: AppError | null, fields: string[]): AppError | null {
  if (!error || error.code === "Cancelled" || (error.field && fields.includes(error.field))) return null;
  return error;
}

type PanelProps = {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  /** The submit button's test id and words, before and while it is sent. */
  submit: { testId: string; label: string; pendingLabel: string };
  pending: boolean;
  /** A refusal not about a field, shown above the buttons. */
  error: AppError | null;
  /** Rust's refusal of the account's keys as a whole (25 a region), before anything is sent. */
  limit: string | null;
};

/**
 * A group, not a <form>: the wizard may sit in a form of its own, and forms cannot nest.
 * Enter in a one-line field still submits this panel only.
 */
function Panel({ title, children, onSubmit, onClose, submit, pending, error, limit }: PanelProps) {
  function enter(e: KeyboardEvent) {
    if (e.key === "Enter" && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      onSubmit();
    }
  }
  return (
    <div
      role="group"
      aria-label={title}
      onKeyDown={enter}
      className="flex flex-col gap-3 rounded-md border border-border bg-surface-2 p-4"
    >
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
      {limit && (
        <p data-testid="ssh-key-limit-error" role="alert" className="text-sm text-danger">
          {limit}
        </p>
      )}
      {error && <ErrorBanner error={error} />}
      <div className="flex gap-2">
        <Button variant="primary" data-testid={submit.testId} {...SUBMIT_ATTR} onClick={onSubmit} pending={pending}>
          {pending ? submit.pendingLabel : submit.label}
        </Button>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

type NameProps = {
  id: string;
  testId: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  onBlur?: (e: FocusEvent) => void;
};

/** The key's name (SSH-02), as both panels ask for it. */
function KeyNameField({ id, testId, value, error, onChange, onBlur }: NameProps) {
  return (
    <Field
      id={id}
      label="Key name"
      hint={`Up to ${RULE_LIMITS.nameMax} letters, digits, '-', '_' and '.'; unique in your account.`}
      error={error}
    >
      <CountedNameInput
        {...fieldAria(id, error)}
        data-testid={testId}
        counterTestId={`${testId}-counter`}
        value={value}
        onBlur={onBlur}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** The private key's only copy went to this file: said in a toast that stays until dismissed, so it is seen
 * even if the form is gone by then (SSH-03). */
function announceSaved(path: string) {
  toast.warning(`Private key saved to ${path}`, {
    id: `ssh-key-saved:${path}`,
    description: ONLY_COPY,
    duration: Infinity,
  });
}

const ONLY_COPY =
  "This was its only copy: it cannot be downloaded again or recovered. Never share it, and back it up somewhere safe.";

/** Generates a 2048-bit RSA pair on the server; the backend saves the private key where the user says. */
export function SshKeyCreate({ keys, onCreated, onClose, next = NEXT_IN_WIZARD, onPendingChange }: Props) {
  const generate = useGenerateSshKey();
  const guard = useSubmitGuard();
  const focusOn = useFocusRequest();
  const [name, setName] = useState("");
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<GeneratedSshKey_Serialize | null>(null);
  const checkNow = useCheckNow();
  const nameId = fieldDomId("ssh-create-name");
  // No public key: the app generates the pair, so only the name is checked.
  const form = { name, publicKey: null, taken: keys.map((k) => k.name) };
  const answer = useCheck(sshKeyCheck, form).data;
  const nameError = (tried ? errorAt(answer?.errors, "name") : null) ?? serverFieldError(generate.error, "name");
  const cancelled = generate.error?.code === "Cancelled";
  const pending = generate.isPending;
  useEffect(() => onPendingChange?.(pending), [pending, onPendingChange]);

  function submit() {
    setTried(true);
    void guard(async () => {
      const checked = await checkNow(sshKeyCheck, form);
      if (!checked.value) {
        // A refused submit puts the user at the field to fix.
        focusOn(nameId);
        return;
      }
      // Awaited rather than an onSuccess option: the toast is raised even if the form was unmounted meanwhile.
      const made = await generate.mutateAsync(checked.value.name);
      announceSaved(made.savedTo);
      setSaved(made);
      onCreated(made.sshKey);
    });
  }

  if (saved !== null) return <SavedNote saved={saved} next={next} onClose={onClose} />;
  return (
    <Panel
      title="Create a key"
      onSubmit={submit}
      onClose={onClose}
      submit={{ testId: "ssh-create-submit", label: "Create and save private key…", pendingLabel: "Creating…" }}
      pending={pending}
      error={otherError(generate.error, ["name"])}
      limit={errorAt(answer?.errors, "taken")}
    >
      <KeyNameField
        id={nameId}
        testId="ssh-create-name"
        value={name}
        error={nameError}
        onChange={(v) => {
          setName(v);
          generate.reset();
        }}
      />
      <p className="text-sm">
        You'll choose where to save the private key; it is shown only once and the app does not keep it.
      </p>
      {cancelled && (
        <p data-testid="ssh-create-cancelled" className="text-sm text-fg-muted">
          No file was chosen, so no key was created.
        </p>
      )}
    </Panel>
  );
}

/**
 * SSH-03: where the private key went and how to keep it safe. The permission lines come from Rust with the path
 * quoted for each shell (a folder may be named `$(calc)`), and are only shown here.
 */
function SavedNote({
  saved: { savedTo: path, permissionHints: hints },
  next,
  onClose,
}: {
  saved: GeneratedSshKey_Serialize;
  next: string;
  onClose: () => void;
}) {
  return (
    <div
      data-testid="ssh-create-saved"
      role="status"
      className="flex flex-col gap-2 rounded-md border border-warning bg-warning-soft p-4 text-sm"
    >
      <p className="font-medium">
        Private key saved to <span className="font-mono break-all">{path}</span>
      </p>
      <p>
        {ONLY_COPY} {next}
      </p>
      <p className="text-fg-muted">
        On Linux and macOS the file is readable only by you (if you move it:{" "}
        <code data-testid="ssh-create-chmod" className="break-all">
          {hints.posix}
        </code>
        ). On Windows, in PowerShell:{" "}
        <code data-testid="ssh-create-icacls" className="break-all">
          {hints.powerShell}
        </code>
      </p>
      <div>
        <Button data-testid="ssh-create-done" onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}

/** Adds an existing public key (SSH-04/05); its format is checked as it is typed. */
export function SshKeyImport({ keys, onCreated, onClose }: Props) {
  const importKey = useImportSshKey();
  const guard = useSubmitGuard();
  const focusOn = useFocusRequest();
  const [name, setName] = useState("");
  const [publicKey, setPublicKey] = useState("");
  // A field's error shows once it has been left or a submit was tried, then follows each change.
  const [touched, setTouched] = useState({ name: false, key: false });
  const checkNow = useCheckNow();
  const nameId = fieldDomId("ssh-import-name");
  const keyId = fieldDomId("ssh-import-key");
  const form = { name, publicKey, taken: keys.map((k) => k.name) };
  const answer = useCheck(sshKeyCheck, form).data;
  const nameError =
    (touched.name ? errorAt(answer?.errors, "name") : null) ?? serverFieldError(importKey.error, "name");
  const keyError =
    (touched.key ? errorAt(answer?.errors, "publicKey") : null) ?? serverFieldError(importKey.error, "public_key");

  function submit() {
    setTouched({ name: true, key: true });
    void guard(async () => {
      const checked = await checkNow(sshKeyCheck, form);
      if (!checked.value) {
        focusOn(errorAt(checked.errors, "name") ? nameId : keyId);
        return;
      }
      const body = { name: checked.value.name, public_key: checked.value.public_key ?? "" };
      await importKey.mutateAsync(body, { onSuccess: (key) => onCreated(key) });
    });
  }

  return (
    <Panel
      title="Import a public key"
      onSubmit={submit}
      onClose={onClose}
      submit={{ testId: "ssh-import-submit", label: "Import key", pendingLabel: "Importing…" }}
      pending={importKey.isPending}
      error={otherError(importKey.error, ["name", "public_key"])}
      limit={errorAt(answer?.errors, "taken")}
    >
      <KeyNameField
        id={nameId}
        testId="ssh-import-name"
        value={name}
        error={nameError}
        onBlur={(e) => leavingForSubmit(e) || setTouched((t) => ({ ...t, name: true }))}
        onChange={(v) => {
          setName(v);
          importKey.reset();
        }}
      />
      <Field
        id={keyId}
        label="Public key"
        hint={
          <>
            One line: the key type (one of {RULE_LIMITS.sshKeyTypes.join(", ")}), then the key, then an optional
            comment. Find it in <code>~/.ssh/id_ed25519.pub</code> or <code>~/.ssh/id_rsa.pub</code> (Linux, macOS, Git
            Bash, WSL), with <code>Get-Content $env:USERPROFILE\.ssh\id_rsa.pub</code> in PowerShell, or at
            https://github.com/&lt;user&gt;.keys.
          </>
        }
        error={keyError}
      >
        <textarea
          {...fieldAria(keyId, keyError)}
          data-testid="ssh-import-key"
          rows={3}
          spellCheck={false}
          autoComplete="off"
          placeholder="ssh-ed25519 AAAAC3Nza… you@laptop"
          className={TEXTAREA}
          value={publicKey}
          onBlur={(e) => leavingForSubmit(e) || setTouched((t) => ({ ...t, key: true }))}
          onChange={(e) => {
            setPublicKey(e.target.value);
            importKey.reset();
          }}
        />
      </Field>
    </Panel>
  );
}
