//! The account file is data, not instructions (issue 20 §5): a `ca_file` naming anything but
//! the account's own copy in the configuration folder, a keychain entry that is not the one
//! mailsetup derives for the account, an id mailsetup never writes — each is refused and
//! reported (naming the account and the field) before any keychain or certificate is read.
//! `oauth.json` passes the account file's folder checks. A copied configuration folder says
//! that its accounts share keychain entries with the original. Through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use mailsetup::store::AccountFile;

/// One account; `ca_file`, the keychain service and the users' tag as given.
fn accounts_json(id: &str, ca_file: Option<&str>, service: &str, tag: &str) -> String {
    let ca = ca_file.map_or(String::new(), |c| format!("\"ca_file\": {c:?},"));
    format!(
        r#"{{"version": 1, "accounts": [{{
      "id": "{id}", "display_name": "Ann", "email": "ann@example.com",
      "incoming": {{"protocol": "imap", "host": "imap.example.com", "port": 993,
                   "security": "tls", "username": "ann@example.com"}},
      "outgoing": {{"protocol": "smtp", "host": "smtp.example.com", "port": 465,
                   "security": "tls", "username": "ann@example.com"}},
      "source": {{"kind": "manual"}},
      "last_verified": "2026-11-26T07:20:42Z",
      {ca}
      "keychain": {{"store": "keyutils",
                   "incoming": {{"service": "{service}", "user": "{id}/incoming/{tag}/0a1b2c3d"}},
                   "outgoing": {{"service": "{service}", "user": "{id}/outgoing/{tag}/0a1b2c3d"}}}}
    }}]}}"#
    )
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

fn list(dir: &Path) -> (i32, String, String) {
    list_in(dir, "UTC")
}

/// `accounts list` with the time zone `tz` (the TZ variable).
fn list_in(dir: &Path, tz: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(["--lang", "en-US", "accounts", "list", "--config-dir"])
        .arg(dir)
        .env_remove("RUST_LOG")
        .env("TZ", tz)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_ca_file_outside_the_configuration_folder_is_refused_and_named() {
    let dir = folder();
    let tag = AccountFile::new(dir.path()).keychain_tag();
    for bad in [
        "/etc/ssl/certs/evil.pem",
        "../other/ann-example-com.ca.pem",
        "x.pem",
    ] {
        std::fs::write(
            dir.path().join("accounts.json"),
            accounts_json("ann-example-com", Some(bad), "mailsetup", &tag),
        )
        .unwrap();
        let (code, stdout, stderr) = list(dir.path());
        assert_eq!(code, 1, "{bad}: {stdout}{stderr}");
        assert!(
            stderr.contains("ann-example-com") && stderr.contains("certificate file"),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("'{bad}'")) || stderr.contains(bad),
            "{stderr}"
        );
        // Nothing of the account was listed as if it were fine.
        assert!(!stdout.contains("imap.example.com"), "{stdout}");
    }
    // The account's own copy is fine.
    std::fs::write(
        dir.path().join("accounts.json"),
        accounts_json(
            "ann-example-com",
            Some("ann-example-com.ca.pem"),
            "mailsetup",
            &tag,
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = list(dir.path());
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("ann-example-com.ca.pem"), "{stdout}");
    assert!(!stdout.contains("another configuration folder"), "{stdout}");
}

#[test]
fn keychain_entries_and_ids_mailsetup_would_not_derive_are_refused() {
    let dir = folder();
    let tag = AccountFile::new(dir.path()).keychain_tag();
    for (id, service) in [
        ("ann-example-com", "chrome"),
        ("../../x", "mailsetup"),
        ("ann example", "mailsetup"),
    ] {
        std::fs::write(
            dir.path().join("accounts.json"),
            accounts_json(id, None, service, &tag),
        )
        .unwrap();
        let (code, stdout, stderr) = list(dir.path());
        assert_eq!(code, 1, "{id} {service}: {stdout}{stderr}");
        assert!(
            stderr.contains("keychain entry") || stderr.contains("id"),
            "{stderr}"
        );
    }
    // Another account's entry (its id in the user name) is not this account's either.
    let json = accounts_json("ann-example-com", None, "mailsetup", &tag)
        .replace("\"ann-example-com/incoming/", "\"bob-example-com/incoming/");
    std::fs::write(dir.path().join("accounts.json"), json).unwrap();
    let (code, _, stderr) = list(dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("keychain entry"), "{stderr}");
}

#[test]
fn a_copied_folder_says_its_accounts_share_keychain_entries_with_the_original() {
    let dir = folder();
    std::fs::write(
        dir.path().join("accounts.json"),
        accounts_json("ann-example-com", None, "mailsetup", "0badf00d"),
    )
    .unwrap();
    let (code, stdout, stderr) = list(dir.path());
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("another configuration folder"),
        "the shared entries were not mentioned:\n{stdout}"
    );
}

/// Issue 21 §11: `accounts list` shows when the account last verified in the local time zone,
/// to the minute; the file keeps UTC.
#[test]
fn accounts_list_shows_the_verification_time_in_the_local_time_zone() {
    let dir = folder();
    std::fs::write(
        dir.path().join("accounts.json"),
        accounts_json("ann-example-com", None, "mailsetup", "0badf00d"),
    )
    .unwrap();
    // POSIX TZ strings: no time zone database needed. "IST-05:30" is five and a half hours
    // east of UTC.
    for (tz, shown) in [
        ("UTC", "2026-11-26 07:20 +00:00"),
        ("IST-05:30", "2026-11-26 12:50 +05:30"),
        ("HST10", "2026-11-25 21:20 -10:00"),
    ] {
        let (code, stdout, stderr) = list_in(dir.path(), tz);
        assert_eq!(code, 0, "{stdout}{stderr}");
        let line = stdout
            .lines()
            .find(|l| l.trim_start().starts_with("verified"))
            .unwrap_or_else(|| panic!("no verified line in:\n{stdout}"));
        assert!(line.ends_with(shown), "TZ={tz}: {line:?}");
    }
    let file = std::fs::read_to_string(dir.path().join("accounts.json")).unwrap();
    assert!(file.contains("2026-11-26T07:20:42Z"), "{file}");
}

#[test]
fn oauth_json_passes_the_account_files_folder_checks() {
    let dir = folder();
    let path = dir.path().join("oauth.json");
    std::fs::write(&path, r#"{"clients": {}}"#).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(mailsetup::oauth::ClientFile::load(dir.path()).is_ok());
    // Others can change it: refused.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let e = mailsetup::oauth::ClientFile::load(dir.path()).unwrap_err();
    assert!(e.contains("chmod go-w"), "{e}");
    // A link to a file elsewhere: refused, not followed.
    std::fs::remove_file(&path).unwrap();
    let elsewhere = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(elsewhere.path(), r#"{"clients": {}}"#).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), &path).unwrap();
    let e = mailsetup::oauth::ClientFile::load(dir.path()).unwrap_err();
    assert!(e.contains("not a plain file"), "{e}");
    // A folder others can write to: refused as the account file's would be.
    std::fs::remove_file(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let e = mailsetup::oauth::ClientFile::load(dir.path()).unwrap_err();
    assert!(e.contains("chmod go-w"), "{e}");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
}
