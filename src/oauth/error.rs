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
    /// No client id is configured, and the issuer's metadata names no registration endpoint
    /// (RFC 7591), so mailsetup cannot register itself either.
    #[error(
        "signing in with {provider} needs a client id, none is configured, and {issuer} does not let apps register themselves (its metadata names no registration endpoint)"
    )]
    NoRegistration { provider: String, issuer: String },
    /// The registration endpoint refused (RFC 7591 §3.2.2), in its own words.
    #[error("{url}: the provider refused to register mailsetup: {code}{}", said(.description))]
    RegistrationRefused {
        url: String,
        code: String,
        description: Option<String>,
    },
    /// The registration gave a client that must authenticate at the token endpoint: it
    /// could not refresh without a secret, which mailsetup does not keep.
    #[error(
        "{url} registered mailsetup as a client that must sign in with {method}, not as a public app"
    )]
    NotPublicClient { url: String, method: String },
    /// The metadata document names another issuer than the one asked (RFC 8414 §3.3).
    #[error("{url} names the issuer {named}, not {expected}, so its endpoints are not used")]
    IssuerMismatch {
        url: String,
        expected: String,
        named: String,
    },
    /// The provider has no OAuth sign-in we know of.
    #[error("no OAuth 2.0 sign-in is known for {provider}")]
    NoIssuer { provider: String },
    /// Discovery named an issuer, but over a channel that cannot vouch for it (plain HTTP,
    /// a redirect off the site asked).
    #[error(
        "{via} names {issuer} as the place to sign in, but that file came over a connection that cannot vouch for it, so it is not used without your word"
    )]
    UnconfirmedIssuer { issuer: String, via: String },
    /// The authorization server lacks an endpoint this flow needs.
    #[error("{issuer} does not offer {what}")]
    NoEndpoint { issuer: String, what: &'static str },
    /// An endpoint that is not HTTPS (loopback addresses excepted, for tests).
    #[error("{url} is not an HTTPS address; OAuth 2.0 needs an encrypted connection")]
    Insecure { url: String },
    #[error("{0}")]
    Http(FetchError),
    /// An authorization server answered a token, device or revocation request with a
    /// redirect: it is never followed, since the request would carry the code, the refresh
    /// token or the client secret to wherever it points.
    #[error(
        "{url} answered with a redirect; it was not followed, so nothing was sent on to another address"
    )]
    RedirectRefused { url: String },
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

/// A redirect the OAuth client refused (it follows none: `oauth::http_client`) is
/// `RedirectRefused`; every other failure to ask stays `Http`.
impl From<FetchError> for OAuthError {
    fn from(e: FetchError) -> Self {
        match e {
            FetchError::TooManyRedirects { url, .. } | FetchError::RedirectLoop { url, .. } => {
                OAuthError::RedirectRefused { url }
            }
            FetchError::InsecureRedirect { from, .. } => OAuthError::RedirectRefused { url: from },
            other => OAuthError::Http(other),
        }
    }
}

