//! Why an OAuth 2.0 sign-in did not give us tokens: one typed value per case a person can
//! act on, each with a stable code and plain advice. The authorization server's own words
//! (RFC 6749 §5.2 `error` and `error_description`, RFC 8628 §3.5 device errors) are kept
//! in the variants; tokens and codes never are.

use std::time::Duration;

use crate::discover::http::FetchError;

/// The longest server text kept (an `error_description`).
const MAX_TEXT: usize = 300;

/// A server's text as kept: cut, control characters dropped.
pub(crate) fn server_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_control()) {
        if out.len() + c.len_utf8() > MAX_TEXT {
            break;
        }
        out.push(c);
    }
    out
}

fn said(description: &Option<String>) -> String {
    description
        .as_ref()
        .map(|d| format!(" (the provider said: {d})"))
        .unwrap_or_default()
}

/// Why an OAuth sign-in failed.
#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    /// No client id is configured for this provider.
    #[error(
        "signing in with {provider} through its page needs a client id registered with {provider}, and none is configured"
    )]
    NoClientId { provider: String },
    /// The provider has no OAuth sign-in we know of.
    #[error("no OAuth 2.0 sign-in is known for {provider}")]
    NoIssuer { provider: String },
    /// The authorization server lacks an endpoint this flow needs.
    #[error("{issuer} does not offer {what}")]
    NoEndpoint { issuer: String, what: &'static str },
    /// An endpoint that is not HTTPS (loopback addresses excepted, for tests).
    #[error("{url} is not an HTTPS address; OAuth 2.0 needs an encrypted connection")]
    Insecure { url: String },
    #[error("{0}")]
    Http(#[from] FetchError),
    /// An answer that is not what the RFCs define.
    #[error("{url}: unexpected answer: {detail}")]
    Malformed { url: String, detail: String },
    /// The person declined (RFC 6749 §4.1.2.1 / RFC 8628 §3.5 `access_denied`).
    #[error("the sign-in was declined on the provider's page{}", said(.description))]
    Denied { description: Option<String> },
    /// The redirect's `state` is not the one we sent (RFC 6749 §10.12).
    #[error("the browser's answer does not belong to this sign-in (its state value differs)")]
    WrongState,
    /// The device code expired before the person approved (RFC 8628 §3.5 `expired_token`).
    #[error("the code for the sign-in expired before it was approved")]
    DeviceCodeExpired,
    /// `invalid_grant`: the refresh token (or the code) is expired, revoked or used.
    #[error("the provider no longer accepts the saved sign-in{}", said(.description))]
    InvalidGrant { description: Option<String> },
    /// The tokens are for another account than the address being set up.
    #[error("the provider signed in {got}, not {expected}")]
    WrongAccount { expected: String, got: String },
    /// Any other RFC 6749 §5.2 error.
    #[error("{url}: the provider refused: {code}{}", said(.description))]
    Server {
        url: String,
        code: String,
        description: Option<String>,
    },
    #[error("no answer from the sign-in within {after:?}")]
    TimedOut { after: Duration },
    #[error("the browser could not be opened ({command}): {detail}")]
    Browser { command: String, detail: String },
    #[error("could not wait for the browser's answer on 127.0.0.1: {0}")]
    Listener(std::io::Error),
    #[error("{0}")]
    Random(#[from] super::pkce::RandomError),
}

impl OAuthError {
    /// A stable snake_case code (JSON, tests).
    pub fn code(&self) -> &'static str {
        match self {
            OAuthError::NoClientId { .. } => "oauth_client_id_missing",
            OAuthError::NoIssuer { .. } => "oauth_not_available",
            OAuthError::NoEndpoint { .. } => "oauth_endpoint_missing",
            OAuthError::Insecure { .. } => "oauth_insecure_endpoint",
            OAuthError::Http(_) => "oauth_server_unreachable",
            OAuthError::Malformed { .. } => "oauth_protocol_error",
            OAuthError::Denied { .. } => "oauth_consent_denied",
            OAuthError::WrongState => "oauth_state_mismatch",
            OAuthError::DeviceCodeExpired => "oauth_device_code_expired",
            OAuthError::InvalidGrant { .. } => "oauth_grant_invalid",
            OAuthError::WrongAccount { .. } => "oauth_wrong_account",
            OAuthError::Server { .. } => "oauth_refused",
            OAuthError::TimedOut { .. } => "oauth_timeout",
            OAuthError::Browser { .. } => "oauth_browser_failed",
            OAuthError::Listener(_) => "oauth_listener_failed",
            OAuthError::Random(_) => "oauth_internal",
        }
    }

    /// What to do, in plain words.
    pub fn advice(&self) -> &'static str {
        match self {
            OAuthError::NoClientId { .. } => {
                "A program that signs in through a provider's page must be registered with that provider, which gives it a client id. Register mailsetup as a desktop app with the provider (the README explains how for Google and Microsoft), then give the id in the MAILSETUP_OAUTH_CLIENT_ID environment variable or with --oauth-client-id."
            }
            OAuthError::NoIssuer { .. } => {
                "This provider's sign-in page is not known to mailsetup. Use a password (or an app password) if the provider allows it, or give the provider's sign-in address with --oauth-issuer."
            }
            OAuthError::NoEndpoint { .. } => {
                "The provider does not offer this way of signing in. Try the other one (--browser, or without it the code shown on another device)."
            }
            OAuthError::Insecure { .. } => {
                "Sign-in addresses must start with https://. Check the provider's sign-in address."
            }
            OAuthError::Http(_) => {
                "The provider's sign-in service could not be reached. Check the connection and try again."
            }
            OAuthError::Malformed { .. } | OAuthError::Server { .. } => {
                "The provider's sign-in service refused or answered oddly. Try again; if it keeps happening, the app's registration with the provider may be wrong (client id, allowed redirect or permissions)."
            }
            OAuthError::Denied { .. } => {
                "Access was not allowed on the provider's page. Start again and choose Allow (or Accept) when the provider asks whether mailsetup may use your mail."
            }
            OAuthError::WrongState => {
                "The answer in the browser came from another sign-in attempt, or was tampered with. Close old sign-in tabs and start again."
            }
            OAuthError::DeviceCodeExpired => {
                "The code was not entered in time. Start again and enter the new code soon after it is shown."
            }
            OAuthError::InvalidGrant { .. } => {
                "The saved sign-in has expired or was withdrawn (a changed password, or the app removed from the account's security settings). Sign in through the provider's page again."
            }
            OAuthError::WrongAccount { .. } => {
                "In the browser, another account was chosen than the address being set up. Sign in again and pick the right account (sign out of the other one in the browser first if needed)."
            }
            OAuthError::TimedOut { .. } => {
                "The sign-in was not finished in time. Start again and complete it in the browser."
            }
            OAuthError::Browser { .. } => {
                "Open the address shown by hand in a web browser, or use the sign-in with a code (without --browser)."
            }
            OAuthError::Listener(_) | OAuthError::Random(_) => {
                "Something on this computer stopped the sign-in. Try again, or use the sign-in with a code (without --browser)."
            }
        }
    }
}
