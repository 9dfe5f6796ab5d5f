//! The case table of the input rules: representative inputs of every `check_*` command (and
//! the calculator's), run through the commands here and written to
//! `ui/src/generated/formCases.json` as `{ command, input, output }`. `input` is the
//! arguments object the UI's `invoke` sends; `output` is exactly what the command answers
//! (the `data` of `{ status: "ok", data }`). The UI's test backend answers the commands from
//! this table, so the UI's tests show exactly the errors Rust gives. Like the bindings, a
//! stale table is rewritten here (not under CI) and the test fails once.

use super::forms::*;
use serde_json::{json, Value};

pub const FORM_CASES_PATH: &str = "ui/src/generated/formCases.json";

fn arg<T: serde::de::DeserializeOwned>(input: &Value, name: &str) -> T {
    serde_json::from_value(input[name].clone())
        .unwrap_or_else(|e| panic!("argument {name} of {input}: {e}"))
}

/// The answer or the refusal, both as the UI receives them.
fn answer<T: serde::Serialize>(r: Result<T, crate::error::AppError>) -> Value {
    match r {
        Ok(v) => json!({ "ok": v }),
        Err(e) => json!({ "error": e }),
    }
}

fn ok<T: serde::Serialize>(r: Result<T, crate::error::AppError>) -> Value {
    serde_json::to_value(r.expect("the command answers")).unwrap()
}

/// Runs one case through its command, as the IPC handler would.
async fn run(command: &str, input: &Value) -> Value {
    match command {
        "check_resource_name" => ok(check_resource_name(arg(input, "form")).await),
        "check_ssh_key" => ok(check_ssh_key(arg(input, "form")).await),
        "check_ssh_key_deletion" => ok(check_ssh_key_deletion(arg(input, "form")).await),
        "check_security_rule" => ok(check_security_rule(arg(input, "form")).await),
        "check_rule_list" => ok(check_rule_list(arg(input, "rules")).await),
        "check_jupyter_password" => ok(check_jupyter_password(arg(input, "password")).await),
        "check_cloud_init" => ok(check_cloud_init(arg(input, "script")).await),
        "suggest_restored_name" => ok(suggest_restored_name(arg(input, "snapshotName")).await),
        "check_volume" => ok(check_volume(arg(input, "form")).await),
        "check_volume_resize" => ok(check_volume_resize(arg(input, "form")).await),
        "check_volume_attachment" => ok(check_volume_attachment(arg(input, "form")).await),
        "calculate_cost" => ok(calculate_cost(arg(input, "input")).await),
        "describe_ssh_keys" => ok(describe_ssh_keys(arg(input, "publicKeys")).await),
        "connection_help" => answer(super::connect::connection_help(arg(input, "vm")).await),
        other => panic!("no command {other}"),
    }
}

const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";

fn name(name: &str, noun: &str, taken: &[&str]) -> Value {
    json!({ "form": { "name": name, "noun": noun, "taken": taken } })
}

fn key(name: &str, public_key: Option<&str>, taken: &[&str]) -> Value {
    json!({ "form": { "name": name, "publicKey": public_key, "taken": taken } })
}

fn rule_form(fields: [&str; 6], existing: Value) -> Value {
    let [direction, protocol, ethertype, cidr, lo, hi] = fields;
    json!({ "form": {
        "direction": direction, "protocol": protocol, "ethertype": ethertype,
        "remote_ip_prefix": cidr, "port_range_min": lo, "port_range_max": hi, "existing": existing,
    } })
}

fn tcp(cidr: &str, lo: &str, hi: &str) -> Value {
    rule_form(["ingress", "tcp", "IPv4", cidr, lo, hi], json!([]))
}

fn rule(protocol: &str, ethertype: &str, cidr: &str, ports: Option<(u16, u16)>) -> Value {
    json!({
        "direction": "ingress", "protocol": protocol, "ethertype": ethertype,
        "remote_ip_prefix": cidr,
        "port_range_min": ports.map(|p| p.0), "port_range_max": ports.map(|p| p.1),
    })
}

