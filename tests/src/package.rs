//! The installers under test: the `.deb` (and `.rpm`) of the app's current version — built
//! by `scripts/package`, or taken from `BARRACK_E2E_PACKAGE_DIR` when something already built
//! them (`scripts/e2e` does, once per run) — what dpkg knows of the package, and
//! [`Installed`], which never leaves the package on the machine: dropped while the package
//! is still installed (a failed or panicking journey), it purges it.

use crate::host::{is_ci, workspace_root};
use crate::Journey;
use anyhow::{anyhow, bail, Context, Result};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A folder holding the packages already built: the bundle folder (`…/release/bundle`, with
/// `deb/` and `rpm/`) or one with the files themselves.
pub const PACKAGE_DIR_VAR: &str = "BARRACK_E2E_PACKAGE_DIR";

/// The packages of one version.
#[derive(Debug, Clone)]
pub struct Packages {
    pub version: String,
    pub deb: PathBuf,
    pub rpm: Option<PathBuf>,
    /// The release binary they were built from, when it sits beside the bundle folder.
    pub binary: Option<PathBuf>,
}

/// tauri.conf.json, as the packages are built from it.
pub fn tauri_config() -> Result<Value> {
    let path = workspace_root().join("tauri.conf.json");
    let text = fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parse {}", path.display()))
}

/// The version the packages of this tree carry (tauri.conf.json's `version`).
pub fn app_version() -> Result<String> {
    tauri_config()?["version"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("tauri.conf.json has no version"))
}

/// The URL schemes the configuration registers on Linux (tauri-plugin-deep-link's
/// `plugins["deep-link"].desktop`, one object or a list of them), which the bundler writes
/// into the `.desktop` file as `MimeType=x-scheme-handler/<scheme>;`.
pub fn deep_link_schemes(config: &Value) -> Vec<String> {
    let desktop = &config["plugins"]["deep-link"]["desktop"];
    let entries: Vec<&Value> = match desktop {
        Value::Array(list) => list.iter().collect(),
        Value::Object(_) => vec![desktop],
        _ => vec![],
    };
    entries
        .iter()
        .filter_map(|e| e["schemes"].as_array())
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect()
}

/// The files of `version` in `dir` (or its `deb/` and `rpm/`).
pub fn find_packages(dir: &Path, version: &str) -> Option<Packages> {
    let find = |sub: &str, matches: &dyn Fn(&str) -> bool| {
        [dir.to_path_buf(), dir.join(sub)]
            .into_iter()
            .find_map(|d| {
                fs::read_dir(d).ok()?.flatten().map(|e| e.path()).find(|p| {
                    p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(matches)
                })
            })
    };
    let deb = find("deb", &|n| {
        n.ends_with(".deb") && n.contains(&format!("_{version}_"))
    })?;
    let rpm = find("rpm", &|n| {
        n.ends_with(".rpm") && n.contains(&format!("-{version}-"))
    });
    let binary = dir
        .parent()
        .map(|release| release.join("barrack-desktop"))
        .filter(|b| b.is_file());
    Some(Packages {
        version: version.to_owned(),
        deb,
        rpm,
        binary,
    })
}

/// The packages of the current version: from `BARRACK_E2E_PACKAGE_DIR` when it is set (it
/// must hold them), else built now by `scripts/package` (its output in the journey's
/// `package.log`; a warm build takes about a minute, a cold one about 8).
pub fn packages(j: &Journey) -> Result<Packages> {
    let version = app_version()?;
    if let Some(dir) = std::env::var_os(PACKAGE_DIR_VAR).map(PathBuf::from) {
        let found = find_packages(&dir, &version).ok_or_else(|| {
            anyhow!(
                "{PACKAGE_DIR_VAR}={} holds no .deb of version {version}",
                dir.display()
            )
        })?;
        j.log(format!(
            "packages from {PACKAGE_DIR_VAR}: {}",
            dir.display()
        ));
        return Ok(found);
    }
    let log = j.artifacts.join("package.log");
    j.log(format!(
        "building the packages: scripts/package (output in {})",
        log.display()
    ));
    let out = fs::File::create(&log)?;
    let status = Command::new(workspace_root().join("scripts/package"))
        .current_dir(workspace_root())
        // Built for what is installed: no updater signing key from the caller's environment.
        .env_remove("TAURI_SIGNING_PRIVATE_KEY")
        .env_remove("BARRACK_PACKAGE_VERSION")
        .stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out)
        .status()
        .context("run scripts/package")?;
    let text = fs::read_to_string(&log).unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = text.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!("scripts/package failed ({status}):\n{}", tail.join("\n"));
    }
    let line = |kind: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("package: {kind} ")))
            .map(PathBuf::from)
    };
    let deb = line("deb").ok_or_else(|| anyhow!("scripts/package printed no .deb"))?;
    Ok(Packages {
        version,
        deb,
        rpm: line("rpm"),
        binary: line("binary"),
    })
}

