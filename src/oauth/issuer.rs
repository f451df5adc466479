//! Which authorization server to ask, for what, and as which client.
//!
//! In order:
//! 1. the issuer is given (`--oauth-issuer`), or comes from the built-in provider table
//!    (`discover::providers`, the address's domain), or from an `<oAuth2>` block discovery
//!    found (`from_discovery`); which one wins is `session::Overrides::resolve`'s;
//! 2. endpoints the source does not name (the device and revocation endpoints, RFC 8628
//!    §4 and RFC 7009 §2, too) are read from the issuer's metadata
//!    (`/.well-known/openid-configuration`, OpenID Connect Discovery 1.0 §4; RFC 8414 §3),
//!    whose `issuer` must equal the one asked for (RFC 8414 §3.3);
//! 3. the client id is configuration, never code: the command-line flag, else the
//!    environment at run time (`MAILSETUP_OAUTH_CLIENT_ID_<PROVIDER>`, then
//!    `MAILSETUP_OAUTH_CLIENT_ID`), else the configuration file (`oauth.json` in the
//!    configuration folder), else the environment when mailsetup was built (`option_env!`),
//!    else the provider table's, which may be empty; none at all is `NoClientId`. A client
//!    secret (Google gives "desktop" clients one that is not secret) comes the same ways.
//!
//! Every endpoint must be HTTPS (RFC 6749 §3.1, §3.2); plain HTTP only to a loopback address
//! (tests, and RFC 8252 §7.3's redirect, which is ours).

use std::collections::BTreeMap;
use std::path::Path;

use secrecy::SecretString;
use serde::Deserialize;

use super::error::OAuthError;
use crate::account::EmailAddress;
use crate::discover::DiscoveredOAuth2;
use crate::discover::http::{HttpClient, Request};
use crate::discover::providers::{OAuth2Spec, ProviderTable};
use crate::store::{ClientSource, OAuth2Login};

/// An authorization server and what mail needs from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// The key for client ids and the keychain (`gmail`, or the issuer URL).
    pub key: String,
    /// The provider's name for people ("Gmail").
    pub name: String,
    pub issuer: String,
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    pub device_authorization_endpoint: Option<String>,
    pub userinfo_endpoint: Option<String>,
    /// Where a refresh token is given back (RFC 7009), when the issuer has such a place.
    pub revocation_endpoint: Option<String>,
    pub scopes: Vec<String>,
    /// Whether the device grant may ask for the mail scopes here.
    pub device_flow_for_mail: bool,
    /// The client id the source names (may be empty).
    pub table_client_id: String,
    /// Named by a domain's own file (`from_discovery`), not by the person or the table:
    /// client ids and secrets configured for providers (environment, build, table) are never
    /// sent to it; only the flag's and an `oauth.json` entry for exactly this issuer whose
    /// token endpoint is on the issuer's own site.
    pub named_by_domain: bool,
}

/// The client we are at the authorization server.
#[derive(Clone)]
pub struct Client {
    pub id: String,
    /// A "secret" of a public (native) client, where the provider hands one out.
    pub secret: Option<SecretString>,
    /// Where the id and the secret came from (saved with the account, so a refresh reads the
    /// secret from the same place).
    pub source: ClientSource,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("id", &self.id)
            .field("secret", &self.secret.as_ref().map(|_| "[REDACTED]"))
            .field("source", &self.source)
            .finish()
    }
}

