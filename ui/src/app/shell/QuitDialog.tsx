import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { commands } from "../../bindings";
import { call, toAppError, type AppError } from "../../lib/ipc";
import { errorDetail } from "../../lib/notify";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { useQuitRequest } from "./useQuitRequest";

/** "Quit anyway?" in the window, naming the VMs whose hibernate timers would not fire. */
export function QuitDialog() {
  const { pendingTimers, close } = useQuitRequest();
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
    <Dialog.Root open={pendingTimers !== null} onOpenChange={(open) => !open && keepRunning()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          data-testid="quit-dialog"
          className="fixed top-1/3 left-1/2 z-50 w-full max-w-md -translate-x-1/2 rounded-lg border border-border bg-surface p-5 text-fg shadow-2xl"
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
