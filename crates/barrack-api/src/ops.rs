//! One typed method per operation of the endpoint table (68). Each builds its request
//! with [`Client::request`] (validating the body first) and sends it with
//! [`Client::execute`]. A test checks that every `Op` has a method here.
//!
//! Generated once from the endpoint table by a short script; edit by hand since.

use crate::client::{Client, Nothing};
use crate::endpoints::Op;
use crate::error::Result;
use crate::types::*;

/// The method name of every operation, for the completeness test and the CLI.
pub const METHOD_NAMES: &[(Op, &str)] = &[
    (Op::GetBalance, "get_balance"),
    (Op::GetGpuStocks, "get_gpu_stocks"),
    (Op::GetGpuSpecs, "get_gpu_specs"),
    (Op::ListRegions, "list_regions"),
    (Op::GetPricing, "get_pricing"),
    (Op::PostPricing, "post_pricing"),
    (Op::DeployInstance, "deploy_instance"),
    (Op::ListInstances, "list_instances"),
    (Op::GetInstance, "get_instance"),
    (Op::GetInstanceBilling, "get_instance_billing"),
    (Op::StartInstance, "start_instance"),
    (Op::StopInstance, "stop_instance"),
    (Op::RebootInstance, "reboot_instance"),
    (Op::HibernateInstance, "hibernate_instance"),
    (Op::RestoreInstance, "restore_instance"),
    (Op::ToggleInstancePublicIp, "toggle_instance_public_ip"),
    (Op::AddInstanceSecurityRule, "add_instance_security_rule"),
    (
        Op::RemoveInstanceSecurityRule,
        "remove_instance_security_rule",
    ),
    (Op::DeleteInstance, "delete_instance"),
    (
        Op::GetHibernatedInstancesCount,
        "get_hibernated_instances_count",
    ),
    (Op::GetInstanceFirewalls, "get_instance_firewalls"),
    (Op::ListOsImages, "list_os_images"),
    (Op::ListSshKeys, "list_ssh_keys"),
    (Op::CreateSshKey, "create_ssh_key"),
    (Op::GetSshKey, "get_ssh_key"),
    (Op::DeleteSshKey, "delete_ssh_key"),
    (Op::ListScripts, "list_scripts"),
    (Op::GetScript, "get_script"),
    (Op::CreateScript, "create_script"),
    (Op::UpdateScript, "update_script"),
    (Op::DeleteScript, "delete_script"),
    (Op::DeleteScripts, "delete_scripts"),
    (Op::ListFirewalls, "list_firewalls"),
    (Op::GetFirewall, "get_firewall"),
    (Op::GetFirewallProtocols, "get_firewall_protocols"),
    (
        Op::ListFirewallEligibleInstances,
        "list_firewall_eligible_instances",
    ),
    (Op::CreateFirewall, "create_firewall"),
    (Op::DeleteFirewall, "delete_firewall"),
    (Op::AddFirewallRule, "add_firewall_rule"),
    (Op::RemoveFirewallRule, "remove_firewall_rule"),
    (Op::AttachFirewall, "attach_firewall"),
    (Op::CreateSnapshot, "create_snapshot"),
    (Op::ListSnapshots, "list_snapshots"),
    (Op::GetSnapshot, "get_snapshot"),
    (Op::DeleteSnapshot, "delete_snapshot"),
    (Op::RestoreSnapshot, "restore_snapshot"),
    (Op::GetSnapshotBilling, "get_snapshot_billing"),
    (
        Op::ListSnapshotEligibleInstances,
        "list_snapshot_eligible_instances",
    ),
    (Op::ListImages, "list_images"),
    (Op::GetImage, "get_image"),
    (Op::DeleteImage, "delete_image"),
    (Op::CreateImage, "create_image"),
    (Op::GetSnapshotImages, "get_snapshot_images"),
    (Op::GetSnapshotImagesBatch, "get_snapshot_images_batch"),
    (Op::AiChat, "ai_chat"),
    (Op::AiModels, "ai_models"),
    (Op::AiUsageSummary, "ai_usage_summary"),
    (Op::AiUsageHistory, "ai_usage_history"),
    (Op::AttachVolumes, "attach_volumes"),
    (Op::DetachVolumes, "detach_volumes"),
    (Op::CloneVolume, "clone_volume"),
    (Op::ResizeVolume, "resize_volume"),
    (Op::GetVolumeBilling, "get_volume_billing"),
    (Op::ListVolumeTypes, "list_volume_types"),
    (Op::ListVolumes, "list_volumes"),
    (Op::CreateVolume, "create_volume"),
    (Op::GetVolume, "get_volume"),
    (Op::DeleteVolume, "delete_volume"),
];