/// Whether `url` may carry tokens: HTTPS, or HTTP to a loopback address.
pub fn check_url(url: &str) -> Result<(), OAuthError> {
    let insecure = || OAuthError::Insecure {
        url: url.to_string(),
    };
    let parsed = reqwest::Url::parse(url).map_err(|_| insecure())?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(parsed.host_str().unwrap_or("")) => Ok(()),
        _ => Err(insecure()),
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Issuer {
    /// From a provider table entry or an ISPDB block.
    pub fn from_spec(key: &str, name: &str, spec: &OAuth2Spec) -> Self {
        Self {
            key: key.to_string(),
            name: name.to_string(),
            issuer: spec.issuer.clone(),
            authorization_endpoint: spec.authorization_endpoint.clone(),
            token_endpoint: spec.token_endpoint.clone(),
            device_authorization_endpoint: spec.device_authorization_endpoint.clone(),
            userinfo_endpoint: spec.userinfo_endpoint.clone(),
            revocation_endpoint: None,
            scopes: spec.scopes.clone(),
            device_flow_for_mail: spec.device_flow_for_mail,
            table_client_id: spec.client_id.clone(),
            named_by_domain: false,
        }
    }

    /// An issuer known only by its URL; endpoints come from `discover`.
    pub fn at(issuer: &str, scopes: Vec<String>) -> Self {
        let issuer = issuer.trim_end_matches('/').to_string();
        Self {
            key: issuer.clone(),
            name: issuer.clone(),
            issuer,
            authorization_endpoint: None,
            token_endpoint: None,
            device_authorization_endpoint: None,
            userinfo_endpoint: None,
            revocation_endpoint: None,
            scopes,
            device_flow_for_mail: true,
            table_client_id: String::new(),
            named_by_domain: false,
        }
    }

    /// From an `<oAuth2>` block discovery found: keyed by its issuer URL (for client ids in
    /// `oauth.json`), named by the file's provider name, else the issuer's host.
    pub fn from_discovery(found: &DiscoveredOAuth2) -> Self {
        let url = found.spec.issuer.trim_end_matches('/').to_string();
        let name = if found.provider.is_empty() {
            reqwest::Url::parse(&url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| url.clone())
        } else {
            found.provider.clone()
        };
        let mut issuer = Self::from_spec(&url, &name, &found.spec);
        issuer.issuer = url;
        // A file's own client id is the domain's to give; the program's are not.
        issuer.named_by_domain = true;
        issuer
    }

    /// The built-in table's issuer for the address's provider.
    pub fn for_address(email: &EmailAddress) -> Result<Self, OAuthError> {
        let unknown = || OAuthError::NoIssuer {
            provider: email.domain_ascii().to_string(),
        };
        let table = ProviderTable::builtin().map_err(|_| unknown())?;
        let found = table.lookup(email.domain_ascii()).ok_or_else(unknown)?;
        let spec = found.oauth2().ok_or_else(unknown)?;
        Ok(Self::from_spec(found.id(), found.name(), spec))
    }

    /// The built-in table's issuer whose URL is `url`, with the table's endpoints, scopes and
    /// device-flow rule: a file or an MX record may say *that* a provider handles the domain,
    /// never where that provider's token endpoint is.
    pub fn from_table_by_url(url: &str) -> Option<Self> {
        let table = ProviderTable::builtin().ok()?;
        let found = table.with_oauth2_issuer(url)?;
        let spec = found.oauth2()?;
        Some(Self::from_spec(found.id(), found.name(), spec))
    }

    /// Fills the endpoints the source did not name from the issuer's metadata. Without a
    /// token or authorization endpoint the metadata must answer; when only the device or
    /// revocation endpoint is missing, a failing metadata request leaves them out (some
    /// providers publish none, or name another issuer in it).
    pub async fn complete(mut self, http: &HttpClient) -> Result<Self, OAuthError> {
        let needed = self.token_endpoint.is_none() || self.authorization_endpoint.is_none();
        if !needed && self.device_authorization_endpoint.is_some() {
            return Ok(self);
        }
        let meta = match metadata(http, &self.issuer).await {
            Ok(meta) => meta,
            Err(e) if needed => return Err(e),
            Err(_) => return Ok(self),
        };
        self.fill(meta);
        Ok(self)
    }

    /// Fills the revocation endpoint (RFC 7009) from the metadata when the source named none.
    pub async fn complete_revocation(mut self, http: &HttpClient) -> Result<Self, OAuthError> {
        if self.revocation_endpoint.is_none() {
            let meta = metadata(http, &self.issuer).await?;
            self.fill(meta);
        }
        Ok(self)
    }

    fn fill(&mut self, meta: Metadata) {
        let fill = |have: &mut Option<String>, found: Option<String>| {
            if have.is_none() {
                *have = found;
            }
        };
        fill(
            &mut self.authorization_endpoint,
            meta.authorization_endpoint,
        );
        fill(&mut self.token_endpoint, meta.token_endpoint);
        fill(
            &mut self.device_authorization_endpoint,
            meta.device_authorization_endpoint,
        );
        fill(&mut self.userinfo_endpoint, meta.userinfo_endpoint);
        fill(&mut self.revocation_endpoint, meta.revocation_endpoint);
    }

    /// The token endpoint, checked.
    pub fn token_url(&self) -> Result<&str, OAuthError> {
        self.endpoint(&self.token_endpoint, "a token endpoint")
    }

    pub(crate) fn endpoint<'a>(
        &self,
        e: &'a Option<String>,
        what: &'static str,
    ) -> Result<&'a str, OAuthError> {
        let url = e.as_deref().ok_or_else(|| OAuthError::NoEndpoint {
            issuer: self.issuer.clone(),
            what,
        })?;
        check_url(url)?;
        Ok(url)
    }

    /// The scopes as one space-separated value (RFC 6749 §3.3).
    pub fn scope(&self) -> String {
        self.scopes.join(" ")
    }
}

