import { LayoutGrid, Rows3 } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { Input, Select } from "../../components/ui/Input";
import { SORT_LABEL, type SnapshotSort } from "./list";

export type SnapshotView = "cards" | "table";

type Props = {
  search: string;
  onSearch: (s: string) => void;
  sort: SnapshotSort;
  onSort: (s: SnapshotSort) => void;
  view: SnapshotView;
  onView: (v: SnapshotView) => void;
};

/** Search, sort and cards/table above the list. */
export function SnapshotToolbar({ search, onSearch, sort, onSort, view, onView }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        type="search"
        data-testid="snapshot-search"
        aria-label="Search snapshots"
        placeholder="Search by name, VM, description…"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        className="max-w-xs"
      />
      <Select
        data-testid="snapshot-sort"
        aria-label="Sort snapshots"
        value={sort}
        onChange={(e) => onSort(e.target.value as SnapshotSort)}
        className="w-auto"
      >
        {(Object.keys(SORT_LABEL) as SnapshotSort[]).map((s) => (
          <option key={s} value={s}>
            {SORT_LABEL[s]}
          </option>
        ))}
      </Select>
      <div className="ml-auto flex gap-1" role="group" aria-label="View">
        <Button
          data-testid="snapshot-view-cards"
          variant={view === "cards" ? "primary" : "ghost"}
          aria-pressed={view === "cards"}
          onClick={() => onView("cards")}
        >
          <LayoutGrid aria-hidden className="size-4" />
          Cards
        </Button>
        <Button
          data-testid="snapshot-view-table"
          variant={view === "table" ? "primary" : "ghost"}
          aria-pressed={view === "table"}
          onClick={() => onView("table")}
        >
          <Rows3 aria-hidden className="size-4" />
          Table
        </Button>
      </div>
    </div>
  );
}
