//! `scripts/bench`'s measuring half: start-up, memory and idle requests of the release app
//! next to an empty Tauri app built with the same profile; then every figure in one table
//! (the bench journeys' figures and the sizes read from what scripts/bench left), printed,
//! and written to `$BENCH_OUT/bench.md` and `$BENCH_OUT/bench.json`. The table's rules are
//! in `barrack_e2e::bench::table`.
//!
//! - Start-up: from the app process's start (its /proc start time) to the condition, polled
//!   every 10 ms over WebDriver from the moment the session exists. Barrack Desktop signed
//!   in to a barrack-sim (`--seed sandbox`; signed in once through the sign-in screen before
//!   the runs): "data on screen" = `header-balance` shows an amount (last-known state
//!   allowed), "fresh" = that and no `as-of` marker; `--sandbox`: fresh. The empty app: its
//!   heading. Rounds of (signed in, empty, sandbox, empty), `BENCH_RUNS` rounds (default 10).
//! - Idle: the signed-in app left on the dashboard for `BENCH_IDLE_SECS` (300); the requests
//!   barrack-sim answered meanwhile (its admin `/requests`), and RSS and PSS of the app and
//!   every process under it at `BENCH_MEMORY_SECS` (60) of that same idle time; the empty
//!   app's memory after as long.
//!
//! Run under a display and a D-Bus session with a keyring (scripts/bench does both).
//! Environment: BENCH_APP, BENCH_EMPTY_APP, BENCH_OUT (required); BENCH_UI_DIST, BENCH_DEB,
//! BENCH_RPM, BENCH_APP_NO_SANDBOX or BENCH_NO_SANDBOX_NOTE, BENCH_FIGURES (optional);
//! BENCH_PARTS=startup,idle (default both: leave one out to develop the other).

use anyhow::{anyhow, bail, Context, Result};
use barrack_e2e::bench::phases::{self, Phases};
use barrack_e2e::bench::table::{self, IdleRequests, Memory, Raw, Sizes, Startups};
use barrack_e2e::bench::{chunk, figures_file, probe};
use barrack_e2e::{
    is_positive_amount, keyring_clear, sign_in_screen, tid, workspace_root, Admin, App, Journey,
    START, STEP,
};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The profile signed in to barrack-sim.
const PROFILE: &str = "bench";
/// barrack-sim as the journeys start it: three VMs, none in transition, real time.
const SIM_ARGS: &[&str] = &["--seed", "sandbox", "--time-scale", "1"];
/// How often the start-up condition is polled.
const POLL: Duration = Duration::from_millis(10);

struct Config {
    runs: usize,
    idle: Duration,
    memory_after: Duration,
    app: PathBuf,
    empty_app: PathBuf,
    out: PathBuf,
    ui_dist: PathBuf,
    figures: PathBuf,
    deb: Option<PathBuf>,
    rpm: Option<PathBuf>,
    no_sandbox: Result<PathBuf, String>,
    startup: bool,
    idle_part: bool,
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn env_num(name: &str, default: u64) -> Result<u64> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .with_context(|| format!("{name}={v} is not a whole number")),
        _ => Ok(default),
    }
}

