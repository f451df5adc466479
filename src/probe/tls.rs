//! TLS for the probe (RFC 8446 / RFC 5246 via rustls, implicit TLS per RFC 8314, STARTTLS per
//! RFC 2595 / RFC 3207): certificate verification with the platform's roots plus any roots a
//! caller passes, capture of the presented chain even when verification fails, and the facts
//! a technician needs (version, cipher suite, certificates, the key's SHA-256, a TLS-inspecting
//! product that issued the chain).
//!
//! Pinned endpoints (`trust::pin`): the verifier first compares the leaf's SPKI SHA-256 with the
//! endpoint's pins (a different key fails as "changed"); then the platform verifier decides;
//! an unknown issuer is accepted only for a pinned key, and then the name (RFC 6125 via
//! webpki) and the validity dates are still checked. So is a platform verifier that cannot
//! run at all (wine, `crate::verifier`): for a pinned key the pin vouches, name and dates
//! checked; for any other key it is `TlsProblem::VerifierUnavailable`.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::certificate::CertificateInfo;
use super::failure::TlsProblem;
use super::intercept;
use super::outcome::TlsFacts;
use crate::trust::cert_der;
use crate::trust::pem::{PemError, read_certificates};
use crate::trust::pin::{PinMismatch, Pins, SpkiPin};
use crate::verifier::{Anchors, VerifierError, is_system_check_failure};

pub use crate::net::crypto_provider;

/// Why the trust settings could not be built.
#[derive(Debug, thiserror::Error)]
pub enum CertTrustError {
    #[error(transparent)]
    Pem(#[from] PemError),
    #[error("could not set up certificate verification: {0}")]
    Verifier(#[from] VerifierError),
}

impl CertTrustError {
    /// The problem in the chosen language (`Display` stays English).
    pub fn words(&self) -> String {
        match self {
            CertTrustError::Verifier(VerifierError::SystemUnavailable { detail }) => {
                t!("platform-verifier-unavailable", detail = detail.as_str())
            }
            other => other.to_string(),
        }
    }
}

/// Which certificates are trusted: the platform's roots plus extra ones a caller passed (or
/// those alone where the platform's verifier cannot be set up: `crate::verifier`).
#[derive(Clone)]
pub struct CertTrust {
    verifier: Arc<dyn ServerCertVerifier>,
    anchors: Anchors,
    /// Keys trusted for one host and port each ("Trust this server's key").
    pins: Arc<Pins>,
    /// The PEM file the extra roots came from, when one did (for the commands that repeat
    /// a test by hand: `-CAfile`, `--cacert`).
    ca_file: Option<std::path::PathBuf>,
}

impl fmt::Debug for CertTrust {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.anchors {
            Anchors::System { extra } => write!(f, "CertTrust(platform + {extra} extra roots")?,
            Anchors::CallerOnly { roots, .. } => write!(
                f,
                "CertTrust({roots} given roots only, the platform's unavailable"
            )?,
        }
        if !self.pins.is_empty() {
            f.write_str(", pinned keys")?;
        }
        f.write_str(")")
    }
}

impl CertTrust {
    /// The platform's roots only.
    pub fn platform() -> Result<Self, CertTrustError> {
        Self::with_extra_roots(Vec::new())
    }

    /// The platform's roots plus these.
    pub fn with_extra_roots(roots: Vec<CertificateDer<'static>>) -> Result<Self, CertTrustError> {
        let built = crate::verifier::build(roots)?;
        Ok(Self {
            verifier: built.verifier,
            anchors: built.anchors,
            pins: Arc::new(Pins::new()),
            ca_file: None,
        })
    }

    /// The same trust, saying that its extra roots are those of the PEM file `path`.
    pub fn naming_ca_file(mut self, path: Option<&std::path::Path>) -> Self {
        self.ca_file = path.map(std::path::Path::to_path_buf);
        self
    }

