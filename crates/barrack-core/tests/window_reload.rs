//! A reloaded window reads afresh: the answers the client keeps for its first seconds
//! (barrack-api share.rs, which lets the poller's first round join the window's first reads)
//! never serve what the window shows after a reload. The forgetting is done at once in the
//! page-load callback (`AppState::window_loaded_at_once`), before the new page can ask.

mod common;

use barrack_api::share::reusing_recent;
use common::signed_in;

fn requests(sim: &barrack_sim::RunningSim) -> u64 {
    sim.state.request_counts().values().sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_reload_the_windows_reads_go_to_the_server() {
    let (state, sim) = signed_in().await;
    reusing_recent(barrack_core::overview::account_overview(&state))
        .await
        .unwrap();

    // The window reloads just after those answers came (within the start-up reuse, which
    // would otherwise serve them again); no session change is under way, so it is done now.
    assert!(state.window_loaded_at_once());
    sim.state.clear_request_counts();
    reusing_recent(barrack_core::overview::account_overview(&state))
        .await
        .unwrap();
    assert!(
        requests(&sim) >= 3,
        "the reloaded window's dashboard asked the server: {:?}",
        sim.state.request_counts()
    );
    sim.stop().await;
}
