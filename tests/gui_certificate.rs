//! "Trust this server's key" in the real window (eframe app in kittest, real runtime and
//! probe engine): a self-hosted IMAP server with a self-signed certificate fails as
//! untrusted; the testing page shows the certificate card (subject, issuer, names, validity,
//! both SHA-256 fingerprints) and the button; pressing it trusts that key for that host and
//! port only and tests again, which verifies, with the warning that the key was trusted by
//! its fingerprint. When the server is later replaced on the same port by one with a new key,
//! testing again (and Retry) fails as `certificate_changed` with both fingerprints and sends no
//! password. An inspecting antivirus is named. A wrong clock, with the test's own clock left
//! alone: discovery's HTTPS answers carry a `Date` three years ahead and the IMAP server's
//! certificate is valid only around then, so the failure box shows `clock_wrong` with both
//! times and the answer that vouches for the other one. Outgoing mail goes to the real Dovecot.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod netsupport;
mod support;

use std::time::Duration;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::probe::Cause;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::trust::pin::SpkiPin;
use mailsetup::wizard::{LookupState, Page, Role as ServerRole, TestState};
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use rcgen::KeyPair;
use support::script::Script;
use support::{dovecot, pki};

fn config() -> RuntimeConfig {
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    config
}

#[test]
fn an_untrusted_self_signed_server_can_be_trusted_by_its_key() {
    let d = dovecot();
    let key = KeyPair::generate().unwrap();
    let cert = support::mitm::self_signed(&key, &["127.0.0.1"], (-1, 30), 40);
    let spki = SpkiPin::of_certificate(&cert.chain_der[0])
        .unwrap()
        .to_base64();
    let imap = Script::new(Protocol::Imap).cert(&cert).start();

    let mut h = app(config());
    h.run_steps(2);
    fill(&mut h, "Email address", &d.alice.address);
    fill(&mut h, "Password", &d.alice.password);
    click(&mut h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    fill(&mut h, "Incoming server", "127.0.0.1");
    fill(&mut h, "Incoming port", &imap.port.to_string());
    fill(&mut h, "Outgoing server", &outgoing.host);
    fill(&mut h, "Outgoing port", &outgoing.port.to_string());
    click(&mut h, "Test settings");
    let done = |app: &mailsetup::gui::MailSetupApp| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    };
    step_until(&mut h, Duration::from_secs(30), "tests finish", done);

    let incoming = h.state().wizard().test(ServerRole::Incoming).unwrap();
    assert_eq!(
        incoming
            .report
            .as_ref()
            .and_then(|r| r.diagnosis())
            .map(|d| d.cause),
        Some(Cause::CertificateUntrusted)
    );
    assert_eq!(
        imap.sign_in_attempts(),
        0,
        "no password to an untrusted server"
    );
    // The card: who the certificate names, and both fingerprints.
    h.get_by_label("The server's certificate");
    h.get_by_label("Public key SHA-256");
    h.get_by_label(&spki);
    h.get_by_label("Certificate SHA-256");
    // Subject and issuer: the same name, as on every self-signed certificate.
    assert_eq!(h.query_all_by_label("CN=imap.selfhosted.test").count(), 2);
    h.get_by_label("IP:127.0.0.1");
    h.get_by_label_contains(&format!("this key for 127.0.0.1:{} only", imap.port));
    assert_eq!(
        h.query_all_by_label_contains("accept any").count(),
        0,
        "never a blanket accept"
    );

    // As a screen reader presses it (the card may be scrolled below the window's edge).
    h.get_by_role_and_label(Role::Button, "Trust this server's key")
        .click_accesskit();
    h.run_steps(2);
    step_until(&mut h, Duration::from_secs(30), "the test runs again", done);
    let w = h.state().wizard();
    let incoming = w.test(ServerRole::Incoming).unwrap();
    assert_eq!(
        incoming.state,
        TestState::Verified,
        "{:?}",
        incoming.report.as_ref().map(|r| r.diagnosis())
    );
    assert!(
        incoming
            .report
            .as_ref()
            .unwrap()
            .tls
            .as_ref()
            .unwrap()
            .pinned
    );
    assert!(w.all_verified());
    assert_eq!(imap.sign_in_attempts(), 1);
    h.get_by_label_contains("its key is the one you trusted");
    assert_eq!(
        h.query_all_by_role_and_label(Role::Button, "Trust this server's key")
            .count(),
        0
    );
}

/// Runs the manual path with the incoming server at `port` (127.0.0.1, SSL/TLS) and outgoing
/// on Dovecot, until both tests end.
fn manual_run(h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>, port: u16) {
    let d = dovecot();
    h.run_steps(2);
    fill(h, "Email address", &d.alice.address);
    fill(h, "Password", &d.alice.password);
    click(h, "Set up manually");
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    fill(h, "Incoming server", "127.0.0.1");
    fill(h, "Incoming port", &port.to_string());
    fill(h, "Outgoing server", &outgoing.host);
    fill(h, "Outgoing port", &outgoing.port.to_string());
    click(h, "Test settings");
    step_until(h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });
}

