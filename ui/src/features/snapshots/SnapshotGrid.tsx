import { CARDS_PER_PAGE, clampPage, pageSlice } from "../../lib/paging";
import { Pager } from "../../components/ui/Pager";
import type { SnapshotRow } from "../storage/queries";
import { SnapshotCard } from "./SnapshotCard";
import type { SnapshotAction } from "./SnapshotActions";

type Props = {
  rows: readonly SnapshotRow[];
  page: number;
  onPage: (p: number) => void;
  onAction: (row: SnapshotRow, a: SnapshotAction) => void;
};

/** Six cards a page, three columns on a wide window, one on a narrow one (SNAP-03). */
export function SnapshotGrid({ rows, page, onPage, onAction }: Props) {
  const current = clampPage(page, rows.length);
  return (
    <div className="flex flex-col gap-4">
      <div data-testid="snapshot-grid" className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        {pageSlice(rows, current).map((row) => (
          <SnapshotCard key={row.snapshot.id} row={row} onAction={(a) => onAction(row, a)} />
        ))}
      </div>
      <Pager page={current} total={rows.length} perPage={CARDS_PER_PAGE} onPage={onPage} />
    </div>
  );
}
