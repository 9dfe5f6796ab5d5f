//! The read-only "check connection": every read endpoint (GET) is called once and its
//! answer compared with this client's reading of the API, so a user with a real account
//! can report where Barrack differs. Used by the desktop app's Settings page.

use crate::client::{decode_value, Client, Nothing};
use crate::endpoints::{Method, Op, ENDPOINTS};
use crate::types::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProbeOutcome {
    /// Answered with every field this client expects.
    Ok,
    /// Answered, but without some expected fields, or not decodable.
    ShapeDiffers,
    /// No usable answer (an HTTP error, no connection…).
    Failed,
    /// Needs an id and the account has no such resource to probe with.
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProbeResult {
    /// The operation's snake_case name.
    pub op: String,
    pub path: String,
    pub outcome: ProbeOutcome,
    pub detail: Option<String>,
}

fn op_name(op: Op) -> String {
    serde_json::to_value(op).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Keys the typed reading has (non-null) that the raw answer lacks.
fn missing_keys<T: DeserializeOwned + Serialize>(raw: &Value) -> Result<Vec<String>, String> {
    let typed: T = decode_value(raw.clone()).map_err(|e| e.message)?;
    let typed = serde_json::to_value(typed).map_err(|e| e.to_string())?;
    let (Value::Object(t), Value::Object(r)) = (&typed, raw) else {
        return Err("the answer is not a JSON object".into());
    };
    Ok(t.iter().filter(|(k, v)| !v.is_null() && !r.contains_key(*k)).map(|(k, _)| k.clone()).collect())
}

/// The shape check of one read operation's answer (exhaustive over the reads).
fn check(op: Op, raw: &Value) -> Result<Vec<String>, String> {
    use Op::*;
    match op {
        GetBalance => missing_keys::<CreditBalanceResponse>(raw),
        GetGpuStocks => missing_keys::<GPUStocksResponse>(raw),
        GetGpuSpecs => missing_keys::<GPUSpecsResponse>(raw),
        ListRegions => missing_keys::<RegionsResponse>(raw),
        GetPricing => missing_keys::<PricingResponse>(raw),
        ListInstances => missing_keys::<ListVMsResponse>(raw),
        GetInstance => missing_keys::<VMDetailsResponse>(raw),
        GetInstanceBilling => missing_keys::<InstanceBillingResponse>(raw),
        GetHibernatedInstancesCount => missing_keys::<GetHibernatedVMsResponse>(raw),
        GetInstanceFirewalls => missing_keys::<GetVMAttachedFirewallsResponse>(raw),
        ListOsImages => missing_keys::<OSImagesResponse>(raw),
        ListSshKeys => missing_keys::<GetSSHKeysResponse>(raw),
        GetSshKey => missing_keys::<GetSSHKeyResponse>(raw),
        ListScripts => missing_keys::<ScriptListResponse>(raw),
        GetScript => missing_keys::<ScriptResponse>(raw),
        ListFirewalls => missing_keys::<ListFirewallsResponse>(raw),
        GetFirewall => missing_keys::<GetFirewallDetailsResponse>(raw),
        GetFirewallProtocols => missing_keys::<GetSupportedProtocolsResponse>(raw),
        ListFirewallEligibleInstances => missing_keys::<FirewallEligibleInstancesResponse>(raw),
        ListSnapshots => missing_keys::<ListSnapshotsResponse>(raw),
        GetSnapshot => missing_keys::<SnapshotDetailsResponse>(raw),
        GetSnapshotBilling => missing_keys::<SnapshotBillingResponse>(raw),
        ListSnapshotEligibleInstances => missing_keys::<SnapshotEligibleInstancesResponse>(raw),
        ListImages => missing_keys::<ImageListResponse>(raw),
        GetImage => missing_keys::<ImageDetailResponse>(raw),
        GetSnapshotImages => missing_keys::<SnapshotImageRelationshipResponse>(raw),
        AiModels => missing_keys::<ModelsResponse>(raw),
        AiUsageSummary => missing_keys::<UsageSummaryResponse>(raw),
        AiUsageHistory => missing_keys::<UsageHistoryResponse>(raw),
        GetVolumeBilling => missing_keys::<VolumeHourlyBillingResponse>(raw),
        ListVolumeTypes => missing_keys::<GetVolumeTypesResponse>(raw),
        ListVolumes => missing_keys::<GetVolumesWithNextNameResponse>(raw),
        GetVolume => missing_keys::<GetVolumeDetailsResponse>(raw),
        other => Err(format!("{other:?} is not a read")),
    }
}

/// The list whose first item gives the id for a path parameter.
fn source_of(param: &str) -> Option<(Op, &'static str, &'static str)> {
    Some(match param {
        "instance_id" => (Op::ListInstances, "instances", "instances"),
        "key_id" => (Op::ListSshKeys, "ssh_keys", "SSH keys"),
        "script_id" => (Op::ListScripts, "scripts", "scripts"),
        "firewall_id" => (Op::ListFirewalls, "firewalls", "firewalls"),
        "snapshot_id" => (Op::ListSnapshots, "snapshots", "snapshots"),
        "image_id" => (Op::ListImages, "images", "images"),
        "volume_id" => (Op::ListVolumes, "volumes", "volumes"),
        _ => return None,
    })
}

/// Probes every read endpoint, lists first (their ids feed the rest).
pub async fn probe_reads(client: &Client) -> Vec<ProbeResult> {
    let reads: Vec<_> = ENDPOINTS.iter().filter(|e| e.method == Method::Get).collect();
    let mut answers: std::collections::HashMap<Op, Value> = std::collections::HashMap::new();
    let mut results = Vec::new();
    let (lists, rest): (Vec<&crate::Endpoint>, Vec<&crate::Endpoint>) = reads.into_iter().partition(|e| e.path_params().is_empty());
    for ep in lists.into_iter().chain(rest) {
        let mut params: Vec<(&str, String)> = Vec::new();
        let mut skipped = None;
        for p in ep.path_params() {
            let id = source_of(p).and_then(|(op, key, _)| {
                answers.get(&op).and_then(|v| v[key].get(0)).and_then(|item| item["id"].as_str()).map(str::to_owned)
            });
            match id {
                Some(id) => params.push((p, id)),
                None => skipped = Some(format!("no {} to probe with", source_of(p).map(|s| s.2).unwrap_or(p))),
            }
        }
        let result = |outcome, detail: Option<String>| ProbeResult { op: op_name(ep.op), path: ep.path.to_owned(), outcome, detail };
        if let Some(why) = skipped {
            results.push(result(ProbeOutcome::Skipped, Some(why)));
            continue;
        }
        let pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = match client.request(ep.op, &pairs, None::<&Nothing>, None::<&Nothing>) {
            Ok(req) => client.execute_value(&req).await,
            Err(e) => Err(e),
        };
        match answer {
            Err(e) => results.push(result(ProbeOutcome::Failed, Some(format!("{}: {}", e.code, e.message)))),
            Ok(raw) => {
                match check(ep.op, &raw) {
                    Ok(missing) if missing.is_empty() => results.push(result(ProbeOutcome::Ok, None)),
                    Ok(missing) => results.push(result(ProbeOutcome::ShapeDiffers, Some(format!("missing: {}", missing.join(", "))))),
                    Err(e) => results.push(result(ProbeOutcome::ShapeDiffers, Some(e))),
                }
                answers.insert(ep.op, raw);
            }
        }
    }
    results
}
