//! Every command answers. Tauri runs an async command as a task and answers the webview's
//! promise when the task ends; a task that panics never ends normally, so without this the
//! promise would never settle and the page would wait forever. Each command's body runs
//! inside `guarded`, which turns a panic into `AppError { code: Internal }`.
//!
//! A test (below) reads every command named in command_list.rs and fails if one does not
//! start with `guarded(`: a new command cannot be added unguarded.

use crate::error::{AppError, AppErrorCode};
use futures::FutureExt;
use std::future::Future;
use std::panic::AssertUnwindSafe;

/// What the UI shows for a command that panicked. The panic itself goes to stderr through
/// the default panic hook; its text is not sent to the webview (it may quote server data).
pub const INTERNAL_MESSAGE: &str =
    "Something went wrong inside Barrack Desktop and this action did not finish. \
     Try again; if it keeps happening, restart the app.";

/// Runs a command's body; a panic inside it becomes an `Internal` error.
///
/// Unwind safety is asserted: the state a command touches is behind tokio locks (which do
/// not poison) or std mutexes whose poisoning is already mapped to errors where they are
/// locked, so a command that panicked leaves nothing half-visible that others trust.
pub async fn guarded<T, F>(body: F) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    // In the session's first seconds a read just answered (the poller's first round, the
    // window's first pages) serves the same read again: nothing fetched twice at start
    // (barrack-api share.rs; a write forgets every kept answer).
    let body = barrack_api::share::reusing_recent(body);
    match AssertUnwindSafe(body).catch_unwind().await {
        Ok(Err(e)) => {
            // By code only: the message may quote a server (shown to the user, not kept).
            log::info!("{} answered {:?}", command_name::<F>(), e.code);
            Err(e)
        }
        Ok(answer) => answer,
        Err(_) => {
            log::error!("{} panicked", command_name::<F>());
            Err(AppError::new(AppErrorCode::Internal, INTERNAL_MESSAGE))
        }
    }
}

/// The command a body belongs to, from its type's name (`…::commands::app::sign_in::{{closure}}`
/// gives `sign_in`), for the log.
fn command_name<F>() -> &'static str {
    let full = std::any::type_name::<F>();
    let path = full.split("::{{").next().unwrap_or(full);
    path.rsplit("::").next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_body_answers_internal_and_others_pass_through() {
        let ok: Result<u32, AppError> = guarded(async { Ok(7) }).await;
        assert_eq!(ok.unwrap(), 7);
        let err: Result<u32, AppError> =
            guarded(async { Err(AppError::new(AppErrorCode::NotFound, "gone")) }).await;
        assert_eq!(err.unwrap_err().code, AppErrorCode::NotFound);
        let panicked: Result<u32, AppError> = guarded(async {
            tokio::task::yield_now().await;
            let v: Vec<u32> = Vec::new();
            Ok(v[3])
        })
        .await;
        let e = panicked.unwrap_err();
        assert_eq!(e.code, AppErrorCode::Internal);
        assert_eq!(e.message, INTERNAL_MESSAGE);
    }

    #[test]
    fn the_log_names_the_command_a_body_belongs_to() {
        fn name_of<F>(_: &F) -> &'static str {
            command_name::<F>()
        }
        let body = async { 1 };
        assert_eq!(
            name_of(&body),
            "the_log_names_the_command_a_body_belongs_to"
        );
    }

    /// Where `pub async fn <name>` starts in `src` (the exact name, not a longer one).
    fn fn_start(src: &str, name: &str) -> Option<usize> {
        let head = format!("pub async fn {name}");
        src.match_indices(&head)
            .map(|(at, _)| at)
            .find(|at| matches!(src[at + head.len()..].chars().next(), Some('(' | '<')))
    }

    /// The body of the function that starts at `at`: the text after its opening `{`.
    fn body_at(src: &str, at: usize) -> &str {
        match src[at..].find('{') {
            Some(open) => &src[at + open + 1..],
            None => "",
        }
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }

    /// Every command the webview can call is an async fn whose body is one `guarded(..)`.
    #[test]
    fn every_command_is_guarded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri");
        let mut files = Vec::new();
        rust_files(&dir, &mut files);
        let mut unguarded = Vec::new();
        for command in crate::COMMANDS {
            // An API operation's command is written once, as the template in
            // commands/api.rs that every declaration in operations.rs expands.
            let is_operation = barrack_api::ENDPOINTS.iter().any(|e| e.name == *command);
            let name = if is_operation { "$name" } else { command };
            // The command itself: the function marked #[tauri::command] with that name.
            let found = files.iter().find_map(|(path, src)| {
                let at = fn_start(src, name)?;
                let attr = src[..at].rfind("#[tauri::command]")?;
                // The attribute belongs to this fn (no other fn in between).
                (!src[attr..at].contains("fn ")).then_some((path, src, at))
            });
            let Some((path, src, at)) = found else {
                unguarded.push(format!(
                    "{command}: no `pub async fn {name}` marked #[tauri::command] (commands are \
                     async and guarded)"
                ));
                continue;
            };
            let body = body_at(src, at).trim_start();
            if !(body.starts_with("guarded(") || body.starts_with("crate::guard::guarded(")) {
                unguarded.push(format!("{command} in {}", path.display()));
            }
        }
        assert!(
            unguarded.is_empty(),
            "commands whose body is not `guarded(async move {{ .. }}).await` (a panic in them \
             would leave the webview's promise pending forever): {unguarded:#?}"
        );
    }
}
