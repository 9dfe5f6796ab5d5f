//! SSH keys (global, 25 at most — keys are copied to every region, so the per-region
//! limit is the account's) and startup scripts.

use super::{reply, Ctx, Req};
use crate::error::{SimError, SimResult};
use crate::keys;
use crate::world::{ts, Account};
use barrack_api::types::*;
use barrack_api::validate;
use serde_json::Value;

fn with_usage(acct: &Account, key: &SSHKeyResponse) -> SSHKeyResponse {
    let used_by = acct
        .instances
        .values()
        .filter(|v| v.status != VMStatus::Deleted && v.ssh_key_ids.contains(&key.id))
        .map(|v| v.id.clone())
        .collect();
    SSHKeyResponse {
        used_by,
        ..key.clone()
    }
}

pub fn list_keys(acct: &Account, ctx: &Ctx) -> SimResult<Value> {
    let ssh_keys = acct
        .ssh_keys
        .values()
        .map(|k| with_usage(acct, k))
        .collect();
    reply(
        GetSSHKeysResponse {
            ssh_keys,
            ..Default::default()
        },
        "SSH keys retrieved successfully",
        ctx,
    )
}

pub fn get_key(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("key_id")?;
    let key = acct
        .ssh_keys
        .get(id)
        .ok_or_else(|| SimError::not_found("SSH key", id))?;
    reply(
        GetSSHKeyResponse {
            ssh_key: with_usage(acct, key),
            ..Default::default()
        },
        "SSH key retrieved successfully",
        ctx,
    )
}

pub fn create_key(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: CreateSSHKeyRequest = req.body()?;
    if acct
        .ssh_keys
        .values()
        .any(|k| k.name.eq_ignore_ascii_case(&body.name))
    {
        return Err(SimError::conflict(format!(
            "An SSH key named {:?} already exists",
            body.name
        )));
    }
    validate::ssh_key_room("ssh_keys", acct.ssh_keys.len())
        .map_err(|e| SimError::conflict(e.message))?;
    let (public_key, private_key) = match &body.public_key {
        Some(k) => (k.trim().to_owned(), None),
        None => {
            let (public, private) = keys::generate_rsa(&body.name).map_err(SimError::server)?;
            (public, Some(private))
        }
    };
    if acct
        .ssh_keys
        .values()
        .any(|k| k.public_key.split_whitespace().nth(1) == public_key.split_whitespace().nth(1))
    {
        return Err(SimError::conflict("This public key is already imported"));
    }
    let id = acct.new_id("K");
    let key = SSHKeyResponse {
        id: id.clone(),
        name: body.name.clone(),
        fingerprint: keys::fingerprint(&public_key),
        public_key,
        used_by: Vec::new(),
        created_at: ts(ctx.now),
    };
    acct.ssh_keys.insert(id, key.clone());
    let msg = if private_key.is_some() {
        "SSH key created; download the private key now, it is not shown again"
    } else {
        "SSH key imported"
    };
    reply(
        CreateSSHKeyResponse {
            ssh_key: key,
            private_key,
            ..Default::default()
        },
        msg,
        ctx,
    )
}

pub fn delete_key(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("key_id")?.to_owned();
    let key = acct
        .ssh_keys
        .get(&id)
        .ok_or_else(|| SimError::not_found("SSH key", &id))?;
    // Refused with the same words the app shows before sending, the VMs by name.
    let users: Vec<String> = with_usage(acct, key)
        .used_by
        .iter()
        .map(|vm| acct.instances.get(vm).map_or(vm, |v| &v.name).clone())
        .collect();
    validate::ssh_key_deletable("key_id", &key.name, &users)
        .map_err(|e| SimError::conflict(e.message))?;
    acct.ssh_keys.remove(&id);
    reply(
        DeleteResponse {
            id: Some(id),
            ..Default::default()
        },
        "SSH key deleted from all regions",
        ctx,
    )
}

pub fn list_scripts(acct: &Account, ctx: &Ctx) -> SimResult<Value> {
    let scripts = acct.scripts.values().cloned().collect();
    reply(
        ScriptListResponse {
            scripts,
            ..Default::default()
        },
        "Scripts retrieved successfully",
        ctx,
    )
}

pub fn get_script(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("script_id")?;
    let script = acct
        .scripts
        .get(id)
        .ok_or_else(|| SimError::not_found("Script", id))?
        .clone();
    reply(
        ScriptResponse {
            script,
            ..Default::default()
        },
        "Script retrieved successfully",
        ctx,
    )
}

fn script_name_taken(acct: &Account, name: &str, except: Option<&str>) -> bool {
    acct.scripts
        .values()
        .any(|s| Some(s.id.as_str()) != except && s.name.eq_ignore_ascii_case(name))
}

pub fn create_script(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: CreateScriptRequest = req.body()?;
    if script_name_taken(acct, &body.name, None) {
        return Err(SimError::conflict(format!(
            "A script named {:?} already exists",
            body.name
        )));
    }
    let id = acct.new_id("X");
    let script = Script {
        id: id.clone(),
        name: body.name,
        description: body.description,
        content: body.content,
        created_at: ts(ctx.now),
        updated_at: ts(ctx.now),
    };
    acct.scripts.insert(id, script.clone());
    reply(
        ScriptResponse {
            script,
            ..Default::default()
        },
        "Script created",
        ctx,
    )
}

pub fn update_script(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("script_id")?.to_owned();
    let body: UpdateScriptRequest = req.body()?;
    if !acct.scripts.contains_key(&id) {
        return Err(SimError::not_found("Script", &id));
    }
    if let Some(n) = &body.name {
        if script_name_taken(acct, n, Some(&id)) {
            return Err(SimError::conflict(format!(
                "A script named {n:?} already exists"
            )));
        }
    }
    let Some(script) = acct.scripts.get_mut(&id) else {
        return Err(SimError::not_found("Script", &id));
    };
    if let Some(n) = body.name {
        script.name = n;
    }
    if let Some(c) = body.content {
        script.content = c;
    }
    if let Some(d) = body.description {
        script.description = Some(d);
    }
    script.updated_at = ts(ctx.now);
    let script = script.clone();
    reply(
        ScriptResponse {
            script,
            ..Default::default()
        },
        "Script updated",
        ctx,
    )
}

pub fn delete_script(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("script_id")?.to_owned();
    acct.scripts
        .remove(&id)
        .ok_or_else(|| SimError::not_found("Script", &id))?;
    reply(
        DeleteResponse {
            id: Some(id),
            ..Default::default()
        },
        "Script deleted",
        ctx,
    )
}

pub fn delete_scripts(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: DeleteScriptsRequest = req.body()?;
    let (mut deleted, mut not_found) = (Vec::new(), Vec::new());
    for id in body.ids {
        if acct.scripts.remove(&id).is_some() {
            deleted.push(id);
        } else {
            not_found.push(id);
        }
    }
    let msg = format!("{} script(s) deleted", deleted.len());
    reply(
        DeleteScriptsResponse {
            deleted,
            not_found,
            ..Default::default()
        },
        &msg,
        ctx,
    )
}
