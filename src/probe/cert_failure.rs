//! From a failed TLS handshake to the most telling certificate failure, in this order:
//!
//! 1. the endpoint's key is pinned and another key came (`CertificateChanged`, both
//!    fingerprints);
//! 2. the chain was issued by a known TLS-inspecting product that this computer does not
//!    trust (`TlsIntercepted`, naming the product);
//! 3. the certificate fails on its dates (RFC 5280 §4.1.2.5) while a time reference
//!    disagrees with this computer's clock by more than a few minutes, and the certificate is
//!    valid at the reference's time (`ClockWrong`).
//!
//! Anything else stays the plain `Failure::Tls` the handshake reported.

use super::clock::{self, TimeEvidence};
use super::failure::{Failure, TlsProblem};
use super::tls::HandshakeError;

/// `explain` with this computer's clock now and the probe's time evidence.
pub(crate) fn explain_now(
    endpoint: &str,
    e: &HandshakeError,
    opts: &super::ProbeOptions,
) -> Option<Failure> {
    let now = clock::unix(std::time::SystemTime::now());
    explain(endpoint, e, opts.time_evidence.as_ref(), now)
}

/// The more telling failure for this handshake error, if there is one.
pub(crate) fn explain(
    endpoint: &str,
    e: &HandshakeError,
    evidence: Option<&TimeEvidence>,
    now: i64,
) -> Option<Failure> {
    if let Some(m) = &e.pin_mismatch {
        let pinned: Vec<String> = m.pinned.iter().map(|p| p.to_base64()).collect();
        return Some(Failure::CertificateChanged {
            endpoint: endpoint.to_string(),
            pinned: pinned.join(", "),
            presented: m
                .presented
                .map(|p| p.to_base64())
                .unwrap_or_else(|| "(unreadable certificate)".into()),
        });
    }
    let facts = e.facts.as_ref()?;
    if e.problem == TlsProblem::Untrusted
        && let Some(i) = &facts.intercepted
    {
        return Some(Failure::TlsIntercepted {
            endpoint: endpoint.to_string(),
            product_id: i.product_id,
            product: i.product,
            issuer: i.issuer.clone(),
            detail: e.detail.clone(),
        });
    }
    let not_yet_valid = match e.problem {
        TlsProblem::Expired => false,
        TlsProblem::NotYetValid => true,
        _ => return None,
    };
    let evidence = evidence.filter(|ev| ev.clock_is_off())?;
    let reference = evidence.reference_time(now);
    let leaf = facts.certificates.first()?;
    let valid_then = match (
        clock::parse_rfc3339(&leaf.not_before),
        clock::parse_rfc3339(&leaf.not_after),
    ) {
        (Some(from), Some(until)) => from <= reference && reference <= until,
        // Dates unreadable: the clock's disagreement alone explains it.
        _ => true,
    };
    valid_then.then(|| Failure::ClockWrong {
        endpoint: endpoint.to_string(),
        not_yet_valid,
        local: super::tls::rfc3339(now),
        reference: super::tls::rfc3339(reference),
        witness: evidence.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::{CertificateInfo, TlsFacts};
    use crate::trust::pin::{PinMismatch, SpkiPin};

    fn error(problem: TlsProblem, leaf: CertificateInfo) -> HandshakeError {
        HandshakeError {
            problem,
            detail: "invalid peer certificate".into(),
            not_tls: false,
            peer_bytes: Vec::new(),
            facts: Some(TlsFacts {
                intercepted: crate::probe::intercept::recognise(std::slice::from_ref(&leaf)),
                certificates: vec![leaf],
                ..TlsFacts::default()
            }),
            io_kind: std::io::ErrorKind::InvalidData,
            pin_mismatch: None,
        }
    }

    fn leaf(issuer: &str, from: &str, until: &str) -> CertificateInfo {
        CertificateInfo {
            subject: "CN=imap.example.org".into(),
            issuer: issuer.into(),
            not_before: from.into(),
            not_after: until.into(),
            ..CertificateInfo::default()
        }
    }

    const NOW: i64 = 1_891_000_000; // 2029-12-04, a clock three years ahead
    const REAL: &str = "2026-12-01T08:00:00Z";

    fn evidence() -> TimeEvidence {
        TimeEvidence {
            source: "https://autoconfig.example.org/mail/config-v1.1.xml (Date header)".into(),
            offset_secs: clock::parse_rfc3339(REAL).unwrap() - NOW,
        }
    }

    #[test]
    fn an_untrusted_antivirus_root_names_the_product() {
        let e = error(
            TlsProblem::Untrusted,
            leaf("CN=ESET SSL Filter CA, O=ESET spol. s r. o.", "", ""),
        );
        match explain("imap.example.org:993", &e, None, NOW) {
            Some(Failure::TlsIntercepted { product_id, .. }) => assert_eq!(product_id, "eset"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn expired_by_a_wrong_clock_is_the_clock() {
        let good = leaf("CN=R11", "2026-11-01T00:00:00Z", "2027-01-30T00:00:00Z");
        let e = error(TlsProblem::Expired, good.clone());
        match explain("imap.example.org:993", &e, Some(&evidence()), NOW) {
            Some(Failure::ClockWrong {
                not_yet_valid,
                reference,
                local,
                ..
            }) => {
                assert!(!not_yet_valid);
                assert_eq!(reference, "2026-12-01T08:00:00Z");
                assert!(local.starts_with("2029-"));
            }
            other => panic!("{other:?}"),
        }
        // Without evidence, or with a clock that agrees, it stays a certificate problem.
        assert_eq!(explain("x:993", &e, None, NOW), None);
        let agree = TimeEvidence {
            offset_secs: 30,
            ..evidence()
        };
        assert_eq!(explain("x:993", &e, Some(&agree), NOW), None);
        // Expired at the reference's time too: the certificate really has expired.
        let old = leaf("CN=R11", "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z");
        let e = error(TlsProblem::Expired, old);
        assert_eq!(explain("x:993", &e, Some(&evidence()), NOW), None);
    }

    #[test]
    fn a_different_key_on_a_pinned_endpoint_shows_both_fingerprints() {
        let mut e = error(TlsProblem::Handshake, leaf("CN=self", "", ""));
        e.pin_mismatch = Some(PinMismatch {
            pinned: vec![SpkiPin([1; 32])],
            presented: Some(SpkiPin([2; 32])),
        });
        match explain("h:993", &e, None, NOW) {
            Some(Failure::CertificateChanged {
                pinned, presented, ..
            }) => {
                assert_eq!(pinned, SpkiPin([1; 32]).to_base64());
                assert_eq!(presented, SpkiPin([2; 32]).to_base64());
            }
            other => panic!("{other:?}"),
        }
    }
}
