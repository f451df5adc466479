//! What discovery is told: where it asks (ISPDB, name server, host overrides, test HTTP
//! port), whom it trusts besides the platform's roots, its limits and deadlines, and which
//! sources run (`DiscoveryOptions`), with the parsers for the settings people give
//! (`host=addr[:port]`, a PEM file of CA certificates).

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::CertificateDer;

use super::config_v11;
use super::http::{self, HttpSettings};
use super::providers::ProviderTable;
use super::source::SourceId;
use crate::dns::{DnsSettings, HickoryDns};
use crate::net::{HostResolver, OverrideResolver, SystemResolver};

/// Mozilla's ISPDB.
pub const DEFAULT_ISPDB_URL: &str = "https://autoconfig.thunderbird.net/v1.1/";

/// Microsoft 365's Autodiscover v2 endpoint, asked without credentials whether a mailbox is
/// in Microsoft 365 (the address and `?Protocol=AutodiscoverV1` are appended).
pub const DEFAULT_MICROSOFT365_URL: &str =
    "https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/";

/// Everything discovery talks to, so tests and technicians can point it anywhere.
#[derive(Debug, Clone)]
pub struct DiscoveryOptions {
    /// ISPDB base URL; the ASCII domain is appended.
    pub ispdb_url: String,
    /// Microsoft 365's Autodiscover v2 base URL (`DEFAULT_MICROSOFT365_URL`); asked only
    /// when the domain's MX is Microsoft's.
    pub microsoft365_url: String,
    /// Name server and lookup deadline.
    pub dns: DnsSettings,
    /// Roots trusted in addition to the platform's (HTTPS here; the probe gets them too).
    pub extra_roots: Vec<CertificateDer<'static>>,
    /// Host → addresses, asked before DNS (port 0 = the usual port).
    pub overrides: BTreeMap<String, Vec<SocketAddr>>,
    /// HTTP client limits (body cap, redirects, per-request deadline, test port).
    pub http: HttpSettings,
    /// Config-v1.1 parser limits.
    pub limits: config_v11::Limits,
    /// The whole discovery never takes longer than this.
    pub deadline: Duration,
    /// One source never takes longer than this.
    pub source_timeout: Duration,
    /// Which sources to ask (all by default).
    pub sources: BTreeSet<SourceId>,
    /// A provider table replacing the built-in one (tests, site-specific tables).
    pub table: Option<Arc<ProviderTable>>,
    /// Where the `Date` of HTTPS answers goes (a time reference for the probe's diagnosis).
    pub dates: http::DateLog,
}

impl Default for DiscoveryOptions {
    fn default() -> Self {
        Self {
            ispdb_url: DEFAULT_ISPDB_URL.to_string(),
            microsoft365_url: DEFAULT_MICROSOFT365_URL.to_string(),
            dns: DnsSettings::default(),
            extra_roots: Vec::new(),
            overrides: BTreeMap::new(),
            http: HttpSettings::default(),
            limits: config_v11::Limits::default(),
            deadline: Duration::from_secs(6),
            source_timeout: Duration::from_secs(5),
            sources: SourceId::ALL.into_iter().collect(),
            table: None,
            dates: http::DateLog::default(),
        }
    }
}

/// A bad option value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    #[error("\"{0}\": write it as host=address or host=address:port")]
    BadResolve(String),
    #[error("could not read the CA file {path}: {detail}")]
    CaFile { path: String, detail: String },
    #[error("the CA file {path} holds no PEM certificate")]
    EmptyCaFile { path: String },
}

impl DiscoveryOptions {
    /// Adds `host=addr`, `host=addr:port` or `host=[v6addr]:port`.
    pub fn add_resolve(&mut self, spec: &str) -> Result<(), OptionsError> {
        let bad = || OptionsError::BadResolve(spec.to_string());
        let (host, addr) = spec.split_once('=').ok_or_else(bad)?;
        let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
        if host.is_empty() {
            return Err(bad());
        }
        let addr = addr.trim();
        let sock = match addr.parse::<SocketAddr>() {
            Ok(s) => s,
            Err(_) => {
                let ip: IpAddr = addr
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse()
                    .map_err(|_| bad())?;
                SocketAddr::new(ip, 0)
            }
        };
        self.overrides.entry(host).or_default().push(sock);
        Ok(())
    }

    /// Trusts the certificates of a PEM file in addition to the platform's.
    pub fn add_ca_file(&mut self, path: &Path) -> Result<(), OptionsError> {
        use crate::trust::pem::{self, PemError};
        let certs = pem::read_certificates(path).map_err(|e| match e {
            PemError::ReadCaFile { path, source } => OptionsError::CaFile {
                path,
                detail: source.to_string(),
            },
            PemError::BadCaFile { path, detail } => OptionsError::CaFile { path, detail },
            PemError::EmptyCaFile { path } => OptionsError::EmptyCaFile { path },
        })?;
        self.extra_roots.extend(certs);
        Ok(())
    }

    /// The resolver for host addresses that discovery uses, and that the probe should use
    /// for the candidates it returns: overrides first, then the configured name server (or
    /// the operating system's resolver when none is configured).
    pub fn host_resolver(&self) -> Arc<dyn HostResolver> {
        let fallback: Arc<dyn HostResolver> = match self.dns.server {
            Some(_) => match HickoryDns::new(&self.dns) {
                Ok(d) => Arc::new(d),
                Err(_) => Arc::new(SystemResolver),
            },
            None => Arc::new(SystemResolver),
        };
        let mut r = OverrideResolver::new(fallback);
        for (host, addrs) in &self.overrides {
            for a in addrs {
                r.insert(host, a.ip());
            }
        }
        Arc::new(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_specs_parse_with_and_without_port() {
        let mut o = DiscoveryOptions::default();
        o.add_resolve("Autoconfig.Example.test=127.0.0.1").unwrap();
        o.add_resolve("ispdb.test=127.0.0.1:8443").unwrap();
        o.add_resolve("v6.test=[::1]:443").unwrap();
        o.add_resolve("v6b.test=::1").unwrap();
        assert_eq!(o.overrides["autoconfig.example.test"][0].port(), 0);
        assert_eq!(o.overrides["ispdb.test"][0].port(), 8443);
        assert_eq!(o.overrides["v6.test"][0].port(), 443);
        assert!(o.overrides["v6b.test"][0].ip().is_loopback());
        assert!(o.add_resolve("nohost").is_err());
        assert!(o.add_resolve("=127.0.0.1").is_err());
        assert!(o.add_resolve("a=b").is_err());
    }
}
