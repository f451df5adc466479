//! Helpers shared by the window tests: wizard states built from events (for snapshots, with
//! fixed times so pictures are stable), the real app in a kittest harness, and typing into
//! fields found by their accessible names.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::discover::{Candidate, Channel, Origin, SourceError, SourceId};
use mailsetup::gui::MailSetupApp;
use mailsetup::probe::{
    Cause, CertificateInfo, Diagnosis, Direction, Outcome, ProbeReport, ServerFacts, Step,
    StepKind, StepStatus, TlsFacts, TranscriptLine,
};
use mailsetup::runtime::RuntimeConfig;
use mailsetup::verify::{Check, ProtocolOutcome, VerifyReport, Winner};
use mailsetup::wizard::{
    Discovery, Effect, Event, Offer, ProviderNote, Role as ServerRole, SaveProblem, Saved,
    SourceRow, SourceState, TaskId, Wizard,
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

pub fn task_of(fx: &[Effect]) -> Vec<TaskId> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Discover { task, .. }
            | Effect::Probe { task, .. }
            | Effect::Verify { task, .. }
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

/// A discovered server for ann@charter.net, named by these sources (best first).
fn offer(s: ServerSettings, sources: &[SourceId]) -> Offer {
    let email = mailsetup::account::EmailAddress::parse("ann@charter.net").unwrap();
    let origin = |id: SourceId| {
        let channel = match id {
            SourceId::Provider => Channel::BuiltIn,
            SourceId::Srv | SourceId::Mx | SourceId::Guess => Channel::Dns,
            SourceId::AutoconfigHttp => Channel::PlainHttp,
            _ => Channel::Https,
        };
        Origin::new(
            id,
            channel,
            mailsetup::discover::via::Via::Trail(format!("{} for charter.net", id.label())),
        )
    };
    let mut c = Candidate::new(
        s.protocol,
        &s.host,
        s.port,
        s.security,
        s.username,
        &email,
        origin(sources[0]),
    );
    c.origins.extend(sources[1..].iter().map(|id| origin(*id)));
    Offer::new(c, "charter.net")
}

pub fn spectrum_note() -> ProviderNote {
    ProviderNote {
        id: "spectrum".into(),
        name: "Spectrum (Charter)".into(),
        // The provider table's words, in the language the test speaks.
        login_advice: mailsetup::i18n::translated("login-password").unwrap_or_default(),
        notes: vec![mailsetup::i18n::translated("provider-spectrum-note-1").unwrap_or_default()],
        ..Default::default()
    }
}

pub fn discovery() -> Discovery {
    Discovery {
        incoming: vec![
            offer(
                server(Protocol::Imap, "mobile.charter.net", Security::Tls),
                &[SourceId::Provider, SourceId::Ispdb],
            ),
            offer(
                server(Protocol::Pop3, "mobile.charter.net", Security::Tls),
                &[SourceId::Provider],
            ),
        ],
        outgoing: vec![offer(
            ServerSettings {
                port: 587,
                ..server(Protocol::Smtp, "mobile.charter.net", Security::Tls)
            },
            &[SourceId::Provider],
        )],
        note: Some(spectrum_note()),
        disagreements: vec![],
        jmap: None,
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

fn source(key: SourceId, label: &str, state: SourceState, ms: Option<u64>) -> SourceRow {
    SourceRow {
        key,
        label: label.into(),
        state,
        ms,
        remark: None,
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
                    SourceId::Provider,
                    "Built-in provider table",
                    SourceState::Found(4),
                    Some(1),
                ),
            },
            Event::SourceUpdate {
                task,
                status: source(
                    SourceId::Autoconfig,
                    "The provider's autoconfig server",
                    SourceState::Nothing,
                    Some(212),
                ),
            },
            Event::SourceUpdate {
                task,
                status: source(
                    SourceId::Ispdb,
                    "Mozilla's ISPDB",
                    SourceState::Waiting,
                    None,
                ),
            },
            Event::SourceUpdate {
                task,
                status: source(
                    SourceId::Srv,
                    "DNS service records (SRV)",
                    SourceState::Failed(Some(SourceError::TimedOut {
                        after: Duration::from_secs(3),
                    })),
                    Some(3000),
                ),
            },
        ],
    );
    (w, task)
}

