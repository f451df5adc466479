//! One sign-in, shared by the command line (`diagnose --oauth`, `accounts check`) and the
//! window: the token endpoint client as configured, then the browser flow, and what comes
//! out of it for testing (the access token) and saving (the refresh token and the login).
//!
//! In order: the issuer (an override — `--oauth-issuer` or `MAILSETUP_OAUTH_ISSUER` — else
//! the provider table by the address's domain), the trust (platform roots plus the extra
//! roots: `--ca-file` / `MAILSETUP_CA_FILE`), the client id (`issuer::ClientSources`: flag,
//! environment, `oauth.json`, build, table), the endpoints (`Issuer::complete`); then the
//! authorization code flow with PKCE (RFC 7636) through the browser and a loopback redirect
//! (RFC 8252) — or the device authorization grant (RFC 8628, a code typed on another device)
//! — the tokens checked to belong to the address. No egui here.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use secrecy::SecretString;

use super::{ClientFile, ClientSources, Issuer, OAuthError, TokenClient};
use crate::account::EmailAddress;
use crate::net::SystemResolver;
use crate::store::OAuth2Login;

/// The result of signing in: the access token for the probes, what a save keeps.
pub struct Session {
    pub access: SecretString,
    pub refresh: Option<SecretString>,
    pub login: OAuth2Login,
    /// The address the provider confirmed, if it named one.
    pub confirmed_email: Option<String>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("access", &"[REDACTED]")
            .field("refresh", &self.refresh.as_ref().map(|_| "[REDACTED]"))
            .field("login", &self.login)
            .field("confirmed_email", &self.confirmed_email)
            .finish()
    }
}

/// Why no session: a usage problem, or the sign-in's own failure.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    OAuth(#[from] OAuthError),
}

/// Where to sign in instead of the provider table (technicians, tests): the issuer URL, the
/// scopes to ask for there, a client id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub issuer: Option<String>,
    pub scopes: Vec<String>,
    pub client_id: Option<String>,
}

impl Overrides {
    /// `MAILSETUP_OAUTH_ISSUER` and `MAILSETUP_OAUTH_SCOPES` (space-separated); the client
    /// id in the environment is read by `ClientSources` itself.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Self {
            issuer: var("MAILSETUP_OAUTH_ISSUER"),
            scopes: var("MAILSETUP_OAUTH_SCOPES")
                .map(|s| s.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
            client_id: None,
        }
    }

    /// The issuer for `email`: the override, else the provider table's.
    pub fn issuer_for(&self, email: &EmailAddress) -> Result<Issuer, SessionError> {
        let mut issuer = match &self.issuer {
            Some(url) => {
                let mut i = Issuer::at(url, Vec::new());
                if let Some(host) = reqwest::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string))
                {
                    i.name = host;
                }
                i
            }
            None => Issuer::for_address(email)?,
        };
        if !self.scopes.is_empty() {
            issuer.scopes = self.scopes.clone();
        }
        if issuer.scopes.is_empty() {
            return Err(SessionError::Usage(t!("oauth-cli-issuer-needs-scopes")));
        }
        Ok(issuer)
    }

    /// The provider's name for the "Sign in with …" button, when OAuth sign-in is known for
    /// the address.
    pub fn provider_name(&self, email: &EmailAddress) -> Option<String> {
        self.issuer_for(email).ok().map(|i| i.name)
    }
}

/// The token endpoint client for an issuer, trusting a CA file as well.
pub async fn token_client(
    issuer: Issuer,
    flag_client_id: Option<&str>,
    ca_file: Option<&Path>,
    config_dir: Option<&Path>,
) -> Result<TokenClient, SessionError> {
    let roots = match ca_file {
        Some(path) => crate::probe::tls::read_pem_certificates(path)
            .map_err(|e| SessionError::Usage(e.to_string()))?,
        None => Vec::new(),
    };
    token_client_with_roots(issuer, flag_client_id, roots, config_dir).await
}

