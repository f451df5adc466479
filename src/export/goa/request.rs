//! What GNOME Online Accounts is given, built without any D-Bus traffic: the daemon's names
//! (bus, paths, interfaces, the `imap_smtp` provider and its credential keys), the errors of
//! the whole hand-off with their words, the provider's details for an account (`request`,
//! which refuses what the provider cannot carry), and the search for an account the daemon
//! already has for the address (`account_for`).

use std::collections::BTreeMap;

use crate::account::{Protocol, Security, ServerSettings};
use crate::store::model::{InvalidAccount, VerifiedAccount};

/// The daemon's well-known name on the session bus.
pub const BUS_NAME: &str = "org.gnome.OnlineAccounts";
/// Where the daemon's object manager is (accounts are below `…/Accounts/`).
pub const ROOT_PATH: &str = "/org/gnome/OnlineAccounts";
/// The manager object (`AddAccount`).
pub const MANAGER_PATH: &str = "/org/gnome/OnlineAccounts/Manager";
pub const MANAGER_INTERFACE: &str = "org.gnome.OnlineAccounts.Manager";
/// Every account object has it: `ProviderType`, `Identity`, `Remove()`.
pub const ACCOUNT_INTERFACE: &str = "org.gnome.OnlineAccounts.Account";
/// A mail-enabled account's servers, as the mail apps read them.
pub const MAIL_INTERFACE: &str = "org.gnome.OnlineAccounts.Mail";
/// `GetPassword(id)`: the daemon reads a credential back from the keyring.
pub const PASSWORD_INTERFACE: &str = "org.gnome.OnlineAccounts.PasswordBased";
/// GOA's provider for any IMAP and SMTP account ("IMAP and SMTP" in GNOME's Settings).
pub const PROVIDER: &str = "imap_smtp";
/// The credential keys of the `imap_smtp` provider.
pub const IMAP_PASSWORD: &str = "imap-password";
pub const SMTP_PASSWORD: &str = "smtp-password";

