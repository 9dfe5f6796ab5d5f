//! Page walks trust no page count: against a loopback server that claims 2^64 pages (or
//! 4 billion), the walk stops at a short or empty page, and at 1,000 pages or 100,000
//! items at most.

mod support;

use barrack_api::paginate::{MAX_ITEMS, MAX_PAGES};
use barrack_api::{lists, ApiKey, Client};
use serde_json::json;
use std::time::{Duration, Instant};

/// A list_instances page: `n` VMs, and the claimed `total_pages` written verbatim.
fn page(n: usize, total_pages: &str) -> String {
    let vms: Vec<_> = (0..n).map(|i| json!({"id": format!("vm-{i}")})).collect();
    format!(
        r#"{{"success":true,"instances":{},"page":1,"limit":100,"total":18446744073709551615,"total_pages":{total_pages}}}"#,
        serde_json::to_string(&vms).unwrap()
    )
}

fn client(url: String) -> Client {
    Client::builder()
        .base_url(url)
        .api_key(ApiKey::new("sk-test-page-walks"))
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_claim_of_two_to_the_64_pages_stops_at_the_caps() {
    for claim in ["18446744073709551615", "4294967295", "1e308"] {
        let full = page(100, claim);
        let server = support::serve(move |_| (200, full.clone())).await;
        let started = Instant::now();
        let vms = lists::all_instances(&client(server.url()))
            .await
            .unwrap_or_else(|e| panic!("claim {claim}: {e}"));
        assert_eq!(vms.len(), MAX_ITEMS, "claim {claim}");
        assert!(
            server.count() <= MAX_PAGES as usize,
            "{} requests",
            server.count()
        );
        eprintln!(
            "claim {claim}: {} items in {} requests, {:?}",
            vms.len(),
            server.count(),
            started.elapsed()
        );
    }
}

#[tokio::test]
async fn a_short_or_empty_page_ends_the_walk() {
    let server = support::serve(|target| {
        let n: u32 = support::query_param(target, "page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let items = match n {
            1..=3 => 100,
            4 => 7,
            _ => 100,
        };
        (200, page(items, "18446744073709551615"))
    })
    .await;
    let vms = lists::all_instances(&client(server.url())).await.unwrap();
    assert_eq!(vms.len(), 307);
    // Page 4 is short; at most the pages already in flight beside it were asked too.
    assert!(server.count() <= 4 + 4, "{} requests", server.count());

    let empty = support::serve(|target| {
        let n: u32 = support::query_param(target, "page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        (200, page(if n <= 2 { 100 } else { 0 }, "4294967295"))
    })
    .await;
    let vms = lists::all_instances(&client(empty.url())).await.unwrap();
    assert_eq!(vms.len(), 200);
    assert!(empty.count() <= 3 + 4, "{} requests", empty.count());
}
