//! What signs in, one type for both doors: the person's password, or an OAuth 2.0 sign-in
//! (RFC 6749: the short-lived access token the servers get, the refresh token a save keeps,
//! and the login record that says where to refresh it). The window's effects, the runtime and
//! `mailsetup diagnose` carry a `Secret`; what the servers receive (`for_servers`), how the
//! probe sends it (`kind`) and what the keychain keeps (`to_keep`) are decided here once.
//!
//! Nothing here prints a secret: `Debug` shows only the kind and the issuer.

use std::fmt;

use secrecy::SecretString;

use crate::probe::SecretKind;
use crate::store::OAuth2Login;

/// The password, or the tokens of a provider sign-in.
#[derive(Clone)]
pub enum Secret {
    Password(SecretString),
    OAuth(Box<OAuthSecret>),
}

/// Tokens from a provider sign-in: the access token tests the servers, the refresh token is
/// what a save keeps in the keychain, `login` says where and for which client.
#[derive(Clone)]
pub struct OAuthSecret {
    pub access: SecretString,
    pub refresh: Option<SecretString>,
    pub login: OAuth2Login,
}

/// A sign-in whose provider handed out no refresh token: nothing could keep it signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the provider gave no refresh token, so the account could not stay signed in")]
pub struct NoRefreshToken;

impl Secret {
    /// What the servers receive: the password, or the access token.
    pub fn for_servers(&self) -> &SecretString {
        match self {
            Secret::Password(p) => p,
            Secret::OAuth(o) => &o.access,
        }
    }

    /// How the probe sends it: PLAIN/LOGIN/USER-PASS, or a SASL bearer mechanism (the one the
    /// server offers, OAUTHBEARER first).
    pub fn kind(&self) -> SecretKind {
        match self {
            Secret::Password(_) => SecretKind::Password,
            Secret::OAuth(_) => SecretKind::OAuth2 { mechanism: None },
        }
    }

    /// Whether this is a provider sign-in.
    pub fn is_oauth(&self) -> bool {
        matches!(self, Secret::OAuth(_))
    }

    /// What a save keeps: the password, or the refresh token — never the short-lived access
    /// token — with the login record the account file keeps beside it.
    pub fn to_keep(&self) -> Result<(SecretString, Option<OAuth2Login>), NoRefreshToken> {
        match self {
            Secret::Password(p) => Ok((p.clone(), None)),
            Secret::OAuth(o) => match &o.refresh {
                Some(refresh) => Ok((refresh.clone(), Some(o.login.clone()))),
                None => Err(NoRefreshToken),
            },
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Secret::Password(_) => f.write_str("Secret::Password([REDACTED])"),
            Secret::OAuth(o) => write!(f, "Secret::OAuth({o:?})"),
        }
    }
}

impl fmt::Debug for OAuthSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OAuthSecret({}, tokens: [REDACTED])", self.login.issuer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn login() -> OAuth2Login {
        OAuth2Login {
            issuer: "https://id.example.test".into(),
            provider: "https://id.example.test".into(),
            client_id: "mailsetup-test".into(),
            ..OAuth2Login::default()
        }
    }

    #[test]
    fn the_keychain_keeps_the_password_or_the_refresh_token_never_the_access_token() {
        let p = Secret::Password(SecretString::from("pw"));
        assert_eq!(p.for_servers().expose_secret(), "pw");
        let (kept, login_kept) = p.to_keep().unwrap();
        assert_eq!(kept.expose_secret(), "pw");
        assert!(login_kept.is_none());
        assert_eq!(p.kind(), SecretKind::Password);

        let o = Secret::OAuth(Box::new(OAuthSecret {
            access: SecretString::from("access"),
            refresh: Some(SecretString::from("refresh")),
            login: login(),
        }));
        assert_eq!(o.for_servers().expose_secret(), "access");
        let (kept, login_kept) = o.to_keep().unwrap();
        assert_eq!(kept.expose_secret(), "refresh");
        assert_eq!(login_kept, Some(login()));
        assert!(o.is_oauth());

        let none = Secret::OAuth(Box::new(OAuthSecret {
            access: SecretString::from("access"),
            refresh: None,
            login: login(),
        }));
        assert_eq!(none.to_keep().unwrap_err(), NoRefreshToken);
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let o = Secret::OAuth(Box::new(OAuthSecret {
            access: SecretString::from("access-XYZ"),
            refresh: Some(SecretString::from("refresh-XYZ")),
            login: login(),
        }));
        let p = Secret::Password(SecretString::from("pw-XYZ"));
        for shown in [format!("{o:?}"), format!("{p:?}")] {
            assert!(!shown.contains("XYZ"), "{shown}");
        }
    }
}
