import { Fact, Facts } from "../../components/ui/Facts";
import { Button } from "../../components/ui/Button";
import { Modal, ModalClose } from "../../components/ui/Modal";
import { cn } from "../../lib/cn";
import { formatDateTime } from "../../lib/format";
import { AttachedVms } from "./AttachedVms";
import { FirewallRuleForm } from "./FirewallRuleForm";
import { FirewallRules } from "./FirewallRules";
import type { Firewall } from "./queries";

export type DetailsTab = "rules" | "attached";

type Props = {
  firewall: Firewall;
  tab: DetailsTab;
  onTab: (tab: DetailsTab) => void;
  onOpenChange: (open: boolean) => void;
};

const TABS: { id: DetailsTab; label: (f: Firewall) => string }[] = [
  { id: "rules", label: (f) => `Rules (${f.rules.length})` },
  { id: "attached", label: (f) => `Attached VMs (${f.attachments.length})` },
];

/** A firewall's details (FW-21, FW-23): its rules, with the form to add one, and its attached VMs. */
export function FirewallDetailsDialog({ firewall, tab, onTab, onOpenChange }: Props) {
  return (
    <Modal open onOpenChange={onOpenChange} testId="firewall-details" wide title={firewall.name}>
      <div className="mt-3 flex flex-col gap-4">
        <Facts>
          <Fact label="Description">{firewall.description || "—"}</Fact>
          <Fact label="Region">{firewall.region}</Fact>
          <Fact label="Status">{firewall.status}</Fact>
          <Fact label="Created">{formatDateTime(firewall.created_at)}</Fact>
        </Facts>
        <div role="tablist" aria-label="Firewall details" className="flex gap-2 border-b border-border">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              data-testid={`firewall-tab-${t.id}`}
              onClick={() => onTab(t.id)}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm",
                tab === t.id ? "border-primary font-medium" : "border-transparent text-fg-muted",
              )}
            >
              {t.label(firewall)}
            </button>
          ))}
        </div>
        {tab === "rules" ? (
          <div role="tabpanel" className="flex flex-col gap-4">
            <FirewallRules firewall={firewall} />
            <FirewallRuleForm firewall={firewall} />
          </div>
        ) : (
          <div role="tabpanel">
            <AttachedVms firewall={firewall} />
          </div>
        )}
        <div className="flex justify-end">
          <ModalClose asChild>
            <Button data-testid="firewall-details-close">Close</Button>
          </ModalClose>
        </div>
      </div>
    </Modal>
  );
}
