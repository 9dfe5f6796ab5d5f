//! Test data shared by the spend modules' tests: times, accruals, the documented pricing
//! answer and VMs.

use super::accrual::{Accrual, CostKind};
use crate::types::*;
use chrono::{DateTime, Duration, Utc};

pub(crate) fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub(crate) fn acc(kind: CostKind, id: &str, start: &str, minutes: i64, cost: f64) -> Accrual {
    Accrual {
        kind,
        resource_id: id.into(),
        resource_name: format!("name-{id}"),
        start: t(start),
        end: t(start) + Duration::minutes(minutes),
        cost,
    }
}

pub(crate) fn pricing() -> PricingData {
    let body = include_str!("../../tests/testdata/post-pricing-response-200.json");
    crate::decode::from_slice::<PricingResponse>(body.as_bytes())
        .unwrap()
        .pricing_data
}

pub(crate) fn vm(status: VMStatus, count: u32) -> VMInstance {
    VMInstance {
        id: format!("{status}"),
        name: format!("vm-{status}"),
        status,
        tier: Some(TierEnum::Advanced),
        flavor: VMFlavor {
            gpu_model: GpuModelEnum::H100Sxm5_80gb,
            gpu_count: count,
            ..Default::default()
        },
        ..Default::default()
    }
}
