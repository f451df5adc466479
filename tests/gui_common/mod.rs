//! Helpers shared by the window tests: wizard states built from events (for snapshots, with
//! fixed times so pictures are stable), the real app in a kittest harness, and typing into
//! fields found by their accessible names.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::gui::MailSetupApp;
use mailsetup::probe::{
    Cause, CertificateInfo, Diagnosis, Direction, Outcome, ProbeReport, ServerFacts, Step,
    StepKind, StepStatus, TlsFacts, TranscriptLine,
};
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{
    Discovery, Effect, Event, Offer, ProviderNote, Role as ServerRole, SaveProblem, Saved,
    SourceState, SourceStatus, TaskId, Wizard,
};
use secrecy::SecretString;

pub const WIDTH: f32 = 640.0;
pub const HEIGHT: f32 = 620.0;

/// Applies events; returns the effects of the last one.
pub fn feed(w: &mut Wizard, events: Vec<Event>) -> Vec<Effect> {
    let mut last = Vec::new();
    for e in events {
        last = w.handle(e);
    }
    last
}

fn task_of(fx: &[Effect]) -> Vec<TaskId> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Discover { task, .. }
            | Effect::Probe { task, .. }
            | Effect::Save { task, .. } => Some(*task),
            _ => None,
        })
        .collect()
}

pub fn server(protocol: Protocol, host: &str, security: Security) -> ServerSettings {
    ServerSettings {
        protocol,
        host: host.into(),
        port: protocol.default_port(security),
        security,
        username: "ann@charter.net".into(),
    }
}

fn offer(s: ServerSettings, sources: &[&str]) -> Offer {
    Offer {
        settings: s,
        sources: sources.iter().map(|s| s.to_string()).collect(),
        source_keys: sources.iter().map(|s| s.to_lowercase()).collect(),
        trusted: true,
        vouch: mailsetup::discover::Vouch::OwnDomain,
        question: None,
    }
}

pub fn spectrum_note() -> ProviderNote {
    ProviderNote {
        id: "spectrum".into(),
        name: "Spectrum (Charter)".into(),
        login_advice: "Sign in with the normal password of the mail account.".into(),
        notes: vec!["Spectrum wants IMAP; POP3 still works there but is the older choice.".into()],
        ..Default::default()
    }
}

pub fn discovery() -> Discovery {
    Discovery {
        incoming: vec![
            offer(
                server(Protocol::Imap, "mobile.charter.net", Security::Tls),
                &["built-in provider table", "Mozilla's ISPDB"],
            ),
            offer(
                server(Protocol::Pop3, "mobile.charter.net", Security::Tls),
                &["built-in provider table"],
            ),
        ],
        outgoing: vec![offer(
            ServerSettings {
                port: 587,
                ..server(Protocol::Smtp, "mobile.charter.net", Security::Tls)
            },
            &["built-in provider table"],
        )],
        note: Some(spectrum_note()),
        disagreements: vec![],
    }
}

/// A filled account page for ann@charter.net with the provider note known.
pub fn account_filled() -> Wizard {
    let mut w = Wizard::new();
    feed(
        &mut w,
        vec![
            Event::NameEdited("Ann Example".into()),
            Event::EmailEdited("ann@charter.net".into()),
            Event::PasswordEdited(SecretString::from("correct horse")),
            Event::NoteFound {
                domain: "charter.net".into(),
                note: Some(spectrum_note()),
            },
        ],
    );
    w
}

/// An account page with a misspelt domain.
pub fn account_misspelt() -> Wizard {
    let mut w = Wizard::new();
    feed(
        &mut w,
        vec![
            Event::EmailEdited("ann@gmial.com".into()),
            Event::PasswordEdited(SecretString::from("x")),
        ],
    );
    w
}

fn source(key: &str, label: &str, state: SourceState, ms: Option<u64>) -> SourceStatus {
    SourceStatus {
        key: key.into(),
        label: label.into(),
        state,
        ms,
    }
}

/// The lookup page while sources answer.
pub fn lookup_running() -> (Wizard, TaskId) {
    let mut w = account_filled();
    let fx = w.handle(Event::Next);
    let task = task_of(&fx)[0];
    feed(
        &mut w,
        vec![
            Event::SourceUpdate {
                task,
                status: source(
                    "provider",
                    "Built-in provider table",
                    SourceState::Found(4),
                    Some(1),
                ),
            },
            Event::SourceUpdate {
                task,
                status: source(
                    "autoconfig",
                    "The provider's autoconfig server",
                    SourceState::Nothing,
                    Some(212),
                ),
            },
            Event::SourceUpdate {
                task,
                status: source("ispdb", "Mozilla's ISPDB", SourceState::Waiting, None),
            },
            Event::SourceUpdate {
                task,
                status: source(
                    "srv",
                    "DNS service records (SRV)",
                    SourceState::Failed("no answer within 3 s".into()),
                    Some(3000),
                ),
            },
        ],
    );
    (w, task)
}

