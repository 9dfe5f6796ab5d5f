import { memo, type ReactNode } from "react";
import { cn } from "../../lib/cn";

/** One column: its heading and what a row shows in it. */
export type Column<T> = {
  /** The heading; a column without one (actions) gets `sr-only` text or nothing. */
  head: ReactNode;
  cell: (row: T) => ReactNode;
  /** Classes for the column's cells beyond the table's padding (alignment, wrapping, tone). */
  className?: string | ((row: T) => string);
  /** Classes for the heading (alignment). */
  headClassName?: string;
};

type Props<T> = {
  testId?: string;
  /** The table's title, above it. */
  caption?: ReactNode;
  /** A note under the rows, across every column. */
  foot?: ReactNode;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowTestId?: (row: T) => string;
  /** A row's tooltip. */
  rowTitle?: (row: T) => string | undefined;
  /** Classes for a row (one that stands out). */
  rowClassName?: (row: T) => string | undefined;
  /** The one row shown when there are none; without it an empty table stays empty. */
  empty?: { testId: string; text: ReactNode };
  /**
   * `plain` sits in a card or section (gaps between columns); `boxed` is a page's list,
   * framed, with a shaded header and room around every cell.
   */
  look?: "plain" | "boxed";
  /** Top-align the cells (rows whose cells may wrap). */
  alignTop?: boolean;
};

const LOOK = {
  plain: { table: "[&_td]:pr-4 [&_th]:pr-4", head: "", cell: "py-1.5" },
  boxed: { table: "[&_td]:px-3 [&_th]:px-3", head: "bg-surface-2", cell: "py-2" },
} as const;

/**
 * A table of rows by column. Rows are memoised, so a refetch that keeps its records (the
 * query keeps equal data as the same objects) repaints nothing; keep `columns` stable.
 */
export function DataTable<T>({
  testId,
  caption,
  foot,
  columns,
  rows,
  rowKey,
  rowTestId,
  rowTitle,
  rowClassName,
  empty,
  look = "plain",
  alignTop = false,
}: Props<T>) {
  const style = LOOK[look];
  const table = (
    <table data-testid={testId} className={cn("w-full text-left text-sm", style.table)}>
      {caption && <caption className="mb-1 text-left font-medium">{caption}</caption>}
      <thead className={cn("text-xs text-fg-muted", style.head)}>
        <tr>
          {columns.map((c, i) => (
            <th key={i} className={cn("py-2 font-medium", c.headClassName)}>
              {/* A column without a heading (a row's buttons) still names itself to a screen reader. */}
              {c.head ?? <span className="sr-only">Actions</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty && (
          <tr className="border-t border-border">
            <td data-testid={empty.testId} colSpan={columns.length} className="py-2 text-fg-muted">
              {empty.text}
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <Row
            key={rowKey(r)}
            row={r}
            columns={columns as readonly Column<unknown>[]}
            testId={rowTestId?.(r)}
            title={rowTitle?.(r)}
            className={rowClassName?.(r)}
            cellClass={style.cell}
            alignTop={alignTop}
          />
        ))}
      </tbody>
      {foot && (
        <tfoot>
          <tr>
            <td colSpan={columns.length} className="pt-1 text-xs text-fg-muted">
              {foot}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
  return look === "boxed" ? <div className="overflow-x-auto rounded-lg border border-border">{table}</div> : table;
}

type RowProps = {
  row: unknown;
  columns: readonly Column<unknown>[];
  testId: string | undefined;
  title: string | undefined;
  className: string | undefined;
  cellClass: string;
  alignTop: boolean;
};

const Row = memo(function Row({ row, columns, testId, title, className, cellClass, alignTop }: RowProps) {
  return (
    <tr data-testid={testId} title={title} className={cn("border-t border-border", alignTop && "align-top", className)}>
      {columns.map((c, i) => (
        <td key={i} className={cn(cellClass, typeof c.className === "function" ? c.className(row) : c.className)}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
});
