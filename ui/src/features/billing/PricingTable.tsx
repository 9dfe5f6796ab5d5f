import type { Pricing } from "./queries";
import { money } from "./format";
import { gpuRows, snapshotRows, volumeRows } from "./pricing";

const TH = "py-2 pr-4 font-medium";
const TD = "py-1.5 pr-4";

/** BILL-10: Barrack's price list in the account's currency, as the pricing endpoint gives it. */
export function PricingTable({ pricing, currency }: { pricing: Pricing; currency: string }) {
  const gpus = gpuRows(pricing, currency);
  const volumes = volumeRows(pricing, currency);
  const snapshots = snapshotRows(pricing, currency);
  const minGb = pricing.pricing_data.volumes.minimum_size_gb ?? pricing.pricing_data.metadata.volume_minimum_size_gb;
  return (
    <div data-testid="pricing-table" className="flex flex-col gap-5 text-sm">
      <table className="w-full text-left">
        <caption className="mb-1 text-left font-medium">GPUs, per GPU per hour</caption>
        <thead className="text-xs text-fg-muted">
          <tr>
            <th className={TH}>Tier</th>
            <th className={TH}>Model</th>
            <th className={`${TH} text-right`}>Price</th>
            <th className={`${TH} text-right`}>Per minute</th>
            <th className={`${TH} text-right`}>Max GPUs</th>
          </tr>
        </thead>
        <tbody>
          {gpus.map((g) => (
            <tr
              key={`${g.tier}|${g.model}`}
              data-testid={`price-gpu-${g.tier}-${g.model}`}
              className="border-t border-border"
            >
              <td className={TD}>{g.tier}</td>
              <td className={TD}>{g.model}</td>
              <td className={`${TD} text-right tabular-nums`}>{money(g.price, currency)}</td>
              <td className={`${TD} text-right tabular-nums`}>
                {g.price == null ? "—" : `${(g.price / 60).toFixed(4)} ${currency}`}
              </td>
              <td className={`${TD} text-right tabular-nums`}>{g.maxCount ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid gap-5 md:grid-cols-2">
        <table className="w-full text-left">
          <caption className="mb-1 text-left font-medium">Volumes, per TB per hour (provisioned size)</caption>
          <thead className="text-xs text-fg-muted">
            <tr>
              <th className={TH}>Tier</th>
              <th className={TH}>Type</th>
              <th className={`${TH} text-right`}>Price</th>
            </tr>
          </thead>
          <tbody>
            {volumes.map((v) => (
              <tr
                key={`${v.tier}|${v.type}`}
                data-testid={`price-volume-${v.tier}-${v.type}`}
                className="border-t border-border"
              >
                <td className={TD}>{v.tier}</td>
                <td className={TD}>{v.type}</td>
                <td className={`${TD} text-right tabular-nums`}>{money(v.price, currency)}</td>
              </tr>
            ))}
          </tbody>
          {minGb != null && (
            <tfoot>
              <tr>
                <td colSpan={3} className="pt-1 text-xs text-fg-muted">
                  Minimum size {minGb} GB.
                </td>
              </tr>
            </tfoot>
          )}
        </table>
        <table className="w-full text-left">
          <caption className="mb-1 text-left font-medium">Snapshots, per snapshot per hour</caption>
          <thead className="text-xs text-fg-muted">
            <tr>
              <th className={TH}>Tier</th>
              <th className={`${TH} text-right`}>Price</th>
              <th className={TH}>Counted as</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.tier} data-testid={`price-snapshot-${s.tier}`} className="border-t border-border">
                <td className={TD}>{s.tier}</td>
                <td className={`${TD} text-right tabular-nums`}>{money(s.price, currency)}</td>
                <td className={TD}>{s.fixedSizeGb != null ? `${s.fixedSizeGb} GB each` : (s.unit ?? "—")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
