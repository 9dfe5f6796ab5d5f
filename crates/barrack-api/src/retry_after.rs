//! `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP date. A server's number is
//! never trusted: 2^64 seconds, a date in year 9999 or garbage must not panic, overflow
//! or hang the caller — they become a wait too long to honour, said in words.

use chrono::{DateTime, NaiveDateTime, Utc};
use std::time::Duration;

/// What a `Retry-After` header asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetryAfter {
    /// Wait this long (a date in the past is a wait of zero).
    Wait(Duration),
    /// More seconds than a `u64` holds.
    Overflow,
    /// Neither delta-seconds nor an HTTP date; the text, cut short for messages.
    Unreadable(String),
}

impl RetryAfter {
    /// Parses the header's text against `now` (for the date form).
    pub fn parse(raw: &str, now: DateTime<Utc>) -> RetryAfter {
        let text = raw.trim();
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            return match text.parse::<u64>() {
                Ok(secs) => RetryAfter::Wait(Duration::from_secs(secs)),
                Err(_) => RetryAfter::Overflow,
            };
        }
        match parse_http_date(text) {
            Some(at) => {
                // A past date means "now"; the difference of two valid dates always fits.
                let secs = (at - now).num_seconds().max(0);
                RetryAfter::Wait(Duration::from_secs(secs.unsigned_abs()))
            }
            None => RetryAfter::Unreadable(text.chars().take(40).collect()),
        }
    }

    /// The wait, when it is one this client could honour at all.
    pub fn wait(&self) -> Option<Duration> {
        match self {
            RetryAfter::Wait(d) => Some(*d),
            _ => None,
        }
    }

    /// "Barrack asks to wait 5 minutes", for the error a too-long wait becomes.
    pub fn describe(&self) -> String {
        match self {
            RetryAfter::Wait(d) => format!("Barrack asks to wait {}", describe_wait(*d)),
            RetryAfter::Overflow => {
                "Barrack asks to wait longer than this app can count (more than 500 billion years)"
                    .to_owned()
            }
            RetryAfter::Unreadable(text) => {
                format!("Barrack asks to wait, but its Retry-After value {text:?} cannot be read")
            }
        }
    }
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), and the obsolete RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`) forms a
/// recipient must still accept.
pub fn parse_http_date(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc2822(text) {
        return Some(d.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(text, "%A, %d-%b-%y %H:%M:%S GMT")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%a %b %e %H:%M:%S %Y"))
        .ok()?;
    Some(naive.and_utc())
}

/// A wait in the largest unit that keeps it readable: "45 seconds", "5 minutes",
/// "3 hours", "12 days".
pub fn describe_wait(d: Duration) -> String {
    let secs = d.as_secs();
    let (n, unit) = match secs {
        0..=119 => (secs, "second"),
        120..=7_199 => (secs / 60, "minute"),
        7_200..=172_799 => (secs / 3_600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{plural}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-10-21T07:23:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn both_forms_and_the_hostile_ones() {
        let p = |s: &str| RetryAfter::parse(s, now());
        assert_eq!(p("7"), RetryAfter::Wait(Duration::from_secs(7)));
        assert_eq!(p(" 120 "), RetryAfter::Wait(Duration::from_secs(120)));
        assert_eq!(
            p("18446744073709551615"),
            RetryAfter::Wait(Duration::from_secs(u64::MAX))
        );
        assert_eq!(p("18446744073709551616"), RetryAfter::Overflow);
        assert_eq!(p(&"9".repeat(500)), RetryAfter::Overflow);
        assert_eq!(
            p("Wed, 21 Oct 2026 07:28:00 GMT"),
            RetryAfter::Wait(Duration::from_secs(300))
        );
        assert_eq!(
            p("Wednesday, 21-Oct-26 07:24:00 GMT"),
            RetryAfter::Wait(Duration::from_secs(60))
        );
        assert_eq!(
            p("Wed Oct 21 07:23:30 2026"),
            RetryAfter::Wait(Duration::from_secs(30))
        );
        // A date in the past: retry now.
        assert_eq!(
            p("Sun, 06 Nov 1994 08:49:37 GMT"),
            RetryAfter::Wait(Duration::ZERO)
        );
        for bad in [
            "",
            "-5",
            "1.5",
            "inf",
            "NaN",
            "soon",
            "1e308",
            "Wed, 99 Oct 2026 07:28:00 GMT",
        ] {
            assert!(matches!(p(bad), RetryAfter::Unreadable(_)), "{bad:?}");
        }
    }

    #[test]
    fn descriptions_name_the_wait() {
        let d = |s| RetryAfter::Wait(Duration::from_secs(s)).describe();
        assert_eq!(d(300), "Barrack asks to wait 5 minutes");
        assert_eq!(d(61), "Barrack asks to wait 61 seconds");
        assert_eq!(d(3 * 3600), "Barrack asks to wait 3 hours");
        assert_eq!(d(u64::MAX), "Barrack asks to wait 213503982334601 days");
        assert!(RetryAfter::Overflow.describe().contains("longer than"));
        assert!(RetryAfter::parse("soon", now())
            .describe()
            .contains("\"soon\""));
    }

    proptest! {
        #[test]
        fn never_panics(raw in ".{0,80}", secs in any::<u64>()) {
            let _ = RetryAfter::parse(&raw, now()).describe();
            let _ = RetryAfter::parse(&secs.to_string(), now()).describe();
            let _ = RetryAfter::parse(&format!("{secs}{secs}"), now()).describe();
        }
    }
}
