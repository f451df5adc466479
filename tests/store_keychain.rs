//! The real keychains: a round trip through the Secret Service (a gnome-keyring-daemon in a
//! D-Bus session of the test's own) and through the kernel keyring (keyutils, the session
//! keyring `scripts/test` starts the suite in), each checked from outside mailsetup
//! (the Secret Service's own D-Bus API, the `keyctl` tool); and every way a keychain can be
//! unusable, each reported with its own error: no session bus, no Secret Service on the bus,
//! a locked keyring, no default keyring, no usable session keyring.
//!
//! Every Secret Service case runs in a session of its own — its own bus, its own keyring
//! files (XDG_DATA_HOME), a fresh keyring password — so no run depends on what an earlier
//! run left in the user's keyrings. Hence this file's own `main`: the parent starts the test
//! binary again as a child (inside a private `dbus-run-session`, or with the bus address
//! pointing nowhere) with `MAILSETUP_STORE_KEYCHAIN_CHILD` naming the case, and the child
//! asserts and prints `CHILD OK`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Trial};
use mailsetup::store::file::FILE_NAME;
use mailsetup::store::{
    self, AccountFile, KeychainError, KeychainKind, SecretStore, StoreError, save_verified_blocking,
};
use secrecy::{ExposeSecret, SecretString};
use store_common::*;

const CHILD_ENV: &str = "MAILSETUP_STORE_KEYCHAIN_CHILD";
const CHILD_DIR_ENV: &str = "MAILSETUP_STORE_KEYCHAIN_DIR";
const CHILD_LIMIT: Duration = Duration::from_secs(60);

fn main() {
    if let Ok(case) = std::env::var(CHILD_ENV) {
        child(&case);
        println!("CHILD OK");
        return;
    }
    let args = Arguments::from_args();
    let tests = vec![
        trial("secret_service_round_trip", secret_service_round_trip),
        trial("keyutils_round_trip", keyutils_round_trip),
        trial(
            "no_session_bus_is_reported_and_nothing_is_saved",
            no_session_bus,
        ),
        trial(
            "the_cli_without_a_session_bus_lists_refuses_and_forces",
            cli_without_session_bus,
        ),
        trial(
            "no_secret_service_on_the_bus_is_reported",
            no_secret_service,
        ),
        trial(
            "a_locked_keyring_is_reported_and_changes_nothing",
            locked_keyring,
        ),
        trial("no_default_keyring_is_reported", no_default_keyring),
        trial("no_session_keyring_is_reported", no_session_keyring),
    ];
    libtest_mimic::run(&args, tests).exit();
}

