//! One backend task watches the account: fast while something is in transition (backing
//! off while nothing changes), slow when all is still. Idle, every round costs two requests,
//! one round per idle interval (a minute by default), so an idle app makes at most two
//! requests a minute (issue 17): the instance list and the balance, and every fifth round the
//! snapshot and image lists instead (see [`Pace`]).
//! Changes go to the UI as one batched event; notable ones also as desktop notifications.

use crate::effects::Effects;
use crate::state::{AppState, Session};
use crate::watching::InstancesSeen;
use barrack_api::lists;
use barrack_api::state::is_transitional;
use barrack_api::types::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// What a change event says changed: each kind the backend watches (the poller, and the
/// timer runner for its own timers). The UI maps every kind to the caches it refreshes; a
/// kind added here fails its type check until it is mapped.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "camelCase")]
pub enum ResourceKind {
    /// The instance list (a VM's status, a VM added or gone).
    Instances,
    Snapshots,
    Images,
    /// The account's balance (the event carries the amount).
    Balance,
    /// The GPU stock, followed only while a view asked for it (`watch_stock`).
    Stock,
    /// The hibernate timers (sent by the timer runner).
    Timers,
}

/// What changed since the last poll (the UI patches its cache from it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ResourcesChanged {
    pub kinds: Vec<ResourceKind>,
    /// The instances whose state changed, as they are now.
    pub instances: Vec<VMInstance>,
    pub balance: Option<f64>,
    pub currency: Option<CurrencyEnum>,
    /// Every currency's balance when any changed (credits cannot move between currencies,
    /// and the Billing page shows them all); empty otherwise.
    pub balances: Vec<Balance>,
    /// With a new balance: the runway at the dashboard's last burn rate (costs::runway_hours,
    /// so the window patches it without fetching the overview or computing it again); none
    /// when nothing burns or no overview was read in this session.
    pub runway_hours: Option<f64>,
}

/// Whether the API can be reached (for the offline banner).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionChanged {
    pub online: bool,
    pub message: Option<String>,
}

/// The server refused the signed-in profile's key (401): the poller stopped using it; the
/// window says "the key for <profile> was refused — sign in again" and keeps its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyRefused {
    pub profile: String,
    pub message: String,
}

impl KeyRefused {
    /// `reason` is the server's own text (already cut short and free of the key by the client).
    pub fn new(profile: &str, reason: &str) -> Self {
        let reason = reason.trim();
        let mut message = format!("The key for {profile} was refused — sign in again.");
        if !reason.is_empty() {
            message.push_str(&format!(" The server said: {reason}"));
        }
        KeyRefused {
            profile: profile.to_owned(),
            message,
        }
    }
}

/// What a failed round means for the poller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// 401: the key is refused; stop using it until the session changes.
    KeyRefused,
    /// The API cannot be reached or fails on its side: offline, poll again soon.
    Offline,
    /// Anything else (a bad answer): try again at the usual pace.
    Other,
}

pub fn failure(code: barrack_api::ErrorCode) -> Failure {
    if code == barrack_api::ErrorCode::Unauthorized {
        Failure::KeyRefused
    } else if code.is_transient() {
        Failure::Offline
    } else {
        Failure::Other
    }
}

/// The session to poll with, if any: a refused key is not used again.
pub fn usable(session: Option<Session>) -> Option<Session> {
    session.filter(|s| !s.is_key_refused())
}

/// A desktop notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// The last thing seen of each watched resource.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    pub instances: BTreeMap<String, (String, VMStatus)>,
    pub snapshots: BTreeMap<String, (String, SnapshotStatus)>,
    pub images: BTreeMap<String, (String, ImageStatus)>,
    pub balance: Option<f64>,
    /// Every currency's balance, as last seen.
    pub balances: Vec<Balance>,
    /// The GPU stock as last fetched while followed (`None` while nobody follows it).
    pub stock: Option<Vec<GPUStockItem>>,
    /// Nothing is announced on the first look.
    pub primed: bool,
}

/// What one poll found.
#[derive(Debug, Clone, Default)]
pub struct Observed {
    pub instances: Vec<VMInstance>,
    /// `None` when not fetched this time.
    pub snapshots: Option<Vec<Snapshot>>,
    pub images: Option<Vec<Image>>,
    pub balance: Option<(f64, CurrencyEnum)>,
    /// Every currency's balance (the primary one included).
    pub balances: Vec<Balance>,
    /// `None` when not followed (nobody asked for the stock) or when the look at it failed.
    pub stock: Option<Vec<GPUStockItem>>,
    /// The stock was followed but the look at it failed: the previous look stands.
    pub stock_failed: bool,
    /// An idle round's look at the storage lists alone: the instances and the balance were
    /// not looked at (what was seen of them stands).
    pub storage_only: bool,
}

pub struct Prefs {
    pub vm_ready: bool,
    pub snapshot_ready: bool,
    pub image_ready: bool,
    pub low_balance: bool,
    pub threshold: f64,
}

/// Replaces `seen` with `items` (id, name, region, status); whether anything changed, and
/// the (name, region) of those that have just reached `ready` from another known status.
fn track<'a, S: PartialEq + Clone + 'a>(
    seen: &mut BTreeMap<String, (String, S)>,
    items: impl Iterator<Item = (&'a String, &'a String, &'a RegionEnum, &'a S)>,
    ready: &S,
) -> (bool, Vec<(String, RegionEnum)>) {
    let mut next = BTreeMap::new();
    let mut changed = false;
    let mut reached = Vec::new();
    for (id, name, region, status) in items {
        let before = seen.get(id).map(|(_, st)| st);
        if before != Some(status) {
            changed = true;
            if before.is_some() && status == ready {
                reached.push((name.clone(), region.clone()));
            }
        }
        next.insert(id.clone(), (name.clone(), status.clone()));
    }
    changed |= next.len() != seen.len();
    *seen = next;
    (changed, reached)
}

/// Compares, updates `seen`, and says what changed and what to announce.
/// What [`track`] found, told: a changed list as `kind`, and — when `announce` — each
/// resource that has just become ready as `ready(name, region)`.
fn tell(
    (changed, reached): (bool, Vec<(String, RegionEnum)>),
    kind: ResourceKind,
    announce: bool,
    ready: impl Fn(String, RegionEnum) -> Notice,
    change: &mut ResourcesChanged,
    notices: &mut Vec<Notice>,
) {
    if changed {
        change.kinds.push(kind);
    }
    if announce {
        notices.extend(
            reached
                .into_iter()
                .map(|(name, region)| ready(name, region)),
        );
    }
}

