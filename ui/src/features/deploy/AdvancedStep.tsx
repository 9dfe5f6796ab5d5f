// Step "Advanced" (DEP-50…54): public IP, security rules, Jupyter, cloud-init and a saved
// startup script. Everything but the Jupyter password lives in the draft; the password is
// kept in `secrets`, in memory only.

import { useState, type ReactNode } from "react";
import * as Switch from "@radix-ui/react-switch";
import { Alert } from "../../components/ui/Alert";
import { Input, Select } from "../../components/ui/Input";
import { Link } from "react-router";
import { scriptsPath } from "../scripts/paths";
import { useScripts, type Script } from "../scripts/queries";
import { CloudInitField } from "./CloudInitField";
import { errorAt } from "../../lib/checks";
import { useCheck } from "../../lib/useCheck";
import { RULE_LIMITS, type PasswordStrength } from "../../bindings";
import { jupyterPasswordCheck } from "./checks";
import { SecurityRulesEditor } from "./SecurityRulesEditor";
import { Field } from "../../components/ui/Field";
import { fieldDomId, type Secrets, type StepProps } from "./wizard";

type Props = StepProps & {
  secrets: Secrets;
  setSecrets: (s: Secrets) => void;
  /** The account's scripts when the wizard already has them; fetched here otherwise. */
  scripts?: readonly Script[];
};

