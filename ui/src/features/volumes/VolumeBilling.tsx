import { useState } from "react";
import type { Column } from "../../components/ui/DataTable";
import { formatMoney } from "../../lib/format";
import { formatGb } from "../../lib/storageFormat";
import { ResourceBilling } from "../billing/ResourceBilling";
import { useVolumeBilling } from "./queries";

type BillingRecord = NonNullable<ReturnType<typeof useVolumeBilling>["data"]>["records"][number];

/** A volume is billed by its provisioned size. */
const DETAIL: Column<BillingRecord>[] = [{ head: "Size", cell: (r) => formatGb(r.size_gb), className: "tabular-nums" }];

/** This volume's billing records, a page at a time (VOL-52). */
export function VolumeBilling({ volumeId }: { volumeId: string }) {
  const [page, setPage] = useState(1);
  const billing = useVolumeBilling(volumeId, page);
  const records = billing.data?.records ?? [];
  // Summed here, like the snapshot's: the response's summary may cover every volume.
  const total = records.reduce((sum, r) => sum + (r.total_cost ?? 0), 0);
  const currency = records[0]?.currency ?? billing.data?.currency ?? null;
  return (
    <ResourceBilling
      query={billing}
      page={page}
      onPage={setPage}
      detail={DETAIL}
      testIds={{ table: "volume-billing", prefix: "volume-billing" }}
      empty="No billing records for this volume yet."
      total={records.length > 0 && currency ? `Total on this page ${formatMoney(total, currency)}` : null}
    />
  );
}