/// Why the account was not added to GNOME Online Accounts. No variant holds the password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoaError {
    #[error("GNOME Online Accounts exists only on Linux desktops")]
    NotAvailable,
    #[error("no D-Bus session bus to reach GNOME Online Accounts ({reason})")]
    NoSessionBus { reason: String },
    #[error(
        "GNOME Online Accounts is not installed: nothing on the session bus provides {BUS_NAME}"
    )]
    NotInstalled,
    #[error("GNOME Online Accounts (goa-daemon) did not start or answer: {reason}")]
    NotRunning { reason: String },
    #[error(
        "{email} signs in with OAuth 2.0; GNOME Online Accounts' IMAP and SMTP accounts sign in with a password only"
    )]
    OAuth { email: String },
    #[error(
        "{email} receives mail with POP3; GNOME Online Accounts' IMAP and SMTP accounts have no POP3, only IMAP"
    )]
    Pop3 { email: String },
    #[error(
        "GNOME Online Accounts already has an account for {email} (provider {provider}, {path}); nothing was added"
    )]
    AlreadyExists {
        email: String,
        provider: String,
        path: String,
    },
    #[error("goa-daemon refused the account: {message} ({name})")]
    Refused { name: String, message: String },
    #[error(
        "goa-daemon added the account but could not keep its password in the keyring ({reason}); {}",
        removal_words(.removed)
    )]
    PasswordNotStored {
        reason: String,
        path: String,
        removed: bool,
    },
    #[error("goa-daemon did not answer {step} within {seconds} s")]
    Timeout { step: &'static str, seconds: u64 },
    #[error("goa-daemon answered {step} with something unexpected: {detail}")]
    Unexpected { step: &'static str, detail: String },
    #[error("the account cannot be handed over: {0}")]
    Invalid(#[from] InvalidAccount),
}

impl GoaError {
    /// A stable name for the kind of failure (`goa-pop3`, `goa-already-exists` …): the
    /// catalogue key of its advice and the code in machine-readable output.
    pub fn key(&self) -> &'static str {
        match self {
            GoaError::NotAvailable => "goa-not-available",
            GoaError::NoSessionBus { .. } => "goa-no-session-bus",
            GoaError::NotInstalled => "goa-not-installed",
            GoaError::NotRunning { .. } => "goa-not-running",
            GoaError::OAuth { .. } => "goa-oauth",
            GoaError::Pop3 { .. } => "goa-pop3",
            GoaError::AlreadyExists { .. } => "goa-already-exists",
            GoaError::Refused { .. } => "goa-refused",
            GoaError::PasswordNotStored { .. } => "goa-password-not-stored",
            GoaError::Timeout { .. } => "goa-timeout",
            GoaError::Unexpected { .. } => "goa-unexpected",
            GoaError::Invalid(_) => "goa-invalid",
        }
    }
}

impl GoaError {
    /// What happened, in the current language, with what to do on a second line where there
    /// is something to do (the `Display` text stays English).
    pub fn words(&self) -> String {
        let said = match self {
            GoaError::NotAvailable => t!("goa-not-available"),
            GoaError::NoSessionBus { reason } => {
                t!("goa-no-session-bus", reason = reason.as_str())
            }
            GoaError::NotInstalled => t!("goa-not-installed"),
            GoaError::NotRunning { reason } => t!("goa-not-running", reason = reason.as_str()),
            GoaError::OAuth { email } => t!("goa-oauth", email = email.as_str()),
            GoaError::Pop3 { email } => t!("goa-pop3", email = email.as_str()),
            GoaError::AlreadyExists { email, .. } => {
                t!("goa-already-exists", email = email.as_str())
            }
            GoaError::Refused { name, message } => {
                t!("goa-refused", message = format!("{message} ({name})"))
            }
            GoaError::PasswordNotStored {
                reason, removed, ..
            } => {
                if *removed {
                    t!("goa-password-not-stored", reason = reason.as_str())
                } else {
                    t!("goa-password-not-stored-kept", reason = reason.as_str())
                }
            }
            GoaError::Timeout { step, seconds } => {
                t!(
                    "goa-timeout",
                    step = step.to_string(),
                    seconds = seconds.to_string()
                )
            }
            GoaError::Unexpected { step, detail } => {
                t!(
                    "goa-unexpected",
                    step = step.to_string(),
                    detail = detail.as_str()
                )
            }
            GoaError::Invalid(e) => t!("goa-invalid", detail = e.to_string()),
        };
        let advice = match self {
            GoaError::NotAvailable => Some(t!("goa-not-available-advice")),
            GoaError::NoSessionBus { .. } => Some(t!("goa-no-session-bus-advice")),
            GoaError::NotInstalled => Some(t!("goa-not-installed-advice")),
            GoaError::NotRunning { .. } => Some(t!("goa-not-running-advice")),
            GoaError::OAuth { .. } => Some(t!("goa-oauth-advice")),
            GoaError::Pop3 { .. } => Some(t!("goa-pop3-advice")),
            GoaError::AlreadyExists { .. } => Some(t!("goa-already-exists-advice")),
            GoaError::PasswordNotStored { .. } => Some(t!("goa-password-not-stored-advice")),
            GoaError::Timeout { .. } => Some(t!("goa-timeout-advice")),
            GoaError::Refused { .. } | GoaError::Unexpected { .. } | GoaError::Invalid(_) => None,
        };
        match advice {
            Some(advice) => format!("{said}\n{advice}"),
            None => said,
        }
    }
}

fn removal_words(removed: &bool) -> &'static str {
    if *removed {
        "the account was removed again"
    } else {
        "removing it again failed too: remove it in Settings, Online Accounts"
    }
}

/// What `Manager.AddAccount` is given besides the password: the identity (the address, its
/// domain in ASCII; GOA's dialog passes it as both identity and presentation identity) and
/// the `imap_smtp` provider's details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoaRequest {
    pub identity: String,
    pub details: BTreeMap<&'static str, String>,
}

/// The AddAccount arguments for a verified account, or why GOA's `imap_smtp` provider cannot
/// carry it. Pure.
pub fn request(account: &VerifiedAccount) -> Result<GoaRequest, GoaError> {
    account.validate()?;
    let email = account.email.to_ascii();
    if account.oauth2.is_some() {
        return Err(GoaError::OAuth { email });
    }
    if account.incoming.settings.protocol != Protocol::Imap {
        return Err(GoaError::Pop3 { email });
    }
    let imap = &account.incoming.settings;
    let smtp = &account.outgoing.settings;
    let name = match account.display_name.trim() {
        "" => email.clone(),
        name => name.to_string(),
    };
    let (imap_ssl, imap_starttls) = security_flags(imap.security);
    let (smtp_ssl, smtp_starttls) = security_flags(smtp.security);
    let smtp_login = uses_auth_login(account.outgoing.auth_method.as_deref());
    let mut details = BTreeMap::new();
    let mut put = |key: &'static str, value: String| {
        details.insert(key, value);
    };
    put("Enabled", "true".into());
    put("EmailAddress", email.clone());
    put("Name", name);
    put("ImapHost", host_value(imap, 993, 143));
    put("ImapUserName", imap.username.clone());
    put("ImapUseSsl", imap_ssl.to_string());
    put("ImapUseTls", imap_starttls.to_string());
    put("ImapAcceptSslErrors", "false".into());
    put("SmtpHost", host_value(smtp, 465, 587));
    put("SmtpUseAuth", "true".into());
    put("SmtpUserName", smtp.username.clone());
    put("SmtpAuthLogin", smtp_login.to_string());
    put("SmtpAuthPlain", (!smtp_login).to_string());
    put("SmtpUseSsl", smtp_ssl.to_string());
    put("SmtpUseTls", smtp_starttls.to_string());
    put("SmtpAcceptSslErrors", "false".into());
    Ok(GoaRequest {
        identity: email,
        details,
    })
}

