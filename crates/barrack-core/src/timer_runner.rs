//! Carries out hibernate timers (see timers.rs) for the signed-in profile while the app
//! runs: warns ten minutes ahead, hibernates when due, and hibernates a VM the user started
//! "to hibernate" once the poller sees it ACTIVE (the runner lists nothing itself: it acts
//! on the poller's looks, see watching.rs, and the poller keeps its fast pace while such a
//! timer waits). Woken early when a timer is set or changed. Timers that fell due while the
//! app was closed fire at the first round, and the user is told. With a refused key nothing
//! is tried: the timers wait for the next sign-in.

use crate::effects::Effects;
use crate::notices::{AppNotice, AppNoticeKind};
use crate::poller::{Notice, ResourceKind, ResourcesChanged};
use crate::state::{AppState, Session};
use crate::timers::{self, Due, HibernateTimer, TimerKind};
use barrack_api::ErrorCode;

/// What one round did.
#[derive(Debug, Default)]
pub struct Round {
    /// What was done, as desktop notifications.
    pub notices: Vec<Notice>,
    /// Whether the stored timers changed.
    pub changed: bool,
    /// The timers now.
    pub timers: Vec<HibernateTimer>,
    /// The VMs whose timers fired late this round (fell due while nothing could act).
    pub fired_late: Vec<String>,
}

/// Why a hibernation did not happen.
enum Refusal {
    /// 401: the key is refused; the timer stays for the next session.
    KeyRefused(String),
}

/// The words for timers that fired late.
pub fn late_message(vm_names: &[String]) -> String {
    format!(
        "Hibernate timers fell due while Barrack Desktop was not running (or not signed in) \
         and fired now, late: {}.",
        vm_names.join(", ")
    )
}

/// One round for the signed-in session.
pub async fn round(state: &AppState) -> Round {
    let idle = |state: &AppState| Round {
        timers: timers::load(state.docs.as_ref()),
        ..Default::default()
    };
    let Some(session) = state.current().await else {
        return idle(state);
    };
    if session.is_key_refused() {
        return idle(state);
    }
    // The lock is held to read and to write back, never across a request: a slow server
    // must not make "cancel timer" or "postpone" wait for this round's hibernations.
    let mut list = {
        let _guard = state.timers_lock.lock().await;
        timers::load(state.docs.as_ref())
    };
    let before = list.clone();
    let now = chrono::Utc::now();
    let mut notices = Vec::new();
    let mut fired = Vec::new();
    let mut kept = Vec::new();
    let mut refused = None;
    for d in timers::due(&mut list, &session.profile, now) {
        match d {
            Due::Warn(t) => notices.push(Notice {
                title: format!("{} hibernates in 10 minutes", t.vm_name),
                body: "A timer you set. Open Barrack Desktop › Billing to postpone or cancel it."
                    .into(),
            }),
            // After a refusal nothing more is sent with the key.
            Due::Fire(t) if refused.is_some() => kept.push(t),
            Due::Fire(t) => match hibernate(state, &session, &t.vm_id, &t.vm_name).await {
                Ok(n) => {
                    notices.push(n);
                    fired.push(t);
                }
                Err(Refusal::KeyRefused(why)) => {
                    refused = Some(why);
                    kept.push(t);
                }
            },
        }
    }
    // The poller's latest look with this session says which VMs are ACTIVE.
    let seen = state
        .watching
        .instances()
        .filter(|s| s.session == session.identity());
    if let (None, Some(seen)) = (&refused, seen) {
        for t in timers::on_active(&mut list, &session.profile, &seen.active, seen.at) {
            if refused.is_some() {
                kept.push(t);
                continue;
            }
            match hibernate(state, &session, &t.vm_id, &t.vm_name).await {
                Ok(n) => notices.push(n),
                Err(Refusal::KeyRefused(why)) => {
                    refused = Some(why);
                    kept.push(t);
                }
            }
        }
    }
    if !kept.is_empty() {
        list.extend(kept);
        list.sort_by(|a, b| a.at.cmp(&b.at));
    }
    let (list, changed) = {
        let _guard = state.timers_lock.lock().await;
        let stored = timers::load(state.docs.as_ref());
        let merged = merge(&before, &list, stored.clone());
        let changed = merged != stored;
        if changed {
            let _ = timers::save(state.docs.as_ref(), &merged);
        }
        (merged, changed)
    };
    if let Some(why) = refused {
        state.refuse_key(&session, &why).await;
    }
    let fired_late = timers::fired_late(&fired, now);
    if !fired_late.is_empty() {
        state.push_notice(AppNotice {
            kind: AppNoticeKind::TimersFiredLate,
            message: late_message(&fired_late),
        });
    }
    Round {
        notices,
        changed,
        timers: list,
        fired_late,
    }
}

