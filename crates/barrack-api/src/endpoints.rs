//! The endpoint table: every operation of the documentation's table of contents, with its
//! method, path template, request and response types, and whether the path is documented.
//!
//! This is the only place a path is written. The client builds URLs from it and
//! barrack-sim mounts its routes from it, so correcting a path here corrects both.
//!
//! Of the 68 paths only `POST pricing/` is documented verbatim
//! (../shared/barrack/api/endpoints.md row 6). Every other path is **inferred** in the
//! documented style: lower case, plural nouns, trailing slash, relative to the base URL
//! `https://barrack.ai/api/`. Methods marked in the docs' menu are kept; the rest are inferred.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// Only idempotent reads are retried automatically.
    pub fn is_read(self) -> bool {
        matches!(self, Method::Get)
    }
}

/// How much of an endpoint's path we actually know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Seen verbatim in Barrack's documentation.
    Documented,
    /// Chosen by us in the documented style; correct it here when the real path is known.
    Inferred,
}

/// Every operation, one variant each. Matching on this is exhaustive, so a new operation
/// cannot be forgotten by the emulator or the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    GetBalance,
    GetGpuStocks,
    GetGpuSpecs,
    ListRegions,
    GetPricing,
    PostPricing,
    DeployInstance,
    ListInstances,
    GetInstance,
    GetInstanceBilling,
    StartInstance,
    StopInstance,
    RebootInstance,
    HibernateInstance,
    RestoreInstance,
    ToggleInstancePublicIp,
    AddInstanceSecurityRule,
    RemoveInstanceSecurityRule,
    DeleteInstance,
    GetHibernatedInstancesCount,
    GetInstanceFirewalls,
    ListOsImages,
    ListSshKeys,
    CreateSshKey,
    GetSshKey,
    DeleteSshKey,
    ListScripts,
    GetScript,
    CreateScript,
    UpdateScript,
    DeleteScript,
    DeleteScripts,
    ListFirewalls,
    GetFirewall,
    GetFirewallProtocols,
    ListFirewallEligibleInstances,
    CreateFirewall,
    DeleteFirewall,
    AddFirewallRule,
    RemoveFirewallRule,
    AttachFirewall,
    CreateSnapshot,
    ListSnapshots,
    GetSnapshot,
    DeleteSnapshot,
    RestoreSnapshot,
    GetSnapshotBilling,
    ListSnapshotEligibleInstances,
    ListImages,
    GetImage,
    DeleteImage,
    CreateImage,
    GetSnapshotImages,
    GetSnapshotImagesBatch,
    AiChat,
    AiModels,
    AiUsageSummary,
    AiUsageHistory,
    AttachVolumes,
    DetachVolumes,
    CloneVolume,
    ResizeVolume,
    GetVolumeBilling,
    ListVolumeTypes,
    ListVolumes,
    CreateVolume,
    GetVolume,
    DeleteVolume,
}

/// One row of the table.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Endpoint {
    pub op: Op,
    /// The group in Barrack's documentation.
    pub group: &'static str,
    /// The operation's title in Barrack's documentation.
    pub title: &'static str,
    pub method: Method,
    /// Path template relative to the base URL; `{name}` marks a path parameter.
    pub path: &'static str,
    pub source: Source,
    /// Whether the docs' menu showed this method (otherwise the method is inferred too).
    pub method_documented: bool,
    /// Request body type (`-` for none) and query type, by name.
    pub request: &'static str,
    pub query: &'static str,
    pub response: &'static str,
}

impl Endpoint {
    /// The path parameters the template names, in order.
    pub fn path_params(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut rest = self.path;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            out.push(&rest[start + 1..start + len]);
            rest = &rest[start + len + 1..];
        }
        out
    }

    /// Whether this is a read (no state change), independent of the HTTP method:
    /// `POST pricing/` is a read sent as POST, and still never retried automatically.
    pub fn is_read(&self) -> bool {
        self.method.is_read()
    }
}

use Method::{Delete, Get, Post, Put};
use Source::{Documented, Inferred};

