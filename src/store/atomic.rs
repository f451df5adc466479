//! Replacing a file so that a crash at any moment leaves either the old content or the new
//! one, never a mix: write a temporary file in the same directory (mode 0600 on Unix), flush
//! and fsync it, rename it over the target, then fsync the directory (Unix) so the rename
//! itself survives a power cut. rename(2) within one filesystem is atomic (POSIX); on Windows
//! `std::fs::rename` replaces the target with `MoveFileExW(MOVEFILE_REPLACE_EXISTING)`.
//!
//! Every step passes through a `Disk`, the seam where tests inject a failure (a full disk, a
//! refused rename) at an exact step without needing a special filesystem.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The steps of one atomic replace, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WriteStep {
    /// Creating the temporary file next to the target.
    CreateTemp,
    /// Writing the new content into it.
    Write,
    /// fsync of the temporary file.
    Sync,
    /// Renaming it over the target.
    Rename,
    /// fsync of the directory (Unix).
    SyncDir,
}

impl WriteStep {
    pub fn label(self) -> &'static str {
        match self {
            WriteStep::CreateTemp => "create the temporary file",
            WriteStep::Write => "write the new content",
            WriteStep::Sync => "flush the new content to disk",
            WriteStep::Rename => "put the new file in place",
            WriteStep::SyncDir => "flush the folder to disk",
        }
    }
}

impl fmt::Display for WriteStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The file operations an atomic replace uses. The default (`RealDisk`) is the real
/// filesystem; tests wrap it to fail at a chosen step.
pub trait Disk: Send + Sync + fmt::Debug {
    /// Creates a new file that must not exist yet, readable by the owner only.
    fn create_new(&self, path: &Path) -> io::Result<File> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(path)
    }

    /// Writes all of `bytes` into `file`.
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)?;
        file.flush()
    }

    /// Flushes the file's data and metadata to the device.
    fn sync(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    /// Renames `from` over `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    /// Flushes the directory entry changes (Unix); nothing elsewhere.
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }
}

/// The real filesystem.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealDisk;

impl Disk for RealDisk {}

/// An atomic replace that failed: at which step, and the operating system's error. The target
/// file was not changed (except for `SyncDir`, where the new content is in place but its
/// durability across a power cut is not confirmed).
#[derive(Debug)]
pub struct ReplaceError {
    pub step: WriteStep,
    pub source: io::Error,
}

/// The prefix of temporary files for `target` (`.accounts.json.tmp-`).
pub fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    format!(".{name}.tmp-")
}

fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = format!("{}{}-{n}", temp_prefix(target), std::process::id());
    target.with_file_name(name)
}

/// Replaces `target` with `bytes` atomically. On failure before the rename the temporary file
/// is removed again and `target` is untouched.
pub fn replace(disk: &dyn Disk, target: &Path, bytes: &[u8]) -> Result<(), ReplaceError> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = temp_path(target);
    let fail = |step: WriteStep| move |source: io::Error| ReplaceError { step, source };

    let mut file = disk
        .create_new(&temp)
        .map_err(fail(WriteStep::CreateTemp))?;
    let written = disk
        .write_all(&mut file, bytes)
        .map_err(fail(WriteStep::Write))
        .and_then(|()| disk.sync(&file).map_err(fail(WriteStep::Sync)));
    drop(file);
    let renamed =
        written.and_then(|()| disk.rename(&temp, target).map_err(fail(WriteStep::Rename)));
    if let Err(e) = renamed {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    disk.sync_dir(&dir).map_err(fail(WriteStep::SyncDir))
}

/// Removes temporary files a killed writer left next to `target`. Only call this while
/// holding the lock that every writer takes, so no live writer's file is removed.
pub fn remove_stale_temps(target: &Path) {
    let Some(dir) = target.parent() else {
        return;
    };
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct FailAt(WriteStep);

    impl Disk for FailAt {
        fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
            if self.0 == WriteStep::Write {
                // Half the bytes reach the file, as on a disk that fills up mid-write.
                file.write_all(&bytes[..bytes.len() / 2])?;
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            RealDisk.write_all(file, bytes)
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            if self.0 == WriteStep::Rename {
                return Err(io::Error::from(io::ErrorKind::PermissionDenied));
            }
            RealDisk.rename(from, to)
        }
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("f.json");
        replace(&RealDisk, &target, b"old").unwrap();
        for step in [WriteStep::Write, WriteStep::Rename] {
            let err = replace(&FailAt(step), &target, b"new content").unwrap_err();
            assert_eq!(err.step, step);
            assert_eq!(fs::read(&target).unwrap(), b"old");
            let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
            assert_eq!(names.len(), 1, "only the target is left");
        }
        replace(&RealDisk, &target, b"new").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn the_new_file_is_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("f.json");
        fs::write(&target, b"loose").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        replace(&RealDisk, &target, b"tight").unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
