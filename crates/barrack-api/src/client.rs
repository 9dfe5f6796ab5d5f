//! The HTTP client: builds a request from the endpoint table, sends it, decodes leniently,
//! maps every failure to [`ApiError`], and retries idempotent reads.
//!
//! Nothing a server sends can hang or crash it: `Retry-After` waits are bounded (one wait
//! ≤ `max_retry_after`, one call's waits ≤ `max_total_wait`), answers are capped at
//! [`limits::MAX_BODY_BYTES`], redirects go to the same origin only, and server text is
//! cut short with the key redacted.

use crate::decode;
use crate::endpoints::{endpoint, Method, Op};
use crate::error::{ApiError, ErrorCode, Result};
use crate::limits::{self, ReadError};
use crate::redirect;
use crate::retry_after::RetryAfter;
use crate::secret::ApiKey;
use crate::validate::Validate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// Barrack's documented base URL (from the one visible curl sample).
pub const DEFAULT_BASE_URL: &str = "https://barrack.ai/api/";

/// How the API key is sent. The real header is not documented (api/gaps.md item 3), so it
/// is a setting. Default: `Authorization: Bearer <key>` (our choice; barrack-sim accepts
/// both forms).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AuthScheme {
    #[default]
    Bearer,
    /// The key as the whole value of the named header, e.g. `X-API-Key`.
    Header(String),
}

impl AuthScheme {
    pub fn header_name(&self) -> &str {
        match self {
            AuthScheme::Bearer => "Authorization",
            AuthScheme::Header(name) => name,
        }
    }

    fn header_value(&self, key: &ApiKey) -> String {
        match self {
            AuthScheme::Bearer => format!("Bearer {}", key.expose()),
            AuthScheme::Header(_) => key.expose().to_owned(),
        }
    }

    fn redacted_value(&self) -> &'static str {
        match self {
            AuthScheme::Bearer => "Bearer <redacted>",
            AuthScheme::Header(_) => "<redacted>",
        }
    }
}

/// Written as `bearer`, `x-api-key`, or `header:<Name>` in settings and flags.
impl FromStr for AuthScheme {
    type Err = ApiError;
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim();
        match t.to_ascii_lowercase().as_str() {
            "bearer" => Ok(AuthScheme::Bearer),
            "x-api-key" => Ok(AuthScheme::Header("X-API-Key".into())),
            _ => match t.split_once(':') {
                Some((kind, name))
                    if kind.eq_ignore_ascii_case("header") && valid_header_name(name) =>
                {
                    Ok(AuthScheme::Header(name.to_owned()))
                }
                _ => Err(ApiError::validation(
                    "auth_scheme",
                    "must be bearer, x-api-key or header:<Header-Name>",
                )),
            },
        }
    }
}

fn valid_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl fmt::Display for AuthScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthScheme::Bearer => f.write_str("bearer"),
            AuthScheme::Header(n) if n.eq_ignore_ascii_case("x-api-key") => {
                f.write_str("x-api-key")
            }
            AuthScheme::Header(n) => write!(f, "header:{n}"),
        }
    }
}

/// Retries of idempotent reads: jittered exponential backoff, honouring `Retry-After`.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Extra attempts after the first (0 disables retrying).
    pub max_retries: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// A longer `Retry-After` than this is not waited for: the call fails at once with
    /// `RateLimited` (or the status's code) naming the wait.
    pub max_retry_after: Duration,
    /// The most one call's retries take, all together: a retry starts only while the time
    /// the call has spent (attempts and waits alike) plus its wait is under this, and is
    /// given only the time left. A server that answers every attempt slowly with a 503
    /// cannot stretch a call to (retries + 1) × the time-out.
    pub max_total_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            max_total_wait: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// "Full jitter": a random delay up to the exponential bound.
    fn backoff(&self, attempt: u32) -> Duration {
        let bound = self
            .base_delay
            .saturating_mul(1u32 << attempt.min(16))
            .min(self.max_delay);
        let millis = bound.as_millis() as u64;
        Duration::from_millis(millis / 2 + fastrand::u64(0..=millis / 2))
    }
}

