// Completeness: every requirement of the documented deploy wizard (dashboard.md §3,
// DEP-01…DEP-62), Firewalls page (§7, FW), startup scripts (§8, SCR), Snapshots page (§9,
// SNAP) and Custom Images page (§10, IMG) names the tests that show it works, and each named
// test exists. An id without a test here, or a test renamed away, fails this file.

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DASHBOARD_IDS } from "./testing/dashboardIds";
import { testNamesOf } from "./testing/testNames";

const ROOT = resolve(import.meta.dirname, "../..");

/** [file from the repository's root, the exact name of a test in it: an `it(`/`test(` title
 * in TypeScript, a `#[test]`/`#[tokio::test]` function in Rust, a journey's name in
 * tests/journeys]. */
type Proof = [string, string];

/** A requirement the app leaves out, with the reason (shown to whoever reads this table). */
type NotInApp = { notInApp: string };

/** Built in part: the tests of what is there, and what is left out with the reason. */
type Partly = { proofs: Proof[]; leftOut: string };

type Requirement = Proof[] | NotInApp | Partly;

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
    [PAGE, "shows each GPU model's card with its performance label, best-for hint and hourly price (DEP-10, DEP-13)"],
  ],
  "DEP-11": [
    [`${UI}/steps.test.ts`, "offers the counts in stock somewhere, and shows sold-out sizes disabled with why"],
    [`${UI}/draft.test.ts`, "a count not in stock anywhere for the new model, and a region without it"],
  ],
  "DEP-12": [[PAGE, "walks the steps, shows price and command, and deploys once on a double click"]],
  "DEP-13": [
    [PAGE, "shows each GPU model's card with its performance label, best-for hint and hourly price (DEP-10, DEP-13)"],
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
  "DEP-30": [
    [
      PAGE,
      "offers the three boot sources; the Volumes tab lists the region's free bootable volumes only (DEP-30, DEP-32)",
    ],
    [`${UI}/steps.test.ts`, "needs a choice that is in the loaded list"],
  ],
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
    [
      SP,
      "disables Create Snapshot while the profile is incomplete, saying why with the way to barrack.ai (SNAP-06, ACCT-04)",
    ],
    [IMG_E2E, "images_refusals_say_why_and_send_nothing"],
  ],
  "SNAP-10": [
    [`${SN}/eligibility.test.ts`, "says why Create is disabled when the region has none"],
    [IMG_E2E, "images_refusals_say_why_and_send_nothing"],
  ],
  "SNAP-11": [
    [SP, "with All regions, Create asks for the region first and offers only that region's ACTIVE VMs (SNAP-11)"],
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
  "BILL-01": onTheSite("Picking a credit package or amount and paying"),
  "BILL-02": onTheSite("The payment summary with tax, and Razorpay payment,"),
  "BILL-03": onTheSite("Purchases (minimum amounts, profile and currency rules)"),
  "BILL-04": onTheSite("Payment methods per currency"),
  "BILL-05": [[BP, "states the credit terms and opens Barrack's credits page in the browser"]],
  "BILL-06": [
    [BP, "shows the overview's figures as the backend gives them"],
    ["crates/barrack-core/src/billing/charts.rs", "the_days_are_stacked_by_kind_and_keep_each_kinds_own_amount"],
    ["crates/barrack-core/src/billing/charts.rs", "the_top_resources_are_ordered_by_cost_with_one_column_per_kind"],
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
    [BP, "shows the records' first page before asking for the overview and the prices"],
    [BP, "keeps the rows on screen until the next page is there, then shows it whole"],
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
const SCR_E2E = "tests/journeys/resources/scripts.rs";

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
const FW_E2E = "tests/journeys/resources/firewalls.rs";
const FW_RULES = "offers the server's protocols and the examples, refuses a bad range at its field, adds and removes";
const FW_ATTACH = "lists the region's VMs, the ineligible with the reason, and attaches the one picked";
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
    [FW_E2E, "firewalls_limit_refuses_the_26th"],
    [FW_E2E, "firewalls_create_rule_attach_detach_delete"],
  ],
  "FW-04": [[FWP, FW_RULES]],
  "FW-10": [
    [FWP, FW_RULES],
    [FW_E2E, "firewalls_create_rule_attach_detach_delete"],
  ],
  "FW-11": [[FWP, FW_RULES]],
  "FW-12": {
    proofs: [[FWP, FW_RULES]],
    leftOut: "Only the HTTP and Ping examples are clicked in a test; the other examples are not checked one by one.",
  },
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

const VP = "ui/src/pages/VolumesPage.test.tsx";
const VL = "ui/src/features/volumes/VolumesList.test.tsx";
const VOL_FORM = "crates/barrack-api/src/forms/volume.rs";
const VOL_SIM = "crates/barrack-sim/tests/rules.rs";
const VOL_E2E = "tests/journeys/resources/volumes.rs";
const VOL_JOURNEY = "volumes_create_attach_detach_resize_delete";
const VOL_STATS =
  "shows the four statistics of the chosen region and a card per volume with its VM, size, type and cost per hour";
const VOL_PAGES = "shows six cards a page with the pager only above six, and a table view";
const VOL_CREATE =
  "starts from the server's suggested name; the counter, a taken name and sizes out of range show Rust's errors at their fields and nothing is sent; then it shows CREATING";
const VOL_BOOTABLE =
  "with All regions asks the region first; Make Bootable raises the size to 100 GB and offers that region's OS images only";
const VOL_ATTACH =
  "attaches to an ACTIVE VM of the same region: the others show Rust's reason, the first allowed is pre-selected";
const VOL_DETACH =
  "keeps Delete off while attached; detaches after the warning, then deletes after the data-loss warning";
const VOL_VM_PAGE = "detaches a volume after the warning and attaches a free volume of the VM's region";
const VOL_BOOT = "never detaches the boot volume of a running VM: Rust's reason is shown and nothing is sent";

/** dashboard.md §5 (VOL), issue 15: the Volumes page. */
const VOLUME_REQUIREMENTS: Record<string, Requirement> = {
  "VOL-01": [[VP, VOL_STATS]],
  "VOL-02": [
    [VP, VOL_STATS],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-03": [[VP, VOL_PAGES]],
  "VOL-04": [
    [VP, VOL_STATS],
    [VP, VOL_DETACH],
  ],
  "VOL-05": [
    [VP, VOL_CREATE],
    [VP, VOL_ATTACH],
    [VP, VOL_DETACH],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-10": [
    [VP, "refuses before sending when the balance is below the minimum, saying why"],
    [VP, "disables Create Volume while the profile is incomplete, with the way to barrack.ai"],
    [VOL_FORM, "an_incomplete_profile_and_a_low_balance_are_refused_before_sending"],
    [VOL_SIM, "volumes_and_snapshots_need_a_profile_and_a_minimum_balance"],
  ],
  "VOL-11": [
    [VP, VOL_CREATE],
    [VP, "opens Create Volume from the palette's link"],
    [VP, "opens Create Volume from the dashboard's quick actions (VOL-11)"],
    [VL, "creates a volume from the VM's page, in the VM's region, with the server's suggested name"],
  ],
  "VOL-12": [
    [VP, VOL_CREATE],
    ["crates/barrack-sim/src/handlers/volumes.rs", "the_next_name_is_the_first_free_volume_n"],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-13": [
    [VP, VOL_CREATE],
    [VOL_FORM, "names_at_50_and_51_characters_and_taken_names"],
  ],
  "VOL-14": [
    [VP, VOL_CREATE],
    [VP, VOL_BOOTABLE],
    [VOL_FORM, "sizes_at_the_documented_limits"],
    [VOL_FORM, "a_region_must_be_chosen"],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-15": {
    proofs: [
      [VP, VOL_BOOTABLE],
      [VOL_FORM, "the_types_limits_apply_and_bootable_needs_100_gb_and_an_image"],
    ],
    leftOut:
      "The message for a region with no OS images is shown by the dialog but no test asserts it yet (next session).",
  },
  "VOL-16": [
    [VP, VOL_CREATE],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-20": [
    [VP, VOL_ATTACH],
    [VL, VOL_VM_PAGE],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-21": [
    [VP, VOL_ATTACH],
    [VOL_FORM, "only_active_vms_of_the_region_can_be_picked_the_first_preselected"],
  ],
  "VOL-22": [
    [VOL_FORM, "a_bootable_volume_in_use_cannot_be_attached_elsewhere"],
    [VOL_FORM, "only_active_vms_of_the_region_can_be_picked_the_first_preselected"],
    [VOL_SIM, "volumes_are_region_bound_and_guarded"],
  ],
  "VOL-30": [
    [VP, VOL_DETACH],
    [VL, VOL_VM_PAGE],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-31": {
    proofs: [
      [VL, VOL_BOOT],
      [VOL_FORM, "never_the_boot_volume_of_a_running_vm_and_only_from_an_active_vm"],
      [VOL_SIM, "boot_volume_is_in_use_and_cannot_be_detached"],
    ],
    leftOut:
      "Finding the VM through the attachment mapping or a search of the region's VMs: the app detaches from the VM the volume names (instance_id); a volume that names none is not offered Detach.",
  },
  "VOL-40": [
    [VP, VOL_DETACH],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-50": {
    proofs: [[VP, "clones under a new name checked by Rust, and resizes only upwards"]],
    leftOut:
      "A refused clone name and the clone's region are not asserted by a test yet (the name goes through the same Rust name rule as every other).",
  },
  "VOL-51": [
    [VP, "clones under a new name checked by Rust, and resizes only upwards"],
    [VOL_FORM, "resizing_only_grows_within_the_limits"],
    [VOL_E2E, VOL_JOURNEY],
  ],
  "VOL-52": [
    [VP, "shows a volume's details with its cost per hour and its billing records"],
    [VP, "opens a volume's details from a link (a VM's page links its volumes here)"],
    [VP, VOL_CREATE],
  ],
};

const SKP = "ui/src/pages/SshKeysPage.test.tsx";
const SSH_E2E = "tests/journeys/resources/ssh_keys.rs";
const SSH_FORM = "crates/barrack-api/src/forms/ssh_key.rs";
const SSH_RULES = "crates/barrack-api/src/validate.rs";
const SSH_SIM = "crates/barrack-sim/tests/ssh_keys.rs";
const SSH_CMD = "ui/src/features/sshKeys/SshCommand.test.tsx";
const SSH_LIST =
  "shows each key's fingerprint, type and size, public key with a copy button, its VMs, date and regions";
const SSH_PAGES = "searches by name, filters by region, sorts by name or date, and shows ten keys a page";
const SSH_CREATE =
  "creates a key: the private key is saved by the backend's dialog, then the warning and the permissions";
const SSH_IMPORT =
  "imports a key: where to find it on each system, a key cut short refused at the field, then a good one";

/** dashboard.md §6 (SSH), issue 15: the SSH Keys page. */
const SSH_REQUIREMENTS: Record<string, Requirement> = {
  "SSH-01": [
    [SKP, SSH_LIST],
    [SKP, "the palette's Create SSH key opens the create form"],
    [SSH_E2E, "ssh_keys_create_import_delete"],
  ],
  "SSH-02": [
    [SKP, SSH_CREATE],
    [SKP, "counts the name's characters out of 50 and shows Rust's refusal of 51"],
    [SSH_FORM, "key_types_and_bodies"],
    ["crates/barrack-core/src/deploy.rs", "a_generated_key_is_saved_owner_only_and_returned_without_its_private_half"],
    [SSH_E2E, "ssh_keys_create_import_delete"],
  ],
  "SSH-03": [
    [SKP, SSH_CREATE],
    [SKP, "stays open while the key is created, then says where it went in the dialog and in a toast"],
    [SKP, "shows the permission lines exactly as Rust quoted them, whatever the folder is called"],
    ["crates/barrack-core/src/deploy.rs", "a_private_key_is_written_owner_only_even_over_an_open_file"],
    [SSH_E2E, "ssh_keys_create_import_delete"],
  ],
  "SSH-04": [
    [SKP, SSH_IMPORT],
    [SSH_RULES, "public_keys_as_pasted"],
    [SSH_FORM, "key_types_and_bodies"],
    [SSH_E2E, "ssh_keys_create_import_delete"],
  ],
  "SSH-05": [[SKP, SSH_IMPORT]],
  "SSH-06": [
    [SKP, SSH_LIST],
    [SKP, SSH_PAGES],
    [SKP, "at 25 keys, refuses another with Rust's words before sending anything"],
    [SSH_FORM, "twenty_five_keys_are_the_limit"],
    [SSH_SIM, "the_twenty_sixth_key_is_refused_with_the_apps_words"],
  ],
  "SSH-10": {
    proofs: [[SKP, SSH_LIST]],
    leftOut:
      "The key's source (created or imported): the API's SSHKeyResponse has no such field, so the list cannot know it.",
  },
  "SSH-11": [[SKP, SSH_PAGES]],
  "SSH-12": {
    proofs: [
      [SKP, SSH_LIST],
      [SSH_E2E, "ssh_keys_create_import_delete"],
    ],
    leftOut:
      "When a key was last used and its status (active, inactive, deprecated): optional in the docs and absent from the API's answer; the VMs that use a key are shown.",
  },
  "SSH-20": [
    [SKP, "deletes an unused key after confirming"],
    [SKP, "still offers the deletion, saying why, when the in-use check itself fails"],
    [SSH_E2E, "ssh_keys_create_import_delete"],
  ],
  "SSH-21": [
    [SKP, "refuses a key in use before sending, naming its VMs in Rust's words"],
    [SSH_FORM, "a_key_in_use_is_not_deleted_and_the_vms_are_named"],
    [SSH_RULES, "ssh_key_limit_and_deletion"],
    [SSH_SIM, "a_key_in_use_is_kept_and_its_vms_are_named"],
    [SSH_E2E, "ssh_keys_create_import_delete"],
  ],
  "SSH-30": [
    [SSH_CMD, "gives ssh -i with the key file, the image's user and the public IP, and a ~/.ssh/config block to copy"],
    [SSH_CMD, "uses the image's own user, and says why there is no command without a public IP"],
  ],
};

const DP = "ui/src/pages/DashboardPage.test.tsx";
const VDP = "ui/src/pages/InstanceDetailPage.test.tsx";
const ACTIONS = "ui/src/features/instances/VmActions.test.tsx";
const STATUS = "ui/src/features/instances/status.test.ts";
const SIGN_IN = "ui/src/features/account/SignIn.test.tsx";
const SHELL = "ui/src/app/shell/Shell.test.tsx";
const STATEMENT = "ui/src/features/settings/OnBarrackAi.test.tsx";
const VM_E2E = "tests/journeys/instances.rs";

/** What the app leaves to barrack.ai's site: the reason, which the statement in Settings and
 * the README (ui/src/content/onBarrackAi.md, checked by OnBarrackAi.test.tsx) tells users. */
function onTheSite(what: string): NotInApp {
  return {
    notInApp: `${what} happen on barrack.ai's own site, which the app opens in the browser; the app says so in Settings and the README ("What stays on barrack.ai").`,
  };
}

/** dashboard.md §1 (AUTH), §12 (ACCT), §2 (DASH), §4 (VM) and §14 (GEN). */
const SHELL_REQUIREMENTS: Record<string, Requirement> = {
  "AUTH-01": onTheSite("Signing in by e-mail and password, OTP or Google, and password resets,"),
  "AUTH-02": onTheSite("Creating an account (e-mail and password or Google)"),
  "AUTH-03": onTheSite("E-mail verification and re-verification"),
  "AUTH-04": onTheSite("The onboarding steps (profile, credits) other than keys and deploying, which the app has,"),
  "AUTH-05": [
    [SIGN_IN, "shows when nobody is signed in, with the documented defaults"],
    [SIGN_IN, "explores the sandbox with no account"],
  ],
  "AUTH-06": [
    [SIGN_IN, "sends the request, clears the key from the form after success, and reports the session"],
    [SIGN_IN, "sends a custom auth header as header:<Name>"],
    ["tests/journeys/security.rs", "security_key_sweep"],
  ],
  "ACCT-01": onTheSite("Editing name, e-mail and phone"),
  "ACCT-02": onTheSite("Editing the billing address"),
  "ACCT-03": onTheSite("Choosing the country, which sets the currency,"),
  "ACCT-04": [
    [
      SP,
      "disables Create Snapshot while the profile is incomplete, saying why with the way to barrack.ai (SNAP-06, ACCT-04)",
    ],
    [IMG_E2E, "images_refusals_say_why_and_send_nothing"],
    [STATEMENT, "Settings shows the statement line by line and opens My Account in the browser"],
  ],
  "ACCT-05": onTheSite("Communication preferences (SMS alerts, marketing)"),
  "ACCT-06": onTheSite("GST/VAT details and the Barrack ID"),
  "ACCT-07": onTheSite("Creating, listing and revoking API keys"),
  "DASH-01": [
    [DP, "shows the three columns for the first VM: details, operations with prices, account"],
    [VM_E2E, "instances_dashboard"],
  ],
  "DASH-02": [[DP, "drives every panel from the VM selector"]],
  "DASH-03": [
    [DP, "shows the transitional state at once after an action, then follows the poller"],
    [DP, "fetches the figures again after the poller patches a VM's state, so the burn rate follows it"],
  ],
  "DASH-04": [[DP, "shows the three columns for the first VM: details, operations with prices, account"]],
  "DASH-05": [
    [DP, "shows the three columns for the first VM: details, operations with prices, account"],
    [VDP, "shows specs, price, SSH command, volumes, firewalls, rules and billing"],
  ],
  "DASH-06": [
    [DP, "shows the three columns for the first VM: details, operations with prices, account"],
    ["ui/src/features/deploy/entryPoints.test.tsx", "opens from the dashboard's quick actions"],
  ],
  "DASH-07": [
    [SHELL, "lists all 12 pages and each opens its page"],
    [SHELL, "opens with Cmd+K and every page is reachable"],
  ],
  "VM-01": [
    [ACTIONS, "asks before stopping, naming the VM; cancel sends nothing"],
    [ACTIONS, "asks before hibernating too, but starts, reboots and restores at once"],
    [VM_E2E, "instances_lifecycle"],
  ],
  "VM-02": [
    [DP, "creates a snapshot from a small dialog that checks the name"],
    [VL, "creates a volume from the VM's page, in the VM's region, with the server's suggested name"],
    [ACTIONS, "deletes only after the VM's name is typed exactly"],
    [VM_E2E, "instances_delete"],
  ],
  "VM-03": [[STATUS, "knows which states are transitional and colours them"]],
  "VM-04": [
    [ACTIONS, "enables each action exactly when VM_ACTION_RULES allows it, and says why not otherwise"],
    [STATUS, "follows VM_ACTION_RULES for every state × action"],
  ],
  "VM-05": [
    ["ui/src/features/instances/money.test.ts", "says a stopped VM is still billing, and what the other states cost"],
    [VDP, "shows specs, price, SSH command, volumes, firewalls, rules and billing"],
  ],
  "VM-06": [
    [VDP, "turns the public IP off only after the warning, and on again at once"],
    [VM_E2E, "instances_public_ip"],
  ],
  "VM-07": [
    [VDP, "checks a new rule at its fields before sending, then adds it"],
    [VDP, "removes a rule after asking"],
    [VM_E2E, "instances_security_rule"],
  ],
  "VM-08": [[VDP, "shows specs, price, SSH command, volumes, firewalls, rules and billing"]],
  "VM-09": [
    [
      "ui/src/pages/InstancesPage.test.tsx",
      "shows every VM with state, GPU, region, IP, price, running time and cost to date",
    ],
    ["ui/src/features/billing/billing.test.ts", "gives the summary's fields as the API has them"],
  ],
  "VM-10": [
    [VDP, "uses the image's login user, ubuntu when it names none, and copies the command"],
    [SSH_CMD, "is on the VM's page, under Connect"],
    [SSH_CMD, "gives ssh -i with the key file, the image's user and the public IP, and a ~/.ssh/config block to copy"],
  ],
  "GEN-01": [
    [ACTIONS, "asks before stopping, naming the VM; cancel sends nothing"],
    [SP, "asks before deleting, naming the snapshot, and keeps a refusal in the dialog"],
    [FWP, FW_DETACH],
  ],
  "GEN-02": [
    [ACTIONS, "sends one start for a double click, and shows progress meanwhile"],
    [SP, "Refresh fetches again and spins while it does (SNAP-05)"],
  ],
  "GEN-03": [
    [PAGE, "refuses a 51-character name at the field, and a taken name (other case) as it is typed"],
    [
      `${UI}/KeysStep.test.tsx`,
      "creates a key: says where the private key goes first, then where it went, and selects it",
    ],
    [
      SP,
      "creates a snapshot: checks the name at the field, keeps a refusal in the dialog, then shows it CREATING until the poller says SUCCESS",
    ],
    [IMG_E2E, "images_refusals_say_why_and_send_nothing"],
  ],
  "GEN-04": [
    [SP, "shows the region's statistics and cards, and filters by region without a request"],
    [SP, "with All regions, Create asks for the region first and offers only that region's ACTIVE VMs (SNAP-11)"],
    [FWP, "filters by region, and Create starts from the region chosen on the page (GEN-04)"],
  ],
  "GEN-05": {
    notInApp:
      "The phone and tablet layouts are the web dashboard's; Barrack Desktop runs in a desktop window with a minimum size (tauri.conf.json), and its grids reflow with the window's width, which no test measures.",
  },
};

const AI_PAGE = "ui/src/pages/AiChatPage.test.tsx";
const AI_MD = "ui/src/features/aiChat/Markdown.test.tsx";
const AI_E2E = "tests/journeys/resources/ai_chat.rs";

/** dashboard.md §13 (AI), inferred from the menu and the API. */
const AI_REQUIREMENTS: Record<string, Requirement> = {
  "AI-01": [
    [AI_PAGE, "picks a model from the models endpoint and shows the answer with its cost"],
    [AI_PAGE, "shows an error in the conversation and keeps the typed message"],
    [AI_PAGE, "renders a hostile answer inert in the conversation"],
    [AI_PAGE, "renders a 1 MB answer a part at a time, and the page stays usable"],
    [AI_PAGE, "keeps the conversation and the draft when the page is left, also an answer that came meanwhile"],
    [AI_MD, "renders the emulator's hostile answer inert: no img, script or handler, no javascript: href"],
    [AI_MD, "renders other smuggling attempts inert too: entities, references, data:, svg, forms"],
    [AI_MD, "copies a code block with its copy button"],
    [AI_MD, "is loaded only lazily: nothing else imports the renderer or the parser"],
    [
      "ui/src/features/aiChat/Markdown.pathological.test.tsx",
      "renders the pathological part of an answer as text and the rest as Markdown",
    ],
    [
      "ui/src/features/aiChat/Markdown.pathological.test.tsx",
      "parses an answer a unit at a time, and Show more parses only what is new",
    ],
    ["ui/src/features/aiChat/ConversationView.test.tsx", "does not render its answers again while a message is typed"],
    ["crates/barrack-sim/src/handlers/ai.rs", "ordinary_questions_with_the_words_get_ordinary_answers"],
    ["ui/src/features/aiChat/openableUrls.test.ts", "are the opener capability's URL scope, no more"],
    ["crates/barrack-sim/src/handlers/ai.rs", "the_keyword_asks_for_the_hostile_answer_with_every_trap"],
    ["crates/barrack-api/tests/roundtrip.rs", "ai"],
    [AI_E2E, "ai_chat"],
  ],
  "AI-02": [
    [AI_PAGE, "shows the usage summary and the history with their costs, formatted from the amounts given"],
    [AI_PAGE, "reads the usage again after an answer was charged"],
    ["crates/barrack-api/tests/roundtrip.rs", "ai"],
    [AI_E2E, "ai_chat"],
  ],
};

const OTHER_TABLES: Record<string, Record<string, Requirement>> = { SHELL: SHELL_REQUIREMENTS, AI: AI_REQUIREMENTS };

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
  SSH: SSH_REQUIREMENTS,
  VOL: VOLUME_REQUIREMENTS,
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
    expect([...all.keys()].sort()).toEqual([...DASHBOARD_IDS].sort());
  });

  it("knows the ids dashboard.md has today", () => {
    const ids = documentedIds();
    if (ids === null) {
      console.warn(
        "skipped: ../shared/barrack/platform/dashboard.md is not next to this clone, so the kept list is not compared",
      );
      return;
    }
    expect([...DASHBOARD_IDS].sort()).toEqual(ids);
  });

  for (const [id, requirement] of all) {
    if ("notInApp" in requirement) {
      it(`${id} says why it is not in the app`, () => {
        expect(requirement.notInApp.trim().length).toBeGreaterThan(20);
      });
      continue;
    }
    const proofs = "proofs" in requirement ? requirement.proofs : requirement;
    if ("leftOut" in requirement) {
      it(`${id} says what of it is left out, and why`, () => {
        expect(requirement.leftOut.trim().length).toBeGreaterThan(20);
      });
    }
    it(`${id} names tests that exist as tests`, () => {
      expect(proofs.length).toBeGreaterThan(0);
      for (const [file, name] of proofs) {
        const names = testNames(file);
        expect(names.length, `${id}: ${file} holds no tests`).toBeGreaterThan(0);
        expect(names, `${id}: no test named "${name}" in ${file}`).toContain(name);
      }
    });
  }
});

