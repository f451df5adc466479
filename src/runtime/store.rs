//! The runtime's side of saving: hands a verified account to `crate::store` (password to the
//! keychain first, then the account file; the store undoes the keychain write if the file
//! fails) and classifies what went wrong, by error type, for the Done page.
//!
//! The window can cancel a save (`store::Cancel`): opening the keychain and every step of
//! the save stop at once, and whatever reached the keychain is deleted again; a cancel that
//! comes once the account file is being written lets that write finish.

use crate::flow::{self, SaveError, Secret};
use crate::store::{
    self, AccountDetails, AccountFile, Cancel, KeychainError, KeychainKind, StoreError, Timestamp,
    VerifiedAccount,
};
use crate::wizard::{KeychainChoice, SaveProblem, SaveRequest, Saved, capitalise};

use super::RuntimeConfig;

/// How a save ended.
pub(super) enum Ended {
    Saved(Saved),
    Failed(SaveProblem),
    /// Cancelled before anything was kept.
    Cancelled,
}

/// Saves the account unless `cancel` stops it first; a problem comes back already in words
/// for the Done page.
pub(super) async fn save(
    request: SaveRequest,
    secret: &Secret,
    config: &RuntimeConfig,
    cancel: Cancel,
) -> Ended {
    match save_or_fail(request, secret, config, cancel).await {
        Ok(saved) => Ended::Saved(saved),
        Err(None) => Ended::Cancelled,
        Err(Some(problem)) => Ended::Failed(problem),
    }
}

/// `Err(None)`: cancelled.
async fn save_or_fail(
    request: SaveRequest,
    secret: &Secret,
    config: &RuntimeConfig,
    cancel: Cancel,
) -> Result<Saved, Option<SaveProblem>> {
    let dir = store::resolve_config_dir(config.config_dir.as_deref()).map_err(file_problem)?;
    let kind = match request.keychain {
        KeychainChoice::Default => KeychainKind::platform_default(),
        KeychainChoice::Keyutils => KeychainKind::Keyutils,
    };
    // Opening the Secret Service may wait on D-Bus: a cancel does not wait for it.
    let secrets = tokio::select! {
        opened = store::open_keychain(kind) => opened.map_err(|e| Some(keychain_problem(kind, &e)))?,
        () = cancel.cancelled() => return Err(None),
    };
    let details = AccountDetails {
        email: request.email.clone(),
        display_name: request.display_name.clone().unwrap_or_default(),
        source: request.source.clone(),
        allow_plaintext: request.allow_plaintext,
        incoming: Some(request.incoming.settings.protocol),
        verified_at: Timestamp::now(),
        // The file chosen on the manual page, else the one the environment gave the window.
        ca_file: request.ca_file.clone().or_else(|| config.ca_file.clone()),
        pinned_keys: request.pinned_keys.clone(),
    };
    let servers = [request.incoming.clone(), request.outgoing.clone()];
    let account =
        VerifiedAccount::from_servers(details, &servers).map_err(|e| SaveProblem::File {
            reason: e.to_string(),
        })?;
    // The one save both doors make: the password, or the provider's refresh token with its
    // login record (`Secret::to_keep`).
    let file = AccountFile::new(&dir);
    let outcome = flow::save(file, secrets, account, secret, cancel)
        .await
        .map_err(|e| match e {
            SaveError::NoRefreshToken(_) => Some(SaveProblem::File {
                reason: t!("oauth-no-refresh-token"),
            }),
            SaveError::Store(e) => match (&e, e.keychain()) {
                (StoreError::Cancelled, _) => None,
                (_, Some(k)) => Some(keychain_problem(kind, k)),
                (_, None) => file_problem(e),
            },
        })?;
    Ok(Saved {
        account_id: outcome.account.id.as_str().to_string(),
        config_path: AccountFile::new(&dir).path(),
        keychain_label: kind.label().to_string(),
    })
}

fn keychain_problem(kind: KeychainKind, e: &KeychainError) -> SaveProblem {
    let (reason, advice) = e.words_parts();
    SaveProblem::KeychainUnavailable {
        reason: t!(
            "keychain-problem",
            store = capitalise(kind.label()),
            reason = reason
        ),
        advice,
        keyutils_possible: kind != KeychainKind::Keyutils && e.kernel_keyring_may_help(),
    }
}

fn file_problem(e: StoreError) -> Option<SaveProblem> {
    Some(SaveProblem::File {
        reason: capitalise(&e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the Done page shows for a keychain that cannot be used: the reason and, on a line
    /// of its own, what to do, both from the store that knows the error.
    #[test]
    fn a_keychain_problem_carries_the_reason_and_the_stores_advice() {
        let e = KeychainError::NoSecretService {
            detail: "org.freedesktop.secrets not provided".into(),
        };
        let SaveProblem::KeychainUnavailable { reason, advice, .. } =
            keychain_problem(KeychainKind::SecretService, &e)
        else {
            panic!("not a keychain problem");
        };
        assert!(reason.contains("no Secret Service is running"), "{reason}");
        assert!(
            reason.ends_with('.') && !reason.contains("Install"),
            "{reason}"
        );
        assert!(
            advice.starts_with("Install and start GNOME Keyring"),
            "{advice}"
        );
        assert!(advice.ends_with('.'), "{advice}");
        for e in [
            KeychainError::Locked,
            KeychainError::NoSessionKeyring,
            KeychainError::Task { detail: "x".into() },
        ] {
            let SaveProblem::KeychainUnavailable { advice, .. } =
                keychain_problem(KeychainKind::Keyutils, &e)
            else {
                panic!("not a keychain problem");
            };
            assert!(advice.len() > 1, "{e:?}: empty advice");
        }
    }

    /// In English the Done page says word for word what the store's own message says (the
    /// other languages say it from the catalogue).
    #[test]
    fn the_english_keychain_words_are_the_stores_own() {
        let entry = || crate::store::EntryName {
            service: "mailsetup".into(),
            user: "a/incoming/t".into(),
        };
        let store = KeychainKind::SecretService;
        let detail = || "why".to_string();
        for e in [
            KeychainError::NoSessionBus { detail: detail() },
            KeychainError::NoSecretService { detail: detail() },
            KeychainError::Locked,
            KeychainError::NoDefaultKeyring,
            KeychainError::AccessDenied {
                store,
                detail: detail(),
            },
            KeychainError::NoSessionKeyring,
            KeychainError::NotFound {
                store,
                entry: entry(),
            },
            KeychainError::Unsupported { store },
            KeychainError::TooLong {
                store,
                detail: detail(),
            },
            KeychainError::BadEncoding {
                store,
                entry: entry(),
            },
            KeychainError::Failed {
                store,
                detail: detail(),
            },
            KeychainError::Task { detail: detail() },
        ] {
            let SaveProblem::KeychainUnavailable { reason, advice, .. } =
                keychain_problem(KeychainKind::Keyutils, &e)
            else {
                panic!("not a keychain problem");
            };
            let label = capitalise(KeychainKind::Keyutils.label());
            assert_eq!(reason, format!("{label}: {}.", e.reason()), "{e:?}");
            assert_eq!(advice, format!("{}.", capitalise(&e.advice())), "{e:?}");
        }
    }
}
