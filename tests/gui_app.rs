//! The real app (eframe `App` in a kittest harness, real runtime, real probe engine) driven
//! like a person would: by accessible names, clicks and keys, against the real Dovecot on
//! loopback.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::time::Duration;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::probe::Cause;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{Page, Role as ServerRole, SaveState, TestState};
use support::dovecot;

fn dovecot_config() -> RuntimeConfig {
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(support::run_dir().join(format!("config-{}", std::process::id())));
    config
}

/// Types the account page and opens the manual settings.
fn account_then_manual(
    h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>,
    address: &str,
    password: &str,
) {
    fill(h, "Your name (optional)", "Alice Example");
    fill(h, "Email address", address);
    fill(h, "Password", password);
    click(h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);
}

/// Points the manual form at Dovecot's listeners for `protocol`.
fn manual_to_dovecot(
    h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>,
    protocol: Protocol,
) {
    let d = dovecot();
    if protocol == Protocol::Pop3 {
        h.get_by_role_and_label(Role::RadioButton, "POP3").click();
        h.run_steps(2);
    }
    let incoming = d.listener(protocol, Security::Tls);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    fill(h, "Incoming server", &incoming.host);
    fill(h, "Incoming port", &incoming.port.to_string());
    fill(h, "Outgoing server", &outgoing.host);
    fill(h, "Outgoing port", &outgoing.port.to_string());
}

fn wait_tests_done(h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>) {
    step_until(h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });
}

#[test]
fn keyboard_only_reaches_manual_settings_and_back_and_forgets_the_password_widget() {
    let mut h = app(offline_config());
    h.run_steps(2);
    // The first field has the focus when the window opens.
    assert!(h.get_by_label("Your name (optional)").is_focused());
    h.event(egui::Event::Text("Alice".into()));
    h.key_press(Key::Tab);
    h.event(egui::Event::Text("alice@example.test".into()));
    h.key_press(Key::Tab);
    h.run_steps(1);
    assert!(h.get_by_label("Password").is_focused());
    h.event(egui::Event::Text("secret words".into()));
    h.run_steps(1);
    assert_eq!(h.state().wizard().email_text(), "alice@example.test");
    assert!(h.state().wizard().has_password());
    // Tab: "Show password", then the buttons left to right: Set up manually, Next.
    for expected in ["Show password", "Set up manually"] {
        h.key_press(Key::Tab);
        h.run_steps(1);
        assert!(
            h.get_by_label(expected).is_focused(),
            "Tab should reach {expected}"
        );
    }
    assert!(
        h.get_by_role_and_label(Role::Button, "Set up manually")
            .is_focused()
    );
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Manual);

    // The password was handed on: egui's copy of it (undo history) is gone.
    let ctx = h.ctx.clone();
    let state = egui::TextEdit::load_state(&ctx, mailsetup::gui::password_field_id());
    assert!(
        state.is_none(),
        "the password field's widget state was kept"
    );

    // The cursor starts in the first field; typing replaces the selection; Tab walks the
    // fields in reading order.
    assert!(h.get_by_label("Incoming server").is_focused());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("mail.example.test".into()));
    h.run_steps(1);
    assert_eq!(
        h.state().wizard().manual().unwrap().incoming.host,
        "mail.example.test"
    );
    for expected in [
        "Incoming port",
        "SSL/TLS",
        "STARTTLS",
        "None (unsafe)",
        "Incoming user name",
        "Outgoing server",
    ] {
        h.key_press(Key::Tab);
        h.run_steps(1);
        let focused: Vec<_> = h.query_all_by(|n| n.is_focused()).collect();
        assert_eq!(focused.len(), 1);
        assert_eq!(
            focused[0].accesskit_node().label().as_deref(),
            Some(expected),
            "Tab order on the manual page"
        );
    }

    // Esc goes back; the password is still there (in the wizard, as a secret).
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Account);
    assert!(h.state().wizard().has_password());
}

#[test]
fn enter_on_an_incomplete_account_page_shows_what_is_missing() {
    let mut h = app(offline_config());
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Account);
    h.get_by_label("Enter your password.");
    h.get_by_label_contains("email address is empty");
}