describe("the test-name reader", () => {
  it("reads the it/test titles that run, and nothing else", () => {
    const source = [
      'it("a \\"quoted\\" title", () => {});',
      '// it("a commented-out test", () => {});',
      '/* test("in a block comment", () => {}); */',
      'test(\n  `multi ${"x"}`,\n  () => {},\n);',
      'it.skip("skipped", () => {});',
      'it.todo("to do");',
      'describe.skip("off", () => { it("inside a skipped suite", () => {}); });',
      "const s = 'it(\"inside a string\", () => {})';",
      '/x/.test("a regex argument");',
      'describe("on", () => { it.each([1])("each %s", () => {}); it.concurrent("concurrent", async () => {}); });',
    ].join("\n");
    expect(testNamesOf("x.test.ts", source)).toEqual(['a "quoted" title', 'multi ${"x"}', "each %s", "concurrent"]);
  });

  it("reads the Rust tests that run: not ignored, compiled out, commented or in a string", () => {
    const source = [
      "#[test]",
      "fn one() {}",
      '#[tokio::test(flavor = "current_thread")]',
      "async fn two() {}",
      "#[test]",
      "#[ignore]",
      "fn ignored() {}",
      "#[test]",
      "#[cfg(any())]",
      "fn compiled_out() {}",
      "// #[test]",
      "// fn removed_test() {}",
      "fn helper_not_a_test() {}",
      'const S: &str = "#[test] fn in_a_string() {}";',
      'const R: &str = r#"#[test] fn in_a_raw_string() {}"#;',
      "/* #[test] fn in_a_block_comment() {} */",
      "fn helper() { let c = '\"'; }",
      "#[test]",
      "fn three() {}",
    ].join("\n");
    expect(testNamesOf("crates/x/src/a.rs", source)).toEqual(["one", "two", "three"]);
  });

  it("reads the journeys declared, not those in comments", () => {
    const source = [
      'journey!(\n    deploy_x,\n    "deploy_short",\n    body\n);',
      '// journey!(old_fn, "old_journey", body);',
    ].join("\n");
    expect(testNamesOf("tests/journeys/deploy.rs", source)).toEqual(["deploy_x", "deploy_short"]);
  });
});
