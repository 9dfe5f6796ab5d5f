//! Whole lists, fetched page by page with bounded concurrency (4 pages at a time): what the
//! desktop app's composite reads and the CLI's summaries build on.

use crate::types::*;
use crate::{Client, Result};

/// Every page of a region-filterable list (no region: all of them).
macro_rules! all_of {
    ($name:ident, $method:ident, $item:ty) => {
        pub async fn $name(c: &Client) -> Result<Vec<$item>> {
            c.all_pages(100, 4, |p| {
                let q = RegionPageQuery {
                    page: p.page,
                    limit: p.limit,
                    region: None,
                };
                async move { c.$method(&q).await }
            })
            .await
        }
    };
}
all_of!(all_volumes, list_volumes, VolumeResponse);
all_of!(all_snapshots, list_snapshots, Snapshot);
all_of!(all_images, list_images, Image);

pub async fn all_instances(c: &Client) -> Result<Vec<VMInstance>> {
    c.all_pages(100, 4, |p| {
        let q = InstanceListQuery {
            page: p.page,
            limit: p.limit,
            ..Default::default()
        };
        async move { c.list_instances(&q).await }
    })
    .await
}

/// Every billing record of one kind matching `filter` (its page and limit are replaced).
macro_rules! records_of {
    ($name:ident, $method:ident, $item:ty) => {
        pub async fn $name(c: &Client, filter: &BillingQuery) -> Result<Vec<$item>> {
            c.all_pages(100, 4, |p| {
                let q = BillingQuery {
                    page: p.page,
                    limit: p.limit,
                    ..filter.clone()
                };
                async move { c.$method(&q).await }
            })
            .await
        }
    };
}
records_of!(instance_records, get_instance_billing, BillingRecord);
records_of!(volume_records, get_volume_billing, VolumeBillingRecord);
records_of!(
    snapshot_records,
    get_snapshot_billing,
    SnapshotBillingRecord
);
