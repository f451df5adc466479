//! The window's OAuth 2.0 sign-ins, run through the engine's shared sign-in
//! (`oauth::session`): "Sign in with <provider>" (authorization code with PKCE through the
//! browser and a loopback redirect, RFC 7636 / RFC 8252), the same as
//! `diagnose --oauth --browser`; and the sign-in with a code on another device (the device
//! authorization grant, RFC 8628), the same as `diagnose --oauth`.
//!
//! In order for the code: the provider's answer (page, user code, lifetime) goes to the
//! window as `DeviceCodeShown` as soon as it comes; the poll runs until approval, refusal or
//! expiry; then the tokens (or the failure's code, words and advice) as one `SignedIn`. The
//! device code and the tokens never leave in anything but that answer.

use std::time::Instant;

use crate::account::EmailAddress;
use crate::oauth::session::{self, Session, SessionError};
use crate::wizard::{DeviceCode, Event, OAuthGrant, OAuthProblem, TaskId};

use super::{EventSender, RuntimeConfig};

/// "Sign in with <provider>": the browser flow; a failure comes back with its code and
/// advice.
pub(super) async fn sign_in(
    email: &EmailAddress,
    config: &RuntimeConfig,
) -> Result<Box<OAuthGrant>, OAuthProblem> {
    let session = session::sign_in_in_browser(
        email,
        &config.oauth,
        config.extra_roots.clone(),
        config.config_dir.as_deref(),
    )
    .await;
    grant(session)
}

/// "Use a code on another device instead": the device flow; the code is shown as soon as
/// the provider gives it.
pub(super) async fn sign_in_with_code(
    task: TaskId,
    email: &EmailAddress,
    config: &RuntimeConfig,
    sender: &EventSender,
) -> Result<Box<OAuthGrant>, OAuthProblem> {
    let session = session::sign_in_with_code(
        email,
        &config.oauth,
        config.extra_roots.clone(),
        config.config_dir.as_deref(),
        |start| {
            sender.send(Event::DeviceCodeShown {
                task,
                code: DeviceCode {
                    user_code: start.user_code.clone(),
                    verification_uri: start.verification_uri.clone(),
                    verification_uri_complete: start.verification_uri_complete.clone(),
                    expires_at: Instant::now() + start.expires_in,
                },
            });
        },
    )
    .await;
    grant(session)
}

/// The tokens for the wizard, or the failure in its words.
fn grant(session: Result<Session, SessionError>) -> Result<Box<OAuthGrant>, OAuthProblem> {
    let session = session.map_err(|e| match e {
        SessionError::OAuth(e) => OAuthProblem {
            code: e.code().to_string(),
            summary: crate::wizard::capitalise(&e.summary()),
            advice: e.advice().to_string(),
        },
        SessionError::Usage(why) => OAuthProblem {
            code: "oauth_configuration".into(),
            summary: crate::wizard::capitalise(&why),
            advice: String::new(),
        },
    })?;
    Ok(Box::new(OAuthGrant {
        access: session.access,
        refresh: session.refresh,
        login: session.login,
    }))
}
