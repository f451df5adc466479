//! The runtime's side of discovery: runs `crate::discover` for an address and turns its
//! stream of progress (`DiscoveryEvent`) and its ranked result into wizard events — one line
//! per source (with what else it said: an Autodiscover answer offering Exchange only), the
//! provider note as soon as it is known, the answers in hand each time a source names
//! servers (`Event::Leading`, merged and ranked as discovery ranks them, so the wizard can
//! start testing early), then the offers per role (and an `<oAuth2>` block it found, to
//! `runtime::oauth`).

use crate::account::EmailAddress;
use crate::discover::{
    self, Candidate, DiscoveryEvent, DiscoveryResult, Login, ProviderNotes, ProviderTable,
    SourceReport, SourceStatus as Status,
};
use crate::wizard::{
    Discovery, Event, Offer, ProviderNote, SourceRow, SourceState, TaskId, capitalise,
};

use super::{EventSender, RuntimeConfig};

/// The provider note for a domain, from the built-in table.
pub(super) fn note_for(domain: &str) -> Option<ProviderNote> {
    let table = ProviderTable::builtin().ok()?;
    let m = table.lookup(domain)?;
    Some(note(m.notes(domain)))
}

pub(super) fn note(n: ProviderNotes) -> ProviderNote {
    ProviderNote {
        needs_app_password: n.login.needs_app_password(),
        oauth_only: n.login == Login::Oauth2Only,
        id: n.id,
        name: n.name,
        login_advice: n.login_advice,
        app_password_url: n.app_password_url,
        enable_first: n.enable_first,
        notes: n.notes,
    }
}

/// Runs discovery and reports every source's progress, then the result.
pub(super) async fn discover(
    task: TaskId,
    email: EmailAddress,
    config: &RuntimeConfig,
    sender: &EventSender,
    oauth_found: &super::oauth::Found,
) {
    let (tx, mut rx) = tokio::sync::mpsc::channel(64);
    let domain = email.domain_ascii().to_string();
    let run = discover::discover_with_events(&email, &config.discovery, tx);
    let forward = async {
        let mut in_hand: Vec<Candidate> = Vec::new();
        while let Some(event) = rx.recv().await {
            match event {
                DiscoveryEvent::Started { sources, .. } => {
                    for s in sources {
                        sender.send(Event::SourceUpdate {
                            task,
                            status: SourceRow {
                                key: s,
                                label: capitalise(&s.label()),
                                state: SourceState::Waiting,
                                ms: None,
                                remark: None,
                            },
                        });
                    }
                }
                DiscoveryEvent::ProviderKnown { notes } => sender.send(Event::NoteFound {
                    domain: domain.clone(),
                    note: Some(note(notes)),
                }),
                DiscoveryEvent::SourceDone { report, candidates } => {
                    sender.send(Event::SourceUpdate {
                        task,
                        status: source_status(&report, email.domain()),
                    });
                    if !candidates.is_empty() {
                        in_hand.extend(candidates);
                        let (ranked, _) = discover::candidate::merge(in_hand.clone());
                        sender.send(Event::Leading {
                            task,
                            discovery: offers(&ranked, email.domain()),
                        });
                    }
                }
                DiscoveryEvent::Finished { .. } => {}
            }
        }
    };
    // The stream ends when discovery drops its sender, i.e. when it is done.
    let (result, ()) = tokio::join!(run, forward);
    oauth_found.offer(&email, result.oauth2.clone(), config, sender);
    sender.send(Event::Discovered {
        task,
        discovery: discovery(result),
    });
}

fn source_status(r: &SourceReport, domain: &str) -> SourceRow {
    let state = match r.status {
        Status::Waiting => SourceState::Waiting,
        Status::Found => SourceState::Found(r.found),
        Status::Nothing | Status::Skipped => SourceState::Nothing,
        Status::CutShort => SourceState::NotNeeded,
        Status::Failed | Status::TimedOut => SourceState::Failed(r.error.clone()),
    };
    SourceRow {
        key: r.source,
        label: capitalise(&r.source.label()),
        state,
        ms: r.ms,
        remark: r.exchange.as_ref().map(|x| x.words(domain)),
    }
}

fn discovery(r: DiscoveryResult) -> Discovery {
    Discovery {
        note: r.provider.map(note),
        disagreements: r.disagreements.into_iter().map(|d| d.summary).collect(),
        jmap: r.jmap,
        ..offers(&r.candidates, &r.domain)
    }
}

/// Ranked candidates as offers per role (no provider note, no disagreements).
fn offers(candidates: &[Candidate], domain: &str) -> Discovery {
    let of = |incoming: bool| {
        candidates
            .iter()
            .filter(|c| c.protocol.is_incoming() == incoming)
            .map(|c| Offer::new(c.clone(), domain))
            .collect()
    };
    Discovery {
        incoming: of(true),
        outgoing: of(false),
        note: None,
        disagreements: Vec::new(),
        jmap: None,
    }
}
