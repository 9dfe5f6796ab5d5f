import { useMemo, useState } from "react";
import { Trash2 } from "lucide-react";
import { Button } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { Input } from "../components/ui/Input";
import { ListPage } from "../components/ui/ListPage";
import { DeleteScriptDialog } from "../features/scripts/DeleteScriptDialog";
import { DeleteScriptsDialog } from "../features/scripts/DeleteScriptsDialog";
import { selectedScripts, shownScripts } from "../features/scripts/list";
import { useScripts, type Script } from "../features/scripts/queries";
import { ScriptDetailsDialog } from "../features/scripts/ScriptDetailsDialog";
import { ScriptFormDialog } from "../features/scripts/ScriptFormDialog";
import { ScriptTable, type ScriptAction } from "../features/scripts/ScriptTable";
import { useItemDialog } from "../lib/useItemDialog";

const NONE: never[] = [];

/** SCR-01…03: the account's startup script library: list, view, create, edit, delete one or several. */
export function ScriptsPage() {
  const query = useScripts();
  const scripts = query.data ?? NONE;
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [bulkDeleting, setBulkDeleting] = useState(false);
  // `?details=ID` (the deploy wizard's link) opens that script.
  const dialog = useItemDialog<ScriptAction, Script>((id) => scripts.find((s) => s.id === id));

  const shown = useMemo(() => shownScripts(scripts, search), [scripts, search]);
  const selected = useMemo(() => selectedScripts(scripts, ticked), [scripts, ticked]);
  const names = useMemo(() => scripts.map((s) => s.name), [scripts]);
  const shownDialog = dialog.shown;

  return (
    <ListPage
      page="scripts"
      query={query}
      create={{
        testId: "script-create",
        label: "New Script",
        disabled: !query.data,
        onClick: () => setCreating(true),
      }}
      loading="Loading scripts…"
      toolbar={
        <>
          <Input
            type="search"
            data-testid="script-search"
            aria-label="Search scripts"
            placeholder="Search by name or description…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="max-w-xs"
          />
          <Button
            variant="danger"
            data-testid="scripts-delete-selected"
            disabled={selected.length === 0}
            onClick={() => setBulkDeleting(true)}
            className="ml-auto"
          >
            <Trash2 aria-hidden className="size-4" />
            Delete selected{selected.length ? ` (${selected.length})` : ""}
          </Button>
        </>
      }
      dialogs={
        <>
          {creating && <ScriptFormDialog takenNames={names} onOpenChange={setCreating} />}
          {shownDialog?.action === "details" && (
            <ScriptDetailsDialog
              script={shownDialog.item}
              onOpenChange={dialog.onOpenChange}
              onEdit={() => dialog.open("edit", shownDialog.item.id)}
            />
          )}
          {shownDialog?.action === "edit" && (
            <ScriptFormDialog script={shownDialog.item} takenNames={names} onOpenChange={dialog.onOpenChange} />
          )}
          {shownDialog?.action === "delete" && (
            <DeleteScriptDialog script={shownDialog.item} onOpenChange={dialog.onOpenChange} />
          )}
          {bulkDeleting && selected.length > 0 && (
            <DeleteScriptsDialog
              scripts={selected}
              onOpenChange={setBulkDeleting}
              onDeleted={() => setTicked(new Set())}
            />
          )}
        </>
      }
    >
      {() =>
        shown.length === 0 ? (
          <Card data-testid="scripts-empty" className="text-sm text-fg-muted">
            {scripts.length === 0
              ? "No saved scripts yet. A startup script runs when a new VM first boots; save one here, then pick it in the deploy wizard's Advanced step."
              : "No script matches the search."}
          </Card>
        ) : (
          <ScriptTable
            scripts={shown}
            selected={ticked}
            onSelect={setTicked}
            onAction={(s, a) => dialog.open(a, s.id)}
          />
        )
      }
    </ListPage>
  );
}
