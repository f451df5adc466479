//! The wizard's whole flow, page by page, without a window or a network: what each event
//! does to the page and which work it asks for.

use secrecy::{ExposeSecret, SecretString};

use super::verify_tests::verified;
use super::*;
use crate::account::{Protocol, Security, ServerSettings};
use crate::discover::{Candidate, Channel, Origin, SourceId};
use crate::probe::{
    Cause, Diagnosis, Outcome, ProbeReport, ServerFacts, Step, StepKind, StepStatus,
};
use crate::store::SourceKind;

pub(super) const PASSWORD: &str = "pä ss wörd ✓ 🔑";

pub(super) fn server(protocol: Protocol, host: &str, security: Security) -> ServerSettings {
    ServerSettings {
        protocol,
        host: host.into(),
        port: protocol.default_port(security),
        security,
        username: "ann@example.com".into(),
    }
}

/// An offer for `s` named by one source: "ISPDB" (over HTTPS), "SRV" or "guess".
pub(super) fn offer(s: ServerSettings, source: &str) -> Offer {
    let (id, channel) = match source {
        "ISPDB" => (SourceId::Ispdb, Channel::Https),
        "SRV" => (SourceId::Srv, Channel::Dns),
        _ => (SourceId::Guess, Channel::Dns),
    };
    let email = EmailAddress::parse("ann@example.com").expect("an address");
    let origin = Origin::new(
        id,
        channel,
        crate::discover::via::Via::Trail(format!("{source} answer")),
    );
    let c = Candidate::new(
        s.protocol, &s.host, s.port, s.security, s.username, &email, origin,
    );
    Offer::new(c, "example.com")
}

pub(super) fn discovery() -> Discovery {
    Discovery {
        incoming: vec![
            offer(
                server(Protocol::Imap, "imap.example.com", Security::Tls),
                "ISPDB",
            ),
            offer(
                server(Protocol::Pop3, "pop.example.com", Security::Tls),
                "ISPDB",
            ),
            offer(
                server(Protocol::Imap, "mail.example.com", Security::StartTls),
                "guess",
            ),
        ],
        outgoing: vec![offer(
            server(Protocol::Smtp, "smtp.example.com", Security::Tls),
            "ISPDB",
        )],
        note: None,
        disagreements: vec![],
        jmap: None,
    }
}

pub(super) fn steps(last_failed: Option<StepKind>) -> Vec<Step> {
    let kinds = [
        StepKind::Resolve,
        StepKind::Connect,
        StepKind::Tls,
        StepKind::Greeting,
        StepKind::Authenticate,
        StepKind::Logout,
    ];
    let mut out = Vec::new();
    for kind in kinds {
        let failed = Some(kind) == last_failed;
        out.push(Step {
            kind,
            status: if failed {
                StepStatus::Failed
            } else {
                StepStatus::Ok
            },
            started_ms: 0,
            ms: 3,
            detail: String::new(),
        });
        if failed {
            break;
        }
    }
    out
}

pub(super) fn report(s: &ServerSettings, failure: Option<(Cause, StepKind)>) -> Box<ProbeReport> {
    let outcome = match failure {
        None => Outcome::Verified,
        Some((cause, step)) => Outcome::Failed {
            diagnosis: Diagnosis {
                cause,
                summary: format!("summary of {cause}"),
                advice: "advice".into(),
                server_reply: Some("NO [AUTHENTICATIONFAILED] Authentication failed.".into()),
                step,
                detail: "detail".into(),
            },
        },
    };
    Box::new(ProbeReport {
        server: s.clone(),
        outcome,
        steps: steps(failure.map(|f| f.1)),
        tls: None,
        server_facts: ServerFacts::default(),
        warnings: Vec::new(),
        transcript: vec![],
        total_ms: 18,
    })
}

/// Filled account page.
pub(super) fn filled() -> Wizard {
    let mut w = Wizard::new();
    w.handle(Event::NameEdited("Ann".into()));
    let fx = w.handle(Event::EmailEdited("ann@example.com".into()));
    assert!(matches!(&fx[..], [Effect::LookUpNote { domain }] if domain == "example.com"));
    w.handle(Event::PasswordEdited(SecretString::from(PASSWORD)));
    w
}

pub(super) fn discover_task(fx: &[Effect]) -> TaskId {
    fx.iter()
        .find_map(|e| match e {
            Effect::Discover { task, .. } => Some(*task),
            _ => None,
        })
        .expect("a Discover effect")
}

