//! The HTTP(S) client discovery fetches autoconfig files with (RFC 9110 semantics over
//! HTTP/1.1; TLS per RFC 8446 via rustls on the ring provider, certificates verified with the
//! platform's roots plus roots the caller passes).
//!
//! Seams for tests and technicians: host names resolve through our own resolver (a loopback
//! DNS server, `host=addr[:port]` overrides), and one port can replace 80/443 for every
//! request. Limits: a per-request deadline, a body-size cap enforced while reading, at most a
//! few redirects, never from HTTPS down to HTTP, never in a loop. The client only fetches;
//! whether the answer speaks for the mail domain is judged by the sources from the URL they
//! asked for and where the redirects ended (`vouch.rs`).
//!
//! A redirect is followed only to a valid host name (`host_name`), and never to a loopback,
//! private or link-local address (RFC 6890 special-purpose ranges: a file on the internet must
//! not make us fetch from this computer or its network) unless that address was given with
//! `--resolve` / `MAILSETUP_RESOLVE`; a redirect that stays on the host asked keeps it.
//!
//! Every HTTPS answer's `Date` is logged, but only the ones a source marks as vouched (the
//! domain's own file or ISPDB over verified HTTPS, `DateLog::vouch`) may serve as a time
//! reference: one stray site must not make a certificate failure read as a wrong clock.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::redirect;
use rustls::pki_types::CertificateDer;

use crate::net::crypto_provider;
use crate::net::{HostResolver, ResolveError};

/// Limits and seams of the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpSettings {
    /// Largest body accepted, in bytes.
    pub max_body: usize,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Deadline of one request, body included.
    pub timeout: Duration,
    /// Send every request to this port instead of 80/443 (testing against loopback servers).
    pub port: Option<u16>,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            max_body: 256 * 1024,
            max_redirects: 4,
            timeout: Duration::from_secs(4),
            port: None,
        }
    }
}

/// One `Date` header an answer carried (RFC 9110 §6.6.1), with this computer's clock when it
/// arrived: a time reference for explaining certificates that fail on their dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerDate {
    /// The URL asked for.
    pub url: String,
    /// The header's value, as sent (at most 64 bytes kept).
    pub date: String,
    pub seen_at: std::time::SystemTime,
    /// Whether a source vouched for the answer (`DateLog::vouch`).
    pub vouched: bool,
}

/// Every `Date` header seen by the clients sharing this log (bounded).
#[derive(Debug, Clone, Default)]
pub struct DateLog(Arc<std::sync::Mutex<Vec<ServerDate>>>);

impl DateLog {
    /// How many dates are kept.
    const MAX: usize = 32;

    fn record(&self, url: &str, date: &[u8]) {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if log.len() < Self::MAX && date.len() <= 64 {
            log.push(ServerDate {
                url: url.to_string(),
                date: String::from_utf8_lossy(date).into_owned(),
                seen_at: std::time::SystemTime::now(),
                vouched: false,
            });
        }
    }

    /// Marks the answers from `url` (the URL after redirects) as vouched for: the domain's
    /// own file or ISPDB, fetched over verified HTTPS and not redirected off its site.
    pub fn vouch(&self, url: &str) {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for d in log.iter_mut().filter(|d| d.url == url) {
            d.vouched = true;
        }
    }

    /// The vouched dates seen so far, in arrival order: the only ones fit to say whether
    /// this computer's clock is wrong.
    pub fn dates(&self) -> Vec<ServerDate> {
        let log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        log.iter().filter(|d| d.vouched).cloned().collect()
    }

