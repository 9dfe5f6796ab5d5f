//! What every command gets: the global flags, the resolved profile, and one client.
//! `--explain` prints the built request instead of sending it; `--json` prints the API's
//! JSON unchanged instead of a table.

use crate::error::{CliError, CliResult};
use barrack_api::{
    decode_value, ApiKey, AuthScheme, BuiltRequest, Client, Op, RetryPolicy, DEFAULT_BASE_URL,
};
use barrack_credentials::profiles::ProfileStore;
use barrack_credentials::{OsKeyring, SecretStore};
use clap::Args;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::Duration;

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Account profile (its key is in the OS keyring under this name).
    #[arg(long, global = true, env = "BARRACK_PROFILE")]
    pub profile: Option<String>,
    /// API base URL (default: the profile's, else https://barrack.ai/api/).
    #[arg(long, global = true, env = "BARRACK_API_URL")]
    pub api_url: Option<String>,
    /// How the key is sent: bearer, x-api-key or header:<Name> (default: the profile's, else bearer).
    #[arg(long, global = true, env = "BARRACK_AUTH_SCHEME")]
    pub auth_scheme: Option<String>,
    /// Print the API's JSON answer unchanged.
    #[arg(long, global = true)]
    pub json: bool,
    /// Print the HTTP request that would be sent (key redacted) and send nothing.
    #[arg(long, global = true)]
    pub explain: bool,
    /// Answer yes to confirmations (needed for destructive commands without a terminal).
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
    /// Time limit of --wait, in seconds.
    #[arg(long, global = true, default_value_t = 1800)]
    pub wait_timeout: u64,
    /// Time limit of one HTTP request, in seconds.
    #[arg(long, global = true, default_value_t = 30)]
    pub timeout: u64,
}

pub struct Ctx {
    pub global: GlobalArgs,
    /// The profile store shared with the desktop app (`profiles.json`, see barrack-credentials).
    pub store: ProfileStore,
    pub profile: String,
    /// Empty when the profile's stored address could not be read (see [`Ctx::client_with`]).
    pub base_url: String,
    pub auth: AuthScheme,
    /// The profile is not in the profiles file and no `--api-url` was given.
    address_unknown: bool,
    client: OnceLock<Client>,
}

/// Stands in for "no query" / "no body".
pub const NONE: Option<&barrack_api::Nothing> = None;

/// A request body: sent as JSON once it passes its own checks.
pub trait Body: Serialize + barrack_api::validate::Validate {}
impl<B: Serialize + barrack_api::validate::Validate> Body for B {}

impl Ctx {
    pub fn new(global: GlobalArgs) -> CliResult<Ctx> {
        let store = ProfileStore::default_location().map_err(|e| CliError::Usage(e.0))?;
        let loaded = store.load().map_err(|e| CliError::Usage(e.0))?;
        if let Some(told) = &loaded.set_aside {
            eprintln!("warning: {}", told.message);
        }
        let profiles = loaded.profiles;
        let profile = profiles.resolve_name(global.profile.as_deref());
        let stored = profiles.profiles.get(&profile).cloned();
        // A profile the file does not have gets Barrack's address, but not with a key the
        // keyring holds for that name (see `api_key`): that key was stored for an address
        // nobody knows any more.
        let address_unknown = stored.is_none() && global.api_url.is_none();
        let saved = stored.unwrap_or_default();
        let base_url = global
            .api_url
            .clone()
            .or(saved.base_url)
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        let auth: AuthScheme = match global.auth_scheme.clone().or(saved.auth_scheme) {
            Some(s) => s.parse()?,
            None => AuthScheme::default(),
        };
        // An empty address is a stored one that could not be read: refused when a request
        // is built, so `logout` still works.
        if !base_url.is_empty() {
            barrack_api::parse_base_url(&base_url)?;
        }
        Ok(Ctx {
            global,
            store,
            profile,
            base_url,
            auth,
            address_unknown,
            client: OnceLock::new(),
        })
    }

    pub fn json(&self) -> bool {
        self.global.json
    }

