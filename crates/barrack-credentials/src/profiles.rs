//! The one profile store of the CLI and the desktop app: per profile its base URL, auth
//! scheme and key hint, and which profile is used when none is named (the CLI without
//! `--profile`, the app at start). A JSON file, `profiles.json`, in the user's
//! configuration folder (`$XDG_CONFIG_HOME/barrack/` on Linux, `~/Library/Application
//! Support/barrack/` on macOS, `%APPDATA%\barrack\` on Windows), or in
//! `$BARRACK_CONFIG_DIR` when set. The API key is never in it (see [`crate::sign_in`]).
//!
//! Reading is tolerant, as the app's settings are: a field that cannot be read falls back
//! alone and no profile is ever dropped. A file that is not JSON is renamed
//! `profiles.json.damaged-<UTC>`; one read only in part is copied there and rewritten with
//! what could be read. Either way the caller is told ([`SetAside`]) so it can tell the user.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

pub const PROFILES_FILE: &str = "profiles.json";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// `None` = Barrack's documented default. `Some("")` = the stored address could not be
    /// read: the profile sends its key nowhere until it is signed in to again (falling back
    /// to the default would send a key meant for one server to another).
    pub base_url: Option<String>,
    /// `bearer`, `x-api-key` or `header:<Name>`; `None` = bearer.
    pub auth_scheme: Option<String>,
    /// The last four characters of the stored key, for "ends in …abcd"; `None` when signed out.
    pub key_hint: Option<String>,
}

impl Profile {
    /// The address the key goes to (empty when it could not be read).
    pub fn base_url_or_default(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| barrack_api::DEFAULT_BASE_URL.to_owned())
    }

    pub fn auth_scheme_or_default(&self) -> String {
        self.auth_scheme
            .clone()
            .unwrap_or_else(|| "bearer".to_owned())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profiles {
    /// The profile used when none is named: by the CLI without `--profile`, by the app at start.
    pub default: Option<String>,
    pub profiles: BTreeMap<String, Profile>,
}

impl Profiles {
    /// The profile to use: the one named, else the file's default, else `default`.
    pub fn resolve_name(&self, named: Option<&str>) -> String {
        named
            .map(str::to_owned)
            .or_else(|| self.default.clone())
            .unwrap_or_else(|| crate::DEFAULT_PROFILE.to_owned())
    }
}

pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("BARRACK_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    dirs::config_dir().map(|d| d.join("barrack"))
}

pub fn path() -> Option<PathBuf> {
    config_dir().map(|d| d.join(PROFILES_FILE))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ProfileError(pub String);

/// A profiles file that could not be read whole, kept aside; `message` is for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Where the old file was kept (`None` if it could not be).
    pub kept: Option<PathBuf>,
    pub message: String,
}

/// What [`ProfileStore::load`] read, and whether it had to keep a damaged file aside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub profiles: Profiles,
    pub set_aside: Option<SetAside>,
}

/// Where profiles are kept: the file (read anew each time, since the CLI and the app both
/// write it), or memory for tests.
#[derive(Debug)]
pub struct ProfileStore(Location);

#[derive(Debug)]
enum Location {
    File(PathBuf),
    Memory(Mutex<Profiles>),
}

impl ProfileStore {
    /// The file at `path` (tests give a temporary one).
    pub fn at(path: impl Into<PathBuf>) -> ProfileStore {
        ProfileStore(Location::File(path.into()))
    }

    /// `profiles.json` in [`config_dir`] (`$BARRACK_CONFIG_DIR` when set).
    pub fn default_location() -> Result<ProfileStore, ProfileError> {
        path()
            .map(ProfileStore::at)
            .ok_or_else(|| ProfileError("no configuration folder on this system".into()))
    }

    pub fn in_memory() -> ProfileStore {
        ProfileStore(Location::Memory(Default::default()))
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.0 {
            Location::File(p) => Some(p),
            Location::Memory(_) => None,
        }
    }

