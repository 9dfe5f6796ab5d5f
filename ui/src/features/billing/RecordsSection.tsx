import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import type { CostKind } from "../../bindings";
import { cn } from "../../lib/cn";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { Input, Select } from "../../components/ui/Input";
import { DataStatus } from "../../components/ui/DataStatus";
import { useExportCsv } from "./mutations";
import { markRecordsChange, useRecordsMarks } from "./perf";
import { plain } from "./format";
import { prefetchRecords, useBillingRecords, type BillingOverview } from "./queries";
import {
  EMPTY_FILTER,
  FIRST_KIND,
  RECORD_KINDS,
  exportFilter,
  rangeError,
  recordsQuery,
  turnPage,
  withFilter,
  type RecordRow,
  type RecordsFilter,
} from "./records";
import { RecordsTable } from "./RecordsTable";

const EMPTY_ROWS: readonly RecordRow[] = [];

/**
 * The resources a filter can pick: those the overview knows (top costs, still billing)
 * and those on the page shown. The API has no list of every billed resource.
 */
function resourceOptions(kind: CostKind, overview: BillingOverview | undefined, shown: { id: string; name: string }[]) {
  const byId = new Map<string, string>();
  for (const r of overview?.top ?? []) if (r.kind === kind) byId.set(r.id, r.name);
  for (const r of overview?.stillBilling ?? []) if (r.kind === kind) byId.set(r.id, r.name);
  for (const r of shown) if (!byId.has(r.id)) byId.set(r.id, r.name);
  return [...byId].map(([id, name]) => ({ id, name: name || id })).sort((a, b) => a.name.localeCompare(b.name));
}

type Props = {
  overview: BillingOverview | undefined;
  /** Called once, when the first page of records (or its error) is on screen. */
  onShown?: () => void;
};

/**
 * BILL-09: usage records by kind, paged and filtered by Barrack, exportable as CSV. Only the
 * page asked for is rendered; while another page or filter loads, the rows shown stay.
 */
