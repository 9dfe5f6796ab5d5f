// The cloud-init script (DEP-53): run once at first boot, at most 16 KB. The size is counted
// live in UTF-8 bytes, as validate.rs cloud_init counts it, so "é" costs 2 of the 16,384.

import { cn } from "../../lib/cn";
import { cloudInitError, CLOUD_INIT_MAX_BYTES, formatCloudInitSize, utf8Bytes } from "./advancedStep";
import { Field } from "../../components/ui/Field";
import { fieldDomId } from "./wizard";

type Props = { value: string; onChange: (value: string) => void; error?: string | undefined };

export function CloudInitField({ value, onChange, error }: Props) {
  const id = fieldDomId("cloudInit");
  const bytes = utf8Bytes(value);
  // Too big is said at once, not only when the user tries to go on.
  const shown = cloudInitError(value) ?? error;
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
        className={cn("text-xs", bytes > CLOUD_INIT_MAX_BYTES ? "text-danger" : "text-fg-muted")}
      >
        {formatCloudInitSize(bytes)}
      </p>
    </Field>
  );
}
