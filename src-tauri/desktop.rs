//! The Tauri side of the app's life on the desktop: what closing the window does, the
//! system tray, quitting, desktop notifications and where the window is put at start. The
//! decisions are made in tray.rs and window.rs (Tauri-free, tested); this only renders them.

use crate::error::AppError;
use crate::notices::{AppNotice, AppNoticeKind};
use crate::state::AppState;
use crate::timers::{self, HibernateTimer};
use crate::tray::{self, CloseAction, QuitAction, Running, TrayClick, TrayItem};
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};
use tauri_plugin_notification::NotificationExt;
use tauri_specta::Event;

const TRAY_ID: &str = "main";
const MAIN_WINDOW: &str = "main";

/// What the user has been told this run (each said once).
#[derive(Default)]
pub struct Told {
    closed_to_tray: AtomicBool,
    tray_unavailable: AtomicBool,
    /// The tray menu as last rendered: the same menu is not rebuilt (its item ids, as seen
    /// over D-Bus, stay put).
    menu: std::sync::Mutex<Vec<TrayItem>>,
    /// The running VMs of the poller's latest look, with the session it was taken with
    /// (kept current by [`follow_running`]).
    running: std::sync::Mutex<Option<(String, Running)>>,
}

/// Shows a desktop notification (best effort: no notification server is not an error).
pub fn notify<R: Runtime>(app: &AppHandle<R>, title: &str, body: &str) {
    let _ = app.notification().builder().title(title).body(body).show();
}

/// barrack-core's notifications, shown on the desktop.
pub struct Notifications(pub AppHandle);

impl barrack_core::effects::Notifier for Notifications {
    fn notify(&self, title: &str, body: &str) {
        notify(&self.0, title, body);
    }
}

/// Whether the desktop shows tray icons: the platform decides
/// (`barrack_core::platform::tray_support`) — on Linux only with a StatusNotifierWatcher on
/// the session bus (KDE, GNOME with the AppIndicator extension, most panels); Windows and
/// macOS always have one.
pub fn tray_available() -> bool {
    use barrack_core::platform::{tray_available, Platform};
    tray_available(Platform::current(), status_notifier_watcher_present)
}

/// Never asked off Linux (the platform answers there), and no D-Bus binding is linked.
#[cfg(not(target_os = "linux"))]
fn status_notifier_watcher_present() -> bool {
    false
}

#[cfg(target_os = "linux")]
fn status_notifier_watcher_present() -> bool {
    use dbus::blocking::Connection;
    let Ok(bus) = Connection::new_session() else {
        return false;
    };
    let proxy = bus.with_proxy(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        std::time::Duration::from_millis(500),
    );
    let owned: Result<(bool,), _> = proxy.method_call(
        "org.freedesktop.DBus",
        "NameHasOwner",
        (barrack_core::platform::STATUS_NOTIFIER_WATCHER,),
    );
    owned.map(|(yes,)| yes).unwrap_or(false)
}

/// The timers this process must stay alive for (the signed-in profile's).
fn pending(state: &AppState) -> Vec<HibernateTimer> {
    let all = timers::load(state.docs.as_ref());
    // The close handler runs on the main thread: never wait for the session's lock.
    let profile = match state.session.try_read() {
        Ok(s) => s.as_ref().map(|s| s.profile.clone()),
        // Being replaced right now: count every timer rather than lose one.
        Err(_) => return all,
    };
    tray::pending_for(&all, profile.as_deref())
}

/// The window's close button: quit, or stay (in the tray, or minimized) while a timer is
/// pending.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    if window.label() != MAIN_WINDOW {
        return;
    }
    let app = window.app_handle();
    let state = app.state::<AppState>();
    let told = app.state::<Told>();
    let pending = pending(&state);
    match tray::close_action(!pending.is_empty(), tray_available()) {
        CloseAction::Quit => {}
        CloseAction::HideToTray => {
            if show_tray(app, &pending).is_err() {
                // The tray could not be made after all: keep the window reachable.
                api.prevent_close();
                minimize(window, &state, &told);
                return;
            }
            api.prevent_close();
            let _ = window.hide();
            if !told.closed_to_tray.swap(true, Ordering::SeqCst) {
                let message = "Barrack Desktop keeps running in the system tray so your \
                               hibernate timers fire on time. Quit it from the tray icon.";
                state.push_notice(AppNotice {
                    kind: AppNoticeKind::ClosedToTray,
                    message: message.into(),
                });
                notify(app, "Barrack Desktop is still running", message);
            }
        }
        CloseAction::Minimize => {
            api.prevent_close();
            minimize(window, &state, &told);
        }
    }
}