    /// Reads the profiles. A missing file is no profiles; a damaged one is kept aside first
    /// (see the module's comment) and reported in [`Loaded::set_aside`].
    pub fn load(&self) -> Result<Loaded, ProfileError> {
        let path = match &self.0 {
            Location::Memory(m) => {
                return Ok(Loaded {
                    profiles: m.lock().map_err(|e| ProfileError(e.to_string()))?.clone(),
                    set_aside: None,
                })
            }
            Location::File(p) => p,
        };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
            // Not overwritten: whoever saves next would replace a file nobody could read.
            Err(e) => return Err(ProfileError(format!("cannot read {}: {e}", path.display()))),
        };
        let value = serde_json::from_slice::<Value>(&bytes)
            .ok()
            .filter(Value::is_object);
        let Some(value) = value else {
            // Not ours to read: moved away, and the store starts empty.
            let kept = damaged_path(path);
            let outcome = std::fs::rename(path, &kept).map(|()| kept);
            return Ok(Loaded {
                profiles: Profiles::default(),
                set_aside: Some(told(path, "could not be read", outcome)),
            });
        };
        let (profiles, whole) = decode(&value);
        if whole {
            return Ok(Loaded {
                profiles,
                set_aside: None,
            });
        }
        // Read in part: the original is copied aside, then the file is rewritten with what
        // was read, so the next load reads it whole and nothing is copied twice.
        let kept = damaged_path(path);
        let outcome = std::fs::copy(path, &kept).map(|_| kept);
        let copied = outcome.is_ok();
        let mut notice = told(path, "could only be read in part", outcome);
        if copied {
            if let Err(e) = self.save(&profiles) {
                notice
                    .message
                    .push_str(&format!(" It could not be rewritten: {e}"));
            }
        }
        Ok(Loaded {
            profiles,
            set_aside: Some(notice),
        })
    }

    /// Writes the profiles atomically: a temporary file beside it, then a rename.
    pub fn save(&self, profiles: &Profiles) -> Result<(), ProfileError> {
        let path = match &self.0 {
            Location::Memory(m) => {
                *m.lock().map_err(|e| ProfileError(e.to_string()))? = profiles.clone();
                return Ok(());
            }
            Location::File(p) => p,
        };
        let dir = path
            .parent()
            .ok_or_else(|| ProfileError(format!("{} has no folder", path.display())))?;
        std::fs::create_dir_all(dir)
            .map_err(|e| ProfileError(format!("cannot create {}: {e}", dir.display())))?;
        // A temporary name no other writer uses: the CLI and the app (other processes) and
        // this process's threads may save at the same time.
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let tmp = dir.join(format!(
            ".{PROFILES_FILE}.tmp-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        let bytes = serde_json::to_vec_pretty(profiles).map_err(|e| ProfileError(e.to_string()))?;
        let written = std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| ProfileError(format!("cannot write {}: {e}", path.display())));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }

    /// Loads, changes and saves; returns what `change` returned and any damage report.
    ///
    /// The whole read-modify-write holds a lock, so two updates never lose each other's
    /// change: a mutex between this process's threads, and an advisory lock on
    /// `.profiles.json.lock` beside the file between processes (the CLI and the app). The
    /// lock file is never removed (removing it would let two writers lock different files).
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut Profiles) -> T,
    ) -> Result<(T, Option<SetAside>), ProfileError> {
        let path = match &self.0 {
            Location::Memory(m) => {
                let mut profiles = m.lock().map_err(|e| ProfileError(e.to_string()))?;
                return Ok((change(&mut profiles), None));
            }
            Location::File(p) => p,
        };
        static IN_PROCESS: Mutex<()> = Mutex::new(());
        // A panic in another update left nothing half-written (saves are atomic).
        let _threads = IN_PROCESS.lock().unwrap_or_else(|e| e.into_inner());
        let _processes = lock_file(path)?;
        let Loaded {
            mut profiles,
            set_aside,
        } = self.load()?;
        let out = change(&mut profiles);
        self.save(&profiles)?;
        Ok((out, set_aside))
    }
}

/// Takes the advisory lock beside `path` (waiting for it), released when the file is dropped.
fn lock_file(path: &Path) -> Result<std::fs::File, ProfileError> {
    let dir = path
        .parent()
        .ok_or_else(|| ProfileError(format!("{} has no folder", path.display())))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| ProfileError(format!("cannot create {}: {e}", dir.display())))?;
    let lock = dir.join(format!(".{PROFILES_FILE}.lock"));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|e| ProfileError(format!("cannot open {}: {e}", lock.display())))?;
    file.lock()
        .map_err(|e| ProfileError(format!("cannot lock {}: {e}", lock.display())))?;
    Ok(file)
}

fn told(path: &Path, how: &str, outcome: std::io::Result<PathBuf>) -> SetAside {
    match outcome {
        Ok(kept) => SetAside {
            message: format!(
                "Your profiles file {how}, so some profile settings were reset. The old file \
                 was kept as {}.",
                kept.display()
            ),
            kept: Some(kept),
        },
        Err(e) => SetAside {
            kept: None,
            message: format!(
                "Your profiles file {how}, so some profile settings were reset. It could not \
                 be kept aside ({e}): copy {} now if you want to restore it by hand.",
                path.display()
            ),
        },
    }
}