pub struct ClientBuilder {
    base_url: String,
    api_key: Option<ApiKey>,
    auth: AuthScheme,
    connect_timeout: Duration,
    timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    max_body_bytes: u64,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            api_key: None,
            auth: AuthScheme::default(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            user_agent: format!("barrack-desktop/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            max_body_bytes: limits::MAX_BODY_BYTES,
        }
    }
}

impl ClientBuilder {
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }
    pub fn api_key(mut self, key: ApiKey) -> Self {
        self.api_key = Some(key);
        self
    }
    pub fn auth_scheme(mut self, auth: AuthScheme) -> Self {
        self.auth = auth;
        self
    }
    pub fn connect_timeout(mut self, t: Duration) -> Self {
        self.connect_timeout = t;
        self
    }
    /// Time limit of one attempt, from sending to the last byte of the answer.
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = t;
        self
    }
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = ua.into();
        self
    }
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }
    /// The largest answer read (default [`limits::MAX_BODY_BYTES`]).
    pub fn max_body_bytes(mut self, bytes: u64) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    pub fn build(self) -> Result<Client> {
        let base = parse_base_url(&self.base_url)?;
        let mut http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .user_agent(self.user_agent)
            .redirect(redirect::policy());
        if is_loopback(&base) {
            // The emulator on this machine: a proxy from the environment would see the
            // key in clear text (plain http) and could not reach 127.0.0.1 anyway.
            http = http.no_proxy();
        }
        let http = http.build().map_err(|e| {
            ApiError::new(ErrorCode::Network, format!("could not set up HTTP: {e}"))
        })?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                key: self.api_key,
                auth: self.auth,
                retry: self.retry,
                timeout: self.timeout,
                max_body_bytes: self.max_body_bytes,
                share: Default::default(),
            }),
        })
    }
}

/// 127.0.0.0/8, ::1 or `localhost`.
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(a)) => IpAddr::V4(a).is_loopback(),
        Some(url::Host::Ipv6(a)) => IpAddr::V6(a).is_loopback(),
        None => false,
    }
}

/// The base URL must be https, except plain http to a loopback address (the emulator).
pub fn parse_base_url(raw: &str) -> Result<Url> {
    let mut text = raw.trim().to_owned();
    if !text.ends_with('/') {
        text.push('/');
    }
    let url = Url::parse(&text)
        .map_err(|e| ApiError::validation("base_url", format!("is not a valid URL: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" => {
            if !is_loopback(&url) {
                return Err(ApiError::validation(
                    "base_url",
                    "must use https:// (plain http:// is allowed only for 127.0.0.1, ::1 or localhost)",
                ));
            }
        }
        other => {
            return Err(ApiError::validation(
                "base_url",
                format!("must use https://, not {other}://"),
            ))
        }
    }
    if url.cannot_be_a_base() || url.query().is_some() || url.fragment().is_some() {
        return Err(ApiError::validation(
            "base_url",
            "must be a plain base such as https://barrack.ai/api/",
        ));
    }
    // The address is kept as typed (profiles.json) and written in the app's log and its
    // diagnostics: a user name or password in it would be a secret there (and reqwest would
    // send it as an Authorization header), and a line break — which `Url::parse` silently
    // drops — would start a forged log line.
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ApiError::validation(
            "base_url",
            "must not contain a user name or password (the key goes in the key field)",
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(ApiError::validation(
            "base_url",
            "must not contain line breaks or other control characters",
        ));
    }
    Ok(url)
}

struct Inner {
    http: reqwest::Client,
    base: Url,
    key: Option<ApiKey>,
    auth: AuthScheme,
    retry: RetryPolicy,
    /// One attempt's time limit (a retry may get less: see [`RetryPolicy::max_total_wait`]).
    timeout: Duration,
    max_body_bytes: u64,
    /// Identical reads share one request (see share.rs).
    share: crate::share::ReadShare,
}

/// Cheap to clone; clones share one connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base.as_str())
            .field("auth", &self.inner.auth)
            .field("key", &self.inner.key)
            .finish()
    }
}

/// A request as it will be sent: what `--explain` and the wizard's "equivalent command"
/// print. The key is not in it; only the header's name is.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltRequest {
    pub op: Op,
    pub method: Method,
    pub url: Url,
    pub body: Option<Value>,
    auth: AuthScheme,
}