#[test]
fn the_manual_imap_path_verifies_both_servers_against_dovecot() {
    let d = dovecot();
    let mut h = app(dovecot_config());
    h.run_steps(2);
    account_then_manual(&mut h, &d.alice.address, &d.alice.password);
    manual_to_dovecot(&mut h, Protocol::Imap);
    click(&mut h, "Test settings");
    assert_eq!(h.state().wizard().page(), Page::Testing);
    wait_tests_done(&mut h);
    let w = h.state().wizard();
    for t in w.tests() {
        assert_eq!(
            t.state,
            TestState::Verified,
            "{:?}",
            t.report.as_ref().map(|r| r.diagnosis())
        );
    }
    // The checklist shows every step done, with times.
    h.get_by_label_contains("Incoming mail — IMAP 127.0.0.1");
    assert!(h.query_all_by_label_contains("done · ").count() >= 10);
    let save = h.get_by_role_and_label(Role::Button, "Save account");
    save.click_accesskit();
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Done);
    step_until(&mut h, Duration::from_secs(20), "save finishes", |app| {
        !matches!(app.wizard().save_state(), SaveState::Saving(..))
    });
    let SaveState::Saved(saved) = h.state().wizard().save_state().clone() else {
        panic!("not saved: {:?}", h.state().wizard().save_state());
    };
    h.get_by_label("Password stored in");
    h.get_by_label(&saved.config_path.display().to_string());
    assert_saved(
        &saved.config_path,
        &d.alice.address,
        &d.alice.password,
        Protocol::Imap,
    );
}

/// The account file holds the account and never the password; the keychain holds it.
fn assert_saved(path: &std::path::Path, address: &str, password: &str, incoming: Protocol) {
    use mailsetup::store;
    let text = std::fs::read_to_string(path).expect("the account file");
    support::assert_no_secret("accounts.json", &text, address, password);
    let dir = path.parent().unwrap().to_path_buf();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let accounts = store::list(&dir).await.expect("list");
        let a = accounts
            .iter()
            .find(|a| a.email.to_string() == address)
            .expect("the saved account");
        assert_eq!(a.incoming.settings.protocol, incoming);
        assert_eq!(a.display_name, "Alice Example");
        assert_eq!(a.source.kind, store::SourceKind::Manual);
        let secrets = store::open_keychain(a.keychain.store)
            .await
            .expect("keychain");
        let pw = store::passwords(secrets, a.clone())
            .await
            .expect("passwords");
        use secrecy::ExposeSecret;
        assert_eq!(pw.incoming.expose_secret(), password);
        assert_eq!(pw.outgoing.expose_secret(), password);
    });
}

#[test]
fn the_manual_pop3_path_verifies_against_dovecot() {
    let d = dovecot();
    let mut h = app(dovecot_config());
    h.run_steps(2);
    account_then_manual(&mut h, &d.unicode.address, &d.unicode.password);
    manual_to_dovecot(&mut h, Protocol::Pop3);
    click(&mut h, "Test settings");
    wait_tests_done(&mut h);
    let w = h.state().wizard();
    let incoming = w.test(ServerRole::Incoming).unwrap();
    assert_eq!(incoming.server.protocol, Protocol::Pop3);
    assert!(
        w.all_verified(),
        "{:?}",
        incoming.report.as_ref().map(|r| r.diagnosis())
    );
    // Enter means "Save account" here.
    h.key_press(Key::Enter);
    step_until(&mut h, Duration::from_secs(20), "save finishes", |app| {
        matches!(
            app.wizard().save_state(),
            SaveState::Saved(_) | SaveState::Failed(..)
        )
    });
    let SaveState::Saved(saved) = h.state().wizard().save_state().clone() else {
        panic!("not saved: {:?}", h.state().wizard().save_state());
    };
    assert_saved(
        &saved.config_path,
        &d.unicode.address,
        &d.unicode.password,
        Protocol::Pop3,
    );
}

#[test]
fn a_wrong_password_shows_auth_failed_advice_and_recovers_after_fixing_it() {
    let d = dovecot();
    let mut h = app(dovecot_config());
    h.run_steps(2);
    account_then_manual(&mut h, &d.alice.address, "not the password");
    manual_to_dovecot(&mut h, Protocol::Imap);
    click(&mut h, "Test settings");
    wait_tests_done(&mut h);
    let w = h.state().wizard();
    for t in w.tests() {
        assert_eq!(t.cause(), Some(Cause::AuthFailed), "{:?}", t.role);
    }
    // The advice in plain words, the way forward, and the server's own words in Details.
    h.get_all_by_label("The server did not accept the user name or password.")
        .next()
        .unwrap();
    h.get_all_by_label_contains("Details (incoming mail)")
        .next()
        .unwrap()
        .click_accesskit();
    h.run_steps(3);
    h.get_all_by_label_contains("AUTHENTICATIONFAILED")
        .next()
        .unwrap();
    let transcript = h
        .query_all_by_label_contains("LOGIN")
        .filter_map(|n| n.accesskit_node().label())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!transcript.contains("not the password"), "{transcript}");

    // The failure summary scrolls into view as it appears; a pointer click aimed while it
    // moves can land beside the button, so the button is pressed the way a screen reader does.
    h.get_all_by_role_and_label(Role::Button, "Fix password")
        .next()
        .unwrap()
        .click_accesskit();
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Account);
    h.get_by_label_contains("The server did not accept");
    fill(&mut h, "Password", &d.alice.password);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Testing);
    wait_tests_done(&mut h);
    assert!(h.state().wizard().all_verified());
}

