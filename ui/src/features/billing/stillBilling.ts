// What the "still billing" list offers for each item (rules.md §2.1–2.4): a stopped VM
// bills the full rate, so hibernating it is the cheap way to keep it; hibernation is
// documented only from ACTIVE, so the backend starts it and hibernates it once ACTIVE.

import type { StillBilling } from "../../bindings";
import { actionVerdict } from "../instances/status";

export type StillAction = "startThenHibernate" | "deleteInstance" | "deleteVolume" | "deleteSnapshot";

export const STILL_ACTION_LABEL: Record<StillAction, string> = {
  startThenHibernate: "Start, then hibernate",
  deleteInstance: "Delete",
  deleteVolume: "Delete",
  deleteSnapshot: "Delete",
};

/** Running VMs are doing work: they are not "still billing while idle" (the Rust state table says which run). */
export function isStillBilling(item: StillBilling): boolean {
  // A VM that can be stopped is running.
  return !(item.kind === "instance" && actionVerdict(item.status, "stop") === null);
}

/** The actions for one item, the main one first. */
export function stillActions(item: StillBilling): StillAction[] {
  switch (item.kind) {
    case "instance":
      // "Start, then hibernate" where the state allows a start (a stopped VM).
      return actionVerdict(item.status, "start") === null
        ? ["startThenHibernate", "deleteInstance"]
        : ["deleteInstance"];
    case "volume":
      return ["deleteVolume"];
    case "snapshot":
      return ["deleteSnapshot"];
  }
}

export function isDelete(action: StillAction): boolean {
  return action !== "startThenHibernate";
}
