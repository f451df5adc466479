//! Guarding the configuration folder against other copies of mailsetup and other users, in
//! the order a change goes through it:
//!
//! 1. the folder, if it already exists, must belong to this user (or root) and must not be
//!    writable by the group or by others — otherwise someone else could swap the account
//!    file (and send the next sign-in somewhere else) or plant links; it is refused, with the
//!    command that fixes it;
//! 2. the lock file `accounts.json.lock` is opened without following a symbolic link
//!    (O_NOFOLLOW on Unix; created with O_CREAT|O_EXCL, which never follows one either) and
//!    must be a plain file — a FIFO or device cannot make us hang or read from it;
//! 3. the exclusive lock (flock(2) / LockFileEx through `File::try_lock`) is waited for up
//!    to a deadline, then refused with "another copy of mailsetup is saving"; a `Cancel`
//!    stops the wait at once.
//!
//! Nothing slow happens under the lock: keychain calls are made before and after it
//! (`ops.rs`), so the lock is only ever held for a read and an atomic replace.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use super::error::{FileError, FolderProblem, LockError};

/// How long a writer waits for another copy of mailsetup to finish its change. Writers hold
/// the lock only for a read and a replace (milliseconds), so this is generous.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How often the lock is tried again while another copy holds it.
const RETRY_EVERY: Duration = Duration::from_millis(20);

