//! From live test results to what the store saves: picks the chosen incoming server (IMAP or
//! POP3) and the outgoing SMTP server among the probes that verified, and keeps the other
//! verified servers as alternatives. Used by `mailsetup diagnose … --save` and the wizard's
//! last page. Pure, no I/O.

use crate::account::{EmailAddress, Protocol};
use crate::probe::ProbeReport;
use crate::probe::pin::EndpointPin;

use super::model::{SavedServer, SettingsSource, Timestamp, VerifiedAccount};

/// Why the reports do not make a saveable account.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotVerified {
    #[error("no incoming server (IMAP or POP3) verified, so there is nothing to save")]
    NoIncoming,
    #[error("no outgoing server (SMTP) verified, so there is nothing to save")]
    NoOutgoing,
}

/// What the caller knows besides the reports.
#[derive(Debug, Clone)]
pub struct AccountDetails {
    pub email: EmailAddress,
    /// The name for lists and sent mail; empty means "use the address".
    pub display_name: String,
    pub source: SettingsSource,
    /// The person agreed to send the password without encryption.
    pub allow_plaintext: bool,
    /// IMAP or POP3, when the person chose; otherwise the first verified incoming server in
    /// report order is taken (callers list their preferred one first).
    pub incoming: Option<Protocol>,
    /// When the probes ran.
    pub verified_at: Timestamp,
}

impl VerifiedAccount {
    /// The account the verified reports describe. Failed reports are ignored; the first
    /// verified server of the wanted kind is chosen, every other verified one becomes an
    /// alternative (in report order, without duplicates).
    pub fn from_reports(
        details: AccountDetails,
        reports: &[ProbeReport],
    ) -> Result<Self, NotVerified> {
        let verified: Vec<SavedServer> = reports
            .iter()
            .filter_map(SavedServer::from_report)
            .collect();
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
        for s in verified {
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
        let pinned_keys = pins_of(reports, &incoming, &outgoing, &alternatives);
        Ok(VerifiedAccount {
            display_name,
            email: details.email,
            incoming,
            outgoing,
            alternatives,
            source: details.source,
            verified_at: details.verified_at,
            allow_plaintext: details.allow_plaintext,
            pinned_keys,
        })
    }
}

/// The keys that verified only because they were pinned, for the servers being saved.
fn pins_of(
    reports: &[ProbeReport],
    incoming: &SavedServer,
    outgoing: &SavedServer,
    alternatives: &[SavedServer],
) -> Vec<EndpointPin> {
    let saved = |r: &ProbeReport| {
        std::iter::once(incoming)
            .chain(std::iter::once(outgoing))
            .chain(alternatives)
            .any(|s| s.settings == r.server)
    };
    let mut out: Vec<EndpointPin> = Vec::new();
    for r in reports.iter().filter(|r| r.is_verified() && saved(r)) {
        let Some(tls) = r.tls.as_ref().filter(|t| t.pinned) else {
            continue;
        };
        let Some(pin) = tls
            .certificates
            .first()
            .and_then(|c| c.spki_sha256.parse().ok())
        else {
            continue;
        };
        let p = EndpointPin {
            host: r.server.host.clone(),
            port: r.server.port,
            spki_sha256: pin,
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}
