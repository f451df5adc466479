//! `mailsetup accounts list / check / remove`, the real binary against a real Dovecot, with
//! the password in the real kernel keyring: a saved account checks out again with the
//! password read back from the keychain (IMAP and POP3 incoming, SMTP outgoing); a wrong
//! stored password fails with the server's auth-failed diagnosis; no output ever shows the
//! password; exit codes are 0 / 1 / 2 as documented.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::store::{
    self, AccountFile, KeychainError, SavedServer, SettingsSource, SourceKind, Timestamp,
    VerifiedAccount, save_verified_blocking,
};
use secrecy::SecretString;
use store_common::{ChildOutput, keyutils, run_with_deadline};
use support::dovecot;
use support::dovecot::User;

const LIMIT: Duration = Duration::from_secs(60);

fn cli(dir: &Path, args: &[&str], secrets: &[&str]) -> ChildOutput {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.arg("accounts")
        .args(args)
        .env(store::CONFIG_DIR_ENV, dir)
        .env_remove("RUST_LOG");
    let out = run_with_deadline(&mut cmd, LIMIT);
    for secret in secrets {
        for form in store_common::password_forms(secret) {
            let form = String::from_utf8(form).unwrap();
            assert!(
                !out.stdout.contains(&form) && !out.stderr.contains(&form),
                "the output of {args:?} holds the password:\n{}",
                out.both()
            );
        }
    }
    out
}

/// Saves `user`'s account on the test Dovecot (implicit TLS), with `password` in the
/// kernel keyring, as the wizard would after verifying it.
fn save(dir: &Path, incoming: Protocol, user: &User, password: &str) -> store::SavedAccount {
    let d = dovecot();
    let account = VerifiedAccount {
        display_name: "Test User".into(),
        email: EmailAddress::parse(&user.address).unwrap(),
        incoming: SavedServer::new(d.settings(incoming, Security::Tls, user)),
        outgoing: SavedServer::new(d.settings(Protocol::Smtp, Security::Tls, user)),
        alternatives: vec![SavedServer::new(d.settings(
            Protocol::Smtp,
            Security::StartTls,
            user,
        ))],
        source: SettingsSource::new(SourceKind::Manual),
        verified_at: Timestamp(time::macros::datetime!(2026-01-02 03:04:05 UTC)),
        allow_plaintext: false,
        ca_file: None,
        pinned_keys: Vec::new(),
        oauth2: None,
    };
    let keychain = keyutils();
    save_verified_blocking(
        &AccountFile::new(dir),
        keychain.as_ref(),
        account,
        &SecretString::from(password.to_string()),
    )
    .unwrap()
    .account
}

