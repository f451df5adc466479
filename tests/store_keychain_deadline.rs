//! Keychain calls have a deadline (issue 20 §5): on a private D-Bus session bus of its own,
//! the test starts a real gnome-keyring-daemon (the Secret Service), then stops it with
//! SIGSTOP — the name `org.freedesktop.secrets` stays on the bus and every call to it is
//! queued and never answered, as with an unlock prompt nobody answers. `diagnose --save`
//! against verifying scripted servers must then end within seconds, not saved, saying that
//! the keychain did not answer and what to do, with no password anywhere in its output.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mailsetup::account::Protocol;
use support::pki::pki;
use support::script::Script;

const PW: &str = "hunter2-keychain-deadline";

/// A child process ended (continued first, if stopped) when the test is done.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-CONT", &pid]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn require(tool: &str) {
    assert!(
        Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {tool}"))
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success()),
        "{tool} is missing: install Debian's dbus, dbus-bin and gnome-keyring (scripts/test does)"
    );
}

/// A private session bus: its address and the daemon.
fn private_bus(dir: &std::path::Path) -> (String, Reaped) {
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .arg(format!("--address=unix:path={}", dir.join("bus").display()))
        .stdout(Stdio::piped())
        .spawn()
        .expect("start dbus-daemon");
    let mut line = String::new();
    BufReader::new(bus.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (line.trim().to_string(), Reaped(bus))
}

/// Whether `name` has an owner on the bus at `address`.
fn has_owner(address: &str, name: &str) -> bool {
    Command::new("dbus-send")
        .env("DBUS_SESSION_BUS_ADDRESS", address)
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
}

#[test]
fn a_secret_service_that_never_answers_does_not_hang_saving() {
    for tool in ["dbus-daemon", "dbus-send", "gnome-keyring-daemon"] {
        require(tool);
    }
    let dir = tempfile::tempdir().unwrap();
    let (address, _bus) = private_bus(dir.path());
    let data = dir.path().join("data");
    let runtime = dir.path().join("run");
    for d in [&data, &runtime] {
        std::fs::create_dir_all(d).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let mut keyring = Command::new("gnome-keyring-daemon")
        .args(["--foreground", "--unlock", "--components=secrets"])
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        .env("XDG_DATA_HOME", &data)
        .env("XDG_RUNTIME_DIR", &runtime)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start gnome-keyring-daemon");
    keyring
        .stdin
        .take()
        .unwrap()
        .write_all(b"throwaway-keyring-pw")
        .unwrap();
    let keyring = Reaped(keyring);
    assert!(
        support::wait_until(Duration::from_secs(10), || has_owner(
            &address,
            "org.freedesktop.secrets"
        )),
        "gnome-keyring-daemon did not take org.freedesktop.secrets on the private bus"
    );
    // Frozen: the name stays, nothing answers.
    let stopped = Command::new("kill")
        .args(["-STOP", &keyring.0.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());

    let imap = Script::new(Protocol::Imap).start();
    let smtp = Script::new(Protocol::Smtp).start();
    let config = dir.path().join("config");
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
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
        .output()
        .unwrap();
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
