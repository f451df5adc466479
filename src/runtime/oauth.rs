//! The window's OAuth 2.0 sign-ins, run through the engine's shared sign-in
//! (`oauth::session`): "Sign in with <provider>" (authorization code with PKCE through the
//! browser and a loopback redirect, RFC 7636 / RFC 8252), the same as
//! `diagnose --oauth --browser`; the sign-in with a code on another device (the device
//! authorization grant, RFC 8628), the same as `diagnose --oauth`; and, for providers the
//! built-in table does not know, the `<oAuth2>` block discovery finds for a domain,
//! remembered per domain so that the sign-in uses the issuer the button was named after.
//!
//! In order: when the address is typed (`Effect::LookUpNote`), the table or the configured
//! issuer answers at once; when neither knows the domain and it stays the typed one for a
//! moment, its `.well-known` autoconfig file, the ISPDB and Autodiscover are asked (none
//! carries the person's address; Autodiscover asks for postmaster@ the domain, and Microsoft
//! 365's note comes from there); the full discovery after Next adds the provider's own autoconfig
//! (which does). Only a block the engine may use without asking
//! (`DiscoveredOAuth2::is_trusted`: verified HTTPS) names a button; the choice is
//! `oauth::session::Overrides::resolve`'s, the same call the command line makes. For the
//! code, the provider's answer (page, user code, lifetime) goes to the window as
//! `DeviceCodeShown` as soon as it comes; the poll runs until approval, refusal or expiry;
//! then the tokens (or the failure's code, words and advice) as one `SignedIn`. The device
//! code and the tokens never leave in anything but that answer.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::account::EmailAddress;
use crate::discover::{DiscoveredOAuth2, DiscoveryOptions, ProviderNotes, SourceId};
use crate::oauth::session::{self, Reach, Session, SessionError};
use crate::wizard::{DeviceCode, Event, OAuthProblem, OAuthSecret, TaskId};

use super::{EventSender, RuntimeConfig};

/// How long the typed domain must stay the same before its files are asked for (each
/// keystroke names another domain: "example.c", "example.co", "example.com").
const SETTLE: Duration = Duration::from_millis(700);

/// Blocks found per ASCII domain, and the domain typed last.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    blocks: Arc<Mutex<HashMap<String, DiscoveredOAuth2>>>,
    latest: Arc<Mutex<String>>,
}

impl Found {
    /// The domain now typed (called in the order the window typed them).
    pub(crate) fn typed(&self, domain: &str) {
        *self.latest.lock().unwrap_or_else(|e| e.into_inner()) = domain.to_string();
    }

    fn is_latest(&self, domain: &str) -> bool {
        *self.latest.lock().unwrap_or_else(|e| e.into_inner()) == domain
    }

    /// The block remembered for the address's domain.
    pub(crate) fn get(&self, email: &EmailAddress) -> Option<DiscoveredOAuth2> {
        let map = self.blocks.lock().unwrap_or_else(|e| e.into_inner());
        map.get(email.domain_ascii()).cloned()
    }

    /// Remembers a block when it names a button for the address, and tells the window.
    pub(crate) fn offer(
        &self,
        email: &EmailAddress,
        block: Option<DiscoveredOAuth2>,
        config: &RuntimeConfig,
        sender: &EventSender,
    ) {
        let Some(block) = block else { return };
        if config.oauth.knows(email) {
            return;
        }
        let Some(name) = config.oauth.provider_name(email, Some(&block)) else {
            return;
        };
        let domain = email.domain_ascii().to_string();
        self.blocks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(domain.clone(), block);
        sender.send(Event::OAuthAvailable {
            domain,
            provider: Some(name),
        });
    }
}

/// While the address is typed: the `.well-known` file, the ISPDB and Autodiscover (with
/// Microsoft 365's word when the MX is Microsoft's) for a domain the table and the
/// configuration do not know, once the domain stayed the same for `SETTLE`. Returns the
/// provider they recognise, for the window's note before the password is typed.
pub(crate) async fn look_up(
    domain: &str,
    config: &RuntimeConfig,
    found: &Found,
    sender: &EventSender,
) -> Option<ProviderNotes> {
    // The person's local part is never sent: Autodiscover asks for postmaster@<domain>.
    let Ok(email) = EmailAddress::parse(&format!("postmaster@{domain}")) else {
        return None;
    };
    if config.oauth.knows(&email) {
        return None;
    }
    tokio::time::sleep(SETTLE).await;
    if !found.is_latest(domain) {
        return None;
    }
    let opts = DiscoveryOptions {
        sources: [
            SourceId::WellKnown,
            SourceId::Pacc,
            SourceId::Ispdb,
            SourceId::Autodiscover,
        ]
        .into_iter()
        .collect(),
        ..config.discovery.clone()
    };
    let result = crate::discover::discover(&email, &opts).await;
    found.offer(&email, result.oauth2, config, sender);
    // Microsoft 365 recognised (its MX and its own word): the note before a password.
    result.provider.filter(|_| found.is_latest(domain))
}

/// "Sign in with <provider>": the browser flow; a failure comes back with its code and
/// advice.
pub(super) async fn sign_in(
    email: &EmailAddress,
    discovered: Option<&DiscoveredOAuth2>,
    config: &RuntimeConfig,
) -> Result<Box<OAuthSecret>, OAuthProblem> {
    // No server is chosen yet when the account page signs in: no resource (RFC 8707) is
    // named, and a client registered on the spot gets tokens as the issuer gives them.
    let session = session::sign_in_in_browser(
        email,
        &config.oauth,
        discovered,
        &reach(config),
        config.config_dir.as_deref(),
        None,
    )
    .await;
    grant(session)
}

/// "Use a code on another device instead": the device flow; the code is shown as soon as
/// the provider gives it.
pub(super) async fn sign_in_with_code(
    task: TaskId,
    email: &EmailAddress,
    discovered: Option<&DiscoveredOAuth2>,
    config: &RuntimeConfig,
    sender: &EventSender,
) -> Result<Box<OAuthSecret>, OAuthProblem> {
    let session = session::sign_in_with_code(
        email,
        &config.oauth,
        discovered,
        &reach(config),
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

/// How the window reaches the issuer: as discovery reaches servers, with the extra roots.
fn reach(config: &RuntimeConfig) -> Reach {
    Reach {
        roots: config.extra_roots.clone(),
        ..Reach::of_discovery(&config.discovery)
    }
}

/// The tokens for the wizard, or the failure in its words.
fn grant(session: Result<Session, SessionError>) -> Result<Box<OAuthSecret>, OAuthProblem> {
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
    Ok(Box::new(OAuthSecret {
        access: session.access,
        refresh: session.refresh,
        login: session.login,
    }))
}
