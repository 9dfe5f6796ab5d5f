// Billing's changes: CSV export, the still-billing actions and the hibernate timers. After
// an action the lists it touches are fetched again (the poller would, a few seconds later).

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { commands, type BillingQuery_Deserialize, type CostKind, type StillBilling } from "../../bindings";
import { call, type AppError } from "../../lib/ipc";
import { showErrorToast } from "../../lib/notify";
import { refetchVmQueries } from "../instances/queries";
import { billingKeys } from "./queries";
import type { StillAction } from "./stillBilling";

function refetchAfterAction(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: billingKeys.all });
  void qc.invalidateQueries({ queryKey: billingKeys.timers });
  void qc.invalidateQueries({ queryKey: ["snapshots"] });
  void qc.invalidateQueries({ queryKey: ["volumes"] });
  refetchVmQueries(qc);
}

/** Closing the save dialog is a choice, not a failure: nothing is said. */
export function useExportCsv() {
  return useMutation({
    mutationFn: ({ kind, filter }: { kind: CostKind; filter: BillingQuery_Deserialize }) =>
      call(commands.exportBillingCsv(kind, filter)),
    onSuccess: (res) => {
      toast.success(`Exported ${res.rows} record${res.rows === 1 ? "" : "s"} to ${res.path}`);
    },
    onError: (e: AppError) => {
      if (e.code !== "Cancelled") showErrorToast(e);
    },
    meta: { quiet: true },
  });
}

const RUN: Record<StillAction, (item: StillBilling) => Promise<unknown>> = {
  startThenHibernate: (item) => call(commands.startThenHibernate(item.id, item.name)),
  deleteInstance: (item) => call(commands.deleteInstance(item.id)),
  deleteVolume: (item) => call(commands.deleteVolume(item.id)),
  deleteSnapshot: (item) => call(commands.deleteSnapshot(item.id)),
};

const DONE: Record<StillAction, (name: string) => string> = {
  startThenHibernate: (name) => `${name} is starting; it hibernates as soon as it is ACTIVE`,
  deleteInstance: (name) => `${name} is being deleted`,
  deleteVolume: (name) => `Volume ${name} is being deleted`,
  deleteSnapshot: (name) => `Snapshot ${name} is being deleted`,
};

/** The dialog shows the error (quiet); a Conflict or NotFound means the list is out of date. */
export function useStillAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ item, action }: { item: StillBilling; action: StillAction }) => RUN[action](item),
    onSuccess: (_res, { item, action }) => {
      toast.success(DONE[action](item.name));
      refetchAfterAction(qc);
    },
    onError: (e) => {
      if (e.code === "Conflict" || e.code === "NotFound") refetchAfterAction(qc);
    },
    meta: { quiet: true },
  });
}

export function useSetTimer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ vmId, vmName, at }: { vmId: string; vmName: string; at: string }) =>
      call(commands.setHibernateTimer(vmId, vmName, at)),
    onSuccess: (t) => {
      void qc.invalidateQueries({ queryKey: billingKeys.timers });
      toast.success(`${t.vmName} hibernates at ${new Date(t.at).toLocaleString()}`);
    },
    // The form shows the error beside its fields.
    meta: { quiet: true },
  });
}

export function usePostponeTimer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, minutes }: { id: string; minutes: number }) => call(commands.postponeTimer(id, minutes)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: billingKeys.timers }),
    onError: () => void qc.invalidateQueries({ queryKey: billingKeys.timers }),
  });
}

export function useCancelTimer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(commands.cancelTimer(id)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: billingKeys.timers }),
    onError: () => void qc.invalidateQueries({ queryKey: billingKeys.timers }),
  });
}
