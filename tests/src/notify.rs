//! Desktop notifications as the session's notification server (dunst) shows them.

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::process::Command;
use std::time::{Duration, Instant};

fn dunstctl(args: &[&str]) -> Result<String> {
    let out = Command::new("dunstctl")
        .args(args)
        .output()
        .context("run dunstctl (Debian package dunst)")?;
    if !out.status.success() {
        bail!(
            "dunstctl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Every `{summary, body}` in `dunstctl history`'s JSON (`{"data": [[{"summary": {"data":
/// "…"}, …}]]}`).
fn summaries(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            let field = |k: &str| {
                m.get(k)
                    .and_then(|f| f.get("data").or(Some(f)))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            };
            if let Some(s) = field("summary") {
                out.push((s, field("body").unwrap_or_default()));
            } else {
                m.values().for_each(|x| summaries(x, out));
            }
        }
        Value::Array(a) => a.iter().for_each(|x| summaries(x, out)),
        _ => {}
    }
}

/// The notifications dunst has shown: those displayed now are closed first (dunst lists only
/// closed ones in its history), then `(summary, body)` of each from its history.
pub fn shown_notifications() -> Result<Vec<(String, String)>> {
    let displayed: u64 = dunstctl(&["count", "displayed"])?
        .trim()
        .parse()
        .unwrap_or(0);
    if displayed > 0 {
        dunstctl(&["close-all"])?;
    }
    let history: Value =
        serde_json::from_str(&dunstctl(&["history"])?).context("dunstctl history: not JSON")?;
    let mut out = Vec::new();
    summaries(&history, &mut out);
    Ok(out)
}

/// Waits until dunst has shown a notification whose summary satisfies `summary`; returns
/// its summary and body.
pub async fn wait_notification(
    what: &str,
    summary: impl Fn(&str) -> bool,
    within: Duration,
) -> Result<(String, String)> {
    let deadline = Instant::now() + within;
    loop {
        let all = shown_notifications()?;
        if let Some(n) = all.iter().find(|(s, _)| summary(s)) {
            return Ok(n.clone());
        }
        if Instant::now() > deadline {
            bail!(
                "no notification {what} within {:.1}s; dunst showed: {all:?}",
                within.as_secs_f64()
            );
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// How many notifications dunst has shown so far whose summary satisfies `summary` (dunst's
/// history spans the whole `scripts/e2e` session: take this before the action, then wait
/// with [`wait_new_notification`]).
pub fn count_notifications(summary: impl Fn(&str) -> bool) -> Result<usize> {
    Ok(shown_notifications()?
        .iter()
        .filter(|(s, _)| summary(s))
        .count())
}

/// Like [`wait_notification`], but only a notification beyond the `before` already shown
/// (from [`count_notifications`]) counts: an earlier journey's, or an earlier step's, does not.
pub async fn wait_new_notification(
    what: &str,
    summary: impl Fn(&str) -> bool,
    before: usize,
    within: Duration,
) -> Result<(String, String)> {
    let deadline = Instant::now() + within;
    loop {
        let all = shown_notifications()?;
        let hits: Vec<&(String, String)> = all.iter().filter(|(s, _)| summary(s)).collect();
        if hits.len() > before {
            // dunst lists its history newest first.
            return Ok(hits[0].clone());
        }
        if Instant::now() > deadline {
            bail!(
                "no new notification {what} within {:.1}s ({before} before); dunst showed: {all:?}",
                within.as_secs_f64()
            );
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dunst_history() {
        let v: Value = serde_json::from_str(
            r#"{"type":"aa{sv}","data":[[{"body":{"type":"s","data":"L40 x2 in NORWAY-1 is ACTIVE."},
            "summary":{"type":"s","data":"vm-a is running"},"id":{"type":"i","data":3}}]]}"#,
        )
        .unwrap();
        let mut out = Vec::new();
        summaries(&v, &mut out);
        assert_eq!(
            out,
            vec![(
                "vm-a is running".to_owned(),
                "L40 x2 in NORWAY-1 is ACTIVE.".to_owned()
            )]
        );
    }
}
