//! The operating system's keychain behind a small trait (`SecretStore`), through the keyring
//! 4.x family of crates (`keyring-core` plus one store crate per keychain):
//!
//! - Linux: the freedesktop Secret Service over D-Bus (GNOME Keyring, KWallet, KeePassXC;
//!   Secret Service API 0.2) by default, or the kernel key retention service (keyutils,
//!   session keyring linked to the persistent keyring) when the user agrees to it;
//! - macOS: the login Keychain; Windows: the Credential Manager.
//!
//! Every entry is filed under service `mailsetup`, user `ACCOUNT-ID/ROLE/FOLDER-TAG/NONCE`
//! (ROLE `incoming` or `outgoing`; each save writes entries of its own, see `ops.rs`; files
//! from before kept `ACCOUNT-ID/ROLE/FOLDER-TAG`, and are read as written). Calls block
//! (D-Bus round trips, a desktop unlock prompt that waits for the person): async code runs
//! them with `tokio::task::spawn_blocking` (see `mod.rs`).
//!
//! When a keychain cannot be used the error says exactly why — no session bus, no Secret
//! Service, keyring locked, no default keyring, access denied, no session keyring — and what
//! to do. There is never a fallback to a file: no keychain, no saved password.

use std::fmt;
use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};
use secrecy::{ExposeSecret, SecretString};

use super::model::{EntryName, KeychainKind};

mod deadline;

/// A place to keep passwords. Implementations block; call them from `spawn_blocking`.
pub trait SecretStore: Send + Sync + fmt::Debug {
    /// Which keychain this is.
    fn kind(&self) -> KeychainKind;
    /// Creates or replaces the entry. `label` is what keychain managers show (Seahorse …).
    fn set(
        &self,
        entry: &EntryName,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), KeychainError>;
    /// Reads the entry; `KeychainError::NotFound` when there is none.
    fn get(&self, entry: &EntryName) -> Result<SecretString, KeychainError>;
    /// Deletes the entry: `Ok(true)` when it was there, `Ok(false)` when it was not.
    fn delete(&self, entry: &EntryName) -> Result<bool, KeychainError>;
}

/// Why the keychain could not be used. Each message says what went wrong (`reason`) and what
/// to do about it (`advice`); shown together they read as one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeychainError {
    NoSessionBus {
        detail: String,
    },
    NoSecretService {
        detail: String,
    },
    Locked,
    NoDefaultKeyring,
    AccessDenied {
        store: KeychainKind,
        detail: String,
    },
    NoSessionKeyring,
    NotFound {
        store: KeychainKind,
        entry: EntryName,
    },
    Unsupported {
        store: KeychainKind,
    },
    TooLong {
        store: KeychainKind,
        detail: String,
    },
    BadEncoding {
        store: KeychainKind,
        entry: EntryName,
    },
    Failed {
        store: KeychainKind,
        detail: String,
    },
    Task {
        detail: String,
    },
    /// The keychain did not answer within the deadline (`secret/deadline.rs`): an unlock prompt
    /// nobody answers, a frozen daemon.
    NoAnswer {
        store: KeychainKind,
        after_secs: u64,
    },
}

impl fmt::Display for KeychainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (reason, joint, advice) = self.parts();
        write!(f, "{reason}{joint}{advice}")
    }
}

impl std::error::Error for KeychainError {}

impl KeychainError {
    /// What went wrong, in words (starts in lower case, no full stop).
    pub fn reason(&self) -> String {
        self.parts().0
    }

    /// What the person can do about it, worded to follow the reason (a sentence after a full
    /// stop, or a clause after a colon), without a full stop of its own; never empty.
    pub fn advice(&self) -> String {
        self.parts().2
    }

