//! Tolerant decoding helpers.
//!
//! The real API is mostly undocumented, so every response is decoded leniently:
//! `null` counts as absent (see [`strip_nulls`]), unknown fields are ignored (serde's
//! default), integers may arrive as floats or strings and the reverse, timestamps come with
//! or without a zone or as Unix seconds, and enum values are matched without regard to case
//! and kept as `Other(String)` when unknown (see [`open_enum!`]).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// Removes every `null` object member and array element, recursively, so that
/// `#[serde(default)]` applies to it like to a missing field (a `null` in a list of records
/// is dropped rather than failing the whole list).
pub fn strip_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            for v in map.values_mut() {
                strip_nulls(v);
            }
        }
        Value::Array(items) => {
            items.retain(|v| !v.is_null());
            items.iter_mut().for_each(strip_nulls);
        }
        _ => {}
    }
}

/// Decodes a response body leniently into `T`. Never panics.
pub fn from_slice<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    let mut value: Value = serde_json::from_slice(body)?;
    strip_nulls(&mut value);
    serde_json::from_value(value)
}

fn number_from_str<E: de::Error>(s: &str) -> Result<f64, E> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| E::custom(format!("expected a number, got {s:?}")))
}

struct F64Visitor;
impl Visitor<'_> for F64Visitor {
    type Value = f64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number (integer, float or numeric string)")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        number_from_str(v)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<f64, E> {
        Ok(if v { 1.0 } else { 0.0 })
    }
}

/// A float field that also takes integers and numeric strings.
pub fn f64<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    d.deserialize_any(F64Visitor)
}

/// A count: an integer, an integral float or a numeric string. With `saturate`, integral
/// values above `u64::MAX` stand for `u64::MAX` instead of failing.
struct U64Visitor {
    saturate: bool,
}
impl Visitor<'_> for U64Visitor {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a count (integer, integral float or numeric string)")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        u64::try_from(v).map_err(|_| E::custom(format!("expected a count, got {v}")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        if self.saturate && v.is_finite() && v > u64::MAX as f64 {
            return Ok(u64::MAX);
        }
        if !v.is_finite() || v < 0.0 || v > u64::MAX as f64 {
            return Err(E::custom(format!("expected a count, got {v}")));
        }
        Ok(v.round() as u64)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        match v.trim().parse::<u64>() {
            Ok(n) => Ok(n),
            Err(_) => self.visit_f64(number_from_str(v)?),
        }
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<u64, E> {
        Ok(u64::from(v))
    }
}

/// An integer field that also takes `4.0` and `"4"`; a fractional value is rounded.
/// Integers are read exactly (not through `f64`).
pub fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(U64Visitor { saturate: false })
}

pub fn u32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = u64(d)?;
    u32::try_from(v).map_err(|_| de::Error::custom(format!("{v} is out of range")))
}

/// A page number or page count: like [`u32`], but a value beyond `u32::MAX` (a server
/// claiming 2^64 pages) saturates instead of failing the whole list; the page walk's own
/// bounds then apply. Negative or non-numeric values still fail.
pub fn count_u32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = d.deserialize_any(U64Visitor { saturate: true })?;
    Ok(u32::try_from(v).unwrap_or(u32::MAX))
}

struct I64Visitor;
impl Visitor<'_> for I64Visitor {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an integer, a numeric string or a date-time")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom(format!("{v} is out of range")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        if !v.is_finite() || v.abs() > i64::MAX as f64 {
            return Err(E::custom(format!("expected an integer, got {v}")));
        }
        Ok(v.round() as i64)
    }
    /// A Unix time written as a date-time string becomes its seconds.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        if let Ok(n) = v.trim().parse::<i64>() {
            return Ok(n);
        }
        if let Ok(f) = number_from_str::<E>(v) {
            return self.visit_f64(f);
        }
        Timestamp::parse(v)
            .map(|t| t.0.timestamp())
            .ok_or_else(|| E::custom(format!("expected an integer, got {v:?}")))
    }
}

pub fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    d.deserialize_any(I64Visitor)
}

pub fn opt_u16<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    match present(d)? {
        None => Ok(None),
        Some(v) => {
            let n = u64(v).map_err(de::Error::custom)?;
            u16::try_from(n)
                .map(Some)
                .map_err(|_| de::Error::custom(format!("port {n} is out of range")))
        }
    }
}

pub fn opt_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    match present(d)? {
        None => Ok(None),
        Some(v) => u32(v).map(Some).map_err(de::Error::custom),
    }
}

pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match present(d)? {
        None => Ok(None),
        Some(v) => u64(v).map(Some).map_err(de::Error::custom),
    }
}

pub fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    match present(d)? {
        None => Ok(None),
        Some(v) => f64(v).map(Some).map_err(de::Error::custom),
    }
}

/// An optional field's value, `null` counting as absent (so these helpers also work when
/// the body was not passed through [`strip_nulls`], e.g. the emulator's state file).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    let v: Option<Value> = Option::deserialize(d)?;
    Ok(v.filter(|v| !v.is_null()))
}

struct StringVisitor;
impl Visitor<'_> for StringVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// An identifier or text that some servers send as a number (`42` → `"42"`).
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(StringVisitor)
}

pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match present(d)? {
        None => Ok(None),
        Some(v) => string(v).map(Some).map_err(de::Error::custom),
    }
}

/// A list of identifiers that may be strings or numbers.
pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let raw: Vec<Value> = Vec::deserialize(d)?;
    Ok(raw
        .into_iter()
        .filter(|v| !v.is_null())
        .map(|v| match v {
            Value::String(s) => s,
            other => other.to_string(),
        })
        .collect())
}

