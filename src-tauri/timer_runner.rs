//! Carries out hibernate timers (see timers.rs) for the signed-in profile while the app
//! runs: warns ten minutes ahead, hibernates when due, and hibernates a VM the user started
//! "to hibernate" once it is ACTIVE. Woken early when a timer is set or changed.

use crate::poller::{Notice, ResourcesChanged};
use crate::state::AppState;
use crate::timers::{self, Due, TimerKind};
use barrack_api::types::*;
use std::time::Duration;

/// How often a "when ACTIVE" timer looks at its VM (one request while such a timer exists).
const WHEN_ACTIVE_EVERY: Duration = Duration::from_secs(3);

/// One round: what was done, as notices; whether the timers changed; the timers now.
pub async fn round(state: &AppState) -> (Vec<Notice>, bool, Vec<timers::HibernateTimer>) {
    let Some(session) = state.current().await else {
        return (Vec::new(), false, timers::load(state.docs.as_ref()));
    };
    let _guard = state.timers_lock.lock().await;
    let mut list = timers::load(state.docs.as_ref());
    let before = list.clone();
    let mut notices = Vec::new();
    for d in timers::due(&mut list, &session.profile, chrono::Utc::now()) {
        match d {
            Due::Warn(t) => notices.push(Notice {
                title: format!("{} hibernates in 10 minutes", t.vm_name),
                body: "A timer you set. Open Barrack Desktop › Billing to postpone or cancel it."
                    .into(),
            }),
            Due::Fire(t) => notices.push(hibernate(state, &t.vm_id, &t.vm_name).await),
        }
    }
    if list
        .iter()
        .any(|t| t.kind == TimerKind::HibernateWhenActive && t.profile == session.profile)
    {
        if let Ok(client) = state.client().await {
            let q = InstanceListQuery {
                status: Some(VMStatus::Active),
                ..Default::default()
            };
            if let Ok(r) = client.list_instances(&q).await {
                let active: Vec<String> = r.instances.into_iter().map(|v| v.id).collect();
                for t in timers::on_active(&mut list, &session.profile, &active) {
                    notices.push(hibernate(state, &t.vm_id, &t.vm_name).await);
                }
            }
        }
    }
    let changed = list != before;
    if changed {
        let _ = timers::save(state.docs.as_ref(), &list);
    }
    (notices, changed, list)
}

async fn hibernate(state: &AppState, vm_id: &str, vm_name: &str) -> Notice {
    let result = match state.client().await {
        Ok(c) => c.hibernate_instance(vm_id).await.map_err(|e| e.message),
        Err(e) => Err(e.message),
    };
    state.poke_poller();
    match result {
        Ok(_) => Notice {
            title: format!("{vm_name} is hibernating"),
            body: "As your timer asked. It now bills the hibernation rate.".into(),
        },
        Err(why) => Notice {
            title: format!("{vm_name} could not be hibernated"),
            body: format!("The timer fired, but: {why}"),
        },
    }
}

/// Runs for the life of the app.
pub async fn run<G, F>(state: &AppState, mut notify: G, mut emit: F)
where
    G: FnMut(Notice),
    F: FnMut(ResourcesChanged),
{
    loop {
        let (notices, changed, list) = round(state).await;
        notices.into_iter().for_each(&mut notify);
        if changed {
            emit(ResourcesChanged {
                kinds: vec!["timers".into()],
                ..Default::default()
            });
        }
        let mut wait = timers::next_check(&list, chrono::Utc::now());
        if list
            .iter()
            .any(|t| t.kind == TimerKind::HibernateWhenActive)
        {
            wait = wait.min(WHEN_ACTIVE_EVERY);
        }
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = state.timers_poke.notified() => {}
        }
    }
}