/// (role, task, server) of every Probe effect.
pub(super) fn probes(fx: &[Effect]) -> Vec<(Role, TaskId, ServerSettings)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Probe {
                role,
                task,
                server,
                secret,
                ..
            } => {
                assert_eq!(secret.for_servers().expose_secret(), PASSWORD);
                Some((*role, *task, server.clone()))
            }
            _ => None,
        })
        .collect()
}

pub(super) fn cancels(fx: &[Effect]) -> Vec<TaskId> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Cancel { task } => Some(*task),
            _ => None,
        })
        .collect()
}

/// On the protocol page with the standard discovery.
pub(super) fn at_protocol() -> Wizard {
    let mut w = filled();
    let fx = w.handle(Event::Next);
    let task = discover_task(&fx);
    w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    assert_eq!(w.page(), Page::Protocol);
    w
}

/// The verification run an effect list starts, with what it was given: its task, the
/// hosts of its candidates and the hosts the person confirmed.
pub(super) fn verify_run(fx: &[Effect]) -> Option<(TaskId, Vec<String>, Vec<String>)> {
    fx.iter().find_map(|e| match e {
        Effect::Verify {
            task,
            candidates,
            confirmed,
            secret,
            ..
        } => {
            assert_eq!(secret.for_servers().expose_secret(), PASSWORD);
            let hosts = candidates.iter().map(|c| c.host.clone()).collect();
            Some((*task, hosts, confirmed.iter().cloned().collect()))
        }
        _ => None,
    })
}

/// On the testing page with the verification of both servers running: it started as soon
/// as discovery answered (both hosts are vouched for), and Next adopted it.
pub(super) fn at_testing() -> (Wizard, TaskId) {
    let mut w = filled();
    let fx = w.handle(Event::Next);
    let task = discover_task(&fx);
    let fx = w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    assert_eq!(w.page(), Page::Protocol);
    let (task, ..) = verify_run(&fx).expect("a Verify effect as soon as discovery answered");
    let fx = w.handle(Event::Next);
    assert_eq!(w.page(), Page::Testing);
    assert!(
        verify_run(&fx).is_none(),
        "Next adopts the early run: {fx:?}"
    );
    (w, task)
}

pub(super) fn finish_all(w: &mut Wizard, task: TaskId) {
    verified(w, task, None, None);
    nothing_saved_yet(w);
}

pub(super) fn finish_probes(w: &mut Wizard, p: &[(Role, TaskId, ServerSettings)]) {
    for (_, task, s) in p {
        w.handle(Event::ProbeDone {
            task: *task,
            report: report(s, None),
        });
    }
    nothing_saved_yet(w);
}

/// The runtime's answer to `Effect::FindSaved`: no account is saved for the address.
pub(super) fn nothing_saved_yet(w: &mut Wizard) {
    let fx = w.handle(Event::SavedAccountFound {
        email: "ann@example.com".parse().expect("an address"),
        id: None,
    });
    assert!(fx.is_empty(), "nothing was waiting for the answer: {fx:?}");
}

pub(super) fn save_task(fx: &[Effect]) -> (TaskId, SaveRequest) {
    fx.iter()
        .find_map(|e| match e {
            Effect::Save {
                task,
                request,
                secret,
            } => {
                assert_eq!(secret.for_servers().expose_secret(), PASSWORD);
                Some((*task, (**request).clone()))
            }
            _ => None,
        })
        .expect("a Save effect")
}

