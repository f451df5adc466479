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

mod api;
mod deadline;

pub use api::{KeychainError, SecretStore};

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
