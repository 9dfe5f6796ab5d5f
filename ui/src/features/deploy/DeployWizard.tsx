import { useFocusRequest } from "../../components/ui/useFocusRequest";
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { resourceNameCheck } from "../../lib/checks";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { ruleListCheck } from "../instances/checks";
import { call, toAppError, type AppError } from "../../lib/ipc";
import {
  commands,
  type DeploymentRequest_Serialize,
  type DeploymentResponse_Serialize,
  type NameCheck_Serialize,
} from "../../bindings";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { DataStatus } from "../../components/ui/DataStatus";
import { useInstancesOverview } from "../instances/queries";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { AdvancedStep } from "./AdvancedStep";
import { useScripts } from "../scripts/queries";
import { validateAdvanced, type AdvancedChecks } from "./advancedStep";
import { cloudInitCheck, jupyterPasswordCheck } from "./checks";
import { BootStep } from "./BootStep";
import { findBootItem, validateBoot, type BootItem } from "./bootStep";
import { buildRequest, fitGpuChange, fitRegionChange, isStepId, touchesGpu } from "./draft";
import { GpuStep } from "./GpuStep";
import { validateGpu } from "./gpuStep";
import { KeysStep } from "./KeysStep";
import { useSshKeys } from "../sshKeys/queries";
import { validateKeys } from "./keysStep";
import { RegionStep } from "./RegionStep";
import { validateRegion } from "./regionStep";
import { placeRefusal, takenNames, validateReview, vmNameForm } from "./review";
import { ReviewStep } from "./ReviewStep";
import { StepNav } from "./StepNav";
import { useBootLists, useDeployCatalog } from "./useDeployCatalog";
import { fieldDomId, STEPS, STEP_LABELS, type Draft, type Secrets, type StepErrors, type StepId } from "./wizard";

type Props = {
  draft: Draft;
  /** Replaces the draft; `now` saves it at once (step changes). */
  setDraft: (next: Draft, now?: boolean) => void;
  /** Said when the wizard opens (a link or "Deploy again" changed the draft). */
  initialNotices?: string[];
  onDeployed: (res: DeploymentResponse_Serialize, request: DeploymentRequest_Serialize) => void;
};

type FieldError = { step: StepId; field: string; message: string };

/** The backend's answers about the draft's typed fields (each `undefined` until it is in). */
type Answers = { name: NameCheck_Serialize | undefined; advanced: AdvancedChecks };

const hasErrors = (e: StepErrors) => Object.keys(e).length > 0;

/**
 * The steps in order (wizard.ts STEPS). Next checks the step first; a refused step shows its
 * errors and focuses the first field at fault. An earlier change that undoes later choices
 * says so in a notice.
 */
