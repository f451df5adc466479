//! `mailsetup accounts export` on an account saved for real (`diagnose --save` against the
//! real Dovecot, password in the kernel keyring), read back by readers we did not write:
//! zbarimg for every QR picture with a strict reader of each format (an SVG is painted into
//! a PNG first: zbarimg here cannot open SVG files), Python's
//! plistlib for the Apple profile, `openssl smime -verify` for a signed one, and our own
//! `mailsetup discover` over the loopback HTTPS server for the autoconfig file. Every output
//! and every file is searched for the password when it was not asked for.
//!
//! Needs the keychain session `scripts/test` sets up (`scripts/test --test export_cli`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod export_common;
mod netsupport;
mod store_common;
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use export_common::{read_dclogin, read_tfa, zbar};
use mailsetup::account::{Protocol, Security};
use store_common::{ChildOutput, password_forms, run_with_deadline};
use support::dovecot;

const LIMIT: Duration = Duration::from_secs(60);

/// The account saved once for this test binary: its folder and id.
struct Saved {
    dir: tempfile::TempDir,
    id: String,
    imap_port: u16,
    smtp_port: u16,
}

fn saved() -> &'static Saved {
    static SAVED: OnceLock<Saved> = OnceLock::new();
    SAVED.get_or_init(|| {
        let d = dovecot();
        let dir = tempfile::tempdir().unwrap();
        let imap_port = d.listener(Protocol::Imap, Security::Tls).port;
        let smtp_port = d.listener(Protocol::Smtp, Security::Tls).port;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
        cmd.args(["diagnose", &d.alice.address])
            .args(["--imap", &format!("localhost:{imap_port}/tls")])
            .args(["--smtp", &format!("localhost:{smtp_port}/tls")])
            .arg("--ca-file")
            .arg(&d.ca_file)
            .args([
                "--password-env",
                "MS_PW",
                "--save",
                "--keychain",
                "keyutils",
            ])
            .args(["--name", "Alice Example", "--json", "--config-dir"])
            .arg(dir.path())
            .env("MS_PW", &d.alice.password)
            .env_remove("RUST_LOG");
        let out = run_with_deadline(&mut cmd, LIMIT);
        assert_eq!(
            out.status.code(),
            Some(0),
            "diagnose --save (run inside `keyctl session -`, as scripts/test does): {}",
            out.both()
        );
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let id = doc["saved"]["id"].as_str().expect("a saved id").to_string();
        Saved {
            dir,
            id,
            imap_port,
            smtp_port,
        }
    })
}

fn password() -> &'static str {
    &dovecot().alice.password
}

fn contains_password(bytes: &[u8]) -> bool {
    password_forms(password())
        .iter()
        .any(|form| bytes.windows(form.len()).any(|w| w == form.as_slice()))
}

/// Runs `mailsetup accounts export ID ARGS…` on the saved account.
fn export(args: &[&str]) -> ChildOutput {
    let s = saved();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.args(["accounts", "export", &s.id])
        .args(args)
        .env("MAILSETUP_CONFIG_DIR", s.dir.path())
        .env_remove("RUST_LOG");
    run_with_deadline(&mut cmd, LIMIT)
}

/// An export that must not hold the password: neither its output nor `file` does.
fn export_without_password(args: &[&str], file: Option<&Path>) -> ChildOutput {
    let out = export(args);
    assert!(
        !contains_password(out.stdout.as_bytes()) && !contains_password(out.stderr.as_bytes()),
        "the output of {args:?} holds the password"
    );
    if let Some(file) = file
        && let Ok(bytes) = std::fs::read(file)
    {
        assert!(
            !contains_password(&bytes),
            "{} holds the password",
            file.display()
        );
    }
    out
}

fn out_file(name: &str) -> PathBuf {
    saved().dir.path().join(name)
}

