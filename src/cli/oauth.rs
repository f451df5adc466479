//! `diagnose --oauth`: sign in through the provider's page instead of typing a password,
//! then test the servers with the access token (SASL OAUTHBEARER / XOAUTH2, RFC 7628).
//!
//! In order: the issuer (`--oauth-issuer`, else the provider table by the address's domain,
//! else an `<oAuth2>` block discovery fetched over verified HTTPS — `oauth::session`; where a
//! discovered issuer came from is said before signing in), its endpoints (the table or the
//! block, else the issuer's metadata), the client id (`oauth::issuer`:
//! flag, environment, `oauth.json`, build, table — or, with none, mailsetup registers itself
//! at an issuer a vouched source named, said on standard error, and then signs in through
//! the browser); then the device grant (RFC 8628: the page
//! and the code are printed on standard error) or with `--browser` the authorization code
//! flow with PKCE through the browser (`BROWSER`, else the system's opener; when it cannot
//! open one, the address is printed to open by hand) and a loopback redirect (RFC 8252);
//! the tokens must belong to the address. Nothing here prints a token or
//! a code other than the user code the person types.

use std::path::Path;

use clap::Args;
use secrecy::{ExposeSecret, SecretString};

use crate::account::EmailAddress;
use crate::discover::DiscoveredOAuth2;
use crate::oauth::session::IssuerOrigin;
use crate::oauth::{self, OAuthError};
use crate::probe::sasl::Mechanism;
use crate::store::{ClientSource, OAuth2Login};

/// The OAuth flags of `diagnose`.
#[derive(Debug, Clone, Default, Args)]
pub struct OAuthArgs {
    /// Sign in through the provider's page (OAuth 2.0) instead of with a password: by
    /// default with a code typed on the provider's page on any device; see --browser.
    #[arg(long, conflicts_with_all = ["password_stdin", "password_env"])]
    pub oauth: bool,
    /// With --oauth: sign in in this computer's web browser (the BROWSER variable, else the
    /// system's default browser), which returns to mailsetup by itself.
    #[arg(long, requires = "oauth")]
    pub browser: bool,
    /// With --oauth: the authorization server (its issuer URL) instead of the provider
    /// table's or the one the provider's configuration file names.
    #[arg(long, value_name = "URL", requires = "oauth")]
    pub oauth_issuer: Option<String>,
    /// With --oauth: the client id registered for mailsetup with the provider (else the
    /// environment variable MAILSETUP_OAUTH_CLIENT_ID, then the configuration).
    #[arg(long, value_name = "ID", requires = "oauth")]
    pub oauth_client_id: Option<String>,
    /// With --oauth --oauth-client-id: the client secret, read from this environment
    /// variable (for providers that give one to desktop clients; never printed).
    #[arg(long, value_name = "VAR", requires = "oauth_client_id")]
    pub oauth_client_secret_env: Option<String>,
    /// With --oauth: a scope to ask for instead of the provider's (repeatable).
    #[arg(long = "oauth-scope", value_name = "SCOPE", requires = "oauth")]
    pub oauth_scope: Vec<String>,
    /// With --oauth: the SASL mechanism to sign in with: oauthbearer or xoauth2 (default:
    /// OAUTHBEARER where offered, else XOAUTH2).
    #[arg(long, value_name = "MECHANISM", requires = "oauth", value_parser = parse_mechanism)]
    pub sasl: Option<Mechanism>,
    /// With --oauth: test with the access token in this environment variable instead of
    /// signing in (a token the technician already has; nothing can be saved from it).
    #[arg(long, value_name = "VAR", requires = "oauth", conflicts_with_all = ["browser", "save"])]
    pub oauth_token_env: Option<String>,
}

fn parse_mechanism(text: &str) -> Result<Mechanism, String> {
    Mechanism::from_name(text).ok_or_else(|| t!("oauth-cli-mechanism", text = text))
}

pub use crate::oauth::session::{ClientFlags, Reach, Session, SessionError, token_client};

/// `--oauth-client-secret-env VAR`: the secret from the environment (never shown).
fn client_secret(args: &OAuthArgs) -> Result<Option<SecretString>, SessionError> {
    let Some(var) = &args.oauth_client_secret_env else {
        return Ok(None);
    };
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => Ok(Some(SecretString::from(v.trim()))),
        _ => Err(SessionError::Usage(t!(
            "oauth-cli-no-secret-in-env",
            var = var.as_str()
        ))),
    }
}

/// The issuer settings the flags give (`oauth::session::Overrides`).
pub fn overrides(args: &OAuthArgs) -> oauth::session::Overrides {
    oauth::session::Overrides {
        issuer: args.oauth_issuer.clone(),
        scopes: args
            .oauth_scope
            .iter()
            .flat_map(|s| s.split_whitespace())
            .map(str::to_string)
            .collect(),
        client_id: None,
    }
}

/// Whether signing in needs discovery to find the issuer: --oauth without a token, without
/// --oauth-issuer, for a domain the provider table does not know.
pub fn needs_discovery(args: &OAuthArgs, email: &EmailAddress) -> bool {
    args.oauth && args.oauth_token_env.is_none() && !overrides(args).knows(email)
}

