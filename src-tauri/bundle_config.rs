//! Tests of the installers' configuration: tauri.conf.json and the Windows and macOS files the
//! Tauri CLI merges over it on those systems. Those two are never built here (no Windows or
//! macOS target on these machines), so this is where a typo in them is caught: each merged
//! configuration must parse as Tauri's own `Config`, which refuses unknown fields.

use serde_json::Value;
use tauri::utils::config::{BundleTarget, BundleType, Config};

const BASE: &str = include_str!("../tauri.conf.json");
const WINDOWS: &str = include_str!("../tauri.windows.conf.json");
const MACOS: &str = include_str!("../tauri.macos.conf.json");
const WORKSPACE_MANIFEST: &str = include_str!("../Cargo.toml");

/// RFC 7396 merge patch: how the Tauri CLI puts a platform file over tauri.conf.json.
fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    base.remove(key);
                } else {
                    merge(base.entry(key.clone()).or_insert(Value::Null), value);
                }
            }
        }
        (base, patch) => *base = patch.clone(),
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

fn config(platform_file: Option<&str>) -> Config {
    let mut merged = json(BASE);
    if let Some(file) = platform_file {
        merged.as_object_mut().unwrap().remove("$schema");
        let mut patch = json(file);
        patch.as_object_mut().unwrap().remove("$schema");
        merge(&mut merged, &patch);
    }
    merged.as_object_mut().unwrap().remove("$schema");
    serde_json::from_value(merged).unwrap_or_else(|e| panic!("not a Tauri configuration: {e}"))
}

fn targets(c: &Config) -> Vec<BundleType> {
    match &c.bundle.targets {
        BundleTarget::List(list) => list.clone(),
        BundleTarget::One(one) => vec![one.clone()],
        BundleTarget::All => panic!("\"all\" would try AppImage, which cannot be built offline"),
    }
}

/// `key = "value"` of the workspace manifest's `[workspace.package]`.
fn workspace_package(key: &str) -> String {
    let section = WORKSPACE_MANIFEST
        .split_once("[workspace.package]")
        .expect("a [workspace.package] section")
        .1;
    section
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| panic!("no {key} in [workspace.package]"))
}

/// The bundler adds WebKitGTK, GTK and (for the tray) ayatana-appindicator to the .deb by
/// itself, and the .rpm's library requirements by soname; declared here is what it cannot
/// know: libdbus (the keyring and the tray check link it) and a Secret Service, recommended
/// (KWallet and others serve too). The install journey checks the built control file.
#[test]
fn linux_builds_deb_and_rpm_with_their_runtime_dependencies() {
    let c = config(None);
    assert_eq!(targets(&c), [BundleType::Deb, BundleType::Rpm]);
    let linux = &c.bundle.linux;
    let deb = linux.deb.depends.clone().unwrap_or_default();
    assert!(
        deb.contains(&"libdbus-1-3".to_owned()),
        "deb depends {deb:?}"
    );
    let rpm = linux.rpm.depends.clone().unwrap_or_default();
    assert!(
        rpm.contains(&"libdbus-1.so.3()(64bit)".to_owned()),
        "rpm depends {rpm:?}"
    );
    for recommends in [&linux.deb.recommends, &linux.rpm.recommends] {
        let r = recommends.clone().unwrap_or_default();
        assert!(r.contains(&"gnome-keyring".to_owned()), "recommends {r:?}");
    }
}

/// The bundler's own .desktop template has no field code in `Exec`, so a `barrack://` link
/// opened from a browser would start the app without the link (tauri-apps/tauri#15928):
/// both packages use this template, which passes it (`%u`) and keeps the MimeType.
#[test]
fn desktop_entry_passes_deep_links_to_the_app() {
    let c = config(None);
    let template = "src-tauri/linux/barrack-desktop.desktop";
    for (what, path) in [
        ("deb", &c.bundle.linux.deb.desktop_template),
        ("rpm", &c.bundle.linux.rpm.desktop_template),
    ] {
        assert_eq!(
            path.as_deref(),
            Some(std::path::Path::new(template)),
            "{what}"
        );
    }
    let text = include_str!("linux/barrack-desktop.desktop");
    assert!(text.lines().any(|l| l == "Exec={{exec}} %u"), "{text}");
    assert!(
        text.lines().any(|l| l == "MimeType={{mime_type}};"),
        "{text}"
    );
}

#[test]
fn package_metadata_is_complete_and_matches_the_workspace() {
    let c = config(None);
    let b = &c.bundle;
    assert_eq!(
        b.license.as_deref(),
        Some(workspace_package("license").as_str())
    );
    assert_eq!(
        b.homepage.as_deref(),
        Some(workspace_package("repository").as_str())
    );
    for (what, value) in [
        ("publisher", &b.publisher),
        ("copyright", &b.copyright),
        ("category", &b.category),
        ("shortDescription", &b.short_description),
        ("longDescription", &b.long_description),
    ] {
        assert!(
            value.as_deref().is_some_and(|v| !v.trim().is_empty()),
            "bundle.{what} is empty"
        );
    }
    assert_eq!(c.identifier, barrack_core::platform::APP_IDENTIFIER);
}

