//! `--wait`: poll with backoff until the target state, with a spinner on a terminal and a
//! time limit. Ends with exit 3 on time-out, 1 when the resource reaches ERROR.

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use std::future::Future;
use std::time::{Duration, Instant};

pub enum Poll {
    /// Reached the target; the final state.
    Done(String),
    /// Still on the way; the current state.
    Pending(String),
    /// Ended in a state that will not reach the target (ERROR…).
    Failed(String),
}

pub async fn until<F, Fut>(ctx: &Ctx, what: &str, mut poll: F) -> CliResult<String>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = CliResult<Poll>>,
{
    let limit = Duration::from_secs(ctx.global.wait_timeout);
    let started = Instant::now();
    let bar = if ctx.interactive() && !ctx.json() {
        let b = indicatif::ProgressBar::new_spinner();
        b.enable_steady_tick(Duration::from_millis(120));
        Some(b)
    } else {
        None
    };
    let mut delay = Duration::from_millis(250);
    let outcome = loop {
        match poll().await {
            Ok(Poll::Done(state)) => break Ok(state),
            Ok(Poll::Failed(state)) => {
                break Err(CliError::Failed(format!("{what}: ended in {state}")))
            }
            Ok(Poll::Pending(state)) => {
                if let Some(b) = &bar {
                    b.set_message(format!(
                        "{what}: {state} ({}s)",
                        started.elapsed().as_secs()
                    ));
                }
            }
            Err(e) => break Err(e),
        }
        if started.elapsed() >= limit {
            break Err(CliError::Timeout(format!(
                "{what}: not done after {}s (--wait-timeout)",
                limit.as_secs()
            )));
        }
        tokio::time::sleep(delay.min(limit.saturating_sub(started.elapsed()))).await;
        delay = (delay * 3 / 2).min(Duration::from_secs(5));
    };
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    outcome
}
