//! A real Dovecot whose only sign-in is OAuth2: SASL XOAUTH2 and OAUTHBEARER (RFC 7628) on
//! IMAP, POP3 and submission, each bearer token checked by Dovecot's `oauth2` passdb against
//! the test authorization server's introspection endpoint (RFC 7662, POST with the `dovecot`
//! client's credentials, over HTTPS trusting the test CA). The token's `email` must equal the
//! user name the client sends; `active` must be true. Users, listeners and the mail layout are
//! those of `dovecot` (the passwd-file stays the userdb).
//!
//! Replies seen from Dovecot 2.3.19 (the server's error is a base64 JSON challenge, which the
//! client answers — OAUTHBEARER with `AQ==` (one 0x01), XOAUTH2 with an empty line — before
//! the final failure):
//! - XOAUTH2: `{"status":"401","schemes":"bearer","scope":"mail"}`;
//! - OAUTHBEARER: `{"status":"invalid_token"}`;
//! - then `NO [AUTHENTICATIONFAILED] Authentication failed.` / `-ERR [AUTH] …` / `535 5.7.8 …`.
//!
//! The status depends on the mechanism only (XOAUTH2: `401`, OAUTHBEARER: `invalid_token`),
//! never on the cause: inactive, revoked, expired, unknown and another user's token look the
//! same. With the authorization server unreachable there is no challenge, only a temporary
//! failure: `NO [UNAVAILABLE] Temporary authentication failure.` / `-ERR [SYS/TEMP] …` /
//! `454 4.7.0 …`.

use std::ops::Deref;
use std::process::Command;

use super::dovecot::{Auth, Dovecot, Relay};
use super::oidc::{AuthServer, auth_server};

/// The `dovecot-oauth2.conf.ext` for `server`.
pub fn oauth2_conf(server: &AuthServer) -> String {
    format!(
        "# Written by the mailsetup test harness.\n\
         introspection_mode = post\n\
         introspection_url = {url}\n\
         username_attribute = email\n\
         active_attribute = active\n\
         active_value = true\n\
         tls_ca_cert_file = {ca}\n\
         timeout_msecs = 10000\n",
        url = server.introspection_url_with_credentials(),
        ca = server.ca_file.display(),
    )
}

/// A Dovecot of one's own checking tokens with `server`; stopped on drop.
pub struct OAuthDovecot {
    dovecot: Dovecot,
}

impl Deref for OAuthDovecot {
    type Target = Dovecot;
    fn deref(&self) -> &Dovecot {
        &self.dovecot
    }
}

impl Drop for OAuthDovecot {
    fn drop(&mut self) {
        // Ours, by its id (setpriv execs Dovecot, so the id is Dovecot's master).
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.dovecot.pid.to_string())
            .status();
    }
}

/// Starts a Dovecot that signs users in with OAuth2 tokens from `server`.
pub fn dovecot_with_oauth(server: &AuthServer) -> OAuthDovecot {
    OAuthDovecot {
        dovecot: Dovecot::start(
            Relay::Sink,
            &Auth::OAuth2 {
                conf: oauth2_conf(server),
            },
        ),
    }
}

/// The OAuth2 Dovecot of this test process, checking tokens with `auth_server()`; started on
/// first use.
pub fn oauth_dovecot() -> &'static Dovecot {
    static DOVECOT: std::sync::LazyLock<OAuthDovecot> =
        std::sync::LazyLock::new(|| dovecot_with_oauth(auth_server()));
    &DOVECOT
}