/// Checks an existing folder (Unix: owner and mode). A folder that does not exist yet is
/// fine: mailsetup creates it, owner-only.
pub fn check_folder(dir: &Path) -> Result<(), FileError> {
    let meta = match fs::metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(FileError::Read {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    let refuse = |problem| FileError::UnsafeFolder {
        path: dir.to_path_buf(),
        problem,
    };
    if !meta.is_dir() {
        return Err(refuse(FolderProblem::NotAFolder));
    }
    private_to_me(&meta).map_err(refuse)
}

/// Whether a folder or file that exists is this user's alone to change (Unix): it belongs
/// to this user (or root) and the group and others cannot write to it.
pub fn private_to_me(meta: &fs::Metadata) -> Result<(), FolderProblem> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let me = rustix::process::geteuid().as_raw();
        let owner = meta.uid();
        if owner != me && owner != 0 {
            return Err(FolderProblem::Owner { owner, me });
        }
        let mode = meta.mode() & 0o7777;
        if mode & 0o022 != 0 {
            return Err(FolderProblem::Writable { mode });
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    Ok(())
}

/// Opens (or creates, mode 0600) the lock file without following a link, and checks that
/// it is a plain file.
pub fn open_lock_file(path: &Path) -> Result<File, FileError> {
    let refuse = || FileError::UnsafeFolder {
        path: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
        problem: FolderProblem::LockNotAFile {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        },
    };
    let write_error = |e| FileError::from_write(path, super::atomic::WriteStep::CreateTemp, e);
    // Two rounds: another copy may create the file between our open and our create.
    for _ in 0..2 {
        match open_existing(path) {
            Ok(file) => {
                let plain = file.metadata().map(|m| m.is_file()).unwrap_or(false);
                return if plain { Ok(file) } else { Err(refuse()) };
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) if is_link_refusal(&e) => return Err(refuse()),
            Err(e) => return Err(write_error(e)),
        }
        match create_new(path) {
            Ok(file) => return Ok(file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(write_error(e)),
        }
    }
    Err(refuse())
}

/// Read-only is enough for flock, and works where the folder has become read-only.
fn open_existing(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        // NONBLOCK: opening a FIFO someone put there returns at once instead of waiting for
        // a writer; it is then refused as not a plain file.
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    options.open(path)
}

/// O_CREAT|O_EXCL: fails on anything already there, a dangling link included.
fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// O_NOFOLLOW on a link fails with ELOOP (Linux, BSDs) or EMLINK (FreeBSD).
fn is_link_refusal(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        let code = e.raw_os_error();
        code == Some(rustix::io::Errno::LOOP.raw_os_error())
            || code == Some(rustix::io::Errno::MLINK.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Takes the exclusive lock on `file`, waiting at most `wait` for another copy of mailsetup
/// and stopping as soon as `cancel` is cancelled.
pub fn lock_within(
    file: &File,
    lock_path: &Path,
    wait: Duration,
    cancel: &Cancel,
) -> Result<(), LockError> {
    let started = Instant::now();
    loop {
        if cancel.is_cancelled() {
            return Err(LockError::Cancelled);
        }
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(source)) => {
                return Err(LockError::File(FileError::Lock {
                    path: lock_path.to_path_buf(),
                    source,
                }));
            }
        }
        if started.elapsed() >= wait {
            return Err(LockError::File(FileError::Busy {
                path: lock_path.to_path_buf(),
                waited: wait,
            }));
        }
        std::thread::sleep(RETRY_EVERY);
    }
}

const RUNNING: u8 = 0;
const CANCELLED: u8 = 1;
const COMMITTING: u8 = 2;

#[derive(Debug, Default)]
struct CancelInner {
    state: AtomicU8,
    notify: tokio::sync::Notify,
}

/// Stops a save that has not reached its final write. Shared between whoever may cancel (the
/// window) and the save; cloning shares it.
///
/// A save checks it between its steps. Once it begins the final write to the account file it
/// can no longer be cancelled: `cancel` then says so and the save finishes.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<CancelInner>);

impl Cancel {
    /// A token nobody has cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the save to stop. `true` when it will stop and undo what it did; `false` when it
    /// is already writing the account file and will finish.
    pub fn cancel(&self) -> bool {
        let state = self
            .0
            .state
            .compare_exchange(RUNNING, CANCELLED, Ordering::SeqCst, Ordering::SeqCst)
            .unwrap_or_else(|now| now);
        self.0.notify.notify_waiters();
        state != COMMITTING
    }

    /// Whether `cancel` stopped the save.
    pub fn is_cancelled(&self) -> bool {
        self.0.state.load(Ordering::SeqCst) == CANCELLED
    }

    /// Whether the save passed the point where it can be cancelled.
    pub fn is_committing(&self) -> bool {
        self.0.state.load(Ordering::SeqCst) == COMMITTING
    }

    /// Called by the save just before its final write: `false` when it was cancelled first.
    pub(crate) fn begin_commit(&self) -> bool {
        self.0
            .state
            .compare_exchange(RUNNING, COMMITTING, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    /// Resolves once `cancel` was called (at once if it was already).
    pub async fn cancelled(&self) {
        loop {
            let notified = self.0.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.0.state.load(Ordering::SeqCst) != RUNNING {
                return;
            }
            notified.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_after_the_commit_began_is_too_late() {
        let c = Cancel::new();
        assert!(c.begin_commit());
        assert!(!c.cancel(), "the final write runs to its end");
        assert!(!c.is_cancelled());

        let c = Cancel::new();
        assert!(c.cancel());
        assert!(c.is_cancelled());
        assert!(!c.begin_commit(), "nothing is written after a cancel");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_or_special_lock_file_is_refused_and_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        let lock = dir.path().join("accounts.json.lock");
        std::os::unix::fs::symlink(&target, &lock).unwrap();
        let err = open_lock_file(&lock).unwrap_err();
        assert!(matches!(
            err,
            FileError::UnsafeFolder {
                problem: FolderProblem::LockNotAFile { .. },
                ..
            }
        ));
        assert!(!target.exists(), "the dangling link was not followed");

        fs::remove_file(&lock).unwrap();
        fs::create_dir(&lock).unwrap();
        assert!(
            open_lock_file(&lock).is_err(),
            "a folder is not a lock file"
        );
        fs::remove_dir(&lock).unwrap();
        assert!(open_lock_file(&lock).unwrap().metadata().unwrap().is_file());
    }

    #[tokio::test]
    async fn cancelled_wakes_a_waiter_and_returns_at_once_afterwards() {
        let c = Cancel::new();
        let waiter = tokio::spawn({
            let c = c.clone();
            async move { c.cancelled().await }
        });
        tokio::task::yield_now().await;
        c.cancel();
        tokio::time::timeout(Duration::from_secs(5), waiter)
            .await
            .expect("woken")
            .expect("joined");
        c.cancelled().await;
    }
}