/// `12345678 bytes (11.77 MiB)`.
pub fn size_text(path: &Path) -> String {
    match fs::metadata(path) {
        Ok(m) => format!(
            "{} bytes ({:.2} MiB)",
            m.len(),
            m.len() as f64 / (1024.0 * 1024.0)
        ),
        Err(e) => format!("(no size: {e})"),
    }
}

/// Runs `cmd` (no input) and answers its output; a failure says the command and what it
/// printed.
pub fn output(cmd: &mut Command) -> Result<String> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("run {shown}"))?;
    if !out.status.success() {
        bail!(
            "{shown} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A field of a `.deb`'s control file (`dpkg-deb -f`).
pub fn deb_field(deb: &Path, field: &str) -> Result<String> {
    Ok(
        output(Command::new("dpkg-deb").arg("-f").arg(deb).arg(field))?
            .trim()
            .to_owned(),
    )
}

/// dpkg's status and version of `package`, or `None` when dpkg knows no such package.
pub fn dpkg_status(package: &str) -> Option<(String, String)> {
    let out = Command::new("dpkg-query")
        .args(["-W", "-f", "${Status}\t${Version}", package])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (status, version) = text.split_once('\t')?;
    Some((status.to_owned(), version.to_owned()))
}

/// Whether `package` is installed (dpkg's status `install ok installed`).
pub fn is_installed(package: &str) -> bool {
    dpkg_status(package).is_some_and(|(s, _)| s == "install ok installed")
}

/// The files (not folders) `package` installed (`dpkg -L`).
pub fn package_files(package: &str) -> Result<Vec<PathBuf>> {
    let listed = output(Command::new("dpkg").arg("-L").arg(package))?;
    Ok(listed
        .lines()
        .map(PathBuf::from)
        .filter(|p| p.is_file() || p.is_symlink())
        .collect())
}

/// Whether this journey can install packages here (root, apt-get, dpkg). When it cannot,
/// it logs why and returns false (the journey skips) — except under CI, where that is a
/// failure (panic).
pub fn can_install(j: &Journey) -> bool {
    let reason = if !["apt-get", "dpkg", "dpkg-query", "dpkg-deb"]
        .iter()
        .all(|tool| Command::new(tool).arg("--version").output().is_ok())
    {
        Some("apt-get and dpkg are needed (a Debian system)".to_owned())
    } else {
        match output(Command::new("id").arg("-u")) {
            Ok(uid) if uid.trim() == "0" => None,
            Ok(uid) => Some(format!(
                "installing a package needs root (uid {})",
                uid.trim()
            )),
            Err(e) => Some(format!("cannot tell the user id: {e}")),
        }
    };
    match reason {
        None => true,
        Some(reason) if is_ci() => {
            panic!("e2e journey {}: cannot run under CI=true: {reason}", j.name)
        }
        Some(reason) => {
            j.log(format!("SKIPPED: {reason}"));
            false
        }
    }
}

/// A package this journey installed. [`Installed::remove`] removes it and reports failures;
/// if it is dropped with the package still installed (the journey failed), it is purged.
pub struct Installed {
    pub name: String,
    journey: String,
    removed: bool,
}

fn apt_get(args: &[&str], target: &Path) -> Result<String> {
    output(
        Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            // Another apt (a concurrent setup) holds the lock for a while: wait for it.
            .args(["-o", "DPkg::Lock::Timeout=120", "-y"])
            .args(args)
            .arg(target),
    )
}

impl Installed {
    /// `apt-get install -y <deb>` (apt resolves the declared dependencies). A package of the
    /// same name left installed is purged first, so the journey starts from nothing.
    pub fn install(j: &Journey, deb: &Path) -> Result<Installed> {
        let name = deb_field(deb, "Package")?;
        if let Some((status, version)) = dpkg_status(&name) {
            j.log(format!(
                "{name} is known to dpkg before the journey ({status}, {version}): purging it"
            ));
            output(Command::new("dpkg").arg("--purge").arg(&name))?;
        }
        // Armed before apt runs: a half-done install is cleaned up too.
        let guard = Installed {
            name: name.clone(),
            journey: j.name.clone(),
            removed: false,
        };
        let deb = fs::canonicalize(deb)?;
        let log = apt_get(&["install"], &deb).context("apt-get install the .deb")?;
        fs::write(j.artifacts.join("apt-install.log"), &log)?;
        Ok(guard)
    }

    /// `apt-get remove --purge -y <name>`.
    pub fn remove(mut self, j: &Journey) -> Result<()> {
        let log = apt_get(&["remove", "--purge"], Path::new(&self.name))
            .context("apt-get remove the package")?;
        fs::write(j.artifacts.join("apt-remove.log"), &log)?;
        self.removed = true;
        Ok(())
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        if self.removed || dpkg_status(&self.name).is_none() {
            return;
        }
        eprintln!(
            "[e2e {}] the journey ended with {} installed: purging it",
            self.journey, self.name
        );
        let purged = Command::new("dpkg")
            .arg("--purge")
            .arg(&self.name)
            .stdin(Stdio::null())
            .status();
        if !matches!(purged, Ok(s) if s.success()) {
            eprintln!(
                "[e2e {}] dpkg --purge {} failed ({purged:?}): remove it by hand",
                self.journey, self.name
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn deep_link_schemes_in_either_shape() {
        let one = json!({"plugins": {"deep-link": {"desktop": {"schemes": ["barrack"]}}}});
        assert_eq!(deep_link_schemes(&one), ["barrack"]);
        let list = json!({"plugins": {"deep-link": {"desktop": [
            {"schemes": ["barrack"]}, {"schemes": ["other", "third"]}
        ]}}});
        assert_eq!(deep_link_schemes(&list), ["barrack", "other", "third"]);
        assert!(deep_link_schemes(&json!({"plugins": {}})).is_empty());
    }

    #[test]
    fn packages_of_the_version_are_found_in_a_bundle_folder() {
        let root = std::env::temp_dir().join(format!("barrack-e2e-pkg-{}", std::process::id()));
        let bundle = root.join("release/bundle");
        fs::create_dir_all(bundle.join("deb")).unwrap();
        fs::create_dir_all(bundle.join("rpm")).unwrap();
        fs::write(bundle.join("deb/Barrack Desktop_0.1.0_amd64.deb"), b"x").unwrap();
        fs::write(bundle.join("deb/Barrack Desktop_0.2.0_amd64.deb"), b"x").unwrap();
        fs::write(bundle.join("rpm/Barrack Desktop-0.1.0-1.x86_64.rpm"), b"x").unwrap();
        fs::write(root.join("release/barrack-desktop"), b"x").unwrap();
        let found = find_packages(&bundle, "0.1.0").unwrap();
        assert!(found.deb.ends_with("deb/Barrack Desktop_0.1.0_amd64.deb"));
        assert!(found
            .rpm
            .unwrap()
            .ends_with("Barrack Desktop-0.1.0-1.x86_64.rpm"));
        assert_eq!(found.binary, Some(root.join("release/barrack-desktop")));
        assert!(find_packages(&bundle, "0.3.0").is_none());
        // The deb folder itself works too.
        assert!(find_packages(&bundle.join("deb"), "0.2.0").is_some());
        let _ = fs::remove_dir_all(&root);
    }
}
