import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { useNow } from "../../lib/useNow";
import { useCancelTimer, usePostponeTimer } from "./mutations";
import { useTimers } from "./queries";
import { POSTPONE_MINUTES, describeTimer } from "./timers";

/** Every hibernate timer of this account, to postpone or cancel (the 10-minute warning says to come here). */
export function TimersList() {
  const timers = useTimers();
  const postpone = usePostponeTimer();
  const cancel = useCancelTimer();
  const now = useNow();
  const list = timers.data ?? [];
  return (
    <Card data-testid="timers">
      <CardTitle>Hibernate timers</CardTitle>
      <p className="mb-3 text-xs text-fg-muted">
        Set on a VM's page. The app's backend hibernates the VM at the time while the app runs (a timer that falls due
        while the app is closed fires when it starts again), with a notice ten minutes before.
      </p>
      {list.length === 0 ? (
        <p className="text-sm text-fg-muted">{timers.isPending ? "Loading…" : "No timers."}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border">
          {list.map((t) => (
            <li key={t.id} data-testid={`timer-${t.vmName}`} className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <span className="font-medium">{t.vmName}</span>
              <span className="flex-1 text-fg-muted">{describeTimer(t, now)}</span>
              {t.kind === "hibernateAt" && (
                <Button
                  data-testid={`timer-postpone-${t.vmName}`}
                  pending={postpone.isPending && postpone.variables?.id === t.id}
                  onClick={() => postpone.mutate({ id: t.id, minutes: POSTPONE_MINUTES })}
                >
                  +{POSTPONE_MINUTES} min
                </Button>
              )}
              <Button
                variant="ghost"
                data-testid={`timer-cancel-${t.vmName}`}
                pending={cancel.isPending && cancel.variables === t.id}
                onClick={() => cancel.mutate(t.id)}
              >
                Cancel
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
