//! What a hostile or broken server cannot do to the client (issue 13): hang it with a
//! `Retry-After`, make it wait more than a minute per call, fill its memory, send the key
//! to another origin through a redirect, or put the key or a novel into an error message.
//! Real HTTP on 127.0.0.1: barrack-sim with its admin faults, and a hand-written server
//! for answers the emulator does not give.

mod support;

use barrack_api::{ApiError, ApiKey, AuthScheme, Client, ErrorCode, RetryPolicy};
use barrack_sim::{RunningSim, SimConfig};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

async fn sim() -> RunningSim {
    barrack_sim::start(SimConfig::default())
        .await
        .expect("the emulator starts")
}

/// The client as the app builds it: the default retry policy, time-outs short enough
/// that a hang shows as a failure.
fn client(sim: &RunningSim) -> Client {
    client_with(sim, AuthScheme::Bearer, RetryPolicy::default())
}

fn client_with(sim: &RunningSim, auth: AuthScheme, retry: RetryPolicy) -> Client {
    Client::builder()
        .base_url(sim.url())
        .api_key(ApiKey::new(sim.api_key.clone()))
        .auth_scheme(auth)
        .timeout(Duration::from_secs(10))
        .retry(retry)
        .build()
        .expect("client builds")
}

async fn fault(sim: &RunningSim, body: Value) {
    let resp = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .post(format!("{}faults", sim.admin_url()))
        .json(&body)
        .send()
        .await
        .expect("admin answers");
    assert!(
        resp.status().is_success(),
        "fault {body}: {}",
        resp.status()
    );
}

async fn requests(sim: &RunningSim) -> Value {
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .get(format!("{}requests", sim.admin_url()))
        .send()
        .await
        .expect("admin answers")
        .json()
        .await
        .expect("counts")
}

async fn count(sim: &RunningSim, op: &str) -> u64 {
    requests(sim).await[op].as_u64().unwrap_or(0)
}

#[track_caller]
fn assert_code(e: &ApiError, code: ErrorCode) {
    assert_eq!(e.code, code, "{e:?}");
}

/// `get_balance` fails; the error, checked to have `code`.
async fn balance_fails_with(sim: &RunningSim, code: ErrorCode) -> ApiError {
    let e = client(sim).get_balance().await.unwrap_err();
    assert_code(&e, code);
    e
}

/// `get_balance` under `retry` fails; the error and how long the call took.
async fn balance_fails_under(sim: &RunningSim, retry: RetryPolicy) -> (ApiError, Duration) {
    let started = Instant::now();
    let e = client_with(sim, AuthScheme::Bearer, retry)
        .get_balance()
        .await
        .unwrap_err();
    (e, started.elapsed())
}

#[track_caller]
fn assert_message_has(e: &ApiError, part: &str) {
    assert!(e.message.contains(part), "{}", e.message);
}

#[track_caller]
fn assert_message_starts(e: &ApiError, start: &str) {
    assert!(e.message.starts_with(start), "{}", e.message);
}

