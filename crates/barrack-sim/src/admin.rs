//! The admin endpoint under `/admin/`, for tests and demos: balance, profile, clock,
//! stock, seeding, faults, request counts, extra accounts, forced VM states, revoking a
//! key. It acts on
//! the account whose key the request carries, or the first account.

use crate::error::SimError;
use crate::faults::{Fault, FaultKind, MAX_BIG_BODY};
use crate::seed;
use crate::server::{api_key, json_response};
use crate::world::{stock_key, Account};
use crate::SimState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use barrack_api::types::*;
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

type St = State<Arc<SimState>>;

pub fn router() -> Router<Arc<SimState>> {
    Router::new()
        .route("/state", get(state))
        .route("/balance", post(balance))
        .route("/profile", post(profile))
        .route("/clock", get(clock_get).post(clock_set))
        .route("/stock", post(stock))
        .route("/seed", post(seed_account))
        .route(
            "/faults",
            get(faults_get).post(faults_add).delete(faults_clear),
        )
        .route("/requests", get(requests_get).delete(requests_clear))
        .route("/requests/log", get(request_log_get))
        .route("/accounts", post(accounts_new))
        .route("/revoke", post(revoke))
        .route("/instances/{id}/status", post(force_status))
}

fn ok(v: Value) -> Response {
    json_response(200, &v, None)
}

fn err(e: SimError) -> Response {
    json_response(e.status, &e.body("admin"), None)
}

/// Runs `f` on the chosen account after bringing it up to the clock.
fn with_account(
    st: &SimState,
    headers: &HeaderMap,
    f: impl FnOnce(&mut Account, &SimState, chrono::DateTime<chrono::Utc>) -> Result<Value, SimError>,
) -> Response {
    let mut world = st.world();
    let now = world.clock.now();
    let key = api_key(headers)
        .filter(|k| world.accounts.contains_key(k))
        .unwrap_or_else(|| world.default_key.clone());
    let Some(acct) = world.accounts.get_mut(&key) else {
        return err(SimError::unauthorized());
    };
    acct.tick(now, &st.catalog);
    let result = f(acct, st, now);
    drop(world);
    st.persist();
    match result {
        Ok(v) => ok(v),
        Err(e) => err(e),
    }
}

async fn state(State(st): St, headers: HeaderMap) -> Response {
    with_account(&st, &headers, |acct, _, now| {
        let mut v = serde_json::to_value(&*acct).map_err(|e| SimError::server(e.to_string()))?;
        v["now"] = json!(now);
        v["burn_per_minute"] = json!(acct.burn_per_minute());
        Ok(v)
    })
}

#[derive(Deserialize)]
struct BalanceBody {
    amount: f64,
    #[serde(default)]
    currency: Option<String>,
}

async fn balance(State(st): St, headers: HeaderMap, Json(b): Json<BalanceBody>) -> Response {
    with_account(&st, &headers, |acct, _, _| {
        if let Some(c) = &b.currency {
            let c = CurrencyEnum::parse(c);
            if c.is_other() {
                return Err(SimError::validation("currency", "must be USD, EUR or INR"));
            }
            acct.currency = c;
        }
        seed::set_balance(acct, b.amount);
        Ok(json!({"currency": acct.currency, "balance": acct.balance()}))
    })
}

#[derive(Deserialize)]
struct ProfileBody {
    complete: bool,
}

async fn profile(State(st): St, headers: HeaderMap, Json(b): Json<ProfileBody>) -> Response {
    with_account(&st, &headers, |acct, _, _| {
        acct.profile_complete = b.complete;
        Ok(json!({"profile_complete": acct.profile_complete}))
    })
}

async fn clock_get(State(st): St) -> Response {
    let w = st.world();
    ok(json!({"now": w.clock.now(), "scale": w.clock.scale()}))
}

#[derive(Deserialize)]
struct ClockBody {
    #[serde(default)]
    advance_minutes: Option<f64>,
    #[serde(default)]
    scale: Option<f64>,
}

async fn clock_set(State(st): St, Json(b): Json<ClockBody>) -> Response {
    let mut w = st.world();
    if let Some(s) = b.scale {
        w.clock.set_scale(s);
    }
    if let Some(m) = b.advance_minutes {
        w.clock.advance(m);
    }
    let v = json!({"now": w.clock.now(), "scale": w.clock.scale()});
    drop(w);
    st.persist();
    ok(v)
}

#[derive(Deserialize)]
struct StockBody {
    region: String,
    gpu_model: String,
    available: u32,
}

async fn stock(State(st): St, headers: HeaderMap, Json(b): Json<StockBody>) -> Response {
    with_account(&st, &headers, |acct, _, _| {
        let key = stock_key(
            &RegionEnum::parse(&b.region),
            &GpuModelEnum::parse(&b.gpu_model),
        );
        acct.stock.insert(key.clone(), b.available);
        Ok(json!({"key": key, "available": b.available}))
    })
}

