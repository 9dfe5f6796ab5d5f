//! Journey group `faults`: the real window while `barrack-sim` answers with hostility —
//! slow answers, 5xx bursts, 429 with every form of `Retry-After`, dropped connections,
//! truncated and malformed JSON, unknown enum values, no API at all at start, a key revoked
//! mid-session, a redirect to another origin and a 40 MiB body.
//!
//! Each journey signs in to its own emulator (`--seed sandbox`: ACTIVE `train-h100`, SHUTOFF
//! `dev-a6000`, HIBERNATED `archive-a100`, the snapshot `train-h100-baseline`) with polling
//! set as fast as the settings allow (idle 15 s), injects faults through `{admin}faults`,
//! and asserts what the issue asks of every scenario:
//!
//! - never a blank page (a watcher inside the page samples it every 100 ms);
//! - every action answers within a deadline (the Snapshots page's Refresh, a page change);
//! - words on screen that say what is wrong;
//! - the last data kept on screen and marked stale (`stale-marker` or `stale-banner`);
//! - recovery by itself once the fault is cleared: no click, the marks go and the balance
//!   changed meanwhile (through `{admin}balance`) shows.
//!
//! Everything is waited for with deadlines; the one observation window (a revoked key is
//! no longer used) fails as soon as a request arrives.
//!
//! Run with `scripts/e2e faults`; elsewhere each journey prints why it skipped.

use anyhow::{ensure, Context, Result};
use barrack_e2e::origin::ForbiddenOrigin;
use barrack_e2e::prefill::{free_port, prefill_fast_polling};
use barrack_e2e::watch::{
    assert_never_blank, problem_text, says_any, stale_marked, total_requests, wait_all_clear,
    wait_stale, wait_words, watch_blank, PROBLEM_IDS,
};
use barrack_e2e::{
    finish, is_positive_amount, journey, js, keyring_lookup, parse_amount, q, sign_in, sign_in_to,
    single_instance_released, text_of, tid, wait_js, Admin, Api, App, Journey, START, STEP,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// An action under a fault answers — with the data or with words — within this.
const ANSWER: Duration = Duration::from_secs(20);
/// A `Retry-After` the app will not wait for (over 60 s, a date an hour ahead, 2^64)
/// fails at once: within this.
const AT_ONCE: Duration = Duration::from_secs(10);
/// The poller (idle every 15 s, retries with backoff) noticing a fault or its end.
const OUTAGE: Duration = Duration::from_secs(60);
/// A page under 1 s of latency per request.
const SLOW: Duration = Duration::from_secs(25);
/// How long a refused key is watched for not being used again (over an idle poll).
const QUIET: Duration = Duration::from_secs(20);

/// The sandbox seed in real time.
const SANDBOX: &[&str] = &["--seed", "sandbox"];
/// The seeded snapshot shown on the Snapshots page (the page with a Refresh button).
const SNAPSHOT: &str = "train-h100-baseline";
const VMS: [&str; 3] = ["train-h100", "dev-a6000", "archive-a100"];

// --- words ----------------------------------------------------------------------------------

const SERVER_WORDS: &[&str] = &[
    "server",
    "unavailable",
    "503",
    "502",
    "500",
    "try again later",
];
const RATE_WORDS: &[&str] = &[
    "rate limit",
    "rate-limit",
    "too many requests",
    "limiting",
    "429",
];
const UNREACHABLE_WORDS: &[&str] = &[
    "cannot be reached",
    "can't be reached",
    "could not reach",
    "cannot reach",
    "unreachable",
    "offline",
    "connection",
    "network",
];
const UNREADABLE_WORDS: &[&str] = &[
    "could not be read",
    "unreadable",
    "not valid",
    "invalid",
    "malformed",
    "unexpected",
    "decode",
    "json",
    "truncated",
    "incomplete",
];
const REDIRECT_WORDS: &[&str] = &["redirect"];
const TOO_BIG_WORDS: &[&str] = &[
    "too large",
    "too big",
    "larger than",
    "mib",
    "size limit",
    "exceeds",
];

// --- getting around -------------------------------------------------------------------------

/// Sidebar → Snapshots; waits for the seeded snapshot and a balance in the header, which
/// it returns.
async fn open_snapshots(app: &mut App) -> Result<f64> {
    app.click(&tid("nav-snapshots"), STEP).await?;
    app.wait_for(&tid("page-snapshots"), STEP).await?;
    app.wait_for(&tid(&format!("snapshot-card-{SNAPSHOT}")), STEP)
        .await
        .context("the Snapshots page lists the seeded snapshot")?;
    let balance = app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    Ok(parse_amount(&balance).unwrap_or_default())
}

/// Clicks the Snapshots page's Refresh and waits until it has answered (the button was busy
/// and is no longer; a MutationObserver sees even a busy spell of a millisecond); how long
/// that took.
async fn refresh(app: &mut App, within: Duration) -> Result<Duration> {
    let started = js(
        app,
        &format!(
            "const b = first({});\
             if (!b) return 'missing';\
             const r = {{t0: performance.now(), busy: b.getAttribute('aria-busy') === 'true', doneMs: null}};\
             window.__e2eRefresh = r;\
             const mo = new MutationObserver(() => {{\
               const busy = b.getAttribute('aria-busy') === 'true';\
               if (busy) r.busy = true;\
               else if (r.busy && r.doneMs === null) {{ r.doneMs = Math.max(1, performance.now() - r.t0); mo.disconnect(); }}\
             }});\
             mo.observe(b, {{attributes: true, attributeFilter: ['aria-busy']}});\
             b.click();\
             return 'clicked';",
            q("refresh")
        ),
    )
    .await?;
    ensure!(started == "clicked", "no Refresh button on the page");
    let ms = wait_js(
        app,
        "the Refresh answered (busy, then not)",
        "const r = window.__e2eRefresh; return r && r.doneMs !== null ? r.doneMs : null;",
        within,
    )
    .await?;
    Ok(Duration::from_secs_f64(ms.as_f64().unwrap_or(0.0) / 1000.0))
}

/// Sidebar → `slug`; waits until the page shows `ready` (a script after the prelude) or
/// says what is wrong; how long that took.
async fn visit(app: &mut App, slug: &str, ready: &str, within: Duration) -> Result<Duration> {
    let started = Instant::now();
    app.click(&tid(&format!("nav-{slug}")), STEP).await?;
    wait_js(
        app,
        &format!("the {slug} page answers"),
        &format!(
            "if (!shown({page})) return null;\
             if ((() => {{ {ready} }})()) return 'ready';\
             const p = Array.from(document.querySelectorAll({problems})).some(vis);\
             return p ? 'problem' : null;",
            page = q(&format!("page-{slug}")),
            problems = problem_selector()
        ),
        within,
    )
    .await?;
    Ok(started.elapsed())
}

/// The problem test ids and `role="alert"` as one CSS selector list (a JavaScript string).
fn problem_selector() -> String {
    let mut list: Vec<String> = PROBLEM_IDS.iter().map(|id| tid(id)).collect();
    list.push("[role=\"alert\"]".into());
    Value::String(list.join(", ")).to_string()
}

fn secs(d: Duration) -> String {
    format!("{:.2}s", d.as_secs_f64())
}

// --- one hostile answer, then recovery ------------------------------------------------------

/// One fault and what the screen must say about it.
struct Phase {
    /// Names the screenshots (`<label>.png`, `<label>-recovered.png`).
    label: &'static str,
    /// The `{admin}faults` body (until cleared).
    fault: Value,
    /// The screen says what is wrong with one of these.
    words: &'static [&'static str],
    /// The Refresh answers within this.
    answer_within: Duration,
    /// The answer names the wait (a number in it): Retry-After forms the app refuses.
    names_a_number: bool,
    /// The fault lasts until the poller has met it too (an outage); otherwise it is
    /// cleared at once (a blip only the user's click met).
    outage: bool,
}