impl BuiltRequest {
    /// Method, URL, headers (key redacted) and body, as text.
    pub fn explain(&self) -> String {
        let mut out = format!(
            "{} {}\n{}: {}\n",
            self.method.as_str(),
            self.url,
            self.auth.header_name(),
            self.auth.redacted_value()
        );
        if let Some(body) = &self.body {
            out.push_str("Content-Type: application/json\n\n");
            out.push_str(&serde_json::to_string_pretty(body).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// The same as a curl command line, with `$BARRACK_API_KEY` in place of the key.
    pub fn to_curl(&self) -> String {
        let auth = match &self.auth {
            AuthScheme::Bearer => "Authorization: Bearer $BARRACK_API_KEY".to_owned(),
            AuthScheme::Header(n) => format!("{n}: $BARRACK_API_KEY"),
        };
        let mut out = format!(
            "curl -X {} '{}' \\\n  -H \"{auth}\"",
            self.method.as_str(),
            self.url
        );
        if let Some(body) = &self.body {
            let json = serde_json::to_string(body)
                .unwrap_or_default()
                .replace('\'', "'\\''");
            out.push_str(&format!(
                " \\\n  -H 'Content-Type: application/json' \\\n  --data '{json}'"
            ));
        }
        out
    }
}

/// Stands in for "no query" or "no body" in the generic calls.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Nothing;

impl Validate for Nothing {
    fn validate(&self) -> crate::validate::Checked {
        Ok(())
    }
}

impl Client {
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    pub fn base_url(&self) -> &Url {
        &self.inner.base
    }

    pub fn auth_scheme(&self) -> &AuthScheme {
        &self.inner.auth
    }

    /// Builds the request for an operation without sending it. Path parameters are
    /// matched by name against the endpoint table; the body is validated first.
    pub fn request<Q: Serialize, B: Serialize + Validate>(
        &self,
        op: Op,
        path_params: &[(&str, &str)],
        query: Option<&Q>,
        body: Option<&B>,
    ) -> Result<BuiltRequest> {
        let ep = endpoint(op);
        let mut path = ep.path.to_owned();
        for name in ep.path_params() {
            let value = path_params
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| *v)
                .unwrap_or_default();
            if value.trim().is_empty() {
                return Err(ApiError::validation(name, "is required"));
            }
            // A lone "." or ".." stays itself when encoded and would then move the URL up
            // the path (`instances/../` is the base URL): no id is either.
            if value == "." || value == ".." {
                return Err(ApiError::validation(name, "is not an id"));
            }
            path = path.replace(&format!("{{{name}}}"), &encode_path_segment(value));
        }
        let mut url = self
            .inner
            .base
            .join(&path)
            .map_err(|e| ApiError::validation("path", format!("cannot build the URL: {e}")))?;
        if let Some(q) = query {
            append_query(&mut url, q)?;
        }
        let body = match body {
            Some(b) => {
                b.validate()?;
                Some(
                    serde_json::to_value(b)
                        .map_err(|e| ApiError::validation("body", e.to_string()))?,
                )
            }
            None => None,
        };
        Ok(BuiltRequest {
            op,
            method: ep.method,
            url,
            body,
            auth: self.inner.auth.clone(),
        })
    }

    /// Sends a built request and decodes the answer into `T`. Reads (GET) are retried on
    /// transient failures; anything else is sent exactly once.
    pub async fn execute<T: DeserializeOwned>(&self, req: &BuiltRequest) -> Result<T> {
        let value = self.execute_value(req).await?;
        // A decoder's message quotes the offending value whole: server text like any other.
        decode_value(value).map_err(|e| self.clean(e))
    }

    /// An error fit to show: server text cut short, the key (or its start) redacted.
    pub fn clean(&self, e: ApiError) -> ApiError {
        limits::clean_error(e, self.inner.key.as_ref().map(ApiKey::expose))
    }

    /// Server text fit to show (as [`Client::clean`] does for an error's message).
    pub fn clean_text(&self, text: &str) -> String {
        let key = self.inner.key.as_ref().map(ApiKey::expose);
        limits::clean_text(text, key, limits::MAX_MESSAGE_CHARS)
    }

    /// Like [`Client::execute`], but returns the answer's JSON as the server sent it (for
    /// `--json` output and the connection check); decode it later with [`decode_value`].
    pub async fn execute_value(&self, req: &BuiltRequest) -> Result<Value> {
        let key = self.inner.key.as_ref().map(ApiKey::expose);
        let started = std::time::Instant::now();
        let answer = if req.method.is_read() {
            let (client, owned) = (self.clone(), req.clone());
            let share_key = format!("{} {}", req.method.as_str(), req.url);
            self.inner
                .share
                .read(share_key, async move { client.attempts(&owned).await })
                .await
        } else {
            self.inner.share.forget();
            let answer = self.attempts(req).await;
            // Reads that were in flight during the write may hold the state before it.
            self.inner.share.forget();
            answer
        };
        answer
            .map_err(|e| limits::clean_error(e, key))
            .inspect(|_| {
                log::debug!(
                    "{:?} ({} {}) answered in {} ms",
                    req.op,
                    req.method.as_str(),
                    req.url.path(),
                    started.elapsed().as_millis()
                )
            })
            .inspect_err(|e| log_failure(req, e))
    }

    async fn attempts(&self, req: &BuiltRequest) -> Result<Value> {
        let retry = &self.inner.retry;
        let mut attempt = 0;
        let started = std::time::Instant::now();
        // The first attempt has the client's time-out; a retry only what the budget leaves.
        let mut attempt_timeout = None;
        loop {
            let outcome = match self.send_once(req, attempt_timeout).await {
                Ok(body) => parse_success(&body).map_err(Failure::from),
                Err(f) => Err(f),
            };
            let (e, final_) = match outcome {
                Ok(value) => return Ok(value),
                Err(f) => (f.error, f.final_),
            };
            let may_retry = !final_
                && req.method.is_read()
                && e.code.is_transient()
                && attempt < retry.max_retries;
            let wait = match e.retry_after {
                Some(d) if d > retry.max_retry_after => None,
                Some(d) => Some(d),
                None => Some(retry.backoff(attempt)),
            };
            // What the budget leaves for the wait and the next attempt together.
            let left = retry.max_total_wait.saturating_sub(started.elapsed());
            match (may_retry, wait) {
                (true, Some(d)) if d < left => {
                    tokio::time::sleep(d).await;
                    let for_attempt = left.saturating_sub(d).min(self.inner.timeout);
                    attempt_timeout = Some(for_attempt.max(Duration::from_millis(1)));
                    attempt += 1;
                }
                _ => return Err(e),
            }
        }
    }

    async fn send_once(
        &self,
        req: &BuiltRequest,
        timeout: Option<Duration>,
    ) -> std::result::Result<Vec<u8>, Failure> {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut rb = self
            .inner
            .http
            .request(method, req.url.clone())
            .header("Accept", "application/json");
        if let Some(t) = timeout {
            rb = rb.timeout(t);
        }
        if let Some(key) = &self.inner.key {
            rb = rb.header(
                self.inner.auth.header_name(),
                self.inner.auth.header_value(key),
            );
        }
        if let Some(body) = &req.body {
            rb = rb.json(body);
        }
        let resp = rb.send().await.map_err(|e| {
            // A refused redirect is the server's deliberate answer: asking again would
            // only be refused again.
            let final_ = redirect::refusal_in(&e).is_some();
            Failure {
                error: transport_error(e),
                final_,
            }
        })?;
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get("retry-after")
            .map(|v| RetryAfter::parse(&String::from_utf8_lossy(v.as_bytes()), chrono::Utc::now()));
        let bytes = match limits::read_capped(resp, self.inner.max_body_bytes).await {
            Ok(b) => b,
            Err(ReadError::TooLarge(e)) => return Err(e.into()),
            Err(ReadError::Transport(e)) => return Err(transport_error(e).into()),
        };
        if !(200..300).contains(&status) {
            let mut e = ApiError::from_response(status, &bytes, None);
            if let Some(ra) = retry_after {
                match ra.wait() {
                    Some(d) if d <= self.inner.retry.max_retry_after => e.retry_after = Some(d),
                    // Too long or unreadable: not waited for, and said so first.
                    _ => {
                        e.message = format!("{}. {}", ra.describe(), e.message);
                        e.retry_after = Some(ra.wait().unwrap_or(Duration::MAX));
                    }
                }
            }
            return Err(e.into());
        }
        Ok(bytes)
    }

    /// No answer received so far serves a later read (the window reloaded: what it shows
    /// next is read afresh, never served from the start-up reuse in share.rs).
    pub fn forget_received(&self) {
        self.inner.share.forget();
    }

    /// Resolves once a read has been asked through this client or a clone of it.
    pub async fn first_read(&self) {
        self.inner.share.first_read().await
    }

    /// Fetches every page of a list, `concurrency` pages at a time after the first.
    pub async fn all_pages<T, F, Fut>(
        &self,
        limit: u32,
        concurrency: usize,
        fetch: F,
    ) -> Result<Vec<T::Item>>
    where
        T: crate::types::Paginated,
        F: Fn(crate::types::PageQuery) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        crate::paginate::all_pages(limit, concurrency, fetch).await
    }
}

fn append_query<Q: Serialize>(url: &mut Url, q: &Q) -> Result<()> {
    let value =
        serde_json::to_value(q).map_err(|e| ApiError::validation("query", e.to_string()))?;
    let Value::Object(map) = value else {
        return Ok(());
    };
    if map.is_empty() {
        return Ok(());
    }
    let mut pairs = url.query_pairs_mut();
    for (k, v) in map {
        match v {
            Value::Null => {}
            Value::String(s) => {
                pairs.append_pair(&k, &s);
            }
            other => {
                pairs.append_pair(&k, &other.to_string());
            }
        }
    }
    drop(pairs);
    Ok(())
}

/// One attempt's failure, and whether it is final (not to be retried whatever its code).
struct Failure {
    error: ApiError,
    final_: bool,
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        Failure {
            error,
            final_: false,
        }
    }
}

