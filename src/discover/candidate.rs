//! What discovery produces, as plain data: candidate servers with every source that named
//! them, how far each source can be trusted, whether the host may receive the password
//! without asking (`vouch.rs`), and the places where sources disagree.
//!
//! Merging and ranking are pure functions. Order of ranking (within one protocol, and for
//! incoming servers across IMAP and POP3): vouched-for hosts first (RFC 6186 §6), then
//! trusted sources, then TLS over STARTTLS over
//! plaintext (RFC 8314), then IMAP over POP3, then candidates named by more sources, then the
//! source order of `SourceId`, then host and port (so the order is deterministic).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::config_v11::AuthMethod;
use super::source::{Origin, SourceId, SourceTrust};
use super::vouch::Vouch;
use crate::account::{EmailAddress, Protocol, Security, ServerSettings};

/// Which form of username the server expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UsernameForm {
    /// The whole email address.
    FullAddress,
    /// Only the part before the @.
    LocalPart,
    /// Something else the source spelled out.
    Other,
}

impl UsernameForm {
    /// Recognises the form of a username for this address.
    pub fn of(username: &str, email: &EmailAddress) -> Self {
        if username.eq_ignore_ascii_case(&email.to_ascii())
            || username.eq_ignore_ascii_case(&email.to_string())
        {
            UsernameForm::FullAddress
        } else if username == email.local_part() {
            UsernameForm::LocalPart
        } else {
            UsernameForm::Other
        }
    }

    /// In words, in the current language.
    pub fn label(self) -> String {
        match self {
            UsernameForm::FullAddress => t!("username-full-address"),
            UsernameForm::LocalPart => t!("username-local-part"),
            UsernameForm::Other => t!("username-other"),
        }
    }
}

/// One server to try, with everything known about where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub protocol: Protocol,
    /// ASCII (punycode), lower-case.
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: String,
    pub username_form: UsernameForm,
    /// Authentication methods the sources listed (empty when none said).
    pub auth: Vec<AuthMethod>,
    /// The best trust among the origins.
    pub trust: SourceTrust,
    /// Whether the host may receive the password without the person confirming it.
    pub vouch: Vouch,
    /// Every source that named this server, best first.
    pub origins: Vec<Origin>,
}

impl Candidate {
    /// A candidate named by one source.
    pub fn new(
        protocol: Protocol,
        host: &str,
        port: u16,
        security: Security,
        username: String,
        email: &EmailAddress,
        origin: Origin,
    ) -> Self {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let vouch = Vouch::of(&host, email.domain_ascii(), std::slice::from_ref(&origin));
        Self {
            protocol,
            host,
            port,
            security,
            username_form: UsernameForm::of(&username, email),
            username,
            auth: Vec::new(),
            trust: origin.trust,
            vouch,
            origins: vec![origin],
        }
    }

    /// The settings the probe takes.
    pub fn settings(&self) -> ServerSettings {
        ServerSettings {
            protocol: self.protocol,
            host: self.host.clone(),
            port: self.port,
            security: self.security,
            username: self.username.clone(),
        }
    }

    /// `host:port SECURITY`, for people.
    pub fn endpoint_text(&self) -> String {
        format!(
            "{}:{} {}",
            self.host,
            self.port,
            security_word(self.security)
        )
    }

    /// The sources that named it.
    pub fn sources(&self) -> BTreeSet<SourceId> {
        self.origins.iter().map(|o| o.source).collect()
    }

    fn key(&self) -> ServerKey {
        (self.protocol, self.host.clone(), self.port, self.security)
    }

    /// The question to ask before the password goes to this host, when it is unvouched.
    pub fn consent_question(&self, domain: &str) -> Option<String> {
        (!self.vouch.is_vouched())
            .then(|| super::vouch::consent_question(&self.host, domain, &self.vouch))
    }

    /// Where it stands on the first keys of the ranking: vouching, trust, security and
    /// protocol (`settle.rs` compares it with what a source still running could name).
    pub fn standing(&self) -> Standing {
        Standing {
            unvouched: !self.vouch.is_vouched(),
            trust: self.trust,
            security: security_rank(self.security),
            protocol: self.protocol,
        }
    }

