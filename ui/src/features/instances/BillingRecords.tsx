import { useState } from "react";
import type { Column } from "../../components/ui/DataTable";
import { formatMoney, formatRate } from "../../lib/format";
import { ResourceBilling } from "../billing/ResourceBilling";
import { useInstanceBilling } from "./queries";

type BillingRecord = NonNullable<ReturnType<typeof useInstanceBilling>["data"]>["records"][number];

/** A VM is billed by the minute. */
const DETAIL: Column<BillingRecord>[] = [
  { head: "Minutes", cell: (r) => r.total_duration_minutes ?? "—", className: "tabular-nums" },
  {
    head: "Per minute",
    cell: (r) => (r.per_minute_rate != null ? formatRate(r.per_minute_rate, r.currency) : "—"),
    className: "tabular-nums",
  },
];

/** This VM's billing records (VM-08), a page at a time. */
export function BillingRecords({ vmId }: { vmId: string }) {
  const [page, setPage] = useState(1);
  const billing = useInstanceBilling(vmId, page);
  const data = billing.data;
  return (
    <ResourceBilling
      query={billing}
      page={page}
      onPage={setPage}
      detail={DETAIL}
      testIds={{ table: "billing-table", prefix: "billing" }}
      empty="No billing records for this VM yet."
      total={
        data?.summary.totalCost != null && data.currency
          ? `Total ${formatMoney(data.summary.totalCost, data.currency)}`
          : null
      }
    />
  );
}