fn check_servers_tfa(payload: &str) {
    let s = saved();
    let a = read_tfa(payload);
    assert_eq!(a.address, dovecot().alice.address);
    assert_eq!(a.display_name, "Alice Example");
    assert_eq!(a.account_name, None);
    assert_eq!(
        (
            a.incoming.protocol.as_str(),
            a.incoming.host.as_str(),
            a.incoming.port
        ),
        ("imap", "localhost", s.imap_port)
    );
    assert_eq!(a.incoming.security, "tls");
    assert_eq!(a.incoming.username, dovecot().alice.address);
    assert_eq!(
        (
            a.outgoing.host.as_str(),
            a.outgoing.port,
            a.outgoing.security.as_str()
        ),
        ("localhost", s.smtp_port, "tls")
    );
    assert_eq!(a.outgoing.username, dovecot().alice.address);
    assert_eq!(
        (a.incoming_auth, a.outgoing_auth),
        (1, 1),
        "password, cleartext in TLS"
    );
}

#[test]
fn thunderbird_codes_in_png_and_svg_decode_to_the_saved_servers_without_the_password() {
    for name in ["tfa.png", "tfa.svg"] {
        let file = out_file(name);
        let out = export_without_password(
            &["--format", "tfa-qr", "--out", file.to_str().unwrap()],
            Some(&file),
        );
        assert_eq!(out.status.code(), Some(0), "{}", out.both());
        assert!(
            out.stdout
                .contains("Wrote the Thunderbird for Android QR code")
        );
        let picture = if name.ends_with(".svg") {
            let png = out_file("tfa-from-svg.png");
            export_common::svg_to_png(&file, &png);
            png
        } else {
            file
        };
        let payload = zbar(&picture);
        check_servers_tfa(&payload);
        let a = read_tfa(&payload);
        assert_eq!((a.incoming.password, a.outgoing.password), (None, None));
    }
}

#[test]
fn with_the_password_the_thunderbird_code_holds_it_warns_and_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let file = out_file("tfa-pw.png");
    let out = export(&[
        "--format",
        "tfa-qr",
        "--with-password",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stderr
            .contains("Anyone who sees this code or file can read and send your mail."),
        "{}",
        out.both()
    );
    assert!(!contains_password(out.stdout.as_bytes()) && !contains_password(out.stderr.as_bytes()));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let payload = zbar(&file);
    check_servers_tfa(&payload);
    let a = read_tfa(&payload);
    assert_eq!(a.incoming.password.as_deref(), Some(password()));
    assert_eq!(a.outgoing.password.as_deref(), Some(password()));
}

#[test]
fn the_terminal_code_and_the_payload_text() {
    let out = export_without_password(&["--format", "tfa-qr"], None);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stdout.contains('█') && out.stdout.contains('▀'),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("QR version"), "{}", out.stdout);
    let out = export_without_password(&["--format", "tfa-qr", "--payload"], None);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    check_servers_tfa(out.stdout.trim_end());
}

