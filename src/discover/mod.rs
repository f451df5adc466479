//! Discovery: from an email address to ranked candidate servers, asking every source at once.
//!
//! Sources (one file each): the built-in provider table, ISP autoconfig over HTTPS
//! (`autoconfig.<domain>`), the domain's `.well-known` autoconfig file, Mozilla's ISPDB, the
//! MX host's provider, RFC 6186 SRV records, guessed host names, and the autoconfig URLs over
//! plain HTTP (untrusted). All run concurrently, each under its own timeout, all under one
//! overall deadline. Results are streamed as they arrive (`discover_with_events`), so a
//! window can show each source's state; once trusted candidates for incoming and outgoing
//! mail are in, the others get a short settling time and are then cut short, so a slow or
//! dead source never holds up a good answer beyond that (and never beyond the deadline).
//! At the end duplicates are merged (keeping every source), candidates ranked, and
//! disagreements between sources recorded (`candidate.rs`). A config-v1.1 file's `<oAuth2>`
//! block travels in the result with its source's trust (`DiscoveredOAuth2`), for the OAuth
//! sign-in to find the issuer of a provider the built-in table does not know.
//!
//! Nothing here logs in anywhere; `verify` pairs candidates with the probe.

mod autoconfig;
pub mod candidate;
pub mod config_v11;
mod guess;
pub mod host_name;
pub mod http;
mod ispdb;
mod mx;
pub mod providers;
mod public_suffix;
pub mod source;
mod srv;
pub mod via;
pub mod vouch;
mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use rustls::pki_types::CertificateDer;
use serde::{Serialize, Serializer};
use tokio::sync::mpsc;

pub use candidate::{Candidate, Claim, Disagreement, DisagreementKind, UsernameForm};
pub use config_v11::{AuthMethod, ConfigError, OAuth2Spec};
pub use http::{FetchError, HttpSettings};
pub use providers::{Login, ProviderHelp, ProviderNotes, ProviderTable, TableError};
pub use source::{Channel, Origin, SourceId, SourceTrust};
pub use vouch::Vouch;

use crate::account::{EmailAddress, Protocol};
use crate::dns::{Dns, DnsError, DnsSettings, HickoryDns};
use crate::net::{HostResolver, OverrideResolver, SystemResolver};
use http::HttpClient;
use via::Via;

/// Mozilla's ISPDB.
pub const DEFAULT_ISPDB_URL: &str = "https://autoconfig.thunderbird.net/v1.1/";

/// Everything discovery talks to, so tests and technicians can point it anywhere.
#[derive(Debug, Clone)]
pub struct DiscoveryOptions {
    /// ISPDB base URL; the ASCII domain is appended.
    pub ispdb_url: String,
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
    /// Once trusted candidates for incoming and outgoing are in, wait at most this long for
    /// the remaining sources (their answers cross-check), then finish.
    pub settle: Duration,
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
            dns: DnsSettings::default(),
            extra_roots: Vec::new(),
            overrides: BTreeMap::new(),
            http: HttpSettings::default(),
            limits: config_v11::Limits::default(),
            deadline: Duration::from_secs(6),
            source_timeout: Duration::from_secs(5),
            settle: Duration::from_millis(1500),
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
        use rustls::pki_types::pem::PemObject;
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| OptionsError::CaFile {
            path: shown.clone(),
            detail: e.to_string(),
        })?;
        let mut certs = Vec::new();
        for item in CertificateDer::pem_slice_iter(&bytes) {
            certs.push(item.map_err(|e| OptionsError::CaFile {
                path: shown.clone(),
                detail: e.to_string(),
            })?);
        }
        if certs.is_empty() {
            return Err(OptionsError::EmptyCaFile { path: shown });
        }
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

