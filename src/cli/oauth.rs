//! `diagnose --oauth`: sign in through the provider's page instead of typing a password,
//! then test the servers with the access token (SASL OAUTHBEARER / XOAUTH2, RFC 7628).
//!
//! In order: the issuer (the provider table by the address's domain, or `--oauth-issuer`),
//! its endpoints (the table, else the issuer's metadata), the client id (`oauth::issuer`:
//! flag, environment, `oauth.json`, build, table); then the device grant (RFC 8628: the page
//! and the code are printed on standard error) or with `--browser` the authorization code
//! flow with PKCE through the browser (`BROWSER`, else the system's opener; when it cannot
//! open one, the address is printed to open by hand) and a loopback redirect (RFC 8252);
//! the tokens must belong to the address. Nothing here prints a token or
//! a code other than the user code the person types.

use std::path::Path;

use clap::Args;
use secrecy::SecretString;

use crate::account::EmailAddress;
use crate::oauth::sasl::Mechanism;
use crate::oauth::{self, Issuer, OAuthError};
use crate::store::OAuth2Login;

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
    /// table's.
    #[arg(long, value_name = "URL", requires = "oauth")]
    pub oauth_issuer: Option<String>,
    /// With --oauth: the client id registered for mailsetup with the provider (else the
    /// environment variable MAILSETUP_OAUTH_CLIENT_ID, then the configuration).
    #[arg(long, value_name = "ID", requires = "oauth")]
    pub oauth_client_id: Option<String>,
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

pub use crate::oauth::session::{Session, SessionError, token_client};

/// Signs in as `email` the way the flags say.
pub async fn sign_in(
    args: &OAuthArgs,
    email: &EmailAddress,
    ca_file: Option<&Path>,
    config_dir: Option<&Path>,
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
            },
            confirmed_email: None,
        });
    }
    let overrides = oauth::session::Overrides {
        issuer: args.oauth_issuer.clone(),
        scopes: args
            .oauth_scope
            .iter()
            .flat_map(|s| s.split_whitespace())
            .map(str::to_string)
            .collect(),
        client_id: None,
    };
    let issuer = overrides.issuer_for(email)?;
    let tc = token_client(issuer, args.oauth_client_id.as_deref(), ca_file, config_dir).await?;
    let mechanism = args.sasl.map(|m| m.name().to_string());
    if args.browser {
        eprintln!(
            "{}",
            t!("oauth-cli-opening-browser", name = tc.issuer.name.as_str())
        );
        return Ok(oauth::session::browser(&tc, email, mechanism, |url| {
            // No browser opens here: the listener waits on for the address opened by hand
            // in a browser on this computer.
            if oauth::loopback::open_browser(url).is_err() {
                eprintln!("{}\n  {url}", t!("oauth-cli-open-by-hand"));
            }
            Ok(())
        })
        .await?);
    }
    let signed = {
        if !tc.issuer.device_flow_for_mail {
            eprintln!(
                "{}",
                t!("oauth-cli-no-device-flow", name = tc.issuer.name.as_str())
            );
        }
        oauth::device_sign_in(&tc, email, |start| {
            eprintln!(
                "{}",
                t!(
                    "oauth-cli-enter-code",
                    url = start.verification_uri.as_str(),
                    code = start.user_code.as_str()
                )
            );
            if let Some(complete) = &start.verification_uri_complete {
                eprintln!("{}", t!("oauth-cli-or-open", url = complete.as_str()));
            }
            eprintln!("{}", t!("oauth-cli-waiting"));
        })
        .await?
    };
    Ok(Session {
        access: signed.tokens.access,
        refresh: signed.tokens.refresh,
        login: oauth::session::login_of(&tc, mechanism),
        confirmed_email: signed.confirmed_email,
    })
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

/// `accounts check` for an OAuth account: a new access token from the saved refresh token
/// (RFC 6749 §6), with the client it was issued to; the rotated refresh token, if the server
/// sent one, is for the caller to store.
pub async fn renew(
    email: &EmailAddress,
    login: &OAuth2Login,
    refresh: &SecretString,
    ca_file: Option<&Path>,
    config_dir: Option<&Path>,
) -> Result<oauth::SignedIn, SessionError> {
    // The table's entry when it is the same issuer (its endpoints need no discovery).
    let issuer = match Issuer::for_address(email) {
        Ok(i) if i.issuer == login.issuer => i,
        _ => Issuer::at(&login.issuer, login.scopes.clone()),
    };
    let tc = token_client(issuer, Some(&login.client_id), ca_file, config_dir).await?;
    Ok(oauth::refresh(&tc, email, refresh).await?)
}
