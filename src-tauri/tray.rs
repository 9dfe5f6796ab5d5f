//! What closing the window does, and what the system tray's menu shows — as data. The
//! hibernate timers run in this process: while one is pending, closing the window must not
//! stop them, so the app stays in the tray (or, with no tray on the desktop, minimized).
//! The menu also lists the running VMs with their rates and the burn rate, each with Stop
//! and (where its state allows) Hibernate: a click never acts, the window asks first.
//! Tauri-free; desktop.rs renders these answers.

use crate::timers::{HibernateTimer, TimerKind};
use barrack_api::costs;
use barrack_api::state::{self as rules, VmAction};
use barrack_api::types::{CurrencyEnum, PricingData, VMInstance};
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

/// What the tray offers on a running VM. Each is asked in the window before it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum TrayAction {
    Stop,
    Hibernate,
}

impl TrayAction {
    const ALL: [TrayAction; 2] = [TrayAction::Stop, TrayAction::Hibernate];

    /// The word in a menu item's id.
    fn word(self) -> &'static str {
        match self {
            TrayAction::Stop => "stop",
            TrayAction::Hibernate => "hibernate",
        }
    }

    fn label(self) -> &'static str {
        match self {
            TrayAction::Stop => "Stop…",
            TrayAction::Hibernate => "Hibernate…",
        }
    }

    /// The state rule that says whether a VM can take it (barrack-api `state::check`).
    fn vm_action(self) -> VmAction {
        match self {
            TrayAction::Stop => VmAction::Stop,
            TrayAction::Hibernate => VmAction::Hibernate,
        }
    }
}

/// A click on a VM's Stop or Hibernate in the tray: the window shows and asks to confirm
/// (the UI answers with the usual `stop_instance` / `hibernate_instance`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct VmActionRequested {
    pub instance_id: String,
    pub instance_name: String,
    pub action: TrayAction,
}

/// One running VM as the tray shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningVm {
    pub instance_id: String,
    pub name: String,
    /// Per hour in its current state (barrack-api `costs`, as the dashboard's rows).
    pub rate: f64,
    /// What its state allows, in menu order.
    pub actions: Vec<TrayAction>,
}

/// The running VMs of one look and what the account's VMs burn per hour.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub currency: CurrencyEnum,
    pub vms: Vec<RunningVm>,
    /// Every VM's rate (a stopped VM bills too), as the dashboard's burn rate counts them.
    pub burn: f64,
}

/// Running: ACTIVE, or a state this app does not know (billed at the full rate, it may well
/// be running — as on the dashboard).
fn is_running(vm: &VMInstance) -> bool {
    vm.status == barrack_api::types::VMStatus::Active || costs::is_unknown_state(&vm.status)
}

/// The running VMs with their rates and the VMs' burn rate, by name.
pub fn running(vms: &[VMInstance], pricing: &PricingData, currency: &CurrencyEnum) -> Running {
    let burn = costs::burn_rate(vms, &[], &[], pricing, currency).instances;
    let mut list: Vec<RunningVm> = vms
        .iter()
        .filter(|vm| is_running(vm))
        .map(|vm| RunningVm {
            instance_id: vm.id.clone(),
            name: one_line(&vm.name),
            rate: costs::vm_rate_now(vm, pricing, currency),
            // An id a menu item cannot carry safely gets no actions (the VM's page has them).
            actions: if id_is_safe(&vm.id) {
                TrayAction::ALL
                    .into_iter()
                    .filter(|a| rules::check(a.vm_action(), &vm.status).is_ok())
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name).then(a.instance_id.cmp(&b.instance_id)));
    Running {
        currency: currency.clone(),
        vms: list,
        burn,
    }
}

/// The most characters of a VM name a menu line shows (the rest is cut, with "…").
const MAX_NAME: usize = 60;

/// A name from the server as one line of the menu (and of the window's question): line
/// breaks and other control characters become spaces, characters that change how text reads
/// without showing themselves are dropped — so a name cannot add a line, reorder or hide the
/// rate beside it, or read as another VM's — and a long name is cut.
fn one_line(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !is_invisible_format(*c))
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim();
    if clean.chars().count() > MAX_NAME {
        let cut: String = clean.chars().take(MAX_NAME).collect();
        format!("{}…", cut.trim_end())
    } else {
        clean.to_owned()
    }
}

