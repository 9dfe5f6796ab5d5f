//! Completeness: every subcommand `barrack --help` lists (walked recursively) has its own
//! integration test, named here. A new subcommand without an entry fails this test, and so
//! does an entry whose test function does not exist.

use std::collections::BTreeSet;

/// (subcommand path, a test function that runs it against the emulator)
const COVERED: &[(&str, &str)] = &[
    (
        "login",
        "login_with_stdin_stores_the_key_and_whoami_shows_only_its_hint",
    ),
    ("logout", "logout_deletes_the_entry_and_the_hint"),
    (
        "whoami",
        "whoami_with_the_environment_key_names_it_and_shows_only_its_hint",
    ),
    (
        "balance",
        "balance_prints_a_table_and_json_is_the_api_answer",
    ),
    (
        "spend",
        "spend_shows_burn_runway_costs_and_what_still_bills",
    ),
    ("gpus stock", "gpus_stock_and_specs"),
    ("gpus specs", "gpus_stock_and_specs"),
    ("regions", "regions_lists_the_three"),
    ("pricing", "pricing_get_and_post_with_a_quote"),
    ("instances list", "instances_list_reads_every_page"),
    (
        "instances show",
        "instances_show_has_ssh_and_allowed_actions",
    ),
    ("instances start", "stop_start_reboot_with_wait"),
    ("instances stop", "stop_start_reboot_with_wait"),
    ("instances reboot", "stop_start_reboot_with_wait"),
    (
        "instances hibernate",
        "hibernate_restore_and_hibernated_count",
    ),
    (
        "instances restore",
        "hibernate_restore_and_hibernated_count",
    ),
    ("instances delete", "delete_with_wait_and_confirmation"),
    ("instances public-ip", "public_ip_toggle"),
    (
        "instances rules add",
        "rules_add_list_rm_and_bad_rules_refused_before_sending",
    ),
    (
        "instances rules rm",
        "rules_add_list_rm_and_bad_rules_refused_before_sending",
    ),
    (
        "instances rules list",
        "rules_add_list_rm_and_bad_rules_refused_before_sending",
    ),
    ("instances billing", "billing_firewalls_and_eligible"),
    ("instances firewalls", "billing_firewalls_and_eligible"),
    (
        "instances eligible-for-snapshot",
        "billing_firewalls_and_eligible",
    ),
    (
        "instances hibernated-count",
        "hibernate_restore_and_hibernated_count",
    ),
    ("deploy", "deploy_from_an_os_image_with_wait"),
    ("os-images", "os_images_of_a_region"),
    (
        "ssh-keys list",
        "ssh_keys_list_shows_keys_and_the_vms_using_them",
    ),
    ("ssh-keys show", "ssh_keys_show_prints_the_public_key"),
    (
        "ssh-keys create",
        "ssh_keys_create_generates_and_saves_0600",
    ),
    (
        "ssh-keys delete",
        "ssh_keys_delete_confirms_and_names_the_vms_on_conflict",
    ),
    ("scripts list", "scripts_list_shows_the_saved_scripts"),
    ("scripts show", "scripts_show_prints_the_content"),
    (
        "scripts create",
        "scripts_create_from_content_and_from_file",
    ),
    (
        "scripts update",
        "scripts_update_changes_only_what_is_given",
    ),
    ("scripts delete", "scripts_delete_asks_first"),
    (
        "scripts delete-many",
        "scripts_delete_many_reports_deleted_and_not_found",
    ),
    (
        "firewalls list",
        "firewalls_list_shows_region_status_and_attachments",
    ),
    (
        "firewalls show",
        "firewalls_show_has_rules_and_attachments_tables",
    ),
    (
        "firewalls protocols",
        "firewalls_protocols_lists_tcp_udp_icmp",
    ),
    ("firewalls eligible", "firewalls_eligible_says_why_not"),
    (
        "firewalls create",
        "firewalls_create_with_wait_reaches_success",
    ),
    (
        "firewalls delete",
        "firewalls_delete_confirms_and_attached_is_a_conflict",
    ),
    ("firewalls rules add", "firewalls_rules_add_and_rm"),
    ("firewalls rules rm", "firewalls_rules_add_and_rm"),
    (
        "firewalls attach",
        "firewalls_attach_keeps_current_attachments",
    ),
    (
        "firewalls detach",
        "firewalls_detach_sends_the_rest_and_confirms",
    ),
    ("snapshots list", "snapshots_list_shows_the_baseline"),
    (
        "snapshots show",
        "snapshots_show_has_the_vm_config_description_and_images",
    ),
    ("snapshots create", "snapshots_create_waits_until_success"),
    ("snapshots delete", "snapshots_delete_needs_yes"),
    (
        "snapshots restore",
        "snapshots_restore_waits_until_the_new_vm_is_active",
    ),
    ("snapshots billing", "snapshots_billing_lists_records"),
    ("snapshots eligible", "snapshots_eligible_lists_active_vms"),
    ("images list", "images_list_shows_the_sandbox_image"),
    (
        "images show",
        "images_show_has_the_snapshot_and_the_region_rule",
    ),
    ("images create", "images_create_waits_until_available"),
    ("images delete", "images_delete_needs_yes"),
    (
        "images for-snapshot",
        "images_for_snapshot_and_relationships",
    ),
    (
        "images relationships",
        "images_for_snapshot_and_relationships",
    ),
    (
        "volumes list",
        "volumes_list_shows_volumes_and_the_next_name",
    ),
    (
        "volumes show",
        "volumes_show_has_the_attachment_and_the_boot_image",
    ),
    ("volumes create", "volumes_create_waits_until_available"),
    (
        "volumes delete",
        "volumes_delete_needs_yes_and_a_detached_volume",
    ),
    ("volumes resize", "volumes_resize_only_grows"),
    ("volumes clone", "volumes_clone_waits_until_available"),
    ("volumes attach", "volumes_attach_and_detach"),
    ("volumes detach", "volumes_attach_and_detach"),
    ("volumes types", "volumes_types_and_billing"),
    ("volumes billing", "volumes_types_and_billing"),
    ("ai chat", "ai_chat_prints_the_reply_and_the_cost"),
    ("ai models", "ai_models_lists_models_with_prices"),
    ("ai usage", "ai_usage_and_history_after_two_chats"),
    ("ai history", "ai_usage_and_history_after_two_chats"),
    ("doctor", "doctor_is_all_ok_against_the_sandbox"),
    (
        "sandbox",
        "sandbox_json_announces_a_url_that_serves_until_sigterm",
    ),
];

