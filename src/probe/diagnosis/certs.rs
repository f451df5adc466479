//! The certificate causes the TLS layer explains itself (`cert_failure.rs`): an inspecting
//! product, a wrong clock, a pinned key that changed. Our own words, plus the particulars the
//! failure carries (which product and where its switch is; this computer's time and what the
//! servers say; both fingerprints).

use super::Cause;
use crate::probe::failure::Failure;
use crate::probe::intercept::{self, ProductKind};

/// The cause of a failure this file explains, if it is one.
pub(super) fn classify(failure: &Failure) -> Option<Cause> {
    match failure {
        Failure::TlsIntercepted { .. } => Some(Cause::TlsIntercepted),
        Failure::ClockWrong { .. } => Some(Cause::ClockWrong),
        Failure::CertificateChanged { .. } => Some(Cause::CertificateChanged),
        _ => None,
    }
}

/// Summary and general advice for the certificate causes.
pub(super) fn words(cause: Cause) -> Option<(String, String)> {
    Some(match cause {
        Cause::TlsIntercepted => (
            t!("cause-tls-intercepted"),
            t!("cause-tls-intercepted-advice"),
        ),
        Cause::ClockWrong => (t!("cause-clock-wrong"), t!("cause-clock-wrong-advice")),
        Cause::CertificateChanged => (
            t!("cause-certificate-changed"),
            t!("cause-certificate-changed-advice"),
        ),
        _ => return None,
    })
}

/// Particulars to add to the advice: the product and its switch, the two times, the two keys.
pub(super) fn particulars(failure: &Failure) -> Option<String> {
    match failure {
        Failure::TlsIntercepted {
            product_id,
            product,
            issuer,
            ..
        } => {
            let p = intercept::product_by_id(product_id)?;
            let who = match p.kind {
                ProductKind::CorporateProxy => "your organisation's network",
                ProductKind::DebugProxy => "a debugging proxy on this computer",
                ProductKind::Antivirus | ProductKind::LocalFilter => "software on this computer",
            };
            Some(format!(
                "The certificate was issued by \"{issuer}\": that is {product}, from {who}. {}",
                p.switch
            ))
        }
        Failure::ClockWrong {
            local,
            reference,
            witness,
            ..
        } => Some(format!(
            "This computer says it is {local}; {witness} says it is {reference}."
        )),
        Failure::CertificateChanged {
            pinned, presented, ..
        } => Some(format!(
            "Trusted key (SHA-256): {pinned}. Key presented now: {presented}."
        )),
        _ => None,
    }
}
