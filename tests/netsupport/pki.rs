//! A certificate authority made fresh for each test run (rcgen), and server certificates
//! issued on demand for whatever name a TLS client asks for (SNI), so any test host name
//! gets a valid certificate without being listed in advance.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;

/// The per-run CA.
pub struct TestCa {
    issuer: Arc<Issuer<'static, KeyPair>>,
    cert: CertificateDer<'static>,
    pem: String,
}

impl TestCa {
    pub fn new() -> Self {
        let key = KeyPair::generate().expect("CA key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(DnType::CommonName, "mailsetup discovery test CA");
        let cert = params.self_signed(&key).expect("CA certificate");
        Self {
            pem: cert.pem(),
            cert: cert.der().clone(),
            issuer: Arc::new(Issuer::new(params, key)),
        }
    }

    pub fn cert_der(&self) -> CertificateDer<'static> {
        self.cert.clone()
    }

    pub fn cert_pem(&self) -> String {
        self.pem.clone()
    }

    /// A server certificate for `name` (DNS name or IP address) and its key.
    pub fn issue(&self, name: &str) -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
        let key = KeyPair::generate().expect("server key");
        let mut params = CertificateParams::new(vec![name.to_string()]).expect("server params");
        params.distinguished_name.push(DnType::CommonName, name);
        let cert = params
            .signed_by(&key, &self.issuer)
            .expect("server certificate");
        (
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
    }

    /// A rustls certificate resolver issuing a certificate for every SNI name asked.
    pub fn resolver(&self) -> Arc<OnDemand> {
        Arc::new(OnDemand {
            ca: TestCa {
                issuer: self.issuer.clone(),
                cert: self.cert.clone(),
                pem: self.pem.clone(),
            },
            cache: Mutex::new(BTreeMap::new()),
        })
    }
}

/// Issues (and caches) a certificate per SNI name.
pub struct OnDemand {
    ca: TestCa,
    cache: Mutex<BTreeMap<String, Arc<CertifiedKey>>>,
}

impl fmt::Debug for OnDemand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OnDemand")
    }
}

impl ResolvesServerCert for OnDemand {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let name = hello.server_name().unwrap_or("localhost").to_string();
        let mut cache = self.cache.lock().unwrap();
        if let Some(k) = cache.get(&name) {
            return Some(k.clone());
        }
        let (chain, key) = self.ca.issue(&name);
        let provider = mailsetup::probe::tls::crypto_provider();
        let signing = provider.key_provider.load_private_key(key).ok()?;
        let certified = Arc::new(CertifiedKey::new(chain, signing));
        cache.insert(name, certified.clone());
        Some(certified)
    }
}
