import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { VMSecurityRule_Serialize } from "../bindings";
import { deferred, fails, mockBackend, renderApp } from "../test/backend";
import { SSH_RULE } from "../test/rules";
import { rowOf, simulatedVms, vmOf, type VM } from "../test/vms";

const RULE: VMSecurityRule_Serialize = { ...SSH_RULE, id: "R-1", created_at: null };

function detailBackend(vm: VM, extra: Record<string, unknown> = {}, sim = simulatedVms([rowOf(vm)])) {
  const backend = mockBackend({
    ...sim.handlers,
    get_instance_firewalls: {
      success: true,
      message: null,
      instance_id: vm.id,
      request_id: null,
      firewalls: [{ firewall_id: "F-1", name: "web", status: "SUCCESS", attachment_status: "SUCCESS", rules_count: 3 }],
    },
    get_instance_billing: {
      success: true,
      message: null,
      request_id: null,
      currency: "USD",
      page: 1,
      limit: 20,
      total: 1,
      total_pages: 1,
      summary: {
        totalMinutes: 60,
        activeCount: 1,
        completedCount: 0,
        hibernatedCount: 0,
        averageUsage: null,
        totalCost: 4.98,
      },
      records: [
        {
          billing_id: "B-1",
          instance_id: vm.id,
          vm_name: vm.name,
          gpu_type: "H100-SXM5-80GB",
          gpu_count: 2,
          tier: "advanced",
          start_time: "2026-01-01T10:00:00Z",
          end_time: null,
          total_duration_minutes: 60,
          per_minute_rate: 0.083,
          total_cost: 4.98,
          currency: "USD",
          status: "active",
          description: null,
        },
      ],
    },
    ...extra,
  });
  return { sim, backend };
}

const train = vmOf("train-h100", "ACTIVE", {
  public_ip: "203.0.113.50",
  security_rules: [RULE],
  volumes: [{ volume_id: "V-1", volume_name: "datasets", size_gb: 1000, bootable: false, device: "/dev/vdb" }],
});