/// A fresh clone builds without a signing key: the committed configuration must not ask for
/// updater artifacts (scripts/package adds them when TAURI_SIGNING_PRIVATE_KEY is set).
#[test]
fn committed_configuration_makes_no_updater_artifacts() {
    for (name, file) in [
        ("linux", None),
        ("windows", Some(WINDOWS)),
        ("macos", Some(MACOS)),
    ] {
        let c = config(file);
        let on = serde_json::to_value(&c.bundle.create_updater_artifacts).unwrap();
        assert_eq!(
            on,
            Value::Bool(false),
            "{name}: createUpdaterArtifacts is {on}"
        );
    }
}

/// Why an updater configuration (`plugins.updater`) must not ship, or `None`.
fn unsafe_updater_setting(raw: &Value) -> Option<String> {
    let u: tauri_plugin_updater::Config = match serde_json::from_value(raw.clone()) {
        Ok(u) => u,
        Err(e) => return Some(format!("not the plugin's configuration: {e}")),
    };
    if !u.require_signed_version {
        return Some("requireSignedVersion is off".into());
    }
    if u.allow_downgrades {
        return Some("allowDowngrades is on".into());
    }
    if u.dangerous_insecure_transport_protocol
        || u.dangerous_accept_invalid_certs
        || u.dangerous_accept_invalid_hostnames
    {
        return Some("a dangerous… switch is on".into());
    }
    if u.endpoints.is_empty() {
        return Some("no endpoint".into());
    }
    if let Some(url) = u.endpoints.iter().find(|url| {
        url.scheme() != "https"
            || url
                .host_str()
                .is_none_or(|h| h == "localhost" || h.starts_with("127.") || h == "[::1]")
    }) {
        return Some(format!("endpoint {url} is not https on a public host"));
    }
    if u.pubkey.trim().is_empty() {
        return Some("no public key".into());
    }
    None
}

/// What an installed app trusts for its updates is this configuration: latest.json over
/// https only, none of the plugin's `dangerous…` switches (the update journey's test overlay
/// sets one; it must never reach these files), no downgrades, and `requireSignedVersion`, so
/// a crafted latest.json cannot pair a newer version number with an older, validly signed
/// package. Checked on every platform's merged configuration.
#[test]
fn shipped_updater_accepts_only_signed_upgrades_over_https() {
    for (name, file) in [
        ("linux", None),
        ("windows", Some(WINDOWS)),
        ("macos", Some(MACOS)),
    ] {
        let c = config(file);
        let raw = c
            .plugins
            .0
            .get("updater")
            .unwrap_or_else(|| panic!("{name}: no plugins.updater"));
        assert_eq!(unsafe_updater_setting(raw), None, "{name}: {raw}");
    }
    // The check can fail: the journey's overlay, and each weakening alone, are refused.
    let shipped = config(None).plugins.0["updater"].clone();
    let with = |patch: Value| {
        let mut v = shipped.clone();
        merge(&mut v, &patch);
        unsafe_updater_setting(&v)
    };
    for patch in [
        serde_json::json!({"endpoints": ["http://127.0.0.1:8080/latest.json"],
                           "dangerousInsecureTransportProtocol": true}),
        serde_json::json!({"dangerousAcceptInvalidCerts": true}),
        serde_json::json!({"requireSignedVersion": null}),
        serde_json::json!({"allowDowngrades": true}),
        serde_json::json!({"endpoints": ["http://example.com/latest.json"]}),
        serde_json::json!({"endpoints": []}),
        serde_json::json!({"pubkey": ""}),
    ] {
        assert!(with(patch.clone()).is_some(), "accepted: {patch}");
    }
}

#[test]
fn windows_builds_msi_and_nsis_with_a_fixed_upgrade_code() {
    let c = config(Some(WINDOWS));
    assert_eq!(targets(&c), [BundleType::Msi, BundleType::Nsis]);
    let w = &c.bundle.windows;
    // Must never change: Windows would take an update for another app.
    assert!(w.wix.as_ref().and_then(|x| x.upgrade_code).is_some());
    let mode = serde_json::to_value(&w.webview_install_mode).unwrap();
    assert_eq!(mode["type"], "downloadBootstrapper", "{mode}");
    // Installs per user without administrator rights (the updater can then replace it).
    let nsis = serde_json::to_value(w.nsis.as_ref().expect("nsis settings")).unwrap();
    assert_eq!(nsis["installMode"], "currentUser", "{nsis}");
    // Linux keeps its own targets: the platform file is not the base.
    assert_eq!(targets(&config(None)), [BundleType::Deb, BundleType::Rpm]);
}

#[test]
fn macos_builds_a_dmg_for_a_stated_minimum_version() {
    let c = config(Some(MACOS));
    assert_eq!(targets(&c), [BundleType::App, BundleType::Dmg]);
    let min = c.bundle.macos.minimum_system_version.clone().unwrap();
    let major: u32 = min.split('.').next().unwrap().parse().unwrap();
    // Apple silicon, half of a universal build, runs macOS 11 or later.
    assert!(major >= 11, "minimumSystemVersion {min}");
    assert!(c.bundle.macos.hardened_runtime, "notarization needs it");
}

/// Tauri's `Config` refuses unknown fields, so a typo in a platform file fails here and not
/// only on a Windows or macOS runner.
#[test]
fn a_misspelt_platform_setting_is_refused() {
    let mut merged = json(BASE);
    merged.as_object_mut().unwrap().remove("$schema");
    merge(
        &mut merged,
        &json(r#"{"bundle": {"windows": {"nsis": {"instalMode": "currentUser"}}}}"#),
    );
    let parsed: Result<Config, _> = serde_json::from_value(merged);
    assert!(parsed.is_err(), "a misspelt field was accepted");
}
