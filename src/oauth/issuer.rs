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
}

/// The client we are at the authorization server.
#[derive(Clone)]
pub struct Client {
    pub id: String,
    /// A "secret" of a public (native) client, where the provider hands one out.
    pub secret: Option<SecretString>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("id", &self.id)
            .field("secret", &self.secret.as_ref().map(|_| "[REDACTED]"))
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
    /// The file and its folder pass the account file's checks first
    /// (`store::file::check_config_file`): nobody else may have written it.
    pub fn load(dir: &Path) -> Result<Self, String> {
        let path = dir.join(Self::NAME);
        crate::store::file::check_config_file(&path).map_err(|e| e.to_string())?;
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
    /// Reads an environment variable (the process environment, or a map in tests).
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub file: Option<&'a ClientFile>,
}

impl ClientSources<'_> {
    /// The client for `issuer`, or `NoClientId`.
    pub fn resolve(&self, issuer: &Issuer) -> Result<Client, OAuthError> {
        let suffix = env_suffix(&issuer.key);
        let env = |name: &str| (self.env)(name).filter(|v| !v.trim().is_empty());
        let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let secret = |s: Option<String>| s.map(|s| SecretString::from(s.as_str()));
        if let Some(id) = self.flag.and_then(nonempty) {
            return Ok(Client {
                id,
                secret: secret(self.flag_secret.map(str::to_string)),
            });
        }
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
                return Ok(Client {
                    id,
                    secret: secret(env(&secret_var)),
                });
            }
        }
        let from_file = self.file.and_then(|f| {
            f.clients
                .get(&issuer.key)
                .or_else(|| f.clients.get(&issuer.issuer))
        });
        if let Some(entry) = from_file.filter(|e| !e.client_id.trim().is_empty()) {
            return Ok(Client {
                id: entry.client_id.trim().to_string(),
                secret: secret(entry.client_secret.clone()),
            });
        }
        if let Some((id, s)) = built_in(&issuer.key).filter(|(id, _)| !id.is_empty()) {
            return Ok(Client {
                id: id.to_string(),
                secret: secret(s.map(str::to_string)),
            });
        }
        if let Some(id) = nonempty(&issuer.table_client_id) {
            return Ok(Client { id, secret: None });
        }
        Err(OAuthError::NoClientId {
            provider: issuer.name.clone(),
        })
    }
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
            env: &no_env,
            file: Some(&file),
        };
        assert_eq!(file_only.resolve(&g).unwrap().id, "from-file");
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
