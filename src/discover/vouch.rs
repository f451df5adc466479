//! Who may receive the password without asking (RFC 6186 §6, made stricter).
//!
//! Every source answer carries the `Channel` it reached us by. A candidate host is
//! **vouched for**, in this order of preference, when
//! 1. it is the address's own domain or a name below it, and some source other than plain
//!    HTTP named it (`Vouch::OwnDomain`); or
//! 2. a source that binds servers to the domain named it over a verified channel: the
//!    built-in table, the domain's own autoconfig or `.well-known` file over HTTPS, its
//!    digest-checked PACC file over HTTPS, Mozilla's ISPDB over HTTPS, or Autodiscover over
//!    HTTPS (the domain's own hosts, or Microsoft 365 saying the mailbox is its own)
//!    (`Vouch::BoundBy`).
//!
//! Everything else is **unvouched** (`Vouch::Unvouched`): SRV targets and MX-derived providers
//! outside the domain, anything learned over plain HTTP, anything a redirect carried off the
//! domain that was asked. The password goes there only after the person confirmed the named
//! host (`verify` and the wizard enforce it). A fetched document's channel is decided by the
//! URL we asked for: a redirect can lower it, never raise it.

use serde::Serialize;

use super::source::{Channel, Origin, SourceId, in_domain};

/// The site of a URL: the registrable domain of its host (public suffix list), else the
/// host itself. Used as `home` for sources that are not the mail domain (ISPDB).
pub fn site_of(url: &str) -> String {
    let host = reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(|h| h.to_ascii_lowercase()))
        .unwrap_or_default();
    match super::public_suffix::registrable_domain(&host) {
        Some(d) => d.to_string(),
        None => host,
    }
}

/// Whether the password may go to a candidate's host without asking, and why. Better
/// reasons sort first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Vouch {
    /// The host is the address's own domain or below it.
    OwnDomain,
    /// A source that binds servers to the domain named it over a verified channel.
    BoundBy { source: SourceId },
    /// Nothing binds the host to the domain: it was found this way, and the person must
    /// confirm the host before the password goes there.
    Unvouched { source: SourceId, channel: Channel },
}

impl Vouch {
    /// The vouching of `host` for mail of `domain`, given every origin that named it.
    pub fn of(host: &str, domain: &str, origins: &[Origin]) -> Vouch {
        let named_not_plain = origins.iter().any(|o| o.channel != Channel::PlainHttp);
        if in_domain(host, domain) && named_not_plain {
            return Vouch::OwnDomain;
        }
        if let Some(o) = origins
            .iter()
            .filter(|o| o.source.binds_to_domain() && o.channel.verified())
            .min_by_key(|o| o.source)
        {
            return Vouch::BoundBy { source: o.source };
        }
        match origins.iter().min_by_key(|o| (o.source, &o.channel)) {
            Some(o) => Vouch::Unvouched {
                source: o.source,
                channel: o.channel.clone(),
            },
            None => Vouch::Unvouched {
                source: SourceId::Guess,
                channel: Channel::Dns,
            },
        }
    }

    pub fn is_vouched(&self) -> bool {
        !matches!(self, Vouch::Unvouched { .. })
    }

    /// How the host was found, in words, for mail of `domain` ("found in example.com's SRV
    /// records, not confirmed by example.com").
    pub fn words(&self, domain: &str) -> String {
        match self {
            Vouch::OwnDomain => t!("vouch-own-domain", domain = domain),
            Vouch::BoundBy { source } => match source {
                SourceId::Provider => t!("vouch-provider"),
                SourceId::Ispdb => t!("vouch-ispdb"),
                // The domain's own Autodiscover, or Microsoft 365's word for its mailbox.
                SourceId::Autodiscover => t!("vouch-autodiscover"),
                _ => t!("vouch-published", domain = domain),
            },
            Vouch::Unvouched { source, channel } => match channel {
                Channel::PlainHttp => {
                    let what = match source {
                        SourceId::AutoconfigHttp => t!("vouch-autoconfig-file", domain = domain),
                        other => other.label(),
                    };
                    t!("vouch-plain-http", what = what)
                }
                Channel::RedirectedOff { to } => t!(
                    "vouch-redirected",
                    source = source.label(),
                    to = to.as_str(),
                    domain = domain
                ),
                _ => match source {
                    SourceId::Srv => t!("vouch-srv", domain = domain),
                    SourceId::Mx => t!("vouch-mx", domain = domain),
                    other => t!("vouch-found-by", source = other.label(), domain = domain),
                },
            },
        }
    }
}

