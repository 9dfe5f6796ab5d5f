//! Settings, and the other documents (the deploy draft and templates), in
//! tauri-plugin-store (`settings.json` in the app's data folder).

use crate::deploy_store::DocStore;
use crate::error::{AppError, AppErrorCode};
use crate::notices::{AppNotice, AppNoticeKind};
use crate::settings::Settings;
use crate::state::SettingsBackend;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::Runtime;
use tauri_plugin_store::Store;

pub const STORE_FILE: &str = "settings.json";
const KEY: &str = "settings";

pub struct PluginStore<R: Runtime>(pub Arc<Store<R>>);

impl<R: Runtime> SettingsBackend for PluginStore<R> {
    fn load(&self) -> Result<Settings, AppError> {
        match self.0.get(KEY) {
            // A damaged or older file falls back to defaults field by field.
            Some(v) => Ok(Settings::decode_lenient(&v)),
            None => Ok(Settings::default()),
        }
    }

    fn save(&self, settings: &Settings) -> Result<(), AppError> {
        let mut v = serde_json::to_value(settings)
            .map_err(|e| AppError::new(AppErrorCode::Settings, e.to_string()))?;
        // Profiles live in the store shared with the CLI (profile_migration.rs). Ones still
        // here (not moved yet: the move failed) are written back, never dropped.
        if let Some(o) = v.as_object_mut() {
            if settings.profiles.is_empty() {
                o.remove("profiles");
            }
            if settings.active_profile.is_none() {
                o.remove("activeProfile");
            }
        }
        self.0.set(KEY, v);
        self.0.save().map_err(|e| {
            AppError::new(
                AppErrorCode::Settings,
                format!("Settings could not be saved: {e}"),
            )
        })
    }
}

impl<R: Runtime> DocStore for PluginStore<R> {
    fn get(&self, key: &str) -> Option<serde_json::Value> {
        self.0.get(key)
    }

    fn set(&self, key: &str, value: serde_json::Value) -> Result<(), AppError> {
        self.0.set(key, value);
        self.0.save().map_err(store_error)
    }

    fn delete(&self, key: &str) -> Result<(), AppError> {
        self.0.delete(key);
        self.0.save().map_err(store_error)
    }
}

fn store_error(e: tauri_plugin_store::Error) -> AppError {
    AppError::new(
        AppErrorCode::Settings,
        format!("The store could not be saved: {e}"),
    )
}

/// Keeps a settings file that cannot be read beside the new one, BEFORE the store opens it.
///
/// tauri-plugin-store 2.4 (`StoreBuilder::build_inner`) ignores the error when the file it
/// opens does not parse (`let _ = store_inner.load()`): the store starts empty and its next
/// save overwrites the user's file. So, given the folder the store lives in (the app data
/// folder), this renames a file that is not a JSON object to
/// `settings.json.damaged-<UTC time>`. A file that parses but whose settings could only be
/// read in part (the settings or the profile list not of their kind) is copied there
/// instead: the file stays, since it also holds the deploy drafts and templates.
/// Returns the notice that tells the user, once.
pub fn set_aside_damaged(dir: &Path) -> Option<AppNotice> {
    let path = dir.join(STORE_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        // Unreadable: the store could not read it either, and would overwrite it.
        Err(_) => Vec::new(),
    };
    // Parsed as the store parses it (a map of documents).
    let parsed =
        serde_json::from_slice::<std::collections::HashMap<String, serde_json::Value>>(&bytes);
    // Not the store's kind of file: moved away. Read in part: copied (the file also holds
    // the deploy drafts and templates, which are fine).
    let (move_it, how) = match &parsed {
        Err(_) => (true, "could not be read"),
        Ok(docs) if docs.get(KEY).is_some_and(read_in_part) => {
            (false, "could only be read in part")
        }
        Ok(_) => return None,
    };
    let kept = damaged_path(dir);
    let kept_aside = if move_it {
        std::fs::rename(&path, &kept)
    } else {
        std::fs::copy(&path, &kept).map(|_| ())
    };
    let message = match kept_aside {
        Ok(()) => format!(
            "Your settings file {how}, so some settings were reset to their defaults. \
             The old file was kept as {}.",
            kept.display()
        ),
        Err(e) => format!(
            "Your settings file {how}, so some settings were reset to their defaults. \
             It could not be kept aside ({e}): copy {} now if you want to restore it by hand.",
            path.display()
        ),
    };
    Some(AppNotice {
        kind: AppNoticeKind::SettingsDamaged,
        message,
    })
}

