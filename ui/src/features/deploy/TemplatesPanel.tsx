import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { Field, fieldAria } from "../../components/ui/Field";
import { Input } from "../../components/ui/Input";
import {
  useDeleteTemplate,
  useRenameTemplate,
  useSaveTemplate,
  useTemplates,
  type DeployTemplate,
} from "./useTemplates";
import type { Draft } from "./wizard";

type Props = {
  draft: Draft;
  /** Loads a template's configuration (the wizard then asks only for a name). */
  onUse: (template: DeployTemplate) => void;
};

/** Deliver 6: save the configuration under a name; use, rename or delete a saved one. */
export function TemplatesPanel({ draft, onUse }: Props) {
  const templates = useTemplates();
  const list = templates.data ?? [];
  return (
    <Card data-testid="deploy-templates">
      <CardTitle>Templates</CardTitle>
      <div className="flex flex-col gap-4">
        <SaveForm draft={draft} />
        {list.length === 0 ? (
          <p className="text-sm text-fg-muted">
            {templates.isPending ? "Loading…" : "No templates yet. Save a configuration you deploy often."}
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {list.map((t) => (
              <TemplateItem key={t.name} template={t} onUse={() => onUse(t)} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function SaveForm({ draft }: { draft: Draft }) {
  const save = useSaveTemplate();
  const [name, setName] = useState("");
  const error = save.error ? save.error.serverMessage : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { name: name.trim(), draft },
      {
        onSuccess: () => {
          toast.success(`Template ${name.trim()} saved`);
          setName("");
        },
      },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Field id="template-name" label="Save this configuration as" error={error}>
        <Input
          {...fieldAria("template-name", error)}
          data-testid="template-name"
          value={name}
          placeholder="e.g. 4×H100 training"
          onChange={(e) => {
            setName(e.target.value);
            save.reset();
          }}
        />
      </Field>
      <Button
        type="submit"
        data-testid="template-save"
        pending={save.isPending}
        disabled={name.trim() === ""}
        className="self-start"
      >
        Save template
      </Button>
    </form>
  );
}

function TemplateItem({ template, onUse }: { template: DeployTemplate; onUse: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteTemplate();
  const d = template.draft;
  const summary = [d.gpuModel && `${d.gpuModel} ×${d.gpuCount}`, d.region].filter(Boolean).join(" · ");
  return (
    <li
      data-testid={`template-item-${template.name}`}
      className="flex flex-col gap-2 rounded-md border border-border p-3"
    >
      {renaming ? (
        <RenameForm from={template.name} onDone={() => setRenaming(false)} />
      ) : (
        <>
          <div>
            <p className="font-medium">{template.name}</p>
            <p className="text-xs text-fg-muted">{summary || "Incomplete configuration"}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" data-testid={`template-use-${template.name}`} onClick={onUse}>
              Deploy from template
            </Button>
            <Button data-testid={`template-rename-${template.name}`} onClick={() => setRenaming(true)}>
              Rename
            </Button>
            <Button variant="ghost" data-testid={`template-delete-${template.name}`} onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete the template ${template.name}?`}
        confirmLabel="Delete template"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(template.name, {
            onSuccess: () => {
              setDeleting(false);
              toast.success(`Template ${template.name} deleted`);
            },
            onError: (e) => toast.error(e.humanMessage, { description: e.serverMessage }),
          })
        }
      >
        Only the saved configuration goes; VMs deployed from it are not affected.
      </ConfirmDialog>
    </li>
  );
}

function RenameForm({ from, onDone }: { from: string; onDone: () => void }) {
  const rename = useRenameTemplate();
  const [to, setTo] = useState(from);
  const id = `template-rename-input-${from}`;
  const error = rename.error ? rename.error.serverMessage : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (to.trim() === from) return onDone();
    rename.mutate({ from, to: to.trim() }, { onSuccess: onDone });
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Field id={id} label={`New name for ${from}`} error={error}>
        <Input
          {...fieldAria(id, error)}
          data-testid={id}
          autoFocus
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            rename.reset();
          }}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" data-testid={`template-rename-save-${from}`} pending={rename.isPending}>
          Rename
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
