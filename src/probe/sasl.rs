//! The bytes a mail server sees when we sign in with an OAuth 2.0 access token, and the
//! server's answer when it refuses one — pure functions, no I/O.
//!
//! Two SASL mechanisms carry a bearer token (RFC 6750) to IMAP, POP3 and SMTP:
//! - OAUTHBEARER (RFC 7628 §3.1): `n,a=<user>,` `^A` `auth=Bearer <token>` `^A^A`, the GS2
//!   header naming the account (RFC 5801 §4, `,` and `=` escaped as `=2C` / `=3D`); the
//!   optional `host` and `port` pairs are left out (no server we know needs them).
//! - XOAUTH2 (Google's older form, still the one Microsoft and Yahoo document):
//!   `user=<user>` `^A` `auth=Bearer <token>` `^A^A`.
//!
//! Both go base64-encoded as the SASL initial response. A refusal (RFC 7628 §3.2.2) arrives
//! as a server challenge holding a JSON object — `status` (an RFC 6749 / RFC 6750 error code
//! such as `invalid_token`, or an HTTP status as Google and Dovecot send), `scope` (what the
//! token would need) and `openid-configuration` (where to learn more) — which the client must
//! answer with a dummy response (`^A` for OAUTHBEARER, an empty one for XOAUTH2) before the
//! server sends its final NO / -ERR / 5xx. `decode_error` reads that challenge, bounded and
//! without trusting it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Serialize;
use zeroize::Zeroizing;

/// Largest challenge we decode (base64 text); a longer one is kept only as text.
const MAX_CHALLENGE: usize = 8 * 1024;
/// Longest value kept from the error JSON (a server's words, shown in reports).
const MAX_VALUE: usize = 512;

/// The SASL mechanisms that carry a bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Mechanism {
    /// RFC 7628.
    OAuthBearer,
    /// Google's XOAUTH2.
    XOAuth2,
}

impl Mechanism {
    /// The mechanism's name on the wire.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::OAuthBearer => "OAUTHBEARER",
            Mechanism::XOAuth2 => "XOAUTH2",
        }
    }

    /// Parses a mechanism name as a server advertises it (any case).
    pub fn from_name(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case("OAUTHBEARER") {
            Some(Mechanism::OAuthBearer)
        } else if name.eq_ignore_ascii_case("XOAUTH2") {
            Some(Mechanism::XOAuth2)
        } else {
            None
        }
    }

    /// The client's answer to an error challenge (RFC 7628 §3.2.3: `%x01`; XOAUTH2: empty),
    /// base64-encoded as sent.
    pub fn dummy_response(self) -> &'static str {
        match self {
            Mechanism::OAuthBearer => "AQ==",
            Mechanism::XOAuth2 => "",
        }
    }
}

/// The RFC 5801 `saslname` form of the user name: `,` → `=2C`, `=` → `=3D`.
fn saslname(user: &str) -> String {
    user.replace('=', "=3D").replace(',', "=2C")
}

/// The raw (not yet base64) initial response of `mechanism`.
pub fn raw_response(mechanism: Mechanism, user: &str, token: &str) -> Zeroizing<String> {
    Zeroizing::new(match mechanism {
        Mechanism::OAuthBearer => {
            format!("n,a={},\u{1}auth=Bearer {token}\u{1}\u{1}", saslname(user))
        }
        Mechanism::XOAuth2 => format!("user={user}\u{1}auth=Bearer {token}\u{1}\u{1}"),
    })
}

/// The base64 initial response of `mechanism` for `user` with the access `token`.
pub fn initial_response(mechanism: Mechanism, user: &str, token: &str) -> Zeroizing<String> {
    let raw = raw_response(mechanism, user, token);
    Zeroizing::new(B64.encode(raw.as_bytes()))
}

/// Every encoded form of `token` a sign-in by `user` could put on the wire, for redaction.
pub fn wire_forms(user: &str, token: &str) -> Vec<Zeroizing<String>> {
    [Mechanism::OAuthBearer, Mechanism::XOAuth2]
        .into_iter()
        .map(|m| initial_response(m, user, token))
        .collect()
}

/// What the server's error challenge says (RFC 7628 §3.2.2). Every field is the server's
/// own words, cut to a sane length.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ErrorReply {
    /// `status`: an error code (`invalid_token`, `insufficient_scope` …) or an HTTP status.
    pub status: Option<String>,
    /// `scope`: the scope a token needs here.
    pub scope: Option<String>,
    /// `openid-configuration`: where the server's authorization server describes itself.
    pub openid_configuration: Option<String>,
    /// `schemes`: the token kinds accepted (Google, Dovecot).
    pub schemes: Option<String>,
}

/// What the `status` of an error reply means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The token is invalid, expired or revoked (or for another account).
    TokenRejected,
    /// The token lacks a scope the server needs.
    ScopeMissing,
    /// The server could not check the token right now.
    Temporary,
    /// Our request was malformed, or a status we do not know.
    Other,
}