/// The token endpoint client for an issuer, trusting these roots as well as the platform's.
pub async fn token_client_with_roots(
    issuer: Issuer,
    flag_client_id: Option<&str>,
    roots: Vec<CertificateDer<'static>>,
    config_dir: Option<&Path>,
) -> Result<TokenClient, SessionError> {
    let http = super::http_client(roots, Arc::new(SystemResolver), Default::default())?;
    let file = match config_dir
        .map(Path::to_path_buf)
        .or_else(|| crate::store::resolve_config_dir(None).ok())
    {
        Some(dir) => ClientFile::load(&dir).map_err(SessionError::Usage)?,
        None => ClientFile::default(),
    };
    let env = |name: &str| std::env::var(name).ok();
    let client = ClientSources {
        flag: flag_client_id,
        flag_secret: None,
        env: &env,
        file: Some(&file),
    }
    .resolve(&issuer)?;
    let issuer = issuer.complete(&http).await?;
    Ok(TokenClient {
        http,
        issuer,
        client,
    })
}

/// What a signed-in session records about the login.
pub fn login_of(tc: &TokenClient, mechanism: Option<String>) -> OAuth2Login {
    OAuth2Login {
        issuer: tc.issuer.issuer.clone(),
        provider: tc.issuer.key.clone(),
        client_id: tc.client.id.clone(),
        scopes: tc.issuer.scopes.clone(),
        mechanism,
    }
}

/// The browser flow (PKCE, loopback redirect) as a session: `open` opens the address.
pub async fn browser(
    tc: &TokenClient,
    email: &EmailAddress,
    mechanism: Option<String>,
    open: impl FnOnce(&str) -> Result<(), OAuthError>,
) -> Result<Session, OAuthError> {
    let signed = super::browser_sign_in(tc, email, super::BROWSER_DEADLINE, open).await?;
    Ok(Session {
        access: signed.tokens.access,
        refresh: signed.tokens.refresh,
        login: login_of(tc, mechanism),
        confirmed_email: signed.confirmed_email,
    })
}

/// The window's sign-in: the issuer from `overrides` or the table, the roots and
/// configuration folder of the runtime, the browser through `BROWSER` or the system's opener.
pub async fn sign_in_in_browser(
    email: &EmailAddress,
    overrides: &Overrides,
    roots: Vec<CertificateDer<'static>>,
    config_dir: Option<&Path>,
) -> Result<Session, SessionError> {
    let issuer = overrides.issuer_for(email)?;
    let tc =
        token_client_with_roots(issuer, overrides.client_id.as_deref(), roots, config_dir).await?;
    Ok(browser(&tc, email, None, super::loopback::open_browser).await?)
}

/// The window's sign-in with a code on another device (RFC 8628): the same engine call as
/// `diagnose --oauth` without `--browser` (`oauth::device_sign_in`); `show` gets the page and
/// the code as soon as the provider gives them.
pub async fn sign_in_with_code(
    email: &EmailAddress,
    overrides: &Overrides,
    roots: Vec<CertificateDer<'static>>,
    config_dir: Option<&Path>,
    show: impl FnOnce(&super::device::DeviceStart),
) -> Result<Session, SessionError> {
    let issuer = overrides.issuer_for(email)?;
    let tc =
        token_client_with_roots(issuer, overrides.client_id.as_deref(), roots, config_dir).await?;
    let signed = super::device_sign_in(&tc, email, show).await?;
    Ok(Session {
        access: signed.tokens.access,
        refresh: signed.tokens.refresh,
        login: login_of(&tc, None),
        confirmed_email: signed.confirmed_email,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issuer_override_names_the_button_by_its_host_and_takes_the_scopes() {
        let o = Overrides {
            issuer: Some("https://127.0.0.1:4443/oidc".into()),
            scopes: vec!["openid".into(), "email".into()],
            client_id: None,
        };
        let email = EmailAddress::parse("ann@example.org").unwrap();
        let i = o.issuer_for(&email).unwrap();
        assert_eq!(i.name, "127.0.0.1");
        assert_eq!(i.scopes, ["openid", "email"]);
        assert_eq!(o.provider_name(&email).as_deref(), Some("127.0.0.1"));
        // No override and no table entry: no button.
        assert_eq!(Overrides::default().provider_name(&email), None);
    }

    #[test]
    fn a_session_never_shows_its_tokens_in_debug() {
        let s = Session {
            access: SecretString::from("at-123"),
            refresh: Some(SecretString::from("rt-456")),
            login: OAuth2Login {
                issuer: "https://i".into(),
                provider: "p".into(),
                client_id: "c".into(),
                scopes: vec![],
                mechanism: None,
            },
            confirmed_email: None,
        };
        let text = format!("{s:?}");
        assert!(
            !text.contains("at-123") && !text.contains("rt-456"),
            "{text}"
        );
    }
}