    /// Whether to draw progress and ask questions.
    pub fn interactive(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// The key: `BARRACK_API_KEY` if set, else the profile's keyring entry.
    pub fn api_key(&self) -> CliResult<ApiKey> {
        if let Some(k) = std::env::var_os("BARRACK_API_KEY")
            .and_then(|k| k.into_string().ok())
            .filter(|k| !k.trim().is_empty())
        {
            return Ok(ApiKey::new(k));
        }
        match OsKeyring.get(&self.profile)? {
            // The key is there but the profile is not: it was stored for some server (maybe
            // not Barrack's), so it is sent nowhere until the user names the server again.
            Some(_) if self.address_unknown => Err(CliError::Usage(format!(
                "profile {p} has a key but no address: sign in again with \
                 `barrack login --profile {p} --api-url …`",
                p = self.profile
            ))),
            Some(k) => Ok(k),
            None => Err(CliError::NotSignedIn(format!(
                "no API key for profile {:?}: run `barrack login` (or set BARRACK_API_KEY)",
                self.profile
            ))),
        }
    }

    /// The profile's address, unless the stored one could not be read: then the key goes
    /// nowhere until the user names the server again.
    pub fn require_base_url(&self) -> CliResult<&str> {
        if self.base_url.is_empty() {
            return Err(CliError::Usage(format!(
                "the server address of profile {:?} could not be read from the profiles file: \
                 sign in to it again with `barrack --profile {} --api-url URL login`",
                self.profile, self.profile
            )));
        }
        Ok(&self.base_url)
    }

    pub fn client_with(&self, key: Option<ApiKey>) -> CliResult<Client> {
        self.require_base_url()?;
        let mut b = Client::builder()
            .base_url(self.base_url.clone())
            .auth_scheme(self.auth.clone())
            .timeout(Duration::from_secs(self.global.timeout.max(1)))
            .user_agent(format!("barrack-cli/{}", env!("CARGO_PKG_VERSION")))
            .retry(RetryPolicy::default());
        if let Some(k) = key {
            b = b.api_key(k);
        }
        Ok(b.build()?)
    }

    /// The client, with the key (resolved once). With `--explain`, no key is needed.
    pub fn client(&self) -> CliResult<&Client> {
        if let Some(c) = self.client.get() {
            return Ok(c);
        }
        let key = if self.global.explain {
            None
        } else {
            Some(self.api_key()?)
        };
        let c = self.client_with(key)?;
        Ok(self.client.get_or_init(|| c))
    }

    /// Builds the request (checking the body first).
    pub fn request<Q: Serialize, B: Body>(
        &self,
        op: Op,
        params: &[(&str, &str)],
        query: Option<&Q>,
        body: Option<&B>,
    ) -> CliResult<BuiltRequest> {
        Ok(self.client()?.request(op, params, query, body)?)
    }

    /// Sends a request on the user's behalf: with `--explain` prints it and returns `None`;
    /// with `--json` prints the answer unchanged; returns the decoded answer.
    pub async fn call<T: DeserializeOwned>(&self, req: BuiltRequest) -> CliResult<Option<T>> {
        if self.global.explain {
            println!("{}", req.explain().trim_end());
            return Ok(None);
        }
        let value = self.client()?.execute_value(&req).await?;
        if self.global.json {
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
        }
        Ok(Some(decode_value(value)?))
    }

    /// `request` + `call` in one.
    pub async fn send<T: DeserializeOwned, Q: Serialize, B: Body>(
        &self,
        op: Op,
        params: &[(&str, &str)],
        query: Option<&Q>,
        body: Option<&B>,
    ) -> CliResult<Option<T>> {
        let req = self.request(op, params, query, body)?;
        self.call(req).await
    }

    /// A request the command makes for itself (lookups, polling): never printed.
    pub async fn fetch<T: DeserializeOwned, Q: Serialize, B: Body>(
        &self,
        op: Op,
        params: &[(&str, &str)],
        query: Option<&Q>,
        body: Option<&B>,
    ) -> CliResult<T> {
        let req = self.request(op, params, query, body)?;
        Ok(self.client()?.execute(&req).await?)
    }

    /// `NAME (ID)` of what a destructive command is about to act on, for its question; under
    /// `--explain` nothing is looked up and the id stands for it.
    pub async fn label_of<T: DeserializeOwned>(
        &self,
        op: Op,
        param: (&str, &str),
        name: impl FnOnce(T) -> String,
    ) -> CliResult<String> {
        let id = param.1;
        if self.global.explain {
            return Ok(id.to_owned());
        }
        let found: T = self.fetch(op, &[param], NONE, NONE).await?;
        Ok(format!("{} ({id})", name(found)))
    }

    /// A destructive request on one resource, named by `param`: its label (see
    /// [`Ctx::label_of`], read with `lookup`), the user's yes to `question(label)` (see
    /// [`Ctx::confirm`]), then `op` for it. The label and the answer; `None` under
    /// `--explain`.
    pub async fn confirm_then_send<L: DeserializeOwned, T: DeserializeOwned>(
        &self,
        lookup: Op,
        op: Op,
        param: (&str, &str),
        name: impl FnOnce(L) -> String,
        question: impl FnOnce(&str) -> String,
    ) -> CliResult<Option<(String, T)>> {
        let label = self.label_of(lookup, param, name).await?;
        self.confirm(&question(&label))?;
        let answer: Option<T> = self.send(op, &[param], NONE, NONE).await?;
        Ok(answer.map(|a| (label, a)))
    }

    /// Prints human output unless `--json` already printed the answer.
    pub fn say(&self, text: impl AsRef<str>) {
        if !self.global.json {
            println!("{}", text.as_ref());
        }
    }

    /// Asks before a destructive action. `--yes` skips the question; without a terminal
    /// and without `--yes` the command is refused (exit 2).
    pub fn confirm(&self, what: &str) -> CliResult<()> {
        if self.global.yes || self.global.explain {
            return Ok(());
        }
        if !self.interactive() {
            return Err(CliError::Usage(format!(
                "{what}: pass --yes to confirm (there is no terminal to ask on)"
            )));
        }
        eprint!("{what}. Continue? [y/N] ");
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|e| CliError::Io(e.to_string()))?;
        if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            Ok(())
        } else {
            Err(CliError::Usage("cancelled".into()))
        }
    }
}
