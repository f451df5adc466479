//! The wizard's whole flow, page by page, without a window or a network: what each event
//! does to the page and which work it asks for.

use secrecy::{ExposeSecret, SecretString};

use super::*;
use crate::account::{Protocol, Security, ServerSettings};
use crate::probe::{
    Cause, Diagnosis, Outcome, ProbeReport, ServerFacts, Step, StepKind, StepStatus,
};

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

pub(super) fn offer(s: ServerSettings, source: &str) -> Offer {
    Offer {
        settings: s,
        sources: vec![source.into()],
        source_keys: vec![source.to_lowercase()],
        trusted: true,
        vouch: crate::discover::Vouch::OwnDomain,
        question: None,
    }
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
    }
}

fn steps(last_failed: Option<StepKind>) -> Vec<Step> {
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
                password,
                ..
            } => {
                assert_eq!(password.expose_secret(), PASSWORD);
                Some((*role, *task, server.clone()))
            }
            _ => None,
        })
        .collect()
}

fn cancels(fx: &[Effect]) -> Vec<TaskId> {
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

/// On the testing page with both probes running.
fn at_testing() -> (Wizard, Vec<(Role, TaskId, ServerSettings)>) {
    let mut w = at_protocol();
    let fx = w.handle(Event::Next);
    assert_eq!(w.page(), Page::Testing);
    (w, probes(&fx))
}

fn finish_all(w: &mut Wizard, p: &[(Role, TaskId, ServerSettings)]) {
    for (_, task, s) in p {
        w.handle(Event::ProbeDone {
            task: *task,
            report: report(s, None),
        });
    }
}

fn save_task(fx: &[Effect]) -> (TaskId, SaveRequest) {
    fx.iter()
        .find_map(|e| match e {
            Effect::Save {
                task,
                request,
                password,
            } => {
                assert_eq!(password.expose_secret(), PASSWORD);
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
        status: SourceStatus {
            key: "ispdb".into(),
            label: "Mozilla's ISPDB".into(),
            state: SourceState::Waiting,
            ms: None,
        },
    });
    w.handle(Event::SourceUpdate {
        task,
        status: SourceStatus {
            key: "ispdb".into(),
            label: "Mozilla's ISPDB".into(),
            state: SourceState::Found(3),
            ms: Some(120),
        },
    });
    assert_eq!(w.sources().len(), 1);
    assert_eq!(w.sources()[0].state, SourceState::Found(3));

    w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    assert_eq!(w.page(), Page::Protocol);
    assert_eq!(w.protocol(), Protocol::Imap);

    let fx = w.handle(Event::Next);
    let p = probes(&fx);
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].2.host, "imap.example.com");
    assert_eq!(p[1].2.host, "smtp.example.com");
    assert!(w.testing());
    // Next does nothing until everything verified.
    assert!(w.handle(Event::Next).is_empty());

    finish_all(&mut w, &p);
    assert!(w.all_verified());
    let fx = w.handle(Event::Next);
    let (task, request) = save_task(&fx);
    assert_eq!(request.display_name.as_deref(), Some("Ann"));
    assert_eq!(request.incoming.host, "imap.example.com");
    assert_eq!(request.keychain, KeychainChoice::Default);
    assert_eq!(request.source, "ISPDB");
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
    let p = probes(&fx);
    assert_eq!(p[0].2.protocol, Protocol::Pop3);
    assert_eq!(p[0].2.host, "pop.example.com");
}

#[test]
fn a_protocol_the_provider_does_not_offer_cannot_be_chosen() {
    let mut w = filled();
    let task = discover_task(&w.handle(Event::Next));
    let mut d = discovery();
    d.incoming.retain(|o| o.settings.protocol == Protocol::Imap);
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
        assert!(w.handle(event).is_empty());
        assert_eq!(w.page(), Page::Account);
        assert_eq!(w.email_text(), "ann@example.com");
    }
}

