//! The source vocabulary of discovery: which source named a server (`SourceId`), how it
//! reached us (`Channel`), how far that can be believed (`SourceTrust`), and one source's
//! naming of a candidate (`Origin`). Candidates (`candidate.rs`) and vouching (`vouch.rs`)
//! both speak it; it uses neither.
//!
//! A saved account records the same thing more coarsely (`SourceKind`, in `accounts.json`
//! and `accounts list --json`: the autoconfig files over HTTPS, `.well-known` and plain HTTP
//! are one kind there, and a person typing the settings is one more): it is written down
//! here, beside the sources, with the one mapping from a source to its kind.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::via::Via;

/// The sources discovery asks, in the order they are listed to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceId {
    /// mailsetup's own table of providers (offline, instant).
    Provider,
    /// `https://autoconfig.<domain>/mail/config-v1.1.xml`.
    Autoconfig,
    /// `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml`.
    WellKnown,
    /// PACC: `https://ua-auto-config.<domain>/.well-known/user-agent-configuration.json`,
    /// checked against the SHA-256 digest the domain publishes in DNS.
    Pacc,
    /// Mozilla's ISPDB (`https://autoconfig.thunderbird.net/v1.1/<domain>`).
    Ispdb,
    /// Microsoft Autodiscover (POX) at the domain's own hosts, asked without credentials;
    /// and, when the MX is Microsoft's, whether the mailbox is in Microsoft 365.
    Autodiscover,
    /// The domain's MX host → its provider's domain → table, ISPDB and autoconfig.
    Mx,
    /// RFC 6186 SRV records.
    Srv,
    /// The usual host names (imap., mail., smtp. …) that exist in DNS.
    Guess,
    /// The autoconfig URLs over plain HTTP (untrusted).
    AutoconfigHttp,
    /// Whether the domain offers JMAP (RFC 8620): `/.well-known/jmap` and `_jmap._tcp`. It
    /// names no IMAP/POP3/SMTP server; what it finds is noticed, not signed in to.
    Jmap,
}

impl SourceId {
    /// Every source, in listing order.
    pub const ALL: [SourceId; 11] = [
        SourceId::Provider,
        SourceId::Autoconfig,
        SourceId::WellKnown,
        SourceId::Pacc,
        SourceId::Ispdb,
        SourceId::Autodiscover,
        SourceId::Mx,
        SourceId::Srv,
        SourceId::Guess,
        SourceId::AutoconfigHttp,
        SourceId::Jmap,
    ];

    /// The snake_case code (as in JSON and on the command line).
    pub fn code(self) -> &'static str {
        match self {
            SourceId::Provider => "provider",
            SourceId::Autoconfig => "autoconfig",
            SourceId::WellKnown => "well_known",
            SourceId::Pacc => "pacc",
            SourceId::Ispdb => "ispdb",
            SourceId::Autodiscover => "autodiscover",
            SourceId::Mx => "mx",
            SourceId::Srv => "srv",
            SourceId::Guess => "guess",
            SourceId::AutoconfigHttp => "autoconfig_http",
            SourceId::Jmap => "jmap",
        }
    }

    /// Parses a code as written on the command line.
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the source binds servers to the mail domain itself (the built-in table, the
    /// domain's own autoconfig files, its digest-checked PACC file, ISPDB, the domain's
    /// Autodiscover): over a verified
    /// channel it vouches for a host.
    pub fn binds_to_domain(self) -> bool {
        matches!(
            self,
            SourceId::Provider
                | SourceId::Autoconfig
                | SourceId::WellKnown
                | SourceId::Pacc
                | SourceId::Ispdb
                | SourceId::Autodiscover
        )
    }

    /// Words for people ("found at …"), in the current language.
    pub fn label(self) -> String {
        match self {
            SourceId::Provider => t!("source-provider"),
            SourceId::Autoconfig => t!("source-autoconfig"),
            SourceId::WellKnown => t!("source-well-known"),
            SourceId::Pacc => t!("source-pacc"),
            SourceId::Ispdb => t!("source-ispdb"),
            SourceId::Autodiscover => t!("source-autodiscover"),
            SourceId::Mx => t!("source-mx"),
            SourceId::Srv => t!("source-srv"),
            SourceId::Guess => t!("source-guess"),
            SourceId::AutoconfigHttp => t!("source-autoconfig-http"),
            SourceId::Jmap => t!("source-jmap"),
        }
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How far a source can be trusted. Better levels sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceTrust {
    /// The built-in table, or a file fetched over verified HTTPS from the provider or ISPDB.
    Trusted,
    /// Unsigned DNS records (MX, SRV): likely right, confirmed by the live test.
    Dns,
    /// A usual name that exists in DNS; nothing says it is a mail server until the probe does.
    Guess,
    /// Fetched over plain HTTP: anyone on the path could have written it. The person must
    /// confirm before it is used; it is never applied silently.
    Insecure,
}

impl SourceTrust {
    /// How far an answer of `source` that came through `channel` can be believed.
    pub fn of(source: SourceId, channel: &Channel) -> SourceTrust {
        match (source, channel) {
            (_, Channel::PlainHttp) | (SourceId::AutoconfigHttp, _) => SourceTrust::Insecure,
            (
                SourceId::Provider | SourceId::Autoconfig | SourceId::WellKnown | SourceId::Pacc,
                _,
            ) => SourceTrust::Trusted,
            (SourceId::Ispdb, _) => SourceTrust::Trusted,
            // Autodiscover at an SRV target: the target rests on unsigned DNS.
            (SourceId::Autodiscover, Channel::Dns) => SourceTrust::Dns,
            (SourceId::Autodiscover, _) => SourceTrust::Trusted,
            (SourceId::Mx | SourceId::Srv | SourceId::Jmap, _) => SourceTrust::Dns,
            (SourceId::Guess, _) => SourceTrust::Guess,
        }
    }

    /// In words, in the current language.
    pub fn label(self) -> String {
        match self {
            SourceTrust::Trusted => t!("trust-trusted"),
            SourceTrust::Dns => t!("trust-dns"),
            SourceTrust::Guess => t!("trust-guess"),
            SourceTrust::Insecure => t!("trust-insecure"),
        }
    }
}

/// One source naming a candidate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Origin {
    pub source: SourceId,
    pub trust: SourceTrust,
    /// How the answer reached us (decides whether the source can vouch for the host).
    pub channel: Channel,
    /// What exactly was asked (URL, DNS name, table entry) and what it said.
    pub via: Via,
    /// Where the source listed it among its own answers (0 = first): keeps, for example,
    /// RFC 2782 order among SRV targets and a provider's own order among its servers.
    pub position: usize,
}

impl Origin {
    /// An answer of `source` through `channel`; its trust follows from both.
    pub fn new(source: SourceId, channel: Channel, via: Via) -> Self {
        Self {
            source,
            trust: SourceTrust::of(source, &channel),
            channel,
            via,
            position: 0,
        }
    }
}

/// How a source's answer reached mailsetup.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Channel {
    /// mailsetup's own provider table, shipped with the program.
    BuiltIn,
    /// Verified HTTPS from the URL asked for, without leaving that URL's domain.
    Https,
    /// Verified HTTPS, but redirects ended outside the domain asked; `to` is where.
    RedirectedOff { to: String },
    /// Asked over plain HTTP (whatever the redirects did afterwards).
    PlainHttp,
    /// Unsigned DNS answers (SRV, MX, address records).
    Dns,
}