impl Client {
    pub async fn get_balance(&self) -> Result<CreditBalanceResponse> {
        let req = self.request(Op::GetBalance, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_gpu_stocks(&self, query: &GpuStocksQuery) -> Result<GPUStocksResponse> {
        let req = self.request(Op::GetGpuStocks, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_gpu_specs(&self) -> Result<GPUSpecsResponse> {
        let req = self.request(Op::GetGpuSpecs, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn list_regions(&self) -> Result<RegionsResponse> {
        let req = self.request(Op::ListRegions, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_pricing(&self, query: &PricingRequest) -> Result<PricingResponse> {
        let req = self.request(Op::GetPricing, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn post_pricing(&self, body: &PricingRequest) -> Result<PricingResponse> {
        let req = self.request(Op::PostPricing, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn deploy_instance(&self, body: &DeploymentRequest) -> Result<DeploymentResponse> {
        let req = self.request(Op::DeployInstance, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn list_instances(&self, query: &InstanceListQuery) -> Result<ListVMsResponse> {
        let req = self.request(Op::ListInstances, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_instance(&self, instance_id: &str) -> Result<VMDetailsResponse> {
        let req = self.request(
            Op::GetInstance,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn get_instance_billing(
        &self,
        query: &BillingQuery,
    ) -> Result<InstanceBillingResponse> {
        let req = self.request(Op::GetInstanceBilling, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn start_instance(&self, instance_id: &str) -> Result<StartVMResponse> {
        let req = self.request(
            Op::StartInstance,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn stop_instance(&self, instance_id: &str) -> Result<StopVMResponse> {
        let req = self.request(
            Op::StopInstance,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn reboot_instance(&self, instance_id: &str) -> Result<RebootVMResponse> {
        let req = self.request(
            Op::RebootInstance,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn hibernate_instance(&self, instance_id: &str) -> Result<HibernateVMResponse> {
        let req = self.request(
            Op::HibernateInstance,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn restore_instance(&self, instance_id: &str) -> Result<RestoreVMResponse> {
        let req = self.request(
            Op::RestoreInstance,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn toggle_instance_public_ip(
        &self,
        instance_id: &str,
        body: &TogglePublicIpRequest,
    ) -> Result<ToggleVMPublicIPResponse> {
        let req = self.request(
            Op::ToggleInstancePublicIp,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn add_instance_security_rule(
        &self,
        instance_id: &str,
        body: &VMSecurityRuleRequest,
    ) -> Result<AddVMSecurityRuleResponse> {
        let req = self.request(
            Op::AddInstanceSecurityRule,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn remove_instance_security_rule(
        &self,
        instance_id: &str,
        rule_id: &str,
    ) -> Result<RemoveVMSecurityRuleResponse> {
        let req = self.request(
            Op::RemoveInstanceSecurityRule,
            &[("instance_id", instance_id), ("rule_id", rule_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn delete_instance(&self, instance_id: &str) -> Result<DeleteVMResponse> {
        let req = self.request(
            Op::DeleteInstance,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn get_hibernated_instances_count(&self) -> Result<GetHibernatedVMsResponse> {
        let req = self.request(
            Op::GetHibernatedInstancesCount,
            &[],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn get_instance_firewalls(
        &self,
        instance_id: &str,
    ) -> Result<GetVMAttachedFirewallsResponse> {
        let req = self.request(
            Op::GetInstanceFirewalls,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn list_os_images(&self, query: &RegionQuery) -> Result<OSImagesResponse> {
        let req = self.request(Op::ListOsImages, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn list_ssh_keys(&self) -> Result<GetSSHKeysResponse> {
        let req = self.request(Op::ListSshKeys, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn create_ssh_key(&self, body: &CreateSSHKeyRequest) -> Result<CreateSSHKeyResponse> {
        let req = self.request(Op::CreateSshKey, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn get_ssh_key(&self, key_id: &str) -> Result<GetSSHKeyResponse> {
        let req = self.request(
            Op::GetSshKey,
            &[("key_id", key_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn delete_ssh_key(&self, key_id: &str) -> Result<DeleteSSHKeyResponse> {
        let req = self.request(
            Op::DeleteSshKey,
            &[("key_id", key_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn list_scripts(&self) -> Result<ScriptListResponse> {
        let req = self.request(Op::ListScripts, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_script(&self, script_id: &str) -> Result<ScriptResponse> {
        let req = self.request(
            Op::GetScript,
            &[("script_id", script_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn create_script(&self, body: &CreateScriptRequest) -> Result<ScriptResponse> {
        let req = self.request(Op::CreateScript, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn update_script(
        &self,
        script_id: &str,
        body: &UpdateScriptRequest,
    ) -> Result<ScriptResponse> {
        let req = self.request(
            Op::UpdateScript,
            &[("script_id", script_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn delete_script(&self, script_id: &str) -> Result<DeleteResponse> {
        let req = self.request(
            Op::DeleteScript,
            &[("script_id", script_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn delete_scripts(
        &self,
        body: &DeleteScriptsRequest,
    ) -> Result<DeleteScriptsResponse> {
        let req = self.request(Op::DeleteScripts, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn list_firewalls(&self, query: &RegionPageQuery) -> Result<ListFirewallsResponse> {
        let req = self.request(Op::ListFirewalls, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_firewall(&self, firewall_id: &str) -> Result<GetFirewallDetailsResponse> {
        let req = self.request(
            Op::GetFirewall,
            &[("firewall_id", firewall_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn get_firewall_protocols(&self) -> Result<GetSupportedProtocolsResponse> {
        let req = self.request(
            Op::GetFirewallProtocols,
            &[],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn list_firewall_eligible_instances(
        &self,
        query: &RegionQuery,
    ) -> Result<FirewallEligibleInstancesResponse> {
        let req = self.request(
            Op::ListFirewallEligibleInstances,
            &[],
            Some(query),
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn create_firewall(
        &self,
        body: &CreateFirewallRequest,
    ) -> Result<CreateFirewallResponse> {
        let req = self.request(Op::CreateFirewall, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn delete_firewall(&self, firewall_id: &str) -> Result<DeleteFirewallResponse> {
        let req = self.request(
            Op::DeleteFirewall,
            &[("firewall_id", firewall_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn add_firewall_rule(
        &self,
        firewall_id: &str,
        body: &AddFirewallRuleRequest,
    ) -> Result<AddFirewallRuleResponse> {
        let req = self.request(
            Op::AddFirewallRule,
            &[("firewall_id", firewall_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn remove_firewall_rule(
        &self,
        firewall_id: &str,
        rule_id: &str,
    ) -> Result<RemoveFirewallRuleResponse> {
        let req = self.request(
            Op::RemoveFirewallRule,
            &[("firewall_id", firewall_id), ("rule_id", rule_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn attach_firewall(
        &self,
        firewall_id: &str,
        body: &AttachFirewallRequest,
    ) -> Result<AttachFirewallResponse> {
        let req = self.request(
            Op::AttachFirewall,
            &[("firewall_id", firewall_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn create_snapshot(
        &self,
        body: &CreateSnapshotRequest,
    ) -> Result<CreateSnapshotResponse> {
        let req = self.request(Op::CreateSnapshot, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn list_snapshots(&self, query: &RegionPageQuery) -> Result<ListSnapshotsResponse> {
        let req = self.request(Op::ListSnapshots, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_snapshot(&self, snapshot_id: &str) -> Result<SnapshotDetailsResponse> {
        let req = self.request(
            Op::GetSnapshot,
            &[("snapshot_id", snapshot_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn delete_snapshot(&self, snapshot_id: &str) -> Result<DeleteSnapshotResponse> {
        let req = self.request(
            Op::DeleteSnapshot,
            &[("snapshot_id", snapshot_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn restore_snapshot(
        &self,
        snapshot_id: &str,
        body: &RestoreSnapshotRequest,
    ) -> Result<RestoreSnapshotResponse> {
        let req = self.request(
            Op::RestoreSnapshot,
            &[("snapshot_id", snapshot_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn get_snapshot_billing(
        &self,
        query: &BillingQuery,
    ) -> Result<SnapshotBillingResponse> {
        let req = self.request(Op::GetSnapshotBilling, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn list_snapshot_eligible_instances(
        &self,
        query: &RegionQuery,
    ) -> Result<SnapshotEligibleInstancesResponse> {
        let req = self.request(
            Op::ListSnapshotEligibleInstances,
            &[],
            Some(query),
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn list_images(&self, query: &RegionPageQuery) -> Result<ImageListResponse> {
        let req = self.request(Op::ListImages, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn get_image(&self, image_id: &str) -> Result<ImageDetailResponse> {
        let req = self.request(
            Op::GetImage,
            &[("image_id", image_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn delete_image(&self, image_id: &str) -> Result<ImageDeleteResponse> {
        let req = self.request(
            Op::DeleteImage,
            &[("image_id", image_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn create_image(
        &self,
        body: &CreateImageFromSnapshotRequest,
    ) -> Result<ImageCreateResponse> {
        let req = self.request(Op::CreateImage, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn get_snapshot_images(
        &self,
        snapshot_id: &str,
    ) -> Result<SnapshotImageRelationshipResponse> {
        let req = self.request(
            Op::GetSnapshotImages,
            &[("snapshot_id", snapshot_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn get_snapshot_images_batch(
        &self,
        body: &GetBatchSnapshotImageRelationshipsRequest,
    ) -> Result<BatchSnapshotImageRelationshipResponse> {
        let req = self.request(
            Op::GetSnapshotImagesBatch,
            &[],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn ai_chat(&self, body: &ChatCompletionsRequest) -> Result<ChatCompletionsResponse> {
        let req = self.request(Op::AiChat, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn ai_models(&self) -> Result<ModelsResponse> {
        let req = self.request(Op::AiModels, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn ai_usage_summary(&self) -> Result<UsageSummaryResponse> {
        let req = self.request(Op::AiUsageSummary, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn ai_usage_history(&self, query: &PageQuery) -> Result<UsageHistoryResponse> {
        let req = self.request(Op::AiUsageHistory, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn attach_volumes(
        &self,
        instance_id: &str,
        body: &AttachVolumesRequest,
    ) -> Result<AttachVolumesResponse> {
        let req = self.request(
            Op::AttachVolumes,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn detach_volumes(
        &self,
        instance_id: &str,
        body: &DetachVolumesRequest,
    ) -> Result<DetachVolumesResponse> {
        let req = self.request(
            Op::DetachVolumes,
            &[("instance_id", instance_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn clone_volume(
        &self,
        volume_id: &str,
        body: &CloneVolumeRequest,
    ) -> Result<CloneVolumeResponse> {
        let req = self.request(
            Op::CloneVolume,
            &[("volume_id", volume_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn resize_volume(
        &self,
        volume_id: &str,
        body: &ResizeVolumeRequest,
    ) -> Result<ResizeVolumeResponse> {
        let req = self.request(
            Op::ResizeVolume,
            &[("volume_id", volume_id)],
            None::<&Nothing>,
            Some(body),
        )?;
        self.execute(&req).await
    }

    pub async fn get_volume_billing(
        &self,
        query: &BillingQuery,
    ) -> Result<VolumeHourlyBillingResponse> {
        let req = self.request(Op::GetVolumeBilling, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn list_volume_types(&self) -> Result<GetVolumeTypesResponse> {
        let req = self.request(Op::ListVolumeTypes, &[], None::<&Nothing>, None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn list_volumes(
        &self,
        query: &RegionPageQuery,
    ) -> Result<GetVolumesWithNextNameResponse> {
        let req = self.request(Op::ListVolumes, &[], Some(query), None::<&Nothing>)?;
        self.execute(&req).await
    }

    pub async fn create_volume(&self, body: &CreateVolumeRequest) -> Result<CreateVolumeResponse> {
        let req = self.request(Op::CreateVolume, &[], None::<&Nothing>, Some(body))?;
        self.execute(&req).await
    }

    pub async fn get_volume(&self, volume_id: &str) -> Result<GetVolumeDetailsResponse> {
        let req = self.request(
            Op::GetVolume,
            &[("volume_id", volume_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }

    pub async fn delete_volume(&self, volume_id: &str) -> Result<DeleteVolumeResponse> {
        let req = self.request(
            Op::DeleteVolume,
            &[("volume_id", volume_id)],
            None::<&Nothing>,
            None::<&Nothing>,
        )?;
        self.execute(&req).await
    }
}
