//! What every keychain offers (`SecretStore`: set, get, delete an entry; blocking) and why
//! one could not be used (`KeychainError`), each error with what went wrong and what to do.

use std::fmt;

use secrecy::SecretString;

use super::super::model::{EntryName, KeychainKind};

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
