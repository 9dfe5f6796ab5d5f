//! The HTTP side: routes mounted from barrack-api's endpoint table under `/api/`, key
//! checking, fault injection, and answers that never crash whatever the client sends.

use crate::admin;
use crate::error::SimError;
use crate::faults::{poison_enums, BigBody, FaultKind};
use crate::handlers::{self, Ctx, Req};
use crate::SimState;
use axum::body::{Body, Bytes};
use axum::extract::{RawPathParams, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;
use barrack_api::{Method, Op, ENDPOINTS};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

pub fn op_name(op: Op) -> String {
    serde_json::to_value(op)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn filter(m: Method) -> MethodFilter {
    match m {
        Method::Get => MethodFilter::GET,
        Method::Post => MethodFilter::POST,
        Method::Put => MethodFilter::PUT,
        Method::Delete => MethodFilter::DELETE,
    }
}

/// Every endpoint of the table, at `/api/<path>` with and without the trailing slash.
pub fn router(state: Arc<SimState>) -> Router {
    let mut by_path: BTreeMap<String, MethodRouter<Arc<SimState>>> = BTreeMap::new();
    for ep in ENDPOINTS {
        let op = ep.op;
        let handler = move |State(st): State<Arc<SimState>>,
                            params: RawPathParams,
                            RawQuery(q): RawQuery,
                            uri: axum::http::Uri,
                            headers: HeaderMap,
                            body: Bytes| async move {
            let ticket = st
                .request_log
                .start(ep.method.as_str(), uri.path(), q.as_deref());
            let resp = handle(st.clone(), op, params, q, headers, body).await;
            st.request_log.finish(ticket);
            resp
        };
        for path in [
            format!("/api/{}", ep.path),
            format!("/api/{}", ep.path.trim_end_matches('/')),
        ] {
            let entry = by_path.remove(&path).unwrap_or_default();
            by_path.insert(path, entry.on(filter(ep.method), handler));
        }
    }
    let mut router = Router::new();
    for (path, mr) in by_path {
        router = router.route(&path, mr);
    }
    router
        .nest("/admin", admin::router())
        .fallback(|| async {
            json_response(
                404,
                &SimError::not_found("Route", "this path").body("none"),
                None,
            )
        })
        .with_state(state)
}

/// The key from `Authorization: Bearer <key>` or `X-API-Key: <key>` (both accepted until
/// the real header is known, as api/gaps.md advises).
pub fn api_key(headers: &HeaderMap) -> Option<String> {
    if let Some(v) = headers.get("authorization").and_then(|v| v.to_str().ok()) {
        let v = v.trim();
        if let Some(k) = v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
        {
            return Some(k.trim().to_owned());
        }
    }
    headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_owned())
}

pub fn json_response(status: u16, body: &Value, retry_after: Option<u64>) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec());
    let mut resp = Response::new(Body::from(bytes));
    *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    resp.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    if let Some(s) = retry_after {
        if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
            resp.headers_mut().insert("retry-after", v);
        }
    }
    resp
}

fn raw_response(status: u16, bytes: Vec<u8>) -> Response {
    let mut resp = Response::new(Body::from(bytes));
    *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    resp.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    resp
}

fn dropped_response() -> Response {
    let stream = futures::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::other(
            "connection dropped by fault injection",
        ))
    });
    let mut resp = Response::new(Body::from_stream(stream));
    resp.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    resp
}

fn redirect_response(to: &str) -> Response {
    let mut resp = Response::new(Body::empty());
    *resp.status_mut() = StatusCode::TEMPORARY_REDIRECT;
    if let Ok(v) = HeaderValue::from_str(to) {
        resp.headers_mut().insert("location", v);
    }
    resp
}

/// A 200 whose JSON body is streamed in 64 KiB chunks, so a 4 GiB answer costs the
/// emulator no memory. Without `chunked` it announces its size in `Content-Length`.
fn big_body_response(b: BigBody, chunked: bool) -> Response {
    const CHUNK: u64 = 64 * 1024;
    let filler = Bytes::from(vec![b.fill; CHUNK as usize]);
    let fill_chunks = (0..b.count.div_ceil(CHUNK)).map(move |i| {
        let n = (b.count - i * CHUNK).min(CHUNK) as usize;
        Ok::<Bytes, std::io::Error>(filler.slice(..n))
    });
    let parts = std::iter::once(Ok(Bytes::from_static(b.head)))
        .chain(fill_chunks)
        .chain(std::iter::once(Ok(Bytes::from_static(b.tail))));
    let mut resp = Response::new(Body::from_stream(futures::stream::iter(parts)));
    resp.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    if !chunked {
        resp.headers_mut()
            .insert("content-length", HeaderValue::from(b.size()));
    }
    resp
}

