//! One handler per operation of the endpoint table. [`dispatch`] matches on every `Op`,
//! so the compiler refuses an operation without a handler.

mod account;
mod ai;
mod billing;
mod firewalls;
mod instances;
mod snapshots;
mod ssh;
mod volumes;

pub use instances::seed_vm;

use crate::error::{SimError, SimResult};
use crate::world::{Account, Catalog};
use barrack_api::types::*;
use barrack_api::validate::Validate;
use barrack_api::Op;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;

/// What a handler gets from the request.
pub struct Req {
    pub params: HashMap<String, String>,
    pub query: HashMap<String, String>,
    pub body: Option<Value>,
}

/// What a handler gets from the server.
pub struct Ctx<'a> {
    pub now: DateTime<Utc>,
    pub catalog: &'a Catalog,
    pub request_id: &'a str,
}

impl Req {
    pub fn param(&self, name: &str) -> SimResult<&str> {
        self.params
            .get(name)
            .map(String::as_str)
            .ok_or_else(|| SimError::bad_request(format!("missing path parameter {name}")))
    }

    pub fn query_str(&self, name: &str) -> Option<&str> {
        self.query
            .get(name)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    pub fn query_region(&self) -> SimResult<Option<RegionEnum>> {
        match self.query_str("region") {
            None => Ok(None),
            Some(r) => {
                let region = RegionEnum::parse(r);
                if region.is_other() {
                    return Err(SimError::validation(
                        "region",
                        format!("{r:?} is not a region (NORWAY-1, CANADA-1, US-1)"),
                    ));
                }
                Ok(Some(region))
            }
        }
    }

    /// Page and limit (inferred names), 1-based; limit 20 by default as in the examples, at most 500.
    pub fn page(&self) -> SimResult<(u32, u32)> {
        let num = |name: &str, default: u32| -> SimResult<u32> {
            match self.query_str(name) {
                None => Ok(default),
                Some(v) => v.parse::<u32>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                    SimError::validation(name, "must be a whole number of 1 or more")
                }),
            }
        };
        Ok((num("page", 1)?, num("limit", 20)?.min(500)))
    }

    /// Decodes the body leniently, then checks the documented rules.
    pub fn body<T: DeserializeOwned + Validate>(&self) -> SimResult<T> {
        let value = self
            .body
            .clone()
            .unwrap_or(Value::Object(Default::default()));
        if !value.is_object() {
            return Err(SimError::bad_request(
                "the request body must be a JSON object",
            ));
        }
        let mut value = value;
        barrack_api::decode::strip_nulls(&mut value);
        let bytes = serde_json::to_vec(&value).map_err(|e| SimError::bad_request(e.to_string()))?;
        // Decode with the path tracked, so a wrong type names its field.
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        let parsed: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let field = e.path().to_string();
            let field = if field.is_empty() || field == "." {
                "body".to_owned()
            } else {
                field
            };
            SimError::validation(&field, format!("has the wrong type ({})", e.inner()))
        })?;
        parsed.validate()?;
        Ok(parsed)
    }
}

/// Serializes a response struct and sets its envelope.
pub fn reply<T: Serialize>(value: T, message: &str, ctx: &Ctx) -> SimResult<Value> {
    let mut v = serde_json::to_value(value).map_err(|e| SimError::server(e.to_string()))?;
    if let Value::Object(map) = &mut v {
        map.insert("success".into(), json!(true));
        map.insert("message".into(), json!(message));
        map.insert("request_id".into(), json!(ctx.request_id));
    }
    Ok(v)
}

/// A page of `items` and the pagination fields.
pub fn paginate<T: Clone>(items: &[T], page: u32, limit: u32) -> (Vec<T>, u64, u32, u32, u32) {
    let total = items.len() as u64;
    let total_pages = (total as f64 / limit as f64).ceil() as u32;
    let start = ((page - 1) as usize).saturating_mul(limit as usize);
    let slice = items
        .iter()
        .skip(start)
        .take(limit as usize)
        .cloned()
        .collect();
    (slice, total, page, limit, total_pages.max(1))
}

/// The page `req` asks for of the `items` in the region it names (every region when it names
/// none), with the pagination fields.
pub fn region_page<'a, T: Clone + 'a>(
    req: &Req,
    items: impl Iterator<Item = &'a T>,
    region_of: impl Fn(&T) -> &RegionEnum,
) -> SimResult<(Vec<T>, u64, u32, u32, u32)> {
    let region = req.query_region()?;
    let (page, limit) = req.page()?;
    let all: Vec<T> = items
        .filter(|i| region.as_ref().is_none_or(|r| region_of(i) == r))
        .cloned()
        .collect();
    Ok(paginate(&all, page, limit))
}