/// 25 key names, the most an account holds (the SSH Keys page's test at the limit).
const FULL_KEYS: [&str; 25] = [
    "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11", "k12", "k13", "k14",
    "k15", "k16", "k17", "k18", "k19", "k20", "k21", "k22", "k23", "k24",
];

/// The snapshots and images of the UI's storage page tests (their names are taken).
const SNAPSHOTS: [&str; 3] = ["train-baseline", "train-nightly", "eu-weights"];
const IMAGES: [&str; 3] = ["train-v1", "train-v2", "dev-img"];
const VMS: [&str; 3] = ["train-h100", "eu-a100", "us-stopped"];

/// The Volumes page's tests (VolumesPage.test.tsx): volumes "data", "boot" and "far"; the
/// SSD type's limits (10 to 1,048,576 GB); a balance in USD.
const VOLUMES: [&str; 3] = ["data", "boot", "far"];

fn volume_form(
    [name, region, size, image]: [&str; 4],
    bootable: bool,
    profile_complete: bool,
    balance: f64,
) -> Value {
    json!({ "form": {
        "name": name, "taken": VOLUMES, "region": region, "sizeGb": size, "bootable": bootable,
        "osImageId": image, "volumeType": "SSD", "limits": { "minGb": 10, "maxGb": 1_048_576 },
        "standing": { "profileComplete": profile_complete, "balance": balance, "currency": "USD" },
    } })
}

/// The create form in CANADA-1 with 241.20 USD.
fn volume(name: &str, size: &str) -> Value {
    volume_form([name, "CANADA-1", size, ""], false, true, 241.2)
}

fn resize(size: &str) -> Value {
    json!({ "form": {
        "currentGb": 50, "sizeGb": size, "bootable": false,
        "limits": { "minGb": 10, "maxGb": 1_048_576 },
    } })
}

/// The VMs of the Volumes page's tests: two in CANADA-1 (one stopped), one in NORWAY-1.
fn volume_vms() -> Value {
    json!([
        { "id": "vm-train-h100", "name": "train-h100", "region": "CANADA-1", "status": "ACTIVE" },
        { "id": "vm-stopped", "name": "stopped", "region": "CANADA-1", "status": "SHUTOFF" },
        { "id": "vm-eu-a100", "name": "eu-a100", "region": "NORWAY-1", "status": "ACTIVE" },
    ])
}

/// A volume's storage for an hour at 0.1 USD per TB-hour (the pricing example's SSD).
fn volume_hour(size_gb: u64) -> Value {
    json!({ "input": {
        "gpuPerHour": null, "hours": 1, "volumePricePerTbHour": 0.1, "volumeSizeGb": size_gb,
    } })
}

