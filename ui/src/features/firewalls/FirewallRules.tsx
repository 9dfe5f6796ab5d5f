import { useState } from "react";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "../../components/ui/Button";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { describeRule, directionLabel, formatPorts } from "../instances/ruleForm";
import { useRemoveFirewallRule } from "./mutations";
import type { Firewall } from "./queries";

type Rule = Firewall["rules"][number];

/** A firewall's rules, each with its delete control (FW-23), asked first (GEN-01): the rule
 * stops applying to every VM the firewall protects. */
export function FirewallRules({ firewall }: { firewall: Firewall }) {
  const remove = useRemoveFirewallRule(firewall.id);
  const [removing, setRemoving] = useState<Rule | null>(null);
  const vms = firewall.attachments.length;
  const columns: Column<Rule>[] = [
    { head: "Direction", cell: (r) => directionLabel(r.direction) },
    { head: "Protocol", cell: (r) => r.protocol.toUpperCase() },
    { head: "IP version", cell: (r) => r.ethertype },
    { head: "Remote range", cell: (r) => r.remote_ip_prefix, className: "font-mono break-all" },
    { head: "Ports", cell: (r) => formatPorts(r.port_range_min, r.port_range_max), className: "tabular-nums" },
    {
      head: <span className="sr-only">Actions</span>,
      cell: (r) => (
        <Button
          variant="danger"
          data-testid={`rule-remove-${r.id}`}
          aria-label="Remove this rule"
          pending={remove.isPending && remove.variables === r.id}
          disabled={remove.isPending}
          onClick={() => setRemoving(r)}
        >
          <Trash2 aria-hidden className="size-4" />
        </Button>
      ),
      className: "text-right",
    },
  ];
  return (
    <div className="flex flex-col gap-2">
      {remove.error && <ErrorBanner error={remove.error} />}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && !remove.isPending && setRemoving(null)}
        title={`Remove this rule from ${firewall.name}?`}
        confirmLabel="Remove rule"
        pending={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => toast.success("Rule removed"),
            onSettled: () => setRemoving(null),
          })
        }
      >
        <p className="font-mono text-xs">{removing ? describeRule(removing) : ""}</p>
        <p className="mt-2">
          {vms === 0
            ? "No VM uses this firewall yet."
            : `The traffic it allows is blocked on the ${vms === 1 ? "VM" : `${vms} VMs`} this firewall protects (within 10 minutes), unless another rule allows it.`}
        </p>
      </ConfirmDialog>
      {firewall.rules.length === 0 ? (
        <p data-testid="firewall-rules-empty" className="text-sm text-fg-muted">
          No rules yet: add the first one below.
        </p>
      ) : (
        <DataTable
          testId="firewall-rules"
          columns={columns}
          rows={firewall.rules}
          rowKey={(r) => r.id}
          rowTestId={(r) => `firewall-rule-${r.id}`}
        />
      )}
    </div>
  );
}
