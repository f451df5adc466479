//! The account operations that touch both the file and the keychain, in the order that
//! leaves no half-saved account behind and never calls the keychain while holding the
//! accounts-file lock (a keychain call can wait minutes for an unlock prompt; the lock must
//! only ever be held for a read and an atomic replace). All of them block: run them with
//! `spawn_blocking`, as `mod.rs` does.
//!
//! Saving, optimistically:
//! 1. read the list without the lock and plan: the account's id (kept when the address is
//!    already saved) and fresh keychain entries named `ID/ROLE/TAG/NONCE`;
//! 2. write the password into those entries — outside the lock; no entry anyone else uses is
//!    ever overwritten, so two copies of mailsetup saving at once cannot clobber each other;
//! 3. take the lock (with its deadline), read again and check that the plan still holds (the
//!    address still has the id planned, or a new id is still free); if another copy changed
//!    the list meanwhile, the fresh entries are deleted and the save starts over at 1;
//! 4. write the file; then, outside the lock, delete the entries the replaced account used.
//!
//! If the file cannot be written, or the save was cancelled before step 4, the fresh entries
//! are deleted again; if that fails too, the error names the entry to remove by hand.
//!
//! Removing: the entries are read (to be able to restore them) and deleted outside the lock;
//! then, under the lock, the account leaves the file if it still uses those entries; if the
//! file cannot be written the entries are restored. The copy of the account's certificate
//! authority file, if one was kept (written in step 4 of a save, beside the account file),
//! goes with it.

use secrecy::SecretString;

use super::error::{FileError, LockError, SaveWarning, StoreError};
use super::file::{AccountFile, LockedFile};
use super::lock::Cancel;
use super::model::{
    AccountId, EntryName, KeychainKind, KeychainRef, Role, SavedAccount, Timestamp, VerifiedAccount,
};
use super::secret::{self, KeychainError, SecretStore};

/// A saved account and what else the caller should know.
#[derive(Debug, Clone)]
pub struct SaveOutcome {
    /// As written to the file (with its id and keychain reference).
    pub account: SavedAccount,
    /// An account for the same address was replaced (its id was kept).
    pub replaced: bool,
    /// Things that did not stop the save but should be shown.
    pub warnings: Vec<SaveWarning>,
}

/// A removed account.
#[derive(Debug, Clone)]
pub struct Removed {
    pub account: SavedAccount,
    /// The keychain was not touched (removal without the keychain): its entries may remain.
    pub entries_left: bool,
}

/// The two passwords of an account, as read back from the keychain.
#[derive(Debug)]
pub struct AccountPasswords {
    pub incoming: SecretString,
    pub outgoing: SecretString,
}

const ROLES: [Role; 2] = [Role::Incoming, Role::Outgoing];

/// How often a save or removal starts over because another copy changed the list under it.
const ATTEMPTS: u32 = 5;

/// What an entry held before a removal deleted it.
struct Before {
    entry: EntryName,
    secret: Option<SecretString>,
    /// The label to write back with the secret.
    label: String,
}

/// Saves a verified account and its password. An account for the same address is replaced
/// (its id stays); otherwise a new id is chosen. Blocks.
pub fn save_verified_blocking(
    file: &AccountFile,
    secrets: &dyn SecretStore,
    account: VerifiedAccount,
    password: &SecretString,
) -> Result<SaveOutcome, StoreError> {
    save_verified_cancellable(file, secrets, account, password, &Cancel::new())
}