    /// The reason, the words that join it to the advice, and the advice.
    fn parts(&self) -> (String, &'static str, String) {
        match self {
            KeychainError::NoSessionBus { detail } => (
                format!(
                    "the Secret Service cannot be reached: there is no D-Bus session bus ({detail})"
                ),
                ". ",
                "Run mailsetup inside your desktop session, or start a session bus with a \
                 keyring daemon in it (dbus-run-session); or save the password in the kernel \
                 keyring (keyutils) instead"
                    .into(),
            ),
            KeychainError::NoSecretService { detail } => (
                format!("no Secret Service is running on the session bus ({detail})"),
                ". ",
                "Install and start GNOME Keyring (gnome-keyring-daemon) or KWallet with its \
                 Secret Service interface turned on; or save the password in the kernel \
                 keyring (keyutils) instead"
                    .into(),
            ),
            KeychainError::Locked => (
                "the keyring is locked and could not be unlocked here (no unlock prompt could \
                 be shown, or it was dismissed)"
                    .into(),
                ". ",
                "Unlock it — log in to the desktop, or open \"Passwords and Keys\" — and try \
                 again"
                    .into(),
            ),
            KeychainError::NoDefaultKeyring => (
                "the Secret Service has no default keyring yet and could not ask you to create \
                 one (no prompt could be shown)"
                    .into(),
                ". ",
                "Create one in \"Passwords and Keys\" (Seahorse), or start \
                 gnome-keyring-daemon with --unlock, and try again"
                    .into(),
            ),
            KeychainError::AccessDenied { store, detail } => (
                format!("the {store} refused mailsetup access to its passwords ({detail})"),
                ". ",
                "Allow mailsetup in the keychain's settings and try again".into(),
            ),
            KeychainError::NoSessionKeyring => (
                "the kernel keyring (keyutils) has no usable session keyring in this login \
                 session"
                    .into(),
                ". ",
                "Run mailsetup from a normal login session, or start one with `keyctl session -`"
                    .into(),
            ),
            KeychainError::NotFound { store, entry } => (
                format!("the {store} has no password for {entry}"),
                ": ",
                "save the account again to store it".into(),
            ),
            KeychainError::Unsupported { store } => (
                format!("the {store} is not available on this system"),
                ": ",
                format!("use the {}", KeychainKind::platform_default()),
            ),
            KeychainError::TooLong { store, detail } => (
                format!("the password is too long for the {store} ({detail})"),
                ": ",
                "save it in another keychain".into(),
            ),
            KeychainError::BadEncoding { store, entry } => (
                format!("the password the {store} holds for {entry} is not valid text"),
                ": ",
                "save the account again".into(),
            ),
            KeychainError::Failed { store, detail } => (
                format!("the {store} failed: {detail}"),
                ". ",
                "Try again; if it fails again, log out of the desktop and in again".into(),
            ),
            KeychainError::Task { detail } => (
                format!("the keychain task stopped unexpectedly: {detail}"),
                ". ",
                "Try again".into(),
            ),
            KeychainError::NoAnswer { store, after_secs } => (
                format!("the {store} did not answer within {after_secs} s"),
                ". ",
                "If a window asks for a password to unlock it, answer it, then try again; if \
                 nothing asks, log out of the desktop and in again"
                    .into(),
            ),
        }
    }

    /// A stable snake_case code (for JSON output and tests).
    pub fn code(&self) -> &'static str {
        match self {
            KeychainError::NoSessionBus { .. } => "no_session_bus",
            KeychainError::NoSecretService { .. } => "no_secret_service",
            KeychainError::Locked => "keyring_locked",
            KeychainError::NoDefaultKeyring => "no_default_keyring",
            KeychainError::AccessDenied { .. } => "access_denied",
            KeychainError::NoSessionKeyring => "no_session_keyring",
            KeychainError::NotFound { .. } => "not_found",
            KeychainError::Unsupported { .. } => "unsupported",
            KeychainError::TooLong { .. } => "too_long",
            KeychainError::BadEncoding { .. } => "bad_encoding",
            KeychainError::Failed { .. } => "failed",
            KeychainError::Task { .. } => "task_failed",
            KeychainError::NoAnswer { .. } => "no_answer",
        }
    }

    /// Whether offering the kernel keyring (keyutils) makes sense: the Secret Service is not
    /// usable here, and this is Linux. The caller must ask the person before switching.
    pub fn kernel_keyring_may_help(&self) -> bool {
        cfg!(target_os = "linux")
            && matches!(
                self,
                KeychainError::NoSessionBus { .. }
                    | KeychainError::NoSecretService { .. }
                    | KeychainError::Locked
                    | KeychainError::NoDefaultKeyring
                    | KeychainError::NoAnswer {
                        store: KeychainKind::SecretService,
                        ..
                    }
            )
    }
}

