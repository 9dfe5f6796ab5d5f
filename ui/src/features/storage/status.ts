// Snapshot and image states (rules.md §3, §4). Barrack spells "done" several ways
// (SUCCESS, available, AVAILABLE): every check goes through these functions.

import { STORAGE_STATES } from "../../bindings";

/** The states, as barrack-api's state module lists them (generated constants). */
const READY: ReadonlySet<string> = new Set(STORAGE_STATES.ready);
const IN_PROGRESS: ReadonlySet<string> = new Set(STORAGE_STATES.inProgress);

export type StorageTone = "success" | "progress" | "danger" | "muted";

export function normalize(status: string | null | undefined): string {
  return (status ?? "").trim().toUpperCase();
}

/** SUCCESS or available: restorable, can become an image, counts as "Restorable" (SNAP-02). */
export function isSnapshotReady(status: string): boolean {
  return READY.has(normalize(status));
}

/** Available (also SUCCESS): can boot a VM (IMG-05). */
export function isImageReady(status: string): boolean {
  return isSnapshotReady(status);
}

/** Still being built: the poller follows it and the page refreshes by itself. */
export function isInProgress(status: string): boolean {
  return IN_PROGRESS.has(normalize(status));
}

/** Green when done, animated while in progress, red on error (SNAP-04). */
export function storageTone(status: string): StorageTone {
  if (isSnapshotReady(status)) return "success";
  if (isInProgress(status)) return "progress";
  if (normalize(status) === "ERROR") return "danger";
  return "muted";
}

/** How a status reads on a badge: upper case, like VM states (AVAILABLE, CREATING, SUCCESS). */
export function statusLabel(status: string): string {
  const s = normalize(status);
  if (!s) return "UNKNOWN";
  return s;
}
