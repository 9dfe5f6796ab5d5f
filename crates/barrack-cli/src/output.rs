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
