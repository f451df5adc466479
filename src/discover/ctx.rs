//! What every source is given and gives back: `Ctx`, the I/O seams the sources share (name
//! server, host resolver, HTTP client, provider table, ISPDB URL, parser limits, the `Date`
//! log), built once per run from the options; and `Findings`, one source's answer before
//! the run merges them.

use std::sync::Arc;

use super::candidate::{Candidate, Disagreement};
use super::config_services::OtherService;
use super::config_v11;
use super::http::{self, FetchError, HttpClient};
use super::options::DiscoveryOptions;
use super::providers::{ProviderNotes, ProviderTable, TableError};
use super::result::{DiscoveredOAuth2, ExchangeOffer, JmapNotice, SourceError};
use crate::account::EmailAddress;
use crate::dns::{Dns, DnsError, HickoryDns};
use crate::net::HostResolver;

/// What one source returns.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    pub candidates: Vec<Candidate>,
    pub provider: Option<ProviderNotes>,
    pub disputed: Vec<Disagreement>,
    pub asked: Vec<String>,
    pub notes: Vec<String>,
    /// A config-v1.1 file's `<oAuth2>` block.
    pub oauth2: Option<DiscoveredOAuth2>,
    /// Signs that the provider also offers JMAP.
    pub jmap: Option<JmapNotice>,
    /// Services of other kinds a file listed (autoconfig 1.2: EWS, ManageSieve …).
    pub services: Vec<OtherService>,
    /// An Autodiscover answer offering Exchange only.
    pub exchange: Option<ExchangeOffer>,
}

/// The I/O seams the sources share.
pub(crate) struct Ctx {
    pub email: EmailAddress,
    pub dns: Result<Arc<dyn Dns>, DnsError>,
    pub hosts: Arc<dyn HostResolver>,
    pub http: Result<HttpClient, FetchError>,
    pub ispdb_url: String,
    /// Microsoft 365's unauthenticated Autodiscover v2 endpoint (the address is appended).
    pub microsoft365_url: String,
    pub table: Result<Arc<ProviderTable>, TableError>,
    pub limits: config_v11::Limits,
    /// The `Date` log the HTTP client writes to.
    pub dates: http::DateLog,
}

impl Ctx {
    pub(super) fn new(email: &EmailAddress, opts: &DiscoveryOptions) -> Self {
        let dns: Result<Arc<dyn Dns>, DnsError> =
            HickoryDns::new(&opts.dns).map(|d| Arc::new(d) as Arc<dyn Dns>);
        let hosts = opts.host_resolver();
        let http = HttpClient::new(
            opts.http.clone(),
            opts.extra_roots.clone(),
            hosts.clone(),
            opts.overrides.clone(),
        )
        .map(|c| c.with_date_log(opts.dates.clone()));
        Self {
            email: email.clone(),
            dns,
            hosts,
            http,
            ispdb_url: opts.ispdb_url.clone(),
            microsoft365_url: opts.microsoft365_url.clone(),
            table: match &opts.table {
                Some(t) => Ok(t.clone()),
                None => ProviderTable::builtin().map(|t| Arc::new(t.clone())),
            },
            limits: opts.limits,
            dates: opts.dates.clone(),
        }
    }

    /// The answer from `url` was the domain's own word (or ISPDB's) over verified HTTPS: its
    /// `Date` may serve as a time reference.
    pub fn vouch_date(&self, url: &str) {
        self.dates.vouch(url);
    }

    pub fn dns(&self) -> Result<&Arc<dyn Dns>, SourceError> {
        self.dns.as_ref().map_err(|e| SourceError::Dns(e.clone()))
    }

    pub fn http(&self) -> Result<&HttpClient, SourceError> {
        self.http.as_ref().map_err(|e| SourceError::Http(e.clone()))
    }

    pub fn table(&self) -> Result<&ProviderTable, SourceError> {
        self.table
            .as_deref()
            .map_err(|e| SourceError::Table(e.clone()))
    }
}
