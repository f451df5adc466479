//! The built-in provider table (`assets/providers.json`, compiled in): servers of the
//! article's provider family (Spectrum/Charter, Time Warner Cable/Roadrunner) and of the
//! large mail providers, with what a person must know before typing a password (app password,
//! OAuth2 only, "switch IMAP on first", which username form) and published settings known to
//! be wrong, kept so reports can show the contradiction. Offline and instant.
//!
//! Facts only, written in our own words. A domain matches its entry exactly, a subdomain
//! matches when the entry says so (regional rr.com addresses), and `mx_domains` match only
//! when reached through the MX source (Google Workspace, Microsoft 365).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::candidate::{
    Candidate, Claim, Disagreement, DisagreementKind, UsernameForm, security_word,
};
use super::config_v11::AuthMethod;
pub use super::config_v11::OAuth2Spec;
use super::source::{Channel, Origin, SourceId};
use super::via::{Publisher, Via};
use crate::account::{EmailAddress, Protocol, Security};

const BUILTIN: &str = include_str!("../../assets/providers.json");

/// Why a provider table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the provider table is not valid: {0}")]
pub struct TableError(pub String);

/// How signing in works at a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Login {
    /// The normal account password.
    Password,
    /// The normal password, or OAuth2.
    PasswordOrOauth2,
    /// Only an app password (made on the provider's website) works in mail apps.
    AppPassword,
    /// OAuth2, or an app password.
    Oauth2OrAppPassword,
    /// Password sign-in is switched off; only OAuth2 works.
    Oauth2Only,
    /// Password sign-in is off unless the organisation's administrator allowed it again
    /// (Microsoft 365); OAuth2 works.
    Oauth2UnlessAdminAllows,
}

impl Login {
    /// One sentence for the person about to type a password, in the current language.
    pub fn advice(self) -> String {
        match self {
            Login::Password => t!("login-password"),
            Login::PasswordOrOauth2 => t!("login-password-or-oauth2"),
            Login::AppPassword => t!("login-app-password"),
            Login::Oauth2OrAppPassword => t!("login-oauth2-or-app-password"),
            Login::Oauth2Only => t!("login-oauth2-only"),
            Login::Oauth2UnlessAdminAllows => t!("login-oauth2-unless-admin-allows"),
        }
    }