    /// The PEM file the extra roots came from, when known.
    pub fn ca_file(&self) -> Option<&std::path::Path> {
        self.ca_file.as_deref()
    }

    /// Which roots verify: the platform's (plus extra), or the given ones alone.
    pub fn anchors(&self) -> &Anchors {
        &self.anchors
    }

    /// The same trust, plus keys pinned for their host and port.
    pub fn with_pins(mut self, pins: Pins) -> Self {
        self.pins = Arc::new(pins);
        self
    }

    /// The pinned keys.
    pub fn pins(&self) -> &Pins {
        &self.pins
    }

    /// The platform's roots plus the certificates of a PEM file.
    pub fn with_ca_file(path: &std::path::Path) -> Result<Self, CertTrustError> {
        Ok(Self::with_extra_roots(read_certificates(path)?)?.naming_ca_file(Some(path)))
    }
}

/// What the pin check decided during one handshake.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum PinVerdict {
    /// No pin for this endpoint.
    #[default]
    NotPinned,
    /// The key matched a pin (whether or not the chain was otherwise trusted).
    Matched,
    /// The key did not match.
    Mismatch(PinMismatch),
}

/// Records the chain the server presents, checks the endpoint's pins, then lets the real
/// verifier decide (an unknown issuer passes for a pinned key, name and dates still checked).
#[derive(Debug)]
struct CapturingVerifier {
    inner: Arc<dyn ServerCertVerifier>,
    chain: Arc<Mutex<Vec<CertificateDer<'static>>>>,
    pins: Vec<SpkiPin>,
    verdict: Arc<Mutex<PinVerdict>>,
}

impl CapturingVerifier {
    fn set_verdict(&self, v: PinVerdict) {
        *self.verdict.lock().unwrap_or_else(|p| p.into_inner()) = v;
    }
}

impl ServerCertVerifier for CapturingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        {
            let mut chain = self.chain.lock().unwrap_or_else(|p| p.into_inner());
            chain.clear();
            chain.push(end_entity.clone().into_owned());
            chain.extend(intermediates.iter().map(|c| c.clone().into_owned()));
        }
        let result = self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        if self.pins.is_empty() {
            return result;
        }
        let presented = SpkiPin::of_certificate(end_entity.as_ref());
        if !presented.is_some_and(|p| self.pins.contains(&p)) {
            self.set_verdict(PinVerdict::Mismatch(PinMismatch {
                pinned: self.pins.clone(),
                presented,
            }));
            return Err(rustls::Error::InvalidCertificate(
                CertificateError::ApplicationVerificationFailure,
            ));
        }
        self.set_verdict(PinVerdict::Matched);
        match result {
            Err(rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer)) => {
                check_pinned_leaf(end_entity, server_name, now)?;
                Ok(ServerCertVerified::assertion())
            }
            // The system's verifier could not run (wine): the pin alone vouches for the key,
            // as for an unknown issuer; name and dates are still checked.
            Err(e) if is_system_check_failure(&e) => {
                check_pinned_leaf(end_entity, server_name, now)?;
                Ok(ServerCertVerified::assertion())
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Copies the first bytes the peer sends, so a failed handshake can say what the port spoke.
pub struct Sniff<S> {
    inner: S,
    seen: Arc<Mutex<Vec<u8>>>,
}

/// How many of the peer's first bytes are kept.
const SNIFF_BYTES: usize = 512;

impl<S> fmt::Debug for Sniff<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sniff")
    }
}

