//! The certificate verifier of every TLS client here — the probe (`probe::tls`), discovery's
//! HTTPS (`discover::http`) and OAuth2 — built in one place. Path validation per RFC 5280 and
//! server names per RFC 6125, done by the operating system or by webpki.
//!
//! In order:
//! 1. The operating system's verifier (rustls-platform-verifier: Security.framework on macOS,
//!    crypt32's chain engine on Windows, webpki over the system's roots on Linux), with the
//!    caller's extra roots (`--ca-file`, `MAILSETUP_CA_FILE`) when there are any.
//! 2. When it cannot be set up and the caller gave roots: those roots alone, checked by webpki
//!    (a chain to one of them, signatures, dates, the server name, the server-authentication
//!    purpose). This trusts less than asked, never more: "the system's roots and these" becomes
//!    "these". What is lost are the system's own extra checks: the revocation look-up Windows
//!    and macOS make for the server's certificate, and their lists of distrusted certificates.
//!    The caller learns it from [`Anchors::CallerOnly`] and says so.
//! 3. When it cannot be set up and the caller gave no roots: [`VerifierError::SystemUnavailable`],
//!    whose advice is to give the server's CA certificate (or to trust the server's key).
//!
//! At handshake time a system verifier that fails to run at all (rustls `Error::General` from
//! rustls-platform-verifier is a failed system call, not a verdict on the certificate) becomes
//! [`SystemCheckFailed`], carried as `CertificateError::Other`, so that the diagnosis names it
//! ([`is_system_check_failure`]) instead of showing the system's raw error text.
//!
//! Seen with wine 8.0 (Debian 12, 2026-12-07): its crypt32 accepts `CERT_CHAIN_ENGINE_CONFIG`
//! only in its two pre-Windows-8 sizes and answers `E_INVALIDARG` ("Invalid parameter") to the
//! Windows 8 one rustls-platform-verifier 0.7 passes (with `dwExclusiveFlags`), so the chain
//! engine for extra roots cannot be created there; the default engine (no extra roots) works,
//! and verifies against wine's root store, which holds the host's CAs. Windows 8 and later
//! accept the larger structure.

use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::ServerCertVerifier;
use rustls::pki_types::CertificateDer;
use rustls::{CertificateError, OtherError, RootCertStore};

use crate::net::crypto_provider;

/// Which roots a verifier trusts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchors {
    /// The operating system's verifier and roots, plus this many of the caller's.
    System { extra: usize },
    /// Only the caller's roots (this many): the system's verifier could not be set up.
    CallerOnly {
        roots: usize,
        /// What the system said when it refused.
        system_error: String,
    },
}

/// A verifier and what it trusts.
#[derive(Debug, Clone)]
pub struct Verifier {
    pub verifier: Arc<dyn ServerCertVerifier>,
    pub anchors: Anchors,
}

/// Why no verifier could be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifierError {
    /// The system's verifier cannot be set up here, and there is no CA of the caller's to
    /// verify with instead.
    #[error(
        "this system's certificate verification could not be set up ({detail}); give the server's CA certificate with --ca-file to verify with it alone"
    )]
    SystemUnavailable { detail: String },
    /// The caller's roots cannot anchor a verification (not a CA certificate webpki reads).
    #[error("the given CA certificates cannot be used to verify servers: {detail}")]
    BadRoots { detail: String },
}

/// The system's verifier could not run for one certificate check (a failed system call,
/// not a verdict about the certificate).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("this system's certificate verification failed to run: {detail}")]
pub struct SystemCheckFailed {
    pub detail: String,
}

/// The verifier for the system's roots plus `extra_roots` (see the module header).
pub fn build(extra_roots: Vec<CertificateDer<'static>>) -> Result<Verifier, VerifierError> {
    build_with(extra_roots, |roots| {
        let provider = crypto_provider();
        if roots.is_empty() {
            rustls_platform_verifier::Verifier::new(provider)
        } else {
            rustls_platform_verifier::Verifier::new_with_extra_roots(roots, provider)
        }
    })
}

/// [`build`] with the system's verifier made by `system` (a seam for the unit tests).
fn build_with<V>(
    extra_roots: Vec<CertificateDer<'static>>,
    system: impl FnOnce(Vec<CertificateDer<'static>>) -> Result<V, rustls::Error>,
) -> Result<Verifier, VerifierError>
where
    V: ServerCertVerifier + 'static,
{
    let extra = extra_roots.len();
    match system(extra_roots.clone()) {
        Ok(v) => Ok(Verifier {
            verifier: Arc::new(SystemVerifier { inner: v }),
            anchors: Anchors::System { extra },
        }),
        Err(e) if extra_roots.is_empty() => Err(VerifierError::SystemUnavailable {
            detail: system_words(e),
        }),
        Err(e) => {
            let verifier = caller_only(extra_roots)?;
            let system_error = system_words(e);
            tracing::warn!(
                "the system's certificate verification could not be set up ({system_error}); \
                 verifying with the {extra} given CA certificates alone"
            );
            Ok(Verifier {
                verifier,
                anchors: Anchors::CallerOnly {
                    roots: extra,
                    system_error,
                },
            })
        }
    }
}

/// What the system said: the text of a failed system call (`General`) without rustls's
/// "unexpected error" before it.
fn system_words(e: rustls::Error) -> String {
    match e {
        rustls::Error::General(detail) => detail,
        other => other.to_string(),
    }
}

/// webpki with these roots and no others.
fn caller_only(
    roots: Vec<CertificateDer<'static>>,
) -> Result<Arc<dyn ServerCertVerifier>, VerifierError> {
    let mut store = RootCertStore::empty();
    for root in roots {
        store.add(root).map_err(|e| VerifierError::BadRoots {
            detail: e.to_string(),
        })?;
    }
    let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(store), crypto_provider())
        .build()
        .map_err(|e| VerifierError::BadRoots {
            detail: e.to_string(),
        })?;
    Ok(verifier)
}

