import { useState } from "react";
import type { Column } from "../../components/ui/DataTable";
import { formatMoney } from "../../lib/format";
import { formatGb } from "../../lib/storageFormat";
import { ResourceBilling } from "../billing/ResourceBilling";
import { useSnapshotBilling } from "../storage/queries";

type BillingRecord = NonNullable<ReturnType<typeof useSnapshotBilling>["data"]>["records"][number];

/** A snapshot is billed by its size. */
const DETAIL: Column<BillingRecord>[] = [{ head: "Size", cell: (r) => formatGb(r.size_gb), className: "tabular-nums" }];

/** This snapshot's storage billing records, a page at a time (SNAP-20, BILL). */
export function SnapshotBilling({ snapshotId }: { snapshotId: string }) {
  const [page, setPage] = useState(1);
  const billing = useSnapshotBilling(snapshotId, page);
  const records = billing.data?.records ?? [];
  // Summed here: the response's summary may cover every snapshot when the filter is ignored.
  const total = records.reduce((sum, r) => sum + (r.total_cost ?? 0), 0);
  const currency = records[0]?.currency ?? billing.data?.currency ?? null;
  return (
    <ResourceBilling
      query={billing}
      page={page}
      onPage={setPage}
      detail={DETAIL}
      testIds={{ table: "snapshot-billing", prefix: "snapshot-billing" }}
      empty="No billing records for this snapshot yet."
      total={records.length > 0 && currency ? `Total on this page ${formatMoney(total, currency)}` : null}
    />
  );
}