impl<S> Sniff<S> {
    pub fn new(inner: S) -> (Self, Arc<Mutex<Vec<u8>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        (
            Self {
                inner,
                seen: seen.clone(),
            },
            seen,
        )
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Sniff<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = res {
            let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
            let room = SNIFF_BYTES.saturating_sub(seen.len());
            let new = &buf.filled()[before..];
            seen.extend_from_slice(&new[..new.len().min(room)]);
        }
        res
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Sniff<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, data)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// A failed handshake, with what could be observed.
#[derive(Debug)]
pub struct HandshakeError {
    pub problem: TlsProblem,
    pub detail: String,
    /// Whether the failure was in reading the peer's bytes as TLS at all.
    pub not_tls: bool,
    /// The first bytes the peer sent.
    pub peer_bytes: Vec<u8>,
    /// The chain, when the server got as far as presenting one.
    pub facts: Option<TlsFacts>,
    pub io_kind: io::ErrorKind,
    /// The endpoint is pinned and the server presented another key.
    pub pin_mismatch: Option<PinMismatch>,
}

impl HandshakeError {
    fn setup(detail: String, io_kind: io::ErrorKind) -> Self {
        Self {
            problem: TlsProblem::Handshake,
            detail,
            not_tls: false,
            peer_bytes: Vec::new(),
            facts: None,
            io_kind,
            pin_mismatch: None,
        }
    }
}

/// Runs a TLS handshake over `stream` for `host`, without the pins of any endpoint.
pub async fn handshake<S>(
    stream: S,
    host: &str,
    trust: &CertTrust,
) -> Result<(TlsStream<Sniff<S>>, TlsFacts), HandshakeError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    handshake_to(stream, host, 0, trust).await
}

/// Runs a TLS handshake over `stream` for `host`, port `port` (whose pins apply).
pub async fn handshake_to<S>(
    stream: S,
    host: &str,
    port: u16,
    trust: &CertTrust,
) -> Result<(TlsStream<Sniff<S>>, TlsFacts), HandshakeError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let chain = Arc::new(Mutex::new(Vec::new()));
    let verdict = Arc::new(Mutex::new(PinVerdict::NotPinned));
    let verifier = Arc::new(CapturingVerifier {
        inner: trust.verifier.clone(),
        chain: chain.clone(),
        pins: trust.pins.for_endpoint(host, port).to_vec(),
        verdict: verdict.clone(),
    });
    let config = ClientConfig::builder_with_provider(crypto_provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| HandshakeError::setup(e.to_string(), io::ErrorKind::Other))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    let name = ServerName::try_from(host.trim_start_matches('[').trim_end_matches(']'))
        .map(|n| n.to_owned())
        .map_err(|e| {
            HandshakeError::setup(
                format!("\"{host}\" cannot be used as a TLS server name: {e}"),
                io::ErrorKind::InvalidInput,
            )
        })?;
    let (sniff, seen) = Sniff::new(stream);
    let connector = TlsConnector::from(Arc::new(config));
    match connector.connect(name, sniff).await {
        Ok(tls) => {
            let (_, conn) = tls.get_ref();
            let certs: Vec<CertificateInfo> = conn
                .peer_certificates()
                .unwrap_or_default()
                .iter()
                .map(certificate_info)
                .collect();
            let mut facts = TlsFacts {
                version: conn
                    .protocol_version()
                    .map(version_name)
                    .unwrap_or_default(),
                cipher_suite: conn
                    .negotiated_cipher_suite()
                    .map(|s| format!("{:?}", s.suite()))
                    .unwrap_or_default(),
                verified: true,
                intercepted: intercept::recognise(&certs),
                pinned: *verdict.lock().unwrap_or_else(|p| p.into_inner()) == PinVerdict::Matched,
                certificates: certs,
                warnings: Vec::new(),
                ca_file: trust.ca_file.as_ref().map(|p| p.display().to_string()),
            };
            facts.warnings = facts.compute_warnings();
            Ok((tls, facts))
        }
        Err(e) => {
            let captured = chain.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let facts = (!captured.is_empty()).then(|| {
                let certificates: Vec<CertificateInfo> =
                    captured.iter().map(certificate_info).collect();
                TlsFacts {
                    version: String::new(),
                    cipher_suite: String::new(),
                    verified: false,
                    intercepted: intercept::recognise(&certificates),
                    pinned: false,
                    certificates,
                    warnings: Vec::new(),
                    ca_file: trust.ca_file.as_ref().map(|p| p.display().to_string()),
                }
            });
            let pin_mismatch = match verdict.lock().unwrap_or_else(|p| p.into_inner()).clone() {
                PinVerdict::Mismatch(m) => Some(m),
                _ => None,
            };
            let peer_bytes = seen.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let rustls_error = e
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>());
            let not_tls = matches!(rustls_error, Some(rustls::Error::InvalidMessage(_)))
                || (!peer_bytes.is_empty() && !looks_like_tls_record(&peer_bytes));
            let mut problem = rustls_error
                .map(classify_rustls)
                .unwrap_or(TlsProblem::Handshake);
            if problem == TlsProblem::Handshake
                && let Some(leaf) = captured.first()
                && leaf_has_expired(leaf)
            {
                // macOS reports an expired certificate as `Other`: the leaf tells.
                problem = TlsProblem::Expired;
            }
            Err(HandshakeError {
                problem,
                detail: e.to_string(),
                not_tls,
                peer_bytes,
                facts,
                io_kind: e.kind(),
                pin_mismatch,
            })
        }
    }
}

