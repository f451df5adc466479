//! How the window chooses servers, as a person sees it: the protocol page hands every
//! discovered candidate to the engine's `verify` (the CLI's call), the checklist follows the
//! server being signed in to, and the answer shows each candidate's quick check. Also the
//! engine answers the other wizard tests feed in (`outcome`, `verified`).

use super::tests::{at_testing, report, save_task, server, steps};
use super::*;
use crate::account::{Protocol, Security, ServerSettings};
use crate::probe::{Cause, StepKind};
use crate::store::SourceKind;
use crate::verify::{Check, ProtocolOutcome, VerifyReport, Winner};

/// The engine's answer for one role: each server's quick check (reachable or not), then
/// the one probe on the first reachable server, ending with `failure` (None: verified).
pub(super) fn outcome(
    w: &Wizard,
    servers: &[(ServerSettings, bool)],
    failure: Option<(Cause, StepKind)>,
) -> ProtocolOutcome {
    let protocol = servers[0].0.protocol;
    let checks = servers
        .iter()
        .map(|(s, reachable)| Check {
            server: s.clone(),
            reachable: *reachable,
            ms: 4,
            detail: if *reachable {
                "* OK ready".into()
            } else {
                "connection refused".into()
            },
        })
        .collect();
    let probed = servers
        .iter()
        .find(|(_, r)| *r)
        .map_or(&servers[0].0, |(s, _)| s);
    let report = *report(probed, failure);
    let candidate = w
        .discovery()
        .and_then(|d| {
            d.incoming
                .iter()
                .chain(&d.outgoing)
                .find(|o| o.settings() == *probed)
        })
        .map(|o| o.candidate.clone())
        .expect("a discovered candidate");
    ProtocolOutcome {
        protocol,
        winner: failure.is_none().then(|| Winner {
            candidate,
            report: report.clone(),
        }),
        checks,
        probes: vec![report],
        unconfirmed: vec![],
        stopped: failure.map(|_| "stopped".into()),
    }
}

/// Answers the verification run: the server planned for each role was reachable and ended
/// with `incoming` / `outgoing` (None: verified).
pub(super) fn verified(
    w: &mut Wizard,
    task: TaskId,
    incoming: Option<(Cause, StepKind)>,
    outgoing: Option<(Cause, StepKind)>,
) {
    let planned = |role| (w.test(role).expect("a test").server.clone(), true);
    let report = VerifyReport {
        incoming: outcome(w, &[planned(Role::Incoming)], incoming),
        outgoing: Some(outcome(w, &[planned(Role::Outgoing)], outgoing)),
        elapsed_ms: 30,
    };
    w.handle(Event::Verified {
        task,
        report: Box::new(report),
    });
}

#[test]
fn a_server_that_does_not_answer_is_passed_over_and_the_next_one_verifies_without_a_click() {
    let (mut w, task) = at_testing();
    let first = server(Protocol::Imap, "imap.example.com", Security::Tls);
    let second = server(Protocol::Imap, "mail.example.com", Security::StartTls);
    assert_eq!(w.test(Role::Incoming).unwrap().server, first);
    // The engine signs in to the second server: its steps show as they happen.
    w.handle(Event::ProbeStep {
        task,
        server: second.clone(),
        step: steps(None)[0].clone(),
    });
    let incoming = w.test(Role::Incoming).unwrap();
    assert_eq!(incoming.server, second, "the checklist follows the engine");
    assert_eq!(incoming.rows()[0].state, RowState::Ok);
    // Its answer: the first did not answer the quick check, the second verified.
    let report = VerifyReport {
        incoming: outcome(&w, &[(first.clone(), false), (second.clone(), true)], None),
        outgoing: Some(outcome(
            &w,
            &[(w.test(Role::Outgoing).unwrap().server.clone(), true)],
            None,
        )),
        elapsed_ms: 40,
    };
    w.handle(Event::Verified {
        task,
        report: Box::new(report),
    });
    assert!(w.all_verified());
    let incoming = w.test(Role::Incoming).unwrap();
    assert_eq!(incoming.server, second);
    let checks: Vec<(&str, bool)> = incoming
        .checks
        .iter()
        .map(|c| (c.server.host.as_str(), c.reachable))
        .collect();
    assert_eq!(
        checks,
        [("imap.example.com", false), ("mail.example.com", true)]
    );
    // What is saved is what verified, with where it came from.
    super::tests::nothing_saved_yet(&mut w);
    let (_, request) = save_task(&w.handle(Event::Next));
    assert_eq!(request.incoming.settings, second);
    assert_eq!(request.source.kind, SourceKind::Guess);
    assert_eq!(request.outgoing.settings.host, "smtp.example.com");
}

#[test]
fn a_run_that_could_send_the_password_nowhere_says_so() {
    let (mut w, task) = at_testing();
    let mut report = VerifyReport {
        incoming: ProtocolOutcome {
            protocol: Protocol::Imap,
            winner: None,
            checks: vec![],
            probes: vec![],
            unconfirmed: vec![],
            stopped: Some(
                "the password was not sent: IMAP imap.other.net needs your confirmation first"
                    .into(),
            ),
        },
        outgoing: None,
        elapsed_ms: 1,
    };
    report.outgoing = Some(outcome(
        &w,
        &[(w.test(Role::Outgoing).unwrap().server.clone(), true)],
        None,
    ));
    w.handle(Event::Verified {
        task,
        report: Box::new(report),
    });
    assert_eq!(
        w.test(Role::Incoming).unwrap().state,
        TestState::NotStarted(
            "The password was not sent: IMAP imap.other.net needs your confirmation first.".into()
        )
    );
    assert!(w.test(Role::Outgoing).unwrap().is_verified());
    assert!(!w.all_verified());
}
