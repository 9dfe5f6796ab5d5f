import { CreateVolumeDialog } from "./CreateVolumeDialog";
import { useVolumes } from "./queries";
import type { VM } from "../instances/status";

/** "Create Volume" from a VM's page (VM-02): in the VM's region, with the server's suggested name. */
export function CreateForVm({ vm, onOpenChange }: { vm: VM; onOpenChange: (open: boolean) => void }) {
  const volumes = useVolumes();
  return (
    <CreateVolumeDialog
      onOpenChange={onOpenChange}
      takenNames={(volumes.data?.volumes ?? []).map((v) => v.name)}
      suggestedName={volumes.data ? volumes.data.nextName : undefined}
      region={vm.region}
      regions={[vm.region]}
      forVm={vm.name}
    />
  );
}