pub fn protocol_page() -> Wizard {
    let (mut w, task) = lookup_running();
    w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    w
}

/// The protocol page when the best outgoing server is an SRV target outside the domain
/// (nothing vouches for it), after Next was pressed without ticking it.
pub fn protocol_page_unconfirmed() -> Wizard {
    let (mut w, task) = lookup_running();
    let mut d = discovery();
    let mut o = offer(
        server(Protocol::Smtp, "smtp.mailhost.example", Security::Tls),
        &["DNS service records (SRV)"],
    );
    o.vouch = mailsetup::discover::Vouch::Unvouched {
        source: mailsetup::discover::SourceId::Srv,
        channel: mailsetup::discover::Channel::Dns,
    };
    o.question = Some(
        "Mail for charter.net is handled by smtp.mailhost.example — found in charter.net's DNS \
         service (SRV) records, not confirmed by charter.net."
            .into(),
    );
    d.outgoing.insert(0, o);
    w.handle(Event::Discovered { task, discovery: d });
    w.handle(Event::Next);
    w
}

fn steps(failed_at: Option<StepKind>, kinds: &[StepKind]) -> Vec<Step> {
    let mut out = Vec::new();
    let mut at = 0;
    for (i, kind) in kinds.iter().enumerate() {
        let ms = 10 + 7 * i as u64;
        let failed = Some(*kind) == failed_at;
        out.push(Step {
            kind: *kind,
            status: if failed {
                StepStatus::Failed
            } else {
                StepStatus::Ok
            },
            started_ms: at,
            ms,
            detail: format!("{kind:?} done"),
        });
        at += ms;
        if failed {
            break;
        }
    }
    out
}

pub fn report(s: &ServerSettings, failure: Option<Cause>) -> Box<ProbeReport> {
    use StepKind::*;
    let kinds = [
        Resolve,
        Connect,
        Tls,
        Greeting,
        Capabilities,
        Authenticate,
        Mailbox,
        Logout,
    ];
    let (outcome, failed_at) = match failure {
        None => (Outcome::Verified, None),
        Some(cause) => (
            Outcome::Failed {
                diagnosis: Diagnosis {
                    cause,
                    summary: "The server did not accept the user name or password.".into(),
                    advice: "Check the password (and Caps Lock) and the user name; many providers want the full email address as user name.".into(),
                    server_reply: Some("NO [AUTHENTICATIONFAILED] Authentication failed.".into()),
                    step: Authenticate,
                    detail: format!("{}: the server said no during Authenticate", s.endpoint()),
                },
            },
            Some(Authenticate),
        ),
    };
    Box::new(ProbeReport {
        server: s.clone(),
        outcome,
        steps: steps(failed_at, &kinds),
        tls: Some(TlsFacts {
            version: "TLSv1.3".into(),
            cipher_suite: "TLS13_AES_256_GCM_SHA384".into(),
            verified: true,
            certificates: vec![CertificateInfo {
                subject: "CN=mobile.charter.net".into(),
                issuer: "CN=Example CA".into(),
                sans: vec!["mobile.charter.net".into()],
                not_before: "2026-01-01T00:00:00Z".into(),
                not_after: "2027-01-01T00:00:00Z".into(),
                sha256: "AB:CD".into(),
                ..Default::default()
            }],
            ..Default::default()
        }),
        server_facts: ServerFacts {
            greeting: Some("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready".into()),
            connected_to: Some("127.0.0.1:993".into()),
            ..Default::default()
        },
        transcript: vec![
            TranscriptLine {
                at_ms: 30,
                direction: Direction::Received,
                text: "* OK ready".into(),
            },
            TranscriptLine {
                at_ms: 31,
                direction: Direction::Sent,
                text: "A0001 LOGIN \"ann@charter.net\" ****".into(),
            },
            TranscriptLine {
                at_ms: 90,
                direction: Direction::Received,
                text: "A0001 NO [AUTHENTICATIONFAILED] Authentication failed.".into(),
            },
        ],
        total_ms: 120,
    })
}

/// The testing page: incoming failed with a wrong password, outgoing verified.
pub fn testing_failed() -> Wizard {
    let mut w = protocol_page();
    let fx = w.handle(Event::Next);
    let tasks = task_of(&fx);
    let i = w.test(ServerRole::Incoming).unwrap().server.clone();
    let o = w.test(ServerRole::Outgoing).unwrap().server.clone();
    feed(
        &mut w,
        vec![
            Event::ProbeDone {
                task: tasks[0],
                report: report(&i, Some(Cause::AuthFailed)),
            },
            Event::ProbeDone {
                task: tasks[1],
                report: report(&o, None),
            },
        ],
    );
    w
}