/// Bidi overrides and isolates, zero-width marks and joiners, the BOM: the same list as
/// barrack-core's `launch::deep_link::is_invisible_format` (private to that module).
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// "2.40 USD/h".
pub fn per_hour(amount: f64, currency: &CurrencyEnum) -> String {
    format!("{:.2} {}/h", costs::finite(amount), currency.as_str())
}

/// The longest instance id a menu item carries.
const MAX_ID: usize = 128;

/// Whether an instance id can travel in a menu item's id and come back as itself: the
/// unreserved characters of a URL path segment only (what barrack-api sends unencoded).
fn id_is_safe(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

const VM_PREFIX: &str = "vm:";

/// The menu item id of `action` on a VM: `vm:stop:<id>`.
pub fn action_id(action: TrayAction, instance_id: &str) -> String {
    format!("{VM_PREFIX}{}:{instance_id}", action.word())
}

/// A menu item id back to its (action, instance id); `None` for anything else, an id
/// that is not one this menu could have made included.
pub fn parse_action_id(id: &str) -> Option<(TrayAction, String)> {
    let rest = id.strip_prefix(VM_PREFIX)?;
    let (word, instance) = rest.split_once(':')?;
    let action = TrayAction::ALL.into_iter().find(|a| a.word() == word)?;
    id_is_safe(instance).then(|| (action, instance.to_owned()))
}

/// One entry of the tray's menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrayItem {
    /// A line of text that does nothing (a pending timer, a heading).
    Info(String),
    Separator,
    /// A running VM ("name — rate"), a submenu of the actions its state allows.
    Vm {
        instance_id: String,
        name: String,
        label: String,
        actions: Vec<TrayAction>,
    },
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
            TrayItem::Vm { .. } => format!("vm-{index}"),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            TrayItem::Info(text) => text,
            TrayItem::Vm { label, .. } => label,
            TrayItem::Separator => "",
            TrayItem::Open => "Open Barrack Desktop",
            TrayItem::Quit => "Quit",
        }
    }
}

/// A VM action's entry in its submenu: (id, label).
pub fn action_entry(action: TrayAction, instance_id: &str) -> (String, &'static str) {
    (action_id(action, instance_id), action.label())
}

/// What a click on the tray's menu does.
#[derive(Debug, Clone, PartialEq)]
pub enum TrayClick {
    Open,
    Quit,
    /// Show the window and ask (emit `VmActionRequested`).
    Confirm(VmActionRequested),
}

/// A click's menu item id, read against the menu as rendered: a VM action only if that
/// menu offered it on that VM (a stale or forged id does nothing).
pub fn click(id: &str, menu: &[TrayItem]) -> Option<TrayClick> {
    match id {
        "open" => return Some(TrayClick::Open),
        "quit" => return Some(TrayClick::Quit),
        _ => {}
    }
    let (action, instance) = parse_action_id(id)?;
    menu.iter().find_map(|item| match item {
        TrayItem::Vm {
            instance_id,
            name,
            actions,
            ..
        } if *instance_id == instance && actions.contains(&action) => {
            Some(TrayClick::Confirm(VmActionRequested {
                instance_id: instance_id.clone(),
                instance_name: name.clone(),
                action,
            }))
        }
        _ => None,
    })
}