#[test]
fn cancel_stops_a_test_that_hangs_at_once() {
    let hole = support::faults::blackhole();
    let d = dovecot();
    let mut h = app(dovecot_config());
    h.run_steps(2);
    account_then_manual(&mut h, &d.alice.address, &d.alice.password);
    let s = hole.settings(Protocol::Imap, Security::Tls);
    fill(&mut h, "Incoming server", &s.host);
    fill(&mut h, "Incoming port", &s.port.to_string());
    fill(&mut h, "Outgoing server", &s.host);
    fill(&mut h, "Outgoing port", &s.port.to_string());
    click(&mut h, "Test settings");
    assert!(h.state().wizard().testing());
    assert_eq!(h.state_mut().running_tasks(), 2);
    click(&mut h, "Cancel");
    assert!(!h.state().wizard().testing());
    support::wait_until(Duration::from_secs(2), || {
        h.state_mut().running_tasks() == 0
    });
    assert_eq!(
        h.state_mut().running_tasks(),
        0,
        "the probes were not aborted"
    );
    h.get_all_by_label_contains("stopped").next().unwrap();
    h.get_by_role_and_label(Role::Button, "Retry");
}

/// A certificate authority file chosen on the manual page is kept with the account (a copy
/// beside the account file, owner-only), so the technician's `accounts check` trusts it
/// without `--ca-file`. The window trusts nothing but the platform's roots and that file.
#[test]
fn a_ca_file_chosen_on_the_manual_page_is_kept_and_accounts_check_needs_no_ca_flag() {
    let d = dovecot();
    let mut config = RuntimeConfig::new(Vec::new()).expect("platform trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    let dir = support::run_dir().join(format!("config-ca-{}", std::process::id()));
    config.config_dir = Some(dir.clone());
    let mut h = app(config);
    h.run_steps(2);
    account_then_manual(&mut h, &d.alice.address, &d.alice.password);
    manual_to_dovecot(&mut h, Protocol::Imap);
    h.get_by_label("Certificate authority (for company servers)")
        .click();
    h.run_steps(2);
    fill(
        &mut h,
        "Certificate authority file (PEM)",
        &d.ca_file.display().to_string(),
    );
    tick(
        &mut h,
        "Trust every certificate this authority signs. Whoever holds its key can read connections this app makes to these servers.",
    );
    click(&mut h, "Test settings");
    wait_tests_done(&mut h);
    assert!(
        h.state().wizard().all_verified(),
        "{:?}",
        h.state()
            .wizard()
            .tests()
            .map(|t| &t.state)
            .collect::<Vec<_>>()
    );
    h.key_press(Key::Enter);
    step_until(&mut h, Duration::from_secs(20), "save finishes", |app| {
        matches!(
            app.wizard().save_state(),
            SaveState::Saved(_) | SaveState::Failed(..)
        )
    });
    let SaveState::Saved(saved) = h.state().wizard().save_state().clone() else {
        panic!("not saved: {:?}", h.state().wizard().save_state());
    };
    let copy = dir.join(format!("{}.ca.pem", saved.account_id));
    assert_eq!(
        std::fs::read(&copy).expect("the kept CA file"),
        std::fs::read(&d.ca_file).unwrap()
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(["accounts", "check", &saved.account_id, "--timeout", "10"])
        .env("MAILSETUP_CONFIG_DIR", &dir)
        .output()
        .expect("run mailsetup accounts check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("PASS  incoming  IMAP"), "{stdout}");
    assert!(stdout.contains("PASS  outgoing  SMTP"), "{stdout}");
    support::assert_no_secret(
        "accounts check",
        &stdout,
        &d.alice.address,
        &d.alice.password,
    );
}