/// Settings that `Settings::decode_lenient` can read only in part: not an object at all,
/// or a profile list that is not a list (its profiles would be lost on the next save).
fn read_in_part(settings: &serde_json::Value) -> bool {
    match settings.as_object() {
        None => true,
        Some(o) => o.get("profiles").is_some_and(|p| !p.is_array()),
    }
}

/// `settings.json.damaged-<UTC time>`, made unique if that name is taken (the profile
/// store's rule, one function for both).
fn damaged_path(dir: &Path) -> PathBuf {
    barrack_credentials::profiles::damaged_path(&dir.join(STORE_FILE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile_migration;
    use crate::state::AppState;
    use barrack_credentials::profiles::ProfileStore;
    use std::sync::Arc;

    fn temp_dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "brk-store-{tag}-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
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
                    .starts_with("settings.json.damaged-")
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn an_unparseable_file_is_renamed_aside_and_told_once() {
        let dir = temp_dir("broken");
        let text =
            r#"{"settings": {"profiles": [{"name": "work", "baseUrl": "https://barrack.ai/api/""#;
        std::fs::write(dir.join(STORE_FILE), text).unwrap();
        let notice = set_aside_damaged(&dir).expect("the user is told");
        assert_eq!(notice.kind, AppNoticeKind::SettingsDamaged);
        assert!(
            !dir.join(STORE_FILE).exists(),
            "the store starts from a new file"
        );
        let kept = damaged_files(&dir);
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read_to_string(&kept[0]).unwrap(),
            text,
            "kept byte for byte"
        );
        let name = kept[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.len() == "settings.json.damaged-20261203T143000Z".len() && name.ends_with('Z'),
            "{name}"
        );
        assert!(notice.message.contains(&name), "{}", notice.message);
        // Started again with the new (missing) file: nothing more to say.
        assert!(set_aside_damaged(&dir).is_none());

        // A second damaged file the same second does not replace the first one kept.
        std::fs::write(dir.join(STORE_FILE), "not json").unwrap();
        assert!(set_aside_damaged(&dir).is_some());
        assert_eq!(damaged_files(&dir).len(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_readable_file_is_left_alone_and_one_read_in_part_is_copied() {
        let dir = temp_dir("fine");
        assert!(set_aside_damaged(&dir).is_none(), "no file yet");
        // Fields of the wrong type are handled field by field; the file stays as it is.
        let fine = r#"{"settings": {"theme": 7, "profiles": [{"name": "work", "baseUrl": 3}]}, "deploy_draft": {}}"#;
        std::fs::write(dir.join(STORE_FILE), fine).unwrap();
        assert!(set_aside_damaged(&dir).is_none());
        assert_eq!(std::fs::read_to_string(dir.join(STORE_FILE)).unwrap(), fine);
        assert!(damaged_files(&dir).is_empty());

        // A profile list that is not a list: copied aside, the file (and its drafts) stays.
        let partial = r#"{"settings": {"profiles": {"work": {}}}, "deploy_draft": {"x": 1}}"#;
        std::fs::write(dir.join(STORE_FILE), partial).unwrap();
        let notice = set_aside_damaged(&dir).expect("told");
        assert_eq!(notice.kind, AppNoticeKind::SettingsDamaged);
        assert_eq!(
            std::fs::read_to_string(dir.join(STORE_FILE)).unwrap(),
            partial
        );
        let kept = damaged_files(&dir);
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), partial);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The store as the app opens it (tauri-plugin-store in a mock app), on a real file.
    fn open_store(
        file: &Path,
    ) -> (
        tauri::App<tauri::test::MockRuntime>,
        PluginStore<tauri::test::MockRuntime>,
    ) {
        use tauri_plugin_store::StoreExt;
        let app = tauri::test::mock_builder()
            .plugin(tauri_plugin_store::Builder::new().build())
            .build(tauri::test::mock_context(tauri::test::noop_assets()))
            .unwrap();
        // An absolute path: the store does not look in the (real) app data folder.
        let store = app.store(file).unwrap();
        (app, PluginStore(store))
    }

    #[test]
    fn the_store_keeps_every_readable_field_and_profile() {
        let dir = temp_dir("fields");
        let file = dir.join(STORE_FILE);
        std::fs::write(
            &file,
            r#"{"settings": {"profiles": [{"name": "work", "baseUrl": "https://barrack.ai/api/", "authScheme": "x-api-key", "keyHint": "abcd"}],
                "activeProfile": "work", "theme": "dark", "pollIdleSecs": "often"}}"#,
        )
        .unwrap();
        let (_app, store) = open_store(&file);
        let s = store.load().unwrap();
        assert_eq!(s.theme, crate::settings::Theme::Dark);
        assert_eq!(s.poll_idle_secs, Settings::default().poll_idle_secs);
        assert_eq!(s.active_profile.as_deref(), Some("work"));
        assert_eq!(s.profiles.len(), 1, "the profile survives a bad neighbour");
        // And the next save writes it back, not an empty list.
        store.save(&s).unwrap();
        let written: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(written["settings"]["profiles"][0]["name"], "work");
        assert_eq!(
            written["settings"]["profiles"][0]["authScheme"],
            "x-api-key"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_damaged_file_survives_the_store_opening_and_saving() {
        let dir = temp_dir("open");
        let file = dir.join(STORE_FILE);
        let damaged = r#"{"settings": {"profiles": [{"name": "work"#;

        // Why it must be set aside first: the store opens a damaged file as empty, and its
        // next save replaces it.
        std::fs::write(&file, damaged).unwrap();
        {
            let (_app, store) = open_store(&file);
            assert_eq!(store.load().unwrap(), Settings::default());
            store.save(&Settings::default()).unwrap();
            assert_ne!(
                std::fs::read_to_string(&file).unwrap(),
                damaged,
                "overwritten"
            );
        }

        // Set aside first (as lib.rs does at start), the damaged text is kept.
        let dir = temp_dir("open2");
        let file = dir.join(STORE_FILE);
        std::fs::write(&file, damaged).unwrap();
        assert!(set_aside_damaged(&dir).is_some());
        let (_app, store) = open_store(&file);
        store.save(&store.load().unwrap()).unwrap();
        let kept = damaged_files(&dir);
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), damaged);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// An older app's profiles leave the app's own store (settings.json through
    /// tauri-plugin-store) for the store shared with the CLI, once (barrack-core's
    /// profile_migration).
    #[test]
    fn the_apps_profiles_move_to_the_shared_store_once() {
        let dir = temp_dir("move");
        let settings_file = dir.join(STORE_FILE);
        std::fs::write(
            &settings_file,
            serde_json::json!({"settings": {
                "profiles": [
                    {"name": "work", "baseUrl": "https://barrack.ai/api/", "authScheme": "x-api-key", "keyHint": "…abcd"},
                    {"name": "lab", "baseUrl": 42, "authScheme": "bearer", "keyHint": "…wxyz"}
                ],
                "activeProfile": "work",
                "theme": "dark"
            }, "deploy_draft": {"x": 1}})
            .to_string(),
        )
        .unwrap();
        let store = Arc::new(ProfileStore::at(dir.join("profiles.json")));
        let (_app, settings) = open_store(&settings_file);
        let state = AppState::new(
            Arc::new(barrack_credentials::MemoryStore::default()),
            Arc::new(settings),
        )
        .with_profiles(store.clone());

        let moved = profile_migration::move_profiles_from_settings(&state).unwrap();
        assert_eq!(moved.moved, ["work", "lab"]);
        let p = store.load().unwrap().profiles;
        assert_eq!(p.default.as_deref(), Some("work"));
        assert_eq!(
            p.profiles["work"].base_url.as_deref(),
            Some("https://barrack.ai/api/")
        );
        assert_eq!(p.profiles["work"].auth_scheme.as_deref(), Some("x-api-key"));
        assert_eq!(p.profiles["work"].key_hint.as_deref(), Some("…abcd"));
        assert_eq!(
            p.profiles["lab"].base_url.as_deref(),
            Some(""),
            "an unreadable address stays unusable, never the default"
        );

        // settings.json keeps the preferences (and the other documents), not the profiles.
        let written: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&settings_file).unwrap()).unwrap();
        assert!(written["settings"].get("profiles").is_none(), "{written}");
        assert_eq!(
            written["settings"]["activeProfile"], "work",
            "the app's own choice stays"
        );
        assert_eq!(written["settings"]["theme"], "dark");
        assert_eq!(written["deploy_draft"]["x"], 1);

        // The next start has nothing to move, and the UI still sees both profiles.
        assert_eq!(
            profile_migration::move_profiles_from_settings(&state).unwrap(),
            profile_migration::Moved::default()
        );
        let ui = crate::session::settings_for_ui(&state).unwrap();
        let names: Vec<&str> = ui.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["lab", "work"]);
        assert_eq!(ui.active_profile.as_deref(), Some("work"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
