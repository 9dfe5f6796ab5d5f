//! Composite reads for the Snapshots and Images pages: every snapshot and image of the
//! account with its storage cost (barrack-api `costs`), the snapshot → image lineage (the
//! batch relationship endpoint) and the VMs a snapshot can be taken of, fetched in parallel.
//! Pages filter by region themselves, so switching region costs no request.

use crate::error::AppError;
use crate::state::AppState;
use barrack_api::costs;
use barrack_api::lists::*;
use barrack_api::types::*;
use barrack_api::Client;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotRow {
    pub snapshot: Snapshot,
    /// Storage cost per hour now (SUCCESS snapshots only), from the pricing table.
    pub hourly_cost: f64,
    /// Images made from it (the snapshot-image relationship).
    pub images: Vec<Image>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StorageOverview {
    pub currency: CurrencyEnum,
    pub snapshots: Vec<SnapshotRow>,
    pub images: Vec<Image>,
    /// ACTIVE VMs a snapshot can be taken of (the eligible-instances endpoint), every region.
    pub eligible: Vec<VMInstance>,
    /// Every VM by id, for names and configurations of sources.
    pub instances: Vec<VMInstance>,
    /// Whether the account's profile is complete (creating snapshots needs it, SNAP-06).
    pub profile_complete: bool,
}

/// Both storage pages' one read.
pub async fn storage_overview(state: &AppState) -> Result<StorageOverview, AppError> {
    let c = state.client().await?;
    let eligible = async {
        c.list_snapshot_eligible_instances(&RegionQuery { region: None })
            .await
            .map(|r| r.instances)
    };
    let (snaps, images, eligible, vms, pricing, balance) = tokio::try_join!(
        all_snapshots(&c),
        all_images(&c),
        eligible,
        all_instances(&c),
        state.pricing(&c),
        c.get_balance(),
    )?;
    let lineage = lineage(&c, &snaps, &images).await;
    let currency = balance.currency.clone();
    let snapshots = snaps
        .into_iter()
        .map(|s| SnapshotRow {
            hourly_cost: costs::snapshot_rate(&s, &pricing, &currency),
            images: lineage.get(&s.id).cloned().unwrap_or_default(),
            snapshot: s,
        })
        .collect();
    Ok(StorageOverview {
        currency,
        snapshots,
        images,
        eligible,
        instances: vms,
        profile_complete: balance.profile_complete,
    })
}

/// Images per snapshot id, from the batch relationship endpoint; when it fails, from the
/// images' own `snapshot_id` (so a missing endpoint costs the links, not the page).
async fn lineage(c: &Client, snaps: &[Snapshot], images: &[Image]) -> HashMap<String, Vec<Image>> {
    let mut by_snapshot: HashMap<String, Vec<Image>> = HashMap::new();
    if snaps.is_empty() {
        return by_snapshot;
    }
    let req = GetBatchSnapshotImageRelationshipsRequest {
        snapshot_ids: snaps.iter().map(|s| s.id.clone()).collect(),
    };
    match c.get_snapshot_images_batch(&req).await {
        Ok(r) => {
            for rel in r.relationships {
                by_snapshot
                    .entry(rel.snapshot_id)
                    .or_default()
                    .extend(rel.images);
            }
        }
        Err(_) => {
            for i in images {
                if let Some(s) = &i.snapshot_id {
                    by_snapshot.entry(s.clone()).or_default().push(i.clone());
                }
            }
        }
    }
    by_snapshot
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::MemorySettings;
    use barrack_credentials::MemoryStore;
    use std::sync::Arc;

    #[tokio::test]
    async fn the_sandbox_storage_with_costs_lineage_and_eligible_vms() {
        let state = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        );
        crate::session::start_sandbox(&state).await.unwrap();
        let o = storage_overview(&state).await.unwrap();
        let base = o
            .snapshots
            .iter()
            .find(|r| r.snapshot.name == "train-h100-baseline")
            .expect("the seeded snapshot");
        assert!(base.hourly_cost > 0.0, "a SUCCESS snapshot costs storage");
        let image = o
            .images
            .iter()
            .find(|i| i.name == "pytorch-cuda-base")
            .expect("the seeded image");
        if let Some(src) = &image.snapshot_id {
            let row = o.snapshots.iter().find(|r| &r.snapshot.id == src).unwrap();
            assert!(row.images.iter().any(|i| i.id == image.id), "lineage");
        }
        assert!(o.eligible.iter().all(|vm| vm.status == VMStatus::Active));
        assert!(o.eligible.iter().any(|vm| vm.name == "train-h100"));
        assert!(o.instances.len() >= 3);
    }
}
