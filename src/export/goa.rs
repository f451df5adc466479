//! GNOME Online Accounts (GOA) hand-off: adds a verified account to the desktop's online
//! accounts over D-Bus, so Evolution, Geary and GNOME's apps have it without anyone typing the
//! settings again. Verified against the real `goa-daemon` 3.46.0 (Debian 12, package
//! `gnome-online-accounts`) on a private session bus; the key names are those of its
//! `src/goabackend/goaimapsmtpprovider.c` (`add_account`, `build_object`) and
//! `src/daemon/goadaemon.c` (`get_all_providers_cb`).
//!
//! In this order:
//! 1. `request` (pure): refuses what GOA's `imap_smtp` provider cannot carry before any D-Bus
//!    traffic — an OAuth 2.0 account (the provider signs in with a password only) and a POP3
//!    account (the provider has IMAP only) — and builds the provider's details;
//! 2. connects to the session bus (or a given address) and finds `org.gnome.OnlineAccounts`,
//!    running or D-Bus activatable (else: not installed);
//! 3. reads the daemon's objects (`ObjectManager.GetManagedObjects`, which starts an
//!    activatable daemon) and refuses an address GOA already has an account for, whatever its
//!    provider: the daemon itself adds duplicates without a word;
//! 4. `Manager.AddAccount("imap_smtp", address, address, credentials, details)`: the daemon
//!    writes the details to `$XDG_CONFIG_HOME/goa-1.0/accounts.conf` and the credentials
//!    (`imap-password`, `smtp-password`) to the default keyring collection (Secret Service
//!    item of schema `org.gnome.OnlineAccounts`, attribute `goa-identity` =
//!    `imap_smtp:gen0:ACCOUNT-ID`), and answers with the account's object path;
//! 5. asks the daemon for both passwords back (`PasswordBased.GetPassword`, as the mail apps
//!    do): goa-daemon 3.46 ignores a failed keyring write ("We don't want to fail AddAccount
//!    if we could not store the credentials") and reports success with a locked or missing
//!    keyring. Then the account is removed again (`Account.Remove`) and the error says so.
//!
//! The format: a port travels in the host value (`host:port`, `[v6]:port`; GOA and Geary read
//! it with `g_network_address_parse`) and is left out when it is GOA's default for the
//! security (IMAP 993 with TLS, else 143; SMTP 465 with TLS, else 587), as GOA's own dialog
//! writes it. Security is two booleans per server: `…UseSsl` (implicit TLS, RFC 8314) and
//! `…UseTls` (STARTTLS, RFC 2595 / RFC 3207); both false is no encryption (only for an
//! account whose person agreed to it). `…AcceptSslErrors` is always false. GOA has no place
//! for a certificate authority file or a pinned server key: the mail apps check the servers'
//! certificates against the system's roots (Evolution asks the person when that fails).
//!
//! The password is only in the AddAccount credentials and the read-back; never in an error,
//! a log line or `Debug`, and the daemon's own words are cleaned of it. Every call has a
//! deadline; the two that can wait for the person to unlock the keyring have a long one.
//!
//! This file: the entry points. The errors and the format (`request`, pure) are in
//! `goa/request.rs`; the D-Bus calls (steps 2 to 5) in `goa/daemon.rs`. Other systems get
//! `GoaError::NotAvailable`.

#[cfg(target_os = "linux")]
mod daemon;
mod request;

use secrecy::SecretString;

use crate::store::model::VerifiedAccount;

pub use request::{
    ACCOUNT_INTERFACE, BUS_NAME, ExistingAccount, GoaError, GoaRequest, IMAP_PASSWORD,
    MAIL_INTERFACE, MANAGER_INTERFACE, MANAGER_PATH, PASSWORD_INTERFACE, PROVIDER, ROOT_PATH,
    SMTP_PASSWORD, account_for, request,
};

/// Adds the account to GNOME Online Accounts on the session bus; the new account's object
/// path (`/org/gnome/OnlineAccounts/Accounts/account_…`). Await it on tokio: the deadlines
/// use tokio's timer.
pub async fn add_account(
    account: &VerifiedAccount,
    password: &SecretString,
) -> Result<String, GoaError> {
    add(None, account, password).await
}

/// `add_account` on the bus at `bus_address` (a D-Bus address, `unix:path=…`): tests and
/// sessions whose address is not in the environment.
pub async fn add_account_at(
    bus_address: &str,
    account: &VerifiedAccount,
    password: &SecretString,
) -> Result<String, GoaError> {
    add(Some(bus_address), account, password).await
}

#[cfg(target_os = "linux")]
async fn add(
    address: Option<&str>,
    account: &VerifiedAccount,
    password: &SecretString,
) -> Result<String, GoaError> {
    let request = request(account)?;
    let unicode = account.email.to_string();
    daemon::add(address, &request, &unicode, password).await
}

#[cfg(not(target_os = "linux"))]
async fn add(
    _address: Option<&str>,
    _account: &VerifiedAccount,
    _password: &SecretString,
) -> Result<String, GoaError> {
    Err(GoaError::NotAvailable)
}