impl ErrorReply {
    /// The meaning of `status` (RFC 6750 §3.1 codes; HTTP statuses as Google and Dovecot
    /// send them: 400 and 401 for a bad token, 403 for a missing scope, 5xx temporary).
    pub fn kind(&self) -> ErrorKind {
        let Some(status) = self.status.as_deref() else {
            return ErrorKind::Other;
        };
        match status.trim().to_ascii_lowercase().as_str() {
            "invalid_token" | "401" | "400" | "invalid_grant" => ErrorKind::TokenRejected,
            "insufficient_scope" | "403" => ErrorKind::ScopeMissing,
            s if s.starts_with('5') || s == "temporarily_unavailable" || s == "temp" => {
                ErrorKind::Temporary
            }
            _ => ErrorKind::Other,
        }
    }

    /// One line for reports: `status=…, scope=…`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("status", &self.status),
            ("scope", &self.scope),
            ("openid-configuration", &self.openid_configuration),
        ] {
            if let Some(v) = value {
                parts.push(format!("{key}={v}"));
            }
        }
        parts.join(", ")
    }
}

/// Decodes the base64 payload of a server challenge as an RFC 7628 error object; `None` when
/// it is not base64 of a JSON object (some servers send plain text there).
pub fn decode_error(challenge: &str) -> Option<ErrorReply> {
    let text = challenge.trim();
    if text.is_empty() || text.len() > MAX_CHALLENGE {
        return None;
    }
    let bytes = B64.decode(text).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let object = value.as_object()?;
    let field = |name: &str| {
        object.get(name).and_then(|v| match v {
            serde_json::Value::String(s) => Some(cut(s)),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    Some(ErrorReply {
        status: field("status"),
        scope: field("scope"),
        openid_configuration: field("openid-configuration"),
        schemes: field("schemes"),
    })
}

/// At most `MAX_VALUE` bytes of `s`, cut on a character boundary, control characters dropped.
fn cut(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_control()) {
        if out.len() + c.len_utf8() > MAX_VALUE {
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oauthbearer_follows_rfc_7628_section_4_1() {
        // RFC 7628 §4.1's example without host and port.
        let raw = raw_response(Mechanism::OAuthBearer, "user@example.com", "vF9dft4qmT");
        assert_eq!(
            raw.as_str(),
            "n,a=user@example.com,\u{1}auth=Bearer vF9dft4qmT\u{1}\u{1}"
        );
        // RFC 5801 escaping of the authzid.
        let raw = raw_response(Mechanism::OAuthBearer, "a,b=c", "t");
        assert!(raw.starts_with("n,a=a=2Cb=3Dc,"), "{}", raw.as_str());
    }

    #[test]
    fn xoauth2_is_googles_form() {
        // Google's documented example.
        let r = initial_response(
            Mechanism::XOAuth2,
            "someuser@example.com",
            "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg",
        );
        assert_eq!(
            r.as_str(),
            "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="
        );
    }

    #[test]
    fn rfc_7628_error_json_is_decoded() {
        // RFC 7628 §4.3's failure challenge.
        let e = decode_error(
            "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=",
        )
        .unwrap();
        assert_eq!(e.status.as_deref(), Some("invalid_token"));
        assert_eq!(e.scope.as_deref(), Some("example_scope"));
        assert_eq!(
            e.openid_configuration.as_deref(),
            Some("https://example.com/.well-known/openid-configuration")
        );
        assert_eq!(e.kind(), ErrorKind::TokenRejected);
    }

    #[test]
    fn statuses_map_to_kinds() {
        let kind = |s: &str| {
            ErrorReply {
                status: Some(s.into()),
                ..Default::default()
            }
            .kind()
        };
        assert_eq!(kind("401"), ErrorKind::TokenRejected);
        assert_eq!(kind("400"), ErrorKind::TokenRejected);
        assert_eq!(kind("insufficient_scope"), ErrorKind::ScopeMissing);
        assert_eq!(kind("403"), ErrorKind::ScopeMissing);
        assert_eq!(kind("500"), ErrorKind::Temporary);
        assert_eq!(kind("invalid_request"), ErrorKind::Other);
        assert_eq!(ErrorReply::default().kind(), ErrorKind::Other);
    }

    #[test]
    fn garbage_challenges_decode_to_nothing() {
        assert_eq!(decode_error(""), None);
        assert_eq!(decode_error("not base64 !!"), None);
        assert_eq!(decode_error(&B64.encode("plain words")), None);
        assert_eq!(decode_error(&B64.encode("[1,2]")), None);
        assert_eq!(decode_error(&"A".repeat(MAX_CHALLENGE + 4)), None);
        // Numbers are kept, other types ignored, long values cut, control characters dropped.
        let e = decode_error(&B64.encode(format!(
            r#"{{"status":401,"scope":["x"],"schemes":"{}\n"}}"#,
            "b".repeat(2000)
        )))
        .unwrap();
        assert_eq!(e.status.as_deref(), Some("401"));
        assert_eq!(e.scope, None);
        assert_eq!(e.schemes.as_ref().map(String::len), Some(MAX_VALUE));
    }

    #[test]
    fn dummy_responses() {
        assert_eq!(
            B64.decode(Mechanism::OAuthBearer.dummy_response()).unwrap(),
            [1]
        );
        assert_eq!(Mechanism::XOAuth2.dummy_response(), "");
        assert_eq!(Mechanism::from_name("xoauth2"), Some(Mechanism::XOAuth2));
        assert_eq!(Mechanism::from_name("PLAIN"), None);
    }
}
