//! "Trust this server's key": when a server's certificate is not signed by an authority this
//! computer trusts (self-signed, or a private CA without its file), the testing page shows the
//! certificate card and offers to trust that server's key — never "accept any certificate".
//!
//! In order: `key_offer` says whether a failed report qualifies (the cause is
//! `certificate_untrusted`, or `certificate_check_unavailable` where this computer's own
//! verification cannot run, as under wine; and the leaf's SPKI SHA-256 is known); `Event::TrustServerKey`
//! stores the pin for exactly that host and port among this run's consents and tests that
//! server again with it (`pins_for` hands the pins to `Effect::Probe`). A pinned server still
//! needs the right name and valid dates; the saved account keeps the pin (from the report
//! that verified through it), so later checks fail with `certificate_changed` on another key.

use crate::account::ServerSettings;
use crate::probe::{Cause, CertificateInfo, ProbeReport};
use crate::trust::pin::{EndpointPin, SpkiPin};

use super::Wizard;
use super::events::Effect;
use super::types::Role;

/// The certificate to show and the pin "Trust this server's key" would store, when a failed
/// report qualifies.
pub fn key_offer(report: &ProbeReport) -> Option<(&CertificateInfo, EndpointPin)> {
    if !matches!(
        report.diagnosis()?.cause,
        Cause::CertificateUntrusted | Cause::CertificateCheckUnavailable
    ) {
        return None;
    }
    let leaf = report.tls.as_ref()?.certificates.first()?;
    let pin: SpkiPin = leaf.spki_sha256.parse().ok()?;
    Some((
        leaf,
        EndpointPin {
            host: report.server.host.clone(),
            port: report.server.port,
            spki_sha256: pin,
        },
    ))
}

impl Wizard {
    /// Trusts the key the `role` server presented and tests that server again.
    pub(super) fn trust_server_key(&mut self, role: Role) -> Vec<Effect> {
        let Some(test) = self.tests.get(&role) else {
            return Vec::new();
        };
        let Some((_, pin)) = test.report.as_deref().and_then(key_offer) else {
            return Vec::new();
        };
        let (server, found) = (test.server.clone(), test.found.clone());
        let pins = &mut self.consents.pinned_keys;
        pins.retain(|p| !(same_host(&p.host, &pin.host) && p.port == pin.port));
        pins.push(pin);
        self.start_tests(vec![(role, server, found)])
    }

    /// The keys the person trusted for this server's host and port in this run.
    pub(super) fn pins_for(&self, server: &ServerSettings) -> Vec<EndpointPin> {
        self.consents
            .pinned_keys
            .iter()
            .filter(|p| same_host(&p.host, &server.host) && p.port == server.port)
            .cloned()
            .collect()
    }
}

fn same_host(a: &str, b: &str) -> bool {
    a.trim_end_matches('.')
        .eq_ignore_ascii_case(b.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{Protocol, Security};
    use crate::probe::failure::{Failure, TlsProblem};
    use crate::probe::{Outcome, StepKind, TlsFacts, diagnose};

    fn untrusted(port: u16) -> ProbeReport {
        let server = ServerSettings {
            protocol: Protocol::Imap,
            host: "mail.selfhosted.test".into(),
            port,
            security: Security::Tls,
            username: "alice".into(),
        };
        let failure = Failure::Tls {
            endpoint: server.endpoint(),
            problem: TlsProblem::Untrusted,
            detail: "invalid peer certificate: UnknownIssuer".into(),
        };
        ProbeReport {
            outcome: Outcome::Failed {
                diagnosis: diagnose(Protocol::Imap, StepKind::Tls, &failure),
            },
            server,
            steps: Vec::new(),
            warnings: Vec::new(),
            tls: Some(TlsFacts {
                certificates: vec![CertificateInfo {
                    subject: "CN=mail.selfhosted.test".into(),
                    issuer: "CN=mail.selfhosted.test".into(),
                    spki_sha256: SpkiPin([7; 32]).to_base64(),
                    ..CertificateInfo::default()
                }],
                ..TlsFacts::default()
            }),
            server_facts: Default::default(),
            transcript: Vec::new(),
            total_ms: 3,
        }
    }

    #[test]
    fn an_untrusted_certificate_offers_its_key_for_its_host_and_port() {
        let r = untrusted(993);
        let (leaf, pin) = key_offer(&r).expect("offered");
        assert_eq!(leaf.subject, "CN=mail.selfhosted.test");
        assert_eq!(
            pin.to_string(),
            format!("mail.selfhosted.test:993={}", SpkiPin([7; 32]))
        );
    }

    #[test]
    fn a_certificate_check_that_could_not_run_offers_the_key_too() {
        let mut r = untrusted(993);
        if let Outcome::Failed { diagnosis } = &mut r.outcome {
            *diagnosis = diagnose(
                Protocol::Imap,
                StepKind::Tls,
                &Failure::Tls {
                    endpoint: r.server.endpoint(),
                    problem: TlsProblem::VerifierUnavailable,
                    detail: "the system's verifier failed to run".into(),
                },
            );
            assert_eq!(diagnosis.cause, Cause::CertificateCheckUnavailable);
        }
        assert!(key_offer(&r).is_some());
    }

    #[test]
    fn other_failures_offer_nothing() {
        let mut r = untrusted(993);
        if let Outcome::Failed { diagnosis } = &mut r.outcome {
            diagnosis.cause = Cause::CertificateExpired;
        }
        assert!(key_offer(&r).is_none());
    }
}
