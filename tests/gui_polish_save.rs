//! One source of settings for every door (issue 21): an account saved from the window with a
//! certificate authority from the environment keeps its copy, so `accounts check` verifies it
//! with no flags and no id; `accounts check` reads `MAILSETUP_CA_FILE` as the window does;
//! the window's commands to repeat a test by hand name that file (`-CAfile`, `--cacert`);
//! saving an address that already has an account asks first; `--help` names the environment
//! variables the window reads.
//!
//! The real app (kittest, real runtime) against the real Dovecot on loopback, the real
//! keychain (run inside `scripts/test`'s session: `scripts/test --test gui_polish_save`),
//! and the real binary for the command line.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::gui::MailSetupApp;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{Page, SaveState};
use support::dovecot;

/// The window as `mailsetup` starts it with `MAILSETUP_CA_FILE` set to the test CA and
/// `MAILSETUP_CONFIG_DIR` set to `dir` (the roots and the file, as `RuntimeConfig::from_env`
/// reads them).
fn config(dir: &Path) -> RuntimeConfig {
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.ca_file = Some(d.ca_file.clone());
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(dir.to_path_buf());
    config
}

/// Types the account, fills the manual settings with Dovecot's TLS listeners, tests them and
/// presses "Save account"; returns once the tests passed and Save was pressed.
fn test_and_save(h: &mut Harness<'_, MailSetupApp>, address: &str, password: &str) {
    let d = dovecot();
    h.run_steps(2);
    fill(h, "Email address", address);
    fill(h, "Password", password);
    click(h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    let i = d.listener(Protocol::Imap, Security::Tls);
    let o = d.listener(Protocol::Smtp, Security::Tls);
    fill(h, "Incoming server", &i.host);
    fill(h, "Incoming port", &i.port.to_string());
    fill(h, "Outgoing server", &o.host);
    fill(h, "Outgoing port", &o.port.to_string());
    click(h, "Test settings");
    step_until(h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });
    assert!(h.state().wizard().all_verified());
    // Let the runtime's answer about saved accounts arrive (it was asked when the tests began).
    h.run_steps(5);
    h.get_by_role_and_label(Role::Button, "Save account")
        .click_accesskit();
    h.run_steps(3);
}

fn wait_saved(h: &mut Harness<'_, MailSetupApp>) -> String {
    step_until(h, Duration::from_secs(20), "save finishes", |app| {
        matches!(
            app.wizard().save_state(),
            SaveState::Saved(_) | SaveState::Failed(..)
        )
    });
    match h.state().wizard().save_state().clone() {
        SaveState::Saved(saved) => saved.account_id,
        other => panic!("not saved: {other:?}"),
    }
}

fn mailsetup(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> (Option<i32>, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.args(args)
        .env("MAILSETUP_CONFIG_DIR", dir)
        .env("MAILSETUP_LANG", "en-US")
        .env_remove("MAILSETUP_CA_FILE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run mailsetup");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_environment_ca_is_kept_accounts_check_needs_no_flags_and_a_second_save_asks_first() {
    let d = dovecot();
    let dir: PathBuf = support::run_dir().join(format!("polish-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);

    // Saved from the window, whose CA came from the environment: a copy is kept.
    let mut h = app(config(&dir));
    test_and_save(&mut h, &d.alice.address, &d.alice.password);
    // The commands to repeat the tests by hand trust the same file (issue 21 item 8).
    let report = h
        .state()
        .wizard()
        .report(mailsetup::report::Header::now())
        .markdown();
    let ca = d.ca_file.display().to_string();
    assert!(report.contains(&format!("-CAfile {ca}")), "{report}");
    assert!(report.contains(&format!("--cacert {ca}")), "{report}");
    let id = wait_saved(&mut h);
    drop(h);
    let copy = dir.join(format!("{id}.ca.pem"));
    assert_eq!(
        std::fs::read(&copy).expect("the CA from the environment is kept with the account"),
        std::fs::read(&d.ca_file).unwrap()
    );

    // `accounts check`: no id (the only account), no flags.
    let (code, out, err) = mailsetup(&dir, &["accounts", "check", "--timeout", "10"], &[]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(out.contains("PASS  incoming  IMAP"), "{out}");
    assert!(out.contains("PASS  outgoing  SMTP"), "{out}");
    support::assert_no_secret("accounts check", &out, &d.alice.address, &d.alice.password);

    // Without the kept copy the platform's roots do not know the test CA; MAILSETUP_CA_FILE
    // is read as the window reads it.
    let aside = dir.join("aside.pem");
    std::fs::rename(&copy, &aside).unwrap();
    let (code, out, err) = mailsetup(&dir, &["accounts", "check", &id, "--timeout", "10"], &[]);
    assert_eq!(
        code,
        Some(1),
        "without any CA it cannot verify: {out}\n{err}"
    );
    let (code, out, err) = mailsetup(
        &dir,
        &["accounts", "check", &id, "--timeout", "10"],
        &[("MAILSETUP_CA_FILE", &d.ca_file)],
    );
    assert_eq!(
        code,
        Some(0),
        "MAILSETUP_CA_FILE was not read: {out}\n{err}"
    );
    std::fs::rename(&aside, &copy).unwrap();

    // The same address again: Save asks first, and nothing is saved until the person agrees.
    let mut h = app(config(&dir));
    test_and_save(&mut h, &d.alice.address, &d.alice.password);
    assert_eq!(
        h.state().wizard().page(),
        Page::Testing,
        "saved without asking"
    );
    let question = format!("Replace the saved account for {}?", d.alice.address);
    h.get_by_label_contains(&question);
    h.get_by_role_and_label(Role::Button, "Replace the saved account")
        .click_accesskit();
    h.run_steps(3);
    assert_eq!(wait_saved(&mut h), id, "the saved account keeps its id");
    drop(h);

    // Another address: saved without a question; now `accounts check` needs an id.
    let mut h = app(config(&dir));
    test_and_save(&mut h, &d.unicode.address, &d.unicode.password);
    let other = wait_saved(&mut h);
    drop(h);
    let (code, out, err) = mailsetup(&dir, &["accounts", "check"], &[]);
    assert_eq!(code, Some(2), "{out}\n{err}");
    assert!(
        err.contains("more than one account is saved") && err.contains(&id) && err.contains(&other),
        "{err}"
    );
}

#[test]
fn accounts_check_without_an_id_and_nothing_saved_says_so() {
    let dir = support::run_dir().join(format!("polish-empty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (code, out, err) = mailsetup(&dir, &["accounts", "check"], &[]);
    assert_eq!(code, Some(2), "{out}\n{err}");
    assert!(err.contains("no account is saved in"), "{err}");
}

#[test]
fn help_names_the_environment_variables_the_window_reads() {
    let dir = support::run_dir().to_path_buf();
    let (code, out, err) = mailsetup(&dir, &["--help"], &[]);
    assert_eq!(code, Some(0), "{err}");
    for var in [
        "MAILSETUP_CA_FILE",
        "MAILSETUP_CONFIG_DIR",
        "MAILSETUP_LANG",
        "MAILSETUP_RESOLVE",
        "MAILSETUP_DNS",
        "MAILSETUP_ISPDB_URL",
        "MAILSETUP_HTTP_PORT",
    ] {
        assert!(out.contains(var), "--help does not name {var}:\n{out}");
    }
}