/// Opens a keychain. Connects to it where that means something (the Secret Service's
/// D-Bus session), so a missing bus or service is reported here. Blocks.
/// Opening and every later call have a deadline (`secret/deadline.rs`), so nothing waits forever on
/// an unlock prompt or a keychain that never answers.
pub fn open(kind: KeychainKind) -> Result<Arc<dyn SecretStore>, KeychainError> {
    let after = deadline::deadline();
    let inner = deadline::within(after, kind, move || {
        platform::store(kind).map_err(|e| classify(kind, None, e))
    })?;
    Ok(deadline::Deadlined::wrap(
        Arc::new(KeyringStore { kind, inner }),
        after,
    ))
}

/// A keychain reached through `keyring-core`.
pub struct KeyringStore {
    kind: KeychainKind,
    inner: Arc<CredentialStore>,
}

impl fmt::Debug for KeyringStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyringStore({})", self.kind.word())
    }
}

impl KeyringStore {
    fn entry(&self, name: &EntryName, label: Option<&str>) -> Result<Entry, KeychainError> {
        let built = match (self.kind, label) {
            // Only the Secret Service shows a label; other stores reject the modifier.
            (KeychainKind::SecretService, Some(label)) => {
                let modifiers = std::collections::HashMap::from([("label", label)]);
                Entry::new_in_store_with_modifiers(
                    &self.inner,
                    &name.service,
                    &name.user,
                    &modifiers,
                )
            }
            _ => Entry::new_in_store(&self.inner, &name.service, &name.user),
        };
        built.map_err(|e| classify(self.kind, Some(name), e))
    }
}

impl SecretStore for KeyringStore {
    fn kind(&self) -> KeychainKind {
        self.kind
    }

    fn set(
        &self,
        entry: &EntryName,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), KeychainError> {
        self.entry(entry, Some(label))?
            .set_password(secret.expose_secret())
            .map_err(|e| classify(self.kind, Some(entry), e))
    }

    fn get(&self, entry: &EntryName) -> Result<SecretString, KeychainError> {
        self.entry(entry, None)?
            .get_password()
            .map(SecretString::from)
            .map_err(|e| classify(self.kind, Some(entry), e))
    }

    fn delete(&self, entry: &EntryName) -> Result<bool, KeychainError> {
        match self.entry(entry, None)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(e) => Err(classify(self.kind, Some(entry), e)),
        }
    }
}