/// The representative inputs: every field error message at least once.
fn cases() -> Vec<(&'static str, Value)> {
    let ssh22 = rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22)));
    let web = rule("tcp", "IPv6", "2001:db8::/32", Some((443, 443)));
    let udp22 = rule("udp", "IPv4", "0.0.0.0/0", Some((22, 22)));
    vec![
        // Resource names.
        (
            "check_resource_name",
            name("train-box_1.final copy", "vm", &["other"]),
        ),
        ("check_resource_name", name("", "vm", &[])),
        // The dashboard's snapshot dialog (DashboardPage.test.tsx): empty, a bad character, fine.
        ("check_resource_name", name("", "snapshot", &[])),
        ("check_resource_name", name("nightly/1", "snapshot", &[])),
        ("check_resource_name", name("nightly 1", "snapshot", &[])),
        ("check_resource_name", name("nightly", "snapshot", &[])),
        ("check_resource_name", name("   ", "snapshot", &[])),
        ("check_resource_name", name(&"a".repeat(51), "volume", &[])),
        ("check_resource_name", name("bad/name", "image", &[])),
        (
            "check_resource_name",
            name("Train-Box", "vm", &["train-box"]),
        ),
        (
            "check_resource_name",
            name(" nightly ", "snapshot", &["Nightly"]),
        ),
        ("check_resource_name", name("base", "image", &["base"])),
        ("check_resource_name", name("edge", "firewall", &["EDGE"])),
        ("check_resource_name", name("data", "volume", &["data"])),
        ("check_resource_name", name("setup", "script", &["setup"])),
        (
            "suggest_restored_name",
            json!({ "snapshotName": " nightly " }),
        ),
        (
            "suggest_restored_name",
            json!({ "snapshotName": "x".repeat(50) }),
        ),
        // SSH keys.
        ("check_ssh_key", key("laptop", Some(KEY), &["desktop"])),
        ("check_ssh_key", key("generated", None, &[])),
        ("check_ssh_key", key("", Some(""), &[])),
        (
            "check_ssh_key",
            key("my key", Some(&format!("{KEY}\n{KEY}")), &[]),
        ),
        (
            "check_ssh_key",
            key("ok", Some("-----BEGIN OPENSSH PRIVATE KEY-----"), &[]),
        ),
        (
            "check_ssh_key",
            key("ok", Some("ssh-foo AAAAC3NzaC1lZDI1NTE5"), &[]),
        ),
        ("check_ssh_key", key("ok", Some("ssh-rsa not*base64"), &[])),
        ("check_ssh_key", key("Laptop", Some(KEY), &["laptop"])),
        ("check_ssh_key", key("a/b", None, &[])),
        // The SSH Keys page (SshKeysPage.test.tsx): a name of 50 and of 51, a key cut short,
        // a final newline, the 25-key limit; deleting a key in use and one unused.
        ("check_ssh_key", key(&"k".repeat(50), None, &[])),
        ("check_ssh_key", key(&"k".repeat(51), None, &[])),
        ("check_ssh_key", key("cut", Some(&KEY[..40]), &[])),
        ("check_ssh_key", key("laptop", Some(KEY), &[])),
        (
            "check_ssh_key",
            key("newline", Some(&format!("{KEY}\n")), &[]),
        ),
        ("check_ssh_key", key("one-more", None, &FULL_KEYS)),
        ("check_ssh_key", key("one-more", Some(KEY), &FULL_KEYS)),
        (
            "check_ssh_key_deletion",
            json!({ "form": { "name": "alice-laptop", "usedBy": ["train-h100", "dev-a6000"] } }),
        ),
        (
            "check_ssh_key_deletion",
            json!({ "form": { "name": "spare", "usedBy": [] } }),
        ),
        // Security rule form.
        ("check_security_rule", tcp("203.0.113.1/32", "22", "22")),
        (
            "check_security_rule",
            rule_form(["egress", "icmp", "IPv6", "::/0", "", ""], json!([])),
        ),
        (
            "check_security_rule",
            rule_form(["sideways", "gre", "IPv5", "0.0.0.0/0", "", ""], json!([])),
        ),
        ("check_security_rule", tcp("", "", "")),
        ("check_security_rule", tcp("10.0.0.1", "80", "80")),
        ("check_security_rule", tcp("10.0.0.0/x", "80", "80")),
        ("check_security_rule", tcp("10.0.0.256/32", "80", "80")),
        ("check_security_rule", tcp("10.0.0.0/33", "80", "80")),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "tcp", "IPv6", "2001:db8::/129", "80", "80"],
                json!([]),
            ),
        ),
        ("check_security_rule", tcp("::/0", "80", "80")),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "udp", "IPv6", "10.0.0.0/8", "53", "53"],
                json!([]),
            ),
        ),
        ("check_security_rule", tcp("0.0.0.0/0", "abc", "70000")),
        ("check_security_rule", tcp("0.0.0.0/0", "0", "")),
        // The port limits exactly: 1 and 65535 pass, 65536 does not.
        ("check_security_rule", tcp("0.0.0.0/0", "1", "65535")),
        ("check_security_rule", tcp("0.0.0.0/0", "65536", "")),
        ("check_security_rule", tcp("::1/128", "443", "443")),
        ("check_security_rule", tcp("0.0.0.0/0", "8100", "8000")),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "icmp", "IPv4", "0.0.0.0/0", "1", "2"],
                json!([]),
            ),
        ),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "tcp", "IPv4", "0.0.0.0/0", "22", "22"],
                json!([ssh22]),
            ),
        ),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "tcp", "IPv4", "10.0.0.0/8", "22", "22"],
                json!([ssh22]),
            ),
        ),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "tcp", "IPv6", "::/0", "1", "1000"],
                json!([web]),
            ),
        ),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "udp", "IPv4", "0.0.0.0/0", "22", "22"],
                json!([ssh22]),
            ),
        ),
        // Rule lists.
        ("check_rule_list", json!({ "rules": [] })),
        ("check_rule_list", json!({ "rules": [ssh22, web] })),
        ("check_rule_list", json!({ "rules": [ssh22, ssh22] })),
        (
            "check_rule_list",
            json!({ "rules": [
            rule("tcp", "IPv4", "0.0.0.0/0", Some((1, 65535))),
            rule("tcp", "IPv4", "10.1.0.0/16", Some((80, 90))),
        ] }),
        ),
        (
            "check_rule_list",
            json!({ "rules": [
            rule("icmp", "IPv4", "0.0.0.0/0", Some((1, 2))),
            rule("tcp", "IPv4", "::/0", Some((80, 80))),
            rule("tcp", "IPv4", "10.0.0.0/33", None),
            rule("ftp", "IPv4", "0.0.0.0/0", Some((21, 21))),
        ] }),
        ),
        // The VM page's rule form (pages/InstanceDetailPage.test.tsx) and the wizard's rule
        // editor (features/deploy/SecurityRulesEditor.test.tsx).
        ("check_security_rule", tcp("10.0.0.0/33", "443", "80")),
        (
            "check_security_rule",
            rule_form(
                ["ingress", "icmp", "IPv4", "10.0.0.0/33", "443", "80"],
                json!([]),
            ),
        ),
        ("check_security_rule", tcp("10.0.0.0/8", "443", "443")),
        ("check_security_rule", tcp("10.0.0.0/8", "80", "80")),
        ("check_security_rule", tcp("203.0.113.0/24", "22", "22")),
        (
            "check_security_rule",
            rule_form(["ingress", "tcp", "IPv6", "::/0", "80", "80"], json!([])),
        ),
        ("check_rule_list", json!({ "rules": [ssh22] })),
        ("check_rule_list", json!({ "rules": [ssh22, udp22] })),
        ("check_rule_list", json!({ "rules": [udp22] })),
        // A field too long to check (a hostile or damaged draft): refused as it is, not
        // compared with its twin.
        (
            "check_rule_list",
            json!({ "rules": [
            rule("tcp", "IPv4", &format!("{}/0", "1".repeat(64)), None),
            rule("tcp", "IPv4", &format!("{}/0", "1".repeat(64)), None),
        ] }),
        ),
        // The deploy wizard's other fields.
        ("check_jupyter_password", json!({ "password": "" })),
        ("check_jupyter_password", json!({ "password": "short" })),
        ("check_jupyter_password", json!({ "password": "abcdefgh" })),
        ("check_jupyter_password", json!({ "password": "abcdefg1" })),
        (
            "check_jupyter_password",
            json!({ "password": "Abcdefg1!xyz" }),
        ),
        ("check_cloud_init", json!({ "script": "" })),
        (
            "check_cloud_init",
            json!({ "script": "#cloud-config\npackages: [htop]\n# é 😀\n" }),
        ),
        (
            "check_cloud_init",
            json!({ "script": "x".repeat(16 * 1024) }),
        ),
        (
            "check_cloud_init",
            json!({ "script": "x".repeat(16 * 1024 + 10) }),
        ),
        // Money.
        (
            "calculate_cost",
            json!({ "input": {
            "gpuPerHour": 2.5, "hours": 10, "volumePricePerTbHour": 0.3, "volumeSizeGb": 500,
        } }),
        ),
        (
            "calculate_cost",
            json!({ "input": {
            "gpuPerHour": null, "hours": -1, "volumePricePerTbHour": null, "volumeSizeGb": 0,
        } }),
        ),
        // The Billing page's calculator test: 4 × H100-SXM5 (9.96/h) for 10 h, then + 500 GB NVMe.
        (
            "calculate_cost",
            json!({ "input": { "gpuPerHour": 9.96, "hours": 10, "volumeSizeGb": 0 } }),
        ),
        (
            "calculate_cost",
            json!({ "input": {
                "gpuPerHour": 9.96, "hours": 10, "volumePricePerTbHour": 0.3, "volumeSizeGb": 500,
            } }),
        ),
        // The deploy wizard's flows (ui DeployPage and KeysStep tests): a VM named among
        // "train-h100", and keys among "desktop" or none.
        (
            "check_resource_name",
            name("train-2", "vm", &["train-h100"]),
        ),
        (
            "check_resource_name",
            name("TRAIN-H100", "vm", &["train-h100"]),
        ),
        (
            "check_resource_name",
            name(&"x".repeat(51), "vm", &["train-h100"]),
        ),
        ("check_resource_name", name("", "vm", &["train-h100"])),
        (
            "check_ssh_key",
            key("laptop", Some("ssh-foo AAAAC3NzaC1lZDI1NTE5"), &["desktop"]),
        ),
        ("check_ssh_key", key("", None, &[])),
        // The snapshot and image dialogs' flows (ui SnapshotsPage, ImagesPage tests).
        ("check_resource_name", name("", "snapshot", &SNAPSHOTS)),
        (
            "check_resource_name",
            name("TRAIN-BASELINE", "snapshot", &SNAPSHOTS),
        ),
        ("check_resource_name", name("run 2", "snapshot", &SNAPSHOTS)),
        (
            "check_resource_name",
            name("Weekly", "snapshot", &["weekly"]),
        ),
        (
            "check_resource_name",
            name("golden", "snapshot", &["weekly"]),
        ),
        (
            "suggest_restored_name",
            json!({ "snapshotName": "train-baseline" }),
        ),
        (
            "check_resource_name",
            name("train-baseline-restored", "vm", &VMS),
        ),
        ("check_resource_name", name("Train-H100", "vm", &VMS)),
        ("check_resource_name", name("", "image", &IMAGES)),
        ("check_resource_name", name("Train-V1", "image", &IMAGES)),
        ("check_resource_name", name("train-v3", "image", &IMAGES)),
        // The Startup Scripts page (ScriptsPage.test.tsx): a new script beside "setup", an
        // edit of "setup" beside "bench", and the scripts typed into the editor.
        ("check_resource_name", name("", "script", &["setup"])),
        ("check_resource_name", name("nightly", "script", &["setup"])),
        ("check_resource_name", name("setup", "script", &["bench"])),
        // The Volumes page (VolumesPage.test.tsx): the create form as it is typed (the
        // suggestion "volume3", a 51-character name, a taken one, sizes 9 / 1,048,577 / 20),
        // All regions then CANADA-1 with Make Bootable, a low balance, an incomplete profile.
        ("check_volume", volume("volume3", "10")),
        ("check_volume", volume("", "10")),
        ("check_volume", volume(&"v".repeat(51), "10")),
        ("check_volume", volume("DATA", "10")),
        ("check_volume", volume("archive", "10")),
        ("check_volume", volume("archive", "")),
        ("check_volume", volume("archive", "9")),
        ("check_volume", volume("archive", "1048577")),
        ("check_volume", volume("archive", "20")),
        (
            "check_volume",
            volume_form(["volume3", "", "10", ""], false, true, 241.2),
        ),
        (
            "check_volume",
            volume_form(["volume3", "CANADA-1", "100", ""], true, true, 241.2),
        ),
        (
            "check_volume",
            volume_form(
                ["volume3", "CANADA-1", "100", "os-ubuntu-ca"],
                true,
                true,
                241.2,
            ),
        ),
        (
            "check_volume",
            volume_form(["volume3", "CANADA-1", "10", ""], false, true, 0.5),
        ),
        (
            "check_volume",
            volume_form(["volume3", "CANADA-1", "10", ""], false, false, 241.2),
        ),
        ("check_volume_resize", resize("")),
        ("check_volume_resize", resize("40")),
        ("check_volume_resize", resize("80")),
        // A size the server did not say: refused, nothing sent.
        (
            "check_volume_resize",
            json!({ "form": {
                "sizeGb": "300", "bootable": false,
                "limits": { "minGb": 10, "maxGb": 1_048_576 },
            } }),
        ),
        (
            "check_volume_attachment",
            json!({ "form": { "volume": {
                "id": "vol-boot", "region": "CANADA-1", "status": "AVAILABLE", "bootable": true,
            }, "vms": volume_vms() } }),
        ),
        (
            "check_volume_attachment",
            json!({ "form": { "volume": {
                "id": "vol-data", "region": "CANADA-1", "status": "ATTACHED", "bootable": false,
                "instanceId": "vm-train-h100",
            }, "vms": volume_vms() } }),
        ),
        // A VM's page (features/volumes/VolumesList.test.tsx): detach "data", attach "spare",
        // and the boot volume of a running VM.
        (
            "check_volume_attachment",
            json!({ "form": { "volume": {
                "id": "vol-data", "region": "CANADA-1", "status": "ATTACHED", "bootable": false,
                "instanceId": "vm-train-h100",
            }, "vms": [
                { "id": "vm-train-h100", "name": "train-h100", "region": "CANADA-1", "status": "ACTIVE" },
            ] } }),
        ),
        (
            "check_volume_attachment",
            json!({ "form": { "volume": {
                "id": "vol-spare", "region": "CANADA-1", "status": "AVAILABLE", "bootable": false,
            }, "vms": [
                { "id": "vm-train-h100", "name": "train-h100", "region": "CANADA-1", "status": "ACTIVE" },
            ] } }),
        ),
        (
            "check_volume_attachment",
            json!({ "form": { "volume": {
                "id": "vol-root", "region": "CANADA-1", "status": "ATTACHED", "bootable": true,
                "instanceId": "vm-root-vm",
            }, "vms": [{
                "id": "vm-root-vm", "name": "root-vm", "region": "CANADA-1", "status": "ACTIVE",
                "bootVolumeId": "vol-root",
            }] } }),
        ),
        (
            "check_volume",
            json!({ "form": {
                "name": "volume1", "taken": ["data"], "region": "CANADA-1", "sizeGb": "10",
                "bootable": false, "osImageId": "", "volumeType": "SSD",
                "limits": { "minGb": 10, "maxGb": 1_048_576 },
                "standing": { "profileComplete": true, "balance": 241.2, "currency": "USD" },
            } }),
        ),
        ("check_resource_name", name("", "volume", &VOLUMES)),
        ("check_resource_name", name("boot-copy", "volume", &VOLUMES)),
        ("calculate_cost", volume_hour(500)),
        ("calculate_cost", volume_hour(100)),
        ("calculate_cost", volume_hour(80)),
        ("calculate_cost", volume_hour(50)),
        ("calculate_cost", volume_hour(20)),
        // The Firewalls page (FirewallsPage.test.tsx): a new firewall beside "web", and a
        // rule of the HTTP example whose range is retyped after a refusal.
        ("check_resource_name", name("", "firewall", &["web"])),
        ("check_resource_name", name("web", "firewall", &["web"])),
        ("check_resource_name", name("edge", "firewall", &["web"])),
        ("check_security_rule", tcp("", "80", "80")),
        (
            "check_cloud_init",
            json!({ "script": "#!/bin/bash\necho ready\n" }),
        ),
        (
            "check_cloud_init",
            json!({ "script": "#!/bin/bash\necho hi\n" }),
        ),
        // The SSH Keys list's type and bits (SshKeysPage.test.tsx answers each line from these).
        ("describe_ssh_keys", json!({ "publicKeys": [KEY] })),
        ("describe_ssh_keys", json!({ "publicKeys": [RSA_1024] })),
        (
            "describe_ssh_keys",
            json!({ "publicKeys": ["ssh-rsa AAAA cut"] }),
        ),
        // Connection help (SshCommand.test.tsx, InstanceDetailPage.test.tsx): the VMs they show.
        connect("train h100", Some("ubuntu"), "203.0.113.7"),
        connect("train-h100", Some("ubuntu"), "203.0.113.9"),
        connect("train-h100", Some("ubuntu"), "203.0.113.50"),
        connect("c", Some("centos"), "198.51.100.2"),
        connect("p", None, "198.51.100.3"),
        connect("evil", Some("ubuntu"), "10.0.0.1\n  ProxyCommand x"),
    ]
}

