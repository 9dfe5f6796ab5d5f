import { DataTable, type Column } from "../../components/ui/DataTable";
import type { Pricing } from "./queries";
import { money } from "./format";
import { gpuRows, snapshotRows, volumeRows } from "./pricing";

type GpuRow = ReturnType<typeof gpuRows>[number];
type VolumeRow = ReturnType<typeof volumeRows>[number];
type SnapshotRow = ReturnType<typeof snapshotRows>[number];

const PRICE = { className: "text-right tabular-nums", headClassName: "text-right" };

function gpuColumns(currency: string): Column<GpuRow>[] {
  return [
    { head: "Tier", cell: (g) => g.tier },
    { head: "Model", cell: (g) => g.model },
    { head: "Price", cell: (g) => money(g.price, currency), ...PRICE },
    {
      head: "Per minute",
      cell: (g) => (g.price == null ? "—" : `${(g.price / 60).toFixed(4)} ${currency}`),
      ...PRICE,
    },
    { head: "Max GPUs", cell: (g) => g.maxCount ?? "—", ...PRICE },
  ];
}

function volumeColumns(currency: string): Column<VolumeRow>[] {
  return [
    { head: "Tier", cell: (v) => v.tier },
    { head: "Type", cell: (v) => v.type },
    { head: "Price", cell: (v) => money(v.price, currency), ...PRICE },
  ];
}

function snapshotColumns(currency: string): Column<SnapshotRow>[] {
  return [
    { head: "Tier", cell: (s) => s.tier },
    { head: "Price", cell: (s) => money(s.price, currency), ...PRICE },
    { head: "Counted as", cell: (s) => (s.fixedSizeGb != null ? `${s.fixedSizeGb} GB each` : (s.unit ?? "—")) },
  ];
}

/** BILL-10: Barrack's price list in the account's currency, as the pricing endpoint gives it. */
export function PricingTable({ pricing, currency }: { pricing: Pricing; currency: string }) {
  const minGb = pricing.pricing_data.volumes.minimum_size_gb ?? pricing.pricing_data.metadata.volume_minimum_size_gb;
  return (
    <div data-testid="pricing-table" className="flex flex-col gap-5 text-sm">
      <DataTable
        caption="GPUs, per GPU per hour"
        columns={gpuColumns(currency)}
        rows={gpuRows(pricing, currency)}
        rowKey={(g) => `${g.tier}|${g.model}`}
        rowTestId={(g) => `price-gpu-${g.tier}-${g.model}`}
      />
      <div className="grid items-start gap-5 md:grid-cols-2">
        <DataTable
          caption="Volumes, per TB per hour (provisioned size)"
          columns={volumeColumns(currency)}
          rows={volumeRows(pricing, currency)}
          rowKey={(v) => `${v.tier}|${v.type}`}
          rowTestId={(v) => `price-volume-${v.tier}-${v.type}`}
          foot={minGb != null ? `Minimum size ${minGb} GB.` : null}
        />
        <DataTable
          caption="Snapshots, per snapshot per hour"
          columns={snapshotColumns(currency)}
          rows={snapshotRows(pricing, currency)}
          rowKey={(s) => s.tier}
          rowTestId={(s) => `price-snapshot-${s.tier}`}
        />
      </div>
    </div>
  );
}
