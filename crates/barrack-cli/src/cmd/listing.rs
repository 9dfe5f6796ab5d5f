//! List commands: the whole list for the table, or — with `--explain` or `--json` — the one
//! request as the API takes it, printed as it is.

use crate::ctx::{Ctx, NONE};
use crate::error::CliResult;
use barrack_api::types::{InstanceListQuery, PageQuery, Paginated, RegionPageQuery};
use barrack_api::{Client, Op};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

/// A list's filter that can ask for one page of what it matches.
pub trait PagedQuery: Serialize + Clone {
    fn at(&self, page: PageQuery) -> Self;
}

impl PagedQuery for RegionPageQuery {
    fn at(&self, p: PageQuery) -> Self {
        RegionPageQuery {
            page: p.page,
            limit: p.limit,
            ..self.clone()
        }
    }
}

impl PagedQuery for InstanceListQuery {
    fn at(&self, p: PageQuery) -> Self {
        InstanceListQuery {
            page: p.page,
            limit: p.limit,
            ..self.clone()
        }
    }
}

/// Everything `query` matches, 100 a page and 4 pages at a time; `None` when `--explain` or
/// `--json` printed the request or the first answer instead.
pub async fn every_page<'c, Q, R, F, Fut>(
    ctx: &'c Ctx,
    op: Op,
    query: Q,
    list: F,
) -> CliResult<Option<Vec<R::Item>>>
where
    Q: PagedQuery,
    R: Paginated + DeserializeOwned,
    F: Fn(&'c Client, Q) -> Fut,
    Fut: Future<Output = barrack_api::Result<R>>,
{
    if ctx.global.explain || ctx.json() {
        let _: Option<R> = ctx.send(op, &[], Some(&query), NONE).await?;
        return Ok(None);
    }
    let client = ctx.client()?;
    Ok(Some(
        client
            .all_pages(100, 4, |p| list(client, query.at(p)))
            .await?,
    ))
}
