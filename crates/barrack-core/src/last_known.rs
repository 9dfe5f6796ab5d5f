//! The last state the window showed of a signed-in profile, kept in the app's data folder so
//! the next start paints it at once ("as of 14:02") while the first fetches run — and keeps
//! it on screen when the API cannot be reached at start.
//!
//! One file per profile (`last-known/<profile, encoded>.json`), holding the dashboard's
//! overview: the balances, burn rate and runway, and every VM with its rates. The header's
//! balance and the instances list are the same facts, so the window derives them from it.
//! The sandbox (fresh at every start) is never kept.
//!
//! Nothing secret goes in: the key is inside the session's client only and never reaches an
//! overview; the API types keep only the fields they declare, and none of the VM's carries
//! a secret (a deployment's Jupyter password and cloud-init are in the deploy request, which
//! no list answers) — a test deploys with both and reads the file.
//!
//! A file is written only when its overview changed, atomically (a temporary file renamed
//! over it). One that cannot be read (damaged, or written by another version) is ignored and
//! replaced by the next save. Signing out of a profile, removing it, or signing in to it
//! again (perhaps another account) deletes its file.

use crate::error::AppError;
use crate::overview::{self, AccountOverview};
use crate::state::{AppState, Session};
use barrack_api::decode::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The file format's version: a file of another version is ignored.
pub const VERSION: u32 = 2;

/// The folder inside the app's data folder.
pub const FOLDER: &str = "last-known";

/// One profile's last-known state, as kept and as the window gets it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LastKnown {
    pub version: u32,
    /// When the data was fetched (the window says "as of" this, in local time).
    pub saved_at: Timestamp,
    /// The server it came from: a profile pointed elsewhere since does not paint it.
    pub base_url: String,
    /// The last four characters of the key it was fetched with (as the profile list shows
    /// them): a profile given another key since (the CLI's `barrack login`, perhaps another
    /// account) does not paint it.
    pub key_hint: String,
    /// The dashboard's overview (balances, burn, runway, the VMs with their rates).
    pub overview: AccountOverview,
}

/// What was last written for a profile (or when its file was deleted), so an unchanged
/// overview is not written again and a fetch older than what is kept cannot overwrite it.
#[derive(Debug, Clone)]
struct Written {
    at: Timestamp,
    /// The overview as written; `None`: the file was deleted at `at`.
    body: Option<String>,
}

/// Where the profiles' last-known states are kept; nowhere (nothing kept) until the app
/// gives it its data folder.
#[derive(Debug, Default)]
pub struct LastKnownStore {
    dir: Option<PathBuf>,
    /// Held while a file is compared, written or deleted (one writer at a time).
    written: Mutex<HashMap<String, Written>>,
}

impl LastKnownStore {
    /// Keeps nothing (tests of other modules; the app without a data folder).
    pub fn nowhere() -> Self {
        Self::default()
    }

    /// Keeps the files in `app_data`/[`FOLDER`].
    pub fn in_folder(app_data: &Path) -> Self {
        LastKnownStore {
            dir: Some(app_data.join(FOLDER)),
            written: Mutex::default(),
        }
    }

