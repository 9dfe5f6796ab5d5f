import { Button } from "../../components/ui/Button";
import { ACTION_LABEL, ACTION_PROGRESS, type VmActionName } from "./status";

type Props = {
  action: VmActionName;
  /** Why the action is not allowed now; `null` when it is. */
  reason: string | null;
  /** What it does to the bill (from Rust); `undefined` while loading. */
  consequence: string | undefined;
  pending: boolean;
  /** Another action of this VM is out: wait for it. */
  busy: boolean;
  onClick: () => void;
};

/** One action: its button, what it costs (before the click), and why not when disabled. */
export function ActionRow({ action, reason, consequence, pending, busy, onClick }: Props) {
  const reasonId = `action-reason-${action}`;
  return (
    <li className="grid grid-cols-[7.5rem_1fr] items-start gap-3">
      <Button
        data-testid={`action-${action}`}
        variant={action === "delete" ? "danger" : "secondary"}
        disabled={reason !== null || busy}
        pending={pending}
        title={reason ?? undefined}
        aria-describedby={reason ? reasonId : undefined}
        onClick={onClick}
      >
        {pending ? ACTION_PROGRESS[action] : ACTION_LABEL[action]}
      </Button>
      <div className="text-xs">
        <p data-testid={`action-consequence-${action}`} className="text-fg-muted">
          {consequence ?? "…"}
        </p>
        {reason && (
          <p id={reasonId} data-testid={`action-reason-${action}`} className="mt-0.5 text-warning">
            {reason}
          </p>
        )}
      </div>
    </li>
  );
}