export function AdvancedStep({ draft, update, errors, secrets, setSecrets, scripts }: Props) {
  return (
    <div className="flex flex-col gap-6">
      <Section title="Network and security">
        <PublicIp on={draft.publicIp} onChange={(publicIp) => update({ publicIp })} />
        <SecurityRulesEditor
          rules={draft.securityRules}
          onChange={(securityRules) => update({ securityRules })}
          error={errors.securityRules}
        />
      </Section>
      <Section title="Jupyter Notebook">
        <Jupyter
          on={draft.jupyterEnabled}
          onChange={(jupyterEnabled) => update({ jupyterEnabled })}
          password={secrets.jupyterPassword}
          setPassword={(jupyterPassword) => setSecrets({ ...secrets, jupyterPassword })}
          error={errors.jupyterPassword}
          publicIp={draft.publicIp}
        />
      </Section>
      <Section title="Scripts">
        <CloudInitField
          value={draft.cloudInit}
          onChange={(cloudInit) => update({ cloudInit })}
          error={errors.cloudInit}
        />
        <StartupScript
          value={draft.startupScriptId}
          onChange={(startupScriptId) => update({ startupScriptId })}
          given={scripts}
          error={errors.startupScriptId}
        />
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

type ToggleProps = {
  id: string;
  testId: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
};

function Toggle({ id, testId, checked, onChange, children }: ToggleProps) {
  return (
    <label htmlFor={id} className="flex items-center gap-3 text-sm">
      <Switch.Root
        id={id}
        data-testid={testId}
        checked={checked}
        onCheckedChange={onChange}
        className="relative h-5 w-9 shrink-0 rounded-full bg-border data-[state=checked]:bg-primary"
      >
        <Switch.Thumb
          className={
            "block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform " +
            "data-[state=checked]:translate-x-[18px]"
          }
        />
      </Switch.Root>
      {children}
    </label>
  );
}

/** DEP-50: off and on each say what they mean, in the documentation's words. */
function PublicIp({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <div className="flex flex-col gap-2">
      <Toggle id={fieldDomId("publicIp")} testId="public-ip-toggle" checked={on} onChange={onChange}>
        Public IP
      </Toggle>
      {on ? (
        <div data-testid="public-ip-note">
          <Alert tone="warning" title="The VM will be reachable from the internet">
            Configure firewall rules (the security rules below) to allow only what you need, use strong SSH keys, keep
            the system patched, and monitor its logs.
          </Alert>
        </div>
      ) : (
        <p data-testid="public-ip-note" className="text-xs text-fg-muted">
          Without a public IP the VM is reachable only on the internal network, with no direct internet access: you will
          need a VPN or a bastion host to reach it.
        </p>
      )}
    </div>
  );
}

const METER: Record<PasswordStrength, { filled: number; tone: string }> = {
  weak: { filled: 1, tone: "bg-danger" },
  medium: { filled: 2, tone: "bg-warning" },
  strong: { filled: 3, tone: "bg-success" },
};

type JupyterProps = {
  on: boolean;
  onChange: (on: boolean) => void;
  password: string;
  setPassword: (p: string) => void;
  error: string | undefined;
  publicIp: boolean;
};

/** DEP-52: the toggle, the password (memory only) and its strength. */
function Jupyter({ on, onChange, password, setPassword, error, publicIp }: JupyterProps) {
  const [left, setLeft] = useState(false);
  const id = fieldDomId("jupyterPassword");
  // The rule and the meter are Rust's answer for this password (asked only while Jupyter is on).
  const answer = useCheck(jupyterPasswordCheck, password, on).data;
  const shown = (left && password !== "" ? errorAt(answer?.errors, "jupyterPassword") : null) ?? error;
  const strength = answer?.strength;
  return (
    <div className="flex flex-col gap-3">
      <Toggle id={fieldDomId("jupyterEnabled")} testId="jupyter-toggle" checked={on} onChange={onChange}>
        Start a Jupyter Notebook
      </Toggle>
      {on && (
        <>
          <Field
            id={id}
            testId="deploy-jupyter-password"
            label="Notebook password"
            hint={`At least ${RULE_LIMITS.jupyterPasswordMin} characters. Kept in memory for this deploy only: never saved with the draft.`}
            error={shown}
          >
            <Input
              id={id}
              data-testid="deploy-jupyter-password"
              type="password"
              autoComplete="new-password"
              aria-invalid={shown ? true : undefined}
              aria-describedby={`${id}-strength ${shown ? `${id}-error` : `${id}-hint`}`}
              value={password}
              onBlur={() => setLeft(true)}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          {password !== "" && strength && <StrengthMeter id={`${id}-strength`} strength={strength} />}
          <p className="text-xs text-fg-muted">
            The notebook will be at <code>http://&lt;vm-ip&gt;:8888</code> once the VM is ACTIVE
            {publicIp ? "." : " (with no public IP, only from the internal network)."}
          </p>
        </>
      )}
    </div>
  );
}

function StrengthMeter({ id, strength }: { id: string; strength: PasswordStrength }) {
  const { filled, tone } = METER[strength];
  return (
    <div className="flex items-center gap-2">
      <div aria-hidden className="flex w-32 gap-1">
        {[0, 1, 2].map((i) => (
          <span key={i} className={`h-1.5 flex-1 rounded-full ${i < filled ? tone : "bg-border"}`} />
        ))}
      </div>
      <span id={id} data-testid="jupyter-strength" className="text-xs">
        Strength: {strength}
      </span>
    </div>
  );
}

type ScriptProps = {
  value: string | null;
  onChange: (id: string | null) => void;
  given: readonly Script[] | undefined;
  error: string | undefined;
};

/**
 * DEP-54 (inferred: the new docs' menu lists "Startup Script" under Advanced Configurations and
 * the API has a Scripts library, SCR-01/02): pick one of the account's saved scripts. It is
 * separate from the cloud-init text above.
 */
function StartupScript({ value, onChange, given, error }: ScriptProps) {
  const fetched = useScripts(given === undefined);
  const scripts = given ?? fetched.data;
  const id = fieldDomId("startupScriptId");
  // A script deleted since the draft was saved stays visible as such, not silently "None".
  const missing = value !== null && scripts !== undefined && !scripts.some((s) => s.id === value);
  const chosen = scripts?.find((s) => s.id === value);
  return (
    <Field
      id={id}
      testId="deploy-startup-script"
      label="Saved startup script (optional)"
      hint={
        chosen?.description ??
        (fetched.isError ? "Your saved scripts could not be loaded." : "Scripts saved in your account's library.")
      }
      error={error}
    >
      <Select
        id={id}
        data-testid="deploy-startup-script"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      >
        <option value="">None</option>
        {scripts?.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        {missing && (
          <option value={value ?? ""} disabled>
            A script no longer in your account
          </option>
        )}
        {value !== null && scripts === undefined && <option value={value}>Loading…</option>}
      </Select>
      {chosen && (
        // The draft is kept, so the wizard picks up where it was after a look at the script.
        <Link
          data-testid="deploy-startup-script-link"
          to={scriptsPath({ details: chosen.id })}
          className="self-start text-xs text-primary underline"
        >
          {chosen.name}: view or edit it in Startup Scripts
        </Link>
      )}
      {scripts?.length === 0 && (
        <Link
          data-testid="deploy-startup-script-library"
          to={scriptsPath()}
          className="self-start text-xs text-primary underline"
        >
          Save a script in Startup Scripts
        </Link>
      )}
    </Field>
  );
}
