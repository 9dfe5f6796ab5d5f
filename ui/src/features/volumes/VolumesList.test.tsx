import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockBackend, renderApp } from "../../test/backend";
import { rowOf, simulatedVms, vmOf, type VM } from "../../test/vms";
import { attachedTo, volumeOf, volumesSim } from "./fixtures";
import type { Volume } from "./queries";

type Handler = (a: Record<string, unknown>) => unknown;

/** A VM's page over the volume commands: attaching and detaching change the VM's list too. */
function vmPage(vm: VM, volumes: Volume[]) {
  const sim = simulatedVms([rowOf(vm)]);
  const vols = volumesSim(volumes, { vms: [vm] });
  const attachments = (ids: string[]) =>
    volumes
      .filter((v) => ids.includes(v.id))
      .map((v) => ({ volume_id: v.id, volume_name: v.name, size_gb: v.size_gb, bootable: v.bootable, device: null }));
  const backend = mockBackend({
    ...sim.handlers,
    ...vols,
    get_instance_firewalls: { success: true, message: null, instance_id: vm.id, request_id: null, firewalls: [] },
    attach_volumes: (a: Record<string, unknown>) => {
      const ids = (a.body as { volume_ids: string[] }).volume_ids;
      sim.patch(vm.id, { volumes: [...(sim.vm(vm.id)?.volumes ?? []), ...attachments(ids)] });
      return (vols.attach_volumes as Handler)(a);
    },
    detach_volumes: (a: Record<string, unknown>) => {
      const ids = (a.body as { volume_ids: string[] }).volume_ids;
      sim.patch(vm.id, { volumes: (sim.vm(vm.id)?.volumes ?? []).filter((x) => !ids.includes(x.volume_id)) });
      return (vols.detach_volumes as Handler)(a);
    },
  });
  return backend;
}

describe("volumes on a VM's page (VM-02, VOL-20, VOL-30, VOL-31)", () => {
  it("detaches a volume after the warning and attaches a free volume of the VM's region", async () => {
    const vm = vmOf("train-h100");
    const data = volumeOf("data", { size_gb: 500, ...attachedTo(vm) });
    const spare = volumeOf("spare");
    const far = volumeOf("far", { region: "US-1" });
    const backend = vmPage(
      {
        ...vm,
        volumes: [{ volume_id: data.id, volume_name: "data", size_gb: 500, bootable: false, device: "/dev/vdb" }],
      },
      [data, spare, far],
    );
    renderApp(`/instances/${vm.id}`);
    const user = userEvent.setup();

    await user.click(await screen.findByTestId("vm-volume-detach-data"));
    expect(await screen.findByTestId("volume-detach-warning")).toHaveTextContent("may be disrupted");
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    expect(backend.called("detach_volumes")[0]!.args).toEqual({
      instanceId: vm.id,
      body: { volume_ids: ["vol-data"] },
    });
    await waitFor(() => expect(screen.queryByTestId("volume-row-data")).not.toBeInTheDocument());

    await user.click(screen.getByTestId("vm-volume-attach"));
    const dialog = await screen.findByTestId("vm-attach-dialog");
    await within(dialog).findByTestId("vm-attach-volume-spare");
    expect(within(dialog).queryByTestId("vm-attach-volume-far")).not.toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByTestId("vm-attach-pick-spare")).toBeEnabled());
    await user.click(within(dialog).getByTestId("vm-attach-pick-spare"));
    await user.click(within(dialog).getByTestId("vm-attach-submit"));
    await waitFor(() => expect(screen.queryByTestId("vm-attach-dialog")).not.toBeInTheDocument());
    expect(backend.called("attach_volumes").at(-1)!.args).toEqual({
      instanceId: vm.id,
      body: { volume_ids: ["vol-spare"] },
    });
    expect(await screen.findByTestId("volume-row-spare")).toBeInTheDocument();
  });

  it("creates a volume from the VM's page, in the VM's region, with the server's suggested name", async () => {
    const vm = vmOf("train-h100");
    const data = volumeOf("data", { size_gb: 500, ...attachedTo(vm) });
    const backend = vmPage(vm, [data]);
    renderApp(`/instances/${vm.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("vm-volume-create"));
    const dialog = await screen.findByTestId("volume-dialog");
    expect(dialog).toHaveTextContent("Create a volume for train-h100");
    expect(await within(dialog).findByTestId("volume-name")).toHaveValue("volume1");
    expect(within(dialog).getByTestId("volume-region")).toHaveValue("CANADA-1");
    expect(within(dialog).getByTestId("volume-region")).toBeDisabled();
    await user.click(within(dialog).getByTestId("volume-submit"));
    await waitFor(() => expect(screen.queryByTestId("volume-dialog")).not.toBeInTheDocument());
    expect(backend.called("create_volume")[0]!.args.body).toEqual({
      name: "volume1",
      region: "CANADA-1",
      size_gb: 10,
      volume_type: "SSD",
      bootable: false,
    });
  });

  it("never detaches the boot volume of a running VM: Rust's reason is shown and nothing is sent", async () => {
    const vm = vmOf("root-vm", "ACTIVE", {
      image: { id: "vol-root", name: "root", type: "volume", default_user: null },
    });
    const root = volumeOf("root", { bootable: true, ...attachedTo(vm) });
    const backend = vmPage(
      {
        ...vm,
        volumes: [{ volume_id: root.id, volume_name: "root", size_gb: 100, bootable: true, device: "/dev/vda" }],
      },
      [root],
    );
    renderApp(`/instances/${vm.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("vm-volume-detach-root"));
    expect(await screen.findByTestId("volume-detach-refused")).toHaveTextContent(
      "the boot volume of a VM cannot be detached while it runs",
    );
    await user.click(screen.getByTestId("confirm-action"));
    expect(screen.getByTestId("confirm-dialog")).toBeInTheDocument();
    expect(backend.called("detach_volumes")).toEqual([]);
  });
});