/// `(…UseSsl, …UseTls)`: implicit TLS, STARTTLS, or neither.
fn security_flags(security: Security) -> (bool, bool) {
    match security {
        Security::Tls => (true, false),
        Security::StartTls => (false, true),
        Security::Plain => (false, false),
    }
}

/// Whether SMTP signed in with `AUTH LOGIN` (GOA's `SmtpAuthLogin`); everything else is
/// handed over as PLAIN, the other mechanism GOA knows and its default.
fn uses_auth_login(auth_method: Option<&str>) -> bool {
    auth_method
        .and_then(|m| m.split_whitespace().last())
        .is_some_and(|m| m.eq_ignore_ascii_case("LOGIN"))
}

/// The host as GOA keeps it: with `:port` unless the port is GOA's default for the security;
/// an IPv6 literal always in brackets with its port.
fn host_value(server: &ServerSettings, tls_default: u16, other_default: u16) -> String {
    let default = match server.security {
        Security::Tls => tls_default,
        Security::StartTls | Security::Plain => other_default,
    };
    let host = server.host.trim_start_matches('[').trim_end_matches(']');
    if host.contains(':') {
        format!("[{host}]:{}", server.port)
    } else if server.port == default {
        host.to_string()
    } else {
        format!("{host}:{}", server.port)
    }
}

/// One account the daemon already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingAccount {
    /// Its object path.
    pub path: String,
    /// `ProviderType` (`imap_smtp`, `google`, `exchange` …).
    pub provider: String,
    /// Its `Identity`, `PresentationIdentity` and mail `EmailAddress`, where present.
    pub addresses: Vec<String>,
}