    /// The file of `profile`.
    pub fn path(&self, profile: &str) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(format!("{}.json", file_stem(profile))))
    }

    fn written(&self) -> std::sync::MutexGuard<'_, HashMap<String, Written>> {
        self.written.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The profile's last-known state, if one from `base_url` with the key ending in
    /// `key_hint` can be read. Remembers what the file holds (when it is that one), so the
    /// same overview is not written again.
    pub fn load(&self, profile: &str, base_url: &str, key_hint: &str) -> Option<LastKnown> {
        let path = self.path(profile)?;
        let mut written = self.written();
        let text = std::fs::read_to_string(&path).ok()?;
        let kept = match serde_json::from_str::<LastKnown>(&text) {
            Ok(k) if k.version == VERSION => k,
            Ok(k) => {
                log::info!(
                    "last-known state of {profile:?}: version {} ignored",
                    k.version
                );
                return None;
            }
            Err(e) => {
                log::warn!("last-known state of {profile:?} ignored: {e}");
                return None;
            }
        };
        if kept.base_url != base_url || kept.key_hint != key_hint {
            return None;
        }
        if let Ok(body) = serde_json::to_string(&kept.overview) {
            written.insert(
                profile.to_owned(),
                Written {
                    at: kept.saved_at,
                    body: Some(body),
                },
            );
        }
        Some(kept)
    }

    /// Keeps `overview`, fetched at `fetched_at`, as the profile's last-known state —
    /// unless it is what the file holds already, or something fetched later (or the file's
    /// deletion) came first. Says whether the file was written.
    pub fn save(
        &self,
        profile: &str,
        base_url: &str,
        key_hint: &str,
        overview: &AccountOverview,
        fetched_at: Timestamp,
    ) -> std::io::Result<bool> {
        let Some(path) = self.path(profile) else {
            return Ok(false);
        };
        let body = serde_json::to_string(overview)?;
        let mut written = self.written();
        if let Some(w) = written.get(profile) {
            if w.at >= fetched_at || w.body.as_deref() == Some(body.as_str()) {
                return Ok(false);
            }
        }
        let kept = LastKnown {
            version: VERSION,
            saved_at: fetched_at,
            base_url: base_url.to_owned(),
            key_hint: key_hint.to_owned(),
            overview: overview.clone(),
        };
        write_atomically(&path, &serde_json::to_vec(&kept)?)?;
        written.insert(
            profile.to_owned(),
            Written {
                at: fetched_at,
                body: Some(body),
            },
        );
        Ok(true)
    }

    /// Deletes the profile's file (signed out, removed, or signed in to again); a save of
    /// something fetched before now is not written after it.
    pub fn forget(&self, profile: &str) {
        let Some(path) = self.path(profile) else {
            return;
        };
        let mut written = self.written();
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => log::warn!("last-known state of {profile:?} not deleted: {e}"),
        }
        written.insert(
            profile.to_owned(),
            Written {
                at: Timestamp::now(),
                body: None,
            },
        );
    }
}

