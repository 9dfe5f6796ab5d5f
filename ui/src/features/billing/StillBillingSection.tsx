import { useState } from "react";
import { Link } from "react-router";
import type { StillBilling } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { StatusBadge } from "../../components/ui/StatusBadge";
import { perDay } from "./format";
import { useStillAction } from "./mutations";
import { resourcePath } from "./records";
import { STILL_ACTION_LABEL, isDelete, isStillBilling, stillActions, type StillAction } from "./stillBilling";
import type { BillingOverview } from "./queries";

type Pending = { item: StillBilling; action: StillAction };

const KIND_WORD = { instance: "VM", volume: "Volume", snapshot: "Snapshot" } as const;

/** What confirming does, in words, before the user commits. */
function ConfirmText({ item, action }: Pending) {
  if (action === "startThenHibernate") {
    return (
      <p>
        {item.name} is stopped but bills the full rate. Barrack documents hibernation only from ACTIVE, so the app
        starts it and hibernates it as soon as it is ACTIVE: that costs a minute or two at the full rate, then only the
        hibernation rate. The app carries this out while it runs.
      </p>
    );
  }
  return (
    <p>
      {KIND_WORD[item.kind]} {item.name} is removed for good and stops billing. This cannot be undone.
    </p>
  );
}

/**
 * What bills while doing no work (stopped VMs, hibernated VMs, detached volumes,
 * snapshots), its cost per day, and the way to stop paying for it; plus what hibernation
 * already saves.
 */
export function StillBillingSection({ overview }: { overview: BillingOverview }) {
  const items = overview.stillBilling.filter(isStillBilling);
  const action = useStillAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const { currency } = overview;

  async function confirm() {
    if (!pending || action.isPending) return;
    try {
      await action.mutateAsync(pending);
      setPending(null);
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Card data-testid="still-billing">
      <CardTitle>Still billing while idle</CardTitle>
      <p data-testid="hibernation-savings" className="mb-3 text-sm text-fg-muted">
        {overview.hibernatedCount} hibernated VM{overview.hibernatedCount === 1 ? "" : "s"}
        {overview.hibernationSavingsPerDay != null && overview.hibernatedCount > 0
          ? `, saving ${perDay(overview.hibernationSavingsPerDay, currency)} compared with keeping them stopped (which bills the full rate).`
          : "."}
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-fg-muted">
          Nothing bills without working: no stopped VMs, idle volumes or snapshots.
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-border">
          {items.map((item) => {
            const actions = stillActions(item);
            return (
              <li
                key={`${item.kind}-${item.id}`}
                data-testid={`still-${item.name}`}
                className="flex flex-wrap items-center gap-3 py-2"
              >
                <div className="flex min-w-48 flex-1 flex-col">
                  <span className="flex items-center gap-2">
                    <Link to={resourcePath(item.kind, item.id)} className="font-medium text-primary hover:underline">
                      {item.name}
                    </Link>
                    <span className="text-xs text-fg-muted">
                      {KIND_WORD[item.kind]} · {item.region}
                    </span>
                    {item.kind === "instance" ? (
                      <StatusBadge status={item.status} />
                    ) : (
                      <span className="text-xs text-fg-muted">{item.status}</span>
                    )}
                  </span>
                  <span className="text-xs text-fg-muted">{item.why}</span>
                </div>
                <span data-testid={`still-cost-${item.name}`} className="font-semibold tabular-nums">
                  {perDay(item.perDay, currency)}
                </span>
                <span className="flex gap-2">
                  {actions.map((a, i) => (
                    <Button
                      key={a}
                      data-testid={i === 0 ? `still-action-${item.name}` : `still-delete-${item.name}`}
                      variant={isDelete(a) ? "danger" : "secondary"}
                      title={
                        a === "startThenHibernate"
                          ? "Costs a minute or two at the full rate while it starts"
                          : undefined
                      }
                      onClick={() => {
                        action.reset();
                        setPending({ item, action: a });
                      }}
                    >
                      {STILL_ACTION_LABEL[a]}
                    </Button>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {pending && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && !action.isPending && setPending(null)}
          title={`${STILL_ACTION_LABEL[pending.action]} ${pending.item.name}?`}
          confirmLabel={`${STILL_ACTION_LABEL[pending.action]} ${pending.item.name}`}
          pending={action.isPending}
          onConfirm={() => void confirm()}
          typeToConfirm={isDelete(pending.action) ? pending.item.name : undefined}
          footer={action.error ? <ErrorBanner error={action.error} /> : undefined}
        >
          <ConfirmText {...pending} />
        </ConfirmDialog>
      )}
    </Card>
  );
}
