import type { ReactNode } from "react";
import { ArrowLeft } from "lucide-react";
import { Link, useLocation, useParams } from "react-router";
import { Alert } from "../components/ui/Alert";
import { HibernateTimerControl } from "../features/billing/HibernateTimerControl";
import { Card, CardTitle } from "../components/ui/Card";
import { BillingRecords } from "../features/instances/BillingRecords";
import { DataStatus } from "../components/ui/DataStatus";
import { FirewallsList } from "../features/firewalls/FirewallsList";
import { PublicIpToggle } from "../features/instances/PublicIpToggle";
import { useInstance, useInstancesOverview } from "../features/instances/queries";
import { SecurityRules } from "../features/instances/SecurityRules";
import { SshCommand } from "../features/sshKeys/SshCommand";
import { OpenVm } from "../features/instances/OpenVm";
import { StatusBadge } from "../components/ui/StatusBadge";
import { normalizeStatus, type VM } from "../features/instances/status";
import { VmActions } from "../features/instances/VmActions";
import { VmPrice } from "../features/instances/VmPrice";
import { VmSpecs } from "../features/instances/VmSpecs";
import { VolumesList } from "../features/volumes/VolumesList";
import { pagePath } from "../app/pages";
import { deployAgainPath } from "../features/deploy/draft";

/** /instances/:id — one VM: specs, price, actions, SSH, public IP, volumes, firewalls, rules, billing. */
export function InstanceDetailPage() {
  const id = useParams().id ?? "";
  const detail = useInstance(id);
  const overview = useInstancesOverview();
  const row = overview.data?.rows.find((r) => r.vm.id === id);
  const vm = detail.data ?? row?.vm;
  // Right after the wizard, the id comes with the navigation if the VM's answer lacks it.
  const state = useLocation().state as { deploymentId?: string | null } | null;
  const deploymentId = vm?.deployment_id ?? state?.deploymentId ?? null;

  return (
    <div data-testid="page-instance-detail" className="flex flex-col gap-4">
      <Link
        to={pagePath("instances")}
        className="inline-flex items-center gap-1 self-start text-sm text-fg-muted hover:text-fg"
      >
        <ArrowLeft aria-hidden className="size-4" />
        Instances
      </Link>
      <DataStatus query={detail} />
      {!vm ? (
        detail.isPending && <p className="text-sm text-fg-muted">Loading the VM…</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <h1 data-testid="vm-name" className="text-2xl font-semibold">
              {vm.name}
            </h1>
            <StatusBadge status={vm.status} testId="vm-status" />
            {deploymentId && (
              <span className="text-sm text-fg-muted" title="Quote it to support (DEP-61)">
                Deployment ID{" "}
                <span data-testid="deployment-id" className="font-mono text-fg select-all">
                  {deploymentId}
                </span>
              </span>
            )}
            <Link
              to={deployAgainPath(vm.id)}
              data-testid="deploy-again"
              className="ml-auto rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-surface-2"
            >
              Deploy again
            </Link>
          </div>
          <Gone vm={vm} notFound={detail.error?.code === "NotFound"} />
          <div className="grid items-start gap-6 xl:grid-cols-3">
            <div className="flex flex-col gap-6 xl:col-span-2">
              <Section title="Specs">
                <VmSpecs vm={vm} />
              </Section>
              <Section title="Connect">
                <div className="flex flex-col gap-5">
                  <OpenVm vm={vm} />
                  <SshCommand vm={vm} />
                  <PublicIpToggle vm={vm} />
                </div>
              </Section>
              <Section title="Security rules">
                <SecurityRules vm={vm} />
              </Section>
              <Section title="Firewalls">
                <FirewallsList vmId={vm.id} />
              </Section>
              <Section title="Volumes">
                <VolumesList vm={vm} />
              </Section>
              <Section title="Billing">
                <BillingRecords vmId={vm.id} />
              </Section>
            </div>
            <div className="flex flex-col gap-6">
              <Section title="Pricing now">
                <VmPrice
                  status={vm.status}
                  hourlyRate={row?.hourlyRate}
                  fullRate={row?.fullRate}
                  currency={overview.data?.currency ?? "USD"}
                  unknownState={row?.unknownState}
                />
              </Section>
              <Section title="Actions">
                <VmActions vm={vm} />
              </Section>
              <Section title="Hibernate timer">
                <HibernateTimerControl vm={vm} />
              </Section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardTitle>{title}</CardTitle>
      {children}
    </Card>
  );
}

/** Deleted meanwhile (here or elsewhere): what is shown is its last known state. */
function Gone({ vm, notFound }: { vm: VM; notFound: boolean }) {
  if (!notFound && normalizeStatus(vm.status) !== "DELETED") return null;
  return (
    <Alert tone="warning" title={`${vm.name} has been deleted`}>
      It is no longer billed.{" "}
      <Link to={pagePath("instances")} className="font-medium text-primary underline">
        Back to the instances
      </Link>
    </Alert>
  );
}
