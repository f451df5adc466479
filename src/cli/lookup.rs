//! Which saved account an `accounts` command works on, written once for `list`, `remove`,
//! `check` and `export`: the id as the person wrote it, the account with that id (or, for
//! `check` without one, the only account saved), and a storage error said on standard error
//! with its exit code (2 for what the person can fix in the command, 1 otherwise).

use std::path::Path;

use super::lines::{EXIT_FAILED, EXIT_USAGE};
use crate::store::{self, AccountId, SavedAccount, StoreError};

/// The saved account a command works on: the one named by `id`, else (no id) the only one
/// saved. Why not is said on standard error, and the exit code returned: usage for an unknown
/// id, no account or several to choose from; failure when the file cannot be read.
pub(super) async fn saved_account(dir: &Path, id: Option<&str>) -> Result<SavedAccount, u8> {
    if let Some(id) = id {
        return store::find(dir, &account_id(id))
            .await
            .map_err(|e| fail(&e));
    }
    let mut accounts = saved_accounts(dir).await?;
    match accounts.len() {
        1 => Ok(accounts.remove(0)),
        0 => {
            errln!(
                "{}",
                super::lines::error_line(t!(
                    "cli-check-no-accounts",
                    folder = dir.display().to_string()
                ))
            );
            Err(EXIT_USAGE)
        }
        _ => {
            let ids: Vec<String> = accounts.iter().map(|a| a.id.to_string()).collect();
            errln!(
                "{}",
                super::lines::error_line(t!("cli-check-which", ids = ids.join(", ")))
            );
            Err(EXIT_USAGE)
        }
    }
}

/// Every saved account; a storage error is said on standard error and its exit code
/// returned.
pub(super) async fn saved_accounts(dir: &Path) -> Result<Vec<SavedAccount>, u8> {
    store::list(dir).await.map_err(|e| fail(&e))
}

/// An account id as the person wrote it (any text is one; the store says when none has it).
pub(super) fn account_id(text: &str) -> AccountId {
    match text.parse() {
        Ok(id) => id,
        Err(never) => match never {},
    }
}

/// Prints a storage error and picks the exit code.
pub(super) fn fail(e: &StoreError) -> u8 {
    errln!("{}", super::lines::error_line(e.words()));
    match e {
        StoreError::NotFound { .. }
        | StoreError::WrongKeychain { .. }
        | StoreError::NoConfigDir => EXIT_USAGE,
        _ => EXIT_FAILED,
    }
}