/// This round's work applied to the timers as stored now (the user may have set, moved or
/// cancelled some while the round's requests were out): the timers the round took out
/// (fired, or unreadable) go; a warning given marks the timer still set for that time;
/// everything else stays as the user left it.
fn merge(
    before: &[HibernateTimer],
    after: &[HibernateTimer],
    mut stored: Vec<HibernateTimer>,
) -> Vec<HibernateTimer> {
    let taken = |id: &str| before.iter().any(|t| t.id == id) && !after.iter().any(|t| t.id == id);
    stored.retain(|t| !taken(&t.id));
    for t in stored.iter_mut() {
        if let Some(done) = after.iter().find(|a| a.id == t.id && a.at == t.at) {
            t.warned |= done.warned;
        }
    }
    stored
}

/// Hibernates the VM; a notice says how it went. Only a refused key is an error: the timer
/// then stays to fire with the next session.
async fn hibernate(
    state: &AppState,
    session: &Session,
    vm_id: &str,
    vm_name: &str,
) -> Result<Notice, Refusal> {
    let result = session.client.hibernate_instance(vm_id).await;
    state.poke_poller();
    match result {
        Ok(_) => Ok(Notice {
            title: format!("{vm_name} is hibernating"),
            body: "As your timer asked. It now bills the hibernation rate.".into(),
        }),
        Err(e) if e.code == ErrorCode::Unauthorized => Err(Refusal::KeyRefused(e.message)),
        Err(e) => Ok(Notice {
            title: format!("{vm_name} could not be hibernated"),
            body: format!("The timer fired, but: {}", e.message),
        }),
    }
}

/// Whether a "when ACTIVE" timer of the signed-in profile was set after the poller's
/// latest look with this session began (or before any look): the poller is asked for a new
/// one rather than waiting out its idle interval.
async fn needs_a_look(state: &AppState, list: &[HibernateTimer]) -> bool {
    let Some(session) = state.current().await.filter(|s| !s.is_key_refused()) else {
        return false;
    };
    let seen_at = state
        .watching
        .instances()
        .filter(|s| s.session == session.identity())
        .map(|s| s.at);
    list.iter().any(|t| {
        t.kind == TimerKind::HibernateWhenActive
            && t.profile == session.profile
            && seen_at.is_none_or(|seen| t.at().is_some_and(|set| set > seen))
    })
}

