//! Who receives the password, in the wizard (RFC 6186 §6, made stricter; the rule itself is
//! `discover::vouch`).
//!
//! In order: the page before testing (protocol choice or manual settings) lists every host
//! that will receive the password, each with where it came from (`recipients`); a host
//! nothing vouches for (an SRV or MX target outside the domain, settings learned over plain
//! HTTP, a redirect off the domain) carries the question that names it and says how it was
//! found, and tests start only once the person ticked it (`Event::ConfirmHost`). "Try
//! another server" on such a host is itself the confirmation: its button names the host and
//! the question. `start_tests` checks again and never starts a test on a host that is not
//! cleared.
//!
//! Every consent is per host and per run: confirmed hosts are forgotten when a new lookup
//! starts; allowing plaintext or an extra certificate authority on the manual page holds for
//! the hosts of that form only, so it does not carry over to another server.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::account::{Security, ServerSettings};

use super::manual::ServerForm;
use super::types::{Offer, Recipient, Role};
use super::{Page, Wizard};

/// The person's consents of this run.
#[derive(Debug, Clone, Default)]
pub(super) struct Consents {
    /// Hosts the person confirmed or typed in this run (ASCII, lower case).
    pub hosts: BTreeSet<String>,
    /// Hosts the person allowed to receive the password unencrypted.
    pub plaintext: BTreeSet<String>,
    /// A certificate authority file the person trusts, and the hosts it was accepted for.
    pub extra_ca: Option<(PathBuf, BTreeSet<String>)>,
    /// Next was pressed while a host still needed confirming.
    pub show_problem: bool,
    /// Server keys the person trusted ("Trust this server's key"), each for one host:port.
    pub pinned_keys: Vec<crate::trust::pin::EndpointPin>,
}

fn host_key(host: &str) -> String {
    host.trim().trim_end_matches('.').to_ascii_lowercase()
}

