//! Discovery: from an email address to ranked candidate servers, asking every source at once.
//!
//! Sources (one file each): the built-in provider table, ISP autoconfig over HTTPS
//! (`autoconfig.<domain>`), the domain's `.well-known` autoconfig file, its digest-checked
//! PACC file (`pacc.rs`), Mozilla's ISPDB, Microsoft Autodiscover without credentials (with
//! Microsoft 365's own word), the MX host's provider, RFC 6186 SRV records, guessed host
//! names, the autoconfig URLs over plain HTTP (untrusted), and whether the domain also
//! offers JMAP (`jmap.rs`: noticed, never made a candidate). All run concurrently, each
//! under its own timeout, all under one overall deadline. Results are streamed as they arrive (`discover_with_events`), so a
//! window can show each source's state. Discovery stops as soon as no source still running
//! could name a better-ranked server than the best in hand (`settle.rs`); those are cut short,
//! so a slow or dead source that could only agree or rank lower holds nobody back, and a
//! better-placed one is waited for no longer than its timeout (and never beyond the deadline).
//! At the end duplicates are merged (keeping every source), candidates ranked, and
//! disagreements between sources recorded (`candidate.rs`). A config-v1.1 file's `<oAuth2>`
//! block travels in the result with its source's trust (`DiscoveredOAuth2`), for the OAuth
//! sign-in to find the issuer of a provider the built-in table does not know.
//!
//! This file is the run; around it: `options.rs` (what discovery is told), `result.rs` (what
//! it answers and streams), `ctx.rs` (what each source is given and returns), `source.rs`
//! (the source vocabulary), `candidate.rs` and `vouch.rs` (merging, ranking, vouching),
//! `settle.rs` (when to stop waiting).
//!
//! Nothing here logs in anywhere; `verify` pairs candidates with the probe.

mod autoconfig;
mod autodiscover;
pub mod autodiscover_xml;
pub mod candidate;
mod config_services;
pub mod config_v11;
mod ctx;
mod guess;
pub mod host_name;
pub mod http;
mod ispdb;
mod jmap;
mod microsoft365;
mod mx;
mod options;
mod pacc;
pub mod pacc_doc;
pub mod providers;
mod public_suffix;
mod result;
pub mod settle;
pub mod source;
mod srv;
pub mod via;
pub mod vouch;
mod words;
mod xml_bounds;

use std::collections::BTreeMap;
use std::time::Instant;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use tokio::sync::mpsc;

pub use candidate::{Candidate, Claim, Disagreement, DisagreementKind, UsernameForm};
pub use config_services::{OtherService, ServiceKind};
pub use config_v11::{AuthMethod, ConfigError, OAuth2Spec};
pub use http::{FetchError, HttpSettings};
pub use options::{DEFAULT_ISPDB_URL, DEFAULT_MICROSOFT365_URL, DiscoveryOptions, OptionsError};
pub use providers::{Login, ProviderHelp, ProviderNotes, ProviderTable, TableError};
pub use result::{
    DiscoveredOAuth2, DiscoveryEvent, DiscoveryResult, ExchangeOffer, JmapNotice, SourceError,
    SourceReport, SourceStatus,
};
pub use source::{Channel, Origin, SourceId, SourceKind, SourceTrust};
pub use vouch::Vouch;

use crate::account::EmailAddress;
use ctx::{Ctx, Findings};
use via::Via;

async fn run_source(source: SourceId, ctx: &Ctx) -> Result<Findings, SourceError> {
    match source {
        SourceId::Provider => providers_source(ctx),
        SourceId::Autoconfig => autoconfig::isp(ctx, true).await,
        SourceId::WellKnown => autoconfig::well_known(ctx, true).await,
        SourceId::AutoconfigHttp => autoconfig::plain_http(ctx).await,
        SourceId::Ispdb => ispdb::run(ctx).await,
        SourceId::Autodiscover => autodiscover::run(ctx).await,
        SourceId::Mx => mx::run(ctx).await,
        SourceId::Srv => srv::run(ctx).await,
        SourceId::Guess => guess::run(ctx).await,
        SourceId::Pacc => pacc::run(ctx).await,
        SourceId::Jmap => jmap::run(ctx).await,
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
    let mut jmap: Option<JmapNotice> = None;
    let mut services: Vec<OtherService> = Vec::new();
    let mut first_candidate_ms = None;
    let mut cut_short = false;
    loop {
        let next = tokio::select! {
            n = running.next() => n,
            _ = tokio::time::sleep_until(deadline) => break,
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
                report.exchange = f.exchange;
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
                for s in f.services {
                    if services.len() < 16 && !services.contains(&s) {
                        services.push(s);
                    }
                }
                if let Some(notice) = f.jmap {
                    match jmap.as_mut() {
                        Some(have) => have.merge(notice),
                        None => jmap = Some(notice),
                    }
                }
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
        let pending: Vec<SourceId> = reports
            .values()
            .filter(|r| r.status == SourceStatus::Waiting)
            .map(|r| r.source)
            .collect();
        if !pending.is_empty()
            && settle::still_worth_waiting(&pending, &candidate::merge(all.clone()).0).is_empty()
        {
            cut_short = true;
            break;
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
        jmap,
        services,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Protocol;

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
