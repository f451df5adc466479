//! A Secret Service that never answers, for the keychain deadline tests: a private D-Bus
//! session bus (`dbus-daemon`) with a real gnome-keyring-daemon on it, then stopped with
//! SIGSTOP — `org.freedesktop.secrets` stays on the bus and every call to it is queued and
//! never answered, as with an unlock prompt nobody answers. Everything is ended (continued,
//! then killed) when the value is dropped.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A child process ended (continued first, if stopped) when the test is done.
pub struct Reaped(Child);

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

/// The frozen keyring and its bus.
pub struct FrozenKeyring {
    /// `DBUS_SESSION_BUS_ADDRESS` of the private bus.
    pub address: String,
    _keyring: Reaped,
    _bus: Reaped,
    _dir: tempfile::TempDir,
}

impl FrozenKeyring {
    /// Starts the bus and the keyring, waits for the name, then stops the keyring.
    pub fn start() -> Self {
        for tool in ["dbus-daemon", "dbus-send", "gnome-keyring-daemon"] {
            require(tool);
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let (address, bus) = private_bus(dir.path());
        let data = dir.path().join("data");
        let runtime = dir.path().join("run");
        for d in [&data, &runtime] {
            std::fs::create_dir_all(d).expect("dir");
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).expect("mode");
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
            .expect("stdin")
            .write_all(b"throwaway-keyring-pw")
            .expect("unlock password");
        let keyring = Reaped(keyring);
        assert!(
            super::wait_until(Duration::from_secs(10), || has_owner(
                &address,
                "org.freedesktop.secrets"
            )),
            "gnome-keyring-daemon did not take org.freedesktop.secrets on the private bus"
        );
        let stopped = Command::new("kill")
            .args(["-STOP", &keyring.0.id().to_string()])
            .status()
            .expect("kill -STOP");
        assert!(stopped.success());
        Self {
            address,
            _keyring: keyring,
            _bus: bus,
            _dir: dir,
        }
    }
}
