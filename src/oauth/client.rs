//! The client we are at an authorization server: its id and, where the provider hands one
//! out, its secret (RFC 6749 §2.3.1), and where both come from.
//!
//! Highest first: the command-line flag (`--oauth-client-id`, the secret from the variable
//! `--oauth-client-secret-env` names), the environment at run time
//! (`MAILSETUP_OAUTH_CLIENT_ID_<PROVIDER>`, then `MAILSETUP_OAUTH_CLIENT_ID`, each with its
//! `…_SECRET…`), `oauth.json` in the configuration folder (by provider key or issuer URL), the
//! environment when mailsetup was built (`option_env!`), the provider table's; none at all
//! is `NoClientId` (for an issuer a vouched source named, `session::token_client` then
//! registers mailsetup there: `register`). Where the client came from is saved with the account (`ClientSource`), so
//! `accounts check` and `accounts remove` resolve the same client with its secret from the
//! same place (`resolve_saved`). Clients configured for providers never go to an issuer that
//! only a domain's own file names (`Issuer::named_by_domain`): such an issuer gets the flag's
//! client or an `oauth.json` entry for exactly its URL whose token endpoint is on its site.

use std::collections::BTreeMap;
use std::path::Path;

use secrecy::SecretString;
use serde::Deserialize;

use super::error::OAuthError;
use super::issuer::Issuer;
use crate::store::{ClientSource, OAuth2Login};

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
        if let Some(source @ ClientSource::Registered { .. }) = &login.client_source {
            // Registered on the fly as a public client: the id is all there is.
            return Ok(Client {
                id,
                secret: None,
                source: source.clone(),
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
    use crate::account::EmailAddress;
    use crate::discover::DiscoveredOAuth2;
    use crate::discover::providers::OAuth2Spec;

    fn gmail() -> Issuer {
        Issuer::for_address(&EmailAddress::parse("a@gmail.com").unwrap()).unwrap()
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
}