/// Where a damaged file is kept: `<its name>.damaged-<UTC time>` beside it
/// (`profiles.json.damaged-20261203T143000Z`), made unique if that name is taken. The app's
/// settings file uses the same rule (src-tauri/store.rs).
pub fn damaged_path(path: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| PROFILES_FILE.to_owned());
    let base = path.with_file_name(format!("{name}.damaged-{stamp}"));
    let mut candidate = base.clone();
    let mut n = 1;
    while candidate.exists() {
        n += 1;
        candidate = PathBuf::from(format!("{}-{n}", base.display()));
    }
    candidate
}

/// Prefix of the names given to profiles whose own name cannot be read.
pub const RECOVERED_PROFILE_PREFIX: &str = "recovered-";

/// The profiles in a JSON object, field by field; `true` when everything could be read.
pub fn decode(value: &Value) -> (Profiles, bool) {
    let mut whole = true;
    let empty = Map::new();
    let o = value.as_object().unwrap_or(&empty);
    let default = match o.get("default") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(_) => {
            whole = false;
            None
        }
    };
    let mut profiles = BTreeMap::new();
    match o.get("profiles") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (name, v) in map {
                profiles.insert(name.clone(), decode_profile(v, &mut whole));
            }
        }
        // A list (the app's old shape, or a hand edit): each named by its `name`.
        Some(Value::Array(items)) => {
            whole = false;
            let mut unnamed = Vec::new();
            for v in items {
                let name = v
                    .get("name")
                    .and_then(Value::as_str)
                    .filter(|n| !n.trim().is_empty() && !profiles.contains_key(*n));
                let p = decode_profile(v, &mut whole);
                match name {
                    Some(n) => {
                        profiles.insert(n.to_owned(), p);
                    }
                    None => unnamed.push(p),
                }
            }
            let mut n = 0;
            for p in unnamed {
                let name = loop {
                    n += 1;
                    let candidate = format!("{RECOVERED_PROFILE_PREFIX}{n}");
                    if !profiles.contains_key(&candidate) {
                        break candidate;
                    }
                };
                profiles.insert(name, p);
            }
        }
        Some(_) => whole = false,
    }
    (Profiles { default, profiles }, whole)
}