/// A path parameter as one path segment: everything but RFC 3986's unreserved
/// characters percent-encoded (a space is `%20`, a slash `%2F`).
fn encode_path_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One line per failed call: the operation, the code, the HTTP status and the server's
/// request id. Not the URL's query, the headers (the key), the body or the server's text.
fn log_failure(req: &BuiltRequest, e: &ApiError) {
    let status = e
        .status
        .map_or("no answer".to_owned(), |s| format!("HTTP {s}"));
    let request = e
        .request_id
        .as_deref()
        .map_or(String::new(), |id| format!(", request {id}"));
    log::warn!(
        "{:?} ({} {}) failed: {:?}, {status}{request}",
        req.op,
        req.method.as_str(),
        req.url.path(),
        e.code
    );
}

fn transport_error(e: reqwest::Error) -> ApiError {
    if let Some(r) = redirect::refusal_in(&e) {
        return ApiError::new(
            ErrorCode::Network,
            format!(
                "The server redirected the request to {} ({}); it was not followed, so the key was not sent there.",
                r.to, r.reason
            ),
        );
    }
    let code = if e.is_timeout() {
        ErrorCode::Timeout
    } else {
        ErrorCode::Network
    };
    let what = if e.is_timeout() {
        "The request timed out"
    } else if e.is_connect() {
        "Could not connect to the server"
    } else {
        "The connection failed"
    };
    // reqwest's Display includes the URL but never headers, so the key cannot leak here.
    let mut source = String::new();
    let mut cur: Option<&dyn std::error::Error> = std::error::Error::source(&e);
    while let Some(s) = cur {
        source = s.to_string();
        cur = s.source();
    }
    let message = if source.is_empty() {
        format!("{what}.")
    } else {
        format!("{what}: {source}")
    };
    ApiError::new(code, message)
}