export function DeployWizard({ draft, setDraft, initialNotices = [], onDeployed }: Props) {
  const catalog = useDeployCatalog();
  const boot = useBootLists(draft.region);
  const keys = useSshKeys();
  const scripts = useScripts();
  const overview = useInstancesOverview();
  const taken = useMemo(() => takenNames(overview.data?.rows), [overview.data]);

  const step: StepId = isStepId(draft.step) ? draft.step : "gpu";
  const [secrets, setSecrets] = useState<Secrets>({ jupyterPassword: "" });
  const [visited, setVisited] = useState<ReadonlySet<StepId>>(() => new Set(STEPS.slice(0, STEPS.indexOf(step) + 1)));
  const [attempted, setAttempted] = useState<ReadonlySet<StepId>>(new Set());
  const [serverError, setServerError] = useState<FieldError | null>(null);
  const [notices, setNotices] = useState<string[]>(initialNotices);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const focusOn = useFocusRequest();

  // The boot source chosen, as last seen in a list: named in the notice if a region change drops it.
  const lastBoot = useRef<BootItem | undefined>(undefined);
  const shownBoot = findBootItem(boot.lists, draft.bootKind, draft.bootId);
  if (shownBoot) lastBoot.current = shownBoot;

  // `update` stays the same function (steps use it in effects) and reads the latest state.
  const latest = useRef({ draft, catalog: catalog.data });
  latest.current = { draft, catalog: catalog.data };

  const commit = useCallback(
    (next: Draft, now = false) => {
      latest.current = { ...latest.current, draft: next };
      setDraft(next, now);
    },
    [setDraft],
  );

  const update = useCallback(
    (patch: Partial<Draft>) => {
      const prev = latest.current.draft;
      let next: Draft = { ...prev, ...patch };
      const said: string[] = [];
      if (touchesGpu(patch)) {
        const fitted = fitGpuChange(next, latest.current.catalog);
        next = fitted.draft;
        said.push(...fitted.notices);
      }
      if (next.region !== prev.region) {
        const fitted = fitRegionChange(next, prev.region, lastBoot.current);
        next = fitted.draft;
        said.push(...fitted.notices);
      }
      commit(next);
      if (said.length > 0) setNotices(said);
      setServerError((e) => (e && (e.field in patch || (e.field === "bootId" && "bootKind" in patch)) ? null : e));
    },
    [commit],
  );

  const updateSecrets = useCallback((s: Secrets) => {
    setSecrets(s);
    setServerError((e) => (e?.field === "jupyterPassword" ? null : e));
  }, []);

  // The rules of the typed fields are Rust's: asked as they change (for the errors shown) and
  // asked again, for exactly the current inputs, before moving on or deploying.
  const checkNow = useCheckNow();
  const inputs = (d: Draft, s: Secrets) => ({
    name: vmNameForm(d.name, taken),
    rules: d.securityRules,
    jupyter: d.jupyterEnabled ? s.jupyterPassword : null,
    cloudInit: d.cloudInit,
  });
  const now = inputs(draft, secrets);
  const live: Answers = {
    name: useCheck(resourceNameCheck, now.name, visited.has("review")).data,
    advanced: {
      rules: useCheck(ruleListCheck, now.rules, visited.has("advanced")).data,
      jupyter: useCheck(jupyterPasswordCheck, now.jupyter ?? "", now.jupyter !== null).data,
      cloudInit: useCheck(cloudInitCheck, now.cloudInit, visited.has("advanced")).data,
    },
  };

  /** The answers for the current draft; a check that fails rejects (the deploy stops there). */
  async function answersNow(): Promise<Answers> {
    const i = inputs(latest.current.draft, secrets);
    const [name, rules, jupyter, cloudInit] = await Promise.all([
      checkNow(resourceNameCheck, i.name),
      checkNow(ruleListCheck, i.rules),
      i.jupyter === null ? undefined : checkNow(jupyterPasswordCheck, i.jupyter),
      checkNow(cloudInitCheck, i.cloudInit),
    ]);
    return { name, advanced: { rules, jupyter, cloudInit } };
  }

  function validate(s: StepId, answers: Answers): StepErrors {
    const d = latest.current.draft;
    switch (s) {
      case "gpu":
        return validateGpu(d, catalog.data);
      case "region":
        return validateRegion(d, catalog.data);
      case "boot":
        return validateBoot(d, boot.lists);
      case "keys":
        // Keys not loaded yet: the chosen ids are taken on trust (the server checks them too).
        if (!keys.data) return d.sshKeyIds.length > 0 ? {} : validateKeys(d, []);
        return validateKeys(d, keys.data);
      case "advanced":
        return validateAdvanced(d, scripts.data, answers.advanced);
      case "review":
        return validateReview(answers.name);
    }
  }

  function move(to: StepId) {
    setVisited((v) => new Set(v).add(to));
    commit({ ...latest.current.draft, step: to }, true);
    focusOn("deploy-step-heading");
  }

  function refuse(at: StepId, field: string) {
    setAttempted((a) => new Set(a).add(at));
    if (at !== step) move(at);
    focusOn(fieldDomId(field));
  }

  /**
   * Forward checks every step before the target (with the backend's answers for the current
   * inputs once the Advanced step is among them; one that cannot be had is left to Deploy);
   * back goes straight there.
   */
  async function goTo(target: StepId) {
    const before = STEPS.slice(0, STEPS.indexOf(target));
    if (STEPS.indexOf(target) > STEPS.indexOf(step)) {
      const answers = before.includes("advanced") ? await answersNow().catch(() => live) : live;
      for (const s of before) {
        const errors = validate(s, answers);
        if (hasErrors(errors)) return refuse(s, Object.keys(errors)[0]!);
      }
    }
    move(target);
  }

  const guard = useSubmitGuard();
  const deploy = useMutation({
    mutationFn: (body: DeploymentRequest_Serialize) => call(commands.deployInstance(body)),
    // Refusals are shown where they belong (a field, or the banner above Deploy).
    meta: { quiet: true },
  });

  function submit() {
    void guard(async () => {
      setRefusal(null);
      // Never what the rules have not seen: the answers for exactly what is on screen now.
      let answers: Answers;
      try {
        answers = await answersNow();
      } catch (e) {
        return setRefusal(toAppError(e));
      }
      for (const s of STEPS) {
        const errors = validate(s, answers);
        if (hasErrors(errors)) return refuse(s, Object.keys(errors)[0]!);
      }
      // The name as Rust accepted it (trimmed), the rest as chosen.
      const body = { ...buildRequest(latest.current.draft, secrets), name: answers.name?.value ?? "" };
      try {
        onDeployed(await deploy.mutateAsync(body), body);
      } catch (e) {
        const placed = placeRefusal(toAppError(e));
        if (placed.kind === "banner") return setRefusal(placed.error);
        setServerError(placed);
        refuse(placed.step, placed.field);
      }
    });
  }

  const errors: StepErrors = {
    ...(attempted.has(step) ? validate(step, live) : {}),
    ...(serverError?.step === step ? { [serverError.field]: serverError.message } : {}),
  };
  const props = { draft, update, errors };
  const index = STEPS.indexOf(step);

  let body: ReactNode;
  if ((step === "gpu" || step === "region") && !catalog.data) {
    body = !catalog.error && <p className="text-sm text-fg-muted">Loading the GPUs in stock…</p>;
  } else if (step === "gpu") {
    body = <GpuStep {...props} catalog={catalog.data!} />;
  } else if (step === "region") {
    body = <RegionStep {...props} catalog={catalog.data!} />;
  } else if (step === "boot") {
    body = <BootStep key={draft.region ?? ""} {...props} lists={boot.lists} status={boot.queries} />;
  } else if (step === "keys") {
    body = <KeysStep {...props} />;
  } else if (step === "advanced") {
    body = <AdvancedStep {...props} secrets={secrets} setSecrets={updateSecrets} scripts={scripts.data} />;
  } else {
    body = (
      <ReviewStep
        {...props}
        body={buildRequest(draft, secrets)}
        bootItem={shownBoot ?? lastBoot.current}
        keys={keys.data}
        taken={taken}
        onEdit={(s) => void goTo(s)}
        onDeploy={submit}
        pending={deploy.isPending}
        refusal={refusal}
      />
    );
  }

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <StepNav current={step} visited={visited} onGo={(s) => void goTo(s)} />
      {notices.length > 0 && <Notice notices={notices} onDismiss={() => setNotices([])} />}
      {(step === "gpu" || step === "region") && <DataStatus query={catalog} />}
      <Card data-testid={`deploy-step-${step}`} aria-labelledby="deploy-step-heading">
        <h2 id="deploy-step-heading" tabIndex={-1} className="mb-4 text-base font-semibold">
          <span className="text-fg-muted">
            Step {index + 1} of {STEPS.length}:
          </span>{" "}
          {STEP_LABELS[step]}
        </h2>
        {body}
        <div className="mt-6 flex justify-between gap-2 border-t border-border pt-4">
          <Button data-testid="deploy-back" disabled={index === 0} onClick={() => void goTo(STEPS[index - 1]!)}>
            Back
          </Button>
          {step !== "review" && (
            <Button variant="primary" data-testid="deploy-next" onClick={() => void goTo(STEPS[index + 1]!)}>
              Next: {STEP_LABELS[STEPS[index + 1]!]}
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}

/** What an earlier change undid later on, and why (Deliver 5). */
function Notice({ notices, onDismiss }: { notices: string[]; onDismiss: () => void }) {
  return (
    <div
      data-testid="deploy-notice"
      role="status"
      className="flex items-start justify-between gap-3 rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm"
    >
      <ul className="flex flex-col gap-1">
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss} className="shrink-0 text-xs font-medium underline">
        Dismiss
      </button>
    </div>
  );
}
