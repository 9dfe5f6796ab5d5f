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
            docs: $group:literal, $title:literal;
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
                method: http_method!($method),
                path: $path,
                source: path_source!($source),
                method_documented: method_documented!($method_doc),
                request: type_name!($($body)?),
                query: type_name!($($query)?),
                response: stringify!($answer),
            },
        )*];

        $(const _: () = assert!(
            path_names_exactly($path, &[$($(stringify!($param)),+)?]),
            concat!("the path of ", stringify!($name), " names other parameters than its `params:` line"),
        );)*

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

macro_rules! type_name {
    () => {
        "-"
    };
    ($t:ty) => {
        stringify!($t)
    };
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