    /// Every date seen, vouched or not (for tests and the technician).
    pub fn all_dates(&self) -> Vec<ServerDate> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// Why a fetch gave no body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: the host name does not exist")]
    NoSuchHost { url: String },
    #[error("{url}: name lookup failed: {detail}")]
    Dns { url: String, detail: String },
    #[error("{url}: no complete answer within {after:?}")]
    Timeout { url: String, after: Duration },
    #[error("{url}: nothing listens there (connection refused)")]
    Refused { url: String },
    #[error("{url}: could not connect: {detail}")]
    Connect { url: String, detail: String },
    #[error("{url}: the TLS handshake failed: {detail}")]
    Tls { url: String, detail: String },
    #[error("{url}: the server answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: the answer is larger than {limit} bytes")]
    TooLarge { url: String, limit: usize },
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects { url: String, limit: usize },
    #[error("{url}: redirects in a loop back to {to}")]
    RedirectLoop { url: String, to: String },
    #[error("{from}: refused a redirect from HTTPS down to plain HTTP ({to})")]
    InsecureRedirect { from: String, to: String },
    #[error("{url}: refused a redirect to {to}, which is not a public address")]
    PrivateRedirect { url: String, to: String },
    #[error("{url}: refused a redirect to {to}, whose host is not a valid host name")]
    BadRedirect { url: String, to: String },
    #[error("{url}: {detail}")]
    Other { url: String, detail: String },
    #[error("could not set up the HTTP client: {0}")]
    Setup(String),
}

impl FetchError {
    /// Whether the failure just means "there is nothing here" (no such host, nothing
    /// listening, 404, 410).
    pub fn is_absent(&self) -> bool {
        matches!(
            self,
            FetchError::NoSuchHost { .. }
                | FetchError::Refused { .. }
                | FetchError::Status {
                    status: 404 | 410,
                    ..
                }
        )
    }
}

/// Why our redirect policy stopped (carried inside reqwest's error, found again by type).
#[derive(Debug, thiserror::Error)]
enum RedirectRefused {
    #[error("too many redirects")]
    TooMany,
    #[error("redirect loop to {0}")]
    Loop(String),
    #[error("HTTPS to HTTP redirect to {0}")]
    Downgrade(String),
    #[error("redirect to a host that is not a host name: {0}")]
    BadHost(String),
    #[error("redirect to an address that is not public: {0}")]
    Private(String),
}

/// A redirect target whose name resolved only to addresses that are not public.
#[derive(Debug, thiserror::Error)]
#[error("{0} has no public address")]
struct PrivateTarget(String);

/// Whether an address is loopback, private, link-local or otherwise not on the public
/// internet (RFC 6890, RFC 4193, RFC 6598): where a redirect may not send us.
pub fn is_not_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_not_public(IpAddr::V4(v4));
            }
            v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
        }
    }
}

/// A body that arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL after redirects: shown to people, and able to lower what the body is worth
    /// (a redirect off the domain), never to raise it — that is decided by the URL asked
    /// for (`source::Channel::of_fetch`).
    pub url: String,
    pub body: Vec<u8>,
}

/// A request `send` makes: a GET, or a POST of a form body; with a bearer token if given.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    pub url: &'a str,
    /// `application/x-www-form-urlencoded` body (POST); None: GET.
    pub form: Option<&'a str>,
    /// An access token for `Authorization: Bearer` (RFC 6750 §2.1).
    pub bearer: Option<&'a str>,
}

impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The form and the token carry secrets.
        write!(f, "Request({})", self.url)
    }
}

/// An answer of any status.
pub struct Answer {
    /// The URL after redirects.
    pub url: String,
    pub status: u16,
    pub body: zeroize::Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Answer({} {}, {} bytes)",
            self.status,
            self.url,
            self.body.len()
        )
    }
}

/// The client; cheap to clone.
#[derive(Clone, Debug)]
pub struct HttpClient {
    client: reqwest::Client,
    settings: HttpSettings,
    dates: DateLog,
}

/// Resolves names for reqwest through our resolver and overrides.
struct Resolver {
    hosts: Arc<dyn HostResolver>,
    overrides: BTreeMap<String, Vec<SocketAddr>>,
    port: Option<u16>,
    /// Hosts reached only by a redirect to another host: their addresses must be public.
    redirected: Redirected,
}

/// The hosts redirects led to (other than the host first asked), shared by the redirect
/// policy and the resolver.
type Redirected = Arc<std::sync::Mutex<BTreeSet<String>>>;

