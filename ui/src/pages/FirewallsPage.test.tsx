import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { RULE_LIMITS } from "../bindings";
import { mockBackend, renderApp } from "../test/backend";
import { replaceText } from "../test/typing";
import { attachmentOf, eligibleVmOf, firewallOf, firewallsSim } from "../features/firewalls/fixtures";

const web = firewallOf("web", {
  description: "Public web servers",
  rules: [
    {
      id: "rule-ssh",
      direction: "ingress",
      protocol: "tcp",
      ethertype: "IPv4",
      remote_ip_prefix: "203.0.113.0/24",
      port_range_min: 22,
      port_range_max: 22,
      created_at: null,
    },
  ],
  attachments: [attachmentOf("train-h100")],
});
const bare = firewallOf("bare");

describe("firewalls page (FW-01, FW-02)", () => {
  it("shows the statistics and one card per firewall with its counts", async () => {
    mockBackend(firewallsSim([web, bare]));
    renderApp("/firewalls");
    expect(await screen.findByTestId("firewalls-page")).toBeInTheDocument();
    await screen.findByTestId("firewall-card-web");
    expect(screen.getByTestId("stat-firewalls")).toHaveTextContent("2");
    expect(screen.getByTestId("stat-rules")).toHaveTextContent("1");
    expect(screen.getByTestId("stat-attachments")).toHaveTextContent("1");
    expect(screen.getByTestId("stat-active")).toHaveTextContent("1");
    expect(screen.getByTestId("firewall-card-web")).toHaveTextContent("Public web servers");
    expect(screen.getByTestId("firewall-rules-count-web")).toHaveTextContent("1");
    expect(screen.getByTestId("firewall-attached-count-web")).toHaveTextContent("1");
  });

  it("counts as active only firewalls with an attachment that succeeded", async () => {
    const attaching = firewallOf("attaching", { attachments: [attachmentOf("a", { status: "ATTACHING" })] });
    const failed = firewallOf("failed", { attachments: [attachmentOf("b", { status: "ERROR" })] });
    mockBackend(firewallsSim([web, attaching, failed]));
    renderApp("/firewalls");
    await screen.findByTestId("firewall-card-failed");
    expect(screen.getByTestId("stat-attachments")).toHaveTextContent("3");
    expect(screen.getByTestId("stat-active")).toHaveTextContent("1");
  });

  it("shows six cards a page, the rest on the next", async () => {
    mockBackend(firewallsSim(Array.from({ length: 7 }, (_, i) => firewallOf(`fw${i}`))));
    renderApp("/firewalls");
    const grid = await screen.findByTestId("firewall-grid");
    expect(within(grid).getAllByTestId(/^firewall-card-/)).toHaveLength(6);
    await userEvent.setup().click(screen.getByTestId("pager-page-2"));
    expect(within(screen.getByTestId("firewall-grid")).getAllByTestId(/^firewall-card-/)).toHaveLength(1);
  });

  it("says when there is none", async () => {
    mockBackend(firewallsSim([]));
    renderApp("/firewalls");
    expect(await screen.findByTestId("firewalls-empty")).toHaveTextContent("No firewalls yet");
  });

  it("disables Create at the account's limit and says so (FW-03)", async () => {
    const many = Array.from({ length: RULE_LIMITS.firewallsPerAccount }, (_, i) => firewallOf(`fw${i}`));
    mockBackend(firewallsSim(many));
    renderApp("/firewalls");
    expect(await screen.findByTestId("firewall-limit")).toHaveTextContent(
      `You have ${RULE_LIMITS.firewallsPerAccount} firewalls`,
    );
    expect(screen.getByTestId("firewall-create")).toBeDisabled();
  });
});

