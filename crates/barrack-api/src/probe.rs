//! The read-only connection check ("doctor"): every read endpoint (GET) of the table is
//! requested once, without query parameters, and its answer judged against this client's
//! reading, so a user with a real account can report where Barrack differs. The CLI's
//! `barrack doctor` and the desktop app's Settings › Check connection both run this.
//!
//! A path with a parameter (`instances/{instance_id}/`) uses the first id of its parent
//! list (`instances/`), or is skipped when that list is empty. Only GETs are ever sent.
//!
//! - `ok`: it answered, the raw JSON decodes into the operation's typed response, and every
//!   top-level key of that typed value, serialized again (keys whose value is null left
//!   out), is present in the raw JSON — so nothing the client reads was filled in by a
//!   default;
//! - `shape-differs`: it answered, but does not decode, or lacks those keys (named);
//! - `failed`: the request failed (error code and message);
//! - `skipped`: there was nothing to put in the path.

use crate::client::{Client, Nothing};
use crate::endpoints::{Endpoint, Method, Op, ENDPOINTS};
use crate::error::ApiError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::btree_map::{BTreeMap, Entry};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Ok,
    ShapeDiffers,
    Failed,
    Skipped,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::ShapeDiffers => "shape-differs",
            Outcome::Failed => "failed",
            Outcome::Skipped => "skipped",
        }
    }
}

/// One endpoint's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProbeResult {
    /// The operation's method name (`list_instances`).
    pub op: String,
    pub path: String,
    #[serde(rename = "result")]
    pub outcome: Outcome,
    /// Why (for differs, failed, skipped), or the ids used (for ok with a path parameter).
    pub detail: String,
}

/// The typed reading of one answer: the top-level keys of the typed value (non-null), and
/// for a list, its first item's id.
struct Reading {
    keys: Vec<String>,
    first_id: Option<String>,
}

/// Reads a GET's answer through the operation's declared answer type (`None` for the
/// others: never probed).
fn typed_reading(op: Op, raw: &Value) -> Option<Result<Reading, ApiError>> {
    let ep = crate::endpoints::endpoint(op);
    if ep.method != Method::Get {
        return None;
    }
    Some(crate::ops::typed_answer(op, raw).map(|typed| {
        let keys = match &typed {
            Value::Object(map) => map
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| k.clone())
                .collect(),
            _ => Vec::new(),
        };
        Reading {
            first_id: first_item_id(&typed, ep.path),
            keys,
        }
    }))
}

/// A list's first item's id: from the array named like the path's last segment
/// (`ssh-keys/` → `ssh_keys`), which is how every list of the API names its items.
fn first_item_id(typed: &Value, path: &str) -> Option<String> {
    let field = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()?
        .replace('-', "_");
    typed.get(&field)?.as_array()?.first()?["id"]
        .as_str()
        .map(str::to_owned)
}

/// The list that supplies a path parameter, and what its items are called.
fn parent(param: &str) -> Option<(Op, &'static str)> {
    Some(match param {
        "instance_id" => (Op::ListInstances, "instance"),
        "key_id" => (Op::ListSshKeys, "SSH key"),
        "script_id" => (Op::ListScripts, "script"),
        "firewall_id" => (Op::ListFirewalls, "firewall"),
        "snapshot_id" => (Op::ListSnapshots, "snapshot"),
        "image_id" => (Op::ListImages, "image"),
        "volume_id" => (Op::ListVolumes, "volume"),
        _ => return None,
    })
}

fn op_name(op: Op) -> &'static str {
    crate::endpoints::endpoint(op).name
}

/// What one GET came to.
struct Probe {
    outcome: Outcome,
    detail: String,
    /// For a list: its first item's id (`None` when empty); `Err` when it cannot be read.
    first_id: Result<Option<String>, String>,
}

/// Sends one GET and judges the answer.
async fn probe(client: &Client, ep: &Endpoint, params: &[(&str, &str)]) -> Probe {
    let raw = match client.request(ep.op, params, None::<&Nothing>, None::<&Nothing>) {
        Ok(req) => client.execute_value(&req).await,
        Err(e) => Err(e),
    };
    match raw {
        Ok(raw) => {
            // A decoder's message quotes the server's values: cut and free of the key.
            let mut p = judge(ep.op, &raw);
            p.detail = client.clean_text(&p.detail);
            p.first_id = p.first_id.map_err(|d| client.clean_text(&d));
            p
        }
        Err(e) => {
            let detail = format!("{}: {}", e.code, e.message);
            Probe {
                outcome: Outcome::Failed,
                first_id: Err(detail.clone()),
                detail,
            }
        }
    }
}

