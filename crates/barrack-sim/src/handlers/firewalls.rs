//! Firewalls: region-bound, 25 per account, deletable only when detached, attached to
//! ACTIVE VMs with a server_uuid (rules.md §6, §2.3).

use super::{region_page, reply, Ctx, Req};
use crate::catalog;
use crate::error::{SimError, SimResult};
use crate::world::{after, durations, ts, Account, EventKind};
use barrack_api::state::{self, VmAction};
use barrack_api::types::*;
use barrack_api::validate::FIREWALLS_PER_ACCOUNT;
use serde_json::Value;

fn find<'a>(acct: &'a Account, id: &str) -> SimResult<&'a FirewallResponse> {
    acct.firewalls
        .get(id)
        .ok_or_else(|| SimError::not_found("Firewall", id))
}

pub fn list(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let (firewalls, total, page, limit, total_pages) =
        region_page(req, acct.firewalls.values(), |f| &f.region)?;
    reply(
        ListFirewallsResponse {
            firewalls,
            total,
            page,
            limit,
            total_pages,
            ..Default::default()
        },
        "Firewalls retrieved successfully",
        ctx,
    )
}

pub fn get(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let firewall = find(acct, req.param("firewall_id")?)?.clone();
    reply(
        GetFirewallDetailsResponse {
            firewall,
            ..Default::default()
        },
        "Firewall retrieved successfully",
        ctx,
    )
}

pub fn protocols(ctx: &Ctx) -> SimResult<Value> {
    reply(
        GetSupportedProtocolsResponse {
            protocols: catalog::protocols(),
            ..Default::default()
        },
        "Protocols retrieved successfully",
        ctx,
    )
}

fn eligibility(vm: &VMInstance) -> Result<(), String> {
    state::check(VmAction::AttachFirewall, &vm.status)?;
    if vm.server_uuid.is_none() {
        return Err("The VM has no server_uuid yet; wait until it is ACTIVE.".to_owned());
    }
    Ok(())
}

pub fn eligible(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let region = req.query_region()?;
    let instances = acct
        .instances
        .values()
        .filter(|v| v.status != VMStatus::Deleted)
        .filter(|v| region.as_ref().is_none_or(|r| v.region == *r))
        .map(|v| {
            let verdict = eligibility(v);
            FirewallVM {
                id: v.id.clone(),
                name: v.name.clone(),
                status: v.status.clone(),
                region: v.region.clone(),
                server_uuid: v.server_uuid.clone(),
                eligible: verdict.is_ok(),
                reason: verdict.err(),
            }
        })
        .collect();
    reply(
        FirewallEligibleInstancesResponse {
            instances,
            ..Default::default()
        },
        "Instances retrieved successfully",
        ctx,
    )
}

pub fn create(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: CreateFirewallRequest = req.body()?;
    if acct.firewalls.len() >= FIREWALLS_PER_ACCOUNT {
        return Err(SimError::conflict(format!("You have {FIREWALLS_PER_ACCOUNT} firewalls, the most an account allows; delete one first")));
    }
    if acct
        .firewalls
        .values()
        .any(|f| f.name.eq_ignore_ascii_case(&body.name))
    {
        return Err(SimError::conflict(format!(
            "A firewall named {:?} already exists",
            body.name
        )));
    }
    let id = acct.new_id("F");
    let firewall = FirewallResponse {
        id: id.clone(),
        name: body.name,
        description: body.description,
        region: body.region,
        status: FirewallStatus::Creating,
        rules: Vec::new(),
        attachments: Vec::new(),
        created_at: ts(ctx.now),
    };
    acct.firewalls.insert(id.clone(), firewall.clone());
    acct.schedule(
        after(ctx.now, durations::FIREWALL),
        EventKind::FirewallReady { id },
    );
    reply(
        CreateFirewallResponse {
            firewall,
            ..Default::default()
        },
        "Firewall created",
        ctx,
    )
}

