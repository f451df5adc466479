//! What can go wrong with the account file and its folder, as types: `FileError` (reading,
//! locking or saving `accounts.json`; each message says what happened to the existing data
//! and what to do), `FolderProblem` (why a folder or a file in it is not safe to use) and
//! `LockError` (why the lock was not taken). The file (`file.rs`) and the lock (`lock.rs`)
//! both report in these words. Above them, `StoreError` (why an account could not be
//! saved, read or removed, whatever the part that failed) and `SaveWarning` (what a save
//! could not tidy up); `CONFIG_DIR_ENV` lives here because the error that asks for it names
//! it.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::atomic::WriteStep;
use super::model::{AccountId, EntryName, InvalidAccount, KeychainKind};
use super::secret::KeychainError;

/// Why the account file could not be read or saved. Paths are the file's; each message says
/// what happened to the existing data (always: unchanged) and what to do.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("could not create the configuration folder {path}: {source}")]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("could not read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error(
        "{path} is damaged ({detail}). It was left as it is{}. Repair it, or move it away to \
         start a new list of accounts",
        kept_words(copy.as_deref())
    )]
    Damaged {
        path: PathBuf,
        detail: String,
        /// Where the copy of the damaged file is (none if the copy could not be written).
        copy: Option<PathBuf>,
    },
    #[error(
        "{path} was written by a newer mailsetup (file version {found}; this one reads up to \
         version {supported}). It was not changed: update mailsetup to use these accounts"
    )]
    TooNew {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error("could not lock {path} against other running copies of mailsetup: {source}")]
    Lock { path: PathBuf, source: io::Error },
    #[error(
        "another copy of mailsetup is saving (it has held {path} for more than {} s). Nothing \
         was changed: let it finish or close it, then try again",
        waited.as_secs()
    )]
    Busy { path: PathBuf, waited: Duration },
    #[error(
        "the configuration folder {path} is not safe to keep accounts in: {}. Nothing was \
         read or changed",
        problem.to_string().replace("PATH", &path.display().to_string())
    )]
    UnsafeFolder {
        path: PathBuf,
        problem: FolderProblem,
    },
    #[error(
        "could not save {path}: the disk is full ({source}). The previous file is unchanged; \
         free some space and try again"
    )]
    DiskFull { path: PathBuf, source: io::Error },
    #[error(
        "could not save {path}: the folder is on a read-only filesystem ({source}). The \
         previous file is unchanged; choose a writable folder (--config-dir) or remount it"
    )]
    ReadOnly { path: PathBuf, source: io::Error },
    #[error(
        "could not save {path}: permission denied ({source}). The previous file is unchanged; \
         check who owns the folder"
    )]
    PermissionDenied { path: PathBuf, source: io::Error },
    #[error("could not save {path} (could not {step}): {source}. The previous file is unchanged")]
    Write {
        path: PathBuf,
        step: WriteStep,
        source: io::Error,
    },
}

fn kept_words(copy: Option<&Path>) -> String {
    match copy {
        Some(p) => format!(", and a copy was kept as {}", p.display()),
        None => ", but no copy could be written next to it".to_string(),
    }
}

impl FileError {
    /// A stable snake_case code (for JSON output and tests).
    pub fn code(&self) -> &'static str {
        match self {
            FileError::CreateDir { .. } => "create_dir_failed",
            FileError::Read { .. } => "read_failed",
            FileError::Damaged { .. } => "damaged",
            FileError::TooNew { .. } => "too_new",
            FileError::Lock { .. } => "lock_failed",
            FileError::Busy { .. } => "busy",
            FileError::UnsafeFolder { .. } => "unsafe_folder",
            FileError::DiskFull { .. } => "disk_full",
            FileError::ReadOnly { .. } => "read_only",
            FileError::PermissionDenied { .. } => "permission_denied",
            FileError::Write { .. } => "write_failed",
        }
    }

    /// Classifies an operating-system error from a step that changes the folder.
    pub(crate) fn from_write(path: &Path, step: WriteStep, source: io::Error) -> FileError {
        let path = path.to_path_buf();
        match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                FileError::DiskFull { path, source }
            }
            io::ErrorKind::ReadOnlyFilesystem => FileError::ReadOnly { path, source },
            io::ErrorKind::PermissionDenied => FileError::PermissionDenied { path, source },
            _ => FileError::Write { path, step, source },
        }
    }
}

