//! One Tauri command per API operation, generated from crates/barrack-api/src/operations.rs
//! (the one declaration of every operation): take the arguments, call the session's
//! client, map the error — inside `guarded`, so a panic or a refused key is handled as for
//! every command. `command: wakes_poller` operations start a transition the poller
//! watches; `answer through f` passes the answer through [`answers`] first.

use crate::commands::answers;
use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_api::types::*;
use tauri::State;

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
        $(api_command! {
            $command $name [$title]
            ($($($param),+)?)
            ($(query: $query)?)
            ($(body: $body)?)
            -> $answer $(, $through)?
        })*
    };
}

macro_rules! api_command {
    (none $($declaration:tt)*) => {};
    (
        $command:ident $name:ident [$title:literal]
        ($($param:ident),*)
        ($($query:ident: $query_type:ty)?)
        ($($body:ident: $body_type:ty)?)
        -> $answer:ty $(, $through:ident)?
    ) => {
        #[doc = $title]
        #[tauri::command]
        #[specta::specta]
        pub async fn $name(
            state: State<'_, AppState>,
            $($param: String,)*
            $($query: $query_type,)?
            $($body: $body_type,)?
        ) -> Result<$answer, AppError> {
            guarded(async move {
                let answer = state
                    .client()
                    .await?
                    .$name($(&$param,)* $(&$query,)? $(&$body,)?)
                    .await?;
                after_answer!($command, state);
                Ok(answer_through!($($through)? answer))
            })
            .await
        }
    };
}

/// What a command does once the server has answered, by its declared kind.
macro_rules! after_answer {
    (plain, $state:ident) => {};
    (wakes_poller, $state:ident) => {
        $state.poke_poller()
    };
}

macro_rules! answer_through {
    ($answer:ident) => {
        $answer
    };
    ($through:ident $answer:ident) => {
        answers::$through($answer)
    };
}

include!("../../crates/barrack-api/src/operations.rs");
