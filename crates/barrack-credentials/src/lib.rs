//! Credentials and profiles, shared by the `barrack` CLI and the desktop app.
//!
//! - The API key lives **only** in the OS keyring (Secret Service on Linux, Keychain on
//!   macOS, Credential Manager on Windows): service [`KEYRING_SERVICE`], account = the
//!   profile name. Nothing falls back to a file: without a keyring the caller gets
//!   [`CredentialError::Unavailable`] (code `KeychainUnavailable`) and a message that says
//!   what to install or unlock.
//! - Non-secret profile settings (base URL, auth scheme, key hint, the default profile) are
//!   in [`profiles`]: one store, `profiles.json`, read and written by both the CLI and the app.
//! - Signing in, out and removing a profile are [`sign_in`]'s, for both.

pub mod ci;
pub mod key_file;
pub mod profiles;
pub mod sign_in;

use barrack_api::ApiKey;

/// The keyring entry's service name; the entry's account is the profile name.
pub const KEYRING_SERVICE: &str = "ai.barrack.desktop";
/// The profile used when none is named.
pub const DEFAULT_PROFILE: &str = "default";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// No usable keyring: none installed, locked, or no session bus.
    #[error("{0}")]
    Unavailable(String),
    /// The keyring answered with something else that went wrong.
    #[error("keyring error: {0}")]
    Other(String),
}

impl CredentialError {
    /// The stable code the UI and CLI branch on.
    pub fn code(&self) -> &'static str {
        match self {
            CredentialError::Unavailable(_) => "KeychainUnavailable",
            CredentialError::Other(_) => "KeychainError",
        }
    }
}

/// Where API keys are kept. The OS keyring in the product; tests may use [`MemoryStore`].
pub trait SecretStore: Send + Sync {
    fn get(&self, profile: &str) -> Result<Option<ApiKey>, CredentialError>;
    fn set(&self, profile: &str, key: &ApiKey) -> Result<(), CredentialError>;
    /// Returns whether there was an entry.
    fn delete(&self, profile: &str) -> Result<bool, CredentialError>;
}

/// The operating system's keyring.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsKeyring;

const UNAVAILABLE_HINT: &str = if cfg!(target_os = "linux") {
    "No usable OS keyring: the API key is kept only in a Secret Service keyring. Install and \
     unlock one (for example gnome-keyring or KWallet, with a D-Bus session running), then try \
     again. The key is not stored anywhere else."
} else if cfg!(target_os = "macos") {
    "The macOS Keychain is not available or is locked: unlock it and try again."
} else {
    "The Windows Credential Manager is not available: sign in to a normal user session and try again."
};

fn map_error(e: keyring::Error) -> CredentialError {
    use keyring::Error as K;
    match e {
        K::NoStorageAccess(inner) => {
            CredentialError::Unavailable(format!("{UNAVAILABLE_HINT} ({inner})"))
        }
        K::PlatformFailure(inner) => {
            let text = inner.to_string();
            // Known texts of "no Secret Service" (see ../shared/TOOLCHAIN.md): any D-Bus
            // failure ("DBus error: Failed to connect to socket …", "… ServiceUnknown …",
            // "Unable to autolaunch a dbus-daemon …") and a locked or missing collection.
            let lower = text.to_ascii_lowercase();
            if lower.contains("dbus")
                || lower.contains("d-bus")
                || lower.contains("no result found")
                || lower.contains("autolaunch")
            {
                CredentialError::Unavailable(format!("{UNAVAILABLE_HINT} ({text})"))
            } else {
                CredentialError::Other(text)
            }
        }
        other => CredentialError::Other(other.to_string()),
    }
}

fn entry(profile: &str) -> Result<keyring::Entry, CredentialError> {
    keyring::Entry::new(KEYRING_SERVICE, profile).map_err(map_error)
}

impl SecretStore for OsKeyring {
    fn get(&self, profile: &str) -> Result<Option<ApiKey>, CredentialError> {
        match entry(profile)?.get_password() {
            Ok(k) => Ok(Some(ApiKey::new(k))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    fn set(&self, profile: &str, key: &ApiKey) -> Result<(), CredentialError> {
        entry(profile)?
            .set_password(key.expose())
            .map_err(map_error)
    }

    fn delete(&self, profile: &str) -> Result<bool, CredentialError> {
        match entry(profile)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(map_error(e)),
        }
    }
}

impl OsKeyring {
    /// Whether a key can be stored right now: writes, reads back and deletes a throw-away
    /// entry (service [`KEYRING_SERVICE`], account `.probe-<pid>-<n>`, never a profile name).
    /// `Err(Unavailable)` when there is no Secret Service, it is locked, or no session bus.
    pub fn probe(&self) -> Result<(), CredentialError> {
        static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let account = format!(".probe-{}-{n}", std::process::id());
        let marker = ApiKey::new(format!("probe-{n}"));
        self.set(&account, &marker)?;
        let read = self.get(&account);
        let deleted = self.delete(&account);
        match read? {
            Some(k) if k == marker => {}
            _ => {
                return Err(CredentialError::Unavailable(format!(
                    "{UNAVAILABLE_HINT} (an entry just written could not be read back)"
                )))
            }
        }
        deleted.map(|_| ())
    }
}

/// An in-memory store for tests of code that takes a [`SecretStore`].
#[derive(Debug, Default)]
pub struct MemoryStore(std::sync::Mutex<std::collections::BTreeMap<String, ApiKey>>);

impl SecretStore for MemoryStore {
    fn get(&self, profile: &str) -> Result<Option<ApiKey>, CredentialError> {
        Ok(self
            .0
            .lock()
            .map_err(|e| CredentialError::Other(e.to_string()))?
            .get(profile)
            .cloned())
    }
    fn set(&self, profile: &str, key: &ApiKey) -> Result<(), CredentialError> {
        self.0
            .lock()
            .map_err(|e| CredentialError::Other(e.to_string()))?
            .insert(profile.to_owned(), key.clone());
        Ok(())
    }
    fn delete(&self, profile: &str) -> Result<bool, CredentialError> {
        Ok(self
            .0
            .lock()
            .map_err(|e| CredentialError::Other(e.to_string()))?
            .remove(profile)
            .is_some())
    }
}

/// Profile names: 1–50 letters, digits, `-`, `_`, `.` (they name keyring entries).
pub fn check_profile_name(name: &str) -> Result<(), String> {
    barrack_api::validate::ssh_key_name("profile", name).map_err(|e| e.to_string())
}