/// A file name for any profile name: lowercase ASCII letters, digits and `-` as they are,
/// every other byte as `_` and two hex digits. Distinct names give distinct files, also on
/// file systems that ignore case, and no name leaves the folder.
pub fn file_stem(profile: &str) -> String {
    let mut out = String::with_capacity(profile.len());
    for b in profile.bytes() {
        if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' {
            out.push(b as char);
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    out
}

/// Writes `bytes` to a temporary file next to `path`, then renames it over `path`: a reader
/// (or a crash) never sees half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("state");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The session whose state may be kept: a signed-in profile, not the sandbox.
fn keepable(session: Option<Session>) -> Option<Session> {
    session.filter(|s| !s.sandbox)
}

/// The current profile's last-known state, or none (signed out, the sandbox, nothing kept).
/// No network: waits only for the start-up restore (the keyring), as `get_session` does.
pub async fn current(state: &AppState) -> Option<LastKnown> {
    drop(state.startup.lock().await);
    let session = keepable(state.current().await)?;
    // A file read: off the async threads, which also serve the window's first requests.
    let store = state.last_known.clone();
    tokio::task::spawn_blocking(move || {
        store.load(&session.profile, &session.base_url, &session.key_hint)
    })
    .await
    .ok()
    .flatten()
}

/// The dashboard's overview, kept as the profile's last-known state once it has answered
/// (off the answer's path) if the session it was fetched with is still the current one.
pub async fn account_overview(state: &AppState) -> Result<AccountOverview, AppError> {
    // The window asks for it as its bundle starts to run (ui/src/app/startEarly.ts), before
    // it knows the session: answered once the start-up restore is done, as get_session is.
    drop(state.startup.lock().await);
    // Dated before the session is read: a sign-in's forget after it is never overwritten.
    let fetched_at = Timestamp::now();
    let owner = keepable(state.current().await);
    let fresh = overview::account_overview(state).await?;
    // Still the same profile, server and key (a sign-in meanwhile may be another account).
    let still = state.current().await.map(|s| (s.identity(), s.key_hint));
    if let Some(owner) = owner.filter(|o| Some((o.identity(), o.key_hint.clone())) == still) {
        let (store, kept) = (state.last_known.clone(), fresh.clone());
        tokio::task::spawn_blocking(move || {
            let (profile, url, hint) = (&owner.profile, &owner.base_url, &owner.key_hint);
            if let Err(e) = store.save(profile, url, hint, &kept, fetched_at) {
                log::warn!("last-known state of {:?} not saved: {e}", owner.profile);
            }
        });
    }
    Ok(fresh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::MemorySettings;
    use barrack_api::types::*;
    use barrack_credentials::MemoryStore;
    use std::sync::Arc;

    fn folder(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "brk-last-known-{label}-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn at(secs: i64) -> Timestamp {
        Timestamp(chrono::DateTime::from_timestamp(1_790_000_000 + secs, 0).unwrap())
    }

    fn overview(balance: f64, vm: &str) -> AccountOverview {
        AccountOverview {
            account_id: Some("acct-1".into()),
            currency: CurrencyEnum::Usd,
            balances: vec![Balance {
                currency: CurrencyEnum::Usd,
                amount: balance,
            }],
            balance,
            burn: Default::default(),
            runway_hours: None,
            profile_complete: true,
            instances: vec![overview::InstanceRow {
                vm: VMInstance {
                    id: format!("id-{vm}"),
                    name: vm.into(),
                    status: VMStatus::Active,
                    status_changed_at: Some(at(-60)),
                    ..Default::default()
                },
                hourly_rate: 2.49,
                full_rate: Some(2.49),
                running_since: Some(at(-60)),
                cost_to_date: 12.5,
                unknown_state: false,
            }],
        }
    }

    const URL: &str = "https://barrack.example/api/";
    const HINT: &str = "x7Qa";

    #[test]
    fn a_saved_state_comes_back_as_it_was() {
        let dir = folder("round-trip");
        let store = LastKnownStore::in_folder(&dir);
        let o = overview(120.5, "train");
        assert!(store.save("work", URL, HINT, &o, at(0)).unwrap());
        let back = LastKnownStore::in_folder(&dir)
            .load("work", URL, HINT)
            .unwrap();
        assert_eq!(back.version, VERSION);
        assert_eq!(back.saved_at, at(0));
        assert_eq!(back.base_url, URL);
        assert_eq!(
            serde_json::to_value(&back.overview).unwrap(),
            serde_json::to_value(&o).unwrap()
        );
        // Another server's state is not this profile's any more.
        assert!(LastKnownStore::in_folder(&dir)
            .load("work", "https://elsewhere.example/api/", HINT)
            .is_none());
        // Nor is the state fetched with another key (the CLI re-keyed the profile): and an
        // identical overview fetched with the new key is written (not taken as kept).
        let rekeyed = LastKnownStore::in_folder(&dir);
        assert!(rekeyed.load("work", URL, "b2Zz").is_none());
        assert!(rekeyed.save("work", URL, "b2Zz", &o, at(60)).unwrap());
        assert_eq!(rekeyed.load("work", URL, "b2Zz").unwrap().key_hint, "b2Zz");
        assert!(rekeyed.load("work", URL, HINT).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn each_profile_has_its_own_file() {
        let dir = folder("profiles");
        let store = LastKnownStore::in_folder(&dir);
        store
            .save("work", URL, HINT, &overview(1.0, "work-vm"), at(0))
            .unwrap();
        store
            .save("Work", URL, HINT, &overview(2.0, "other-vm"), at(0))
            .unwrap();
        let again = LastKnownStore::in_folder(&dir);
        assert_eq!(again.load("work", URL, HINT).unwrap().overview.balance, 1.0);
        assert_eq!(again.load("Work", URL, HINT).unwrap().overview.balance, 2.0);
        assert!(again.load("lab", URL, HINT).is_none());
        // Forgetting one leaves the other.
        again.forget("work");
        assert!(again.load("work", URL, HINT).is_none());
        assert!(again.load("Work", URL, HINT).is_some());
        // No name leaves the folder or collides.
        for name in ["../up", "a/b", "..", "WORK", "wörk", ""] {
            let path = store.path(name).unwrap();
            assert_eq!(path.parent(), Some(dir.join(FOLDER).as_path()), "{name:?}");
            assert_ne!(path, store.path("work").unwrap());
        }
        assert_ne!(file_stem("a_2f"), file_stem("a/"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn it_is_written_only_when_it_changed() {
        let dir = folder("changed");
        let store = LastKnownStore::in_folder(&dir);
        let path = store.path("work").unwrap();
        assert!(store
            .save("work", URL, HINT, &overview(5.0, "a"), at(0))
            .unwrap());
        assert!(!store
            .save("work", URL, HINT, &overview(5.0, "a"), at(60))
            .unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        // A restart reads it and does not write the same again either.
        let restarted = LastKnownStore::in_folder(&dir);
        restarted.load("work", URL, HINT).unwrap();
        assert!(!restarted
            .save("work", URL, HINT, &overview(5.0, "a"), at(120))
            .unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        // A change is written, with its time.
        assert!(restarted
            .save("work", URL, HINT, &overview(4.0, "a"), at(180))
            .unwrap());
        assert_eq!(restarted.load("work", URL, HINT).unwrap().saved_at, at(180));
        // Something fetched before what is kept does not replace it.
        assert!(!restarted
            .save("work", URL, HINT, &overview(3.0, "a"), at(90))
            .unwrap());
        assert_eq!(
            restarted.load("work", URL, HINT).unwrap().overview.balance,
            4.0
        );
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.join(FOLDER))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("work.json")]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_ignored_and_replaced() {
        let dir = folder("damaged");
        let store = LastKnownStore::in_folder(&dir);
        let path = store.path("work").unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        for text in [
            "{\"version\": 1, \"savedAt\": ".to_owned(),
            "\u{0}\u{ff}garbage".to_owned(),
            "[]".to_owned(),
            serde_json::json!({"version": 99, "savedAt": "2026-01-01T00:00:00Z",
                "baseUrl": URL, "overview": {"whatever": true}})
            .to_string(),
        ] {
            std::fs::write(&path, &text).unwrap();
            let store = LastKnownStore::in_folder(&dir);
            assert!(store.load("work", URL, HINT).is_none(), "{text}");
            assert!(store
                .save("work", URL, HINT, &overview(7.0, "a"), at(0))
                .unwrap());
            assert_eq!(store.load("work", URL, HINT).unwrap().overview.balance, 7.0);
        }
        // A folder where the file should be: nothing loads, the save fails, nothing panics.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir_all(&path).unwrap();
        let store = LastKnownStore::in_folder(&dir);
        assert!(store.load("work", URL, HINT).is_none());
        assert!(store
            .save("work", URL, HINT, &overview(7.0, "a"), at(0))
            .is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A state signed in (as a profile, not the sandbox) to a fresh emulator, keeping its
    /// last-known states in `dir`.
    async fn signed_in(dir: &Path) -> (AppState, barrack_sim::RunningSim) {
        let sim = barrack_sim::start(barrack_sim::SimConfig {
            seed: barrack_sim::Seed::Sandbox,
            ..Default::default()
        })
        .await
        .unwrap();
        let state = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        )
        .with_last_known(Arc::new(LastKnownStore::in_folder(dir)));
        crate::session::sign_in(
            &state,
            crate::session::SignInRequest {
                profile: Some("work".into()),
                base_url: Some(sim.url()),
                auth_scheme: None,
                api_key: sim.api_key.clone(),
            },
        )
        .await
        .unwrap();
        (state, sim)
    }

    async fn wait_for_file(path: &Path) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if let Ok(text) = std::fs::read_to_string(path) {
                return text;
            }
            assert!(std::time::Instant::now() < deadline, "never written");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    #[tokio::test]
    async fn the_saved_file_holds_nothing_secret() {
        let dir = folder("secret");
        let (state, sim) = signed_in(&dir).await;
        // A VM deployed with a Jupyter password and a cloud-init script.
        let client = state.client().await.unwrap();
        let keys = client.list_ssh_keys().await.unwrap().ssh_keys;
        let os = client
            .list_os_images(&RegionQuery {
                region: Some(RegionEnum::Us1),
            })
            .await
            .unwrap()
            .images[0]
            .id
            .clone();
        let (password, script) = ("jupyter-pass-7Qx9", "#cloud-config\nsecret-token-Z42");
        client
            .deploy_instance(&DeploymentRequest {
                name: "secretive".into(),
                region: RegionEnum::Us1,
                gpu_model: GpuModelEnum::RtxA6000,
                gpu_count: 1,
                boot_source: BootSource {
                    kind: BootSourceType::OsImage,
                    id: os,
                },
                ssh_key_ids: vec![keys[0].id.clone()],
                jupyter: Some(JupyterConfig {
                    enabled: true,
                    password: Some(password.into()),
                }),
                cloud_init: Some(script.into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let fresh = account_overview(&state).await.unwrap();
        assert!(fresh.instances.iter().any(|r| r.vm.name == "secretive"));
        let text = wait_for_file(&state.last_known.path("work").unwrap()).await;
        assert!(text.contains("secretive"), "the VM is kept");
        for secret in [sim.api_key.as_str(), password, "secret-token-Z42"] {
            assert!(!text.contains(secret), "{secret:?} is in the file");
        }
        let lower = text.to_lowercase();
        for field in ["password", "user_data", "cloud_init", "token", "api_key"] {
            assert!(!lower.contains(field), "a {field:?} field is in the file");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn the_current_profile_gets_its_own_state_and_the_sandbox_none() {
        let dir = folder("current");
        let (state, _sim) = signed_in(&dir).await;
        assert!(current(&state).await.is_none(), "nothing kept yet");
        let fresh = account_overview(&state).await.unwrap();
        wait_for_file(&state.last_known.path("work").unwrap()).await;
        let kept = current(&state).await.unwrap();
        assert_eq!(kept.overview.instances.len(), fresh.instances.len());
        assert_eq!(kept.overview.balance, fresh.balance);

        // Signing out deletes it.
        crate::session::sign_out(&state).await.unwrap();
        assert!(!state.last_known.path("work").unwrap().exists());
        assert!(current(&state).await.is_none());

        // The sandbox is never kept.
        crate::session::start_sandbox(&state).await.unwrap();
        account_overview(&state).await.unwrap();
        assert!(current(&state).await.is_none());
        crate::session::sign_out(&state).await.unwrap();
        assert!(
            std::fs::read_dir(dir.join(FOLDER))
                .map(|d| d.count())
                .unwrap_or(0)
                == 0,
            "nothing written for the sandbox"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The window asks for the overview before it knows the session: asked while the
    /// start-up restore runs, it is answered after it (not NotSignedIn).
    #[tokio::test]
    async fn the_overview_asked_during_the_start_up_restore_waits_for_it() {
        let dir = folder("during-restore");
        let (state, _sim) = signed_in(&dir).await;
        let state = Arc::new(state);
        let restoring = state.startup.clone().try_lock_owned().unwrap();
        let asked = tokio::spawn({
            let state = state.clone();
            async move { account_overview(&state).await }
        });
        for _ in 0..50 {
            tokio::task::yield_now().await;
        }
        assert!(
            !asked.is_finished(),
            "answered while the restore still runs"
        );
        drop(restoring);
        assert!(asked.await.unwrap().is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
