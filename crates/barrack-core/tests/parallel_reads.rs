//! The dashboard's and the wizard's reads are asked together, not one after another (issue
//! 17: each within one round trip plus a little). Every request of one command is in flight at
//! one moment: the last one started before the first one was answered. With 100 ms added to
//! each answer by barrack-sim, a read that waits for another (a waterfall) starts after an
//! answer and fails this; no duration is asserted, only the order in the emulator's log.

mod common;

use barrack_sim::faults::{Fault, FaultKind};
use barrack_sim::request_log::LoggedRequest;
use common::signed_in;

/// Runs `command` with 100 ms of latency on every request; answers its requests, in order.
async fn requests_of<F, T>(sim: &barrack_sim::RunningSim, command: F) -> Vec<LoggedRequest>
where
    F: std::future::Future<Output = Result<T, barrack_core::error::AppError>>,
{
    sim.state.clear_request_counts();
    sim.state.faults().add(Fault {
        op: None,
        kind: FaultKind::Latency { ms: 100 },
        times: None,
    });
    let answered = command.await;
    sim.state.faults().clear();
    assert!(answered.is_ok(), "the command answers");
    sim.state.request_log.entries()
}

/// Every request was in flight at one moment: none started after another was answered.
fn assert_in_flight_together(what: &str, log: &[LoggedRequest]) {
    assert!(!log.is_empty(), "{what} asked the API");
    let last_start = log.iter().map(|r| r.started_ms).fold(f64::MIN, f64::max);
    let first_answer = log
        .iter()
        .map(|r| r.finished_ms.expect("answered"))
        .fold(f64::MAX, f64::min);
    let asked: Vec<String> = log
        .iter()
        .map(|r| format!("{} {} {:?}", r.method, r.path, r.query))
        .collect();
    assert!(
        last_start < first_answer,
        "{what}: a request waited for another's answer (a waterfall): {asked:#?}\n{log:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboards_reads_are_in_flight_together() {
    let (state, sim) = signed_in().await;
    let log = requests_of(&sim, barrack_core::overview::account_overview(&state)).await;
    // Instances, pricing (unless already kept), balance, volumes, snapshots, billing.
    assert!(log.len() >= 5, "{log:#?}");
    assert_in_flight_together("account_overview", &log);
    sim.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_instances_pages_reads_are_in_flight_together() {
    let (state, sim) = signed_in().await;
    let log = requests_of(&sim, barrack_core::overview::instances_overview(&state)).await;
    assert!(log.len() >= 3, "{log:#?}");
    assert_in_flight_together("instances_overview", &log);
    sim.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wizards_catalog_reads_are_in_flight_together() {
    let (state, sim) = signed_in().await;
    let log = requests_of(&sim, barrack_core::deploy::deploy_catalog(&state)).await;
    // Stock, specs, pricing (unless already kept), regions, balance.
    assert!(log.len() >= 4, "{log:#?}");
    assert_in_flight_together("deploy_catalog", &log);
    sim.stop().await;
}
