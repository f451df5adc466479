//! `accounts.json`: the list of saved accounts, never a password.
//!
//! Format: pretty-printed JSON (RFC 8259), `{"version": 1, "accounts": [...]}`, accounts
//! sorted by id. Rules kept here:
//! - every save is an atomic replace (`atomic.rs`): a crash leaves the old or the new file;
//! - file mode 0600, folder 0700 when mailsetup creates it (Unix); an existing folder that
//!   someone else owns or can write to is refused before anything is read (`lock.rs`);
//! - every change is read-modify-write under an exclusive lock on `accounts.json.lock`
//!   (flock(2) on Unix, LockFileEx on Windows), so two running copies never lose each
//!   other's changes; the wait for it has a deadline (`lock.rs`); readers need no lock;
//! - a file from a newer mailsetup (`version` above ours) is refused, never rewritten;
//! - the file is data, not instructions (`check_account`): an account's id is a readable id,
//!   its `ca_file` can only name the account's own copy in this folder (`ID.ca.pem`), and its
//!   keychain entries can only be the names the store derives for that account (service
//!   `mailsetup`, user `ID/ROLE/TAG[/NONCE]`); a file that says otherwise is refused as damaged,
//!   naming the account and the field, before anything reads a keychain or a certificate;
//! - a damaged file is never overwritten: it stays as it is, a copy is kept as
//!   `accounts.json.corrupt-<UTC time>`, and every read or save reports it until the person
//!   repairs it or sets it aside (`set_aside_damaged`).

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::atomic::{self, Disk, RealDisk, WriteStep};
use super::error::{FileError, FolderProblem, LockError};
use super::lock::{self, Cancel};
use super::model::{SavedAccount, Timestamp};

/// The file's name in the configuration folder.
pub const FILE_NAME: &str = "accounts.json";
/// The lock file every writer holds while it reads, changes and replaces the list.
pub const LOCK_NAME: &str = "accounts.json.lock";
/// The format version this mailsetup writes and reads.
pub const CURRENT_VERSION: u32 = 1;
/// Copies of damaged files are named `accounts.json.corrupt-<time>`.
pub const CORRUPT_PREFIX: &str = "accounts.json.corrupt-";

#[derive(Serialize, Deserialize)]
struct OnDisk {
    version: u32,
    accounts: Vec<SavedAccount>,
}

/// The account file in one configuration folder.
#[derive(Debug, Clone)]
pub struct AccountFile {
    dir: PathBuf,
    disk: Arc<dyn Disk>,
    lock_wait: Duration,
}