/// On the Snapshots page with its data: inject the fault (and change the balance behind
/// it), Refresh → it answers in time with words, the data kept and marked stale, another
/// page answers too, nothing blank; clear the fault → every mark goes and the new balance
/// shows, with no click.
async fn phase(
    j: &Journey,
    app: &mut App,
    admin: &Admin,
    p: &Phase,
    new_balance: f64,
) -> Result<()> {
    let before = text_of(app, "header-balance").await?.unwrap_or_default();
    admin.fault(p.fault.clone())?;
    admin.balance(new_balance)?;
    j.log(format!("{}: fault {}", p.label, p.fault));

    let answered = refresh(app, p.answer_within).await.with_context(|| {
        format!(
            "{}: Refresh answers within {}",
            p.label,
            secs(p.answer_within)
        )
    })?;
    let (words, _) = wait_words(app, &format!("{}: words", p.label), p.words, STEP)
        .await
        .with_context(|| format!("{}: the screen says what is wrong", p.label))?;
    j.log(format!(
        "{}: Refresh answered in {}; the screen says {words:?}",
        p.label,
        secs(answered)
    ));
    if p.names_a_number {
        ensure!(
            words.chars().any(|c| c.is_ascii_digit()),
            "{}: the message names the wait: {words:?}",
            p.label
        );
    }

    if p.outage {
        // An outage, not a blip: the poller meets it too before it ends.
        let polled = admin.count("list_instances")?;
        let t = Instant::now();
        while admin.count("list_instances")? <= polled {
            ensure!(
                t.elapsed() < OUTAGE,
                "{}: the poller sent no request within {}",
                p.label,
                secs(OUTAGE)
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        j.log(format!(
            "{}: the poller met the fault after {}",
            p.label,
            secs(t.elapsed())
        ));
    }

    // The last data stays, marked stale.
    ensure!(
        app.is_displayed(&tid(&format!("snapshot-card-{SNAPSHOT}")))
            .await,
        "{}: the snapshot {SNAPSHOT} stays on screen",
        p.label
    );
    let kept = text_of(app, "header-balance").await?.unwrap_or_default();
    ensure!(
        is_positive_amount(&kept),
        "{}: the header keeps the last balance (was {before:?}, now {kept:?})",
        p.label
    );
    let mark = wait_stale(app, OUTAGE)
        .await
        .with_context(|| format!("{}: the kept data is marked stale", p.label))?;
    j.log(format!("{}: stale mark {mark:?}", p.label));
    app.screenshot(p.label).await?;

    // Another action answers too: the Instances page, and back.
    let took = visit(
        app,
        "instances",
        &format!(
            "return shown({}) || shown({});",
            q("instances-table"),
            q("instances-empty")
        ),
        ANSWER,
    )
    .await
    .with_context(|| format!("{}: the Instances page answers", p.label))?;
    j.log(format!(
        "{}: the Instances page answered in {}",
        p.label,
        secs(took)
    ));
    let took = visit(
        app,
        "snapshots",
        &format!("return shown({});", q(&format!("snapshot-card-{SNAPSHOT}"))),
        ANSWER,
    )
    .await?;
    ensure!(
        app.is_displayed(&tid(&format!("snapshot-card-{SNAPSHOT}")))
            .await,
        "{}: back on Snapshots, {SNAPSHOT} is still shown",
        p.label
    );
    j.log(format!("{}: back on Snapshots in {}", p.label, secs(took)));
    assert_never_blank(app, p.label).await?;

    // Cleared: recovery by itself.
    admin.clear_faults()?;
    let cleared = Instant::now();
    wait_all_clear(
        app,
        &format!("{}: every problem mark gone after the fault", p.label),
        OUTAGE,
    )
    .await?;
    app.wait_text(
        &tid("header-balance"),
        |t| parse_amount(t).is_some_and(|v| v <= new_balance && v > new_balance - 20.0),
        OUTAGE,
    )
    .await
    .with_context(|| {
        format!(
            "{}: the header shows the balance set during the fault",
            p.label
        )
    })?;
    app.wait_for(&tid(&format!("snapshot-card-{SNAPSHOT}")), STEP)
        .await?;
    j.log(format!(
        "{}: recovered by itself in {}",
        p.label,
        secs(cleared.elapsed())
    ));
    assert_never_blank(app, &format!("{} recovered", p.label)).await?;
    app.screenshot(&format!("{}-recovered", p.label)).await?;
    Ok(())
}

/// Signs in (fast polling), opens Snapshots, watches for blank pages, runs `phases`.
async fn hostile(j: &Journey, profile: &str, phases: &[Phase]) -> Result<()> {
    prefill_fast_polling(j)?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    run_phases(j, &mut s.app, &s.admin, phases).await?;
    finish(s).await
}

async fn run_phases(j: &Journey, app: &mut App, admin: &Admin, phases: &[Phase]) -> Result<()> {
    let balance = open_snapshots(app).await?;
    j.log(format!(
        "Snapshots page with {SNAPSHOT}; balance {balance:.2}"
    ));
    watch_blank(app).await?;
    app.screenshot("before").await?;
    for (i, p) in phases.iter().enumerate() {
        phase(j, app, admin, p, 4321.0 + 100.0 * i as f64).await?;
    }
    Ok(())
}

/// A burst the client's retries absorb: Refresh answers with the data and nothing on
/// screen says anything went wrong; `op` was asked at least `sent` times more.
async fn absorbed(
    j: &Journey,
    app: &mut App,
    admin: &Admin,
    label: &str,
    fault: Value,
    op: &str,
    sent: u64,
) -> Result<Duration> {
    let before = admin.count(op)?;
    admin.fault(fault.clone())?;
    let took = refresh(app, ANSWER)
        .await
        .with_context(|| format!("{label}: Refresh answers"))?;
    let after = admin.count(op)?;
    ensure!(
        after >= before + sent,
        "{label}: {op} was sent {} times for the Refresh, expected at least {sent} (retries)",
        after - before
    );
    ensure!(
        !app.is_displayed(&tid("error-banner")).await && !stale_marked(app).await?,
        "{label}: a burst the retries absorb reaches the user: {:?}",
        problem_text(app).await?
    );
    ensure!(
        app.is_displayed(&tid(&format!("snapshot-card-{SNAPSHOT}")))
            .await,
        "{label}: the snapshot is shown"
    );
    admin.clear_faults()?;
    j.log(format!(
        "{label}: {fault} absorbed; Refresh answered in {} with {op} sent {} times",
        secs(took),
        after - before
    ));
    Ok(took)
}

// --- 1. 1 s latency on every request --------------------------------------------------------

journey!(
    faults_slow_api_every_request_a_second,
    "faults_latency",
    latency
);

/// 1 s added to every request, from the sign-in on: every page answers (with its data, no
/// error) within 25 s, the Refresh too, and the page is never blank meanwhile.
async fn latency(j: &Journey, profile: &str) -> Result<()> {
    prefill_fast_polling(j)?;
    let sim = j.sim(SANDBOX).await?;
    let admin = Admin::of(&sim)?;
    admin.fault(json!({"kind": "latency", "ms": 1000}))?;
    let started = Instant::now();
    let mut s = sign_in_to(j, profile, sim, admin).await?;
    let (app, admin) = (&mut s.app, &s.admin);
    j.log(format!(
        "signed in under 1 s latency in {}",
        secs(started.elapsed())
    ));
    watch_blank(app).await?;
    let t = Instant::now();
    app.wait_text(&tid("header-balance"), is_positive_amount, SLOW)
        .await?;
    j.log(format!("balance shown after {}", secs(t.elapsed())));

    let mut timings = Vec::new();
    let rows = format!("return shown({});", q("instance-row-train-h100"));
    timings.push(("instances", visit(app, "instances", &rows, SLOW).await?));
    ensure!(
        app.is_displayed(&tid("instance-row-train-h100")).await,
        "the Instances page shows its rows under latency: {:?}",
        problem_text(app).await?
    );
    let t = Instant::now();
    let row = tid("instance-row-train-h100");
    let link = format!("{row} a[href]");
    app.click(
        if app.is_displayed(&link).await {
            &link
        } else {
            &row
        },
        STEP,
    )
    .await?;
    app.wait_text(&tid("vm-status"), |s| s.trim() == "ACTIVE", SLOW)
        .await
        .context("train-h100's page shows its state under latency")?;
    timings.push(("instance page", t.elapsed()));
    let card = format!("return shown({});", q(&format!("snapshot-card-{SNAPSHOT}")));
    timings.push(("snapshots", visit(app, "snapshots", &card, SLOW).await?));
    app.wait_for(&tid(&format!("snapshot-card-{SNAPSHOT}")), SLOW)
        .await?;
    let before = admin.count("list_snapshots")?;
    timings.push(("snapshots refresh", refresh(app, SLOW).await?));
    ensure!(
        admin.count("list_snapshots")? > before,
        "the Refresh asked for the snapshots again"
    );
    let burn = format!(
        "const t = text({}); return !!t && /\\d/.test(t);",
        q("burn-rate")
    );
    timings.push(("billing", visit(app, "billing", &burn, SLOW).await?));
    timings.push(("dashboard", visit(app, "dashboard", &burn, SLOW).await?));
    app.screenshot("slow-dashboard").await?;

    let problems = problem_text(app).await?;
    ensure!(
        problems.is_empty(),
        "1 s of latency is not an error, yet the screen says: {problems:?}"
    );
    assert_never_blank(app, "under 1 s latency").await?;
    let summary: Vec<String> = timings
        .iter()
        .map(|(what, d)| format!("{what} {}", secs(*d)))
        .collect();
    j.log(format!(
        "under 1 s latency per request: {}",
        summary.join(", ")
    ));
    admin.clear_faults()?;
    finish(s).await
}

// --- 2. a burst of 5xx ----------------------------------------------------------------------

journey!(faults_server_error_burst, "faults_5xx", server_errors);

/// Two 502s on one read are absorbed by the retries (nothing shown); 503 on everything
/// until cleared: said, data kept and marked stale, recovered by itself.
async fn server_errors(j: &Journey, profile: &str) -> Result<()> {
    prefill_fast_polling(j)?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let (app, admin) = (&mut s.app, &s.admin);
    open_snapshots(app).await?;
    watch_blank(app).await?;
    absorbed(
        j,
        app,
        admin,
        "two 502s",
        json!({"kind": "status", "status": 502, "op": "list_snapshots", "times": 2}),
        "list_snapshots",
        3,
    )
    .await?;
    run_phases(
        j,
        app,
        admin,
        &[Phase {
            label: "503-burst",
            fault: json!({"kind": "status", "status": 503}),
            words: SERVER_WORDS,
            answer_within: ANSWER,
            names_a_number: false,
            outage: true,
        }],
    )
    .await?;
    finish(s).await
}

// --- 3. 429 with Retry-After in seconds, as an HTTP date, as 2^64 ----------------------------

/// `Retry-After` as an HTTP date (IMF-fixdate), `ahead` from now.
fn http_date(ahead: Duration) -> String {
    let t = SystemTime::now() + ahead;
    http_date_at(
        t.duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    )
}

/// `secs` after the Unix epoch as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn http_date_at(secs: u64) -> String {
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[days.rem_euclid(7) as usize],
        day,
        MONTHS[(month - 1) as usize],
        year,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn rate_limited(retry_after_raw: &str) -> Value {
    json!({"kind": "status", "status": 429, "retry_after_raw": retry_after_raw})
}

journey!(faults_rate_limited_retry_after, "faults_429", rate_limits);

/// 429 with `Retry-After: 1` once is waited for and absorbed; `90` (seconds), a date an
/// hour ahead and 2^64 each fail at once with words naming the limit — data kept, marked
/// stale, recovered by itself.
async fn rate_limits(j: &Journey, profile: &str) -> Result<()> {
    prefill_fast_polling(j)?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let (app, admin) = (&mut s.app, &s.admin);
    open_snapshots(app).await?;
    watch_blank(app).await?;
    let waited = absorbed(
        j,
        app,
        admin,
        "Retry-After 1 once",
        json!({"kind": "status", "status": 429, "retry_after_raw": "1", "op": "list_snapshots", "times": 1}),
        "list_snapshots",
        2,
    )
    .await?;
    ensure!(
        waited >= Duration::from_millis(900),
        "Retry-After: 1 was honoured (the Refresh took {})",
        secs(waited)
    );
    let date = http_date(Duration::from_secs(3600));
    j.log(format!("Retry-After as a date: {date}"));
    let phases = [
        Phase {
            label: "429-seconds-90",
            fault: rate_limited("90"),
            words: RATE_WORDS,
            answer_within: AT_ONCE,
            names_a_number: true,
            outage: true,
        },
        Phase {
            label: "429-http-date",
            fault: rate_limited(&date),
            words: RATE_WORDS,
            answer_within: AT_ONCE,
            names_a_number: true,
            outage: true,
        },
        Phase {
            label: "429-2pow64",
            fault: rate_limited("18446744073709551616"),
            words: RATE_WORDS,
            answer_within: AT_ONCE,
            names_a_number: false,
            outage: true,
        },
    ];
    run_phases(j, app, admin, &phases).await?;
    finish(s).await
}

// --- 4. dropped connections -----------------------------------------------------------------

journey!(faults_dropped_connections, "faults_drop", dropped);

/// Every connection dropped after the headers: said (cannot be reached), data kept and
/// marked stale, recovered by itself.
async fn dropped(j: &Journey, profile: &str) -> Result<()> {
    hostile(
        j,
        profile,
        &[Phase {
            label: "dropped",
            fault: json!({"kind": "drop"}),
            words: UNREACHABLE_WORDS,
            answer_within: ANSWER,
            names_a_number: false,
            outage: true,
        }],
    )
    .await
}

journey!(faults_blip_met_only_by_a_click, "faults_blip", blip);

/// A second of dropped connections that only the user's Refresh meets (cleared before the
/// poller looks): said, data kept and marked stale — and the "offline" state it set must
/// go by itself once Barrack answers, without waiting for an outage the poller never saw.
async fn blip(j: &Journey, profile: &str) -> Result<()> {
    hostile(
        j,
        profile,
        &[Phase {
            label: "blip",
            fault: json!({"kind": "drop"}),
            words: UNREACHABLE_WORDS,
            answer_within: ANSWER,
            names_a_number: false,
            outage: false,
        }],
    )
    .await
}

// --- 5. truncated and malformed JSON --------------------------------------------------------

journey!(
    faults_truncated_and_malformed_json,
    "faults_bad_json",
    bad_json
);

/// Half a body, then a body that is not JSON: each said, data kept and marked stale,
/// recovered by itself.
async fn bad_json(j: &Journey, profile: &str) -> Result<()> {
    hostile(
        j,
        profile,
        &[
            Phase {
                label: "truncated",
                fault: json!({"kind": "truncate"}),
                words: UNREADABLE_WORDS,
                answer_within: ANSWER,
                names_a_number: false,
                outage: true,
            },
            Phase {
                label: "malformed",
                fault: json!({"kind": "malformed"}),
                words: UNREADABLE_WORDS,
                answer_within: ANSWER,
                names_a_number: false,
                outage: true,
            },
        ],
    )
    .await
}

// --- 6. unknown enum values -----------------------------------------------------------------

journey!(
    faults_unknown_enum_values,
    "faults_unknown_enum",
    unknown_enum
);

/// Waits until `name`'s row in the Instances list shows `status`; returns the row's text.
async fn wait_row_status(
    app: &mut App,
    name: &str,
    status: &str,
    within: Duration,
) -> Result<String> {
    app.wait_text(
        &tid(&format!("instance-row-{name}")),
        |t| t.contains(status),
        within,
    )
    .await
    .with_context(|| format!("{name}'s row shows {status}"))
}

/// The unknown-state note's words (its text, or its title / aria-label when it is an icon).
async fn unknown_note(app: &mut App, within: Duration) -> Result<String> {
    let v = wait_js(
        app,
        "unknown-state-note says the state is not known and counted as running",
        &format!(
            "for (const e of document.querySelectorAll({})) {{\
               if (!vis(e)) continue;\
               const t = [e.innerText, e.title, e.getAttribute('aria-label')].filter(Boolean).join(' ');\
               const l = t.toLowerCase();\
               if (l.includes('not known to this app') && l.includes('counted as running')) return t.trim();\
             }}\
             return null;",
            q("unknown-state-note")
        ),
        within,
    )
    .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// The dashboard's burn rate (per hour), once it shows a number.
async fn burn_rate(app: &mut App) -> Result<f64> {
    let burn = format!(
        "const t = text({}); return !!t && /\\d/.test(t);",
        q("burn-rate")
    );
    visit(app, "dashboard", &burn, STEP).await?;
    let text = app
        .wait_text(&tid("burn-rate"), |t| parse_amount(t).is_some(), STEP)
        .await?;
    parse_amount(&text).context("the burn rate is a number")
}

/// Every enum value replaced by one no client knows: the rows stay with their raw states
/// and the note; cleared, the known states come back. Then one VM alone in a state the app
/// does not know: its raw state and the note, and the burn rate counts it at its full rate
/// (it rises above what it was with that VM hibernated).
async fn unknown_enum(j: &Journey, profile: &str) -> Result<()> {
    prefill_fast_polling(j)?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    let burn_before = burn_rate(app).await?;
    j.log(format!(
        "burn rate with archive-a100 HIBERNATED: {burn_before:.4}/h"
    ));
    visit(
        app,
        "instances",
        &format!("return shown({});", q("instance-row-train-h100")),
        STEP,
    )
    .await?;
    watch_blank(app).await?;

    // Everything unknown.
    admin.fault(json!({"kind": "unknown_enum"}))?;
    for name in VMS {
        wait_row_status(app, name, "QUANTUM_STATUS", OUTAGE).await?;
    }
    let note = unknown_note(app, STEP).await?;
    j.log(format!(
        "every state unknown: rows kept with QUANTUM_STATUS; note {note:?}"
    ));
    assert_never_blank(app, "unknown enum values").await?;
    app.screenshot("unknown-enums").await?;
    admin.clear_faults()?;
    let cleared = Instant::now();
    wait_row_status(app, "train-h100", "ACTIVE", OUTAGE).await?;
    wait_row_status(app, "archive-a100", "HIBERNATED", OUTAGE).await?;
    wait_all_clear(
        app,
        "the unknown-state note gone once the states are known",
        OUTAGE,
    )
    .await?;
    j.log(format!(
        "known states back by themselves in {}",
        secs(cleared.elapsed())
    ));

    // One VM in a state the app does not know.
    let vm = api
        .instances_named("archive-a100")?
        .into_iter()
        .next()
        .context("the seed has archive-a100")?;
    let id = vm["id"]
        .as_str()
        .context("archive-a100 has an id")?
        .to_owned();
    admin.post(
        &format!("instances/{id}/status"),
        json!({"status": "QUANTUM_FLUX"}),
    )?;
    let row = wait_row_status(app, "archive-a100", "QUANTUM_FLUX", OUTAGE).await?;
    let note = unknown_note(app, STEP).await?;
    j.log(format!("archive-a100 row {row:?}; note {note:?}"));
    app.screenshot("unknown-state-row").await?;
    burn_rate(app).await?;
    let burn_after = app
        .wait_text(
            &tid("burn-rate"),
            |t| parse_amount(t).is_some_and(|v| v > burn_before + 0.01),
            OUTAGE,
        )
        .await
        .with_context(|| {
            format!(
                "a VM in an unknown state is counted at its full rate: the burn rate rises \
                 above {burn_before:.4}/h (what it was with archive-a100 hibernated)"
            )
        });
    let burn_after = match burn_after {
        Ok(b) => b,
        Err(e) => {
            // Which data the dashboard had: archive-a100's state in its VM selector.
            let options = js(
                app,
                &format!(
                    "const s = first({}); return s ? Array.from(s.querySelectorAll('option')).map((o) => o.textContent).join(' | ') : null;",
                    q("vm-selector")
                ),
            )
            .await
            .unwrap_or_default();
            // And what the backend answers now (the UI's own command): backend or UI?
            let backend = app
                .client()
                .execute_async(
                    "const done = arguments[arguments.length - 1];\
                     window.__TAURI_INTERNALS__.invoke('account_overview')\
                       .then((a) => done(JSON.stringify({burn: a.burn, vms: (a.vms || a.instances || []).map((v) => [v.name, v.status])})))\
                       .catch((e) => done('error: ' + JSON.stringify(e)));",
                    vec![],
                )
                .await
                .map(|v| v.to_string())
                .unwrap_or_else(|e| format!("(could not ask: {e})"));
            return Err(e.context(format!(
                "the dashboard's VM selector lists: {options}; account_overview answers now: {backend}"
            )));
        }
    };
    j.log(format!(
        "burn rate with archive-a100 in an unknown state: {burn_after:?}"
    ));
    assert_never_blank(app, "one unknown state").await?;
    app.screenshot("unknown-state-dashboard").await?;
    finish(s).await
}

// --- 7. the API unreachable at start --------------------------------------------------------

journey!(
    faults_api_unreachable_at_start,
    "faults_offline_start",
    offline_at_start
);

/// Signed in once; the emulator stops; the app starts with nothing to reach: a clear
/// offline screen (no sign-in screen, no blank page) that retries by itself; the emulator
/// comes back on the same address with the same state → the app shows the account without
/// a click.
async fn offline_at_start(j: &Journey, profile: &str) -> Result<()> {
    prefill_fast_polling(j)?;
    let port = free_port()?.to_string();
    let key = format!(
        "sk-e2e-offline-{}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    );
    let state = j.work.join("sim-state.json");
    let state = state.to_string_lossy().into_owned();
    let args = [
        "--seed",
        "sandbox",
        "--port",
        &port,
        "--api-key",
        &key,
        "--state",
        &state,
    ];
    let s = sign_in(j, profile, &args).await?;
    s.app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    let barrack_e2e::Signed {
        sim,
        admin,
        driver,
        app,
    } = s;
    app.quit().await?;
    single_instance_released().await?;
    drop((admin, sim));
    j.log(format!("the emulator on port {port} is stopped"));
    // Nothing loaded yet: the state kept from the session would be painted instead (the
    // `last_known` group covers that start).
    let _ = std::fs::remove_dir_all(j.app_data_dir().join("last-known"));

    let started = Instant::now();
    let mut app = driver.open(&[]).await?;
    app.wait_for_never_seeing(&tid("offline-screen"), &tid("signin"), START)
        .await
        .context("with the API unreachable at start: the offline screen (not sign-in)")?;
    j.log(format!("offline screen after {}", secs(started.elapsed())));
    watch_blank(&app).await?;
    let (words, _) = wait_words(
        &mut app,
        "the offline screen says why",
        UNREACHABLE_WORDS,
        STEP,
    )
    .await?;
    j.log(format!("offline screen says {words:?}"));
    app.screenshot("offline-at-start").await?;

    // A while later, still offline: still the screen, never blank.
    wait_js(
        &mut app,
        "the offline screen stays while the API is away",
        &format!(
            "return shown({}) && !shown({});",
            q("offline-screen"),
            q("signin")
        ),
        STEP,
    )
    .await?;
    assert_never_blank(&app, "offline at start").await?;

    let sim = j.sim(&args).await?;
    ensure!(
        sim.url.contains(&format!(":{port}/")),
        "the emulator came back on port {port}: {}",
        sim.url
    );
    let back = Instant::now();
    app.wait_text(&tid("header-balance"), is_positive_amount, OUTAGE)
        .await
        .context("the app recovers by itself once the API answers")?;
    wait_all_clear(
        &mut app,
        "the offline screen gone once the API answers",
        OUTAGE,
    )
    .await?;
    app.wait_for(&tid("app-shell"), STEP).await?;
    j.log(format!(
        "recovered by itself {} after the API came back",
        secs(back.elapsed())
    ));
    assert_never_blank(&app, "after the API came back").await?;
    app.screenshot("offline-recovered").await?;
    app.quit().await?;
    driver.stop();
    drop(sim);
    Ok(())
}

// --- 8. a key revoked mid-session -----------------------------------------------------------

journey!(
    faults_key_revoked_mid_session,
    "faults_key_revoked",
    key_revoked
);

/// The key is revoked at the emulator: the banner names the profile and says to sign in
/// again, the rows and balance stay, the refused key is not used again (no request reaches
/// the emulator for 20 s, over an idle poll); signing in again with the new key recovers
/// and polling resumes.
async fn key_revoked(j: &Journey, profile: &str) -> Result<()> {
    prefill_fast_polling(j)?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let (app, admin) = (&mut s.app, &s.admin);
    visit(
        app,
        "instances",
        &format!("return shown({});", q("instance-row-train-h100")),
        STEP,
    )
    .await?;
    let balance = app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    watch_blank(app).await?;

    let revoked = admin.post("revoke", json!({}))?;
    let new_key = revoked["api_key"]
        .as_str()
        .context("{admin}revoke answers the new key")?
        .to_owned();
    ensure!(new_key != s.sim.api_key, "the revoke gave a new key");
    let t = Instant::now();
    let banner = app
        .wait_text(
            &tid("key-refused-banner"),
            |b| {
                let l = b.to_lowercase();
                l.contains(&format!(
                    "the key for {} was refused",
                    profile.to_lowercase()
                )) && l.contains("sign in again")
            },
            OUTAGE,
        )
        .await
        .context("key-refused-banner: \"The key for <profile> was refused — sign in again\"")?;
    j.log(format!("refused after {}: {banner:?}", secs(t.elapsed())));
    for name in VMS {
        ensure!(
            app.is_displayed(&tid(&format!("instance-row-{name}")))
                .await,
            "the row of {name} stays after the key was refused"
        );
    }
    let kept = text_of(app, "header-balance").await?.unwrap_or_default();
    ensure!(
        parse_amount(&kept).is_some() && parse_amount(&kept) == parse_amount(&balance),
        "the header keeps the last balance ({balance:?}), now {kept:?}"
    );
    app.screenshot("key-refused").await?;

    // The refused key is not used again: settle, then watch the emulator's counts.
    let mut last = total_requests(&admin.call("GET", "requests", None)?);
    let settle = Instant::now();
    let mut steady_since = Instant::now();
    while steady_since.elapsed() < Duration::from_secs(2) {
        ensure!(
            settle.elapsed() < STEP,
            "requests still arriving {} after the key was refused",
            secs(settle.elapsed())
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
        let now = total_requests(&admin.call("GET", "requests", None)?);
        if now != last {
            last = now;
            steady_since = Instant::now();
        }
    }
    let baseline = admin.call("GET", "requests", None)?;
    let watch = Instant::now();
    while watch.elapsed() < QUIET {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let now = admin.call("GET", "requests", None)?;
        ensure!(
            total_requests(&now) == total_requests(&baseline),
            "the refused key was used again {} after the banner: requests {baseline} → {now}",
            secs(watch.elapsed())
        );
    }
    j.log(format!(
        "no request with the refused key for {}",
        secs(QUIET)
    ));
    assert_never_blank(app, "key refused").await?;

    // Sign in again with the new key.
    let again = format!(
        "{} button, {} a",
        tid("key-refused-banner"),
        tid("key-refused-banner")
    );
    app.click(&again, STEP)
        .await
        .context("the banner offers to sign in again")?;
    app.wait_for(&tid("signin"), STEP).await?;
    app.fill(&tid("api-key"), &new_key, STEP).await?;
    app.fill(&tid("profile-name"), profile, STEP).await?;
    if !app.is_displayed(&tid("base-url")).await {
        app.click(&tid("advanced-toggle"), STEP).await?;
    }
    app.fill(&tid("base-url"), &s.sim.url, STEP).await?;
    app.click(&tid("sign-in-submit"), STEP).await?;
    app.wait_for(&tid("app-shell"), STEP)
        .await
        .context("the new key opens the app again")?;
    app.wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    wait_all_clear(
        app,
        "the key-refused banner gone after signing in again",
        STEP,
    )
    .await?;
    // Polling resumes with the new key.
    let resumed = total_requests(&baseline);
    let t = Instant::now();
    loop {
        let now = total_requests(&admin.call("GET", "requests", None)?);
        if now > resumed {
            break;
        }
        ensure!(
            t.elapsed() < OUTAGE,
            "no request with the new key within {}",
            secs(OUTAGE)
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    ensure!(
        keyring_lookup(profile)?.as_deref() == Some(new_key.as_str()),
        "the keyring holds the new key for {profile}"
    );
    visit(
        app,
        "instances",
        &format!("return shown({});", q("instance-row-train-h100")),
        STEP,
    )
    .await?;
    assert_never_blank(app, "signed in again").await?;
    app.screenshot("signed-in-again").await?;
    finish(s).await
}

// --- 9. a redirect to another origin --------------------------------------------------------

journey!(
    faults_redirect_to_another_origin,
    "faults_redirect",
    redirect
);

/// Every answer a 307 to another loopback origin: the app follows none (that origin gets no
/// connection at all, so no key), says it was redirected, keeps the data marked stale, and
/// recovers by itself.
async fn redirect(j: &Journey, profile: &str) -> Result<()> {
    let elsewhere = ForbiddenOrigin::start()?;
    prefill_fast_polling(j)?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let phases = [Phase {
        label: "redirect",
        fault: json!({"kind": "redirect", "to": elsewhere.url("/api/")}),
        words: REDIRECT_WORDS,
        answer_within: ANSWER,
        names_a_number: false,
        outage: true,
    }];
    run_phases(j, &mut s.app, &s.admin, &phases).await?;
    ensure!(
        elsewhere.connections() == 0,
        "the redirect was followed: {} connection(s) to {} ({:?}){}",
        elsewhere.connections(),
        elsewhere.url(""),
        elsewhere.request_lines(),
        if elsewhere.saw(&s.sim.api_key) {
            " — carrying the key"
        } else {
            ""
        }
    );
    j.log(format!("{} received no connection", elsewhere.url("")));
    finish(s).await
}

// --- 10. a 40 MiB body ----------------------------------------------------------------------

journey!(faults_forty_mib_body, "faults_big_body", big_body);

/// A 40 MiB answer to every request, announced (Content-Length) and then streamed (chunked):
/// each refused with words about its size, the app answering meanwhile, data kept and
/// marked stale, recovered by itself.
async fn big_body(j: &Journey, profile: &str) -> Result<()> {
    hostile(
        j,
        profile,
        &[
            Phase {
                label: "40mib-announced",
                fault: json!({"kind": "big_body", "bytes": 41_943_040u64}),
                words: TOO_BIG_WORDS,
                answer_within: ANSWER,
                names_a_number: false,
                outage: true,
            },
            Phase {
                label: "40mib-chunked",
                fault: json!({"kind": "big_body", "bytes": 41_943_040u64, "chunked": true}),
                words: TOO_BIG_WORDS,
                answer_within: ANSWER,
                names_a_number: false,
                outage: true,
            },
        ],
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_are_imf_fixdates() {
        assert_eq!(http_date_at(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(http_date_at(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date_at(1_803_202_080), "Sun, 21 Feb 2027 09:28:00 GMT");
        let d = http_date(Duration::ZERO);
        // "Thu, 03 Dec 2026 14:31:33 GMT"
        assert_eq!(d.len(), 29, "{d}");
        assert!(d.ends_with(" GMT"), "{d}");
        assert_eq!(&d[3..5], ", ", "{d}");
    }

    #[test]
    fn words_cover_what_each_fault_is() {
        assert!(says_any("Barrack is limiting requests (429)", RATE_WORDS));
        assert!(says_any(
            "Redirected to http://127.0.0.1:9/",
            REDIRECT_WORDS
        ));
        assert!(!says_any("Offline", REDIRECT_WORDS));
    }
}
