//! `mailsetup accounts …`: the saved accounts from a terminal.
//!
//! - `list [--json]`: what is saved (never a password);
//! - `remove ID [--force]`: the account and its keychain entries; for an account that signs
//!   in with OAuth 2.0, first the saved refresh token is given back at the provider
//!   (RFC 7009), and when that cannot be done the account is removed all the same, with the
//!   cause and how to end the sign-in at the provider;
//! - `check [ID] [--ca-file PEM] [--timeout SECS] [--json]`: the technician's "does the saved
//!   setup still work?": reads the password back from the keychain and tests the incoming
//!   and outgoing servers live again, one PASS/FAIL line per server. Without an id it checks
//!   the only account saved (and says which to name when there are several). A certificate
//!   authority file saved with the account (its copy in the configuration folder) is
//!   trusted without `--ca-file`. The settings the window and `diagnose` read are read here
//!   the same way (`flags::DiscoveryFlags`): `--ca-file` or `MAILSETUP_CA_FILE` (trusted as
//!   well as the account's copy), and the name overrides `MAILSETUP_RESOLVE` /
//!   `MAILSETUP_DNS` for a private test network;
//! - `export ID --format …`: the account handed on to other mail programs (`export.rs`).
//!
//! `--config-dir DIR` (or `MAILSETUP_CONFIG_DIR`) picks the folder with `accounts.json`;
//! `--keychain secret-service|keyutils` the keychain (default: the one the account was saved
//! in). Exit codes: 0 done / every server passed, 1 a test or the storage failed, 2 unknown
//! account or unusable arguments.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::flags::{parse_keychain, parse_pin};
use super::lines::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use super::lookup::{fail, saved_account, saved_accounts};
use crate::probe::{self, CertTrust, ProbeOptions, ProbeReport, Timeouts};
use crate::store::{self, AccountId, KeychainKind, Role, SavedAccount, StoreError, Timestamp};
use crate::trust::pin::{EndpointPin, Pins};

#[derive(Debug, Args)]
pub struct AccountsArgs {
    /// Folder holding accounts.json (default: the per-user configuration folder).
    #[arg(long, value_name = "DIR", env = store::CONFIG_DIR_ENV, global = true)]
    pub config_dir: Option<PathBuf>,
    /// Keychain with the passwords: secret-service or keyutils (default: the one the account
    /// was saved in).
    #[arg(long, value_name = "KEYCHAIN", global = true, value_parser = parse_keychain)]
    pub keychain: Option<KeychainKind>,
    #[command(subcommand)]
    pub action: AccountsAction,
}