impl AccountFile {
    /// The account file in `dir` (created on the first save).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self::with_disk(dir, Arc::new(RealDisk))
    }

    /// Same, with the file operations of the atomic replace going through `disk` (tests).
    pub fn with_disk(dir: impl Into<PathBuf>, disk: Arc<dyn Disk>) -> Self {
        Self {
            dir: dir.into(),
            disk,
            lock_wait: lock::LOCK_WAIT,
        }
    }

    /// Same, waiting at most `wait` for another copy of mailsetup to release the lock.
    pub fn with_lock_wait(mut self, wait: Duration) -> Self {
        self.lock_wait = wait;
        self
    }

    /// The configuration folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `DIR/accounts.json`.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Eight hex digits naming this folder in keychain entries (SHA-256 of its canonical
    /// path), so folders never share entries. Stable while the folder stays where it is;
    /// accounts keep the entry names they were saved with even if it moves.
    pub fn keychain_tag(&self) -> String {
        let path = fs::canonicalize(&self.dir)
            .or_else(|_| std::path::absolute(&self.dir))
            .unwrap_or_else(|_| self.dir.clone());
        let digest =
            ring::digest::digest(&ring::digest::SHA256, path.as_os_str().as_encoded_bytes());
        digest.as_ref()[..4]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether `account`'s keychain entries were made for another folder (their tag is not
    /// this folder's): the folder was copied or moved, and a copy shares the entries with
    /// its original — removing or replacing the account here changes them there too.
    /// `accounts list` says so.
    pub fn entries_from_elsewhere(&self, account: &SavedAccount) -> bool {
        let tag = self.keychain_tag();
        [&account.keychain.incoming, &account.keychain.outgoing]
            .iter()
            .any(|e| e.user.split('/').nth(2).is_some_and(|t| t != tag))
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(LOCK_NAME)
    }

    /// Reads the accounts without taking the lock (a rename is atomic, so a reader sees a
    /// whole file). No file yet means no accounts.
    pub fn load(&self) -> Result<Vec<SavedAccount>, FileError> {
        lock::check_folder(&self.dir)?;
        let path = self.path();
        match fs::read(&path) {
            Ok(bytes) => parse_or_keep(&path, &bytes, self.disk.as_ref()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(source) => Err(FileError::Read { path, source }),
        }
    }

    /// Takes the exclusive lock (waiting, up to the deadline, for another copy of mailsetup
    /// to finish its change), creating the folder (mode 0700) and the lock file first if
    /// needed.
    pub fn lock(&self) -> Result<LockedFile<'_>, FileError> {
        match self.lock_or_cancel(&Cancel::new()) {
            Ok(locked) => Ok(locked),
            Err(LockError::File(e)) => Err(e),
            // Nobody holds that token, so it cannot have been cancelled.
            Err(LockError::Cancelled) => Err(FileError::Busy {
                path: self.lock_path(),
                waited: Duration::ZERO,
            }),
        }
    }

    /// `lock`, giving up as soon as `cancel` is cancelled.
    pub fn lock_or_cancel(&self, cancel: &Cancel) -> Result<LockedFile<'_>, LockError> {
        self.ensure_dir().map_err(LockError::File)?;
        let lock_path = self.lock_path();
        let guard = lock::open_lock_file(&lock_path).map_err(LockError::File)?;
        lock::lock_within(&guard, &lock_path, self.lock_wait, cancel)?;
        Ok(LockedFile {
            file: self,
            _guard: guard,
        })
    }

    /// Reads, changes and saves the list under the lock. Nothing is written when `change`
    /// fails.
    pub fn update<T, E>(
        &self,
        change: impl FnOnce(&mut Vec<SavedAccount>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<FileError>,
    {
        let locked = self.lock()?;
        let mut accounts = locked.read()?;
        let out = change(&mut accounts)?;
        locked.write(&accounts)?;
        Ok(out)
    }

    /// After the person agreed: moves a damaged `accounts.json` out of the way so the next
    /// save starts a new list. Returns where its copy is, or `None` when the file was not
    /// damaged (then nothing changes). A file from a newer version is never set aside.
    pub fn set_aside_damaged(&self) -> Result<Option<PathBuf>, FileError> {
        let locked = self.lock()?;
        match locked.read() {
            Ok(_) => Ok(None),
            Err(FileError::Damaged {
                copy: Some(copy), ..
            }) => {
                let path = self.path();
                fs::remove_file(&path)
                    .map_err(|e| FileError::from_write(&path, WriteStep::Rename, e))?;
                let _ = self.disk.sync_dir(&self.dir);
                Ok(Some(copy))
            }
            Err(other) => Err(other),
        }
    }

    fn ensure_dir(&self) -> Result<(), FileError> {
        if self.dir.exists() {
            return lock::check_folder(&self.dir);
        }
        let fail = |source: io::Error| match source.kind() {
            io::ErrorKind::ReadOnlyFilesystem
            | io::ErrorKind::PermissionDenied
            | io::ErrorKind::StorageFull => {
                FileError::from_write(&self.dir, WriteStep::CreateTemp, source)
            }
            _ => FileError::CreateDir {
                path: self.dir.clone(),
                source,
            },
        };
        if let Some(parent) = self.dir.parent()
            && !parent.as_os_str().is_empty()
        {
            fs::create_dir_all(parent).map_err(fail)?;
        }
        // Only unix sets a mode: elsewhere the builder stays as made.
        #[cfg_attr(not(unix), allow(unused_mut))]
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        match builder.create(&self.dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => lock::check_folder(&self.dir),
            Err(e) => Err(fail(e)),
        }
    }
}

/// The account file while this process holds the lock. Dropping it releases the lock.
#[derive(Debug)]
pub struct LockedFile<'a> {
    file: &'a AccountFile,
    _guard: File,
}

