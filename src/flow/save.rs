//! The one save both doors make: a verified account into the account file and its secret into
//! the keychain, the keychain first (the store undoes that write if the file fails). What the
//! keychain keeps comes from `Secret::to_keep` — the password, or a provider sign-in's refresh
//! token with the login record beside it in the file — so the window and `diagnose --save`
//! cannot disagree about it.

use std::sync::Arc;

use crate::store::{
    self, AccountFile, Cancel, SaveOutcome, SecretStore, StoreError, VerifiedAccount,
};

use super::secret::{NoRefreshToken, Secret};

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    NoRefreshToken(#[from] NoRefreshToken),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Saves `account` with `secret`, unless `cancel` stops it first (`StoreError::Cancelled`).
pub async fn save(
    file: AccountFile,
    secrets: Arc<dyn SecretStore>,
    mut account: VerifiedAccount,
    secret: &Secret,
    cancel: Cancel,
) -> Result<SaveOutcome, SaveError> {
    let (kept, login) = secret.to_keep()?;
    account.oauth2 = login;
    Ok(store::save_verified_or_cancel(file, secrets, account, kept, cancel).await?)
}
