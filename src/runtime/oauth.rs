//! The runtime's side of "Sign in with <provider>" for providers the built-in table does not
//! know: the `<oAuth2>` block discovery finds for a domain, remembered per domain so that the
//! sign-in (`oauth::session::sign_in_in_browser`) uses the issuer the button was named after.
//!
//! In order: when the address is typed (`Effect::LookUpNote`), the table or the configured
//! issuer answers at once; when neither knows the domain and it stays the typed one for a
//! moment, its `.well-known` autoconfig file and the ISPDB are asked (neither request
//! carries the address); the full discovery after
//! Next adds the provider's own autoconfig (which does). Only a block the engine may use
//! without asking (`DiscoveredOAuth2::is_trusted`: verified HTTPS) names a button; the choice
//! is `oauth::session::Overrides::resolve`'s, the same call the command line makes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::account::EmailAddress;
use crate::discover::{DiscoveredOAuth2, DiscoveryOptions, SourceId};
use crate::wizard::Event;

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

/// While the address is typed: the `.well-known` file and the ISPDB for a domain the table
/// and the configuration do not know, once the domain stayed the same for `SETTLE`.
pub(crate) async fn look_up(
    domain: &str,
    config: &RuntimeConfig,
    found: &Found,
    sender: &EventSender,
) {
    // The local part is never sent by these two sources.
    let Ok(email) = EmailAddress::parse(&format!("postmaster@{domain}")) else {
        return;
    };
    if config.oauth.knows(&email) {
        return;
    }
    tokio::time::sleep(SETTLE).await;
    if !found.is_latest(domain) {
        return;
    }
    let opts = DiscoveryOptions {
        sources: [SourceId::WellKnown, SourceId::Ispdb].into_iter().collect(),
        ..config.discovery.clone()
    };
    let block = crate::discover::discover(&email, &opts).await.oauth2;
    found.offer(&email, block, config, sender);
}