fn decode_error(e: &serde_json::Error, body: &[u8]) -> ApiError {
    let text = String::from_utf8_lossy(body);
    // An answer that may carry a private key (a generated SSH key's PEM or its
    // `private_key` field) is never quoted: the error reaches the webview and logs.
    let lower = text.to_ascii_lowercase();
    let may_hold_a_key = lower.contains("private key") || lower.contains("private_key");
    let message = if may_hold_a_key {
        format!("The server's answer could not be read ({e}); it is not shown because it may hold a private key.")
    } else {
        let snippet: String = text.chars().take(120).collect();
        format!(
            "The server's answer could not be read ({e}); it began: {}",
            snippet.trim()
        )
    };
    ApiError::new(ErrorCode::Decode, message)
}

/// A 2xx answer that says `"success": false` is an error all the same.
fn check_envelope(value: &Value) -> Result<()> {
    let failed = match value.get("success") {
        Some(Value::Bool(b)) => !b,
        Some(Value::Number(n)) => n.as_f64() == Some(0.0),
        Some(Value::String(s)) => {
            matches!(s.trim().to_ascii_lowercase().as_str(), "false" | "0" | "no")
        }
        _ => false,
    };
    if failed {
        let bytes = serde_json::to_vec(value).unwrap_or_default();
        let mut e = ApiError::from_response(400, &bytes, None);
        e.status = None;
        return Err(e);
    }
    Ok(())
}

