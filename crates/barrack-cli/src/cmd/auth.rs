//! `login`, `logout`, `whoami`: the profile's API key in the OS keyring.
//!
//! Where things are kept:
//! - The key: one OS keyring entry per profile, service `ai.barrack.desktop`
//!   ([`KEYRING_SERVICE`]), account = the profile name (`default` unless `--profile`,
//!   `BARRACK_PROFILE` or the profiles file says otherwise). On Linux that is a Secret
//!   Service item with the attributes `service=ai.barrack.desktop` and `username=<profile>`
//!   (`secret-tool lookup service ai.barrack.desktop username default` shows it). The desktop
//!   app reads the same entry.
//! - Everything else: `profiles.json` (see `barrack_credentials::profiles`) with the
//!   profile's base URL, auth scheme and `key_hint` ("…abcd", the last four characters),
//!   and the default profile. The desktop app reads and writes the same file, and both sign
//!   in through `barrack_credentials::sign_in`: a profile signed in from either works in the other.
//!
//! The key is read from a no-echo prompt on the terminal or, with `--api-key-stdin`, from
//! standard input — never from the command line, where other users' `ps` would see it. It
//! is checked with a real `get_balance` call before anything is stored, and it is never
//! printed, logged or written to a file: only its hint is.

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use barrack_api::ApiKey;
use barrack_credentials::sign_in::{SignIn, SignInError};
use barrack_credentials::{check_profile_name, OsKeyring, KEYRING_SERVICE};
use clap::Args;
use std::io::{IsTerminal, Read};

/// `--api-url` and `--auth-scheme` (global flags) given with `login` are saved in the
/// profile along with the key's hint.
#[derive(Args)]
pub struct LoginArgs {
    /// Read the key from standard input (e.g. `pass show barrack | barrack login --api-key-stdin`)
    /// instead of prompting for it on the terminal.
    #[arg(long)]
    pub api_key_stdin: bool,
}

const ENV_KEY: &str = "BARRACK_API_KEY";

/// Whether `BARRACK_API_KEY` is set, and so overrides the keyring (as in `Ctx::api_key`).
fn env_key_set() -> bool {
    std::env::var(ENV_KEY).is_ok_and(|k| !k.trim().is_empty())
}

fn read_key(a: &LoginArgs, profile: &str) -> CliResult<ApiKey> {
    let key = if a.api_key_stdin {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::Io(format!("cannot read the key from standard input: {e}")))?;
        // Only the first line: `echo key |` and a file with a trailing newline both work.
        ApiKey::new(text.lines().next().unwrap_or_default())
    } else if std::io::stdin().is_terminal() {
        let text = rpassword::prompt_password(format!(
            "API key for profile {profile} (input is hidden): "
        ))
        .map_err(|e| CliError::Io(format!("cannot read the key from the terminal: {e}")))?;
        ApiKey::new(text)
    } else {
        return Err(CliError::Usage(
            "no terminal to ask for the key on: pipe it in with --api-key-stdin \
             (the key is never taken as an argument)"
                .into(),
        ));
    };
    if key.is_empty() {
        return Err(CliError::Usage("the API key is empty".into()));
    }
    Ok(key)
}

