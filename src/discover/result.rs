//! What discovery answers, as plain data that serializes to `mailsetup discover --json`:
//! the merged result (`DiscoveryResult`), one report per source (`SourceReport`,
//! `SourceStatus`, `SourceError`), a published `<oAuth2>` block with its trust
//! (`DiscoveredOAuth2`), the signs that the provider also offers JMAP (`JmapNotice`, RFC 8620),
//! and the events streamed while discovery runs (`DiscoveryEvent`).

use std::time::Duration;

use serde::{Serialize, Serializer};

use super::candidate::{Candidate, Disagreement};
use super::config_services::OtherService;
use super::config_v11::{ConfigError, OAuth2Spec};
use super::host_name;
use super::http::FetchError;
use super::pacc_doc::PaccError;
use super::providers::{ProviderNotes, TableError};
use super::source::{Channel, SourceId, SourceTrust};
use crate::account::Protocol;
use crate::dns::DnsError;

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
    /// An Autodiscover answer refused (hostile, malformed, or redirecting too often).
    #[error("{url}: {error}")]
    Autodiscover {
        url: String,
        error: super::autodiscover_xml::AutodiscoverError,
    },
    #[error("no answer within {after:?}")]
    TimedOut { after: Duration },
    /// A PACC file without a matching DNS digest, or one that could not be read.
    #[error(transparent)]
    Pacc(#[from] PaccError),
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
    /// Stopped because no answer it could still give would rank above those in hand.
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
    /// An Autodiscover answer offering Exchange and no IMAP, POP3 or SMTP server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange: Option<ExchangeOffer>,
}

/// An Autodiscover answer that offers Microsoft Exchange (EWS, Outlook Anywhere, Outlook on
/// the web) and no IMAP, POP3 or SMTP server: said honestly, while the other sources and the
/// guesses still look for IMAP and SMTP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExchangeOffer {
    /// The Exchange kinds the answer named (`EXCH`, `EXPR`, `WEB` …), as written.
    pub kinds: Vec<String>,
    /// The Exchange Web Services URL, when named.
    pub ews_url: Option<String>,
    /// The URL that answered (and where redirects ended).
    pub via: String,
}

impl ExchangeOffer {
    /// What it means for the person, in the current language.
    pub fn words(&self, domain: &str) -> String {
        t!("discover-exchange-only", domain = domain)
    }
}

fn error_text<S: Serializer>(e: &Option<SourceError>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(&e.to_string()),
        None => s.serialize_none(),
    }
}

impl SourceReport {
    pub(super) fn new(source: SourceId, status: SourceStatus) -> Self {
        Self {
            source,
            status,
            ms: None,
            found: 0,
            asked: Vec::new(),
            notes: Vec::new(),
            error: None,
            exchange: None,
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
    /// Whether the provider also offers JMAP (RFC 8620), and where that was seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jmap: Option<JmapNotice>,
    /// Services of other kinds the provider's files list (autoconfig 1.2: EWS, Graph,
    /// ActiveSync, ManageSieve, JMAP): shown, never made into candidates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<OtherService>,
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
    pub(super) fn better(self, other: Self) -> Self {
        let rank = |b: &Self| (!b.is_trusted(), b.source);
        if rank(&other) < rank(&self) {
            other
        } else {
            self
        }
    }
}

/// The provider also offers JMAP (RFC 8620): noticed and shown, never signed in to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct JmapNotice {
    /// The JMAP session resource, when a source named it.
    pub session: Option<String>,
    /// What said so: URLs and DNS records, as data (at most a few).
    pub seen_at: Vec<String>,
}

impl JmapNotice {
    /// Places kept, at most.
    const MAX_SEEN: usize = 8;

    /// Seen at `place`, with the session URL when known.
    pub(crate) fn at(session: Option<String>, place: &str) -> Self {
        Self {
            session,
            seen_at: vec![place.to_string()],
        }
    }

    /// Adds what another source saw (the first session URL named is kept).
    pub(crate) fn merge(&mut self, other: JmapNotice) {
        if self.session.is_none() {
            self.session = other.session;
        }
        for place in other.seen_at {
            if self.seen_at.len() < Self::MAX_SEEN && !self.seen_at.contains(&place) {
                self.seen_at.push(place);
            }
        }
    }

    /// "This provider also offers JMAP …", in the current language.
    pub fn words(&self) -> String {
        t!("discover-jmap-offered", seen = self.seen_at.join(", "))
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

    /// What the domain's Autodiscover offered when it offered Exchange only.
    pub fn exchange(&self) -> Option<&ExchangeOffer> {
        self.sources.iter().find_map(|r| r.exchange.as_ref())
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
