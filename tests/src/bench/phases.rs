//! Where a start's time goes: the page's own timings (its origin, DOMContentLoaded, paints)
//! and the app's `barrack:` performance marks (ui/src/lib/startMarks.ts), read once the start
//! is timed and placed on the same clock as the bench's figures (seconds from the process's
//! start). The bench prints the medians next to the figures, so a goal not met comes with
//! the phase that takes the time.

use serde_json::Value;
use std::collections::BTreeMap;

/// Run in the page: `[ms since the page's origin now, [[name, ms since origin], …]]`.
pub const SCRIPT: &str = "const out = [['page origin', 0]];\
    const nav = performance.getEntriesByType('navigation')[0];\
    if (nav) { out.push(['DOMContentLoaded', nav.domContentLoadedEventEnd]); out.push(['load', nav.loadEventEnd]); }\
    for (const p of performance.getEntriesByType('paint')) out.push([p.name, p.startTime]);\
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('barrack:')) out.push([m.name.slice(8), m.startTime]);\
    return [performance.now(), out];";

/// One start's phases: name → seconds from the process's start, in the order they happened.
pub type Phases = Vec<(String, f64)>;

/// [`SCRIPT`]'s answer read `at` seconds after the process started (the bench's clock when
/// the answer came back) → the phases on that clock. Entries not yet reached (0 or less,
/// e.g. `load` before the load event) are left out; `None` for an answer of another shape.
pub fn read(answer: &Value, at: f64) -> Option<Phases> {
    let v = answer.as_array()?;
    let page_now = v.first()?.as_f64()? / 1000.0;
    let origin = at - page_now;
    let mut phases: Phases = v
        .get(1)?
        .as_array()?
        .iter()
        .filter_map(|e| {
            let e = e.as_array()?;
            let name = e.first()?.as_str()?;
            let ms = e.get(1)?.as_f64()?;
            (name == "page origin" || ms > 0.0).then(|| (name.to_owned(), origin + ms / 1000.0))
        })
        .collect();
    phases.sort_by(|a, b| a.1.total_cmp(&b.1));
    Some(phases)
}

/// The median of each phase over `runs` (the first run dropped, as for the figures), in the
/// order of those medians: one line, in ms from the process's start (the process's start
/// and /proc/uptime count in 10 ms steps). A phase missing from some runs (`starting-shown`
/// happens only when the session was late) says in how many it was: `(n/N)`.
pub fn medians_line(runs: &[Phases]) -> String {
    let kept = runs.len().saturating_sub(1);
    let mut by_name: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for run in runs.iter().skip(1) {
        for (name, at) in run {
            by_name.entry(name).or_default().push(*at);
        }
    }
    if by_name.is_empty() {
        return "not read".to_owned();
    }
    let mut medians: Vec<(&str, f64, usize)> = by_name
        .into_iter()
        .map(|(name, v)| (name, super::median(&v), v.len()))
        .collect();
    medians.sort_by(|a, b| a.1.total_cmp(&b.1));
    medians
        .iter()
        .map(|(name, at, n)| {
            let seen = if *n < kept {
                format!(" ({n}/{kept})")
            } else {
                String::new()
            };
            format!("{name} {:.0}{seen}", at * 1000.0)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_answer_is_placed_on_the_process_clock_in_order() {
        // Read 0.5 s after the process started, 200 ms after the page's origin: origin at 0.3.
        let answer = json!([
            200.0,
            [
                ["page origin", 0],
                ["DOMContentLoaded", 50.0],
                ["load", 0],
                ["amount", 120.0],
                ["first-contentful-paint", 80.0]
            ]
        ]);
        let p = read(&answer, 0.5).unwrap();
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "page origin",
                "DOMContentLoaded",
                "first-contentful-paint",
                "amount"
            ]
        );
        assert!((p[0].1 - 0.3).abs() < 1e-9);
        assert!((p[3].1 - 0.42).abs() < 1e-9);
        assert_eq!(read(&json!({"no": "array"}), 0.5), None);
    }

    #[test]
    fn medians_drop_the_first_run_and_follow_their_order() {
        let run = |origin: f64, amount: f64| {
            vec![
                ("page origin".to_owned(), origin),
                ("amount".to_owned(), amount),
            ]
        };
        let runs = vec![run(9.0, 9.5), run(0.2, 0.5), run(0.3, 0.4), run(0.25, 0.45)];
        assert_eq!(medians_line(&runs), "page origin 250, amount 450");
        let mut partial = runs.clone();
        partial[2].push(("starting-shown".to_owned(), 0.35));
        assert_eq!(
            medians_line(&partial),
            "page origin 250, starting-shown 350 (1/3), amount 450"
        );
        assert_eq!(medians_line(&[Vec::new(), Vec::new()]), "not read");
    }
}