fn connect(name: &str, user: Option<&str>, ip: &str) -> (&'static str, Value) {
    (
        "connection_help",
        json!({ "vm": { "name": name, "defaultUser": user, "publicIp": ip } }),
    )
}

/// An RSA key of 1024 bits made by ssh-keygen (ui/src/test/sshKeys.ts has the same line).
const RSA_1024: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDEp0KwsWbK6dGcWfvyXXdtrlUCmzermxFLfjFha7U6lqj6fYjSSpQNqGfbiqkXbf1joBTh2yowr/1bPdV2eiqpVXlNmjAEFv5FTp1I0rXT+GIzHSln+bqGAiEdgtkQk81B1MANOkFKzwKw2jE/aSHwnORYKOEvqShUy/lmqGkdaQ== me@box";

async fn table() -> Value {
    let mut out = Vec::new();
    for (command, input) in cases() {
        let output = run(command, &input).await;
        out.push(json!({ "command": command, "input": input, "output": output }));
    }
    Value::Array(out)
}

#[tokio::test]
async fn form_cases_are_current() {
    let text = serde_json::to_string_pretty(&table().await).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FORM_CASES_PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != text {
        if !barrack_credentials::ci::under_ci() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        panic!(
            "{} was out of date (rewritten here; commit it). Under CI it is not rewritten.",
            path.display()
        );
    }
}