/// The running VMs' part of the menu: the burn rate, then each VM with its rate.
fn running_items(running: &Running) -> Vec<TrayItem> {
    let mut items = vec![TrayItem::Info(format!(
        "Burn rate (VMs): {}",
        per_hour(running.burn, &running.currency)
    ))];
    if running.vms.is_empty() {
        items.push(TrayItem::Info("No VMs running".into()));
    }
    items.extend(running.vms.iter().map(|vm| TrayItem::Vm {
        instance_id: vm.instance_id.clone(),
        name: vm.name.clone(),
        label: format!("{} — {}", vm.name, per_hour(vm.rate, &running.currency)),
        actions: vm.actions.clone(),
    }));
    items.push(TrayItem::Separator);
    items
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

/// The tray's menu: the running VMs (when the signed-in session has been looked at), each
/// pending timer with when it fires (soonest first), then "Open Barrack Desktop" and
/// "Quit". Times are shown in the machine's zone.
pub fn tray_menu(
    pending: &[HibernateTimer],
    running: Option<&Running>,
    now: DateTime<Utc>,
) -> Vec<TrayItem> {
    let mut timers: Vec<&HibernateTimer> = pending.iter().collect();
    // Wall-clock timers by time; "when ACTIVE" ones (no time of their own) last.
    timers.sort_by_key(|t| (t.kind == TimerKind::HibernateWhenActive, t.at()));
    let mut items = running.map(running_items).unwrap_or_default();
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
        items.push(TrayItem::Info(format!(
            "{} hibernates {when}",
            one_line(&t.vm_name)
        )));
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
    use barrack_api::types::VMStatus;

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
        let menu = tray_menu(&list, None, now);
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
        let menu = tray_menu(&soon, None, t("2026-11-27T11:00:00Z"));
        assert!(
            matches!(&menu[0], TrayItem::Info(s) if s.ends_with("(now)")),
            "{menu:?}"
        );
        // Far ahead: in days.
        let menu = tray_menu(&soon, None, t("2026-11-20T10:00:00Z"));
        assert!(
            matches!(&menu[0], TrayItem::Info(s) if s.ends_with("(in 7 days)")),
            "{menu:?}"
        );
    }

    #[test]
    fn an_empty_menu_still_opens_and_quits() {
        let menu = tray_menu(&[], None, t("2026-11-27T10:00:00Z"));
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

    fn pricing() -> PricingData {
        let body =
            include_str!("../crates/barrack-api/tests/testdata/post-pricing-response-200.json");
        barrack_api::decode::from_slice::<barrack_api::types::PricingResponse>(body.as_bytes())
            .unwrap()
            .pricing_data
    }

    /// `count` × H100-SXM5-80GB: 2.49 USD per GPU-hour in the documented table.
    fn vm(id: &str, name: &str, status: VMStatus, count: u32) -> VMInstance {
        VMInstance {
            id: id.into(),
            name: name.into(),
            status,
            flavor: barrack_api::types::VMFlavor {
                gpu_model: barrack_api::types::GpuModelEnum::H100Sxm5_80gb,
                gpu_count: count,
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn fleet() -> Vec<VMInstance> {
        vec![
            vm("BRK-000002", "train", VMStatus::Active, 4),
            vm("BRK-000001", "infer", VMStatus::Active, 1),
            vm("BRK-000003", "parked", VMStatus::Shutoff, 1),
            vm("BRK-000004", "sleeping", VMStatus::Hibernated, 1),
            vm("BRK-000005", "booting", VMStatus::Starting, 1),
            vm("BRK-000006", "odd", VMStatus::Other("MIGRATING".into()), 1),
        ]
    }

    #[test]
    fn running_vms_show_their_rates_and_the_burn_rate_counts_every_vm() {
        let usd = CurrencyEnum::Usd;
        let r = running(&fleet(), &pricing(), &usd);
        let names: Vec<&str> = r.vms.iter().map(|v| v.name.as_str()).collect();
        // ACTIVE, and the unknown state (billed as running); by name.
        assert_eq!(names, ["infer", "odd", "train"]);
        // The burn rate is the dashboard's: stopped and hibernated VMs bill too.
        let expected = costs::burn_rate(&fleet(), &[], &[], &pricing(), &usd).instances;
        assert!((r.burn - expected).abs() < 1e-9);
        assert!(
            (r.burn - (9.96 + 2.49 + 2.49 + 2.49 + 0.01)).abs() < 1e-9,
            "{}",
            r.burn
        );
        let menu = tray_menu(&[], Some(&r), t("2026-11-27T10:00:00Z"));
        let labels: Vec<&str> = menu.iter().map(TrayItem::label).collect();
        assert_eq!(
            labels[..5],
            [
                "Burn rate (VMs): 17.44 USD/h",
                "infer — 2.49 USD/h",
                "odd — 2.49 USD/h",
                "train — 9.96 USD/h",
                "",
            ]
        );
        assert_eq!(menu.last(), Some(&TrayItem::Quit));
        // In the account's currency.
        let eur = running(&fleet(), &pricing(), &CurrencyEnum::Eur);
        assert!(running_items(&eur)[0].label().ends_with(" EUR/h"));
    }

    #[test]
    fn nothing_running_says_so() {
        let r = running(&[], &pricing(), &CurrencyEnum::Usd);
        let menu = tray_menu(&[], Some(&r), t("2026-11-27T10:00:00Z"));
        assert_eq!(menu[0].label(), "Burn rate (VMs): 0.00 USD/h");
        assert_eq!(menu[1].label(), "No VMs running");
    }

    #[test]
    fn a_server_name_stays_one_plain_line_of_the_menu() {
        let now = t("2026-11-27T10:00:00Z");
        let hostile = vec![
            vm("BRK-000010", "a\nNo VMs running\r\n", VMStatus::Active, 1),
            vm(
                "BRK-000011",
                "evil\u{202E}h/DSU 00.0\u{2066}",
                VMStatus::Active,
                1,
            ),
            vm(
                "BRK-000012",
                "zero\u{200B}width\u{2028}sep\u{0}",
                VMStatus::Active,
                1,
            ),
            vm("BRK-000013", &"x".repeat(500), VMStatus::Active, 1),
        ];
        let r = running(&hostile, &pricing(), &CurrencyEnum::Usd);
        let mut list = Vec::new();
        timers::add(
            &mut list,
            "p",
            "BRK-000011",
            "late\u{202E}\nnight",
            TimerKind::HibernateWhenActive,
            now,
            now,
        )
        .unwrap();
        let menu = tray_menu(&list, Some(&r), now);
        for item in &menu {
            let label = item.label();
            assert!(
                !label.chars().any(|c| c.is_control()
                    || is_invisible_format(c)
                    || matches!(c, '\u{2028}' | '\u{2029}')),
                "{label:?}"
            );
            assert!(label.chars().count() <= MAX_NAME + 20, "{label:?}");
        }
        let labels: Vec<&str> = menu.iter().map(TrayItem::label).collect();
        let long = format!("{}… — 2.49 USD/h", "x".repeat(MAX_NAME));
        for wanted in [
            "a No VMs running — 2.49 USD/h",
            "evilh/DSU 00.0 — 2.49 USD/h",
            "zerowidth sep — 2.49 USD/h",
            long.as_str(),
            "late night hibernates once it is running",
        ] {
            assert!(labels.contains(&wanted), "{wanted:?} in {labels:?}");
        }
        // The window's question names the VM as the menu showed it.
        let Some(TrayClick::Confirm(ev)) = click("vm:stop:BRK-000011", &menu) else {
            panic!("{menu:?}")
        };
        assert_eq!(ev.instance_name, "evilh/DSU 00.0");
    }

    #[test]
    fn actions_are_offered_only_where_the_state_rules_allow_them() {
        let mut vms = fleet();
        vms.push(vm("BRK 7/../x", "hostile", VMStatus::Active, 1));
        let r = running(&vms, &pricing(), &CurrencyEnum::Usd);
        let actions = |name: &str| {
            r.vms
                .iter()
                .find(|v| v.name == name)
                .unwrap()
                .actions
                .clone()
        };
        assert_eq!(actions("train"), [TrayAction::Stop, TrayAction::Hibernate]);
        // A state the rules do not know offers neither Stop nor Hibernate.
        assert_eq!(actions("odd"), []);
        assert!(rules::check(VmAction::Hibernate, &VMStatus::Other("MIGRATING".into())).is_err());
        // An id a menu item cannot carry: listed, no actions.
        assert_eq!(actions("hostile"), []);
        for v in &r.vms {
            if v.actions.contains(&TrayAction::Hibernate) {
                let status = &vms.iter().find(|x| x.id == v.instance_id).unwrap().status;
                assert!(rules::check(VmAction::Hibernate, status).is_ok());
            }
        }
    }

    #[test]
    fn action_ids_parse_back_and_hostile_ids_are_refused() {
        for action in TrayAction::ALL {
            for id in ["BRK-000001", "a", "x.y_z~1", &"a".repeat(MAX_ID)] {
                assert_eq!(
                    parse_action_id(&action_id(action, id)),
                    Some((action, id.to_owned()))
                );
            }
        }
        let long = format!("vm:stop:{}", "a".repeat(MAX_ID + 1));
        for bad in [
            "",
            "open",
            "info-0",
            "vm:",
            "vm:stop",
            "vm:stop:",
            "vm:stop:a:b",
            "vm:stop:../etc",
            "vm:stop:a/b",
            "vm:stop:BRK 1",
            "vm:stop:a\nb",
            "vm:stop:a\u{0}",
            "vm:stop:é",
            "vm:delete:BRK-1",
            "vm:reboot:BRK-1",
            "vm:Stop:BRK-1",
            "VM:stop:BRK-1",
            " vm:stop:BRK-1",
            long.as_str(),
        ] {
            assert_eq!(parse_action_id(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_click_asks_in_the_window_and_only_for_what_the_menu_offered() {
        let r = running(&fleet(), &pricing(), &CurrencyEnum::Usd);
        let menu = tray_menu(&[], Some(&r), t("2026-11-27T10:00:00Z"));
        assert_eq!(click("open", &menu), Some(TrayClick::Open));
        assert_eq!(click("quit", &menu), Some(TrayClick::Quit));
        assert_eq!(
            click("vm:hibernate:BRK-000002", &menu),
            Some(TrayClick::Confirm(VmActionRequested {
                instance_id: "BRK-000002".into(),
                instance_name: "train".into(),
                action: TrayAction::Hibernate,
            }))
        );
        assert_eq!(
            click(&action_id(TrayAction::Stop, "BRK-000001"), &menu),
            Some(TrayClick::Confirm(VmActionRequested {
                instance_id: "BRK-000001".into(),
                instance_name: "infer".into(),
                action: TrayAction::Stop,
            }))
        );
        // Not offered (unknown state), not running (stopped), not in the menu, not an action.
        assert_eq!(click("vm:hibernate:BRK-000006", &menu), None);
        assert_eq!(click("vm:stop:BRK-000003", &menu), None);
        assert_eq!(click("vm:stop:BRK-999999", &menu), None);
        assert_eq!(click("info-0", &menu), None);
        assert_eq!(click("vm-1", &menu), None);
        // The event's JSON is what the UI reads.
        let Some(TrayClick::Confirm(ev)) = click("vm:stop:BRK-000001", &menu) else {
            panic!()
        };
        assert_eq!(
            serde_json::to_value(&ev).unwrap(),
            serde_json::json!({"instanceId": "BRK-000001", "instanceName": "infer", "action": "stop"})
        );
    }
}