impl Config {
    fn from_env() -> Result<Config> {
        let required =
            |n: &str| env_path(n).ok_or_else(|| anyhow!("{n} is not set (scripts/bench sets it)"));
        let runs = env_num("BENCH_RUNS", 10)? as usize;
        if runs < 2 {
            bail!("BENCH_RUNS={runs}: at least 2 (the first run is dropped)");
        }
        let idle = env_num("BENCH_IDLE_SECS", 300)?;
        let memory_after = env_num("BENCH_MEMORY_SECS", 60)?.min(idle);
        let parts = std::env::var("BENCH_PARTS").unwrap_or_else(|_| "startup,idle".into());
        Ok(Config {
            runs,
            idle: Duration::from_secs(idle),
            memory_after: Duration::from_secs(memory_after),
            app: required("BENCH_APP")?,
            empty_app: required("BENCH_EMPTY_APP")?,
            out: required("BENCH_OUT")?,
            ui_dist: env_path("BENCH_UI_DIST").unwrap_or_else(|| workspace_root().join("ui/dist")),
            figures: env_path("BENCH_FIGURES").unwrap_or_else(figures_file),
            deb: env_path("BENCH_DEB"),
            rpm: env_path("BENCH_RPM"),
            no_sandbox: env_path("BENCH_APP_NO_SANDBOX").ok_or_else(|| {
                std::env::var("BENCH_NO_SANDBOX_NOTE")
                    .unwrap_or_else(|_| "n/a: not built".to_owned())
            }),
            startup: parts.split(',').any(|p| p.trim() == "startup"),
            idle_part: parts.split(',').any(|p| p.trim() == "idle"),
        })
    }
}

/// What a start-up waits for.
#[derive(Clone, Copy)]
enum Kind {
    /// The empty app: its heading (`ready`).
    Empty,
    /// Barrack Desktop: an amount in the header, then no "as of" marker.
    Ours,
}

/// Seconds from the process's start to data on screen and to fresh data, and to the
/// WebDriver session (the first poll: a figure this close to it is an upper bound).
struct Seen {
    data: f64,
    fresh: f64,
    session: f64,
    /// Where the time went (the page's timings and marks), read once fresh; empty if unread.
    phases: Phases,
}

const PROBE: &str = "const t = (id) => { const e = document.querySelector('[data-testid=\"' + id + '\"]'); return e ? e.textContent : null; };\
    return [t('header-balance'), document.querySelector('[data-testid=\"as-of\"]') !== null, t('ready')];";

