import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useNavigate, useSearchParams } from "react-router";
import { toast } from "sonner";
import { call, toAppError } from "../lib/ipc";
import { commands, type DeploymentRequest_Serialize, type DeploymentResponse_Serialize } from "../bindings";
import { BOOT_KIND_NOUN } from "../features/deploy/bootStep";
import { DeployWizard } from "../features/deploy/DeployWizard";
import { applyDeepLink, draftFromTemplate, draftFromVm, readDeepLink } from "../features/deploy/draft";
import { TemplatesPanel } from "../features/deploy/TemplatesPanel";
import { useDraft } from "../features/deploy/useDraft";
import { templateKeys, type DeployTemplate } from "../features/deploy/useTemplates";
import type { Draft } from "../features/deploy/wizard";
import { Button } from "../components/ui/Button";
import { vmKeys } from "../features/instances/queries";
import type { VM } from "../features/instances/status";
import { PageHeader } from "../components/ui/PageHeader";

/**
 * /deploy — the wizard on its saved draft, with the templates beside it. An address can
 * bring choices in (`?region&boot&image` from the Images page, `?again` from a VM).
 */
export function DeployPage() {
  const { draft, setDraft, discard } = useDraft();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  // A new `run` remounts the wizard: its visited steps, errors and secrets start afresh.
  const [run, setRun] = useState({ key: 0, notices: [] as string[] });
  const loaded = draft !== null;
  const search = params.toString();

  const restart = useCallback(
    (next: Draft, notices: string[]) => {
      setDraft(next, true);
      setRun((r) => ({ key: r.key + 1, notices }));
    },
    [setDraft],
  );

  // Choices carried by the address go onto the draft once it is read, then leave the address
  // (once per address: StrictMode runs effects twice).
  const applied = useRef("");
  useEffect(() => {
    if (search === "") applied.current = "";
    if (!loaded || !draft || search === "" || applied.current === search) return;
    applied.current = search;
    const again = params.get("again");
    // `barrack://deploy?template=<name>` arrives as `?template=<name>` (checked in Rust).
    const template = params.get("template");
    const link = readDeepLink(params);
    setParams({}, { replace: true });
    if (again) {
      const cached = qc.getQueryData<VM>(vmKeys.detail(again));
      const vm = cached ? Promise.resolve(cached) : call(commands.getInstance(again)).then((r) => r.instance);
      vm.then((v) =>
        restart(draftFromVm(v), [`The configuration of ${v.name} is loaded. Give the new VM a name.`]),
      ).catch((e) =>
        toast.error(toAppError(e).humanMessage, { description: "The VM to deploy again could not be read." }),
      );
    } else if (template) {
      const cached = qc.getQueryData<DeployTemplate[]>(templateKeys.list);
      const list = cached ? Promise.resolve(cached) : call(commands.listDeployTemplates());
      list
        .then((ts) => {
          const t = ts.find((x) => x.name === template);
          if (t) loadTemplate(t);
          else
            toast.error(`No saved template is named ${template}`, {
              description: "The link's template was not found.",
            });
        })
        .catch((e) => toast.error(toAppError(e).humanMessage, { description: "The templates could not be read." }));
    } else if (link) {
      const what = [
        link.region && `region ${link.region}`,
        link.bootKind && link.bootId && `the ${BOOT_KIND_NOUN[link.bootKind]} ${link.bootName ?? link.bootId}`,
      ].filter(Boolean);
      restart(applyDeepLink(draft, link), what.length ? [`Chosen from the link: ${what.join(" and ")}.`] : []);
    }
    // Only a new address matters; the draft is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, search]);

  async function discardDraft() {
    // discard() resets the draft to an empty one without saving it; the wizard starts afresh.
    await discard();
    setRun((r) => ({ key: r.key + 1, notices: [] }));
    toast.success("Draft discarded");
  }

  function loadTemplate(t: DeployTemplate) {
    restart(draftFromTemplate(t.draft), [`Template ${t.name} loaded. Give the VM a name and check the review.`]);
  }

  function onDeployed(res: DeploymentResponse_Serialize, body: DeploymentRequest_Serialize) {
    void discard();
    const deploymentId = res.deployment_id ?? res.instance?.deployment_id ?? null;
    // The detail page opens on the answer at once, with the deployment id to quote to support.
    if (res.instance)
      qc.setQueryData<VM>(vmKeys.detail(res.instance_id), { ...res.instance, deployment_id: deploymentId });
    void qc.invalidateQueries({ queryKey: vmKeys.overview });
    void qc.invalidateQueries({ queryKey: ["dashboard"] });
    toast.success(`Deploying ${body.name}`, {
      description: deploymentId
        ? `Deployment ID ${deploymentId}. No charge until it is ACTIVE.`
        : "No charge until it is ACTIVE.",
    });
    void navigate(`/instances/${encodeURIComponent(res.instance_id)}`, { state: { deploymentId } });
  }

  return (
    <div data-testid="page-deploy" className="flex flex-col gap-4">
      <PageHeader
        page="deploy"
        actions={
          <Button data-testid="deploy-discard" variant="ghost" disabled={!draft} onClick={() => void discardDraft()}>
            <Trash2 aria-hidden className="size-4" />
            Discard draft
          </Button>
        }
      />
      {!draft ? (
        <p className="text-sm text-fg-muted">Opening your draft…</p>
      ) : (
        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
          <DeployWizard
            key={run.key}
            draft={draft}
            setDraft={setDraft}
            initialNotices={run.notices}
            onDeployed={onDeployed}
          />
          <TemplatesPanel draft={draft} onUse={loadTemplate} />
        </div>
      )}
    </div>
  );
}
