//! What the app's logic does outside the process, as small traits: the desktop crate
//! implements them with Tauri (notifications, typed events, native dialogs), tests with
//! recorders and fakes. The stores' traits live with what they store and are named here
//! too.

use crate::error::AppError;
use crate::poller::{ConnectionChanged, KeyRefused, ResourcesChanged};
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

pub use crate::deploy_store::DocStore;
pub use crate::state::SettingsBackend;

/// Desktop notifications (shown even while the window is in the tray).
pub trait Notifier: Send + Sync {
    fn notify(&self, title: &str, body: &str);
}

/// The typed events the window hears.
pub trait EventSink: Send + Sync {
    /// Batched resource changes (the one change feed).
    fn resources_changed(&self, change: ResourcesChanged);
    /// The API became reachable again, or stopped being.
    fn connection_changed(&self, change: ConnectionChanged);
    /// New notices are queued (the window takes them with `take_app_notices`).
    fn notices_changed(&self);
    /// The signed-in key was refused.
    fn key_refused(&self, refused: KeyRefused);
}

/// "Save as": asks the user where to write a file the backend writes itself (the UI has
/// no file-system permission). `Cancelled` when the user closes it.
pub trait SaveDialog: Sync {
    fn ask_save_path(
        &self,
        title: &str,
        file_name: &str,
    ) -> impl Future<Output = Result<PathBuf, AppError>> + Send;
}

/// How the background work reaches the user: set once by the app, unset in tests that do
/// not look.
#[derive(Clone)]
pub struct Effects {
    pub events: Arc<dyn EventSink>,
    pub notifier: Arc<dyn Notifier>,
}

#[cfg(test)]
/// Effects nobody looks at (for tests that do not).
pub fn unheard() -> Effects {
    Arc::new(Recorder::default()).effects()
}

/// Every effect, recorded (for the tests).
#[cfg(test)]
#[derive(Default)]
pub struct Recorder {
    pub changes: std::sync::Mutex<Vec<ResourcesChanged>>,
    pub connections: std::sync::Mutex<Vec<ConnectionChanged>>,
    pub notices_changed: std::sync::atomic::AtomicUsize,
    pub key_refused: std::sync::Mutex<Vec<KeyRefused>>,
    /// (title, body) of each notification.
    pub notifications: std::sync::Mutex<Vec<(String, String)>>,
}

#[cfg(test)]
impl Recorder {
    pub fn effects(self: &Arc<Self>) -> Effects {
        Effects {
            events: self.clone(),
            notifier: self.clone(),
        }
    }
}

#[cfg(test)]
impl EventSink for Recorder {
    fn resources_changed(&self, change: ResourcesChanged) {
        self.changes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(change);
    }
    fn connection_changed(&self, change: ConnectionChanged) {
        self.connections
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(change);
    }
    fn notices_changed(&self) {
        self.notices_changed
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
    fn key_refused(&self, refused: KeyRefused) {
        self.key_refused
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(refused);
    }
}

#[cfg(test)]
impl Notifier for Recorder {
    fn notify(&self, title: &str, body: &str) {
        self.notifications
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((title.to_owned(), body.to_owned()));
    }
}

#[cfg(test)]
/// A "save as" dialog that answers `answer`, or is cancelled when it is `None` (for
/// tests); it keeps each (title, file name) it was asked with.
pub struct FakeSaveDialog {
    pub answer: Option<PathBuf>,
    pub asked: std::sync::Mutex<Vec<(String, String)>>,
}

#[cfg(test)]
impl FakeSaveDialog {
    pub fn picks(path: impl Into<PathBuf>) -> Self {
        FakeSaveDialog {
            answer: Some(path.into()),
            asked: Default::default(),
        }
    }

    pub fn cancelled() -> Self {
        FakeSaveDialog {
            answer: None,
            asked: Default::default(),
        }
    }
}

#[cfg(test)]
impl SaveDialog for FakeSaveDialog {
    async fn ask_save_path(&self, title: &str, file_name: &str) -> Result<PathBuf, AppError> {
        self.asked
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((title.to_owned(), file_name.to_owned()));
        self.answer.clone().ok_or_else(|| {
            AppError::new(
                crate::error::AppErrorCode::Cancelled,
                "No file was chosen; nothing was done.",
            )
        })
    }
}