/// What the issuer's metadata document says (the fields we use).
#[derive(Debug, Deserialize)]
struct Metadata {
    issuer: String,
    authorization_endpoint: Option<String>,
    token_endpoint: Option<String>,
    device_authorization_endpoint: Option<String>,
    userinfo_endpoint: Option<String>,
    revocation_endpoint: Option<String>,
}

async fn metadata(http: &HttpClient, issuer: &str) -> Result<Metadata, OAuthError> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    );
    check_url(&url)?;
    let answer = http
        .send(Request {
            url: &url,
            form: None,
            bearer: None,
        })
        .await?;
    if answer.status != 200 {
        return Err(OAuthError::Malformed {
            url,
            detail: format!("the metadata answered HTTP {}", answer.status),
        });
    }
    let meta: Metadata =
        serde_json::from_slice(&answer.body).map_err(|e| OAuthError::Malformed {
            url: url.clone(),
            detail: format!("the metadata is not valid JSON: {e}"),
        })?;
    if meta.issuer.trim_end_matches('/') != issuer.trim_end_matches('/') {
        return Err(OAuthError::Malformed {
            url,
            detail: format!(
                "the metadata names the issuer {:?}, not {issuer:?}",
                super::error::server_text(&meta.issuer)
            ),
        });
    }
    Ok(meta)
}

/// `oauth.json` in the configuration folder: client ids per provider key or issuer URL.
#[derive(Debug, Default, Deserialize)]
pub struct ClientFile {
    #[serde(default)]
    clients: BTreeMap<String, ClientEntry>,
}

#[derive(Deserialize)]
struct ClientEntry {
    client_id: String,
    #[serde(default)]
    client_secret: Option<String>,
}

impl std::fmt::Debug for ClientEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClientEntry({})", self.client_id)
    }
}

impl ClientFile {
    /// The file's name in the configuration folder.
    pub const NAME: &'static str = "oauth.json";

