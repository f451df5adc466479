//! Talking to the token endpoint (RFC 6749 §3.2) and learning whose account the tokens are.
//!
//! Requests are form posts with the client id in the body (a public client, RFC 6749 §2.3.1,
//! RFC 8252 §8.4), and the client secret only where the provider issued one:
//! - `authorization_code` with the PKCE verifier (RFC 6749 §4.1.3, RFC 7636 §4.5);
//! - `refresh_token` (RFC 6749 §6);
//! - both with the `resource` of RFC 8707 §2.2 when the sign-in names one (a client
//!   registered on the fly, `oauth::resource`);
//! - `urn:ietf:params:oauth:grant-type:device_code` (RFC 8628 §3.4), whose pending answers
//!   come back as `Poll::Pending` / `Poll::SlowDown`;
//! - and, to the revocation endpoint, a refresh token given back (RFC 7009 §2.1).
//!
//! A success (RFC 6749 §5.1) becomes `Tokens`; an error object (§5.2) becomes the typed
//! `OAuthError` (`invalid_grant`, `access_denied`, `expired_token` …) with the server's
//! description. Whose account: the id token's `email` claim (OpenID Connect Core §3.1.3.7:
//! received straight from the token endpoint over TLS, so its signature need not be checked
//! to read it), else the userinfo endpoint's; it must equal the address being set up.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::client::Client;
use super::error::{OAuthError, server_text};
use super::issuer::Issuer;
use super::secure::check_url;
use crate::account::EmailAddress;
use crate::discover::http::{Answer, HttpClient, Request};

/// What a token endpoint handed out.
pub struct Tokens {
    pub access: SecretString,
    pub refresh: Option<SecretString>,
    /// `expires_in`, when given.
    pub expires_in: Option<Duration>,
    /// The granted scope, when the server says it differs (RFC 6749 §5.1).
    pub scope: Option<String>,
    /// The `email` claim of the id token, when one came.
    pub id_email: Option<String>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("access", &"[REDACTED]")
            .field("refresh", &self.refresh.as_ref().map(|_| "[REDACTED]"))
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .field("id_email", &self.id_email)
            .finish()
    }
}

/// One answer while polling for a device grant.
#[derive(Debug)]
pub enum Poll {
    Done(Tokens),
    /// `authorization_pending`: ask again after the interval.
    Pending,
    /// `slow_down`: ask again, 5 seconds slower (RFC 8628 §3.5).
    SlowDown,
}

/// `application/x-www-form-urlencoded` (WHATWG URL §5.2): unreserved characters stay,
/// space is `+`, everything else is percent-encoded.
pub(crate) fn form(pairs: &[(&str, &str)]) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::new());
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_into(&mut out, k);
        out.push('=');
        encode_into(&mut out, v);
    }
    out
}

fn encode_into(out: &mut String, s: &str) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

/// The token endpoint of one issuer, as one client.
#[derive(Debug, Clone)]
pub struct TokenClient {
    pub http: HttpClient,
    pub issuer: Issuer,
    pub client: Client,
}

/// `text` with every value we sent (8 characters or more) replaced by `****`.
fn scrub(text: &str, sent: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (_, value) in sent {
        if value.len() >= 8 && out.contains(value) {
            out = out.replace(value, "****");
        }
    }
    out
}

/// The error object of RFC 6749 §5.2, when the body is one.
fn error_object(answer: &Answer) -> Option<(String, Option<String>)> {
    let v: serde_json::Value = serde_json::from_slice(&answer.body).ok()?;
    let code = v.get("error")?.as_str()?;
    let description = v
        .get("error_description")
        .and_then(|d| d.as_str())
        .map(server_text);
    Some((server_text(code), description))
}

impl TokenClient {
    /// Server text with every value we sent in `pairs`, and the client secret, masked.
    fn scrubbed(&self, text: &str, pairs: &[(&str, &str)]) -> String {
        let text = scrub(text, pairs);
        match &self.client.secret {
            Some(secret) => scrub(&text, &[("client_secret", secret.expose_secret())]),
            None => text,
        }
    }

