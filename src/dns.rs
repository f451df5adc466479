//! DNS lookups for discovery and the probe: MX (RFC 1035, RFC 5321 §5.1), SRV (RFC 2782, as
//! used by RFC 6186), TXT (RFC 1035 §3.3.14; PACC's digest records) and A/AAAA, behind a small trait so tests can answer from a loopback
//! name server and the rest of the program never sees the resolver library's types.
//!
//! `HickoryDns` asks the system's name servers (/etc/resolv.conf) or one given server such as
//! `127.0.0.1:PORT`; every lookup has a deadline. It also implements `net::HostResolver`, so
//! the probe can resolve host names through the same server.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use futures::future::BoxFuture;
use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ProtocolConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::net::NetError;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::{Resolver, TokioResolver};

use crate::net::{HostResolver, ResolveError};

/// Why a DNS lookup gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    /// The name does not exist at all (NXDOMAIN).
    #[error("{name}: no such name in DNS")]
    NotFound { name: String },
    /// The name server answered with an error (SERVFAIL, REFUSED …) or the lookup broke.
    #[error("{name}: DNS lookup of {record} failed: {detail}")]
    Failed {
        name: String,
        record: &'static str,
        detail: String,
    },
    /// No answer arrived within the deadline.
    #[error("{name}: no DNS answer for {record} within {after:?}")]
    Timeout {
        name: String,
        record: &'static str,
        after: Duration,
    },
    /// The resolver could not be set up (unreadable system configuration …).
    #[error("could not set up DNS: {0}")]
    Setup(String),
}

/// One MX record: a mail exchanger and its preference (lower is preferred).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct MxRecord {
    pub preference: u16,
    /// Lower-case, without the trailing dot.
    pub exchange: String,
}

/// One SRV record (RFC 2782). A target of "." is kept as an empty string: "not offered".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvRecord {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    /// Lower-case, without the trailing dot; empty for ".".
    pub target: String,
}

impl SrvRecord {
    /// Whether the record says the service is deliberately not offered (target ".").
    pub fn not_offered(&self) -> bool {
        self.target.is_empty()
    }
}

/// The lookups discovery needs. Answers are empty (not an error) when the name exists but has
/// no records of the type asked for.
pub trait Dns: Send + Sync + fmt::Debug {
    fn mx<'a>(&'a self, name: &'a str) -> BoxFuture<'a, Result<Vec<MxRecord>, DnsError>>;
    fn srv<'a>(&'a self, name: &'a str) -> BoxFuture<'a, Result<Vec<SrvRecord>, DnsError>>;
    /// TXT records, each one's character-strings joined (RFC 7208 §3.3 reading), as text
    /// (invalid UTF-8 replaced). A missing name is an empty answer, like a missing SRV name.
    fn txt<'a>(&'a self, name: &'a str) -> BoxFuture<'a, Result<Vec<String>, DnsError>>;
    /// A and AAAA together; `NotFound` when there is neither.
    fn ip<'a>(&'a self, host: &'a str) -> BoxFuture<'a, Result<Vec<IpAddr>, DnsError>>;
}

/// Where to send queries and how long to wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsSettings {
    /// One name server (UDP and TCP on this address); `None` reads the system configuration.
    pub server: Option<SocketAddr>,
    /// The deadline of one lookup, retries included.
    pub timeout: Duration,
}

impl Default for DnsSettings {
    fn default() -> Self {
        Self {
            server: None,
            timeout: Duration::from_secs(4),
        }
    }
}

/// DNS over hickory-resolver.
#[derive(Clone)]
pub struct HickoryDns {
    resolver: TokioResolver,
    timeout: Duration,
    server: Option<SocketAddr>,
}

impl fmt::Debug for HickoryDns {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.server {
            Some(s) => write!(f, "HickoryDns({s})"),
            None => f.write_str("HickoryDns(system)"),
        }
    }
}