    fn sort_key(&self) -> impl Ord + '_ {
        (
            self.standing(),
            std::cmp::Reverse(self.sources().len()),
            self.origins.iter().map(|o| (o.source, o.position)).min(),
            self.host.as_str(),
            self.port,
        )
    }
}

/// The first keys of the ranking (see the module header), better first: whether the host is
/// vouched for, the trust of the best source, the security mode, the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Standing {
    unvouched: bool,
    trust: SourceTrust,
    security: u8,
    protocol: Protocol,
}

impl Standing {
    /// The best standing anything named by a source of `trust` could have for `protocol`:
    /// vouched for (unless the source is plain HTTP, which never vouches) and over TLS.
    pub fn best_possible(trust: SourceTrust, protocol: Protocol) -> Standing {
        Standing {
            unvouched: trust == SourceTrust::Insecure,
            trust,
            security: security_rank(Security::Tls),
            protocol,
        }
    }
}

/// Short words for a security mode in lists ("TLS", "STARTTLS", "plain").
pub fn security_word(s: Security) -> &'static str {
    match s {
        Security::Tls => "TLS",
        Security::StartTls => "STARTTLS",
        Security::Plain => "plain",
    }
}

fn security_rank(s: Security) -> u8 {
    match s {
        Security::Tls => 0,
        Security::StartTls => 1,
        Security::Plain => 2,
    }
}

/// What the disagreement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// The same host and port, with different security (e.g. 587 TLS vs STARTTLS).
    Security,
    /// Sources name different ports for the same host, with no overlap.
    Port,
    /// Sources name different usernames for the same server.
    Username,
    /// A published claim known to be wrong (kept in the built-in table).
    Published,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// `host:port SECURITY` (or the username, for username disagreements).
    pub says: String,
    /// Who says it.
    pub by: Vec<String>,
    /// Whether this side is what mailsetup recommends (the live test has the last word).
    pub recommended: bool,
}

/// A place where sources contradict each other, kept for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    pub protocol: Protocol,
    pub kind: DisagreementKind,
    /// One sentence, in our words.
    pub summary: String,
    pub claims: Vec<Claim>,
}