#[test]
fn the_whole_imap_flow_from_empty_form_to_saved() {
    let mut w = Wizard::new();
    assert_eq!(w.page(), Page::Account);
    // Next on an empty form only shows what is missing.
    assert!(w.handle(Event::Next).is_empty());
    assert!(w.show_errors());
    assert!(matches!(w.address_check(), AddressCheck::Invalid(_)));

    let mut w = filled();
    let fx = w.handle(Event::Next);
    assert!(matches!(fx[0], Effect::ForgetPasswordWidget));
    let task = discover_task(&fx);
    assert_eq!(w.page(), Page::Lookup);

    w.handle(Event::SourceUpdate {
        task,
        status: SourceRow {
            key: SourceId::Ispdb,
            label: "Mozilla's ISPDB".into(),
            state: SourceState::Waiting,
            ms: None,
            remark: None,
        },
    });
    w.handle(Event::SourceUpdate {
        task,
        status: SourceRow {
            key: SourceId::Ispdb,
            label: "Mozilla's ISPDB".into(),
            state: SourceState::Found(3),
            ms: Some(120),
            remark: None,
        },
    });
    assert_eq!(w.sources().len(), 1);
    assert_eq!(w.sources()[0].state, SourceState::Found(3));

    let fx = w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    assert_eq!(w.page(), Page::Protocol);
    assert_eq!(w.protocol(), Protocol::Imap);

    // The servers are chosen among everything discovery found, as the CLI chooses them,
    // as soon as discovery answered (both hosts are vouched for); Next adopts the run.
    let (task, hosts, _) = verify_run(&fx).expect("a Verify effect");
    assert_eq!(w.early_note(), None, "nothing was switched");
    assert!(w.handle(Event::Next).is_empty());
    assert_eq!(w.page(), Page::Testing);
    assert_eq!(
        hosts,
        [
            "imap.example.com",
            "pop.example.com",
            "mail.example.com",
            "smtp.example.com"
        ]
    );
    assert!(probes(&fx).is_empty(), "no single-server probe: {fx:?}");
    assert_eq!(
        w.test(Role::Incoming).unwrap().server.host,
        "imap.example.com"
    );
    assert_eq!(
        w.test(Role::Outgoing).unwrap().server.host,
        "smtp.example.com"
    );
    assert!(w.testing());
    // Next does nothing until everything verified.
    assert!(w.handle(Event::Next).is_empty());

    finish_all(&mut w, task);
    assert!(w.all_verified());
    assert_eq!(w.source_words(), "Mozilla's ISPDB");
    let fx = w.handle(Event::Next);
    let (task, request) = save_task(&fx);
    assert_eq!(request.display_name.as_deref(), Some("Ann"));
    assert_eq!(request.incoming.settings.host, "imap.example.com");
    assert_eq!(request.keychain, KeychainChoice::Default);
    assert_eq!(request.source.kind, SourceKind::Ispdb);
    assert_eq!(w.page(), Page::Done);

    w.handle(Event::Saved {
        task,
        saved: Saved {
            account_id: "ann-example-com".into(),
            config_path: "/tmp/x/accounts.json".into(),
            keychain_label: "Secret Service".into(),
        },
    });
    assert!(matches!(w.save_state(), SaveState::Saved(_)));
    assert!(matches!(w.handle(Event::Close)[..], [Effect::Close]));
    let fx = w.handle(Event::AddAnother);
    assert!(matches!(fx[..], [Effect::ForgetPasswordWidget]));
    assert_eq!(w.page(), Page::Account);
    assert_eq!(w.email_text(), "");
    assert!(!w.has_password());
}

#[test]
fn pop3_is_recommended_for_one_device_and_tests_the_pop3_server() {
    let mut w = at_protocol();
    w.handle(Event::OneDevice(true));
    assert_eq!(w.protocol(), Protocol::Pop3);
    // The person may still choose IMAP.
    w.handle(Event::ChooseProtocol(Protocol::Imap));
    assert_eq!(w.protocol(), Protocol::Imap);
    w.handle(Event::ChooseProtocol(Protocol::Pop3));
    let fx = w.handle(Event::Next);
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Verify { incoming, .. } if *incoming == Protocol::Pop3))
    );
    let incoming = &w.test(Role::Incoming).unwrap().server;
    assert_eq!(incoming.protocol, Protocol::Pop3);
    assert_eq!(incoming.host, "pop.example.com");
}

#[test]
fn a_protocol_the_provider_does_not_offer_cannot_be_chosen() {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    let mut d = discovery();
    d.incoming
        .retain(|o| o.candidate.protocol == Protocol::Imap);
    w.handle(Event::Discovered { task, discovery: d });
    w.handle(Event::ChooseProtocol(Protocol::Pop3));
    assert_eq!(w.protocol(), Protocol::Imap);
    assert_eq!(w.protocol_guide().unavailable[0].0, Protocol::Pop3);
}

#[test]
fn back_and_cancel_on_the_account_page() {
    let mut w = filled();
    assert!(w.handle(Event::Back).is_empty());
    assert_eq!(w.page(), Page::Account);
    assert!(matches!(w.handle(Event::Cancel)[..], [Effect::Close]));
}

