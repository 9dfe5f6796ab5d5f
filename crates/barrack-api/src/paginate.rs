//! Fetching every page of a list: the first page tells how many there are, the rest are
//! fetched concurrently (bounded), and items come back in page order.

use crate::error::Result;
use crate::types::{PageQuery, Paginated};
use futures::stream::{self, StreamExt, TryStreamExt};
use std::future::Future;

pub async fn all_pages<T, F, Fut>(limit: u32, concurrency: usize, fetch: F) -> Result<Vec<T::Item>>
where
    T: Paginated,
    F: Fn(PageQuery) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let first = fetch(PageQuery::new(1, limit)).await?;
    let pages = first.page_info().total_pages.max(1);
    let mut items = first.into_items();
    if pages > 1 {
        let rest: Vec<Vec<T::Item>> = stream::iter(2..=pages)
            .map(|page| {
                let fut = fetch(PageQuery::new(page, limit));
                async move { fut.await.map(Paginated::into_items) }
            })
            .buffered(concurrency.max(1))
            .try_collect()
            .await?;
        items.extend(rest.into_iter().flatten());
    }
    Ok(items)
}
