//! Keychain calls have a deadline (issue 20 §5): on a private D-Bus session bus of its own,
//! the test starts a real gnome-keyring-daemon (the Secret Service), then stops it with
//! SIGSTOP — the name `org.freedesktop.secrets` stays on the bus and every call to it is
//! queued and never answered, as with an unlock prompt nobody answers. `diagnose --save`
//! against verifying scripted servers must then end within seconds, not saved, saying that
//! the keychain did not answer and what to do, with no password anywhere in its output.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mailsetup::account::Protocol;
use support::pki::pki;
use support::script::Script;

const PW: &str = "hunter2-keychain-deadline";

#[test]
fn a_secret_service_that_never_answers_does_not_hang_saving() {
    let frozen = support::frozen_keyring::FrozenKeyring::start();
    let address = frozen.address.clone();
    let dir = tempfile::tempdir().unwrap();

    let imap = Script::new(Protocol::Imap).start();
    let smtp = Script::new(Protocol::Smtp).start();
    let config = dir.path().join("config");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args([
            "diagnose",
            "a@example.test",
            "--imap",
            &format!("127.0.0.1:{}/tls", imap.port),
            "--smtp",
            &format!("127.0.0.1:{}/tls", smtp.port),
            "--ca-file",
            &pki().ca_pem.display().to_string(),
            "--password-env",
            "MST_PW",
            "--save",
            "--keychain",
            "secret-service",
            "--config-dir",
        ])
        .arg(&config)
        .env("MST_PW", PW)
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        .env("MAILSETUP_KEYCHAIN_TIMEOUT", "2")
        .env("MAILSETUP_LANG", "en-US")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Without a deadline the save waits forever: the test gives up (and ends it) at 30 s.
    let finished = support::wait_until(Duration::from_secs(30), || {
        child.try_wait().is_ok_and(|s| s.is_some())
    });
    if !finished {
        let _ = child.kill();
    }
    let out = child.wait_with_output().unwrap();
    assert!(finished, "saving hung on a keychain that never answers");
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        took < Duration::from_secs(20),
        "saving waited {took:?} on a keychain that never answers"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("did not answer within 2 s") && stdout.contains("unlock"),
        "{stdout}\n{stderr}"
    );
    assert!(!stdout.contains(PW) && !stderr.contains(PW));
    // Nothing was saved.
    assert!(!config.join("accounts.json").exists());
}
