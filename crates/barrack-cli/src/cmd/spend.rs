//! spend: balance, burn rate, runway, cost today/week/month and what still bills — the same
//! figures as the desktop app's Billing page (barrack-api `spend::overview`).

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{fields, money, table};

pub async fn run(ctx: &Ctx) -> CliResult {
    if ctx.global.explain {
        return Err(CliError::Usage(
            "spend reads several lists (instances, volumes, snapshots, billing, pricing); \
             --explain shows one request: use it on those commands instead"
                .into(),
        ));
    }
    let c = ctx.client()?;
    let pricing = async { Ok(c.get_pricing(&Default::default()).await?.pricing_data) };
    let o = barrack_api::spend::overview(c, pricing).await?;
    if ctx.global.json {
        println!("{}", serde_json::to_string_pretty(&o).unwrap_or_default());
        return Ok(());
    }
    let cur = o.currency.as_str();
    let runway = match o.runway_hours {
        Some(h) => format!("{:.0} days {:.0} hours", (h / 24.0).floor(), h % 24.0),
        None => "nothing is billing".into(),
    };
    ctx.say(fields(&[
        ("Balance", money(o.balance, cur)),
        (
            "Burn rate",
            format!(
                "{}/h (instances {}, volumes {}, snapshots {})",
                money(o.burn.total, cur),
                money(o.burn.instances, cur),
                money(o.burn.volumes, cur),
                money(o.burn.snapshots, cur)
            ),
        ),
        ("Runway", runway),
        (
            &format!("Today (UTC{})", o.utc_offset),
            money(o.windows.today, cur),
        ),
        ("This week", money(o.windows.week, cur)),
        ("This month", money(o.windows.month, cur)),
        (
            "Hibernation saves",
            format!(
                "{}/day ({} hibernated VMs)",
                money(o.hibernation_savings_per_day, cur),
                o.hibernated_count
            ),
        ),
    ]));
    if !o.still_billing.is_empty() {
        ctx.say("\nStill billing while doing no work:");
        let rows = o.still_billing.iter().map(|s| {
            vec![
                format!("{:?}", s.kind).to_lowercase(),
                s.name.clone(),
                s.region.to_string(),
                s.status.clone(),
                format!("{}/day", money(s.per_day, cur)),
            ]
        });
        ctx.say(table(&["KIND", "NAME", "REGION", "STATUS", "COST"], rows));
    }
    Ok(())
}