#[test]
fn back_and_cancel_on_the_lookup_page_stop_discovery() {
    for event in [Event::Back, Event::Cancel] {
        let mut w = filled();
        let task = discover_task(&w.handle(Event::Next));
        let fx = w.handle(event);
        assert_eq!(cancels(&fx), vec![task]);
        assert_eq!(w.page(), Page::Account);
        // The late answer of the cancelled run changes nothing.
        w.handle(Event::Discovered {
            task,
            discovery: discovery(),
        });
        assert_eq!(w.page(), Page::Account);
        // Next starts a fresh run with a new task.
        let again = discover_task(&w.handle(Event::Next));
        assert_ne!(again, task);
    }
}

#[test]
fn back_and_cancel_on_the_protocol_page_return_to_the_account() {
    for event in [Event::Back, Event::Cancel] {
        let mut w = at_protocol();
        let early = w.early_task().expect("the servers are tested early");
        // The early test stops with the page.
        assert_eq!(cancels(&w.handle(event)), vec![early]);
        assert_eq!(w.tests().count(), 0);
        assert_eq!(w.page(), Page::Account);
        assert_eq!(w.email_text(), "ann@example.com");
    }
}

#[test]
fn cancel_on_the_testing_page_stops_the_tests_then_leaves() {
    let (mut w, task) = at_testing();
    let fx = w.handle(Event::Cancel);
    assert_eq!(cancels(&fx), vec![task]);
    assert_eq!(w.page(), Page::Testing);
    assert!(!w.testing());
    let rows = w.test(Role::Incoming).unwrap().rows();
    assert!(rows.iter().all(|r| r.state == RowState::Stopped));
    // A late answer is ignored.
    finish_all(&mut w, task);
    assert!(!w.test(Role::Incoming).unwrap().is_verified());
    // Retry tests both again; a second Cancel with nothing running leaves the page.
    let fx = w.handle(Event::Action(NextAction::Retry));
    assert_eq!(probes(&fx).len(), 2);
    w.handle(Event::Cancel);
    assert!(w.handle(Event::Cancel).is_empty());
    assert_eq!(w.page(), Page::Protocol);
}

#[test]
fn back_on_the_testing_page_stops_the_tests_and_returns() {
    let (mut w, task) = at_testing();
    let fx = w.handle(Event::Back);
    assert_eq!(cancels(&fx), vec![task]);
    assert_eq!(w.page(), Page::Protocol);
}

#[test]
fn a_failed_probe_then_retry_reruns_only_what_failed() {
    let (mut w, task) = at_testing();
    verified(
        &mut w,
        task,
        Some((Cause::ConnectionTimeout, StepKind::Connect)),
        None,
    );
    assert!(!w.all_verified());
    let rows = w.test(Role::Incoming).unwrap().rows();
    assert_eq!(rows[1].state, RowState::Failed);
    assert_eq!(rows[2].state, RowState::NotReached);
    let actions = w.next_actions(Role::Incoming);
    assert!(actions.contains(&NextAction::TrySecurity {
        role: Role::Incoming,
        security: Security::StartTls,
        port: 143
    }));
    assert!(actions.contains(&NextAction::TryAlternative {
        role: Role::Incoming,
        index: 1
    }));
    assert!(w.next_actions(Role::Outgoing).is_empty());

    let fx = w.handle(Event::Action(NextAction::Retry));
    let again = probes(&fx);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].0, Role::Incoming);
    assert!(w.test(Role::Outgoing).unwrap().is_verified());
    w.handle(Event::ProbeDone {
        task: again[0].1,
        report: report(&again[0].2, None),
    });
    assert!(w.all_verified());
}

#[test]
fn trying_the_other_security_mode_retests_that_server_only() {
    let (mut w, task) = at_testing();
    verified(
        &mut w,
        task,
        Some((Cause::TlsOnPlaintextPort, StepKind::Tls)),
        None,
    );
    let fx = w.handle(Event::Action(NextAction::TrySecurity {
        role: Role::Incoming,
        security: Security::StartTls,
        port: 143,
    }));
    let again = probes(&fx);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].2.security, Security::StartTls);
    assert_eq!(again[0].2.port, 143);
    // The outgoing server that verified is kept as it is.
    assert!(cancels(&fx).is_empty());
    assert!(w.test(Role::Outgoing).unwrap().is_verified());
    let fx = w.handle(Event::Action(NextAction::TryAlternative {
        role: Role::Incoming,
        index: 1,
    }));
    assert_eq!(probes(&fx)[0].2.host, "mail.example.com");
}

