//! `scripts/bench`'s one table: the raw figures ([`Raw`]) become rows with their goals, met
//! or not, and the closing `goals met: N of M`. No I/O here, so the tests below pin the
//! rules: the first run of each series dropped, medians compared as a ratio, a goal met only
//! by a measured value within it, a figure not measured counted as not met.

use super::median;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The keys the bench journeys record their figures under ([`super::record`]).
pub mod key {
    /// instances_bench: dashboard after a reload, 200 ms latency, in round trips.
    pub const DASHBOARD_ROUND_TRIPS: &str = "dashboard_round_trips";
    /// deploy_bench: Deploy VM → GPU step with stock and prices, 200 ms latency, in round trips.
    pub const WIZARD_ROUND_TRIPS: &str = "wizard_round_trips";
    /// billing_bench: click on Billing → first page of rows (next frame), median ms.
    pub const BILLING_FIRST_ROWS_MS: &str = "billing_first_rows_ms";
    /// billing_bench: Next/Previous → new rows (next frame), median ms.
    pub const BILLING_PAGE_CHANGE_MS: &str = "billing_page_change_ms";
    /// billing_bench: resource filter change → new rows (next frame), median ms.
    pub const BILLING_FILTER_CHANGE_MS: &str = "billing_filter_change_ms";
    /// instances_bench: the worst `instances-filter` measure of one keystroke, 2,000 VMs.
    pub const WORST_KEYSTROKE_MS: &str = "instances_worst_keystroke_ms";
}

/// A figure a bench journey recorded (one line of the figures file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recorded {
    pub key: String,
    pub value: f64,
    pub unit: String,
    #[serde(default)]
    pub samples: Vec<f64>,
    #[serde(default)]
    pub note: String,
}

/// The figures file's lines → the last figure recorded under each key (lines that are not a
/// figure are skipped: a journey run twice leaves its latest).
pub fn read_recorded(text: &str) -> BTreeMap<String, Recorded> {
    text.lines()
        .filter_map(|l| serde_json::from_str::<Recorded>(l).ok())
        .map(|r| (r.key.clone(), r))
        .collect()
}

/// Start-up times in seconds, each series in the order run (interleaved with the empty app).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Startups {
    /// Barrack Desktop signed in to barrack-sim: to an amount in the header (last-known allowed).
    pub signed_in_data: Vec<f64>,
    /// The same runs: to an amount in the header and no "as of" marker.
    pub signed_in_fresh: Vec<f64>,
    /// `--sandbox`: to an amount and no "as of" marker.
    pub sandbox_fresh: Vec<f64>,
    /// The empty Tauri app: to its heading.
    pub empty: Vec<f64>,
}

/// Memory of an app and every process under it, MiB.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Memory {
    pub rss_mib: f64,
    pub pss_mib: f64,
    /// Private memory (USS: each process's pages no other process maps), summed: a lower
    /// bound of what the app holds (pages its own processes share are left out), which,
    /// unlike PSS, the machine's other processes do not move.
    pub uss_mib: f64,
}

/// Requests barrack-sim answered while the signed-in app sat idle.
#[derive(Clone, Debug, Serialize)]
pub struct IdleRequests {
    pub requests: u64,
    pub seconds: f64,
    /// The requests by operation (barrack-sim's names).
    pub by_operation: BTreeMap<String, u64>,
}

/// The entry script `ui/dist/index.html` loads.
#[derive(Clone, Debug, Serialize)]
pub struct Chunk {
    pub name: String,
    pub raw: u64,
    pub gzipped: u64,
}

/// File sizes in bytes.
#[derive(Clone, Debug, Serialize)]
pub struct Sizes {
    pub deb: Option<u64>,
    pub rpm: Option<u64>,
    pub binary: Option<u64>,
    pub empty_binary: Option<u64>,
    /// The release binary built without the `sandbox` feature, or why there is none.
    pub binary_no_sandbox: Result<u64, String>,
}

/// Everything one `scripts/bench` run measured; an `Err` says why a part was not measured.
#[derive(Clone, Debug, Serialize)]
pub struct Raw {
    pub runs: usize,
    pub startups: Result<Startups, String>,
    /// Seconds after fresh data at which memory was read.
    pub memory_after_secs: u64,
    pub memory: Result<(Memory, Memory), String>,
    pub idle: Result<IdleRequests, String>,
    pub chunk: Result<Chunk, String>,
    pub journeys: BTreeMap<String, Recorded>,
    pub sizes: Sizes,
}