/// Turns a keyring error into ours. Never formats a secret: `BadEncoding` and
/// `BadDataFormat` carry the stored bytes, so only their kind is kept.
fn classify(
    store: KeychainKind,
    entry: Option<&EntryName>,
    err: keyring_core::Error,
) -> KeychainError {
    use keyring_core::Error as E;
    let entry_name = || {
        entry.cloned().unwrap_or(EntryName {
            service: super::model::KEYCHAIN_SERVICE.to_string(),
            user: String::new(),
        })
    };
    match err {
        E::NoEntry => KeychainError::NotFound {
            store,
            entry: entry_name(),
        },
        E::BadEncoding(_) | E::BadDataFormat(..) => KeychainError::BadEncoding {
            store,
            entry: entry_name(),
        },
        E::TooLong(what, limit) => KeychainError::TooLong {
            store,
            detail: format!("{what} may have at most {limit} characters"),
        },
        E::NoStorageAccess(inner) => platform::no_access(store, inner.as_ref()),
        E::PlatformFailure(inner) => platform::failure(store, inner.as_ref()),
        E::NoDefaultStore => KeychainError::Unsupported { store },
        E::Invalid(what, why) => KeychainError::Failed {
            store,
            detail: format!("{what} was refused: {why}"),
        },
        E::Ambiguous(found) => KeychainError::Failed {
            store,
            detail: format!(
                "{} entries match {}; remove the extra ones in the keychain manager",
                found.len(),
                entry_name()
            ),
        },
        E::BadStoreFormat(why) | E::NotSupportedByStore(why) => {
            KeychainError::Failed { store, detail: why }
        }
        // The enum is non-exhaustive; its other variants carry no secret.
        other => KeychainError::Failed {
            store,
            detail: other.to_string(),
        },
    }
}

type PlatformError = dyn std::error::Error + Send + Sync;

#[cfg(target_os = "linux")]
mod platform {
    //! Linux: the Secret Service (zbus) and keyutils. D-Bus error names are the protocol's
    //! data (D-Bus specification, "Message Bus Messages"; Secret Service API 0.2 errors) and
    //! are matched as such.

    use std::sync::Arc;

    use keyring_core::CredentialStore;

    use super::{KeychainError, KeychainKind, PlatformError};

    pub(super) fn store(kind: KeychainKind) -> keyring_core::Result<Arc<CredentialStore>> {
        match kind {
            KeychainKind::SecretService => {
                let store: Arc<CredentialStore> = zbus_secret_service_keyring_store::Store::new()?;
                Ok(store)
            }
            KeychainKind::Keyutils => {
                let store: Arc<CredentialStore> = linux_keyutils_keyring_store::Store::new()?;
                Ok(store)
            }
            _ => Err(keyring_core::Error::NoDefaultStore),
        }
    }

    pub(super) fn no_access(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        match store {
            // keyutils reports EACCES when the process has no usable session keyring.
            KeychainKind::Keyutils => KeychainError::NoSessionKeyring,
            _ => failure(store, inner),
        }
    }

    pub(super) fn failure(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        if store == KeychainKind::SecretService
            && let Some(e) = inner.downcast_ref::<secret_service::Error>()
        {
            return secret_service_error(e);
        }
        KeychainError::Failed {
            store,
            detail: inner.to_string(),
        }
    }

    fn secret_service_error(e: &secret_service::Error) -> KeychainError {
        use secret_service::Error as S;
        match e {
            S::Zbus(z) => zbus_error(z),
            S::ZbusFdo(f) => fdo_error(f),
            S::Locked | S::Prompt | S::PromptDisconnected | S::NoResult => locked_or_missing(),
            S::Unavailable => KeychainError::NoSecretService {
                detail: e.to_string(),
            },
            other => KeychainError::Failed {
                store: KeychainKind::SecretService,
                detail: other.to_string(),
            },
        }
    }

    fn zbus_error(e: &zbus::Error) -> KeychainError {
        use zbus::Error as Z;
        match e {
            Z::Connection(..) | Z::Address(_) | Z::Handshake(_) | Z::InputOutput(_) => {
                KeychainError::NoSessionBus {
                    detail: e.to_string(),
                }
            }
            Z::InterfaceNotFound => KeychainError::NoSecretService {
                detail: e.to_string(),
            },
            Z::FDO(f) => fdo_error(f),
            Z::MethodError(name, text, _) => {
                method_error(name.as_str(), text.as_deref().unwrap_or(""))
            }
            other => KeychainError::Failed {
                store: KeychainKind::SecretService,
                detail: other.to_string(),
            },
        }
    }

