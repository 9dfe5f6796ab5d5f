import { formatHourly, formatPerMinute, stateBilling } from "./money";
import { UnknownStateNote } from "./UnknownStateNote";

type Props = {
  status: string;
  /** Per hour in the current state (from the backend). */
  hourlyRate: number | null | undefined;
  /** Per hour when ACTIVE or SHUTOFF. */
  fullRate: number | null | undefined;
  currency: string;
  /** A state this app does not know (from the backend, which then bills the full rate). */
  unknownState?: boolean;
};

/** What the VM costs now, per hour and per minute, and what its state means for the bill (VM-05). */
export function VmPrice({ status, hourlyRate, fullRate, currency, unknownState = false }: Props) {
  const billing = stateBilling(status);
  // The full rate beside a reduced one (hibernated, changing state): not when it bills in full already.
  const showFull = fullRate != null && fullRate !== hourlyRate && billing.bills !== "full" && !unknownState;
  return (
    <div className="flex flex-col gap-1">
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span data-testid="vm-hourly-price" className="text-2xl font-semibold whitespace-nowrap tabular-nums">
          {formatHourly(hourlyRate, currency)}
        </span>
        <span data-testid="vm-minute-price" className="text-sm whitespace-nowrap text-fg-muted tabular-nums">
          {formatPerMinute(hourlyRate, currency)}
        </span>
      </p>
      {unknownState && <UnknownStateNote />}
      <p
        data-testid="vm-billing-note"
        className={billing.billedWhileIdle ? "text-sm font-medium text-warning" : "text-sm text-fg-muted"}
      >
        {billing.note}
      </p>
      {showFull && <p className="text-xs text-fg-muted">Full rate when running: {formatHourly(fullRate, currency)}</p>}
    </div>
  );
}
