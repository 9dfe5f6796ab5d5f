import { useState } from "react";
import type { VMSecurityRule_Serialize } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { useRemoveSecurityRule } from "./mutations";
import { RuleForm } from "./RuleForm";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { describeRule, formatPorts } from "./ruleForm";
import { settingVerdict, type VM } from "./status";

type Rule = VMSecurityRule_Serialize;

/** What a rule is listed by. */
const RULE_COLUMNS: Column<Rule>[] = [
  { head: "Direction", cell: (r) => r.direction },
  { head: "Protocol", cell: (r) => r.protocol.toUpperCase() },
  { head: "IP version", cell: (r) => r.ethertype },
  { head: "Remote range", cell: (r) => r.remote_ip_prefix, className: "font-mono text-xs" },
  { head: "Ports", cell: (r) => formatPorts(r.port_range_min, r.port_range_max), className: "tabular-nums" },
];

/** The VM's own rules (VM-07): list, add, remove after asking. */
export function SecurityRules({ vm }: { vm: VM }) {
  const remove = useRemoveSecurityRule(vm);
  const guard = useSubmitGuard();
  const [removing, setRemoving] = useState<Rule | null>(null);
  const reason = settingVerdict(vm.status, "change_security_rules");
  const columns: Column<Rule>[] = [
    ...RULE_COLUMNS,
    {
      head: null,
      cell: (r) => (
        <Button
          variant="ghost"
          data-testid={`rule-remove-${r.id}`}
          disabled={reason !== null}
          title={reason ?? undefined}
          pending={remove.isPending && remove.variables === r.id}
          onClick={() => setRemoving(r)}
        >
          Remove
        </Button>
      ),
      className: "text-right",
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      <DataTable
        testId="rules-table"
        columns={columns}
        rows={vm.security_rules}
        rowKey={(r) => r.id}
        rowTestId={(r) => `rule-row-${r.id}`}
        empty={{ testId: "rules-empty", text: "No per-instance rules. Attached firewalls still apply." }}
      />
      {reason && <p className="text-xs text-warning">{reason}</p>}
      <RuleForm vm={vm} disabledReason={reason} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && !remove.isPending && setRemoving(null)}
        title={`Remove this rule from ${vm.name}?`}
        confirmLabel="Remove rule"
        pending={remove.isPending}
        onConfirm={() =>
          removing &&
          void guard(async () => {
            try {
              await remove.mutateAsync(removing.id);
            } finally {
              setRemoving(null);
            }
          })
        }
      >
        <p className="font-mono text-xs">{removing ? describeRule(removing) : ""}</p>
        <p className="mt-2">
          Traffic it allowed is no longer let through (within 10 minutes), unless a firewall allows it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
