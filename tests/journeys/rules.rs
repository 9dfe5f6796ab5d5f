//! Journey group `rules`: the input rules through the real IPC.
//!
//! - `rules_cases_through_ipc`: every case of the table Rust writes for Vitest
//!   (`ui/src/generated/formCases.json`, from `src-tauri/commands/form_cases.rs`) is asked of
//!   the running app over its IPC, as the UI asks it: a command the capability grants answers
//!   exactly the table's output (so what Vitest shows is what the app answers); one it does not
//!   grant (nothing in the UI calls it) is refused.
//! - `rules_bench_keystroke`: the validation round trip per keystroke — a security rule's
//!   CIDR and a VM name typed one character at a time, each state asked of the backend over
//!   the IPC from the page. Printed and written to `target/e2e-artifacts/rules-bench.txt`,
//!   never asserted (goal: median under 5 ms in the debug app).

use anyhow::{anyhow, ensure, Result};
use barrack_e2e::bench::{max, median};
use barrack_e2e::{artifacts_root, finish, journey, sign_in, tid, Journey, STEP};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;

journey!(rules_cases_through_ipc, "rules_ipc", cases);
journey!(rules_bench_keystroke, "rules_bench", bench);

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// `allow-<kebab>` grants of the app's one capability, as snake_case command names.
fn granted() -> Result<BTreeSet<String>> {
    let conf: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/tauri.conf.json"))?)?;
    let perms = conf["app"]["security"]["capabilities"][0]["permissions"]
        .as_array()
        .ok_or_else(|| anyhow!("tauri.conf.json: no capability permissions"))?;
    Ok(perms
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|k| k.replace('-', "_"))
        .collect())
}

/// Equal JSON, numbers compared by value (the table writes `25.0`, the IPC may carry `25`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Asks `command` with `args` over the page's IPC: `{ok: value}` or `{err: text}`.
async fn ask(app: &barrack_e2e::App, command: &str, args: &Value) -> Result<Value> {
    let script = "const [cmd, args, done] = arguments;\
        window.__TAURI_INTERNALS__.invoke(cmd, args)\
          .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && (e.message || e)) }));";
    Ok(app
        .client()
        .execute_async(script, vec![json!(command), args.clone()])
        .await?)
}

async fn cases(j: &Journey, profile: &str) -> Result<()> {
    let table: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(format!(
        "{ROOT}/ui/src/generated/formCases.json"
    ))?)?;
    ensure!(!table.is_empty(), "the case table is empty");
    let grants = granted()?;
    let s = sign_in(j, profile, &["--seed", "sandbox"]).await?;
    s.app.wait_for(&tid("page-dashboard"), STEP).await?;
    let (mut answered, mut refused) = (0, 0);
    for case in &table {
        let command = case["command"].as_str().unwrap_or_default();
        let got = ask(&s.app, command, &case["input"]).await?;
        if grants.contains(command) {
            // A command that can refuse is recorded as {ok} or {error} (form_cases.rs).
            let output = &case["output"];
            let recorded = output.as_object().filter(|o| o.len() == 1);
            let matches = match recorded.and_then(|o| o.iter().next()) {
                Some((k, want)) if k == "ok" => got.get("ok").is_some_and(|ok| same(ok, want)),
                Some((k, want)) if k == "error" => got
                    .get("err")
                    .and_then(Value::as_str)
                    .is_some_and(|e| Some(e) == want["message"].as_str()),
                _ => got.get("ok").is_some_and(|ok| same(ok, output)),
            };
            ensure!(
                matches,
                "{command} {} answered {got} over the IPC; the table says {output}",
                case["input"],
            );
            answered += 1;
        } else {
            ensure!(
                got.get("err").is_some(),
                "{command} is not granted to the UI, yet the IPC answered {got}"
            );
            refused += 1;
        }
    }
    j.log(format!(
        "{answered} cases answered exactly as the table says over the real IPC; \
         {refused} of commands the capability does not grant were refused"
    ));
    ensure!(answered > 0, "no case went through the IPC");
    finish(s).await
}

/// Every prefix of `text`: what the field holds after each keystroke.
fn keystrokes(text: &str) -> Vec<String> {
    text.char_indices()
        .map(|(i, c)| text[..i + c.len_utf8()].to_owned())
        .collect()
}

/// Times each of `inputs` asked in turn from the page, in ms (performance.now around invoke).
async fn time_in_page(
    app: &barrack_e2e::App,
    command: &str,
    inputs: Vec<Value>,
) -> Result<Vec<f64>> {
    let script = "const [cmd, inputs, done] = arguments;\
        (async () => { const out = [];\
          for (const args of inputs) { const t0 = performance.now();\
            try { await window.__TAURI_INTERNALS__.invoke(cmd, args); } catch (e) { return done({ err: String(e) }); }\
            out.push(performance.now() - t0); }\
          done({ ok: out }); })();";
    let v = app
        .client()
        .execute_async(script, vec![json!(command), Value::Array(inputs)])
        .await?;
    let list = v
        .get("ok")
        .and_then(Value::as_array)
        .ok_or_else(|| anyhow!("{command} failed in the page: {v}"))?;
    Ok(list.iter().filter_map(Value::as_f64).collect())
}

async fn bench(j: &Journey, profile: &str) -> Result<()> {
    let s = sign_in(j, profile, &["--seed", "sandbox"]).await?;
    s.app.wait_for(&tid("page-dashboard"), STEP).await?;
    let cidr: Vec<Value> = keystrokes("203.0.113.170/32")
        .into_iter()
        .map(|typed| {
            json!({ "form": {
                "direction": "ingress", "protocol": "tcp", "ethertype": "IPv4",
                "remote_ip_prefix": typed, "port_range_min": "22", "port_range_max": "22",
            } })
        })
        .collect();
    let names: Vec<Value> = keystrokes("train-h100 nightly run 7")
        .into_iter()
        .map(|typed| json!({ "form": { "name": typed, "noun": "vm", "taken": ["dev-a6000", "train-h100"] } }))
        .collect();
    // A first pass warms the page's and the backend's code paths; then 10 timed passes.
    time_in_page(&s.app, "check_security_rule", cidr.clone()).await?;
    let (mut rule_ms, mut name_ms) = (Vec::new(), Vec::new());
    for _ in 0..10 {
        rule_ms.extend(time_in_page(&s.app, "check_security_rule", cidr.clone()).await?);
        name_ms.extend(time_in_page(&s.app, "check_resource_name", names.clone()).await?);
    }
    let mut report = String::new();
    let _ = writeln!(report, "rules bench ({})", j.name);
    for (what, v) in [
        ("security rule (CIDR typed)", &rule_ms),
        ("VM name (typed, 2 taken)", &name_ms),
    ] {
        let mut sorted = v.clone();
        sorted.sort_by(f64::total_cmp);
        let p95 = sorted[(sorted.len() * 95 / 100).min(sorted.len() - 1)];
        let _ = writeln!(
            report,
            "validation round trip per keystroke, {what}: median {:.2} ms, p95 {p95:.2} ms, max {:.2} ms over {} \
             keystrokes (goal: median under 5 ms: {})",
            median(v),
            max(v),
            v.len(),
            if median(v) < 5.0 { "met" } else { "NOT met" }
        );
    }
    print!("{report}");
    std::fs::write(artifacts_root().join("rules-bench.txt"), &report)?;
    finish(s).await
}