/// How a figure compares with its goal.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Op {
    /// value ≤ limit
    AtMost,
    /// value < limit
    Below,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Goal {
    pub op: Op,
    pub limit: f64,
    /// As printed, e.g. "≤ 1.15×".
    pub label: String,
}

impl Goal {
    pub fn at_most(limit: f64, label: &str) -> Goal {
        Goal {
            op: Op::AtMost,
            limit,
            label: label.to_owned(),
        }
    }
    pub fn below(limit: f64, label: &str) -> Goal {
        Goal {
            op: Op::Below,
            limit,
            label: label.to_owned(),
        }
    }
    pub fn met_by(&self, v: f64) -> bool {
        match self.op {
            Op::AtMost => v <= self.limit,
            Op::Below => v < self.limit,
        }
    }
}

/// One line of the table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub figure: String,
    pub ours: String,
    pub empty: String,
    /// The "ratio or value" column.
    pub value: String,
    /// What is compared with the goal (`None`: not measured).
    pub compared: Option<f64>,
    pub goal: Option<Goal>,
}

impl Row {
    /// `None` for a figure without a goal; a goal with nothing measured is not met.
    pub fn met(&self) -> Option<bool> {
        let goal = self.goal.as_ref()?;
        Some(self.compared.is_some_and(|v| goal.met_by(v)))
    }
}

/// The median of a series without its first run (`None` when nothing is left).
pub fn median_after_first(series: &[f64]) -> Option<f64> {
    let rest = series.get(1..).filter(|r| !r.is_empty())?;
    let m = median(rest);
    m.is_finite().then_some(m)
}

/// `ours / empty` of the medians after the first runs.
pub fn ratio_of_medians(ours: &[f64], empty: &[f64]) -> Option<f64> {
    let (o, e) = (median_after_first(ours)?, median_after_first(empty)?);
    (e > 0.0).then(|| o / e)
}

/// 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn mib(bytes: u64) -> String {
    format!(
        "{} B ({:.2} MiB)",
        thousands(bytes),
        bytes as f64 / 1_048_576.0
    )
}

fn not_measured(why: &str) -> String {
    format!("not measured: {why}")
}

fn startup_row(figure: &str, ours: &[f64], empty: &[f64], goal: Goal) -> Row {
    let ms = |s: Option<f64>| s.map_or("—".to_owned(), |s| format!("{:.0} ms", s * 1000.0));
    let ratio = ratio_of_medians(ours, empty);
    Row {
        figure: figure.to_owned(),
        ours: ms(median_after_first(ours)),
        empty: ms(median_after_first(empty)),
        value: ratio.map_or("—".to_owned(), |r| format!("{r:.2}×")),
        compared: ratio,
        goal: Some(goal),
    }
}

fn unmeasured_row(figure: &str, why: &str, goal: Option<Goal>) -> Row {
    Row {
        figure: figure.to_owned(),
        ours: not_measured(why),
        empty: String::new(),
        value: "—".to_owned(),
        compared: None,
        goal,
    }
}

/// A row from a figure a journey recorded under `key`.
fn journey_row(raw: &Raw, key: &str, group: &str, figure: &str, goal: Goal) -> Row {
    match raw.journeys.get(key) {
        Some(r) => Row {
            figure: figure.to_owned(),
            ours: r.note.clone(),
            empty: String::new(),
            value: if r.unit == "ms" {
                format!("{:.0} ms", r.value)
            } else {
                format!("{:.2} {}", r.value, r.unit)
            },
            compared: Some(r.value),
            goal: Some(goal),
        },
        None => unmeasured_row(
            figure,
            &format!("the {group} journey recorded nothing (see its output)"),
            Some(goal),
        ),
    }
}

/// A memory figure printed without a goal: ours, the empty app's, their ratio.
fn memory_row(figure: String, ours: f64, empty: f64) -> Row {
    Row {
        figure,
        ours: format!("{ours:.0} MiB"),
        empty: format!("{empty:.0} MiB"),
        value: if empty > 0.0 {
            format!("{:.2}×", ours / empty)
        } else {
            "—".to_owned()
        },
        compared: None,
        goal: None,
    }
}

