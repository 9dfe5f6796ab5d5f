import { formatMoney } from "../../lib/format";
import { primaryBalance, useBalance } from "../../features/billing/balance";
import { useSettings } from "../../features/settings/queries";
import { cn } from "../../lib/cn";
import { markStart } from "../../lib/startMarks";
import { useEffect } from "react";

/** The balance in the account's currency; the last known one stays when a refresh fails. */
export function HeaderBalance() {
  const balance = useBalance();
  const settings = useSettings();
  const shown = balance.data !== undefined;
  useEffect(() => {
    if (shown) markStart("amount");
  }, [shown]);
  if (!balance.data) {
    return (
      <span data-testid="header-balance" className="text-sm text-fg-muted" aria-busy={balance.isPending}>
        {balance.isPending ? "Balance…" : "Balance unavailable"}
      </span>
    );
  }
  const { amount, currency } = primaryBalance(balance.data);
  const threshold = settings.data?.lowBalanceThreshold ?? null;
  const low = threshold !== null && amount < threshold;
  return (
    <span className="flex items-baseline gap-2 text-sm" title={low ? "Below your low-balance alert" : "Credit balance"}>
      <span className="text-fg-muted">Balance</span>
      <span data-testid="header-balance" className={cn("font-semibold tabular-nums", low && "text-warning")}>
        {formatMoney(amount, currency)}
      </span>
    </span>
  );
}