pub fn protocol_page() -> Wizard {
    protocol_page_testing().0
}

/// The protocol page, and the verification run that started as soon as discovery answered
/// (both hosts are vouched for); Next adopts it.
pub fn protocol_page_testing() -> (Wizard, TaskId) {
    let (mut w, task) = lookup_running();
    let fx = w.handle(Event::Discovered {
        task,
        discovery: discovery(),
    });
    let early = task_of(&fx)[0];
    (w, early)
}

/// The protocol page when the best outgoing server is an SRV target outside the domain
/// (nothing vouches for it), after Next was pressed without ticking it.
pub fn protocol_page_unconfirmed() -> Wizard {
    let (mut w, task) = lookup_running();
    let mut d = discovery();
    let mut o = offer(
        server(Protocol::Smtp, "smtp.mailhost.example", Security::Tls),
        &[SourceId::Srv],
    );
    o.candidate.vouch = mailsetup::discover::Vouch::Unvouched {
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
                // The engine's own words for the cause, in the language the test speaks.
                diagnosis: Diagnosis {
                    cause,
                    summary: mailsetup::probe::explain(s.protocol, cause).0,
                    advice: mailsetup::probe::explain(s.protocol, cause).1,
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
        warnings: Vec::new(),
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

/// The engine's answer for one role: each server's quick check (`false`: it did not
/// answer), then `report` on the first that answered.
pub fn outcome(
    w: &Wizard,
    servers: &[(ServerSettings, bool)],
    report: Box<ProbeReport>,
) -> ProtocolOutcome {
    let candidate = |s: &ServerSettings| {
        w.discovery()
            .and_then(|d| {
                d.incoming
                    .iter()
                    .chain(&d.outgoing)
                    .find(|o| o.settings() == *s)
            })
            .map(|o| o.candidate.clone())
            .expect("a discovered server")
    };
    let checks = servers
        .iter()
        .map(|(s, reachable)| Check {
            server: s.clone(),
            reachable: *reachable,
            ms: if *reachable { 38 } else { 2 },
            detail: if *reachable {
                "* OK ready".into()
            } else {
                format!("127.0.0.1:{}: Connection refused (os error 111)", s.port)
            },
        })
        .collect();
    ProtocolOutcome {
        protocol: report.server.protocol,
        winner: report.is_verified().then(|| Winner {
            candidate: candidate(&report.server),
            report: (*report).clone(),
        }),
        checks,
        probes: vec![(*report).clone()],
        unconfirmed: vec![],
        stopped: (!report.is_verified()).then(|| "the server refused the sign-in".into()),
    }
}

/// Answers the window's verification run: each role's planned server answered and ended
/// with `incoming` / `outgoing` (None: verified).
pub fn answer(w: &mut Wizard, task: TaskId, incoming: Option<Cause>, outgoing: Option<Cause>) {
    let i = w.test(ServerRole::Incoming).unwrap().server.clone();
    let o = w.test(ServerRole::Outgoing).unwrap().server.clone();
    let report = VerifyReport {
        incoming: outcome(w, &[(i.clone(), true)], report(&i, incoming)),
        outgoing: Some(outcome(w, &[(o.clone(), true)], report(&o, outgoing))),
        elapsed_ms: 160,
    };
    w.handle(Event::Verified {
        task,
        report: Box::new(report),
    });
    // The runtime's answer to "is an account saved for this address?": none.
    if let Some(email) = w.email() {
        w.handle(Event::SavedAccountFound { email, id: None });
    }
}

/// The testing page: incoming failed with a wrong password, outgoing verified.
pub fn testing_failed() -> Wizard {
    let (mut w, task) = protocol_page_testing();
    w.handle(Event::Next);
    answer(&mut w, task, Some(Cause::AuthFailed), None);
    w
}

/// The testing page while the engine signs in: incoming half way, outgoing done.
pub fn testing_running() -> Wizard {
    let (mut w, task) = protocol_page_testing();
    w.handle(Event::Next);
    for role in [ServerRole::Incoming, ServerRole::Outgoing] {
        let server = w.test(role).unwrap().server.clone();
        let steps = report(&server, None).steps;
        let n = if role == ServerRole::Incoming {
            3
        } else {
            steps.len()
        };
        for step in steps.into_iter().take(n) {
            w.handle(Event::ProbeStep {
                task,
                server: server.clone(),
                step,
            });
        }
    }
    w
}

pub fn testing_verified() -> (Wizard, Vec<TaskId>) {
    let (mut w, task) = protocol_page_testing();
    w.handle(Event::Next);
    answer(&mut w, task, None, None);
    (w, vec![task])
}

/// The testing page after the preferred IMAP server did not answer: the engine passed it
/// over by itself and verified the next one the provider lists.
pub fn testing_fallback() -> Wizard {
    let (mut w, task) = lookup_running();
    let mut d = discovery();
    d.incoming.insert(
        0,
        offer(
            server(Protocol::Imap, "imap.charter.net", Security::Tls),
            &[SourceId::Ispdb],
        ),
    );
    // The verification starts as soon as discovery answered; Next adopts it.
    let fx = w.handle(Event::Discovered { task, discovery: d });
    let task = task_of(&fx)[0];
    w.handle(Event::Next);
    let dead = server(Protocol::Imap, "imap.charter.net", Security::Tls);
    let good = server(Protocol::Imap, "mobile.charter.net", Security::Tls);
    let o = w.test(ServerRole::Outgoing).unwrap().server.clone();
    let report = VerifyReport {
        incoming: outcome(
            &w,
            &[(dead, false), (good.clone(), true)],
            report(&good, None),
        ),
        outgoing: Some(outcome(&w, &[(o.clone(), true)], report(&o, None))),
        elapsed_ms: 200,
    };
    w.handle(Event::Verified {
        task,
        report: Box::new(report),
    });
    w
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
    opts.microsoft365_url = "https://127.0.0.1:9/autodiscover/autodiscover.json/v1.0/".into();
    opts.http.port = Some(9);
    config.set_discovery(opts);
    // The captive-portal check, should a test show its symptom, asks a closed loopback port.
    config.probe.connectivity = Some(mailsetup::probe::ConnectivityCheck {
        url: "http://127.0.0.1:9/success.txt".into(),
        expected: "success".into(),
    });
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
/// The account typed (`name` when given), the manual page filled with an IMAP and an SMTP
/// server (host and port, implicit TLS as the manual form suggests), tested, and both
/// verified.
pub fn verified_by_hand(
    h: &mut Harness<'_, MailSetupApp>,
    name: Option<&str>,
    (address, password): (&str, &str),
    (incoming, outgoing): ((&str, u16), (&str, u16)),
) {
    h.run_steps(2);
    if let Some(name) = name {
        fill(h, "Your name (optional)", name);
    }
    fill(h, "Email address", address);
    fill(h, "Password", password);
    click(h, "Set up manually");
    fill(h, "Incoming server", incoming.0);
    fill(h, "Incoming port", &incoming.1.to_string());
    fill(h, "Outgoing server", outgoing.0);
    fill(h, "Outgoing port", &outgoing.1.to_string());
    click(h, "Test settings");
    step_until(h, Duration::from_secs(30), "both verified", |app| {
        app.wizard().all_verified()
    });
}

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

/// Clicks a button and steps until a frame's output holds copied text.
pub fn click_and_catch_copy(h: &mut Harness<'_, MailSetupApp>, label: &str) -> String {
    // By accessibility action: the button may be scrolled out of view.
    h.get_by_role_and_label(Role::Button, label)
        .click_accesskit();
    for _ in 0..6 {
        h.step();
        let copied = h
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyText(text) => Some(text.clone()),
                _ => None,
            });
        if let Some(text) = copied {
            return text;
        }
    }
    panic!("\"{label}\" put nothing on the clipboard");
}
