//! Settings in tauri-plugin-store (`settings.json` in the app's data folder).

use crate::error::{AppError, AppErrorCode};
use crate::settings::Settings;
use crate::state::SettingsBackend;
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
            Some(v) => Ok(serde_json::from_value(v).unwrap_or_default()),
            None => Ok(Settings::default()),
        }
    }

    fn save(&self, settings: &Settings) -> Result<(), AppError> {
        let v = serde_json::to_value(settings)
            .map_err(|e| AppError::new(AppErrorCode::Settings, e.to_string()))?;
        self.0.set(KEY, v);
        self.0.save().map_err(|e| {
            AppError::new(
                AppErrorCode::Settings,
                format!("Settings could not be saved: {e}"),
            )
        })
    }
}
