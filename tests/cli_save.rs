//! `mailsetup diagnose … --save` followed by `mailsetup accounts check ID`, through the real
//! binary, a real Dovecot and the real kernel keyring: the account verified from the terminal
//! is saved, and the saved setup verifies again with the password read back from the
//! keychain. A save is refused when a server fails, and nothing is written then.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;
mod support;

use std::process::Command;
use std::time::Duration;

use mailsetup::account::{Protocol, Security};
use store_common::run_with_deadline;
use support::dovecot;

const LIMIT: Duration = Duration::from_secs(60);

fn mailsetup(args: &[&str], password: &str) -> store_common::ChildOutput {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.args(args).env("MS_PW", password).env_remove("RUST_LOG");
    let out = run_with_deadline(&mut cmd, LIMIT);
    for form in store_common::password_forms(password) {
        let form = String::from_utf8(form).unwrap();
        assert!(
            !out.stdout.contains(&form) && !out.stderr.contains(&form),
            "the output of {args:?} holds the password:\n{}",
            out.both()
        );
    }
    out
}

#[test]
fn diagnose_save_then_accounts_check_verifies_with_the_keychain_password() {
    let d = dovecot();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().display().to_string();
    let ca = d.ca_file.display().to_string();
    let imap = format!(
        "{}/tls",
        d.listener(Protocol::Imap, Security::Tls).hostport()
    );
    let smtp = format!(
        "{}/starttls",
        d.listener(Protocol::Smtp, Security::StartTls).hostport()
    );
    let out = mailsetup(
        &[
            "diagnose",
            &d.alice.address,
            "--imap",
            &imap,
            "--smtp",
            &smtp,
            "--ca-file",
            &ca,
            "--password-env",
            "MS_PW",
            "--save",
            "--config-dir",
            &dir,
            "--keychain",
            "keyutils",
            "--name",
            "Alice",
            "--json",
        ],
        &d.alice.password,
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["verified"], true);
    let id = doc["saved"]["id"].as_str().expect("a saved id").to_string();
    assert_eq!(doc["saved"]["keychain"], "kernel keyring (keyutils)");

    // The file holds the servers and no password.
    let file = std::fs::read_to_string(tmp.path().join("accounts.json")).unwrap();
    assert!(
        file.contains(&d.alice.address) && file.contains("\"imap\""),
        "{file}"
    );
    support::assert_no_secret("accounts.json", &file, &d.alice.address, &d.alice.password);

    // The CA given to diagnose is kept with the account.
    assert!(
        file.contains(&format!("\"ca_file\": \"{id}.ca.pem\"")),
        "{file}"
    );

    // The saved setup checks out again, with the password from the keychain only and the
    // kept CA (no --ca-file).
    let mut check = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    check
        .args(["accounts", "check", &id, "--timeout", "10"])
        .env("MAILSETUP_CONFIG_DIR", &dir)
        .env_remove("MS_PW");
    let out = run_with_deadline(&mut check, LIMIT);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(out.stdout.contains("PASS"), "{}", out.stdout);
}

#[test]
fn a_failed_server_is_not_saved() {
    let d = dovecot();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().display().to_string();
    let ca = d.ca_file.display().to_string();
    let imap = format!(
        "{}/tls",
        d.listener(Protocol::Imap, Security::Tls).hostport()
    );
    let smtp = format!(
        "{}/tls",
        d.listener(Protocol::Smtp, Security::Tls).hostport()
    );
    let out = mailsetup(
        &[
            "diagnose",
            &d.alice.address,
            "--imap",
            &imap,
            "--smtp",
            &smtp,
            "--ca-file",
            &ca,
            "--password-env",
            "MS_PW",
            "--save",
            "--config-dir",
            &dir,
            "--keychain",
            "keyutils",
        ],
        "not the password",
    );
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(out.stdout.contains("not saved"), "{}", out.stdout);
    assert!(!tmp.path().join("accounts.json").exists());
}
