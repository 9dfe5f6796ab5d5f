import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { commands } from "../../bindings";
import { call, toAppError, type AppError } from "../../lib/ipc";
import { errorDetail } from "../../lib/notify";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { DialogFrame } from "../../components/ui/Modal";

/** "Quit anyway?" in the window, naming the VMs whose hibernate timers would not fire. */
export function QuitConfirm({ pendingTimers, close }: { pendingTimers: string[] | null; close: () => void }) {
  const [quitting, setQuitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function quit() {
    setQuitting(true);
    setError(null);
    try {
      await call(commands.quitApp(true));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setQuitting(false);
    }
  }

  function keepRunning() {
    setError(null);
    close();
  }

  return (
    <DialogFrame
      open={pendingTimers !== null}
      onOpenChange={(open) => !open && keepRunning()}
      testId="quit-dialog"
      className="top-1/3 max-w-md p-5"
    >
      <Dialog.Title className="text-base font-semibold">Quit with hibernate timers pending?</Dialog.Title>
      <Dialog.Description asChild>
        <div className="mt-2 text-sm text-fg-muted">
          <p>These timers run only while the app runs. Quit now and they do not fire: the VMs keep billing.</p>
          <ul data-testid="quit-pending-timers" className="mt-2 list-disc pl-5 text-fg">
            {(pendingTimers ?? []).map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      </Dialog.Description>
      {error && (
        <div className="mt-3">
          <Alert title={error.humanMessage}>{errorDetail(error)}</Alert>
        </div>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button data-testid="quit-keep-running" variant="primary" onClick={keepRunning}>
          Keep running
        </Button>
        <Button data-testid="quit-anyway" variant="danger" pending={quitting} onClick={() => void quit()}>
          Quit anyway
        </Button>
      </div>
    </DialogFrame>
  );
}