#[derive(Debug, Subcommand)]
pub enum AccountsAction {
    /// Show the saved accounts (never their passwords).
    List {
        /// One JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Remove a saved account and its passwords from the keychain.
    Remove {
        /// The account's id, as `accounts list` shows it.
        id: String,
        /// Remove it from the list even when its keychain cannot be reached (the keychain
        /// entries may then stay behind; the message names them).
        #[arg(long)]
        force: bool,
    },
    /// Test a saved account's servers live again, with the password from the keychain.
    Check {
        /// The account's id, as `accounts list` shows it (default: the only account saved).
        id: Option<String>,
        /// Where names are resolved and which CA file is trusted (`--ca-file`, or
        /// MAILSETUP_CA_FILE, besides the copy saved with the account), as for `diagnose`
        /// and the window.
        #[command(flatten)]
        reach: super::flags::DiscoveryFlags,
        /// Deadline for each network step, in seconds (above 0, at most 600).
        #[arg(long, value_name = "SECS")]
        timeout: Option<f64>,
        /// Also trust this key (SPKI SHA-256, base64) for exactly this host and port, besides
        /// the keys saved with the account. Repeatable.
        #[arg(long = "pin-sha256", value_name = "HOST:PORT=BASE64", value_parser = parse_pin)]
        pin_sha256: Vec<EndpointPin>,
        /// One JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Hand a saved account on to other mail programs: QR codes for phones, an Apple
    /// profile, the domain's autoconfig file, GNOME Online Accounts.
    Export(Box<super::export::ExportArgs>),
}

pub async fn run(args: AccountsArgs) -> u8 {
    let dir = match store::resolve_config_dir(args.config_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    match args.action {
        AccountsAction::List { json } => list(&dir, json).await,
        AccountsAction::Remove { id, force } => remove(&dir, args.keychain, id, force).await,
        AccountsAction::Check {
            id,
            reach,
            timeout,
            pin_sha256,
            json,
        } => {
            let timeout = match timeout.map(super::flags::step_timeout).transpose() {
                Ok(t) => t,
                Err(e) => {
                    errln!("{}", super::lines::error_line(e.words()));
                    return EXIT_USAGE;
                }
            };
            let check = Check {
                reach,
                timeout,
                pins: pin_sha256,
                json,
            };
            check_account(&dir, args.keychain, id, check).await
        }
        AccountsAction::Export(export) => super::export::run(&dir, args.keychain, *export).await,
    }
}

#[derive(Serialize)]
struct ListJson<'a> {
    config_dir: &'a Path,
    accounts: &'a [SavedAccount],
}

async fn list(dir: &Path, json: bool) -> u8 {
    let accounts = match saved_accounts(dir).await {
        Ok(a) => a,
        Err(code) => return code,
    };
    if json {
        let doc = ListJson {
            config_dir: dir,
            accounts: &accounts,
        };
        return print_json(&doc);
    }
    if accounts.is_empty() {
        outln!(
            "{}",
            t!("cli-no-accounts", folder = dir.display().to_string())
        );
        return EXIT_OK;
    }
    let file = store::AccountFile::new(dir);
    for (n, a) in accounts.iter().enumerate() {
        if n > 0 {
            outln!();
        }
        out!("{}", describe(a));
        if file.entries_from_elsewhere(a) {
            outln!(
                "{}",
                super::lines::warning_line(t!("accounts-entries-elsewhere", id = a.id.as_str()))
            );
        }
    }
    EXIT_OK
}

/// The text block `accounts list` prints for one account: a line per fact, its label in
/// the current language, the labels padded to the longest.
pub fn describe(a: &SavedAccount) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    for role in [Role::Incoming, Role::Outgoing] {
        let label = role_words(role);
        let server = a.server(role);
        let mut line = server.settings.words();
        if let Some(m) = &server.auth_method {
            line = t!(
                "accounts-server-signed-in",
                server = line,
                mechanism = m.as_str()
            );
        }
        rows.push((label, line));
    }
    for alt in &a.alternatives {
        rows.push((t!("accounts-label-also-ok"), alt.settings.words()));
    }
    rows.push((t!("accounts-label-settings"), a.source.words()));
    rows.push((
        t!("accounts-label-verified"),
        a.last_verified.to_local_minute(),
    ));
    match &a.oauth2 {
        Some(login) => rows.push((
            t!("accounts-label-sign-in"),
            t!(
                "accounts-oauth-sign-in",
                issuer = login.issuer.as_str(),
                client = login.client_id.as_str(),
                keychain = a.keychain.store.to_string()
            ),
        )),
        None => rows.push((t!("accounts-label-password"), a.keychain.store.to_string())),
    }
    if let Some(login) = &a.oauth2 {
        if let Some(store::ClientSource::Registered { endpoint, .. }) = &login.client_source {
            rows.push((
                t!("accounts-label-registered"),
                t!("accounts-oauth-registered", endpoint = endpoint.as_str()),
            ));
        }
        if let Some(resource) = &login.resource {
            rows.push((t!("accounts-label-resource"), resource.clone()));
        }
    }
    if let Some(ca) = &a.ca_file {
        rows.push((
            t!("accounts-label-trusts"),
            t!("accounts-trusts-ca", file = ca.as_str()),
        ));
    }
    if a.allow_plaintext {
        rows.push((t!("accounts-label-warning"), t!("accounts-plaintext")));
    }
    for pin in &a.pinned_keys {
        rows.push((
            t!("accounts-label-key"),
            t!("accounts-pinned-key", pin = pin.to_string()),
        ));
    }
    // One column more than the longest label (the English layout: a 9-wide column).
    let width = rows
        .iter()
        .map(|(l, _)| crate::i18n::columns(l))
        .max()
        .unwrap_or(0)
        + 1;
    let mut out = format!("{}  {} <{}>\n", a.id, a.display_name, a.email);
    for (label, value) in rows {
        out.push_str(&format!(
            "    {} {value}\n",
            crate::i18n::pad(&label, width)
        ));
    }
    out
}

async fn remove(dir: &Path, keychain: Option<KeychainKind>, id: String, force: bool) -> u8 {
    let account = match saved_account(dir, Some(&id)).await {
        Ok(a) => a,
        Err(code) => return code,
    };
    let id = account.id.clone();
    let kind = keychain.unwrap_or(account.keychain.store);
    let secrets = match store::open_keychain(kind).await {
        Ok(s) => Some(s),
        Err(e) if force => {
            errln!("{}", super::lines::warning_line(e.words()));
            None
        }
        Err(e) => {
            errln!("{}", super::lines::error_line(e.words()));
            errln!("{}", t!("cli-force-hint"));
            return EXIT_FAILED;
        }
    };
    if let Some(login) = &account.oauth2 {
        match &secrets {
            Some(secrets) => revoke_sign_in(dir, &account, login, secrets.clone()).await,
            // --force without the keychain: the refresh token cannot be read to give back.
            None => not_revoked(
                &login.issuer,
                "keychain_unavailable",
                &t!("cli-oauth-no-keychain"),
            ),
        }
    }
    let mut result = store::remove(dir, secrets.clone(), id.clone()).await;
    if force
        && secrets.is_some()
        && let Err(StoreError::Keychain(e)) = &result
    {
        errln!("{}", super::lines::warning_line(e.words()));
        result = store::remove(dir, None, id).await;
    }
    match result {
        Ok(removed) => {
            outln!(
                "{}",
                t!(
                    "cli-removed",
                    id = removed.account.id.to_string(),
                    email = removed.account.email.to_string()
                )
            );
            if removed.entries_left {
                outln!(
                    "{}",
                    t!(
                        "cli-entries-left",
                        store = removed.account.keychain.store.to_string(),
                        incoming = removed.account.keychain.incoming.to_string(),
                        outgoing = removed.account.keychain.outgoing.to_string()
                    )
                );
            }
            EXIT_OK
        }
        Err(e) => fail(&e),
    }
}

/// Gives an OAuth account's refresh token back at its issuer before the keychain entry goes;
/// says what happened. A failure never stops the removal: the cause, then how to end the
/// sign-in at the provider.
async fn revoke_sign_in(
    dir: &Path,
    account: &SavedAccount,
    login: &store::OAuth2Login,
    secrets: std::sync::Arc<dyn store::SecretStore>,
) {
    use super::oauth::SessionError;
    let issuer = login.issuer.as_str();
    let result = match store::passwords(secrets, account.clone()).await {
        Ok(p) => {
            let ca_file = account.ca_path(dir);
            super::oauth::revoke(
                &account.email,
                login,
                &p.incoming,
                ca_file.as_deref(),
                Some(dir),
            )
            .await
        }
        Err(e) => Err(SessionError::Usage(e.to_string())),
    };
    match result {
        Ok(()) => outln!("{}", t!("cli-oauth-revoked", issuer = issuer)),
        Err(e) => {
            let (code, summary) = match &e {
                SessionError::OAuth(e) => (e.code(), e.summary()),
                SessionError::Usage(why) => ("oauth_configuration", why.clone()),
            };
            not_revoked(issuer, code, &summary);
        }
    }
}

/// The sign-in at `issuer` stays valid: why, and how to end it at the provider.
fn not_revoked(issuer: &str, code: &str, summary: &str) {
    outln!(
        "{}",
        t!(
            "cli-oauth-not-revoked",
            issuer = issuer,
            code = code,
            summary = summary
        )
    );
    outln!("  {}", t!("cli-oauth-not-revoked-advice", issuer = issuer));
}

struct Check {
    /// `--ca-file` / `MAILSETUP_CA_FILE` and the name overrides, read as the window reads them.
    reach: super::flags::DiscoveryFlags,
    timeout: Option<Duration>,
    /// Pins from the command line, besides the account's own.
    pins: Vec<EndpointPin>,
    json: bool,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    account: &'a AccountId,
    email: String,
    verified: bool,
    results: Vec<RoleResult<'a>>,
}

#[derive(Serialize)]
struct RoleResult<'a> {
    role: Role,
    passed: bool,
    report: &'a ProbeReport,
}

