// Completeness: every requirement of the documented deploy wizard (dashboard.md §3,
// DEP-01…DEP-62), Firewalls page (§7, FW), startup scripts (§8, SCR), Snapshots page (§9,
// SNAP) and Custom Images page (§10, IMG) names the tests that show it works, and each named
// test exists. An id without a test here, or a test renamed away, fails this file.

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { testNamesOf } from "./testing/testNames";

const ROOT = resolve(import.meta.dirname, "../..");

/** [file from the repository's root, the exact name of a test in it: an `it(`/`test(` title
 * in TypeScript, a `#[test]`/`#[tokio::test]` function in Rust, a journey's name in
 * tests/journeys]. */
type Proof = [string, string];

/** A requirement the app leaves out, with the reason (shown to whoever reads this table). */
type NotInApp = { notInApp: string };

type Requirement = Proof[] | NotInApp;

const UI = "ui/src/features/deploy";
const PAGE = "ui/src/pages/DeployPage.test.tsx";
const E2E = "tests/journeys/deploy.rs";

const REQUIREMENTS: Record<string, Requirement> = {
  "DEP-01": [
    [`${UI}/keysStep.test.ts`, "refuses no key at all"],
    ["crates/barrack-cli/tests/instances.rs", "deploy_bad_input_is_refused_before_any_request"],
  ],
  "DEP-02": [
    [PAGE, "InsufficientCredits keeps every choice and links to Billing"],
    [E2E, "deploy_low_balance"],
    ["crates/barrack-sim/tests/rules.rs", "deploy_needs_credits_and_stock"],
  ],
  "DEP-03": [
    [`${UI}/entryPoints.test.tsx`, "opens from the sidebar's Deploy VM"],
    [`${UI}/entryPoints.test.tsx`, "opens from the dashboard's quick actions"],
    [`${UI}/entryPoints.test.tsx`, "opens from the command palette"],
  ],
  "DEP-10": [
    ["crates/barrack-core/src/deploy.rs", "the_catalog_joins_stock_specs_and_pricing_of_the_sandbox"],
    [PAGE, "walks the steps, shows price and command, and deploys once on a double click"],
  ],
  "DEP-11": [
    [`${UI}/steps.test.ts`, "offers the counts in stock somewhere, and shows sold-out sizes disabled with why"],
    [`${UI}/draft.test.ts`, "a count not in stock anywhere for the new model, and a region without it"],
  ],
  "DEP-12": [[PAGE, "walks the steps, shows price and command, and deploys once on a double click"]],
  "DEP-13": [
    [`${UI}/steps.test.ts`, "needs a model, a tier when there are several, and a count in stock"],
    ["crates/barrack-api/src/deploy.rs", "quote_matches_the_documented_billing_example"],
  ],
  "DEP-20": [[`${UI}/steps.test.ts`, "only regions with the model in that count can be picked; the others say why"]],
  "DEP-21": [
    [`${UI}/steps.test.ts`, "only regions with the model in that count can be picked; the others say why"],
    [PAGE, "a model change that drops the region says so"],
  ],
  "DEP-22": [
    [`${UI}/steps.test.ts`, "OS images of the region only"],
    [`${UI}/draft.test.ts`, "keeps a source of the new region, and keeps it while no region is chosen"],
  ],
  "DEP-30": [[`${UI}/steps.test.ts`, "needs a choice that is in the loaded list"]],
  "DEP-31": [
    [`${UI}/steps.test.ts`, "OS images of the region only"],
    [E2E, "deploy_os_image"],
  ],
  "DEP-32": [[`${UI}/steps.test.ts`, "volumes: bootable, at least 100 GB, free and of this region"]],
  "DEP-33": [
    [
      `${UI}/steps.test.ts`,
      "custom images: Available, this region only, with the source snapshot by name; snapshots taken as images too",
    ],
    [E2E, "deploy_custom_image"],
  ],
  "DEP-34": [
    [PAGE, "a region change drops a custom image of the old region, naming it"],
    ["crates/barrack-cli/tests/instances.rs", "deploy_from_a_custom_image_and_the_region_rule"],
  ],
  "DEP-35": [
    [
      `${UI}/steps.test.ts`,
      "custom images: Available, this region only, with the source snapshot by name; snapshots taken as images too",
    ],
  ],
  "DEP-40": [[`${UI}/KeysStep.test.tsx`, "loads the keys and pre-selects the only one (DEP-40, DEP-41)"]],
  "DEP-41": [[`${UI}/keysStep.test.ts`, "pre-selects the only key (DEP-41)"]],
  "DEP-42": [[`${UI}/KeysStep.test.tsx`, "lets several keys be chosen, and pre-selects none of several (DEP-42)"]],
  "DEP-43": [
    [
      `${UI}/KeysStep.test.tsx`,
      "imports a key: a bad line is refused at the field, a good one is sent and selected (DEP-43)",
    ],
    [
      `${UI}/KeysStep.test.tsx`,
      "creates a key: says where the private key goes first, then where it went, and selects it",
    ],
    ["crates/barrack-core/src/deploy.rs", "a_private_key_is_written_owner_only_even_over_an_open_file"],
    ["crates/barrack-core/src/deploy.rs", "a_generated_key_is_saved_owner_only_and_returned_without_its_private_half"],
    ["crates/barrack-core/src/deploy.rs", "a_cancelled_dialog_creates_no_key"],
    [E2E, "deploy_imported_key"],
  ],
  "DEP-44": [[E2E, "deploy_imported_key"]],
  "DEP-50": [[`${UI}/AdvancedStep.test.tsx`, "explains off, and warns when on"]],
  "DEP-51": [
    [`${UI}/SecurityRulesEditor.test.tsx`, "walks most of the table"],
    [`${UI}/SecurityRulesEditor.test.tsx`, "refuses a bad CIDR at its field and adds nothing"],
    [E2E, "deploy_bad_input"],
  ],
  "DEP-52": [
    [`${UI}/AdvancedStep.test.tsx`, "keeps the password in the secrets only, with a strength meter"],
    [`${UI}/AdvancedStep.test.tsx`, "shows exactly what Rust answers for each password of the case table"],
    ["crates/barrack-api/src/forms/jupyter.rs", "rule_and_meter_together"],
  ],
  "DEP-53": [
    [`${UI}/advancedStep.test.ts`, "puts Rust's answer at the cloud-init field: 16,384 bytes pass, 16,394 do not"],
    ["crates/barrack-api/src/forms/cloud_init.rs", "counts_bytes_and_says_by_how_much"],
    [`${UI}/AdvancedStep.test.tsx`, "counts bytes live and refuses more than 16 KB at the field"],
    [E2E, "deploy_bad_input"],
  ],
  "DEP-54": [[`${UI}/AdvancedStep.test.tsx`, "offers None and the account's scripts by name, fetched when not given"]],
  "DEP-60": [
    [PAGE, "refuses a 51-character name at the field, and a taken name (other case) as it is typed"],
    [E2E, "deploy_bad_input"],
  ],
  "DEP-61": [
    [PAGE, "walks the steps, shows price and command, and deploys once on a double click"],
    ["crates/barrack-cli/tests/instances.rs", "deploy_from_an_os_image_with_wait"],
    [E2E, "deploy_os_image"],
  ],
  "DEP-62": [
    [E2E, "deploy_os_image"],
    ["crates/barrack-core/src/poller.rs", "a_vm_first_seen_already_active_is_announced_once"],
  ],
};