macro_rules! ep {
    ($op:ident, $group:literal, $title:literal, $m:ident $(($md:ident))?, $path:literal, $src:ident, $req:literal, $q:literal, $resp:literal) => {
        Endpoint {
            op: Op::$op,
            group: $group,
            title: $title,
            method: $m,
            path: $path,
            source: $src,
            method_documented: ep!(@md $($md)?),
            request: $req,
            query: $q,
            response: $resp,
        }
    };
    (@md nav) => { true };
    (@md) => { false };
}

/// All 68 operations, in the order of the documentation's table of contents.
/// `(nav)` after the method: the docs' menu shows that method.
pub const ENDPOINTS: &[Endpoint] = &[
    ep!(
        GetBalance,
        "Balance",
        "Get credit balance",
        Get(nav),
        "balance/",
        Inferred,
        "-",
        "-",
        "CreditBalanceResponse"
    ),
    ep!(
        GetGpuStocks,
        "GPU Stocks",
        "Get GPU stock availability",
        Get(nav),
        "gpus/stocks/",
        Inferred,
        "-",
        "GpuStocksQuery",
        "GPUStocksResponse"
    ),
    ep!(
        GetGpuSpecs,
        "GPU Specs",
        "Get GPU specifications",
        Get(nav),
        "gpus/specs/",
        Inferred,
        "-",
        "-",
        "GPUSpecsResponse"
    ),
    ep!(
        ListRegions,
        "Regions",
        "List available regions",
        Get(nav),
        "regions/",
        Inferred,
        "-",
        "-",
        "RegionsResponse"
    ),
    ep!(
        GetPricing,
        "Pricing",
        "Get pricing information",
        Get(nav),
        "pricing/",
        Inferred,
        "-",
        "PricingRequest",
        "PricingResponse"
    ),
    ep!(
        PostPricing,
        "Pricing",
        "Get pricing information",
        Post(nav),
        "pricing/",
        Documented,
        "PricingRequest",
        "-",
        "PricingResponse"
    ),
    ep!(
        DeployInstance,
        "Deploy Instance",
        "Create a new instance",
        Post(nav),
        "instances/",
        Inferred,
        "DeploymentRequest",
        "-",
        "DeploymentResponse"
    ),
    ep!(
        ListInstances,
        "Instances",
        "List instances",
        Get(nav),
        "instances/",
        Inferred,
        "-",
        "InstanceListQuery",
        "ListVMsResponse"
    ),
    ep!(
        GetInstance,
        "Instances",
        "Get instance details",
        Get(nav),
        "instances/{instance_id}/",
        Inferred,
        "-",
        "-",
        "VMDetailsResponse"
    ),
    ep!(
        GetInstanceBilling,
        "Instances",
        "Get instance billing",
        Get(nav),
        "instances/billing/",
        Inferred,
        "-",
        "BillingQuery",
        "InstanceBillingResponse"
    ),
    ep!(
        StartInstance,
        "Instances",
        "Start instance",
        Post(nav),
        "instances/{instance_id}/start/",
        Inferred,
        "-",
        "-",
        "StartVMResponse"
    ),
    ep!(
        StopInstance,
        "Instances",
        "Stop instance",
        Post(nav),
        "instances/{instance_id}/stop/",
        Inferred,
        "-",
        "-",
        "StopVMResponse"
    ),
    ep!(
        RebootInstance,
        "Instances",
        "Reboot instance",
        Post(nav),
        "instances/{instance_id}/reboot/",
        Inferred,
        "-",
        "-",
        "RebootVMResponse"
    ),
    ep!(
        HibernateInstance,
        "Instances",
        "Hibernate instance",
        Post(nav),
        "instances/{instance_id}/hibernate/",
        Inferred,
        "-",
        "-",
        "HibernateVMResponse"
    ),
    ep!(
        RestoreInstance,
        "Instances",
        "Restore hibernated instance",
        Post(nav),
        "instances/{instance_id}/restore/",
        Inferred,
        "-",
        "-",
        "RestoreVMResponse"
    ),
    ep!(
        ToggleInstancePublicIp,
        "Instances",
        "Toggle public IP for instance",
        Post(nav),
        "instances/{instance_id}/public-ip/",
        Inferred,
        "TogglePublicIpRequest",
        "-",
        "ToggleVMPublicIPResponse"
    ),
    ep!(
        AddInstanceSecurityRule,
        "Instances",
        "Add instance security rule",
        Post(nav),
        "instances/{instance_id}/security-rules/",
        Inferred,
        "VMSecurityRuleRequest",
        "-",
        "AddVMSecurityRuleResponse"
    ),
    ep!(
        RemoveInstanceSecurityRule,
        "Instances",
        "Remove instance security rule",
        Delete(nav),
        "instances/{instance_id}/security-rules/{rule_id}/",
        Inferred,
        "-",
        "-",
        "RemoveVMSecurityRuleResponse"
    ),
    ep!(
        DeleteInstance,
        "Instances",
        "Delete instance",
        Delete(nav),
        "instances/{instance_id}/",
        Inferred,
        "-",
        "-",
        "DeleteVMResponse"
    ),
    ep!(
        GetHibernatedInstancesCount,
        "Instances",
        "Get hibernated instances count",
        Get(nav),
        "instances/hibernated/",
        Inferred,
        "-",
        "-",
        "GetHibernatedVMsResponse"
    ),
    ep!(
        GetInstanceFirewalls,
        "Instances",
        "Get firewalls attached to instance",
        Get(nav),
        "instances/{instance_id}/firewalls/",
        Inferred,
        "-",
        "-",
        "GetVMAttachedFirewallsResponse"
    ),
    ep!(
        ListOsImages,
        "OS Images",
        "List OS images",
        Get,
        "os-images/",
        Inferred,
        "-",
        "RegionQuery",
        "OSImagesResponse"
    ),
    ep!(
        ListSshKeys,
        "SSH Keys",
        "List SSH keys",
        Get,
        "ssh-keys/",
        Inferred,
        "-",
        "-",
        "GetSSHKeysResponse"
    ),
    ep!(
        CreateSshKey,
        "SSH Keys",
        "Create SSH key",
        Post,
        "ssh-keys/",
        Inferred,
        "CreateSSHKeyRequest",
        "-",
        "CreateSSHKeyResponse"
    ),
    ep!(
        GetSshKey,
        "SSH Keys",
        "Get SSH key",
        Get,
        "ssh-keys/{key_id}/",
        Inferred,
        "-",
        "-",
        "GetSSHKeyResponse"
    ),
    ep!(
        DeleteSshKey,
        "SSH Keys",
        "Delete SSH key",
        Delete,
        "ssh-keys/{key_id}/",
        Inferred,
        "-",
        "-",
        "DeleteSSHKeyResponse"
    ),
    ep!(
        ListScripts,
        "Scripts",
        "List all startup scripts",
        Get,
        "scripts/",
        Inferred,
        "-",
        "-",
        "ScriptListResponse"
    ),
    ep!(
        GetScript,
        "Scripts",
        "Get startup script details",
        Get,
        "scripts/{script_id}/",
        Inferred,
        "-",
        "-",
        "ScriptResponse"
    ),
    ep!(
        CreateScript,
        "Scripts",
        "Create a startup script",
        Post,
        "scripts/",
        Inferred,
        "CreateScriptRequest",
        "-",
        "ScriptResponse"
    ),
    ep!(
        UpdateScript,
        "Scripts",
        "Update a startup script",
        Put,
        "scripts/{script_id}/",
        Inferred,
        "UpdateScriptRequest",
        "-",
        "ScriptResponse"
    ),
    ep!(
        DeleteScript,
        "Scripts",
        "Delete a startup script",
        Delete,
        "scripts/{script_id}/",
        Inferred,
        "-",
        "-",
        "DeleteResponse"
    ),
    ep!(
        DeleteScripts,
        "Scripts",
        "Delete multiple startup scripts",
        Post,
        "scripts/bulk-delete/",
        Inferred,
        "DeleteScriptsRequest",
        "-",
        "DeleteScriptsResponse"
    ),
    ep!(
        ListFirewalls,
        "Firewalls",
        "List firewalls",
        Get,
        "firewalls/",
        Inferred,
        "-",
        "RegionPageQuery",
        "ListFirewallsResponse"
    ),
    ep!(
        GetFirewall,
        "Firewalls",
        "Get firewall details",
        Get,
        "firewalls/{firewall_id}/",
        Inferred,
        "-",
        "-",
        "GetFirewallDetailsResponse"
    ),
    ep!(
        GetFirewallProtocols,
        "Firewalls",
        "Get supported protocols",
        Get,
        "firewalls/protocols/",
        Inferred,
        "-",
        "-",
        "GetSupportedProtocolsResponse"
    ),
    ep!(
        ListFirewallEligibleInstances,
        "Firewalls",
        "List instances available for firewall attachment",
        Get,
        "firewalls/eligible-instances/",
        Inferred,
        "-",
        "RegionQuery",
        "FirewallEligibleInstancesResponse"
    ),
    ep!(
        CreateFirewall,
        "Firewalls",
        "Create firewall",
        Post,
        "firewalls/",
        Inferred,
        "CreateFirewallRequest",
        "-",
        "CreateFirewallResponse"
    ),
    ep!(
        DeleteFirewall,
        "Firewalls",
        "Delete firewall",
        Delete,
        "firewalls/{firewall_id}/",
        Inferred,
        "-",
        "-",
        "DeleteFirewallResponse"
    ),
    ep!(
        AddFirewallRule,
        "Firewalls",
        "Add firewall rule",
        Post,
        "firewalls/{firewall_id}/rules/",
        Inferred,
        "AddFirewallRuleRequest",
        "-",
        "AddFirewallRuleResponse"
    ),
    ep!(
        RemoveFirewallRule,
        "Firewalls",
        "Remove firewall rule",
        Delete,
        "firewalls/{firewall_id}/rules/{rule_id}/",
        Inferred,
        "-",
        "-",
        "RemoveFirewallRuleResponse"
    ),
    ep!(
        AttachFirewall,
        "Firewalls",
        "Attach firewall to instances",
        Post,
        "firewalls/{firewall_id}/attach/",
        Inferred,
        "AttachFirewallRequest",
        "-",
        "AttachFirewallResponse"
    ),
    ep!(
        CreateSnapshot,
        "Snapshots",
        "Create snapshot",
        Post,
        "snapshots/",
        Inferred,
        "CreateSnapshotRequest",
        "-",
        "CreateSnapshotResponse"
    ),
    ep!(
        ListSnapshots,
        "Snapshots",
        "List snapshots",
        Get,
        "snapshots/",
        Inferred,
        "-",
        "RegionPageQuery",
        "ListSnapshotsResponse"
    ),
    ep!(
        GetSnapshot,
        "Snapshots",
        "Get snapshot details",
        Get,
        "snapshots/{snapshot_id}/",
        Inferred,
        "-",
        "-",
        "SnapshotDetailsResponse"
    ),
    ep!(
        DeleteSnapshot,
        "Snapshots",
        "Delete snapshot",
        Delete,
        "snapshots/{snapshot_id}/",
        Inferred,
        "-",
        "-",
        "DeleteSnapshotResponse"
    ),
    ep!(
        RestoreSnapshot,
        "Snapshots",
        "Restore snapshot",
        Post,
        "snapshots/{snapshot_id}/restore/",
        Inferred,
        "RestoreSnapshotRequest",
        "-",
        "RestoreSnapshotResponse"
    ),
    ep!(
        GetSnapshotBilling,
        "Snapshots",
        "Get snapshot billing",
        Get,
        "snapshots/billing/",
        Inferred,
        "-",
        "BillingQuery",
        "SnapshotBillingResponse"
    ),
    ep!(
        ListSnapshotEligibleInstances,
        "Snapshots",
        "List Instance eligible for snapshot creation",
        Get(nav),
        "snapshots/eligible-instances/",
        Inferred,
        "-",
        "RegionQuery",
        "SnapshotEligibleInstancesResponse"
    ),
    ep!(
        ListImages,
        "Images",
        "List custom images",
        Get,
        "images/",
        Inferred,
        "-",
        "RegionPageQuery",
        "ImageListResponse"
    ),
    ep!(
        GetImage,
        "Images",
        "Get image details",
        Get,
        "images/{image_id}/",
        Inferred,
        "-",
        "-",
        "ImageDetailResponse"
    ),
    ep!(
        DeleteImage,
        "Images",
        "Delete custom image",
        Delete,
        "images/{image_id}/",
        Inferred,
        "-",
        "-",
        "ImageDeleteResponse"
    ),
    ep!(
        CreateImage,
        "Images",
        "Create image from snapshot",
        Post,
        "images/",
        Inferred,
        "CreateImageFromSnapshotRequest",
        "-",
        "ImageCreateResponse"
    ),
    ep!(
        GetSnapshotImages,
        "Images",
        "Get snapshot-image relationship",
        Get,
        "snapshots/{snapshot_id}/images/",
        Inferred,
        "-",
        "-",
        "SnapshotImageRelationshipResponse"
    ),
    ep!(
        GetSnapshotImagesBatch,
        "Images",
        "Get snapshot-image relationship list",
        Post,
        "images/relationships/",
        Inferred,
        "GetBatchSnapshotImageRelationshipsRequest",
        "-",
        "BatchSnapshotImageRelationshipResponse"
    ),
    ep!(
        AiChat,
        "AI Chat",
        "Chat with AI",
        Post,
        "ai/chat/",
        Inferred,
        "ChatCompletionsRequest",
        "-",
        "ChatCompletionsResponse"
    ),
    ep!(
        AiModels,
        "AI Chat",
        "Get available AI models",
        Get,
        "ai/models/",
        Inferred,
        "-",
        "-",
        "ModelsResponse"
    ),
    ep!(
        AiUsageSummary,
        "AI Chat",
        "Get AI usage summary",
        Get,
        "ai/usage/",
        Inferred,
        "-",
        "-",
        "UsageSummaryResponse"
    ),
    ep!(
        AiUsageHistory,
        "AI Chat",
        "Get AI usage history",
        Get,
        "ai/usage/history/",
        Inferred,
        "-",
        "PageQuery",
        "UsageHistoryResponse"
    ),
    ep!(
        AttachVolumes,
        "Volumes",
        "Attach volumes to instance",
        Post,
        "instances/{instance_id}/volumes/attach/",
        Inferred,
        "AttachVolumesRequest",
        "-",
        "AttachVolumesResponse"
    ),
    ep!(
        DetachVolumes,
        "Volumes",
        "Detach volumes from instance",
        Post,
        "instances/{instance_id}/volumes/detach/",
        Inferred,
        "DetachVolumesRequest",
        "-",
        "DetachVolumesResponse"
    ),
    ep!(
        CloneVolume,
        "Volumes",
        "Clone volume",
        Post,
        "volumes/{volume_id}/clone/",
        Inferred,
        "CloneVolumeRequest",
        "-",
        "CloneVolumeResponse"
    ),
    ep!(
        ResizeVolume,
        "Volumes",
        "Resize volume",
        Post,
        "volumes/{volume_id}/resize/",
        Inferred,
        "ResizeVolumeRequest",
        "-",
        "ResizeVolumeResponse"
    ),
    ep!(
        GetVolumeBilling,
        "Volumes",
        "Get volume billing",
        Get,
        "volumes/billing/",
        Inferred,
        "-",
        "BillingQuery",
        "VolumeHourlyBillingResponse"
    ),
    ep!(
        ListVolumeTypes,
        "Volumes",
        "List available volume types",
        Get,
        "volumes/types/",
        Inferred,
        "-",
        "-",
        "GetVolumeTypesResponse"
    ),
    ep!(
        ListVolumes,
        "Volumes",
        "List volumes",
        Get,
        "volumes/",
        Inferred,
        "-",
        "RegionPageQuery",
        "GetVolumesWithNextNameResponse"
    ),
    ep!(
        CreateVolume,
        "Volumes",
        "Create volume",
        Post,
        "volumes/",
        Inferred,
        "CreateVolumeRequest",
        "-",
        "CreateVolumeResponse"
    ),
    ep!(
        GetVolume,
        "Volumes",
        "Get volume details",
        Get,
        "volumes/{volume_id}/",
        Inferred,
        "-",
        "-",
        "GetVolumeDetailsResponse"
    ),
    ep!(
        DeleteVolume,
        "Volumes",
        "Delete volume",
        Delete,
        "volumes/{volume_id}/",
        Inferred,
        "-",
        "-",
        "DeleteVolumeResponse"
    ),
];

