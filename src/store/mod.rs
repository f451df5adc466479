//! Saved accounts: `accounts.json` in the configuration folder for everything but the
//! password, and the operating system's keychain for the password.
//!
//! - `model`: the saved account (servers, alternatives, source, last verified, keychain
//!   reference) and what callers hand over (`VerifiedAccount`);
//! - `file`: the account file (version, lock, damaged and newer files), `atomic`: the
//!   crash-safe replace underneath it, `lock`: the folder's safety checks, the lock file
//!   and the lock's deadline, and `Cancel`; `error`: what goes wrong (`FileError`,
//!   `FolderProblem`, `LockError` for the file and its folder, `StoreError` for every
//!   operation, `SaveWarning`);
//! - `secret`: the `SecretStore` trait and the keychains behind it;
//! - `ops`: save / remove / mark verified, keeping file and keychain in step, and what they
//!   return (`SaveOutcome`, `Removed`, `AccountPasswords`);
//! - `verified`: from the servers that verified (settings + sign-in mechanism) to the
//!   `VerifiedAccount` to save; the store never sees a probe report.
//!
//! The configuration folder is always a parameter (no globals): `resolve_config_dir` finds
//! the default (`--config-dir`, then `MAILSETUP_CONFIG_DIR`, then the per-OS folder from
//! `directories`). The async functions here run the blocking work on tokio's blocking
//! pool (`spawn_blocking`), never on the runtime's worker threads.

pub mod atomic;
pub mod error;
pub mod file;
pub mod lock;
pub mod model;
mod ops;
pub mod secret;
mod verified;
mod words;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use secrecy::SecretString;

pub use error::{CONFIG_DIR_ENV, FileError, FolderProblem, SaveWarning, StoreError};
pub use file::AccountFile;
pub use lock::Cancel;
pub use model::{
    AccountId, ClientSource, EntryName, InvalidAccount, KeychainKind, KeychainRef, OAuth2Login,
    Role, SavedAccount, SavedServer, SettingsSource, SourceKind, Timestamp, VerifiedAccount,
};
pub use ops::{
    AccountPasswords, Removed, SaveOutcome, mark_verified_blocking, passwords_blocking,
    remove_blocking, save_verified_blocking, save_verified_cancellable,
};
pub use secret::{KeychainError, SecretStore};
pub use verified::{AccountDetails, NotVerified};

/// The configuration folder: `explicit` (`--config-dir`), else `MAILSETUP_CONFIG_DIR`, else
/// the per-OS folder (`~/.config/mailsetup` on Linux, `~/Library/Application
/// Support/mailsetup` on macOS, `%APPDATA%\mailsetup\config` on Windows).
pub fn resolve_config_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    default_config_dir()
}

/// The per-OS configuration folder from `directories`.
pub fn default_config_dir() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "mailsetup")
        .map(|p| p.config_dir().to_path_buf())
        .ok_or(StoreError::NoConfigDir)
}

async fn blocking<T, F>(work: F) -> Result<T, StoreError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, StoreError> + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| StoreError::Task {
            detail: e.to_string(),
        })?
}

/// Opens a keychain off the async runtime's worker threads.
pub async fn open_keychain(kind: KeychainKind) -> Result<Arc<dyn SecretStore>, KeychainError> {
    tokio::task::spawn_blocking(move || secret::open(kind))
        .await
        .map_err(|e| KeychainError::Task {
            detail: e.to_string(),
        })?
}

/// Saves a verified account: the password into fresh entries of `secrets` (one per server),
/// then the account into `config_dir/accounts.json` under its lock; if the file cannot be
/// written the fresh entries are deleted again. An account for the same address is replaced
/// and keeps its id; its old entries are deleted after the file was written (`ops.rs`).
///
/// This is what `mailsetup diagnose … --save` and the wizard's last page call.
pub async fn save_verified(
    config_dir: &Path,
    secrets: Arc<dyn SecretStore>,
    account: VerifiedAccount,
    password: SecretString,
) -> Result<SaveOutcome, StoreError> {
    save_verified_in(AccountFile::new(config_dir), secrets, account, password).await
}