/// Why a source gave nothing usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error(transparent)]
    Http(#[from] FetchError),
    #[error("{url}: {error}")]
    Config { url: String, error: ConfigError },
    #[error(transparent)]
    Dns(#[from] DnsError),
    #[error(transparent)]
    Table(#[from] TableError),
    #[error("no answer within {after:?}")]
    TimedOut { after: Duration },
    /// A source named a server that is not a host name (`host_name`): its whole answer is
    /// refused.
    #[error("{place} names a server that is not a valid host name: {error}")]
    BadHost {
        place: String,
        error: host_name::BadHostName,
    },
}

/// Where a source stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    /// Still running.
    Waiting,
    /// Named at least one server.
    Found,
    /// Answered, but knows nothing about this domain.
    Nothing,
    /// Broke (see the error).
    Failed,
    /// Ran out of time.
    TimedOut,
    /// Stopped because trusted answers were complete and the settling time was over.
    CutShort,
    /// Not asked.
    Skipped,
}

/// One source's outcome, for the per-source status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceReport {
    pub source: SourceId,
    pub status: SourceStatus,
    /// Milliseconds from the start of discovery until it finished (None while waiting).
    pub ms: Option<u64>,
    /// How many candidates it named.
    pub found: usize,
    /// What was asked (URLs, DNS names).
    pub asked: Vec<String>,
    /// Remarks ("_pop3._tcp says POP3 is not offered" …).
    pub notes: Vec<String>,
    #[serde(serialize_with = "error_text")]
    pub error: Option<SourceError>,
}

fn error_text<S: Serializer>(e: &Option<SourceError>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(&e.to_string()),
        None => s.serialize_none(),
    }
}

impl SourceReport {
    fn new(source: SourceId, status: SourceStatus) -> Self {
        Self {
            source,
            status,
            ms: None,
            found: 0,
            asked: Vec::new(),
            notes: Vec::new(),
            error: None,
        }
    }
}

/// What discovery found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiscoveryResult {
    pub email: String,
    /// Unicode form.
    pub domain: String,
    /// ASCII (punycode) form, as used on the wire.
    pub domain_ascii: String,
    /// What to know about the provider, when the table knows it.
    pub provider: Option<ProviderNotes>,
    /// Every candidate, ranked best first (all protocols).
    pub candidates: Vec<Candidate>,
    pub disagreements: Vec<Disagreement>,
    /// One report per source, in `SourceId` order.
    pub sources: Vec<SourceReport>,
    /// The `<oAuth2>` block a config-v1.1 file published (the most trusted source's), for
    /// `oauth::session` to pick the issuer when the built-in table knows none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth2: Option<DiscoveredOAuth2>,
    /// When the first candidate arrived, in milliseconds.
    pub first_candidate_ms: Option<u64>,
    pub elapsed_ms: u64,
}

/// An `<oAuth2>` block (Thunderbird's config-v1.1 extension) as a source published it, with
/// where it came from: the same `SourceTrust` and `Channel` its servers get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiscoveredOAuth2 {
    pub spec: OAuth2Spec,
    /// The provider's name in that file (`displayName`), may be empty.
    pub provider: String,
    pub source: SourceId,
    pub channel: Channel,
    pub trust: SourceTrust,
    /// The URL asked (and where redirects ended).
    pub via: String,
}

impl DiscoveredOAuth2 {
    pub(crate) fn new(
        spec: OAuth2Spec,
        provider: &str,
        source: SourceId,
        channel: Channel,
        via: &str,
    ) -> Self {
        Self {
            spec,
            provider: provider.trim().to_string(),
            trust: SourceTrust::of(source, &channel),
            source,
            channel,
            via: via.to_string(),
        }
    }

    /// Whether the block may send the person to its issuer without asking: the rule that
    /// lets a source vouch for servers (`vouch`) — fetched over verified HTTPS from the
    /// domain's own autoconfig or `.well-known` file, or from the ISPDB's own site. Plain
    /// HTTP, or a redirect off that site, could name anyone's sign-in page.
    pub fn is_trusted(&self) -> bool {
        self.trust == SourceTrust::Trusted && self.channel.verified()
    }

    /// Which of two blocks to keep: a trusted one first, then the better source (table
    /// order of `SourceId`).
    fn better(self, other: Self) -> Self {
        let rank = |b: &Self| (!b.is_trusted(), b.source);
        if rank(&other) < rank(&self) {
            other
        } else {
            self
        }
    }
}

impl DiscoveryResult {
    /// The candidates of one protocol, best first.
    pub fn for_protocol(&self, p: Protocol) -> impl Iterator<Item = &Candidate> {
        self.candidates.iter().filter(move |c| c.protocol == p)
    }

