// What the "still billing" list offers for each item (rules.md §2.1–2.4): a stopped VM
// bills the full rate, so hibernating it is the cheap way to keep it; hibernation is
// documented only from ACTIVE, so the backend starts it and hibernates it once ACTIVE.

import type { StillBilling } from "../../bindings";
import { normalizeStatus } from "../instances/status";

export type StillAction = "startThenHibernate" | "deleteInstance" | "deleteVolume" | "deleteSnapshot";

export const STILL_ACTION_LABEL: Record<StillAction, string> = {
  startThenHibernate: "Start, then hibernate",
  deleteInstance: "Delete",
  deleteVolume: "Delete",
  deleteSnapshot: "Delete",
};

/** Running VMs are doing work: they are not "still billing while idle". */
export function isStillBilling(item: StillBilling): boolean {
  return !(item.kind === "instance" && normalizeStatus(item.status) === "ACTIVE");
}

/** The actions for one item, the main one first. */
export function stillActions(item: StillBilling): StillAction[] {
  switch (item.kind) {
    case "instance":
      return normalizeStatus(item.status) === "SHUTOFF" ? ["startThenHibernate", "deleteInstance"] : ["deleteInstance"];
    case "volume":
      return ["deleteVolume"];
    case "snapshot":
      return ["deleteSnapshot"];
  }
}

export function isDelete(action: StillAction): boolean {
  return action !== "startThenHibernate";
}