#[test]
fn a_wrong_password_goes_back_to_the_password_and_retests_only_the_failed_server() {
    let (mut w, task) = at_testing();
    verified(
        &mut w,
        task,
        Some((Cause::AuthFailed, StepKind::Authenticate)),
        None,
    );
    assert_eq!(w.next_actions(Role::Incoming)[0], NextAction::FixPassword);
    w.handle(Event::Action(NextAction::FixPassword));
    assert_eq!(w.page(), Page::Account);
    assert_eq!(
        w.password_problem().as_deref(),
        Some("summary of auth_failed")
    );
    w.handle(Event::PasswordEdited(SecretString::from(PASSWORD)));
    let fx = w.handle(Event::Next);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Discover { .. })),
        "no new lookup: {fx:?}"
    );
    let again = probes(&fx);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].0, Role::Incoming);
    assert_eq!(w.page(), Page::Testing);
    assert!(w.password_problem().is_none());
    // Back from here goes to the password, not to a stale page.
    w.handle(Event::Back);
    assert_eq!(w.page(), Page::Account);
}

#[test]
fn an_app_password_failure_opens_the_providers_page() {
    let mut w = filled();
    w.handle(Event::NoteFound {
        domain: "example.com".into(),
        note: Some(ProviderNote {
            id: "example".into(),
            name: "Example Mail".into(),
            needs_app_password: true,
            app_password_url: Some("https://example.com/app-passwords".into()),
            ..Default::default()
        }),
    });
    assert_eq!(w.note().unwrap().name, "Example Mail");
    let task = discover_task(&w.handle(Event::Next));
    let fx = w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    let (task, ..) = verify_run(&fx).expect("a Verify effect");
    assert!(w.handle(Event::Next).is_empty());
    verified(
        &mut w,
        task,
        Some((Cause::AppPasswordRequired, StepKind::Authenticate)),
        None,
    );
    let action = w.next_actions(Role::Incoming)[0].clone();
    let fx = w.handle(Event::Action(action));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::OpenUrl(u) if u == "https://example.com/app-passwords"))
    );
    assert_eq!(w.page(), Page::Account);
}

#[test]
fn the_note_is_asked_once_per_domain_and_shown_only_for_that_domain() {
    let mut w = filled();
    assert!(
        w.handle(Event::EmailEdited("bob@example.com".into()))
            .is_empty()
    );
    w.handle(Event::NoteFound {
        domain: "example.com".into(),
        note: Some(ProviderNote {
            id: "x".into(),
            ..Default::default()
        }),
    });
    assert!(w.note().is_some());
    let fx = w.handle(Event::EmailEdited("bob@example.org".into()));
    assert!(matches!(&fx[..], [Effect::LookUpNote { domain }] if domain == "example.org"));
    assert!(w.note().is_none());
}

#[test]
fn a_misspelt_domain_gets_a_suggestion_that_can_be_taken() {
    let mut w = Wizard::new();
    w.handle(Event::EmailEdited("ann@gmial.com".into()));
    match w.address_check() {
        AddressCheck::Valid { suggestion, .. } => {
            assert_eq!(suggestion.as_deref(), Some("ann@gmail.com"))
        }
        other => panic!("{other:?}"),
    }
    let fx = w.handle(Event::AcceptSuggestion);
    assert_eq!(w.email_text(), "ann@gmail.com");
    assert!(matches!(&fx[..], [Effect::LookUpNote { domain }] if domain == "gmail.com"));
    // Half-typed addresses are not scolded before Next.
    w.handle(Event::EmailEdited("ann".into()));
    assert_eq!(w.address_check(), AddressCheck::Quiet);
}

