//! A TLS relay in front of the real Dovecot, so discovered test names (imap.e2e.test …) can
//! reach it: the relay presents a certificate from the discovery test CA for whatever name
//! the client asks, opens its own verified TLS connection to Dovecot's implicit-TLS listener,
//! and copies bytes both ways. Dovecot does every protocol step and the sign-in itself.
//! The relay records what clients sent (after TLS), so a test can tell whether a sign-in
//! reached the server.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use rustls::pki_types::{CertificateDer, ServerName};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::{TlsAcceptor, TlsConnector};

use super::pki::TestCa;

pub struct TlsRelay {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<u8>>>,
    connections: Arc<Mutex<usize>>,
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
        let received: Arc<Mutex<Vec<u8>>> = Arc::default();
        let connections: Arc<Mutex<usize>> = Arc::default();
        let (rec, conns) = (received.clone(), connections.clone());
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    return;
                };
                *conns.lock().unwrap() += 1;
                let (acceptor, connector, name, rec) = (
                    acceptor.clone(),
                    connector.clone(),
                    name.clone(),
                    rec.clone(),
                );
                tokio::spawn(async move {
                    let Ok(front) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let Ok(up) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    let Ok(back) = connector.connect(name, up).await else {
                        return;
                    };
                    let (mut front_r, mut front_w) = tokio::io::split(front);
                    let (mut back_r, mut back_w) = tokio::io::split(back);
                    let up = async {
                        let mut buf = [0u8; 4096];
                        loop {
                            let n = match front_r.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(n) => n,
                            };
                            rec.lock().unwrap().extend_from_slice(&buf[..n]);
                            if back_w.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                        }
                        let _ = back_w.shutdown().await;
                    };
                    let down = async {
                        let _ = tokio::io::copy(&mut back_r, &mut front_w).await;
                        let _ = front_w.shutdown().await;
                    };
                    tokio::join!(up, down);
                });
            }
        });
        Ok(Self {
            addr,
            received,
            connections,
        })
    }

    /// Everything clients sent through the relay so far (decrypted).
    pub fn received(&self) -> String {
        String::from_utf8_lossy(&self.received.lock().unwrap()).to_string()
    }

    /// Whether a sign-in command (IMAP LOGIN / AUTHENTICATE, POP3 USER / PASS / AUTH, SMTP
    /// AUTH) reached the server through the relay.
    pub fn saw_sign_in(&self) -> bool {
        self.received().lines().any(|line| {
            let words: Vec<String> = line
                .split_whitespace()
                .take(2)
                .map(|w| w.to_ascii_uppercase())
                .collect();
            let is = |w: &str| words.iter().any(|x| x == w);
            is("LOGIN") || is("AUTHENTICATE") || is("AUTH") || is("PASS") || is("USER")
        })
    }

    /// How many TCP connections the relay accepted.
    pub fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}
