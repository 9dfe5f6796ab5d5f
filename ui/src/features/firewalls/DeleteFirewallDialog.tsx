import { DeleteDialog } from "../../components/ui/DeleteDialog";
import { useDeleteFirewall } from "./mutations";
import type { Firewall } from "./queries";

/** Asks before deleting a firewall without attached VMs (FW-22; the card offers no delete otherwise). */
export function DeleteFirewallDialog({
  firewall,
  onOpenChange,
}: {
  firewall: Firewall;
  onOpenChange: (o: boolean) => void;
}) {
  const deletion = useDeleteFirewall();
  return (
    <DeleteDialog onOpenChange={onOpenChange} noun="firewall" id={firewall.id} name={firewall.name} deletion={deletion}>
      Its {firewall.rules.length === 1 ? "rule goes" : "rules go"} with it; no VM is attached to it.
    </DeleteDialog>
  );
}