const SP = "ui/src/pages/SnapshotsPage.test.tsx";
const IP = "ui/src/pages/ImagesPage.test.tsx";
const SN = "ui/src/features/snapshots";
const IMG_E2E = "tests/journeys/images.rs";

/** dashboard.md §9 (SNAP) and §10 (IMG), issue 8. */
const STORAGE_REQUIREMENTS: Record<string, Requirement> = {
  "SNAP-01": [[SP, "shows the region's statistics and cards, and filters by region without a request"]],
  "SNAP-02": [
    [SP, "shows the region's statistics and cards, and filters by region without a request"],
    [`${SN}/stats.test.ts`, "counts, sums storage and cost, restorable and available VMs for the region"],
  ],
  "SNAP-03": [
    [SP, "pages six cards at a time, searches, and switches to a table"],
    ["ui/src/lib/paging.test.ts", "shows six a page"],
  ],
  "SNAP-04": [[SP, "shows the region's statistics and cards, and filters by region without a request"]],
  "SNAP-05": [[SP, "Refresh fetches again and spins while it does (SNAP-05)"]],
  "SNAP-06": [
    [SP, "keeps a refusal in the dialog"],
    [IMG_E2E, "images_refusals_say_why_and_send_nothing"],
  ],
  "SNAP-10": [
    [`${SN}/eligibility.test.ts`, "says why Create is disabled when the region has none"],
    [IMG_E2E, "images_refusals_say_why_and_send_nothing"],
  ],
  "SNAP-11": [
    [`${SN}/eligibility.test.ts`, "labels a VM with its GPU and region"],
    [SP, "says there are no active VMs in the dialog's list when none is running"],
  ],
  "SNAP-12": [
    [`${SN}/nameCases.test.tsx`, "covers each noun these dialogs name"],
    [
      SP,
      "creates a snapshot: checks the name at the field, keeps a refusal in the dialog, then shows it CREATING until the poller says SUCCESS",
    ],
    ["crates/barrack-api/src/forms/name.rs", "the_shape_rule_comes_first_then_uniqueness_without_case"],
  ],
  "SNAP-13": [
    [
      `${SN}/CreateSnapshotDialog.test.tsx`,
      "offers description and Create as Image, checks names across the account, then links to the new snapshot",
    ],
  ],
  "SNAP-14": [
    [
      SP,
      "creates a snapshot: checks the name at the field, keeps a refusal in the dialog, then shows it CREATING until the poller says SUCCESS",
    ],
    [IMG_E2E, "images_snapshot_to_image_to_deployed_vm"],
  ],
  "SNAP-20": [[SP, "shows details: source VM link, configuration, description, images and its own billing"]],
  "SNAP-30": [[`${SN}/eligibility.test.ts`, "only SUCCESS or available ones, saying why otherwise"]],
  "SNAP-31": [
    [SP, "restores to a new VM named {snapshot}-restored, then opens that VM"],
    ["crates/barrack-api/src/forms/name.rs", "restored_names_fit"],
  ],
  "SNAP-32": [
    [SP, "restores to a new VM named {snapshot}-restored, then opens that VM"],
    [IMG_E2E, "images_restore_a_snapshot_to_a_new_vm"],
  ],
  "SNAP-33": [[IMG_E2E, "images_restore_a_snapshot_to_a_new_vm"]],
  "SNAP-40": [
    [SP, "asks before deleting, naming the snapshot, and keeps a refusal in the dialog"],
    [IMG_E2E, "images_delete_the_image_then_the_snapshot"],
  ],
  "SNAP-41": [[SP, "asks before deleting, naming the snapshot, and keeps a refusal in the dialog"]],
  "IMG-01": [[IP, "creates an image from the snapshot it was asked for; only SUCCESS snapshots can be picked"]],
  "IMG-02": [
    [IP, "creates an image from the snapshot it was asked for; only SUCCESS snapshots can be picked"],
    [IMG_E2E, "images_refusals_say_why_and_send_nothing"],
  ],
  "IMG-03": [[IP, "lists images with their source snapshot and total storage, by region"]],
  "IMG-04": [
    [IP, "shows an image's properties and metadata"],
    [IP, "asks before deleting an image, saying VMs made from it are not affected"],
  ],
  "IMG-05": [
    [`ui/src/features/images/versions.test.ts`, "filters by region, sums storage, deploys only Available images"],
    [IMG_E2E, "images_snapshot_to_image_to_deployed_vm"],
  ],
  "IMG-06": [[IP, "asks before deleting an image, saying VMs made from it are not affected"]],
};