/// Runs for the life of the app. `timers_now` hears the timers after every round (the
/// tray's menu shows them).
pub async fn run<T>(state: &AppState, fx: &Effects, mut timers_now: T)
where
    T: FnMut(&[HibernateTimer]),
{
    let mut looks = state.watching.subscribe_instances();
    loop {
        let r = round(state).await;
        if !r.fired_late.is_empty() {
            fx.notifier
                .notify("Hibernate timers fired late", &late_message(&r.fired_late));
        }
        for n in &r.notices {
            fx.notifier.notify(&n.title, &n.body);
        }
        if r.changed {
            fx.events.resources_changed(ResourcesChanged {
                kinds: vec![ResourceKind::Timers],
                ..Default::default()
            });
        }
        timers_now(&r.timers);
        if needs_a_look(state, &r.timers).await {
            state.poke_poller();
        }
        let wait = timers::next_check(&r.timers, chrono::Utc::now());
        // A "when ACTIVE" timer is answered by the poller's next look.
        let waits_for_a_look = r
            .timers
            .iter()
            .any(|t| t.kind == TimerKind::HibernateWhenActive);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = state.timers_poke.notified() => {}
            Ok(()) = looks.changed(), if waits_for_a_look => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use crate::test_support::{
        admin_http, request_count, request_counts, revoke_key, sandbox_state, sign_in_again, total,
    };
    use barrack_api::types::*;
    use chrono::Utc;
    use std::sync::Arc;
    use std::time::Duration;

    async fn sandbox() -> (Arc<AppState>, String, VMInstance) {
        let state = Arc::new(sandbox_state(Default::default()).await);
        let admin = state.sandbox.lock().await.as_ref().unwrap().admin_url();
        let client = state.client().await.unwrap();
        let q = InstanceListQuery {
            status: Some(VMStatus::Active),
            ..Default::default()
        };
        let vm = client.list_instances(&q).await.unwrap().instances[0].clone();
        (state, admin, vm)
    }

    /// A timer stored with a time long past (the app was closed then).
    fn overdue(state: &AppState, vm: &VMInstance, hours_ago: i64) {
        let now = Utc::now();
        let mut list = timers::load(state.docs.as_ref());
        let set_at = now - chrono::Duration::hours(hours_ago + 1);
        let at = now - chrono::Duration::hours(hours_ago);
        timers::add(
            &mut list,
            "sandbox",
            &vm.id,
            &vm.name,
            TimerKind::HibernateAt,
            at,
            set_at,
        )
        .unwrap();
        timers::save(state.docs.as_ref(), &list).unwrap();
    }

    /// The round told that `vm` is hibernating.
    fn assert_told_hibernating(r: &Round, vm: &VMInstance) {
        let title = format!("{} is hibernating", vm.name);
        assert!(
            r.notices.iter().any(|n| n.title == title),
            "{:?}",
            r.notices
        );
    }

    /// "Hibernate when ACTIVE" on `vm`, set now.
    fn when_active(state: &AppState, vm: &VMInstance) -> HibernateTimer {
        let now = Utc::now();
        let mut list = timers::load(state.docs.as_ref());
        let t = timers::add(
            &mut list,
            "sandbox",
            &vm.id,
            &vm.name,
            TimerKind::HibernateWhenActive,
            now,
            now,
        )
        .unwrap();
        timers::save(state.docs.as_ref(), &list).unwrap();
        t
    }

    /// A "when ACTIVE" timer is fired from the poller's look at the instances: the runner
    /// sends no list of its own, before the look (it waits) or after it (it hibernates).
    #[tokio::test]
    async fn a_when_active_timer_fires_from_the_pollers_look_without_a_list_of_its_own() {
        let (state, admin, vm) = sandbox().await;
        let timer = when_active(&state, &vm);
        let lists = request_count(&admin, "list_instances").await;
        let all = total(&request_counts(&admin).await);
        // No look yet: nothing is sent, the timer waits.
        let r = round(&state).await;
        assert_eq!(r.timers, vec![timer.clone()]);
        assert_eq!(
            total(&request_counts(&admin).await),
            all,
            "no request without a look"
        );

        // The poller looks (its rounds run until its look is newer than the timer).
        let poller = tokio::spawn({
            let state = state.clone();
            async move { crate::poller::run(&state, &crate::effects::unheard()).await }
        });
        let mut looks = state.watching.subscribe_instances();
        let set_at = timer.at().unwrap();
        while !looks
            .borrow_and_update()
            .as_ref()
            .is_some_and(|s| s.at >= set_at && s.active.contains(&vm.id))
        {
            tokio::time::timeout(Duration::from_secs(10), looks.changed())
                .await
                .expect("the poller looks within 10 s")
                .unwrap();
        }
        poller.abort();
        let _ = poller.await;
        let lists_by_poller = request_count(&admin, "list_instances").await;
        assert!(lists_by_poller > lists, "the look was the poller's");

        let r = round(&state).await;
        assert_told_hibernating(&r, &vm);
        assert!(r.timers.is_empty() && r.changed);
        assert_eq!(request_count(&admin, "hibernate_instance").await, 1);
        assert_eq!(
            request_count(&admin, "list_instances").await,
            lists_by_poller,
            "the runner listed nothing itself"
        );
    }

    /// A look from before the timer was set (the VM may not have been started yet) or from
    /// another session does not fire it.
    #[tokio::test]
    async fn an_older_look_or_another_sessions_does_not_fire_a_timer() {
        let (state, admin, vm) = sandbox().await;
        let session = state.current().await.unwrap();
        let timer = when_active(&state, &vm);
        let set_at = timer.at().unwrap();
        let look = |session: String, at| crate::watching::InstancesSeen {
            session,
            at,
            active: vec![vm.id.clone()],
            vms: vec![],
            currency: None,
        };
        state.watching.publish_instances(look(
            session.identity(),
            set_at - chrono::Duration::seconds(1),
        ));
        assert_eq!(round(&state).await.timers, vec![timer.clone()]);
        state
            .watching
            .publish_instances(look("work|https://elsewhere/|false".into(), Utc::now()));
        assert_eq!(round(&state).await.timers, vec![timer.clone()]);
        assert_eq!(request_count(&admin, "hibernate_instance").await, 0);
        state
            .watching
            .publish_instances(look(session.identity(), Utc::now()));
        assert!(round(&state).await.timers.is_empty());
        assert_eq!(request_count(&admin, "hibernate_instance").await, 1);
    }

    /// The running tasks together: a timer set while the poller idles (an hour between
    /// looks) makes the runner ask for a look, and the look wakes it to hibernate the VM.
    #[tokio::test]
    async fn the_runner_wakes_on_the_pollers_look() {
        let (state, admin, vm) = sandbox().await;
        let mut s = state.settings.load().unwrap();
        s.poll_idle_secs = 3600;
        s.poll_fast_secs = 1;
        state.settings.save(&s).unwrap();
        let poller = tokio::spawn({
            let state = state.clone();
            async move { crate::poller::run(&state, &crate::effects::unheard()).await }
        });
        let runner = tokio::spawn({
            let state = state.clone();
            async move { run(&state, &crate::effects::unheard(), |_| {}).await }
        });
        // After the poller's first look (idle: its next is an hour away unless a timer waits).
        let mut looks = state.watching.subscribe_instances();
        tokio::time::timeout(Duration::from_secs(10), looks.wait_for(|l| l.is_some()))
            .await
            .expect("a first look")
            .unwrap();
        // Set the way the commands set it (they wake the runner, which asks for a look).
        when_active(&state, &vm);
        state.timers_poke.notify_one();
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        while request_count(&admin, "hibernate_instance").await == 0 {
            assert!(
                std::time::Instant::now() < deadline,
                "the timer did not fire"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        poller.abort();
        runner.abort();
        assert!(timers::load(state.docs.as_ref()).is_empty());
    }

    /// A timer that fell due while the app was closed fires at the first round, and the
    /// window is told which VMs were hibernated late.
    #[tokio::test]
    async fn overdue_timers_fire_at_the_first_round_and_say_so() {
        let (state, _, vm) = sandbox().await;
        overdue(&state, &vm, 2);
        let r = round(&state).await;
        assert_eq!(r.fired_late, vec![vm.name.clone()]);
        assert!(r.timers.is_empty() && r.changed);
        assert_told_hibernating(&r, &vm);
        let notices = state.notices.take();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert_eq!(notices[0].kind, AppNoticeKind::TimersFiredLate);
        assert!(notices[0].message.contains(&vm.name), "{notices:?}");
        let now = state
            .client()
            .await
            .unwrap()
            .get_instance(&vm.id)
            .await
            .unwrap()
            .instance;
        assert_ne!(now.status, VMStatus::Active, "hibernated: {:?}", now.status);
        // Said once: the next round has nothing late to tell.
        assert!(round(&state).await.fired_late.is_empty());
        assert!(state.notices.take().is_empty());
    }

    /// With a refused key the runner sends nothing more and keeps the timer for the next
    /// session, which fires it (late, and says so).
    #[tokio::test]
    async fn a_refused_key_is_not_hammered_and_the_timer_waits() {
        let (state, admin, vm) = sandbox().await;
        overdue(&state, &vm, 1);
        let recorder = Arc::new(crate::effects::Recorder::default());
        let _ = state.effects.set(recorder.effects());
        let refusals = &recorder.key_refused;
        let new_key = revoke_key(&admin).await;
        let r = round(&state).await;
        assert!(r.notices.is_empty(), "{:?}", r.notices);
        assert_eq!(r.timers.len(), 1, "the timer stays");
        assert_eq!(refusals.lock().unwrap().len(), 1);
        assert_eq!(refusals.lock().unwrap()[0].profile, "sandbox");
        let after_refusal = total(&request_counts(&admin).await);
        for _ in 0..3 {
            round(&state).await;
        }
        assert_eq!(
            total(&request_counts(&admin).await),
            after_refusal,
            "no request with a refused key"
        );
        assert_eq!(refusals.lock().unwrap().len(), 1, "said once");
        assert!(timers::load(state.docs.as_ref()).len() == 1);

        // Signing in again (here: the sandbox's new key) fires it.
        sign_in_again(&state, new_key).await;
        let r = round(&state).await;
        assert_eq!(r.fired_late, vec![vm.name.clone()]);
        assert!(r.timers.is_empty());
    }

    /// While a round's hibernation is out (the server slow), the timers' lock is free: the
    /// user can set or cancel a timer at once, and the round's write-back keeps that change
    /// while removing the timer it fired.
    #[tokio::test]
    async fn a_slow_hibernation_does_not_hold_the_timers() {
        let (state, admin, vm) = sandbox().await;
        let http = admin_http();
        let fault = serde_json::json!(
            {"op":"hibernate_instance","kind":"latency","ms":3000,"times":1}
        );
        let r = http
            .post(format!("{admin}faults"))
            .json(&fault)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
        overdue(&state, &vm, 1);
        let running = tokio::spawn({
            let state = state.clone();
            async move { round(&state).await }
        });
        // Until the hibernation request has reached the server (and waits there).
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            if request_count(&admin, "hibernate_instance").await >= 1 {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "no hibernation sent");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let later = {
            let _guard = tokio::time::timeout(Duration::from_millis(500), state.timers_lock.lock())
                .await
                .expect("the timers' lock is free while the request is out");
            let mut list = timers::load(state.docs.as_ref());
            let now = Utc::now();
            let t = timers::add(
                &mut list,
                "sandbox",
                "other-vm",
                "other",
                TimerKind::HibernateAt,
                now + chrono::Duration::hours(2),
                now,
            )
            .unwrap();
            timers::save(state.docs.as_ref(), &list).unwrap();
            t
        };
        let r = running.await.unwrap();
        assert_eq!(r.fired_late, vec![vm.name.clone()]);
        assert_eq!(
            r.timers,
            vec![later.clone()],
            "fired one gone, new one kept"
        );
        assert_eq!(timers::load(state.docs.as_ref()), vec![later]);
    }
}