/// Nothing was waited for: well under any Retry-After the server asked for.
#[track_caller]
fn assert_answered_at_once(started: Instant) {
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

fn http_date_in(secs: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::seconds(secs))
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

// ---- Retry-After ----------------------------------------------------------------------

#[tokio::test]
async fn retry_after_of_two_to_the_64_seconds_fails_at_once_naming_the_wait() {
    let sim = sim().await;
    fault(&sim, json!({"op":"get_balance","kind":"status","status":429,"retry_after_raw":"18446744073709551615","times":1})).await;
    let started = Instant::now();
    let e = balance_fails_with(&sim, ErrorCode::RateLimited).await;
    assert_message_starts(&e, "Barrack asks to wait 213503982334601 days");
    assert_answered_at_once(started);
    assert_eq!(count(&sim, "get_balance").await, 1);
    // One more digit than a u64 holds: the same, never a panic.
    fault(
        &sim,
        json!({"kind":"status","status":429,"retry_after_raw":"184467440737095516150000"}),
    )
    .await;
    let e = balance_fails_with(&sim, ErrorCode::RateLimited).await;
    assert_message_has(&e, "longer than this app can count");
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let sim = sim().await;
    fault(&sim, json!({"op":"get_balance","kind":"status","status":429,"times":1,"retry_after_raw": http_date_in(3)})).await;
    let started = Instant::now();
    let balance = client(&sim)
        .get_balance()
        .await
        .expect("the retry succeeds");
    let elapsed = started.elapsed();
    assert!(balance.success);
    // The date has whole seconds: the wait is 2–3 s, not the backoff's fraction of one.
    assert!(
        elapsed >= Duration::from_millis(1500),
        "answered after {elapsed:?}"
    );
    assert!(
        elapsed < Duration::from_secs(6),
        "answered after {elapsed:?}"
    );
    assert_eq!(count(&sim, "get_balance").await, 2);
}

#[tokio::test]
async fn retry_after_as_a_far_http_date_or_garbage_fails_at_once() {
    let sim = sim().await;
    fault(&sim, json!({"op":"get_balance","kind":"status","status":429,"times":1,"retry_after_raw": http_date_in(330)})).await;
    let started = Instant::now();
    let e = balance_fails_with(&sim, ErrorCode::RateLimited).await;
    assert_message_starts(&e, "Barrack asks to wait 5 minutes");
    assert_message_has(&e, "Too many requests");
    fault(&sim, json!({"op":"get_balance","kind":"status","status":429,"times":1,"retry_after_raw":"soon-ish"})).await;
    let e = balance_fails_with(&sim, ErrorCode::RateLimited).await;
    assert_message_has(&e, "\"soon-ish\" cannot be read");
    assert_answered_at_once(started);
    assert_eq!(count(&sim, "get_balance").await, 2);
}

#[tokio::test]
async fn one_call_waits_at_most_its_total_budget() {
    let defaults = RetryPolicy::default();
    assert_eq!(defaults.max_retry_after, Duration::from_secs(60));
    assert_eq!(defaults.max_total_wait, Duration::from_secs(60));
    // The same rule at a scale a test can wait for: 1 s per wait, 1.5 s in all.
    let sim = sim().await;
    let retry = RetryPolicy {
        max_retries: 5,
        max_retry_after: Duration::from_secs(1),
        max_total_wait: Duration::from_millis(1500),
        ..RetryPolicy::default()
    };
    fault(
        &sim,
        json!({"op":"get_balance","kind":"status","status":429,"retry_after":1}),
    )
    .await;
    let (e, elapsed) = balance_fails_under(&sim, retry).await;
    assert_code(&e, ErrorCode::RateLimited);
    // Waited once (1 s); a second wait would have passed the 1.5 s budget.
    assert_eq!(count(&sim, "get_balance").await, 2);
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );
}

/// The budget counts the attempts too, not only the waits between them: a server that
/// answers every attempt slowly with a 503 cannot stretch one call to (retries + 1) ×
/// the time-out. Here: 1.2 s per answer, a 2 s budget, 5 retries with tiny backoffs —
/// counting only the waits, the call took 6 × 1.2 s = 7.2 s.
#[tokio::test]
async fn slow_failing_attempts_count_against_the_budget() {
    let sim = sim().await;
    let retry = RetryPolicy {
        max_retries: 5,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(10),
        max_total_wait: Duration::from_secs(2),
        ..RetryPolicy::default()
    };
    fault(&sim, json!({"op":"get_balance","kind":"latency","ms":1200})).await;
    fault(
        &sim,
        json!({"op":"get_balance","kind":"status","status":503}),
    )
    .await;
    let (e, elapsed) = balance_fails_under(&sim, retry).await;
    assert!(e.code.is_transient(), "{e:?}");
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
    // The first attempt and one retry cut short by what was left of the budget.
    assert!(count(&sim, "get_balance").await <= 2);
}

// ---- Bodies ---------------------------------------------------------------------------