impl LockedFile<'_> {
    /// Reads the accounts (no file yet: none).
    pub fn read(&self) -> Result<Vec<SavedAccount>, FileError> {
        self.file.load()
    }

    /// Writes a file beside the account file (owner-only, atomic replace), e.g. the copy of
    /// an account's certificate authority file.
    pub fn write_beside(&self, name: &str, bytes: &[u8]) -> Result<(), FileError> {
        let path = self.file.dir().join(name);
        atomic::replace(self.file.disk.as_ref(), &path, bytes)
            .map_err(|e| FileError::from_write(&path, e.step, e.source))
    }

    /// Replaces the file with `accounts` (sorted by id), atomically.
    pub fn write(&self, accounts: &[SavedAccount]) -> Result<(), FileError> {
        let path = self.file.path();
        let bytes = render_accounts(accounts).map_err(|e| FileError::Write {
            path: path.clone(),
            step: WriteStep::Write,
            source: io::Error::other(e),
        })?;
        // Only writers holding the lock create temporaries, so any left now are a killed
        // writer's.
        atomic::remove_stale_temps(&path);
        match atomic::replace(self.file.disk.as_ref(), &path, &bytes) {
            Ok(()) => Ok(()),
            Err(e) if e.step == WriteStep::SyncDir => {
                // The new file is in place and every process sees it; only its survival of a
                // power cut is unconfirmed. Failing now would undo a save that took effect.
                tracing::warn!(path = %path.display(), error = %e.source, "could not flush the folder after saving");
                Ok(())
            }
            Err(e) => Err(FileError::from_write(&path, e.step, e.source)),
        }
    }
}

/// The file's bytes for `accounts`: pretty JSON, sorted by id, a final newline.
#[doc(hidden)]
pub fn render_accounts(accounts: &[SavedAccount]) -> Result<Vec<u8>, serde_json::Error> {
    let mut sorted = accounts.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let doc = OnDisk {
        version: CURRENT_VERSION,
        accounts: sorted,
    };
    let mut bytes = serde_json::to_vec_pretty(&doc)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The accounts in a file's bytes, judged as `AccountFile::load` judges them (without
/// keeping a copy of a damaged file): for the fuzz target and tests.
#[doc(hidden)]
pub fn parse_accounts(bytes: &[u8]) -> Result<Vec<SavedAccount>, String> {
    parse(bytes).map_err(|p| match p {
        Problem::Damaged(detail) => detail,
        Problem::TooNew(found) => format!("file version {found} is newer than this mailsetup"),
    })
}

/// What is wrong with a file's bytes, before a copy is kept.
enum Problem {
    Damaged(String),
    TooNew(u64),
}

/// Parses the file; a damaged one is copied aside and reported.
fn parse_or_keep(
    path: &Path,
    bytes: &[u8],
    disk: &dyn Disk,
) -> Result<Vec<SavedAccount>, FileError> {
    match parse(bytes) {
        Ok(accounts) => Ok(accounts),
        Err(Problem::TooNew(found)) => Err(FileError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: CURRENT_VERSION,
        }),
        Err(Problem::Damaged(detail)) => {
            let copy = keep_copy(path, bytes, disk).ok();
            if copy.is_none() {
                tracing::warn!(path = %path.display(), "could not keep a copy of the damaged account file");
            }
            Err(FileError::Damaged {
                path: path.to_path_buf(),
                detail,
                copy,
            })
        }
    }
}

fn parse(bytes: &[u8]) -> Result<Vec<SavedAccount>, Problem> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::Damaged("the file is empty".into()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Problem::Damaged(format!("not JSON: {e}")))?;
    let Some(object) = value.as_object() else {
        return Err(Problem::Damaged(
            "the file is not a JSON object with \"version\" and \"accounts\"".into(),
        ));
    };
    let version = match object.get("version") {
        None => return Err(Problem::Damaged("there is no \"version\" field".into())),
        Some(v) => v
            .as_u64()
            .filter(|n| *n >= 1)
            .ok_or_else(|| Problem::Damaged(format!("\"version\" is {v}, not a version number")))?,
    };
    if version > u64::from(CURRENT_VERSION) {
        return Err(Problem::TooNew(version));
    }
    let doc: OnDisk = serde_json::from_slice(bytes)
        .map_err(|e| Problem::Damaged(format!("unexpected content: {e}")))?;
    let mut ids: Vec<&str> = doc.accounts.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(Problem::Damaged(format!(
            "two accounts have the id \"{}\"",
            pair[0]
        )));
    }
    for account in &doc.accounts {
        check_account(account).map_err(Problem::Damaged)?;
    }
    Ok(doc.accounts)
}

/// The checks the account file's folder passes (`lock::check_folder`), for another file read
/// from the configuration folder (`oauth.json`): the folder is this user's and only theirs to
/// change, and the file, when it exists, is a plain file (not a link, FIFO or device) that
/// belongs to this user (or root) and that nobody else can change.
pub fn check_config_file(path: &Path) -> Result<(), FileError> {
    if let Some(dir) = path.parent() {
        lock::check_folder(dir)?;
    }
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(FileError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let refuse = |problem| FileError::UnsafeFolder {
        path: path.to_path_buf(),
        problem,
    };
    if !meta.file_type().is_file() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Err(refuse(FolderProblem::NotAPlainFile { name }));
    }
    lock::private_to_me(&meta).map_err(refuse)
}

