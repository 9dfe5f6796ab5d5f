// Every operation of the Barrack API, declared once, in the order of the documentation's
// table of contents. This file is not a module: it is one macro call, read by
//   crates/barrack-api/src/ops.rs  the `Op` enum, the endpoint table (`ENDPOINTS`) and one
//                                  typed `Client` method per operation,
//   src-tauri/commands/api.rs      one Tauri command per operation,
//   src-tauri/build.rs             the command names, hence their permissions,
// each of which defines its own `operations!` macro before including it. The TypeScript
// bindings come from the generated commands (tauri-specta). Adding an operation means an
// entry here, its types in `types/`, its handler in barrack-sim and its round-trip test
// (the compiler and tests/roundtrip.rs refuse the missing ones).
//
// An entry:
//   Variant => method_name {
//       docs: "Group in the docs", "Title in the docs" [, not in the docs];
//       http: METHOD "path/{param}/" documented|inferred, method documented|inferred;
//       params: param, ...;          path parameters, in the path's order (checked at compile time)
//       query: QueryType;            optional: serialized as the query string
//       body: RequestType;           optional: validated, then sent as JSON
//       answer: ResponseType;
//       command: plain | wakes_poller | none [, answer through function];
//   }
// `not in the docs`: an operation Barrack's table of contents lacks, inferred by us.
// `documented` paths were seen verbatim in Barrack's documentation; `inferred` ones were
// chosen in its style (../shared/barrack/api/gaps.md) — correct them here when known.
// `method documented`: the docs' menu showed that method. `command`: `wakes_poller` after a
// request that starts a transition the poller watches; `none` generates no Tauri command;
// `answer through f` passes the answer through `crate::commands::answers::f` (in the
// desktop crate) before it reaches the webview.
operations! {
    GetBalance => get_balance {
        docs: "Balance", "Get credit balance";
        http: GET "balance/" inferred, method documented;
        answer: CreditBalanceResponse;
        command: plain;
    }
    GetGpuStocks => get_gpu_stocks {
        docs: "GPU Stocks", "Get GPU stock availability";
        http: GET "gpus/stocks/" inferred, method documented;
        query: GpuStocksQuery;
        answer: GPUStocksResponse;
        command: plain;
    }
    GetGpuSpecs => get_gpu_specs {
        docs: "GPU Specs", "Get GPU specifications";
        http: GET "gpus/specs/" inferred, method documented;
        answer: GPUSpecsResponse;
        command: plain;
    }
    ListRegions => list_regions {
        docs: "Regions", "List available regions";
        http: GET "regions/" inferred, method documented;
        answer: RegionsResponse;
        command: plain;
    }
    GetPricing => get_pricing {
        docs: "Pricing", "Get pricing information";
        http: GET "pricing/" inferred, method documented;
        query: PricingRequest;
        answer: PricingResponse;
        command: plain;
    }
    PostPricing => post_pricing {
        docs: "Pricing", "Get pricing information";
        http: POST "pricing/" documented, method documented;
        body: PricingRequest;
        answer: PricingResponse;
        command: plain;
    }
    DeployInstance => deploy_instance {
        docs: "Deploy Instance", "Create a new instance";
        http: POST "instances/" inferred, method documented;
        body: DeploymentRequest;
        answer: DeploymentResponse;
        command: wakes_poller;
    }
    ListInstances => list_instances {
        docs: "Instances", "List instances";
        http: GET "instances/" inferred, method documented;
        query: InstanceListQuery;
        answer: ListVMsResponse;
        command: plain;
    }
    GetInstance => get_instance {
        docs: "Instances", "Get instance details";
        http: GET "instances/{instance_id}/" inferred, method documented;
        params: instance_id;
        answer: VMDetailsResponse;
        command: plain;
    }
    GetInstanceBilling => get_instance_billing {
        docs: "Instances", "Get instance billing";
        http: GET "instances/billing/" inferred, method documented;
        query: BillingQuery;
        answer: InstanceBillingResponse;
        command: plain;
    }
    StartInstance => start_instance {
        docs: "Instances", "Start instance";
        http: POST "instances/{instance_id}/start/" inferred, method documented;
        params: instance_id;
        answer: StartVMResponse;
        command: wakes_poller;
    }
    StopInstance => stop_instance {
        docs: "Instances", "Stop instance";
        http: POST "instances/{instance_id}/stop/" inferred, method documented;
        params: instance_id;
        answer: StopVMResponse;
        command: wakes_poller;
    }
    RebootInstance => reboot_instance {
        docs: "Instances", "Reboot instance";
        http: POST "instances/{instance_id}/reboot/" inferred, method documented;
        params: instance_id;
        answer: RebootVMResponse;
        command: wakes_poller;
    }
    HibernateInstance => hibernate_instance {
        docs: "Instances", "Hibernate instance";
        http: POST "instances/{instance_id}/hibernate/" inferred, method documented;
        params: instance_id;
        answer: HibernateVMResponse;
        command: wakes_poller;
    }
    RestoreInstance => restore_instance {
        docs: "Instances", "Restore hibernated instance";
        http: POST "instances/{instance_id}/restore/" inferred, method documented;
        params: instance_id;
        answer: RestoreVMResponse;
        command: wakes_poller;
    }
    ToggleInstancePublicIp => toggle_instance_public_ip {
        docs: "Instances", "Toggle public IP for instance";
        http: POST "instances/{instance_id}/public-ip/" inferred, method documented;
        params: instance_id;
        body: TogglePublicIpRequest;
        answer: ToggleVMPublicIPResponse;
        command: wakes_poller;
    }
    AddInstanceSecurityRule => add_instance_security_rule {
        docs: "Instances", "Add instance security rule";
        http: POST "instances/{instance_id}/security-rules/" inferred, method documented;
        params: instance_id;
        body: VMSecurityRuleRequest;
        answer: AddVMSecurityRuleResponse;
        command: wakes_poller;
    }
    RemoveInstanceSecurityRule => remove_instance_security_rule {
        docs: "Instances", "Remove instance security rule";
        http: DELETE "instances/{instance_id}/security-rules/{rule_id}/" inferred, method documented;
        params: instance_id, rule_id;
        answer: RemoveVMSecurityRuleResponse;
        command: wakes_poller;
    }
    DeleteInstance => delete_instance {
        docs: "Instances", "Delete instance";
        http: DELETE "instances/{instance_id}/" inferred, method documented;
        params: instance_id;
        answer: DeleteVMResponse;
        command: wakes_poller;
    }
    GetHibernatedInstancesCount => get_hibernated_instances_count {
        docs: "Instances", "Get hibernated instances count";
        http: GET "instances/hibernated/" inferred, method documented;
        answer: GetHibernatedVMsResponse;
        command: plain;
    }
    GetInstanceFirewalls => get_instance_firewalls {
        docs: "Instances", "Get firewalls attached to instance";
        http: GET "instances/{instance_id}/firewalls/" inferred, method documented;
        params: instance_id;
        answer: GetVMAttachedFirewallsResponse;
        command: plain;
    }
    ListOsImages => list_os_images {
        docs: "OS Images", "List OS images";
        http: GET "os-images/" inferred, method inferred;
        query: RegionQuery;
        answer: OSImagesResponse;
        command: plain;
    }
    ListSshKeys => list_ssh_keys {
        docs: "SSH Keys", "List SSH keys";
        http: GET "ssh-keys/" inferred, method inferred;
        answer: GetSSHKeysResponse;
        command: plain;
    }
    CreateSshKey => create_ssh_key {
        docs: "SSH Keys", "Create SSH key";
        http: POST "ssh-keys/" inferred, method inferred;
        body: CreateSSHKeyRequest;
        answer: CreateSSHKeyResponse;
        command: plain, answer through without_private_key;
    }
    GetSshKey => get_ssh_key {
        docs: "SSH Keys", "Get SSH key";
        http: GET "ssh-keys/{key_id}/" inferred, method inferred;
        params: key_id;
        answer: GetSSHKeyResponse;
        command: plain;
    }
    DeleteSshKey => delete_ssh_key {
        docs: "SSH Keys", "Delete SSH key";
        http: DELETE "ssh-keys/{key_id}/" inferred, method inferred;
        params: key_id;
        answer: DeleteSSHKeyResponse;
        command: plain;
    }
    ListScripts => list_scripts {
        docs: "Scripts", "List all startup scripts";
        http: GET "scripts/" inferred, method inferred;
        answer: ScriptListResponse;
        command: plain;
    }
    GetScript => get_script {
        docs: "Scripts", "Get startup script details";
        http: GET "scripts/{script_id}/" inferred, method inferred;
        params: script_id;
        answer: ScriptResponse;
        command: plain;
    }
    CreateScript => create_script {
        docs: "Scripts", "Create a startup script";
        http: POST "scripts/" inferred, method inferred;
        body: CreateScriptRequest;
        answer: ScriptResponse;
        command: plain;
    }
    UpdateScript => update_script {
        docs: "Scripts", "Update a startup script";
        http: PUT "scripts/{script_id}/" inferred, method inferred;
        params: script_id;
        body: UpdateScriptRequest;
        answer: ScriptResponse;
        command: plain;
    }
    DeleteScript => delete_script {
        docs: "Scripts", "Delete a startup script";
        http: DELETE "scripts/{script_id}/" inferred, method inferred;
        params: script_id;
        answer: DeleteResponse;
        command: plain;
    }
    DeleteScripts => delete_scripts {
        docs: "Scripts", "Delete multiple startup scripts";
        http: POST "scripts/bulk-delete/" inferred, method inferred;
        body: DeleteScriptsRequest;
        answer: DeleteScriptsResponse;
        command: plain;
    }
    ListFirewalls => list_firewalls {
        docs: "Firewalls", "List firewalls";
        http: GET "firewalls/" inferred, method inferred;
        query: RegionPageQuery;
        answer: ListFirewallsResponse;
        command: plain;
    }
    GetFirewall => get_firewall {
        docs: "Firewalls", "Get firewall details";
        http: GET "firewalls/{firewall_id}/" inferred, method inferred;
        params: firewall_id;
        answer: GetFirewallDetailsResponse;
        command: plain;
    }
    GetFirewallProtocols => get_firewall_protocols {
        docs: "Firewalls", "Get supported protocols";
        http: GET "firewalls/protocols/" inferred, method inferred;
        answer: GetSupportedProtocolsResponse;
        command: plain;
    }
    ListFirewallEligibleInstances => list_firewall_eligible_instances {
        docs: "Firewalls", "List instances available for firewall attachment";
        http: GET "firewalls/eligible-instances/" inferred, method inferred;
        query: RegionQuery;
        answer: FirewallEligibleInstancesResponse;
        command: plain;
    }
    CreateFirewall => create_firewall {
        docs: "Firewalls", "Create firewall";
        http: POST "firewalls/" inferred, method inferred;
        body: CreateFirewallRequest;
        answer: CreateFirewallResponse;
        command: wakes_poller;
    }
    DeleteFirewall => delete_firewall {
        docs: "Firewalls", "Delete firewall";
        http: DELETE "firewalls/{firewall_id}/" inferred, method inferred;
        params: firewall_id;
        answer: DeleteFirewallResponse;
        command: wakes_poller;
    }
    AddFirewallRule => add_firewall_rule {
        docs: "Firewalls", "Add firewall rule";
        http: POST "firewalls/{firewall_id}/rules/" inferred, method inferred;
        params: firewall_id;
        body: AddFirewallRuleRequest;
        answer: AddFirewallRuleResponse;
        command: wakes_poller;
    }
    RemoveFirewallRule => remove_firewall_rule {
        docs: "Firewalls", "Remove firewall rule";
        http: DELETE "firewalls/{firewall_id}/rules/{rule_id}/" inferred, method inferred;
        params: firewall_id, rule_id;
        answer: RemoveFirewallRuleResponse;
        command: wakes_poller;
    }
    AttachFirewall => attach_firewall {
        docs: "Firewalls", "Attach firewall to instances";
        http: POST "firewalls/{firewall_id}/attach/" inferred, method inferred;
        params: firewall_id;
        body: AttachFirewallRequest;
        answer: AttachFirewallResponse;
        command: wakes_poller;
    }
    DetachFirewall => detach_firewall {
        docs: "Firewalls", "Detach firewall from instances", not in the docs;
        http: POST "firewalls/{firewall_id}/detach/" inferred, method inferred;
        params: firewall_id;
        body: DetachFirewallRequest;
        answer: DetachFirewallResponse;
        command: wakes_poller;
    }
    CreateSnapshot => create_snapshot {
        docs: "Snapshots", "Create snapshot";
        http: POST "snapshots/" inferred, method inferred;
        body: CreateSnapshotRequest;
        answer: CreateSnapshotResponse;
        command: wakes_poller;
    }
    ListSnapshots => list_snapshots {
        docs: "Snapshots", "List snapshots";
        http: GET "snapshots/" inferred, method inferred;
        query: RegionPageQuery;
        answer: ListSnapshotsResponse;
        command: plain;
    }
    GetSnapshot => get_snapshot {
        docs: "Snapshots", "Get snapshot details";
        http: GET "snapshots/{snapshot_id}/" inferred, method inferred;
        params: snapshot_id;
        answer: SnapshotDetailsResponse;
        command: plain;
    }
    DeleteSnapshot => delete_snapshot {
        docs: "Snapshots", "Delete snapshot";
        http: DELETE "snapshots/{snapshot_id}/" inferred, method inferred;
        params: snapshot_id;
        answer: DeleteSnapshotResponse;
        command: wakes_poller;
    }
    RestoreSnapshot => restore_snapshot {
        docs: "Snapshots", "Restore snapshot";
        http: POST "snapshots/{snapshot_id}/restore/" inferred, method inferred;
        params: snapshot_id;
        body: RestoreSnapshotRequest;
        answer: RestoreSnapshotResponse;
        command: wakes_poller;
    }
    GetSnapshotBilling => get_snapshot_billing {
        docs: "Snapshots", "Get snapshot billing";
        http: GET "snapshots/billing/" inferred, method inferred;
        query: BillingQuery;
        answer: SnapshotBillingResponse;
        command: plain;
    }
    ListSnapshotEligibleInstances => list_snapshot_eligible_instances {
        docs: "Snapshots", "List Instance eligible for snapshot creation";
        http: GET "snapshots/eligible-instances/" inferred, method documented;
        query: RegionQuery;
        answer: SnapshotEligibleInstancesResponse;
        command: plain;
    }
    ListImages => list_images {
        docs: "Images", "List custom images";
        http: GET "images/" inferred, method inferred;
        query: RegionPageQuery;
        answer: ImageListResponse;
        command: plain;
    }
    GetImage => get_image {
        docs: "Images", "Get image details";
        http: GET "images/{image_id}/" inferred, method inferred;
        params: image_id;
        answer: ImageDetailResponse;
        command: plain;
    }
    DeleteImage => delete_image {
        docs: "Images", "Delete custom image";
        http: DELETE "images/{image_id}/" inferred, method inferred;
        params: image_id;
        answer: ImageDeleteResponse;
        command: wakes_poller;
    }
    CreateImage => create_image {
        docs: "Images", "Create image from snapshot";
        http: POST "images/" inferred, method inferred;
        body: CreateImageFromSnapshotRequest;
        answer: ImageCreateResponse;
        command: wakes_poller;
    }
    GetSnapshotImages => get_snapshot_images {
        docs: "Images", "Get snapshot-image relationship";
        http: GET "snapshots/{snapshot_id}/images/" inferred, method inferred;
        params: snapshot_id;
        answer: SnapshotImageRelationshipResponse;
        command: plain;
    }
    GetSnapshotImagesBatch => get_snapshot_images_batch {
        docs: "Images", "Get snapshot-image relationship list";
        http: POST "images/relationships/" inferred, method inferred;
        body: GetBatchSnapshotImageRelationshipsRequest;
        answer: BatchSnapshotImageRelationshipResponse;
        command: plain;
    }
    AiChat => ai_chat {
        docs: "AI Chat", "Chat with AI";
        http: POST "ai/chat/" inferred, method inferred;
        body: ChatCompletionsRequest;
        answer: ChatCompletionsResponse;
        command: wakes_poller;
    }
    AiModels => ai_models {
        docs: "AI Chat", "Get available AI models";
        http: GET "ai/models/" inferred, method inferred;
        answer: ModelsResponse;
        command: plain;
    }
    AiUsageSummary => ai_usage_summary {
        docs: "AI Chat", "Get AI usage summary";
        http: GET "ai/usage/" inferred, method inferred;
        answer: UsageSummaryResponse;
        command: plain;
    }
    AiUsageHistory => ai_usage_history {
        docs: "AI Chat", "Get AI usage history";
        http: GET "ai/usage/history/" inferred, method inferred;
        query: PageQuery;
        answer: UsageHistoryResponse;
        command: plain;
    }
    AttachVolumes => attach_volumes {
        docs: "Volumes", "Attach volumes to instance";
        http: POST "instances/{instance_id}/volumes/attach/" inferred, method inferred;
        params: instance_id;
        body: AttachVolumesRequest;
        answer: AttachVolumesResponse;
        command: wakes_poller;
    }
    DetachVolumes => detach_volumes {
        docs: "Volumes", "Detach volumes from instance";
        http: POST "instances/{instance_id}/volumes/detach/" inferred, method inferred;
        params: instance_id;
        body: DetachVolumesRequest;
        answer: DetachVolumesResponse;
        command: wakes_poller;
    }
    CloneVolume => clone_volume {
        docs: "Volumes", "Clone volume";
        http: POST "volumes/{volume_id}/clone/" inferred, method inferred;
        params: volume_id;
        body: CloneVolumeRequest;
        answer: CloneVolumeResponse;
        command: wakes_poller;
    }
    ResizeVolume => resize_volume {
        docs: "Volumes", "Resize volume";
        http: POST "volumes/{volume_id}/resize/" inferred, method inferred;
        params: volume_id;
        body: ResizeVolumeRequest;
        answer: ResizeVolumeResponse;
        command: wakes_poller;
    }
    GetVolumeBilling => get_volume_billing {
        docs: "Volumes", "Get volume billing";
        http: GET "volumes/billing/" inferred, method inferred;
        query: BillingQuery;
        answer: VolumeHourlyBillingResponse;
        command: plain;
    }
    ListVolumeTypes => list_volume_types {
        docs: "Volumes", "List available volume types";
        http: GET "volumes/types/" inferred, method inferred;
        answer: GetVolumeTypesResponse;
        command: plain;
    }
    ListVolumes => list_volumes {
        docs: "Volumes", "List volumes";
        http: GET "volumes/" inferred, method inferred;
        query: RegionPageQuery;
        answer: GetVolumesWithNextNameResponse;
        command: plain;
    }
    CreateVolume => create_volume {
        docs: "Volumes", "Create volume";
        http: POST "volumes/" inferred, method inferred;
        body: CreateVolumeRequest;
        answer: CreateVolumeResponse;
        command: wakes_poller;
    }
    GetVolume => get_volume {
        docs: "Volumes", "Get volume details";
        http: GET "volumes/{volume_id}/" inferred, method inferred;
        params: volume_id;
        answer: GetVolumeDetailsResponse;
        command: plain;
    }
    DeleteVolume => delete_volume {
        docs: "Volumes", "Delete volume";
        http: DELETE "volumes/{volume_id}/" inferred, method inferred;
        params: volume_id;
        answer: DeleteVolumeResponse;
        command: wakes_poller;
    }
}
