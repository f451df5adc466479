//! The account operations that touch both the file and the keychain, in the order that
//! leaves no half-saved account behind. All of them hold the file lock from the first read
//! to the last write, and block (run them with `spawn_blocking`, as `mod.rs` does).
//!
//! Saving: password into the keychain first (one entry per server), then the file. If the
//! file cannot be written, the keychain is put back as it was: new entries are deleted, a
//! replaced password is restored. If that fails too, the error names the entry to remove.
//!
//! Removing: the keychain entries are read (to be able to restore them), deleted, then the
//! account leaves the file; if the file cannot be written the entries are restored.

use secrecy::SecretString;

use super::file::AccountFile;
use super::model::{
    AccountId, EntryName, KeychainKind, KeychainRef, Role, SavedAccount, Timestamp, VerifiedAccount,
};
use super::secret::{self, KeychainError, SecretStore};
use super::{Removed, SaveOutcome, SaveWarning, StoreError};

const ROLES: [Role; 2] = [Role::Incoming, Role::Outgoing];

/// What an entry held before this operation touched it.
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
    account.validate()?;
    let locked = file.lock()?;
    let mut accounts = locked.read()?;
    let existing = accounts.iter().position(|a| a.is_for(&account.email));
    let id = match existing {
        Some(i) => accounts[i].id.clone(),
        None => AccountId::unique_for(&account.email, accounts.iter().map(|a| &a.id)),
    };
    let previous = existing.map(|i| accounts[i].clone());
    // A replaced account keeps its entries (in the same keychain); a new one gets entries
    // named after its id and this folder.
    let same_keychain = previous
        .as_ref()
        .is_some_and(|p| p.keychain.store == secrets.kind());
    let keychain_ref = match previous.as_ref().filter(|_| same_keychain) {
        Some(p) => p.keychain.clone(),
        None => KeychainRef::for_account(&id, secrets.kind(), &file.keychain_tag()),
    };
    let saved = SavedAccount::from_verified(id, keychain_ref, account);

    // What the entries hold now, to put back if the file cannot be written. Only a replaced
    // account in the same keychain has entries worth restoring; anything else under these
    // names is a leftover of an interrupted save.
    let mut before = Vec::new();
    for role in ROLES {
        let entry = saved.keychain.entry(role).clone();
        let (secret, old_label) = match previous.as_ref().filter(|_| same_keychain) {
            Some(old) => match secrets.get(&entry) {
                Ok(s) => (Some(s), label(old, role)),
                Err(KeychainError::NotFound { .. }) => (None, String::new()),
                Err(e) => return Err(e.into()),
            },
            None => (None, String::new()),
        };
        before.push(Before {
            entry,
            secret,
            label: old_label,
        });
    }

    // 1. The keychain.
    for (done, role) in ROLES.iter().enumerate() {
        let entry = saved.keychain.entry(*role);
        if let Err(e) = secrets.set(entry, &label(&saved, *role), password) {
            return match restore(secrets, &before[..done]) {
                Ok(()) => Err(e.into()),
                Err((entry, undo)) => Err(StoreError::RollbackFailed {
                    cause: Box::new(StoreError::Keychain(e)),
                    undo,
                    entry,
                }),
            };
        }
    }

    // 2. The file.
    match existing {
        Some(i) => accounts[i] = saved.clone(),
        None => accounts.push(saved.clone()),
    }
    if let Err(e) = locked.write(&accounts) {
        return match restore(secrets, &before) {
            Ok(()) => Err(e.into()),
            Err((entry, undo)) => Err(StoreError::RollbackFailed {
                cause: Box::new(StoreError::File(e)),
                undo,
                entry,
            }),
        };
    }
    drop(locked);

    // 3. A replaced account that lived in another keychain: its old entries go too.
    let mut warnings = Vec::new();
    if let Some(old) = previous.filter(|p| p.keychain.store != secrets.kind()) {
        warnings.extend(delete_elsewhere(&old));
    }
    Ok(SaveOutcome {
        replaced: existing.is_some(),
        account: saved,
        warnings,
    })
}

/// Removes an account: its keychain entries, then its line in the file. With `secrets`
/// `None` (the person chose to go on without the keychain) only the file changes and
/// `Removed::entries_left` says so. Blocks.
pub fn remove_blocking(
    file: &AccountFile,
    secrets: Option<&dyn SecretStore>,
    id: &AccountId,
) -> Result<Removed, StoreError> {
    let locked = file.lock()?;
    let mut accounts = locked.read()?;
    let Some(index) = accounts.iter().position(|a| &a.id == id) else {
        return Err(StoreError::NotFound { id: id.clone() });
    };
    let account = accounts[index].clone();
    let Some(secrets) = secrets else {
        accounts.remove(index);
        locked.write(&accounts)?;
        return Ok(Removed {
            entries_left: true,
            account,
        });
    };
    if secrets.kind() != account.keychain.store {
        return Err(StoreError::WrongKeychain {
            id: id.clone(),
            saved_in: account.keychain.store,
            given: secrets.kind(),
        });
    }

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
            label: label(&account, role),
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

    accounts.remove(index);
    if let Err(e) = locked.write(&accounts) {
        return match restore_deleted(secrets, &before) {
            Ok(()) => Err(e.into()),
            Err((entry, undo)) => Err(StoreError::RollbackFailed {
                cause: Box::new(StoreError::File(e)),
                undo,
                entry,
            }),
        };
    }
    Ok(Removed {
        entries_left: false,
        account,
    })
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
) -> Result<super::AccountPasswords, StoreError> {
    if secrets.kind() != account.keychain.store {
        return Err(StoreError::WrongKeychain {
            id: account.id.clone(),
            saved_in: account.keychain.store,
            given: secrets.kind(),
        });
    }
    Ok(super::AccountPasswords {
        incoming: secrets.get(&account.keychain.incoming)?,
        outgoing: secrets.get(&account.keychain.outgoing)?,
    })
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

/// Puts entries back as they were before a save: restores a replaced password, deletes a
/// new one. Returns the first entry that could not be put back.
fn restore(secrets: &dyn SecretStore, before: &[Before]) -> Result<(), (EntryName, KeychainError)> {
    let mut first_failure = None;
    for b in before {
        let undone = match &b.secret {
            Some(old) => secrets.set(&b.entry, &b.label, old),
            None => secrets.delete(&b.entry).map(|_| ()),
        };
        if let Err(e) = undone {
            first_failure.get_or_insert((b.entry.clone(), e));
        }
    }
    first_failure.map_or(Ok(()), Err)
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

/// Deletes an account's entries from the keychain it used before (best effort).
fn delete_elsewhere(old: &SavedAccount) -> Vec<SaveWarning> {
    let store: KeychainKind = old.keychain.store;
    let opened = match secret::open(store) {
        Ok(s) => s,
        Err(error) => {
            return ROLES
                .iter()
                .map(|r| SaveWarning::OldEntryLeft {
                    store,
                    entry: old.keychain.entry(*r).clone(),
                    error: error.clone(),
                })
                .collect();
        }
    };
    ROLES
        .iter()
        .filter_map(|r| {
            let entry = old.keychain.entry(*r);
            opened
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
