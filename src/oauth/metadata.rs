//! What an authorization server says about itself: its metadata document (RFC 8414).
//!
//! In order:
//! 1. `GET {issuer}/.well-known/oauth-authorization-server` (RFC 8414 §3; an issuer with a
//!    path puts the well-known part between host and path, §3.1);
//! 2. when that answers anything but 200 (oidc-provider and many OpenID providers publish only
//!    the OpenID name), `GET {issuer}/.well-known/openid-configuration` (OpenID Connect
//!    Discovery 1.0 §4, the path appended). Filling in endpoints for a configured client
//!    asks the two the other way round (`First::OpenId`): the table's providers publish the
//!    OpenID document only, and one request is enough;
//! 3. the document is read by `parse` (pure, bounded: at most `MAX_DOCUMENT` bytes, a JSON
//!    object, each URL at most `MAX_URL` bytes, no more than `MAX_LIST` items in a list), and
//!    its `issuer` must be the issuer asked for, or the document is not used (RFC 8414 §3.3:
//!    otherwise a server could send the sign-in to another issuer's endpoints).
//!
//! The HTTP client (`oauth::http_client`) follows no redirect and caps the answer's size.

use serde::Deserialize;

use super::error::{OAuthError, server_text};
use super::secure::check_url;
use crate::discover::http::{HttpClient, Request};

/// The largest metadata document read.
pub const MAX_DOCUMENT: usize = 64 * 1024;
/// The longest URL kept from it.
pub const MAX_URL: usize = 2048;
/// The most items kept of a list (grant types, methods).
pub const MAX_LIST: usize = 64;

/// The metadata fields mailsetup uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub issuer: String,
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    pub device_authorization_endpoint: Option<String>,
    pub userinfo_endpoint: Option<String>,
    pub revocation_endpoint: Option<String>,
    /// Where clients register themselves (RFC 7591 §3), when the server lets them.
    pub registration_endpoint: Option<String>,
    /// `code_challenge_methods_supported` (RFC 8414 §2), empty when not said.
    pub code_challenge_methods: Vec<String>,
}

/// The document as it comes (unknown fields ignored).
#[derive(Deserialize)]
struct Raw {
    issuer: String,
    authorization_endpoint: Option<String>,
    token_endpoint: Option<String>,
    device_authorization_endpoint: Option<String>,
    userinfo_endpoint: Option<String>,
    revocation_endpoint: Option<String>,
    registration_endpoint: Option<String>,
    #[serde(default)]
    code_challenge_methods_supported: Vec<String>,
}

/// The two places a metadata document may be, RFC 8414's first.
pub fn locations(issuer: &str) -> [String; 2] {
    let issuer = issuer.trim_end_matches('/');
    let oauth = match reqwest::Url::parse(issuer) {
        // RFC 8414 §3.1: `https://host/.well-known/oauth-authorization-server/path`.
        Ok(url) if url.path() != "/" && !url.path().is_empty() => format!(
            "{}/.well-known/oauth-authorization-server{}",
            url.origin().ascii_serialization(),
            url.path().trim_end_matches('/')
        ),
        _ => format!("{issuer}/.well-known/oauth-authorization-server"),
    };
    [oauth, format!("{issuer}/.well-known/openid-configuration")]
}

/// Which document is asked first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum First {
    /// RFC 8414's, as draft-ietf-mailmaint-oauth-public has it (registering).
    OAuth,
    /// OpenID Connect Discovery's, which the providers of the table publish (filling in the
    /// endpoints of a sign-in with a configured client: one request, as before).
    OpenId,
}

/// Reads `issuer`'s metadata (see the module header), asking `first`'s document first; when
/// neither answers 200, the error names the first one asked.
pub async fn fetch(http: &HttpClient, issuer: &str, first: First) -> Result<Metadata, OAuthError> {
    let [oauth, openid] = locations(issuer);
    let order = match first {
        First::OAuth => [oauth, openid],
        First::OpenId => [openid, oauth],
    };
    let mut failed = None;
    for url in order {
        check_url(&url)?;
        let answer = http
            .send(Request {
                url: &url,
                form: None,
                bearer: None,
            })
            .await?;
        if answer.status == 200 {
            return parse(&url, issuer, &answer.body);
        }
        failed.get_or_insert((url, answer.status));
    }
    let (url, status) = failed.unwrap_or_default();
    Err(OAuthError::Malformed {
        url,
        detail: format!("the metadata answered HTTP {status}"),
    })
}

