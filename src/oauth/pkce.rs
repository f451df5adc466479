//! Proof Key for Code Exchange (RFC 7636) and the `state` value (RFC 6749 §10.12) of one
//! authorization request.
//!
//! In order: 32 random octets from the system's generator become the `code_verifier`
//! (base64url without padding, 43 characters, §4.1); its SHA-256, base64url, is the
//! `code_challenge` sent with method `S256` (§4.2); the verifier goes only to the token
//! endpoint. `state` is 16 more random octets; the redirect's `state` must equal it,
//! compared in constant time, or the answer is not ours.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use ring::rand::{SecureRandom, SystemRandom};
use secrecy::SecretString;

/// The system's random generator failed (it practically never does).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the system's random number generator failed")]
pub struct RandomError;

fn random_b64(octets: usize) -> Result<String, RandomError> {
    let mut buf = vec![0u8; octets];
    SystemRandom::new()
        .fill(&mut buf)
        .map_err(|_| RandomError)?;
    Ok(B64URL.encode(&buf))
}

/// A code verifier and its S256 challenge.
pub struct Pkce {
    verifier: SecretString,
    /// `code_challenge` (base64url SHA-256 of the verifier).
    pub challenge: String,
}

impl std::fmt::Debug for Pkce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkce")
            .field("verifier", &"[REDACTED]")
            .field("challenge", &self.challenge)
            .finish()
    }
}

impl Pkce {
    /// A fresh verifier of 32 random octets (RFC 7636 §4.1 recommends exactly this).
    pub fn generate() -> Result<Self, RandomError> {
        Ok(Self::from_verifier(random_b64(32)?))
    }

    /// The pair for a given verifier (tests use RFC 7636 appendix B).
    pub fn from_verifier(verifier: String) -> Self {
        let digest = ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes());
        Self {
            challenge: B64URL.encode(digest.as_ref()),
            verifier: SecretString::from(verifier),
        }
    }

    /// `code_challenge_method`.
    pub fn method(&self) -> &'static str {
        "S256"
    }

    /// The verifier, for the token request only.
    pub fn verifier(&self) -> &SecretString {
        &self.verifier
    }
}

/// The `state` of one authorization request.
#[derive(Clone)]
pub struct State(String);

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("State([REDACTED])")
    }
}

impl State {
    /// 16 random octets, base64url.
    pub fn generate() -> Result<Self, RandomError> {
        Ok(Self(random_b64(16)?))
    }

    /// A given value (tests).
    pub fn from_value(value: &str) -> Self {
        Self(value.to_string())
    }

    /// The value sent in the authorization request.
    pub fn value(&self) -> &str {
        &self.0
    }

    /// Whether `returned` is this state (constant time in the length of ours).
    pub fn matches(&self, returned: Option<&str>) -> bool {
        let Some(returned) = returned else {
            return false;
        };
        let (a, b) = (self.0.as_bytes(), returned.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[cfg(test)]
fn expose(p: &Pkce) -> &str {
    use secrecy::ExposeSecret;
    p.verifier.expose_secret()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_7636_appendix_b_vector() {
        let p = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        assert_eq!(p.challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assert_eq!(p.method(), "S256");
        assert!(!format!("{p:?}").contains("dBjftJeZ"));
    }

    #[test]
    fn generated_verifiers_are_43_characters_and_differ() {
        let a = Pkce::generate().unwrap();
        let b = Pkce::generate().unwrap();
        assert_eq!(expose(&a).len(), 43);
        assert!(
            expose(&a)
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_ne!(expose(&a), expose(&b));
    }

    #[test]
    fn state_must_match_exactly() {
        let s = State::generate().unwrap();
        assert!(s.matches(Some(s.value())));
        assert!(!s.matches(None));
        assert!(!s.matches(Some("")));
        assert!(!s.matches(Some(&format!("{}x", s.value()))));
        let mut other = s.value().to_string();
        other.replace_range(0..1, if other.starts_with('A') { "B" } else { "A" });
        assert!(!s.matches(Some(&other)));
        assert!(!format!("{s:?}").contains(s.value()));
    }
}
