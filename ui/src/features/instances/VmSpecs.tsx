import type { ReactNode } from "react";
import type { VM } from "./status";

/** Hardware, network and image of a VM (DASH-05). */
export function VmSpecs({ vm }: { vm: VM }) {
  const { flavor } = vm;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      <Item label="GPU" testId="vm-gpu">
        {flavor.gpu_model} × {flavor.gpu_count}
      </Item>
      <Item label="CPU" testId="vm-cpu">
        {flavor.cpu_cores} vCPU
      </Item>
      <Item label="RAM" testId="vm-ram">
        {flavor.ram_gb} GB
      </Item>
      <Item label="Storage" testId="vm-storage">
        {flavor.storage_gb} GB
      </Item>
      <Item label="Region" testId="vm-region">
        {vm.region}
      </Item>
      <Item label="Private IP" testId="private-ip" mono>
        {vm.private_ip ?? "—"}
      </Item>
      <Item label="Public IP" testId="public-ip" mono>
        {vm.public_ip_enabled && vm.public_ip ? vm.public_ip : "none"}
      </Item>
      <Item label="Image">{vm.image.name || "—"}</Item>
      {vm.tier && <Item label="Tier">{vm.tier}</Item>}
    </dl>
  );
}

function Item({
  label,
  testId,
  mono,
  children,
}: {
  label: string;
  testId?: string;
  mono?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <dt className="text-fg-muted">{label}</dt>
      <dd data-testid={testId} className={mono ? "font-mono" : undefined}>
        {children}
      </dd>
    </>
  );
}
