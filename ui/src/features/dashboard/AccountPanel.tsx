import { ArrowRight, LogOut } from "lucide-react";
import { Link } from "react-router";
import { formatMoney } from "../../lib/format";
import { useBalance, useBalances } from "../billing/balance";
import { useSession, useSignOut } from "../account/session";
import { createPath, pageBySlug, pagePath, type PageSlug } from "../../app/pages";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { formatHourly, formatRunway } from "../instances/money";
import type { AccountOverview } from "../instances/queries";

/** DASH-06: the quick actions. */
const QUICK_LINKS: PageSlug[] = ["deploy", "ssh-keys", "volumes", "snapshots"];

/** DASH-06's pages, then "Create volume" (VOL-11: it opens from the dashboard too). */
function quickActions() {
  const pages = QUICK_LINKS.map((slug) => {
    const { label, icon } = pageBySlug(slug);
    return { key: slug, testId: `quick-${slug}`, to: pagePath(slug), label, icon };
  });
  const volumes = pageBySlug("volumes");
  return [
    ...pages,
    {
      key: "create-volume",
      testId: "quick-create-volume",
      to: createPath("volumes"),
      label: volumes.create ?? "Create volume",
      icon: volumes.icon,
    },
  ];
}

/**
 * DASH-01 right: Barrack ID, balance per currency, what everything billing costs per hour
 * and how long the balance lasts at that rate, quick links and sign out.
 */
export function AccountPanel({ overview }: { overview: AccountOverview | undefined }) {
  const session = useSession().data;
  const balance = useBalance().data;
  const signOut = useSignOut();
  // The one balance (the poller patches it live); the overview's only until it has loaded.
  const { currency, balances, amount: own } = useBalances(overview);
  const accountId = overview?.accountId ?? balance?.account_id ?? null;
  const burn = overview?.burn;
  const profileComplete = balance?.profile_complete ?? overview?.profileComplete ?? true;

  return (
    <Card data-testid="account-panel">
      <CardTitle>Account & Actions</CardTitle>
      <div className="flex flex-col gap-5">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-3 text-sm">
          <dt className="text-fg-muted">Barrack ID</dt>
          <dd data-testid="account-id" className="font-mono">
            {accountId ?? "—"}
          </dd>
          <dt className="text-fg-muted">Balance</dt>
          <dd>
            <span data-testid="dashboard-balance" className="text-2xl font-semibold tabular-nums">
              {own != null ? formatMoney(own, currency) : "—"}
            </span>
            {balances.length > 1 && (
              <ul
                data-testid="balances"
                title="Each currency has its own balance; credits do not move between them."
                className="mt-1 text-xs text-fg-muted tabular-nums"
              >
                {balances
                  .filter((b) => b.currency !== currency)
                  .map((b) => (
                    <li key={b.currency}>{formatMoney(b.amount ?? 0, b.currency)}</li>
                  ))}
              </ul>
            )}
          </dd>
          <dt className="text-fg-muted">Burn rate</dt>
          <dd>
            <span data-testid="burn-rate" className="font-semibold tabular-nums">
              {burn ? formatHourly(burn.total, currency) : "…"}
            </span>
            {burn && (
              <p className="text-xs text-fg-muted tabular-nums">
                VMs {formatHourly(burn.instances, currency)} · volumes {formatHourly(burn.volumes, currency)} ·
                snapshots {formatHourly(burn.snapshots, currency)}
              </p>
            )}
          </dd>
          <dt className="text-fg-muted">Runway</dt>
          <dd>
            <span data-testid="runway" className="font-semibold">
              {overview ? formatRunway(overview.runwayHours) : "…"}
            </span>
            {burn && (burn.total ?? 0) > 0 && (
              <p className="text-xs text-fg-muted">Balance ÷ burn rate, if nothing changes.</p>
            )}
          </dd>
          <dt className="text-fg-muted">Profile</dt>
          <dd>{session?.sandbox ? "sandbox (demo data, nothing is billed)" : session?.profile}</dd>
        </dl>
        {!profileComplete && (
          <Alert tone="warning" title="Your Barrack profile is incomplete">
            Add your address line, postal code and country in My Account on barrack.ai: until then payments, volume
            creation and snapshot creation are blocked.
          </Alert>
        )}
        <nav aria-label="Quick actions">
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-1 2xl:grid-cols-2">
            {quickActions().map(({ key, testId, to, label, icon: Icon }) => {
              return (
                <li key={key}>
                  <Link
                    to={to}
                    data-testid={testId}
                    className="flex items-center gap-2 rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-surface-2"
                  >
                    <Icon aria-hidden className="size-4" />
                    <span className="flex-1">{label}</span>
                    <ArrowRight aria-hidden className="size-4 text-fg-muted" />
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <Button variant="ghost" className="self-start" pending={signOut.isPending} onClick={() => signOut.mutate()}>
          <LogOut aria-hidden className="size-4" />
          Sign out
        </Button>
      </div>
    </Card>
  );
}
