//! Keeps the app's long-running tasks (the poller, the timer runner) alive: a task that
//! panics is started again after a wait that doubles from 1 s up to 60 s, and goes back to
//! 1 s once the task has run a healthy minute. Every restart is logged to stderr. Tauri-free:
//! the wait is a closure, so the tests run without sleeping.

use futures::FutureExt;
use std::collections::BTreeSet;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The first wait after a panic.
pub const FIRST_DELAY: Duration = Duration::from_secs(1);
/// The longest wait.
pub const MAX_DELAY: Duration = Duration::from_secs(60);
/// A run this long counts as healthy: the next panic waits [`FIRST_DELAY`] again.
pub const HEALTHY_AFTER: Duration = Duration::from_secs(60);

/// The test hook's environment variable: a comma list of task names that panic once.
pub const PANIC_ONCE_VAR: &str = "BARRACK_TEST_PANIC_ONCE";

/// The wait before restart number `consecutive` (0 = the first after a healthy run):
/// 1 s, 2 s, 4 s … 60 s.
pub fn restart_delay(consecutive: u32) -> Duration {
    FIRST_DELAY
        .saturating_mul(2u32.saturating_pow(consecutive.min(16)))
        .min(MAX_DELAY)
}

/// How many panics in a row count after one that came `ran_for` after the last start.
pub fn consecutive_after(previous: u32, ran_for: Duration) -> u32 {
    if ran_for >= HEALTHY_AFTER {
        0
    } else {
        previous.saturating_add(1)
    }
}

/// The names armed by `BARRACK_TEST_PANIC_ONCE` (read once at start); each fires once.
#[derive(Debug, Default)]
pub struct PanicOnce(Mutex<BTreeSet<String>>);

impl PanicOnce {
    pub fn parse(list: &str) -> Self {
        PanicOnce(Mutex::new(
            list.split(',')
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect(),
        ))
    }

    pub fn from_env() -> Self {
        Self::parse(&std::env::var(PANIC_ONCE_VAR).unwrap_or_default())
    }

    /// Whether `task` must panic now (true once per armed name).
    pub fn take(&self, task: &str) -> bool {
        self.0.lock().map(|mut s| s.remove(task)).unwrap_or(false)
    }
}

/// One restart, as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restart {
    pub task: String,
    /// What the panic said.
    pub panic: String,
    /// 1 for the first restart of this run of panics.
    pub attempt: u32,
    pub delay: Duration,
}

impl std::fmt::Display for Restart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "barrack-desktop: the {} task panicked ({}); restarting it in {} s (restart {} in a row)",
            self.task,
            self.panic,
            self.delay.as_secs_f64(),
            self.attempt
        )
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

/// Runs `start()`'s task; whenever it panics, waits (`sleep`) and starts it again. Returns
/// when the task returns by itself. `log` hears of every restart before its wait.
pub async fn supervise<T, TFut, S, SFut, L>(
    name: &str,
    hook: &PanicOnce,
    mut start: T,
    mut sleep: S,
    mut log: L,
) where
    T: FnMut() -> TFut,
    TFut: Future<Output = ()>,
    S: FnMut(Duration) -> SFut,
    SFut: Future<Output = ()>,
    L: FnMut(&Restart),
{
    let mut consecutive = 0u32;
    let mut first = true;
    loop {
        let armed = hook.take(name);
        let started = Instant::now();
        let task = start();
        let run = async move {
            if armed {
                panic!("{PANIC_ONCE_VAR} asked the {name} task to panic once");
            }
            task.await
        };
        match AssertUnwindSafe(run).catch_unwind().await {
            Ok(()) => return,
            Err(payload) => {
                consecutive = if first {
                    0
                } else {
                    consecutive_after(consecutive, started.elapsed())
                };
                first = false;
                let restart = Restart {
                    task: name.to_owned(),
                    panic: panic_text(payload.as_ref()),
                    attempt: consecutive + 1,
                    delay: restart_delay(consecutive),
                };
                log(&restart);
                sleep(restart.delay).await;
            }
        }
    }
}

/// Logs a restart to stderr and to the app's log file.
pub fn log_to_stderr(restart: &Restart) {
    eprintln!("{restart}");
    log::error!("{restart}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    #[test]
    fn delays_double_from_one_second_to_a_minute() {
        let secs: Vec<u64> = (0..9).map(|n| restart_delay(n).as_secs()).collect();
        assert_eq!(secs, vec![1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(restart_delay(u32::MAX), MAX_DELAY);
    }

    #[test]
    fn a_healthy_stretch_resets_the_backoff() {
        assert_eq!(consecutive_after(3, Duration::from_secs(2)), 4);
        assert_eq!(consecutive_after(3, HEALTHY_AFTER), 0);
        assert_eq!(consecutive_after(u32::MAX, Duration::ZERO), u32::MAX);
    }

    #[test]
    fn the_hook_arms_each_named_task_once() {
        let hook = PanicOnce::parse(" poller, timers ,,");
        assert!(!hook.take("other"));
        assert!(hook.take("poller"));
        assert!(!hook.take("poller"), "once");
        assert!(hook.take("timers"));
        assert!(!PanicOnce::parse("").take(""));
    }

    /// A task that panics twice, then runs to its end, is started three times, with waits
    /// of 1 s then 2 s, each restart logged with what the panic said.
    #[tokio::test]
    async fn a_task_that_panics_twice_is_restarted_twice() {
        let starts = RefCell::new(0u32);
        let slept = RefCell::new(Vec::new());
        let logged = RefCell::new(Vec::new());
        let hook = PanicOnce::default();
        supervise(
            "poller",
            &hook,
            || {
                *starts.borrow_mut() += 1;
                let n = *starts.borrow();
                async move {
                    tokio::task::yield_now().await;
                    if n <= 2 {
                        panic!("round {n} failed");
                    }
                }
            },
            |d| {
                slept.borrow_mut().push(d);
                async {}
            },
            |r: &Restart| logged.borrow_mut().push(r.clone()),
        )
        .await;
        assert_eq!(*starts.borrow(), 3);
        assert_eq!(
            *slept.borrow(),
            vec![restart_delay(0), restart_delay(1)],
            "1 s, then 2 s"
        );
        let logged = logged.borrow();
        assert_eq!(logged.len(), 2);
        assert_eq!(logged[0].panic, "round 1 failed");
        assert_eq!((logged[1].attempt, logged[1].task.as_str()), (2, "poller"));
        let line = logged[1].to_string();
        assert!(
            line.contains("poller") && line.contains("round 2 failed") && line.contains("2 s"),
            "{line}"
        );
    }

    /// The test hook makes the named task panic once, before it starts its work; the
    /// task itself runs after the restart. Other tasks are untouched.
    #[tokio::test]
    async fn the_hook_makes_a_task_panic_once_and_it_comes_back() {
        let hook = PanicOnce::parse("timers");
        let (runs, restarts) = (RefCell::new(0), RefCell::new(0));
        for name in ["timers", "poller"] {
            supervise(
                name,
                &hook,
                || {
                    *runs.borrow_mut() += 1;
                    async {}
                },
                |_| async {},
                |_: &Restart| *restarts.borrow_mut() += 1,
            )
            .await;
        }
        assert_eq!(*restarts.borrow(), 1, "only timers panicked");
        assert_eq!(*runs.borrow(), 3, "timers started twice, poller once");
    }
}
