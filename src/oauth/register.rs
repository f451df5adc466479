//! Registering mailsetup with an authorization server on the fly (RFC 7591), for a provider
//! that follows the OAuth profile for open public clients (draft-ietf-mailmaint-oauth-public)
//! and for which no client id is configured anywhere.
//!
//! Only for an issuer a vouched source named (`Issuer::registrable`: the person's own
//! `--oauth-issuer`, or an `<oAuth2>` block / PACC issuer fetched over verified HTTPS from
//! the domain); an issuer from a file that came over plain HTTP never gets a registration
//! request, and the built-in table's providers (which offer no registration) are not asked.
//!
//! In order:
//! 1. the issuer's metadata (`metadata::fetch`, RFC 8414) must name a
//!    `registration_endpoint` (else `NoRegistration`, which says that no client id is
//!    configured and the server offers no registration);
//! 2. `POST` a JSON body (`request_body`): a native public client — `application_type`
//!    `native`, `token_endpoint_auth_method` `none`, `grant_types` `authorization_code` and
//!    `refresh_token`, `response_types` `code`, loopback `redirect_uris` without a port
//!    (RFC 8252 §7.3: the server accepts any port), `client_name` `mailsetup`;
//! 3. read the answer (`read_answer`, pure and bounded): 201 (or 200) with a `client_id` is
//!    the client; an RFC 7591 §3.2.2 error object is `RegistrationRefused` with the server's
//!    own `error` and `error_description`; a client that must authenticate at the token
//!    endpoint (another `token_endpoint_auth_method`) is `NotPublicClient`. A `client_secret`
//!    or `registration_access_token` the server hands out anyway is dropped on the spot: a
//!    public client needs neither to sign in or refresh, so nothing secret is kept.
//!
//! What is kept with the account: the client id and where it was registered
//! (`ClientSource::Registered`), so `accounts check` refreshes with no configuration.

use super::client::Client;
use super::error::{OAuthError, server_text};
use super::issuer::Issuer;
use super::secure::check_url;
use crate::discover::http::{Answer, HttpClient};
use crate::store::ClientSource;
use secrecy::SecretString;

/// The name the person sees on the provider's consent page.
pub const CLIENT_NAME: &str = "mailsetup";
/// The loopback redirect URIs registered (RFC 8252 §7.3; the port is the listener's).
pub const REDIRECT_URIS: [&str; 2] = ["http://127.0.0.1/", "http://[::1]/"];
/// The longest `client_id` accepted.
pub const MAX_CLIENT_ID: usize = 512;

/// The registration request's JSON body (RFC 7591 §2).
pub fn request_body() -> String {
    serde_json::json!({
        "client_name": CLIENT_NAME,
        "application_type": "native",
        "token_endpoint_auth_method": "none",
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "redirect_uris": REDIRECT_URIS,
    })
    .to_string()
}

/// A registration that succeeded: the client id and when it was issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub client_id: String,
    pub issued_at: Option<u64>,
}

/// Reads the registration endpoint's answer (pure; see the module header).
pub fn read_answer(url: &str, answer: &Answer) -> Result<Registered, OAuthError> {
    let malformed = |detail: &str| OAuthError::Malformed {
        url: url.to_string(),
        detail: detail.to_string(),
    };
    // A `client_secret` or `registration_access_token` in it is read by nobody and dropped
    // with `v`.
    let v: serde_json::Value =
        serde_json::from_slice(&answer.body).unwrap_or(serde_json::Value::Null);
    let text = |name: &str| v.get(name).and_then(|t| t.as_str());
    if !matches!(answer.status, 200 | 201) {
        return Err(match text("error") {
            Some(code) => OAuthError::RegistrationRefused {
                url: url.to_string(),
                code: server_text(code),
                description: text("error_description").map(server_text),
            },
            None => malformed(&format!(
                "HTTP {} without an OAuth error object",
                answer.status
            )),
        });
    }
    let client_id = text("client_id")
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| malformed("the registration answer has no client_id"))?;
    if client_id.len() > MAX_CLIENT_ID || client_id.chars().any(char::is_control) {
        return Err(malformed("the registered client_id is not usable"));
    }
    // RFC 7591 §3.2.1: the server may change what was asked; a client that has to
    // authenticate could not refresh without a secret we do not keep.
    if let Some(method) = text("token_endpoint_auth_method").filter(|m| *m != "none") {
        return Err(OAuthError::NotPublicClient {
            url: url.to_string(),
            method: server_text(method),
        });
    }
    Ok(Registered {
        client_id: client_id.to_string(),
        issued_at: v.get("client_id_issued_at").and_then(|t| t.as_u64()),
    })
}

