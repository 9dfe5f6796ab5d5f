//! The one sign-in (and sign-out) of the CLI and the desktop app.
//!
//! The key is checked first with a real call the caller makes (`check`); only then is it
//! put in the keyring and its profile (address, auth scheme, hint) in the profile store,
//! together: if the profile cannot be saved, the keyring entry is put back as it was, so
//! the keyring never holds a key that the store says goes somewhere else.

use crate::profiles::{Profile, ProfileError, ProfileStore, Profiles, SetAside};
use crate::{check_profile_name, CredentialError, SecretStore};
use barrack_api::{ApiKey, AuthScheme};
use std::future::Future;

#[derive(Debug, Clone)]
pub struct SignIn {
    pub profile: String,
    pub base_url: String,
    pub auth_scheme: AuthScheme,
    pub key: ApiKey,
}

#[derive(Debug)]
pub struct SignedIn<T> {
    /// What `check` answered.
    pub checked: T,
    pub key_hint: String,
    /// A damaged profiles file met on the way (see [`ProfileStore::load`]).
    pub set_aside: Option<SetAside>,
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError<E> {
    /// Bad input; `field` is the sign-in form's name for it.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The check refused the key (nothing was stored).
    #[error("{0}")]
    Check(E),
    #[error(transparent)]
    Keyring(#[from] CredentialError),
    /// The profile could not be saved; `undone` says whether the keyring is as it was.
    #[error("{error}{}", undo_note(.undone))]
    Store {
        error: ProfileError,
        undone: Result<(), CredentialError>,
    },
}

fn undo_note(undone: &Result<(), CredentialError>) -> String {
    match undone {
        Ok(()) => String::new(),
        Err(k) => format!(" The key just entered also stayed in the keyring: {k}"),
    }
}

fn invalid<E>(field: &'static str, message: impl Into<String>) -> SignInError<E> {
    SignInError::Invalid {
        field,
        message: message.into(),
    }
}

/// Checks `req.key` with `check`, then stores it and its profile together. The profile
/// becomes the store's default only when there is none.
pub async fn sign_in<T, E, F, Fut>(
    store: &ProfileStore,
    secrets: &dyn SecretStore,
    req: SignIn,
    check: F,
) -> Result<SignedIn<T>, SignInError<E>>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    check_profile_name(&req.profile).map_err(|m| invalid("profile", m))?;
    barrack_api::parse_base_url(&req.base_url).map_err(|e| invalid("baseUrl", e.message))?;
    if req.key.is_empty() {
        return Err(invalid("apiKey", "Paste your API key"));
    }
    // A real call first: a wrong key is refused here and nothing is stored.
    let checked = check().await.map_err(SignInError::Check)?;
    let key_hint = req.key.hint();

    let previous = secrets.get(&req.profile)?;
    secrets.set(&req.profile, &req.key)?;
    let saved = store.update(|p| {
        p.profiles.insert(
            req.profile.clone(),
            Profile {
                base_url: Some(req.base_url.clone()),
                auth_scheme: Some(req.auth_scheme.to_string()),
                key_hint: Some(key_hint.clone()),
            },
        );
        // The default (the profile the CLI uses without `--profile`) is never moved by a
        // sign-in, from the CLI or the app: a later `barrack … --yes` without `--profile`
        // must not reach another account. On a store with none yet, this one becomes it.
        if p.default.is_none() {
            p.default = Some(req.profile.clone());
        }
    });
    match saved {
        Ok(((), set_aside)) => Ok(SignedIn {
            checked,
            key_hint,
            set_aside,
        }),
        Err(error) => {
            let undone = match &previous {
                Some(old) => secrets.set(&req.profile, old),
                None => secrets.delete(&req.profile).map(|_| ()),
            };
            Err(SignInError::Store { error, undone })
        }
    }
}

/// What sign-out and removal did.
#[derive(Debug, Default)]
pub struct SignedOut {
    /// Whether the keyring had a key for the profile.
    pub had_key: bool,
    pub set_aside: Option<SetAside>,
}

#[derive(Debug, thiserror::Error)]
pub enum SignOutError {
    #[error(transparent)]
    Keyring(#[from] CredentialError),
    #[error(transparent)]
    Store(#[from] ProfileError),
}

/// Deletes the profile's key and its hint; keeps its address and scheme for the next
/// sign-in. If it is the store's default it stops being it (nothing starts signed in to a
/// profile without a key); another profile's default is left alone. `barrack logout` and
/// the app's sign-out both come here, so they clear the default alike.
pub fn sign_out(
    store: &ProfileStore,
    secrets: &dyn SecretStore,
    name: &str,
) -> Result<SignedOut, SignOutError> {
    drop_key(store, secrets, name, |p| {
        if let Some(profile) = p.profiles.get_mut(name) {
            profile.key_hint = None;
        }
    })
}

/// Forgets the profile: its key and its entry in the store.
pub fn remove(
    store: &ProfileStore,
    secrets: &dyn SecretStore,
    name: &str,
) -> Result<SignedOut, SignOutError> {
    drop_key(store, secrets, name, |p| {
        p.profiles.remove(name);
    })
}

/// Deletes the profile's key, applies `edit` to the store, and the profile stops being the
/// default (whatever is left of it has no key).
fn drop_key(
    store: &ProfileStore,
    secrets: &dyn SecretStore,
    name: &str,
    edit: impl FnOnce(&mut Profiles),
) -> Result<SignedOut, SignOutError> {
    let had_key = secrets.delete(name)?;
    let ((), set_aside) = store.update(|p| {
        edit(p);
        if p.default.as_deref() == Some(name) {
            p.default = None;
        }
    })?;
    Ok(SignedOut { had_key, set_aside })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemoryStore;

    fn req(profile: &str, key: &str) -> SignIn {
        SignIn {
            profile: profile.into(),
            base_url: "https://barrack.ai/api/".into(),
            auth_scheme: "x-api-key".parse().unwrap(),
            key: ApiKey::new(key),
        }
    }

    fn ok() -> std::future::Ready<Result<u8, String>> {
        std::future::ready(Ok(7))
    }

    /// Signs in with a key the server accepts.
    fn sign_in_accepted(
        store: &ProfileStore,
        secrets: &MemoryStore,
        r: SignIn,
    ) -> Result<SignedIn<u8>, SignInError<String>> {
        block_on(sign_in(store, secrets, r, ok))
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        // The futures here never wait on anything.
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut f = std::pin::pin!(f);
        loop {
            if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    #[test]
    fn a_refused_key_stores_nothing() {
        let store = ProfileStore::in_memory();
        let secrets = MemoryStore::default();
        let err = block_on(sign_in(
            &store,
            &secrets,
            req("work", "sk-wrong-000000000"),
            || std::future::ready(Err::<(), _>("401".to_owned())),
        ))
        .unwrap_err();
        assert!(
            matches!(err, SignInError::Check(ref m) if m == "401"),
            "{err}"
        );
        assert_eq!(secrets.get("work").unwrap(), None);
        assert_eq!(store.load().unwrap().profiles, Default::default());
    }

    #[test]
    fn key_and_profile_are_stored_together_and_the_default_follows_the_rule() {
        let store = ProfileStore::in_memory();
        let secrets = MemoryStore::default();
        let done =
            sign_in_accepted(&store, &secrets, req("staging", "sk-staging-123456789")).unwrap();
        assert_eq!(done.checked, 7);
        let p = store.load().unwrap().profiles;
        assert_eq!(
            p.default.as_deref(),
            Some("staging"),
            "the first one becomes the default"
        );
        assert_eq!(
            p.profiles["staging"].auth_scheme.as_deref(),
            Some("x-api-key")
        );
        assert_eq!(p.profiles["staging"].key_hint.as_deref(), Some("…6789"));
        assert_eq!(
            secrets.get("staging").unwrap().unwrap().expose(),
            "sk-staging-123456789"
        );

        // A later sign-in (CLI or app) does not move an existing default.
        sign_in_accepted(&store, &secrets, req("work", "sk-work-1234567890")).unwrap();
        assert_eq!(
            store.load().unwrap().profiles.default.as_deref(),
            Some("staging")
        );

        // Signing out of another profile leaves the default alone.
        sign_out(&store, &secrets, "work").unwrap();
        assert_eq!(
            store.load().unwrap().profiles.default.as_deref(),
            Some("staging")
        );
        store.update(|p| p.default = Some("work".into())).unwrap();
        sign_in_accepted(&store, &secrets, req("work", "sk-work-1234567890")).unwrap();

        // Sign-out deletes the key and the hint, keeps the address, and stops the default.
        let out = sign_out(&store, &secrets, "work").unwrap();
        assert!(out.had_key);
        let p = store.load().unwrap().profiles;
        assert_eq!(p.default, None);
        assert_eq!(p.profiles["work"].key_hint, None);
        assert_eq!(
            p.profiles["work"].base_url.as_deref(),
            Some("https://barrack.ai/api/")
        );
        assert_eq!(secrets.get("work").unwrap(), None);

        // Removal forgets it.
        remove(&store, &secrets, "staging").unwrap();
        assert!(!store
            .load()
            .unwrap()
            .profiles
            .profiles
            .contains_key("staging"));
        assert_eq!(secrets.get("staging").unwrap(), None);
    }

    #[test]
    fn a_profile_that_cannot_be_saved_puts_the_keyring_back() {
        // A store whose folder is a file: every save fails.
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "").unwrap();
        let store = ProfileStore::at(blocker.join("profiles.json"));
        let secrets = MemoryStore::default();

        let err =
            sign_in_accepted(&store, &secrets, req("fresh", "sk-fresh-123456789")).unwrap_err();
        assert!(
            matches!(err, SignInError::Store { undone: Ok(()), .. }),
            "{err}"
        );
        assert_eq!(secrets.get("fresh").unwrap(), None, "the entry is removed");

        let old = ApiKey::new("sk-previous-key-0000");
        secrets.set("work", &old).unwrap();
        sign_in_accepted(&store, &secrets, req("work", "sk-new-key-123456789")).unwrap_err();
        assert_eq!(
            secrets.get("work").unwrap(),
            Some(old),
            "the previous key is put back"
        );
    }

    #[test]
    fn bad_input_names_its_field_and_sends_nothing() {
        let store = ProfileStore::in_memory();
        let secrets = MemoryStore::default();
        let never = || async { panic!("no call for bad input") as Result<(), String> };
        let field = |r: SignIn| match block_on(sign_in(&store, &secrets, r, never)) {
            Err(SignInError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(req("my profile", "sk-1234567890")), "profile");
        assert_eq!(field(req("p", "  ")), "apiKey");
        let mut r = req("p", "sk-1234567890");
        r.base_url = "http://example.com/api/".into();
        assert_eq!(field(r), "baseUrl");
    }
}