/// The testing page with one server still running.
pub fn testing_running() -> Wizard {
    let mut w = protocol_page();
    let fx = w.handle(Event::Next);
    let tasks = task_of(&fx);
    let o = w.test(ServerRole::Outgoing).unwrap().server.clone();
    w.handle(Event::ProbeDone {
        task: tasks[1],
        report: report(&o, None),
    });
    w
}

pub fn testing_verified() -> (Wizard, Vec<TaskId>) {
    let mut w = protocol_page();
    let fx = w.handle(Event::Next);
    let tasks = task_of(&fx);
    for (role, task) in [
        (ServerRole::Incoming, tasks[0]),
        (ServerRole::Outgoing, tasks[1]),
    ] {
        let s = w.test(role).unwrap().server.clone();
        w.handle(Event::ProbeDone {
            task,
            report: report(&s, None),
        });
    }
    (w, tasks)
}

pub fn manual_plaintext() -> Wizard {
    let mut w = account_filled();
    w.handle(Event::SetUpManually);
    w.handle(Event::Manual(mailsetup::wizard::ManualField::Security(
        ServerRole::Outgoing,
        Security::Plain,
    )));
    w
}

pub fn done_saved() -> Wizard {
    let (mut w, _) = testing_verified();
    let fx = w.handle(Event::Next);
    let task = task_of(&fx)[0];
    w.handle(Event::Saved {
        task,
        saved: Saved {
            account_id: "ann-charter-net".into(),
            config_path: "/home/ann/.config/mailsetup/accounts.json".into(),
            keychain_label: "GNOME Keyring (Secret Service)".into(),
        },
    });
    w
}

pub fn done_keychain_unavailable() -> Wizard {
    let (mut w, _) = testing_verified();
    let fx = w.handle(Event::Next);
    let task = task_of(&fx)[0];
    w.handle(Event::SaveFailed {
        task,
        problem: SaveProblem::KeychainUnavailable {
            reason: "No Secret Service is running on the session bus.".into(),
            advice: "Start GNOME Keyring or KWallet, or log in to a desktop session.".into(),
            keyutils_possible: true,
        },
    });
    w
}

/// The real app in a harness, with the runtime configured by the caller.
pub fn app(config: RuntimeConfig) -> Harness<'static, MailSetupApp> {
    Harness::builder()
        .with_size(egui::vec2(WIDTH, HEIGHT))
        .build_eframe(move |cc| MailSetupApp::new(cc, config).expect("start the runtime"))
}

/// A runtime configuration that reaches nothing but what the test passes in: discovery,
/// should anything start it, asks a name server and an ISPDB on a closed loopback port.
pub fn offline_config() -> RuntimeConfig {
    let mut config = RuntimeConfig::new(Vec::new()).expect("platform trust");
    fence(&mut config);
    config
}

/// Points discovery at nothing (a closed loopback port), so no test can reach the internet.
pub fn fence(config: &mut RuntimeConfig) {
    let mut opts = config.discovery.clone();
    opts.dns.server = Some("127.0.0.1:9".parse().unwrap());
    opts.ispdb_url = "https://127.0.0.1:9/v1.1/".into();
    opts.http.port = Some(9);
    config.set_discovery(opts);
}

/// Focuses the text field with this accessible name and replaces its text.
pub fn fill(h: &mut Harness<'_, MailSetupApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.get_by_label(label).set_text_value_accesskit(text);
    h.run_steps(2);
}

/// Ticks (or unticks) the checkbox with this label, as a screen reader does (a pointer click
/// would miss a box scrolled out of view).
pub fn tick(h: &mut Harness<'_, MailSetupApp>, label: &str) {
    h.get_by_role_and_label(Role::CheckBox, label)
        .click_accesskit();
    h.run_steps(2);
}

/// Clicks the button with this label.
pub fn click(h: &mut Harness<'_, MailSetupApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run_steps(2);
}

/// Steps the app until `ready` holds or `limit` passes (spinners never let `run` settle).
pub fn step_until(
    h: &mut Harness<'_, MailSetupApp>,
    limit: Duration,
    what: &str,
    mut ready: impl FnMut(&MailSetupApp) -> bool,
) {
    let deadline = Instant::now() + limit;
    loop {
        h.step();
        if ready(h.state()) {
            h.run_steps(2);
            return;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?} waiting for: {what}; page {:?}",
            h.state().wizard().page()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
