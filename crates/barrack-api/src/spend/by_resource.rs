//! Accrued cost summed per resource, over all of its records: the "top spenders" list.

use super::accrual::{Accrual, CostKind};
use crate::costs;
use serde::{Deserialize, Serialize};

/// A resource's cost over all its records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ResourceCost {
    pub kind: CostKind,
    pub id: String,
    pub name: String,
    pub cost: f64,
}

/// The `n` resources that cost most, most first.
pub fn top_resources(all: &[Accrual], n: usize) -> Vec<ResourceCost> {
    let mut by: Vec<ResourceCost> = Vec::new();
    for a in all {
        match by
            .iter_mut()
            .find(|r| r.kind == a.kind && r.id == a.resource_id)
        {
            Some(r) => r.cost = costs::finite(r.cost + a.cost),
            None => by.push(ResourceCost {
                kind: a.kind,
                id: a.resource_id.clone(),
                name: a.resource_name.clone(),
                cost: a.cost,
            }),
        }
    }
    by.sort_by(|a, b| b.cost.total_cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    by.truncate(n);
    by
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::fixtures::acc;

    #[test]
    fn top_resources_sum_records_per_resource() {
        let all = [
            acc(CostKind::Instance, "a", "2026-11-27T08:00:00Z", 60, 1.0),
            acc(CostKind::Instance, "a", "2026-11-27T10:00:00Z", 60, 2.5),
            acc(CostKind::Volume, "v", "2026-11-27T08:00:00Z", 60, 3.0),
            acc(CostKind::Snapshot, "s", "2026-11-27T08:00:00Z", 60, 0.5),
        ];
        let top = top_resources(&all, 2);
        assert_eq!(top.len(), 2);
        assert_eq!((top[0].id.as_str(), top[0].cost), ("a", 3.5));
        assert_eq!(top[1].id, "v");
    }
}