/// A server as merging sees it: protocol, host, port, security.
type ServerKey = (Protocol, String, u16, Security);
/// Per (protocol, host): what each source says, as (port, security) pairs.
type PortsBySource<'a> =
    BTreeMap<(Protocol, &'a str), BTreeMap<SourceId, BTreeSet<(u16, Security)>>>;

/// Merges candidates that name the same server (protocol, host, port, security), keeping
/// every origin, and returns them ranked, plus username disagreements found on the way.
pub fn merge(all: Vec<Candidate>) -> (Vec<Candidate>, Vec<Disagreement>) {
    let mut merged: BTreeMap<ServerKey, Candidate> = BTreeMap::new();
    let mut usernames: BTreeMap<ServerKey, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for c in all {
        let key = c.key();
        let names = usernames.entry(key.clone()).or_default();
        for o in &c.origins {
            if o.source != SourceId::Guess {
                names
                    .entry(c.username.clone())
                    .or_default()
                    .push(o.source.label());
            }
        }
        match merged.get_mut(&key) {
            None => {
                merged.insert(key, c);
            }
            Some(existing) => {
                if c.trust < existing.trust {
                    existing.username = c.username.clone();
                    existing.username_form = c.username_form;
                }
                for a in c.auth {
                    if !existing.auth.contains(&a) {
                        existing.auth.push(a);
                    }
                }
                for o in c.origins {
                    if !existing.origins.contains(&o) {
                        existing.origins.push(o);
                    }
                }
                existing.origins.sort();
                existing.vouch = existing.vouch.clone().min(c.vouch);
                existing.trust = existing
                    .origins
                    .iter()
                    .map(|o| o.trust)
                    .min()
                    .unwrap_or(existing.trust);
            }
        }
    }
    let mut disagreements = Vec::new();
    for (key, names) in usernames {
        if names.len() > 1
            && let Some(c) = merged.get(&key)
        {
            disagreements.push(Disagreement {
                protocol: key.0,
                kind: DisagreementKind::Username,
                summary: t!("discover-disagree-username", server = c.endpoint_text()),
                claims: names
                    .into_iter()
                    .map(|(name, mut by)| {
                        by.sort();
                        by.dedup();
                        Claim {
                            recommended: name == c.username,
                            says: name,
                            by,
                        }
                    })
                    .collect(),
            });
        }
    }
    let mut ranked: Vec<Candidate> = merged.into_values().collect();
    rank(&mut ranked);
    (ranked, disagreements)
}

/// Sorts candidates best first (see the module header).
pub fn rank(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Finds where the sources that assert something (everything except guesses) contradict
/// each other: the same host and port with different security, or the same host with
/// ports that do not overlap at all between two sources.
pub fn find_disagreements(ranked: &[Candidate]) -> Vec<Disagreement> {
    let mut out = Vec::new();
    // (protocol, host, port) → security → who says it
    let mut by_port: BTreeMap<(Protocol, &str, u16), BTreeMap<Security, BTreeSet<String>>> =
        BTreeMap::new();
    // (protocol, host) → source → (port, security) set
    let mut by_host: PortsBySource<'_> = BTreeMap::new();
    for c in ranked {
        for o in c.origins.iter().filter(|o| o.source != SourceId::Guess) {
            by_port
                .entry((c.protocol, c.host.as_str(), c.port))
                .or_default()
                .entry(c.security)
                .or_default()
                .insert(origin_words(o));
            by_host
                .entry((c.protocol, c.host.as_str()))
                .or_default()
                .entry(o.source)
                .or_default()
                .insert((c.port, c.security));
        }
    }
    let best = |p: Protocol| ranked.iter().find(|c| c.protocol == p);
    for ((protocol, host, port), modes) in &by_port {
        if modes.len() < 2 {
            continue;
        }
        let first = ranked
            .iter()
            .find(|c| c.protocol == *protocol && c.host == *host && c.port == *port)
            .map(|c| c.security);
        out.push(Disagreement {
            protocol: *protocol,
            kind: DisagreementKind::Security,
            summary: t!(
                "discover-disagree-security",
                protocol = protocol.to_string(),
                host = host.to_string(),
                port = port.to_string()
            ),
            claims: modes
                .iter()
                .map(|(security, by)| Claim {
                    says: format!("{host}:{port} {}", security_word(*security)),
                    by: by.iter().cloned().collect(),
                    recommended: Some(*security) == first,
                })
                .collect(),
        });
    }
    for ((protocol, host), per_source) in &by_host {
        let sources: Vec<(&SourceId, &BTreeSet<(u16, Security)>)> = per_source.iter().collect();
        let mut disjoint = false;
        for (i, (_, a)) in sources.iter().enumerate() {
            for (_, b) in &sources[i + 1..] {
                if a.iter().all(|(pa, _)| b.iter().all(|(pb, _)| pa != pb)) {
                    disjoint = true;
                }
            }
        }
        if !disjoint {
            continue;
        }
        let top = best(*protocol);
        out.push(Disagreement {
            protocol: *protocol,
            kind: DisagreementKind::Port,
            summary: t!(
                "discover-disagree-port",
                protocol = protocol.to_string(),
                host = host.to_string()
            ),
            claims: sources
                .iter()
                .map(|(source, set)| Claim {
                    says: set
                        .iter()
                        .map(|(port, s)| format!("{host}:{port} {}", security_word(*s)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    by: vec![source.label()],
                    recommended: top.is_some_and(|t| {
                        t.host == *host && set.iter().any(|(p, s)| *p == t.port && *s == t.security)
                    }),
                })
                .collect(),
        });
    }
    out
}

fn origin_words(o: &Origin) -> String {
    if o.source == SourceId::Provider {
        o.via.words()
    } else {
        o.source.label()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::source::Channel;
    use crate::discover::via::Via;

    fn email() -> EmailAddress {
        EmailAddress::parse("a@example.test").unwrap()
    }

    fn cand(
        p: Protocol,
        host: &str,
        port: u16,
        s: Security,
        src: SourceId,
        t: SourceTrust,
    ) -> Candidate {
        Candidate::new(
            p,
            host,
            port,
            s,
            "a@example.test".into(),
            &email(),
            Origin {
                source: src,
                trust: t,
                channel: Channel::Dns,
                via: Via::Trail(src.code().into()),
                position: 0,
            },
        )
    }

    #[test]
    fn duplicates_merge_and_keep_every_source() {
        let (ranked, _) = merge(vec![
            cand(
                Protocol::Imap,
                "imap.example.test",
                993,
                Security::Tls,
                SourceId::Guess,
                SourceTrust::Guess,
            ),
            cand(
                Protocol::Imap,
                "IMAP.example.test.",
                993,
                Security::Tls,
                SourceId::Ispdb,
                SourceTrust::Trusted,
            ),
        ]);
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].trust, SourceTrust::Trusted);
        assert_eq!(
            ranked[0].sources().into_iter().collect::<Vec<_>>(),
            vec![SourceId::Ispdb, SourceId::Guess]
        );
    }

    #[test]
    fn ranking_prefers_trust_then_tls_then_imap() {
        let (ranked, _) = merge(vec![
            cand(
                Protocol::Pop3,
                "pop.example.test",
                995,
                Security::Tls,
                SourceId::Ispdb,
                SourceTrust::Trusted,
            ),
            cand(
                Protocol::Imap,
                "imap.example.test",
                143,
                Security::StartTls,
                SourceId::Ispdb,
                SourceTrust::Trusted,
            ),
            cand(
                Protocol::Imap,
                "imap.example.test",
                993,
                Security::Tls,
                SourceId::Ispdb,
                SourceTrust::Trusted,
            ),
            cand(
                Protocol::Imap,
                "mail.example.test",
                993,
                Security::Tls,
                SourceId::Guess,
                SourceTrust::Guess,
            ),
            cand(
                Protocol::Imap,
                "x.example.test",
                993,
                Security::Tls,
                SourceId::AutoconfigHttp,
                SourceTrust::Insecure,
            ),
        ]);
        let order: Vec<String> = ranked
            .iter()
            .map(|c| format!("{} {}", c.protocol, c.endpoint_text()))
            .collect();
        assert_eq!(
            order,
            vec![
                "IMAP imap.example.test:993 TLS",
                "POP3 pop.example.test:995 TLS",
                "IMAP imap.example.test:143 STARTTLS",
                "IMAP mail.example.test:993 TLS",
                "IMAP x.example.test:993 TLS",
            ]
        );
    }

    #[test]
    fn disagreements_on_security_and_ports_are_found() {
        let (ranked, _) = merge(vec![
            cand(
                Protocol::Smtp,
                "smtp.example.test",
                587,
                Security::Tls,
                SourceId::Ispdb,
                SourceTrust::Trusted,
            ),
            cand(
                Protocol::Smtp,
                "smtp.example.test",
                587,
                Security::StartTls,
                SourceId::Srv,
                SourceTrust::Dns,
            ),
            cand(
                Protocol::Pop3,
                "pop.example.test",
                110,
                Security::Plain,
                SourceId::Ispdb,
                SourceTrust::Trusted,
            ),
            cand(
                Protocol::Pop3,
                "pop.example.test",
                995,
                Security::Tls,
                SourceId::Autoconfig,
                SourceTrust::Trusted,
            ),
            cand(
                Protocol::Imap,
                "imap.example.test",
                993,
                Security::Tls,
                SourceId::Guess,
                SourceTrust::Guess,
            ),
            cand(
                Protocol::Imap,
                "imap.example.test",
                143,
                Security::StartTls,
                SourceId::Ispdb,
                SourceTrust::Trusted,
            ),
        ]);
        let d = find_disagreements(&ranked);
        assert_eq!(d.len(), 2, "{d:#?}");
        let smtp = d.iter().find(|x| x.protocol == Protocol::Smtp).unwrap();
        assert_eq!(smtp.kind, DisagreementKind::Security);
        assert!(
            smtp.claims
                .iter()
                .any(|c| c.recommended && c.says.ends_with("587 TLS"))
        );
        let pop = d.iter().find(|x| x.protocol == Protocol::Pop3).unwrap();
        assert_eq!(pop.kind, DisagreementKind::Port);
        assert!(
            pop.claims
                .iter()
                .any(|c| c.recommended && c.says.contains("995"))
        );
        assert!(
            pop.claims
                .iter()
                .any(|c| !c.recommended && c.says.contains("110 plain"))
        );
    }
}