impl HickoryDns {
    /// A resolver for these settings.
    pub fn new(settings: &DnsSettings) -> Result<Self, DnsError> {
        let provider = TokioRuntimeProvider::default();
        let mut builder = match settings.server {
            Some(addr) => {
                let mut udp = ConnectionConfig::new(ProtocolConfig::Udp);
                udp.port = addr.port();
                let mut tcp = ConnectionConfig::new(ProtocolConfig::Tcp);
                tcp.port = addr.port();
                let ns = NameServerConfig::new(addr.ip(), true, vec![udp, tcp]);
                Resolver::builder_with_config(ResolverConfig::from_name_servers(vec![ns]), provider)
            }
            None => Resolver::builder(provider).map_err(|e| DnsError::Setup(e.to_string()))?,
        };
        let opts: &mut ResolverOpts = builder.options_mut();
        // Two tries inside the overall deadline.
        opts.timeout = settings.timeout / 2;
        opts.attempts = 1;
        opts.ndots = 0;
        if settings.server.is_some() {
            // A test name server answers everything itself; /etc/hosts must not interfere.
            opts.use_hosts_file = ResolveHosts::Never;
        }
        let resolver = builder
            .build()
            .map_err(|e| DnsError::Setup(e.to_string()))?;
        Ok(Self {
            resolver,
            timeout: settings.timeout,
            server: settings.server,
        })
    }

    async fn lookup(
        &self,
        name: &str,
        rtype: RecordType,
        record: &'static str,
    ) -> Result<Vec<RData>, DnsError> {
        let fqdn = fully_qualified(name);
        let answer = tokio::time::timeout(self.timeout, self.resolver.lookup(fqdn, rtype)).await;
        match answer {
            Err(_) => Err(DnsError::Timeout {
                name: name.to_string(),
                record,
                after: self.timeout,
            }),
            Ok(Ok(lookup)) => Ok(lookup
                .answers()
                .iter()
                .filter(|r| r.record_type() == rtype)
                .map(|r| r.data.clone())
                .collect()),
            Ok(Err(e)) => classify(name, record, self.timeout, e),
        }
    }
}

/// Turns a resolver error into "no records" (an empty answer), "no such name", or a failure.
fn classify(
    name: &str,
    record: &'static str,
    timeout: Duration,
    e: NetError,
) -> Result<Vec<RData>, DnsError> {
    if e.is_nx_domain() {
        return Err(DnsError::NotFound {
            name: name.to_string(),
        });
    }
    if e.is_no_records_found() {
        return Ok(Vec::new());
    }
    if matches!(e, NetError::Timeout) {
        return Err(DnsError::Timeout {
            name: name.to_string(),
            record,
            after: timeout,
        });
    }
    Err(DnsError::Failed {
        name: name.to_string(),
        record,
        detail: e.to_string(),
    })
}

fn fully_qualified(name: &str) -> String {
    let name = name.trim_end_matches('.');
    format!("{name}.")
}

fn name_text(name: &hickory_resolver::proto::rr::Name) -> String {
    name.to_ascii().trim_end_matches('.').to_ascii_lowercase()
}

impl Dns for HickoryDns {
    fn mx<'a>(&'a self, name: &'a str) -> BoxFuture<'a, Result<Vec<MxRecord>, DnsError>> {
        Box::pin(async move {
            let mut records: Vec<MxRecord> = self
                .lookup(name, RecordType::MX, "MX")
                .await?
                .into_iter()
                .filter_map(|d| match d {
                    RData::MX(mx) => Some(MxRecord {
                        preference: mx.preference,
                        exchange: name_text(&mx.exchange),
                    }),
                    _ => None,
                })
                .collect();
            records.sort();
            Ok(records)
        })
    }