pub fn observe(seen: &mut Seen, now: &Observed, prefs: &Prefs) -> (ResourcesChanged, Vec<Notice>) {
    let mut change = ResourcesChanged::default();
    let mut notices = Vec::new();
    let announce = seen.primed;
    if !now.storage_only {
        observe_instances(seen, now, prefs, announce, &mut change, &mut notices);
    }
    if let Some(snaps) = &now.snapshots {
        let items = snaps.iter().map(|s| (&s.id, &s.name, &s.region, &s.status));
        let found = track(&mut seen.snapshots, items, &SnapshotStatus::Success);
        let ready = |name, region| Notice {
            title: format!("Snapshot {name} is ready"),
            body: format!("It can be restored or made into an image in {region}."),
        };
        let announce = announce && prefs.snapshot_ready;
        tell(
            found,
            ResourceKind::Snapshots,
            announce,
            ready,
            &mut change,
            &mut notices,
        );
    }
    if let Some(images) = &now.images {
        let items = images
            .iter()
            .map(|i| (&i.id, &i.name, &i.region, &i.status));
        let found = track(&mut seen.images, items, &ImageStatus::Available);
        let ready = |name, region| Notice {
            title: format!("Image {name} is available"),
            body: format!("It can boot new VMs in {region}."),
        };
        let announce = announce && prefs.image_ready;
        tell(
            found,
            ResourceKind::Images,
            announce,
            ready,
            &mut change,
            &mut notices,
        );
    }
    if let Some((amount, currency)) = &now.balance {
        if seen.balance != Some(*amount) || seen.balances != now.balances {
            change.kinds.push(ResourceKind::Balance);
            change.balances = now.balances.clone();
            seen.balances = now.balances.clone();
        }
        let was_above = seen.balance.is_none_or(|b| b >= prefs.threshold);
        if prefs.low_balance
            && *amount < prefs.threshold
            && was_above
            && (announce || seen.balance.is_none())
        {
            notices.push(Notice {
                title: "Balance is low".into(),
                body: format!("{amount:.2} {currency} left, below your alert of {:.2}. Running VMs are hibernated when it reaches zero.", prefs.threshold),
            });
        }
        seen.balance = Some(*amount);
        change.balance = Some(*amount);
        change.currency = Some(currency.clone());
    }
    // The view that asked for the stock fetched it when it opened: only a change after the
    // poller's first look at it is news.
    match &now.stock {
        Some(stock) => {
            if seen.stock.as_ref().is_some_and(|before| before != stock) {
                change.kinds.push(ResourceKind::Stock);
            }
            seen.stock = Some(stock.clone());
        }
        None if now.stock_failed => {}
        None => seen.stock = None,
    }
    seen.primed = true;
    (change, notices)
}

/// The instances part of [`observe`].
fn observe_instances(
    seen: &mut Seen,
    now: &Observed,
    prefs: &Prefs,
    announce: bool,
    change: &mut ResourcesChanged,
    notices: &mut Vec<Notice>,
) {
    let mut next = BTreeMap::new();
    for vm in &now.instances {
        let before = seen.instances.get(&vm.id).map(|(_, s)| s.clone());
        if before.as_ref() != Some(&vm.status) {
            change.instances.push(vm.clone());
            // A VM first seen already ACTIVE (deployed and started between two polls) is
            // announced too; the first poll after start-up announces nothing.
            if announce {
                if vm.status == VMStatus::Active && prefs.vm_ready {
                    notices.push(Notice {
                        title: format!("{} is running", vm.name),
                        body: format!(
                            "{} x{} in {} is ACTIVE.",
                            vm.flavor.gpu_model, vm.flavor.gpu_count, vm.region
                        ),
                    });
                }
                // rules.md §10: at zero balance running VMs are hibernated; say so.
                let broke = now.balance.as_ref().is_some_and(|(b, _)| *b <= 0.0);
                if vm.status == VMStatus::Hibernated
                    && broke
                    && matches!(before, Some(VMStatus::Active | VMStatus::Hibernating))
                {
                    notices.push(Notice {
                        title: format!("{} was hibernated: credits ran out", vm.name),
                        body: "At zero balance Barrack hibernates running VMs to keep their \
                               data. Add credits, then restore it."
                            .into(),
                    });
                }
                if vm.status == VMStatus::Error {
                    notices.push(Notice {
                        title: format!("{} failed", vm.name),
                        body: "The VM is in ERROR. It can be deleted.".into(),
                    });
                }
            }
        }
        next.insert(vm.id.clone(), (vm.name.clone(), vm.status.clone()));
    }
    if next.len() != seen.instances.len() || !change.instances.is_empty() {
        change.kinds.push(ResourceKind::Instances);
    }
    seen.instances = next;
}

/// Whether anything watched is between two states.
pub fn in_transition(seen: &Seen) -> bool {
    seen.instances.values().any(|(_, s)| is_transitional(s))
        || seen
            .snapshots
            .values()
            .any(|(_, s)| *s == SnapshotStatus::Creating)
        || seen
            .images
            .values()
            .any(|(_, s)| *s == ImageStatus::Creating)
}

/// The wait before the next poll: fast while in transition, backing off by half each
/// quiet round up to 15 s; the idle interval otherwise.
pub fn next_delay(transition: bool, quiet_rounds: u32, fast: Duration, idle: Duration) -> Duration {
    if transition {
        let factor = 1.5f64.powi(quiet_rounds.min(10) as i32);
        fast.mul_f64(factor).min(Duration::from_secs(15)).max(fast)
    } else {
        idle
    }
}

/// What a round fetches besides the instances and the balance.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras {
    pub storage: bool,
    pub stock: bool,
}

/// How often the stock is looked at while a view follows it (the deploy wizard's counts
/// follow the stock "in real time", DEP-11).
pub const STOCK_EVERY: Duration = Duration::from_secs(15);

/// The wait shortened for those who rely on the poller's looks: a timer waiting for its VM
/// to be ACTIVE keeps it at its fast pace (the runner fires on the look that sees it), a
/// followed stock at [`STOCK_EVERY`] at most.
pub fn for_watchers(delay: Duration, fast: Duration, timer_waits: bool, stock: bool) -> Duration {
    let mut d = delay;
    if timer_waits {
        d = d.min(fast);
    }
    if stock {
        d = d.min(STOCK_EVERY.max(fast));
    }
    d
}

/// Whether a "hibernate when ACTIVE" timer of `profile` waits for the poller's looks.
fn timer_waits(state: &AppState, profile: &str) -> bool {
    crate::timers::load(state.docs.as_ref())
        .iter()
        .any(|t| t.kind == crate::timers::TimerKind::HibernateWhenActive && t.profile == profile)
}

