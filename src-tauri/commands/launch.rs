//! The desktop's own powers (issue 16): open a VM in a terminal, in VS Code, or its Jupyter
//! in the browser. The webview passes an instance id only; barrack-core's `launch::open`
//! reads the VM and builds the command line or URL, and here it is started: a program found
//! on PATH, or a URL through tauri-plugin-opener's Rust API (the `open` crate: xdg-open
//! first on Linux, so the user's handler of `vscode:` is what it reaches). The capability's
//! opener scope is not widened: the webview still opens only Barrack's own pages.
//!
//! Also the private key file "Open in terminal" passes to `ssh -i`, chosen in a native
//! dialog the backend opens, so the webview never names a path.

use crate::error::AppError;
use crate::guard::guarded;
use crate::session;
use crate::settings::Settings;
use crate::state::AppState;
use barrack_core::launch::open::{self, LaunchAnswer, OpenWith, Opener, Opening};
use barrack_core::launch::Platform;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tauri::State;

/// Starts programs found on this system's PATH and URLs through the system's handler.
pub struct SystemOpener;

/// `program` as found on PATH (an executable file), like a shell would find it.
fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    // Only absolute folders: an empty or relative entry would find the program in
    // whatever folder the app was started from.
    std::env::split_paths(&path)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(program))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}

impl Opener for SystemOpener {
    fn installed(&self, program: &str) -> bool {
        find_on_path(program).is_some()
    }

    fn open(&self, what: &Opening) -> Result<(), String> {
        match what {
            Opening::Run(launch) => {
                let program =
                    find_on_path(&launch.program).unwrap_or_else(|| launch.program.clone().into());
                let mut child = Command::new(&program)
                    .args(&launch.args)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .map_err(|e| format!("{}: {e}", launch.program))?;
                // Reaped when it ends (the terminal lives on its own; no zombie is left).
                std::thread::spawn(move || {
                    let _ = child.wait();
                });
                Ok(())
            }
            Opening::Url(url) => {
                tauri_plugin_opener::open_url(url, None::<&str>).map_err(|e| e.to_string())
            }
        }
    }
}

async fn open_with(
    state: &AppState,
    with: OpenWith,
    instance_id: &str,
) -> Result<LaunchAnswer, AppError> {
    open::open_instance(state, with, instance_id, Platform::current(), &SystemOpener).await
}

/// Opens the system terminal running `ssh [-i KEY] user@<the VM's address>`.
#[tauri::command]
#[specta::specta]
pub async fn open_in_terminal(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<LaunchAnswer, AppError> {
    guarded(async move { open_with(&state, OpenWith::Terminal, &instance_id).await }).await
}

/// Opens VS Code on the VM through Remote-SSH (`vscode://vscode-remote/ssh-remote+…`).
#[tauri::command]
#[specta::specta]
pub async fn open_in_vscode(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<LaunchAnswer, AppError> {
    guarded(async move { open_with(&state, OpenWith::VsCode, &instance_id).await }).await
}

/// Opens the VM's Jupyter server in the browser (only when the VM was deployed with it).
#[tauri::command]
#[specta::specta]
pub async fn open_jupyter(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<LaunchAnswer, AppError> {
    guarded(async move { open_with(&state, OpenWith::Jupyter, &instance_id).await }).await
}

/// Asks for the private key file "Open in terminal" uses (a native dialog); answers the
/// settings as saved. `Cancelled` when no file was chosen (the setting is unchanged).
#[tauri::command]
#[specta::specta]
pub async fn choose_ssh_key_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Settings, AppError> {
    guarded(async move {
        let picked = crate::dialogs::ask_open_path(&app, "Choose your SSH private key").await?;
        set_key_file(&state, Some(picked.to_string_lossy().into_owned()))
    })
    .await
}

/// Forgets the chosen key file (ssh then uses its own defaults); answers the settings.
#[tauri::command]
#[specta::specta]
pub async fn clear_ssh_key_file(state: State<'_, AppState>) -> Result<Settings, AppError> {
    guarded(async move { set_key_file(&state, None) }).await
}

fn set_key_file(state: &AppState, key_file: Option<String>) -> Result<Settings, AppError> {
    let mut settings = state.settings.load()?;
    settings.ssh_key_file = key_file;
    state.settings.save(&settings)?;
    session::settings_for_ui(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_are_found_on_path_only_when_executable() {
        assert!(find_on_path("sh").is_some());
        assert!(find_on_path("no-such-program-here").is_none());
        assert!(!SystemOpener.installed("no-such-program-here"));
    }
}
