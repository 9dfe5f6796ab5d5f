//! Preferences a journey's app finds at its first start, as a user who set them earlier
//! would have left them: `settings.json` (tauri-plugin-store: `{"settings": {…}}`) in the
//! journey's private data folder, written before the app opens.

use crate::Journey;
use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::fs;

/// Writes `prefs` (camelCase fields of the app's settings, e.g. `{"pollIdleSecs": 15}`) as
/// the stored settings. Fields left out take their defaults.
pub fn prefill_settings(j: &Journey, prefs: Value) -> Result<()> {
    let dir = j.app_data_dir();
    fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
    let file = dir.join("settings.json");
    let doc = json!({ "settings": prefs });
    fs::write(&file, serde_json::to_vec_pretty(&doc)?)
        .with_context(|| format!("write {}", file.display()))
}

/// Polling as fast as the settings allow (idle 15 s, 2 s in transition), so that a fault
/// and its end are seen within seconds, not the default minute.
pub fn prefill_fast_polling(j: &Journey) -> Result<()> {
    prefill_settings(j, json!({ "pollFastSecs": 2, "pollIdleSecs": 15 }))
}

/// A free TCP port on 127.0.0.1 (bound, read and released), for an emulator that must come
/// back on the same address after it was stopped.
pub fn free_port() -> Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").context("bind a free port")?;
    Ok(l.local_addr()?.port())
}
