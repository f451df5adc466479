//! Store and keychain errors in the person's language: what `mailsetup accounts` and
//! `diagnose --save` print after `error:` / `warning:`, and what the window's Done page shows
//! for a keychain that cannot be used.
//!
//! Chosen by the error's type, one sentence per kind of failure; the details that go into it
//! (paths, ids, the keychain's own words) are kept as they are. The `Display` of these errors
//! stays English and complete: it is what logs, the technician report and `--json` carry.
//! File errors (`FileError`) keep their English words for now.

use super::error::{CONFIG_DIR_ENV, StoreError};
use super::model::KeychainKind;
use super::secret::KeychainError;

impl StoreError {
    /// The failure in the current language (begins in lower case, no full stop of its own).
    pub fn words(&self) -> String {
        match self {
            StoreError::File(e) => e.to_string(),
            StoreError::Keychain(e) => e.words(),
            StoreError::Invalid(e) => t!("store-invalid", detail = e.to_string()),
            StoreError::NotFound { id } => t!("store-not-found", id = id.as_str()),
            StoreError::WrongKeychain {
                id,
                saved_in,
                given,
            } => t!(
                "store-wrong-keychain",
                id = id.as_str(),
                saved_in = saved_in.label(),
                given = given.label(),
                word = saved_in.word()
            ),
            StoreError::RollbackFailed { cause, undo, entry } => t!(
                "store-rollback-failed",
                cause = cause.words(),
                undo = undo.words(),
                entry = entry.to_string()
            ),
            StoreError::NoConfigDir => t!("store-no-config-dir", env = CONFIG_DIR_ENV),
            StoreError::Task { detail } => t!("store-task", detail = detail.as_str()),
            StoreError::Cancelled => t!("store-cancelled"),
        }
    }
}

impl KeychainError {
    /// The reason and what to do, in the current language, as one message.
    pub fn words(&self) -> String {
        let (reason, advice) = self.words_parts();
        t!("keychain-words", reason = reason, advice = advice)
    }

    /// The reason (lower case, no full stop) and the advice (a sentence) in the current
    /// language, chosen by the error's type.
    pub fn words_parts(&self) -> (String, String) {
        match self {
            KeychainError::NoSessionBus { detail } => (
                t!("keychain-no-session-bus", detail = detail.as_str()),
                t!("keychain-no-session-bus-advice"),
            ),
            KeychainError::NoSecretService { detail } => (
                t!("keychain-no-secret-service", detail = detail.as_str()),
                t!("keychain-no-secret-service-advice"),
            ),
            KeychainError::Locked => (t!("keychain-locked"), t!("keychain-locked-advice")),
            KeychainError::NoDefaultKeyring => (
                t!("keychain-no-default-keyring"),
                t!("keychain-no-default-keyring-advice"),
            ),
            KeychainError::AccessDenied { store, detail } => (
                t!(
                    "keychain-access-denied",
                    store = store.label(),
                    detail = detail.as_str()
                ),
                t!("keychain-access-denied-advice"),
            ),
            KeychainError::NoSessionKeyring => (
                t!("keychain-no-session-keyring"),
                t!("keychain-no-session-keyring-advice"),
            ),
            KeychainError::NotFound { store, entry } => (
                t!(
                    "keychain-not-found",
                    store = store.label(),
                    entry = entry.to_string()
                ),
                t!("keychain-not-found-advice"),
            ),
            KeychainError::Unsupported { store } => (
                t!("keychain-unsupported", store = store.label()),
                t!(
                    "keychain-unsupported-advice",
                    default = KeychainKind::platform_default().label()
                ),
            ),
            KeychainError::TooLong { store, detail } => (
                t!(
                    "keychain-too-long",
                    store = store.label(),
                    detail = detail.as_str()
                ),
                t!("keychain-too-long-advice"),
            ),
            KeychainError::BadEncoding { store, entry } => (
                t!(
                    "keychain-bad-encoding",
                    store = store.label(),
                    entry = entry.to_string()
                ),
                t!("keychain-bad-encoding-advice"),
            ),
            KeychainError::Failed { store, detail } => (
                t!(
                    "keychain-failed",
                    store = store.label(),
                    detail = detail.as_str()
                ),
                t!("keychain-failed-advice"),
            ),
            KeychainError::Task { detail } => (
                t!("keychain-task", detail = detail.as_str()),
                t!("keychain-task-advice"),
            ),
            KeychainError::NoAnswer { store, after_secs } => (
                t!(
                    "keychain-no-answer",
                    store = store.label(),
                    seconds = after_secs.to_string()
                ),
                t!("keychain-no-answer-advice"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::{InvalidAccount, Role};

    fn id() -> crate::store::AccountId {
        match "ann-example-com".parse() {
            Ok(id) => id,
            Err(never) => match never {},
        }
    }

    /// In English the command line says word for word what the error's `Display` says, so
    /// logs and screen agree; other languages say it from the catalogue.
    #[test]
    fn the_english_store_words_are_the_errors_own() {
        for e in [
            StoreError::NotFound { id: id() },
            StoreError::WrongKeychain {
                id: id(),
                saved_in: KeychainKind::Keyutils,
                given: KeychainKind::SecretService,
            },
            StoreError::Invalid(InvalidAccount::EmptyHost {
                role: Role::Outgoing,
            }),
            StoreError::NoConfigDir,
            StoreError::Task {
                detail: "joined".into(),
            },
            StoreError::Cancelled,
        ] {
            assert_eq!(e.words(), e.to_string(), "{e:?}");
        }
    }

    /// A keychain error reads as its reason and then its advice; inside a failed rollback
    /// both keychain errors keep their words.
    #[test]
    fn keychain_words_join_reason_and_advice() {
        let e = KeychainError::Locked;
        let words = e.words();
        assert!(words.starts_with(&e.reason()), "{words}");
        assert!(words.contains("Unlock it"), "{words}");
        let rollback = StoreError::RollbackFailed {
            cause: Box::new(StoreError::Keychain(KeychainError::NoSessionKeyring)),
            undo: KeychainError::Locked,
            entry: crate::store::EntryName {
                service: "mailsetup".into(),
                user: "ann-example-com/incoming/1/2".into(),
            },
        };
        let words = rollback.words();
        assert!(
            words.starts_with("the kernel keyring (keyutils)"),
            "{words}"
        );
        assert!(words.contains("(the keyring is locked"), "{words}");
        assert!(words.ends_with("ann-example-com/incoming/1/2 by hand in the keychain manager"));
    }
}