const BP = "ui/src/pages/BillingPage.test.tsx";
const BILL_E2E = "tests/journeys/billing.rs";

/** dashboard.md §11 (BILL), issue 9. Payment itself is Barrack's site's (the app handles none). */
const BILLING_REQUIREMENTS: Record<string, Requirement> = {
  "BILL-01": [[BP, "states the credit terms and opens Barrack's credits page in the browser"]],
  "BILL-02": [[BP, "states the credit terms and opens Barrack's credits page in the browser"]],
  "BILL-03": [[BP, "states the credit terms and opens Barrack's credits page in the browser"]],
  "BILL-04": [[BP, "states the credit terms and opens Barrack's credits page in the browser"]],
  "BILL-05": [[BP, "states the credit terms and opens Barrack's credits page in the browser"]],
  "BILL-06": [
    [BP, "shows the overview's figures as the backend gives them"],
    [BILL_E2E, "billing_figures"],
    ["ui/src/pages/DashboardPage.test.tsx", "shows balances per currency"],
  ],
  "BILL-07": [["ui/src/pages/DashboardPage.test.tsx", "shows balances per currency"]],
  "BILL-08": [
    [BP, "warns when the runway is under a day, below the threshold, and at zero"],
    ["crates/barrack-core/src/poller.rs", "running_vms_hibernated_at_zero_balance_are_announced"],
    ["crates/barrack-core/src/poller.rs", "snapshots_images_and_low_balance"],
    [BILL_E2E, "billing_low_balance"],
    [BILL_E2E, "billing_zero_balance"],
  ],
  "BILL-09": [
    [BP, "pages and filters on the server, going back to page 1 on a filter change"],
    [BP, "switches kinds with their own columns and summary"],
    ["crates/barrack-core/src/billing.rs", "the_overview_traces_to_the_records_and_the_pricing_table"],
    ["crates/barrack-core/src/billing.rs", "the_csv_export_writes_the_filtered_records_where_the_dialog_says"],
    ["crates/barrack-core/src/billing.rs", "a_cancelled_csv_export_writes_nothing"],
    [BILL_E2E, "billing_csv_export"],
  ],
  "BILL-10": [
    [BP, "shows the price table from the pricing endpoint in the account's currency"],
    [BP, "prices a configuration with deploy_quote × hours plus the volume"],
  ],
};

