//! sandbox: the emulator from the CLI, as a separate process.
mod common;

use barrack_api::{ApiKey, Client};
use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `barrack sandbox ARGS` in its own process; killed on drop if still running.
struct Sandbox {
    child: Child,
    stdout: BufReader<std::process::ChildStdout>,
    _config: tempfile::TempDir,
}

impl Sandbox {
    fn spawn(args: &[&str]) -> Sandbox {
        let config = tempfile::tempdir().unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("barrack"))
            .arg("sandbox")
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", config.path())
            .env("BARRACK_CONFIG_DIR", config.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("barrack sandbox starts");
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Sandbox {
            child,
            stdout,
            _config: config,
        }
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("reads stdout");
        line
    }

    /// The first line of `--json`: the announcement.
    fn announcement(&mut self) -> Value {
        let line = self.line();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line:?}"))
    }

    /// Sends SIGTERM and waits for the exit status.
    fn terminate(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -TERM {pid}");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "sandbox did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn balance_with(url: &str, key: &str) -> barrack_api::types::CreditBalanceResponse {
    let client = Client::builder()
        .base_url(url)
        .api_key(ApiKey::new(key))
        .build()
        .unwrap();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(client.get_balance())
        .expect("balance from the sandbox")
}

#[test]
fn sandbox_json_announces_a_url_that_serves_until_sigterm() {
    let mut sb = Sandbox::spawn(&["--json"]);
    let a = sb.announcement();
    let url = a["url"].as_str().expect("url");
    let key = a["api_key"].as_str().expect("api_key");
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/api/"),
        "{a}"
    );
    assert!(a["admin_url"].as_str().unwrap().ends_with("/admin/"), "{a}");

    // The demo account, through the client and through the CLI.
    let b = balance_with(url, key);
    assert!(b.primary() > 0.0, "{b:?}");
    let config = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("barrack")
        .unwrap()
        .env_clear()
        .env("HOME", config.path())
        .env("BARRACK_CONFIG_DIR", config.path())
        .env("BARRACK_API_URL", url)
        .env("BARRACK_API_KEY", key)
        .args(["instances", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("ACTIVE"), "{}", stdout(&out));

    let status = sb.terminate();
    assert!(status.success(), "{status:?}");
}

#[test]
fn sandbox_tells_how_to_use_it() {
    let mut sb = Sandbox::spawn(&["--time-scale", "60"]);
    let mut text = String::new();
    while !text.contains("Ctrl-C") {
        let line = sb.line();
        assert!(!line.is_empty(), "output ended early: {text}");
        text.push_str(&line);
    }
    let url = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("API URL:"))
        .map(str::trim)
        .unwrap_or_else(|| panic!("{text}"))
        .to_owned();
    let key = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("API key:"))
        .map(str::trim)
        .unwrap_or_else(|| panic!("{text}"))
        .to_owned();
    assert!(
        text.contains(&format!(
            "export BARRACK_API_URL={url} BARRACK_API_KEY={key}"
        )),
        "{text}"
    );
    balance_with(&url, &key);
    assert!(sb.terminate().success());
}

#[test]
fn sandbox_state_file_keeps_the_account_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("sandbox.json");
    let state = state.to_str().unwrap();
    let mut first = Sandbox::spawn(&["--json", "--state", state]);
    let a = first.announcement();
    assert!(first.terminate().success());
    assert!(std::path::Path::new(state).exists());

    let mut second = Sandbox::spawn(&["--json", "--state", state]);
    let b = second.announcement();
    assert_eq!(a["api_key"], b["api_key"], "the same account comes back");
    balance_with(b["url"].as_str().unwrap(), b["api_key"].as_str().unwrap());
    assert!(second.terminate().success());
}

#[test]
fn sandbox_refuses_a_bad_time_scale() {
    let s = TestSim::empty();
    s.cmd()
        .args(["sandbox", "--time-scale", "0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--time-scale"));
}
