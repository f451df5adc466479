//! Verification: pairs discovery's ranked candidates with the live probe and picks the
//! servers that work.
//!
//! For the chosen incoming protocol and for SMTP, concurrently:
//! 1. a quick check without the password runs on the best few candidates at once
//!    (`probe::reach`): resolve, connect, TLS handshake (implicit TLS), and the server's
//!    greeting — does something that speaks this protocol answer there? This module opens no
//!    socket of its own.
//! 2. the best-ranked reachable candidate gets the full probe (`probe::probe`), which signs in
//!    once. If that probe stops before the password was sent (no STARTTLS, a certificate
//!    problem, a wrong protocol), the next reachable candidate is probed; once a server has
//!    refused the password, no other candidate is tried: retrying a password in a loop locks
//!    accounts. Never more than one sign-in per distinct host + port + username.
//! 3. when nothing was reachable, the best candidate still gets a full probe, so the report
//!    carries a diagnosis.
//!
//! The consent rule (RFC 6186 §6, made stricter; see `discover::vouch`): only candidates whose
//! host is vouched for, or that the person confirmed for this run (`confirmed`), take part —
//! in the quick check, in the first sign-in and in every fallback after a failure before
//! sign-in. The others (SRV and MX targets outside the domain, plain-HTTP answers, redirects
//! off the domain) are listed in `unconfirmed` with the question to put to the person, and
//! never receive the password. This module is the only place where discovery meets the probe.
//!
//! The window (`Effect::Verify`, through `verify_candidates` with the candidates it shows) and
//! `mailsetup diagnose` (through `verify`) make the same call. What verified goes to the store
//! as `SavedServer`s (`verified_server`: the settings and the sign-in mechanism), with the keys
//! trusted by their pin (`pinned_keys`), and where it came from as
//! `SettingsSource::of_candidate`: the store never sees a probe report.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use serde::Serialize;

use crate::account::{Protocol, ServerSettings};
use crate::discover::{Candidate, DiscoveryOptions, DiscoveryResult};
use crate::probe::{self, Cause, CertTrustError, ProbeOptions, ProbeReport, StepKind};
use crate::store::{SavedServer, SettingsSource};

/// How to verify.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Deadlines, trust roots, resolver and plaintext opt-in for the probes.
    pub probe: ProbeOptions,
    /// The incoming protocol to verify (IMAP unless the person chose POP3).
    pub incoming: Protocol,
    /// Whether to verify SMTP too.
    pub outgoing: bool,
    /// How many candidates per protocol get the quick check.
    pub check_limit: usize,
    /// Deadline of one quick check.
    pub check_timeout: Duration,
    /// Hosts the person confirmed for this run (ASCII, lower case): unvouched candidates on
    /// them may receive the password. Nothing else carries over between runs.
    pub confirmed: BTreeSet<String>,
    /// A username the person typed, replacing what discovery suggested.
    pub username: Option<String>,
}

impl VerifyOptions {
    /// Defaults for these probe options: IMAP + SMTP, 6 candidates checked per protocol.
    pub fn new(probe: ProbeOptions) -> Self {
        Self {
            probe,
            incoming: Protocol::Imap,
            outgoing: true,
            check_limit: 6,
            check_timeout: Duration::from_secs(5),
            confirmed: BTreeSet::new(),
            username: None,
        }
    }

    /// Probe options matching a discovery run: the same extra roots and the same resolver
    /// (name server and overrides), so discovered test names resolve the same way.
    pub fn for_discovery(opts: &DiscoveryOptions) -> Result<Self, CertTrustError> {
        let trust = probe::CertTrust::with_extra_roots(opts.extra_roots.clone())?;
        let mut p = ProbeOptions::new(trust);
        p.resolver = opts.host_resolver();
        Ok(Self::new(p))
    }
}

/// The result of the quick check on one candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub server: ServerSettings,
    pub reachable: bool,
    pub ms: u64,
    /// What was seen (greeting, or why not).
    pub detail: String,
}

/// A candidate left out because nothing vouches for its host and the person did not confirm
/// it: the question to ask names the host and how it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unconfirmed {
    pub candidate: Candidate,
    /// "Mail for example.com is handled by imap.other.net — found in …".
    pub question: String,
}

/// The server that verified for one protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Winner {
    pub candidate: Candidate,
    pub report: ProbeReport,
}