const SCP = "ui/src/pages/ScriptsPage.test.tsx";
const SCR_E2E = "tests/journeys/scripts.rs";

/** dashboard.md §8 (SCR), issue 15: the startup script library. */
const SCRIPT_REQUIREMENTS: Record<string, Requirement> = {
  "SCR-01": [
    [SCP, "lists the library by name, searches it, and shows a script read-only with its details"],
    [SCP, "checks the name at the field, counts the size live, then lists the new script"],
    [SCP, "starts from the script as saved and sends the edit"],
    [SCP, "asks before deleting one, naming it"],
    [SCP, "deletes the ticked ones at once with the bulk endpoint, naming each"],
    [SCR_E2E, "scripts_create_edit_bulk_delete"],
  ],
  "SCR-02": [
    [
      "ui/src/features/deploy/AdvancedStep.test.tsx",
      "offers None and the account's scripts by name, fetched when not given",
    ],
    [
      "ui/src/features/deploy/AdvancedStep.test.tsx",
      "names the chosen script as a link to it in Startup Scripts (SCR-02)",
    ],
    [SCP, "opens the script a link names (?details=ID, from the deploy wizard)"],
  ],
  "SCR-03": [
    [SCP, "says a script over the limit is too big as it is typed (SCR-03)"],
    [SCP, "shows the backend's refusal of the content at the Script field and keeps the dialog open"],
    ["crates/barrack-api/src/validate.rs", "sizes_and_scripts"],
  ],
};

const FWP = "ui/src/pages/FirewallsPage.test.tsx";
const FW_E2E = "tests/journeys/firewalls.rs";
const FW_RULES = "offers the server's protocols and the examples, refuses a bad range at its field, adds and removes";
const FW_ATTACH = "lists the region's VMs, the ineligible with the reason, and sends the complete set";
const FW_DETACH = "keeps Delete off while VMs are attached; detaches after the warning, then deletes";

/** dashboard.md §7 (FW), issue 15: the Firewalls page. */
const FIREWALL_REQUIREMENTS: Record<string, Requirement> = {
  "FW-01": [[FWP, "shows the statistics and one card per firewall with its counts"]],
  "FW-02": [
    [FWP, "shows the statistics and one card per firewall with its counts"],
    [FWP, "shows six cards a page, the rest on the next"],
  ],
  "FW-03": [
    [FWP, "refuses a taken name at the field, then creates it in the chosen region"],
    [FWP, "disables Create at the account's limit and says so (FW-03)"],
    [FW_E2E, "firewalls_create_rule_attach_detach_delete"],
  ],
  "FW-04": [[FWP, FW_RULES]],
  "FW-10": [
    [FWP, FW_RULES],
    [FW_E2E, "firewalls_create_rule_attach_detach_delete"],
  ],
  "FW-11": [[FWP, FW_RULES]],
  "FW-12": [[FWP, FW_RULES]],
  "FW-13": [[FWP, FW_RULES]],
  "FW-20": [
    [FWP, FW_ATTACH],
    [FW_E2E, "firewalls_create_rule_attach_detach_delete"],
  ],
  "FW-21": [
    [FWP, FW_DETACH],
    [FW_E2E, "firewalls_create_rule_attach_detach_delete"],
  ],
  "FW-22": [[FWP, FW_DETACH]],
  "FW-23": [[FWP, FW_RULES]],
};