    /// Posts a form to one of the issuer's endpoints as this client: the pairs, then
    /// `client_id`, and `client_secret` when the client has one (RFC 6749 §2.3.1).
    pub(crate) async fn post_as_client(
        &self,
        url: &str,
        pairs: &[(&str, &str)],
    ) -> Result<Answer, OAuthError> {
        let mut all: Vec<(&str, &str)> = pairs.to_vec();
        all.push(("client_id", &self.client.id));
        if let Some(secret) = &self.client.secret {
            all.push(("client_secret", secret.expose_secret()));
        }
        let body = form(&all);
        Ok(self
            .http
            .send(Request {
                url,
                form: Some(&body),
                bearer: None,
            })
            .await?)
    }

    /// Posts a grant to the token endpoint: `Ok(Ok(tokens))`, or the error code and
    /// description of a refusal (`Ok(Err(..))`), or a failure to ask at all.
    async fn grant(
        &self,
        pairs: &[(&str, &str)],
    ) -> Result<Result<Tokens, (String, Option<String>)>, OAuthError> {
        let url = self.issuer.token_url()?.to_string();
        let answer = self.post_as_client(&url, pairs).await?;
        match read_grant_answer(&url, &answer)? {
            Ok(tokens) => Ok(Ok(tokens)),
            // A server that quotes what we sent (a code, a refresh token) in its description
            // must not get it into a report.
            Err((code, description)) => Ok(Err((
                self.scrubbed(&code, pairs),
                description.map(|d| self.scrubbed(&d, pairs)),
            ))),
        }
    }

    /// The `resource` pair (RFC 8707 §2.2) when the sign-in names one (`oauth::resource`).
    fn resource(&self) -> Option<(&'static str, &str)> {
        self.issuer.resource.as_deref().map(|r| ("resource", r))
    }

    /// Exchanges an authorization code (RFC 6749 §4.1.3 with the PKCE verifier).
    pub async fn exchange_code(
        &self,
        code: &SecretString,
        verifier: &SecretString,
        redirect_uri: &str,
    ) -> Result<Tokens, OAuthError> {
        let mut pairs = vec![
            ("grant_type", "authorization_code"),
            ("code", code.expose_secret()),
            ("redirect_uri", redirect_uri),
            ("code_verifier", verifier.expose_secret()),
        ];
        pairs.extend(self.resource());
        let answer = self.grant(&pairs).await?;
        answer.map_err(|e| self.refusal(e))
    }