/// The table row of an operation.
pub fn endpoint(op: Op) -> &'static Endpoint {
    ENDPOINTS
        .iter()
        .find(|e| e.op == op)
        .expect("every Op has a row in ENDPOINTS (checked by a test)")
}

/// The endpoint table as Markdown, for the README (a test keeps the README's copy current).
pub fn markdown_table() -> String {
    let mut out = String::from("| # | Group | Operation | Method | Path (under the base URL) | Path is | Request | Response |\n|---|---|---|---|---|---|---|---|\n");
    for (i, e) in ENDPOINTS.iter().enumerate() {
        let method = if e.method_documented {
            format!("{} (docs menu)", e.method.as_str())
        } else {
            format!("{} (inferred)", e.method.as_str())
        };
        let source = match e.source {
            Source::Documented => "**documented**",
            Source::Inferred => "inferred",
        };
        let request = match (e.request, e.query) {
            ("-", "-") => "–".to_owned(),
            (b, "-") => format!("`{b}`"),
            ("-", q) => format!("query `{q}`"),
            (b, q) => format!("`{b}`, query `{q}`"),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | `{}` | {} | {} | `{}` |\n",
            i + 1,
            e.group,
            e.title,
            method,
            e.path,
            source,
            request,
            e.response
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn sixty_eight_operations_each_once() {
        assert_eq!(ENDPOINTS.len(), 68);
        let ops: HashSet<Op> = ENDPOINTS.iter().map(|e| e.op).collect();
        assert_eq!(ops.len(), 68, "an Op appears twice");
        let routes: HashSet<(Method, &str)> =
            ENDPOINTS.iter().map(|e| (e.method, e.path)).collect();
        assert_eq!(routes.len(), 68, "two operations share a method and path");
    }

    #[test]
    fn paths_follow_the_documented_style() {
        for e in ENDPOINTS {
            assert!(e.path.ends_with('/'), "{:?}: trailing slash", e.op);
            assert!(
                !e.path.starts_with('/'),
                "{:?}: relative to the base URL",
                e.op
            );
            assert_eq!(
                e.path,
                e.path.to_ascii_lowercase(),
                "{:?}: lower case",
                e.op
            );
        }
        let documented: Vec<Op> = ENDPOINTS
            .iter()
            .filter(|e| e.source == Source::Documented)
            .map(|e| e.op)
            .collect();
        assert_eq!(documented, vec![Op::PostPricing]);
    }

    #[test]
    fn group_counts_match_the_table_of_contents() {
        let count = |g: &str| ENDPOINTS.iter().filter(|e| e.group == g).count();
        assert_eq!(count("Instances"), 14);
        assert_eq!(count("SSH Keys"), 4);
        assert_eq!(count("Scripts"), 6);
        assert_eq!(count("Firewalls"), 9);
        assert_eq!(count("Snapshots"), 7);
        assert_eq!(count("Images"), 6);
        assert_eq!(count("AI Chat"), 4);
        assert_eq!(count("Volumes"), 10);
        assert_eq!(count("Pricing"), 2);
    }

    #[test]
    fn path_params_are_read_from_the_template() {
        assert_eq!(
            endpoint(Op::RemoveFirewallRule).path_params(),
            vec!["firewall_id", "rule_id"]
        );
        assert!(endpoint(Op::ListInstances).path_params().is_empty());
    }
}