/// What still holds for a certificate trusted by its pinned key: its name and its dates.
fn check_pinned_leaf(
    leaf: &CertificateDer<'_>,
    name: &ServerName<'_>,
    now: UnixTime,
) -> Result<(), rustls::Error> {
    let cert = webpki::EndEntityCert::try_from(leaf)
        .map_err(|_| rustls::Error::InvalidCertificate(CertificateError::BadEncoding))?;
    cert.verify_is_valid_for_subject_name(name)
        .map_err(|_| rustls::Error::InvalidCertificate(CertificateError::NotValidForName))?;
    let parsed = cert_der::parse(leaf.as_ref())
        .map_err(|_| rustls::Error::InvalidCertificate(CertificateError::BadEncoding))?;
    let now = now.as_secs() as i64;
    if now < parsed.not_before {
        return Err(rustls::Error::InvalidCertificate(
            CertificateError::NotValidYet,
        ));
    }
    if now > parsed.not_after {
        return Err(rustls::Error::InvalidCertificate(CertificateError::Expired));
    }
    Ok(())
}

fn looks_like_tls_record(bytes: &[u8]) -> bool {
    matches!(bytes.first(), Some(0x14..=0x17)) && bytes.get(1) == Some(&0x03)
}

fn version_name(v: rustls::ProtocolVersion) -> String {
    match v {
        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".into(),
        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".into(),
        other => format!("{other:?}"),
    }
}

fn classify_rustls(e: &rustls::Error) -> TlsProblem {
    if is_system_check_failure(e) {
        return TlsProblem::VerifierUnavailable;
    }
    match e {
        rustls::Error::InvalidCertificate(c) => match c {
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                TlsProblem::Expired
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                TlsProblem::NotYetValid
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                TlsProblem::NameMismatch
            }
            CertificateError::UnknownIssuer
            | CertificateError::BadSignature
            | CertificateError::Revoked
            | CertificateError::InvalidPurpose
            | CertificateError::BadEncoding => TlsProblem::Untrusted,
            _ => TlsProblem::Untrusted,
        },
        _ => TlsProblem::Handshake,
    }
}

