//! Faults injected on demand through the admin endpoint, globally or per operation:
//! added latency, an HTTP error (429 with Retry-After, 5xx…), a dropped connection, a
//! truncated or malformed body, unknown enum values, a redirect, a huge body, an empty
//! answer.

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Wait this long before answering (longer than the client's time-out = a time-out).
    Latency { ms: u64 },
    /// Answer with this status instead of handling the request.
    Status {
        status: u16,
        #[serde(default)]
        retry_after: Option<u64>,
        /// `Retry-After` sent verbatim (an HTTP date, 2^64, garbage); wins over
        /// `retry_after`.
        #[serde(default)]
        retry_after_raw: Option<String>,
    },
    /// Answer `307 Temporary Redirect` with this `Location` (another origin, a loop…).
    Redirect { to: String },
    /// Answer 200 with a valid JSON body of exactly this many bytes. With `chunked` the
    /// body is streamed without `Content-Length`, so only the bytes read can tell its size.
    BigBody {
        bytes: u64,
        #[serde(default)]
        chunked: bool,
    },
    /// Answer `204 No Content` with no body.
    Empty,
    /// Send the status line and headers, then drop the connection.
    Drop,
    /// Handle the request, then send only the first half of the body.
    Truncate,
    /// Handle the request, then send a body that is not JSON.
    Malformed,
    /// Handle the request, then replace every status, tier and region value with one no
    /// client knows.
    UnknownEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    /// An operation's snake_case name (`list_instances`), or absent for every operation.
    #[serde(default)]
    pub op: Option<String>,
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many requests it hits; absent = until cleared.
    #[serde(default)]
    pub times: Option<u32>,
}

#[derive(Debug, Default)]
pub struct Faults {
    list: Vec<Fault>,
}

impl Faults {
    pub fn add(&mut self, f: Fault) {
        self.list.push(f);
    }

    pub fn clear(&mut self) {
        self.list.clear();
    }

    pub fn active(&self) -> Vec<Fault> {
        self.list.clone()
    }

    /// The faults that hit this request (each used up once), in the order added.
    pub fn take_for(&mut self, op: &str) -> Vec<FaultKind> {
        let mut hits = Vec::new();
        for f in self.list.iter_mut() {
            if f.op.as_deref().is_some_and(|o| o != op) {
                continue;
            }
            if f.times == Some(0) {
                continue;
            }
            if let Some(t) = f.times.as_mut() {
                *t -= 1;
            }
            hits.push(f.kind.clone());
        }
        self.list.retain(|f| f.times != Some(0));
        hits
    }
}

/// The most a `big_body` fault may ask for (4 GiB): the body is streamed, never held.
pub const MAX_BIG_BODY: u64 = 4 << 30;

/// How a `big_body` answer is made: `head`, then `fill` repeated `count` times, then
/// `tail` — `{"padding":"xxx…"}` exactly `bytes` long, or `{ … }` padded with spaces when
/// that frame does not fit (never shorter than `{}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BigBody {
    pub head: &'static [u8],
    pub fill: u8,
    pub count: u64,
    pub tail: &'static [u8],
}

impl BigBody {
    pub fn new(bytes: u64) -> BigBody {
        const HEAD: &[u8] = b"{\"padding\":\"";
        const TAIL: &[u8] = b"\"}";
        let frame = (HEAD.len() + TAIL.len()) as u64;
        if bytes >= frame {
            BigBody {
                head: HEAD,
                fill: b'x',
                count: bytes - frame,
                tail: TAIL,
            }
        } else {
            BigBody {
                head: b"{",
                fill: b' ',
                count: bytes.saturating_sub(2),
                tail: b"}",
            }
        }
    }

    pub fn size(&self) -> u64 {
        (self.head.len() + self.tail.len()) as u64 + self.count
    }
}

/// Replaces the values of `status`, `tier`, `region` and `gpu_model` keys, recursively.
pub fn poison_enums(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                if matches!(
                    k.as_str(),
                    "status" | "tier" | "region" | "gpu_model" | "instance_status"
                ) && val.is_string()
                {
                    *val = Value::String(format!("QUANTUM_{}", k.to_uppercase()));
                } else {
                    poison_enums(val);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(poison_enums),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: Value) -> Fault {
        serde_json::from_value(v).expect("a fault")
    }

    #[test]
    fn new_fault_kinds_parse_from_the_admin_json() {
        let f = parse(
            serde_json::json!({"kind":"status","status":429,"retry_after_raw":"Wed, 21 Oct 2026 07:28:00 GMT"}),
        );
        assert_eq!(
            f.kind,
            FaultKind::Status {
                status: 429,
                retry_after: None,
                retry_after_raw: Some("Wed, 21 Oct 2026 07:28:00 GMT".into())
            }
        );
        let f = parse(
            serde_json::json!({"kind":"redirect","to":"http://127.0.0.1:9/x/","op":"get_balance"}),
        );
        assert_eq!(
            f.kind,
            FaultKind::Redirect {
                to: "http://127.0.0.1:9/x/".into()
            }
        );
        assert_eq!(f.op.as_deref(), Some("get_balance"));
        let f = parse(serde_json::json!({"kind":"big_body","bytes":41943040u64}));
        assert_eq!(
            f.kind,
            FaultKind::BigBody {
                bytes: 41_943_040,
                chunked: false
            }
        );
        let f = parse(serde_json::json!({"kind":"empty","times":1}));
        assert_eq!((f.kind, f.times), (FaultKind::Empty, Some(1)));
    }

    #[test]
    fn big_body_is_exactly_the_size_asked_and_valid_json() {
        for n in [0u64, 1, 2, 3, 10, 15, 16, 17, 1000] {
            let b = BigBody::new(n);
            let mut out = b.head.to_vec();
            out.extend(std::iter::repeat_n(b.fill, b.count as usize));
            out.extend_from_slice(b.tail);
            assert_eq!(out.len() as u64, n.max(2), "size for {n}");
            assert_eq!(b.size(), n.max(2));
            serde_json::from_slice::<Value>(&out).unwrap_or_else(|e| panic!("{n}: {e}"));
        }
        assert_eq!(BigBody::new(41_943_040).size(), 41_943_040);
    }

    #[test]
    fn a_fault_with_times_is_used_up() {
        let mut faults = Faults::default();
        faults.add(parse(
            serde_json::json!({"kind":"empty","times":1,"op":"get_balance"}),
        ));
        assert!(faults.take_for("list_instances").is_empty());
        assert_eq!(faults.take_for("get_balance"), vec![FaultKind::Empty]);
        assert!(faults.take_for("get_balance").is_empty());
    }
}