/// One round's look. Only the instances and the balance can fail it: the timer runner and
/// the UI depend on those, and a failing storage list or stock (a 5xx on one endpoint)
/// must not stop them; those are left out of the look instead (`None`, tried again later).
async fn fetch(session: &Session, extras: Extras) -> barrack_api::Result<Observed> {
    let c = &session.client;
    let instances = lists::all_instances(c).await?;
    let balance = c.get_balance().await?;
    let (snapshots, images) = if extras.storage {
        match fetch_storage(c).await {
            Ok((snaps, imgs)) => (Some(snaps), Some(imgs)),
            Err(_) => (None, None),
        }
    } else {
        (None, None)
    };
    let stock = if extras.stock {
        c.get_gpu_stocks(&Default::default())
            .await
            .ok()
            .map(|s| s.stocks)
    } else {
        None
    };
    Ok(Observed {
        instances,
        snapshots,
        images,
        balance: Some((balance.primary(), balance.currency.clone())),
        balances: balance.balances,
        stock_failed: extras.stock && stock.is_none(),
        stock,
        storage_only: false,
    })
}

/// The snapshots and the images, both or neither (they are compared together), fetched at
/// the same time.
async fn fetch_storage(
    c: &barrack_api::Client,
) -> barrack_api::Result<(Vec<Snapshot>, Vec<Image>)> {
    tokio::try_join!(lists::all_snapshots(c), lists::all_images(c))
}

/// What one round asks the API for.
#[derive(Debug, Clone, Copy)]
pub enum Look {
    /// The instances and the balance, and the extras due.
    Full(Extras),
    /// An idle round's turn for the storage lists: the snapshots and the images alone.
    Storage,
}

async fn look_at(session: &Session, look: Look) -> barrack_api::Result<Observed> {
    match look {
        Look::Full(extras) => fetch(session, extras).await,
        Look::Storage => {
            let (snapshots, images) = fetch_storage(&session.client).await?;
            Ok(Observed {
                snapshots: Some(snapshots),
                images: Some(images),
                storage_only: true,
                ..Default::default()
            })
        }
    }
}

/// Idle, the storage lists are looked at every this many idle intervals (every 5 minutes
/// with the default minute).
pub const STORAGE_EVERY_IDLE_ROUNDS: u32 = 5;

/// Where a round stands, for [`Pace::look`].
#[derive(Debug, Clone, Copy, Default)]
pub struct RoundState {
    /// Nothing looked at yet with this session.
    pub first: bool,
    /// Woken by an action or a sign-in: look at everything.
    pub poked: bool,
    /// Something watched is between two states, or the API cannot be reached: fast rounds.
    pub busy: bool,
    /// A storage list is being created (snapshot, image): followed every round.
    pub storage_changing: bool,
    /// Someone relies on every round's instance list or stock (a timer waiting for its VM
    /// to be ACTIVE, the wizard's stock).
    pub watched: bool,
}

/// The budget of an idle app: two requests per idle interval (issue 17: at most two a
/// minute with the default interval). An idle round asks for the instance list and the
/// balance; the storage lists (snapshots and images), due every
/// [`STORAGE_EVERY_IDLE_ROUNDS`] intervals, take one such round's place instead of riding
/// along, so a round never costs more than two and there is never more than one round per
/// interval. The cost: once in five rounds the instances and the balance are two intervals
/// old instead of one. Actions poke the poller and transitions speed it up, so what the user
/// started is never late; the budget holds only while nothing is in transition. (An account
/// with more than 100 VMs needs one more request per page.)
///
/// Time is passed in (since some start), so a test can run it on a simulated clock.
#[derive(Debug, Clone, Default)]
pub struct Pace {
    /// When the storage lists were last looked at.
    last_storage: Option<Duration>,
    /// They were due but their look failed: due again next round.
    storage_owed: bool,
}

impl Pace {
    /// What this round looks at. `stock`: a view follows the stock.
    pub fn look(&self, now: Duration, idle: Duration, round: RoundState, stock: bool) -> Look {
        let scheduled = self
            .last_storage
            .is_none_or(|t| now.saturating_sub(t) >= idle * STORAGE_EVERY_IDLE_ROUNDS);
        let urgent = round.first || round.poked || round.storage_changing || self.storage_owed;
        if scheduled && !urgent && !round.busy && !round.watched && !stock {
            return Look::Storage;
        }
        Look::Full(Extras {
            storage: urgent || scheduled,
            stock,
        })
    }

    /// The round's look is over: `storage_seen` says whether it brought the storage lists.
    pub fn looked(&mut self, now: Duration, look: Look, storage_seen: bool) {
        match look {
            Look::Full(extras) if extras.storage => {
                self.storage_owed = !storage_seen;
                if storage_seen {
                    self.last_storage = Some(now);
                }
            }
            Look::Full(_) => {}
            // A failed storage round is tried again at the next turn (the rounds in between
            // look at the instances, which matter more).
            Look::Storage => self.last_storage = Some(now),
        }
    }
}

/// What comes after a round.
enum After {
    /// Wait this long (or until a poke).
    Wait(Duration),
    /// No usable session: wait for a sign-in.
    NoSession,
    /// The key was just refused: the next round finds the session unusable.
    Again,
}

/// The poller's memory between rounds.
#[derive(Default)]
struct Poller {
    seen: Seen,
    session_key: String,
    quiet: u32,
    offline: bool,
    pace: Pace,
    /// Woken by an action (or a new session): look at everything once.
    poked: bool,
}

impl Poller {
    fn new() -> Self {
        Poller {
            poked: true,
            ..Default::default()
        }
    }