/// The account among `existing` that is for `identity` (compared without case), if any.
pub fn account_for<'a>(
    existing: &'a [ExistingAccount],
    identity: &str,
    unicode_identity: &str,
) -> Option<&'a ExistingAccount> {
    let wanted = [identity.to_lowercase(), unicode_identity.to_lowercase()];
    existing.iter().find(|account| {
        account
            .addresses
            .iter()
            .any(|a| wanted.contains(&a.trim().to_lowercase()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::EmailAddress;
    use crate::store::model::{OAuth2Login, SavedServer, SettingsSource, SourceKind, Timestamp};

    fn server(protocol: Protocol, host: &str, port: u16, security: Security) -> SavedServer {
        SavedServer::verified(
            ServerSettings {
                protocol,
                host: host.into(),
                port,
                security,
                username: "alice@example.org".into(),
            },
            Some("AUTH PLAIN".into()),
        )
    }

    fn account(incoming: SavedServer, outgoing: SavedServer) -> VerifiedAccount {
        VerifiedAccount {
            display_name: "Alice Example".into(),
            email: EmailAddress::parse("Alice@Bücher.example").unwrap(),
            incoming,
            outgoing,
            alternatives: Vec::new(),
            source: SettingsSource::new(SourceKind::Manual),
            verified_at: Timestamp::now(),
            allow_plaintext: false,
            ca_file: None,
            pinned_keys: Vec::new(),
            oauth2: None,
        }
    }

    fn details(r: &GoaRequest) -> Vec<(&str, &str)> {
        r.details.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }

    #[test]
    fn tls_imap_and_starttls_smtp_on_their_usual_ports_are_written_as_goa_writes_them() {
        let a = account(
            server(Protocol::Imap, "imap.example.org", 993, Security::Tls),
            server(Protocol::Smtp, "smtp.example.org", 587, Security::StartTls),
        );
        let r = request(&a).unwrap();
        assert_eq!(r.identity, "Alice@xn--bcher-kva.example");
        assert_eq!(
            details(&r),
            [
                ("EmailAddress", "Alice@xn--bcher-kva.example"),
                ("Enabled", "true"),
                ("ImapAcceptSslErrors", "false"),
                ("ImapHost", "imap.example.org"),
                ("ImapUseSsl", "true"),
                ("ImapUseTls", "false"),
                ("ImapUserName", "alice@example.org"),
                ("Name", "Alice Example"),
                ("SmtpAcceptSslErrors", "false"),
                ("SmtpAuthLogin", "false"),
                ("SmtpAuthPlain", "true"),
                ("SmtpHost", "smtp.example.org"),
                ("SmtpUseAuth", "true"),
                ("SmtpUseSsl", "false"),
                ("SmtpUseTls", "true"),
                ("SmtpUserName", "alice@example.org"),
            ]
        );
    }

    #[test]
    fn other_ports_ipv6_plain_and_auth_login_are_carried_exactly() {
        let mut smtp = server(Protocol::Smtp, "::1", 465, Security::Tls);
        smtp.auth_method = Some("AUTH LOGIN".into());
        let mut a = account(
            server(Protocol::Imap, "mail.example.org", 10143, Security::Plain),
            smtp,
        );
        a.allow_plaintext = true;
        a.display_name = "  ".into();
        let r = request(&a).unwrap();
        let d = &r.details;
        assert_eq!(d["ImapHost"], "mail.example.org:10143");
        assert_eq!((&*d["ImapUseSsl"], &*d["ImapUseTls"]), ("false", "false"));
        assert_eq!(d["SmtpHost"], "[::1]:465");
        assert_eq!((&*d["SmtpUseSsl"], &*d["SmtpUseTls"]), ("true", "false"));
        assert_eq!(
            (&*d["SmtpAuthLogin"], &*d["SmtpAuthPlain"]),
            ("true", "false")
        );
        assert_eq!(
            d["Name"], "Alice@xn--bcher-kva.example",
            "no name: the address"
        );
        // STARTTLS IMAP on 143 and TLS IMAP on 143 differ only in the port written.
        for (security, port, host) in [
            (Security::StartTls, 143, "h.example"),
            (Security::Tls, 143, "h.example:143"),
            (Security::StartTls, 993, "h.example:993"),
        ] {
            let s = server(Protocol::Imap, "h.example", port, security).settings;
            assert_eq!(host_value(&s, 993, 143), host);
        }
    }

    #[test]
    fn pop3_oauth_and_invalid_accounts_are_refused_with_their_own_errors() {
        let imap = server(Protocol::Imap, "imap.example.org", 993, Security::Tls);
        let smtp = server(Protocol::Smtp, "smtp.example.org", 465, Security::Tls);
        let pop = server(Protocol::Pop3, "pop.example.org", 995, Security::Tls);
        assert_eq!(
            request(&account(pop, smtp.clone())),
            Err(GoaError::Pop3 {
                email: "Alice@xn--bcher-kva.example".into()
            })
        );
        let mut oauth = account(imap.clone(), smtp.clone());
        oauth.oauth2 = Some(OAuth2Login {
            issuer: "https://accounts.example.org".into(),
            provider: "example".into(),
            client_id: "client".into(),
            scopes: Vec::new(),
            mechanism: None,
            token_endpoint: None,
            revocation_endpoint: None,
            client_source: None,
            resource: None,
        });
        assert!(matches!(request(&oauth), Err(GoaError::OAuth { .. })));
        let mut no_user = account(imap, smtp);
        no_user.outgoing.settings.username.clear();
        assert!(matches!(request(&no_user), Err(GoaError::Invalid(_))));
        assert_eq!(request(&no_user).unwrap_err().key(), "goa-invalid");
    }

    #[test]
    fn an_existing_account_for_the_address_is_found_whatever_the_case_or_form() {
        let existing = [
            ExistingAccount {
                path: "/a/1".into(),
                provider: "google".into(),
                addresses: vec!["bob@example.org".into()],
            },
            ExistingAccount {
                path: "/a/2".into(),
                provider: "imap_smtp".into(),
                addresses: vec!["ALICE@bücher.example".into()],
            },
        ];
        let found = account_for(
            &existing,
            "alice@xn--bcher-kva.example",
            "alice@bücher.example",
        );
        assert_eq!(found.map(|a| a.path.as_str()), Some("/a/2"));
        assert!(account_for(&existing, "carol@example.org", "carol@example.org").is_none());
    }
}
