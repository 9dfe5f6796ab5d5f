//! Another loopback origin that must never be contacted: a listener that counts every
//! connection made to it (even one that sends nothing) and keeps the first bytes of each,
//! so a journey can prove the app followed no redirect there and sent no key there.

use anyhow::{Context, Result};
use std::io::Read;
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `http://127.0.0.1:<port>/`, recording connections on a thread until dropped. It answers
/// nothing: a client that came here would wait, then fail — and be counted.
pub struct ForbiddenOrigin {
    pub port: u16,
    /// The first bytes (up to 2 KiB) each connection sent, in order.
    heads: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl ForbiddenOrigin {
    pub fn start() -> Result<ForbiddenOrigin> {
        let l = TcpListener::bind("127.0.0.1:0").context("bind another loopback origin")?;
        let port = l.local_addr()?.port();
        // Non-blocking accept, so the thread sees `stop` and ends with the value.
        l.set_nonblocking(true)?;
        let heads = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (heads2, stop2) = (heads.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop2.load(Ordering::Relaxed) {
                match l.accept() {
                    Ok((mut s, _)) => {
                        let _ = s.set_nonblocking(false);
                        let _ = s.set_read_timeout(Some(Duration::from_millis(500)));
                        let mut buf = vec![0u8; 2048];
                        let n = s.read(&mut buf).unwrap_or(0);
                        let head = String::from_utf8_lossy(&buf[..n]).into_owned();
                        heads2.lock().expect("origin log").push(head);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        Ok(ForbiddenOrigin { port, heads, stop })
    }

    /// `http://127.0.0.1:<port>/<path>`
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port,
            path.trim_start_matches('/')
        )
    }

    /// How many connections were made so far.
    pub fn connections(&self) -> usize {
        self.heads.lock().expect("origin log").len()
    }

    /// The request lines received (first line of each connection's bytes); the rest of the
    /// head, which would hold a key, is never shown.
    pub fn request_lines(&self) -> Vec<String> {
        self.heads
            .lock()
            .expect("origin log")
            .iter()
            .map(|h| h.lines().next().unwrap_or("(nothing sent)").to_owned())
            .collect()
    }

    /// Whether any connection carried `secret` (a key) in its first bytes.
    pub fn saw(&self, secret: &str) -> bool {
        !secret.is_empty()
            && self
                .heads
                .lock()
                .expect("origin log")
                .iter()
                .any(|h| h.contains(secret))
    }
}

impl Drop for ForbiddenOrigin {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpStream;
    use std::time::Instant;

    #[test]
    fn counts_connections_and_sees_what_they_carry() {
        let o = ForbiddenOrigin::start().unwrap();
        assert_eq!(o.connections(), 0);
        let mut s = TcpStream::connect(("127.0.0.1", o.port)).unwrap();
        write!(
            s,
            "GET /api/balance/ HTTP/1.1\r\nX-API-Key: sk-test-1\r\n\r\n"
        )
        .unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while o.connections() == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(o.connections(), 1);
        assert_eq!(o.request_lines(), vec!["GET /api/balance/ HTTP/1.1"]);
        assert!(o.saw("sk-test-1"));
        assert!(!o.saw("sk-other"));
        assert!(o.url("/api/").ends_with(&format!(":{}/api/", o.port)));
    }
}