/// Signs in as `email` the way the flags say; `discovered` is the `<oAuth2>` block
/// discovery found, if it ran; `resource` the mail server the tokens are for, asked for
/// when mailsetup registers itself (`oauth::resource`).
pub async fn sign_in(
    args: &OAuthArgs,
    email: &EmailAddress,
    discovered: Option<&DiscoveredOAuth2>,
    reach: &Reach,
    config_dir: Option<&Path>,
    resource: Option<&str>,
) -> Result<Session, SessionError> {
    if let Some(var) = &args.oauth_token_env {
        let token = std::env::var(var)
            .ok()
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| {
                SessionError::Usage(t!("oauth-cli-no-token-in-env", var = var.as_str()))
            })?;
        return Ok(Session {
            access: SecretString::from(token.trim()),
            refresh: None,
            login: OAuth2Login {
                issuer: args.oauth_issuer.clone().unwrap_or_default(),
                provider: String::new(),
                client_id: String::new(),
                scopes: Vec::new(),
                mechanism: args.sasl.map(|m| m.name().to_string()),
                ..OAuth2Login::default()
            },
            confirmed_email: None,
        });
    }
    let resolved = overrides(args).resolve(email, discovered)?;
    if let IssuerOrigin::Discovered { via } = &resolved.origin {
        errln!(
            "{}",
            t!(
                "oauth-cli-issuer-discovered",
                issuer = resolved.issuer.issuer.as_str(),
                via = via.as_str()
            )
        );
    }
    let issuer = resolved.issuer;
    let secret = client_secret(args)?;
    let flags = ClientFlags {
        id: args.oauth_client_id.as_deref(),
        secret: secret.as_ref().map(|s| s.expose_secret()),
        secret_env: args.oauth_client_secret_env.as_deref(),
    };
    let tc = token_client(issuer, flags, reach, config_dir, resource).await?;
    let mechanism = args.sasl.map(|m| m.name().to_string());
    // A client registered on the spot asked for the code flow only (RFC 7591 `grant_types`):
    // it signs in through the browser.
    let registered = matches!(tc.client.source, ClientSource::Registered { .. });
    if registered {
        errln!(
            "{}",
            t!(
                "oauth-cli-registered",
                name = tc.issuer.name.as_str(),
                id = tc.client.id.as_str()
            )
        );
        if !args.browser {
            errln!("{}", t!("oauth-cli-registered-browser"));
        }
    }
    if args.browser || registered {
        errln!(
            "{}",
            t!("oauth-cli-opening-browser", name = tc.issuer.name.as_str())
        );
        return Ok(oauth::session::browser(&tc, email, mechanism, |url| {
            // No browser opens here: the listener waits on for the address opened by hand
            // in a browser on this computer.
            if oauth::loopback::open_browser(url).is_err() {
                errln!("{}\n  {url}", t!("oauth-cli-open-by-hand"));
            }
            Ok(())
        })
        .await?);
    }
    let signed = {
        if !tc.issuer.device_flow_for_mail {
            errln!(
                "{}",
                t!("oauth-cli-no-device-flow", name = tc.issuer.name.as_str())
            );
        }
        oauth::device_sign_in(&tc, email, |start| {
            errln!(
                "{}",
                t!(
                    "oauth-cli-enter-code",
                    url = start.verification_uri.as_str(),
                    code = start.user_code.as_str()
                )
            );
            if let Some(complete) = &start.verification_uri_complete {
                errln!("{}", t!("oauth-cli-or-open", url = complete.as_str()));
            }
            errln!("{}", t!("oauth-cli-waiting"));
        })
        .await?
    };
    Ok(Session::of(&tc, signed, mechanism))
}

/// A failed sign-in for people: what happened, what to do, and its code.
pub fn explain(e: &OAuthError) -> String {
    format!(
        "{}\n  {}",
        t!("oauth-cli-failed", code = e.code(), summary = e.summary()),
        e.advice()
    )
}

/// The same as JSON.
pub fn explain_json(email: &str, e: &OAuthError) -> serde_json::Value {
    serde_json::json!({
        "email": email,
        "oauth": {
            "error": e.code(),
            "summary": e.to_string(),
            "advice": e.advice(),
        }
    })
}

/// `accounts remove` for an OAuth account: the saved refresh token given back at the
/// issuer's revocation endpoint (RFC 7009), as the client it was issued to (its id, and its
/// secret from the same source as at sign-in: `oauth::session::saved_token_client`).
pub async fn revoke(
    email: &EmailAddress,
    login: &OAuth2Login,
    refresh: &SecretString,
    ca_file: Option<&Path>,
    config_dir: Option<&Path>,
) -> Result<(), SessionError> {
    let reach = Reach::with_ca_file(ca_file)?;
    let mut tc = oauth::session::saved_token_client(email, login, &reach, config_dir).await?;
    tc.issuer = tc.issuer.complete_revocation(&tc.http).await?;
    Ok(tc.revoke(refresh).await?)
}

/// `accounts check` for an OAuth account: a new access token from the saved refresh token
/// (RFC 6749 §6), as the client it was issued to (see `revoke`); the rotated refresh token,
/// if the server sent one, is for the caller to store.
pub async fn renew(
    email: &EmailAddress,
    login: &OAuth2Login,
    refresh: &SecretString,
    ca_file: Option<&Path>,
    config_dir: Option<&Path>,
) -> Result<oauth::SignedIn, SessionError> {
    let reach = Reach::with_ca_file(ca_file)?;
    let tc = oauth::session::saved_token_client(email, login, &reach, config_dir).await?;
    Ok(oauth::refresh(&tc, email, refresh).await?)
}