#[test]
fn delta_chat_needs_the_password_and_carries_both_servers() {
    let out = export_without_password(&["--format", "dclogin-qr", "--payload"], None);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(
        out.stderr.contains("always holds the password"),
        "{}",
        out.both()
    );

    let s = saved();
    let file = out_file("dc.png");
    let out = export(&[
        "--format",
        "dclogin-qr",
        "--with-password",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stderr.contains("Anyone who sees this code"),
        "{}",
        out.both()
    );
    let login = read_dclogin(&zbar(&file));
    assert_eq!(login.address, dovecot().alice.address);
    assert_eq!(login.password, password());
    assert_eq!(
        (
            login.imap.host.as_str(),
            login.imap.port,
            login.imap.security.as_str()
        ),
        ("localhost", s.imap_port, "tls")
    );
    assert_eq!(
        (
            login.smtp.host.as_str(),
            login.smtp.port,
            login.smtp.security.as_str()
        ),
        ("localhost", s.smtp_port, "tls")
    );
    assert_eq!(login.imap.username, dovecot().alice.address);
    assert_eq!(login.smtp.username, dovecot().alice.address);
}

/// Reads a property list with Python's plistlib and prints it as JSON (bytes as base64).
fn plist_as_json(file: &Path) -> serde_json::Value {
    let script = "import json, plistlib, sys\n\
                  d = plistlib.load(open(sys.argv[1], 'rb'))\n\
                  def t(v):\n\
                  \x20   if isinstance(v, bool): return {'bool': v}\n\
                  \x20   if isinstance(v, int): return {'int': v}\n\
                  \x20   if isinstance(v, str): return {'str': v}\n\
                  \x20   if isinstance(v, list): return {'array': [t(x) for x in v]}\n\
                  \x20   if isinstance(v, dict): return {'dict': {k: t(x) for k, x in v.items()}}\n\
                  \x20   return {'other': repr(type(v))}\n\
                  print(json.dumps(t(d)))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 (Debian: python3) reads the property list");
    assert!(
        out.status.success(),
        "plistlib refused {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Checks Apple's required keys and their types; returns the mail payload.
fn check_profile(doc: &serde_json::Value) -> serde_json::Value {
    let top = &doc["dict"];
    assert_eq!(top["PayloadType"]["str"], "Configuration");
    assert_eq!(top["PayloadVersion"]["int"], 1);
    assert!(
        top["PayloadIdentifier"]["str"]
            .as_str()
            .unwrap()
            .starts_with("io.github.mailsetup.")
    );
    let uuid = top["PayloadUUID"]["str"].as_str().unwrap();
    assert_eq!(uuid.len(), 36);
    assert!(top["PayloadDisplayName"]["str"].is_string());
    let content = top["PayloadContent"]["array"].as_array().unwrap();
    assert_eq!(content.len(), 1);
    let mail = content[0]["dict"].clone();
    let s = saved();
    assert_eq!(mail["PayloadType"]["str"], "com.apple.mail.managed");
    assert_eq!(mail["PayloadVersion"]["int"], 1);
    assert!(mail["PayloadIdentifier"]["str"].is_string());
    assert_ne!(mail["PayloadUUID"]["str"], top["PayloadUUID"]["str"]);
    assert_eq!(mail["EmailAccountType"]["str"], "EmailTypeIMAP");
    assert_eq!(
        mail["EmailAddress"]["str"],
        dovecot().alice.address.as_str()
    );
    assert_eq!(mail["EmailAccountName"]["str"], "Alice Example");
    assert_eq!(mail["IncomingMailServerHostName"]["str"], "localhost");
    assert_eq!(mail["IncomingMailServerPortNumber"]["int"], s.imap_port);
    assert_eq!(mail["IncomingMailServerUseSSL"]["bool"], true);
    assert_eq!(
        mail["IncomingMailServerAuthentication"]["str"],
        "EmailAuthPassword"
    );
    assert_eq!(
        mail["IncomingMailServerUsername"]["str"],
        dovecot().alice.address.as_str()
    );
    assert_eq!(mail["OutgoingMailServerHostName"]["str"], "localhost");
    assert_eq!(mail["OutgoingMailServerPortNumber"]["int"], s.smtp_port);
    assert_eq!(mail["OutgoingMailServerUseSSL"]["bool"], true);
    assert_eq!(
        mail["OutgoingMailServerAuthentication"]["str"],
        "EmailAuthPassword"
    );
    assert_eq!(
        mail["OutgoingMailServerUsername"]["str"],
        dovecot().alice.address.as_str()
    );
    mail
}

#[test]
fn the_profile_is_a_property_list_with_apples_keys_and_the_password_only_when_asked() {
    let file = out_file("alice.mobileconfig");
    let out = export_without_password(
        &["--format", "mobileconfig", "--out", file.to_str().unwrap()],
        Some(&file),
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(out.stderr.contains("Not Verified"), "{}", out.both());
    let mail = check_profile(&plist_as_json(&file));
    assert!(mail.get("IncomingPassword").is_none() && mail.get("OutgoingPassword").is_none());
    assert_eq!(mail["OutgoingPasswordSameAsIncomingPassword"]["bool"], true);

    let file = out_file("alice-pw.mobileconfig");
    let out = export(&[
        "--format",
        "mobileconfig",
        "--with-password",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    let mail = check_profile(&plist_as_json(&file));
    assert_eq!(mail["IncomingPassword"]["str"], password());
    assert_eq!(mail["OutgoingPassword"]["str"], password());
}

#[test]
fn a_signed_profile_verifies_with_openssl() {
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["profiles.example.test".into()]).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Example profile signer");
    let cert = params.self_signed(&key).unwrap();
    let cert_file = out_file("signer.pem");
    let key_file = out_file("signer.key");
    std::fs::write(&cert_file, cert.pem()).unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();

    let file = out_file("signed.mobileconfig");
    let out = export_without_password(
        &[
            "--format",
            "mobileconfig",
            "--out",
            file.to_str().unwrap(),
            "--sign-cert",
            cert_file.to_str().unwrap(),
            "--sign-key",
            key_file.to_str().unwrap(),
        ],
        Some(&file),
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    let content = out_file("signed-content.plist");
    let verify = Command::new("openssl")
        .args(["smime", "-verify", "-inform", "der", "-noverify", "-in"])
        .arg(&file)
        .arg("-out")
        .arg(&content)
        .output()
        .expect("openssl");
    assert!(
        verify.status.success(),
        "openssl smime -verify: {}",
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(String::from_utf8_lossy(&verify.stderr).contains("Verification successful"));
    check_profile(&plist_as_json(&content));
    // With the signer as the trusted CA, the whole chain verifies too.
    let verify = Command::new("openssl")
        .args(["smime", "-verify", "-inform", "der", "-in"])
        .arg(&file)
        .arg("-CAfile")
        .arg(&cert_file)
        .args(["-out", "/dev/null"])
        .output()
        .expect("openssl");
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );

    // A key that does not exist: exit 1 with the file named, nothing written.
    let out = export(&[
        "--format",
        "mobileconfig",
        "--sign-cert",
        cert_file.to_str().unwrap(),
        "--sign-key",
        "/nonexistent/key.pem",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(
        out.stderr.contains("/nonexistent/key.pem"),
        "{}",
        out.both()
    );
}

#[tokio::test]
async fn the_autoconfig_file_served_for_the_domain_is_exactly_what_discover_finds() {
    let file = out_file("config-v1.1.xml");
    let path = file.to_str().unwrap().to_string();
    let out = tokio::task::spawn_blocking(move || {
        export_without_password(&["--format", "autoconfig", "--out", &path], None)
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stdout
            .contains("https://autoconfig.example.test/mail/config-v1.1.xml"),
        "{}",
        out.stdout
    );
    let s = saved();
    assert!(
        out.stdout.contains(&format!(
            "_imaps._tcp.example.test. 3600 IN SRV 0 1 {} localhost.",
            s.imap_port
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("_submissions._tcp.example.test."),
        "{}",
        out.stdout
    );
    let xml = std::fs::read_to_string(&file).unwrap();
    assert!(!contains_password(xml.as_bytes()));

    let net = netsupport::Net::start().await;
    net.dns.a("autoconfig.example.test", netsupport::LOOPBACK);
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        netsupport::Reply::Xml(xml),
    );
    let mut args = vec![
        "discover".to_string(),
        dovecot().alice.address.clone(),
        "--json".into(),
        "--timeout".into(),
        "3".into(),
    ];
    args.extend(net.cli_args());
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mailsetup"))
            .args(&args)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    let from_file: Vec<(String, String, u64, String)> = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["origins"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["source"] == "autoconfig")
        })
        .map(|c| {
            (
                c["protocol"].as_str().unwrap().to_string(),
                c["host"].as_str().unwrap().to_string(),
                c["port"].as_u64().unwrap(),
                c["security"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        from_file,
        [
            (
                "imap".to_string(),
                "localhost".to_string(),
                u64::from(s.imap_port),
                "tls".to_string()
            ),
            (
                "smtp".to_string(),
                "localhost".to_string(),
                u64::from(s.smtp_port),
                "tls".to_string()
            ),
        ],
        "{}",
        serde_json::to_string_pretty(&v["candidates"]).unwrap()
    );
    // The domain's own file over HTTPS: trusted.
    for c in v["candidates"].as_array().unwrap() {
        if c["origins"][0]["source"] == "autoconfig" {
            assert_eq!(c["trust"], "trusted", "{c}");
        }
    }
}

#[test]
fn usage_errors_exit_2_and_what_cannot_be_exported_exits_1_with_the_reason() {
    let out = export_without_password(&["--format", "mobileconfig", "--payload"], None);
    assert_eq!(out.status.code(), Some(2), "{}", out.both());
    let out = export_without_password(&["--format", "tfa-qr", "--sign-cert", "x"], None);
    assert_eq!(out.status.code(), Some(2), "{}", out.both());
    let out = export_without_password(&["--format", "qr"], None);
    assert_eq!(out.status.code(), Some(2), "{}", out.both());
    // GNOME Online Accounts, with no desktop session bus to reach it (the real goa-daemon on
    // a private bus is tests/export_goa.rs; the test session's bus would start this
    // machine's own daemon, which keeps accounts in the real home folder): the account is
    // checked, its password read from the keychain, and the missing bus said plainly.
    let no_bus = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.args(["accounts", "export", &saved().id, "--format", "goa"])
        .env("MAILSETUP_CONFIG_DIR", saved().dir.path())
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", no_bus.path().join("bus").display()),
        )
        .env_remove("RUST_LOG");
    let out = run_with_deadline(&mut cmd, LIMIT);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(
        out.stderr
            .contains("no desktop session was found to reach GNOME Online Accounts"),
        "{}",
        out.both()
    );
    assert!(
        !contains_password(out.stdout.as_bytes()) && !contains_password(out.stderr.as_bytes()),
        "the GNOME hand-off's output holds the password"
    );

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.args([
        "accounts",
        "export",
        "nobody-example-test",
        "--format",
        "tfa-qr",
    ])
    .env("MAILSETUP_CONFIG_DIR", saved().dir.path());
    let out = run_with_deadline(&mut cmd, LIMIT);
    assert_eq!(out.status.code(), Some(2), "{}", out.both());

    // The same account with a non-ASCII address, and as an OAuth account (its file edited
    // by hand in another folder; no keychain is read for either).
    let text = std::fs::read_to_string(saved().dir.path().join("accounts.json")).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let account = &mut doc["accounts"][0];
    account["email"] = "jörg@example.test".into();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("accounts.json"), doc.to_string()).unwrap();
    let run = |dir: &Path, args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
        cmd.args(["accounts", "export", &saved().id])
            .args(args)
            .env("MAILSETUP_CONFIG_DIR", dir);
        run_with_deadline(&mut cmd, LIMIT)
    };
    let out = run(other.path(), &["--format", "tfa-qr", "--payload"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert!(out.stderr.contains("jörg@example.test"), "{}", out.both());

    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["accounts"][0]["oauth2"] = serde_json::json!({
        "issuer": "https://login.example.test", "provider": "example",
        "client_id": "mailsetup", "scopes": []
    });
    std::fs::write(other.path().join("accounts.json"), doc.to_string()).unwrap();
    for format in ["mobileconfig", "dclogin-qr"] {
        let out = run(other.path(), &["--format", format, "--with-password"]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", out.both());
        assert!(out.stderr.contains("OAuth 2.0"), "{}", out.both());
    }
    // Thunderbird carries OAuth accounts as "sign in with the provider", never a token.
    let out = run(
        other.path(),
        &["--format", "tfa-qr", "--payload", "--with-password"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    let a = read_tfa(out.stdout.trim_end());
    assert_eq!((a.incoming_auth, a.outgoing_auth), (6, 6));
    assert_eq!((a.incoming.password, a.outgoing.password), (None, None));
}