    fn fdo_error(e: &zbus::fdo::Error) -> KeychainError {
        use zbus::fdo::Error as F;
        match e {
            F::ServiceUnknown(_)
            | F::NameHasNoOwner(_)
            | F::SpawnExecFailed(_)
            | F::SpawnFailed(_)
            | F::SpawnChildExited(_)
            | F::SpawnServiceNotFound(_)
            | F::UnknownMethod(_)
            | F::UnknownObject(_)
            | F::UnknownInterface(_) => KeychainError::NoSecretService {
                detail: e.to_string(),
            },
            F::AccessDenied(_) | F::AuthFailed(_) => KeychainError::AccessDenied {
                store: KeychainKind::SecretService,
                detail: e.to_string(),
            },
            F::ZBus(z) => zbus_error(z),
            other => KeychainError::Failed {
                store: KeychainKind::SecretService,
                detail: other.to_string(),
            },
        }
    }

    fn method_error(name: &str, text: &str) -> KeychainError {
        let detail = if text.is_empty() {
            name.to_string()
        } else {
            format!("{name}: {text}")
        };
        match name {
            "org.freedesktop.DBus.Error.ServiceUnknown"
            | "org.freedesktop.DBus.Error.NameHasNoOwner"
            | "org.freedesktop.DBus.Error.UnknownMethod"
            | "org.freedesktop.DBus.Error.UnknownObject"
            | "org.freedesktop.DBus.Error.UnknownInterface" => {
                KeychainError::NoSecretService { detail }
            }
            n if n.starts_with("org.freedesktop.DBus.Error.Spawn") => {
                KeychainError::NoSecretService { detail }
            }
            "org.freedesktop.DBus.Error.AccessDenied" | "org.freedesktop.DBus.Error.AuthFailed" => {
                KeychainError::AccessDenied {
                    store: KeychainKind::SecretService,
                    detail,
                }
            }
            "org.freedesktop.Secret.Error.IsLocked" => KeychainError::Locked,
            _ => KeychainError::Failed {
                store: KeychainKind::SecretService,
                detail,
            },
        }
    }

    /// A refused or impossible unlock prompt means either a locked keyring or no default
    /// keyring at all (creating one needs a prompt too). Asks the service which it is.
    fn locked_or_missing() -> KeychainError {
        use secret_service::EncryptionType;
        use secret_service::blocking::SecretService;
        let Ok(service) = SecretService::connect(EncryptionType::Plain) else {
            return KeychainError::Locked;
        };
        match service.get_default_collection() {
            Err(secret_service::Error::NoResult) => KeychainError::NoDefaultKeyring,
            _ => KeychainError::Locked,
        }
    }
}

#[cfg(target_os = "macos")]
mod platform {
    use std::sync::Arc;

    use keyring_core::CredentialStore;

    use super::{KeychainError, KeychainKind, PlatformError};

    pub(super) fn store(kind: KeychainKind) -> keyring_core::Result<Arc<CredentialStore>> {
        match kind {
            KeychainKind::MacosKeychain => {
                let store: Arc<CredentialStore> =
                    apple_native_keyring_store::keychain::Store::new()?;
                Ok(store)
            }
            _ => Err(keyring_core::Error::NoDefaultStore),
        }
    }

    pub(super) fn no_access(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        KeychainError::AccessDenied {
            store,
            detail: inner.to_string(),
        }
    }

    pub(super) fn failure(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        KeychainError::Failed {
            store,
            detail: inner.to_string(),
        }
    }
}

#[cfg(target_os = "windows")]
mod platform {
    use std::sync::Arc;

    use keyring_core::CredentialStore;

    use super::{KeychainError, KeychainKind, PlatformError};

    pub(super) fn store(kind: KeychainKind) -> keyring_core::Result<Arc<CredentialStore>> {
        match kind {
            KeychainKind::WindowsCredentials => {
                let store: Arc<CredentialStore> = windows_native_keyring_store::Store::new()?;
                Ok(store)
            }
            _ => Err(keyring_core::Error::NoDefaultStore),
        }
    }