    fn srv<'a>(&'a self, name: &'a str) -> BoxFuture<'a, Result<Vec<SrvRecord>, DnsError>> {
        Box::pin(async move {
            match self.lookup(name, RecordType::SRV, "SRV").await {
                // A missing _service._tcp name only means "no such record".
                Err(DnsError::NotFound { .. }) => Ok(Vec::new()),
                Err(e) => Err(e),
                Ok(data) => Ok(data
                    .into_iter()
                    .filter_map(|d| match d {
                        RData::SRV(srv) => Some(SrvRecord {
                            priority: srv.priority,
                            weight: srv.weight,
                            port: srv.port,
                            target: name_text(&srv.target),
                        }),
                        _ => None,
                    })
                    .collect()),
            }
        })
    }

    fn txt<'a>(&'a self, name: &'a str) -> BoxFuture<'a, Result<Vec<String>, DnsError>> {
        Box::pin(async move {
            match self.lookup(name, RecordType::TXT, "TXT").await {
                Err(DnsError::NotFound { .. }) => Ok(Vec::new()),
                Err(e) => Err(e),
                Ok(data) => Ok(data
                    .into_iter()
                    .filter_map(|d| match d {
                        RData::TXT(txt) => Some(
                            txt.txt_data
                                .iter()
                                .map(|part| String::from_utf8_lossy(part))
                                .collect::<String>(),
                        ),
                        _ => None,
                    })
                    .collect()),
            }
        })
    }

    fn ip<'a>(&'a self, host: &'a str) -> BoxFuture<'a, Result<Vec<IpAddr>, DnsError>> {
        Box::pin(async move {
            let (v4, v6) = tokio::join!(
                self.lookup(host, RecordType::A, "A"),
                self.lookup(host, RecordType::AAAA, "AAAA")
            );
            let mut addrs = Vec::new();
            let mut first_error = None;
            for part in [v4, v6] {
                match part {
                    Ok(data) => addrs.extend(data.into_iter().filter_map(|d| match d {
                        RData::A(a) => Some(IpAddr::V4(a.0)),
                        RData::AAAA(a) => Some(IpAddr::V6(a.0)),
                        _ => None,
                    })),
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
            if !addrs.is_empty() {
                return Ok(addrs);
            }
            match first_error {
                Some(e @ (DnsError::Failed { .. } | DnsError::Timeout { .. })) => Err(e),
                _ => Err(DnsError::NotFound {
                    name: host.to_string(),
                }),
            }
        })
    }
}

impl HostResolver for HickoryDns {
    fn lookup<'a>(&'a self, host: &'a str) -> BoxFuture<'a, Result<Vec<IpAddr>, ResolveError>> {
        Box::pin(async move {
            self.ip(host).await.map_err(|e| match e {
                DnsError::NotFound { .. } => ResolveError::NotFound {
                    host: host.to_string(),
                },
                other => ResolveError::Failed {
                    host: host.to_string(),
                    detail: other.to_string(),
                },
            })
        })
    }
}

/// Sorts SRV records as RFC 2782 asks: lowest priority first; within a priority, heavier
/// weight first (a deterministic stand-in for the weighted random pick), then by target.
pub fn srv_order(records: &mut [SrvRecord]) {
    records.sort_by(|a, b| {
        a.priority
            .cmp(&b.priority)
            .then(b.weight.cmp(&a.weight))
            .then(a.target.cmp(&b.target))
            .then(a.port.cmp(&b.port))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn srv(priority: u16, weight: u16, target: &str) -> SrvRecord {
        SrvRecord {
            priority,
            weight,
            port: 993,
            target: target.into(),
        }
    }

    #[test]
    fn srv_records_sort_by_priority_then_weight() {
        let mut r = vec![
            srv(20, 0, "c"),
            srv(10, 5, "b"),
            srv(10, 60, "a"),
            srv(0, 0, ""),
        ];
        srv_order(&mut r);
        let order: Vec<&str> = r.iter().map(|s| s.target.as_str()).collect();
        assert_eq!(order, vec!["", "a", "b", "c"]);
        assert!(r[0].not_offered());
    }

    #[test]
    fn names_become_fully_qualified() {
        assert_eq!(fully_qualified("example.com"), "example.com.");
        assert_eq!(fully_qualified("example.com."), "example.com.");
    }
}