#[test]
fn cancel_on_the_testing_page_stops_the_tests_then_leaves() {
    let (mut w, p) = at_testing();
    let fx = w.handle(Event::Cancel);
    assert_eq!(cancels(&fx), vec![p[0].1, p[1].1]);
    assert_eq!(w.page(), Page::Testing);
    assert!(!w.testing());
    let rows = w.test(Role::Incoming).unwrap().rows();
    assert!(rows.iter().all(|r| r.state == RowState::Stopped));
    // A late answer is ignored.
    w.handle(Event::ProbeDone {
        task: p[0].1,
        report: report(&p[0].2, None),
    });
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
    let (mut w, p) = at_testing();
    let fx = w.handle(Event::Back);
    assert_eq!(cancels(&fx).len(), 2);
    assert_eq!(w.page(), Page::Protocol);
    let _ = p;
}

#[test]
fn a_failed_probe_then_retry_reruns_only_what_failed() {
    let (mut w, p) = at_testing();
    w.handle(Event::ProbeDone {
        task: p[0].1,
        report: report(&p[0].2, Some((Cause::ConnectionTimeout, StepKind::Connect))),
    });
    w.handle(Event::ProbeDone {
        task: p[1].1,
        report: report(&p[1].2, None),
    });
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
    let (mut w, p) = at_testing();
    w.handle(Event::ProbeDone {
        task: p[0].1,
        report: report(&p[0].2, Some((Cause::TlsOnPlaintextPort, StepKind::Tls))),
    });
    let fx = w.handle(Event::Action(NextAction::TrySecurity {
        role: Role::Incoming,
        security: Security::StartTls,
        port: 143,
    }));
    let again = probes(&fx);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].2.security, Security::StartTls);
    assert_eq!(again[0].2.port, 143);
    // The outgoing test keeps running untouched.
    assert!(cancels(&fx).is_empty());
    assert_eq!(w.test(Role::Outgoing).unwrap().task(), Some(p[1].1));
    let fx = w.handle(Event::Action(NextAction::TryAlternative {
        role: Role::Incoming,
        index: 1,
    }));
    assert_eq!(probes(&fx)[0].2.host, "mail.example.com");
}

#[test]
fn a_wrong_password_goes_back_to_the_password_and_retests_only_the_failed_server() {
    let (mut w, p) = at_testing();
    w.handle(Event::ProbeDone {
        task: p[0].1,
        report: report(&p[0].2, Some((Cause::AuthFailed, StepKind::Authenticate))),
    });
    w.handle(Event::ProbeDone {
        task: p[1].1,
        report: report(&p[1].2, None),
    });
    assert_eq!(w.next_actions(Role::Incoming)[0], NextAction::FixPassword);
    w.handle(Event::Action(NextAction::FixPassword));
    assert_eq!(w.page(), Page::Account);
    assert_eq!(w.password_problem(), Some("summary of auth_failed"));
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
    w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    let p = probes(&w.handle(Event::Next));
    w.handle(Event::ProbeDone {
        task: p[0].1,
        report: report(
            &p[0].2,
            Some((Cause::AppPasswordRequired, StepKind::Authenticate)),
        ),
    });
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
    finish_all(&mut w, &p);
    let (_, request) = save_task(&w.handle(Event::Next));
    assert!(request.allow_plaintext);
    assert_eq!(request.source, "entered by hand");
}