pub fn delete(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("firewall_id")?.to_owned();
    let fw = find(acct, &id)?;
    if !fw.attachments.is_empty() {
        return Err(SimError::conflict(format!(
            "Firewall {:?} is attached to {} VM(s); detach them first",
            fw.name,
            fw.attachments.len()
        )));
    }
    acct.firewalls.remove(&id);
    for vm in acct.instances.values_mut() {
        vm.firewall_ids.retain(|f| *f != id);
    }
    reply(
        DeleteResponse {
            id: Some(id),
            ..Default::default()
        },
        "Firewall deleted",
        ctx,
    )
}

pub fn add_rule(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("firewall_id")?.to_owned();
    let body: AddFirewallRuleRequest = req.body()?;
    let body = super::instances::normalised(&body);
    let fw = find(acct, &id)?;
    if fw.rules.iter().any(|r| rule_request(r) == body) {
        return Err(SimError::conflict(
            "An identical rule already exists in this firewall",
        ));
    }
    let rid = acct.new_id("R");
    let rule = FirewallRule {
        id: rid,
        direction: body.direction,
        protocol: body.protocol,
        ethertype: body.ethertype,
        remote_ip_prefix: body.remote_ip_prefix,
        port_range_min: body.port_range_min,
        port_range_max: body.port_range_max,
        created_at: ts(ctx.now),
    };
    if let Some(fw) = acct.firewalls.get_mut(&id) {
        fw.rules.push(rule.clone());
    }
    reply(
        AddFirewallRuleResponse {
            firewall_id: id,
            rule,
            ..Default::default()
        },
        "Rule added; it can take up to 10 minutes to apply to attached VMs",
        ctx,
    )
}

fn rule_request(r: &FirewallRule) -> VMSecurityRuleRequest {
    VMSecurityRuleRequest {
        direction: r.direction.clone(),
        protocol: r.protocol.clone(),
        ethertype: r.ethertype.clone(),
        remote_ip_prefix: r.remote_ip_prefix.clone(),
        port_range_min: r.port_range_min,
        port_range_max: r.port_range_max,
    }
}

pub fn remove_rule(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("firewall_id")?.to_owned();
    let rule_id = req.param("rule_id")?.to_owned();
    find(acct, &id)?;
    let Some(fw) = acct.firewalls.get_mut(&id) else {
        return Err(SimError::not_found("Firewall", &id));
    };
    let before = fw.rules.len();
    fw.rules.retain(|r| r.id != rule_id);
    if fw.rules.len() == before {
        return Err(SimError::not_found("Firewall rule", &rule_id));
    }
    reply(
        RemoveFirewallRuleResponse {
            firewall_id: id,
            rule_id,
            ..Default::default()
        },
        "Rule removed",
        ctx,
    )
}

