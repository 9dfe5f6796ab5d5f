//! Fetching every page of a list: the first page tells how many there are, the rest are
//! fetched concurrently (bounded), and items come back in page order.
//!
//! The server's `total_pages` is a claim, not an order: the walk stops at the first short
//! or empty page, after [`MAX_PAGES`] pages, and at [`MAX_ITEMS`] items, whatever it says
//! (well above the 5,000 records and 2,000 VMs of the benchmarks).

use crate::error::Result;
use crate::types::{PageQuery, Paginated};
use futures::stream::{self, StreamExt};
use std::future::Future;

/// The most pages one walk requests.
pub const MAX_PAGES: u32 = 1_000;
/// The most items one walk returns.
pub const MAX_ITEMS: usize = 100_000;

pub async fn all_pages<T, F, Fut>(limit: u32, concurrency: usize, fetch: F) -> Result<Vec<T::Item>>
where
    T: Paginated,
    F: Fn(PageQuery) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let limit = limit.max(1);
    let first = fetch(PageQuery::new(1, limit)).await?;
    let info = first.page_info();
    // A server may serve fewer per page than asked (its own maximum) and say so in
    // `limit`; a page is short against that size.
    let page_size = match info.limit {
        0 => limit,
        served => served.min(limit),
    } as usize;
    let pages = info.total_pages.clamp(1, MAX_PAGES);
    let mut items = first.into_items();
    if items.len() >= page_size && pages > 1 && items.len() < MAX_ITEMS {
        let mut rest = stream::iter(2..=pages)
            .map(|page| {
                let fut = fetch(PageQuery::new(page, limit));
                async move { fut.await.map(Paginated::into_items) }
            })
            .buffered(concurrency.max(1));
        // Dropping `rest` at a stop cancels the pages still in flight.
        while let Some(page) = rest.next().await {
            let page = page?;
            let short = page.len() < page_size;
            items.extend(page);
            if short || items.len() >= MAX_ITEMS {
                break;
            }
        }
    }
    items.truncate(MAX_ITEMS);
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{ListVMsResponse, VMInstance};
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A server that says `total_pages` and serves `per_page(page)` items on each page.
    async fn walk(total_pages: u32, per_page: impl Fn(u32) -> usize, limit: u32) -> (usize, u32) {
        let calls = AtomicU32::new(0);
        let items = all_pages(limit, 4, |q| {
            calls.fetch_add(1, Ordering::SeqCst);
            let n = per_page(q.page.unwrap_or(1));
            async move {
                Ok(ListVMsResponse {
                    instances: vec![VMInstance::default(); n],
                    total_pages,
                    limit,
                    ..Default::default()
                })
            }
        })
        .await
        .unwrap();
        (items.len(), calls.load(Ordering::SeqCst))
    }

    #[tokio::test]
    async fn stops_at_a_short_or_empty_page() {
        assert_eq!(walk(10, |p| if p < 3 { 5 } else { 2 }, 5).await.0, 12);
        let (n, calls) = walk(u32::MAX, |p| if p < 4 { 5 } else { 0 }, 5).await;
        assert_eq!(n, 15);
        // The empty page 4, plus at most the pages already in flight beside it.
        assert!(calls <= 4 + 4, "{calls} requests");
        // A short first page: no second request, whatever total_pages says.
        assert_eq!(walk(u32::MAX, |_| 3, 5).await, (3, 1));
    }

    #[tokio::test]
    async fn bounded_whatever_the_server_claims() {
        let (n, calls) = walk(u32::MAX, |_| 1, 1).await;
        assert_eq!(n, MAX_PAGES as usize);
        assert_eq!(calls, MAX_PAGES);
        let (n, calls) = walk(u32::MAX, |_| 500, 500).await;
        assert_eq!(n, MAX_ITEMS);
        assert!(calls <= (MAX_ITEMS / 500) as u32 + 4, "{calls}");
        // A server that sends more than asked cannot pass the item cap either.
        let (n, _) = walk(2, |_| 150_000, 100).await;
        assert_eq!(n, MAX_ITEMS);
    }
}
