//! A loopback HTTP listener that records every request it gets: the "other address" a
//! hostile script would send the key to (journeys of the `security` group). It answers each
//! request, so that a request that should never have been made would also succeed and be
//! seen — `/x.js` answers JavaScript that sets `window.__barrackInjected`.

use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the listener saw of one request (the key itself is never kept: only whether an
/// `Authorization` or `X-API-Key` header came with it).
#[derive(Debug, Clone)]
pub struct Seen {
    /// `GET /api/balance/ HTTP/1.1`
    pub request_line: String,
    /// An `Authorization` or `X-API-Key` header was sent.
    pub carried_credentials: bool,
}

/// `http://127.0.0.1:<port>/`, recording requests on a thread until dropped.
pub struct Listener {
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

/// What `/x.js` answers: a script that would mark the page if it ever ran.
pub const INJECTED_SCRIPT: &str = "window.__barrackInjected = 'remote';";

impl Listener {
    pub fn start() -> Result<Listener> {
        let l = TcpListener::bind("127.0.0.1:0").context("bind a loopback listener")?;
        let port = l.local_addr()?.port();
        // Non-blocking accept, so the thread notices `stop` and ends with the listener.
        l.set_nonblocking(true)?;
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen2, stop2) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop2.load(Ordering::Relaxed) {
                match l.accept() {
                    Ok((s, _)) => answer(s, &seen2),
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        Ok(Listener { port, seen, stop })
    }

    /// `http://127.0.0.1:<port>/<path>`
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port,
            path.trim_start_matches('/')
        )
    }

    /// Every request received so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("listener log").clone()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Reads one request's head, records it (before answering, so a caller that has the answer
/// also finds it recorded) and answers it. A bare connect with nothing sent is not recorded.
fn answer(s: TcpStream, seen: &Mutex<Vec<Seen>>) {
    let _ = s.set_nonblocking(false);
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let Ok(clone) = s.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut carried_credentials = false;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {
                let name = line.split(':').next().unwrap_or("").trim().to_lowercase();
                if name == "authorization" || name == "x-api-key" {
                    carried_credentials = true;
                }
            }
        }
    }
    let request_line = request_line.trim().to_owned();
    if request_line.is_empty() {
        return;
    }
    let is_script = request_line.contains(".js");
    seen.lock().expect("listener log").push(Seen {
        request_line,
        carried_credentials,
    });
    let (ctype, body) = if is_script {
        ("application/javascript", INJECTED_SCRIPT.to_owned())
    } else {
        ("application/json", "{}".to_owned())
    };
    let mut out = s;
    let _ = write!(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nAccess-Control-Allow-Origin: *\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn records_requests_and_whether_they_carried_a_key() {
        let l = Listener::start().unwrap();
        let mut s = TcpStream::connect(("127.0.0.1", l.port)).unwrap();
        write!(
            s,
            "GET /api/balance/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        assert!(out.starts_with("HTTP/1.1 200"));
        let mut s = TcpStream::connect(("127.0.0.1", l.port)).unwrap();
        write!(s, "GET /x.js HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        assert!(out.ends_with(INJECTED_SCRIPT));
        let seen = l.seen();
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0].request_line, "GET /api/balance/ HTTP/1.1");
        assert!(seen[0].carried_credentials);
        assert!(!seen[1].carried_credentials);
    }
}
