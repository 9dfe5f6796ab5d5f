//! Human output: plain tables on stdout. (`--json` prints the API's JSON instead.)

use comfy_table::{presets, ContentArrangement, Table};

/// A table with a header row and no borders, as terminals like it.
pub fn table<S: AsRef<str>>(headers: &[&str], rows: impl IntoIterator<Item = Vec<S>>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.to_vec());
    for row in rows {
        t.add_row(
            row.iter()
                .map(|c| c.as_ref().to_owned())
                .collect::<Vec<_>>(),
        );
    }
    let text = t.to_string();
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `key: value` lines, aligned.
pub fn fields(rows: &[(&str, String)]) -> String {
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{k:width$}  {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn money(amount: f64, currency: &str) -> String {
    format!("{amount:.2} {currency}")
}

pub fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "-".to_owned())
}

pub fn time(t: &Option<barrack_api::decode::Timestamp>) -> String {
    t.map(|t| t.0.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| "-".to_owned())
}

/// A page of volume or snapshot billing records: the two answers carry the same fields, the
/// record's name under its own kind.
pub trait StorageBillingPage {
    /// (name, size, status, start, end, minutes, rate per minute, cost) of each record.
    fn rows(&self) -> Vec<Vec<String>>;
    fn currency(&self) -> String;
    /// (page, pages, records).
    fn page(&self) -> (u32, u32, u64);
    fn summary(&self) -> &barrack_api::types::StorageBillingSummary;
}

macro_rules! storage_billing_page {
    ($response:ty, $name:ident) => {
        impl StorageBillingPage for $response {
            fn rows(&self) -> Vec<Vec<String>> {
                self.records
                    .iter()
                    .map(|b| {
                        vec![
                            b.$name.clone(),
                            format!("{} GB", b.size_gb),
                            b.status.to_string(),
                            time(&b.start_time),
                            time(&b.end_time),
                            format!("{}", b.total_duration_minutes),
                            format!("{:.6}", b.per_minute_rate),
                            format!("{:.2}", b.total_cost),
                        ]
                    })
                    .collect()
            }
            fn currency(&self) -> String {
                self.currency
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            }
            fn page(&self) -> (u32, u32, u64) {
                (self.page, self.total_pages, self.total)
            }
            fn summary(&self) -> &barrack_api::types::StorageBillingSummary {
                &self.summary
            }
        }
    };
}
storage_billing_page!(barrack_api::types::VolumeHourlyBillingResponse, volume_name);
storage_billing_page!(barrack_api::types::SnapshotBillingResponse, snapshot_name);

/// The same table for volume and snapshot billing; `kind` (`SNAPSHOT` or `VOLUME`) heads the
/// name column.
pub fn storage_billing(kind: &str, b: &impl StorageBillingPage) -> String {
    let (page, pages, total) = b.page();
    let s = b.summary();
    format!(
        "{}\npage {page}/{pages} of {total} records · total {:.2} {} over {} minutes · {} GB billed · active {}",
        table(&[kind, "SIZE", "STATUS", "START", "END", "MINUTES", "PER MIN", "COST"], b.rows()),
        s.total_cost,
        b.currency(),
        s.total_minutes,
        s.total_size_gb,
        s.active_count
    )
}