/// Judges an answer's raw JSON against the operation's typed response.
fn judge(op: Op, raw: &Value) -> Probe {
    match typed_reading(op, raw) {
        None => Probe {
            outcome: Outcome::Skipped,
            detail: "not a read".into(),
            first_id: Ok(None),
        },
        Some(Err(e)) => {
            let detail = format!("does not decode: {}", e.message);
            Probe {
                outcome: Outcome::ShapeDiffers,
                first_id: Err(detail.clone()),
                detail,
            }
        }
        Some(Ok(reading)) => {
            let missing: Vec<&str> = reading
                .keys
                .iter()
                .filter(|k| raw.get(k.as_str()).is_none())
                .map(String::as_str)
                .collect();
            let (outcome, detail) = if missing.is_empty() {
                (Outcome::Ok, String::new())
            } else {
                (
                    Outcome::ShapeDiffers,
                    format!("missing keys: {}", missing.join(", ")),
                )
            };
            Probe {
                outcome,
                detail,
                first_id: Ok(reading.first_id),
            }
        }
    }
}

/// Probes every read endpoint, in the table's order (lists before their items).
pub async fn probe_reads(client: &Client) -> Vec<ProbeResult> {
    let reads: Vec<&Endpoint> = ENDPOINTS
        .iter()
        .filter(|e| e.method == Method::Get)
        .collect();
    let mut lines = Vec::with_capacity(reads.len());
    // The first id of each list already requested.
    let mut first_ids: BTreeMap<Op, Result<Option<String>, String>> = BTreeMap::new();
    for ep in reads {
        let mut params: Vec<(&'static str, String)> = Vec::new();
        let mut skip: Option<String> = None;
        for name in ep.path_params() {
            let Some((list, what)) = parent(name) else {
                skip = Some(format!("no way to find a {name} to probe"));
                break;
            };
            // Lists come before their items in ENDPOINTS, so this is normally known already.
            let listing = match first_ids.entry(list) {
                Entry::Occupied(o) => o.into_mut(),
                Entry::Vacant(v) => v.insert(
                    probe(client, crate::endpoints::endpoint(list), &[])
                        .await
                        .first_id,
                ),
            };
            match listing {
                Ok(Some(id)) => params.push((name, id.clone())),
                Ok(None) => {
                    skip = Some(format!("no {what} to probe"));
                    break;
                }
                Err(e) => {
                    skip = Some(format!("could not list {what}s ({e})"));
                    break;
                }
            }
        }
        let (result, detail) = match skip {
            Some(why) => (Outcome::Skipped, why),
            None => {
                let refs: Vec<(&str, &str)> =
                    params.iter().map(|(n, v)| (*n, v.as_str())).collect();
                let p = probe(client, ep, &refs).await;
                let outcome = p.outcome;
                if refs.is_empty() {
                    first_ids.insert(ep.op, p.first_id);
                }
                let detail = match (outcome, refs.is_empty()) {
                    // Which ids were used.
                    (Outcome::Ok, false) => refs
                        .iter()
                        .map(|(n, v)| format!("{n}={v}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                    _ => p.detail,
                };
                (outcome, detail)
            }
        };
        lines.push(ProbeResult {
            op: op_name(ep.op).to_owned(),
            path: ep.path.to_owned(),
            outcome: result,
            detail,
        });
    }

    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_get_operation_has_a_typed_reading_and_no_other_does() {
        for ep in ENDPOINTS {
            assert_eq!(
                typed_reading(ep.op, &json!({})).is_some(),
                ep.method == Method::Get,
                "{:?}",
                ep.op
            );
        }
    }

    #[test]
    fn a_lists_first_id_is_read_from_its_typed_answer() {
        let raw =
            json!({"success": true, "instances": [{"id": "vm-1"}, {"id": "vm-2"}], "total": 2});
        let reading = typed_reading(Op::ListInstances, &raw).unwrap().unwrap();
        assert_eq!(reading.first_id.as_deref(), Some("vm-1"));
        let empty = json!({"success": true, "volumes": [], "total": 0});
        let reading = typed_reading(Op::ListVolumes, &empty).unwrap().unwrap();
        assert_eq!(reading.first_id, None);
    }

    #[test]
    fn keys_the_client_would_default_are_named() {
        let p = judge(
            Op::GetBalance,
            &json!({"success": true, "account_id": "BRK-1", "currency": "USD", "message": null}),
        );
        assert_eq!(p.outcome, Outcome::ShapeDiffers);
        assert_eq!(p.detail, "missing keys: balances, profile_complete");
    }

    #[test]
    fn null_valued_keys_are_not_required_and_extra_keys_are_fine() {
        let p = judge(
            Op::GetBalance,
            &json!({"success": true, "currency": "EUR", "balances": [], "profile_complete": false, "new_field": 1}),
        );
        assert_eq!(p.outcome, Outcome::Ok, "{}", p.detail);
    }

    #[test]
    fn an_answer_that_does_not_decode_differs() {
        let p = judge(Op::ListRegions, &json!({"regions": 7}));
        assert_eq!(p.outcome, Outcome::ShapeDiffers);
        assert!(p.detail.starts_with("does not decode"), "{}", p.detail);
        assert!(p.first_id.is_err());
    }

    #[test]
    fn a_list_gives_its_first_id() {
        let p = judge(
            Op::ListScripts,
            &json!({"success": true, "scripts": [{"id": "s-1"}, {"id": "s-2"}]}),
        );
        assert_eq!(p.first_id, Ok(Some("s-1".into())));
        let p = judge(Op::ListScripts, &json!({"success": true, "scripts": []}));
        assert_eq!(p.first_id, Ok(None));
    }
}
