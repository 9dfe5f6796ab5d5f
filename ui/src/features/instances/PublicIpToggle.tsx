import { useState } from "react";
import * as Switch from "@radix-ui/react-switch";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { useTogglePublicIp } from "./mutations";
import { settingVerdict, type VM } from "./status";
import { useSubmitGuard } from "../../lib/useSubmitGuard";

/** Turns the VM's public IP on or off (VM-06); off asks first, with the warning. */
export function PublicIpToggle({ vm }: { vm: VM }) {
  const toggle = useTogglePublicIp(vm);
  const guard = useSubmitGuard();
  const [confirmOff, setConfirmOff] = useState(false);
  const reason = settingVerdict(vm.status, "toggle_public_ip");
  const on = vm.public_ip_enabled;

  function change(next: boolean) {
    if (next) void guard(() => toggle.mutateAsync(true));
    else setConfirmOff(true);
  }

  return (
    <div className="flex flex-col gap-2">
      <label className="flex items-center gap-3 text-sm">
        <Switch.Root
          data-testid="public-ip-toggle"
          checked={on}
          disabled={reason !== null || toggle.isPending}
          aria-busy={toggle.isPending || undefined}
          title={reason ?? undefined}
          aria-describedby={reason ? "public-ip-reason" : undefined}
          onCheckedChange={change}
          className="relative h-5 w-9 shrink-0 rounded-full bg-border disabled:opacity-60 data-[state=checked]:bg-primary"
        >
          <Switch.Thumb className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]" />
        </Switch.Root>
        {toggle.isPending ? "Changing…" : on ? "Public IP on" : "Public IP off"}
      </label>
      <p className="text-xs text-fg-muted">
        Without a public IP the VM is unreachable from the internet (SSH included); it keeps its private IP.
      </p>
      {reason && (
        <p id="public-ip-reason" className="text-xs text-warning">
          {reason}
        </p>
      )}
      <ConfirmDialog
        open={confirmOff}
        onOpenChange={(open) => !open && !toggle.isPending && setConfirmOff(false)}
        title={`Turn off the public IP of ${vm.name}?`}
        confirmLabel="Turn off public IP"
        pending={toggle.isPending}
        onConfirm={() =>
          void guard(async () => {
            try {
              await toggle.mutateAsync(false);
            } finally {
              setConfirmOff(false);
            }
          })
        }
      >
        <p>
          {vm.name} becomes unreachable from the internet: SSH and any service on it stop answering from outside. Only
          its private IP remains. Turning it on again may give it a different address.
        </p>
      </ConfirmDialog>
    </div>
  );
}