    /// The best candidate of one protocol.
    pub fn best(&self, p: Protocol) -> Option<&Candidate> {
        self.for_protocol(p).next()
    }

    /// Whether something was found for incoming (IMAP or POP3) and outgoing mail.
    pub fn is_complete(&self) -> bool {
        self.candidates.iter().any(|c| c.protocol.is_incoming())
            && self.best(Protocol::Smtp).is_some()
    }

    /// The report of one source.
    pub fn source(&self, s: SourceId) -> Option<&SourceReport> {
        self.sources.iter().find(|r| r.source == s)
    }
}

/// Streamed while discovery runs, in this order: `Started`, then `ProviderKnown` (at most
/// once, as soon as the provider is recognised) and one `SourceDone` per source as each
/// finishes, then `Finished`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum DiscoveryEvent {
    Started {
        email: String,
        domain: String,
        sources: Vec<SourceId>,
    },
    ProviderKnown {
        notes: ProviderNotes,
    },
    SourceDone {
        report: SourceReport,
        /// What this source named (not yet merged with the others).
        candidates: Vec<Candidate>,
    },
    Finished {
        result: Box<DiscoveryResult>,
    },
}

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
}

/// The I/O seams the sources share.
pub(crate) struct Ctx {
    pub email: EmailAddress,
    pub dns: Result<Arc<dyn Dns>, DnsError>,
    pub hosts: Arc<dyn HostResolver>,
    pub http: Result<HttpClient, FetchError>,
    pub ispdb_url: String,
    pub table: Result<Arc<ProviderTable>, TableError>,
    pub limits: config_v11::Limits,
    /// The `Date` log the HTTP client writes to.
    pub dates: http::DateLog,
}

