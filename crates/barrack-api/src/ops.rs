//! The operations, generated from operations.rs (the one declaration of every operation):
//! the [`Op`] enum, the endpoint table [`ENDPOINTS`] (described in [`crate::endpoints`]) and
//! one typed [`Client`] method per operation. Each method builds its request with
//! [`Client::request`] (validating the body first) and sends it with [`Client::execute`];
//! path parameters, query and body have the declared types, so a declaration naming a type
//! that does not exist does not compile, and a path naming other parameters than its
//! `params:` line fails a compile-time assertion.

use crate::client::{Client, Nothing};
use crate::endpoints::{path_names_exactly, Endpoint, Method, Source};
use crate::error::Result;
use crate::types::*;
use serde::Serialize;

/// Reads operations.rs (the one declaration of every operation) into the `Op` enum, the
/// endpoint table and one typed `Client` method per operation.
macro_rules! operations {
    ($(
        $op:ident => $name:ident {
            docs: $group:literal, $title:literal $(, $absent:ident in the docs)?;
            http: $method:ident $path:literal $source:ident, method $method_doc:ident;
            $(params: $($param:ident),+;)?
            $(query: $query:ty;)?
            $(body: $body:ty;)?
            answer: $answer:ty;
            command: $command:ident $(, answer through $through:ident)?;
        }
    )*) => {
        /// Every operation, one variant each, in the table's order. Matching on this is
        /// exhaustive, so a new operation cannot be forgotten by the emulator.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Op {
            $($op,)*
        }

        /// Every operation, in the order of the documentation's table of contents.
        pub const ENDPOINTS: &[Endpoint] = &[$(
            Endpoint {
                op: Op::$op,
                name: stringify!($name),
                group: $group,
                title: $title,
                in_docs: in_docs!($($absent)?),
                method: http_method!($method),
                path: $path,
                source: path_source!($source),
                method_documented: method_documented!($method_doc),
                request: type_name!($($body)?),
                query: type_name!($($query)?),
                response: stringify!($answer),
                command: command_kind!($command),
            },
        )*];

        $(const _: () = assert!(
            path_names_exactly($path, &[$($(stringify!($param)),+)?]),
            concat!("the path of ", stringify!($name), " names other parameters than its `params:` line"),
        );)*

        /// Decodes an answer as the operation's declared answer type and writes it back as
        /// JSON: what the typed client keeps of it (the doctor compares it with the raw
        /// answer).
        pub fn typed_answer(op: Op, raw: &serde_json::Value) -> Result<serde_json::Value> {
            match op {
                $(Op::$op => {
                    let typed: $answer = crate::client::decode_value(raw.clone())?;
                    Ok(serde_json::to_value(&typed).unwrap_or_default())
                })*
            }
        }

        /// Every type an operation names (answers, queries and bodies), once each, in the
        /// table's order: for the tests that run every declared type through the lenient
        /// decoder, so a new operation's types are covered without another list.
        pub fn declared_types() -> Vec<DeclaredType> {
            let mut out: Vec<DeclaredType> = Vec::new();
            for t in [$(
                declared::<$answer>(stringify!($answer)),
                $(declared::<$query>(stringify!($query)),)?
                $(declared::<$body>(stringify!($body)),)?
            )*] {
                if !out.iter().any(|seen| seen.name == t.name) {
                    out.push(t);
                }
            }
            out
        }

        impl Client {
            $(
                #[doc = concat!($title, " (", stringify!($method), " `", $path, "`).")]
                pub async fn $name(
                    &self,
                    $($($param: &str,)+)?
                    $(query: &$query,)?
                    $(body: &$body,)?
                ) -> Result<$answer> {
                    let req = self.request(
                        Op::$op,
                        &[$($((stringify!($param), $param)),+)?],
                        some_or_nothing!($(query: $query)?),
                        some_or_nothing!($(body: $body)?),
                    )?;
                    self.execute(&req).await
                }
            )*
        }
    };
}

macro_rules! http_method {
    (GET) => {
        Method::Get
    };
    (POST) => {
        Method::Post
    };
    (PUT) => {
        Method::Put
    };
    (DELETE) => {
        Method::Delete
    };
}

macro_rules! path_source {
    (documented) => {
        Source::Documented
    };
    (inferred) => {
        Source::Inferred
    };
}

macro_rules! method_documented {
    (documented) => {
        true
    };
    (inferred) => {
        false
    };
}

macro_rules! command_kind {
    (plain) => {
        crate::endpoints::Command::Plain
    };
    (wakes_poller) => {
        crate::endpoints::Command::WakesPoller
    };
    (none) => {
        crate::endpoints::Command::None
    };
}

macro_rules! in_docs {
    () => {
        true
    };
    (not) => {
        false
    };
}

macro_rules! type_name {
    () => {
        "-"
    };
    ($t:ty) => {
        stringify!($t)
    };
}

/// A type an operation names, with what the decoding tests need of it.
#[derive(Clone, Copy)]
pub struct DeclaredType {
    /// As written in operations.rs (and in the endpoint table).
    pub name: &'static str,
    /// Decodes a body leniently and, when that works, encodes the value again; `false`
    /// when the body was refused. Neither may panic, whatever the body.
    pub decode_and_encode: fn(&[u8]) -> bool,
    /// The type's default value as JSON (a body to mutate).
    pub default_json: fn() -> serde_json::Value,
}

fn declared<T>(name: &'static str) -> DeclaredType
where
    T: serde::de::DeserializeOwned + Serialize + Default,
{
    DeclaredType {
        name,
        decode_and_encode: |body| match crate::decode::from_slice::<T>(body) {
            Ok(value) => serde_json::to_vec(&value).is_ok(),
            Err(_) => false,
        },
        default_json: || serde_json::to_value(T::default()).unwrap_or_default(),
    }
}

/// `Some(query)` when the declaration has a query (or body), else no value of any type.
macro_rules! some_or_nothing {
    () => {
        None::<&Nothing>
    };
    ($value:ident: $t:ty) => {
        Some($value)
    };
}

include!("operations.rs");
