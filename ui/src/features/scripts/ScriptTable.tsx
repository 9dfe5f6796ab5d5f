import { Eye, Pencil } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { DeleteButton } from "../../components/ui/ItemButtons";
import { formatDateTime } from "../../lib/format";
import { actionsColumn } from "../storage/columns";
import type { Script } from "./queries";

export type ScriptAction = "details" | "edit" | "delete";

type Props = {
  scripts: readonly Script[];
  /** Ticked for "Delete selected". */
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
  onAction: (script: Script, action: ScriptAction) => void;
};

/** The script library as rows (SCR-01): tick to delete several, open, edit or delete one. */
export function ScriptTable({ scripts, selected, onSelect, onAction }: Props) {
  const all = scripts.length > 0 && scripts.every((s) => selected.has(s.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  const columns: Column<Script>[] = [
    {
      head: (
        <input
          type="checkbox"
          data-testid="script-select-all"
          aria-label="Select every script shown"
          checked={all}
          onChange={(e) => onSelect(e.target.checked ? new Set(scripts.map((s) => s.id)) : new Set())}
        />
      ),
      cell: (s) => (
        <input
          type="checkbox"
          data-testid={`script-select-${s.name}`}
          aria-label={`Select ${s.name}`}
          checked={selected.has(s.id)}
          onChange={(e) => toggle(s.id, e.target.checked)}
        />
      ),
      className: "w-8",
    },
    {
      head: "Name",
      cell: (s) => (
        <button
          type="button"
          data-testid={`script-open-${s.name}`}
          className="text-left font-medium break-all text-primary underline-offset-2 hover:underline"
          onClick={() => onAction(s, "details")}
        >
          {s.name}
        </button>
      ),
    },
    {
      head: "Description",
      cell: (s) => (
        <span className="line-clamp-2" title={s.description ?? undefined}>
          {s.description || "—"}
        </span>
      ),
      className: "max-w-xs text-fg-muted",
    },
    { head: "Updated", cell: (s) => formatDateTime(s.updated_at ?? s.created_at), className: "whitespace-nowrap" },
    actionsColumn((s) => (
      <div className="flex justify-end gap-2">
        <Button
          data-testid={`script-view-${s.name}`}
          aria-label={`View ${s.name}`}
          onClick={() => onAction(s, "details")}
        >
          <Eye aria-hidden className="size-4" />
        </Button>
        <Button data-testid={`script-edit-${s.name}`} onClick={() => onAction(s, "edit")}>
          <Pencil aria-hidden className="size-4" />
          Edit
        </Button>
        <DeleteButton testId={`script-delete-${s.name}`} onClick={() => onAction(s, "delete")} />
      </div>
    )),
  ];
  return (
    <DataTable
      testId="scripts-table"
      look="boxed"
      alignTop
      columns={columns}
      rows={scripts}
      rowKey={(s) => s.id}
      rowTestId={(s) => `script-row-${s.name}`}
      rowClassName={(s) => (selected.has(s.id) ? "bg-surface-2" : undefined)}
    />
  );
}
