// AI usage (AI-02): the summary (requests, tokens, total cost, per model) and the history of
// charged requests with their costs, a page at a time — every figure as the API gives it.

import { useMemo, useState } from "react";
import type { AITransaction_Serialize, ModelUsage_Serialize } from "../../bindings";
import { Card, CardTitle } from "../../components/ui/Card";
import { DataStatus } from "../../components/ui/DataStatus";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { Pager } from "../../components/ui/Pager";
import { Stat } from "../../components/ui/Stat";
import { formatDateTime } from "../../lib/format";
import { formatAiCost, formatCount } from "./format";
import { HISTORY_PER_PAGE, useAiUsageHistory, useAiUsageSummary } from "./queries";

type Names = (id: string) => string;

function byModelColumns(name: Names, currency: string | null): Column<ModelUsage_Serialize>[] {
  return [
    { head: "Model", cell: (m) => name(m.model) },
    { head: "Requests", cell: (m) => formatCount(m.requests), className: "tabular-nums" },
    { head: "Tokens", cell: (m) => formatCount(m.tokens), className: "tabular-nums" },
    { head: "Cost", cell: (m) => formatAiCost(m.cost, currency), className: "tabular-nums" },
  ];
}

function historyColumns(name: Names, currency: string | null): Column<AITransaction_Serialize>[] {
  return [
    { head: "When", cell: (t) => formatDateTime(t.created_at) },
    { head: "Model", cell: (t) => name(t.model) },
    {
      head: "Tokens (in / out)",
      cell: (t) => `${formatCount(t.prompt_tokens)} / ${formatCount(t.completion_tokens)}`,
      className: "tabular-nums",
    },
    { head: "Cost", cell: (t) => formatAiCost(t.cost, t.currency ?? currency), className: "tabular-nums" },
  ];
}

export function UsagePanel({ modelName }: { modelName: Names }) {
  const summary = useAiUsageSummary();
  const [page, setPage] = useState(1);
  const history = useAiUsageHistory(page);
  const s = summary.data;
  const currency = s?.currency ?? null;
  const h = history.data;
  const modelColumns = useMemo(() => byModelColumns(modelName, currency), [modelName, currency]);
  const txColumns = useMemo(() => historyColumns(modelName, currency), [modelName, currency]);
  return (
    <Card data-testid="ai-usage" className="flex flex-col gap-4">
      <CardTitle>Usage</CardTitle>
      <DataStatus query={summary} />
      {s && (
        <>
          <div className="grid grid-cols-3 gap-2">
            <Stat label="Requests" value={formatCount(s.total_requests)} testId="ai-usage-requests" />
            <Stat label="Tokens" value={formatCount(s.total_tokens)} testId="ai-usage-tokens" />
            <Stat label="Total cost" value={formatAiCost(s.total_cost, currency)} testId="ai-usage-cost" />
          </div>
          {s.by_model.length > 0 && (
            <DataTable
              testId="ai-usage-by-model"
              caption="By model"
              columns={modelColumns}
              rows={s.by_model}
              rowKey={(m) => m.model}
              rowTestId={(m) => `ai-usage-model-${m.model}`}
            />
          )}
        </>
      )}
      <DataStatus query={history} />
      {h && (
        <>
          <DataTable
            testId="ai-history"
            caption="History"
            columns={txColumns}
            rows={h.transactions}
            rowKey={(t) => t.id}
            rowTestId={(t) => `ai-history-row-${t.id}`}
            empty={{ testId: "ai-history-empty", text: "No AI requests yet." }}
          />
          <Pager page={page} total={h.total ?? 0} perPage={HISTORY_PER_PAGE} onPage={setPage} />
        </>
      )}
    </Card>
  );
}