/// `save_verified_blocking` that stops (and undoes its keychain writes) when `cancel` is
/// cancelled before the final write of the account file.
pub fn save_verified_cancellable(
    file: &AccountFile,
    secrets: &dyn SecretStore,
    account: VerifiedAccount,
    password: &SecretString,
    cancel: &Cancel,
) -> Result<SaveOutcome, StoreError> {
    account.validate()?;
    let ca = match &account.ca_file {
        Some(path) => Some(read_ca_file(path)?),
        None => None,
    };
    let tag = file.keychain_tag();
    for _ in 0..ATTEMPTS {
        if cancel.is_cancelled() {
            return Err(StoreError::Cancelled);
        }
        // 1. Plan from the list as it is now.
        let before = file.load()?;
        let existing = before.iter().find(|a| a.is_for(&account.email));
        let id = match existing {
            Some(a) => a.id.clone(),
            None => AccountId::unique_for(&account.email, before.iter().map(|a| &a.id)),
        };
        let keychain = KeychainRef::for_save(&id, secrets.kind(), &tag, &nonce());
        let mut saved = SavedAccount::from_verified(id, keychain, account.clone());
        saved.ca_file = ca.is_some().then(|| SavedAccount::ca_file_name(&saved.id));

        // 2. The keychain, outside the lock.
        write_entries(secrets, &saved, password)?;

        // 3. and 4. The file, under the lock.
        match commit(file, &saved, ca.as_deref(), existing.is_some(), cancel) {
            Ok(Commit::Done { replaced }) => {
                let warnings = match &replaced {
                    Some(old) => delete_old_entries(secrets, &old.keychain),
                    None => Vec::new(),
                };
                return Ok(SaveOutcome {
                    replaced: replaced.is_some(),
                    account: saved,
                    warnings,
                });
            }
            Ok(Commit::Changed) => drop_entries(secrets, &saved.keychain),
            Err(cause) => return Err(undo_entries(secrets, &saved.keychain, cause)),
        }
    }
    Err(StoreError::File(FileError::Busy {
        path: file.path(),
        waited: std::time::Duration::ZERO,
    }))
}

/// The largest certificate authority file kept with an account.
const CA_FILE_LIMIT: u64 = 1024 * 1024;

/// Reads the certificate authority file to keep a copy of (at most `CA_FILE_LIMIT` bytes).
fn read_ca_file(path: &std::path::Path) -> Result<Vec<u8>, StoreError> {
    use std::io::Read;
    let read = |path: &std::path::Path| -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        std::fs::File::open(path)?
            .take(CA_FILE_LIMIT + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > CA_FILE_LIMIT {
            return Err(std::io::Error::other(format!(
                "larger than {} KiB, not a certificate file",
                CA_FILE_LIMIT / 1024
            )));
        }
        Ok(bytes)
    };
    read(path).map_err(|source| {
        StoreError::File(FileError::Read {
            path: path.to_path_buf(),
            source,
        })
    })
}

/// How step 3 ended.
enum Commit {
    /// The file holds the account; `replaced` is the account it replaced.
    Done { replaced: Option<Box<SavedAccount>> },
    /// Another copy of mailsetup changed the list since the plan: start over.
    Changed,
}

fn commit(
    file: &AccountFile,
    saved: &SavedAccount,
    ca: Option<&[u8]>,
    planned_existing: bool,
    cancel: &Cancel,
) -> Result<Commit, StoreError> {
    let locked = lock(file, cancel)?;
    let mut accounts = locked.read()?;
    let now = accounts.iter().position(|a| a.is_for(&saved.email));
    let holds = match now {
        Some(i) => planned_existing && accounts[i].id == saved.id,
        None => !planned_existing && !accounts.iter().any(|a| a.id == saved.id),
    };
    if !holds {
        return Ok(Commit::Changed);
    }
    if !cancel.begin_commit() {
        return Err(StoreError::Cancelled);
    }
    if let (Some(name), Some(bytes)) = (&saved.ca_file, ca) {
        locked.write_beside(name, bytes)?;
    }
    let replaced = match now {
        Some(i) => Some(Box::new(std::mem::replace(&mut accounts[i], saved.clone()))),
        None => {
            accounts.push(saved.clone());
            None
        }
    };
    locked.write(&accounts)?;
    Ok(Commit::Done { replaced })
}

fn lock<'a>(file: &'a AccountFile, cancel: &Cancel) -> Result<LockedFile<'a>, StoreError> {
    file.lock_or_cancel(cancel).map_err(|e| match e {
        LockError::File(e) => StoreError::File(e),
        LockError::Cancelled => StoreError::Cancelled,
    })
}

/// Writes the password into both fresh entries; a half-written pair is deleted again.
fn write_entries(
    secrets: &dyn SecretStore,
    saved: &SavedAccount,
    password: &SecretString,
) -> Result<(), StoreError> {
    for (done, role) in ROLES.iter().enumerate() {
        let entry = saved.keychain.entry(*role);
        if let Err(e) = secrets.set(entry, &label(saved, *role), password) {
            for written in &ROLES[..done] {
                let entry = saved.keychain.entry(*written);
                if let Err(undo) = secrets.delete(entry) {
                    return Err(StoreError::RollbackFailed {
                        cause: Box::new(StoreError::Keychain(e)),
                        undo,
                        entry: entry.clone(),
                    });
                }
            }
            return Err(e.into());
        }
    }
    Ok(())
}

