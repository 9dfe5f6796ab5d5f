//! Hibernate timers: "hibernate this VM at …" (or "after N hours"), and "hibernate it as
//! soon as it is ACTIVE" for a stopped VM the user started only to hibernate it. The app's
//! backend carries them out while it runs, on the wall clock; they are kept in the store,
//! so a restart loses none (a timer that fell due while the app was closed fires at start).
//! Tauri-free: the schedule is pure functions over a list, the runner takes its actions
//! as closures.

use crate::deploy_store::DocStore;
use crate::error::{AppError, AppErrorCode};
use barrack_api::types::VMStatus;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

const KEY: &str = "timers";

/// Why a hibernate timer cannot be set on a VM in `status`, or `None` when it can.
/// Hibernation is documented only from ACTIVE (rules.md §2.2); a VM on its way to ACTIVE can
/// have one (it fires once the VM is ACTIVE and the time has come).
pub fn blocked(status: &VMStatus) -> Option<&'static str> {
    use VMStatus::*;
    match status {
        Active | Creating | Starting | Rebooting | Restoring => None,
        Shutoff => Some(
            "It is stopped: hibernation needs it ACTIVE. Start it first, or use Billing › Still billing to start it and hibernate it at once.",
        ),
        Hibernated | Hibernating => Some("It is already hibernated."),
        _ => Some(TIMER_BLOCKED_OTHERWISE),
    }
}

/// The reason for a state this app does not know (or one that cannot be hibernated).
pub const TIMER_BLOCKED_OTHERWISE: &str = "A VM in this state cannot be hibernated.";