/// Polls `app` from its first moment until its data is fresh; times from its process's start.
async fn poll_startup(app: &App, kind: Kind) -> Result<Seen> {
    let pid = *app.pids.first().ok_or_else(|| anyhow!("no app process"))?;
    let started = probe::process_start(pid).ok_or_else(|| anyhow!("no start time of {pid}"))?;
    let session = probe::uptime() - started;
    let deadline = Instant::now() + START;
    let mut data = None;
    loop {
        if let Ok(Value::Array(v)) = app.client().execute(PROBE, vec![]).await {
            let now = probe::uptime();
            let text = |i: usize| v.get(i).and_then(Value::as_str).unwrap_or("");
            let as_of = v.get(1).and_then(Value::as_bool).unwrap_or(false);
            let (shown, fresh) = match kind {
                Kind::Empty => {
                    let ready = !text(2).trim().is_empty();
                    (ready, ready)
                }
                Kind::Ours => {
                    let amount = is_positive_amount(text(0));
                    (amount, amount && !as_of)
                }
            };
            if shown && data.is_none() {
                data = Some(now - started);
            }
            if fresh {
                // The page's clock is read between these two readings of ours: their middle.
                let asked = probe::uptime();
                let phases = match app.client().execute(phases::SCRIPT, vec![]).await {
                    Ok(answer) => phases::read(&answer, (asked + probe::uptime()) / 2.0 - started),
                    Err(_) => None,
                };
                return Ok(Seen {
                    data: data.unwrap_or(now - started),
                    fresh: now - started,
                    session,
                    phases: phases.unwrap_or_default(),
                });
            }
        }
        if Instant::now() > deadline {
            bail!(
                "no {} within {}s of the start",
                match kind {
                    Kind::Empty => "heading",
                    Kind::Ours => "fresh amount in the header",
                },
                START.as_secs()
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

/// One start of `binary` in journey `j`'s home: launched, timed, quit.
async fn start_once(j: &Journey, binary: &Path, args: &[&str], kind: Kind) -> Result<Seen> {
    let driver = j.driver().await?;
    let app = driver.launch_binary(binary, args).await?;
    let seen = poll_startup(&app, kind).await;
    app.quit().await?;
    driver.stop();
    seen
}

/// [`start_once`], tried a second time if the first fails (a driver hiccup is not a figure).
async fn start_timed(j: &Journey, binary: &Path, args: &[&str], kind: Kind) -> Result<Seen> {
    match start_once(j, binary, args, kind).await {
        Ok(s) => Ok(s),
        Err(e) => {
            j.log(format!("start failed ({e:#}); once more"));
            start_once(j, binary, args, kind).await
        }
    }
}

/// The journeys (private homes) the bench runs its apps in, and the signed-in emulator.
struct Homes {
    signed_in: Journey,
    sandbox: Journey,
    empty: Journey,
    sim: barrack_e2e::Sim,
    admin: Admin,
}

/// Starts barrack-sim and signs the app in to it once through the sign-in screen (the key
/// goes to the session's keyring, the profile to the app's settings), then quits it.
async fn prepare(cfg: &Config) -> Result<Homes> {
    let begin = |name: &str| {
        Journey::begin(name).ok_or_else(|| anyhow!("the bench cannot run here (see above)"))
    };
    let signed_in = begin("bench-signed-in")?;
    let sandbox = begin("bench-sandbox")?;
    let empty = begin("bench-empty")?;
    let sim = signed_in.sim(SIM_ARGS).await?;
    let admin = Admin::of(&sim)?;
    keyring_clear(PROFILE);
    let driver = signed_in.driver().await?;
    let app = driver.open_binary(&cfg.app, &[]).await?;
    sign_in_screen(&signed_in, &app, PROFILE, &sim).await?;
    app.wait_text(&tid("header-balance"), is_positive_amount, START)
        .await
        .context("the signed-in app shows the balance")?;
    app.quit().await?;
    driver.stop();
    Ok(Homes {
        signed_in,
        sandbox,
        empty,
        sim,
        admin,
    })
}

fn ms_list(v: &[f64]) -> String {
    barrack_e2e::bench::ms_list(&v.iter().map(|s| s * 1000.0).collect::<Vec<_>>())
}

/// Rounds of (signed in, empty, sandbox, empty): each of ours next to an empty one.
/// The start-up figures, and a paragraph of where their time goes (medians of the phases).
async fn startups(cfg: &Config, h: &Homes) -> Result<(Startups, String)> {
    let mut s = Startups::default();
    let (mut signed_in, mut sandbox, mut empty) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..cfg.runs {
        let a = start_timed(&h.signed_in, &cfg.app, &[], Kind::Ours).await?;
        s.signed_in_data.push(a.data);
        s.signed_in_fresh.push(a.fresh);
        let e1 = start_timed(&h.empty, &cfg.empty_app, &[], Kind::Empty).await?;
        s.empty.push(e1.fresh);
        let b = start_timed(&h.sandbox, &cfg.app, &["--sandbox"], Kind::Ours).await?;
        s.sandbox_fresh.push(b.fresh);
        let e2 = start_timed(&h.empty, &cfg.empty_app, &[], Kind::Empty).await?;
        s.empty.push(e2.fresh);
        let ms = |v: f64| v * 1000.0;
        eprintln!(
            "bench: round {}/{}: signed in {:.0}/{:.0} ms (data/fresh), sandbox {:.0} ms, empty {:.0}, {:.0} ms \
             (WebDriver session at {:.0}, {:.0}, {:.0}, {:.0} ms)",
            round + 1,
            cfg.runs,
            ms(a.data),
            ms(a.fresh),
            ms(b.fresh),
            ms(e1.fresh),
            ms(e2.fresh),
            ms(a.session),
            ms(e1.session),
            ms(b.session),
            ms(e2.session)
        );
        eprintln!(
            "bench:   signed in: {}",
            phases::medians_line(&[Vec::new(), a.phases.clone()])
        );
        signed_in.push(a.phases);
        sandbox.push(b.phases);
        empty.push(e1.phases);
        empty.push(e2.phases);
    }
    let where_ = format!(
        "Where start-up goes, medians in ms from the process's start (the page's timings, the app's \
         `barrack:` marks): signed in: {}. Sandbox: {}. Empty app: {}.\n\n",
        phases::medians_line(&signed_in),
        phases::medians_line(&sandbox),
        phases::medians_line(&empty)
    );
    Ok((s, where_))
}

/// The signed-in app idle on the dashboard: requests counted at barrack-sim over the idle
/// time, memory at `memory_after` of it.
async fn idle_ours(cfg: &Config, h: &Homes) -> Result<(Memory, IdleRequests)> {
    let driver = h.signed_in.driver().await?;
    let app = driver.open_binary(&cfg.app, &[]).await?;
    let pid = *app.pids.first().ok_or_else(|| anyhow!("no app process"))?;
    poll_startup(&app, Kind::Ours).await?;
    app.wait_for(&tid("page-dashboard"), STEP).await?;
    h.admin.call("DELETE", "requests", None)?;
    let t0 = Instant::now();
    tokio::time::sleep(cfg.memory_after).await;
    let (memory, names) = probe::memory(pid);
    eprintln!(
        "bench: Barrack Desktop after {}s idle: PSS {:.0} MiB, RSS {:.0} MiB, USS {:.0} MiB, processes {names:?}",
        cfg.memory_after.as_secs(),
        memory.pss_mib,
        memory.rss_mib,
        memory.uss_mib
    );
    tokio::time::sleep(cfg.idle.saturating_sub(t0.elapsed())).await;
    let counts = h.admin.call("GET", "requests", None)?;
    let seconds = t0.elapsed().as_secs_f64();
    let by_operation: std::collections::BTreeMap<String, u64> =
        serde_json::from_value(counts.clone()).unwrap_or_default();
    eprintln!("bench: requests in {seconds:.0}s idle, by operation: {counts}");
    app.quit().await?;
    driver.stop();
    Ok((
        memory,
        IdleRequests {
            requests: by_operation.values().sum(),
            seconds,
            by_operation,
        },
    ))
}

/// The empty app's memory after as long idle.
async fn idle_empty(cfg: &Config, h: &Homes) -> Result<Memory> {
    let driver = h.empty.driver().await?;
    let app = driver.open_binary(&cfg.empty_app, &[]).await?;
    let pid = *app.pids.first().ok_or_else(|| anyhow!("no app process"))?;
    poll_startup(&app, Kind::Empty).await?;
    tokio::time::sleep(cfg.memory_after).await;
    let (memory, names) = probe::memory(pid);
    eprintln!(
        "bench: empty app after {}s idle: PSS {:.0} MiB, RSS {:.0} MiB, USS {:.0} MiB, processes {names:?}",
        cfg.memory_after.as_secs(),
        memory.pss_mib,
        memory.rss_mib,
        memory.uss_mib
    );
    app.quit().await?;
    driver.stop();
    Ok(memory)
}

fn size(p: &Option<PathBuf>) -> Option<u64> {
    std::fs::metadata(p.as_ref()?).ok().map(|m| m.len())
}

fn err_text(e: &anyhow::Error) -> String {
    format!("{e:#}").replace('\n', " ")
}

#[tokio::main]
async fn main() -> Result<()> {
    let cfg = Config::from_env()?;
    std::fs::create_dir_all(&cfg.out)?;
    let skipped = |part: &str| format!("BENCH_PARTS leaves out {part}");
    let mut startup_figures: Result<Startups, String> = Err(skipped("startup"));
    let mut startup_phases = String::new();
    let mut memory: Result<(Memory, Memory), String> = Err(skipped("idle"));
    let mut idle: Result<IdleRequests, String> = Err(skipped("idle"));
    let homes = if cfg.startup || cfg.idle_part {
        prepare(&cfg).await.map_err(|e| err_text(&e))
    } else {
        Err("BENCH_PARTS leaves out startup and idle".to_owned())
    };
    match &homes {
        Err(e) => {
            eprintln!("bench: the signed-in profile could not be prepared: {e}");
            if cfg.startup {
                startup_figures = Err(e.clone());
            }
            if cfg.idle_part {
                memory = Err(e.clone());
                idle = Err(e.clone());
            }
        }
        Ok(h) => {
            if cfg.startup {
                startup_figures = match startups(&cfg, h).await {
                    Ok((figures, where_)) => {
                        startup_phases = where_;
                        Ok(figures)
                    }
                    Err(e) => Err(err_text(&e)),
                };
            }
            if cfg.idle_part {
                match idle_ours(&cfg, h).await {
                    Ok((ours, requests)) => {
                        idle = Ok(requests);
                        memory = idle_empty(&cfg, h)
                            .await
                            .map(|empty| (ours, empty))
                            .map_err(|e| err_text(&e));
                    }
                    Err(e) => {
                        memory = Err(err_text(&e));
                        idle = Err(err_text(&e));
                    }
                }
            }
        }
    }
    if let Ok(h) = homes {
        keyring_clear(PROFILE);
        drop((h.admin, h.sim));
    }

    let figures_text = std::fs::read_to_string(&cfg.figures).unwrap_or_default();
    let raw = Raw {
        runs: cfg.runs,
        startups: startup_figures,
        memory_after_secs: cfg.memory_after.as_secs(),
        memory,
        idle,
        chunk: chunk::first_chunk(&cfg.ui_dist).map_err(|e| err_text(&e)),
        journeys: table::read_recorded(&figures_text),
        sizes: Sizes {
            deb: size(&cfg.deb),
            rpm: size(&cfg.rpm),
            binary: size(&Some(cfg.app.clone())),
            empty_binary: size(&Some(cfg.empty_app.clone())),
            binary_no_sandbox: match &cfg.no_sandbox {
                Ok(p) => size(&Some(p.clone())).ok_or_else(|| format!("{} missing", p.display())),
                Err(note) => Err(note.clone()),
            },
        },
    };
    let rows = table::rows(&raw);
    let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string();
    let machine = probe::machine();
    let mut details = String::new();
    if let Ok(s) = &raw.startups {
        details.push_str(&format!(
            "Start-up runs in ms, in order (the first of each dropped): signed in, data {}; signed in, fresh {}; \
             sandbox {}; empty app {}.\n\n",
            ms_list(&s.signed_in_data),
            ms_list(&s.signed_in_fresh),
            ms_list(&s.sandbox_fresh),
            ms_list(&s.empty)
        ));
        details.push_str(&startup_phases);
    }
    if let Ok(i) = &raw.idle {
        details.push_str(&format!(
            "Idle requests by operation: {}.\n\n",
            json!(i.by_operation)
        ));
    }
    let header = format!(
        "Measured {date} on {machine}; release builds under Xvfb (1280×800); start-up: {} runs each, \
         the apps interleaved, the first run of each dropped, medians compared; memory at {} s of the \
         {} s idle run.\n\n",
        cfg.runs,
        cfg.memory_after.as_secs(),
        cfg.idle.as_secs()
    );
    let table_text = table::render(&rows);
    let md = format!("{header}{details}{table_text}");
    std::fs::write(cfg.out.join("bench.md"), &md)?;
    std::fs::write(
        cfg.out.join("bench.json"),
        serde_json::to_vec_pretty(&json!({
            "date": date,
            "machine": machine,
            "raw": raw,
            "rows": rows,
            "goals_met": table::count_line(&rows),
        }))?,
    )?;
    // The count line is the output's last line.
    print!("\n{md}");
    Ok(())
}
