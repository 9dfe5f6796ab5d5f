import { Link } from "react-router";
import { pagePath } from "../../app/pages";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { useInstanceFirewalls } from "../instances/queries";

/** Firewalls attached to the VM (VM-08). */
export function FirewallsList({ vmId }: { vmId: string }) {
  const firewalls = useInstanceFirewalls(vmId);
  if (firewalls.isPending) return <p className="text-sm text-fg-muted">Loading firewalls…</p>;
  if (firewalls.isError && !firewalls.data) {
    return <ErrorBanner error={firewalls.error} onRetry={() => void firewalls.refetch()} />;
  }
  const list = firewalls.data ?? [];
  if (list.length === 0) {
    return (
      <p data-testid="firewalls-empty" className="text-sm text-fg-muted">
        No firewall attached: only this VM's own rules apply. Attach one on the{" "}
        <Link to={pagePath("firewalls")} className="text-primary underline">
          Firewalls
        </Link>{" "}
        page.
      </p>
    );
  }
  return (
    <table data-testid="firewalls-table" className="w-full text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
      <thead className="text-xs text-fg-muted">
        <tr>
          <th className="py-2 font-medium">Name</th>
          <th className="py-2 font-medium">Firewall</th>
          <th className="py-2 font-medium">Attachment</th>
          <th className="py-2 font-medium">Rules</th>
        </tr>
      </thead>
      <tbody>
        {list.map((f) => (
          <tr key={f.firewall_id} data-testid={`firewall-row-${f.name}`} className="border-t border-border">
            <td className="py-1.5">{f.name}</td>
            <td className="py-1.5">{f.status}</td>
            <td className="py-1.5">{f.attachment_status}</td>
            <td className="py-1.5 tabular-nums">{f.rules_count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
