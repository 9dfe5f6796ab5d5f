import { ArrowRight } from "lucide-react";
import { Link } from "react-router";
import { formatMoney, primaryBalance, useBalance, useSession } from "../api";
import { Alert } from "../components/ui/Alert";
import { Card, CardTitle } from "../components/ui/Card";
import { pageBySlug, pagePath, type PageSlug } from "../pages";
import { PageHeader } from "./PageHeader";

/** DASH-06: the quick actions. */
const QUICK_LINKS: PageSlug[] = ["deploy", "ssh-keys", "volumes", "snapshots"];

export function DashboardPage() {
  return (
    <div data-testid="page-dashboard">
      <PageHeader title="Dashboard" purpose={pageBySlug("dashboard").purpose} />
      <div className="grid gap-6 lg:grid-cols-2">
        <WelcomeCard />
        <QuickLinks />
      </div>
    </div>
  );
}

/** Who is signed in, the balance and the Barrack ID (DASH-01 right column). */
function WelcomeCard() {
  const session = useSession().data;
  const balance = useBalance();
  const primary = balance.data ? primaryBalance(balance.data) : null;
  return (
    <Card data-testid="welcome-card">
      <CardTitle>{session?.sandbox ? "Welcome to the sandbox" : "Welcome back"}</CardTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-3 text-sm">
        <dt className="text-fg-muted">Balance</dt>
        <dd data-testid="dashboard-balance" className="text-2xl font-semibold tabular-nums">
          {primary ? formatMoney(primary.amount, primary.currency) : balance.isPending ? "…" : "—"}
        </dd>
        {balance.data && balance.data.balances.length > 1 && (
          <>
            <dt className="text-fg-muted">Other currencies</dt>
            <dd className="tabular-nums">
              {balance.data.balances
                .filter((b) => b.currency !== balance.data.currency)
                .map((b) => formatMoney(b.amount ?? 0, b.currency))
                .join(" · ")}
            </dd>
          </>
        )}
        <dt className="text-fg-muted">Barrack ID</dt>
        <dd data-testid="dashboard-account-id" className="font-mono">
          {balance.data?.account_id ?? "—"}
        </dd>
        <dt className="text-fg-muted">Profile</dt>
        <dd>{session?.sandbox ? "sandbox (demo data, nothing is billed)" : session?.profile}</dd>
      </dl>
      {balance.data && !balance.data.profile_complete && (
        <div className="mt-4">
          <Alert tone="warning" title="Your Barrack profile is incomplete">
            Add your address line, postal code and country in My Account on barrack.ai: until then payments,
            volume creation and snapshot creation are blocked.
          </Alert>
        </div>
      )}
    </Card>
  );
}

function QuickLinks() {
  return (
    <Card>
      <CardTitle>Quick actions</CardTitle>
      <ul className="grid grid-cols-2 gap-3">
        {QUICK_LINKS.map((slug) => {
          const { label, icon: Icon } = pageBySlug(slug);
          return (
            <li key={slug}>
              <Link
                to={pagePath(slug)}
                data-testid={`quick-${slug}`}
                className="flex items-center gap-3 rounded-md border border-border px-3 py-3 text-sm font-medium hover:bg-surface-2"
              >
                <Icon aria-hidden className="size-4" />
                <span className="flex-1">{label}</span>
                <ArrowRight aria-hidden className="size-4 text-fg-muted" />
              </Link>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
