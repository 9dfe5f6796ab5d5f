import { LayoutGrid, Rows3, type LucideIcon } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { Input, Select } from "../../components/ui/Input";
import { SORT_LABEL, type SnapshotSort } from "./list";

export type SnapshotView = "cards" | "table";

const VIEWS: { value: SnapshotView; label: string; icon: LucideIcon }[] = [
  { value: "cards", label: "Cards", icon: LayoutGrid },
  { value: "table", label: "Table", icon: Rows3 },
];

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
        {VIEWS.map(({ value, label, icon: Icon }) => (
          <Button
            key={value}
            data-testid={`snapshot-view-${value}`}
            variant={view === value ? "primary" : "ghost"}
            aria-pressed={view === value}
            onClick={() => onView(value)}
          >
            <Icon aria-hidden className="size-4" />
            {label}
          </Button>
        ))}
      </div>
    </div>
  );
}