    /// Reads `oauth.json` from `dir`; a missing file is an empty one, a broken one an error
    /// that names the file.
    pub fn load(dir: &Path) -> Result<Self, String> {
        let path = dir.join(Self::NAME);
        match std::fs::read(&path) {
            Ok(bytes) if bytes.len() <= 64 * 1024 => serde_json::from_slice(&bytes)
                .map_err(|e| format!("{}: not valid: {e}", path.display())),
            Ok(_) => Err(format!("{}: larger than 64 KiB", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }
}

/// The client id mailsetup was built with for a provider key, if any.
fn built_in(key: &str) -> Option<(&'static str, Option<&'static str>)> {
    let id = match key {
        "gmail" => option_env!("MAILSETUP_OAUTH_CLIENT_ID_GMAIL"),
        "outlook" | "microsoft365" => option_env!("MAILSETUP_OAUTH_CLIENT_ID_MICROSOFT"),
        "yahoo" => option_env!("MAILSETUP_OAUTH_CLIENT_ID_YAHOO"),
        "aol" => option_env!("MAILSETUP_OAUTH_CLIENT_ID_AOL"),
        _ => None,
    }
    .or(option_env!("MAILSETUP_OAUTH_CLIENT_ID"))?;
    let secret = match key {
        "gmail" => option_env!("MAILSETUP_OAUTH_CLIENT_SECRET_GMAIL"),
        _ => None,
    };
    Some((id, secret))
}

/// The environment variable's provider part: `gmail` → `GMAIL`, `outlook` → `MICROSOFT`.
fn env_suffix(key: &str) -> String {
    match key {
        "outlook" | "microsoft365" => "MICROSOFT".into(),
        other => other
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect(),
    }
}

/// Where a client id may come from, highest first (see the module header).
pub struct ClientSources<'a> {
    pub flag: Option<&'a str>,
    pub flag_secret: Option<&'a str>,
    /// The environment variable the flag's secret was read from (recorded, never the value).
    pub flag_secret_env: Option<&'a str>,
    /// Reads an environment variable (the process environment, or a map in tests).
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub file: Option<&'a ClientFile>,
}

impl ClientSources<'_> {
    /// The client for `issuer`, or `NoClientId`.
    pub fn resolve(&self, issuer: &Issuer) -> Result<Client, OAuthError> {
        let secret = |s: Option<String>| s.map(|s| SecretString::from(s.as_str()));
        if let Some(id) = self.flag.and_then(nonempty) {
            return Ok(Client {
                id,
                secret: secret(self.flag_secret.map(str::to_string)),
                source: ClientSource::Flag {
                    secret_env: self.flag_secret_env.map(str::to_string),
                },
            });
        }
        self.configured(issuer)
            .into_iter()
            .next()
            .ok_or_else(|| OAuthError::NoClientId {
                provider: issuer.name.clone(),
            })
    }

    /// The client a saved sign-in was issued to, resolved as the sign-in resolved it: its id,
    /// and its secret from the source recorded then (`--oauth-client-secret-env`'s variable,
    /// the environment, `oauth.json`, the build). Without a recorded source (older files),
    /// the first configured source with that id lends its secret. A recorded variable that is
    /// now empty is an error naming it, not a refresh without the secret.
    pub fn resolve_saved(&self, issuer: &Issuer, login: &OAuth2Login) -> Result<Client, String> {
        let id = login.client_id.trim().to_string();
        if let Some(ClientSource::Flag { secret_env }) = &login.client_source {
            let secret = match secret_env {
                Some(var) => Some(
                    (self.env)(var)
                        .and_then(|v| nonempty(&v))
                        .map(|v| SecretString::from(v.as_str()))
                        .ok_or_else(|| t!("oauth-cli-no-secret-in-env", var = var.as_str()))?,
                ),
                None => None,
            };
            return Ok(Client {
                id,
                secret,
                source: ClientSource::Flag {
                    secret_env: secret_env.clone(),
                },
            });
        }
        let same = self.configured(issuer).into_iter().filter(|c| c.id == id);
        let mut same: Vec<Client> = same.collect();
        let recorded = same
            .iter()
            .position(|c| Some(&c.source) == login.client_source.as_ref());
        match recorded.or((!same.is_empty()).then_some(0)) {
            Some(i) => Ok(same.swap_remove(i)),
            None => Ok(Client {
                id,
                secret: None,
                source: login.client_source.clone().unwrap_or(ClientSource::Table),
            }),
        }
    }

    /// Every configured client for `issuer` but the flag's, highest first. For an issuer a
    /// domain's file named, only an `oauth.json` entry for exactly that issuer (whose token
    /// endpoint is on its own site) and the file's own client id.
    fn configured(&self, issuer: &Issuer) -> Vec<Client> {
        if issuer.named_by_domain {
            return self.for_named_issuer(issuer);
        }
        let suffix = env_suffix(&issuer.key);
        let env = |name: &str| (self.env)(name).and_then(|v| nonempty(&v));
        let secret = |s: Option<String>| s.map(|s| SecretString::from(s.as_str()));
        let mut out = Vec::new();
        for (id_var, secret_var) in [
            (
                format!("MAILSETUP_OAUTH_CLIENT_ID_{suffix}"),
                format!("MAILSETUP_OAUTH_CLIENT_SECRET_{suffix}"),
            ),
            (
                "MAILSETUP_OAUTH_CLIENT_ID".to_string(),
                "MAILSETUP_OAUTH_CLIENT_SECRET".to_string(),
            ),
        ] {
            if let Some(id) = env(&id_var) {
                out.push(Client {
                    id,
                    secret: secret(env(&secret_var)),
                    source: ClientSource::Environment { id_var, secret_var },
                });
            }
        }
        let from_file = self.file.and_then(|f| {
            [&issuer.key, &issuer.issuer]
                .into_iter()
                .find_map(|k| f.clients.get(k.as_str()).map(|e| (k.clone(), e)))
        });
        if let Some((key, entry)) = from_file.filter(|(_, e)| !e.client_id.trim().is_empty()) {
            out.push(Client {
                id: entry.client_id.trim().to_string(),
                secret: secret(entry.client_secret.clone()),
                source: ClientSource::File { key },
            });
        }
        if let Some((id, s)) = built_in(&issuer.key).filter(|(id, _)| !id.is_empty()) {
            out.push(Client {
                id: id.to_string(),
                secret: secret(s.map(str::to_string)),
                source: ClientSource::Build,
            });
        }
        if let Some(id) = nonempty(&issuer.table_client_id) {
            out.push(Client {
                id,
                secret: None,
                source: ClientSource::Table,
            });
        }
        out
    }
}

impl ClientSources<'_> {
    fn for_named_issuer(&self, issuer: &Issuer) -> Vec<Client> {
        let mut out = Vec::new();
        let own_site = issuer
            .token_endpoint
            .as_deref()
            .is_none_or(|t| same_origin(t, &issuer.issuer));
        let entry = self.file.and_then(|f| f.clients.get(&issuer.issuer));
        if let Some(entry) = entry.filter(|e| own_site && !e.client_id.trim().is_empty()) {
            out.push(Client {
                id: entry.client_id.trim().to_string(),
                secret: entry
                    .client_secret
                    .as_deref()
                    .map(|s| SecretString::from(s.to_string())),
                source: ClientSource::File {
                    key: issuer.issuer.clone(),
                },
            });
        }
        if let Some(id) = nonempty(&issuer.table_client_id) {
            out.push(Client {
                id,
                secret: None,
                source: ClientSource::Table,
            });
        }
        out
    }
}