    /// One round at `now` (since the poller started): look, tell, and say what comes next.
    async fn round(&mut self, state: &AppState, fx: &Effects, now: Duration) -> After {
        let settings = state.settings.load().unwrap_or_default();
        let fast = Duration::from_secs(settings.poll_fast_secs.max(1) as u64);
        let idle = Duration::from_secs(settings.poll_idle_secs.max(1) as u64);
        // No session, or its key was refused: wait until something changes (a sign-in
        // pokes the poller).
        let Some(session) = usable(state.current().await) else {
            self.seen = Seen::default();
            return After::NoSession;
        };
        let key = session.identity();
        if key != self.session_key {
            self.seen = Seen::default();
            self.session_key = key.clone();
        }
        let seen = &self.seen;
        let timer_waits = timer_waits(state, &session.profile);
        let stock = state.watching.stock_wanted();
        let round = RoundState {
            first: !seen.primed,
            poked: self.poked,
            busy: in_transition(seen) || self.offline,
            storage_changing: seen
                .snapshots
                .values()
                .any(|(_, s)| *s == SnapshotStatus::Creating)
                || seen
                    .images
                    .values()
                    .any(|(_, s)| *s == ImageStatus::Creating),
            watched: timer_waits,
        };
        let look = self.pace.look(now, idle, round, stock);
        // A wake-up stored before this round is answered by this round.
        let _ = futures::FutureExt::now_or_never(state.poke.notified());
        let _ = futures::FutureExt::now_or_never(state.watching.stock_wake.notified());
        let looked_at = chrono::Utc::now();
        match look_at(&session, look).await {
            Ok(observed) => {
                // The timer runner acts on this look (it lists nothing itself).
                if !observed.storage_only {
                    state.watching.publish_instances(InstancesSeen {
                        session: key.clone(),
                        at: looked_at,
                        active: observed
                            .instances
                            .iter()
                            .filter(|v| v.status == VMStatus::Active)
                            .map(|v| v.id.clone())
                            .collect(),
                        vms: observed.instances.clone(),
                        currency: observed.balance.as_ref().map(|(_, c)| c.clone()),
                    });
                }
                self.pace.looked(now, look, observed.snapshots.is_some());
                if self.offline {
                    self.offline = false;
                    log::info!("poller: the API answers again");
                    fx.events.connection_changed(ConnectionChanged {
                        online: true,
                        message: None,
                    });
                }
                let prefs = Prefs {
                    vm_ready: settings.notifications.vm_ready,
                    snapshot_ready: settings.notifications.snapshot_ready,
                    image_ready: settings.notifications.image_ready,
                    low_balance: settings.notifications.low_balance,
                    threshold: settings.low_balance_threshold,
                };
                let (mut change, notices) = observe(&mut self.seen, &observed, &prefs);
                if let Some(amount) = change.balance {
                    change.runway_hours = state
                        .burn_of(&key)
                        .and_then(|burn| barrack_api::costs::runway_hours(amount, burn));
                }
                if change.kinds.is_empty() {
                    self.quiet += 1;
                } else {
                    self.quiet = 0;
                    fx.events.resources_changed(change);
                }
                for n in notices {
                    fx.notifier.notify(&n.title, &n.body);
                }
            }
            Err(e) if failure(e.code) == Failure::KeyRefused => {
                // Said once; the next round finds the session unusable and waits.
                log::warn!(
                    "poller: the key of profile {:?} was refused",
                    session.profile
                );
                state.refuse_key(&session, &e.message).await;
                return After::Again;
            }
            Err(e) => {
                self.pace.looked(now, look, false);
                // The API cannot be used: unreachable, or failing on the server's side.
                // Once when it starts failing; then only at the debug level.
                if !self.offline {
                    log::warn!("poller: the API cannot be used: {:?}", e.code);
                } else {
                    log::debug!("poller: still failing: {:?}", e.code);
                }
                if !self.offline && failure(e.code) == Failure::Offline {
                    self.offline = true;
                    fx.events.connection_changed(ConnectionChanged {
                        online: false,
                        message: Some(e.message.clone()),
                    });
                }
                self.quiet += 1;
            }
        }
        let delay = next_delay(
            in_transition(&self.seen) || self.offline,
            self.quiet,
            fast,
            idle,
        );
        After::Wait(for_watchers(
            delay,
            fast,
            timer_waits,
            state.watching.stock_wanted(),
        ))
    }
}

