//! The admin controls the trust tests need: a raw `Retry-After`, a redirect, a huge body,
//! an empty answer, and revoking a key. Real HTTP on 127.0.0.1, no client smarts: the
//! requests go through a plain reqwest client that follows no redirect.

use barrack_sim::SimConfig;
use serde_json::{json, Value};

async fn sim() -> (barrack_sim::RunningSim, reqwest::Client) {
    let sim = barrack_sim::start(SimConfig::default())
        .await
        .expect("sim starts");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("http client");
    (sim, http)
}

async fn admin(
    sim: &barrack_sim::RunningSim,
    http: &reqwest::Client,
    path: &str,
    body: Value,
) -> (u16, Value) {
    let resp = http
        .post(format!("{}{path}", sim.admin_url()))
        .bearer_auth(&sim.api_key)
        .json(&body)
        .send()
        .await
        .expect("admin answers");
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn balance(
    sim: &barrack_sim::RunningSim,
    http: &reqwest::Client,
    key: &str,
) -> reqwest::Response {
    http.get(format!("{}balance/", sim.url()))
        .bearer_auth(key)
        .send()
        .await
        .expect("answers")
}

#[tokio::test]
async fn retry_after_raw_is_sent_verbatim() {
    let (sim, http) = sim().await;
    for raw in [
        "18446744073709551615",
        "Wed, 21 Oct 2026 07:28:00 GMT",
        "soon-ish",
    ] {
        let (s, _) = admin(
            &sim,
            &http,
            "faults",
            json!({"kind":"status","status":429,"retry_after_raw":raw,"times":1}),
        )
        .await;
        assert_eq!(s, 200);
        let resp = balance(&sim, &http, &sim.api_key).await;
        assert_eq!(resp.status().as_u16(), 429);
        assert_eq!(resp.headers()["retry-after"].to_str().unwrap(), raw);
    }
    // Used up: the next request is served.
    assert_eq!(
        balance(&sim, &http, &sim.api_key).await.status().as_u16(),
        200
    );
    // The numeric form still works.
    admin(
        &sim,
        &http,
        "faults",
        json!({"kind":"status","status":429,"retry_after":7,"times":1}),
    )
    .await;
    assert_eq!(
        balance(&sim, &http, &sim.api_key).await.headers()["retry-after"],
        "7"
    );
}

#[tokio::test]
async fn redirect_answers_307_with_the_location() {
    let (sim, http) = sim().await;
    let to = "http://127.0.0.1:9/elsewhere/api/";
    admin(
        &sim,
        &http,
        "faults",
        json!({"kind":"redirect","to":to,"op":"get_balance"}),
    )
    .await;
    let resp = balance(&sim, &http, &sim.api_key).await;
    assert_eq!(resp.status().as_u16(), 307);
    assert_eq!(resp.headers()["location"], to);
}

#[tokio::test]
async fn big_body_is_that_many_bytes_of_json() {
    let (sim, http) = sim().await;
    let bytes = 40u64 << 20;
    for chunked in [false, true] {
        admin(
            &sim,
            &http,
            "faults",
            json!({"kind":"big_body","bytes":bytes,"chunked":chunked,"times":1}),
        )
        .await;
        let resp = balance(&sim, &http, &sim.api_key).await;
        assert_eq!(resp.status().as_u16(), 200);
        assert_eq!(
            resp.content_length().is_some(),
            !chunked,
            "chunked={chunked}"
        );
        let body = resp.bytes().await.expect("whole body");
        assert_eq!(body.len() as u64, bytes);
        let v: Value = serde_json::from_slice(&body).expect("valid JSON");
        assert!(v["padding"].is_string());
    }
    let (s, v) = admin(
        &sim,
        &http,
        "faults",
        json!({"kind":"big_body","bytes":u64::MAX}),
    )
    .await;
    assert_eq!(s, 422, "{v}");
}

#[tokio::test]
async fn empty_answers_204_without_a_body() {
    let (sim, http) = sim().await;
    admin(&sim, &http, "faults", json!({"kind":"empty","times":1})).await;
    let resp = balance(&sim, &http, &sim.api_key).await;
    assert_eq!(resp.status().as_u16(), 204);
    assert!(resp.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn revoke_refuses_the_old_key_and_hands_out_a_new_one() {
    let (sim, http) = sim().await;
    assert_eq!(
        balance(&sim, &http, &sim.api_key).await.status().as_u16(),
        200
    );
    let (s, v) = admin(&sim, &http, "revoke", json!({})).await;
    assert_eq!(s, 200);
    let new_key = v["api_key"].as_str().expect("a new key").to_owned();
    assert_ne!(new_key, sim.api_key);
    assert_eq!(
        balance(&sim, &http, &sim.api_key).await.status().as_u16(),
        401
    );
    let resp = balance(&sim, &http, &new_key).await;
    assert_eq!(resp.status().as_u16(), 200);
    // Same account: revoking the new key (sent as Bearer) moves it again.
    let resp = http
        .post(format!("{}revoke", sim.admin_url()))
        .bearer_auth(&new_key)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let third = resp.json::<Value>().await.unwrap()["api_key"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(balance(&sim, &http, &new_key).await.status().as_u16(), 401);
    assert_eq!(balance(&sim, &http, &third).await.status().as_u16(), 200);
}

#[tokio::test]
async fn revoke_acts_on_the_key_sent_not_on_other_accounts() {
    let (sim, http) = sim().await;
    let (_, other) = admin(&sim, &http, "accounts", json!({})).await;
    let other = other["api_key"].as_str().unwrap().to_owned();
    let resp = http
        .post(format!("{}revoke", sim.admin_url()))
        .bearer_auth(&other)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(balance(&sim, &http, &other).await.status().as_u16(), 401);
    assert_eq!(
        balance(&sim, &http, &sim.api_key).await.status().as_u16(),
        200
    );
}