#[derive(Deserialize)]
struct SeedBody {
    #[serde(default)]
    seed: Option<String>,
    #[serde(default)]
    instances: Option<usize>,
    /// Closed instance billing records to add (the Billing page's long tables).
    #[serde(default)]
    billing_records: Option<usize>,
}

async fn seed_account(State(st): St, headers: HeaderMap, Json(b): Json<SeedBody>) -> Response {
    with_account(&st, &headers, |acct, st, now| {
        match b.seed.as_deref() {
            None | Some("empty") => {}
            Some("sandbox") => seed::sandbox(acct, now, &st.catalog),
            Some(other) => {
                return Err(SimError::validation(
                    "seed",
                    format!("{other:?} is not a seed (sandbox, empty)"),
                ))
            }
        }
        if let Some(n) = b.instances {
            if n > 100_000 {
                return Err(SimError::validation("instances", "at most 100000"));
            }
            seed::bulk_instances(acct, &st.catalog, n, now);
        }
        if let Some(n) = b.billing_records {
            if n > 100_000 {
                return Err(SimError::validation("billing_records", "at most 100000"));
            }
            seed::bulk_billing(acct, &st.catalog, n, now);
        }
        Ok(json!({
            "instances": acct.instances.len(),
            "billing_records": acct.instance_bills.len(),
        }))
    })
}

async fn faults_get(State(st): St) -> Response {
    ok(json!({"faults": st.faults().active()}))
}

async fn faults_add(State(st): St, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<Fault>(&body) {
        Ok(Fault {
            kind: FaultKind::BigBody { bytes, .. },
            ..
        }) if bytes > MAX_BIG_BODY => err(SimError::validation(
            "bytes",
            format!("at most {MAX_BIG_BODY}"),
        )),
        Ok(f) => {
            st.faults().add(f);
            ok(json!({"faults": st.faults().active()}))
        }
        Err(e) => err(SimError::bad_request(format!("not a fault: {e}"))),
    }
}

async fn faults_clear(State(st): St) -> Response {
    st.faults().clear();
    ok(json!({"faults": []}))
}

async fn requests_get(State(st): St) -> Response {
    ok(json!(st.request_counts()))
}

async fn request_log_get(State(st): St) -> Response {
    ok(json!(st.request_log.entries()))
}

async fn requests_clear(State(st): St) -> Response {
    st.clear_request_counts();
    ok(json!({}))
}

#[derive(Deserialize)]
struct AccountBody {
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    seed: Option<String>,
    #[serde(default)]
    balance: Option<f64>,
}

async fn accounts_new(State(st): St, Json(b): Json<AccountBody>) -> Response {
    let currency = CurrencyEnum::parse(b.currency.as_deref().unwrap_or("USD"));
    if currency.is_other() {
        return err(SimError::validation("currency", "must be USD, EUR or INR"));
    }
    let key = crate::new_key();
    {
        let mut w = st.world();
        let now = w.clock.now();
        let mut acct = w.new_account(currency, &st.catalog, now);
        match b.seed.as_deref() {
            Some("sandbox") => seed::sandbox(&mut acct, now, &st.catalog),
            _ => seed::set_balance(&mut acct, 100.0),
        }
        if let Some(amount) = b.balance {
            seed::set_balance(&mut acct, amount);
        }
        w.accounts.insert(key.clone(), acct);
    }
    st.persist();
    ok(json!({"api_key": key}))
}

/// Revokes the key sent (or the first account's): the account moves to a new key, the
/// old one gets 401 from then on. Answers the new key, so a test can sign in again.
async fn revoke(State(st): St, headers: HeaderMap) -> Response {
    let new_key = crate::new_key();
    {
        let mut w = st.world();
        let old_key = api_key(&headers)
            .filter(|k| w.accounts.contains_key(k))
            .unwrap_or_else(|| w.default_key.clone());
        let Some(acct) = w.accounts.remove(&old_key) else {
            return err(SimError::unauthorized());
        };
        w.accounts.insert(new_key.clone(), acct);
        if w.default_key == old_key {
            w.default_key = new_key.clone();
        }
    }
    st.persist();
    ok(json!({"api_key": new_key}))
}

#[derive(Deserialize)]
struct StatusBody {
    status: String,
}

async fn force_status(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(b): Json<StatusBody>,
) -> Response {
    with_account(&st, &headers, |acct, st, now| {
        if !acct.instances.contains_key(&id) {
            return Err(SimError::not_found("Instance", &id));
        }
        let status = VMStatus::parse(&b.status);
        acct.events.retain(
            |e| !matches!(&e.kind, crate::world::EventKind::VmSettle { id: vm, .. } if *vm == id),
        );
        acct.set_vm_status(&id, status.clone(), now, &st.catalog);
        Ok(json!({"id": id, "status": status}))
    })
}
