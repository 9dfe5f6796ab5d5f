import { Link } from "react-router";
import { pagePath } from "../../app/pages";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { useInstanceFirewalls } from "../instances/queries";

type Firewall = NonNullable<ReturnType<typeof useInstanceFirewalls>["data"]>[number];

const COLUMNS: Column<Firewall>[] = [
  { head: "Name", cell: (f) => f.name },
  { head: "Firewall", cell: (f) => f.status },
  { head: "Attachment", cell: (f) => f.attachment_status },
  { head: "Rules", cell: (f) => f.rules_count, className: "tabular-nums" },
];

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
    <DataTable
      testId="firewalls-table"
      columns={COLUMNS}
      rows={list}
      rowKey={(f) => f.firewall_id}
      rowTestId={(f) => `firewall-row-${f.name}`}
    />
  );
}
