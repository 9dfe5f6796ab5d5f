import type { ReactNode } from "react";
import type { Column } from "../../components/ui/DataTable";
import { formatDateTime, formatGb } from "../../lib/storageFormat";
import { StorageStatusBadge } from "./StorageStatusBadge";

/** What a stored snapshot or image is listed by. */
type Stored = {
  name: string;
  status: string;
  size_gb?: number | null;
  region: string;
  created_at?: string | null;
};

/** The columns images and snapshots share: name, status, size, region, created. */
export function storageColumns<T>(statusTestId: (row: T) => string, stored: (row: T) => Stored): Column<T>[] {
  return [
    { head: "Name", cell: (r) => stored(r).name, className: "font-medium break-all" },
    { head: "Status", cell: (r) => <StorageStatusBadge status={stored(r).status} testId={statusTestId(r)} /> },
    { head: "Size", cell: (r) => formatGb(stored(r).size_gb), className: "tabular-nums" },
    { head: "Region", cell: (r) => stored(r).region },
    { head: "Created", cell: (r) => formatDateTime(stored(r).created_at), className: "whitespace-nowrap" },
  ];
}

/** The last column: a row's actions, under a heading only screen readers read. */
export function actionsColumn<T>(actions: (row: T) => ReactNode): Column<T> {
  return { head: <span className="sr-only">Actions</span>, cell: actions };
}
