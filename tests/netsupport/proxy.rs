//! A TLS relay in front of the real Dovecot, so discovered test names (imap.e2e.test …) can
//! reach it: the relay presents a certificate from the discovery test CA for whatever name
//! the client asks, opens its own verified TLS connection to Dovecot's implicit-TLS listener,
//! and copies bytes both ways. Dovecot does every protocol step and the sign-in itself.

use std::net::SocketAddr;
use std::sync::Arc;

use rustls::pki_types::{CertificateDer, ServerName};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::{TlsAcceptor, TlsConnector};

use super::pki::TestCa;

pub struct TlsRelay {
    pub addr: SocketAddr,
}

impl TlsRelay {
    /// Listens on `bind` (port 0 for any) and relays to `upstream` (verified as
    /// `upstream_name` with `upstream_ca`).
    pub async fn start(
        bind: SocketAddr,
        ca: &TestCa,
        upstream: SocketAddr,
        upstream_name: &str,
        upstream_ca: CertificateDer<'static>,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind(bind).await?;
        let addr = listener.local_addr()?;
        let provider = mailsetup::probe::tls::crypto_provider();
        let server = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_cert_resolver(ca.resolver());
        let mut roots = rustls::RootCertStore::empty();
        roots.add(upstream_ca).expect("upstream CA");
        let client = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        let acceptor = TlsAcceptor::from(Arc::new(server));
        let connector = TlsConnector::from(Arc::new(client));
        let name = ServerName::try_from(upstream_name.to_string()).expect("upstream name");
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    return;
                };
                let (acceptor, connector, name) =
                    (acceptor.clone(), connector.clone(), name.clone());
                tokio::spawn(async move {
                    let Ok(mut front) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let Ok(up) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    let Ok(mut back) = connector.connect(name, up).await else {
                        return;
                    };
                    let _ = tokio::io::copy_bidirectional(&mut front, &mut back).await;
                });
            }
        });
        Ok(Self { addr })
    }
}
