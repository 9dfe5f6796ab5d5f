import { LayoutGrid, Rows3, type LucideIcon } from "lucide-react";
import { Button } from "../../components/ui/Button";

export type VolumeView = "cards" | "table";

const VIEWS: { value: VolumeView; label: string; icon: LucideIcon }[] = [
  { value: "cards", label: "Cards", icon: LayoutGrid },
  { value: "table", label: "Table", icon: Rows3 },
];

/** Cards (six a page) or one table. */
export function VolumeViewToggle({ view, onView }: { view: VolumeView; onView: (v: VolumeView) => void }) {
  return (
    <div className="ml-auto flex gap-1" role="group" aria-label="View">
      {VIEWS.map(({ value, label, icon: Icon }) => (
        <Button
          key={value}
          data-testid={`volume-view-${value}`}
          variant={view === value ? "primary" : "ghost"}
          aria-pressed={view === value}
          onClick={() => onView(value)}
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </Button>
      ))}
    </div>
  );
}
