import { useCheckConnection } from "../account/session";
import { type ProbeResult } from "../../bindings";
import type { Outcome } from "../../bindings";
import { cn } from "../../lib/cn";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { DataTable, type Column } from "../../components/ui/DataTable";

const OUTCOMES: { outcome: Outcome; label: string; tone: string }[] = [
  { outcome: "ok", label: "OK", tone: "text-success" },
  { outcome: "shape-differs", label: "Shape differs", tone: "text-warning" },
  { outcome: "failed", label: "Failed", tone: "text-danger" },
  { outcome: "skipped", label: "Skipped", tone: "text-fg-muted" },
];

function outcomeInfo(outcome: string) {
  return OUTCOMES.find((o) => o.outcome === outcome) ?? { outcome, label: outcome, tone: "" };
}

const COLUMNS: Column<ProbeResult>[] = [
  { head: "Operation", cell: (r) => r.op, className: "font-mono text-xs" },
  { head: "Path", cell: (r) => r.path, className: "font-mono text-xs" },
  {
    head: "Outcome",
    cell: (r) => outcomeInfo(r.result).label,
    className: (r) => cn("font-medium", outcomeInfo(r.result).tone),
  },
  { head: "Detail", cell: (r) => r.detail, className: "text-xs text-fg-muted" },
];

/** Read-only probe of every read endpoint: which answered with the shapes this app expects. */
export function ConnectionCheck() {
  const check = useCheckConnection();
  return (
    <Card data-testid="connection-check">
      <CardTitle
        actions={
          <Button data-testid="check-connection" pending={check.isPending} onClick={() => check.mutate()}>
            {check.isPending ? "Checking…" : "Check connection"}
          </Button>
        }
      >
        Connection
      </CardTitle>
      <p className="text-sm text-fg-muted">
        Calls every read-only endpoint of the current account and reports which answered as expected. Nothing is
        changed. If you use a real account, the result tells us where Barrack's API differs from what this app assumes.
      </p>
      {check.data && <ProbeResults results={check.data} />}
    </Card>
  );
}

function ProbeResults({ results }: { results: ProbeResult[] }) {
  return (
    <div className="mt-4">
      <p data-testid="check-summary" className="mb-3 flex flex-wrap gap-4 text-sm">
        <span>{results.length} endpoints</span>
        {OUTCOMES.map(({ outcome, label, tone }) => (
          <span key={outcome} data-testid={`check-count-${outcome}`} className={tone}>
            {label}: {results.filter((r) => r.result === outcome).length}
          </span>
        ))}
      </p>
      <DataTable
        testId="check-table"
        columns={COLUMNS}
        rows={results}
        rowKey={(r) => `${r.op} ${r.path}`}
        rowTestId={(r) => `check-row-${r.op}`}
        alignTop
      />
    </div>
  );
}
