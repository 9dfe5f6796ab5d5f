import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { Link } from "react-router";
import { BulkBar } from "../features/instances/BulkBar";
import { InstancesTable } from "../features/instances/InstancesTable";
import { InstancesToolbar } from "../features/instances/InstancesToolbar";
import { markFilterStart, useFilterEndMark, useRenderMarks } from "../features/instances/perf";
import {
  DEFAULT_SORT,
  NO_FILTERS,
  facets,
  filterIndexed,
  filtersKey,
  nextSort,
  searchIndex,
  sortRows,
  type Filters,
  type SortColumn,
  type SortState,
} from "../features/instances/table";
import { Card } from "../components/ui/Card";
import { DataStatus } from "../components/ui/DataStatus";
import { useInstancesOverview } from "../features/instances/queries";
import { useNow } from "../lib/useNow";
import { pagePath } from "../app/pages";
import { LinkButton } from "../components/ui/LinkButton";
import { PageHeader } from "../components/ui/PageHeader";

const NO_ROWS: never[] = [];

/** VM-09: every VM with its state and cost; search, filters, sort, bulk actions. */
export function InstancesPage() {
  const query = useInstancesOverview();
  const rows = query.data?.rows ?? NO_ROWS;
  const currency = query.data?.currency ?? "USD";
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const now = useNow();

  // The input shows `filters` at once; the list, its count and the selection follow the
  // deferred copy, rendered after the keystroke's frame (and skipped when keys come faster).
  const deferredFilters = useDeferredValue(filters);
  const options = useMemo(() => facets(rows), [rows]);
  // Sorted and indexed once per list or sort order; a keystroke only scans the index
  // (which keeps the order).
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const index = useMemo(() => searchIndex(sorted), [sorted]);
  const shown = useMemo(() => filterIndexed(index, deferredFilters), [index, deferredFilters]);
  const selected = useMemo(() => rows.filter((r) => selectedIds.has(r.vm.id)), [rows, selectedIds]);

  useRenderMarks(query.data !== undefined);
  // The bench's filter measure ends at the frame that shows the filtered list.
  useFilterEndMark(filtersKey(deferredFilters));

  const changeFilters = useCallback((patch: Partial<Filters>) => {
    markFilterStart();
    setFilters((f) => ({ ...f, ...patch }));
  }, []);

  const toggle = useCallback((id: string) => {
    setSelectedIds((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const onSort = useCallback((column: SortColumn) => setSort((s) => nextSort(s, column)), []);
  const clearSelection = useCallback(() => setSelectedIds(new Set()), []);

  const toggleAll = useCallback(
    (select: boolean) =>
      setSelectedIds((old) => {
        const next = new Set(old);
        for (const r of shown) {
          if (select) next.add(r.vm.id);
          else next.delete(r.vm.id);
        }
        return next;
      }),
    [shown],
  );

  return (
    <div data-testid="page-instances" className="flex flex-col gap-4">
      <PageHeader
        page="instances"
        actions={
          <LinkButton variant="primary" to={pagePath("deploy")}>
            Deploy VM
          </LinkButton>
        }
      />
      <DataStatus query={query} />
      {query.isPending ? (
        <p className="text-sm text-fg-muted">Loading VMs…</p>
      ) : query.data && rows.length === 0 ? (
        <Card data-testid="instances-empty" className="text-sm">
          No VMs yet.{" "}
          <Link to={pagePath("deploy")} className="font-medium text-primary underline">
            Deploy your first VM
          </Link>
          .
        </Card>
      ) : query.data ? (
        <>
          <InstancesToolbar
            filters={filters}
            options={options}
            onChange={changeFilters}
            shown={shown.length}
            total={rows.length}
          />
          <BulkBar selected={selected} currency={currency} onClear={clearSelection} />
          <InstancesTable
            rows={shown}
            currency={currency}
            sort={sort}
            onSort={onSort}
            selected={selectedIds}
            onToggle={toggle}
            onToggleAll={toggleAll}
            now={now}
          />
        </>
      ) : null}
    </div>
  );
}