/// Whether two URLs have the same scheme, host and port.
fn same_origin(a: &str, b: &str) -> bool {
    match (reqwest::Url::parse(a), reqwest::Url::parse(b)) {
        (Ok(a), Ok(b)) => a.origin() == b.origin(),
        _ => false,
    }
}

fn nonempty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gmail() -> Issuer {
        Issuer::for_address(&EmailAddress::parse("a@gmail.com").unwrap()).unwrap()
    }

    #[test]
    fn the_table_knows_the_big_providers_without_a_client_id() {
        let g = gmail();
        assert_eq!(g.key, "gmail");
        assert!(g.scopes.iter().any(|s| s == "https://mail.google.com/"));
        assert!(!g.device_flow_for_mail);
        for (address, key) in [
            ("a@outlook.com", "outlook"),
            ("a@hotmail.com", "outlook"),
            ("a@yahoo.com", "yahoo"),
            ("a@aol.com", "aol"),
        ] {
            let i = Issuer::for_address(&EmailAddress::parse(address).unwrap()).unwrap();
            assert_eq!(i.key, key, "{address}");
            assert!(i.token_url().is_ok(), "{address}");
            assert!(i.table_client_id.is_empty(), "never another app's id");
        }
        assert!(matches!(
            Issuer::for_address(&EmailAddress::parse("a@example.org").unwrap()),
            Err(OAuthError::NoIssuer { .. })
        ));
    }

    #[test]
    fn client_ids_come_from_flag_then_environment_then_file() {
        let g = gmail();
        let no_env = |_: &str| None;
        let none = ClientSources {
            flag: None,
            flag_secret: None,
            flag_secret_env: None,
            env: &no_env,
            file: None,
        };
        if built_in("gmail").is_none() {
            let e = none.resolve(&g).unwrap_err();
            assert!(matches!(e, OAuthError::NoClientId { .. }));
            assert_eq!(e.code(), "oauth_client_id_missing");
            assert!(e.to_string().contains("Gmail"));
            assert!(e.advice().contains("README"));
        }
        let env = |name: &str| match name {
            "MAILSETUP_OAUTH_CLIENT_ID" => Some("generic".to_string()),
            "MAILSETUP_OAUTH_CLIENT_ID_GMAIL" => Some("for-gmail".to_string()),
            _ => None,
        };
        let file: ClientFile =
            serde_json::from_str(r#"{"clients":{"gmail":{"client_id":"from-file"}}}"#).unwrap();
        let sources = ClientSources {
            flag: None,
            flag_secret: None,
            flag_secret_env: None,
            env: &env,
            file: Some(&file),
        };
        assert_eq!(sources.resolve(&g).unwrap().id, "for-gmail");
        let flagged = ClientSources {
            flag: Some("flag"),
            ..sources
        };
        assert_eq!(flagged.resolve(&g).unwrap().id, "flag");
        let file_only = ClientSources {
            flag: None,
            flag_secret: None,
            flag_secret_env: None,
            env: &no_env,
            file: Some(&file),
        };
        assert_eq!(file_only.resolve(&g).unwrap().id, "from-file");
    }

    fn login(source: Option<ClientSource>, id: &str) -> OAuth2Login {
        OAuth2Login {
            issuer: "https://accounts.google.com".into(),
            provider: "gmail".into(),
            client_id: id.into(),
            client_source: source,
            ..OAuth2Login::default()
        }
    }

    #[test]
    fn a_saved_sign_in_gets_its_secret_from_the_same_source() {
        use secrecy::ExposeSecret;
        let g = gmail();
        let secret_of = |c: &Client| c.secret.as_ref().map(|s| s.expose_secret().to_string());
        let env = |name: &str| match name {
            "MAILSETUP_OAUTH_CLIENT_ID_GMAIL" => Some("env-id".to_string()),
            "MAILSETUP_OAUTH_CLIENT_SECRET_GMAIL" => Some("env-secret".to_string()),
            "TECH_SECRET" => Some("flag-secret".to_string()),
            _ => None,
        };
        let file: ClientFile = serde_json::from_str(
            r#"{"clients":{"gmail":{"client_id":"file-id","client_secret":"file-secret"}}}"#,
        )
        .unwrap();
        let sources = ClientSources {
            flag: None,
            flag_secret: None,
            flag_secret_env: None,
            env: &env,
            file: Some(&file),
        };
        // At sign-in: the source is recorded with the client.
        let flagged = ClientSources {
            flag: Some("flag-id"),
            flag_secret: Some("flag-secret"),
            flag_secret_env: Some("TECH_SECRET"),
            ..sources
        };
        let c = flagged.resolve(&g).unwrap();
        assert_eq!(
            c.source,
            ClientSource::Flag {
                secret_env: Some("TECH_SECRET".into())
            }
        );
        assert_eq!(
            sources.resolve(&g).unwrap().source,
            ClientSource::Environment {
                id_var: "MAILSETUP_OAUTH_CLIENT_ID_GMAIL".into(),
                secret_var: "MAILSETUP_OAUTH_CLIENT_SECRET_GMAIL".into(),
            }
        );
        // Later: the same id with the secret from the same place.
        let c = sources
            .resolve_saved(&g, &login(Some(c.source), "flag-id"))
            .unwrap();
        assert_eq!(
            (c.id.as_str(), secret_of(&c).as_deref()),
            ("flag-id", Some("flag-secret"))
        );
        let c = sources
            .resolve_saved(
                &g,
                &login(
                    Some(ClientSource::File {
                        key: "gmail".into(),
                    }),
                    "file-id",
                ),
            )
            .unwrap();
        assert_eq!(
            (c.id.as_str(), secret_of(&c).as_deref()),
            ("file-id", Some("file-secret"))
        );
        let env_source = sources.resolve(&g).unwrap().source;
        let c = sources
            .resolve_saved(&g, &login(Some(env_source), "env-id"))
            .unwrap();
        assert_eq!(secret_of(&c).as_deref(), Some("env-secret"));
        // An older file without the source: the configured client with that id lends its
        // secret; an id nobody configures now goes without one.
        let c = sources.resolve_saved(&g, &login(None, "file-id")).unwrap();
        assert_eq!(secret_of(&c).as_deref(), Some("file-secret"));
        let c = sources.resolve_saved(&g, &login(None, "gone-id")).unwrap();
        assert_eq!((c.id.as_str(), c.secret.is_none()), ("gone-id", true));
        // The flag's variable, now empty: an error naming it, not a refresh without it.
        let gone = login(
            Some(ClientSource::Flag {
                secret_env: Some("UNSET_SECRET_VAR".into()),
            }),
            "flag-id",
        );
        let e = sources.resolve_saved(&g, &gone).unwrap_err();
        assert!(e.contains("UNSET_SECRET_VAR"), "{e}");
        // Nothing secret in what is saved.
        let text =
            serde_json::to_string(&login(Some(flagged.resolve(&g).unwrap().source), "flag-id"))
                .unwrap();
        assert!(!text.contains("flag-secret"), "{text}");
    }

    #[test]
    fn clients_configured_for_providers_never_go_to_an_issuer_a_domain_named() {
        let env = |name: &str| match name {
            "MAILSETUP_OAUTH_CLIENT_ID" => Some("generic".to_string()),
            "MAILSETUP_OAUTH_CLIENT_SECRET" => Some("generic-secret".to_string()),
            "MAILSETUP_OAUTH_CLIENT_ID_GMAIL" => Some("for-gmail".to_string()),
            _ => None,
        };
        let file: ClientFile = serde_json::from_str(
            r#"{"clients":{"https://accounts.google.com":{"client_id":"google-desktop","client_secret":"s"},
                "https://id.example.org":{"client_id":"example-id"}}}"#,
        )
        .unwrap();
        let sources = ClientSources {
            flag: None,
            flag_secret: None,
            flag_secret_env: None,
            env: &env,
            file: Some(&file),
        };
        let named = |issuer: &str, token: &str| {
            let spec = OAuth2Spec {
                issuer: issuer.into(),
                token_endpoint: Some(token.into()),
                scopes: vec!["mail".into()],
                ..Default::default()
            };
            Issuer::from_discovery(&DiscoveredOAuth2::new(
                spec,
                "Somewhere",
                crate::discover::SourceId::Autoconfig,
                crate::discover::Channel::Https,
                "https://autoconfig.evil.test/mail/config-v1.1.xml",
            ))
        };
        // A domain's file claims Google's issuer with its own token endpoint: no configured
        // client (generic environment, Google's oauth.json entry) goes there.
        let evil = named("https://accounts.google.com", "https://evil.test/token");
        assert!(evil.named_by_domain);
        assert!(matches!(
            sources.resolve(&evil),
            Err(OAuthError::NoClientId { .. })
        ));
        // The generic variables are not for an issuer a file named either.
        let other = named("https://id.other.test", "https://id.other.test/token");
        assert!(sources.resolve(&other).is_err());
        // An oauth.json entry for exactly that issuer, token endpoint on its own site: used.
        let own = named(
            "https://id.example.org",
            "https://id.example.org/oauth/token",
        );
        let c = sources.resolve(&own).unwrap();
        assert_eq!(c.id, "example-id");
        // The person's own flag for this run still applies.
        let flagged = ClientSources {
            flag: Some("given"),
            ..sources
        };
        assert_eq!(flagged.resolve(&evil).unwrap().id, "given");
        // The table's issuer keeps the generic and provider variables.
        assert_eq!(sources.resolve(&gmail()).unwrap().id, "for-gmail");
    }

    #[test]
    fn endpoints_must_be_https_or_loopback() {
        assert!(check_url("https://id.example/token").is_ok());
        assert!(check_url("http://127.0.0.1:8080/token").is_ok());
        assert!(check_url("http://[::1]:8080/token").is_ok());
        assert!(matches!(
            check_url("http://id.example/token"),
            Err(OAuthError::Insecure { .. })
        ));
        assert!(check_url("not a url").is_err());
    }
}