#[test]
fn the_manual_path_from_the_account_page() {
    let mut w = filled();
    let fx = w.handle(Event::SetUpManually);
    assert!(matches!(fx[..], [Effect::ForgetPasswordWidget]));
    assert_eq!(w.page(), Page::Manual);
    let form = w.manual().unwrap();
    assert_eq!(form.incoming.host, "imap.example.com");
    assert_eq!(form.outgoing.host, "smtp.example.com");

    w.handle(Event::Manual(ManualField::Host(
        Role::Incoming,
        "mail.example.net".into(),
    )));
    w.handle(Event::Manual(ManualField::Security(
        Role::Outgoing,
        Security::Plain,
    )));
    // Plaintext without the tick: nothing runs, the problem shows.
    assert!(w.handle(Event::Next).is_empty());
    assert!(w.manual().unwrap().show_problems);
    w.handle(Event::Manual(ManualField::AcceptPlaintext(true)));
    let fx = w.handle(Event::Next);
    assert_eq!(w.page(), Page::Testing);
    let p = probes(&fx);
    assert_eq!(p[0].2.host, "mail.example.net");
    assert_eq!(p[1].2.security, Security::Plain);
    // The consent holds for the unencrypted server only.
    assert!(fx.iter().all(|e| match e {
        Effect::Probe {
            allow_plaintext,
            server,
            ..
        } => *allow_plaintext == (server.security == Security::Plain),
        _ => true,
    }));
    assert_eq!(w.source_words(), "entered by hand");
    finish_probes(&mut w, &p);
    let (_, request) = save_task(&w.handle(Event::Next));
    assert!(request.allow_plaintext);
    assert_eq!(request.source.kind, SourceKind::Manual);
}

#[test]
fn back_and_cancel_on_the_manual_page() {
    // From the testing page, Back returns there with the servers kept.
    let (mut w, task) = at_testing();
    finish_all(&mut w, task);
    w.handle(Event::Action(NextAction::EditSettings));
    assert_eq!(w.page(), Page::Manual);
    assert_eq!(w.manual().unwrap().incoming.host, "imap.example.com");
    assert!(w.handle(Event::Back).is_empty());
    assert_eq!(w.page(), Page::Testing);
    // Cancel leaves for the account page.
    w.handle(Event::SetUpManually);
    assert_eq!(w.page(), Page::Manual);
    w.handle(Event::Cancel);
    assert_eq!(w.page(), Page::Account);
}

#[test]
fn manual_from_the_lookup_page_stops_discovery_and_uses_what_was_found() {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    let fx = w.handle(Event::SetUpManually);
    assert_eq!(cancels(&fx), vec![task]);
    assert_eq!(w.page(), Page::Manual);
    w.handle(Event::Back);
    assert_eq!(w.page(), Page::Account);

    // Nothing found: the lookup page stays, manual is filled from the partial result.
    let task = discover_task(&w.handle(Event::Next));
    let mut d = discovery();
    d.outgoing.clear();
    w.handle(Event::Discovered { task, discovery: d });
    assert_eq!(w.page(), Page::Lookup);
    assert!(matches!(w.lookup(), LookupState::NothingFound(_)));
    w.handle(Event::SetUpManually);
    let form = w.manual().unwrap();
    assert_eq!(form.incoming.host, "imap.example.com");
    assert_eq!(form.outgoing.host, "smtp.example.com", "guessed");
}

#[test]
fn discovery_that_cannot_run_can_be_retried() {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    w.handle(Event::DiscoveryFailed {
        task,
        reason: "no network".into(),
    });
    assert!(matches!(w.lookup(), LookupState::Failed(_)));
    let again = discover_task(&w.handle(Event::Action(NextAction::Retry)));
    assert_ne!(again, task);
}

#[test]
fn the_password_never_shows_in_debug_output() {
    let (mut w, task) = at_testing();
    let fx = w.handle(Event::Action(NextAction::Retry));
    finish_all(&mut w, task);
    let fx2 = w.handle(Event::Next);
    let text = format!(
        "{w:?} {fx:?} {fx2:?} {:?}",
        Event::PasswordEdited(SecretString::from(PASSWORD))
    );
    assert!(!text.contains(PASSWORD));
    assert!(!text.contains("wörd"));
}

#[test]
fn plain_http_answers_are_never_tested_without_the_person_confirming() {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    let mut d = discovery();
    for o in d.incoming.iter_mut().chain(d.outgoing.iter_mut()) {
        o.candidate.trust = crate::discover::SourceTrust::Insecure;
    }
    w.handle(Event::Discovered { task, discovery: d });
    // Not enough to go on by itself: the lookup page stays.
    assert_eq!(w.page(), Page::Lookup);
    assert!(w.offered_protocols().is_empty());
    // The manual page shows them; pressing Test there is the confirmation.
    w.handle(Event::SetUpManually);
    assert_eq!(w.manual().unwrap().incoming.host, "imap.example.com");
    let fx = w.handle(Event::Next);
    assert_eq!(probes(&fx)[0].2.host, "imap.example.com");
}