/// Everything verification did for one protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProtocolOutcome {
    pub protocol: Protocol,
    pub winner: Option<Winner>,
    /// Quick checks, in rank order.
    pub checks: Vec<Check>,
    /// Every full probe, in the order run (at most one sign-in per host+port+username).
    pub probes: Vec<ProbeReport>,
    /// Candidates that were not used because their host needs the person's confirmation,
    /// in rank order.
    pub unconfirmed: Vec<Unconfirmed>,
    /// Why verification stopped without a winner, when it did.
    pub stopped: Option<String>,
}

impl Winner {
    /// What the store records for this server: the settings and the sign-in mechanism.
    pub fn saved(&self) -> Option<SavedServer> {
        verified_server(&self.report)
    }

    /// Where its settings came from, as the store records it.
    pub fn source(&self) -> SettingsSource {
        SettingsSource::of_candidate(&self.candidate)
    }
}

/// The settings of a probe that verified, with the sign-in mechanism it used: what the
/// store saves. `None` when the probe did not verify (only verified servers are saved).
pub fn verified_server(report: &ProbeReport) -> Option<SavedServer> {
    report.is_verified().then(|| {
        SavedServer::verified(report.server.clone(), report.server_facts.auth_used.clone())
    })
}

impl ProtocolOutcome {
    /// The report that explains this protocol: the winner's, else the last probe's.
    pub fn report(&self) -> Option<&ProbeReport> {
        self.winner
            .as_ref()
            .map(|w| &w.report)
            .or_else(|| self.probes.last())
    }
}

/// What verification found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub incoming: ProtocolOutcome,
    pub outgoing: Option<ProtocolOutcome>,
    pub elapsed_ms: u64,
}

impl VerifyReport {
    /// Whether incoming (and outgoing, when asked) verified.
    pub fn is_verified(&self) -> bool {
        self.incoming.winner.is_some() && self.outgoing.as_ref().is_none_or(|o| o.winner.is_some())
    }
}

/// Verifies the best candidates of a discovery result with one password.
pub async fn verify(
    found: &DiscoveryResult,
    password: &SecretString,
    opts: &VerifyOptions,
) -> VerifyReport {
    verify_candidates(&found.domain, &found.candidates, password, opts).await
}

/// Verifies ranked candidates (all protocols, best first, as discovery ranked them) for an
/// address in `domain` with one password. The window calls this with the candidates it
/// shows; `verify` with a whole discovery result.
pub async fn verify_candidates(
    domain: &str,
    candidates: &[Candidate],
    password: &SecretString,
    opts: &VerifyOptions,
) -> VerifyReport {
    let started = Instant::now();
    let incoming = verify_protocol(domain, candidates, opts.incoming, password, opts);
    let (incoming, outgoing) = if opts.outgoing {
        let (i, o) = tokio::join!(
            incoming,
            verify_protocol(domain, candidates, Protocol::Smtp, password, opts)
        );
        (i, Some(o))
    } else {
        (incoming.await, None)
    };
    VerifyReport {
        incoming,
        outgoing,
        elapsed_ms: started.elapsed().as_millis() as u64,
    }
}

/// Verifies one protocol (see the module header for the order of things).
pub async fn verify_protocol(
    domain: &str,
    all: &[Candidate],
    protocol: Protocol,
    password: &SecretString,
    opts: &VerifyOptions,
) -> ProtocolOutcome {
    let (candidates, unconfirmed) = admitted(domain, all, protocol, opts);
    let mut outcome = ProtocolOutcome {
        protocol,
        winner: None,
        checks: Vec::new(),
        probes: Vec::new(),
        unconfirmed,
        stopped: None,
    };
    if candidates.is_empty() {
        outcome.stopped = Some(match outcome.unconfirmed.first() {
            Some(u) => format!(
                "the password was not sent: {} {} needs your confirmation first",
                u.candidate.protocol, u.candidate.host
            ),
            None => format!("discovery found no {protocol} server to test"),
        });
        return outcome;
    }
    outcome.checks =
        futures::future::join_all(candidates.iter().map(|c| check(c.settings(), opts))).await;
    let mut order: Vec<&Candidate> = candidates
        .iter()
        .zip(&outcome.checks)
        .filter(|(_, k)| k.reachable)
        .map(|(c, _)| c)
        .collect();
    if order.is_empty() {
        // Nothing answered: one full probe on the best candidate explains why.
        order.push(&candidates[0]);
    }
    let mut signed_in: BTreeSet<(String, u16, String)> = BTreeSet::new();
    for c in order {
        let key = (c.host.clone(), c.port, c.username.clone());
        if signed_in.contains(&key) {
            continue;
        }
        let report = probe::probe(&c.settings(), password, &opts.probe).await;
        let sent = password_was_sent(&report);
        if sent {
            signed_in.insert(key);
        }
        let verified = report.is_verified();
        outcome.probes.push(report.clone());
        if verified {
            outcome.winner = Some(Winner {
                candidate: c.clone(),
                report,
            });
            return outcome;
        }
        if sent {
            outcome.stopped = Some(format!(
                "{} refused the sign-in; other servers are not tried with the same password",
                c.endpoint_text()
            ));
            return outcome;
        }
    }
    if outcome.stopped.is_none() {
        outcome.stopped = Some(format!("no {protocol} candidate could be verified"));
    }
    outcome
}