fn leaf_has_expired(der: &CertificateDer<'_>) -> bool {
    match cert_der::parse(der.as_ref()) {
        Ok(cert) => cert.not_after < now_unix(),
        Err(_) => false,
    }
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Subject, issuer, names, validity and fingerprint of one DER certificate.
pub fn certificate_info(der: &CertificateDer<'_>) -> CertificateInfo {
    let digest = ring::digest::digest(&ring::digest::SHA256, der.as_ref());
    let sha256 = digest
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":");
    match cert_der::parse(der.as_ref()) {
        Ok(cert) => {
            use cert_der::AltName;
            let sans = cert
                .alt_names
                .iter()
                .map(|name| match name {
                    AltName::Dns(d) => format!("DNS:{d}"),
                    AltName::Ip(bytes) => format!("IP:{}", ip_text(bytes)),
                    AltName::Email(m) => format!("email:{m}"),
                })
                .collect();
            CertificateInfo {
                subject: cert.subject,
                issuer: cert.issuer,
                sans,
                not_before: rfc3339(cert.not_before),
                not_after: rfc3339(cert.not_after),
                sha256,
                spki_sha256: SpkiPin::of_spki(cert.spki).to_base64(),
            }
        }
        Err(e) => CertificateInfo {
            subject: format!("(unreadable certificate: {e})"),
            issuer: String::new(),
            sans: Vec::new(),
            not_before: String::new(),
            not_after: String::new(),
            sha256,
            spki_sha256: String::new(),
        },
    }
}

fn ip_text(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => std::net::Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]).to_string(),
        16 => {
            let mut a = [0u8; 16];
            a.copy_from_slice(bytes);
            std::net::Ipv6Addr::from(a).to_string()
        }
        _ => format!("{bytes:02x?}"),
    }
}

/// Seconds since the epoch as RFC 3339 in UTC.
pub fn rfc3339(ts: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(ts)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| ts.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verifier::SystemCheckFailed;

    /// A verifier like the system's under wine when it cannot run at all.
    #[derive(Debug)]
    struct CannotRun;

    impl ServerCertVerifier for CannotRun {
        fn verify_server_cert(
            &self,
            _: &CertificateDer<'_>,
            _: &[CertificateDer<'_>],
            _: &ServerName<'_>,
            _: &[u8],
            _: UnixTime,
        ) -> Result<ServerCertVerified, rustls::Error> {
            Err(rustls::Error::InvalidCertificate(CertificateError::Other(
                rustls::OtherError(Arc::new(SystemCheckFailed {
                    detail: "Invalid parameter".into(),
                })),
            )))
        }
        fn verify_tls12_signature(
            &self,
            _: &[u8],
            _: &CertificateDer<'_>,
            _: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            Err(rustls::Error::General("unused".into()))
        }
        fn verify_tls13_signature(
            &self,
            _: &[u8],
            _: &CertificateDer<'_>,
            _: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            Err(rustls::Error::General("unused".into()))
        }
        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            Vec::new()
        }
    }

    fn leaf() -> CertificateDer<'static> {
        let key = rcgen::KeyPair::generate().expect("key");
        let params = rcgen::CertificateParams::new(vec!["mail.example".to_string()]).expect("p");
        params.self_signed(&key).expect("cert").der().clone()
    }

    fn check(pins: Vec<SpkiPin>, leaf: &CertificateDer<'_>) -> Result<(), rustls::Error> {
        let v = CapturingVerifier {
            inner: Arc::new(CannotRun),
            chain: Arc::new(Mutex::new(Vec::new())),
            pins,
            verdict: Arc::new(Mutex::new(PinVerdict::NotPinned)),
        };
        let name = ServerName::try_from("mail.example").expect("name");
        v.verify_server_cert(leaf, &[], &name, &[], UnixTime::now())
            .map(|_| ())
    }

    #[test]
    fn a_verifier_that_cannot_run_is_its_own_problem_and_a_pin_still_vouches() {
        let leaf = leaf();
        let err = check(Vec::new(), &leaf).expect_err("nothing vouches");
        assert_eq!(classify_rustls(&err), TlsProblem::VerifierUnavailable);

        let pin = SpkiPin::of_certificate(leaf.as_ref()).expect("the leaf's key");
        check(vec![pin], &leaf).expect("the pinned key vouches, name and dates checked");

        let other = SpkiPin::of_certificate(super::tests::leaf().as_ref()).expect("another key");
        assert!(check(vec![other], &leaf).is_err(), "another key is refused");
    }
}