    /// A new access token from a refresh token (RFC 6749 §6). A new refresh token may come
    /// with it (rotation); the caller keeps whichever is newest.
    pub async fn refresh(&self, refresh: &SecretString) -> Result<Tokens, OAuthError> {
        let mut pairs = vec![
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.expose_secret()),
        ];
        pairs.extend(self.resource());
        let answer = self.grant(&pairs).await?;
        answer.map_err(|e| self.refusal(e))
    }

    /// Gives a refresh token back (RFC 7009 §2.1, `token_type_hint=refresh_token`): the
    /// grant ends at the provider. HTTP 200 is success, also for a token the server no
    /// longer knew (§2.2); an error object (§2.2.1) or any other status is a refusal.
    pub async fn revoke(&self, refresh: &SecretString) -> Result<(), OAuthError> {
        let url = self
            .issuer
            .endpoint(
                &self.issuer.revocation_endpoint,
                "a revocation endpoint (RFC 7009)",
            )?
            .to_string();
        let pairs = [
            ("token", refresh.expose_secret()),
            ("token_type_hint", "refresh_token"),
        ];
        let answer = self.post_as_client(&url, &pairs).await?;
        if answer.status == 200 {
            return Ok(());
        }
        Err(match error_object(&answer) {
            Some((code, description)) => OAuthError::Server {
                url,
                code: self.scrubbed(&code, &pairs),
                description: description.map(|d| self.scrubbed(&d, &pairs)),
            },
            None => OAuthError::Malformed {
                url,
                detail: format!("HTTP {} without an OAuth error object", answer.status),
            },
        })
    }

    /// One poll of the device grant (RFC 8628 §3.4, §3.5).
    pub async fn poll_device(&self, device_code: &SecretString) -> Result<Poll, OAuthError> {
        let answer = self
            .grant(&[
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("device_code", device_code.expose_secret()),
            ])
            .await?;
        match answer {
            Ok(tokens) => Ok(Poll::Done(tokens)),
            Err((code, _)) if code == "authorization_pending" => Ok(Poll::Pending),
            Err((code, _)) if code == "slow_down" => Ok(Poll::SlowDown),
            Err(e) => Err(self.refusal(e)),
        }
    }

    /// A §5.2 / RFC 8628 §3.5 error as its typed value.
    pub(crate) fn refusal(&self, (code, description): (String, Option<String>)) -> OAuthError {
        match code.as_str() {
            "access_denied" => OAuthError::Denied { description },
            "expired_token" => OAuthError::DeviceCodeExpired,
            "invalid_grant" => OAuthError::InvalidGrant { description },
            _ => OAuthError::Server {
                url: self.issuer.token_endpoint.clone().unwrap_or_default(),
                code,
                description,
            },
        }
    }

    /// Checks that the tokens belong to `expected`: the id token's email, else the userinfo
    /// endpoint's. Returns the email the provider gave, if it gave one.
    pub async fn check_account(
        &self,
        tokens: &Tokens,
        expected: &EmailAddress,
    ) -> Result<Option<String>, OAuthError> {
        let email = match &tokens.id_email {
            Some(e) => Some(e.clone()),
            None => self.userinfo_email(&tokens.access).await,
        };
        match email {
            Some(got) if !same_address(&got, expected) => Err(OAuthError::WrongAccount {
                expected: expected.to_string(),
                got,
            }),
            other => Ok(other),
        }
    }

    /// The userinfo endpoint's `email` (OpenID Connect Core §5.3); None when there is no
    /// endpoint or it says nothing usable (the mail server then has the last word).
    async fn userinfo_email(&self, access: &SecretString) -> Option<String> {
        let url = self.issuer.userinfo_endpoint.as_deref()?;
        check_url(url).ok()?;
        let answer = self
            .http
            .send(Request {
                url,
                form: None,
                bearer: Some(access.expose_secret()),
            })
            .await
            .ok()?;
        if answer.status != 200 {
            return None;
        }
        let v: serde_json::Value = serde_json::from_slice(&answer.body).ok()?;
        email_claim(&v)
    }
}

/// Whether a provider's email names the same mailbox as `expected` (case-insensitive; the
/// domain compared in its ASCII form).
fn same_address(got: &str, expected: &EmailAddress) -> bool {
    match EmailAddress::parse(got) {
        Ok(g) => g.to_ascii().eq_ignore_ascii_case(&expected.to_ascii()),
        Err(_) => false,
    }
}

/// `email`, else an address-shaped `preferred_username` (Microsoft's id tokens).
fn email_claim(v: &serde_json::Value) -> Option<String> {
    let email = v.get("email").and_then(|e| e.as_str());
    let preferred = v
        .get("preferred_username")
        .and_then(|e| e.as_str())
        .filter(|p| p.contains('@'));
    email.or(preferred).map(server_text)
}

/// The token endpoint's answer to a grant, read (pure; `grant` sends, then calls this, and
/// the fuzz targets call it on any bytes): HTTP 200 is `Tokens` (RFC 6749 §5.1), another
/// status with an error object is its code and description (§5.2, not yet scrubbed of what
/// was sent), anything else `Malformed`.
pub fn read_grant_answer(
    url: &str,
    answer: &Answer,
) -> Result<Result<Tokens, (String, Option<String>)>, OAuthError> {
    if answer.status == 200 {
        return parse_tokens(url, answer).map(Ok);
    }
    match error_object(answer) {
        Some(refusal) => Ok(Err(refusal)),
        None => Err(OAuthError::Malformed {
            url: url.to_string(),
            detail: format!("HTTP {} without an OAuth error object", answer.status),
        }),
    }
}

