import { useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { toAppError, type AppError } from "../../lib/ipc";
import { runPowerAction } from "./mutations";
import { cancelVmQueries, patchVm, refetchVmQueries } from "./queries";
import { ACTION_LABEL, type PowerAction, type VM } from "./status";

/** How many requests are out at once. */
const PARALLEL = 4;

export type BulkProgress = { action: PowerAction; done: number; total: number };

/**
 * Sends one action to many VMs, a few at a time; each VM's new state goes into the cache
 * as its answer comes. One bulk run at a time.
 */
export function useBulkAction() {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const busy = useRef(false);

  async function run(action: PowerAction, vms: readonly VM[]): Promise<void> {
    if (busy.current || vms.length === 0) return;
    busy.current = true;
    const failed: { vm: VM; error: AppError }[] = [];
    let done = 0;
    setProgress({ action, done, total: vms.length });
    try {
      await cancelVmQueries(qc);
      const queue = [...vms];
      const worker = async () => {
        for (let vm = queue.shift(); vm; vm = queue.shift()) {
          try {
            const res = await runPowerAction(vm.id, action);
            if (res.status) patchVm(qc, vm.id, { status: res.status });
          } catch (e) {
            failed.push({ vm, error: toAppError(e) });
          }
          done += 1;
          setProgress({ action, done, total: vms.length });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, vms.length) }, worker));
    } finally {
      busy.current = false;
      setProgress(null);
    }
    report(action, vms.length, failed);
    if (failed.length > 0) refetchVmQueries(qc);
  }

  return { run, progress, running: progress !== null };
}

function report(action: PowerAction, total: number, failed: { vm: VM; error: AppError }[]) {
  const ok = total - failed.length;
  if (ok > 0) {
    toast.success(`${ACTION_LABEL[action]} sent to ${ok} VM${ok === 1 ? "" : "s"}`, {
      description: "Their states update on screen as they change.",
    });
  }
  if (failed.length > 0) {
    const first = failed[0]!.error;
    toast.error(
      `${ACTION_LABEL[action]} failed for ${failed.length} VM${failed.length === 1 ? "" : "s"}: ${first.humanMessage}`,
      {
        description: failed.map((f) => `${f.vm.name}: ${f.error.serverMessage}`).join("\n"),
        duration: 15_000,
      },
    );
  }
}
