//! OAuth 2.0 sign-in (RFC 6749) for the providers that turned mail passwords off.
//!
//! In order: an `Issuer` says where the provider's authorization server is and which scopes
//! and client id to use (`issuer`); a flow gets tokens — the device authorization grant
//! (RFC 8628, `device`) or the authorization code with PKCE (RFC 7636, `pkce`) through the
//! system browser and a loopback redirect (RFC 8252, `loopback`); `token` talks to the token
//! endpoint (exchange, refresh, errors of RFC 6749 §5.2) and checks whose account the tokens
//! are for. With no client id configured, an issuer a vouched source named gets mailsetup
//! registered on the spot (draft-ietf-mailmaint-oauth-public: `metadata` reads RFC 8414,
//! `register` does RFC 7591, `resource` names the mail server for RFC 8707); the access
//! token then signs in to IMAP, POP3 and SMTP with SASL (RFC 7628, the
//! wire forms are the probe's `probe::sasl`) and the refresh token goes to the keychain.
//!
//! Every token, code and verifier is a `SecretString`: never in Debug, logs, reports or files.

pub mod client;
pub mod device;
pub mod error;
pub mod issuer;
pub mod loopback;
pub mod metadata;
pub mod pkce;
pub mod register;
pub mod resource;
pub mod secure;
pub mod session;
pub mod token;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::CertificateDer;

pub use client::{Client, ClientFile, ClientSources};
pub use error::OAuthError;
pub use issuer::Issuer;
pub use token::{TokenClient, Tokens};

use crate::account::EmailAddress;
use crate::discover::http::{HttpClient, HttpSettings};
use crate::net::HostResolver;

/// How long the person has to finish signing in in the browser.
pub const BROWSER_DEADLINE: Duration = Duration::from_secs(10 * 60);

/// Tokens that belong to the address, and the email the provider confirmed (None when it
/// names none; the mail server then has the last word).
#[derive(Debug)]
pub struct SignedIn {
    pub tokens: Tokens,
    pub confirmed_email: Option<String>,
}

/// The HTTPS client for authorization servers: verified TLS (platform roots plus
/// `extra_roots`), names through `resolver` unless `overrides` say otherwise, 15 s per
/// request, 64 KiB answers, and no redirect followed: a token, device or revocation request
/// sent on by a 307/308 would carry the code, the refresh token or the client secret to
/// another address (`OAuthError::RedirectRefused`).
pub fn http_client(
    extra_roots: Vec<CertificateDer<'static>>,
    resolver: Arc<dyn HostResolver>,
    overrides: BTreeMap<String, Vec<std::net::SocketAddr>>,
) -> Result<HttpClient, OAuthError> {
    let settings = HttpSettings {
        max_body: 64 * 1024,
        max_redirects: 0,
        timeout: Duration::from_secs(15),
        port: None,
    };
    Ok(HttpClient::new(settings, extra_roots, resolver, overrides)?)
}

/// The device flow: `show` tells the person where to go and which code to type; then the
/// tokens once approved, checked to belong to `email`.
pub async fn device_sign_in(
    tc: &TokenClient,
    email: &EmailAddress,
    show: impl FnOnce(&device::DeviceStart),
) -> Result<SignedIn, OAuthError> {
    let started = device::start(tc).await?;
    show(&started);
    let tokens = device::wait(tc, &started).await?;
    checked(tc, tokens, email).await
}

/// The browser flow (PKCE, loopback redirect): `open` opens the authorization URL.
pub async fn browser_sign_in(
    tc: &TokenClient,
    email: &EmailAddress,
    deadline: Duration,
    open: impl FnOnce(&str) -> Result<(), OAuthError>,
) -> Result<SignedIn, OAuthError> {
    let tokens = loopback::sign_in(tc, &email.to_ascii(), deadline, open).await?;
    checked(tc, tokens, email).await
}

/// A new access token from a saved refresh token, checked to belong to `email`.
pub async fn refresh(
    tc: &TokenClient,
    email: &EmailAddress,
    refresh_token: &secrecy::SecretString,
) -> Result<SignedIn, OAuthError> {
    let tokens = tc.refresh(refresh_token).await?;
    checked(tc, tokens, email).await
}

async fn checked(
    tc: &TokenClient,
    tokens: Tokens,
    email: &EmailAddress,
) -> Result<SignedIn, OAuthError> {
    let confirmed_email = tc.check_account(&tokens, email).await?;
    Ok(SignedIn {
        tokens,
        confirmed_email,
    })
}