describe("instance detail", () => {
  it("shows specs, price, SSH command, volumes, firewalls, rules and billing", async () => {
    const { backend } = detailBackend(train);
    renderApp(`/instances/${train.id}`);
    expect(await screen.findByTestId("page-instance-detail")).toBeInTheDocument();
    expect(await screen.findByTestId("vm-status")).toHaveTextContent("ACTIVE");
    expect(screen.getByTestId("vm-name")).toHaveTextContent("train-h100");
    expect(screen.getByTestId("public-ip")).toHaveTextContent("203.0.113.50");
    expect(await screen.findByTestId("ssh-command")).toHaveTextContent(/^ssh ubuntu@203\.0\.113\.50$/);
    await waitFor(() => expect(screen.getByTestId("vm-hourly-price")).toHaveTextContent("4.98 USD/h"));
    expect(screen.getByTestId("vm-minute-price")).toHaveTextContent("0.0830 USD/min");
    expect(screen.getByTestId("volume-row-datasets")).toHaveTextContent("1000 GB");
    expect(await screen.findByTestId("firewall-row-web")).toHaveTextContent("3");
    expect(screen.getByTestId("rule-row-R-1")).toHaveTextContent("0.0.0.0/0");
    expect(screen.getByTestId("rule-row-R-1")).toHaveTextContent("22");
    const billing = await screen.findByTestId("billing-table");
    expect(within(billing).getByTestId("billing-row-B-1")).toHaveTextContent("4.98 USD");
    expect(backend.called("get_instance_billing")[0]!.args.query).toEqual({
      resource_id: train.id,
      page: 1,
      limit: 20,
    });
    expect(backend.called("get_instance_firewalls")[0]!.args).toEqual({ instanceId: train.id });
  });

  it("uses the image's login user, ubuntu when it names none, and copies the command", async () => {
    const user = userEvent.setup();
    const centos = vmOf("c", "ACTIVE", {
      public_ip: "198.51.100.2",
      image: { id: "i", name: "CentOS", type: "os", default_user: "centos" },
    });
    detailBackend(centos);
    const first = renderApp(`/instances/${centos.id}`);
    expect(await screen.findByTestId("ssh-command")).toHaveTextContent(/^ssh centos@198\.51\.100\.2$/);
    first.unmount();

    const plain = vmOf("p", "ACTIVE", {
      public_ip: "198.51.100.3",
      image: { id: "i", name: "x", type: "os", default_user: null },
    });
    detailBackend(plain);
    renderApp(`/instances/${plain.id}`);
    expect(await screen.findByTestId("ssh-command")).toHaveTextContent(/^ssh ubuntu@198\.51\.100\.3$/);
    await user.click(screen.getByTestId("copy-ssh"));
    expect(await navigator.clipboard.readText()).toBe("ssh ubuntu@198.51.100.3");
    expect(await screen.findByText("SSH command copied")).toBeInTheDocument();
  });

  it("turns the public IP off only after the warning, and on again at once", async () => {
    let enabled = true;
    const { backend } = detailBackend(train, {
      toggle_instance_public_ip: (a: Record<string, unknown>) => {
        enabled = (a.body as { enabled: boolean }).enabled;
        return {
          success: true,
          message: null,
          request_id: null,
          tier: null,
          instance_id: train.id,
          public_ip_enabled: enabled,
          public_ip: enabled ? "203.0.113.77" : null,
        };
      },
    });
    renderApp(`/instances/${train.id}`);
    const user = userEvent.setup();
    const toggle = await screen.findByTestId("public-ip-toggle");
    expect(toggle).toBeChecked();
    await user.click(toggle);
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("train-h100 becomes unreachable from the internet");
    expect(backend.called("toggle_instance_public_ip")).toEqual([]);
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.getByTestId("public-ip")).toHaveTextContent("none"));
    expect(backend.called("toggle_instance_public_ip")[0]!.args).toEqual({
      instanceId: train.id,
      body: { enabled: false },
    });
    expect(screen.queryByTestId("ssh-command")).not.toBeInTheDocument();
    expect(screen.getByTestId("public-ip-toggle")).not.toBeChecked();

    await user.click(screen.getByTestId("public-ip-toggle"));
    await waitFor(() => expect(screen.getByTestId("public-ip")).toHaveTextContent("203.0.113.77"));
    expect(backend.called("toggle_instance_public_ip")).toHaveLength(2);
  });

  it("refuses public IP and rule changes unless the VM is ACTIVE, saying why", async () => {
    detailBackend(vmOf("stopped", "SHUTOFF", { security_rules: [RULE] }));
    renderApp("/instances/vm-stopped");
    const toggle = await screen.findByTestId("public-ip-toggle");
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAttribute("title", expect.stringMatching(/only while the VM is ACTIVE/));
    expect(screen.getByTestId("rule-add")).toBeDisabled();
    expect(screen.getByTestId("rule-remove-R-1")).toBeDisabled();
  });

  it("checks a new rule at its fields before sending, then adds it", async () => {
    const { backend } = detailBackend(train, {
      add_instance_security_rule: (a: Record<string, unknown>) => ({
        success: true,
        message: "Security rule added; it takes effect within 10 minutes",
        request_id: null,
        tier: null,
        instance_id: train.id,
        rule: { ...(a.body as object), id: "R-2", created_at: null },
      }),
    });
    renderApp(`/instances/${train.id}`);
    const user = userEvent.setup();
    await screen.findByTestId("rules-table");
    await user.selectOptions(screen.getByTestId("rule-ethertype"), "IPv4");
    await user.type(screen.getByTestId("rule-cidr"), "10.0.0.0/33");
    await user.type(screen.getByTestId("rule-port-min"), "443");
    await user.type(screen.getByTestId("rule-port-max"), "80");
    await user.click(screen.getByTestId("rule-add"));
    expect(screen.getByTestId("rule-error-remote_ip_prefix")).toHaveTextContent("between 0 and 32");
    expect(screen.getByTestId("rule-error-port_range_max")).toHaveTextContent("minimum port (443)");
    expect(screen.getByTestId("rule-cidr")).toHaveAttribute("aria-invalid", "true");
    expect(backend.called("add_instance_security_rule")).toEqual([]);

    // ICMP takes no ports: refused at the field.
    await user.selectOptions(screen.getByTestId("rule-protocol"), "icmp");
    expect(screen.getByTestId("rule-error-port_range_min")).toHaveTextContent("do not apply to ICMP");

    await user.selectOptions(screen.getByTestId("rule-protocol"), "tcp");
    await user.clear(screen.getByTestId("rule-cidr"));
    await user.type(screen.getByTestId("rule-cidr"), "10.0.0.0/8");
    await user.clear(screen.getByTestId("rule-port-max"));
    await user.type(screen.getByTestId("rule-port-max"), "443");
    expect(screen.queryByTestId(/^rule-error-/)).not.toBeInTheDocument();
    await user.click(screen.getByTestId("rule-add"));
    await waitFor(() => expect(backend.called("add_instance_security_rule")).toHaveLength(1));
    expect(backend.called("add_instance_security_rule")[0]!.args).toEqual({
      instanceId: train.id,
      body: {
        direction: "ingress",
        protocol: "tcp",
        ethertype: "IPv4",
        remote_ip_prefix: "10.0.0.0/8",
        port_range_min: 443,
        port_range_max: 443,
      },
    });
    expect(await screen.findByTestId("rule-row-R-2")).toHaveTextContent("10.0.0.0/8");
    expect(screen.getByTestId("rule-cidr")).toHaveValue("");
  });

  it("sends one rule for a double click on Add", async () => {
    const answer = deferred<unknown>();
    const { backend } = detailBackend(train, { add_instance_security_rule: () => answer.promise });
    renderApp(`/instances/${train.id}`);
    const user = userEvent.setup();
    await screen.findByTestId("rules-table");
    await user.type(screen.getByTestId("rule-cidr"), "10.0.0.0/8");
    await user.type(screen.getByTestId("rule-port-min"), "80");
    await user.type(screen.getByTestId("rule-port-max"), "80");
    await user.dblClick(screen.getByTestId("rule-add"));
    expect(screen.getByTestId("rule-add")).toBeDisabled();
    expect(screen.getByTestId("rule-add")).toHaveTextContent("Adding…");
    answer.resolve({
      success: true,
      message: null,
      request_id: null,
      tier: null,
      instance_id: train.id,
      rule: { ...RULE, id: "R-3", port_range_min: 80, port_range_max: 80, remote_ip_prefix: "10.0.0.0/8" },
    });
    expect(await screen.findByTestId("rule-row-R-3")).toBeInTheDocument();
    expect(backend.called("add_instance_security_rule")).toHaveLength(1);
  });

  it("puts the server's field error at the field", async () => {
    detailBackend(train, {
      add_instance_security_rule: fails("Validation", "remote_ip_prefix: is an IPv4 range but the rule is IPv6", {
        field: "remote_ip_prefix",
      }),
    });
    renderApp(`/instances/${train.id}`);
    const user = userEvent.setup();
    await screen.findByTestId("rules-table");
    await user.type(screen.getByTestId("rule-cidr"), "203.0.113.0/24");
    await user.type(screen.getByTestId("rule-port-min"), "22");
    await user.type(screen.getByTestId("rule-port-max"), "22");
    await user.click(screen.getByTestId("rule-add"));
    expect(await screen.findByTestId("rule-error-remote_ip_prefix")).toHaveTextContent(
      /^is an IPv4 range but the rule is IPv6$/,
    );
  });

  it("removes a rule after asking", async () => {
    const { backend } = detailBackend(train, {
      remove_instance_security_rule: {
        success: true,
        message: null,
        request_id: null,
        tier: null,
        instance_id: train.id,
        rule_id: "R-1",
      },
    });
    renderApp(`/instances/${train.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("rule-remove-R-1"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Remove this rule from train-h100?");
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("ingress TCP 22 IPv4 from 0.0.0.0/0");
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.queryByTestId("rule-row-R-1")).not.toBeInTheDocument());
    expect(backend.called("remove_instance_security_rule")[0]!.args).toEqual({ instanceId: train.id, ruleId: "R-1" });
  });

  it("shows the new state at once after an action, on the page and in the list", async () => {
    const answer = deferred<unknown>();
    const sim = simulatedVms([rowOf(train)]);
    const hibernate = sim.handlers.hibernate_instance as (a: Record<string, unknown>) => unknown;
    detailBackend(
      train,
      { hibernate_instance: (a: Record<string, unknown>) => answer.promise.then(() => hibernate(a)) },
      sim,
    );
    const { client } = renderApp(`/instances/${train.id}`);
    const user = userEvent.setup();
    await screen.findByTestId("vm-status");
    await user.click(screen.getByTestId("action-hibernate"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Hibernate train-h100?");
    await user.click(screen.getByTestId("confirm-action"));
    expect(screen.getByTestId("confirm-action")).toHaveTextContent("Hibernate train-h100");
    expect(screen.getByTestId("confirm-action")).toBeDisabled();
    answer.resolve(null);
    await waitFor(() => expect(screen.getByTestId("vm-status")).toHaveTextContent("HIBERNATING"));
    const list = client.getQueryData<{ rows: { vm: VM }[] }>(["instances", "overview"]);
    expect(list?.rows[0]?.vm.status).toBe("HIBERNATING");
    expect(screen.getByTestId("action-restore")).toBeDisabled();
  });

  it("says so when the VM no longer exists", async () => {
    detailBackend(vmOf("gone"), {}, simulatedVms([]));
    renderApp("/instances/vm-gone");
    const banner = await screen.findByTestId("error-banner");
    expect(banner).toHaveTextContent("That resource no longer exists");
  });
});
