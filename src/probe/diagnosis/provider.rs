//! Provider-specific advice for a diagnosis: which provider runs the server, and what that
//! provider's help pages say to do about this cause (where IMAP/POP is switched on, where an
//! app password is made, how long a lockout lasts, where its status page is).
//!
//! The facts come from the built-in provider table, `assets/providers.json` (its `help`
//! fields, sourced from the providers' and Mozilla ISPDB's public pages). `discover` reads
//! the same file for discovery; `probe` may not import `discover`, so this module reads the
//! few fields it needs itself. A provider is recognised, in order, by the server's host
//! name (a host of the table entry, or a name inside one of its domains) and then by words
//! of the server's greeting only that provider uses (Gmail's "Gimap ready").
//! Microsoft 365's 5.7.139 refusals add what to ask the organisation's administrator
//! (`ask_the_admin`), whichever host gave them.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Cause, ServerContext};
use crate::account::Protocol;

const TABLE: &str = include_str!("../../../assets/providers.json");

#[derive(Debug, Deserialize)]
struct File {
    providers: Vec<Provider>,
}

#[derive(Debug, Deserialize)]
struct Server {
    host: String,
}

/// What the table says about a provider, as far as advice needs it.
#[derive(Debug, Deserialize)]
pub(super) struct Provider {
    pub id: String,
    pub name: String,
    domains: Vec<String>,
    servers: Vec<Server>,
    /// How signing in works there (`oauth2_only`, `app_password` …).
    login: String,
    #[serde(default)]
    app_password_url: Option<String>,
    #[serde(default)]
    help: Help,
}

#[derive(Debug, Default, Deserialize)]
struct Help {
    #[serde(default)]
    enable_url: Option<String>,
    /// The protocols `enable_url` switches on (empty: all of them).
    #[serde(default)]
    enable_protocols: Vec<Protocol>,
    #[serde(default)]
    help_url: Option<String>,
    #[serde(default)]
    status_url: Option<String>,
    #[serde(default)]
    security_url: Option<String>,
    #[serde(default)]
    lockout: Option<String>,
    #[serde(default)]
    max_connections: Option<u32>,
    #[serde(default)]
    greetings: Vec<String>,
}

fn table() -> &'static [Provider] {
    static PROVIDERS: OnceLock<Vec<Provider>> = OnceLock::new();
    PROVIDERS.get_or_init(|| {
        serde_json::from_str::<File>(TABLE)
            .map(|f| f.providers)
            .unwrap_or_default()
    })
}