struct BoolVisitor;
impl Visitor<'_> for BoolVisitor {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a boolean (or 0/1, \"true\"/\"false\")")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        Ok(v != 0)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        Ok(v != 0)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        Ok(v != 0.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        match v.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "on" | "enabled" => Ok(true),
            "false" | "no" | "0" | "off" | "disabled" | "" => Ok(false),
            other => Err(E::custom(format!("expected a boolean, got {other:?}"))),
        }
    }
}

/// A flag that may arrive as `true`, `1` or `"true"`.
pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    d.deserialize_any(BoolVisitor)
}

/// A point in time, decoded from RFC 3339 (`…Z`, `…+01:00`), a zone-less ISO date-time
/// (taken as UTC — an inference: the documented examples mix both forms for the same
/// kind of field), a plain date, or Unix seconds (the pricing metadata's `timestamp`).
/// Always encoded as RFC 3339 in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    pub fn now() -> Self {
        Timestamp(Utc::now())
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Timestamp(t.with_timezone(&Utc)));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
        ] {
            if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
                return Some(Timestamp(Utc.from_utc_datetime(&t)));
            }
        }
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return d
                .and_hms_opt(0, 0, 0)
                .map(|t| Timestamp(Utc.from_utc_datetime(&t)));
        }
        if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f %z") {
            return Some(Timestamp(t.with_timezone(&Utc)));
        }
        s.parse::<f64>().ok().and_then(Self::from_unix)
    }

    /// Seconds (or milliseconds, when the value is that large) since 1970, within the
    /// years 0000–9999 that RFC 3339 can write.
    pub fn from_unix(secs: f64) -> Option<Self> {
        if !secs.is_finite() {
            return None;
        }
        let secs = if secs.abs() > 1e11 {
            secs / 1000.0
        } else {
            secs
        };
        let mut whole = secs.floor();
        let mut nanos = ((secs - whole) * 1e9).round();
        if nanos >= 1e9 {
            // Rounding reached the next second: carry, or chrono reads a leap second.
            whole += 1.0;
            nanos = 0.0;
        }
        let t = Utc.timestamp_opt(whole as i64, nanos as u32).single()?;
        (0..=9999)
            .contains(&chrono::Datelike::year(&t))
            .then_some(Timestamp(t))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            self.0.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        )
    }
}

/// An RFC 3339 string in TypeScript.
#[cfg(feature = "specta")]
impl specta::Type for Timestamp {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <String as specta::Type>::definition(types)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

struct TimestampVisitor;
impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date-time string or Unix seconds")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        Timestamp::parse(v).ok_or_else(|| E::custom(format!("not a date-time: {v:?}")))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
        Timestamp::from_unix(v as f64).ok_or_else(|| E::custom("time out of range"))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
        Timestamp::from_unix(v as f64).ok_or_else(|| E::custom("time out of range"))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
        Timestamp::from_unix(v).ok_or_else(|| E::custom("time out of range"))
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TimestampVisitor)
    }
}

/// An enum whose wire values are matched without regard to case (and with `-`/`_`
/// treated alike), that keeps any value it does not know as `Other(String)`.
///
/// ```ignore
/// open_enum! { Tier { Legacy => "legacy", Advanced => "advanced" } }
/// ```
/// Extra accepted spellings follow a `|`: `Active => "ACTIVE" | "RUNNING"`.
#[macro_export]
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this client does not know; kept verbatim and shown as-is.
            Other(String),
        }

        impl $name {
            /// Every known value, in documentation order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Other(s) => s.as_str(),
                }
            }

            pub fn is_other(&self) -> bool {
                matches!(self, $name::Other(_))
            }

            /// Parses leniently; never fails (unknown values become `Other`).
            pub fn parse(s: &str) -> Self {
                let norm = |x: &str| x.trim().to_ascii_lowercase().replace('_', "-");
                let wanted = norm(s);
                $(
                    if wanted == norm($wire) $(|| wanted == norm($alias))* {
                        return $name::$variant;
                    }
                )+
                $name::Other(s.to_owned())
            }
        }

        impl Default for $name {
            /// A missing value decodes as an empty `Other`, shown as unknown.
            fn default() -> Self {
                $name::Other(String::new())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name::parse(s))
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::parse(s)
            }
        }

        /// On the wire (and in TypeScript) a plain string: unknown values must pass.
        #[cfg(feature = "specta")]
        impl ::specta::Type for $name {
            fn definition(types: &mut ::specta::Types) -> ::specta::datatype::DataType {
                <String as ::specta::Type>::definition(types)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = $crate::decode::string(d)?;
                Ok($name::parse(&s))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_with_and_without_zone() {
        let a = Timestamp::parse("2025-01-15T10:30:00Z").unwrap();
        let b = Timestamp::parse("2025-01-15T10:30:00").unwrap();
        let c = Timestamp::parse("2025-01-15T11:30:00+01:00").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        let epoch = Timestamp::from_unix(1702234567.0).unwrap();
        assert_eq!(epoch.to_string(), "2023-12-10T18:56:07Z");
        assert!(Timestamp::parse("yesterday").is_none());
    }

    #[test]
    fn nulls_become_absent() {
        let mut v = serde_json::json!({"a": null, "b": {"c": null, "d": 1}, "e": [null, 1]});
        strip_nulls(&mut v);
        assert_eq!(v, serde_json::json!({"b": {"d": 1}, "e": [1]}));
    }
}
