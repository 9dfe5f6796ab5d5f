//! `scripts/bench-desktop`: start-up time, memory and binary size of Barrack Desktop next to
//! an empty Tauri app built with the same profile (the floor this stack allows).
//!
//! - Start-up: from the app process's start (its /proc start time) to the moment the page
//!   shows data — Barrack Desktop: the sandbox balance in the header (`--sandbox`); the empty
//!   app: its one heading. Polled every 20 ms through WebDriver; median of 5 runs.
//! - Memory: resident (RSS) and proportional (PSS) memory of the app and every process under
//!   it (WebKitWebProcess, WebKitNetworkProcess) after 30 s idle on that page.
//! - Size: the release binaries.
//!
//! Run under a display and a D-Bus session (scripts/bench-desktop does both).

use anyhow::{anyhow, Result};
use barrack_e2e::{tid, Journey};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn clock_ticks() -> f64 {
    // USER_HZ; 100 on Linux everywhere that matters (getconf CLK_TCK).
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

fn uptime() -> f64 {
    std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0.0)
}

/// Seconds since boot when the process started.
fn process_start(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let start: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
    Some(start / clock_ticks())
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    after.split_whitespace().nth(1)?.parse().ok()
}

/// The process and all its descendants.
fn tree(root: u32) -> Vec<u32> {
    let all: Vec<u32> = std::fs::read_dir("/proc")
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let p = out[i];
        let children: Vec<u32> = all
            .iter()
            .copied()
            .filter(|c| parent_of(*c) == Some(p) && !out.contains(c))
            .collect();
        out.extend(children);
        i += 1;
    }
    out
}

fn kib(path: String, key: &str) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// (RSS, PSS) in MiB of a process tree.
fn memory(root: u32) -> (f64, f64, Vec<String>) {
    let pids = tree(root);
    let names = pids
        .iter()
        .map(|p| {
            std::fs::read_to_string(format!("/proc/{p}/comm"))
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
        .collect();
    let rss: u64 = pids
        .iter()
        .map(|p| kib(format!("/proc/{p}/status"), "VmRSS:"))
        .sum();
    let pss: u64 = pids
        .iter()
        .map(|p| kib(format!("/proc/{p}/smaps_rollup"), "Pss:"))
        .sum();
    (rss as f64 / 1024.0, pss as f64 / 1024.0, names)
}

struct Subject {
    label: &'static str,
    binary: PathBuf,
    args: Vec<&'static str>,
    selector: String,
    ready: fn(&str) -> bool,
}

struct Figures {
    startups: Vec<f64>,
    rss: f64,
    pss: f64,
    processes: Vec<String>,
    size: u64,
}

async fn measure(s: &Subject, runs: usize, idle: Duration) -> Result<Figures> {
    std::env::set_var("BARRACK_E2E_APP", &s.binary);
    let mut startups = Vec::new();
    let mut mem = (0.0, 0.0, Vec::new());
    for run in 0..runs {
        let j = Journey::begin(&format!("bench-{}-{run}", s.label))
            .ok_or_else(|| anyhow!("the bench cannot run here (see above)"))?;
        let driver = j.driver().await?;
        let app = driver.open(&s.args).await?;
        let pid = *app.pids.first().ok_or_else(|| anyhow!("no app process"))?;
        let started = process_start(pid).ok_or_else(|| anyhow!("no start time for {pid}"))?;
        let deadline = Instant::now() + Duration::from_secs(30);
        let shown = loop {
            if let Ok(e) = app
                .client()
                .find(fantoccini::Locator::Css(&s.selector))
                .await
            {
                if let Ok(text) = e.text().await {
                    if (s.ready)(&text) {
                        break uptime();
                    }
                }
            }
            if Instant::now() > deadline {
                return Err(anyhow!("{}: the page never showed its data", s.label));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        startups.push(shown - started);
        if run + 1 == runs {
            tokio::time::sleep(idle).await;
            mem = memory(pid);
        }
        app.quit().await?;
        driver.stop();
        j.finish();
    }
    let size = std::fs::metadata(&s.binary).map(|m| m.len()).unwrap_or(0);
    Ok(Figures {
        startups,
        rss: mem.0,
        pss: mem.1,
        processes: mem.2,
        size,
    })
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    s[s.len() / 2]
}

fn arg_path(name: &str, default: &Path) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| default.to_path_buf())
}

#[tokio::main]
async fn main() -> Result<()> {
    let root = barrack_e2e::workspace_root();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let idle = Duration::from_secs(
        std::env::var("BENCH_IDLE_SECS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(30),
    );
    let ours = Subject {
        label: "barrack-desktop",
        binary: arg_path("BENCH_APP", &root.join("target/release/barrack-desktop")),
        args: vec!["--sandbox"],
        selector: tid("header-balance"),
        ready: barrack_e2e::is_positive_amount,
    };
    let empty = Subject {
        label: "empty-tauri-app",
        binary: arg_path(
            "BENCH_EMPTY_APP",
            &root.join("bench/empty-app/target/release/empty-tauri-app"),
        ),
        args: vec![],
        selector: tid("ready"),
        ready: |t| !t.is_empty(),
    };
    let a = measure(&ours, runs, idle).await?;
    let b = measure(&empty, runs, idle).await?;
    let ms = |v: f64| format!("{:.0} ms", v * 1000.0);
    println!(
        "\nRelease builds, under Xvfb; start-up median of {runs} runs; memory after {}s idle.\n",
        idle.as_secs()
    );
    println!("| figure | Barrack Desktop | empty Tauri app | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| start-up to data shown (median) | {} | {} | {:.2}× |",
        ms(median(&a.startups)),
        ms(median(&b.startups)),
        median(&a.startups) / median(&b.startups)
    );
    println!(
        "| start-up runs | {} | {} | |",
        a.startups
            .iter()
            .map(|v| ms(*v))
            .collect::<Vec<_>>()
            .join(", "),
        b.startups
            .iter()
            .map(|v| ms(*v))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "| memory RSS, app + WebKit | {:.0} MiB | {:.0} MiB | {:.2}× |",
        a.rss,
        b.rss,
        a.rss / b.rss
    );
    println!(
        "| memory PSS, app + WebKit | {:.0} MiB | {:.0} MiB | {:.2}× |",
        a.pss,
        b.pss,
        a.pss / b.pss
    );
    println!(
        "| release binary | {:.1} MiB | {:.1} MiB | {:.2}× |",
        a.size as f64 / 1048576.0,
        b.size as f64 / 1048576.0,
        a.size as f64 / b.size as f64
    );
    println!(
        "\nprocesses measured: {:?} / {:?}",
        a.processes, b.processes
    );
    Ok(())
}
