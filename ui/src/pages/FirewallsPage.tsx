import { useMemo, useState } from "react";
import { RULE_LIMITS } from "../bindings";
import { Card } from "../components/ui/Card";
import { Pager } from "../components/ui/Pager";
import { Stat } from "../components/ui/Stat";
import { ListPage } from "../components/ui/ListPage";
import { AttachFirewallDialog } from "../features/firewalls/AttachFirewallDialog";
import { CreateFirewallDialog } from "../features/firewalls/CreateFirewallDialog";
import { DeleteFirewallDialog } from "../features/firewalls/DeleteFirewallDialog";
import { FirewallCard, deleteBlocked, type FirewallAction } from "../features/firewalls/FirewallCard";
import { FirewallDetailsDialog, type DetailsTab } from "../features/firewalls/FirewallDetailsDialog";
import { useFirewalls, type Firewall } from "../features/firewalls/queries";
import { firewallStats } from "../features/firewalls/stats";
import { CARDS_PER_PAGE, clampPage, pageSlice } from "../lib/paging";
import { RegionSelect } from "../components/ui/RegionSelect";
import { inRegion, regionOptions } from "../lib/regions";
import { useItemDialog } from "../lib/useItemDialog";
import { useRegionParam } from "../lib/useRegionParam";

const NONE: never[] = [];
const LIMIT = RULE_LIMITS.firewallsPerAccount;

/** FW-01…23: the account's firewalls as cards, with their rules and the VMs they protect. */
export function FirewallsPage() {
  const query = useFirewalls();
  const all = query.data ?? NONE;
  const [region, setRegion] = useRegionParam();
  const firewalls = useMemo(() => all.filter((f) => inRegion(f.region, region)), [all, region]);
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const [tab, setTab] = useState<DetailsTab>("rules");
  // `?details=ID` (a link from another page) opens that firewall.
  const dialog = useItemDialog<FirewallAction, Firewall>((id) => all.find((f) => f.id === id));
  // Names are unique in the account and the limit is the account's, whatever the filter.
  const names = useMemo(() => all.map((f) => f.name), [all]);
  const regions = useMemo(() => regionOptions(all.map((f) => f.region)), [all]);
  const stats = useMemo(() => firewallStats(all), [all]);
  const full = all.length >= LIMIT;
  const shown = dialog.shown;

  function act(f: Firewall, a: FirewallAction) {
    // "Add Rule" is the details' rules tab, its form below the rules (FW-10).
    if (a === "rule" || a === "details") setTab("rules");
    if (a === "delete" && deleteBlocked(f)) return;
    dialog.open(a, f.id);
  }

  return (
    <ListPage
      page="firewalls"
      query={query}
      create={{
        testId: "firewall-create",
        label: "Create Firewall",
        disabled: !query.data || full,
        title: full ? `The account has ${LIMIT} firewalls, the most it can have: delete one first.` : undefined,
        onClick: () => setCreating(true),
      }}
      loading="Loading firewalls…"
      toolbar={
        <>
          <RegionSelect
            value={region}
            options={regions}
            onChange={(r) => {
              setRegion(r);
              setPage(1);
            }}
          />
          {full && (
            <p data-testid="firewall-limit" className="text-sm text-fg-muted">
              You have {LIMIT} firewalls, the most an account can have: delete one to create another.
            </p>
          )}
        </>
      }
      dialogs={
        <>
          {creating && (
            <CreateFirewallDialog takenNames={names} regions={regions} region={region} onOpenChange={setCreating} />
          )}
          {(shown?.action === "details" || shown?.action === "rule") && (
            <FirewallDetailsDialog firewall={shown.item} tab={tab} onTab={setTab} onOpenChange={dialog.onOpenChange} />
          )}
          {shown?.action === "attach" && (
            <AttachFirewallDialog firewall={shown.item} onOpenChange={dialog.onOpenChange} />
          )}
          {shown?.action === "delete" && (
            <DeleteFirewallDialog firewall={shown.item} onOpenChange={dialog.onOpenChange} />
          )}
        </>
      }
    >
      {() => {
        const current = clampPage(page, firewalls.length);
        return (
          <div className="flex flex-col gap-4">
            <div data-testid="firewall-stats" className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat label="Total Firewalls" value={stats.firewalls} testId="stat-firewalls" />
              <Stat label="Total Rules" value={stats.rules} testId="stat-rules" />
              <Stat label="Attachments" value={stats.attachments} testId="stat-attachments" />
              <Stat
                label="Active"
                value={stats.active}
                testId="stat-active"
                hint="Firewalls protecting at least one VM"
              />
            </div>
            {firewalls.length === 0 ? (
              <Card data-testid="firewalls-empty" className="text-sm text-fg-muted">
                {region ? `No firewalls in ${region}.` : "No firewalls yet."} A firewall holds rules that several VMs of
                a region can share: create one, add its rules, then attach it to your VMs.
              </Card>
            ) : (
              <>
                <div data-testid="firewall-grid" className="grid grid-cols-1 gap-4 lg:grid-cols-3">
                  {pageSlice(firewalls, current).map((f) => (
                    <FirewallCard key={f.id} firewall={f} onAction={(a) => act(f, a)} />
                  ))}
                </div>
                <Pager page={current} total={firewalls.length} perPage={CARDS_PER_PAGE} onPage={setPage} />
              </>
            )}
          </div>
        );
      }}
    </ListPage>
  );
}
