//! Journey group `install`: the `.deb` a user gets. Built by `scripts/package` (or taken from
//! `BARRACK_E2E_PACKAGE_DIR`, which `scripts/e2e` sets after building the packages once),
//! installed with `apt-get install`, started from `/usr/bin` under Xvfb through WebDriver to
//! the sign-in screen and the sandbox, then removed: every file it brought is gone and dpkg
//! knows no such package. The package is never left installed (a guard purges it when the
//! journey fails). Prints the sizes of the binary, the .deb and the .rpm.
//!
//! Needs root (apt-get); run with `scripts/e2e install`.

use anyhow::{ensure, Context, Result};
use barrack_e2e::package::{
    can_install, deb_field, deep_link_schemes, dpkg_status, is_installed, package_files, packages,
    size_text, tauri_config, Installed,
};
use barrack_e2e::prefill::prefill_settings;
use barrack_e2e::{explore_sandbox_from_sign_in, Journey};
use std::fs;
use std::path::{Path, PathBuf};

/// Where the package puts the program.
const INSTALLED_BINARY: &str = "/usr/bin/barrack-desktop";

/// The `.desktop` entry's `Key=value` lines.
fn desktop_entry(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .map(str::to_owned)
}

/// The launcher: name, program, icon, category, and the `barrack:` scheme when the
/// configuration registers it (tauri-plugin-deep-link).
fn check_desktop_file(j: &Journey, path: &Path) -> Result<()> {
    let text = fs::read_to_string(path).with_context(|| format!("read {}", path.display()))?;
    j.log(format!("{}:\n{}", path.display(), text.trim_end()));
    let entry = |key| desktop_entry(&text, key).unwrap_or_default();
    ensure!(entry("Type") == "Application", "Type= in {text:?}");
    ensure!(entry("Name") == "Barrack Desktop", "Name= in {text:?}");
    let exec = entry("Exec");
    ensure!(
        exec.split_whitespace().next() == Some("barrack-desktop"),
        "Exec= starts the installed program: {exec:?}"
    );
    ensure!(entry("Icon") == "barrack-desktop", "Icon= in {text:?}");
    ensure!(
        entry("Categories").split(';').any(|c| c == "Development"),
        "Categories= holds Development (bundle.category DeveloperTool): {text:?}"
    );
    let schemes = deep_link_schemes(&tauri_config()?);
    let mime = entry("MimeType");
    for scheme in &schemes {
        let wanted = format!("x-scheme-handler/{scheme}");
        ensure!(
            mime.split(';').any(|m| m == wanted),
            "tauri.conf.json registers {scheme}: but MimeType= is {mime:?}"
        );
        ensure!(
            exec.contains("%u") || exec.contains("%U"),
            "a scheme handler takes the link as an argument: Exec={exec:?}"
        );
    }
    j.log(format!(
        "desktop file checked (schemes registered in the configuration: {schemes:?})"
    ));
    Ok(())
}

/// Installs the .deb, starts the installed app to the sign-in screen and the sandbox, quits
/// it, removes the package and checks nothing of it is left.
#[tokio::test(flavor = "multi_thread")]
async fn install_deb_start_and_remove() -> Result<()> {
    let Some(j) = Journey::begin("install_deb") else {
        return Ok(());
    };
    if !can_install(&j) {
        return Ok(());
    }
    let pkgs = packages(&j)?;
    j.log(format!("sizes of version {}:", pkgs.version));
    if let Some(binary) = &pkgs.binary {
        j.log(format!(
            "  binary {} {}",
            size_text(binary),
            binary.display()
        ));
    }
    j.log(format!(
        "  deb    {} {}",
        size_text(&pkgs.deb),
        pkgs.deb.display()
    ));
    if let Some(rpm) = &pkgs.rpm {
        j.log(format!("  rpm    {} {}", size_text(rpm), rpm.display()));
    }

    // The control file: the version of this tree and the declared dependencies.
    let name = deb_field(&pkgs.deb, "Package")?;
    let version = deb_field(&pkgs.deb, "Version")?;
    ensure!(
        version == pkgs.version,
        "the .deb is version {version}, tauri.conf.json says {}",
        pkgs.version
    );
    let depends = deb_field(&pkgs.deb, "Depends")?;
    for needed in [
        "libwebkit2gtk-4.1-0",
        "libgtk-3-0",
        "libayatana-appindicator3-1",
    ] {
        ensure!(
            depends.contains(needed),
            "Depends lacks {needed}: {depends}"
        );
    }
    j.log(format!("package {name} {version}; Depends: {depends}"));

    // Declared before the driver, so it is dropped after it: the app has ended before a
    // failed journey's package is purged.
    let installed = Installed::install(&j, &pkgs.deb)?;
    let (status, installed_version) = dpkg_status(&name).context("dpkg knows the package")?;
    ensure!(
        status == "install ok installed" && installed_version == version,
        "dpkg-query says {status:?} {installed_version:?}"
    );
    let files = package_files(&name)?;
    j.log(format!("{} files installed", files.len()));
    let has = |p: &str| files.iter().any(|f| f == Path::new(p));
    ensure!(has(INSTALLED_BINARY), "{INSTALLED_BINARY} in {files:?}");
    let desktop: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            f.starts_with("/usr/share/applications")
                && f.extension().is_some_and(|e| e == "desktop")
        })
        .collect();
    ensure!(desktop.len() == 1, "one .desktop file: {desktop:?}");
    check_desktop_file(&j, desktop[0])?;
    let icons: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            f.starts_with("/usr/share/icons/hicolor")
                && f.file_name().is_some_and(|n| n == "barrack-desktop.png")
        })
        .collect();
    j.log(format!("icons: {icons:?}"));
    for size in ["32x32", "128x128"] {
        ensure!(
            icons
                .iter()
                .any(|i| i.to_string_lossy().contains(&format!("/{size}/"))),
            "a {size} icon in {icons:?}"
        );
    }
    if let Ok(kib) = deb_field(&pkgs.deb, "Installed-Size") {
        j.log(format!("installed size: {kib} KiB"));
    }

    // The installed program, as a user starts it: the sign-in screen, then the sandbox.
    // Installed from a package, it would check the shipped update address (GitHub) a few
    // seconds after the first data; tests reach only loopback, so that check is turned off
    // as a user can (Settings › Software updates). The update journey tests the check.
    prefill_settings(&j, serde_json::json!({ "autoUpdateCheck": false }))?;
    let driver = j.driver().await?;
    let mut app = driver.open_binary(Path::new(INSTALLED_BINARY), &[]).await?;
    ensure!(
        !app.pids.is_empty(),
        "the running app is {INSTALLED_BINARY} (no process of it in the session)"
    );
    let balance = explore_sandbox_from_sign_in(&mut app, "installed-").await?;
    j.log(format!("installed app in the sandbox, balance {balance:?}"));
    app.quit().await?;
    driver.stop();

    // Removed: nothing of it left, and dpkg no longer knows it.
    installed.remove(&j)?;
    let left: Vec<&PathBuf> = files
        .iter()
        .filter(|f| f.exists() || f.is_symlink())
        .collect();
    ensure!(left.is_empty(), "files left after removal: {left:?}");
    ensure!(
        !is_installed(&name) && dpkg_status(&name).is_none(),
        "dpkg-query still knows {name}: {:?}",
        dpkg_status(&name)
    );
    j.log(format!(
        "{name} removed: its {} files are gone",
        files.len()
    ));
    j.finish();
    Ok(())
}
