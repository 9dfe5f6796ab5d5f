import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatMoney } from "../../lib/format";
import { type AppError } from "../../lib/ipc";
import type { DeploymentRequest_Serialize } from "../../bindings";
import { errorDetail } from "../../lib/notify";
import { pagePath } from "../../app/pages";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Field, fieldAria } from "../../components/ui/Field";
import { CountedNameInput } from "../../components/ui/NameField";
import { formatHourly, formatPerMinute, formatRunway } from "../instances/money";
import { RULE_LIMITS } from "../../bindings";
import { errorAt, resourceNameCheck } from "../../lib/checks";
import { useCheck } from "../../lib/useCheck";
import { BOOT_KIND_NOUN, isBootKind, type BootItem } from "./bootStep";
import { EquivalentCommand } from "./EquivalentCommand";
import type { SshKey } from "../sshKeys/queries";
import { vmNameForm } from "./review";
import { useDeployQuote } from "./useDeployCatalog";
import { fieldDomId, STEP_LABELS, type StepId, type StepProps } from "./wizard";

type Props = StepProps & {
  body: DeploymentRequest_Serialize;
  bootItem: BootItem | undefined;
  keys: readonly SshKey[] | undefined;
  taken: readonly string[];
  onEdit: (step: StepId) => void;
  onDeploy: () => void;
  pending: boolean;
  refusal: AppError | null;
};

/** DEP-60, DEP-61: the name, every choice with a way back to it, the price, the command, Deploy. */
export function ReviewStep(props: Props) {
  const { draft, update, errors, taken } = props;
  const id = fieldDomId("name");
  // Checked as it is typed (DEP-60); an empty name only once the user tried to go on.
  const answer = useCheck(resourceNameCheck, vmNameForm(draft.name, taken)).data;
  const live = draft.name !== "" ? errorAt(answer?.errors, "name") : null;
  const error = errors.name ?? live;
  return (
    <div className="flex flex-col gap-6">
      <Field
        id={id}
        label="VM name"
        error={error}
        hint={`1–${RULE_LIMITS.nameMax} letters, digits, spaces, "-", "_" or "."; unique in your account.`}
      >
        <CountedNameInput
          {...fieldAria(id, error)}
          data-testid="deploy-name"
          counterTestId="deploy-name-counter"
          value={draft.name}
          onChange={(e) => update({ name: e.target.value })}
        />
      </Field>
      <Summary {...props} />
      <Price draft={draft} />
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Equivalent command</h3>
        <EquivalentCommand body={props.body} />
      </section>
      {props.refusal && <Refusal error={props.refusal} />}
      <div className="flex justify-end">
        <Button variant="primary" data-testid="deploy-submit" pending={props.pending} onClick={props.onDeploy}>
          Deploy
        </Button>
      </div>
    </div>
  );
}

function Summary({ draft, bootItem, keys, onEdit }: Props) {
  const bootText = isBootKind(draft.bootKind)
    ? `${BOOT_KIND_NOUN[draft.bootKind]} ${bootItem?.name ?? draft.bootId ?? ""}`
    : "—";
  const keyNames = draft.sshKeyIds.map((k) => keys?.find((x) => x.id === k)?.name ?? k).join(", ") || "—";
  const advanced = [
    draft.publicIp ? "public IP" : "no public IP",
    `${draft.securityRules.length} security rule${draft.securityRules.length === 1 ? "" : "s"}`,
    draft.jupyterEnabled ? "Jupyter on" : null,
    draft.cloudInit.trim() ? "cloud-init script" : null,
    draft.startupScriptId ? "startup script" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <dl className="grid grid-cols-[max-content_1fr_max-content] items-baseline gap-x-6 gap-y-2 text-sm">
      <Row step="gpu" onEdit={onEdit}>
        {draft.gpuModel ?? "—"} ×{draft.gpuCount}
        {draft.tier ? ` (${draft.tier} tier)` : ""}
      </Row>
      <Row step="region" onEdit={onEdit}>
        {draft.region ?? "—"}
      </Row>
      <Row step="boot" onEdit={onEdit}>
        {bootText}
      </Row>
      <Row step="keys" onEdit={onEdit}>
        {keyNames}
      </Row>
      <Row step="advanced" onEdit={onEdit}>
        {advanced}
      </Row>
    </dl>
  );
}

function Row({ step, onEdit, children }: { step: StepId; onEdit: (s: StepId) => void; children: ReactNode }) {
  return (
    <>
      <dt className="text-fg-muted">{STEP_LABELS[step]}</dt>
      <dd data-testid={`deploy-summary-${step}`}>{children}</dd>
      <dd>
        <button
          type="button"
          data-testid={`deploy-edit-${step}`}
          onClick={() => onEdit(step)}
          className="text-primary underline"
          aria-label={`Edit ${STEP_LABELS[step]}`}
        >
          Edit
        </button>
      </dd>
    </>
  );
}

/** DEP-13, rules.md §16: the backend prices it from the pricing table; runway from the balance. */
function Price({ draft }: { draft: Props["draft"] }) {
  const quote = useDeployQuote(draft.gpuModel, draft.tier, draft.gpuCount);
  const q = quote.data;
  if (!q) {
    return (
      <p className="text-sm text-fg-muted">{quote.error ? `No price: ${quote.error.serverMessage}` : "Pricing…"}</p>
    );
  }
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">Price</h3>
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <Amount label="Per hour" testId="deploy-price-hour" text={formatHourly(q.perHour, q.currency)} />
        <Amount
          label="Per minute (billed)"
          testId="deploy-price-minute"
          text={formatPerMinute(q.perHour, q.currency)}
        />
        <Amount
          label="Per day"
          testId="deploy-price-day"
          text={q.perDay == null ? "—" : `${formatMoney(q.perDay, q.currency)}/day`}
        />
      </dl>
      <p className="text-sm">
        Your balance of {formatMoney(q.balance ?? 0, q.currency)} lasts{" "}
        <span data-testid="deploy-runway" className="font-semibold">
          {formatRunway(q.runwayHours)}
        </span>{" "}
        at this rate. No charge while the VM is being created.
      </p>
      {!q.coversDay && (
        <Alert tone="warning" testId="deploy-runway-warning" title="Your balance does not cover a day at this rate">
          When it runs out the VM is hibernated.{" "}
          <Link to={pagePath("billing")} className="font-medium text-primary underline">
            Add credits on Billing & Credits
          </Link>
        </Alert>
      )}
    </section>
  );
}

function Amount({ label, testId, text }: { label: string; testId: string; text: string }) {
  return (
    <div className="rounded-md bg-surface-2 px-3 py-2">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd data-testid={testId} className="font-semibold tabular-nums">
        {text}
      </dd>
    </div>
  );
}

/** The server said no: what to do, in its words; every choice is still as it was. */
function Refusal({ error }: { error: AppError }) {
  const detail = errorDetail(error);
  return (
    <Alert testId="deploy-error" title={error.humanMessage}>
      {detail && <p>{detail}</p>}
      {error.code === "InsufficientCredits" && (
        <p className="mt-1">
          <Link
            to={pagePath("billing")}
            data-testid="deploy-billing-link"
            className="font-medium text-primary underline"
          >
            Add credits on Billing & Credits
          </Link>
          , then come back: your choices are kept in the draft.
        </p>
      )}
    </Alert>
  );
}
