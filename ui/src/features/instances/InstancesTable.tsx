import { memo, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { formatMoney } from "../../lib/format";
import { cn } from "../../lib/cn";
import { formatHourly, formatRunningTime, stateBilling } from "./money";
import type { InstanceRow } from "./queries";
import { StatusBadge } from "../../components/ui/StatusBadge";
import { UnknownStateNote } from "./UnknownStateNote";
import type { SortColumn, SortState } from "./table";

const ROW_HEIGHT = 44;
/**
 * Rows are keyed by their place (index modulo this, more than ever fit on a screen), not by
 * their VM: when a filter changes every row in view, React writes the new text into the
 * rows already there instead of building a screenful of new DOM on the keystroke's frame.
 * Scrolling still adds the rows that come into view and drops those that leave.
 */
const ROW_SLOTS = 256;

const COLUMNS: { key: SortColumn; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Name" },
  { key: "status", label: "Status" },
  { key: "gpu", label: "GPU" },
  { key: "region", label: "Region" },
  { key: "public-ip", label: "Public IP" },
  { key: "cost-per-hour", label: "Cost / hour", numeric: true },
  { key: "running-time", label: "Running", numeric: true },
  { key: "cost-to-date", label: "Cost to date", numeric: true },
];

/** Checkbox + the eight columns, shared by the header and every row. */
const GRID =
  "grid grid-cols-[1.75rem_minmax(7rem,1.5fr)_7.5rem_minmax(9rem,2fr)_6.5rem_6.5rem_6rem_4.5rem_6.5rem] items-center gap-x-2 px-2";

type Props = {
  rows: readonly InstanceRow[];
  currency: string;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  /** For running times (ticks). */
  now: number;
};

/** The nearest ancestor that scrolls vertically (the app's <main>), else the document. */
function scrollParent(el: HTMLElement | null): HTMLElement {
  for (let p = el?.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === "auto" || overflow === "scroll") return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/**
 * Every VM, virtualized: only the rows in view are in the DOM, so thousands scroll
 * smoothly. The rows scroll with the page (no scroll box of their own: in WebKitGTK a
 * nested scroller made every repaint of the page several times dearer); the column
 * header sticks to the top. Memoised: a keystroke re-renders the search box, not the
 * table, until the deferred filter has its rows.
 */
export const InstancesTable = memo(function InstancesTable({
  rows,
  currency,
  sort,
  onSort,
  selected,
  onToggle,
  onToggleAll,
  now,
}: Props) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  // Where the rows start inside the scrolling element (what is above them can change height).
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => setScrollElement(scrollParent(bodyRef.current)), []);
  // Measured after every render on purpose (what is above can change height); the guard
  // below stops the loop once it is measured.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!scrollElement || !body) return;
    const margin =
      body.getBoundingClientRect().top - scrollElement.getBoundingClientRect().top + scrollElement.scrollTop;
    if (Math.abs(margin - scrollMargin) > 0.5) setScrollMargin(margin);
  });
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    // Rows beyond the visible ones kept mounted: few, as each costs a keystroke its render.
    overscan: 4,
    scrollMargin,
  });
  const selectedShown = rows.reduce((n, r) => n + (selected.has(r.vm.id) ? 1 : 0), 0);

  return (
    <div
      data-testid="instances-table"
      role="table"
      aria-label="Instances"
      aria-rowcount={rows.length + 1}
      className="min-w-[60rem] rounded-lg border border-border bg-surface"
    >
      {/* -top-6: sticks at the very top of <main>, whose p-6 padding would leave a gap. */}
      <div
        role="rowgroup"
        className="sticky -top-6 z-10 rounded-t-lg border-b border-border bg-surface text-xs text-fg-muted"
      >
        <div role="row" aria-rowindex={1} className={cn(GRID, "h-10")}>
          <div role="columnheader">
            <SelectAll
              checked={rows.length > 0 && selectedShown === rows.length}
              indeterminate={selectedShown > 0 && selectedShown < rows.length}
              disabled={rows.length === 0}
              onChange={onToggleAll}
            />
          </div>
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} column={c.key} label={c.label} numeric={c.numeric} sort={sort} onSort={onSort} />
          ))}
        </div>
      </div>
      <div
        ref={bodyRef}
        role="rowgroup"
        // `contain` keeps a scroll step's layout and paint inside the rows.
        style={
          rows.length > 0 ? { position: "relative", height: virtualizer.getTotalSize(), contain: "strict" } : undefined
        }
      >
        {rows.length === 0 ? (
          <p data-testid="instances-no-match" className="p-6 text-center text-sm text-fg-muted">
            No VM matches these filters.
          </p>
        ) : (
          <>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <Row
                  key={item.index % ROW_SLOTS}
                  row={row}
                  index={item.index}
                  top={item.start - scrollMargin}
                  currency={currency}
                  checked={selected.has(row.vm.id)}
                  onToggle={onToggle}
                  now={now}
                />
              );
            })}
          </>
        )}
      </div>
    </div>
  );
});