pub fn dispatch(acct: &mut Account, op: Op, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    use Op::*;
    match op {
        GetBalance => account::balance(acct, ctx),
        GetGpuStocks => account::stocks(acct, req, ctx),
        GetGpuSpecs => account::specs(ctx),
        ListRegions => account::regions(ctx),
        GetPricing => account::pricing(acct, ctx),
        PostPricing => {
            let _: PricingRequest = req.body()?;
            account::pricing(acct, ctx)
        }
        ListOsImages => account::os_images(req, ctx),
        DeployInstance => instances::deploy(acct, req, ctx),
        ListInstances => instances::list(acct, req, ctx),
        GetInstance => instances::get(acct, req, ctx),
        StartInstance | StopInstance | RebootInstance | HibernateInstance | RestoreInstance
        | DeleteInstance => instances::action(acct, op, req, ctx),
        ToggleInstancePublicIp => instances::toggle_public_ip(acct, req, ctx),
        AddInstanceSecurityRule => instances::add_rule(acct, req, ctx),
        RemoveInstanceSecurityRule => instances::remove_rule(acct, req, ctx),
        GetHibernatedInstancesCount => instances::hibernated(acct, ctx),
        GetInstanceFirewalls => instances::firewalls(acct, req, ctx),
        GetInstanceBilling => billing::instances(acct, req, ctx),
        GetVolumeBilling => billing::volumes(acct, req, ctx),
        GetSnapshotBilling => billing::snapshots(acct, req, ctx),
        ListSshKeys => ssh::list_keys(acct, ctx),
        CreateSshKey => ssh::create_key(acct, req, ctx),
        GetSshKey => ssh::get_key(acct, req, ctx),
        DeleteSshKey => ssh::delete_key(acct, req, ctx),
        ListScripts => ssh::list_scripts(acct, ctx),
        GetScript => ssh::get_script(acct, req, ctx),
        CreateScript => ssh::create_script(acct, req, ctx),
        UpdateScript => ssh::update_script(acct, req, ctx),
        DeleteScript => ssh::delete_script(acct, req, ctx),
        DeleteScripts => ssh::delete_scripts(acct, req, ctx),
        ListFirewalls => firewalls::list(acct, req, ctx),
        GetFirewall => firewalls::get(acct, req, ctx),
        GetFirewallProtocols => firewalls::protocols(ctx),
        ListFirewallEligibleInstances => firewalls::eligible(acct, req, ctx),
        CreateFirewall => firewalls::create(acct, req, ctx),
        DeleteFirewall => firewalls::delete(acct, req, ctx),
        AddFirewallRule => firewalls::add_rule(acct, req, ctx),
        RemoveFirewallRule => firewalls::remove_rule(acct, req, ctx),
        AttachFirewall => firewalls::attach(acct, req, ctx),
        DetachFirewall => firewalls::detach(acct, req, ctx),
        CreateSnapshot => snapshots::create(acct, req, ctx),
        ListSnapshots => snapshots::list(acct, req, ctx),
        GetSnapshot => snapshots::get(acct, req, ctx),
        DeleteSnapshot => snapshots::delete(acct, req, ctx),
        RestoreSnapshot => snapshots::restore(acct, req, ctx),
        ListSnapshotEligibleInstances => snapshots::eligible(acct, req, ctx),
        ListImages => snapshots::list_images(acct, req, ctx),
        GetImage => snapshots::get_image(acct, req, ctx),
        DeleteImage => snapshots::delete_image(acct, req, ctx),
        CreateImage => snapshots::create_image(acct, req, ctx),
        GetSnapshotImages => snapshots::snapshot_images(acct, req, ctx),
        GetSnapshotImagesBatch => snapshots::snapshot_images_batch(acct, req, ctx),
        AiChat => ai::chat(acct, req, ctx),
        AiModels => ai::models(acct, ctx),
        AiUsageSummary => ai::usage(acct, ctx),
        AiUsageHistory => ai::history(acct, req, ctx),
        AttachVolumes => volumes::attach(acct, req, ctx),
        DetachVolumes => volumes::detach(acct, req, ctx),
        CloneVolume => volumes::clone(acct, req, ctx),
        ResizeVolume => volumes::resize(acct, req, ctx),
        ListVolumeTypes => volumes::types(ctx),
        ListVolumes => volumes::list(acct, req, ctx),
        CreateVolume => volumes::create(acct, req, ctx),
        GetVolume => volumes::get(acct, req, ctx),
        DeleteVolume => volumes::delete(acct, req, ctx),
    }
}

/// The minimum balance to create a volume (rules.md §9, written once in barrack-api's volume
/// form); we apply it to snapshots and restores too, which the docs say need "sufficient
/// credits".
pub use barrack_api::forms::volume::minimum_balance;

pub fn require_minimum_balance(acct: &Account, what: &str) -> SimResult<()> {
    let min = minimum_balance(&acct.currency);
    if acct.balance() < min {
        return Err(SimError::insufficient_credits(format!(
            "{what} needs a balance of at least {min:.2} {}; the balance is {:.2}",
            acct.currency,
            acct.balance()
        )));
    }
    Ok(())
}

pub fn require_profile(acct: &Account, what: &str) -> SimResult<()> {
    if !acct.profile_complete {
        return Err(SimError::validation("profile", format!(
            "{what} needs a complete profile (address line, postal code and country) — complete it under My Account"
        )));
    }
    Ok(())
}