#[test]
fn back_and_cancel_on_the_manual_page() {
    // From the testing page, Back returns there with the servers kept.
    let (mut w, p) = at_testing();
    finish_all(&mut w, &p);
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

fn at_done_failed(keyutils_possible: bool) -> (Wizard, TaskId) {
    let (mut w, p) = at_testing();
    finish_all(&mut w, &p);
    let (task, _) = save_task(&w.handle(Event::Next));
    // Cancel while saving asks the runtime to stop the save; the page waits for the answer.
    let fx = w.handle(Event::Cancel);
    assert!(matches!(fx.as_slice(), [Effect::Cancel { task: t }] if *t == task));
    assert!(matches!(w.save_state(), SaveState::Saving(..)));
    w.handle(Event::SaveFailed {
        task,
        problem: SaveProblem::KeychainUnavailable {
            reason: "no Secret Service is running".into(),
            advice: "start GNOME Keyring".into(),
            keyutils_possible,
        },
    });
    (w, task)
}

#[test]
fn a_cancelled_save_goes_back_to_the_results_and_a_late_cancel_shows_the_saved_account() {
    let (mut w, p) = at_testing();
    finish_all(&mut w, &p);
    let (task, _) = save_task(&w.handle(Event::Next));
    w.handle(Event::Cancel);
    // An answer for another task changes nothing.
    w.handle(Event::SaveCancelled {
        task: TaskId(task.0 + 100),
    });
    assert!(matches!(w.save_state(), SaveState::Saving(..)));
    w.handle(Event::SaveCancelled { task });
    assert_eq!(w.page(), Page::Testing);
    assert!(w.all_verified());
    assert_eq!(*w.save_state(), SaveState::NotStarted);

    // Too late: the account file was already being written, so the save finished.
    let (task, _) = save_task(&w.handle(Event::Next));
    w.handle(Event::Cancel);
    let saved = Saved {
        account_id: "alice-example-com".into(),
        config_path: "/tmp/accounts.json".into(),
        keychain_label: "kernel keyring".into(),
    };
    w.handle(Event::Saved { task, saved });
    assert!(matches!(w.save_state(), SaveState::Saved(_)));
}

#[test]
fn keychain_unavailable_offers_retry_keyutils_and_cancel_never_plaintext() {
    let (mut w, _) = at_done_failed(true);
    assert_eq!(w.page(), Page::Done);
    let fx = w.handle(Event::UseKeyutils);
    let (task, request) = save_task(&fx);
    assert_eq!(request.keychain, KeychainChoice::Keyutils);
    w.handle(Event::SaveFailed {
        task,
        problem: SaveProblem::KeychainUnavailable {
            reason: "no session keyring".into(),
            advice: "".into(),
            keyutils_possible: true,
        },
    });
    // Retry keeps the chosen keychain.
    let (task2, request) = save_task(&w.handle(Event::RetrySave));
    assert_eq!(request.keychain, KeychainChoice::Keyutils);
    assert_ne!(task, task2);
    w.handle(Event::SaveFailed {
        task: task2,
        problem: SaveProblem::KeychainUnavailable {
            reason: "locked".into(),
            advice: "".into(),
            keyutils_possible: true,
        },
    });
    // Cancel: nothing saved, back to the verified results.
    assert!(w.handle(Event::Cancel).is_empty());
    assert_eq!(w.page(), Page::Testing);
    assert!(w.all_verified());
    assert_eq!(*w.save_state(), SaveState::NotStarted);
}

#[test]
fn keyutils_is_not_offered_where_it_is_impossible() {
    let (mut w, _) = at_done_failed(false);
    assert!(w.handle(Event::UseKeyutils).is_empty());
    let (_, request) = save_task(&w.handle(Event::RetrySave));
    assert_eq!(request.keychain, KeychainChoice::Default);
}

#[test]
fn back_on_the_done_page_after_saving_does_nothing() {
    let (mut w, p) = at_testing();
    finish_all(&mut w, &p);
    let (task, _) = save_task(&w.handle(Event::Next));
    // A stale save answer is ignored.
    w.handle(Event::Saved {
        task: TaskId(task.0 + 100),
        saved: Saved {
            account_id: "x".into(),
            config_path: "/x".into(),
            keychain_label: "k".into(),
        },
    });
    assert!(matches!(w.save_state(), SaveState::Saving(..)));
    w.handle(Event::Saved {
        task,
        saved: Saved {
            account_id: "x".into(),
            config_path: "/x".into(),
            keychain_label: "k".into(),
        },
    });
    assert!(w.handle(Event::Back).is_empty());
    assert!(w.handle(Event::Cancel).is_empty());
    assert_eq!(w.page(), Page::Done);
    assert!(!w.can_go_back());
}

#[test]
fn the_password_never_shows_in_debug_output() {
    let (mut w, p) = at_testing();
    let fx = w.handle(Event::Action(NextAction::Retry));
    finish_all(&mut w, &p);
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
        o.trusted = false;
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
