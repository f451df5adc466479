//! Name resolution behind a small trait, so the probe engine and discovery can be pointed at
//! loopback in tests (`--resolve host=addr`) and at a custom DNS server.
//!
//! The default asks the operating system (getaddrinfo, which honours /etc/hosts); overrides
//! are consulted first. Also the one TLS crypto provider (ring) every TLS client here uses.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;

use std::sync::OnceLock;

use futures::future::BoxFuture;
use rustls::crypto::CryptoProvider;

/// The one crypto provider of the whole program (ring).
pub fn crypto_provider() -> Arc<CryptoProvider> {
    static PROVIDER: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    PROVIDER
        .get_or_init(|| {
            let provider = rustls::crypto::ring::default_provider();
            // Also make it the process default, for libraries that build their own configs.
            // An error only means another part of the program installed ring already.
            let _ = provider.clone().install_default();
            Arc::new(provider)
        })
        .clone()
}

/// Why a name did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// The name does not exist (NXDOMAIN / no address records).
    #[error("{host}: no such host")]
    NotFound { host: String },
    /// The lookup itself failed (no network, server failure, timeout).
    #[error("{host}: lookup failed: {detail}")]
    Failed { host: String, detail: String },
}

/// Turns a host name into addresses.
pub trait HostResolver: Send + Sync + fmt::Debug {
    fn lookup<'a>(&'a self, host: &'a str) -> BoxFuture<'a, Result<Vec<IpAddr>, ResolveError>>;
}

/// The operating system's resolver.
///
/// getaddrinfo blocks and cannot be interrupted, so each lookup runs on its own detached
/// thread: a caller's deadline or cancel returns at once, and a lookup stuck on a name server
/// that is down (5 s × tries by default) neither holds a worker nor delays the end of the
/// program (tokio's blocking pool would be waited for when the runtime shuts down).
#[derive(Debug, Default, Clone)]
pub struct SystemResolver;

/// Runs getaddrinfo for `host` on a detached thread.
async fn getaddrinfo(host: &str) -> std::io::Result<Vec<std::net::SocketAddr>> {
    use std::net::ToSocketAddrs;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let name = host.to_string();
    std::thread::Builder::new()
        .name("getaddrinfo".into())
        .spawn(move || {
            let result = (name.as_str(), 0).to_socket_addrs().map(Iterator::collect);
            let _ = tx.send(result);
        })?;
    rx.await.unwrap_or_else(|_| {
        Err(std::io::Error::other(
            "the lookup thread ended without an answer",
        ))
    })
}

impl HostResolver for SystemResolver {
    fn lookup<'a>(&'a self, host: &'a str) -> BoxFuture<'a, Result<Vec<IpAddr>, ResolveError>> {
        Box::pin(async move {
            match getaddrinfo(host).await {
                Ok(addrs) => {
                    let mut ips: Vec<IpAddr> = Vec::new();
                    for a in addrs {
                        if !ips.contains(&a.ip()) {
                            ips.push(a.ip());
                        }
                    }
                    if ips.is_empty() {
                        Err(ResolveError::NotFound {
                            host: host.to_string(),
                        })
                    } else {
                        Ok(ips)
                    }
                }
                Err(e) => {
                    // getaddrinfo's own words (EAI_NONAME / EAI_NODATA) are the only signal
                    // the standard library passes on for "this name does not exist".
                    let text = e.to_string();
                    if text.contains("not known")
                        || text.contains("No address associated")
                        || text.contains("nodename nor servname")
                        || text.contains("No such host")
                    {
                        Err(ResolveError::NotFound {
                            host: host.to_string(),
                        })
                    } else {
                        Err(ResolveError::Failed {
                            host: host.to_string(),
                            detail: text,
                        })
                    }
                }
            }
        })
    }
}

/// Fixed answers for some names, falling back to another resolver for the rest.
#[derive(Debug, Clone)]
pub struct OverrideResolver {
    map: BTreeMap<String, Vec<IpAddr>>,
    fallback: Arc<dyn HostResolver>,
}

impl OverrideResolver {
    pub fn new(fallback: Arc<dyn HostResolver>) -> Self {
        Self {
            map: BTreeMap::new(),
            fallback,
        }
    }

    /// Answers `host` with `addr` (several calls add several addresses).
    pub fn insert(&mut self, host: &str, addr: IpAddr) {
        self.map
            .entry(host.trim_end_matches('.').to_ascii_lowercase())
            .or_default()
            .push(addr);
    }

    /// Parses `host=addr` as given on the command line.
    pub fn insert_spec(&mut self, spec: &str) -> Result<(), String> {
        let (host, addr) = spec
            .split_once('=')
            .ok_or_else(|| format!("\"{spec}\": write it as host=address"))?;
        let addr: IpAddr = addr
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .map_err(|_| format!("\"{spec}\": \"{addr}\" is not an IP address"))?;
        if host.trim().is_empty() {
            return Err(format!("\"{spec}\": the host name is empty"));
        }
        self.insert(host.trim(), addr);
        Ok(())
    }
}

impl HostResolver for OverrideResolver {
    fn lookup<'a>(&'a self, host: &'a str) -> BoxFuture<'a, Result<Vec<IpAddr>, ResolveError>> {
        let key = host.trim_end_matches('.').to_ascii_lowercase();
        match self.map.get(&key) {
            Some(addrs) => {
                let addrs = addrs.clone();
                Box::pin(async move { Ok(addrs) })
            }
            None => self.fallback.lookup(host),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn overrides_answer_first_and_fall_back() {
        let mut r = OverrideResolver::new(Arc::new(SystemResolver));
        r.insert_spec("IMAP.Example.test=127.0.0.2").unwrap();
        assert_eq!(
            r.lookup("imap.example.test.").await.unwrap(),
            vec!["127.0.0.2".parse::<IpAddr>().unwrap()]
        );
        assert!(
            r.lookup("localhost")
                .await
                .unwrap()
                .iter()
                .any(|a| a.is_loopback())
        );
        assert!(r.insert_spec("nohost").is_err());
        assert!(r.insert_spec("a=b").is_err());
    }
}
