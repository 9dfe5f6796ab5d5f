//! Non-secret profile settings: base URL and auth scheme per profile, and which profile is
//! the default. A JSON file, `profiles.json`, in the user's configuration folder
//! (`$XDG_CONFIG_HOME/barrack/` on Linux, `~/Library/Application Support/barrack/` on
//! macOS, `%APPDATA%\barrack\` on Windows), or in `$BARRACK_CONFIG_DIR` when set.
//! The API key is never in it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// `None` = Barrack's documented default.
    pub base_url: Option<String>,
    /// `bearer`, `x-api-key` or `header:<Name>`; `None` = bearer.
    pub auth_scheme: Option<String>,
    /// The last four characters of the stored key, for "ends in …abcd".
    pub key_hint: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profiles {
    pub default: Option<String>,
    pub profiles: BTreeMap<String, Profile>,
}

pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("BARRACK_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    dirs::config_dir().map(|d| d.join("barrack"))
}

pub fn path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("profiles.json"))
}

impl Profiles {
    /// Reads the file; a missing file is an empty set, an unreadable one an error.
    pub fn load() -> Result<Profiles, String> {
        let Some(path) = path() else {
            return Ok(Profiles::default());
        };
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| format!("{} is not valid: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Profiles::default()),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// Writes the file atomically (temporary file, then rename).
    pub fn save(&self) -> Result<(), String> {
        let path = path().ok_or("no configuration folder on this system")?;
        let dir = path.parent().ok_or("no configuration folder")?;
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let tmp = dir.join(".profiles.json.tmp");
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(&tmp, bytes).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// The profile to use: the one named, else the file's default, else `default`.
    pub fn resolve_name(&self, named: Option<&str>) -> String {
        named
            .map(str::to_owned)
            .or_else(|| self.default.clone())
            .unwrap_or_else(|| crate::DEFAULT_PROFILE.to_owned())
    }
}
