//! The technician in the window (the real app in a kittest harness against the real
//! Dovecot): a wrong password's failure box quotes the server's own words; "Copy report"
//! puts the Markdown report on the clipboard and "Save report…" writes the same report
//! (the save path injected in place of the dialog), neither with the password; the
//! technician view shows the conversation live while a test still runs, and is remembered.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::gui::{MailSetupApp, SaveTarget};
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{Page, Role as ServerRole};
use support::{assert_no_secret, dovecot};

fn config(dir: &Path) -> RuntimeConfig {
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(dir.to_path_buf());
    config
}

/// Account page, then the manual page pointed at `incoming` (IMAP, TLS) and Dovecot's SMTP.
fn test_settings(h: &mut Harness<'_, MailSetupApp>, password: &str, incoming: (&str, u16)) {
    let d = dovecot();
    fill(h, "Email address", &d.alice.address);
    fill(h, "Password", password);
    click(h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    fill(h, "Incoming server", incoming.0);
    fill(h, "Incoming port", &incoming.1.to_string());
    fill(h, "Outgoing server", &outgoing.host);
    fill(h, "Outgoing port", &outgoing.port.to_string());
    click(h, "Test settings");
    assert_eq!(h.state().wizard().page(), Page::Testing);
}

/// The report without its time line (two reports made seconds apart differ only there).
fn timeless(report: &str) -> String {
    report
        .lines()
        .filter(|l| !l.starts_with("| Time |"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_wrong_password_is_quoted_and_the_report_is_copied_and_saved_without_it() {
    let d = dovecot();
    let dir = tempfile::tempdir().expect("temp dir");
    let saved_to = dir.path().join("ticket.md");
    let mut h = app(config(dir.path()));
    h.state_mut()
        .set_save_target(SaveTarget::Fixed(saved_to.clone()));
    h.run_steps(2);
    let wrong = format!("{}-wrong", d.alice.password);
    let imaps = d.listener(Protocol::Imap, Security::Tls);
    test_settings(&mut h, &wrong, (&imaps.host, imaps.port));
    step_until(&mut h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });

    // The failure box quotes the server without opening Details.
    let reply = h
        .state()
        .wizard()
        .test(ServerRole::Incoming)
        .and_then(|t| t.report.as_ref())
        .and_then(|r| r.diagnosis())
        .and_then(|d| d.server_reply.clone())
        .expect("the server's reply");
    assert!(reply.contains("[AUTHENTICATIONFAILED]"), "{reply}");
    h.get_all_by_label("The server said:").next().unwrap();
    h.get_by_label(&format!("\u{201c}{reply}\u{201d}"));

    // Copy report: the Markdown report, with the server's words and no password.
    let copied = click_and_catch_copy(&mut h, "Copy report");
    assert_no_secret("the copied report", &copied, &d.alice.address, &wrong);
    for expected in [
        "## Mail settings report for `alice@example.test`",
        &format!("| App | mailsetup {} |", env!("CARGO_PKG_VERSION")),
        " UTC |",
        &reply,
        "**Advice:**",
        "S: ",
    ] {
        assert!(copied.contains(expected), "{expected}:\n{copied}");
    }
    h.run_steps(2);
    h.get_by_label_contains("on the clipboard");

    // Save report: the same report, in the file the dialog would have chosen.
    h.get_by_role_and_label(Role::Button, "Save report…")
        .click_accesskit();
    // The runtime writes the file (the window writes none) and answers when it is done.
    step_until(
        &mut h,
        Duration::from_secs(10),
        "the report is saved",
        |app| {
            app.wizard()
                .report_note()
                .is_some_and(|n| n.contains("Report saved"))
        },
    );
    h.run_steps(2);
    let written = std::fs::read_to_string(&saved_to).expect("the saved report");
    assert_eq!(timeless(&written), timeless(&copied));
    assert_no_secret("the saved report", &written, &d.alice.address, &wrong);
    h.get_by_label_contains(&format!("Report saved to {}", saved_to.display()));
}

#[test]
fn the_technician_view_shows_the_conversation_live_and_is_remembered() {
    let silent = support::faults::silent();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(config(dir.path()));
    h.run_steps(2);
    let s = silent.settings(Protocol::Imap, Security::Tls);
    test_settings(&mut h, "pw that stays home", (&s.host, s.port));
    tick(&mut h, "Technician view");
    assert!(h.state().wizard().technician_view());

    // The server accepts and never answers: the test is still running, and the
    // conversation so far (the connection) is on screen.
    step_until(&mut h, Duration::from_secs(10), "a live line", |app| {
        !app.wizard().transcript(ServerRole::Incoming).is_empty()
    });
    assert!(h.state().wizard().testing());
    h.get_all_by_label_contains("Conversation with the server, live (incoming mail")
        .next()
        .unwrap();
    h.get_all_by_label_contains(&format!("-- connected to 127.0.0.1:{}", s.port))
        .next()
        .unwrap();
    click(&mut h, "Cancel");

    // A new window with the same configuration folder starts with the view on.
    let again = app(config(dir.path()));
    assert!(again.state().wizard().technician_view());
}
