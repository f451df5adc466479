//! A wrong clock in the real window (eframe app in kittest, real runtime, discovery and probe
//! engine), with the test's own clock left alone: the loopback HTTPS server answers discovery
//! with a `Date` three years ahead, and the scripted IMAP server (named by the autoconfig
//! file) presents a certificate valid only around that time — not yet valid by this
//! computer's clock. To the window, this computer's clock is the odd one out: the failure box
//! shows `clock_wrong` with both times and who vouches for the other one. Outgoing mail goes
//! to the real Dovecot and verifies.

mod gui_common;
mod netsupport;
mod support;

use std::time::Duration;

use egui::Key;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::Protocol;
use mailsetup::probe::Cause;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{LookupState, Page, Role as ServerRole, TestState};
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use support::script::Script;
use support::{dovecot, pki};

const YEARS_AHEAD: i64 = 3;

#[test]
fn a_certificate_valid_only_by_the_discovery_servers_clock_is_the_computers_clock() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let net = rt.block_on(Net::start());
    let d = dovecot();
    let then = time::OffsetDateTime::now_utc() + time::Duration::days(365 * YEARS_AHEAD);
    let (other_ca, cert) = pki::issued_between(
        &support::run_dir().join("gui-clock"),
        then - time::Duration::days(30),
        then + time::Duration::days(30),
    );
    let imap = Script::new(Protocol::Imap).cert(&cert).start();
    net.web.date_offset(time::Duration::days(365 * YEARS_AHEAD));
    for host in ["autoconfig.example.test", "localhost"] {
        net.dns.a(host, LOOPBACK);
    }
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(config_xml(
            "example.test",
            ("localhost", imap.port, "SSL"),
            ("localhost", imap.port, "SSL"),
            ("localhost", d.submissions.port, "SSL"),
        )),
    );
    let mut config =
        RuntimeConfig::new(vec![net.ca.cert_der(), pki().ca_der.clone(), other_ca]).expect("trust");
    config.set_discovery(net.options());
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(support::run_dir().join("gui-clock-config"));

    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", &d.alice.address);
    fill(&mut h, "Password", &d.alice.password);
    h.key_press(Key::Enter);
    h.run_steps(2);
    step_until(&mut h, Duration::from_secs(15), "the lookup ends", |app| {
        !matches!(app.wizard().lookup(), LookupState::Running(_))
    });
    assert_eq!(
        h.state().wizard().page(),
        Page::Protocol,
        "{:?}",
        h.state().wizard().lookup()
    );
    // The domain's own autoconfig host vouches for the servers it names: nothing to confirm.
    assert!(h.query_all_by_label_contains("Server: localhost:").count() >= 2);
    click(&mut h, "Next");
    assert_eq!(h.state().wizard().page(), Page::Testing);
    step_until(&mut h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });

    let w = h.state().wizard();
    let outgoing = w.test(ServerRole::Outgoing).unwrap();
    assert_eq!(outgoing.state, TestState::Verified, "{:?}", outgoing.report);
    let incoming = w.test(ServerRole::Incoming).unwrap();
    assert_eq!(incoming.state, TestState::Failed);
    let report = incoming.report.as_ref().unwrap();
    let diagnosis = report.diagnosis().expect("a diagnosis").clone();
    assert_eq!(diagnosis.cause, Cause::ClockWrong, "{diagnosis:?}");
    assert!(diagnosis.detail.contains("not yet valid"), "{diagnosis:?}");
    assert_eq!(imap.sign_in_attempts(), 0, "no password over a failed TLS");

    // The failure box: the summary, and the advice naming both times and the witness.
    let now_year = time::OffsetDateTime::now_utc().year();
    h.get_by_label_contains("This computer's date and time are wrong");
    h.get_by_label_contains(&format!("This computer says it is {now_year}-"));
    // The witness: whichever of the loopback server's HTTPS answers (autoconfig or ISPDB, all
    // carrying the same Date) disagreed most.
    let advice = &diagnosis.advice;
    let witness = advice
        .split("; ")
        .nth(1)
        .unwrap_or_default()
        .split(" (Date header)")
        .next()
        .unwrap_or_default();
    assert!(
        witness.starts_with("https://autoconfig.example.test/")
            || witness.starts_with("https://ispdb.test:"),
        "{advice}"
    );
    h.get_by_label_contains(&format!(
        "{witness} (Date header) says it is {}-",
        then.year()
    ));
    let shown = format!("{diagnosis:?}\n{report:?}");
    support::assert_no_secret("the report", &shown, &d.alice.address, &d.alice.password);
}
