//! images list|show|create|delete|for-snapshot|relationships. A custom image is made from a
//! SUCCESS snapshot, in the snapshot's region, and boots VMs in that region only.

use super::listing::every_page;
use crate::args;
use crate::ctx::{Ctx, NONE};
use crate::error::CliResult;
use crate::output::{fields, opt, table, time};
use crate::wait::{self, Poll};
use barrack_api::types::*;
use barrack_api::Op;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum ImagesCmd {
    /// All custom images (every page).
    List {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
    },
    /// One image in detail.
    Show { id: String },
    /// Make an image from a SUCCESS snapshot (in the snapshot's region).
    Create {
        /// The snapshot to make it from.
        #[arg(long = "snapshot")]
        snapshot: String,
        /// Image name (1-50 letters, digits, spaces, -, _, .; unique in the account).
        #[arg(long, value_parser = args::name)]
        name: String,
        /// At most 255 characters.
        #[arg(long, value_parser = args::description)]
        description: Option<String>,
        /// Wait until the image is Available.
        #[arg(long)]
        wait: bool,
    },
    /// Delete an image. VMs deployed from it are not affected.
    Delete { id: String },
    /// The images made from one snapshot.
    ForSnapshot { snapshot_id: String },
    /// Which images were made from which snapshots (all snapshots, or these).
    Relationships { snapshot_ids: Vec<String> },
}

pub const IMAGE_HEADERS: &[&str] = &[
    "ID", "NAME", "STATUS", "SIZE", "REGION", "SNAPSHOT", "CREATED",
];

pub fn image_rows(images: &[Image]) -> Vec<Vec<String>> {
    images
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                i.name.clone(),
                i.status.to_string(),
                format!("{} GB", i.size_gb),
                i.region.to_string(),
                i.snapshot_name
                    .clone()
                    .or_else(|| i.snapshot_id.clone())
                    .unwrap_or_else(|| "-".into()),
                time(&i.created_at),
            ]
        })
        .collect()
}

/// Waits until an image is Available.
pub async fn wait_image(ctx: &Ctx, id: &str) -> CliResult<String> {
    let what = format!("image {id} → AVAILABLE");
    wait::until(ctx, &what, || async {
        let d: ImageDetailResponse = ctx
            .fetch(Op::GetImage, &[("image_id", id)], NONE, NONE)
            .await?;
        Ok(match d.image.status {
            ImageStatus::Available => Poll::Done("AVAILABLE".into()),
            ImageStatus::Error => Poll::Failed("ERROR".into()),
            s => Poll::Pending(s.to_string()),
        })
    })
    .await
}

pub async fn run(cmd: ImagesCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        ImagesCmd::List { region } => {
            let q = RegionPageQuery {
                region,
                page: None,
                limit: None,
            };
            let Some(images) = every_page(ctx, Op::ListImages, q, |c, q| async move {
                c.list_images(&q).await
            })
            .await?
            else {
                return Ok(());
            };
            ctx.say(table(IMAGE_HEADERS, image_rows(&images)));
        }
        ImagesCmd::Show { id } => {
            let Some(r): Option<ImageDetailResponse> = ctx
                .send(Op::GetImage, &[("image_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            let i = &r.image;
            let snapshot = match (&i.snapshot_name, &i.snapshot_id) {
                (Some(n), Some(id)) => format!("{n} ({id})"),
                (None, Some(id)) => id.clone(),
                (Some(n), None) => n.clone(),
                (None, None) => "-".into(),
            };
            ctx.say(fields(&[
                ("id", i.id.clone()),
                ("name", i.name.clone()),
                ("status", i.status.to_string()),
                (
                    "region",
                    format!("{} (boots VMs in this region only)", i.region),
                ),
                ("size", format!("{} GB", i.size_gb)),
                ("snapshot", snapshot),
                ("description", opt(&i.description)),
                ("created", time(&i.created_at)),
                (
                    "deploy",
                    format!("barrack deploy --image {} --region {} …", i.id, i.region),
                ),
            ]));
        }
        ImagesCmd::Create {
            snapshot,
            name,
            description,
            wait,
        } => {
            let body = CreateImageFromSnapshotRequest {
                snapshot_id: snapshot.clone(),
                name,
                description,
            };
            let Some(r): Option<ImageCreateResponse> =
                ctx.send(Op::CreateImage, &[], NONE, Some(&body)).await?
            else {
                return Ok(());
            };
            let i = &r.image;
            let from = i.snapshot_name.clone().unwrap_or(snapshot);
            ctx.say(format!(
                "image {} ({}) is being created in {}, the region of snapshot {from}",
                i.name, i.id, i.region
            ));
            ctx.say(format!(
                "it boots VMs in {} only: for another region, snapshot a VM there and make an image from that snapshot",
                i.region
            ));
            if wait {
                let reached = wait_image(ctx, &i.id).await?;
                ctx.say(format!("{} is {reached}", i.name));
            }
        }
        ImagesCmd::Delete { id } => {
            let Some((name, r)) = ctx
                .confirm_then_send::<_, ImageDeleteResponse>(
                    Op::GetImage,
                    Op::DeleteImage,
                    ("image_id", &id),
                    |d: ImageDetailResponse| d.image.name,
                    |name| {
                        format!(
                            "Delete image {name}: no new VM can be deployed from it (VMs deployed from it are not affected)"
                        )
                    },
                )
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "image {name}: {}",
                r.message.unwrap_or_else(|| "deleted".into())
            ));
        }
        ImagesCmd::ForSnapshot { snapshot_id } => {
            let Some(r): Option<SnapshotImageRelationshipResponse> = ctx
                .send(
                    Op::GetSnapshotImages,
                    &[("snapshot_id", &snapshot_id)],
                    NONE,
                    NONE,
                )
                .await?
            else {
                return Ok(());
            };
            let snap = r.snapshot_name.clone().unwrap_or(snapshot_id);
            if r.images.is_empty() {
                ctx.say(format!("no image has been made from snapshot {snap}"));
            } else {
                ctx.say(format!("images made from snapshot {snap}:"));
                ctx.say(table(IMAGE_HEADERS, image_rows(&r.images)));
            }
        }
        ImagesCmd::Relationships { snapshot_ids } => {
            let body = GetBatchSnapshotImageRelationshipsRequest { snapshot_ids };
            let Some(r): Option<BatchSnapshotImageRelationshipResponse> = ctx
                .send(Op::GetSnapshotImagesBatch, &[], NONE, Some(&body))
                .await?
            else {
                return Ok(());
            };
            let rows = r.relationships.iter().map(|rel| {
                vec![
                    rel.snapshot_id.clone(),
                    opt(&rel.snapshot_name),
                    if rel.images.is_empty() {
                        "-".into()
                    } else {
                        rel.images
                            .iter()
                            .map(|i| format!("{} ({})", i.name, i.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                ]
            });
            ctx.say(table(&["SNAPSHOT ID", "SNAPSHOT", "IMAGES"], rows));
        }
    }
    Ok(())
}