/// Deletes the fresh entries of a save that did not happen and returns why it did not
/// (`cause`), or that the keychain could not be put back either.
fn undo_entries(
    secrets: &dyn SecretStore,
    keychain: &KeychainRef,
    cause: StoreError,
) -> StoreError {
    for role in ROLES {
        let entry = keychain.entry(role);
        if let Err(undo) = secrets.delete(entry) {
            return StoreError::RollbackFailed {
                cause: Box::new(cause),
                undo,
                entry: entry.clone(),
            };
        }
    }
    cause
}

/// Deletes the fresh entries of a plan another copy overtook (best effort: nothing refers
/// to them, so one left behind is only clutter).
fn drop_entries(secrets: &dyn SecretStore, keychain: &KeychainRef) {
    for role in ROLES {
        if let Err(e) = secrets.delete(keychain.entry(role)) {
            tracing::warn!(entry = %keychain.entry(role), error = %e, "could not delete an unused keychain entry");
        }
    }
}

/// Removes an account: its keychain entries, then its line in the file. With `secrets`
/// `None` (the person chose to go on without the keychain) only the file changes and
/// `Removed::entries_left` says so. Blocks.
pub fn remove_blocking(
    file: &AccountFile,
    secrets: Option<&dyn SecretStore>,
    id: &AccountId,
) -> Result<Removed, StoreError> {
    let Some(secrets) = secrets else {
        let account = file.update(|accounts| {
            let index = accounts
                .iter()
                .position(|a| &a.id == id)
                .ok_or_else(|| StoreError::NotFound { id: id.clone() })?;
            Ok::<_, StoreError>(accounts.remove(index))
        })?;
        forget_ca_file(file, &account);
        return Ok(Removed {
            entries_left: true,
            account,
        });
    };
    for _ in 0..ATTEMPTS {
        let account = file
            .load()?
            .into_iter()
            .find(|a| &a.id == id)
            .ok_or_else(|| StoreError::NotFound { id: id.clone() })?;
        if secrets.kind() != account.keychain.store {
            return Err(StoreError::WrongKeychain {
                id: id.clone(),
                saved_in: account.keychain.store,
                given: secrets.kind(),
            });
        }
        let before = delete_entries(secrets, &account)?;

        let locked = file.lock()?;
        let mut accounts = locked.read()?;
        let Some(index) = accounts.iter().position(|a| &a.id == id) else {
            // Removed by another copy meanwhile: what it used is gone as well.
            return Err(StoreError::NotFound { id: id.clone() });
        };
        if accounts[index].keychain != account.keychain {
            // Saved again by another copy meanwhile (which deletes the entries we deleted
            // too): start over with what the file says now.
            continue;
        }
        accounts.remove(index);
        if let Err(e) = locked.write(&accounts) {
            drop(locked);
            return match restore_deleted(secrets, &before) {
                Ok(()) => Err(e.into()),
                Err((entry, undo)) => Err(StoreError::RollbackFailed {
                    cause: Box::new(StoreError::File(e)),
                    undo,
                    entry,
                }),
            };
        }
        forget_ca_file(file, &account);
        return Ok(Removed {
            entries_left: false,
            account,
        });
    }
    Err(StoreError::File(FileError::Busy {
        path: file.path(),
        waited: std::time::Duration::ZERO,
    }))
}

/// Deletes the copy of a removed account's certificate authority file (best effort: a copy
/// left behind trusts nothing by itself; the next save for that id replaces it).
fn forget_ca_file(file: &AccountFile, account: &SavedAccount) {
    let Some(path) = account.ca_path(file.dir()) else {
        return;
    };
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "could not delete the kept CA file");
        }
    }
}