describe("creating a firewall (FW-03)", () => {
  it("filters by region, and Create starts from the region chosen on the page (GEN-04)", async () => {
    const norway = firewallOf("nordic", { region: "NORWAY-1" });
    mockBackend(firewallsSim([web, norway]));
    renderApp("/firewalls");
    const user = userEvent.setup();
    await screen.findByTestId("firewall-card-nordic");
    await user.selectOptions(screen.getByTestId("region-select"), "NORWAY-1");
    expect(screen.queryByTestId("firewall-card-web")).not.toBeInTheDocument();
    // The statistics are the account's (FW-01), whatever the filter.
    expect(screen.getByTestId("stat-firewalls")).toHaveTextContent("2");
    await user.selectOptions(screen.getByTestId("region-select"), "US-1");
    expect(screen.getByTestId("firewalls-empty")).toHaveTextContent("No firewalls in US-1.");
    await user.click(screen.getByTestId("firewall-create"));
    expect(await screen.findByTestId("firewall-region")).toHaveValue("US-1");
  });

  it("refuses a taken name at the field, then creates it in the chosen region", async () => {
    const backend = mockBackend(firewallsSim([firewallOf("web")]));
    renderApp("/firewalls");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("firewall-create"));
    await screen.findByTestId("firewall-dialog");

    await replaceText(user, "firewall-name", "web");
    expect(await screen.findByTestId("firewall-name-error")).toHaveTextContent('named "web" already exists');
    await user.click(screen.getByTestId("firewall-submit"));
    expect(backend.called("create_firewall")).toEqual([]);

    await replaceText(user, "firewall-name", "edge");
    await waitFor(() => expect(screen.queryByTestId("firewall-name-error")).not.toBeInTheDocument());
    // All regions on the page: the region is asked, nothing is assumed.
    expect(screen.getByTestId("firewall-region")).toHaveValue("");
    expect(screen.getByTestId("firewall-submit")).toBeDisabled();
    await user.selectOptions(screen.getByTestId("firewall-region"), "NORWAY-1");
    await user.click(screen.getByTestId("firewall-submit"));
    await waitFor(() => expect(screen.queryByTestId("firewall-dialog")).not.toBeInTheDocument());
    expect(backend.called("create_firewall")[0]!.args.body).toEqual({ name: "edge", region: "NORWAY-1" });
    expect(await screen.findByTestId("firewall-card-edge")).toHaveTextContent("NORWAY-1");
  });
});

