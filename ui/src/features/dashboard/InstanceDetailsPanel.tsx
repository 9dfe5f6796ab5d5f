import { Copy, ExternalLink } from "lucide-react";
import { Link } from "react-router";
import { toast } from "sonner";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { useConnectionHelp } from "../sshKeys/SshCommand";
import { StatusBadge } from "../../components/ui/StatusBadge";
import { VmSpecs } from "../instances/VmSpecs";
import type { VM } from "../instances/status";

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`);
  } catch {
    toast.error(`Could not copy the ${what.toLowerCase()}; select it and copy it by hand.`);
  }
}

/** DASH-01 left: the selected VM's specs, addresses, live status and quick actions. */
export function InstanceDetailsPanel({ vm }: { vm: VM }) {
  const ssh = useConnectionHelp(vm).data?.ssh ?? null;
  return (
    <Card data-testid="instance-details-panel">
      <CardTitle>Instance Details</CardTitle>
      <div className="mb-4 flex items-center justify-between gap-3">
        <p data-testid="vm-name" className="truncate text-lg font-semibold" title={vm.name}>
          {vm.name}
        </p>
        <StatusBadge status={vm.status} testId="vm-status" />
      </div>
      <VmSpecs vm={vm} />
      <div className="mt-5 flex flex-wrap gap-2">
        <Link
          to={`/instances/${encodeURIComponent(vm.id)}`}
          data-testid="quick-vm-details"
          className="inline-flex items-center gap-2 rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-surface-2"
        >
          <ExternalLink aria-hidden className="size-4" />
          Details, rules & billing
        </Link>
        {ssh && (
          <Button data-testid="quick-copy-ssh" onClick={() => void copy(ssh, "SSH command")} title={ssh}>
            <Copy aria-hidden className="size-4" />
            Copy SSH
          </Button>
        )}
        {vm.public_ip_enabled && vm.public_ip && (
          <Button data-testid="quick-copy-ip" onClick={() => void copy(vm.public_ip ?? "", "Public IP")}>
            <Copy aria-hidden className="size-4" />
            Copy IP
          </Button>
        )}
      </div>
    </Card>
  );
}
