//! One thin command per API operation (68): take the arguments, call the session's
//! client, map the error. Actions that start a transition wake the poller.
//!
//! Generated once from crates/barrack-api/src/ops.rs by a short script; edit by hand since.

use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_api::types::*;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn get_balance(state: State<'_, AppState>) -> Result<CreditBalanceResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_balance().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_gpu_stocks(
    state: State<'_, AppState>,
    query: GpuStocksQuery,
) -> Result<GPUStocksResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_gpu_stocks(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_gpu_specs(state: State<'_, AppState>) -> Result<GPUSpecsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_gpu_specs().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_regions(state: State<'_, AppState>) -> Result<RegionsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_regions().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_pricing(
    state: State<'_, AppState>,
    query: PricingRequest,
) -> Result<PricingResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_pricing(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn post_pricing(
    state: State<'_, AppState>,
    body: PricingRequest,
) -> Result<PricingResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.post_pricing(&body).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn deploy_instance(
    state: State<'_, AppState>,
    body: DeploymentRequest,
) -> Result<DeploymentResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.deploy_instance(&body).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_instances(
    state: State<'_, AppState>,
    query: InstanceListQuery,
) -> Result<ListVMsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_instances(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_instance(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<VMDetailsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_instance(&instance_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_instance_billing(
    state: State<'_, AppState>,
    query: BillingQuery,
) -> Result<InstanceBillingResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_instance_billing(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn start_instance(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<StartVMResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.start_instance(&instance_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn stop_instance(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<StopVMResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.stop_instance(&instance_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn reboot_instance(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<RebootVMResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.reboot_instance(&instance_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn hibernate_instance(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<HibernateVMResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .hibernate_instance(&instance_id)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_instance(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<RestoreVMResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.restore_instance(&instance_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn toggle_instance_public_ip(
    state: State<'_, AppState>,
    instance_id: String,
    body: TogglePublicIpRequest,
) -> Result<ToggleVMPublicIPResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .toggle_instance_public_ip(&instance_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_instance_security_rule(
    state: State<'_, AppState>,
    instance_id: String,
    body: VMSecurityRuleRequest,
) -> Result<AddVMSecurityRuleResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .add_instance_security_rule(&instance_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_instance_security_rule(
    state: State<'_, AppState>,
    instance_id: String,
    rule_id: String,
) -> Result<RemoveVMSecurityRuleResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .remove_instance_security_rule(&instance_id, &rule_id)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_instance(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<DeleteVMResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_instance(&instance_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_hibernated_instances_count(
    state: State<'_, AppState>,
) -> Result<GetHibernatedVMsResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .get_hibernated_instances_count()
            .await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_instance_firewalls(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<GetVMAttachedFirewallsResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .get_instance_firewalls(&instance_id)
            .await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_os_images(
    state: State<'_, AppState>,
    query: RegionQuery,
) -> Result<OSImagesResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_os_images(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_ssh_keys(state: State<'_, AppState>) -> Result<GetSSHKeysResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_ssh_keys().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_ssh_key(
    state: State<'_, AppState>,
    body: CreateSSHKeyRequest,
) -> Result<CreateSSHKeyResponse, AppError> {
    guarded(async move {
        let mut r = state.client().await?.create_ssh_key(&body).await?;
        // A key the server generated comes back with its private half; it never goes to
        // the webview (generate_ssh_key writes it to a file the user picks instead).
        r.private_key = None;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_ssh_key(
    state: State<'_, AppState>,
    key_id: String,
) -> Result<GetSSHKeyResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_ssh_key(&key_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_ssh_key(
    state: State<'_, AppState>,
    key_id: String,
) -> Result<DeleteSSHKeyResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_ssh_key(&key_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_scripts(state: State<'_, AppState>) -> Result<ScriptListResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_scripts().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_script(
    state: State<'_, AppState>,
    script_id: String,
) -> Result<ScriptResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_script(&script_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_script(
    state: State<'_, AppState>,
    body: CreateScriptRequest,
) -> Result<ScriptResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.create_script(&body).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_script(
    state: State<'_, AppState>,
    script_id: String,
    body: UpdateScriptRequest,
) -> Result<ScriptResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .update_script(&script_id, &body)
            .await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_script(
    state: State<'_, AppState>,
    script_id: String,
) -> Result<DeleteResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_script(&script_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_scripts(
    state: State<'_, AppState>,
    body: DeleteScriptsRequest,
) -> Result<DeleteScriptsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_scripts(&body).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_firewalls(
    state: State<'_, AppState>,
    query: RegionPageQuery,
) -> Result<ListFirewallsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_firewalls(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_firewall(
    state: State<'_, AppState>,
    firewall_id: String,
) -> Result<GetFirewallDetailsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_firewall(&firewall_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_firewall_protocols(
    state: State<'_, AppState>,
) -> Result<GetSupportedProtocolsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_firewall_protocols().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_firewall_eligible_instances(
    state: State<'_, AppState>,
    query: RegionQuery,
) -> Result<FirewallEligibleInstancesResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .list_firewall_eligible_instances(&query)
            .await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_firewall(
    state: State<'_, AppState>,
    body: CreateFirewallRequest,
) -> Result<CreateFirewallResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.create_firewall(&body).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_firewall(
    state: State<'_, AppState>,
    firewall_id: String,
) -> Result<DeleteFirewallResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_firewall(&firewall_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_firewall_rule(
    state: State<'_, AppState>,
    firewall_id: String,
    body: AddFirewallRuleRequest,
) -> Result<AddFirewallRuleResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .add_firewall_rule(&firewall_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_firewall_rule(
    state: State<'_, AppState>,
    firewall_id: String,
    rule_id: String,
) -> Result<RemoveFirewallRuleResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .remove_firewall_rule(&firewall_id, &rule_id)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn attach_firewall(
    state: State<'_, AppState>,
    firewall_id: String,
    body: AttachFirewallRequest,
) -> Result<AttachFirewallResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .attach_firewall(&firewall_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_snapshot(
    state: State<'_, AppState>,
    body: CreateSnapshotRequest,
) -> Result<CreateSnapshotResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.create_snapshot(&body).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_snapshots(
    state: State<'_, AppState>,
    query: RegionPageQuery,
) -> Result<ListSnapshotsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_snapshots(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_snapshot(
    state: State<'_, AppState>,
    snapshot_id: String,
) -> Result<SnapshotDetailsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_snapshot(&snapshot_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_snapshot(
    state: State<'_, AppState>,
    snapshot_id: String,
) -> Result<DeleteSnapshotResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_snapshot(&snapshot_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_snapshot(
    state: State<'_, AppState>,
    snapshot_id: String,
    body: RestoreSnapshotRequest,
) -> Result<RestoreSnapshotResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .restore_snapshot(&snapshot_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_snapshot_billing(
    state: State<'_, AppState>,
    query: BillingQuery,
) -> Result<SnapshotBillingResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_snapshot_billing(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_snapshot_eligible_instances(
    state: State<'_, AppState>,
    query: RegionQuery,
) -> Result<SnapshotEligibleInstancesResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .list_snapshot_eligible_instances(&query)
            .await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_images(
    state: State<'_, AppState>,
    query: RegionPageQuery,
) -> Result<ImageListResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_images(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_image(
    state: State<'_, AppState>,
    image_id: String,
) -> Result<ImageDetailResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_image(&image_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_image(
    state: State<'_, AppState>,
    image_id: String,
) -> Result<ImageDeleteResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_image(&image_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_image(
    state: State<'_, AppState>,
    body: CreateImageFromSnapshotRequest,
) -> Result<ImageCreateResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.create_image(&body).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_snapshot_images(
    state: State<'_, AppState>,
    snapshot_id: String,
) -> Result<SnapshotImageRelationshipResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .get_snapshot_images(&snapshot_id)
            .await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_snapshot_images_batch(
    state: State<'_, AppState>,
    body: GetBatchSnapshotImageRelationshipsRequest,
) -> Result<BatchSnapshotImageRelationshipResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .get_snapshot_images_batch(&body)
            .await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn ai_chat(
    state: State<'_, AppState>,
    body: ChatCompletionsRequest,
) -> Result<ChatCompletionsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.ai_chat(&body).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn ai_models(state: State<'_, AppState>) -> Result<ModelsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.ai_models().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn ai_usage_summary(
    state: State<'_, AppState>,
) -> Result<UsageSummaryResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.ai_usage_summary().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn ai_usage_history(
    state: State<'_, AppState>,
    query: PageQuery,
) -> Result<UsageHistoryResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.ai_usage_history(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn attach_volumes(
    state: State<'_, AppState>,
    instance_id: String,
    body: AttachVolumesRequest,
) -> Result<AttachVolumesResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .attach_volumes(&instance_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn detach_volumes(
    state: State<'_, AppState>,
    instance_id: String,
    body: DetachVolumesRequest,
) -> Result<DetachVolumesResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .detach_volumes(&instance_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn clone_volume(
    state: State<'_, AppState>,
    volume_id: String,
    body: CloneVolumeRequest,
) -> Result<CloneVolumeResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .clone_volume(&volume_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn resize_volume(
    state: State<'_, AppState>,
    volume_id: String,
    body: ResizeVolumeRequest,
) -> Result<ResizeVolumeResponse, AppError> {
    guarded(async move {
        let r = state
            .client()
            .await?
            .resize_volume(&volume_id, &body)
            .await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_volume_billing(
    state: State<'_, AppState>,
    query: BillingQuery,
) -> Result<VolumeHourlyBillingResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_volume_billing(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_volume_types(
    state: State<'_, AppState>,
) -> Result<GetVolumeTypesResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_volume_types().await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_volumes(
    state: State<'_, AppState>,
    query: RegionPageQuery,
) -> Result<GetVolumesWithNextNameResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.list_volumes(&query).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_volume(
    state: State<'_, AppState>,
    body: CreateVolumeRequest,
) -> Result<CreateVolumeResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.create_volume(&body).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_volume(
    state: State<'_, AppState>,
    volume_id: String,
) -> Result<GetVolumeDetailsResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.get_volume(&volume_id).await?;
        Ok(r)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_volume(
    state: State<'_, AppState>,
    volume_id: String,
) -> Result<DeleteVolumeResponse, AppError> {
    guarded(async move {
        let r = state.client().await?.delete_volume(&volume_id).await?;
        state.poke_poller();
        Ok(r)
    })
    .await
}