#[test]
fn an_antivirus_that_inspects_tls_is_named_in_the_window_and_warned_about_when_trusted() {
    let d = dovecot();
    let proxy = support::mitm::start(d.imaps.addr());

    // Its root not trusted: the failure names the product and where its switch is.
    let mut h = app(config());
    manual_run(&mut h, proxy.port);
    let incoming = h.state().wizard().test(ServerRole::Incoming).unwrap();
    assert_eq!(
        incoming
            .report
            .as_ref()
            .and_then(|r| r.diagnosis())
            .map(|d| d.cause),
        Some(Cause::TlsIntercepted)
    );
    h.get_by_label_contains("Security software or a network proxy is intercepting");
    h.get_by_label_contains("that is Avast Antivirus, from software on this computer");
    assert_eq!(
        h.query_all_by_role_and_label(Role::Button, "Trust this server's key")
            .count(),
        0,
        "an inspecting product's key is not offered for trust"
    );

    // Its root trusted (as the antivirus installs it): verified, with the warning shown.
    let mut roots = mailsetup::trust::pem::read_certificates(&d.ca_file).unwrap();
    roots.extend(mailsetup::trust::pem::read_certificates(&proxy.root_pem).unwrap());
    let mut trusting = RuntimeConfig::new(roots).expect("trust");
    fence(&mut trusting);
    trusting.probe.timeouts = support::short_timeouts();
    let mut h = app(trusting);
    manual_run(&mut h, proxy.port);
    assert!(h.state().wizard().all_verified());
    h.get_by_label_contains("The connection is inspected by Avast Antivirus");
    h.get_by_label_contains("real server's certificate is hidden");
}

fn incoming_cause(h: &egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>) -> Option<Cause> {
    let w = h.state().wizard();
    let incoming = w.test(ServerRole::Incoming).unwrap();
    incoming
        .report
        .as_ref()
        .and_then(|r| r.diagnosis())
        .map(|d| d.cause)
}

#[test]
fn a_new_key_on_a_trusted_server_is_named_with_both_fingerprints() {
    let d = dovecot();
    let (old_key, new_key) = (KeyPair::generate().unwrap(), KeyPair::generate().unwrap());
    let old = support::mitm::self_signed(&old_key, &["127.0.0.1"], (-1, 30), 50);
    let new = support::mitm::self_signed(&new_key, &["127.0.0.1"], (-1, 30), 51);
    let pin = |c: &support::pki::CertPair| {
        SpkiPin::of_certificate(&c.chain_der[0])
            .unwrap()
            .to_base64()
    };
    let (old_pin, new_pin) = (pin(&old), pin(&new));
    assert_ne!(old_pin, new_pin);
    let (imap, replace) = Script::new(Protocol::Imap).cert(&old).start_replaceable();

    // Trusted by its key for this run: verified.
    let mut h = app(config());
    manual_run(&mut h, imap.port);
    assert_eq!(incoming_cause(&h), Some(Cause::CertificateUntrusted));
    h.get_by_label(&old_pin);
    h.get_by_role_and_label(Role::Button, "Trust this server's key")
        .click_accesskit();
    h.run_steps(2);
    let done = |app: &mailsetup::gui::MailSetupApp| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    };
    step_until(&mut h, Duration::from_secs(30), "the test runs again", done);
    assert!(h.state().wizard().all_verified());
    assert_eq!(imap.sign_in_attempts(), 1);

    // The server is replaced on the same port by one with a new key; the person tests again.
    replace.replace(Script::new(Protocol::Imap).cert(&new));
    click(&mut h, "Edit settings");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    click(&mut h, "Test settings");
    step_until(
        &mut h,
        Duration::from_secs(30),
        "the test with the new key",
        done,
    );
    let changed = |h: &egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>| {
        assert_eq!(incoming_cause(h), Some(Cause::CertificateChanged));
        h.get_by_label_contains("The server presented a different key from the one you trusted");
        h.get_by_label_contains(&format!(
            "Trusted key (SHA-256): {old_pin}. Key presented now: {new_pin}."
        ));
        assert_eq!(
            h.query_all_by_role_and_label(Role::Button, "Trust this server's key")
                .count(),
            0,
            "a changed key is not offered for trust with one press"
        );
    };
    changed(&h);

    // Retry: the server is asked again, gives the same answer, and gets no password.
    let before = imap.connections();
    h.get_by_role_and_label(Role::Button, "Retry")
        .click_accesskit();
    h.run_steps(2);
    step_until(&mut h, Duration::from_secs(30), "the retry ends", done);
    changed(&h);
    assert!(imap.connections() > before, "Retry tested again");
    assert_eq!(imap.sign_in_attempts(), 1, "no password to the new key");
    let w = h.state().wizard();
    let report = w
        .test(ServerRole::Incoming)
        .unwrap()
        .report
        .as_ref()
        .unwrap();
    support::assert_no_secret(
        "the report",
        &format!("{report:?}"),
        &d.alice.address,
        &d.alice.password,
    );
}

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
