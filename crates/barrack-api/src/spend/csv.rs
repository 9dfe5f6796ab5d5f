//! Billing records as CSV (RFC 4180) with the documented field names as the header, for the
//! Billing page's export. The three record kinds share their trailing fields, written once.

use crate::types::*;

/// One CSV field: quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv_line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn ts_text(t: &Option<crate::decode::Timestamp>) -> String {
    t.as_ref().map(|t| t.0.to_rfc3339()).unwrap_or_default()
}

/// The fields every kind of billing record ends with, in the documented order.
const TAIL_FIELDS: [&str; 8] = [
    "tier",
    "start_time",
    "end_time",
    "total_duration_minutes",
    "per_minute_rate",
    "total_cost",
    "currency",
    "status",
];

/// The common fields of a record, as text (the three record types name them alike).
trait RecordTail {
    fn tail(&self) -> [String; 8];
}

macro_rules! record_tail {
    ($($t:ty),*) => {$(
        impl RecordTail for $t {
            fn tail(&self) -> [String; 8] {
                [
                    self.tier.as_ref().map(|t| t.as_str().to_owned()).unwrap_or_default(),
                    ts_text(&self.start_time),
                    ts_text(&self.end_time),
                    self.total_duration_minutes.to_string(),
                    self.per_minute_rate.to_string(),
                    self.total_cost.to_string(),
                    self.currency.as_str().to_owned(),
                    self.status.as_str().to_owned(),
                ]
            }
        }
    )*};
}
record_tail!(BillingRecord, VolumeBillingRecord, SnapshotBillingRecord);

/// A header of `head` then the common fields, and a line per record.
fn records_csv<R: RecordTail>(
    head: &[&str],
    records: &[R],
    row: impl Fn(&R) -> Vec<String>,
) -> String {
    let header: Vec<String> = head
        .iter()
        .chain(TAIL_FIELDS.iter())
        .map(|s| s.to_string())
        .collect();
    let mut out = csv_line(&header);
    for r in records {
        let mut line = row(r);
        line.extend(r.tail());
        out.push_str(&csv_line(&line));
    }
    out
}

/// Billing records as CSV with the documented field names as the header.
pub fn instance_records_csv(records: &[BillingRecord]) -> String {
    let head = [
        "billing_id",
        "instance_id",
        "vm_name",
        "gpu_type",
        "gpu_count",
    ];
    records_csv(&head, records, |r| {
        vec![
            r.billing_id.clone(),
            r.instance_id.clone(),
            r.vm_name.clone(),
            r.gpu_type.as_str().to_owned(),
            r.gpu_count.to_string(),
        ]
    })
}

pub fn volume_records_csv(records: &[VolumeBillingRecord]) -> String {
    let head = ["billing_id", "volume_id", "volume_name", "size_gb"];
    records_csv(&head, records, |r| {
        vec![
            r.billing_id.clone(),
            r.volume_id.clone(),
            r.volume_name.clone(),
            r.size_gb.to_string(),
        ]
    })
}

pub fn snapshot_records_csv(records: &[SnapshotBillingRecord]) -> String {
    let head = ["billing_id", "snapshot_id", "snapshot_name", "size_gb"];
    records_csv(&head, records, |r| {
        vec![
            r.billing_id.clone(),
            r.snapshot_id.clone(),
            r.snapshot_name.clone(),
            r.size_gb.to_string(),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting_and_keeps_every_record() {
        let r = BillingRecord {
            billing_id: "B1".into(),
            instance_id: "D1".into(),
            vm_name: "a, \"b\"".into(),
            total_cost: 9.96,
            ..Default::default()
        };
        let csv = instance_records_csv(&[r.clone(), r]);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("billing_id,instance_id,vm_name,"));
        assert!(
            lines[1].starts_with("B1,D1,\"a, \"\"b\"\"\","),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(",9.96,"));
    }
}
