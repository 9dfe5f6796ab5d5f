import { useState } from "react";
import type { VMSecurityRule_Serialize } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { useRemoveSecurityRule } from "./mutations";
import { RuleForm } from "./RuleForm";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { formatPorts } from "./ruleForm";
import { settingVerdict, type VM } from "./status";

type Rule = VMSecurityRule_Serialize;

export function describeRule(r: Rule): string {
  const ports = formatPorts(r.port_range_min, r.port_range_max);
  return `${r.direction} ${r.protocol.toUpperCase()}${ports === "—" ? "" : ` ${ports}`} ${r.ethertype} from ${r.remote_ip_prefix}`;
}

/** The VM's own rules (VM-07): list, add, remove after asking. */
export function SecurityRules({ vm }: { vm: VM }) {
  const remove = useRemoveSecurityRule(vm);
  const guard = useSubmitGuard();
  const [removing, setRemoving] = useState<Rule | null>(null);
  const reason = settingVerdict(vm.status, "change_security_rules");

  return (
    <div className="flex flex-col gap-4">
      <table data-testid="rules-table" className="w-full text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
        <thead className="text-xs text-fg-muted">
          <tr>
            <th className="py-2 font-medium">Direction</th>
            <th className="py-2 font-medium">Protocol</th>
            <th className="py-2 font-medium">IP version</th>
            <th className="py-2 font-medium">Remote range</th>
            <th className="py-2 font-medium">Ports</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody>
          {vm.security_rules.length === 0 && (
            <tr className="border-t border-border">
              <td data-testid="rules-empty" colSpan={6} className="py-2 text-fg-muted">
                No per-instance rules. Attached firewalls still apply.
              </td>
            </tr>
          )}
          {vm.security_rules.map((r) => (
            <tr key={r.id} data-testid={`rule-row-${r.id}`} className="border-t border-border">
              <td className="py-1.5">{r.direction}</td>
              <td className="py-1.5">{r.protocol.toUpperCase()}</td>
              <td className="py-1.5">{r.ethertype}</td>
              <td className="py-1.5 font-mono text-xs">{r.remote_ip_prefix}</td>
              <td className="py-1.5 tabular-nums">{formatPorts(r.port_range_min, r.port_range_max)}</td>
              <td className="py-1.5 text-right">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
