//! One typed method per operation, generated from operations.rs (the one declaration of
//! every operation). Each builds its request with [`Client::request`] (validating the body
//! first) and sends it with [`Client::execute`]; path parameters, query and body have the
//! declared types, so a declaration naming a type that does not exist does not compile.

use crate::client::{Client, Nothing};
use crate::endpoints::Op;
use crate::error::Result;
use crate::types::*;

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