fn minimize<R: Runtime>(window: &Window<R>, state: &AppState, told: &Told) {
    let _ = window.minimize();
    if !told.tray_unavailable.swap(true, Ordering::SeqCst) {
        let message = "This desktop shows no system tray, so the window was minimized instead \
                       of closed: hibernate timers fire only while Barrack Desktop runs. \
                       To close it, cancel the pending timers first.";
        state.push_notice(AppNotice {
            kind: AppNoticeKind::TrayUnavailable,
            message: message.into(),
        });
        notify(
            window.app_handle(),
            "Barrack Desktop was minimized, not closed",
            message,
        );
    }
}

/// `&` marks a mnemonic in menu labels: shown as itself.
fn menu_label(text: &str) -> String {
    text.replace('&', "&&")
}

fn build_menu<R: Runtime>(app: &AppHandle<R>, items: &[TrayItem]) -> tauri::Result<Menu<R>> {
    let menu = Menu::new(app)?;
    for (i, item) in items.iter().enumerate() {
        match item {
            TrayItem::Separator => menu.append(&PredefinedMenuItem::separator(app)?)?,
            TrayItem::Vm {
                instance_id,
                actions,
                ..
            } if !actions.is_empty() => {
                let sub = Submenu::with_id(app, item.id(i), menu_label(item.label()), true)?;
                for action in actions {
                    let (id, label) = tray::action_entry(*action, instance_id);
                    sub.append(&MenuItem::with_id(app, id, label, true, None::<&str>)?)?;
                }
                menu.append(&sub)?
            }
            // Nothing to offer on it: a line of text.
            TrayItem::Info(_) | TrayItem::Vm { .. } => menu.append(&MenuItem::with_id(
                app,
                item.id(i),
                menu_label(item.label()),
                false,
                None::<&str>,
            )?)?,
            TrayItem::Open | TrayItem::Quit => menu.append(&MenuItem::with_id(
                app,
                item.id(i),
                item.label(),
                true,
                None::<&str>,
            )?)?,
        }
    }
    Ok(menu)
}

/// Makes the tray icon (once) and fills its menu.
fn show_tray<R: Runtime>(app: &AppHandle<R>, pending: &[HibernateTimer]) -> tauri::Result<()> {
    let told = app.state::<Told>();
    let running = running_now(&app.state::<AppState>(), &told);
    let items = tray::tray_menu(pending, running.as_ref(), chrono::Utc::now());
    let tray = app.tray_by_id(TRAY_ID);
    if let Ok(mut last) = told.menu.lock() {
        if tray.is_some() && *last == items {
            return Ok(());
        }
        *last = items.clone();
    }
    let menu = build_menu(app, &items)?;
    if let Some(tray) = tray {
        return tray.set_menu(Some(menu));
    }
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Barrack Desktop")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| on_menu_click(app, event.id().as_ref()));
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app).map(|_| ())
}

/// A click on the tray's menu, read against the menu as rendered. A VM's Stop or Hibernate
/// never acts here: the window shows and asks (`VmActionRequested`).
fn on_menu_click<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let menu = match app.state::<Told>().menu.lock() {
        Ok(m) => m.clone(),
        Err(_) => return,
    };
    match tray::click(id, &menu) {
        Some(TrayClick::Open) => show_window(app),
        Some(TrayClick::Quit) => tray_quit(app),
        Some(TrayClick::Confirm(request)) => {
            show_window(app);
            let _ = request.emit(app);
        }
        None => {}
    }
}

/// The running VMs to show: the latest look's, if it was taken with the signed-in session.
fn running_now(state: &AppState, told: &Told) -> Option<Running> {
    let running = told.running.lock().ok()?.clone()?;
    // Called on the main thread: never wait for the session's lock (being replaced right
    // now: the next look will tell).
    let session = state.session.try_read().ok()?;
    let current = session.as_ref()?.identity();
    (running.0 == current).then_some(running.1)
}