/// Whether `text` is a word of the store's own making: ASCII letters, digits and dashes.
fn is_word(text: &str) -> bool {
    (1..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Checks that an account read from the file names only what the store itself would have
/// written for it (see the module header); the error says which account and field.
pub fn check_account(account: &SavedAccount) -> Result<(), String> {
    use super::model::{KEYCHAIN_SERVICE, Role};
    let id = account.id.as_str();
    if !is_word(id) {
        return Err(format!(
            "an account has the id {}, which mailsetup never writes",
            crate::shown::shell_quote(id)
        ));
    }
    if let Some(name) = &account.ca_file
        && *name != SavedAccount::ca_file_name(&account.id)
    {
        return Err(format!(
            "account \"{id}\" names the certificate file {}; only its own copy in the \
             configuration folder ({}) is used",
            crate::shown::shell_quote(name),
            SavedAccount::ca_file_name(&account.id)
        ));
    }
    for role in [Role::Incoming, Role::Outgoing] {
        let entry = account.keychain.entry(role);
        let parts: Vec<&str> = entry.user.split('/').collect();
        let derived = entry.service == KEYCHAIN_SERVICE
            && (3..=4).contains(&parts.len())
            && parts[0] == id
            && parts[1] == role.word()
            && parts[2..].iter().all(|p| is_word(p));
        if !derived {
            return Err(format!(
                "account \"{id}\" names the keychain entry {} for its {} password, not one \
                 mailsetup derives for it",
                crate::shown::shell_quote(&entry.to_string()),
                role.word()
            ));
        }
    }
    Ok(())
}

/// Keeps a copy of a damaged file next to it, mode 0600. An identical copy already there is
/// reused, so reading a damaged file again and again does not pile up copies.
fn keep_copy(path: &Path, bytes: &[u8], disk: &dyn Disk) -> io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    for entry in fs::read_dir(dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        // Only plain files: a link or a FIFO planted here is never followed or read.
        let plain = entry.file_type().is_ok_and(|t| t.is_file());
        if plain
            && name.starts_with(CORRUPT_PREFIX)
            && fs::read(entry.path()).is_ok_and(|b| b == bytes)
        {
            return Ok(entry.path());
        }
    }
    let stamp = copy_stamp(Timestamp::now());
    for n in 1u32..1000 {
        let name = if n == 1 {
            format!("{CORRUPT_PREFIX}{stamp}")
        } else {
            format!("{CORRUPT_PREFIX}{stamp}-{n}")
        };
        let copy = dir.join(name);
        let mut file = match disk.create_new(&copy) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = disk
            .write_all(&mut file, bytes)
            .and_then(|()| disk.sync(&file));
        if let Err(e) = written {
            drop(file);
            let _ = fs::remove_file(&copy);
            return Err(e);
        }
        let _ = disk.sync_dir(dir);
        return Ok(copy);
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many copies of damaged files",
    ))
}

/// `20261126T072042Z`: sortable, and safe in file names everywhere.
fn copy_stamp(t: Timestamp) -> String {
    let t = t.0.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_shapes_are_checked_before_content() {
        assert!(matches!(parse(b""), Err(Problem::Damaged(_))));
        assert!(matches!(parse(b"[1, 2]"), Err(Problem::Damaged(_))));
        assert!(matches!(
            parse(b"{\"accounts\": []}"),
            Err(Problem::Damaged(_))
        ));
        assert!(matches!(
            parse(b"{\"version\": \"1\", \"accounts\": []}"),
            Err(Problem::Damaged(_))
        ));
        assert!(matches!(
            parse(b"{\"version\": 7, \"accounts\": \"anything\"}"),
            Err(Problem::TooNew(7))
        ));
        assert!(matches!(
            parse(b"{\"version\": 1, \"accounts\": \"x\"}"),
            Err(Problem::Damaged(_))
        ));
        assert_eq!(
            parse(b"{\"version\": 1, \"accounts\": []}")
                .ok()
                .map(|a| a.len()),
            Some(0)
        );
    }

    #[test]
    fn copy_stamps_sort_like_time() {
        let t = Timestamp(time::macros::datetime!(2026-11-26 07:20:42 UTC));
        assert_eq!(copy_stamp(t), "20261126T072042Z");
    }
}
