//! The test PKI, made fresh for every test run with rcgen: a CA and the server certificates
//! the tests need — a good one (SAN localhost, 127.0.0.1, 127.0.0.2, ::1), an expired one, a
//! not-yet-valid one, one for the wrong name and a self-signed one. Each is written as PEM into
//! the run's temp dir (Dovecot reads them from there; tests pass the CA path as `--ca-file` /
//! `CertTrust::with_ca_file`) and kept in DER for the in-process TLS fault servers.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use time::{Duration, OffsetDateTime};

/// The names every good server certificate is valid for.
pub const SERVER_NAMES: [&str; 4] = ["localhost", "127.0.0.1", "127.0.0.2", "::1"];
/// The only name on the wrong-name certificate.
pub const WRONG_NAME: &str = "mail.wrong-name.test";

/// One certificate with its key, as files and as DER.
#[derive(Debug, Clone)]
pub struct CertPair {
    /// The certificate alone (PEM).
    pub cert_pem: PathBuf,
    /// The certificate followed by the CA (PEM), what a server presents.
    pub chain_pem: PathBuf,
    /// The private key (PKCS#8 PEM).
    pub key_pem: PathBuf,
    /// Leaf first, then the CA when CA-signed.
    pub chain_der: Vec<CertificateDer<'static>>,
    pub key_der: Vec<u8>,
    /// SHA-256 of the leaf DER, upper-case hex pairs joined by colons (as reports show it).
    pub sha256: String,
}

impl CertPair {
    pub fn key(&self) -> PrivateKeyDer<'static> {
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.key_der.clone()))
    }

    /// A rustls server configuration presenting this certificate (ring provider).
    pub fn server_config(&self) -> Arc<rustls::ServerConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(self.chain_der.clone(), self.key())
            .expect("server certificate and key");
        Arc::new(config)
    }
}

/// Every certificate of the run.
#[derive(Debug)]
pub struct Pki {
    pub dir: PathBuf,
    /// The CA certificate: what tests pass as `--ca-file`.
    pub ca_pem: PathBuf,
    pub ca_der: CertificateDer<'static>,
    pub server: CertPair,
    pub expired: CertPair,
    pub not_yet_valid: CertPair,
    pub wrong_name: CertPair,
    pub self_signed: CertPair,
}

/// The PKI of this test process, made on first use.
pub fn pki() -> &'static Pki {
    static PKI: LazyLock<Pki> = LazyLock::new(|| Pki::generate(&super::run_dir().join("pki")));
    &PKI
}

impl Pki {
    /// Makes a CA and the server certificates and writes them into `dir`.
    pub fn generate(dir: &Path) -> Self {
        std::fs::create_dir_all(dir).expect("create the PKI directory");
        let now = OffsetDateTime::now_utc();

        let ca_key = KeyPair::generate().expect("CA key");
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.distinguished_name = rcgen::DistinguishedName::new();
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "mailsetup test CA");
        ca_params
            .distinguished_name
            .push(DnType::OrganizationName, "mailsetup tests");
        ca_params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        ca_params.not_before = now - Duration::days(2);
        ca_params.not_after = now + Duration::days(365);
        let ca_cert = ca_params.self_signed(&ca_key).expect("CA certificate");
        let ca_der = ca_cert.der().clone();
        let ca_pem = dir.join("ca.pem");
        std::fs::write(&ca_pem, ca_cert.pem()).expect("write ca.pem");
        let issuer = Issuer::new(ca_params, ca_key);

        let names: Vec<String> = SERVER_NAMES.iter().map(|s| s.to_string()).collect();
        let valid = (now - Duration::days(1), now + Duration::days(30));
        let server = leaf(dir, "server", &names, valid, Some((&issuer, &ca_der)));
        let expired = leaf(
            dir,
            "expired",
            &names,
            (now - Duration::days(60), now - Duration::days(30)),
            Some((&issuer, &ca_der)),
        );
        let not_yet_valid = leaf(
            dir,
            "not-yet-valid",
            &names,
            (now + Duration::days(30), now + Duration::days(60)),
            Some((&issuer, &ca_der)),
        );
        let wrong_name = leaf(
            dir,
            "wrong-name",
            &[WRONG_NAME.to_string()],
            valid,
            Some((&issuer, &ca_der)),
        );
        let self_signed = leaf(dir, "self-signed", &names, valid, None);
        Pki {
            dir: dir.to_path_buf(),
            ca_pem,
            ca_der,
            server,
            expired,
            not_yet_valid,
            wrong_name,
            self_signed,
        }
    }
}

fn leaf(
    dir: &Path,
    name: &str,
    sans: &[String],
    (not_before, not_after): (OffsetDateTime, OffsetDateTime),
    ca: Option<(&Issuer<'_, KeyPair>, &CertificateDer<'static>)>,
) -> CertPair {
    let key = KeyPair::generate().expect("server key");
    let mut params = CertificateParams::new(sans.to_vec()).expect("server params");
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, format!("{name}.mailsetup.test"));
    params.not_before = not_before;
    params.not_after = not_after;
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let (cert, chain_der) = match ca {
        Some((issuer, ca_der)) => {
            let cert = params.signed_by(&key, issuer).expect("sign certificate");
            let chain = vec![cert.der().clone(), ca_der.clone()];
            (cert, chain)
        }
        None => {
            let cert = params.self_signed(&key).expect("self-sign certificate");
            let chain = vec![cert.der().clone()];
            (cert, chain)
        }
    };
    let cert_pem = dir.join(format!("{name}.pem"));
    let chain_pem = dir.join(format!("{name}-chain.pem"));
    let key_pem = dir.join(format!("{name}.key"));
    std::fs::write(&cert_pem, cert.pem()).expect("write certificate");
    let mut chain_text = cert.pem();
    if chain_der.len() > 1 {
        let ca_text = std::fs::read_to_string(dir.join("ca.pem")).expect("read ca.pem");
        chain_text.push_str(&ca_text);
    }
    std::fs::write(&chain_pem, chain_text).expect("write chain");
    std::fs::write(&key_pem, key.serialize_pem()).expect("write key");
    let sha256 = ring::digest::digest(&ring::digest::SHA256, cert.der().as_ref())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":");
    CertPair {
        cert_pem,
        chain_pem,
        key_pem,
        chain_der,
        key_der: key.serialize_der(),
        sha256,
    }
}

/// A CA of its own (valid from two days ago for ten years) and a server certificate for
/// [`SERVER_NAMES`] that it issued, valid only from `not_before` to `not_after`: a certificate
/// that is right at another time than now (a computer with a wrong clock sees it so). Written
/// into `dir`; returns the CA (to trust) and the certificate.
pub fn issued_between(
    dir: &Path,
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
) -> (CertificateDer<'static>, CertPair) {
    std::fs::create_dir_all(dir).expect("create the directory");
    let now = OffsetDateTime::now_utc();
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name = rcgen::DistinguishedName::new();
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "mailsetup long-lived test CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    ca_params.not_before = now - Duration::days(2);
    ca_params.not_after = now + Duration::days(3650);
    let ca_cert = ca_params.self_signed(&ca_key).expect("CA certificate");
    let ca_der = ca_cert.der().clone();
    std::fs::write(dir.join("ca.pem"), ca_cert.pem()).expect("write ca.pem");
    let issuer = Issuer::new(ca_params, ca_key);
    let names: Vec<String> = SERVER_NAMES.iter().map(|s| s.to_string()).collect();
    let pair = leaf(
        dir,
        "other-time",
        &names,
        (not_before, not_after),
        Some((&issuer, &ca_der)),
    );
    (ca_der, pair)
}
