import type { ReactNode } from "react";
import { Card } from "../../components/ui/Card";
import { formatHourly, formatRunway } from "../instances/money";
import { money, plain } from "./format";
import type { Balances } from "./balance";
import type { BillingOverview } from "./queries";

function Figure({ label, testId, value, note }: { label: string; testId: string; value: ReactNode; note?: ReactNode }) {
  return (
    <Card className="flex flex-col gap-1 p-4">
      <span className="text-xs text-fg-muted">{label}</span>
      <span data-testid={testId} className="text-xl font-semibold tabular-nums">
        {value}
      </span>
      {note && <span className="text-xs text-fg-muted tabular-nums">{note}</span>}
    </Card>
  );
}

/** Balance per currency (BILL-06/07), burn rate by kind, runway, cost today/week/month. */
export function OverviewCards({ overview, balance }: { overview: BillingOverview; balance: Balances }) {
  const { currency, burn, windows } = overview;
  // The account's currency first; the others are separate balances (credits do not move).
  const listed = balance.balances.some((b) => b.currency === balance.currency)
    ? balance.balances
    : [{ currency: balance.currency, amount: balance.amount ?? 0 }, ...balance.balances];
  const balances = [...listed].sort(
    (a, b) => Number(b.currency === balance.currency) - Number(a.currency === balance.currency),
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Card className="flex flex-col gap-1 p-4">
          <span className="text-xs text-fg-muted">Balance</span>
          <ul
            className="flex flex-col"
            title="Each currency has its own balance; credits cannot be moved between them."
          >
            {balances.map((b) => (
              <li
                key={b.currency}
                data-testid={`balance-${b.currency}`}
                className={
                  b.currency === balance.currency
                    ? "text-xl font-semibold tabular-nums"
                    : "text-sm text-fg-muted tabular-nums"
                }
              >
                {money(b.amount, b.currency)}
              </li>
            ))}
          </ul>
        </Card>
        <Figure
          label="Burn rate now"
          testId="burn-rate"
          value={formatHourly(burn.total, currency)}
          note={`VMs ${formatHourly(burn.instances, currency)} · volumes ${formatHourly(burn.volumes, currency)} · snapshots ${formatHourly(burn.snapshots, currency)}`}
        />
        <Figure
          label="Runway"
          testId="runway"
          value={formatRunway(overview.runwayHours)}
          note={
            overview.runwayHours != null
              ? `${plain(overview.runwayHours)} hours: balance ÷ burn rate, if nothing changes`
              : "Nothing is billing"
          }
        />
        <Card className="grid grid-cols-3 gap-2 p-4">
          {(
            [
              ["Today", "cost-today", windows.today],
              ["This week", "cost-week", windows.week],
              ["This month", "cost-month", windows.month],
            ] as const
          ).map(([label, id, value]) => (
            <div key={id} className="flex flex-col gap-1">
              <span className="text-xs text-fg-muted">{label}</span>
              <span data-testid={id} className="font-semibold tabular-nums">
                {money(value, currency)}
              </span>
            </div>
          ))}
        </Card>
      </div>
      <p className="text-xs text-fg-muted">Days are split at local midnight (UTC{overview.utcOffset}).</p>
    </div>
  );
}