fn check_args(id: &str) -> Vec<String> {
    let ca = dovecot().ca_file.display().to_string();
    ["check", id, "--ca-file", &ca, "--timeout", "10"]
        .map(String::from)
        .to_vec()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_saved_account_checks_out_with_the_password_from_the_keychain() {
    let d = dovecot();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for (incoming, user) in [(Protocol::Imap, &d.unicode), (Protocol::Pop3, &d.alice)] {
        let saved = save(dir, incoming, user, &user.password);
        let id = saved.id.to_string();
        let out = cli(dir, &strs(&check_args(&id)), &[&user.password]);
        assert_eq!(out.status.code(), Some(0), "{}", out.both());
        let pass_in = format!("PASS  incoming  {}", incoming.label());
        assert!(out.stdout.contains(&pass_in), "{}", out.both());
        assert!(
            out.stdout.contains("PASS  outgoing  SMTP"),
            "{}",
            out.both()
        );
        assert!(out.stdout.contains("Verified"), "{}", out.both());

        // The check records when the account last worked.
        let now = store::AccountFile::new(dir).load().unwrap();
        let account = now.iter().find(|a| a.id == saved.id).unwrap();
        assert!(account.last_verified > saved.last_verified);
    }

    let out = cli(dir, &["list"], &[&d.alice.password, &d.unicode.password]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stdout
            .contains("alice-example-test  Test User <alice@example.test>")
    );
    assert!(
        out.stdout.contains("incoming  POP3 127.0.0.1:"),
        "{}",
        out.both()
    );
    assert!(out.stdout.contains("password  kernel keyring (keyutils)"));

    let out = cli(
        dir,
        &["list", "--json"],
        &[&d.alice.password, &d.unicode.password],
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = json["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["alice-example-test", "unicode-example-test"]);

    let keychain = keyutils();
    for id in ids {
        let account = AccountFile::new(dir)
            .load()
            .unwrap()
            .into_iter()
            .find(|a| a.id.as_str() == id)
            .unwrap();
        let out = cli(dir, &["remove", id], &[]);
        assert_eq!(out.status.code(), Some(0), "{}", out.both());
        assert!(matches!(
            keychain.get(&account.keychain.incoming),
            Err(KeychainError::NotFound { .. })
        ));
    }
    assert!(AccountFile::new(dir).load().unwrap().is_empty());
}

#[test]
fn a_wrong_stored_password_fails_with_the_auth_diagnosis() {
    let d = dovecot();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let wrong = format!("{}-but-wrong", d.alice.password);
    let saved = save(dir, Protocol::Imap, &d.alice, &wrong);
    let id = saved.id.to_string();

    let mut args = check_args(&id);
    args.push("--json".into());
    let out = cli(dir, &strs(&args), &[&wrong, &d.alice.password]);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["verified"], false);
    for (n, role) in ["incoming", "outgoing"].iter().enumerate() {
        let r = &json["results"][n];
        assert_eq!(r["role"], *role);
        assert_eq!(r["passed"], false);
        assert_eq!(
            r["report"]["outcome"]["diagnosis"]["cause"], "auth_failed",
            "{}",
            out.stdout
        );
    }

    let out = cli(dir, &strs(&check_args(&id)), &[&wrong, &d.alice.password]);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(
        out.stdout.contains("FAIL  incoming  IMAP"),
        "{}",
        out.both()
    );
    assert!(out.stdout.contains("auth_failed"), "{}", out.both());
    assert!(out.stdout.contains("Not verified"), "{}", out.both());
    let after = AccountFile::new(dir).load().unwrap();
    assert_eq!(
        after[0].last_verified, saved.last_verified,
        "a failed check does not count as verified"
    );
    let out = cli(dir, &["remove", &id], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
}

#[test]
fn unknown_accounts_and_bad_arguments_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = cli(dir, &["list"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(out.stdout.contains("No saved accounts"), "{}", out.both());
    for args in [
        vec!["check", "nobody-example-com"],
        vec!["remove", "nobody-example-com"],
        vec!["check", "x", "--timeout", "0"],
        vec!["list", "--keychain", "wallet"],
    ] {
        let out = cli(dir, &args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", out.both());
    }
    let out = cli(dir, &["check", "nobody-example-com"], &[]);
    assert!(out.stderr.contains("accounts list"), "{}", out.both());
}

#[test]
fn a_damaged_file_is_reported_by_list_and_check() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("accounts.json"),
        b"{\"version\": 1, \"accounts\": [",
    )
    .unwrap();
    for args in [vec!["list"], vec!["check", "a"], vec!["remove", "a"]] {
        let out = cli(dir, &args, &[]);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", out.both());
        assert!(out.stderr.contains("is damaged"), "{}", out.both());
        assert!(
            out.stderr.contains("accounts.json.corrupt-"),
            "{}",
            out.both()
        );
    }
}

/// What `diagnose … --save` and the wizard do: probe live, keep the servers that verified
/// (settings + sign-in mechanism: the store takes these, never a probe report), build the
/// account from them and save it with the certificate authority the servers were tested
/// with; then `accounts check` verifies it again from the keychain, trusting the copy of
/// that CA kept with the account (no --ca-file).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verified_servers_are_saved_with_their_ca_and_check_out_again() {
    let d = dovecot();
    let user = &d.unicode;
    let servers = [
        d.settings(Protocol::Imap, Security::Tls, user),
        d.settings(Protocol::Pop3, Security::Tls, user),
        d.settings(Protocol::Smtp, Security::Tls, user),
        d.settings(Protocol::Smtp, Security::StartTls, user),
        // Nothing listens here: a failed probe is not saved.
        mailsetup::account::ServerSettings {
            protocol: Protocol::Imap,
            host: "127.0.0.1".into(),
            port: 1,
            security: Security::Tls,
            username: user.address.clone(),
        },
    ];
    let reports = mailsetup::probe::probe_all(&servers, &user.secret(), &support::options()).await;
    let verified: Vec<SavedServer> = reports
        .iter()
        .filter_map(mailsetup::verify::verified_server)
        .collect();
    assert_eq!(verified.len(), 4, "the server on port 1 did not verify");
    let details = store::AccountDetails {
        email: EmailAddress::parse(&user.address).unwrap(),
        display_name: String::new(),
        source: SettingsSource::new(SourceKind::Manual),
        allow_plaintext: false,
        incoming: Some(Protocol::Pop3),
        verified_at: Timestamp::now(),
        ca_file: Some(d.ca_file.clone()),
        pinned_keys: Vec::new(),
    };
    let account = VerifiedAccount::from_servers(details.clone(), &verified).unwrap();
    assert_eq!(account.incoming.settings, servers[1], "POP3 was asked for");
    assert_eq!(account.outgoing.settings, servers[2]);
    assert!(
        account.outgoing.auth_method.is_some(),
        "the sign-in method is kept"
    );
    let alternatives: Vec<_> = account.alternatives.iter().map(|a| &a.settings).collect();
    assert_eq!(alternatives, [&servers[0], &servers[3]]);
    assert_eq!(account.display_name, user.address);
    assert_eq!(
        VerifiedAccount::from_servers(details, &verified[2..]).unwrap_err(),
        store::NotVerified::NoIncoming
    );

    let tmp = tempfile::tempdir().unwrap();
    let keychain = store::open_keychain(store::KeychainKind::Keyutils)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", store_common::HOW_TO_RUN));
    let saved = store::save_verified(tmp.path(), keychain.clone(), account, user.secret())
        .await
        .unwrap();
    // The CA is kept beside the account file, readable by the owner only.
    let copy = saved
        .account
        .ca_path(tmp.path())
        .expect("the CA file is kept with the account");
    assert_eq!(copy.parent(), Some(tmp.path()));
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(&d.ca_file).unwrap()
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let id = saved.account.id.to_string();
    let dir = tmp.path().to_path_buf();
    let password = user.password.clone();
    let out = tokio::task::spawn_blocking(move || {
        let check = ["check", &id, "--timeout", "10"];
        cli(&dir, &check, &[&password])
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stdout.contains("PASS  incoming  POP3"),
        "{}",
        out.both()
    );
    store::remove(tmp.path(), Some(keychain), saved.account.id)
        .await
        .unwrap();
    assert!(!copy.exists(), "the kept CA file goes with the account");
}
