//! The window chooses the servers the way `mailsetup diagnose` does (`verify`): the loopback
//! DNS server publishes two RFC 6186 IMAP records for example.test, both inside the domain
//! (so both are vouched for): the preferred one points at a port where nothing listens,
//! the other at a TLS relay in front of the real Dovecot. After Next, without another
//! click, the window shows each server's quick check, passes over the one that does not
//! answer, and ends verified on the second; the account saved is the second.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod netsupport;
mod support;

use std::time::Duration;

use egui::Key;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{LookupState, Page, Role as ServerRole, SaveState};
use netsupport::LOOPBACK;
use netsupport::srv_world::{SrvRecord, SrvWorld};
use support::{dovecot, pki};

struct World {
    srv: SrvWorld,
    /// The preferred IMAP server's port, where nothing listens.
    dead_port: u16,
}

fn world() -> World {
    let d = dovecot();
    // A port that was free a moment ago: connecting there is refused.
    let dead_port = std::net::TcpListener::bind((LOOPBACK, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    // Both in the domain; the IMAP record the client prefers (priority 0) is the dead one.
    let srv = SrvWorld::start(
        &[
            SrvRecord {
                service: "_imaps._tcp.example.test",
                priority: 10,
                target: "mail.example.test",
                upstream: d.imaps.addr(),
            },
            SrvRecord {
                service: "_submissions._tcp.example.test",
                priority: 10,
                target: "smtp.example.test",
                upstream: d.submissions.addr(),
            },
        ],
        &pki().ca_der,
    );
    let dns = &srv.net.dns;
    dns.srv(
        "_imaps._tcp.example.test",
        0,
        1,
        dead_port,
        "imap.example.test",
    );
    dns.a("imap.example.test", LOOPBACK);
    World { srv, dead_port }
}

fn config(w: &World, name: &str) -> RuntimeConfig {
    w.srv
        .runtime_config(support::short_timeouts(), support::run_dir().join(name))
}

#[test]
fn a_server_that_does_not_answer_is_passed_over_and_the_next_one_verifies_without_a_click() {
    let w = world();
    let d = dovecot();
    let mut h = app(config(&w, "fallback"));
    h.run_steps(2);
    fill(&mut h, "Email address", &d.alice.address);
    fill(&mut h, "Password", &d.alice.password);
    h.key_press(Key::Enter);
    h.run_steps(2);
    step_until(&mut h, Duration::from_secs(15), "the lookup ends", |app| {
        !matches!(app.wizard().lookup(), LookupState::Running(_))
    });
    assert_eq!(h.state().wizard().page(), Page::Protocol);
    // The preferred server is listed as the one to receive the password; nothing asks for
    // confirmation: both IMAP hosts are in the address's own domain.
    h.get_by_label_contains("Incoming mail: imap.example.test");
    click(&mut h, "Next");
    assert_eq!(h.state().wizard().page(), Page::Testing);

    // No other click from here on.
    step_until(&mut h, Duration::from_secs(30), "the tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });
    let wiz = h.state().wizard();
    for t in wiz.tests() {
        assert!(
            t.is_verified(),
            "{:?}: {:?} {:?}",
            t.role,
            t.state,
            t.report.as_ref().map(|r| r.diagnosis())
        );
    }
    let incoming = wiz.test(ServerRole::Incoming).unwrap();
    assert_eq!(incoming.server.host, "mail.example.test");
    let checks: Vec<(&str, u16, bool)> = incoming
        .checks
        .iter()
        .filter(|c| c.server.host != "mail.example.test" || c.reachable)
        .map(|c| (c.server.host.as_str(), c.server.port, c.reachable))
        .take(2)
        .collect();
    assert_eq!(
        checks[0],
        ("imap.example.test", w.dead_port, false),
        "{checks:?}"
    );
    assert_eq!(checks[1].0, "mail.example.test", "{checks:?}");
    assert!(checks[1].2, "{checks:?}");
    // The window shows both quick checks and the server that was signed in to.
    assert!(
        h.query_all_by_label_contains("Servers found, checked without your password")
            .count()
            >= 1
    );
    h.get_by_label(&format!("IMAP imap.example.test:{} (TLS)", w.dead_port));
    h.get_by_label_contains("Incoming mail — IMAP mail.example.test:");
    h.get_by_label_contains("Both servers work");

    // What is saved is the server that verified, found by SRV.
    h.key_press(Key::Enter);
    step_until(&mut h, Duration::from_secs(20), "saved", |app| {
        matches!(
            app.wizard().save_state(),
            SaveState::Saved(_) | SaveState::Failed(..)
        )
    });
    let saved = match h.state().wizard().save_state().clone() {
        SaveState::Saved(s) => s,
        other => panic!("not saved: {other:?}"),
    };
    let dir = saved.config_path.parent().unwrap().to_path_buf();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let accounts = rt.block_on(mailsetup::store::list(&dir)).expect("list");
    let a = accounts
        .iter()
        .find(|a| a.email.to_string() == d.alice.address)
        .expect("saved");
    assert_eq!(a.incoming.settings.host, "mail.example.test");
    assert!(
        a.incoming.auth_method.is_some(),
        "the sign-in mechanism is kept"
    );
    assert_eq!(a.source.kind, mailsetup::store::SourceKind::DnsSrv);
}