/// The trust for checking `account`: the platform's roots, the CA file given now
/// (`--ca-file` or `MAILSETUP_CA_FILE`) and the copy kept with the account (a copy that cannot
/// be read is only warned about when a file was given now). The exit code on failure: usage
/// for a file given now, failure for the account's own copy.
fn check_trust(
    dir: &Path,
    account: &SavedAccount,
    reach: &super::flags::DiscoveryFlags,
) -> Result<CertTrust, u8> {
    let mut roots = Vec::new();
    if let Some(path) = &reach.ca_file {
        match crate::trust::pem::read_certificates(path) {
            Ok(certs) => roots.extend(certs),
            Err(e) => {
                errln!("{}", super::lines::error_line(e));
                return Err(EXIT_USAGE);
            }
        }
    }
    if let Some(path) = account.ca_path(dir) {
        match crate::trust::pem::read_certificates(&path) {
            Ok(certs) => roots.extend(certs),
            // A file given now stands in for a lost copy (as it always took its place).
            Err(e) if reach.ca_file.is_some() => errln!("{}", super::lines::warning_line(e)),
            Err(e) => {
                errln!("{}", super::lines::error_line(e));
                return Err(EXIT_FAILED);
            }
        }
    }
    match CertTrust::with_extra_roots(roots) {
        Ok(trust) => {
            super::lines::trust_notice(&trust);
            Ok(trust)
        }
        Err(e) => {
            errln!("{}", super::lines::error_line(e.words()));
            Err(EXIT_FAILED)
        }
    }
}