/// `save_verified` with an explicit `AccountFile` (tests inject a failing disk this way).
pub async fn save_verified_in(
    file: AccountFile,
    secrets: Arc<dyn SecretStore>,
    account: VerifiedAccount,
    password: SecretString,
) -> Result<SaveOutcome, StoreError> {
    save_verified_or_cancel(file, secrets, account, password, Cancel::new()).await
}

/// `save_verified_in` that `cancel` can stop: it returns `StoreError::Cancelled` as soon as
/// it is cancelled — even while a keychain call is still waiting (an unlock prompt); the
/// save then deletes what it wrote to the keychain when that call returns. A cancel that
/// comes once the final write of the account file began waits for it (it takes
/// milliseconds) and returns its outcome: the account was saved.
pub async fn save_verified_or_cancel(
    file: AccountFile,
    secrets: Arc<dyn SecretStore>,
    account: VerifiedAccount,
    password: SecretString,
    cancel: Cancel,
) -> Result<SaveOutcome, StoreError> {
    let token = cancel.clone();
    let work = blocking(move || {
        save_verified_cancellable(&file, secrets.as_ref(), account, &password, &token)
    });
    tokio::pin!(work);
    tokio::select! {
        outcome = &mut work => outcome,
        () = cancel.cancelled() => {
            if cancel.is_committing() {
                work.await
            } else {
                Err(StoreError::Cancelled)
            }
        }
    }
}

/// Every saved account, sorted by id. Needs no keychain.
pub async fn list(config_dir: &Path) -> Result<Vec<SavedAccount>, StoreError> {
    let file = AccountFile::new(config_dir);
    blocking(move || Ok(file.load()?)).await
}

/// One saved account by id.
pub async fn find(config_dir: &Path, id: &AccountId) -> Result<SavedAccount, StoreError> {
    list(config_dir)
        .await?
        .into_iter()
        .find(|a| &a.id == id)
        .ok_or_else(|| StoreError::NotFound { id: id.clone() })
}

/// Removes an account from the keychain and the file. `secrets: None` removes it from the
/// file only (when the keychain cannot be reached and the person chose to go on).
pub async fn remove(
    config_dir: &Path,
    secrets: Option<Arc<dyn SecretStore>>,
    id: AccountId,
) -> Result<Removed, StoreError> {
    let file = AccountFile::new(config_dir);
    blocking(move || remove_blocking(&file, secrets.as_deref(), &id)).await
}

/// Reads an account's passwords back from its keychain.
pub async fn passwords(
    secrets: Arc<dyn SecretStore>,
    account: SavedAccount,
) -> Result<AccountPasswords, StoreError> {
    blocking(move || passwords_blocking(secrets.as_ref(), &account)).await
}

/// Replaces an account's secret in its keychain entries (a rotated refresh token).
pub async fn replace_secret(
    secrets: Arc<dyn SecretStore>,
    account: SavedAccount,
    secret: SecretString,
) -> Result<(), StoreError> {
    blocking(move || ops::replace_secret_blocking(secrets.as_ref(), &account, &secret)).await
}

/// Records that an account verified again (`mailsetup accounts check`).
pub async fn mark_verified(
    config_dir: &Path,
    id: AccountId,
    at: Timestamp,
) -> Result<SavedAccount, StoreError> {
    let file = AccountFile::new(config_dir);
    blocking(move || mark_verified_blocking(&file, &id, at)).await
}

/// After the person agreed: sets a damaged account file aside (its copy stays) so the next
/// save starts a new list. `None` when the file was not damaged.
pub async fn set_aside_damaged(config_dir: &Path) -> Result<Option<PathBuf>, StoreError> {
    let file = AccountFile::new(config_dir);
    blocking(move || Ok(file.set_aside_damaged()?)).await
}