describe("a firewall's rules (FW-10…13, FW-23)", () => {
  it("offers the server's protocols and the examples, refuses a bad range at its field, adds and removes", async () => {
    const backend = mockBackend(firewallsSim([firewallOf("web")]));
    renderApp("/firewalls");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("firewall-add-rule-web"));
    const details = await screen.findByTestId("firewall-details");
    expect(within(details).getByTestId("firewall-rules-empty")).toBeInTheDocument();
    expect(within(details).getByTestId("rule-delay-note")).toHaveTextContent("up to 10 minutes");
    await waitFor(() => expect(within(details).getAllByRole("option", { name: "ICMP" })).toHaveLength(1));

    await user.click(within(details).getByTestId("rule-example-HTTP"));
    expect(within(details).getByTestId("rule-port-min")).toHaveValue("80");
    await replaceText(user, "rule-cidr", "10.0.0.0/x");
    await user.click(within(details).getByTestId("rule-add"));
    expect(await within(details).findByTestId("rule-error-remote_ip_prefix")).toBeInTheDocument();
    expect(backend.called("add_firewall_rule")).toEqual([]);

    await replaceText(user, "rule-cidr", "10.0.0.0/8");
    await user.click(within(details).getByTestId("rule-add"));
    await within(details).findByTestId("firewall-rules");
    expect(backend.called("add_firewall_rule")[0]!.args).toMatchObject({
      firewallId: "fw-web",
      body: {
        direction: "ingress",
        ethertype: "IPv4",
        remote_ip_prefix: "10.0.0.0/8",
        port_range_min: 80,
        port_range_max: 80,
      },
    });

    // ICMP takes no ports: its fields are disabled.
    await user.click(within(details).getByTestId("rule-example-Ping"));
    expect(within(details).getByTestId("rule-port-min")).toBeDisabled();

    // Removing asks first, naming the rule; Cancel sends nothing.
    await user.click(within(details).getByTestId("rule-remove-rule-1"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Remove this rule from web?");
    await user.click(within(screen.getByTestId("confirm-dialog")).getByRole("button", { name: "Cancel" }));
    expect(backend.called("remove_firewall_rule")).toEqual([]);
    await user.click(within(details).getByTestId("rule-remove-rule-1"));
    await user.click(screen.getByTestId("confirm-action"));
    expect(await within(details).findByTestId("firewall-rules-empty")).toBeInTheDocument();
    expect(backend.called("remove_firewall_rule")[0]!.args).toEqual({ firewallId: "fw-web", ruleId: "rule-1" });
  });
});

describe("attaching and detaching (FW-20…22)", () => {
  it("lists the region's VMs, the ineligible with the reason, and attaches the one picked", async () => {
    const vms = [
      eligibleVmOf("train-h100"),
      eligibleVmOf("eu-a100"),
      eligibleVmOf("us-stopped", { status: "SHUTOFF", eligible: false, reason: "Start it first" }),
    ];
    const backend = mockBackend(firewallsSim([web], vms));
    renderApp("/firewalls");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("firewall-attach-web"));
    await screen.findByTestId("attach-dialog");
    expect(await screen.findByTestId("attach-reason-us-stopped")).toHaveTextContent("Start it first");
    expect(screen.getByTestId("attach-pick-us-stopped")).toBeDisabled();
    expect(screen.getByTestId("attach-vm-train-h100")).toHaveTextContent("Attached");
    expect(screen.getByTestId("attach-submit")).toBeDisabled();

    await user.click(screen.getByTestId("attach-pick-eu-a100"));
    await user.click(screen.getByTestId("attach-submit"));
    await waitFor(() => expect(screen.queryByTestId("attach-dialog")).not.toBeInTheDocument());
    expect(backend.called("attach_firewall_vm")[0]!.args).toEqual({ firewallId: "fw-web", instanceId: "vm-eu-a100" });
    await waitFor(() => expect(screen.getByTestId("firewall-attached-count-web")).toHaveTextContent("2"));
  });

  it("keeps Delete off while VMs are attached; detaches after the warning, then deletes", async () => {
    const backend = mockBackend(firewallsSim([web], [eligibleVmOf("train-h100")]));
    renderApp("/firewalls");
    const user = userEvent.setup();
    expect(await screen.findByTestId("firewall-delete-web")).toBeDisabled();
    expect(screen.getByTestId("firewall-card-web")).toHaveTextContent("detach it first");

    await user.click(screen.getByTestId("firewall-details-web"));
    await user.click(await screen.findByTestId("firewall-tab-attached"));
    expect(screen.getByTestId("attached-train-h100")).toHaveTextContent("SUCCESS");
    await user.click(screen.getByTestId("detach-train-h100"));
    expect(await screen.findByTestId("confirm-dialog")).toHaveTextContent("loses this firewall's protection at once");
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByTestId("attached-empty")).toBeInTheDocument();
    expect(backend.called("detach_firewall")[0]!.args).toEqual({
      firewallId: "fw-web",
      body: { instance_ids: ["vm-train-h100"] },
    });
    await user.click(screen.getByTestId("firewall-details-close"));
    await waitFor(() => expect(screen.queryByTestId("firewall-details")).not.toBeInTheDocument());

    await waitFor(() => expect(screen.getByTestId("firewall-delete-web")).toBeEnabled());
    await user.click(screen.getByTestId("firewall-delete-web"));
    await user.click(await screen.findByTestId("confirm-delete"));
    expect(await screen.findByTestId("firewalls-empty")).toBeInTheDocument();
    expect(backend.called("delete_firewall")[0]!.args).toEqual({ firewallId: "fw-web" });
  });
});
