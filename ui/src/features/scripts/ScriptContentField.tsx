// A script's content (SCR-03): the shell editor, with Rust's live size count against the
// cloud-init limit (RULE_LIMITS.cloudInitMaxBytes, counted in UTF-8 bytes) and the error at it.

import { Field } from "../../components/ui/Field";
import { cn } from "../../lib/cn";
import { errorAt } from "../../lib/checks";
import { useCheck } from "../../lib/useCheck";
import { formatCloudInitSize } from "../deploy/advancedStep";
import { cloudInitCheck } from "../deploy/checks";
import { ScriptEditor } from "./ScriptEditor";

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The backend's refusal of the content (e.g. empty), until the next change. */
  refusal: string | null;
};

export function ScriptContentField({ id, value, onChange, refusal }: Props) {
  const answer = useCheck(cloudInitCheck, value).data;
  // Too big is said as it is typed, not only on Save.
  const error = errorAt(answer?.errors, "cloudInit") ?? refusal;
  return (
    <Field
      id={id}
      label="Script"
      hint="Runs at the VM's first boot, like a cloud-init script: start it with #!/bin/bash (or #cloud-config)."
      error={error}
    >
      <ScriptEditor
        id={id}
        label="Script"
        value={value}
        onChange={onChange}
        invalid={error !== null}
        describedBy={`${id}-size ${error ? `${id}-error` : `${id}-hint`}`}
        placeholderText={"#!/bin/bash\napt-get update"}
      />
      <p
        id={`${id}-size`}
        data-testid={`${id}-size`}
        className={cn("text-xs tabular-nums", error && answer?.errors.length ? "text-danger" : "text-fg-muted")}
      >
        {answer && formatCloudInitSize(answer.bytes)}
      </p>
    </Field>
  );
}
