//! The input rules, asked by the UI as the user types: thin commands over barrack-api's
//! `forms` (and the calculator of `costs`), so no rule is copied into TypeScript. Each answers
//! every field error at once and, when the form is valid, the typed request to send. None
//! touches the network or the app's state.

use crate::error::AppError;
use crate::guard::guarded;
use barrack_api::costs::{self, CalcInput, CalcResult};
use barrack_api::forms::{
    self,
    cloud_init::CloudInitCheck,
    jupyter::JupyterCheck,
    name::NameForm,
    rule::RuleForm,
    rule_list::RuleProblem,
    ssh_key::{SshKeyDeletionForm, SshKeyForm, SshKeyInfo},
    NameCheck, RuleCheck, SshKeyCheck,
};
use barrack_api::forms::{
    volume::{AttachmentForm, AttachmentRules, ResizeForm, VolumeForm},
    ResizeCheck, VolumeCheck,
};
use barrack_api::types::VMSecurityRuleRequest;

/// The name of a VM, volume, snapshot, image, firewall or script, unique among `taken`.
#[tauri::command]
#[specta::specta]
pub async fn check_resource_name(form: NameForm) -> Result<NameCheck, AppError> {
    guarded(async move { Ok(forms::name::check(&form)) }).await
}

/// An SSH key to create or import (no `publicKey` when the app generates the pair).
#[tauri::command]
#[specta::specta]
pub async fn check_ssh_key(form: SshKeyForm) -> Result<SshKeyCheck, AppError> {
    guarded(async move { Ok(forms::ssh_key::check(&form)) }).await
}

/// Whether an SSH key may be deleted: the refusal naming the VMs that use it (SSH-21), or none.
#[tauri::command]
#[specta::specta]
pub async fn check_ssh_key_deletion(
    form: SshKeyDeletionForm,
) -> Result<Vec<barrack_api::validate::FieldError>, AppError> {
    guarded(async move { Ok(forms::ssh_key::check_deletion(&form)) }).await
}

/// Each public key's type and size in bits, for the SSH Keys list (SSH-10); at most 100.
#[tauri::command]
#[specta::specta]
pub async fn describe_ssh_keys(public_keys: Vec<String>) -> Result<Vec<SshKeyInfo>, AppError> {
    guarded(async move { Ok(forms::ssh_key::describe(&public_keys)) }).await
}

/// A security or firewall rule as typed, refused when it conflicts with `form.existing`.
#[tauri::command]
#[specta::specta]
pub async fn check_security_rule(form: RuleForm) -> Result<RuleCheck, AppError> {
    guarded(async move { Ok(forms::rule::check(&form)) }).await
}

/// Every problem of a list of rules (own faults, then duplicates and covered rules).
#[tauri::command]
#[specta::specta]
pub async fn check_rule_list(
    rules: Vec<VMSecurityRuleRequest>,
) -> Result<Vec<RuleProblem>, AppError> {
    guarded(async move { Ok(forms::rule_list::check(&rules)) }).await
}

/// The Jupyter password while Jupyter is on: its rule and its strength.
#[tauri::command]
#[specta::specta]
pub async fn check_jupyter_password(password: String) -> Result<JupyterCheck, AppError> {
    guarded(async move { Ok(forms::jupyter::check(&password)) }).await
}

/// The cloud-init script's size in bytes and whether it fits in 16 KB.
#[tauri::command]
#[specta::specta]
pub async fn check_cloud_init(script: String) -> Result<CloudInitCheck, AppError> {
    guarded(async move { Ok(forms::cloud_init::check(&script)) }).await
}

/// "Create volume" as typed: name, region, size within its type's limits, OS image of a
/// bootable volume, and the profile and minimum balance Barrack requires (VOL-10…15).
#[tauri::command]
#[specta::specta]
pub async fn check_volume(form: VolumeForm) -> Result<VolumeCheck, AppError> {
    guarded(async move { Ok(forms::volume::check(&form)) }).await
}

/// "Resize volume" as typed: growing only, within the type's limits (VOL-51).
#[tauri::command]
#[specta::specta]
pub async fn check_volume_resize(form: ResizeForm) -> Result<ResizeCheck, AppError> {
    guarded(async move { Ok(forms::volume::check_resize(&form)) }).await
}

/// Which VMs a volume may be attached to (each other one with its reason) and whether it
/// may be detached from its VM now (VOL-20…22, VOL-30/31).
#[tauri::command]
#[specta::specta]
pub async fn check_volume_attachment(form: AttachmentForm) -> Result<AttachmentRules, AppError> {
    guarded(async move { Ok(forms::volume::attachment_rules(&form)) }).await
}