/// The table's rows, in the order printed.
pub fn rows(raw: &Raw) -> Vec<Row> {
    let mut rows = Vec::new();
    const DATA: &str =
        "start-up to data on screen, signed in to barrack-sim (last-known state allowed)";
    const FRESH: &str = "start-up to fresh data, signed in to barrack-sim (no \"as of\")";
    const SANDBOX: &str = "start-up to fresh data, `--sandbox`";
    match &raw.startups {
        Ok(s) => {
            rows.push(startup_row(
                DATA,
                &s.signed_in_data,
                &s.empty,
                Goal::at_most(1.15, "≤ 1.15×"),
            ));
            rows.push(startup_row(
                FRESH,
                &s.signed_in_fresh,
                &s.empty,
                Goal::at_most(1.3, "≤ 1.3×"),
            ));
            rows.push(startup_row(
                SANDBOX,
                &s.sandbox_fresh,
                &s.empty,
                Goal::at_most(1.3, "≤ 1.3×"),
            ));
        }
        Err(e) => {
            rows.push(unmeasured_row(
                DATA,
                e,
                Some(Goal::at_most(1.15, "≤ 1.15×")),
            ));
            rows.push(unmeasured_row(FRESH, e, Some(Goal::at_most(1.3, "≤ 1.3×"))));
            rows.push(unmeasured_row(
                SANDBOX,
                e,
                Some(Goal::at_most(1.3, "≤ 1.3×")),
            ));
        }
    }

    let pss = format!(
        "memory PSS, app + all its processes, {} s idle on the dashboard",
        raw.memory_after_secs
    );
    let rss = format!(
        "memory RSS, app + all its processes, {} s idle",
        raw.memory_after_secs
    );
    let uss = format!(
        "memory USS (each process's private pages, summed), {} s idle",
        raw.memory_after_secs
    );
    match &raw.memory {
        Ok((ours, empty)) => {
            let ratio = (empty.pss_mib > 0.0).then(|| ours.pss_mib / empty.pss_mib);
            rows.push(Row {
                figure: pss,
                ours: format!("{:.0} MiB", ours.pss_mib),
                empty: format!("{:.0} MiB", empty.pss_mib),
                value: ratio.map_or("—".to_owned(), |r| format!("{r:.2}×")),
                compared: ratio,
                goal: Some(Goal::at_most(1.3, "≤ 1.3×")),
            });
            rows.push(memory_row(rss, ours.rss_mib, empty.rss_mib));
            rows.push(memory_row(uss.clone(), ours.uss_mib, empty.uss_mib));
        }
        Err(e) => {
            rows.push(unmeasured_row(&pss, e, Some(Goal::at_most(1.3, "≤ 1.3×"))));
            rows.push(unmeasured_row(&rss, e, None));
            rows.push(unmeasured_row(&uss, e, None));
        }
    }

    let idle_figure =
        "requests while idle (signed in, nothing in transition), counted at barrack-sim";
    let idle_goal = Goal::at_most(2.0, "≤ 2 /min");
    rows.push(match &raw.idle {
        Ok(i) if i.seconds > 0.0 => {
            let per_min = i.requests as f64 / (i.seconds / 60.0);
            Row {
                figure: idle_figure.to_owned(),
                ours: format!("{} requests in {:.0} s", i.requests, i.seconds),
                empty: String::new(),
                value: format!("{per_min:.2} /min"),
                compared: Some(per_min),
                goal: Some(idle_goal),
            }
        }
        Ok(_) => unmeasured_row(idle_figure, "no idle time", Some(idle_goal)),
        Err(e) => unmeasured_row(idle_figure, e, Some(idle_goal)),
    });

    let chunk_figure =
        "first JavaScript chunk (the entry script of ui/dist/index.html), gzip level 9";
    let chunk_goal = Goal::at_most(131_393.0, "≤ 131,393 B");
    rows.push(match &raw.chunk {
        Ok(c) => Row {
            figure: chunk_figure.to_owned(),
            ours: format!("{}: {} B raw", c.name, thousands(c.raw)),
            empty: String::new(),
            value: format!("{} B gzipped", thousands(c.gzipped)),
            compared: Some(c.gzipped as f64),
            goal: Some(chunk_goal),
        },
        Err(e) => unmeasured_row(chunk_figure, e, Some(chunk_goal)),
    });

    rows.push(journey_row(
        raw,
        key::DASHBOARD_ROUND_TRIPS,
        "instances_bench",
        "dashboard after a reload, 200 ms injected latency",
        Goal::below(1.5, "< 1.5 round trips"),
    ));
    rows.push(journey_row(
        raw,
        key::WIZARD_ROUND_TRIPS,
        "deploy_bench",
        "Deploy VM wizard to the GPU step with stock and prices, 200 ms injected latency",
        Goal::below(1.5, "< 1.5 round trips"),
    ));
    rows.push(journey_row(
        raw,
        key::BILLING_FIRST_ROWS_MS,
        "billing_bench",
        "Billing: first rows after the click (5,000 records), median",
        Goal::below(200.0, "< 200 ms"),
    ));
    rows.push(journey_row(
        raw,
        key::BILLING_PAGE_CHANGE_MS,
        "billing_bench",
        "Billing: page change (5,000 records), median",
        Goal::below(50.0, "< 50 ms"),
    ));
    rows.push(journey_row(
        raw,
        key::BILLING_FILTER_CHANGE_MS,
        "billing_bench",
        "Billing: filter change (5,000 records), median",
        Goal::below(50.0, "< 50 ms"),
    ));
    rows.push(journey_row(
        raw,
        key::WORST_KEYSTROKE_MS,
        "instances_bench",
        "Instances: worst filter keystroke, 2,000 VMs",
        Goal::below(50.0, "< 50 ms"),
    ));

    let s = &raw.sizes;
    let deb_goal = Goal::at_most(8_388_608.0, "≤ 8 MiB (8,388,608 B)");
    rows.push(match s.deb {
        Some(b) => Row {
            figure: ".deb".to_owned(),
            ours: mib(b),
            empty: String::new(),
            value: format!("{:.2} MiB", b as f64 / 1_048_576.0),
            compared: Some(b as f64),
            goal: Some(deb_goal),
        },
        None => unmeasured_row(".deb", "scripts/package made none", Some(deb_goal)),
    });
    rows.push(match s.rpm {
        Some(b) => size_row(".rpm", b, None),
        None => unmeasured_row(".rpm", "scripts/package made none", None),
    });
    rows.push(match s.binary {
        Some(b) => size_row("release binary", b, s.empty_binary),
        None => unmeasured_row("release binary", "not built", None),
    });
    rows.push(match &s.binary_no_sandbox {
        Ok(b) => size_row("release binary without the `sandbox` feature", *b, None),
        Err(why) => Row {
            figure: "release binary without the `sandbox` feature".to_owned(),
            ours: why.clone(),
            empty: String::new(),
            value: "—".to_owned(),
            compared: None,
            goal: None,
        },
    });
    rows
}

