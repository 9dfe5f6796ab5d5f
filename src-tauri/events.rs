//! The core's events (barrack-core `poller` and `notices` define them, Tauri-free) as
//! typed tauri-specta events, with the names and TypeScript types they have always had,
//! and the window's side of [`EventSink`]. (The tray's `QuitRequested` is desktop-only
//! and derives its event in tray.rs.)

use barrack_core::effects::{Effects, EventSink};
use barrack_core::{notices, poller};
use serde::Serialize;
use std::sync::Arc;
use tauri::AppHandle;
use tauri_specta::Event;

/// A core event as a tauri-specta event: the same JSON payload and the same TypeScript
/// type (the inner type's own), under the name given in `typed_events!` below.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Typed<T>(pub T);

impl<T: specta::Type> specta::Type for Typed<T> {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        T::definition(types)
    }
}

/// Each event's type for `collect_events!` and its name on the wire (the kebab-case of the
/// type's name, as tauri-specta's derive names events).
macro_rules! typed_events {
    ($($alias:ident = $core:ty => $name:literal),* $(,)?) => {$(
        pub type $alias = Typed<$core>;
        impl Event for Typed<$core> {
            const NAME: &'static str = $name;
        }
    )*};
}

typed_events! {
    ResourcesChanged = poller::ResourcesChanged => "resources-changed",
    ConnectionChanged = poller::ConnectionChanged => "connection-changed",
    KeyRefused = poller::KeyRefused => "key-refused",
    NoticesChanged = notices::NoticesChanged => "notices-changed",
}

/// The window hears the core's events (best effort: a window not yet listening misses
/// nothing it cannot read again).
pub struct WindowEvents(pub AppHandle);

impl EventSink for WindowEvents {
    fn resources_changed(&self, change: poller::ResourcesChanged) {
        let _ = Typed(change).emit(&self.0);
    }
    fn connection_changed(&self, change: poller::ConnectionChanged) {
        let _ = Typed(change).emit(&self.0);
    }
    fn notices_changed(&self) {
        let _ = Typed(notices::NoticesChanged {}).emit(&self.0);
    }
    fn key_refused(&self, refused: poller::KeyRefused) {
        let _ = Typed(refused).emit(&self.0);
    }
}

/// The app's effects: events to the window, desktop notifications.
pub fn effects(app: &AppHandle) -> Effects {
    Effects {
        events: Arc::new(WindowEvents(app.clone())),
        notifier: Arc::new(crate::desktop::Notifications(app.clone())),
    }
}