/// The question to put to the person before the password goes to an unvouched `host`
/// ("Mail for example.com is handled by imap.other.net — found in …").
pub fn consent_question(host: &str, domain: &str, vouch: &Vouch) -> String {
    t!(
        "consent-question",
        domain = domain,
        host = host,
        how = vouch.words(domain)
    )
}

/// A host name as the person or a flag wrote it, in the form candidates use (ASCII,
/// lower case, no final dot); `None` when it is not a host name.
pub fn normalise_host(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() || t.contains(|c: char| c.is_whitespace() || c == '/' || c == '@') {
        return None;
    }
    idna::domain_to_ascii(t)
        .ok()
        .map(|h| h.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::SourceTrust;
    use crate::discover::via::Via;

    fn origin(source: SourceId, channel: Channel) -> Origin {
        Origin {
            source,
            trust: SourceTrust::of(source, &channel),
            channel,
            via: Via::Nothing,
            position: 0,
        }
    }

    #[test]
    fn hosts_in_the_domain_are_vouched_unless_only_plain_http_named_them() {
        let srv = [origin(SourceId::Srv, Channel::Dns)];
        assert_eq!(
            Vouch::of("imap.example.com", "example.com", &srv),
            Vouch::OwnDomain
        );
        assert_eq!(
            Vouch::of("Example.COM.", "example.com", &srv),
            Vouch::OwnDomain
        );
        assert!(!Vouch::of("imap.badexample.com", "example.com", &srv).is_vouched());
        let http = [origin(SourceId::AutoconfigHttp, Channel::PlainHttp)];
        assert!(!Vouch::of("imap.example.com", "example.com", &http).is_vouched());
    }

    #[test]
    fn binding_sources_vouch_only_over_verified_channels() {
        let ispdb = [origin(SourceId::Ispdb, Channel::Https)];
        assert_eq!(
            Vouch::of("imap.other.net", "example.com", &ispdb),
            Vouch::BoundBy {
                source: SourceId::Ispdb
            }
        );
        let moved = [origin(
            SourceId::Autoconfig,
            Channel::RedirectedOff {
                to: "https://evil.test/x".into(),
            },
        )];
        assert!(!Vouch::of("imap.other.net", "example.com", &moved).is_vouched());
        // MX-derived answers never vouch, even when the provider's file came over HTTPS.
        let mx = [origin(SourceId::Mx, Channel::Https)];
        let v = Vouch::of("imap.other.net", "example.com", &mx);
        assert!(!v.is_vouched());
        assert_eq!(
            consent_question("imap.other.net", "example.com", &v),
            "Mail for example.com is handled by imap.other.net — found through example.com's \
             mail exchanger (MX) records, not confirmed by example.com."
        );
    }

    #[test]
    fn a_fetch_is_judged_by_the_url_asked_for() {
        let c = |a: &str, f: &str| Channel::of_fetch(a, f, "example.com");
        assert_eq!(
            c(
                "http://autoconfig.example.com/x",
                "https://autoconfig.example.com/x"
            ),
            Channel::PlainHttp
        );
        assert_eq!(
            c(
                "https://autoconfig.example.com/x",
                "https://www.example.com/y"
            ),
            Channel::Https
        );
        assert_eq!(
            c("https://autoconfig.example.com/x", "https://evil.test/y"),
            Channel::RedirectedOff {
                to: "https://evil.test/y".into()
            }
        );
        assert_eq!(
            site_of("https://autoconfig.thunderbird.net/v1.1/"),
            "thunderbird.net"
        );
    }

    #[test]
    fn host_flags_are_normalised() {
        assert_eq!(
            normalise_host(" IMAP.Other.Net. ").as_deref(),
            Some("imap.other.net")
        );
        assert_eq!(normalise_host("a b"), None);
        assert_eq!(normalise_host(""), None);
    }
}