impl Wizard {
    /// The hosts that will receive the password if the tests start from this page, each with
    /// where it came from and, when nothing vouches for it, the question to confirm.
    pub fn recipients(&self) -> Vec<Recipient> {
        match self.page {
            Page::Protocol => match self.planned() {
                Some((i, o)) => vec![
                    self.recipient_of_offer(Role::Incoming, &i),
                    self.recipient_of_offer(Role::Outgoing, &o),
                ],
                None => Vec::new(),
            },
            Page::Manual => match &self.manual {
                Some(form) => Role::BOTH
                    .into_iter()
                    .filter(|role| form.server(*role).host_valid())
                    .map(|role| self.recipient_of_form(role, form.server(role)))
                    .collect(),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// Shown under the list when Next was pressed before every host was confirmed.
    pub fn consent_problem(&self) -> Option<String> {
        (self.consents.show_problem && !self.recipients().iter().all(Recipient::cleared))
            .then(|| t!("consent-problem"))
    }

    /// Whether the person confirmed `host` in this run.
    pub fn host_confirmed(&self, host: &str) -> bool {
        self.consents.hosts.contains(&host_key(host))
    }

    /// The servers the protocol page would test: the best offer for the chosen incoming
    /// protocol and for SMTP.
    pub(super) fn planned(&self) -> Option<(Offer, Offer)> {
        let protocol = self.protocol();
        let i = self
            .offers_for(Role::Incoming, protocol)
            .into_iter()
            .next()?;
        let o = self
            .offers_for(Role::Outgoing, crate::account::Protocol::Smtp)
            .into_iter()
            .next()?;
        Some((i, o))
    }

    pub(super) fn confirm_host(&mut self, host: &str, confirmed: bool) {
        let key = host_key(host);
        if confirmed {
            self.consents.hosts.insert(key);
        } else {
            self.consents.hosts.remove(&key);
        }
    }

    /// Before tests start from a page: every recipient must be cleared. Clears the way (the
    /// hosts become the person's choice for this run) and returns true, or shows the problem
    /// and returns false.
    pub(super) fn recipients_cleared(&mut self) -> bool {
        let recipients = self.recipients();
        if !recipients.iter().all(Recipient::cleared) {
            self.consents.show_problem = true;
            return false;
        }
        self.consents.show_problem = false;
        for r in recipients {
            self.consents.hosts.insert(r.host);
        }
        true
    }

    /// Whether the password may go to `host` now: the person confirmed or typed it, or an
    /// offer vouches for it.
    pub(super) fn host_cleared(&self, host: &str) -> bool {
        let key = host_key(host);
        self.consents.hosts.contains(&key)
            || self.discovery().is_some_and(|d| {
                d.incoming
                    .iter()
                    .chain(&d.outgoing)
                    .any(|o| o.candidate.host == key && o.trusted() && o.vouch().is_vouched())
            })
    }

    /// A new run: every consent is forgotten.
    pub(super) fn forget_consents(&mut self) {
        self.consents = Consents::default();
    }

    /// Records the plaintext and certificate authority consents of the manual form for its
    /// hosts only (replacing earlier ones).
    pub(super) fn take_form_consents(&mut self, incoming: &ServerSettings, out: &ServerSettings) {
        let Some(form) = &self.manual else {
            return;
        };
        self.consents.plaintext = [incoming, out]
            .into_iter()
            .filter(|s| s.security == Security::Plain && form.accept_plaintext)
            .map(|s| host_key(&s.host))
            .collect();
        let ca = form.extra_ca.trim();
        self.consents.extra_ca = (!ca.is_empty() && form.accept_extra_ca).then(|| {
            (
                PathBuf::from(ca),
                [incoming, out].iter().map(|s| host_key(&s.host)).collect(),
            )
        });
    }

    /// Forgets the plaintext and certificate authority consents (settings from discovery).
    pub(super) fn clear_form_consents(&mut self) {
        self.consents.plaintext.clear();
        self.consents.extra_ca = None;
    }

    /// Whether the person allowed plaintext for this server.
    pub(super) fn plaintext_allowed(&self, server: &ServerSettings) -> bool {
        server.security == Security::Plain
            && self.consents.plaintext.contains(&host_key(&server.host))
    }

    /// The extra certificate authority the person accepted for this server's host.
    pub(super) fn extra_ca_for(&self, server: &ServerSettings) -> Option<PathBuf> {
        let (path, hosts) = self.consents.extra_ca.as_ref()?;
        hosts
            .contains(&host_key(&server.host))
            .then(|| path.clone())
    }

    /// The extra certificate authority the person accepted, when any (to fill the form).
    pub(super) fn accepted_extra_ca(&self) -> Option<&PathBuf> {
        self.consents.extra_ca.as_ref().map(|(p, _)| p)
    }

    /// Whether any plaintext consent is in force (to fill the form).
    pub(super) fn any_plaintext_allowed(&self) -> bool {
        !self.consents.plaintext.is_empty()
    }

    /// The discovery offer naming `host` (for a form filled from tested servers).
    pub(super) fn offer_with_host(&self, host: &str) -> Option<Offer> {
        let key = host_key(host);
        let d = self.discovery()?;
        d.incoming
            .iter()
            .chain(&d.outgoing)
            .find(|o| o.candidate.host == key)
            .cloned()
    }

    fn recipient_of_offer(&self, role: Role, o: &Offer) -> Recipient {
        let host = host_key(&o.candidate.host);
        Recipient {
            role,
            from: o.source_words(),
            question: o.question.clone(),
            confirmed: self.consents.hosts.contains(&host),
            host,
        }
    }

    fn recipient_of_form(&self, role: Role, f: &ServerForm) -> Recipient {
        match f.offer() {
            Some(o) => self.recipient_of_offer(role, o),
            None => {
                let host = host_key(&f.host);
                Recipient {
                    role,
                    from: if f.host_suggested() {
                        t!("consent-suggested")
                    } else {
                        t!("consent-entered-by-you")
                    },
                    question: None,
                    confirmed: self.consents.hosts.contains(&host),
                    host,
                }
            }
        }
    }
}
