//! `mailsetup diagnose EMAIL` without server flags: discover the account's servers (every
//! source, as `mailsetup discover` does; before an OAuth sign-in, whose issuer discovery may
//! name), then verify the best candidates with one sign-in
//! per server (`verify`), and hand the probe reports to the usual report.
//!
//! The consent rule (RFC 6186 §6): a discovered host that nothing binds to the address's
//! domain is reported with how it was found, and signed in to only when the technician named
//! it with `--trust-host HOST` for this run.

use std::fmt::Write as _;

use secrecy::SecretString;

use super::flags::DiscoveryFlags;
use crate::account::{EmailAddress, Protocol};
use crate::discover::{self, Candidate, DiscoveryOptions, DiscoveryResult, vouch};
use crate::probe::{ProbeOptions, ProbeReport};
use crate::store::{SettingsSource, SourceKind};
use crate::verify::{self, Unconfirmed, VerifyOptions, VerifyReport};

/// What discovery and verification produced.
pub(super) struct Discovered {
    /// The reports that explain each protocol (the winner's, else the last attempt's).
    pub reports: Vec<ProbeReport>,
    pub found: DiscoveryResult,
    /// Where the verified incoming settings came from (for `--save`).
    pub source: SettingsSource,
    /// Hosts left out for want of confirmation, for protocols that did not verify.
    pub unconfirmed: Vec<Unconfirmed>,
}

/// What verification takes from `diagnose`: its flags, and the
/// password and probe options it prepared.
pub(super) struct Request<'a> {
    /// `--trust-host`: hosts the technician confirmed for this run.
    pub trust_host: &'a [String],
    /// The incoming protocol to test.
    pub protocol: Protocol,
    pub username: Option<String>,
    pub password: &'a SecretString,
    pub probe: &'a ProbeOptions,
}

/// What discovery found, with the options it ran with: they hold the `Date`s of its HTTPS
/// answers, which explain a certificate failing on its dates (`clock_wrong`).
pub(super) struct Found {
    pub result: DiscoveryResult,
    options: DiscoveryOptions,
}

/// Discovery as `diagnose` runs it (every source); an error is a one-line usage problem.
pub(super) async fn discover_all(
    flags: &DiscoveryFlags,
    email: &EmailAddress,
) -> Result<Found, String> {
    let options = flags.options()?;
    let result = discover::discover(email, &options).await;
    Ok(Found { result, options })
}

/// Verifies what discovery found; an error is a one-line usage problem.
pub(super) async fn verify_found(r: Request<'_>, found: Found) -> Result<Discovered, String> {
    let Found {
        result: found,
        options: opts,
    } = found;
    let mut confirmed = std::collections::BTreeSet::new();
    for host in r.trust_host {
        let h = vouch::normalise_host(host)
            .ok_or_else(|| format!("--trust-host {host}: give a host name"))?;
        confirmed.insert(h);
    }
    let mut v = VerifyOptions::for_discovery(&opts).map_err(|e| e.to_string())?;
    v.probe.timeouts = r.probe.timeouts;
    v.probe.allow_plaintext = r.probe.allow_plaintext;
    v.probe.plaintext_hosts = r.probe.plaintext_hosts.clone();
    v.probe.secret_kind = r.probe.secret_kind;
    v.probe.connectivity = r.probe.connectivity.clone();
    v.probe.trust = v
        .probe
        .trust
        .clone()
        .with_pins(r.probe.trust.pins().clone())
        .naming_ca_file(r.probe.trust.ca_file());
    v.probe.time_evidence = verify::time_evidence(&opts);
    v.incoming = r.protocol;
    v.username = r.username;
    v.confirmed = confirmed;
    let verified = verify::verify(&found, r.password, &v).await;
    let source = source_of(&verified);
    let mut reports = Vec::new();
    let mut unconfirmed = Vec::new();
    for outcome in std::iter::once(&verified.incoming).chain(verified.outgoing.as_ref()) {
        reports.extend(outcome.report().cloned());
        if outcome.winner.is_none() {
            unconfirmed.extend(outcome.unconfirmed.iter().cloned());
        }
    }
    Ok(Discovered {
        reports,
        found,
        source,
        unconfirmed,
    })
}

/// One line per host that was not signed in to for want of confirmation, with the flag
/// that confirms it.
pub(super) fn consent_lines(unconfirmed: &[Unconfirmed]) -> String {
    let mut out = String::new();
    for u in unconfirmed {
        let c = &u.candidate;
        let _ = writeln!(
            out,
            "  not signed in to {} {}: {}\n    The password was not sent there. If this is right, run again with \
             --trust-host {}",
            c.protocol,
            c.endpoint_text(),
            u.question,
            crate::shown::shell_quote(&c.host)
        );
    }
    out
}

fn source_of(v: &VerifyReport) -> SettingsSource {
    v.incoming
        .winner
        .as_ref()
        .map(verify::Winner::source)
        .unwrap_or_else(|| SettingsSource::new(SourceKind::Manual))
}

fn origins(c: &Candidate) -> String {
    c.origins
        .iter()
        .map(|o| o.source.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A few lines saying where the tested servers came from.
pub(super) fn summary(
    found: &DiscoveryResult,
    reports: &[ProbeReport],
    unconfirmed: &[Unconfirmed],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            "cli-discovered",
            email = found.email.to_string(),
            ms = found.elapsed_ms,
            count = found.candidates.len()
        )
    );
    if let Some(notes) = &found.provider {
        let _ = writeln!(out, "{}", t!("cli-provider", name = notes.name.as_str()));
    }
    for r in reports {
        let s = &r.server;
        let from = found
            .candidates
            .iter()
            .find(|c| {
                c.protocol == s.protocol
                    && c.host == s.host
                    && c.port == s.port
                    && c.security == s.security
            })
            .map(origins)
            .unwrap_or_else(|| t!("cli-unknown"));
        let _ = writeln!(
            out,
            "  {} {} — {}",
            s.protocol,
            s.endpoint(),
            t!("cli-found-by", sources = from)
        );
    }
    for p in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        let tested = reports.iter().any(|r| r.server.protocol == p);
        if !tested && found.best(p).is_none() && p != Protocol::Pop3 {
            let _ = writeln!(out, "  {p}: {}", t!("cli-no-server-found"));
        }
    }
    out.push_str(&consent_lines(unconfirmed));
    for d in &found.disagreements {
        let _ = writeln!(out, "  note: {}", d.summary);
    }
    out
}
