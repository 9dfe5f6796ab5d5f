//! What the benchmark journeys share: one IPC round trip as the unit, figures printed and
//! recorded for `scripts/bench`'s table ([`record`], read by [`table`]). Benchmarks report;
//! they never assert a time.
//!
//! - `table`: the raw figures → the table's rows, goals, met or not, the count line.
//! - `probe`: what the bench reads of this machine (process start, memory, the machine).
//! - `chunk`: the first JavaScript chunk the UI loads, raw and gzipped.
//! - `phases`: where a start's time goes (the page's timings and the app's marks).

pub mod chunk;
pub mod phases;
pub mod probe;
pub mod table;

use crate::{artifacts_root, Admin, App};
use anyhow::{anyhow, Context, Result};
use serde_json::json;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::Duration;

/// Where the bench journeys append their figures, one JSON object a line:
/// `BENCH_FIGURES` (scripts/bench sets it), else `<artifacts>/bench/figures.jsonl`.
pub fn figures_file() -> PathBuf {
    std::env::var_os("BENCH_FIGURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| artifacts_root().join("bench").join("figures.jsonl"))
}

/// Appends one figure for `scripts/bench`'s table: `key` (one of [`table::key`]), the value
/// the goal is compared with, its unit, the samples behind it and a note of what it is.
pub fn record(key: &str, value: f64, unit: &str, samples: &[f64], note: &str) -> Result<()> {
    let file = figures_file();
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))?;
    }
    let line = serde_json::to_string(&table::Recorded {
        key: key.to_owned(),
        value,
        unit: unit.to_owned(),
        samples: samples.to_vec(),
        note: note.to_owned(),
    })?;
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&file)
        .with_context(|| format!("open {}", file.display()))?;
    writeln!(f, "{line}").with_context(|| format!("write {}", file.display()))
}

/// One IPC command that makes one API request (`get_balance`), timed in the page. Checked at
/// barrack-sim: a call answered without a request of its own (an answer shared or kept by
/// the client) is no round trip, so it is taken again a second later (up to 5 times).
pub async fn one_round_trip(app: &App, admin: &Admin) -> Result<f64> {
    for _ in 0..5 {
        let before = admin.count("get_balance")?;
        let v = app
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1]; const t0 = performance.now();\
                 window.__TAURI_INTERNALS__.invoke('get_balance')\
                   .then(() => done(performance.now() - t0), (e) => done({error: String(e && e.message || e)}));",
                vec![],
            )
            .await?;
        let ms = v
            .as_f64()
            .ok_or_else(|| anyhow!("get_balance through IPC failed: {v}"))?;
        if admin.count("get_balance")? > before {
            return Ok(ms);
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    Err(anyhow!(
        "get_balance through IPC made no API request in 5 tries (answered by the client alone)"
    ))
}

/// The durations (ms) of the page's performance entries named `name`.
pub async fn measures(app: &App, name: &str) -> Result<Vec<f64>> {
    let v = app
        .client()
        .execute(
            "return performance.getEntriesByName(arguments[0]).map((e) => e.duration);",
            vec![json!(name)],
        )
        .await?;
    Ok(serde_json::from_value(v).unwrap_or_default())
}

pub fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

pub fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NAN, f64::max)
}

pub fn ms_list(v: &[f64]) -> String {
    let parts: Vec<String> = v.iter().map(|x| format!("{x:.0}")).collect();
    format!("[{}]", parts.join(", "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn median_and_list() {
        assert_eq!(super::median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(super::median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(super::ms_list(&[1.4, 20.6]), "[1, 21]");
    }
}