pub async fn login(a: LoginArgs, ctx: &Ctx) -> CliResult {
    check_profile_name(&ctx.profile).map_err(CliError::Usage)?;
    if ctx.global.explain {
        return Err(CliError::Usage(
            "login sends the key to check it and stores it; --explain does not apply".into(),
        ));
    }
    ctx.require_base_url()?;
    let key = read_key(&a, &ctx.profile)?;

    // Checked with a real call before anything is stored: a wrong key ends here (exit 1,
    // Unauthorized) and leaves the keyring and the profiles file as they were. The address
    // and scheme saved are the ones used (flags, else the profile's, else the defaults).
    let client = ctx.client_with(Some(key.clone()))?;
    let req = SignIn {
        profile: ctx.profile.clone(),
        base_url: ctx.base_url.clone(),
        auth_scheme: ctx.auth.clone(),
        key: key.clone(),
    };
    let signed_in = barrack_credentials::sign_in::sign_in(&ctx.store, &OsKeyring, req, || async {
        client.get_balance().await
    })
    .await
    .map_err(|e| match e {
        SignInError::Check(mut e) => {
            e.message = format!("{} (the key was not stored)", e.message.trim_end());
            CliError::from(e)
        }
        SignInError::Invalid { message, .. } => CliError::Usage(message),
        SignInError::Keyring(k) => CliError::from(k),
        store @ SignInError::Store { .. } => CliError::Io(store.to_string()),
    })?;
    if let Some(told) = &signed_in.set_aside {
        eprintln!("warning: {}", told.message);
    }
    let balance = signed_in.checked;

    let account = balance.account_id.as_deref().unwrap_or("(no account id)");
    if ctx.json() {
        println!(
            "{}",
            serde_json::json!({
                "account_id": balance.account_id,
                "profile": ctx.profile,
                "api_url": ctx.base_url,
                "auth_scheme": ctx.auth.to_string(),
                "key_hint": key.hint(),
                "keyring": {"service": KEYRING_SERVICE, "account": ctx.profile},
            })
        );
    } else {
        println!(
            "Signed in as {account} (profile {}, key {})",
            ctx.profile,
            key.hint()
        );
    }
    if env_key_set() {
        eprintln!(
            "note: {ENV_KEY} is set in this shell and takes precedence over the stored key; \
             unset it to use profile {}",
            ctx.profile
        );
    }
    Ok(())
}

pub async fn logout(ctx: &Ctx) -> CliResult {
    let out = barrack_credentials::sign_in::sign_out(&ctx.store, &OsKeyring, &ctx.profile)
        .map_err(|e| match e {
            barrack_credentials::sign_in::SignOutError::Keyring(k) => CliError::from(k),
            barrack_credentials::sign_in::SignOutError::Store(s) => CliError::Io(s.0),
        })?;
    if let Some(told) = &out.set_aside {
        eprintln!("warning: {}", told.message);
    }
    let had = out.had_key;
    if had {
        ctx.say(format!(
            "Signed out: removed the key of profile {} from the OS keyring",
            ctx.profile
        ));
    } else {
        ctx.say(format!(
            "No key was stored for profile {}; nothing to remove",
            ctx.profile
        ));
    }
    if ctx.json() {
        println!(
            "{}",
            serde_json::json!({"profile": ctx.profile, "removed": had})
        );
    }
    if env_key_set() {
        eprintln!("note: {ENV_KEY} is still set in this shell and is used instead of a profile");
    }
    Ok(())
}

pub async fn whoami(ctx: &Ctx) -> CliResult {
    let from_env = env_key_set();
    let key = ctx.api_key()?;
    let hint = key.hint();
    let checked = ctx.client_with(Some(key))?.get_balance().await;
    if ctx.json() {
        let balance = checked?;
        println!(
            "{}",
            serde_json::json!({
                "profile": ctx.profile,
                "api_url": ctx.base_url,
                "auth_scheme": ctx.auth.to_string(),
                "key_source": if from_env { "env" } else { "keyring" },
                "key_hint": hint,
                "account_id": balance.account_id,
            })
        );
        return Ok(());
    }
    let source = if from_env {
        ENV_KEY.to_owned()
    } else {
        format!("OS keyring ({KEYRING_SERVICE} / {})", ctx.profile)
    };
    let mut rows = vec![
        ("profile", ctx.profile.clone()),
        ("api url", ctx.base_url.clone()),
        ("auth scheme", ctx.auth.to_string()),
        ("key", format!("{source}, ends in {hint}")),
    ];
    // What is known locally is shown even when the check fails.
    let result = match checked {
        Ok(b) => {
            rows.push((
                "account",
                b.account_id
                    .unwrap_or_else(|| "(the API gave no account id)".into()),
            ));
            Ok(())
        }
        Err(e) => {
            rows.push(("account", format!("not checked: {}", e.code)));
            Err(e.into())
        }
    };
    println!("{}", crate::output::fields(&rows));
    result
}
