//! A certificate is data a stranger wrote (issue 20 §2): a server presents a self-signed
//! certificate whose subject and issuer hold ESC ] 52 (the OSC 52 sequence that would write
//! the technician's clipboard) and a CSI; whatever `diagnose` prints — text, Markdown, JSON —
//! none of those control bytes reaches standard output. Also the commands to repeat a test by
//! hand (issue 21 item 8): with `--ca-file` they carry `-CAfile` / `--cacert` and give the
//! report's verdict when run; with `--pin-sha256` they say how the key was trusted.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::process::Command;

use mailsetup::account::Protocol;
use rcgen::{CertificateParams, DnType, KeyPair};
use rustls::pki_types::CertificateDer;
use support::pki::{CertPair, pki};
use support::script::Script;

const OSC52: &str = "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}";
const PW: &str = "hunter2-not-sent";

/// A self-signed certificate for 127.0.0.1 whose names carry OSC 52 and a C1 CSI.
fn hostile_cert() -> CertPair {
    let key = KeyPair::generate().expect("key");
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("params");
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(
        DnType::CommonName,
        rcgen::DnValue::Utf8String(format!("evil{OSC52}\u{9b}31m.test")),
    );
    params.distinguished_name.push(
        DnType::OrganizationName,
        rcgen::DnValue::Utf8String(format!("Org{OSC52}")),
    );
    let cert = params.self_signed(&key).expect("self-signed");
    let dir = support::run_dir().join("hostile-cert");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("cert.pem");
    std::fs::write(&path, cert.pem()).unwrap();
    let der: CertificateDer<'static> = cert.der().clone();
    CertPair {
        cert_pem: path.clone(),
        chain_pem: path.clone(),
        key_pem: path,
        chain_der: vec![der],
        key_der: key.serialize_der(),
        sha256: String::new(),
    }
}

fn mailsetup(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(args)
        .env("MST_PW", PW)
        .env_remove("RUST_LOG")
        .output()
        .expect("run mailsetup");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// No C0 control but tab and line feed, no DEL, no C1 control in `bytes`.
fn no_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| c.is_control() && *c != '\n' && *c != '\t')
        .collect();
    assert!(bad.is_empty(), "{what} carries controls {bad:?}:\n{text}");
}

#[test]
fn osc52_in_a_certificate_never_reaches_standard_output() {
    let imap = Script::new(Protocol::Imap).cert(&hostile_cert()).start();
    let server = format!("127.0.0.1:{}/tls", imap.port);
    for format in [
        &[][..],
        &["--markdown"][..],
        &["--json"][..],
        &["--transcript"][..],
    ] {
        let mut args = vec![
            "diagnose",
            "a@example.test",
            "--imap",
            &server,
            "--password-env",
            "MST_PW",
            "--timeout",
            "5",
        ];
        args.extend_from_slice(format);
        let (code, stdout, stderr) = mailsetup(&args);
        assert_eq!(code, 1, "{}\n{stderr}", String::from_utf8_lossy(&stdout));
        no_controls(&format!("stdout of {format:?}"), &stdout);
        no_controls(&format!("stderr of {format:?}"), stderr.as_bytes());
        let text = String::from_utf8_lossy(&stdout);
        // The names are still there to read, neutralised.
        assert!(text.contains("52;c;ZWNobyBwd25lZA=="), "{text}");
        assert!(!text.contains(PW));
    }
    assert_eq!(
        imap.sign_in_attempts(),
        0,
        "the password went to an untrusted server"
    );
}

#[test]
fn commands_to_repeat_by_hand_carry_the_ca_file_and_give_the_same_verdict() {
    let imap = Script::new(Protocol::Imap).start();
    let server = format!("127.0.0.1:{}/tls", imap.port);
    let ca = pki().ca_pem.display().to_string();
    for format in [&[][..], &["--markdown"][..], &["--json"][..]] {
        let mut args = vec![
            "diagnose",
            "a@example.test",
            "--imap",
            &server,
            "--password-env",
            "MST_PW",
            "--ca-file",
            &ca,
            "--timeout",
            "5",
        ];
        args.extend_from_slice(format);
        let (code, stdout, stderr) = mailsetup(&args);
        let text = String::from_utf8_lossy(&stdout).into_owned();
        assert_eq!(code, 0, "{text}\n{stderr}");
        assert!(
            text.contains(&format!("-CAfile {ca}")),
            "{format:?}: {text}"
        );
        assert!(
            text.contains(&format!("--cacert {ca}")),
            "{format:?}: {text}"
        );
    }
    // The printed openssl line verifies the chain as the report did.
    let (_, stdout, _) = mailsetup(&[
        "diagnose",
        "a@example.test",
        "--imap",
        &server,
        "--password-env",
        "MST_PW",
        "--ca-file",
        &ca,
        "--json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let line = doc["servers"][0]["by_hand"][0]
        .as_str()
        .unwrap()
        .to_string();
    assert!(line.starts_with("openssl s_client"), "{line}");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{line} -brief </dev/null 2>&1"))
        .output()
        .expect("openssl is installed (Debian: openssl)");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Verification: OK"),
        "the printed command does not verify as the report did: {line}\n{said}"
    );
}

#[test]
fn a_pinned_key_is_named_in_the_commands_with_the_pin_they_must_print() {
    let cert =
        support::mitm::self_signed(&KeyPair::generate().unwrap(), &["127.0.0.1"], (-1, 30), 7);
    let imap = Script::new(Protocol::Imap).cert(&cert).start();
    let server = format!("127.0.0.1:{}/tls", imap.port);
    // The first run fails and names the pin to trust.
    let (code, stdout, _) = mailsetup(&[
        "diagnose",
        "a@example.test",
        "--imap",
        &server,
        "--password-env",
        "MST_PW",
        "--json",
    ]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let spki = doc["servers"][0]["tls"]["certificates"][0]["spki_sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let pin = format!("127.0.0.1:{}={spki}", imap.port);
    let (code, stdout, stderr) = mailsetup(&[
        "diagnose",
        "a@example.test",
        "--imap",
        &server,
        "--password-env",
        "MST_PW",
        "--pin-sha256",
        &pin,
    ]);
    let text = String::from_utf8_lossy(&stdout).into_owned();
    assert_eq!(code, 0, "{text}\n{stderr}");
    assert!(
        text.contains(&format!("--pinnedpubkey 'sha256//{spki}'"))
            || text.contains(&format!("--pinnedpubkey sha256//{spki}")),
        "{text}"
    );
    assert!(text.contains("by its pin"), "{text}");
    // The printed pipeline prints the pin the report trusted.
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.contains("openssl dgst -sha256"))
        .map(|l| {
            l.split_once("openssl")
                .map(|(_, r)| format!("openssl{r}"))
                .unwrap()
        })
        .expect("the pin pipeline");
    let out = Command::new("sh").arg("-c").arg(&line).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), spki, "{line}");
}