    pub(super) fn no_access(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        KeychainError::AccessDenied {
            store,
            detail: inner.to_string(),
        }
    }

    pub(super) fn failure(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        KeychainError::Failed {
            store,
            detail: inner.to_string(),
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
mod platform {
    use std::sync::Arc;

    use keyring_core::CredentialStore;

    use super::{KeychainError, KeychainKind, PlatformError};

    pub(super) fn store(_kind: KeychainKind) -> keyring_core::Result<Arc<CredentialStore>> {
        Err(keyring_core::Error::NoDefaultStore)
    }

    pub(super) fn no_access(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        KeychainError::AccessDenied {
            store,
            detail: inner.to_string(),
        }
    }

    pub(super) fn failure(store: KeychainKind, inner: &PlatformError) -> KeychainError {
        KeychainError::Failed {
            store,
            detail: inner.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant, for checks that must hold for all.
    fn every_keychain_error() -> Vec<KeychainError> {
        let id: super::super::AccountId = "alice-example-com".parse().unwrap();
        let entry = EntryName::for_save(&id, super::super::Role::Incoming, "tag", "nonce");
        let store = KeychainKind::SecretService;
        vec![
            KeychainError::NoSessionBus { detail: "d".into() },
            KeychainError::NoSecretService { detail: "d".into() },
            KeychainError::Locked,
            KeychainError::NoDefaultKeyring,
            KeychainError::AccessDenied {
                store,
                detail: "d".into(),
            },
            KeychainError::NoSessionKeyring,
            KeychainError::NotFound {
                store,
                entry: entry.clone(),
            },
            KeychainError::Unsupported { store },
            KeychainError::TooLong {
                store,
                detail: "d".into(),
            },
            KeychainError::BadEncoding { store, entry },
            KeychainError::Failed {
                store,
                detail: "d".into(),
            },
            KeychainError::Task { detail: "d".into() },
            KeychainError::NoAnswer {
                store,
                after_secs: 30,
            },
        ]
    }

    #[test]
    fn every_keychain_error_has_a_reason_and_advice_and_reads_as_one_message() {
        for e in every_keychain_error() {
            let (reason, advice, whole) = (e.reason(), e.advice(), e.to_string());
            assert!(!reason.is_empty() && !advice.is_empty(), "{e:?}");
            assert!(
                whole.starts_with(&reason) && whole.ends_with(&advice),
                "{whole}"
            );
            assert!(!advice.ends_with('.'), "{advice}");
        }
        // The message as it always read.
        let e = KeychainError::NoSessionBus {
            detail: "no DBUS_SESSION_BUS_ADDRESS".into(),
        };
        assert_eq!(
            e.to_string(),
            "the Secret Service cannot be reached: there is no D-Bus session bus (no \
             DBUS_SESSION_BUS_ADDRESS). Run mailsetup inside your desktop session, or start a \
             session bus with a keyring daemon in it (dbus-run-session); or save the password \
             in the kernel keyring (keyutils) instead"
        );
    }

    #[test]
    fn stored_bytes_never_reach_an_error_message() {
        let secret = b"hunter2-\xff".to_vec();
        let err = classify(
            KeychainKind::Keyutils,
            None,
            keyring_core::Error::BadEncoding(secret),
        );
        assert_eq!(err.code(), "bad_encoding");
        assert!(!format!("{err} {err:?}").contains("hunter2"));
    }

    #[test]
    fn missing_entry_is_not_found() {
        let entry = EntryName {
            service: "mailsetup".into(),
            user: "a/incoming".into(),
        };
        let err = classify(
            KeychainKind::SecretService,
            Some(&entry),
            keyring_core::Error::NoEntry,
        );
        assert_eq!(
            err,
            KeychainError::NotFound {
                store: KeychainKind::SecretService,
                entry
            }
        );
    }
}
