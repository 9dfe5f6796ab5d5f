//! Which redirects the client follows: only to the same origin (scheme, host, port) as
//! the request, a few at most. Any other target could receive the key — reqwest drops
//! `Authorization` across hosts, but not the `x-api-key` / `header:` schemes' header —
//! so it is refused, and the error says where the server pointed.

use url::Url;

/// Same-origin hops followed before giving up (a loop ends here).
pub const MAX_REDIRECTS: usize = 5;

/// Why a redirect was not followed; travels inside reqwest's error and is found again by
/// [`refusal_in`].
#[derive(Debug)]
pub struct RedirectRefused {
    pub to: String,
    pub reason: &'static str,
}

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "redirect to {} not followed: {}", self.to, self.reason)
    }
}

impl std::error::Error for RedirectRefused {}

/// Scheme, host and port (the scheme's default port when absent) are equal.
pub fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str().map(str::to_ascii_lowercase) == b.host_str().map(str::to_ascii_lowercase)
        && a.port_or_known_default() == b.port_or_known_default()
}

/// The target, without user info, query or fragment (a server may park anything there),
/// and cut short: fit for an error message.
pub fn shown(url: &Url) -> String {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.set_query(None);
    u.set_fragment(None);
    let text = u.to_string();
    if text.chars().count() > 120 {
        let cut: String = text.chars().take(119).collect();
        format!("{cut}…")
    } else {
        text
    }
}

pub fn policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let origin = attempt.previous().first().cloned();
        let to = attempt.url().clone();
        let refusal = match origin {
            Some(from) if !same_origin(&from, &to) => Some("another origin than the request's"),
            _ if attempt.previous().len() > MAX_REDIRECTS => Some("too many redirects"),
            _ => None,
        };
        match refusal {
            Some(reason) => attempt.error(RedirectRefused {
                to: shown(&to),
                reason,
            }),
            None => attempt.follow(),
        }
    })
}

/// The refusal inside a reqwest error's chain, if that is what stopped the request.
pub fn refusal_in<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a RedirectRefused> {
    let mut cur: Option<&'a (dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(r) = err.downcast_ref::<RedirectRefused>() {
            return Some(r);
        }
        cur = err.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn origin_is_scheme_host_and_port() {
        assert!(same_origin(
            &u("https://barrack.ai/api/a"),
            &u("https://BARRACK.ai:443/other")
        ));
        assert!(same_origin(
            &u("http://127.0.0.1:8080/a"),
            &u("http://127.0.0.1:8080/b/")
        ));
        assert!(!same_origin(
            &u("http://127.0.0.1:8080/a"),
            &u("http://127.0.0.1:8081/a")
        ));
        assert!(!same_origin(
            &u("https://barrack.ai/a"),
            &u("http://barrack.ai/a")
        ));
        assert!(!same_origin(
            &u("https://barrack.ai/a"),
            &u("https://evil.example/a")
        ));
        assert!(!same_origin(
            &u("https://barrack.ai/a"),
            &u("https://api.barrack.ai/a")
        ));
    }

    #[test]
    fn shown_targets_lose_secrets_and_length() {
        assert_eq!(
            shown(&u("https://user:pw@evil.example/x?key=1#f")),
            "https://evil.example/x"
        );
        let long = shown(&u(&format!("https://evil.example/{}", "a".repeat(500))));
        assert_eq!(long.chars().count(), 120);
        assert!(long.ends_with('…'));
    }
}