fn help(path: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_barrack"))
        .args(path)
        .arg("--help")
        .output()
        .expect("barrack runs");
    assert!(out.status.success(), "barrack {path:?} --help failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The subcommand names of one help page (the "Commands:" section), without `help`.
fn subcommands(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("Commands:") {
            inside = true;
            continue;
        }
        if inside {
            if !line.starts_with("  ") {
                break;
            }
            if let Some(name) = line.split_whitespace().next() {
                if name != "help" {
                    names.push(name.to_owned());
                }
            }
        }
    }
    names
}

fn leaves(path: Vec<String>, out: &mut BTreeSet<String>) {
    let refs: Vec<&str> = path.iter().map(String::as_str).collect();
    let subs = subcommands(&help(&refs));
    if subs.is_empty() {
        out.insert(path.join(" "));
    }
    for s in subs {
        let mut p = path.clone();
        p.push(s);
        leaves(p, out);
    }
}

#[test]
fn every_subcommand_has_an_integration_test() {
    let mut all = BTreeSet::new();
    leaves(Vec::new(), &mut all);
    let top = subcommands(&help(&[]));
    for group in [
        "instances",
        "deploy",
        "ssh-keys",
        "scripts",
        "firewalls",
        "snapshots",
        "images",
        "volumes",
        "ai",
        "doctor",
        "sandbox",
        "login",
    ] {
        assert!(
            top.iter().any(|t| t == group),
            "`barrack --help` lists {group}"
        );
    }
    let covered: BTreeSet<&str> = COVERED.iter().map(|(p, _)| *p).collect();
    let missing: Vec<&String> = all
        .iter()
        .filter(|p| !covered.contains(p.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "subcommands without a named test: {missing:?}"
    );
    let stale: Vec<&&str> = covered.iter().filter(|p| !all.contains(**p)).collect();
    assert!(
        stale.is_empty(),
        "entries for subcommands that no longer exist: {stale:?}"
    );

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut sources = String::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("coverage.rs") {
            sources.push_str(&std::fs::read_to_string(path).unwrap());
        }
    }
    for (cmd, test) in COVERED {
        assert!(
            sources.contains(&format!("fn {test}()")),
            "{cmd}: no test function {test}"
        );
    }
}
