//! Every API request the emulator answered, in order, with when it arrived and when its answer
//! left (milliseconds since the emulator started): what a test reads to find a request made
//! twice, or two requests that were (or were not) in flight together. Admin `/requests/log`.

use serde::Serialize;
use std::sync::Mutex;
use std::time::Instant;

/// The most entries kept (the oldest go first): a long soak stays bounded.
const MAX_ENTRIES: usize = 10_000;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    /// The query string as sent (`None`: none).
    pub query: Option<String>,
    pub started_ms: f64,
    /// `None` while the request is still being answered.
    pub finished_ms: Option<f64>,
}

pub struct RequestLog {
    origin: Instant,
    entries: Mutex<Vec<LoggedRequest>>,
    /// How many entries were dropped from the front (so an open request's index stays valid).
    dropped: Mutex<usize>,
}

impl Default for RequestLog {
    fn default() -> Self {
        RequestLog {
            origin: Instant::now(),
            entries: Mutex::new(Vec::new()),
            dropped: Mutex::new(0),
        }
    }
}

/// An open request's place in the log; `finish` stamps its end.
pub struct Ticket(usize);

impl RequestLog {
    fn now_ms(&self) -> f64 {
        self.origin.elapsed().as_secs_f64() * 1000.0
    }

    pub fn start(&self, method: &str, path: &str, query: Option<&str>) -> Ticket {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let mut dropped = self.dropped.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.remove(0);
            *dropped += 1;
        }
        entries.push(LoggedRequest {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.filter(|q| !q.is_empty()).map(str::to_owned),
            started_ms: self.now_ms(),
            finished_ms: None,
        });
        Ticket(*dropped + entries.len() - 1)
    }

    pub fn finish(&self, ticket: Ticket) {
        let now = self.now_ms();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let dropped = *self.dropped.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = ticket
            .0
            .checked_sub(dropped)
            .and_then(|i| entries.get_mut(i))
        {
            e.finished_ms = Some(now);
        }
    }

    pub fn entries(&self) -> Vec<LoggedRequest> {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn clear(&self) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        *self.dropped.lock().unwrap_or_else(|e| e.into_inner()) += entries.len();
        entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_logged_open_then_finished_and_clearing_keeps_open_tickets_apart() {
        let log = RequestLog::default();
        let a = log.start("GET", "/api/balance", Some(""));
        let b = log.start("GET", "/api/instances", Some("page=1"));
        log.finish(b);
        let e = log.entries();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].query, None);
        assert!(e[0].finished_ms.is_none());
        assert_eq!(e[1].query.as_deref(), Some("page=1"));
        assert!(e[1].finished_ms.unwrap() >= e[1].started_ms);
        log.clear();
        // A request open across the clear finishes without touching a later entry.
        let c = log.start("GET", "/api/regions", None);
        log.finish(a);
        assert!(log.entries()[0].finished_ms.is_none());
        log.finish(c);
        assert!(log.entries()[0].finished_ms.is_some());
    }
}