impl Ctx {
    fn new(email: &EmailAddress, opts: &DiscoveryOptions) -> Self {
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

async fn run_source(source: SourceId, ctx: &Ctx) -> Result<Findings, SourceError> {
    match source {
        SourceId::Provider => providers_source(ctx),
        SourceId::Autoconfig => autoconfig::isp(ctx, true).await,
        SourceId::WellKnown => autoconfig::well_known(ctx, true).await,
        SourceId::AutoconfigHttp => autoconfig::plain_http(ctx).await,
        SourceId::Ispdb => ispdb::run(ctx).await,
        SourceId::Mx => mx::run(ctx).await,
        SourceId::Srv => srv::run(ctx).await,
        SourceId::Guess => guess::run(ctx).await,
    }
}

fn providers_source(ctx: &Ctx) -> Result<Findings, SourceError> {
    let domain = ctx.email.domain_ascii();
    let mut f = Findings {
        asked: vec![format!("built-in table: {domain}")],
        ..Findings::default()
    };
    if let Some(m) = ctx.table()?.lookup(domain) {
        let via = Via::Table {
            provider: m.notes(domain).name,
            per: None,
        };
        f.candidates = m.candidates(&ctx.email, SourceId::Provider, Channel::BuiltIn, &via);
        f.provider = Some(m.notes(domain));
        f.disputed = m.disputed();
    }
    Ok(f)
}

/// Runs discovery and returns the merged, ranked result.
pub async fn discover(email: &EmailAddress, opts: &DiscoveryOptions) -> DiscoveryResult {
    run(email, opts, None).await
}

/// Runs discovery and streams `DiscoveryEvent`s while it runs; the last event carries the
/// same result that is returned. A dropped receiver does not stop discovery.
pub async fn discover_with_events(
    email: &EmailAddress,
    opts: &DiscoveryOptions,
    events: mpsc::Sender<DiscoveryEvent>,
) -> DiscoveryResult {
    run(email, opts, Some(events)).await
}

async fn emit(events: &Option<mpsc::Sender<DiscoveryEvent>>, e: DiscoveryEvent) {
    if let Some(tx) = events {
        let _ = tx.send(e).await;
    }
}

async fn run(
    email: &EmailAddress,
    opts: &DiscoveryOptions,
    events: Option<mpsc::Sender<DiscoveryEvent>>,
) -> DiscoveryResult {
    let started = Instant::now();
    let deadline = tokio::time::Instant::from_std(started + opts.deadline);
    let ctx = Ctx::new(email, opts);
    let enabled: Vec<SourceId> = opts.sources.iter().copied().collect();
    emit(
        &events,
        DiscoveryEvent::Started {
            email: email.to_string(),
            domain: email.domain().to_string(),
            sources: enabled.clone(),
        },
    )
    .await;

    let mut reports: BTreeMap<SourceId, SourceReport> = SourceId::ALL
        .into_iter()
        .map(|s| {
            let status = if opts.sources.contains(&s) {
                SourceStatus::Waiting
            } else {
                SourceStatus::Skipped
            };
            (s, SourceReport::new(s, status))
        })
        .collect();
    let ctx_ref = &ctx;
    let mut running: FuturesUnordered<_> = enabled
        .iter()
        .map(|&source| async move {
            let r = tokio::time::timeout(opts.source_timeout, run_source(source, ctx_ref)).await;
            let r = r.unwrap_or(Err(SourceError::TimedOut {
                after: opts.source_timeout,
            }));
            (source, r)
        })
        .collect();

    let mut all: Vec<Candidate> = Vec::new();
    let mut disputed: Vec<Disagreement> = Vec::new();
    let mut provider: Option<ProviderNotes> = None;
    let mut oauth2: Option<DiscoveredOAuth2> = None;
    let mut first_candidate_ms = None;
    let mut settle_at: Option<tokio::time::Instant> = None;
    let mut cut_short = false;
    loop {
        let stop_at = settle_at.map_or(deadline, |s| s.min(deadline));
        let next = tokio::select! {
            n = running.next() => n,
            _ = tokio::time::sleep_until(stop_at) => {
                cut_short = settle_at.is_some_and(|s| s < deadline);
                break;
            }
        };
        let Some((source, result)) = next else { break };
        let ms = started.elapsed().as_millis() as u64;
        let report = reports
            .entry(source)
            .or_insert_with(|| SourceReport::new(source, SourceStatus::Waiting));
        report.ms = Some(ms);
        let mut found = Vec::new();
        match result.and_then(screen) {
            Ok(f) => {
                report.status = if f.candidates.is_empty() {
                    SourceStatus::Nothing
                } else {
                    SourceStatus::Found
                };
                report.found = f.candidates.len();
                report.asked = f.asked;
                report.notes = f.notes;
                if !f.candidates.is_empty() && first_candidate_ms.is_none() {
                    first_candidate_ms = Some(ms);
                }
                found = f.candidates;
                for (i, c) in found.iter_mut().enumerate() {
                    for o in &mut c.origins {
                        o.position = i;
                    }
                }
                disputed.extend(f.disputed);
                if let Some(block) = f.oauth2 {
                    oauth2 = Some(match oauth2.take() {
                        Some(have) => have.better(block),
                        None => block,
                    });
                }
                if provider.is_none()
                    && let Some(notes) = f.provider
                {
                    provider = Some(notes.clone());
                    emit(&events, DiscoveryEvent::ProviderKnown { notes }).await;
                }
            }
            Err(e) => {
                report.status = match e {
                    SourceError::TimedOut { .. } => SourceStatus::TimedOut,
                    _ => SourceStatus::Failed,
                };
                report.error = Some(e);
            }
        }
        let report = report.clone();
        all.extend(found.iter().cloned());
        emit(
            &events,
            DiscoveryEvent::SourceDone {
                report,
                candidates: found,
            },
        )
        .await;
        if settle_at.is_none() && trusted_answer_complete(&all) {
            settle_at = Some(tokio::time::Instant::now() + opts.settle);
        }
    }
    drop(running);
    let ms = started.elapsed().as_millis() as u64;
    for report in reports.values_mut() {
        if report.status == SourceStatus::Waiting {
            report.ms = Some(ms);
            if cut_short {
                report.status = SourceStatus::CutShort;
            } else {
                report.status = SourceStatus::TimedOut;
                report.error = Some(SourceError::TimedOut {
                    after: opts.deadline,
                });
            }
            // Every source gets its SourceDone, also the ones stopped here.
            emit(
                &events,
                DiscoveryEvent::SourceDone {
                    report: report.clone(),
                    candidates: Vec::new(),
                },
            )
            .await;
        }
    }

    let (candidates, mut disagreements) = candidate::merge(all);
    disagreements.extend(candidate::find_disagreements(&candidates));
    disagreements.extend(disputed);
    let result = DiscoveryResult {
        email: email.to_string(),
        domain: email.domain().to_string(),
        domain_ascii: email.domain_ascii().to_string(),
        provider,
        candidates,
        disagreements,
        sources: reports.into_values().collect(),
        oauth2,
        first_candidate_ms,
        elapsed_ms: started.elapsed().as_millis() as u64,
    };
    emit(
        &events,
        DiscoveryEvent::Finished {
            result: Box::new(result.clone()),
        },
    )
    .await;
    result
}

/// The boundary check of every source's answer (`host_name`): each candidate's host must be
/// a host name and the `<oAuth2>` issuer an https URL of one, else the whole answer is
/// refused, naming where it came from. The config-v1.1 parser refuses such files already;
/// this holds for every other source too (SRV, MX, the table, guesses, placeholders filled).
fn screen(f: Findings) -> Result<Findings, SourceError> {
    let place = || f.asked.first().cloned().unwrap_or_default();
    for c in &f.candidates {
        if let Err(error) = host_name::check_host(&c.host) {
            let place = c
                .origins
                .first()
                .map(|o| o.via.data())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(place);
            return Err(SourceError::BadHost { place, error });
        }
    }
    if let Some(block) = &f.oauth2
        && let Err(e) = host_name::check_issuer(&block.spec.issuer)
    {
        return Err(SourceError::Config {
            url: block.via.clone(),
            error: ConfigError::BadIssuer(e),
        });
    }
    Ok(f)
}

/// Whether trusted sources already named vouched-for servers for incoming and outgoing mail.
fn trusted_answer_complete(all: &[Candidate]) -> bool {
    let trusted = |f: &dyn Fn(Protocol) -> bool| {
        all.iter()
            .any(|c| c.trust == SourceTrust::Trusted && c.vouch.is_vouched() && f(c.protocol))
    };
    trusted(&|p| p.is_incoming()) && trusted(&|p| p == Protocol::Smtp)
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

    #[test]
    fn the_kept_oauth2_block_is_the_trusted_one_then_the_better_source() {
        let block = |issuer: &str, source: SourceId, channel: Channel| {
            let spec = OAuth2Spec {
                issuer: issuer.into(),
                ..OAuth2Spec::default()
            };
            DiscoveredOAuth2::new(spec, " Name ", source, channel, "u")
        };
        let plain = block("https://a", SourceId::AutoconfigHttp, Channel::PlainHttp);
        let ispdb = block("https://b", SourceId::Ispdb, Channel::Https);
        let own = block("https://c", SourceId::Autoconfig, Channel::Https);
        assert_eq!(ispdb.provider, "Name");
        assert!(!plain.is_trusted() && ispdb.is_trusted() && own.is_trusted());
        // A trusted block beats an earlier untrusted one, whatever the order of arrival.
        assert_eq!(plain.clone().better(ispdb.clone()), ispdb);
        assert_eq!(ispdb.clone().better(plain.clone()), ispdb);
        // Among trusted ones, the domain's own autoconfig beats the ISPDB.
        assert_eq!(ispdb.clone().better(own.clone()), own);
        assert_eq!(own.clone().better(ispdb), own);
    }

    #[tokio::test]
    async fn the_table_answers_offline_for_charter() {
        let email = EmailAddress::parse("someone@charter.net").unwrap();
        let opts = DiscoveryOptions {
            sources: [SourceId::Provider].into_iter().collect(),
            ..DiscoveryOptions::default()
        };
        let r = discover(&email, &opts).await;
        assert_eq!(
            r.source(SourceId::Provider).unwrap().status,
            SourceStatus::Found
        );
        assert_eq!(
            r.source(SourceId::Ispdb).unwrap().status,
            SourceStatus::Skipped
        );
        let best = r.best(Protocol::Imap).unwrap();
        assert_eq!(best.endpoint_text(), "mobile.charter.net:993 TLS");
        assert!(r.disagreements.iter().any(|d| {
            d.protocol == Protocol::Pop3
                && d.claims
                    .iter()
                    .any(|c| !c.recommended && c.says == "pop.charter.net:110 TLS")
        }));
    }
}