/// What is wrong with an existing configuration folder or its lock file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FolderProblem {
    #[error(
        "it belongs to user {owner}, not to you (user {me}): fix it with `chown {me} PATH` as \
         root, or choose a folder of your own (--config-dir)"
    )]
    Owner { owner: u32, me: u32 },
    #[error(
        "other users can change files in it (mode {mode:03o}): fix it with `chmod go-w PATH`, \
         or choose a folder of your own (--config-dir)"
    )]
    Writable { mode: u32 },
    #[error("it is not a folder")]
    NotAFolder,
    #[error(
        "its lock file {name} is a link or not a plain file, and was not opened: remove it and \
         try again"
    )]
    LockNotAFile { name: String },
    #[error("{name} in it is a link or not a plain file, and was not read: remove it")]
    NotAPlainFile { name: String },
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    File(FileError),
    Cancelled,
}

/// The environment variable that moves the configuration folder (tests, portable use).
pub const CONFIG_DIR_ENV: &str = "MAILSETUP_CONFIG_DIR";

/// Why an account could not be saved, read or removed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    #[error("the account cannot be saved: {0}")]
    Invalid(#[from] InvalidAccount),
    #[error("no saved account has the id \"{id}\" (`mailsetup accounts list` shows them)")]
    NotFound { id: AccountId },
    #[error(
        "account \"{id}\" keeps its password in the {saved_in}, not in the {given}: use \
         --keychain {}",
        saved_in.word()
    )]
    WrongKeychain {
        id: AccountId,
        saved_in: KeychainKind,
        given: KeychainKind,
    },
    #[error(
        "{cause}. Putting the keychain back as it was failed as well ({undo}): remove the \
         entry {entry} by hand in the keychain manager"
    )]
    RollbackFailed {
        /// What went wrong first.
        cause: Box<StoreError>,
        /// Why the keychain could not be put back.
        undo: KeychainError,
        entry: EntryName,
    },
    #[error(
        "no configuration folder could be found for this user (no home folder?): pass \
         --config-dir DIR or set {CONFIG_DIR_ENV}"
    )]
    NoConfigDir,
    #[error("the storage task stopped unexpectedly: {detail}")]
    Task { detail: String },
    #[error("saving was cancelled; nothing was saved")]
    Cancelled,
}

impl StoreError {
    /// A stable snake_case code (for JSON output and tests).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::File(e) => e.code(),
            StoreError::Keychain(e) => e.code(),
            StoreError::Invalid(_) => "invalid_account",
            StoreError::NotFound { .. } => "account_not_found",
            StoreError::WrongKeychain { .. } => "wrong_keychain",
            StoreError::RollbackFailed { .. } => "rollback_failed",
            StoreError::NoConfigDir => "no_config_dir",
            StoreError::Task { .. } => "task_failed",
            StoreError::Cancelled => "cancelled",
        }
    }

    /// The keychain error inside, if the keychain is what failed.
    pub fn keychain(&self) -> Option<&KeychainError> {
        match self {
            StoreError::Keychain(e) => Some(e),
            _ => None,
        }
    }
}

/// Something a save could not tidy up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveWarning {
    #[error(
        "the old password entry {entry} in the {store} could not be removed ({error}); remove \
         it by hand"
    )]
    OldEntryLeft {
        store: KeychainKind,
        entry: EntryName,
        error: KeychainError,
    },
}
