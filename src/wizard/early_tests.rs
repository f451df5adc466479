//! Testing while discovery still runs (`early.rs`): the best vouched servers in hand are
//! tested before discovery ends; a better-ranked source that names others switches the test
//! (and says so); one that agrees changes nothing; unvouched hosts wait for the person.

use super::tests::{cancels, discover_task, discovery, filled, offer, server, verify_run};
use super::*;
use crate::account::{EmailAddress, Protocol, Security};
use crate::discover::{Candidate, Channel, Origin, SourceId};
use crate::probe::{Step, StepKind, StepStatus};

/// An offer the domain's own autoconfig file (HTTPS) makes.
fn own_file(protocol: Protocol, host: &str) -> Offer {
    let s = server(protocol, host, Security::Tls);
    let email = EmailAddress::parse("ann@example.com").expect("an address");
    let origin = Origin::new(
        SourceId::Autoconfig,
        Channel::Https,
        crate::discover::via::Via::Trail("autoconfig answer".into()),
    );
    let c = Candidate::new(
        s.protocol, &s.host, s.port, s.security, s.username, &email, origin,
    );
    Offer::new(c, "example.com")
}

/// On the lookup page, discovery running: the wizard and the discovery task.
fn looking_up() -> (Wizard, TaskId) {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    assert_eq!(w.page(), Page::Lookup);
    (w, task)
}

#[test]
fn the_best_vouched_servers_are_tested_while_discovery_still_runs() {
    let (mut w, lookup) = looking_up();
    let fx = w.handle(Event::Leading {
        task: lookup,
        discovery: discovery(),
    });
    let (early, ..) = verify_run(&fx).expect("a verification run before discovery ends");
    assert_eq!(w.page(), Page::Lookup);
    assert!(matches!(w.lookup(), LookupState::Running(t) if *t == lookup));
    assert_eq!(
        w.test(Role::Incoming).unwrap().server.host,
        "imap.example.com"
    );
    // Its live steps are taken while the lookup page shows.
    let step = Step {
        kind: StepKind::Connect,
        status: StepStatus::Ok,
        started_ms: 0,
        ms: 1,
        detail: String::new(),
    };
    w.handle(Event::ProbeStep {
        task: early,
        server: server(Protocol::Imap, "imap.example.com", Security::Tls),
        step,
    });
    assert_eq!(w.test(Role::Incoming).unwrap().live_steps.len(), 1);
    // The final answer agrees: nothing restarts, and Next adopts the run.
    let fx = w.handle(Event::Discovered {
        task: lookup,
        discovery: discovery(),
    });
    assert!(
        verify_run(&fx).is_none() && cancels(&fx).is_empty(),
        "{fx:?}"
    );
    assert_eq!(w.page(), Page::Protocol);
    assert!(w.handle(Event::Next).is_empty());
    assert_eq!(w.page(), Page::Testing);
    assert_eq!(w.test(Role::Incoming).unwrap().task(), Some(early));
}

#[test]
fn a_better_ranked_source_that_disagrees_switches_the_test_and_says_so() {
    let (mut w, lookup) = looking_up();
    let fx = w.handle(Event::Leading {
        task: lookup,
        discovery: discovery(),
    });
    let (early, ..) = verify_run(&fx).expect("an early run");
    // The domain's own file names another IMAP server: it ranks above ISPDB's.
    let mut better = discovery();
    better
        .incoming
        .insert(0, own_file(Protocol::Imap, "mail.example.com"));
    let fx = w.handle(Event::Discovered {
        task: lookup,
        discovery: better,
    });
    assert_eq!(cancels(&fx), vec![early], "the early run is cancelled");
    let (switched, hosts, _) = verify_run(&fx).expect("a run on the better server");
    assert_ne!(switched, early);
    assert_eq!(hosts[0], "mail.example.com");
    assert_eq!(
        w.test(Role::Incoming).unwrap().server.host,
        "mail.example.com"
    );
    assert_eq!(
        w.early_note(),
        Some(
            "The provider's autoconfig server named a better-placed server, \
             mail.example.com: testing that one instead."
        )
    );
    // A late answer of the cancelled run is dropped.
    w.handle(Event::ProbeStep {
        task: early,
        server: server(Protocol::Imap, "imap.example.com", Security::Tls),
        step: Step {
            kind: StepKind::Connect,
            status: StepStatus::Ok,
            started_ms: 0,
            ms: 1,
            detail: String::new(),
        },
    });
    assert!(w.test(Role::Incoming).unwrap().live_steps.is_empty());
}

#[test]
fn unvouched_hosts_are_not_tested_before_the_person_confirms_them() {
    let (mut w, lookup) = looking_up();
    let mut d = discovery();
    d.incoming = vec![offer(
        server(Protocol::Imap, "imap.elsewhere.net", Security::Tls),
        "SRV",
    )];
    let fx = w.handle(Event::Leading {
        task: lookup,
        discovery: d,
    });
    assert!(verify_run(&fx).is_none(), "{fx:?}");
    assert_eq!(w.tests().count(), 0);
    assert_eq!(w.early_note(), None);
}
