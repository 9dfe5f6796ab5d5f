//! What closing the window does, and what the system tray's menu shows — as data. The
//! hibernate timers run in this process: while one is pending, closing the window must not
//! stop them, so the app stays in the tray (or, with no tray on the desktop, minimized).
//! Tauri-free; desktop.rs renders these answers.

use crate::timers::{HibernateTimer, TimerKind};
use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};

/// What a click on the window's close button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseAction {
    /// Nothing is pending: the app quits, as it always did.
    Quit,
    /// A timer is pending: the window hides; the app runs on in the tray.
    HideToTray,
    /// A timer is pending but the desktop shows no tray: the window is minimized instead
    /// (hidden, nothing would be left to bring it back).
    Minimize,
}

pub fn close_action(timers_pending: bool, tray_available: bool) -> CloseAction {
    match (timers_pending, tray_available) {
        (false, _) => CloseAction::Quit,
        (true, true) => CloseAction::HideToTray,
        (true, false) => CloseAction::Minimize,
    }
}

/// The tray's "Quit" with a timer pending: the window shows and asks first (the UI answers
/// with `quit_app(true)`). Carries the names of the VMs whose timers would not fire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct QuitRequested {
    pub pending_timers: Vec<String>,
}

/// What the tray's Quit does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuitAction {
    Exit,
    /// Show the window and ask (emit `QuitRequested`).
    Ask(Vec<String>),
}

pub fn quit_action(pending: &[HibernateTimer]) -> QuitAction {
    if pending.is_empty() {
        QuitAction::Exit
    } else {
        QuitAction::Ask(pending.iter().map(|t| t.vm_name.clone()).collect())
    }
}

/// One entry of the tray's menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrayItem {
    /// A line of text that does nothing (a pending timer, a heading).
    Info(String),
    Separator,
    /// Shows the window.
    Open,
    Quit,
}

impl TrayItem {
    /// The menu item's id in the native menu (what a click reports).
    pub fn id(&self, index: usize) -> String {
        match self {
            TrayItem::Open => "open".into(),
            TrayItem::Quit => "quit".into(),
            TrayItem::Info(_) => format!("info-{index}"),
            TrayItem::Separator => format!("sep-{index}"),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            TrayItem::Info(text) => text,
            TrayItem::Separator => "",
            TrayItem::Open => "Open Barrack Desktop",
            TrayItem::Quit => "Quit",
        }
    }
}

/// "in 5 min", "in 2 h 05 min", "in 3 days", "now".
fn fires_in(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = ((at - now).num_seconds().max(0) + 59) / 60;
    match minutes {
        0 => "now".into(),
        m if m < 60 => format!("in {m} min"),
        m if m < 48 * 60 => format!("in {} h {:02} min", m / 60, m % 60),
        m => format!("in {} days", m / (24 * 60)),
    }
}

/// The tray's menu: each pending timer with when it fires (soonest first), then "Open
/// Barrack Desktop" and "Quit". Times are shown in the machine's zone.
pub fn tray_menu(pending: &[HibernateTimer], now: DateTime<Utc>) -> Vec<TrayItem> {
    let mut timers: Vec<&HibernateTimer> = pending.iter().collect();
    // Wall-clock timers by time; "when ACTIVE" ones (no time of their own) last.
    timers.sort_by_key(|t| (t.kind == TimerKind::HibernateWhenActive, t.at()));
    let mut items = Vec::new();
    if timers.is_empty() {
        items.push(TrayItem::Info("No hibernate timers pending".into()));
    }
    for t in timers {
        let when = match (t.kind, t.at()) {
            (TimerKind::HibernateWhenActive, _) => "once it is running".to_owned(),
            (TimerKind::HibernateAt, Some(at)) => format!(
                "at {} ({})",
                at.with_timezone(&Local).format("%H:%M"),
                fires_in(at, now)
            ),
            (TimerKind::HibernateAt, None) => "at an unreadable time".to_owned(),
        };
        items.push(TrayItem::Info(format!("{} hibernates {when}", t.vm_name)));
    }
    items.push(TrayItem::Separator);
    items.push(TrayItem::Open);
    items.push(TrayItem::Quit);
    items
}