    pub fn needs_app_password(self) -> bool {
        matches!(self, Login::AppPassword | Login::Oauth2OrAppPassword)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum UserSpec {
    Address,
    LocalPart,
}

#[derive(Debug, Clone, Deserialize)]
struct ServerSpec {
    protocol: Protocol,
    host: String,
    port: u16,
    security: Security,
    username: UserSpec,
    /// Who publishes this setting, when sources differ.
    #[serde(default)]
    per: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Disputed {
    protocol: Protocol,
    host: String,
    port: u16,
    security: Security,
    said_by: String,
    why: String,
}

/// Where a provider's own pages help with a failed sign-in (from `help` in the table;
/// public help pages and Mozilla ISPDB documentation links). `probe::diagnosis` reads the
/// same fields to make its advice specific.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderHelp {
    /// Where IMAP/POP (or sending from mail apps) is switched on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_url: Option<String>,
    /// The protocols `enable_url` switches on (empty: all of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enable_protocols: Vec<Protocol>,
    /// The provider's page on mail app settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_url: Option<String>,
    /// The provider's service status page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_url: Option<String>,
    /// The page on blocked or suspicious sign-ins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_url: Option<String>,
    /// How long a sign-in block lasts, in words ("usually within an hour …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lockout: Option<String>,
    /// How many connections one account may hold at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_connections: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
struct Entry {
    id: String,
    name: String,
    domains: Vec<String>,
    #[serde(default)]
    mx_domains: Vec<String>,
    #[serde(default)]
    subdomains: bool,
    servers: Vec<ServerSpec>,
    login: Login,
    #[serde(default)]
    app_password_url: Option<String>,
    #[serde(default)]
    enable_first: Option<String>,
    #[serde(default)]
    help: ProviderHelp,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    disputed: Vec<Disputed>,
    #[serde(default)]
    oauth2: Option<OAuth2Spec>,
}

#[derive(Debug, Clone, Deserialize)]
struct File {
    version: u32,
    providers: Vec<Entry>,
}

/// What a person should know about the provider before typing a password. Shown by the
/// wizard as soon as the domain is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderNotes {
    pub id: String,
    pub name: String,
    pub login: Login,
    /// One sentence saying how to sign in.
    pub login_advice: String,
    /// Where an app password is made, when one is needed.
    pub app_password_url: Option<String>,
    /// What to switch on in web settings before IMAP/POP3 works.
    pub enable_first: Option<String>,
    /// The provider's own help pages for failed sign-ins.
    pub help: ProviderHelp,
    /// Username form per protocol.
    pub username: BTreeMap<Protocol, UsernameForm>,
    pub notes: Vec<String>,
    /// How the provider was recognised ("charter.net", "MX mx.example → google.com").
    pub matched: String,
}

/// The table.
#[derive(Debug, Clone)]
pub struct ProviderTable {
    entries: Vec<Entry>,
}

/// A table entry found for a domain.
#[derive(Debug, Clone, Copy)]
pub struct Match<'a> {
    entry: &'a Entry,
}

impl ProviderTable {
    /// The compiled-in table.
    pub fn builtin() -> Result<&'static ProviderTable, TableError> {
        static TABLE: OnceLock<Result<ProviderTable, TableError>> = OnceLock::new();
        TABLE
            .get_or_init(|| ProviderTable::from_json(BUILTIN))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a table in the format of `assets/providers.json`.
    pub fn from_json(text: &str) -> Result<Self, TableError> {
        let file: File = serde_json::from_str(text).map_err(|e| TableError(e.to_string()))?;
        if file.version != 1 {
            return Err(TableError(format!("unknown version {}", file.version)));
        }
        for e in &file.providers {
            if e.servers.is_empty() || e.domains.is_empty() {
                return Err(TableError(format!(
                    "entry {} lists no servers or domains",
                    e.id
                )));
            }
        }
        Ok(Self {
            entries: file.providers,
        })
    }

    /// Every domain the table knows (for listings and tests).
    pub fn domains(&self) -> Vec<&str> {
        self.entries
            .iter()
            .flat_map(|e| e.domains.iter().map(String::as_str))
            .collect()
    }

    /// The entry for an address's domain (ASCII), exact or as an allowed subdomain.
    pub fn lookup(&self, domain: &str) -> Option<Match<'_>> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        self.entries
            .iter()
            .find(|e| e.domains.contains(&domain))
            .or_else(|| {
                self.entries.iter().find(|e| {
                    e.subdomains && e.domains.iter().any(|d| domain.ends_with(&format!(".{d}")))
                })
            })
            .map(|entry| Match { entry })
    }

    /// The entry whose OAuth 2.0 issuer is `issuer` (trailing slashes aside), if any.
    pub fn with_oauth2_issuer(&self, issuer: &str) -> Option<Match<'_>> {
        let wanted = issuer.trim_end_matches('/');
        self.entries
            .iter()
            .find(|e| {
                e.oauth2
                    .as_ref()
                    .is_some_and(|o| o.issuer.trim_end_matches('/') == wanted)
            })
            .map(|entry| Match { entry })
    }

    /// The entry for a domain reached through MX (also `mx_domains`).
    pub fn lookup_mx(&self, domain: &str) -> Option<Match<'_>> {
        self.lookup(domain).or_else(|| {
            let domain = domain.to_ascii_lowercase();
            self.entries
                .iter()
                .find(|e| e.mx_domains.contains(&domain))
                .map(|entry| Match { entry })
        })
    }
}

