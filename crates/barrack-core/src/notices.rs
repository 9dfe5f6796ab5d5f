//! Things the app must tell the user once, in the window, that happened without them: a
//! damaged settings file kept aside, timers that fired late, the window closed to the tray.
//! The backend queues them; the UI drains the queue (`take_app_notices`) at start and when
//! the `NoticesChanged` event says there are new ones.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub enum AppNoticeKind {
    /// settings.json could not be read; it was kept beside the new one.
    SettingsDamaged,
    /// Hibernate timers that fell due while the app was not running fired at start.
    TimersFiredLate,
    /// The window was closed while a timer is pending: the app keeps running in the tray.
    ClosedToTray,
    /// No system tray on this desktop: the window was minimized instead of closed.
    TrayUnavailable,
    /// The automatic check found a newer version (Settings › Software updates installs it).
    UpdateAvailable,
    /// A `barrack://` link was refused (not a page the app opens); nothing was shown.
    DeepLinkRefused,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppNotice {
    pub kind: AppNoticeKind,
    pub message: String,
}

/// There are notices to take (the UI calls `take_app_notices`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct NoticesChanged {}

/// The queue itself; held in `AppState`.
#[derive(Debug, Default)]
pub struct NoticeQueue(std::sync::Mutex<Vec<AppNotice>>);

impl NoticeQueue {
    pub fn push(&self, notice: AppNotice) {
        if let Ok(mut q) = self.0.lock() {
            // The same thing said twice is said once.
            if !q.contains(&notice) {
                q.push(notice);
            }
        }
    }

    /// Everything queued, oldest first; the queue is empty afterwards.
    pub fn take(&self) -> Vec<AppNotice> {
        self.0
            .lock()
            .map(|mut q| std::mem::take(&mut *q))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_taken_once_and_not_repeated() {
        let q = NoticeQueue::default();
        let n = AppNotice {
            kind: AppNoticeKind::SettingsDamaged,
            message: "kept aside".into(),
        };
        q.push(n.clone());
        q.push(n.clone());
        assert_eq!(q.take(), vec![n]);
        assert!(q.take().is_empty(), "a notice is told once");
    }
}