/// Follows the poller's looks at the instances: when the VMs or the session change, the
/// running VMs and their rates are worked out again (the pricing table is the app's cached
/// one) and the tray's menu refreshed. An unchanged look costs nothing.
pub async fn follow_running<R: Runtime>(app: AppHandle<R>) {
    let mut looks = app.state::<AppState>().watching.subscribe_instances();
    let mut last: Option<(String, Vec<barrack_api::types::VMInstance>)> = None;
    while looks.changed().await.is_ok() {
        let Some(look) = looks.borrow_and_update().clone() else {
            continue;
        };
        let Some(currency) = look.currency.clone() else {
            continue;
        };
        let key = (look.session.clone(), look.vms.clone());
        if last.as_ref() == Some(&key) {
            continue;
        }
        let state = app.state::<AppState>();
        let Some(session) = state.current().await else {
            continue;
        };
        if session.identity() != look.session {
            continue;
        }
        let Ok(pricing) = state.pricing(&session.client).await else {
            // Tried again at the next look.
            continue;
        };
        let running = tray::running(&look.vms, &pricing, &currency);
        if let Ok(mut slot) = app.state::<Told>().running.lock() {
            *slot = Some((look.session.clone(), running));
        }
        last = Some(key);
        refresh_tray(&app);
    }
}

/// With a tray host on the desktop the tray is there from the start: the running VMs, their
/// rates and the burn rate at a glance. Without one nothing is made (closing the window with
/// a timer pending then minimizes, as before).
pub fn show_tray_at_start<R: Runtime>(app: &AppHandle<R>) {
    if tray_available() {
        let state = app.state::<AppState>();
        let _ = show_tray(app, &pending(&state));
    }
}

/// Keeps the tray's menu current (the timer runner calls this after every round, and
/// [`follow_running`] after every change of the instances).
pub fn refresh_tray<R: Runtime>(app: &AppHandle<R>) {
    if app.tray_by_id(TRAY_ID).is_some() {
        let state = app.state::<AppState>();
        let _ = show_tray(app, &pending(&state));
    }
}

/// Brings the main window back (tray, single-instance launch, quit confirmation).
pub fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window(MAIN_WINDOW) {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// The tray's Quit: at once with nothing pending, otherwise the window asks.
fn tray_quit<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    match tray::quit_action(&pending(&state)) {
        QuitAction::Exit => app.exit(0),
        QuitAction::Ask(names) => {
            show_window(app);
            let _ = tray::QuitRequested {
                pending_timers: names,
            }
            .emit(app);
        }
    }
}

/// Quits the app when `confirmed` (the window's answer to `QuitRequested`); otherwise
/// nothing happens.
#[tauri::command]
#[specta::specta]
pub async fn quit_app(app: AppHandle, confirmed: bool) -> Result<(), AppError> {
    crate::guard::guarded(async move {
        if confirmed {
            app.exit(0);
        }
        Ok(())
    })
    .await
}

/// Checks the window's place now (the window-state plugin has restored it) and once more a
/// moment later, when the window manager has placed and sized it.
pub fn keep_on_screen_at_start<R: Runtime>(app: &AppHandle<R>) {
    keep_on_screen(app);
    let later = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        keep_on_screen(&later);
    });
}

/// After tauri-plugin-window-state put the window where it was: a window no monitor shows
/// (enough of) is centred on the first monitor.
pub fn keep_on_screen<R: Runtime>(app: &AppHandle<R>) {
    let Some(w) = app.get_webview_window(MAIN_WINDOW) else {
        return;
    };
    let (Ok(pos), Ok(size), Ok(monitors)) =
        (w.outer_position(), w.outer_size(), w.available_monitors())
    else {
        return;
    };
    let rect =
        |p: &tauri::PhysicalPosition<i32>, s: &tauri::PhysicalSize<u32>| crate::window::Rect {
            x: p.x,
            y: p.y,
            width: s.width,
            height: s.height,
        };
    let screens: Vec<_> = monitors
        .iter()
        .map(|m| rect(m.position(), m.size()))
        .collect();
    if let Some((x, y)) = crate::window::bring_back(rect(&pos, &size), &screens) {
        eprintln!(
            "barrack-desktop: the window was off every monitor at ({}, {}); centred at ({x}, {y})",
            pos.x, pos.y
        );
        let _ = w.set_position(tauri::PhysicalPosition::new(x, y));
    }
}