/// The name offered for a VM restored from a snapshot: `{snapshot}-restored`, within 50.
#[tauri::command]
#[specta::specta]
pub async fn suggest_restored_name(snapshot_name: String) -> Result<String, AppError> {
    guarded(async move { Ok(forms::name::restored_name(&snapshot_name)) }).await
}

/// The pricing calculator: GPU × hours plus the volume, in the prices' currency.
#[tauri::command]
#[specta::specta]
pub async fn calculate_cost(input: CalcInput) -> Result<CalcResult, AppError> {
    guarded(async move { Ok(costs::calculate(&input)) }).await
}

/// The constants the UI's hints and status checks read (see lib.rs's specta_builder).
pub fn rule_limits() -> serde_json::Value {
    serde_json::to_value(forms::rule_limits()).unwrap_or_default()
}

pub fn rule_choices() -> serde_json::Value {
    serde_json::to_value(forms::rule_choices()).unwrap_or_default()
}

pub fn storage_states() -> serde_json::Value {
    use barrack_api::state::{STORAGE_IN_PROGRESS_STATES, STORAGE_READY_STATES};
    serde_json::json!({ "ready": STORAGE_READY_STATES, "inProgress": STORAGE_IN_PROGRESS_STATES })
}

pub fn transitional_vm_states() -> serde_json::Value {
    serde_json::json!(barrack_api::state::transitional_states())
}

#[cfg(test)]
mod tests {
    use super::*;
    use barrack_api::forms::name::NameNoun;
    use barrack_api::forms::rule_list::RuleProblemKind;
    use barrack_api::validate::PasswordStrength;

    fn rule(cidr: &str, lo: &str, hi: &str) -> RuleForm {
        RuleForm {
            direction: "ingress".into(),
            protocol: "tcp".into(),
            ethertype: "IPv4".into(),
            remote_ip_prefix: cidr.into(),
            port_range_min: lo.into(),
            port_range_max: hi.into(),
            existing: vec![],
        }
    }

    #[tokio::test]
    async fn names_answer_the_rule_and_uniqueness() {
        let ok = check_resource_name(NameForm {
            name: "train box".into(),
            noun: NameNoun::Vm,
            taken: vec!["other".into()],
        })
        .await
        .unwrap();
        assert_eq!(ok.value.as_deref(), Some("train box"));
        let clash = check_resource_name(NameForm {
            name: "TRAIN".into(),
            noun: NameNoun::Vm,
            taken: vec!["train".into()],
        })
        .await
        .unwrap();
        assert!(clash.errors[0].message.starts_with("A VM named \"train\""));
        assert_eq!(
            suggest_restored_name("nightly".into()).await.unwrap(),
            "nightly-restored"
        );
    }

    #[tokio::test]
    async fn keys_answer_both_fields() {
        let c = check_ssh_key(SshKeyForm {
            name: "".into(),
            public_key: Some("-----BEGIN OPENSSH PRIVATE KEY-----".into()),
            taken: vec![],
        })
        .await
        .unwrap();
        let fields: Vec<&str> = c.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "publicKey"]);
        assert!(c.errors[1].message.contains("private key"));
    }

    #[tokio::test]
    async fn rules_answer_every_field_and_list_conflicts() {
        let c = check_security_rule(rule("10.0.0.0/8", "abc", "70000"))
            .await
            .unwrap();
        assert_eq!(c.errors.len(), 2);
        let good = check_security_rule(rule("0.0.0.0/0", "22", "22"))
            .await
            .unwrap()
            .value
            .unwrap();
        let problems = check_rule_list(vec![good.clone(), good]).await.unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, RuleProblemKind::Duplicate);
    }

    #[tokio::test]
    async fn deploy_fields_and_money() {
        let j = check_jupyter_password("password".into()).await.unwrap();
        assert!(j.errors.is_empty());
        assert_eq!(j.strength, PasswordStrength::Weak);
        let c = check_cloud_init("#!/bin/sh\n".into()).await.unwrap();
        assert_eq!((c.bytes, c.errors.len()), (10, 0));
        let r = calculate_cost(CalcInput {
            gpu_per_hour: Some(1.0),
            hours: 2.0,
            volume_price_per_tb_hour: None,
            volume_size_gb: 0.0,
        })
        .await
        .unwrap();
        assert_eq!(r.total, Some(2.0));
    }

    #[test]
    fn constants_carry_the_limits_and_states() {
        assert_eq!(rule_limits()["nameMax"], 50);
        assert_eq!(rule_limits()["cloudInitMaxBytes"], 16384);
        assert_eq!(rule_choices()["protocols"][2], "icmp");
        assert_eq!(storage_states()["ready"][0], "SUCCESS");
        assert_eq!(transitional_vm_states().as_array().unwrap().len(), 7);
    }
}
