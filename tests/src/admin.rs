//! The emulator over plain HTTP/1.1: its admin endpoint ([`Admin`]: balance, clock, stock,
//! faults, request counts) and its public API with the account's key ([`Api`]: what the
//! app sees, to compare the window with).

use crate::Sim;
use anyhow::{anyhow, ensure, Context, Result};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// `http://127.0.0.1:port/prefix/` split into the address and the path prefix (no trailing
/// slash).
fn split_url(url: &str) -> Result<(String, String)> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| anyhow!("the emulator's URL is not http://: {url}"))?;
    let (addr, path) = rest.split_once('/').unwrap_or((rest, ""));
    Ok((addr.to_owned(), format!("/{}", path.trim_end_matches('/'))))
}

/// `{admin_url}…` of one emulator (plain HTTP/1.1 on 127.0.0.1).
pub struct Admin {
    /// `127.0.0.1:port`
    addr: String,
    /// `/admin`
    prefix: String,
}

impl Admin {
    pub fn of(sim: &Sim) -> Result<Admin> {
        let (addr, prefix) = split_url(&sim.admin_url)?;
        Ok(Admin { addr, prefix })
    }

    /// `method {admin}path` with an optional JSON body; the answer's JSON (2xx only).
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let target = format!("{}/{}", self.prefix, path.trim_start_matches('/'));
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let (status, text) = http(&self.addr, method, &target, &body, &[])
            .with_context(|| format!("{method} {target}"))?;
        ensure!(
            (200..300).contains(&status),
            "{method} {target} {body} answered {status}: {text}"
        );
        if text.trim().is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_str(&text).with_context(|| format!("{method} {target}: not JSON: {text}"))
    }

    pub fn post(&self, path: &str, body: Value) -> Result<Value> {
        self.call("POST", path, Some(body))
    }

    /// How many requests of operation `op` (snake_case) the emulator has answered.
    pub fn count(&self, op: &str) -> Result<u64> {
        let all = self.call("GET", "requests", None)?;
        Ok(all.get(op).and_then(Value::as_u64).unwrap_or(0))
    }

    /// Sets the simulated clock's speed (a simulated minute takes 60/scale real seconds).
    pub fn clock_scale(&self, scale: f64) -> Result<()> {
        self.post("clock", json!({ "scale": scale })).map(drop)
    }

    /// Moves the simulated clock on, then runs it at `scale`.
    pub fn clock_advance(&self, minutes: f64, scale: f64) -> Result<()> {
        self.post(
            "clock",
            json!({ "advance_minutes": minutes, "scale": scale }),
        )
        .map(drop)
    }

    pub fn fault(&self, fault: Value) -> Result<()> {
        self.post("faults", fault).map(drop)
    }

    pub fn clear_faults(&self) -> Result<()> {
        self.call("DELETE", "faults", None).map(drop)
    }

    /// Sets the account's balance (in its currency).
    pub fn balance(&self, amount: f64) -> Result<()> {
        self.post("balance", json!({ "amount": amount })).map(drop)
    }

    /// Marks the account's profile complete or not (Barrack refuses snapshots until it is).
    pub fn profile(&self, complete: bool) -> Result<()> {
        self.post("profile", json!({ "complete": complete }))
            .map(drop)
    }

    /// Sets how many GPUs of `gpu_model` are free in `region`.
    pub fn stock(&self, region: &str, gpu_model: &str, available: u32) -> Result<()> {
        self.post(
            "stock",
            json!({ "region": region, "gpu_model": gpu_model, "available": available }),
        )
        .map(drop)
    }
}

/// The emulator's public API with the account's key, as the app and the CLI call it.
pub struct Api {
    addr: String,
    /// `/api`
    prefix: String,
    key: String,
}

impl Api {
    pub fn of(sim: &Sim) -> Result<Api> {
        let (addr, prefix) = split_url(&sim.url)?;
        Ok(Api {
            addr,
            prefix,
            key: sim.api_key.clone(),
        })
    }

    /// `method {api}path` (e.g. `instances/?limit=100`) with the key; the answer's JSON
    /// (2xx only).
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let target = format!("{}/{}", self.prefix, path.trim_start_matches('/'));
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let (status, text) = http(
            &self.addr,
            method,
            &target,
            &body,
            &[("X-API-Key", &self.key)],
        )
        .with_context(|| format!("{method} {target}"))?;
        ensure!(
            (200..300).contains(&status),
            "{method} {target} answered {status}: {text}"
        );
        serde_json::from_str(&text).with_context(|| format!("{method} {target}: not JSON: {text}"))
    }

    pub fn get(&self, path: &str) -> Result<Value> {
        self.call("GET", path, None)
    }

    /// Every VM of the account that is not deleted (`instances/`, all pages).
    pub fn instances(&self) -> Result<Vec<Value>> {
        let mut out = Vec::new();
        for page in 1..=100 {
            let v = self.get(&format!("instances/?page={page}&limit=100"))?;
            let batch = v["instances"].as_array().cloned().unwrap_or_default();
            let done =
                batch.is_empty() || v["total_pages"].as_u64().is_none_or(|pages| page >= pages);
            out.extend(batch);
            if done {
                break;
            }
        }
        Ok(out)
    }

    /// The VMs named `name` (not deleted).
    pub fn instances_named(&self, name: &str) -> Result<Vec<Value>> {
        Ok(self
            .instances()?
            .into_iter()
            .filter(|v| v["name"].as_str() == Some(name))
            .collect())
    }
}

/// One HTTP/1.1 request (`Connection: close`) with extra `headers`; the status and the
/// (de-chunked) body.
pub fn http(
    addr: &str,
    method: &str,
    target: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> Result<(u16, String)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let extra: String = headers
        .iter()
        .map(|(k, v)| format!("{k}: {v}\r\n"))
        .collect();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{extra}\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, rest) = raw
        .split_once("\r\n\r\n")
        .ok_or_else(|| anyhow!("no HTTP header in {raw:?}"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| anyhow!("no status in {head:?}"))?;
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_owned()
    };
    Ok((status, body))
}

/// The body of a `Transfer-Encoding: chunked` answer.
pub fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_address_and_prefix() {
        assert_eq!(
            split_url("http://127.0.0.1:4000/admin/").unwrap(),
            ("127.0.0.1:4000".into(), "/admin".into())
        );
        assert_eq!(
            split_url("http://127.0.0.1:4000/api/").unwrap(),
            ("127.0.0.1:4000".into(), "/api".into())
        );
        assert!(split_url("https://x/").is_err());
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk("3\r\n{\"a\r\n2\r\n\":\r\n2\r\n1}\r\n0\r\n\r\n"),
            "{\"a\":1}"
        );
    }
}