fn size_row(figure: &str, bytes: u64, empty: Option<u64>) -> Row {
    Row {
        figure: figure.to_owned(),
        ours: mib(bytes),
        empty: empty.map(mib).unwrap_or_default(),
        value: match empty {
            Some(e) if e > 0 => format!("{:.2}×", bytes as f64 / e as f64),
            _ => format!("{:.2} MiB", bytes as f64 / 1_048_576.0),
        },
        compared: None,
        goal: None,
    }
}

/// `goals met: N of M` (M: the rows with a goal).
pub fn count_line(rows: &[Row]) -> String {
    let with_goal: Vec<bool> = rows.iter().filter_map(Row::met).collect();
    let met = with_goal.iter().filter(|m| **m).count();
    format!("goals met: {met} of {}", with_goal.len())
}

/// The table in Markdown, then the count line (the last line).
pub fn render(rows: &[Row]) -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = String::from(
        "| figure | Barrack Desktop | empty Tauri app | ratio or value | goal | met |\n\
         |---|---|---|---|---|---|\n",
    );
    for r in rows {
        let met = match r.met() {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "—",
        };
        let goal = r.goal.as_ref().map_or("—", |g| g.label.as_str());
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {met} |\n",
            cell(&r.figure),
            cell(&r.ours),
            cell(&r.empty),
            cell(&r.value),
            cell(goal)
        ));
    }
    out.push('\n');
    out.push_str(&count_line(rows));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorded(key: &str, value: f64, unit: &str) -> Recorded {
        Recorded {
            key: key.to_owned(),
            value,
            unit: unit.to_owned(),
            samples: vec![value],
            note: "n".to_owned(),
        }
    }

    /// Every figure measured and every goal met.
    fn all_met() -> Raw {
        let journeys = [
            recorded(key::DASHBOARD_ROUND_TRIPS, 1.2, "round trips"),
            recorded(key::WIZARD_ROUND_TRIPS, 1.4, "round trips"),
            recorded(key::BILLING_FIRST_ROWS_MS, 150.0, "ms"),
            recorded(key::BILLING_PAGE_CHANGE_MS, 30.0, "ms"),
            recorded(key::BILLING_FILTER_CHANGE_MS, 40.0, "ms"),
            recorded(key::WORST_KEYSTROKE_MS, 45.0, "ms"),
        ]
        .into_iter()
        .map(|r| (r.key.clone(), r))
        .collect();
        Raw {
            runs: 4,
            startups: Ok(Startups {
                signed_in_data: vec![9.0, 1.1, 1.0, 1.1],
                signed_in_fresh: vec![9.0, 1.2, 1.2, 1.2],
                sandbox_fresh: vec![9.0, 1.3, 1.2, 1.1],
                empty: vec![0.1, 1.0, 1.0, 1.0],
            }),
            memory_after_secs: 60,
            memory: Ok((
                Memory {
                    rss_mib: 300.0,
                    pss_mib: 120.0,
                    uss_mib: 0.0,
                },
                Memory {
                    rss_mib: 250.0,
                    pss_mib: 100.0,
                    uss_mib: 0.0,
                },
            )),
            idle: Ok(IdleRequests {
                requests: 10,
                seconds: 300.0,
                by_operation: BTreeMap::new(),
            }),
            chunk: Ok(Chunk {
                name: "index.js".to_owned(),
                raw: 400_000,
                gzipped: 131_393,
            }),
            journeys,
            sizes: Sizes {
                deb: Some(8_388_608),
                rpm: Some(9_000_000),
                binary: Some(20_000_000),
                empty_binary: Some(10_000_000),
                binary_no_sandbox: Err("n/a: feature missing".to_owned()),
            },
        }
    }

    fn row<'a>(rows: &'a [Row], starts: &str) -> &'a Row {
        rows.iter()
            .find(|r| r.figure.starts_with(starts))
            .unwrap_or_else(|| panic!("no row {starts}"))
    }

    #[test]
    fn the_first_run_is_dropped_before_the_median() {
        assert_eq!(median_after_first(&[100.0, 1.0, 3.0, 2.0]), Some(2.0));
        assert_eq!(median_after_first(&[100.0, 1.0, 2.0]), Some(1.5));
        assert_eq!(median_after_first(&[100.0]), None);
        assert_eq!(median_after_first(&[]), None);
    }

    #[test]
    fn start_up_compares_the_medians_as_a_ratio() {
        // Without dropping the first runs (9 s and 0.1 s) the ratio would differ.
        assert_eq!(
            ratio_of_medians(&[9.0, 1.2, 1.4, 1.3], &[0.1, 1.0, 1.0, 1.0]),
            Some(1.3)
        );
        assert_eq!(ratio_of_medians(&[9.0], &[1.0, 1.0]), None);
        let rows = rows(&all_met());
        let fresh = row(&rows, "start-up to fresh data, signed in");
        assert_eq!(fresh.ours, "1200 ms");
        assert_eq!(fresh.empty, "1000 ms");
        assert_eq!(fresh.value, "1.20×");
        assert_eq!(fresh.met(), Some(true));
    }

    #[test]
    fn every_goal_met_counts_all() {
        let rows = rows(&all_met());
        assert!(
            rows.iter().all(|r| r.met() != Some(false)),
            "{}",
            render(&rows)
        );
        assert_eq!(count_line(&rows), "goals met: 13 of 13");
    }

    #[test]
    fn a_goal_at_its_limit_is_met_and_beyond_it_is_not() {
        // ≤ goals include the limit (the chunk at 131,393 B, the .deb at 8 MiB exactly).
        let rows_met = rows(&all_met());
        assert_eq!(row(&rows_met, "first JavaScript").met(), Some(true));
        assert_eq!(row(&rows_met, ".deb").met(), Some(true));

        let mut raw = all_met();
        raw.chunk = Ok(Chunk {
            name: "index.js".to_owned(),
            raw: 400_000,
            gzipped: 131_394,
        });
        raw.sizes.deb = Some(8_388_609);
        // < goals exclude it.
        raw.journeys.insert(
            key::WORST_KEYSTROKE_MS.to_owned(),
            recorded(key::WORST_KEYSTROKE_MS, 50.0, "ms"),
        );
        if let Ok(s) = &mut raw.startups {
            s.sandbox_fresh = vec![1.0, 1.31, 1.31, 1.31];
        }
        let rows = rows(&raw);
        assert_eq!(row(&rows, "first JavaScript").met(), Some(false));
        assert_eq!(row(&rows, ".deb").met(), Some(false));
        assert_eq!(row(&rows, "Instances: worst").met(), Some(false));
        assert_eq!(
            row(&rows, "start-up to fresh data, `--sandbox`").met(),
            Some(false)
        );
        assert_eq!(count_line(&rows), "goals met: 9 of 13");
    }

    #[test]
    fn a_figure_not_measured_is_not_met() {
        let mut raw = all_met();
        raw.startups = Err("the app never showed its data".to_owned());
        raw.journeys.remove(key::WIZARD_ROUND_TRIPS);
        raw.idle = Err("barrack-sim gone".to_owned());
        let rows = rows(&raw);
        let data = row(&rows, "start-up to data on screen");
        assert_eq!(data.met(), Some(false));
        assert!(data.ours.contains("never showed its data"), "{}", data.ours);
        assert_eq!(row(&rows, "Deploy VM wizard").met(), Some(false));
        assert!(row(&rows, "Deploy VM wizard").ours.contains("deploy_bench"));
        assert_eq!(count_line(&rows), "goals met: 8 of 13");
    }

    #[test]
    fn memory_and_idle_requests() {
        let mut raw = all_met();
        raw.memory = Ok((
            Memory {
                rss_mib: 300.0,
                pss_mib: 131.0,
                uss_mib: 0.0,
            },
            Memory {
                rss_mib: 250.0,
                pss_mib: 100.0,
                uss_mib: 0.0,
            },
        ));
        raw.idle = Ok(IdleRequests {
            requests: 11,
            seconds: 300.0,
            by_operation: BTreeMap::new(),
        });
        let rows = rows(&raw);
        let pss = row(&rows, "memory PSS");
        assert_eq!(pss.value, "1.31×");
        assert_eq!(pss.met(), Some(false));
        let rss = row(&rows, "memory RSS");
        assert_eq!(rss.met(), None, "RSS is printed, without a goal");
        let idle = row(&rows, "requests while idle");
        assert_eq!(idle.value, "2.20 /min");
        assert_eq!(idle.met(), Some(false));
    }

    #[test]
    fn the_table_ends_with_the_count_line() {
        let rows = rows(&all_met());
        let text = render(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "| figure | Barrack Desktop | empty Tauri app | ratio or value | goal | met |"
        );
        assert_eq!(lines.last(), Some(&"goals met: 13 of 13"));
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("| ")).count(),
            rows.len() + 1
        );
        let no_sandbox = lines
            .iter()
            .find(|l| l.contains("without the `sandbox` feature"))
            .expect("the no-sandbox row");
        assert!(no_sandbox.contains("n/a: feature missing"), "{no_sandbox}");
        assert!(no_sandbox.ends_with("| — | — |"), "{no_sandbox}");
    }

    #[test]
    fn recorded_figures_keep_the_last_per_key() {
        let text = format!(
            "{}\nnot json\n{}\n",
            serde_json::to_string(&recorded("a", 1.0, "ms")).unwrap(),
            serde_json::to_string(&recorded("a", 2.0, "ms")).unwrap()
        );
        let got = read_recorded(&text);
        assert_eq!(got.len(), 1);
        assert_eq!(got["a"].value, 2.0);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(131_393), "131,393");
        assert_eq!(thousands(8_388_608), "8,388,608");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
    }
}