impl Match<'_> {
    pub fn id(&self) -> &str {
        &self.entry.id
    }

    /// The provider's name as people know it ("Gmail").
    pub fn name(&self) -> &str {
        &self.entry.name
    }

    /// The provider's OAuth 2.0 sign-in, when the table knows it.
    pub fn oauth2(&self) -> Option<&OAuth2Spec> {
        self.entry.oauth2.as_ref()
    }

    /// The entry's servers as candidates for this address.
    pub fn candidates(
        &self,
        email: &EmailAddress,
        source: SourceId,
        channel: Channel,
        via: &Via,
    ) -> Vec<Candidate> {
        self.entry
            .servers
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let username = match s.username {
                    UserSpec::Address => email.to_ascii(),
                    UserSpec::LocalPart => email.local_part().to_string(),
                };
                let via = via.clone().per(s.per.as_ref().map(|english| Publisher {
                    english: english.clone(),
                    key: format!("provider-{}-server-{}-per", self.entry.id, i + 1),
                }));
                let mut c = Candidate::new(
                    s.protocol,
                    &s.host,
                    s.port,
                    s.security,
                    username,
                    email,
                    Origin::new(source, channel.clone(), via),
                );
                c.auth = match self.entry.login {
                    Login::Oauth2Only => vec![AuthMethod::OAuth2],
                    Login::PasswordOrOauth2
                    | Login::Oauth2OrAppPassword
                    | Login::Oauth2UnlessAdminAllows => {
                        vec![AuthMethod::OAuth2, AuthMethod::PasswordCleartext]
                    }
                    Login::Password | Login::AppPassword => vec![AuthMethod::PasswordCleartext],
                };
                c
            })
            .collect()
    }

    /// The notes for the person.
    pub fn notes(&self, matched: &str) -> ProviderNotes {
        let e = self.entry;
        let mut username = BTreeMap::new();
        for s in &e.servers {
            username.entry(s.protocol).or_insert(match s.username {
                UserSpec::Address => UsernameForm::FullAddress,
                UserSpec::LocalPart => UsernameForm::LocalPart,
            });
        }
        ProviderNotes {
            id: e.id.clone(),
            name: e.name.clone(),
            login: e.login,
            login_advice: e.login.advice(),
            app_password_url: e.app_password_url.clone(),
            // The table's sentences are English; each has a key in the translation files
            // (`provider-<id>-note-<n>`, `provider-<id>-enable-first`), checked by a test.
            enable_first: e.enable_first.as_ref().map(|text| {
                crate::i18n::translated(&format!("provider-{}-enable-first", e.id))
                    .unwrap_or_else(|| text.clone())
            }),
            help: e.help.clone(),
            username,
            notes: e
                .notes
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    crate::i18n::translated(&format!("provider-{}-note-{}", e.id, i + 1))
                        .unwrap_or_else(|| text.clone())
                })
                .collect(),
            matched: matched.to_string(),
        }
    }

    /// Published settings known to be wrong, each set against what the table recommends.
    pub fn disputed(&self) -> Vec<Disagreement> {
        self.entry
            .disputed
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let recommended = self
                    .entry
                    .servers
                    .iter()
                    .filter(|s| s.protocol == d.protocol)
                    .map(|s| format!("{}:{} {}", s.host, s.port, security_word(s.security)))
                    .collect::<Vec<_>>();
                let mut claims = vec![Claim {
                    says: format!("{}:{} {}", d.host, d.port, security_word(d.security)),
                    // Translated like the summary, under `provider-<id>-disputed-<n>-by`.
                    by: vec![
                        crate::i18n::translated(&format!(
                            "provider-{}-disputed-{}-by",
                            self.entry.id,
                            i + 1
                        ))
                        .unwrap_or_else(|| d.said_by.clone()),
                    ],
                    recommended: false,
                }];
                claims.extend(recommended.into_iter().map(|says| Claim {
                    says,
                    by: vec![
                        Via::Table {
                            provider: self.entry.name.clone(),
                            per: None,
                        }
                        .words(),
                    ],
                    recommended: true,
                }));
                Disagreement {
                    protocol: d.protocol,
                    kind: DisagreementKind::Published,
                    // The table's words are English; `provider-<id>-disputed-<n>` has them in
                    // every language (checked against the table by a test).
                    summary: crate::i18n::translated(&format!(
                        "provider-{}-disputed-{}",
                        self.entry.id,
                        i + 1
                    ))
                    .unwrap_or_else(|| d.why.clone()),
                    claims,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_and_covers_the_article_family() {
        let t = ProviderTable::builtin().unwrap();
        for d in [
            "charter.net",
            "spectrum.net",
            "bresnan.net",
            "rr.com",
            "twc.com",
            "gmail.com",
            "web.de",
        ] {
            assert!(t.lookup(d).is_some(), "{d}");
        }
        assert_eq!(t.lookup("nc.rr.com").unwrap().id(), "roadrunner");
        assert!(t.lookup("evilcharter.net").is_none());
        assert!(
            t.lookup("x.charter.net").is_none(),
            "charter has no subdomain rule"
        );
        assert!(t.lookup("google.com").is_none());
        assert_eq!(t.lookup_mx("google.com").unwrap().id(), "gmail");
    }

    #[test]
    fn microsoft_365_is_known_by_its_mx_and_its_tenant_domain() {
        let t = ProviderTable::builtin().unwrap();
        assert_eq!(
            t.lookup_mx("protection.outlook.com").unwrap().id(),
            "microsoft365"
        );
        let m = t.lookup("contoso.onmicrosoft.com").unwrap();
        assert_eq!(m.id(), "microsoft365");
        let n = m.notes("contoso.onmicrosoft.com");
        assert_eq!(n.login, Login::Oauth2UnlessAdminAllows);
        assert!(n.enable_first.unwrap().contains("administrator"));
        assert!(
            n.login_advice.contains("administrator"),
            "{}",
            n.login_advice
        );
    }

    #[test]
    fn icloud_usernames_differ_per_protocol() {
        let t = ProviderTable::builtin().unwrap();
        let email = EmailAddress::parse("kim@icloud.com").unwrap();
        let m = t.lookup("icloud.com").unwrap();
        let c = m.candidates(
            &email,
            SourceId::Provider,
            Channel::BuiltIn,
            &Via::Trail("table".into()),
        );
        let imap = c.iter().find(|c| c.protocol == Protocol::Imap).unwrap();
        let smtp = c.iter().find(|c| c.protocol == Protocol::Smtp).unwrap();
        assert_eq!(imap.username, "kim");
        assert_eq!(smtp.username, "kim@icloud.com");
        let notes = m.notes("icloud.com");
        assert!(notes.login.needs_app_password());
        assert!(notes.app_password_url.is_some());
        assert_eq!(notes.username[&Protocol::Imap], UsernameForm::LocalPart);
    }

    #[test]
    fn help_links_come_with_the_notes() {
        let t = ProviderTable::builtin().unwrap();
        let gmx = t.lookup("gmx.de").unwrap().notes("gmx.de");
        assert_eq!(
            gmx.help.enable_url.as_deref(),
            Some("https://hilfe.gmx.net/pop-imap/einschalten.html")
        );
        let gmail = t.lookup("gmail.com").unwrap().notes("gmail.com");
        assert!(gmail.help.status_url.is_some());
        assert!(gmail.help.lockout.is_some());
        for d in t.domains() {
            let n = t.lookup(d).unwrap().notes(d);
            for url in [&n.help.enable_url, &n.help.help_url, &n.help.status_url]
                .into_iter()
                .flatten()
            {
                assert!(url.starts_with("https://"), "{d}: {url}");
            }
        }
    }

    #[test]
    fn outlook_is_oauth_only() {
        let t = ProviderTable::builtin().unwrap();
        let notes = t.lookup("hotmail.com").unwrap().notes("hotmail.com");
        assert_eq!(notes.login, Login::Oauth2Only);
    }
}
