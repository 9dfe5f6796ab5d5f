//! One request serves every identical read asked while it is in flight. And in the client's
//! first seconds (start-up, when the poller's first round and the window's first pages ask for
//! the same lists), a read made inside [`reusing_recent`] (the poller's, the app's commands')
//! is served by an answer just received. Any other read after an answer asks again (a test that changes the
//! server between two reads sees the change), and a write through the client forgets every
//! kept answer.

use crate::error::{ApiError, Result};
use futures::future::{BoxFuture, FutureExt, Shared};
use serde_json::Value;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// How long after the client was made a received answer may serve another read.
pub const START_WINDOW: Duration = Duration::from_secs(5);
/// How old a received answer may be to serve another read (within [`START_WINDOW`]): below
/// the fastest poll interval, so a poll always asks again.
pub const FRESH_FOR: Duration = Duration::from_millis(900);

type Answer = std::result::Result<Value, ApiError>;

tokio::task_local! {
    static REUSE_RECENT: ();
}

/// Runs `f` with its reads served by answers just received, within [`START_WINDOW`] (the
/// poller: its first round repeats what the window has just asked).
pub async fn reusing_recent<F: Future>(f: F) -> F::Output {
    REUSE_RECENT.scope((), f).await
}

struct Entry {
    answer: Shared<BoxFuture<'static, Answer>>,
    asked: Instant,
}

pub struct ReadShare {
    made: Instant,
    entries: Mutex<HashMap<String, Entry>>,
    /// Becomes true at the first read asked (see [`ReadShare::first_read`]).
    first_read: tokio::sync::watch::Sender<bool>,
}

impl Default for ReadShare {
    fn default() -> Self {
        ReadShare {
            made: Instant::now(),
            entries: Mutex::new(HashMap::new()),
            first_read: tokio::sync::watch::channel(false).0,
        }
    }
}

impl ReadShare {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The answer to the read `key` (method and URL): the one in flight or just received,
    /// else `send`'s.
    pub async fn read<F>(&self, key: String, send: F) -> Result<Value>
    where
        F: Future<Output = Answer> + Send + 'static,
    {
        self.first_read.send_replace(true);
        let recent_too = REUSE_RECENT.try_with(|_| ()).is_ok();
        let answer = {
            let mut entries = self.entries();
            let now = Instant::now();
            let fresh = |e: &Entry| {
                now.duration_since(self.made) < START_WINDOW
                    && now.duration_since(e.asked) < FRESH_FOR
            };
            let reusable = |e: &Entry, recent_too: bool| match e.answer.peek() {
                None => true,
                Some(Ok(_)) => recent_too && fresh(e),
                Some(Err(_)) => false,
            };
            match entries.get(&key) {
                Some(e) if reusable(e, recent_too) => e.answer.clone(),
                _ => {
                    let answer = send.boxed().shared();
                    // Done answers past their use go as new ones come.
                    entries.retain(|_, e| reusable(e, true));
                    entries.insert(
                        key,
                        Entry {
                            answer: answer.clone(),
                            asked: now,
                        },
                    );
                    answer
                }
            }
        };
        answer.await
    }

    /// A write: no answer received before it serves a read after it.
    pub fn forget(&self) {
        self.entries().clear();
    }

    /// Resolves once a read has been asked through this client (start-up waits on it: the
    /// poller's first round joins the window's first reads instead of repeating them).
    pub async fn first_read(&self) {
        let mut rx = self.first_read.subscribe();
        let _ = rx.wait_for(|asked| *asked).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn counted(n: &Arc<AtomicUsize>, delay: Duration) -> impl Future<Output = Answer> + Send {
        let n = n.clone();
        async move {
            let i = n.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(delay).await;
            Ok(Value::from(i))
        }
    }

    #[tokio::test(start_paused = true)]
    async fn reads_in_flight_together_are_one_request() {
        let share = ReadShare::default();
        let n = Arc::new(AtomicUsize::new(0));
        let key = || "GET /api/balance".to_owned();
        let (a, b) = tokio::join!(
            share.read(key(), counted(&n, Duration::from_millis(200))),
            share.read(key(), counted(&n, Duration::from_millis(200)))
        );
        assert_eq!(n.load(Ordering::SeqCst), 1);
        assert_eq!(a.unwrap(), b.unwrap());
    }

    #[tokio::test(start_paused = true)]
    async fn a_fresh_answer_serves_the_poller_at_start_but_not_later_nor_after_a_write() {
        let share = ReadShare::default();
        let n = Arc::new(AtomicUsize::new(0));
        let key = || "GET /api/instances".to_owned();
        let plain = || share.read(key(), counted(&n, Duration::from_millis(5)));
        let ask = || reusing_recent(share.read(key(), counted(&n, Duration::from_millis(5))));
        plain().await.unwrap();
        plain().await.unwrap();
        assert_eq!(
            n.load(Ordering::SeqCst),
            2,
            "a plain read after an answer asks again"
        );
        ask().await.unwrap();
        assert_eq!(
            n.load(Ordering::SeqCst),
            2,
            "just received, at start: reused"
        );
        tokio::time::sleep(FRESH_FOR).await;
        ask().await.unwrap();
        assert_eq!(
            n.load(Ordering::SeqCst),
            3,
            "older than FRESH_FOR: asked again"
        );
        share.forget();
        ask().await.unwrap();
        assert_eq!(n.load(Ordering::SeqCst), 4, "after a write: asked again");
        tokio::time::sleep(START_WINDOW).await;
        ask().await.unwrap();
        ask().await.unwrap();
        assert_eq!(
            n.load(Ordering::SeqCst),
            6,
            "after start-up: every read asks"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_answer_is_not_kept_and_other_reads_are_apart() {
        let share = ReadShare::default();
        let n = Arc::new(AtomicUsize::new(0));
        let failing = |n: &Arc<AtomicUsize>| {
            let n = n.clone();
            async move {
                n.fetch_add(1, Ordering::SeqCst);
                Err(ApiError::new(crate::error::ErrorCode::Network, "down"))
            }
        };
        assert!(share.read("GET /a".into(), failing(&n)).await.is_err());
        assert!(share.read("GET /a".into(), failing(&n)).await.is_err());
        assert_eq!(n.load(Ordering::SeqCst), 2);
        share
            .read("GET /b".into(), counted(&n, Duration::ZERO))
            .await
            .unwrap();
        assert_eq!(n.load(Ordering::SeqCst), 3);
    }
}
