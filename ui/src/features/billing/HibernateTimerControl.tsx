import { useId, useState } from "react";
import { Timer } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { Input } from "../../components/ui/Input";
import { useNow } from "../../lib/useNow";
import { useCancelTimer, useSetTimer } from "./mutations";
import { useTimers } from "./queries";
import { atAfterHours, atFromLocalInput, describeTimer, timerBlocked, toLocalInput } from "./timers";

type Props = { vm: { id: string; name: string; status: string } };
type Mode = "at" | "after";

/**
 * "Hibernate at …" or "after N hours" for one VM (for the VM's detail page). The app's
 * backend keeps the timer and carries it out while the app runs; one timer per VM, a new
 * one replaces the old.
 */
export function HibernateTimerControl({ vm }: Props) {
  const id = useId();
  const timers = useTimers();
  const setTimer = useSetTimer();
  const cancel = useCancelTimer();
  const now = useNow();
  const [mode, setMode] = useState<Mode>("after");
  const [atText, setAtText] = useState(() => toLocalInput(new Date(Date.now() + 2 * 3_600_000)));
  const [hoursText, setHoursText] = useState("2");
  const [formError, setFormError] = useState<string | null>(null);

  const current = timers.data?.find((t) => t.vmId === vm.id);
  const blocked = timerBlocked(vm.status);

  function submit() {
    const at = mode === "at" ? atFromLocalInput(atText) : atAfterHours(Number(hoursText));
    if (!at) {
      setFormError(mode === "at" ? "Pick a date and time." : "A number of hours above 0.");
      return;
    }
    if (Date.parse(at) <= Date.now()) {
      setFormError("Pick a time in the future.");
      return;
    }
    setFormError(null);
    setTimer.mutate({ vmId: vm.id, vmName: vm.name, at });
  }

  const error = formError ?? (setTimer.error ? setTimer.error.serverMessage || setTimer.error.humanMessage : null);

  return (
    <div data-testid="hibernate-timer" className="flex flex-col gap-3 text-sm">
      <p className="flex items-center gap-2 font-medium">
        <Timer aria-hidden className="size-4" /> Hibernate on a timer
      </p>
      {current && (
        <div
          data-testid="timer-current"
          className="flex flex-wrap items-center gap-2 rounded-md bg-surface-2 px-3 py-2"
        >
          <span className="flex-1">{describeTimer(current, now)}</span>
          <Button
            variant="ghost"
            data-testid="timer-clear"
            pending={cancel.isPending}
            onClick={() => cancel.mutate(current.id)}
          >
            Cancel timer
          </Button>
        </div>
      )}
      {blocked ? (
        <p data-testid="timer-blocked" className="text-fg-muted">
          {blocked}
        </p>
      ) : (
        <>
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <legend className="sr-only">When</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-mode`} checked={mode === "after"} onChange={() => setMode("after")} />
              After
              <Input
                data-testid="timer-hours"
                aria-label="Hours from now"
                type="number"
                min={0}
                step="any"
                className="w-20"
                value={hoursText}
                onChange={(e) => {
                  setMode("after");
                  setHoursText(e.target.value);
                }}
              />
              hours
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-mode`} checked={mode === "at"} onChange={() => setMode("at")} />
              At
              <Input
                data-testid="timer-at"
                aria-label="Date and time"
                type="datetime-local"
                className="w-auto"
                value={atText}
                min={toLocalInput(new Date(now))}
                onChange={(e) => {
                  setMode("at");
                  setAtText(e.target.value);
                }}
              />
            </label>
            <Button data-testid="timer-set" variant="primary" pending={setTimer.isPending} onClick={submit}>
              {current ? "Replace timer" : "Set timer"}
            </Button>
          </fieldset>
          {error && (
            <p role="alert" data-testid="timer-error" className="text-xs font-medium text-danger">
              {error}
            </p>
          )}
        </>
      )}
      <p className="text-xs text-fg-muted">
        Barrack has no timers of its own: this app's backend hibernates the VM at that time while the app runs, with a
        notice ten minutes before. If the app is closed then, it hibernates the VM when it next starts.
      </p>
    </div>
  );
}
