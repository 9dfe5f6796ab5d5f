//! Settings, and the other documents (the deploy draft and templates), in
//! tauri-plugin-store (`settings.json` in the app's data folder).

use crate::deploy_store::DocStore;
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