/// One profile, field by field. Only a missing address means the default one; an address
/// that is there but unreadable is kept as unusable (`Some("")`).
fn decode_profile(v: &Value, whole: &mut bool) -> Profile {
    let Some(o) = v.as_object() else {
        *whole = false;
        return Profile {
            base_url: Some(String::new()),
            ..Profile::default()
        };
    };
    let mut text = |key: &str, alt: &str| match o.get(key).or_else(|| o.get(alt)) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(Ok(s.clone())),
        Some(_) => {
            *whole = false;
            Some(Err(()))
        }
    };
    let base_url = text("base_url", "baseUrl").map(|r| r.unwrap_or_default());
    let auth_text = text("auth_scheme", "authScheme");
    let key_hint = text("key_hint", "keyHint").and_then(Result::ok);
    let auth_scheme = match auth_text {
        Some(Ok(a)) if a.parse::<barrack_api::AuthScheme>().is_ok() => Some(a),
        None => None,
        Some(_) => {
            *whole = false;
            None
        }
    };
    Profile {
        base_url,
        auth_scheme,
        key_hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn store() -> (tempfile::TempDir, ProfileStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::at(dir.path().join(PROFILES_FILE));
        (dir, store)
    }

    fn damaged_files(dir: &Path) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("profiles.json.damaged-")
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn saves_and_loads_and_a_missing_file_is_empty() {
        let (dir, store) = store();
        assert_eq!(store.load().unwrap(), Loaded::default());
        let mut p = Profiles {
            default: Some("work".into()),
            ..Default::default()
        };
        p.profiles.insert(
            "work".into(),
            Profile {
                base_url: Some("https://barrack.ai/api/".into()),
                auth_scheme: Some("x-api-key".into()),
                key_hint: Some("…abcd".into()),
            },
        );
        store.save(&p).unwrap();
        assert_eq!(store.load().unwrap().profiles, p);
        // No temporary file left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn an_unparseable_file_is_set_aside_and_reported() {
        let (dir, store) = store();
        let text = r#"{"profiles": {"work": {"base_url": "https://barrack.ai/api/""#;
        std::fs::write(store.path().unwrap(), text).unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.profiles, Profiles::default());
        let told = loaded.set_aside.expect("the caller is told");
        let kept = damaged_files(dir.path());
        assert_eq!(kept.len(), 1);
        assert_eq!(told.kept.as_ref(), Some(&kept[0]));
        assert_eq!(
            std::fs::read_to_string(&kept[0]).unwrap(),
            text,
            "byte for byte"
        );
        let name = kept[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.len() == "profiles.json.damaged-20261203T143000Z".len() && name.ends_with('Z'),
            "{name}"
        );
        assert!(told.message.contains(&name), "{}", told.message);
        assert!(!store.path().unwrap().exists());
        // Told once: the next load finds no file.
        assert_eq!(store.load().unwrap().set_aside, None);
        // A second damaged file the same second does not replace the first one kept.
        std::fs::write(store.path().unwrap(), "[1, 2]").unwrap();
        assert!(store.load().unwrap().set_aside.is_some());
        assert_eq!(damaged_files(dir.path()).len(), 2);
    }

    #[test]
    fn a_file_read_in_part_keeps_every_profile_and_is_copied_aside_once() {
        let (dir, store) = store();
        let text = json!({
            "default": 7,
            "profiles": {
                "work": {"base_url": 42, "auth_scheme": "bearer", "key_hint": "…wxyz"},
                "home": {"base_url": "https://barrack.ai/api/", "auth_scheme": {"x": 1}},
                "old": {"key_hint": "…1234"},
                "odd": "not an object"
            }
        })
        .to_string();
        std::fs::write(store.path().unwrap(), &text).unwrap();
        let loaded = store.load().unwrap();
        let p = &loaded.profiles;
        assert_eq!(p.default, None);
        assert_eq!(p.profiles.len(), 4, "no profile is dropped");
        assert_eq!(
            p.profiles["work"].base_url.as_deref(),
            Some(""),
            "unusable, not the default"
        );
        assert_eq!(p.profiles["work"].key_hint.as_deref(), Some("…wxyz"));
        assert_eq!(p.profiles["home"].auth_scheme, None, "bearer");
        assert_eq!(
            p.profiles["old"].base_url, None,
            "missing = the default address"
        );
        assert_eq!(
            p.profiles["old"].base_url_or_default(),
            barrack_api::DEFAULT_BASE_URL
        );
        assert_eq!(p.profiles["odd"].base_url.as_deref(), Some(""));
        assert!(loaded.set_aside.is_some());
        let kept = damaged_files(dir.path());
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), text);
        // Rewritten with what was read: the next load is whole and copies nothing.
        let again = store.load().unwrap();
        assert_eq!(again.set_aside, None);
        assert_eq!(&again.profiles, p);
        assert_eq!(damaged_files(dir.path()).len(), 1);
    }

    #[test]
    fn concurrent_updates_all_land_and_leave_no_temporary_file() {
        let (dir, store) = store();
        let store = std::sync::Arc::new(store);
        // Two stores on one file, as the CLI and the app each open their own.
        let other = std::sync::Arc::new(ProfileStore::at(store.path().unwrap()));
        let threads: Vec<_> = (0..16)
            .map(|i| {
                let s = if i % 2 == 0 {
                    store.clone()
                } else {
                    other.clone()
                };
                std::thread::spawn(move || {
                    for j in 0..5 {
                        s.update(|p| {
                            p.profiles.insert(
                                format!("p{i}-{j}"),
                                Profile {
                                    key_hint: Some(format!("…{i:02}{j:02}")),
                                    ..Profile::default()
                                },
                            );
                        })
                        .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let loaded = store.load().unwrap();
        assert_eq!(loaded.set_aside, None, "never read damaged");
        assert_eq!(
            loaded.profiles.profiles.len(),
            16 * 5,
            "every update landed"
        );
        assert_eq!(
            loaded.profiles.profiles["p7-3"].key_hint.as_deref(),
            Some("…0703")
        );
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_list_of_profiles_is_read_with_recovered_names() {
        let (profiles, whole) = decode(&json!({
            "profiles": [
                {"name": "work", "baseUrl": "https://barrack.ai/api/", "authScheme": "x-api-key"},
                {"baseUrl": "https://other.example/api/"},
                {"name": "work", "baseUrl": "https://dup.example/api/"}
            ]
        }));
        assert!(!whole);
        let names: Vec<&str> = profiles.profiles.keys().map(String::as_str).collect();
        assert_eq!(names, ["recovered-1", "recovered-2", "work"]);
        assert_eq!(
            profiles.profiles["work"].auth_scheme.as_deref(),
            Some("x-api-key")
        );
    }
}