/// The `email` claim of an id token (a JWT, RFC 7519): the payload's JSON, unverified.
pub fn id_token_email(jwt: &str) -> Option<String> {
    let payload = jwt.split('.').nth(1)?;
    if payload.len() > 64 * 1024 {
        return None;
    }
    let bytes = B64URL.decode(payload.trim_end_matches('=')).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    email_claim(&v)
}

fn parse_tokens(url: &str, answer: &Answer) -> Result<Tokens, OAuthError> {
    let malformed = |detail: &str| OAuthError::Malformed {
        url: url.to_string(),
        detail: detail.to_string(),
    };
    let v: serde_json::Value = serde_json::from_slice(&answer.body)
        .map_err(|_| malformed("the token answer is not JSON"))?;
    let text = |name: &str| v.get(name).and_then(|t| t.as_str());
    let access = text("access_token").ok_or_else(|| malformed("no access_token"))?;
    if !text("token_type").is_some_and(|t| t.eq_ignore_ascii_case("bearer")) {
        return Err(malformed("the token type is not Bearer"));
    }
    Ok(Tokens {
        access: SecretString::from(access),
        refresh: text("refresh_token").map(SecretString::from),
        expires_in: v
            .get("expires_in")
            .and_then(|e| e.as_u64())
            .map(Duration::from_secs),
        scope: text("scope").map(server_text),
        id_email: text("id_token").and_then(id_token_email),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_quoting_what_we_sent_is_scrubbed() {
        let sent = [("refresh_token", "RT-secret-123456"), ("client_id", "c")];
        assert_eq!(
            scrub("refresh token RT-secret-123456 is revoked", &sent),
            "refresh token **** is revoked"
        );
        assert_eq!(scrub("c is fine", &sent), "c is fine");
    }

    #[test]
    fn forms_encode_like_browsers() {
        let f = form(&[("a b", "x/y+z"), ("scope", "openid email"), ("e", "é")]);
        assert_eq!(f.as_str(), "a+b=x%2Fy%2Bz&scope=openid+email&e=%C3%A9");
    }

    #[test]
    fn id_token_email_is_read_from_the_payload() {
        let payload = B64URL.encode(r#"{"sub":"1","email":"Alice@Example.org"}"#);
        let jwt = format!("eyJhbGciOiJSUzI1NiJ9.{payload}.sig");
        assert_eq!(id_token_email(&jwt).as_deref(), Some("Alice@Example.org"));
        let expected = EmailAddress::parse("alice@example.org").unwrap();
        assert!(same_address("Alice@Example.org", &expected));
        assert!(!same_address("bob@example.org", &expected));
        assert!(!same_address("not an address", &expected));
        let ms = B64URL.encode(r#"{"preferred_username":"a@outlook.com"}"#);
        assert_eq!(
            id_token_email(&format!("h.{ms}.s")).as_deref(),
            Some("a@outlook.com")
        );
        assert_eq!(id_token_email("garbage"), None);
        assert_eq!(id_token_email("a.!!!.c"), None);
    }

    #[test]
    fn token_answers_parse_and_debug_hides_them() {
        let answer = Answer {
            url: "https://id.example/token".into(),
            status: 200,
            body: Zeroizing::new(
                br#"{"access_token":"AT-123456789","token_type":"Bearer","expires_in":3600,"refresh_token":"RT-987654321"}"#
                    .to_vec(),
            ),
        };
        let t = parse_tokens(&answer.url, &answer).unwrap();
        assert_eq!(t.access.expose_secret(), "AT-123456789");
        assert_eq!(t.expires_in, Some(Duration::from_secs(3600)));
        let shown = format!("{t:?}");
        assert!(
            !shown.contains("AT-123") && !shown.contains("RT-987"),
            "{shown}"
        );
        let mac = Answer {
            body: Zeroizing::new(br#"{"access_token":"x","token_type":"mac"}"#.to_vec()),
            ..answer
        };
        assert!(matches!(
            parse_tokens(&mac.url, &mac),
            Err(OAuthError::Malformed { .. })
        ));
    }
}
