//! Faults injected on demand through the admin endpoint, globally or per operation:
//! added latency, an HTTP error (429 with Retry-After, 5xx…), a dropped connection, a
//! truncated or malformed body, unknown enum values.

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
    },
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
