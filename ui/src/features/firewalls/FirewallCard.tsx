import { Eye, Link2, Plus } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { DeleteButton } from "../../components/ui/ItemButtons";
import { formatDateTime } from "../../lib/format";
import type { Firewall } from "./queries";

export type FirewallAction = "details" | "rule" | "attach" | "delete";

/** Why a firewall cannot be deleted now (FW-22), or null. */
export function deleteBlocked(f: Firewall): string | null {
  const n = f.attachments.length;
  if (n === 0) return null;
  return `Attached to ${n} VM${n === 1 ? "" : "s"}: detach ${n === 1 ? "it" : "them"} first (Details, Attached VMs).`;
}

/** One firewall as a card (FW-02): what it is, its counts, and what can be done with it. */
export function FirewallCard({ firewall: f, onAction }: { firewall: Firewall; onAction: (a: FirewallAction) => void }) {
  const blocked = deleteBlocked(f);
  return (
    <Card data-testid={`firewall-card-${f.name}`} className="flex flex-col gap-3">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-semibold break-all">{f.name}</h2>
          <p className="line-clamp-2 text-sm text-fg-muted" title={f.description ?? undefined}>
            {f.description || "No description"}
          </p>
        </div>
        <span
          data-testid={`firewall-status-${f.name}`}
          className="rounded bg-surface-2 px-2 py-0.5 text-xs font-medium"
        >
          {f.status}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-fg-muted">Region</dt>
        <dd>{f.region}</dd>
        <dt className="text-fg-muted">Created</dt>
        <dd>{formatDateTime(f.created_at)}</dd>
        <dt className="text-fg-muted">Rules</dt>
        <dd data-testid={`firewall-rules-count-${f.name}`} className="tabular-nums">
          {f.rules.length}
        </dd>
        <dt className="text-fg-muted">Attached VMs</dt>
        <dd data-testid={`firewall-attached-count-${f.name}`} className="tabular-nums">
          {f.attachments.length}
        </dd>
      </dl>
      <div className="mt-auto flex flex-wrap gap-2">
        <Button data-testid={`firewall-details-${f.name}`} onClick={() => onAction("details")}>
          <Eye aria-hidden className="size-4" />
          View Details
        </Button>
        <Button data-testid={`firewall-add-rule-${f.name}`} onClick={() => onAction("rule")}>
          <Plus aria-hidden className="size-4" />
          Add Rule
        </Button>
        <Button data-testid={`firewall-attach-${f.name}`} onClick={() => onAction("attach")}>
          <Link2 aria-hidden className="size-4" />
          Attach
        </Button>
        {blocked ? (
          <span title={blocked} data-testid={`firewall-delete-blocked-${f.name}`}>
            <Button
              variant="danger"
              data-testid={`firewall-delete-${f.name}`}
              disabled
              aria-describedby={`fw-blocked-${f.id}`}
            >
              Delete
            </Button>
            <span id={`fw-blocked-${f.id}`} className="sr-only">
              {blocked}
            </span>
          </span>
        ) : (
          <DeleteButton testId={`firewall-delete-${f.name}`} onClick={() => onAction("delete")} />
        )}
      </div>
      {blocked && <p className="text-xs text-fg-muted">{blocked}</p>}
    </Card>
  );
}