/// Every field error message the forms can give appears in the table at least once (the
/// ones only absurd inputs reach, like a 64 KB name, are tested beside the rules instead).
#[tokio::test]
async fn the_table_covers_each_command_and_field() {
    let t = table().await;
    let rows = t.as_array().unwrap();
    assert!((40..=200).contains(&rows.len()), "{} cases", rows.len());
    for c in [
        "check_resource_name",
        "check_ssh_key",
        "check_security_rule",
        "check_rule_list",
        "check_jupyter_password",
        "check_cloud_init",
        "suggest_restored_name",
        "calculate_cost",
        "check_volume",
        "check_volume_resize",
        "check_volume_attachment",
        "describe_ssh_keys",
        "connection_help",
    ] {
        assert!(crate::COMMANDS.contains(&c), "{c} is not a command");
        assert!(rows.iter().any(|r| r["command"] == c), "no case of {c}");
    }
    let text = t.to_string();
    for field in [
        "\"name\"",
        "\"publicKey\"",
        "\"direction\"",
        "\"protocol\"",
        "\"ethertype\"",
        "\"remote_ip_prefix\"",
        "\"port_range_min\"",
        "\"port_range_max\"",
        "\"jupyterPassword\"",
        "\"cloudInit\"",
        "\"sizeGb\"",
        "\"region\"",
        "\"osImageId\"",
        "\"profile\"",
        "\"balance\"",
    ] {
        assert!(
            text.contains(&format!("\"field\":{field}")),
            "no error at {field}"
        );
    }
    for kind in [
        "invalid",
        "icmp-ports",
        "ethertype-mismatch",
        "duplicate",
        "contained",
    ] {
        assert!(
            text.contains(&format!("\"kind\":\"{kind}\"")),
            "no {kind} problem"
        );
    }
}