type RowProps = {
  row: InstanceRow;
  index: number;
  top: number;
  currency: string;
  checked: boolean;
  onToggle: (id: string) => void;
  now: number;
};

const Row = memo(function Row({ row, index, top, currency, checked, onToggle, now }: RowProps) {
  const { vm } = row;
  const stillBilling = stateBilling(vm.status).billedWhileIdle;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={checked}
      data-testid={`instance-row-${vm.name}`}
      className={cn(GRID, "absolute inset-x-0 border-b border-border text-sm", checked && "bg-surface-2")}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)`, contain: "layout paint style" }}
    >
      <div role="cell">
        <input
          type="checkbox"
          data-testid={`select-${vm.name}`}
          aria-label={`Select ${vm.name}`}
          checked={checked}
          onChange={() => onToggle(vm.id)}
          className="size-4"
        />
      </div>
      <div role="cell" className="truncate font-medium">
        <Link to={`/instances/${encodeURIComponent(vm.id)}`} className="hover:underline" title={vm.name}>
          {vm.name}
        </Link>
      </div>
      <div role="cell" className="min-w-0">
        <StatusBadge status={vm.status} />
        {row.unknownState && <UnknownStateNote compact />}
      </div>
      <div role="cell" className="truncate" title={`${vm.flavor.gpu_model} × ${vm.flavor.gpu_count}`}>
        {vm.flavor.gpu_model} × {vm.flavor.gpu_count}
      </div>
      <div role="cell">{vm.region}</div>
      <div role="cell" className="truncate font-mono text-xs">
        {vm.public_ip_enabled && vm.public_ip ? vm.public_ip : "—"}
      </div>
      <div
        role="cell"
        className={cn("text-right tabular-nums", stillBilling && "text-warning")}
        title={stillBilling ? "Stopped, still billing the full rate" : undefined}
      >
        {formatHourly(row.hourlyRate, currency)}
      </div>
      <div role="cell" className="text-right tabular-nums">
        {formatRunningTime(row.runningSince, now)}
      </div>
      <div role="cell" className="text-right tabular-nums">
        {row.costToDate != null ? formatMoney(row.costToDate + 0, currency) : "—"}
      </div>
    </div>
  );
});

type SortHeaderProps = {
  column: SortColumn;
  label: string;
  numeric?: boolean;
  sort: SortState;
  onSort: (c: SortColumn) => void;
};

function SortHeader({ column, label, numeric, sort, onSort }: SortHeaderProps) {
  const active = sort.column === column;
  const Icon = !active ? ArrowUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
      className={numeric ? "text-right" : undefined}
    >
      <button
        type="button"
        data-testid={`sort-${column}`}
        onClick={() => onSort(column)}
        className={cn("inline-flex items-center gap-1 font-medium hover:text-fg", active && "text-fg")}
      >
        {label}
        <Icon aria-hidden className="size-3" />
      </button>
    </div>
  );
}

function SelectAll({
  checked,
  indeterminate,
  disabled,
  onChange,
}: {
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  onChange: (select: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      data-testid="select-all"
      aria-label="Select all shown"
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
      className="size-4"
    />
  );
}
