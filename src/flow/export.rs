//! Hand-off from a saved account, the one path the command line (`mailsetup accounts export`)
//! and the window's Done page both take:
//!
//! 1. the account is read from `accounts.json` by its id;
//! 2. only when the person asked for the password in this export, and only for a password
//!    account, the password is read from the account's keychain — now, never earlier and
//!    never kept (an OAuth account's keychain entry holds a refresh token: never read here,
//!    never exported);
//! 3. `export::export` writes the format; a file the person asked for is written by
//!    `write_file` straight to its place (owner-only when it holds the password), never
//!    through a temporary file.
//!
//! GNOME Online Accounts (`add_to_goa`) is a D-Bus call rather than a file: the account is
//! checked for what GOA can carry first (IMAP, a password), then the password is read and
//! handed to `export::goa::add_account`, which keeps it only in GOA's own keyring entry.

use std::path::{Path, PathBuf};

use secrecy::SecretString;

use crate::export::{self, ExportError, Exported, Format};
use crate::store::{self, AccountId, KeychainKind, SavedAccount, StoreError, VerifiedAccount};

/// Why an export from a saved account did not happen.
#[derive(Debug, thiserror::Error)]
pub enum HandOffError {
    /// The account could not be found or read, or its keychain could not give the password.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The format cannot carry this account (OAuth, non-ASCII address, no password …).
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error("{path}: {detail}")]
    Write { path: PathBuf, detail: String },
    /// GNOME Online Accounts could not take the account (not there, POP3, OAuth, refused …).
    #[error(transparent)]
    Goa(#[from] export::goa::GoaError),
}

impl HandOffError {
    /// The reason in the current language.
    pub fn words(&self) -> String {
        match self {
            HandOffError::Store(e) => e.words(),
            HandOffError::Export(e) => e.words(),
            HandOffError::Write { path, detail } => t!(
                "export-not-written",
                path = path.display().to_string(),
                reason = detail.as_str()
            ),
            HandOffError::Goa(e) => e.words(),
        }
    }

    /// Whether the account cannot be exported this way at all (exit 1 on the command line),
    /// as opposed to a usage problem such as an unknown id (exit 2).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            HandOffError::Store(StoreError::NotFound { .. } | StoreError::WrongKeychain { .. })
        )
    }
}

/// What to export and how.
#[derive(Debug, Clone)]
pub struct HandOff {
    pub id: AccountId,
    pub format: Format,
    /// The person asked for the password in this export.
    pub with_password: bool,
    /// The keychain to read the password from (default: the one the account was saved in).
    pub keychain: Option<KeychainKind>,
}

/// The saved account as the export functions take it.
pub fn verified_of(saved: &SavedAccount, config_dir: &Path) -> VerifiedAccount {
    VerifiedAccount {
        display_name: saved.display_name.clone(),
        email: saved.email.clone(),
        incoming: saved.incoming.clone(),
        outgoing: saved.outgoing.clone(),
        alternatives: saved.alternatives.clone(),
        source: saved.source.clone(),
        verified_at: saved.last_verified,
        allow_plaintext: saved.allow_plaintext,
        ca_file: saved.ca_path(config_dir),
        pinned_keys: saved.pinned_keys.clone(),
        oauth2: saved.oauth2.clone(),
    }
}

/// Exports a saved account (steps 1–3 above, without writing anything).
pub async fn export_saved(config_dir: &Path, request: &HandOff) -> Result<Exported, HandOffError> {
    let saved = store::find(config_dir, &request.id).await?;
    let account = verified_of(&saved, config_dir);
    // Checked before the keychain is asked: a format that cannot carry the account never
    // makes anyone unlock a keychain for nothing.
    match export::export(request.format, &account, None) {
        Err(ExportError::PasswordRequired { .. }) if request.with_password => {}
        Err(e) => return Err(e.into()),
        // A file for a whole domain never holds anyone's password, nor does an OAuth export.
        Ok(exported)
            if !request.with_password
                || saved.oauth2.is_some()
                || request.format == Format::Autoconfig =>
        {
            return Ok(exported);
        }
        Ok(_) => {}
    }
    let password = read_password(saved, request.keychain).await?;
    Ok(export::export(request.format, &account, Some(&password))?)
}

/// The account's password, from its keychain, now.
async fn read_password(
    saved: SavedAccount,
    keychain: Option<KeychainKind>,
) -> Result<SecretString, HandOffError> {
    let kind = keychain.unwrap_or(saved.keychain.store);
    let secrets = store::open_keychain(kind)
        .await
        .map_err(|e| HandOffError::Store(StoreError::Keychain(e)))?;
    let passwords = store::passwords(secrets, saved).await?;
    Ok(passwords.incoming)
}

/// Writes an export the person asked for to `path`, directly (no temporary file; on Unix
/// owner-only when it holds the password).
pub fn write_file(path: &Path, bytes: &[u8], holds_password: bool) -> Result<(), HandOffError> {
    use std::io::Write;
    let fail = |e: std::io::Error| HandOffError::Write {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    // Elsewhere (Windows) a new file takes its folder's access list, which in the person's
    // own folders is the person's: there is no mode to narrow.
    #[cfg(not(unix))]
    let _ = holds_password;
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if holds_password { 0o600 } else { 0o644 });
    }
    let mut file = options.open(path).map_err(fail)?;
    #[cfg(unix)]
    if holds_password {
        // An existing file keeps its mode on open: narrow it before the password goes in.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(fail)?;
    }
    file.write_all(bytes).map_err(fail)?;
    file.sync_all().map_err(fail)
}

/// The ready-to-write bytes of an export for a file: the text, or for a QR format the
/// picture (`png` or `svg` by the file's extension, else the payload text).
pub fn file_bytes(exported: &Exported, path: &Path) -> Result<Vec<u8>, HandOffError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if exported.format.is_qr() {
        let code = exported.qr()?;
        match extension.as_deref() {
            Some("png") => {
                return code.png(PNG_SCALE).map_err(|e| {
                    HandOffError::Export(ExportError::Png {
                        detail: e.to_string(),
                    })
                });
            }
            Some("svg") => return Ok(code.svg(PNG_SCALE).into_bytes()),
            _ => {}
        }
    }
    Ok(exported.text().as_bytes().to_vec())
}

/// Pixels per module in a QR picture written to a file.
pub const PNG_SCALE: usize = 8;

/// Adds a saved account to GNOME Online Accounts and returns the new account's D-Bus object
/// path. What GOA's IMAP and SMTP provider cannot carry (POP3, OAuth) is refused before the
/// keychain is asked; the password is read now and goes only to GOA's keyring entry.
pub async fn add_to_goa(
    config_dir: &Path,
    id: &AccountId,
    keychain: Option<KeychainKind>,
) -> Result<String, HandOffError> {
    let saved = store::find(config_dir, id).await?;
    let account = verified_of(&saved, config_dir);
    export::goa::request(&account)?;
    let password = read_password(saved, keychain).await?;
    Ok(export::goa::add_account(&account, &password).await?)
}
