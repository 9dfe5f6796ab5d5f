import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DeepLink } from "../../bindings";
import { emitEvent, mockBackend, renderApp } from "../../test/backend";
import { instancesOverviewOf, rowOf, vmOf } from "../../test/vms";
import { deepLinkPath } from "./useDeepLinks";

describe("barrack:// links", () => {
  it("lead to the instance page or the wizard with the template", () => {
    expect(deepLinkPath({ page: "instance", id: "vm-1" })).toBe("/instances/vm-1");
    expect(deepLinkPath({ page: "deploy", template: "gpu box" })).toBe("/deploy?template=gpu%20box");
    expect(deepLinkPath({ page: "deploy", template: null })).toBe("/deploy");
  });

  it("navigate when the backend says one arrived, taking it once", async () => {
    const vm = vmOf("train", "ACTIVE");
    let waiting: DeepLink | null = null;
    const b = mockBackend({
      instances_overview: instancesOverviewOf([rowOf(vm)]),
      get_instance: { success: true, message: null, instance: vm, request_id: null },
      get_instance_firewalls: { success: true, message: null, instance_id: vm.id, request_id: null, firewalls: [] },
      take_deep_link: () => {
        const link = waiting;
        waiting = null;
        return link;
      },
    });
    renderApp("/dashboard");
    expect(await screen.findByTestId("page-dashboard")).toBeInTheDocument();
    waiting = { page: "instance", id: vm.id };
    await emitEvent("deep-link-arrived", {});
    expect(await screen.findByTestId("page-instance-detail")).toBeInTheDocument();
    expect(await screen.findByTestId("vm-name")).toHaveTextContent("train");
    expect(b.called("take_deep_link").length).toBeGreaterThanOrEqual(2);
  });
});
