//! What the poller shares with the rest of the backend, so that it stays the one loop that
//! watches the account: its latest look at the instances (the timer runner acts on it
//! instead of listing them itself), and whether a view wants the GPU stock followed (the
//! deploy wizard, while open and visible, through `watch_stock` heartbeats).

use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio::sync::{watch, Notify};

/// How long one heartbeat keeps the stock followed. The UI beats every 30 s while a view is
/// mounted and visible, so a lost "off" (a reload, a crash, a hidden window) ends the
/// following by itself within this time.
pub const STOCK_INTEREST_TTL: Duration = Duration::from_secs(45);

/// One look the poller took at the instances.
#[derive(Debug, Clone, PartialEq)]
pub struct InstancesSeen {
    /// The session it was taken with ([`crate::state::Session::identity`]).
    pub session: String,
    /// When the look began: a VM seen ACTIVE was ACTIVE at this time or later.
    pub at: chrono::DateTime<chrono::Utc>,
    /// The ids of the VMs that were ACTIVE.
    pub active: Vec<String>,
    /// Every VM as the look found it (the tray lists the running ones with their rates).
    pub vms: Vec<barrack_api::types::VMInstance>,
    /// The account's currency, from the balance fetched with the look.
    pub currency: Option<barrack_api::types::CurrencyEnum>,
}

pub struct Watching {
    instances: watch::Sender<Option<InstancesSeen>>,
    /// When a view last said it wants the stock (`None`: no view, or the last one left).
    /// A time rather than a count of views: an "on" and "off" that cross, or an "off" that
    /// never comes, cannot leave the stock followed for ever.
    stock_heartbeat: Mutex<Option<Instant>>,
    /// Wakes the poller when the stock starts being followed, for the stock only (unlike
    /// [`crate::state::AppState::poke_poller`], it does not make the storage lists due).
    pub stock_wake: Notify,
}

impl Default for Watching {
    fn default() -> Self {
        Watching {
            instances: watch::Sender::new(None),
            stock_heartbeat: Mutex::new(None),
            stock_wake: Notify::new(),
        }
    }
}

impl Watching {
    /// The poller's latest look replaces the previous one (and wakes the subscribers).
    pub fn publish_instances(&self, seen: InstancesSeen) {
        self.instances.send_replace(Some(seen));
    }

    /// The latest look, if the poller has taken one.
    pub fn instances(&self) -> Option<InstancesSeen> {
        self.instances.borrow().clone()
    }

    /// Hears every new look (the timer runner waits on it).
    pub fn subscribe_instances(&self) -> watch::Receiver<Option<InstancesSeen>> {
        self.instances.subscribe()
    }

    /// `on`: a view wants the stock now (a heartbeat); `off`: the view left, following
    /// ends at once. A heartbeat that starts the following wakes the poller for the stock.
    pub fn want_stock(&self, on: bool) {
        self.want_stock_at(on, Instant::now());
    }

    fn want_stock_at(&self, on: bool, now: Instant) {
        let started = {
            let mut beat = self
                .stock_heartbeat
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            let was = Self::alive(*beat, now);
            *beat = on.then_some(now);
            on && !was
        };
        if started {
            self.stock_wake.notify_one();
        }
    }

    /// Whether some view wants the stock: its last heartbeat is younger than
    /// [`STOCK_INTEREST_TTL`].
    pub fn stock_wanted(&self) -> bool {
        self.stock_wanted_at(Instant::now())
    }

    fn stock_wanted_at(&self, now: Instant) -> bool {
        Self::alive(
            *self
                .stock_heartbeat
                .lock()
                .unwrap_or_else(|e| e.into_inner()),
            now,
        )
    }

    fn alive(beat: Option<Instant>, now: Instant) -> bool {
        beat.is_some_and(|t| now.saturating_duration_since(t) < STOCK_INTEREST_TTL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_interest_expires_without_heartbeats() {
        let w = Watching::default();
        let t0 = Instant::now();
        assert!(!w.stock_wanted_at(t0));
        w.want_stock_at(true, t0);
        assert!(w.stock_wanted_at(t0 + Duration::from_secs(44)));
        assert!(
            !w.stock_wanted_at(t0 + STOCK_INTEREST_TTL),
            "no beat for 45 s"
        );
        // Beats every 30 s keep it followed.
        w.want_stock_at(true, t0 + Duration::from_secs(30));
        w.want_stock_at(true, t0 + Duration::from_secs(60));
        assert!(w.stock_wanted_at(t0 + Duration::from_secs(100)));
        assert!(!w.stock_wanted_at(t0 + Duration::from_secs(105)));
    }

    #[test]
    fn off_ends_the_interest_at_once() {
        let w = Watching::default();
        let t0 = Instant::now();
        w.want_stock_at(true, t0);
        w.want_stock_at(false, t0 + Duration::from_secs(1));
        assert!(!w.stock_wanted_at(t0 + Duration::from_secs(1)));
        w.want_stock_at(false, t0 + Duration::from_secs(2));
        w.want_stock_at(true, t0 + Duration::from_secs(3));
        assert!(
            w.stock_wanted_at(t0 + Duration::from_secs(3)),
            "extra offs leave no debt"
        );
    }

    /// An "off" overtaken by its "on" (or an "on" whose "off" never comes) leaves the stock
    /// followed only until the heartbeat runs out.
    #[test]
    fn crossed_or_lost_messages_cannot_leave_it_on() {
        let w = Watching::default();
        let t0 = Instant::now();
        w.want_stock_at(false, t0);
        w.want_stock_at(true, t0);
        assert!(w.stock_wanted_at(t0));
        assert!(!w.stock_wanted_at(t0 + STOCK_INTEREST_TTL));
    }

    #[tokio::test]
    async fn only_a_starting_heartbeat_wakes_the_poller() {
        use futures::FutureExt;
        let w = Watching::default();
        let t0 = Instant::now();
        w.want_stock_at(true, t0);
        assert!(w.stock_wake.notified().now_or_never().is_some());
        w.want_stock_at(true, t0 + Duration::from_secs(30));
        assert!(
            w.stock_wake.notified().now_or_never().is_none(),
            "a beat while followed wakes nothing"
        );
        w.want_stock_at(true, t0 + Duration::from_secs(100));
        assert!(
            w.stock_wake.notified().now_or_never().is_some(),
            "a beat after the interest ran out starts it again"
        );
    }
}
