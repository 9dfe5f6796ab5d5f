//! The processes this harness starts: free ports, a bare HTTP probe, log tails, signals and
//! process groups read from /proc. Everything is ended by its id or its group, never by name,
//! so nothing else on the machine is touched.

use anyhow::{Context, Result};
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A free TCP port on 127.0.0.1 (bound, read and released).
pub(crate) fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").context("bind a free port")?;
    Ok(l.local_addr()?.port())
}

/// `GET path` over plain HTTP/1.1; the status code and body.
pub(crate) fn http_get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_secs(2),
    )?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut buf = String::new();
    s.read_to_string(&mut buf)?;
    let code = buf
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = buf.split("\r\n\r\n").nth(1).unwrap_or("").to_owned();
    Ok((code, body))
}

pub(crate) fn tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Sends `signal` to a process (`pid`) or a process group (`-pgid`) with kill(1).
pub(crate) fn send_signal(signal: &str, target: i64) {
    let _ = Command::new("kill")
        .args([&format!("-{signal}"), "--", &target.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

pub(crate) fn process_alive(pid: u32) -> bool {
    // A zombie still has /proc/<pid>; its state is 'Z'.
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z"),
        Err(_) => false,
    }
}

/// Live processes in process group `pgid`, with their executables.
pub(crate) fn group_members(pgid: u32) -> Vec<(u32, PathBuf)> {
    let mut out = Vec::new();
    let Ok(dir) = fs::read_dir("/proc") else {
        return out;
    };
    for e in dir.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // Fields after the command name: state ppid pgrp …
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let f: Vec<&str> = rest.split_whitespace().collect();
        if f.len() > 2 && f[0] != "Z" && f[2].parse::<u32>().ok() == Some(pgid) {
            let exe = fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            out.push((pid, exe));
        }
    }
    out
}

pub(crate) fn same_exe(running: &Path, app: &Path) -> bool {
    let running = running.to_string_lossy();
    let running = running.trim_end_matches(" (deleted)");
    let app_c = fs::canonicalize(app).unwrap_or_else(|_| app.to_path_buf());
    Path::new(running) == app || Path::new(running) == app_c
}