/// Reads and deletes an account's entries (outside the lock); a failed deletion puts the
/// ones already deleted back.
fn delete_entries(
    secrets: &dyn SecretStore,
    account: &SavedAccount,
) -> Result<Vec<Before>, StoreError> {
    let mut before = Vec::new();
    for role in ROLES {
        let entry = account.keychain.entry(role).clone();
        let secret = match secrets.get(&entry) {
            Ok(s) => Some(s),
            Err(KeychainError::NotFound { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        before.push(Before {
            entry,
            secret,
            label: label(account, role),
        });
    }
    for (done, b) in before.iter().enumerate() {
        if b.secret.is_none() {
            continue;
        }
        if let Err(e) = secrets.delete(&b.entry) {
            return match restore_deleted(secrets, &before[..done]) {
                Ok(()) => Err(e.into()),
                Err((entry, undo)) => Err(StoreError::RollbackFailed {
                    cause: Box::new(StoreError::Keychain(e)),
                    undo,
                    entry,
                }),
            };
        }
    }
    Ok(before)
}

/// Records that an account verified again at `at`. Blocks.
pub fn mark_verified_blocking(
    file: &AccountFile,
    id: &AccountId,
    at: Timestamp,
) -> Result<SavedAccount, StoreError> {
    file.update(|accounts| {
        let account = accounts
            .iter_mut()
            .find(|a| &a.id == id)
            .ok_or_else(|| StoreError::NotFound { id: id.clone() })?;
        account.last_verified = at;
        Ok::<_, StoreError>(account.clone())
    })
}

/// Reads both passwords of an account. Blocks.
pub fn passwords_blocking(
    secrets: &dyn SecretStore,
    account: &SavedAccount,
) -> Result<AccountPasswords, StoreError> {
    if secrets.kind() != account.keychain.store {
        return Err(StoreError::WrongKeychain {
            id: account.id.clone(),
            saved_in: account.keychain.store,
            given: secrets.kind(),
        });
    }
    Ok(AccountPasswords {
        incoming: secrets.get(&account.keychain.incoming)?,
        outgoing: secrets.get(&account.keychain.outgoing)?,
    })
}

/// Writes `secret` into both of an account's keychain entries (a rotated OAuth 2.0 refresh
/// token replaces the old one, RFC 6749 §6). Blocks.
pub fn replace_secret_blocking(
    secrets: &dyn SecretStore,
    account: &SavedAccount,
    secret: &SecretString,
) -> Result<(), StoreError> {
    if secrets.kind() != account.keychain.store {
        return Err(StoreError::WrongKeychain {
            id: account.id.clone(),
            saved_in: account.keychain.store,
            given: secrets.kind(),
        });
    }
    for role in [Role::Incoming, Role::Outgoing] {
        secrets.set(account.keychain.entry(role), &label(account, role), secret)?;
    }
    Ok(())
}

/// What keychain managers show for an entry.
fn label(account: &SavedAccount, role: Role) -> String {
    let server = account.server(role);
    format!(
        "mailsetup: {} ({} {})",
        account.email,
        server.settings.protocol,
        server.settings.endpoint()
    )
}

/// Writes back entries a removal deleted.
fn restore_deleted(
    secrets: &dyn SecretStore,
    before: &[Before],
) -> Result<(), (EntryName, KeychainError)> {
    let mut first_failure = None;
    for b in before {
        if let Some(old) = &b.secret
            && let Err(e) = secrets.set(&b.entry, &b.label, old)
        {
            first_failure.get_or_insert((b.entry.clone(), e));
        }
    }
    first_failure.map_or(Ok(()), Err)
}

/// Deletes the entries a replaced account used, in whichever keychain held them (best
/// effort: what is left is reported).
fn delete_old_entries(secrets: &dyn SecretStore, old: &KeychainRef) -> Vec<SaveWarning> {
    let store: KeychainKind = old.store;
    let opened;
    let keychain: &dyn SecretStore = if store == secrets.kind() {
        secrets
    } else {
        match secret::open(store) {
            Ok(s) => {
                opened = s;
                opened.as_ref()
            }
            Err(error) => {
                return ROLES
                    .iter()
                    .map(|r| SaveWarning::OldEntryLeft {
                        store,
                        entry: old.entry(*r).clone(),
                        error: error.clone(),
                    })
                    .collect();
            }
        }
    };
    ROLES
        .iter()
        .filter_map(|r| {
            let entry = old.entry(*r);
            keychain
                .delete(entry)
                .err()
                .map(|error| SaveWarning::OldEntryLeft {
                    store,
                    entry: entry.clone(),
                    error,
                })
        })
        .collect()
}

/// Eight hex digits, new for every save.
fn nonce() -> String {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 4];
    if ring::rand::SystemRandom::new().fill(&mut bytes).is_err() {
        // No system randomness: the time and process still tell saves apart.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mixed = nanos ^ (u128::from(std::process::id()) << 64);
        let digest = ring::digest::digest(&ring::digest::SHA256, &mixed.to_le_bytes());
        bytes.copy_from_slice(&digest.as_ref()[..4]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
