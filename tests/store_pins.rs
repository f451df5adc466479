//! A saved account that trusts its self-hosted IMAP server by the server's key, checked again
//! with `mailsetup accounts check` (real binary, password from the real kernel keyring,
//! outgoing mail on the real Dovecot): the same key in a renewed certificate passes; a new
//! key fails as `certificate_changed` with both fingerprints, and no password reaches it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use mailsetup::account::{EmailAddress, Protocol, Security, ServerSettings};
use mailsetup::store::{
    self, AccountFile, SavedServer, SettingsSource, SourceKind, Timestamp, VerifiedAccount,
    save_verified_blocking,
};
use mailsetup::trust::pin::{EndpointPin, SpkiPin};
use rcgen::KeyPair;
use secrecy::SecretString;
use store_common::{ChildOutput, keyutils, run_with_deadline};
use support::dovecot;
use support::script::Script;

fn check(dir: &Path, id: &str, json: bool) -> ChildOutput {
    let d = dovecot();
    let ca = d.ca_file.display().to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.args(["accounts", "check", id, "--ca-file", &ca, "--timeout", "10"])
        .args(json.then_some("--json"))
        .env(store::CONFIG_DIR_ENV, dir)
        .env_remove("RUST_LOG");
    let out = run_with_deadline(&mut cmd, Duration::from_secs(60));
    for form in store_common::password_forms(&d.alice.password) {
        let form = String::from_utf8(form).unwrap();
        assert!(!out.both().contains(&form), "{}", out.both());
    }
    out
}

/// Saves alice's account: incoming IMAP on `port` trusted by `pin`, outgoing Dovecot.
fn save(dir: &Path, port: u16, pin: SpkiPin) -> String {
    let d = dovecot();
    let email = EmailAddress::parse(&d.alice.address).unwrap();
    let incoming = ServerSettings {
        protocol: Protocol::Imap,
        host: "127.0.0.1".into(),
        port,
        security: Security::Tls,
        username: d.alice.address.clone(),
    };
    let account = VerifiedAccount {
        display_name: "Alice".into(),
        email,
        incoming: SavedServer::new(incoming),
        outgoing: SavedServer::new(d.settings(Protocol::Smtp, Security::Tls, &d.alice)),
        alternatives: Vec::new(),
        source: SettingsSource::new(SourceKind::Manual),
        verified_at: Timestamp::now(),
        allow_plaintext: false,
        ca_file: None,
        pinned_keys: vec![EndpointPin {
            host: "127.0.0.1".into(),
            port,
            spki_sha256: pin,
        }],
        oauth2: None,
    };
    let saved = save_verified_blocking(
        &AccountFile::new(dir),
        keyutils().as_ref(),
        account,
        &SecretString::from(d.alice.password.clone()),
    )
    .unwrap();
    saved.account.id.to_string()
}

#[test]
fn a_pinned_account_survives_a_same_key_renewal_and_catches_a_new_key() {
    let key = KeyPair::generate().unwrap();
    let first = support::mitm::self_signed(&key, &["127.0.0.1"], (-1, 30), 60);
    let pin = SpkiPin::of_certificate(&first.chain_der[0]).unwrap();

    // The server renewed its certificate, keeping its key.
    let renewed = support::mitm::self_signed(&key, &["127.0.0.1"], (0, 90), 61);
    let server = Script::new(Protocol::Imap).cert(&renewed).start();
    let tmp = tempfile::tempdir().unwrap();
    let id = save(tmp.path(), server.port, pin);
    let listed = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(["accounts", "list"])
        .env(store::CONFIG_DIR_ENV, tmp.path())
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains(&format!(
            "trusted by fingerprint: 127.0.0.1:{}={pin}",
            server.port
        )),
        "{listed}"
    );
    let out = check(tmp.path(), &id, false);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stdout.contains("PASS  incoming  IMAP"),
        "{}",
        out.both()
    );
    assert!(
        out.stdout.contains("its key is the one you trusted"),
        "{}",
        out.both()
    );

    // Another key on the pinned endpoint.
    let other =
        support::mitm::self_signed(&KeyPair::generate().unwrap(), &["127.0.0.1"], (-1, 30), 62);
    let presented = SpkiPin::of_certificate(&other.chain_der[0]).unwrap();
    let impostor = Script::new(Protocol::Imap).cert(&other).start();
    let tmp = tempfile::tempdir().unwrap();
    let id = save(tmp.path(), impostor.port, pin);
    let out = check(tmp.path(), &id, true);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let d = &doc["results"][0]["report"]["outcome"]["diagnosis"];
    assert_eq!(d["cause"], "certificate_changed", "{d:#}");
    let advice = d["advice"].as_str().unwrap();
    assert!(advice.contains(&pin.to_base64()), "{advice}");
    assert!(advice.contains(&presented.to_base64()), "{advice}");
    assert_eq!(doc["results"][1]["passed"], true);
    assert_eq!(impostor.sign_in_attempts(), 0);
}
