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

/// (name, size GB, status, start, end, minutes, rate per minute, cost) of one record.
pub type StorageRow = (String, u64, String, String, String, f64, f64, f64);

/// A page of volume or snapshot billing records and its summary, the same table for both.
pub struct StorageBilling<'a> {
    /// `SNAPSHOT` or `VOLUME`.
    pub kind: &'a str,
    pub rows: Vec<StorageRow>,
    pub currency: String,
    pub page: (u32, u32, u64),
    pub summary: &'a barrack_api::types::StorageBillingSummary,
}

pub fn storage_billing(b: StorageBilling<'_>) -> String {
    let rows = b
        .rows
        .into_iter()
        .map(|(name, size, status, start, end, minutes, rate, cost)| {
            vec![
                name,
                format!("{size} GB"),
                status,
                start,
                end,
                format!("{minutes}"),
                format!("{rate:.6}"),
                format!("{cost:.2}"),
            ]
        });
    let (page, pages, total) = b.page;
    let s = b.summary;
    format!(
        "{}\npage {page}/{pages} of {total} records · total {:.2} {} over {} minutes · {} GB billed · active {}",
        table(&[b.kind, "SIZE", "STATUS", "START", "END", "MINUTES", "PER MIN", "COST"], rows),
        s.total_cost,
        b.currency,
        s.total_minutes,
        s.total_size_gb,
        s.active_count
    )
}