/// The timers this process would carry out: the signed-in profile's (a timer acts only in
/// its own session, see barrack-core timers.rs).
pub fn pending_for(timers: &[HibernateTimer], profile: Option<&str>) -> Vec<HibernateTimer> {
    match profile {
        Some(p) => timers.iter().filter(|t| t.profile == p).cloned().collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timers;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn local_hm(s: &str) -> String {
        t(s).with_timezone(&Local).format("%H:%M").to_string()
    }

    #[test]
    fn closing_quits_without_timers_and_stays_with_them() {
        assert_eq!(close_action(false, true), CloseAction::Quit);
        assert_eq!(close_action(false, false), CloseAction::Quit);
        assert_eq!(close_action(true, true), CloseAction::HideToTray);
        assert_eq!(close_action(true, false), CloseAction::Minimize);
    }

    #[test]
    fn the_menu_lists_pending_timers_soonest_first_then_open_and_quit() {
        let now = t("2026-11-27T10:00:00Z");
        let mut list = Vec::new();
        for (vm, at) in [
            ("late", "2026-11-27T12:30:00Z"),
            ("soon", "2026-11-27T10:04:30Z"),
        ] {
            timers::add(&mut list, "p", vm, vm, TimerKind::HibernateAt, t(at), now).unwrap();
        }
        timers::add(
            &mut list,
            "p",
            "w",
            "waiting",
            TimerKind::HibernateWhenActive,
            now,
            now,
        )
        .unwrap();
        let menu = tray_menu(&list, now);
        assert_eq!(
            menu,
            vec![
                TrayItem::Info(format!(
                    "soon hibernates at {} (in 5 min)",
                    local_hm("2026-11-27T10:04:30Z")
                )),
                TrayItem::Info(format!(
                    "late hibernates at {} (in 2 h 30 min)",
                    local_hm("2026-11-27T12:30:00Z")
                )),
                TrayItem::Info("waiting hibernates once it is running".into()),
                TrayItem::Separator,
                TrayItem::Open,
                TrayItem::Quit,
            ]
        );
        assert_eq!(menu[4].label(), "Open Barrack Desktop");
        assert_eq!(menu[4].id(4), "open");
        assert_eq!(menu[5].id(5), "quit");
        // A timer whose time has come says "now", not a negative wait.
        let soon: Vec<_> = list
            .iter()
            .filter(|t| t.vm_name == "soon")
            .cloned()
            .collect();
        let menu = tray_menu(&soon, t("2026-11-27T11:00:00Z"));
        assert!(
            matches!(&menu[0], TrayItem::Info(s) if s.ends_with("(now)")),
            "{menu:?}"
        );
        // Far ahead: in days.
        let menu = tray_menu(&soon, t("2026-11-20T10:00:00Z"));
        assert!(
            matches!(&menu[0], TrayItem::Info(s) if s.ends_with("(in 7 days)")),
            "{menu:?}"
        );
    }

    #[test]
    fn an_empty_menu_still_opens_and_quits() {
        let menu = tray_menu(&[], t("2026-11-27T10:00:00Z"));
        assert_eq!(menu.last(), Some(&TrayItem::Quit));
        assert!(menu.contains(&TrayItem::Open));
    }

    #[test]
    fn quitting_with_a_pending_timer_asks_first() {
        let now = t("2026-11-27T10:00:00Z");
        assert_eq!(quit_action(&[]), QuitAction::Exit);
        let mut list = Vec::new();
        let at = t("2026-11-27T11:00:00Z");
        timers::add(
            &mut list,
            "p",
            "D1",
            "train",
            TimerKind::HibernateAt,
            at,
            now,
        )
        .unwrap();
        assert_eq!(quit_action(&list), QuitAction::Ask(vec!["train".into()]));
    }

    #[test]
    fn only_the_signed_in_profiles_timers_are_pending() {
        let now = t("2026-11-27T10:00:00Z");
        let mut list = Vec::new();
        let at = t("2026-11-27T11:00:00Z");
        timers::add(&mut list, "p", "D1", "a", TimerKind::HibernateAt, at, now).unwrap();
        timers::add(&mut list, "q", "D2", "b", TimerKind::HibernateAt, at, now).unwrap();
        assert_eq!(pending_for(&list, Some("q"))[0].vm_name, "b");
        assert_eq!(pending_for(&list, Some("q")).len(), 1);
        assert!(pending_for(&list, None).is_empty());
    }
}