/// Splits the candidates of `protocol` into those that may receive the password (vouched
/// for, or confirmed by the person; at most `check_limit`, with the person's username when
/// given) and those that need confirmation first.
fn admitted(
    domain: &str,
    all: &[Candidate],
    protocol: Protocol,
    opts: &VerifyOptions,
) -> (Vec<Candidate>, Vec<Unconfirmed>) {
    let mut allowed = Vec::new();
    let mut held = Vec::new();
    for c in all.iter().filter(|c| c.protocol == protocol) {
        match c.consent_question(domain) {
            Some(question) if !opts.confirmed.contains(&c.host) => {
                // Held back either way; the first few are reported.
                held.push(Unconfirmed {
                    candidate: c.clone(),
                    question,
                });
            }
            _ if allowed.len() < opts.check_limit => {
                let mut c = c.clone();
                if let Some(u) = &opts.username {
                    c.username = u.clone();
                }
                allowed.push(c);
            }
            _ => {}
        }
    }
    held.truncate(opts.check_limit);
    (allowed, held)
}

/// Whether the probe got as far as handing the password to the server (everything at or
/// after the sign-in step, except where we refused to send it or had no mechanism).
fn password_was_sent(report: &ProbeReport) -> bool {
    if report.is_verified() {
        return true;
    }
    let Some(d) = report.diagnosis() else {
        return false;
    };
    matches!(
        d.step,
        StepKind::Authenticate | StepKind::Mailbox | StepKind::Logout
    ) && !matches!(
        d.cause,
        Cause::InsecureConnectionRefused | Cause::AuthMechanismUnsupported
    )
}

/// The quick check (`probe::reach`): resolve, connect, TLS (implicit), greeting. No
/// password, no commands.
async fn check(server: ServerSettings, opts: &VerifyOptions) -> Check {
    let started = Instant::now();
    let (reachable, detail) =
        match probe::reach::greeting(&server, &opts.probe, opts.check_timeout).await {
            Ok(greeting) => (true, greeting),
            Err(why) => (false, why.to_string()),
        };
    Check {
        server,
        reachable,
        ms: started.elapsed().as_millis() as u64,
        detail,
    }
}

/// What the `Date` of the HTTPS answers discovery saw says about this computer's clock (the
/// largest disagreement, if any answer carried a readable date): explains certificates
/// failing on their dates when the clock is wrong (`clock_wrong`), for the window and the
/// command line, for servers typed in and discovered ones alike.
pub fn time_evidence(discovery: &DiscoveryOptions) -> Option<crate::probe::clock::TimeEvidence> {
    let dates = discovery.dates.dates();
    crate::probe::clock::TimeEvidence::from_http_dates(
        dates
            .iter()
            .map(|d| (d.url.as_str(), d.date.as_str(), d.seen_at)),
    )
}

/// The keys that verified only because they were pinned ("Trust this server's key",
/// `--pin-sha256`), one per host and port, for the store to keep with the account.
pub fn pinned_keys<'a>(
    reports: impl IntoIterator<Item = &'a ProbeReport>,
) -> Vec<crate::trust::pin::EndpointPin> {
    let mut out: Vec<crate::trust::pin::EndpointPin> = Vec::new();
    for r in reports.into_iter().filter(|r| r.is_verified()) {
        let Some(tls) = r.tls.as_ref().filter(|t| t.pinned) else {
            continue;
        };
        let Some(pin) = tls
            .certificates
            .first()
            .and_then(|c| c.spki_sha256.parse().ok())
        else {
            continue;
        };
        let p = crate::trust::pin::EndpointPin {
            host: r.server.host.clone(),
            port: r.server.port,
            spki_sha256: pin,
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}
