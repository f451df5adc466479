//! From verified servers to what the store saves: picks the chosen incoming server (IMAP or
//! POP3) and the outgoing SMTP server among the servers that verified (each with the
//! sign-in mechanism it took, `SavedServer`), and keeps the other verified servers as
//! alternatives. The store never sees a probe report: callers (`verify::verified_server`)
//! turn a report that verified into a `SavedServer` first. Used by `mailsetup diagnose …
//! --save` and the wizard's last page. Pure, no I/O.

use std::path::PathBuf;

use crate::account::{EmailAddress, Protocol};
use crate::trust::pin::EndpointPin;

use super::model::{SavedServer, SettingsSource, Timestamp, VerifiedAccount};

/// Why the verified servers do not make a saveable account.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotVerified {
    #[error("no incoming server (IMAP or POP3) verified, so there is nothing to save")]
    NoIncoming,
    #[error("no outgoing server (SMTP) verified, so there is nothing to save")]
    NoOutgoing,
}

/// What the caller knows besides the verified servers.
#[derive(Debug, Clone)]
pub struct AccountDetails {
    pub email: EmailAddress,
    /// The name for lists and sent mail; empty means "use the address".
    pub display_name: String,
    pub source: SettingsSource,
    /// The person agreed to send the password without encryption.
    pub allow_plaintext: bool,
    /// IMAP or POP3, when the person chose; otherwise the first verified incoming server in
    /// the given order is taken (callers list their preferred one first).
    pub incoming: Option<Protocol>,
    /// When the servers verified.
    pub verified_at: Timestamp,
    /// A certificate authority file (PEM) the person chose to trust for these servers; the
    /// store keeps a copy with the account.
    pub ca_file: Option<PathBuf>,
    /// Server keys the person trusted by their fingerprint (`verify::pinned_keys`); only
    /// those of the saved servers are kept.
    pub pinned_keys: Vec<EndpointPin>,
}

impl VerifiedAccount {
    /// The account these verified servers make: the first server of the wanted kind is
    /// chosen, every other one becomes an alternative (in the given order, without
    /// duplicates).
    pub fn from_servers(
        details: AccountDetails,
        verified: &[SavedServer],
    ) -> Result<Self, NotVerified> {
        let wanted_incoming = |s: &SavedServer| match details.incoming {
            Some(p) => s.settings.protocol == p,
            None => s.settings.protocol.is_incoming(),
        };
        let incoming = verified
            .iter()
            .find(|s| wanted_incoming(s))
            .cloned()
            .ok_or(NotVerified::NoIncoming)?;
        let outgoing = verified
            .iter()
            .find(|s| s.settings.protocol == Protocol::Smtp)
            .cloned()
            .ok_or(NotVerified::NoOutgoing)?;
        let mut alternatives: Vec<SavedServer> = Vec::new();
        for s in verified.iter().cloned() {
            if s.settings != incoming.settings
                && s.settings != outgoing.settings
                && !alternatives.iter().any(|a| a.settings == s.settings)
            {
                alternatives.push(s);
            }
        }
        let display_name = if details.display_name.trim().is_empty() {
            details.email.to_string()
        } else {
            details.display_name.trim().to_string()
        };
        let saved = |p: &EndpointPin| {
            std::iter::once(&incoming)
                .chain(std::iter::once(&outgoing))
                .chain(&alternatives)
                .any(|s| s.settings.host == p.host && s.settings.port == p.port)
        };
        let pinned_keys = details
            .pinned_keys
            .into_iter()
            .filter(|p| saved(p))
            .collect();
        Ok(VerifiedAccount {
            display_name,
            email: details.email,
            incoming,
            outgoing,
            alternatives,
            source: details.source,
            verified_at: details.verified_at,
            allow_plaintext: details.allow_plaintext,
            ca_file: details.ca_file,
            pinned_keys,
            oauth2: None,
        })
    }
}