/// Whether a handshake error is the system's verifier failing to run ([`SystemCheckFailed`]).
pub fn is_system_check_failure(e: &rustls::Error) -> bool {
    match e {
        rustls::Error::InvalidCertificate(CertificateError::Other(other)) => {
            other.0.downcast_ref::<SystemCheckFailed>().is_some()
        }
        _ => false,
    }
}

/// The system's verifier, its failures to run made typed ([`SystemCheckFailed`]).
#[derive(Debug)]
struct SystemVerifier<V> {
    inner: V,
}

impl<V: ServerCertVerifier> ServerCertVerifier for SystemVerifier<V> {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &rustls::pki_types::ServerName<'_>,
        ocsp_response: &[u8],
        now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map_err(|e| match e {
                rustls::Error::General(detail) => rustls::Error::InvalidCertificate(
                    CertificateError::Other(OtherError(Arc::new(SystemCheckFailed { detail }))),
                ),
                other => other,
            })
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.inner.supported_verify_schemes()
    }

    fn requires_raw_public_keys(&self) -> bool {
        self.inner.requires_raw_public_keys()
    }

    fn root_hint_subjects(&self) -> Option<&[rustls::DistinguishedName]> {
        self.inner.root_hint_subjects()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A self-signed CA made here (rcgen), as DER.
    fn ca() -> CertificateDer<'static> {
        let key = rcgen::KeyPair::generate().expect("key");
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params.self_signed(&key).expect("self-signed").der().clone()
    }

    fn refused(_: Vec<CertificateDer<'static>>) -> Result<WebPkiServerVerifier, rustls::Error> {
        Err(rustls::Error::General("Invalid parameter".into()))
    }

    #[test]
    fn without_roots_a_refusing_system_is_a_typed_error_with_advice() {
        let err = build_with(Vec::new(), refused).expect_err("no fallback without roots");
        assert_eq!(
            err,
            VerifierError::SystemUnavailable {
                detail: "Invalid parameter".into()
            }
        );
        assert!(err.to_string().contains("--ca-file"), "{err}");
    }

    #[test]
    fn with_roots_a_refusing_system_falls_back_to_those_roots_alone() {
        let v = build_with(vec![ca(), ca()], refused).expect("fallback");
        assert_eq!(
            v.anchors,
            Anchors::CallerOnly {
                roots: 2,
                system_error: "Invalid parameter".into()
            }
        );
    }

    #[test]
    fn a_root_webpki_cannot_read_is_bad_roots_not_a_fallback() {
        let junk = CertificateDer::from(vec![0x30, 0x03, 0x02, 0x01, 0x00]);
        let err = build_with(vec![junk], refused).expect_err("junk root");
        assert!(matches!(err, VerifierError::BadRoots { .. }), "{err:?}");
    }

    #[test]
    fn a_working_system_verifier_is_used_with_the_extra_roots() {
        let v = build(vec![ca()]).expect("the platform verifier");
        assert_eq!(v.anchors, Anchors::System { extra: 1 });
    }

    #[test]
    fn a_system_verifier_that_fails_to_run_is_typed() {
        #[derive(Debug)]
        struct Broken;
        impl ServerCertVerifier for Broken {
            fn verify_server_cert(
                &self,
                _: &CertificateDer<'_>,
                _: &[CertificateDer<'_>],
                _: &rustls::pki_types::ServerName<'_>,
                _: &[u8],
                _: rustls::pki_types::UnixTime,
            ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
                Err(rustls::Error::General("Invalid parameter".into()))
            }
            fn verify_tls12_signature(
                &self,
                _: &[u8],
                _: &CertificateDer<'_>,
                _: &rustls::DigitallySignedStruct,
            ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error>
            {
                Err(rustls::Error::General("unused".into()))
            }
            fn verify_tls13_signature(
                &self,
                _: &[u8],
                _: &CertificateDer<'_>,
                _: &rustls::DigitallySignedStruct,
            ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error>
            {
                Err(rustls::Error::General("unused".into()))
            }
            fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
                Vec::new()
            }
        }
        let v = build_with(Vec::new(), |_| Ok(Broken)).expect("built");
        let leaf = ca();
        let name = rustls::pki_types::ServerName::try_from("mail.example").expect("name");
        let err = v
            .verifier
            .verify_server_cert(&leaf, &[], &name, &[], rustls::pki_types::UnixTime::now())
            .expect_err("fails to run");
        assert!(is_system_check_failure(&err), "{err:?}");
        let verdict = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        assert!(!is_system_check_failure(&verdict));
    }
}