async fn handle(
    st: Arc<SimState>,
    op: Op,
    params: RawPathParams,
    query: Option<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let name = op_name(op);
    st.count(&name);
    let request_id = format!("{:08x}", fastrand::u32(..));
    let faults = st.faults().take_for(&name);
    for f in &faults {
        match f {
            FaultKind::Latency { ms } => {
                tokio::time::sleep(std::time::Duration::from_millis(*ms)).await
            }
            FaultKind::Status {
                status,
                retry_after,
                retry_after_raw,
            } => {
                let msg = match status {
                    429 => "Too many requests; slow down",
                    503 => "Service temporarily unavailable",
                    _ => "Injected server error",
                };
                let body =
                    serde_json::json!({"success": false, "message": msg, "request_id": request_id});
                let mut resp = json_response(*status, &body, *retry_after);
                if let Some(raw) = retry_after_raw {
                    // Sent verbatim; a value no header may carry is sent as bytes.
                    let v = HeaderValue::from_str(raw)
                        .or_else(|_| HeaderValue::from_bytes(raw.as_bytes()))
                        .unwrap_or_else(|_| HeaderValue::from_static("unreadable"));
                    resp.headers_mut().insert("retry-after", v);
                }
                return resp;
            }
            FaultKind::Drop => return dropped_response(),
            FaultKind::Redirect { to } => return redirect_response(to),
            FaultKind::BigBody { bytes, chunked } => {
                return big_body_response(BigBody::new(*bytes), *chunked)
            }
            FaultKind::Empty => {
                let mut resp = Response::new(Body::empty());
                *resp.status_mut() = StatusCode::NO_CONTENT;
                return resp;
            }
            _ => {}
        }
    }

    let req = Req {
        params: params
            .iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        query: query
            .as_deref()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect::<HashMap<_, _>>()
            })
            .unwrap_or_default(),
        body: None,
    };
    let (status, mut value) = match parse_body(&body) {
        Err(e) => (e.status, e.body(&request_id)),
        Ok(parsed) => {
            let req = Req {
                body: parsed,
                ..req
            };
            match run(&st, op, &headers, &req, &request_id) {
                Ok(v) => (200, v),
                Err(e) => (e.status, e.body(&request_id)),
            }
        }
    };
    for f in &faults {
        match f {
            FaultKind::UnknownEnum => poison_enums(&mut value),
            FaultKind::Truncate => {
                let bytes = serde_json::to_vec(&value).unwrap_or_default();
                return raw_response(status, bytes[..bytes.len() / 2].to_vec());
            }
            FaultKind::Malformed => {
                return raw_response(
                    status,
                    b"{\"success\": true, \"message\": <html>502 Bad Gateway</html>".to_vec(),
                );
            }
            _ => {}
        }
    }
    json_response(status, &value, None)
}

fn parse_body(body: &Bytes) -> Result<Option<Value>, SimError> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(None);
    }
    serde_json::from_slice::<Value>(body)
        .map(Some)
        .map_err(|e| SimError::bad_request(format!("The request body is not valid JSON: {e}")))
}

/// Runs one operation under the state lock. A panic in a handler becomes a 500, never a
/// dead emulator.
fn run(
    st: &SimState,
    op: Op,
    headers: &HeaderMap,
    req: &Req,
    request_id: &str,
) -> Result<Value, SimError> {
    let key = api_key(headers).ok_or_else(SimError::unauthorized)?;
    let mut world = st.world();
    let now = world.clock.now();
    if !world.accounts.contains_key(&key) {
        return Err(SimError::unauthorized());
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let acct = world.accounts.get_mut(&key).expect("checked above");
        acct.tick(now, &st.catalog);
        let ctx = Ctx {
            now,
            catalog: &st.catalog,
            request_id,
        };
        handlers::dispatch(acct, op, req, &ctx)
    }));
    let result = outcome.unwrap_or_else(|_| {
        Err(SimError::server(
            "The emulator failed on this request (a bug in barrack-sim)",
        ))
    });
    let changed = barrack_api::endpoint(op).method != Method::Get;
    drop(world);
    if changed {
        st.persist();
    }
    result
}