/// The list is the complete set of attached VMs afterwards (inferred; see the type's docs).
pub fn attach(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("firewall_id")?.to_owned();
    let body: AttachFirewallRequest = req.body()?;
    let fw = find(acct, &id)?.clone();
    ready(&fw)?;
    let mut wanted: Vec<String> = Vec::new();
    for vm_id in &body.instance_ids {
        if !wanted.contains(vm_id) {
            wanted.push(vm_id.clone());
        }
    }
    let already: Vec<String> = fw
        .attachments
        .iter()
        .map(|a| a.instance_id.clone())
        .collect();
    for vm_id in wanted.iter().filter(|v| !already.contains(v)) {
        let vm = acct
            .instances
            .get(vm_id)
            .ok_or_else(|| SimError::not_found("Instance", vm_id))?;
        if vm.region != fw.region {
            return Err(SimError::validation(
                "instance_ids",
                format!(
                    "{} is in {}; firewall {:?} is in {} and can only protect VMs there",
                    vm.name, vm.region, fw.name, fw.region
                ),
            ));
        }
        eligibility(vm).map_err(|why| {
            SimError::conflict(format!("Cannot attach a firewall to {}: {why}", vm.name))
        })?;
    }
    let mut attachments = Vec::new();
    for vm_id in &wanted {
        let existing = fw
            .attachments
            .iter()
            .find(|a| a.instance_id == *vm_id)
            .cloned();
        let attachment = match existing {
            Some(a) => a,
            None => {
                let vm = acct.instances.get(vm_id).cloned().unwrap_or_default();
                acct.schedule(
                    after(ctx.now, durations::ATTACH),
                    EventKind::AttachmentReady {
                        firewall_id: id.clone(),
                        instance_id: vm_id.clone(),
                    },
                );
                FirewallAttachment {
                    instance_id: vm_id.clone(),
                    instance_name: vm.name.clone(),
                    instance_status: vm.status.clone(),
                    status: AttachmentStatus::Attaching,
                    attached_at: ts(ctx.now),
                }
            }
        };
        attachments.push(attachment);
    }
    let removed: Vec<String> = already
        .iter()
        .filter(|v| !wanted.contains(v))
        .cloned()
        .collect();
    forget_pending(acct, &id, &removed);
    for vm in acct.instances.values_mut() {
        let attached = wanted.contains(&vm.id);
        let listed = vm.firewall_ids.contains(&id);
        if attached && !listed {
            vm.firewall_ids.push(id.clone());
        } else if !attached && listed {
            vm.firewall_ids.retain(|f| *f != id);
        }
    }
    if let Some(f) = acct.firewalls.get_mut(&id) {
        f.attachments = attachments.clone();
    }
    reply(
        AttachFirewallResponse {
            firewall_id: id,
            attachments,
            ..Default::default()
        },
        "Firewall attachments updated; rules apply within 10 minutes",
        ctx,
    )
}

/// Attachments change only on a firewall that is ready.
fn ready(fw: &FirewallResponse) -> SimResult<()> {
    if fw.status != FirewallStatus::Success {
        return Err(SimError::conflict(format!(
            "Firewall {:?} is {}; wait until it is ready",
            fw.name, fw.status
        )));
    }
    Ok(())
}

/// Drops the "attachment ready" still due for VMs taken off the firewall, so a VM attached
/// again later is not marked ready by the earlier attach's event.
fn forget_pending(acct: &mut Account, firewall_id: &str, removed: &[String]) {
    acct.events.retain(|e| {
        !matches!(&e.kind, EventKind::AttachmentReady { firewall_id: f, instance_id: vm }
            if f == firewall_id && removed.contains(vm))
    });
}

/// Takes the listed VMs off the firewall (inferred operation); a VM it does not protect is
/// refused, naming it, and nothing changes.
pub fn detach(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("firewall_id")?.to_owned();
    let body: DetachFirewallRequest = req.body()?;
    let fw = find(acct, &id)?;
    ready(fw)?;
    if let Some(stray) = body
        .instance_ids
        .iter()
        .find(|vm| !fw.attachments.iter().any(|a| a.instance_id == **vm))
    {
        return Err(SimError::validation(
            "instance_ids",
            format!("{stray} is not attached to firewall {:?}", fw.name),
        ));
    }
    let attachments: Vec<FirewallAttachment> = fw
        .attachments
        .iter()
        .filter(|a| !body.instance_ids.contains(&a.instance_id))
        .cloned()
        .collect();
    forget_pending(acct, &id, &body.instance_ids);
    for vm_id in &body.instance_ids {
        if let Some(vm) = acct.instances.get_mut(vm_id) {
            vm.firewall_ids.retain(|f| *f != id);
        }
    }
    if let Some(f) = acct.firewalls.get_mut(&id) {
        f.attachments = attachments.clone();
    }
    reply(
        DetachFirewallResponse {
            firewall_id: id,
            attachments,
            ..Default::default()
        },
        "Firewall detached; its rules no longer protect these VMs",
        ctx,
    )
}
