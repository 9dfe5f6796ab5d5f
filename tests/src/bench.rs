//! What the benchmark journeys share: one IPC round trip as the unit, and figures printed.
//! Benchmarks report; they never assert a time.

use crate::App;
use anyhow::{anyhow, Result};
use serde_json::json;

/// One IPC command that makes one API request (`get_balance`), timed in the page.
pub async fn one_round_trip(app: &App) -> Result<f64> {
    let v = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; const t0 = performance.now();\
             window.__TAURI_INTERNALS__.invoke('get_balance')\
               .then(() => done(performance.now() - t0), (e) => done({error: String(e && e.message || e)}));",
            vec![],
        )
        .await?;
    v.as_f64()
        .ok_or_else(|| anyhow!("get_balance through IPC failed: {v}"))
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