/// [`blocked`] for every known state, plus `otherwise`: exported into the TypeScript
/// bindings (`TIMER_RULES`), so the UI never decides on its own.
pub fn timer_rules() -> serde_json::Value {
    let by_state: serde_json::Map<String, serde_json::Value> = VMStatus::KNOWN
        .iter()
        .map(|s| (s.as_str().to_owned(), serde_json::json!(blocked(s))))
        .collect();
    serde_json::json!({ "byState": by_state, "otherwise": TIMER_BLOCKED_OTHERWISE })
}
/// How long before a timer fires its warning goes out.
pub const WARN_BEFORE_MINUTES: i64 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum TimerKind {
    /// At a wall-clock time.
    HibernateAt,
    /// As soon as the VM is ACTIVE (after a start the user asked for).
    HibernateWhenActive,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HibernateTimer {
    pub id: String,
    /// The account profile the VM belongs to; a timer acts only in its own session.
    pub profile: String,
    pub vm_id: String,
    pub vm_name: String,
    pub kind: TimerKind,
    /// RFC 3339; for `hibernateWhenActive`, when it was set.
    pub at: String,
    /// Whether the 10-minute warning went out.
    pub warned: bool,
}

impl HibernateTimer {
    pub fn at(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.at)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

pub fn load(docs: &dyn DocStore) -> Vec<HibernateTimer> {
    docs.get(KEY)
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

pub fn save(docs: &dyn DocStore, timers: &[HibernateTimer]) -> Result<(), AppError> {
    let v = serde_json::to_value(timers)
        .map_err(|e| AppError::new(AppErrorCode::Settings, e.to_string()))?;
    docs.set(KEY, v)
}

/// Adds a timer, replacing any other timer of the same VM (one plan per VM).
pub fn add(
    timers: &mut Vec<HibernateTimer>,
    profile: &str,
    vm_id: &str,
    vm_name: &str,
    kind: TimerKind,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<HibernateTimer, AppError> {
    if kind == TimerKind::HibernateAt && at <= now {
        let mut e = AppError::new(AppErrorCode::Validation, "Pick a time in the future.");
        e.field = Some("at".into());
        return Err(e);
    }
    timers.retain(|t| !(t.profile == profile && t.vm_id == vm_id));
    let t = HibernateTimer {
        id: format!("T{}-{}", now.timestamp_millis(), vm_id),
        profile: profile.to_owned(),
        vm_id: vm_id.to_owned(),
        vm_name: vm_name.to_owned(),
        kind,
        at: at.to_rfc3339(),
        // A timer set less than ten minutes ahead has nothing to warn about.
        warned: kind == TimerKind::HibernateWhenActive
            || at - now <= Duration::minutes(WARN_BEFORE_MINUTES),
    };
    timers.push(t.clone());
    timers.sort_by(|a, b| a.at.cmp(&b.at));
    Ok(t)
}

/// Moves a timer later by `minutes` (from its time, or from now if that has passed).
pub fn postpone(
    timers: &mut [HibernateTimer],
    id: &str,
    minutes: i64,
    now: DateTime<Utc>,
) -> Result<HibernateTimer, AppError> {
    let t = timers
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| AppError::new(AppErrorCode::NotFound, "That timer no longer exists."))?;
    let from = t.at().unwrap_or(now).max(now);
    // RFC 3339 holds years up to 9999: a later time would be stored as text that reads
    // back as no time at all, and the runner would drop the timer without a word.
    let at = Duration::try_minutes(minutes.max(1))
        .and_then(|d| from.checked_add_signed(d))
        .filter(|at| chrono::Datelike::year(at) <= 9999)
        .ok_or_else(|| {
            let mut e = AppError::new(AppErrorCode::Validation, "That is too far ahead.");
            e.field = Some("minutes".into());
            e
        })?;
    t.at = at.to_rfc3339();
    t.warned = at - now <= Duration::minutes(WARN_BEFORE_MINUTES);
    Ok(t.clone())
}

/// What the runner must do now.
#[derive(Debug, Clone, PartialEq)]
pub enum Due {
    /// Say it will fire in about ten minutes.
    Warn(HibernateTimer),
    /// Hibernate now (a wall-clock timer whose time has come).
    Fire(HibernateTimer),
}

/// The warnings and firings of `profile`'s wall-clock timers at `now`. Fired timers are
/// removed and warned ones marked; "when ACTIVE" timers are the poller's (see [`on_active`]).
pub fn due(timers: &mut Vec<HibernateTimer>, profile: &str, now: DateTime<Utc>) -> Vec<Due> {
    let mut out = Vec::new();
    timers.retain_mut(|t| {
        if t.profile != profile || t.kind != TimerKind::HibernateAt {
            return true;
        }
        let Some(at) = t.at() else {
            return false;
        };
        if at <= now {
            out.push(Due::Fire(t.clone()));
            return false;
        }
        if !t.warned && at - now <= Duration::minutes(WARN_BEFORE_MINUTES) {
            t.warned = true;
            out.push(Due::Warn(t.clone()));
        }
        true
    });
    out
}

/// The "when ACTIVE" timers of VMs seen ACTIVE by the poller's look at `seen_at`: removed
/// and returned. A timer set after that look began waits for a later one (the look may
/// predate the start the timer follows).
pub fn on_active(
    timers: &mut Vec<HibernateTimer>,
    profile: &str,
    active_vm_ids: &[String],
    seen_at: DateTime<Utc>,
) -> Vec<HibernateTimer> {
    let mut out = Vec::new();
    timers.retain(|t| {
        let hit = t.profile == profile
            && t.kind == TimerKind::HibernateWhenActive
            && t.at().is_some_and(|set| set <= seen_at)
            && active_vm_ids.contains(&t.vm_id);
        if hit {
            out.push(t.clone());
        }
        !hit
    });
    out
}

/// A timer that fires this long after its time fell due while nothing could carry it out
/// (the app closed, no session, a refused key): it fires at once, and the user is told.
pub const LATE_AFTER_SECS: i64 = 60;

/// The VM names of the fired timers that fired late (see [`LATE_AFTER_SECS`]).
pub fn fired_late(fired: &[HibernateTimer], now: DateTime<Utc>) -> Vec<String> {
    fired
        .iter()
        .filter(|t| {
            t.kind == TimerKind::HibernateAt
                && t.at()
                    .is_some_and(|at| now - at > Duration::seconds(LATE_AFTER_SECS))
        })
        .map(|t| t.vm_name.clone())
        .collect()
}

/// When the runner should look again: the next warning or firing, at most a minute away.
pub fn next_check(timers: &[HibernateTimer], now: DateTime<Utc>) -> std::time::Duration {
    let next = timers
        .iter()
        .filter(|t| t.kind == TimerKind::HibernateAt)
        .filter_map(|t| {
            let at = t.at()?;
            Some(if t.warned {
                at
            } else {
                at - Duration::minutes(WARN_BEFORE_MINUTES)
            })
        })
        .min();
    let wait = next
        .map(|n| (n - now).num_milliseconds().max(0) as u64)
        .unwrap_or(60_000)
        .min(60_000);
    std::time::Duration::from_millis(wait.max(200))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_waits_for_active_and_refuses_what_cannot_hibernate() {
        for ok in [
            VMStatus::Active,
            VMStatus::Creating,
            VMStatus::Starting,
            VMStatus::Rebooting,
            VMStatus::Restoring,
        ] {
            assert_eq!(blocked(&ok), None, "{ok:?}");
        }
        assert!(blocked(&VMStatus::Shutoff)
            .unwrap()
            .contains("Start it first"));
        assert!(blocked(&VMStatus::Hibernated)
            .unwrap()
            .contains("already hibernated"));
        assert_eq!(blocked(&VMStatus::Error), Some(TIMER_BLOCKED_OTHERWISE));
        let rules = timer_rules();
        assert_eq!(rules["byState"]["ACTIVE"], serde_json::Value::Null);
        assert_eq!(
            rules["byState"].as_object().unwrap().len(),
            VMStatus::KNOWN.len()
        );
        assert_eq!(rules["otherwise"], TIMER_BLOCKED_OTHERWISE);
    }
    use crate::deploy_store::MemoryDocs;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// "Hibernate at `at`" on the VM `D1` (named `a`) of profile `p`, set at `now`.
    fn at_on_d1(list: &mut Vec<HibernateTimer>, at: &str, now: DateTime<Utc>) -> HibernateTimer {
        add(list, "p", "D1", "a", TimerKind::HibernateAt, t(at), now).unwrap()
    }

    #[test]
    fn a_timer_warns_ten_minutes_before_then_fires_once() {
        let now = t("2026-11-27T10:00:00Z");
        let mut list = Vec::new();
        add(
            &mut list,
            "p",
            "D1",
            "train",
            TimerKind::HibernateAt,
            t("2026-11-27T11:00:00Z"),
            now,
        )
        .unwrap();
        assert!(due(&mut list, "p", t("2026-11-27T10:49:00Z")).is_empty());
        let d = due(&mut list, "p", t("2026-11-27T10:50:00Z"));
        assert!(matches!(&d[..], [Due::Warn(x)] if x.vm_id == "D1"));
        assert!(
            due(&mut list, "p", t("2026-11-27T10:55:00Z")).is_empty(),
            "warned once"
        );
        // Another profile's session does not act on it.
        assert!(due(&mut list, "q", t("2026-11-27T11:00:00Z")).is_empty());
        let d = due(&mut list, "p", t("2026-11-27T11:00:00Z"));
        assert!(matches!(&d[..], [Due::Fire(x)] if x.vm_id == "D1"));
        assert!(list.is_empty());
    }

    #[test]
    fn timers_survive_a_restart_and_fire_if_due_meanwhile() {
        let docs = MemoryDocs::default();
        let now = t("2026-11-27T10:00:00Z");
        let mut list = load(&docs);
        at_on_d1(&mut list, "2026-11-27T12:00:00Z", now);
        add(
            &mut list,
            "p",
            "D2",
            "b",
            TimerKind::HibernateWhenActive,
            now,
            now,
        )
        .unwrap();
        save(&docs, &list).unwrap();
        // "Restart": a fresh load from the store, long after the time.
        let mut again = load(&docs);
        assert_eq!(again, list);
        let d = due(&mut again, "p", t("2026-11-28T09:00:00Z"));
        assert!(matches!(&d[..], [Due::Fire(x)] if x.vm_id == "D1"));
        // A look that began before the timer was set does not fire it.
        let early = now - Duration::seconds(1);
        assert!(on_active(&mut again, "p", &["D2".to_string()], early).is_empty());
        let later = t("2026-11-28T09:00:00Z");
        let hit = on_active(&mut again, "p", &["D2".to_string()], later);
        assert_eq!(hit.len(), 1);
        assert!(again.is_empty());
    }

    #[test]
    fn one_plan_per_vm_past_times_refused_and_postpone() {
        let now = t("2026-11-27T10:00:00Z");
        let mut list = Vec::new();
        let e = add(&mut list, "p", "D1", "a", TimerKind::HibernateAt, now, now).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("at"));
        at_on_d1(&mut list, "2026-11-27T10:05:00Z", now);
        let second = at_on_d1(&mut list, "2026-11-27T13:00:00Z", now);
        assert_eq!(list.len(), 1);
        assert!(!second.warned);
        let moved = postpone(&mut list, &second.id, 30, now).unwrap();
        assert_eq!(moved.at().unwrap(), t("2026-11-27T13:30:00Z"));
        // Postponing one that already passed counts from now.
        let moved = postpone(&mut list, &second.id, 5, t("2026-11-27T14:00:00Z")).unwrap();
        assert_eq!(moved.at().unwrap(), t("2026-11-27T14:05:00Z"));
        assert!(moved.warned, "five minutes ahead: inside the warning time");
    }

    /// A postponement past what the store can hold is refused, and the timer stays as it
    /// was (stored as `+10196-…`, it read back as no time and the runner dropped it).
    #[test]
    fn a_postponement_beyond_year_9999_is_refused_and_the_timer_kept() {
        let now = t("2026-11-27T10:00:00Z");
        let mut list = Vec::new();
        let timer = at_on_d1(&mut list, "2026-11-27T13:00:00Z", now);
        for minutes in [u32::MAX as i64, i64::MAX] {
            let e = postpone(&mut list, &timer.id, minutes, now).unwrap_err();
            assert_eq!(e.code, AppErrorCode::Validation);
            assert_eq!(e.field.as_deref(), Some("minutes"));
            assert_eq!(list, vec![timer.clone()], "unchanged");
        }
        // The runner still sees it: not fired, not dropped.
        assert!(due(&mut list, "p", now).is_empty());
        assert_eq!(list.len(), 1);
        let moved = postpone(&mut list, &timer.id, 60 * 24 * 365, now).unwrap();
        assert_eq!(moved.at().unwrap(), t("2027-11-27T13:00:00Z"));
    }

    #[test]
    fn timers_that_fell_due_long_ago_are_said_to_be_late() {
        let now = t("2026-11-27T10:00:00Z");
        let mut list = Vec::new();
        for (vm, at) in [
            ("overnight", "2026-11-27T09:00:00Z"),
            ("on-time", "2026-11-27T09:59:30Z"),
        ] {
            add(
                &mut list,
                "p",
                vm,
                vm,
                TimerKind::HibernateAt,
                t(at),
                t("2026-11-26T10:00:00Z"),
            )
            .unwrap();
        }
        let fired: Vec<HibernateTimer> = due(&mut list, "p", now)
            .into_iter()
            .filter_map(|d| match d {
                Due::Fire(t) => Some(t),
                Due::Warn(_) => None,
            })
            .collect();
        assert_eq!(fired.len(), 2, "both fire at once");
        assert_eq!(fired_late(&fired, now), vec!["overnight".to_string()]);
    }

    #[test]
    fn the_runner_looks_again_at_the_next_event() {
        let now = t("2026-11-27T10:00:00Z");
        let mut list = Vec::new();
        assert_eq!(next_check(&list, now).as_secs(), 60);
        at_on_d1(&mut list, "2026-11-27T10:00:05Z", now);
        assert_eq!(next_check(&list, now).as_secs(), 5);
    }
}
