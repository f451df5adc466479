//! The consent rule in the wizard, as a person meets it: a host nothing vouches for is named
//! with how it was found and tested only once ticked; settings learned over plain HTTP stay
//! marked in the manual form; consents hold for one host and one run.

use super::tests::{
    PASSWORD, at_protocol, discover_task, discovery, filled, offer, probes, report, server,
    verify_run,
};
use super::*;
use crate::account::{Protocol, Security};
use crate::discover::{Channel, SourceId, Vouch};
use crate::probe::{Cause, StepKind};

const QUESTION: &str = "Mail for example.com is handled by imap.other.net — found in \
                        example.com's DNS service (SRV) records, not confirmed by example.com.";

fn unvouched(o: &mut Offer, source: SourceId, channel: Channel, question: &str) {
    o.candidate.vouch = Vouch::Unvouched { source, channel };
    o.question = Some(question.into());
}

/// The protocol page, with the best IMAP server an SRV target outside the domain.
fn at_protocol_with_srv_elsewhere() -> Wizard {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    let mut d = discovery();
    let mut o = offer(
        server(Protocol::Imap, "imap.other.net", Security::Tls),
        "SRV",
    );
    unvouched(&mut o, SourceId::Srv, Channel::Dns, QUESTION);
    d.incoming.insert(0, o);
    w.handle(Event::Discovered { task, discovery: d });
    assert_eq!(w.page(), Page::Protocol);
    w
}

#[test]
fn the_protocol_page_lists_every_host_that_gets_the_password() {
    let w = at_protocol();
    let r = w.recipients();
    assert_eq!(
        r.iter()
            .map(|r| (r.host.as_str(), r.from.as_str(), r.cleared()))
            .collect::<Vec<_>>(),
        vec![
            ("imap.example.com", "Mozilla's ISPDB", true),
            ("smtp.example.com", "Mozilla's ISPDB", true)
        ]
    );
}

#[test]
fn an_srv_host_outside_the_domain_is_tested_only_after_the_person_ticks_it() {
    let mut w = at_protocol_with_srv_elsewhere();
    let r = w.recipients();
    assert_eq!(r[0].host, "imap.other.net");
    assert_eq!(r[0].question.as_deref(), Some(QUESTION));
    assert!(!r[0].cleared());
    // Next does not send the password anywhere; it says why.
    let fx = w.handle(Event::Next);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(w.page(), Page::Protocol);
    assert!(w.consent_problem().is_some());
    w.handle(Event::ConfirmHost {
        host: "IMAP.other.net".into(),
        confirmed: true,
    });
    assert!(w.consent_problem().is_none());
    // The verification may now sign in there; it starts with that host.
    let fx = w.handle(Event::Next);
    let (_, _, confirmed) = verify_run(&fx).expect("a Verify effect");
    assert!(
        confirmed.contains(&"imap.other.net".to_string()),
        "{confirmed:?}"
    );
    assert_eq!(
        w.test(Role::Incoming).unwrap().server.host,
        "imap.other.net"
    );
    assert_eq!(
        w.test(Role::Outgoing).unwrap().server.host,
        "smtp.example.com"
    );
}

#[test]
fn confirmations_are_forgotten_when_a_new_lookup_starts() {
    let mut w = at_protocol_with_srv_elsewhere();
    w.handle(Event::ConfirmHost {
        host: "imap.other.net".into(),
        confirmed: true,
    });
    assert!(w.host_confirmed("imap.other.net"));
    w.handle(Event::Back);
    let fx = w.handle(Event::Next);
    discover_task(&fx);
    assert!(!w.host_confirmed("imap.other.net"));
}

#[test]
fn another_server_is_a_confirmation_and_takes_no_earlier_consent_along() {
    let mut w = at_protocol_with_srv_elsewhere();
    w.handle(Event::ConfirmHost {
        host: "imap.other.net".into(),
        confirmed: true,
    });
    w.handle(Event::SetUpManually);
    // Plaintext and an extra certificate authority, accepted for the manual servers.
    w.handle(Event::Manual(ManualField::Host(
        Role::Incoming,
        "imap.example.com".into(),
    )));
    w.handle(Event::Manual(ManualField::Security(
        Role::Incoming,
        Security::Plain,
    )));
    w.handle(Event::Manual(ManualField::AcceptPlaintext(true)));
    w.handle(Event::Manual(ManualField::ExtraCaFile(
        "/tmp/ca.pem".into(),
    )));
    w.handle(Event::Manual(ManualField::AcceptExtraCa(true)));
    let fx = w.handle(Event::Next);
    let plaintext: Vec<(String, bool, bool)> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Probe {
                server,
                allow_plaintext,
                extra_ca,
                ..
            } => Some((server.host.clone(), *allow_plaintext, extra_ca.is_some())),
            _ => None,
        })
        .collect();
    assert!(plaintext.contains(&("imap.example.com".into(), true, true)));
    let (_, task, s) = probes(&fx)
        .into_iter()
        .find(|p| p.0 == Role::Incoming)
        .unwrap();
    w.handle(Event::ProbeDone {
        task,
        report: report(&s, Some((Cause::TlsHandshakeFailed, StepKind::Tls))),
    });
    // "Try another server" goes to the SRV host: the press confirms it, but neither the
    // plaintext nor the certificate authority consent comes along.
    let alternative = w
        .next_actions(Role::Incoming)
        .into_iter()
        .find(|a| matches!(a, NextAction::TryAlternative { .. }))
        .expect("another server is offered");
    let fx = w.handle(Event::Action(alternative));
    let started: Vec<(String, bool, bool)> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Probe {
                server,
                allow_plaintext,
                extra_ca,
                ..
            } => Some((server.host.clone(), *allow_plaintext, extra_ca.is_some())),
            _ => None,
        })
        .collect();
    assert_eq!(started.len(), 1, "{fx:?}");
    assert!(!started[0].1 && !started[0].2, "{started:?}");
    assert!(!format!("{w:?}{fx:?}").contains(PASSWORD));
}

#[test]
fn plain_http_settings_stay_marked_in_the_manual_form_and_need_a_tick() {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    let mut d = discovery();
    let http = "Mail for example.com is handled by imap.example.com — learned from example.com's \
                autoconfig file over plain HTTP, which anyone on the network could have changed.";
    for o in d.incoming.iter_mut().chain(d.outgoing.iter_mut()) {
        o.candidate.trust = crate::discover::SourceTrust::Insecure;
        let q = http.replace("imap.example.com", &o.candidate.host);
        unvouched(o, SourceId::AutoconfigHttp, Channel::PlainHttp, &q);
    }
    w.handle(Event::Discovered { task, discovery: d });
    w.handle(Event::SetUpManually);
    let form = w.manual().unwrap();
    assert!(form.incoming.learned_over_http() && form.outgoing.learned_over_http());
    assert!(probes(&w.handle(Event::Next)).is_empty());
    assert!(w.consent_problem().is_some());
    for host in ["imap.example.com", "smtp.example.com"] {
        w.handle(Event::ConfirmHost {
            host: host.into(),
            confirmed: true,
        });
    }
    assert_eq!(probes(&w.handle(Event::Next)).len(), 2);
    // The testing page says where the settings came from.
    assert_eq!(w.source_words(), "Mozilla's ISPDB");
    // A host the person types is theirs: the mark goes.
    w.handle(Event::SetUpManually);
    w.handle(Event::Manual(ManualField::Host(
        Role::Incoming,
        "imap.mine.example".into(),
    )));
    assert!(!w.manual().unwrap().incoming.learned_over_http());
}