impl OAuthError {
    /// A stable snake_case code (JSON, tests).
    pub fn code(&self) -> &'static str {
        match self {
            OAuthError::NoClientId { .. } => "oauth_client_id_missing",
            OAuthError::NoRegistration { .. } => "oauth_client_id_missing",
            OAuthError::RegistrationRefused { .. } | OAuthError::NotPublicClient { .. } => {
                "oauth_registration_refused"
            }
            OAuthError::IssuerMismatch { .. } => "oauth_issuer_mismatch",
            OAuthError::NoIssuer { .. } => "oauth_not_available",
            OAuthError::UnconfirmedIssuer { .. } => "oauth_issuer_unconfirmed",
            OAuthError::NoEndpoint { .. } => "oauth_endpoint_missing",
            OAuthError::Insecure { .. } => "oauth_insecure_endpoint",
            OAuthError::Http(_) => "oauth_server_unreachable",
            OAuthError::RedirectRefused { .. } => "oauth_redirect_refused",
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

    /// What happened, in the chosen language (the same words as `Display` in English; the
    /// `Display` itself stays English for logs and JSON).
    pub fn summary(&self) -> String {
        let said = |d: &Option<String>| match d {
            Some(text) => format!(" {}", t!("oauth-error-provider-said", text = text.as_str())),
            None => String::new(),
        };
        match self {
            OAuthError::NoClientId { provider } => {
                t!("oauth-error-no-client-id", provider = provider.as_str())
            }
            OAuthError::NoRegistration { provider, issuer } => t!(
                "oauth-error-no-registration",
                provider = provider.as_str(),
                issuer = issuer.as_str()
            ),
            OAuthError::RegistrationRefused {
                url,
                code,
                description,
            } => format!(
                "{}{}",
                t!(
                    "oauth-error-registration-refused",
                    url = url.as_str(),
                    code = code.as_str()
                ),
                said(description)
            ),
            OAuthError::NotPublicClient { url, method } => t!(
                "oauth-error-not-public-client",
                url = url.as_str(),
                method = method.as_str()
            ),
            OAuthError::IssuerMismatch {
                url,
                expected,
                named,
            } => t!(
                "oauth-error-issuer-mismatch",
                url = url.as_str(),
                named = named.as_str(),
                expected = expected.as_str()
            ),
            OAuthError::NoIssuer { provider } => {
                t!("oauth-error-no-issuer", provider = provider.as_str())
            }
            OAuthError::UnconfirmedIssuer { issuer, via } => t!(
                "oauth-error-unconfirmed-issuer",
                issuer = issuer.as_str(),
                via = via.as_str()
            ),
            OAuthError::NoEndpoint { issuer, what } => {
                t!(
                    "oauth-error-no-endpoint",
                    issuer = issuer.as_str(),
                    what = what.to_string()
                )
            }
            OAuthError::Insecure { url } => t!("oauth-error-insecure", url = url.as_str()),
            OAuthError::Http(e) => e.to_string(),
            OAuthError::RedirectRefused { url } => {
                t!("oauth-error-redirect-refused", url = url.as_str())
            }
            OAuthError::Malformed { url, detail } => {
                t!(
                    "oauth-error-malformed",
                    url = url.as_str(),
                    detail = detail.as_str()
                )
            }
            OAuthError::Denied { description } => {
                format!("{}{}", t!("oauth-error-denied"), said(description))
            }
            OAuthError::WrongState => t!("oauth-error-wrong-state"),
            OAuthError::DeviceCodeExpired => t!("oauth-error-device-code-expired"),
            OAuthError::InvalidGrant { description } => {
                format!("{}{}", t!("oauth-error-invalid-grant"), said(description))
            }
            OAuthError::WrongAccount { expected, got } => t!(
                "oauth-error-wrong-account",
                expected = expected.as_str(),
                got = got.as_str()
            ),
            OAuthError::Server {
                url,
                code,
                description,
            } => format!(
                "{}{}",
                t!(
                    "oauth-error-refused",
                    url = url.as_str(),
                    code = code.as_str()
                ),
                said(description)
            ),
            OAuthError::TimedOut { after } => {
                t!("oauth-error-timed-out", after = format!("{after:?}"))
            }
            OAuthError::Browser { command, detail } => t!(
                "oauth-error-browser",
                command = command.as_str(),
                detail = detail.as_str()
            ),
            OAuthError::Listener(e) => t!("oauth-error-listener", detail = e.to_string()),
            OAuthError::Random(e) => e.to_string(),
        }
    }

    /// What to do, in plain words (in the chosen language).
    pub fn advice(&self) -> String {
        match self {
            OAuthError::NoClientId { .. } => t!("oauth-error-no-client-id-advice"),
            OAuthError::NoRegistration { .. } => t!("oauth-error-no-registration-advice"),
            OAuthError::RegistrationRefused { .. } | OAuthError::NotPublicClient { .. } => {
                t!("oauth-error-registration-refused-advice")
            }
            OAuthError::IssuerMismatch { .. } => t!("oauth-error-issuer-mismatch-advice"),
            OAuthError::NoIssuer { .. } => t!("oauth-error-no-issuer-advice"),
            OAuthError::UnconfirmedIssuer { issuer, .. } => t!(
                "oauth-error-unconfirmed-issuer-advice",
                issuer = crate::shown::shell_quote(issuer)
            ),
            OAuthError::NoEndpoint { .. } => t!("oauth-error-no-endpoint-advice"),
            OAuthError::Insecure { .. } => t!("oauth-error-insecure-advice"),
            OAuthError::Http(_) => t!("oauth-error-unreachable-advice"),
            OAuthError::RedirectRefused { .. } => t!("oauth-error-redirect-refused-advice"),
            OAuthError::Malformed { .. } | OAuthError::Server { .. } => {
                t!("oauth-error-refused-advice")
            }
            OAuthError::Denied { .. } => t!("oauth-error-denied-advice"),
            OAuthError::WrongState => t!("oauth-error-wrong-state-advice"),
            OAuthError::DeviceCodeExpired => t!("oauth-error-device-code-expired-advice"),
            OAuthError::InvalidGrant { .. } => t!("oauth-error-invalid-grant-advice"),
            OAuthError::WrongAccount { .. } => t!("oauth-error-wrong-account-advice"),
            OAuthError::TimedOut { .. } => t!("oauth-error-timed-out-advice"),
            OAuthError::Browser { .. } => t!("oauth-error-browser-advice"),
            OAuthError::Listener(_) | OAuthError::Random(_) => t!("oauth-error-local-advice"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In English the CLI's summary is word for word the error's own message (the other
    /// languages say it from the catalogue).
    #[test]
    fn the_english_summary_is_the_errors_own_message() {
        let said = || Some("user said no".to_string());
        for e in [
            OAuthError::NoClientId {
                provider: "Google".into(),
            },
            OAuthError::NoIssuer {
                provider: "example.org".into(),
            },
            OAuthError::NoRegistration {
                provider: "Example Mail".into(),
                issuer: "https://id.example".into(),
            },
            OAuthError::RegistrationRefused {
                url: "https://id.example/reg".into(),
                code: "invalid_client_metadata".into(),
                description: said(),
            },
            OAuthError::RegistrationRefused {
                url: "https://id.example/reg".into(),
                code: "access_denied".into(),
                description: None,
            },
            OAuthError::NotPublicClient {
                url: "https://id.example/reg".into(),
                method: "client_secret_basic".into(),
            },
            OAuthError::IssuerMismatch {
                url: "https://id.example/.well-known/oauth-authorization-server".into(),
                expected: "https://id.example".into(),
                named: "https://other.example".into(),
            },
            OAuthError::UnconfirmedIssuer {
                issuer: "https://id.example".into(),
                via: "http://autoconfig.example.org/mail/config-v1.1.xml".into(),
            },
            OAuthError::NoEndpoint {
                issuer: "https://id.example".into(),
                what: "a device authorization endpoint",
            },
            OAuthError::Insecure {
                url: "http://id.example".into(),
            },
            OAuthError::Malformed {
                url: "https://id.example/token".into(),
                detail: "not JSON".into(),
            },
            OAuthError::Denied {
                description: said(),
            },
            OAuthError::Denied { description: None },
            OAuthError::WrongState,
            OAuthError::DeviceCodeExpired,
            OAuthError::InvalidGrant {
                description: said(),
            },
            OAuthError::WrongAccount {
                expected: "a@example.org".into(),
                got: "b@example.org".into(),
            },
            OAuthError::Server {
                url: "https://id.example/token".into(),
                code: "invalid_client".into(),
                description: said(),
            },
            OAuthError::TimedOut {
                after: Duration::from_secs(300),
            },
            OAuthError::Browser {
                command: "xdg-open".into(),
                detail: "not found".into(),
            },
            OAuthError::Listener(std::io::Error::other("in use")),
            OAuthError::RedirectRefused {
                url: "https://id.example/token".into(),
            },
        ] {
            assert_eq!(e.summary(), e.to_string(), "{e:?}");
            assert!(e.advice().ends_with('.'), "{e:?}");
        }
    }
}