async fn check_account(
    dir: &Path,
    keychain: Option<KeychainKind>,
    id: Option<String>,
    check: Check,
) -> u8 {
    let account = match saved_account(dir, id.as_deref()).await {
        Ok(a) => a,
        Err(code) => return code,
    };
    // Names resolve as the window and `diagnose` resolve them (MAILSETUP_RESOLVE, _DNS).
    let reach = match check.reach.options() {
        Ok(o) => o,
        Err(why) => {
            errln!("{}", super::lines::error_line(why));
            return EXIT_USAGE;
        }
    };
    let trust = match check_trust(dir, &account, &check.reach) {
        Ok(t) => t,
        Err(code) => return code,
    };
    // The OAuth issuer is reached with the CA given now, else the account's copy.
    let ca_file = check.reach.ca_file.clone().or_else(|| account.ca_path(dir));
    let kind = keychain.unwrap_or(account.keychain.store);
    let secrets = match store::open_keychain(kind).await {
        Ok(s) => s,
        Err(e) => {
            errln!("{}", super::lines::error_line(e.words()));
            return EXIT_FAILED;
        }
    };
    let mut passwords = match store::passwords(secrets.clone(), account.clone()).await {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    // An OAuth account: the keychain holds the refresh token; sign in with a fresh access
    // token, and keep a rotated refresh token.
    let mut secret_kind = probe::SecretKind::Password;
    if let Some(login) = &account.oauth2 {
        use super::oauth::{SessionError, explain, explain_json, renew};
        let signed = match renew(
            &account.email,
            login,
            &passwords.incoming,
            ca_file.as_deref(),
            Some(dir),
        )
        .await
        {
            Ok(s) => s,
            Err(SessionError::Usage(why)) => {
                errln!("{}", super::lines::error_line(&why));
                return EXIT_FAILED;
            }
            Err(SessionError::OAuth(e)) => {
                if check.json {
                    outln!("{}", explain_json(&account.email.to_string(), &e));
                } else {
                    outln!("{} <{}>", account.id, account.email);
                    outln!("{}", explain(&e));
                }
                return EXIT_FAILED;
            }
        };
        if let Some(rotated) = signed.tokens.refresh
            && let Err(e) = store::replace_secret(secrets, account.clone(), rotated).await
        {
            errln!("{}", t!("oauth-cli-renew-not-kept", error = e.words()));
        }
        let access = signed.tokens.access;
        passwords = store::AccountPasswords {
            incoming: access.clone(),
            outgoing: access,
        };
        secret_kind = probe::SecretKind::OAuth2 {
            mechanism: login
                .mechanism
                .as_deref()
                .and_then(crate::probe::sasl::Mechanism::from_name),
        };
    }

    let pins = Pins::from_list(account.pinned_keys.iter().chain(&check.pins));
    let mut opts = ProbeOptions::new(trust.with_pins(pins));
    opts.resolver = reach.host_resolver();
    if let Some(t) = check.timeout {
        opts.timeouts = Timeouts::uniform(t);
    }
    opts.allow_plaintext = account.allow_plaintext;
    opts.secret_kind = secret_kind;
    let incoming = account.incoming.settings.clone();
    let outgoing = account.outgoing.settings.clone();
    let reports = {
        use secrecy::ExposeSecret;
        let same = passwords.incoming.expose_secret() == passwords.outgoing.expose_secret();
        if same {
            probe::probe_all(&[incoming, outgoing], &passwords.incoming, &opts).await
        } else {
            let (mut a, b) = futures::join!(
                probe::probe_all(std::slice::from_ref(&incoming), &passwords.incoming, &opts),
                probe::probe_all(std::slice::from_ref(&outgoing), &passwords.outgoing, &opts)
            );
            a.extend(b);
            a
        }
    };
    drop(passwords);

    let results: Vec<RoleResult<'_>> = [Role::Incoming, Role::Outgoing]
        .into_iter()
        .zip(reports.iter())
        .map(|(role, report)| RoleResult {
            role,
            passed: report.is_verified(),
            report,
        })
        .collect();
    let verified = results.len() == 2 && results.iter().all(|r| r.passed);

    if check.json {
        let doc = CheckJson {
            account: &account.id,
            email: account.email.to_string(),
            verified,
            results,
        };
        let code = print_json(&doc);
        if code != EXIT_OK {
            return code;
        }
    } else {
        outln!("{} <{}>", account.id, account.email);
        for r in &results {
            out!("{}", result_line(r.role, r.report));
        }
    }

    if !verified {
        if !check.json {
            outln!("{}", t!("cli-check-failed"));
        }
        return EXIT_FAILED;
    }
    if let Err(e) = store::mark_verified(dir, account.id.clone(), Timestamp::now()).await {
        errln!(
            "{}",
            super::lines::warning_line(t!("cli-check-time-not-recorded", error = e.words()))
        );
    } else if !check.json {
        outln!("{}", t!("cli-check-passed"));
    }
    EXIT_OK
}

/// `PASS  incoming  IMAP host:993 (TLS, user …)  240 ms`, plus the diagnosis on failure.
/// "incoming" / "outgoing" in the current language.
fn role_words(role: Role) -> String {
    match role {
        Role::Incoming => t!("accounts-label-incoming"),
        Role::Outgoing => t!("accounts-label-outgoing"),
    }
}

fn result_line(role: Role, report: &ProbeReport) -> String {
    let mut out = format!(
        "  {}  {} {}  {} ms\n",
        if report.is_verified() { "PASS" } else { "FAIL" },
        crate::i18n::pad(&role_words(role), 9),
        report.server,
        report.total_ms
    );
    if let Some(d) = report.diagnosis() {
        out.push_str(&format!(
            "        {}\n",
            t!(
                "cli-check-diagnosis",
                summary = d.summary.as_str(),
                cause = d.cause.to_string(),
                step = d.step.label()
            )
        ));
        if let Some(reply) = &d.server_reply {
            let reply = crate::report::terminal_safe(reply);
            out.push_str(&format!(
                "        {}\n",
                t!("cli-server-said", reply = reply.to_string())
            ));
        }
        out.push_str(&format!(
            "        {}\n",
            t!("cli-what-to-do", advice = d.advice.as_str())
        ));
        if let Some(pin) = crate::report::pin_to_trust(report) {
            let pin = crate::shown::shell_quote(&pin);
            out.push_str(&format!("        {}\n", t!("report-trust-pin", pin = pin)));
        }
    }
    for w in report.tls.iter().flat_map(|t| &t.warnings) {
        out.push_str(&format!("        {}\n", super::lines::warning_line(w)));
    }
    out
}

fn print_json<T: Serialize>(doc: &T) -> u8 {
    match serde_json::to_string_pretty(doc) {
        Ok(text) => {
            outln!("{text}");
            EXIT_OK
        }
        Err(e) => {
            errln!(
                "{}",
                super::lines::error_line(t!("cli-json-not-written", error = e.to_string()))
            );
            EXIT_FAILED
        }
    }
}