export function RecordsSection({ overview, onShown }: Props) {
  const [kind, setKind] = useState<CostKind>(FIRST_KIND);
  const [filter, setFilter] = useState<RecordsFilter>(EMPTY_FILTER);
  const invalidRange = rangeError(filter);
  // An impossible range is not sent: the last valid filter stays asked for.
  const lastValid = useRef(filter);
  if (!invalidRange) lastValid.current = filter;
  const asked = lastValid.current;
  const query = useMemo(() => recordsQuery(asked), [asked]);

  const records = useBillingRecords(kind, query);
  const exporter = useExportCsv();
  const data = records.data?.kind === kind ? records.data : undefined;
  const rows = data?.rows ?? EMPTY_ROWS;
  const shownKey = data && !records.isPlaceholderData ? JSON.stringify([kind, query]) : null;
  useRecordsMarks(shownKey);

  const settled = data !== undefined || records.isError;
  useEffect(() => {
    if (settled) onShown?.();
  }, [settled, onShown]);

  // The next page is the likeliest ask: fetched once this one is up, it then shows at once.
  const qc = useQueryClient();
  const nextPage = shownKey && data && data.page < data.totalPages ? data.page + 1 : null;
  useEffect(() => {
    if (nextPage !== null) prefetchRecords(qc, kind, { ...query, page: nextPage });
  }, [qc, kind, query, nextPage]);

  const options = useMemo(
    () =>
      resourceOptions(
        kind,
        overview,
        rows.map((r) => ({ id: r.resourceId, name: r.resourceName })),
      ),
    [kind, overview, rows],
  );
  const totalPages = data?.totalPages ?? 1;

  function change(next: RecordsFilter) {
    // Only a change that asks for other records is waited for (and measured).
    if (!rangeError(next) && JSON.stringify(recordsQuery(next)) !== JSON.stringify(query)) markRecordsChange();
    setFilter(next);
  }

  function pickKind(k: CostKind) {
    if (k === kind) return;
    markRecordsChange();
    setKind(k);
    // Resource ids belong to one kind; the dates still apply.
    setFilter((f) => withFilter(f, { resourceId: "" }));
  }

  return (
    <Card data-testid="records">
      <CardTitle
        actions={
          <Button
            data-testid="records-export"
            pending={exporter.isPending}
            disabled={invalidRange !== null}
            onClick={() => exporter.mutate({ kind, filter: exportFilter(filter) })}
          >
            <Download aria-hidden className="size-4" />
            Export CSV
          </Button>
        }
      >
        Usage records
      </CardTitle>
      <div className="flex flex-col gap-3">
        <div role="tablist" aria-label="Kind of resource" className="flex gap-1 border-b border-border">
          {RECORD_KINDS.map((k) => (
            <button
              key={k.kind}
              type="button"
              role="tab"
              aria-selected={k.kind === kind}
              data-testid={`records-tab-${k.kind}`}
              onClick={() => pickKind(k.kind)}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                k.kind === kind ? "border-primary text-fg" : "border-transparent text-fg-muted hover:text-fg",
              )}
            >
              {k.label}
            </button>
          ))}
        </div>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <Labelled label="Resource">
            <Select
              data-testid="records-resource"
              className="w-56"
              value={filter.resourceId}
              onChange={(e) => change(withFilter(filter, { resourceId: e.target.value }))}
            >
              <option value="">All</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Labelled>
          <DateFilter
            label="From"
            testId="records-from"
            value={filter.from}
            max={filter.to}
            invalid={invalidRange !== null}
            onChange={(from) => change(withFilter(filter, { from }))}
          />
          <DateFilter
            label="To (inclusive)"
            testId="records-to"
            value={filter.to}
            min={filter.from}
            invalid={invalidRange !== null}
            onChange={(to) => change(withFilter(filter, { to }))}
          />
          {(filter.resourceId || filter.from || filter.to) && (
            <Button variant="ghost" onClick={() => change(EMPTY_FILTER)}>
              Clear filters
            </Button>
          )}
        </div>
        {invalidRange && (
          <p role="alert" data-testid="records-range-error" className="text-xs font-medium text-danger">
            {invalidRange}
          </p>
        )}
        <DataStatus query={records} />
        {data ? (
          <>
            <dl data-testid="records-summary" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
              {data.summary.map((f) => (
                <div key={f.key} className="flex gap-2" title={`summary.${f.key}`}>
                  <dt className="text-fg-muted">{f.label}</dt>
                  <dd data-testid={`summary-${f.key}`} className="font-medium tabular-nums">
                    {f.text}
                  </dd>
                </div>
              ))}
            </dl>
            {/* The previous page stays while the next loads, dimmed only if that takes a while:
                a change answered within 150 ms repaints the rows once, with no fade. */}
            <div
              className={cn(records.isPlaceholderData && "opacity-60 transition-opacity delay-150")}
              aria-busy={records.isFetching}
            >
              <RecordsTable kind={kind} rows={rows} />
            </div>
            <div className="flex items-center justify-between gap-3 text-sm">
              <span data-testid="records-page" className="text-fg-muted tabular-nums">
                Page {data.page} of {totalPages}
                {data.total != null && ` · ${plain(data.total)} record${data.total === 1 ? "" : "s"}`}
              </span>
              <span className="flex gap-2">
                <Button
                  data-testid="records-prev"
                  disabled={filter.page <= 1}
                  onClick={() => change(turnPage(filter, -1, totalPages))}
                >
                  Previous
                </Button>
                <Button
                  data-testid="records-next"
                  disabled={filter.page >= totalPages}
                  onClick={() => change(turnPage(filter, 1, totalPages))}
                >
                  Next
                </Button>
              </span>
            </div>
          </>
        ) : (
          records.isPending && <p className="text-sm text-fg-muted">Loading records…</p>
        )}
      </div>
    </Card>
  );
}

/** A filter control with its small label above it. */
function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-fg-muted">{label}</span>
      {children}
    </label>
  );
}

type DateProps = {
  label: string;
  testId: string;
  value: string;
  /** The other end of the range ("" when unset): the picker offers no day beyond it. */
  min?: string;
  max?: string;
  invalid: boolean;
  onChange: (value: string) => void;
};

function DateFilter({ label, testId, value, min, max, invalid, onChange }: DateProps) {
  return (
    <Labelled label={label}>
      <Input
        type="date"
        data-testid={testId}
        value={value}
        min={min || undefined}
        max={max || undefined}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Labelled>
  );
}