/// The provider running this server, if the table knows it.
pub(super) fn recognise(server: &ServerContext<'_>) -> Option<&'static Provider> {
    let host = server.host.trim_end_matches('.').to_ascii_lowercase();
    let by_host = (!host.is_empty()).then(|| {
        table().iter().find(|p| {
            p.servers.iter().any(|s| s.host.eq_ignore_ascii_case(&host))
                || p.domains.iter().any(|d| host.ends_with(&format!(".{d}")))
        })
    });
    by_host.flatten().or_else(|| {
        let greeting = server.greeting?;
        table().iter().find(|p| {
            p.help
                .greetings
                .iter()
                .any(|g| greeting.contains(g.as_str()))
        })
    })
}

/// What a provider's known habits change about a cause read from its reply.
pub(super) fn refine(provider: &Provider, cause: Cause, reply: Option<&str>) -> Cause {
    // Yahoo and AOL (one mail system) answer a normal password where an app password is
    // needed with "(#AUTH005) Too many bad auth attempts", even on the first attempt
    // (seen 2019–2026, see the corpus).
    let yahoo_like = matches!(provider.id.as_str(), "yahoo" | "aol");
    if yahoo_like && reply.is_some_and(|r| r.contains("(#AUTH005)")) {
        return Cause::AppPasswordRequired;
    }
    // Where password sign-in is switched off, a refused password means exactly that.
    if provider.login == "oauth2_only" && cause == Cause::AuthFailed {
        return Cause::OauthRequired;
    }
    cause
}

impl Provider {
    fn needs_app_password(&self) -> bool {
        matches!(
            self.login.as_str(),
            "app_password" | "oauth2_or_app_password"
        )
    }
}

/// Sentences for this provider and cause, appended to the general advice.
pub(super) fn advice(provider: &Provider, protocol: Protocol, cause: Cause) -> Option<String> {
    let name = &provider.name;
    let h = &provider.help;
    let app_password = provider.app_password_url.as_deref();
    let name = name.as_str();
    let access = if protocol == Protocol::Smtp {
        t!("provider-access-smtp")
    } else {
        t!("provider-access-imap-pop")
    };
    let mut out: Vec<String> = Vec::new();
    match cause {
        Cause::AuthFailed => {
            if provider.needs_app_password() {
                out.push(t!("provider-only-app-passwords", name = name));
                out.extend(app_password.map(|u| t!("provider-create-one-at", url = u)));
            }
            let switchable =
                h.enable_protocols.is_empty() || h.enable_protocols.contains(&protocol);
            if let Some(u) = h.enable_url.as_ref().filter(|_| switchable) {
                out.push(t!(
                    "provider-also-refuses",
                    name = name,
                    access = access.as_str(),
                    url = u.as_str()
                ));
            }
            if out.is_empty() {
                out.extend(
                    h.help_url
                        .as_ref()
                        .map(|u| t!("provider-settings-help", name = name, url = u.as_str())),
                );
            }
        }
        Cause::AppPasswordRequired => {
            out.extend(
                app_password.map(|u| t!("provider-create-app-password-at", name = name, url = u)),
            );
        }
        Cause::OauthRequired => {
            out.extend(
                h.help_url
                    .as_ref()
                    .map(|u| t!("provider-help", name = name, url = u.as_str())),
            );
        }
        Cause::ProtocolDisabled => {
            let url = h.enable_url.as_ref().or(h.help_url.as_ref());
            out.extend(url.map(|u| {
                t!(
                    "provider-switch-on",
                    name = name,
                    access = access.as_str(),
                    url = u.as_str()
                )
            }));
        }
        Cause::WebSignInRequired | Cause::AccountUnavailable | Cause::PasswordExpired => {
            let url = h.security_url.as_ref().or(h.help_url.as_ref());
            out.extend(url.map(|u| t!("provider-help-on-this", name = name, url = u.as_str())));
        }
        Cause::TooManyAttempts => {
            out.extend(h.lockout.as_ref().map(|l| {
                // The table's words are English; the key `provider-<id>-lockout` has
                // them in every language (checked against the table by a test).
                let when = crate::i18n::translated(&format!("provider-{}-lockout", provider.id))
                    .unwrap_or_else(|| l.clone());
                t!("provider-lockout", name = name, when = when)
            }));
        }
        Cause::TooManyConnections => {
            out.extend(
                h.max_connections
                    .map(|n| t!("provider-max-connections", name = name, count = n)),
            );
        }
        Cause::ServerUnavailable
        | Cause::Timeout
        | Cause::GreetingTimeout
        | Cause::ConnectionClosed
        | Cause::ConnectionTimeout
        | Cause::ConnectionRefused => {
            out.extend(
                h.status_url
                    .as_ref()
                    .map(|u| t!("provider-status", name = name, url = u.as_str())),
            );
        }
        _ => {}
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// Microsoft 365 (Exchange Online): what to ask the organisation's administrator when the
/// server refuses a password because the tenant switched it off.
///
/// Microsoft answers such sign-ins with the enhanced status code 5.7.139 (seen 2022–2026, see
/// the reply corpus): "SmtpClientAuthentication is disabled for the Tenant/Mailbox" means
/// authenticated SMTP is off for the organisation or the mailbox; "basic authentication is
/// disabled" means password sign-in is off altogether. Both are the administrator's to
/// change; the person cannot fix them with another password.
///
/// Returns the sentence to add to the advice, when the reply is one of those refusals.
pub(super) fn ask_the_admin(cause: Cause, reply: Option<&str>) -> Option<String> {
    let upper = reply?.to_ascii_uppercase();
    if upper.contains("SMTPCLIENTAUTHENTICATION") {
        return Some(t!("admin-authenticated-smtp"));
    }
    let microsoft_139 = upper.contains("5.7.139");
    if microsoft_139 && matches!(cause, Cause::OauthRequired | Cause::ProtocolDisabled) {
        return Some(t!("admin-password-sign-in-off"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_admin_is_asked_for_the_right_switch() {
        let smtp = ask_the_admin(
            Cause::ProtocolDisabled,
            Some("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information."),
        )
        .unwrap();
        assert!(smtp.contains("Authenticated SMTP"), "{smtp}");
        assert!(smtp.contains("administrator"), "{smtp}");
        let basic = ask_the_admin(
            Cause::OauthRequired,
            Some("535 5.7.139 Authentication unsuccessful, basic authentication is disabled."),
        )
        .unwrap();
        assert!(basic.contains("administrator"), "{basic}");
        assert!(
            ask_the_admin(Cause::AuthFailed, Some("535 5.7.8 Authentication failed.")).is_none()
        );
        assert!(ask_the_admin(Cause::AuthFailed, None).is_none());
    }

    fn at(host: &str) -> Option<&'static str> {
        recognise(&ServerContext {
            host,
            greeting: None,
        })
        .map(|p| p.id.as_str())
    }

    #[test]
    fn the_table_parses_and_hosts_are_recognised() {
        assert!(table().len() >= 10);
        assert_eq!(at("imap.gmail.com"), Some("gmail"));
        assert_eq!(at("IMAP.GMAIL.COM."), Some("gmail"));
        assert_eq!(at("outlook.office365.com"), Some("outlook"));
        assert_eq!(at("imap.mail.me.com"), Some("icloud"));
        assert_eq!(at("pop.gmx.net"), Some("gmx-net"));
        assert_eq!(at("mail.twc.com"), Some("roadrunner"));
        assert_eq!(at("notgmail.com"), None);
        assert_eq!(at("127.0.0.1"), None);
        assert_eq!(at(""), None);
    }

    #[test]
    fn a_greeting_only_one_provider_uses_recognises_it() {
        let p = recognise(&ServerContext {
            host: "10.0.0.1",
            greeting: Some("* OK Gimap ready for requests from 192.0.2.1 x1mb"),
        });
        assert_eq!(p.map(|p| p.id.as_str()), Some("gmail"));
        let p = recognise(&ServerContext {
            host: "10.0.0.1",
            greeting: Some("* OK [CAPABILITY IMAP4rev1] Dovecot ready."),
        });
        assert!(p.is_none());
    }

    #[test]
    fn advice_names_the_providers_own_pages() {
        let gmail = recognise(&ServerContext {
            host: "imap.gmail.com",
            greeting: None,
        })
        .unwrap();
        let a = advice(gmail, Protocol::Imap, Cause::AppPasswordRequired).unwrap();
        assert!(
            a.contains("https://myaccount.google.com/apppasswords"),
            "{a}"
        );
        let a = advice(gmail, Protocol::Imap, Cause::TooManyAttempts).unwrap();
        assert!(a.contains("24 hours"), "{a}");
        assert!(advice(gmail, Protocol::Imap, Cause::ServerUnavailable).is_some());
        // Gmail's settings switch only POP on and off; IMAP and sending are always on.
        let pop = advice(gmail, Protocol::Pop3, Cause::AuthFailed).unwrap();
        let smtp = advice(gmail, Protocol::Smtp, Cause::AuthFailed).unwrap();
        assert!(pop.contains("#settings/fwdandpop"), "{pop}");
        assert!(!smtp.contains("#settings/fwdandpop"), "{smtp}");
        assert!(smtp.contains("apppasswords"), "{smtp}");
        assert_eq!(
            refine(gmail, Cause::AuthFailed, None),
            Cause::AuthFailed,
            "Gmail still takes app passwords"
        );
    }
}