impl Channel {
    /// The channel of a document asked for at `asked` that arrived from `final_url` after
    /// redirects. `home` is the domain the answer must come from to count as the asked
    /// site's word (the mail domain for its own autoconfig, the ISPDB's site for ISPDB).
    pub fn of_fetch(asked: &str, final_url: &str, home: &str) -> Channel {
        let scheme = |u: &str| reqwest::Url::parse(u).map(|u| u.scheme().to_string());
        if scheme(asked).ok().as_deref() != Some("https") {
            return Channel::PlainHttp;
        }
        let Ok(end) = reqwest::Url::parse(final_url) else {
            return Channel::RedirectedOff {
                to: final_url.to_string(),
            };
        };
        if end.scheme() != "https" {
            // The client refuses such downgrades; should one slip through, it is plain HTTP.
            return Channel::PlainHttp;
        }
        match end.host_str() {
            Some(host) if in_domain(host, home) => Channel::Https,
            _ => Channel::RedirectedOff {
                to: final_url.to_string(),
            },
        }
    }

    /// Whether a source that binds servers to the domain can vouch through this channel.
    pub fn verified(&self) -> bool {
        matches!(self, Channel::BuiltIn | Channel::Https)
    }
}

/// Whether `host` is `domain` or a name below it (ASCII, case and a final dot ignored).
pub fn in_domain(host: &str, domain: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    !domain.is_empty() && (host == domain || host.ends_with(&format!(".{domain}")))
}

/// Where a saved account's settings came from: the kind of discovery source (`From<SourceId>`),
/// or a person. These names are the account file's; they never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// mailsetup's own table of providers.
    BuiltIn,
    /// The provider's autoconfig file (Mozilla format) over HTTPS.
    Autoconfig,
    /// Mozilla's ISP database.
    Ispdb,
    /// DNS SRV records (RFC 6186).
    DnsSrv,
    /// The domain's MX records pointed at a known provider.
    MxProvider,
    /// Common host names tried one by one.
    Guess,
    /// Typed in by a person (wizard's manual page, `mailsetup diagnose` on the command line).
    Manual,
}

impl SourceKind {
    /// Words for a list in the current language (`label` is the English, for `Display`).
    pub fn words(self) -> String {
        match self {
            SourceKind::BuiltIn => t!("source-provider"),
            SourceKind::Autoconfig => t!("source-kind-autoconfig"),
            SourceKind::Ispdb => t!("source-kind-ispdb"),
            SourceKind::DnsSrv => t!("source-kind-srv"),
            SourceKind::MxProvider => t!("source-kind-mx"),
            SourceKind::Guess => t!("source-kind-guess"),
            SourceKind::Manual => t!("source-manual"),
        }
    }

    /// Words for a list.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::BuiltIn => "built-in provider table",
            SourceKind::Autoconfig => "provider's autoconfig",
            SourceKind::Ispdb => "ISP database",
            SourceKind::DnsSrv => "DNS SRV records",
            SourceKind::MxProvider => "MX records",
            SourceKind::Guess => "guessed host names",
            SourceKind::Manual => "entered by hand",
        }
    }
}

impl From<SourceId> for SourceKind {
    /// The one mapping from a discovery source to what the store records.
    fn from(source: SourceId) -> Self {
        match source {
            SourceId::Provider => SourceKind::BuiltIn,
            // A PACC file and Autodiscover are the provider's configuration files too (the
            // latter in Microsoft's format); JMAP names no server.
            SourceId::Autoconfig
            | SourceId::WellKnown
            | SourceId::Pacc
            | SourceId::AutoconfigHttp
            | SourceId::Autodiscover
            | SourceId::Jmap => SourceKind::Autoconfig,
            SourceId::Ispdb => SourceKind::Ispdb,
            SourceId::Mx => SourceKind::MxProvider,
            SourceId::Srv => SourceKind::DnsSrv,
            SourceId::Guess => SourceKind::Guess,
        }
    }
}