#[tokio::test]
async fn a_40_mib_answer_is_refused_with_a_clear_error() {
    let sim = sim().await;
    for chunked in [false, true] {
        fault(&sim, json!({"op":"get_balance","kind":"big_body","bytes":41943040,"chunked":chunked,"times":1})).await;
        let started = Instant::now();
        let e = balance_fails_with(&sim, ErrorCode::Decode).await;
        assert_message_has(&e, "too large to read");
        assert_message_has(&e, "32 MiB");
        if !chunked {
            assert_message_has(&e, "40 MiB announced");
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
    // A big answer under the cap is still read.
    fault(
        &sim,
        json!({"op":"get_balance","kind":"big_body","bytes":8388608,"times":1}),
    )
    .await;
    client(&sim).get_balance().await.expect("8 MiB is read");
}

#[tokio::test]
async fn a_204_with_no_body_is_an_empty_success() {
    let sim = sim().await;
    fault(&sim, json!({"op":"get_balance","kind":"empty","times":1})).await;
    let balance = client(&sim).get_balance().await.expect("204 decodes as {}");
    assert!(balance.balances.is_empty());
    fault(
        &sim,
        json!({"op":"list_instances","kind":"empty","times":1}),
    )
    .await;
    let value = client(&sim)
        .execute_value(
            &client(&sim)
                .request(
                    barrack_api::Op::ListInstances,
                    &[],
                    None::<&barrack_api::Nothing>,
                    None::<&barrack_api::Nothing>,
                )
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(value, json!({}));
}

// ---- Redirects ------------------------------------------------------------------------

#[tokio::test]
async fn a_redirect_to_another_origin_is_not_followed_and_the_key_stays_home() {
    let home = sim().await;
    let elsewhere = sim().await;
    let target = format!("{}balance/", elsewhere.url());
    for auth in [
        AuthScheme::Bearer,
        "x-api-key".parse().unwrap(),
        "header:X-Barrack-Key".parse().unwrap(),
    ] {
        fault(
            &home,
            json!({"op":"get_balance","kind":"redirect","to":target,"times":1}),
        )
        .await;
        let e = client_with(&home, auth.clone(), RetryPolicy::default())
            .get_balance()
            .await
            .unwrap_err();
        assert_code(&e, ErrorCode::Network);
        assert!(e.message.contains(&target), "{auth}: {}", e.message);
        assert_message_has(&e, "not followed");
    }
    // The other origin never heard of us: no request at all, so no key.
    assert_eq!(requests(&elsewhere).await, json!({}));
    // A redirect within the same origin is still followed.
    fault(&home, json!({"op":"get_balance","kind":"redirect","to":format!("{}balance/", home.url()),"times":1})).await;
    client(&home)
        .get_balance()
        .await
        .expect("same-origin redirect followed");
    assert_eq!(count(&home, "get_balance").await, 5);
}

#[tokio::test]
async fn a_redirect_loop_on_the_same_origin_ends() {
    let sim = sim().await;
    fault(
        &sim,
        json!({"op":"get_balance","kind":"redirect","to":format!("{}balance/", sim.url())}),
    )
    .await;
    let e = balance_fails_with(&sim, ErrorCode::Network).await;
    assert_message_has(&e, "too many redirects");
}

// ---- Base URLs and server text ------------------------------------------------------

#[test]
fn plain_http_is_refused_except_to_loopback() {
    for url in [
        "http://192.168.1.10/api/",
        "http://barrack.ai/api/",
        "http://127.0.0.1.nip.io/api/",
        "http://[::ffff:10.0.0.1]/api/",
    ] {
        let e = Client::builder().base_url(url).build().unwrap_err();
        assert_code(&e, ErrorCode::Validation);
        assert_eq!(e.field.as_deref(), Some("base_url"), "{url}");
    }
    for url in [
        "http://127.0.0.1:9/api/",
        "http://127.8.9.10/api/",
        "http://[::1]:9/",
        "http://localhost/",
    ] {
        Client::builder()
            .base_url(url)
            .build()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
    }
}

#[tokio::test]
async fn server_text_is_cut_short_and_never_holds_the_key() {
    let key = "sk-live-trust-0123456789abcdef";
    let server = support::serve(move |_| {
        let body = json!({
            "success": false,
            "message": format!("The key {key} is not valid. {}", "Lorem ipsum. ".repeat(200)),
            "request_id": format!("req-{key}"),
            "field": "x".repeat(5000),
        });
        (400, body.to_string())
    })
    .await;
    let client = Client::builder()
        .base_url(server.url())
        .api_key(ApiKey::new(key))
        .build()
        .unwrap();
    let e = client.get_balance().await.unwrap_err();
    assert_code(&e, ErrorCode::Validation);
    assert!(
        e.message.chars().count() <= 300,
        "{} chars",
        e.message.chars().count()
    );
    assert!(e.message.ends_with('…'), "{}", e.message);
    assert_message_starts(&e, "The key <redacted> is not valid.");
    let all = format!("{e:?} {e}");
    assert!(!all.contains(key), "{all}");
    assert!(e.field.as_deref().unwrap().chars().count() <= 100);
    // The same for a 2xx that says `"success": false` and for an unreadable answer.
    let echo =
        support::serve(move |_| (200, format!("{{\"success\":false,\"message\":\"{key}\"}}")))
            .await;
    let c = Client::builder()
        .base_url(echo.url())
        .api_key(ApiKey::new(key))
        .build()
        .unwrap();
    assert!(!c.get_balance().await.unwrap_err().message.contains(key));
    let junk = support::serve(move |_| (200, format!("<html>{key}</html>"))).await;
    let c = Client::builder()
        .base_url(junk.url())
        .api_key(ApiKey::new(key))
        .build()
        .unwrap();
    let e = c.get_balance().await.unwrap_err();
    assert_code(&e, ErrorCode::Decode);
    assert!(!e.message.contains(key), "{}", e.message);
}

/// The key never reaches an error by a side door: not as the tail of a body snippet cut
/// before the key could be recognised (a prefix of it survived), and not inside a decoder's
/// message (serde quotes the offending string whole, uncut and unredacted).
#[tokio::test]
async fn no_part_of_the_key_survives_in_snippets_or_decoder_messages() {
    let key = "sk-live-side-door-0123456789abcdef";
    // Where the error keeps its snippet: 120 characters of an unreadable 2xx answer,
    // 200 of an error answer without a message. The key starts just before the cut.
    let unreadable = support::serve(move |_| (200, format!("{}{key}", "x".repeat(100)))).await;
    let no_message = support::serve(move |_| (500, format!("{}{key}", "y".repeat(180)))).await;
    let wrong_shape = support::serve(move |_| {
        let body = json!({"success": true, "balances": key, "currency": key});
        (200, body.to_string())
    })
    .await;
    for (what, server) in [
        ("unreadable", &unreadable),
        ("no message", &no_message),
        ("wrong shape", &wrong_shape),
    ] {
        let client = Client::builder()
            .base_url(server.url())
            .api_key(ApiKey::new(key))
            .retry(RetryPolicy {
                max_retries: 0,
                ..RetryPolicy::default()
            })
            .build()
            .unwrap();
        let e = client.get_balance().await.unwrap_err();
        let all = format!("{e:?} {e}");
        assert!(!all.contains(&key[..12]), "{what}: {all}");
        assert!(e.message.chars().count() <= 300, "{what}: {}", e.message);
    }
}

#[tokio::test]
async fn path_parameters_are_percent_encoded_as_one_segment() {
    let server = support::serve(|_| (404, "{}".into())).await;
    let client = Client::builder()
        .base_url(server.url())
        .api_key(ApiKey::new("sk-test-path-params"))
        .build()
        .unwrap();
    let _ = client.get_instance("vm one/../x?y").await;
    let heads = server.heads.lock().unwrap().clone();
    assert!(
        heads[0].starts_with("GET /api/instances/vm%20one%2F..%2Fx%3Fy/ "),
        "{}",
        heads[0]
    );
}

/// "." and ".." would survive encoding and resolve as dot segments (DELETE `volumes/../`
/// is DELETE of the base URL): refused before anything is sent.
#[tokio::test]
async fn dot_segments_as_path_parameters_are_refused_before_sending() {
    let server = support::serve(|_| (200, "{}".into())).await;
    let client = Client::builder()
        .base_url(server.url())
        .api_key(ApiKey::new("sk-test-dot-segments"))
        .build()
        .unwrap();
    for id in [".", ".."] {
        let e = client.delete_volume(id).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation, "{id}");
        assert_eq!(e.field.as_deref(), Some("volume_id"), "{id}");
        let e = client.start_instance(id).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation, "{id}");
    }
    // An id that merely contains dots is still sent, as one encoded segment.
    let _ = client.get_instance("v1..2").await;
    let heads = server.heads.lock().unwrap().clone();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(
        heads[0].starts_with("GET /api/instances/v1..2/ "),
        "{}",
        heads[0]
    );
}