fn trial(name: &'static str, body: fn()) -> Trial {
    Trial::test(name, move || {
        body();
        Ok(())
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

// ---------------------------------------------------------------------------------------
// Round trips in the test session.

/// Saves, reads back and removes through the async API; `outside` reads the entry with a
/// tool that is not mailsetup (None when it is not there).
fn round_trip(keychain: Arc<dyn SecretStore>, outside: impl Fn(&str) -> Option<String>) {
    let rt = runtime();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let password = unique_password();
    let email = format!("round-{}@example.com", keychain.kind().word());

    let saved = rt
        .block_on(store::save_verified(
            &dir,
            keychain.clone(),
            sample(&email),
            SecretString::from(password.clone()),
        ))
        .unwrap();
    let id = saved.account.id.clone();
    let incoming_user = saved.account.keychain.incoming.user.clone();
    assert!(incoming_user.starts_with(&format!("{id}/incoming/")));
    assert_eq!(
        outside(&incoming_user).as_deref(),
        Some(password.as_str()),
        "the keychain itself holds the password"
    );
    assert_eq!(
        outside(&saved.account.keychain.outgoing.user).as_deref(),
        Some(password.as_str())
    );

    let listed = rt.block_on(store::list(&dir)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].keychain.store, keychain.kind());
    let back = rt
        .block_on(store::passwords(keychain.clone(), listed[0].clone()))
        .unwrap();
    assert_eq!(back.incoming.expose_secret(), password);
    assert_eq!(back.outgoing.expose_secret(), password);
    assert!(!format!("{back:?}").contains(&password), "Debug redacts");
    assert_files_clean(&dir, std::slice::from_ref(&password));

    let removed = rt
        .block_on(store::remove(&dir, Some(keychain.clone()), id.clone()))
        .unwrap();
    assert_eq!(removed.account.id, id);
    assert_eq!(outside(&incoming_user), None, "gone from the keychain");
    assert!(rt.block_on(store::list(&dir)).unwrap().is_empty());
}

fn secret_service_round_trip() {
    in_private_session("secret-service-round-trip", true, None);
}

fn child_secret_service_round_trip() {
    let keychain = secret_service();
    round_trip(keychain, |user| {
        use secret_service::EncryptionType;
        use secret_service::blocking::SecretService;
        let ss = SecretService::connect(EncryptionType::Dh).expect("connect to the service");
        let found = ss
            .search_items(HashMap::from([
                ("service", "mailsetup"),
                ("username", user),
            ]))
            .expect("search the Secret Service");
        assert!(found.locked.is_empty(), "the test keyring is unlocked");
        assert!(
            found.unlocked.len() <= 1,
            "one entry per account and server"
        );
        found.unlocked.first().map(|item| {
            let label = item.get_label().expect("label");
            assert!(
                label.starts_with("mailsetup: round-secret-service@"),
                "{label}"
            );
            String::from_utf8(item.get_secret().expect("secret")).expect("UTF-8")
        })
    });
}

fn keyutils_round_trip() {
    require_program("keyctl", "keyutils");
    let keychain = keyutils();
    round_trip(keychain, |user| {
        let description = format!("keyring:{user}@mailsetup");
        let found = Command::new("keyctl")
            .args(["search", "@s", "user", &description])
            .output()
            .expect("run keyctl");
        if !found.status.success() {
            return None;
        }
        let key = String::from_utf8_lossy(&found.stdout).trim().to_string();
        Some(run(Command::new("keyctl").args(["pipe", &key])))
    });
}

// ---------------------------------------------------------------------------------------
// Failure cases, each in a child process with its own environment.

fn child_command(case: &str, dir: &Path) -> Command {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut cmd = Command::new(exe);
    cmd.env(CHILD_ENV, case).env(CHILD_DIR_ENV, dir);
    cmd
}

fn assert_child_ok(out: &ChildOutput) {
    assert!(
        out.status.success() && out.stdout.contains("CHILD OK"),
        "the child failed:\n{}",
        out.both()
    );
}

/// Runs a child case in a private D-Bus session (own keyring files, own runtime dir), with
/// a gnome-keyring unlocked in it or not, and optionally a bus configuration of our own.
fn in_private_session(case: &str, start_keyring: bool, bus_config: Option<&Path>) {
    require_program("dbus-run-session", "dbus");
    require_program("gnome-keyring-daemon", "gnome-keyring");
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let runtime_dir = tmp.path().join("run");
    for d in [&data, &runtime_dir] {
        fs::create_dir(d).unwrap();
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(d, fs::Permissions::from_mode(0o700)).unwrap();
    }
    let script = if start_keyring {
        "printf %s \"$KEYRING_PW\" | gnome-keyring-daemon --unlock --components=secrets \
         >/dev/null || exit 97; unset KEYRING_PW; exec \"$0\""
    } else {
        "exec \"$0\""
    };
    let mut cmd = Command::new("dbus-run-session");
    if let Some(config) = bus_config {
        cmd.arg(format!("--config-file={}", config.display()));
    }
    cmd.args(["--", "sh", "-c", script])
        .arg(std::env::current_exe().unwrap())
        .env(CHILD_ENV, case)
        .env(CHILD_DIR_ENV, tmp.path().join("config"))
        .env("KEYRING_PW", unique_password())
        .env("XDG_DATA_HOME", &data)
        .env("XDG_RUNTIME_DIR", &runtime_dir)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("GNOME_KEYRING_CONTROL");
    assert_child_ok(&run_with_deadline(&mut cmd, CHILD_LIMIT));
}

fn no_bus_address(tmp: &Path) -> String {
    format!("unix:path={}", tmp.join("no-bus-here").display())
}

fn no_session_bus() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = child_command("no-session-bus", &tmp.path().join("config"));
    cmd.env("DBUS_SESSION_BUS_ADDRESS", no_bus_address(tmp.path()));
    assert_child_ok(&run_with_deadline(&mut cmd, CHILD_LIMIT));
}

fn no_secret_service() {
    let tmp = tempfile::tempdir().unwrap();
    // A session bus that can start nothing: no service directories.
    let config = tmp.path().join("bus.conf");
    fs::write(
        &config,
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
    )
    .unwrap();
    in_private_session("no-secret-service", false, Some(&config));
}

fn locked_keyring() {
    in_private_session("locked-keyring", true, None);
}

fn no_default_keyring() {
    // The bus starts gnome-keyring on demand, but with no keyring file and nobody to type a
    // password it cannot make the default keyring.
    in_private_session("no-default-keyring", false, None);
}

fn no_session_keyring() {
    require_program("keyctl", "keyutils");
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("keyctl");
    // A fresh session keyring that nobody, not even this process, may use.
    cmd.args([
        "session",
        "-",
        "sh",
        "-c",
        "keyctl setperm @s 0 >/dev/null && exec \"$0\"",
    ])
    .arg(std::env::current_exe().unwrap())
    .env(CHILD_ENV, "no-session-keyring")
    .env(CHILD_DIR_ENV, tmp.path().join("config"));
    assert_child_ok(&run_with_deadline(&mut cmd, CHILD_LIMIT));
}

/// The CLI without a session bus: `list` needs no keychain; `check` and `remove` say why
/// they cannot go on and change nothing; `remove --force` removes the account from the list
/// and names the entries left behind.
fn cli_without_session_bus() {
    in_private_session("cli-without-session-bus", true, None);
}

fn child_cli_without_session_bus(dir: &Path) {
    let keychain = secret_service();
    let tmp = tempfile::tempdir().unwrap();
    let password = unique_password();
    let saved = save_verified_blocking(
        &AccountFile::new(dir),
        keychain.as_ref(),
        sample("nobus@example.com"),
        &SecretString::from(password.clone()),
    )
    .unwrap();
    let id = saved.account.id.to_string();
    let cli = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
        cmd.arg("accounts")
            .args(args)
            .arg("--config-dir")
            .arg(dir)
            .env("DBUS_SESSION_BUS_ADDRESS", no_bus_address(tmp.path()));
        let out = run_with_deadline(&mut cmd, CHILD_LIMIT);
        for text in [&out.stdout, &out.stderr] {
            assert!(!text.contains(&password), "output holds the password");
        }
        out
    };

    let out = cli(&["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(out.stdout.contains("nobus-example-com"), "{}", out.both());

    let out = cli(&["check", &id]);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(
        out.stderr.contains("no D-Bus session bus"),
        "{}",
        out.both()
    );

    let out = cli(&["remove", &id]);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(out.stderr.contains("--force"), "{}", out.both());
    assert_eq!(AccountFile::new(dir).load().unwrap().len(), 1);

    let out = cli(&["remove", &id, "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(out.stdout.contains("may still be there"), "{}", out.both());
    assert!(AccountFile::new(dir).load().unwrap().is_empty());

    // The entries really were left behind; tidy them up through the session's keyring.
    let entry = &saved.account.keychain.incoming;
    assert_eq!(keychain.get(entry).unwrap().expose_secret(), password);
    for e in [
        &saved.account.keychain.incoming,
        &saved.account.keychain.outgoing,
    ] {
        assert!(keychain.delete(e).unwrap());
    }
}

// ---------------------------------------------------------------------------------------
// The child side.

fn child(case: &str) {
    let dir = PathBuf::from(std::env::var_os(CHILD_DIR_ENV).expect("the child's config dir"));
    match case {
        "secret-service-round-trip" => child_secret_service_round_trip(),
        "cli-without-session-bus" => child_cli_without_session_bus(&dir),
        "no-session-bus" => child_no_session_bus(&dir),
        "no-secret-service" => {
            let err = store::secret::open(KeychainKind::SecretService).unwrap_err();
            assert_eq!(err.code(), "no_secret_service", "{err:?}");
            assert!(err.kernel_keyring_may_help());
            assert!(err.to_string().contains("GNOME Keyring"), "{err}");
        }
        "locked-keyring" => child_locked(&dir),
        "no-default-keyring" => {
            let keychain = store::secret::open(KeychainKind::SecretService).unwrap();
            let err = save_verified_blocking(
                &AccountFile::new(&dir),
                keychain.as_ref(),
                sample("nodefault@example.com"),
                &SecretString::from(unique_password()),
            )
            .unwrap_err();
            assert_eq!(err.code(), "no_default_keyring", "{err:?}");
            assert!(AccountFile::new(&dir).load().unwrap().is_empty());
        }
        "no-session-keyring" => {
            let keychain = store::secret::open(KeychainKind::Keyutils).unwrap();
            let err = save_verified_blocking(
                &AccountFile::new(&dir),
                keychain.as_ref(),
                sample("nokeyring@example.com"),
                &SecretString::from(unique_password()),
            )
            .unwrap_err();
            assert_eq!(err.code(), "no_session_keyring", "{err:?}");
            assert!(err.to_string().contains("keyctl session"), "{err}");
            assert!(AccountFile::new(&dir).load().unwrap().is_empty());
        }
        other => panic!("unknown child case {other}"),
    }
}

fn child_no_session_bus(dir: &Path) {
    let err = match store::secret::open(KeychainKind::SecretService) {
        Err(e) => e,
        Ok(s) => panic!("opened {s:?} without a session bus"),
    };
    assert_eq!(err.code(), "no_session_bus", "{err:?}");
    assert!(err.kernel_keyring_may_help());
    let text = err.to_string();
    assert!(text.contains("no D-Bus session bus"), "{text}");
    assert!(
        text.contains("keyutils"),
        "the message offers the alternative: {text}"
    );
    // Without a keychain nothing is saved: the account file is not even created.
    let rt = runtime();
    let opened = rt.block_on(store::open_keychain(KeychainKind::SecretService));
    assert!(matches!(opened, Err(KeychainError::NoSessionBus { .. })));
    assert!(!dir.join(FILE_NAME).exists());
}

fn child_locked(dir: &Path) {
    use secret_service::EncryptionType;
    use secret_service::blocking::SecretService;

    let keychain = store::secret::open(KeychainKind::SecretService).unwrap();
    let file = AccountFile::new(dir);
    let password = unique_password();
    let saved = save_verified_blocking(
        &file,
        keychain.as_ref(),
        sample("locked@example.com"),
        &SecretString::from(password.clone()),
    )
    .expect("saving works while the keyring is unlocked");
    let before = fs::read(dir.join(FILE_NAME)).unwrap();

    let ss = SecretService::connect(EncryptionType::Dh).unwrap();
    let collection = ss.get_default_collection().unwrap();
    collection.lock().unwrap();
    assert!(collection.is_locked().unwrap());

    let err = store::passwords_blocking(keychain.as_ref(), &saved.account).unwrap_err();
    assert_eq!(err.code(), "keyring_locked", "{err:?}");
    assert!(err.to_string().contains("locked"), "{err}");
    assert!(err.keychain().unwrap().kernel_keyring_may_help());

    let err = save_verified_blocking(
        &file,
        keychain.as_ref(),
        sample("second@example.com"),
        &SecretString::from(unique_password()),
    )
    .unwrap_err();
    assert_eq!(err.code(), "keyring_locked", "{err:?}");
    assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), before);

    let err =
        store::remove_blocking(&file, Some(keychain.as_ref()), &saved.account.id).unwrap_err();
    assert!(
        matches!(err, StoreError::Keychain(KeychainError::Locked)),
        "{err:?}"
    );
    assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), before);
    assert_files_clean(dir, &[password]);
}