/// Reads a metadata document fetched from `url` for `issuer` (pure; see the header).
pub fn parse(url: &str, issuer: &str, body: &[u8]) -> Result<Metadata, OAuthError> {
    let malformed = |detail: String| OAuthError::Malformed {
        url: url.to_string(),
        detail,
    };
    if body.len() > MAX_DOCUMENT {
        return Err(malformed(format!(
            "the metadata is larger than {MAX_DOCUMENT} bytes"
        )));
    }
    let raw: Raw = serde_json::from_slice(body)
        .map_err(|e| malformed(format!("the metadata is not valid JSON: {e}")))?;
    if raw.issuer.trim_end_matches('/') != issuer.trim_end_matches('/') {
        return Err(OAuthError::IssuerMismatch {
            url: url.to_string(),
            expected: issuer.to_string(),
            named: server_text(&raw.issuer),
        });
    }
    let url_field = |v: Option<String>| v.filter(|u| u.len() <= MAX_URL);
    Ok(Metadata {
        issuer: raw.issuer,
        authorization_endpoint: url_field(raw.authorization_endpoint),
        token_endpoint: url_field(raw.token_endpoint),
        device_authorization_endpoint: url_field(raw.device_authorization_endpoint),
        userinfo_endpoint: url_field(raw.userinfo_endpoint),
        revocation_endpoint: url_field(raw.revocation_endpoint),
        registration_endpoint: url_field(raw.registration_endpoint),
        code_challenge_methods: raw
            .code_challenge_methods_supported
            .into_iter()
            .take(MAX_LIST)
            .map(|m| server_text(&m))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUER: &str = "https://id.example.org";

    #[test]
    fn rfc_8414_is_asked_first_with_the_path_after_the_well_known_part() {
        assert_eq!(
            locations("https://id.example.org/"),
            [
                "https://id.example.org/.well-known/oauth-authorization-server".to_string(),
                "https://id.example.org/.well-known/openid-configuration".to_string(),
            ]
        );
        assert_eq!(
            locations("https://id.example.org/tenant1")[0],
            "https://id.example.org/.well-known/oauth-authorization-server/tenant1"
        );
        assert_eq!(
            locations("https://id.example.org/tenant1")[1],
            "https://id.example.org/tenant1/.well-known/openid-configuration"
        );
    }

    #[test]
    fn a_document_gives_its_endpoints_and_the_registration_endpoint() {
        let body = br#"{"issuer":"https://id.example.org","authorization_endpoint":"https://id.example.org/auth",
            "token_endpoint":"https://id.example.org/token","registration_endpoint":"https://id.example.org/reg",
            "code_challenge_methods_supported":["S256"],"something_else":{"deep":[1,2,3]}}"#;
        let m = parse("u", ISSUER, body).unwrap();
        assert_eq!(
            m.registration_endpoint.as_deref(),
            Some("https://id.example.org/reg")
        );
        assert_eq!(
            m.token_endpoint.as_deref(),
            Some("https://id.example.org/token")
        );
        assert_eq!(m.code_challenge_methods, vec!["S256".to_string()]);
        assert_eq!(m.device_authorization_endpoint, None);
        // Without a registration endpoint: none.
        let m = parse("u", ISSUER, br#"{"issuer":"https://id.example.org/"}"#).unwrap();
        assert_eq!(m.registration_endpoint, None);
    }

    #[test]
    fn another_issuer_in_the_document_is_a_mismatch_naming_both() {
        let body = br#"{"issuer":"https://evil.example","registration_endpoint":"https://evil.example/reg"}"#;
        let e = parse("https://id.example.org/.well-known/x", ISSUER, body).unwrap_err();
        let OAuthError::IssuerMismatch {
            expected, named, ..
        } = &e
        else {
            panic!("{e:?}");
        };
        assert_eq!(
            (expected.as_str(), named.as_str()),
            (ISSUER, "https://evil.example")
        );
        assert_eq!(e.code(), "oauth_issuer_mismatch");
    }

    #[test]
    fn garbage_oversize_and_overlong_values_are_bounded() {
        for body in [&b"not json"[..], b"[]", b"{}", b"{\"issuer\":5}"] {
            assert!(matches!(
                parse("u", ISSUER, body),
                Err(OAuthError::Malformed { .. })
            ));
        }
        let big = vec![b' '; MAX_DOCUMENT + 1];
        assert!(matches!(
            parse("u", ISSUER, &big),
            Err(OAuthError::Malformed { .. })
        ));
        let long = format!(
            r#"{{"issuer":"{ISSUER}","registration_endpoint":"https://id.example.org/{}","code_challenge_methods_supported":[{}]}}"#,
            "a".repeat(MAX_URL),
            vec!["\"S256\""; MAX_LIST + 10].join(",")
        );
        let m = parse("u", ISSUER, long.as_bytes()).unwrap();
        assert_eq!(m.registration_endpoint, None);
        assert_eq!(m.code_challenge_methods.len(), MAX_LIST);
    }
}
