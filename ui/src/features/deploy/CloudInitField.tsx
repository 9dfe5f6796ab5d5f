// The cloud-init script (DEP-53): run once at first boot, within RULE_LIMITS.cloudInitMaxBytes.
// The size and the rule are Rust's answer for the text (UTF-8 bytes: "é" costs 2).

import { cn } from "../../lib/cn";
import { errorAt } from "../../lib/checks";
import { useCheck } from "../../lib/useCheck";
import { formatCloudInitSize } from "./advancedStep";
import { cloudInitCheck } from "./checks";
import { Field } from "../../components/ui/Field";
import { fieldDomId } from "./wizard";

type Props = { value: string; onChange: (value: string) => void; error?: string | undefined };

export function CloudInitField({ value, onChange, error }: Props) {
  const id = fieldDomId("cloudInit");
  const answer = useCheck(cloudInitCheck, value).data;
  // Too big is said at once, not only when the user tries to go on.
  const tooBig = errorAt(answer?.errors, "cloudInit");
  const shown = tooBig ?? error;
  return (
    <Field
      id={id}
      testId="deploy-cloud-init"
      label="Cloud-init script (optional)"
      hint="Runs once, at the VM's first boot; start it with #cloud-config or #!/bin/bash. Barrack validates and sanitises it."
      error={shown}
    >
      <textarea
        id={id}
        data-testid="deploy-cloud-init"
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-size ${shown ? `${id}-error` : `${id}-hint`}`}
        rows={8}
        spellCheck={false}
        placeholder={"#cloud-config\npackages:\n  - htop"}
        className={cn(
          "w-full rounded-md border border-border bg-surface px-3 py-2 font-mono text-xs text-fg placeholder:text-fg-muted",
          "aria-[invalid=true]:border-danger",
        )}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p
        id={`${id}-size`}
        data-testid="cloud-init-size"
        className={cn("text-xs", tooBig ? "text-danger" : "text-fg-muted")}
      >
        {answer && formatCloudInitSize(answer.bytes)}
      </p>
    </Field>
  );
}
