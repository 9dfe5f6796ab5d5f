import { Pencil } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { Fact, Facts, Section } from "../../components/ui/Facts";
import { Modal } from "../../components/ui/Modal";
import { formatDateTime } from "../../lib/format";
import type { Script } from "./queries";
import { ScriptEditor } from "./ScriptEditor";

type Props = {
  script: Script;
  onOpenChange: (open: boolean) => void;
  onEdit: () => void;
};

/** One script as saved (SCR-01): its facts and its content, highlighted, read-only. */
export function ScriptDetailsDialog({ script, onOpenChange, onEdit }: Props) {
  return (
    <Modal open onOpenChange={onOpenChange} testId="script-details" wide title={script.name}>
      <Section title="Details">
        <Facts>
          <Fact label="Description">{script.description || "—"}</Fact>
          <Fact label="Created">{formatDateTime(script.created_at)}</Fact>
          <Fact label="Updated">{formatDateTime(script.updated_at)}</Fact>
        </Facts>
      </Section>
      <Section title="Script">
        <ScriptEditor id="script-details-content" label={`Script ${script.name}`} value={script.content} readOnly />
      </Section>
      <div className="mt-5 flex justify-end">
        <Button variant="primary" data-testid="script-edit-from-details" onClick={onEdit}>
          <Pencil aria-hidden className="size-4" />
          Edit
        </Button>
      </div>
    </Modal>
  );
}