const OTHER_TABLES: Record<string, Record<string, Requirement>> = {};

/** The ids dashboard.md lists (every `**XXX-NN**`), when the shared docs are next to the
 * repository. */
function documentedIds(): string[] | null {
  const doc = resolve(ROOT, "../shared/barrack/platform/dashboard.md");
  if (!existsSync(doc)) return null;
  const text = readFileSync(doc, "utf8");
  return [...new Set([...text.matchAll(/\*\*([A-Z]+-\d\d)\*\*/g)].map((m) => m[1]!))].sort();
}

const TABLES: Record<string, Record<string, Requirement>> = {
  DEP: REQUIREMENTS,
  STORAGE: STORAGE_REQUIREMENTS,
  BILL: BILLING_REQUIREMENTS,
  SCR: SCRIPT_REQUIREMENTS,
  FW: FIREWALL_REQUIREMENTS,
  ...OTHER_TABLES,
};

/** Every id once, from whichever table holds it. */
function allRequirements(): Map<string, Requirement> {
  const all = new Map<string, Requirement>();
  for (const [table, entries] of Object.entries(TABLES)) {
    for (const [id, requirement] of Object.entries(entries)) {
      expect(all.has(id), `${id} is written twice (again in ${table})`).toBe(false);
      all.set(id, requirement);
    }
  }
  return all;
}

const namesByFile = new Map<string, string[]>();
function testNames(file: string): string[] {
  let names = namesByFile.get(file);
  if (!names) {
    const path = resolve(ROOT, file);
    names = existsSync(path) ? testNamesOf(file, readFileSync(path, "utf8")) : [];
    namesByFile.set(file, names);
  }
  return names;
}

describe("every requirement of dashboard.md has its own tests, or says why it is not in the app", () => {
  const all = allRequirements();

  it("covers exactly the ids of dashboard.md", () => {
    const ids = documentedIds();
    if (ids === null) {
      console.warn("dashboard.md is not next to the repository: checking the tables as written");
      return;
    }
    expect([...all.keys()].sort()).toEqual(ids);
  });

  for (const [id, requirement] of all) {
    if ("notInApp" in requirement) {
      it(`${id} says why it is not in the app`, () => {
        expect(requirement.notInApp.trim().length).toBeGreaterThan(20);
      });
      continue;
    }
    it(`${id} names tests that exist as tests`, () => {
      expect(requirement.length).toBeGreaterThan(0);
      for (const [file, name] of requirement) {
        const names = testNames(file);
        expect(names.length, `${id}: ${file} holds no tests`).toBeGreaterThan(0);
        expect(names, `${id}: no test named "${name}" in ${file}`).toContain(name);
      }
    });
  }
});

describe("the test-name reader", () => {
  it("reads it/test titles, Rust #[test] functions and journeys, and nothing else", () => {
    const ts = 'it("a \\"quoted\\" title", () => {});\n// it("a comment")\ntest(\n  `multi ${"x"}`,\n);';
    expect(testNamesOf("x.test.ts", ts)).toEqual(['a "quoted" title', "a comment", 'multi ${"x"}']);
    const rs =
      '#[test]\nfn one() {}\n#[tokio::test(flavor = "current_thread")]\n#[ignore]\nasync fn two() {}\nfn helper() {}';
    expect(testNamesOf("crates/x/src/a.rs", rs)).toEqual(["one", "two"]);
    const journey = 'journey!(\n    deploy_x,\n    "deploy_short",\n    body\n);';
    expect(testNamesOf("tests/journeys/deploy.rs", journey)).toEqual(["deploy_x", "deploy_short"]);
  });
});