/// Runs for the life of the app; what it sees reaches the window and the desktop through
/// `fx`.
pub async fn run(state: &AppState, fx: &Effects) {
    let start = tokio::time::Instant::now();
    let mut poller = Poller::new();
    loop {
        match poller.round(state, fx, start.elapsed()).await {
            After::NoSession => {
                state.poke.notified().await;
                poller.poked = true;
            }
            After::Again => {}
            After::Wait(delay) => {
                tokio::select! {
                    _ = tokio::time::sleep(delay) => { poller.poked = false; }
                    _ = state.poke.notified() => { poller.quiet = 0; poller.poked = true; }
                    // A view started following the stock: a round for it, storage not made due.
                    _ = state.watching.stock_wake.notified() => { poller.poked = false; }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vm(id: &str, status: VMStatus) -> VMInstance {
        VMInstance {
            id: id.into(),
            name: format!("vm-{id}"),
            status,
            ..Default::default()
        }
    }

    fn prefs() -> Prefs {
        Prefs {
            vm_ready: true,
            snapshot_ready: true,
            image_ready: true,
            low_balance: true,
            threshold: 10.0,
        }
    }

    #[test]
    fn first_look_announces_nothing_then_transitions_are_announced() {
        let mut seen = Seen::default();
        let obs = Observed {
            instances: vec![vm("a", VMStatus::Creating)],
            balance: Some((50.0, CurrencyEnum::Usd)),
            ..Default::default()
        };
        let (change, notices) = observe(&mut seen, &obs, &prefs());
        assert!(change.kinds.contains(&ResourceKind::Instances));
        assert!(notices.is_empty());
        assert!(in_transition(&seen));
        let (change, notices) = observe(&mut seen, &obs, &prefs());
        assert!(change.kinds.is_empty(), "nothing changed: {change:?}");
        assert!(notices.is_empty());
        let obs = Observed {
            instances: vec![vm("a", VMStatus::Active)],
            balance: Some((50.0, CurrencyEnum::Usd)),
            ..Default::default()
        };
        let (change, notices) = observe(&mut seen, &obs, &prefs());
        assert_eq!(change.instances.len(), 1);
        assert_eq!(notices[0].title, "vm-a is running");
        assert!(!in_transition(&seen));
    }

    #[test]
    fn another_currencys_balance_is_news_too() {
        let balances = |usd: f64, eur: f64| {
            vec![
                Balance {
                    currency: CurrencyEnum::Usd,
                    amount: usd,
                },
                Balance {
                    currency: CurrencyEnum::Eur,
                    amount: eur,
                },
            ]
        };
        let obs = |usd: f64, eur: f64| Observed {
            balance: Some((usd, CurrencyEnum::Usd)),
            balances: balances(usd, eur),
            ..Default::default()
        };
        let mut seen = Seen::default();
        let (change, _) = observe(&mut seen, &obs(50.0, 20.0), &prefs());
        assert_eq!(change.balances, balances(50.0, 20.0));
        let (change, _) = observe(&mut seen, &obs(50.0, 20.0), &prefs());
        assert!(change.kinds.is_empty(), "nothing changed: {change:?}");
        assert!(change.balances.is_empty());
        // Only the euro credits moved: the change says so and carries every balance.
        let (change, _) = observe(&mut seen, &obs(50.0, 5.0), &prefs());
        assert_eq!(change.kinds, vec![ResourceKind::Balance]);
        assert_eq!(change.balance, Some(50.0));
        assert_eq!(change.balances, balances(50.0, 5.0));
    }

    #[test]
    fn a_vm_first_seen_already_active_is_announced_once() {
        let mut seen = Seen::default();
        let obs = |vms: Vec<VMInstance>| Observed {
            instances: vms,
            ..Default::default()
        };
        observe(&mut seen, &obs(vec![vm("a", VMStatus::Active)]), &prefs());
        let both = obs(vec![vm("a", VMStatus::Active), vm("b", VMStatus::Active)]);
        let (_, notices) = observe(&mut seen, &both, &prefs());
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert_eq!(notices[0].title, "vm-b is running");
        let (_, notices) = observe(&mut seen, &both, &prefs());
        assert!(notices.is_empty());
    }

    #[test]
    fn running_vms_hibernated_at_zero_balance_are_announced() {
        let mut seen = Seen::default();
        let obs = |st: VMStatus, b: f64| Observed {
            instances: vec![vm("a", st)],
            balance: Some((b, CurrencyEnum::Usd)),
            ..Default::default()
        };
        observe(&mut seen, &obs(VMStatus::Active, 0.5), &prefs());
        let (_, notices) = observe(&mut seen, &obs(VMStatus::Hibernated, 0.0), &prefs());
        assert!(
            notices
                .iter()
                .any(|n| n.title == "vm-a was hibernated: credits ran out"),
            "{notices:?}"
        );
        // A hibernation the user asked for, with money left, is not "credits ran out".
        let mut seen = Seen::default();
        observe(&mut seen, &obs(VMStatus::Active, 50.0), &prefs());
        let (_, notices) = observe(&mut seen, &obs(VMStatus::Hibernated, 50.0), &prefs());
        assert!(notices.iter().all(|n| !n.title.contains("credits ran out")));
    }

    #[test]
    fn snapshots_images_and_low_balance() {
        let mut seen = Seen::default();
        let snap = |s: SnapshotStatus| Snapshot {
            id: "s".into(),
            name: "base".into(),
            status: s,
            ..Default::default()
        };
        let img = |s: ImageStatus| Image {
            id: "i".into(),
            name: "img".into(),
            status: s,
            ..Default::default()
        };
        let obs = |s, i, b| Observed {
            snapshots: Some(vec![snap(s)]),
            images: Some(vec![img(i)]),
            balance: Some((b, CurrencyEnum::Usd)),
            ..Default::default()
        };
        observe(
            &mut seen,
            &obs(SnapshotStatus::Creating, ImageStatus::Creating, 20.0),
            &prefs(),
        );
        let (change, notices) = observe(
            &mut seen,
            &obs(SnapshotStatus::Success, ImageStatus::Available, 9.0),
            &prefs(),
        );
        assert_eq!(
            change.kinds,
            vec![
                ResourceKind::Snapshots,
                ResourceKind::Images,
                ResourceKind::Balance
            ]
        );
        let titles: Vec<_> = notices.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(
            titles,
            vec![
                "Snapshot base is ready",
                "Image img is available",
                "Balance is low"
            ]
        );
        // Only when crossing: no repeat while it stays low.
        let (_, notices) = observe(
            &mut seen,
            &obs(SnapshotStatus::Success, ImageStatus::Available, 8.0),
            &prefs(),
        );
        assert!(notices.is_empty());
        // A snapshot list not fetched this time changes nothing.
        let (change, _) = observe(
            &mut seen,
            &Observed {
                balance: Some((8.0, CurrencyEnum::Usd)),
                ..Default::default()
            },
            &prefs(),
        );
        assert!(change.kinds.is_empty());
    }

    /// The kinds are the generated enum, spelt on the wire as the UI knows them.
    #[test]
    fn kinds_are_the_enum_on_the_wire() {
        let change = ResourcesChanged {
            kinds: vec![
                ResourceKind::Instances,
                ResourceKind::Snapshots,
                ResourceKind::Images,
                ResourceKind::Balance,
                ResourceKind::Stock,
                ResourceKind::Timers,
            ],
            ..Default::default()
        };
        let wire = serde_json::to_value(&change).unwrap();
        assert_eq!(
            wire["kinds"],
            serde_json::json!([
                "instances",
                "snapshots",
                "images",
                "balance",
                "stock",
                "timers"
            ])
        );
        let back: ResourcesChanged = serde_json::from_value(wire).unwrap();
        assert_eq!(back, change);
        assert!(serde_json::from_value::<ResourceKind>(serde_json::json!("volumes")).is_err());
    }

    /// A followed stock is news when it differs from the poller's previous look at it; the
    /// first look (the view fetched it as it opened) and an unfollowed stock are not.
    #[test]
    fn a_followed_stock_that_changes_is_news() {
        let item = |available| GPUStockItem {
            gpu_model: GpuModelEnum::RtxA6000,
            region: RegionEnum::Us1,
            available,
            ..Default::default()
        };
        let obs = |stock: Option<u32>| Observed {
            stock: stock.map(|n| vec![item(n)]),
            ..Default::default()
        };
        let mut seen = Seen::default();
        let kinds = |seen: &mut Seen, o| observe(seen, &o, &prefs()).0.kinds;
        assert!(!kinds(&mut seen, obs(Some(4))).contains(&ResourceKind::Stock));
        assert!(!kinds(&mut seen, obs(Some(4))).contains(&ResourceKind::Stock));
        assert!(kinds(&mut seen, obs(Some(3))).contains(&ResourceKind::Stock));
        // A failed look keeps the last one: the change after it is still news.
        let failed = Observed {
            stock_failed: true,
            ..Default::default()
        };
        assert!(!kinds(&mut seen, failed).contains(&ResourceKind::Stock));
        assert!(seen.stock.is_some());
        assert!(kinds(&mut seen, obs(Some(2))).contains(&ResourceKind::Stock));
        // Nobody follows it: forgotten, so the next follower's first look is not news.
        assert!(!kinds(&mut seen, obs(None)).contains(&ResourceKind::Stock));
        assert!(seen.stock.is_none());
        assert!(!kinds(&mut seen, obs(Some(1))).contains(&ResourceKind::Stock));
    }

    #[test]
    fn a_waiting_timer_keeps_the_pace_fast_and_a_followed_stock_caps_it() {
        let fast = Duration::from_secs(2);
        let idle = Duration::from_secs(60);
        let backed_off = Duration::from_secs(15);
        assert_eq!(for_watchers(idle, fast, false, false), idle);
        assert_eq!(for_watchers(idle, fast, true, false), fast);
        assert_eq!(for_watchers(backed_off, fast, true, false), fast);
        assert_eq!(for_watchers(idle, fast, false, true), STOCK_EVERY);
        assert_eq!(for_watchers(fast, fast, false, true), fast);
    }

    #[test]
    fn delays_back_off_in_transition_and_idle_otherwise() {
        let fast = Duration::from_secs(2);
        let idle = Duration::from_secs(60);
        assert_eq!(next_delay(true, 0, fast, idle), fast);
        assert_eq!(next_delay(true, 1, fast, idle), Duration::from_secs(3));
        assert_eq!(next_delay(true, 20, fast, idle), Duration::from_secs(15));
        assert_eq!(next_delay(false, 0, fast, idle), idle);
    }

    #[test]
    fn idle_the_storage_lists_take_a_rounds_place_busy_they_ride_along() {
        let idle = Duration::from_secs(60);
        let min = |m: u64| Duration::from_secs(m * 60);
        let storage = |l: Look| matches!(l, Look::Storage);
        let with_storage = |l: Look| matches!(l, Look::Full(e) if e.storage);
        let mut pace = Pace::default();
        let first = RoundState {
            first: true,
            ..Default::default()
        };
        let look = pace.look(min(0), idle, first, false);
        assert!(with_storage(look), "the first look is at everything");
        pace.looked(min(0), look, true);
        let idle_round = RoundState::default();
        let looks: Vec<Look> = (1..=10)
            .map(|m| {
                let look = pace.look(min(m), idle, idle_round, false);
                pace.looked(min(m), look, true);
                look
            })
            .collect();
        let turns: Vec<usize> = (0..10).filter(|&i| storage(looks[i])).collect();
        assert_eq!(turns, vec![4, 9], "every fifth idle minute: {looks:?}");
        assert!(looks.iter().all(|&l| storage(l) || !with_storage(l)));
        // Due while busy, a poked round or a followed stock: along with the instances.
        for (round, stock) in [
            (
                RoundState {
                    busy: true,
                    ..Default::default()
                },
                false,
            ),
            (
                RoundState {
                    poked: true,
                    ..Default::default()
                },
                false,
            ),
            (idle_round, true),
        ] {
            assert!(with_storage(pace.look(min(20), idle, round, stock)));
        }
        // A full look whose storage part failed owes it to the next round.
        let look = pace.look(
            min(20),
            idle,
            RoundState {
                busy: true,
                ..Default::default()
            },
            false,
        );
        pace.looked(min(20), look, false);
        assert!(with_storage(pace.look(min(21), idle, idle_round, false)));
    }

    #[test]
    fn a_401_refuses_the_key_and_a_refused_session_is_not_polled() {
        use barrack_api::ErrorCode;
        assert_eq!(failure(ErrorCode::Unauthorized), Failure::KeyRefused);
        assert_eq!(failure(ErrorCode::Network), Failure::Offline);
        assert_eq!(failure(ErrorCode::Decode), Failure::Other);
        let session = Session {
            profile: "work".into(),
            client: barrack_api::Client::builder()
                .base_url("http://127.0.0.1:9/api/")
                .api_key(barrack_api::ApiKey::new("sk-test-1234"))
                .build()
                .unwrap(),
            sandbox: false,
            key_hint: "…1234".into(),
            base_url: "http://127.0.0.1:9/api/".into(),
            key_refused: Default::default(),
        };
        assert!(usable(Some(session.clone())).is_some());
        let copy = session.clone();
        copy.key_refused
            .store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(
            usable(Some(session)).is_none(),
            "every clone of the session sees the refusal"
        );
        let said = KeyRefused::new("work", "Invalid API key");
        assert_eq!(said.profile, "work");
        assert!(
            said.message
                .starts_with("The key for work was refused — sign in again."),
            "{said:?}"
        );
        assert!(said.message.contains("Invalid API key"));
    }

    mod live {
        use super::super::*;
        use crate::effects::Recorder;
        use crate::state::{AppState, MemorySettings, SettingsBackend};
        use crate::test_support::{
            admin_http, request_count, request_counts, revoke_key, sign_in_again, total,
        };
        use barrack_credentials::MemoryStore;
        use std::sync::{Arc, Mutex};
        use std::time::Instant;

        /// A state signed in to a sandbox whose clock stands still (nothing is in
        /// transition once its VMs are stable), polled every second when idle — below the
        /// UI's minimum, to observe several rounds in a few seconds — and with `fast_too`
        /// in transitions as well. The emulator's admin address with it.
        async fn frozen_sandbox(fast_too: bool) -> (Arc<AppState>, String) {
            let settings = Arc::new(MemorySettings::default());
            let mut s = settings.load().unwrap();
            s.poll_idle_secs = 1;
            if fast_too {
                s.poll_fast_secs = 1;
            }
            settings.save(&s).unwrap();
            let state = AppState::new(Arc::new(MemoryStore::default()), settings);
            state.sandbox_time_scale_for_tests(0.000001);
            crate::session::start_sandbox(&state).await.unwrap();
            let admin = state.sandbox.lock().await.as_ref().unwrap().admin_url();
            (Arc::new(state), admin)
        }

        /// Issue 17: an idle app makes at most two requests a minute. The poller's own
        /// rounds, with the default settings (a minute between idle rounds), are run one
        /// by one against a sandbox that stands still, on a simulated clock (each round at
        /// the time the previous one said to wait): the requests are counted by the
        /// emulator, over five simulated minutes and, round by round, over half an hour.
        #[tokio::test]
        async fn an_idle_app_makes_at_most_two_requests_a_minute() {
            let settings = Arc::new(MemorySettings::default());
            let state = AppState::new(Arc::new(MemoryStore::default()), settings);
            state.sandbox_time_scale_for_tests(0.000001);
            crate::session::start_sandbox(&state).await.unwrap();
            let admin = state.sandbox.lock().await.as_ref().unwrap().admin_url();
            let recorder = Arc::new(Recorder::default());
            let fx = recorder.effects();
            let mut poller = Poller::new();
            let idle = Duration::from_secs(60);
            assert_eq!(
                state.settings.load().unwrap().poll_idle_secs,
                60,
                "the default idle interval"
            );
            // Start-up's first look (everything once); from then on nothing is in transition.
            let mut now = Duration::ZERO;
            let mut wait = match poller.round(&state, &fx, now).await {
                After::Wait(w) => w,
                _ => panic!("the sandbox's session polls"),
            };
            assert!(!in_transition(&poller.seen), "the sandbox stands still");
            admin_http()
                .delete(format!("{admin}requests"))
                .send()
                .await
                .unwrap();
            let (mut rounds, mut storage_rounds) = (0, 0);
            let mut five_minutes = None;
            while now < Duration::from_secs(30 * 60) {
                // The sleep ran out (no poke): the next round, `wait` later.
                poller.poked = false;
                assert!(wait >= idle, "idle rounds are an interval apart: {wait:?}");
                now += wait;
                let before = total(&request_counts(&admin).await);
                wait = match poller.round(&state, &fx, now).await {
                    After::Wait(w) => w,
                    _ => panic!("the session stays usable"),
                };
                let counts = request_counts(&admin).await;
                let cost = total(&counts) - before;
                assert!(
                    cost <= 2,
                    "round {rounds} at {now:?} cost {cost} requests: {counts}"
                );
                rounds += 1;
                if request_count(&admin, "list_snapshots").await > storage_rounds {
                    storage_rounds += 1;
                }
                if now <= Duration::from_secs(5 * 60) {
                    five_minutes = Some(counts);
                }
            }
            let five = five_minutes.unwrap();
            assert!(total(&five) <= 10, "five idle minutes: {five}");
            assert!(
                five["list_snapshots"].as_u64() == Some(1)
                    && five["list_images"].as_u64() == Some(1),
                "the storage lists are still looked at within five minutes: {five}"
            );
            assert!(
                five["list_instances"].as_u64() >= Some(4),
                "the instances at least four times in five minutes: {five}"
            );
            let all = request_counts(&admin).await;
            assert!(total(&all) <= 60, "half an hour: {all}");
            assert_eq!(
                storage_rounds, 6,
                "the storage lists every five minutes: {all}"
            );
            assert!(
                recorder.changes.lock().unwrap().len() == 1,
                "nothing changed after the first look: no event"
            );
        }

        /// The poller, running until the handle is aborted, telling `recorder`.
        fn spawn_poller(
            state: &Arc<AppState>,
            recorder: &Arc<Recorder>,
        ) -> tokio::task::JoinHandle<()> {
            let (st, fx) = (state.clone(), recorder.effects());
            tokio::spawn(async move {
                run(&st, &fx).await;
            })
        }

        /// Waits until `counts(admin)[op]` passes `above` (a deadline, not a fixed sleep:
        /// a loaded machine only makes it slower).
        async fn wait_for_requests(admin: &str, op: &str, above: u64) {
            let deadline = Instant::now() + Duration::from_secs(10);
            while request_count(admin, op).await <= above {
                assert!(Instant::now() < deadline, "no {op} request after {above}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }

        /// Idle, the poller asks for the instance list and the balance only: two requests
        /// per idle interval (two a minute with the default of 60 s).
        #[tokio::test]
        async fn idle_polling_costs_two_requests_per_interval() {
            let (state, admin) = frozen_sandbox(false).await;
            let recorder = Arc::new(Recorder::default());
            let events = &recorder.changes;
            let task = spawn_poller(&state, &recorder);
            tokio::time::sleep(Duration::from_millis(3600)).await;
            task.abort();
            let c = request_counts(&admin).await;
            let (list, balance, snaps) = (
                c["list_instances"].as_u64().unwrap_or(0),
                c["get_balance"].as_u64().unwrap_or(0),
                c["list_snapshots"].as_u64().unwrap_or(0),
            );
            assert!((3..=5).contains(&list), "about one list per second: {c}");
            assert_eq!(list, balance, "one balance per round: {c}");
            assert_eq!(
                snaps, 1,
                "snapshots and images only on the first round when idle: {c}"
            );
            assert_eq!(total(&c), list + balance + 2, "nothing else: {c}");
            assert_eq!(
                events.lock().unwrap().len(),
                1,
                "one event for the first look, none while nothing changes"
            );
        }

        /// A new balance comes with the runway at the burn rate the dashboard last read in
        /// this session (the window patches it; it computes nothing), none before any.
        #[tokio::test]
        async fn a_new_balance_carries_the_runway_at_the_dashboards_burn() {
            let (state, _admin) = frozen_sandbox(false).await;
            let identity = state.current().await.unwrap().identity();
            assert_eq!(state.burn_of(&identity), None, "no overview read yet");
            let overview = crate::overview::account_overview(&state).await.unwrap();
            assert!(overview.burn.total > 0.0, "the sandbox has VMs billing");
            assert_eq!(state.burn_of(&identity), Some(overview.burn.total));
            assert_eq!(state.burn_of("another session"), None);
            let recorder = Arc::new(Recorder::default());
            let task = spawn_poller(&state, &recorder);
            let deadline = Instant::now() + Duration::from_secs(10);
            let first = loop {
                if let Some(c) = recorder.changes.lock().unwrap().first().cloned() {
                    break c;
                }
                assert!(Instant::now() < deadline, "no event from the first look");
                tokio::time::sleep(Duration::from_millis(20)).await;
            };
            task.abort();
            let balance = first.balance.expect("the first look sends the balance");
            assert_eq!(
                first.runway_hours,
                barrack_api::costs::runway_hours(balance, overview.burn.total)
            );
            assert!(first.runway_hours.is_some_and(|h| h > 0.0));
        }

        /// While a view follows the stock the poller fetches it (and only then), and a
        /// change in it is sent as the kind `stock`.
        #[tokio::test]
        async fn a_followed_stock_is_fetched_and_its_changes_sent() {
            let (state, admin) = frozen_sandbox(false).await;
            let recorder = Arc::new(Recorder::default());
            let events = &recorder.changes;
            let task = spawn_poller(&state, &recorder);
            // Two rounds without a follower: no stock request.
            wait_for_requests(&admin, "get_balance", 1).await;
            assert_eq!(request_count(&admin, "get_gpu_stocks").await, 0);

            state.watching.want_stock(true);
            state.poke_poller();
            wait_for_requests(&admin, "get_gpu_stocks", 0).await;
            let stock = state
                .client()
                .await
                .unwrap()
                .get_gpu_stocks(&Default::default())
                .await
                .unwrap()
                .stocks;
            let item = &stock[0];
            let region = serde_json::to_value(&item.region).unwrap();
            let model = serde_json::to_value(&item.gpu_model).unwrap();
            let r = admin_http()
                .post(format!("{admin}stock"))
                .json(&serde_json::json!({
                    "region": region, "gpu_model": model, "available": item.available + 3
                }))
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success());
            let deadline = Instant::now() + Duration::from_secs(10);
            let sent = |events: &Mutex<Vec<ResourcesChanged>>| {
                events
                    .lock()
                    .unwrap()
                    .iter()
                    .any(|c| c.kinds.contains(&ResourceKind::Stock))
            };
            while !sent(events) {
                assert!(Instant::now() < deadline, "no stock change sent");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }

            // The view closed: the stock is not fetched any more.
            state.watching.want_stock(false);
            let before = request_counts(&admin).await;
            let balance = before["get_balance"].as_u64().unwrap_or(0);
            // The round out now may still carry a stock request; the two after it do not.
            wait_for_requests(&admin, "get_balance", balance + 1).await;
            let settled = request_counts(&admin).await["get_gpu_stocks"].as_u64();
            wait_for_requests(&admin, "get_balance", balance + 3).await;
            task.abort();
            assert_eq!(
                request_counts(&admin).await["get_gpu_stocks"].as_u64(),
                settled
            );
        }

        /// A stock that fails (a 5xx on its endpoint alone, the wizard open) leaves the
        /// round standing: the instances are still looked at, published for the timer
        /// runner and sent.
        #[tokio::test]
        async fn a_failing_stock_leaves_the_instances_observed() {
            let (state, admin) = frozen_sandbox(false).await;
            let r = admin_http()
                .post(format!("{admin}faults"))
                .json(&serde_json::json!({
                    "op": "get_gpu_stocks", "kind": "status", "status": 503
                }))
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success());
            state.watching.want_stock(true);
            let recorder = Arc::new(Recorder::default());
            let events = &recorder.changes;
            let task = spawn_poller(&state, &recorder);
            // Two rounds, each asking for the stock and refused.
            wait_for_requests(&admin, "get_gpu_stocks", 1).await;
            let balance = request_count(&admin, "get_balance").await;
            wait_for_requests(&admin, "get_balance", balance).await;
            task.abort();
            let identity = state.current().await.unwrap().identity();
            let seen = state
                .watching
                .instances()
                .expect("the instances were published");
            assert_eq!(seen.session, identity);
            let events = events.lock().unwrap();
            assert!(!events.is_empty(), "the first look was sent");
            assert!(
                !events
                    .iter()
                    .any(|c| c.kinds.contains(&ResourceKind::Stock)),
                "a failed look at the stock is no news"
            );
        }

        /// A 401 mid-session: the poller says so once (KeyRefused, and `keyRefused` in the
        /// session the UI reads), then sends nothing more with that key — actions that poke
        /// it included — until another session replaces it.
        #[tokio::test]
        async fn a_revoked_key_is_said_once_and_not_used_again() {
            let (state, admin) = frozen_sandbox(true).await;
            let recorder = Arc::new(crate::effects::Recorder::default());
            let _ = state.effects.set(recorder.effects());
            let refused = &recorder.key_refused;
            let task = spawn_poller(&state, &recorder);
            wait_for_requests(&admin, "get_balance", 0).await;
            let new_key = revoke_key(&admin).await;
            // The next round (at most a second away) meets the 401.
            let deadline = Instant::now() + Duration::from_secs(5);
            while refused.lock().unwrap().is_empty() && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            assert_eq!(refused.lock().unwrap().len(), 1, "told once");
            assert_eq!(refused.lock().unwrap()[0].profile, "sandbox");
            // And as a notification: the window may be in the tray.
            let told = recorder.notifications.lock().unwrap().clone();
            assert_eq!(told.len(), 1, "{told:?}");
            assert_eq!(told[0].1, refused.lock().unwrap()[0].message);
            let info = crate::session::SessionInfo::of(state.current().await.as_ref());
            assert!(info.key_refused && info.signed_in, "{info:?}");
            let before: serde_json::Value = request_counts(&admin).await;
            // Three idle intervals, and an action's poke: nothing is sent.
            state.poke_poller();
            tokio::time::sleep(Duration::from_millis(3200)).await;
            assert_eq!(
                request_counts(&admin).await,
                before,
                "no request after the 401"
            );
            assert_eq!(refused.lock().unwrap().len(), 1);

            // A new session (the account's new key) is polled again.
            sign_in_again(&state, new_key).await;
            state.poke_poller();
            wait_for_requests(
                &admin,
                "get_balance",
                before["get_balance"].as_u64().unwrap_or(0),
            )
            .await;
            task.abort();
            let after = request_counts(&admin).await;
            assert!(
                after["get_balance"].as_u64() > before["get_balance"].as_u64(),
                "polling resumed: {before} → {after}"
            );
            assert!(!crate::session::SessionInfo::of(state.current().await.as_ref()).key_refused);
        }

        /// A deploy wakes the poller; it follows the VM quickly and announces it once ACTIVE.
        #[tokio::test]
        async fn a_transition_is_followed_and_announced() {
            let settings = Arc::new(MemorySettings::default());
            let state = Arc::new(AppState::new(Arc::new(MemoryStore::default()), settings));
            state.sandbox_time_scale_for_tests(120.0);
            crate::session::start_sandbox(&state).await.unwrap();
            let recorder = Arc::new(Recorder::default());
            let (notices, changes) = (&recorder.notifications, &recorder.changes);
            let task = spawn_poller(&state, &recorder);
            tokio::time::sleep(Duration::from_millis(300)).await;
            let client = state.client().await.unwrap();
            let keys = client.list_ssh_keys().await.unwrap().ssh_keys;
            let os = client
                .list_os_images(&RegionQuery {
                    region: Some(RegionEnum::Us1),
                })
                .await
                .unwrap()
                .images[0]
                .id
                .clone();
            let req = DeploymentRequest {
                name: "watched".into(),
                region: RegionEnum::Us1,
                gpu_model: GpuModelEnum::RtxA6000,
                gpu_count: 1,
                boot_source: BootSource {
                    kind: BootSourceType::OsImage,
                    id: os,
                },
                ssh_key_ids: vec![keys[0].id.clone()],
                public_ip: true,
                ..Default::default()
            };
            client.deploy_instance(&req).await.unwrap();
            state.poke_poller();
            let deadline = Instant::now() + Duration::from_secs(15);
            while Instant::now() < deadline
                && !notices
                    .lock()
                    .unwrap()
                    .iter()
                    .any(|(title, _)| title == "watched is running")
            {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            task.abort();
            assert!(
                notices
                    .lock()
                    .unwrap()
                    .iter()
                    .any(|(title, _)| title == "watched is running"),
                "{:?}",
                notices.lock().unwrap()
            );
            let seen: Vec<VMStatus> = changes
                .lock()
                .unwrap()
                .iter()
                .flat_map(|c| {
                    c.instances
                        .iter()
                        .filter(|v| v.name == "watched")
                        .map(|v| v.status.clone())
                })
                .collect();
            assert_eq!(seen.first(), Some(&VMStatus::Creating), "{seen:?}");
            assert_eq!(seen.last(), Some(&VMStatus::Active), "{seen:?}");
        }
    }
}