impl Resolve for Resolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().trim_end_matches('.').to_ascii_lowercase();
        let port = self.port.unwrap_or(0);
        if let Some(addrs) = self.overrides.get(&host) {
            let addrs: Vec<SocketAddr> = addrs
                .iter()
                .map(|a| {
                    if a.port() == 0 {
                        SocketAddr::new(a.ip(), port)
                    } else {
                        *a
                    }
                })
                .collect();
            return Box::pin(async move { Ok(Box::new(addrs.into_iter()) as Addrs) });
        }
        let hosts = self.hosts.clone();
        let public_only = self
            .redirected
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(&host);
        Box::pin(async move {
            let ips = hosts.lookup(&host).await?;
            let addrs: Vec<SocketAddr> = ips
                .into_iter()
                .filter(|ip| !(public_only && is_not_public(*ip)))
                .map(|ip| SocketAddr::new(ip, port))
                .collect();
            if addrs.is_empty() && public_only {
                return Err(
                    Box::new(PrivateTarget(host)) as Box<dyn std::error::Error + Send + Sync>
                );
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

impl HttpClient {
    /// Builds the client: verified TLS (platform roots + `extra_roots`), names through
    /// `hosts` unless `overrides` (host → address; port 0 keeps the usual port) say otherwise.
    pub fn new(
        settings: HttpSettings,
        extra_roots: Vec<CertificateDer<'static>>,
        hosts: Arc<dyn HostResolver>,
        overrides: BTreeMap<String, Vec<SocketAddr>>,
    ) -> Result<Self, FetchError> {
        // The same verifier as the probe's (`crate::verifier`): the platform's, or the
        // extra roots alone where the platform's cannot be set up.
        let verifier = crate::verifier::build(extra_roots)
            .map_err(|e| FetchError::Setup(e.to_string()))?
            .verifier;
        let mut tls = rustls::ClientConfig::builder_with_provider(crypto_provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| FetchError::Setup(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let limit = settings.max_redirects;
        let redirected: Redirected = Arc::default();
        let given: BTreeSet<IpAddr> = overrides.values().flatten().map(|a| a.ip()).collect();
        let led_to = redirected.clone();
        let policy = redirect::Policy::custom(move |attempt| {
            let to = attempt.url().clone();
            let previous = attempt.previous();
            if previous.iter().any(|u| u.scheme() == "https") && to.scheme() != "https" {
                return attempt.error(RedirectRefused::Downgrade(to.to_string()));
            }
            let first_host = previous.first().and_then(|u| u.host_str()).unwrap_or("");
            let Some(host) = to.host_str() else {
                return attempt.error(RedirectRefused::BadHost(to.to_string()));
            };
            let host = host.trim_start_matches('[').trim_end_matches(']');
            let Ok(host) = super::host_name::check_host(host) else {
                return attempt.error(RedirectRefused::BadHost(to.to_string()));
            };
            if !host.eq_ignore_ascii_case(first_host.trim_start_matches('[').trim_end_matches(']'))
            {
                if let Ok(ip) = host.parse::<IpAddr>() {
                    if is_not_public(ip) && !given.contains(&ip) {
                        return attempt.error(RedirectRefused::Private(to.to_string()));
                    }
                } else {
                    led_to
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .insert(host);
                }
            }
            if previous.contains(&to) {
                return attempt.error(RedirectRefused::Loop(to.to_string()));
            }
            if previous.len() > limit {
                return attempt.error(RedirectRefused::TooMany);
            }
            attempt.follow()
        });
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .dns_resolver(Arc::new(Resolver {
                hosts,
                overrides,
                port: settings.port,
                redirected,
            }))
            .redirect(policy)
            .no_proxy()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .user_agent(concat!("mailsetup/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| FetchError::Setup(e.to_string()))?;
        Ok(Self {
            client,
            settings,
            dates: DateLog::default(),
        })
    }

    /// Records the `Date` of every answer into `log`.
    pub fn with_date_log(mut self, log: DateLog) -> Self {
        self.dates = log;
        self
    }

    pub fn settings(&self) -> &HttpSettings {
        &self.settings
    }

    /// GETs `url` and returns the body (status 200 only), within the deadline and the cap.
    pub async fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let after = self.settings.timeout;
        match tokio::time::timeout(after, self.fetch(url)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout {
                url: url.to_string(),
                after,
            }),
        }
    }

    /// Sends `request` and returns the answer whatever its status (an OAuth 2.0 endpoint
    /// answers errors as JSON with 400/401), within the deadline and the body cap; the body
    /// is wiped from memory when dropped (it may carry tokens).
    pub async fn send(&self, request: Request<'_>) -> Result<Answer, FetchError> {
        let after = self.settings.timeout;
        let url = request.url.to_string();
        match tokio::time::timeout(after, self.send_inner(request)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout { url, after }),
        }
    }

    async fn send_inner(&self, request: Request<'_>) -> Result<Answer, FetchError> {
        let url = request.url;
        let mut builder = match &request.form {
            Some(body) => self
                .client
                .post(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.to_string()),
            None => self.client.get(url),
        };
        builder = builder.header("Accept", "application/json");
        if let Some(token) = request.bearer {
            builder = builder.header("Authorization", format!("Bearer {token}"));
        }
        self.answer(url, builder, false).await
    }

    /// POSTs a JSON body (`application/json`, as RFC 7591 §3.1 registration requests are)
    /// and returns the answer of any status, with `send`'s deadline and size cap.
    pub async fn post_json(&self, url: &str, json: &str) -> Result<Answer, FetchError> {
        let after = self.settings.timeout;
        let builder = self
            .client
            .post(url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .body(json.to_string());
        match tokio::time::timeout(after, self.answer(url, builder, false)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout {
                url: url.to_string(),
                after,
            }),
        }
    }

    /// Sends a built request and reads its answer, at most `max_body` bytes; with
    /// `log_date`, the `Date` of an HTTPS answer is logged as `get` logs it.
    async fn answer(
        &self,
        url: &str,
        builder: reqwest::RequestBuilder,
        log_date: bool,
    ) -> Result<Answer, FetchError> {
        let mut response = builder.send().await.map_err(|e| self.classify(url, e))?;
        if log_date
            && response.url().scheme() == "https"
            && let Some(date) = response.headers().get(reqwest::header::DATE)
        {
            self.dates.record(response.url().as_str(), date.as_bytes());
        }
        let final_url = response.url().to_string();
        let status = response.status().as_u16();
        let limit = self.settings.max_body;
        let mut body = zeroize::Zeroizing::new(Vec::new());
        while let Some(chunk) = response.chunk().await.map_err(|e| self.classify(url, e))? {
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge {
                    url: final_url,
                    limit,
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Answer {
            url: final_url,
            status,
            body,
        })
    }

    /// POSTs the XML `body` to `url` (GETs it when `body` is None) and returns the answer
    /// whatever its status, within the deadline and the body cap (Microsoft Autodiscover:
    /// a 405 asks for the GET, a 401 for credentials we never send). No `Authorization`
    /// header is ever set here. The `Date` of an HTTPS answer is logged as `get` logs it.
    pub async fn send_xml(&self, url: &str, body: Option<String>) -> Result<Answer, FetchError> {
        let after = self.settings.timeout;
        match tokio::time::timeout(after, self.send_xml_inner(url, body)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout {
                url: url.to_string(),
                after,
            }),
        }
    }

    async fn send_xml_inner(&self, url: &str, body: Option<String>) -> Result<Answer, FetchError> {
        let builder = match body {
            Some(body) => self
                .client
                .post(url)
                .header("Content-Type", "text/xml; charset=utf-8")
                .body(body),
            None => self.client.get(url),
        };
        self.answer(
            url,
            builder.header("Accept", "application/xml, text/xml"),
            true,
        )
        .await
    }

    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let mut response = self
            .client
            .get(url)
            .header("Accept", "application/xml, text/xml")
            .send()
            .await
            .map_err(|e| self.classify(url, e))?;
        if response.url().scheme() == "https"
            && let Some(date) = response.headers().get(reqwest::header::DATE)
        {
            self.dates.record(response.url().as_str(), date.as_bytes());
        }
        let final_url = response.url().to_string();
        let status = response.status().as_u16();
        if status != 200 {
            return Err(FetchError::Status {
                url: final_url,
                status,
            });
        }
        let limit = self.settings.max_body;
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(FetchError::TooLarge {
                url: final_url,
                limit,
            });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.classify(url, e))? {
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge {
                    url: final_url,
                    limit,
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched {
            url: final_url,
            body,
        })
    }

    fn classify(&self, url: &str, e: reqwest::Error) -> FetchError {
        let url = url.to_string();
        if let Some(r) = find_source::<RedirectRefused>(&e) {
            return match r {
                RedirectRefused::TooMany => FetchError::TooManyRedirects {
                    url,
                    limit: self.settings.max_redirects,
                },
                RedirectRefused::Loop(to) => FetchError::RedirectLoop {
                    url,
                    to: to.clone(),
                },
                RedirectRefused::Downgrade(to) => FetchError::InsecureRedirect {
                    from: url,
                    to: to.clone(),
                },
                RedirectRefused::BadHost(to) => FetchError::BadRedirect {
                    url,
                    to: crate::shown::shell_quote(to),
                },
                RedirectRefused::Private(to) => FetchError::PrivateRedirect {
                    url,
                    to: to.clone(),
                },
            };
        }
        if let Some(PrivateTarget(host)) = find_source::<PrivateTarget>(&e) {
            return FetchError::PrivateRedirect {
                url,
                to: host.clone(),
            };
        }
        if let Some(r) = find_source::<ResolveError>(&e) {
            return match r {
                ResolveError::NotFound { .. } => FetchError::NoSuchHost { url },
                ResolveError::Failed { detail, .. } => FetchError::Dns {
                    url,
                    detail: detail.clone(),
                },
            };
        }
        if e.is_timeout() {
            return FetchError::Timeout {
                url,
                after: self.settings.timeout,
            };
        }
        if let Some(t) = find_source::<rustls::Error>(&e) {
            return FetchError::Tls {
                url,
                detail: t.to_string(),
            };
        }
        if has_io_kind(&e, std::io::ErrorKind::ConnectionRefused) {
            return FetchError::Refused { url };
        }
        let detail = chain_text(&e);
        if e.is_connect() {
            FetchError::Connect { url, detail }
        } else {
            FetchError::Other { url, detail }
        }
    }
}

/// Finds an error of type `T` in the source chain. `io::Error`s are looked into (their
/// `source()` skips the error they wrap, and TLS errors arrive wrapped twice).
fn find_source<'e, T: std::error::Error + 'static>(
    e: &'e (dyn std::error::Error + 'static),
) -> Option<&'e T> {
    let mut current: Option<&'e (dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(t) = err.downcast_ref::<T>() {
            return Some(t);
        }
        current = match err.downcast_ref::<std::io::Error>() {
            Some(io) => match io.get_ref() {
                Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
                None => None,
            },
            None => err.source(),
        };
    }
    None
}

/// Whether any `io::Error` in the chain (looking inside wrapped ones) has this kind.
fn has_io_kind(e: &(dyn std::error::Error + 'static), kind: std::io::ErrorKind) -> bool {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        current = match err.downcast_ref::<std::io::Error>() {
            Some(io) if io.kind() == kind => return true,
            Some(io) => io
                .get_ref()
                .map(|inner| inner as &(dyn std::error::Error + 'static)),
            None => err.source(),
        };
    }
    false
}

/// The messages of the whole chain, joined (for technicians).
fn chain_text(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut current = e.source();
    while let Some(err) = current {
        let text = err.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        current = err.source();
    }
    parts.join(": ")
}