fn parse_success(body: &[u8]) -> Result<Value> {
    if body.iter().all(u8::is_ascii_whitespace) {
        // A success with nothing to say (204 No Content, an empty 200).
        return Ok(Value::Object(Default::default()));
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| decode_error(&e, body))?;
    check_envelope(&value)?;
    Ok(value)
}

/// Decodes an answer's JSON leniently into `T` (see [`crate::decode`]).
pub fn decode_value<T: DeserializeOwned>(mut value: Value) -> Result<T> {
    decode::strip_nulls(&mut value);
    serde_json::from_value(value).map_err(|e| {
        ApiError::new(
            ErrorCode::Decode,
            format!("The server's answer does not have the expected shape: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    /// A malformed answer is quoted to help, unless it may hold a private key (a broken
    /// create-SSH-key reply), which never reaches the error.
    #[test]
    fn a_malformed_answer_is_quoted_unless_it_may_hold_a_private_key() {
        let parse = |body: &[u8]| parse_success(body).unwrap_err();
        let plain = parse(b"<html>Bad gateway</html>");
        assert_eq!(plain.code, ErrorCode::Decode);
        assert!(
            plain.message.contains("<html>Bad gateway"),
            "{}",
            plain.message
        );
        // A VM's private IP is no key: such an answer is still quoted.
        let vm = parse(b"{\"instances\": [{\"private_ip\": \"10.0.0.2\"");
        assert!(vm.message.contains("private_ip"), "{}", vm.message);

        for body in [
            &b"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n"[..],
            &b"{\"ssh_key\": {}, \"private_key\": \"MIIEowIBAAKCAQEA"[..],
            &b"{\"ssh_key\": {}, \"Private_Key\": \"MIIEowIBAAKCAQEA"[..],
        ] {
            let e = parse(body);
            assert_eq!(e.code, ErrorCode::Decode);
            assert!(!e.message.contains("MIIE"), "{}", e.message);
            assert!(
                e.message.contains("may hold a private key"),
                "{}",
                e.message
            );
        }
    }

    use super::*;

    #[test]
    fn base_url_rules() {
        assert!(parse_base_url("https://barrack.ai/api/").is_ok());
        assert_eq!(
            parse_base_url("https://barrack.ai/api").unwrap().as_str(),
            "https://barrack.ai/api/"
        );
        assert!(parse_base_url("http://127.0.0.1:8080/api/").is_ok());
        assert!(parse_base_url("http://[::1]:8080/api/").is_ok());
        assert!(parse_base_url("http://localhost/api/").is_ok());
        let e = parse_base_url("http://barrack.ai/api/").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("base_url"));
        assert!(parse_base_url("ftp://x/").is_err());
        // Nothing that would put a secret or a second line into the log and diagnostics,
        // which write the address as typed.
        for bad in [
            "https://user:pw@barrack.ai/api/",
            "https://sk-live-key@barrack.ai/api/",
            "https://:pw@barrack.ai/api/",
            "https://barrack.ai/api/\n2026-01-01 [INFO] forged line",
            "https://barrack.ai/a\tpi/",
        ] {
            let e = parse_base_url(bad).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("base_url"), "{bad:?}");
        }
    }

    #[test]
    fn auth_schemes_round_trip() {
        for s in ["bearer", "x-api-key", "header:X-Barrack-Key"] {
            assert_eq!(s.parse::<AuthScheme>().unwrap().to_string(), s);
        }
        assert!("header:".parse::<AuthScheme>().is_err());
        assert!("basic".parse::<AuthScheme>().is_err());
    }

    /// barrack-api's log lines, as the tests of this binary wrote them.
    struct Capture(std::sync::Mutex<Vec<String>>);
    impl log::Log for Capture {
        fn enabled(&self, _: &log::Metadata) -> bool {
            true
        }
        fn log(&self, r: &log::Record) {
            if r.target().starts_with("barrack_api") {
                self.0.lock().unwrap().push(r.args().to_string());
            }
        }
        fn flush(&self) {}
    }
    static CAPTURE: Capture = Capture(std::sync::Mutex::new(Vec::new()));

    /// The captured lines containing `marker` (tests run side by side: each its own), after
    /// installing the capture once for all the tests of this binary.
    fn logged(marker: &str) -> Vec<String> {
        static INSTALL: std::sync::Once = std::sync::Once::new();
        INSTALL.call_once(|| {
            log::set_logger(&CAPTURE).expect("the only logger of these tests");
            log::set_max_level(log::LevelFilter::Trace);
        });
        CAPTURE
            .0
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(marker))
            .cloned()
            .collect()
    }

    #[test]
    fn a_failed_call_is_logged_by_operation_and_code_without_key_or_server_text() {
        logged("");
        let client = Client::builder()
            .api_key(ApiKey::new("sk-secret-value-1234"))
            .build()
            .unwrap();
        let req = client
            .request(
                Op::StartInstance,
                &[("instance_id", "BRK-1")],
                None::<&Nothing>,
                None::<&Nothing>,
            )
            .unwrap();
        // A server that quotes what it was sent: its text is not logged at all.
        let mut e = ApiError::from_response(
            401,
            br#"{"detail": "bad header Bearer sk-secret-value-1234"}"#,
            None,
        );
        e.request_id = Some("req-9".into());
        log_failure(&req, &e);
        assert_eq!(
            logged("req-9"),
            [
                "StartInstance (POST /api/instances/BRK-1/start/) failed: Unauthorized, HTTP 401, \
              request req-9"
            ]
        );
    }

    /// The request id is the server's text too: on the real path (not `log_failure` alone)
    /// the line is written after the key is taken out of it.
    #[tokio::test]
    async fn a_server_that_echoes_the_key_as_its_request_id_does_not_put_it_in_the_log() {
        use std::io::{Read, Write};
        let key = "sk-echoed-in-request-id-5150";
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let body = format!(r#"{{"message": "no", "request_id": "rid-5150 {key}"}}"#);
        let server = std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut buf = [0u8; 4096];
            let _ = conn.read(&mut buf);
            let answer = format!(
                "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            conn.write_all(answer.as_bytes()).unwrap();
        });
        logged("");
        let client = Client::builder()
            .base_url(format!("http://127.0.0.1:{port}/api/"))
            .api_key(ApiKey::new(key))
            .retry(RetryPolicy {
                max_retries: 0,
                ..RetryPolicy::default()
            })
            .build()
            .unwrap();
        let req = client
            .request(
                Op::StartInstance,
                &[("instance_id", "BRK-5150")],
                None::<&Nothing>,
                None::<&Nothing>,
            )
            .unwrap();
        let e = client.execute_value(&req).await.unwrap_err();
        server.join().unwrap();
        assert_eq!(e.status, Some(401));
        let lines = logged("BRK-5150");
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].contains("request rid-5150 <redacted>"),
            "{lines:?}"
        );
        assert!(!lines[0].contains("sk-echoed"), "{lines:?}");
    }

    #[test]
    fn built_request_hides_the_key() {
        let client = Client::builder()
            .api_key(ApiKey::new("sk-secret-value-1234"))
            .build()
            .unwrap();
        let req = client
            .request(
                Op::StartInstance,
                &[("instance_id", "BRK-1 /x")],
                None::<&Nothing>,
                None::<&Nothing>,
            )
            .unwrap();
        assert_eq!(
            req.url.as_str(),
            "https://barrack.ai/api/instances/BRK-1%20%2Fx/start/"
        );
        let text = format!("{}{}{:?}{:?}", req.explain(), req.to_curl(), req, client);
        assert!(!text.contains("sk-secret"), "{text}");
        assert!(text.contains("Bearer <redacted>"));
    }

    #[test]
    fn backoff_is_bounded() {
        let p = RetryPolicy::default();
        for attempt in 0..40 {
            assert!(p.backoff(attempt) <= p.max_delay);
        }
    }
}