/// Registers mailsetup at `issuer`, whose metadata has been read (`Issuer::complete`);
/// returns the client to sign in as.
pub async fn register(http: &HttpClient, issuer: &Issuer) -> Result<Client, OAuthError> {
    let url =
        issuer
            .registration_endpoint
            .as_deref()
            .ok_or_else(|| OAuthError::NoRegistration {
                provider: issuer.name.clone(),
                issuer: issuer.issuer.clone(),
            })?;
    check_url(url)?;
    let answer = http.post_json(url, &request_body()).await?;
    let registered = read_answer(url, &answer)?;
    Ok(Client {
        id: registered.client_id,
        secret: None::<SecretString>,
        source: ClientSource::Registered {
            endpoint: url.to_string(),
            issued_at: registered.issued_at,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use zeroize::Zeroizing;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            url: "https://id.example.org/reg".into(),
            status,
            body: Zeroizing::new(body.as_bytes().to_vec()),
        }
    }

    #[test]
    fn the_request_asks_for_a_native_public_client_with_loopback_redirects() {
        let v: serde_json::Value = serde_json::from_str(&request_body()).unwrap();
        assert_eq!(v["application_type"], "native");
        assert_eq!(v["token_endpoint_auth_method"], "none");
        assert_eq!(v["client_name"], "mailsetup");
        assert_eq!(
            v["grant_types"],
            serde_json::json!(["authorization_code", "refresh_token"])
        );
        assert_eq!(
            v["redirect_uris"],
            serde_json::json!(["http://127.0.0.1/", "http://[::1]/"])
        );
        assert!(v.get("client_secret").is_none());
    }

    #[test]
    fn a_created_client_gives_its_id_and_drops_any_secret() {
        let r = read_answer(
            "u",
            &answer(
                201,
                r#"{"client_id":"abc123","client_id_issued_at":1800000000,"token_endpoint_auth_method":"none",
                   "client_secret":"should-not-be-kept","registration_access_token":"rat-xyz"}"#,
            ),
        )
        .unwrap();
        assert_eq!(
            r,
            Registered {
                client_id: "abc123".into(),
                issued_at: Some(1_800_000_000)
            }
        );
        assert!(!format!("{r:?}").contains("should-not-be-kept"));
        // No method said: the one asked for stands.
        assert!(read_answer("u", &answer(200, r#"{"client_id":"x"}"#)).is_ok());
    }

    #[test]
    fn a_refusal_keeps_the_servers_own_words() {
        let e = read_answer(
            "https://id.example.org/reg",
            &answer(
                400,
                r#"{"error":"invalid_redirect_uri","error_description":"loopback\u0007 not allowed"}"#,
            ),
        )
        .unwrap_err();
        let OAuthError::RegistrationRefused {
            code, description, ..
        } = &e
        else {
            panic!("{e:?}");
        };
        assert_eq!(code, "invalid_redirect_uri");
        assert_eq!(description.as_deref(), Some("loopback not allowed"));
        assert_eq!(e.code(), "oauth_registration_refused");
        assert!(e.to_string().contains("loopback not allowed"), "{e}");
    }

    #[test]
    fn a_confidential_client_garbage_and_odd_ids_are_refused() {
        let e = read_answer(
            "u",
            &answer(
                201,
                r#"{"client_id":"c","client_secret":"s","token_endpoint_auth_method":"client_secret_basic"}"#,
            ),
        )
        .unwrap_err();
        assert!(
            matches!(e, OAuthError::NotPublicClient { ref method, .. } if method == "client_secret_basic")
        );
        for (status, body) in [
            (201, "not json"),
            (201, "{}"),
            (201, r#"{"client_id":"  "}"#),
            (201, r#"{"client_id":"a\nb"}"#),
            (500, "oops"),
        ] {
            assert!(
                matches!(
                    read_answer("u", &answer(status, body)),
                    Err(OAuthError::Malformed { .. })
                ),
                "{body}"
            );
        }
        let long = format!(r#"{{"client_id":"{}"}}"#, "a".repeat(MAX_CLIENT_ID + 1));
        assert!(read_answer("u", &answer(201, &long)).is_err());
    }
}
