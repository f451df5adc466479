//! The certificate doctor with real parts: an antivirus-style TLS-inspecting proxy in front of
//! the test Dovecot (untrusted → `tls_intercepted` naming the product; trusted with
//! `--ca-file` → verified, with the warning that the real certificate is hidden), and a
//! self-hosted server's self-signed key trusted by its pin (`--pin-sha256`): the same key
//! after renewal passes, a new key is `certificate_changed` with both fingerprints, another
//! port or another name is not covered.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::process::Command;

use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::probe::{Cause, ProbeReport, probe};
use mailsetup::trust::pin::{EndpointPin, Pins};
use rcgen::KeyPair;
use serde_json::Value;
use support::mitm::{self, AV_ROOT_CN};
use support::script::Script;
use support::{assert_no_secret, dovecot, options};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary (the password in `$P`); every probe step has a 5 s deadline.
fn mailsetup(args: &[&str], password: &str) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .env("P", password)
        .env_remove("RUST_LOG")
        .output()
        .expect("run mailsetup");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr))
}

fn imap_tls(port: u16, user: &str) -> ServerSettings {
    ServerSettings {
        protocol: Protocol::Imap,
        host: "127.0.0.1".into(),
        port,
        security: Security::Tls,
        username: user.into(),
    }
}

#[tokio::test]
async fn an_antivirus_mail_shield_is_named_when_its_root_is_not_trusted() {
    let d = dovecot();
    let proxy = mitm::start(d.imaps.addr());
    let settings = imap_tls(proxy.port, &d.alice.address);
    // Trusts the test CA (the real server's), not the antivirus root.
    let report = probe(&settings, &d.alice.secret(), &options()).await;
    let diag = report.diagnosis().expect("fails");
    assert_eq!(diag.cause, Cause::TlsIntercepted, "{diag:?}");
    assert!(diag.advice.contains("Avast"), "{}", diag.advice);
    assert!(diag.advice.contains("HTTPS scanning"), "{}", diag.advice);
    assert!(diag.detail.contains(AV_ROOT_CN), "{}", diag.detail);
    let tls = report.tls.as_ref().expect("chain captured");
    assert_eq!(
        tls.intercepted.as_ref().map(|i| i.product_id),
        Some("avast")
    );

    // The same through the CLI's JSON.
    let port = format!("127.0.0.1:{}/tls", proxy.port);
    let ca = d.ca_file.display().to_string();
    let run = mailsetup(
        &[
            "diagnose",
            &d.alice.address,
            "--imap",
            &port,
            "--ca-file",
            &ca,
            "--password-env",
            "P",
            "--timeout",
            "5",
            "--json",
        ],
        &d.alice.password,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = json(&run);
    let outcome = &doc["servers"][0]["outcome"];
    assert_eq!(outcome["diagnosis"]["cause"], "tls_intercepted");
    assert!(
        outcome["diagnosis"]["advice"]
            .as_str()
            .unwrap()
            .contains("Avast Antivirus")
    );
    assert_no_secret("json", &run.stdout, &d.alice.address, &d.alice.password);
}

#[tokio::test]
async fn a_trusted_inspecting_root_verifies_with_a_visible_warning() {
    let d = dovecot();
    let proxy = mitm::start(d.imaps.addr());
    let root = proxy.root_pem.display().to_string();
    let port = format!("127.0.0.1:{}/tls", proxy.port);
    let base = [
        "diagnose",
        &d.alice.address,
        "--imap",
        &port,
        "--ca-file",
        &root,
        "--password-env",
        "P",
        "--timeout",
        "5",
    ];
    let run = mailsetup(&[&base[..], &["--json"]].concat(), &d.alice.password);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let doc = json(&run);
    let tls = &doc["servers"][0]["tls"];
    assert_eq!(doc["servers"][0]["outcome"]["status"], "verified");
    assert_eq!(tls["intercepted"]["product"], "Avast Antivirus");
    let warning = tls["warnings"][0].as_str().expect("a warning");
    assert!(
        warning.contains("real server's certificate is hidden"),
        "{warning}"
    );

    let text = mailsetup(&base, &d.alice.password);
    assert_eq!(text.code, 0);
    assert!(
        text.stdout
            .contains("WARNING  The connection is inspected by Avast Antivirus"),
        "{}",
        text.stdout
    );
    let md = mailsetup(&[&base[..], &["--markdown"]].concat(), &d.alice.password);
    assert!(
        md.stdout
            .contains("**Warning:** The connection is inspected by Avast"),
        "{}\n{}",
        md.stdout,
        md.stderr
    );
    for out in [&run.stdout, &text.stdout, &md.stdout] {
        assert_no_secret("report", out, &d.alice.address, &d.alice.password);
    }
}

/// A self-hosted IMAP server on implicit TLS with this certificate.
fn self_hosted(cert: &support::pki::CertPair) -> support::faults::FaultServer {
    Script::new(Protocol::Imap).cert(cert).start()
}

fn pin_of(report: &ProbeReport) -> String {
    report.tls.as_ref().unwrap().certificates[0]
        .spki_sha256
        .clone()
}

async fn probe_pinned(settings: &ServerSettings, pins: &[EndpointPin]) -> ProbeReport {
    let mut opts = options();
    opts.trust = opts.trust.with_pins(Pins::from_list(pins));
    probe(settings, &"pw".to_string().into(), &opts).await
}

#[tokio::test]
async fn a_pinned_self_signed_key_survives_renewal_and_a_new_key_is_caught() {
    let key = KeyPair::generate().unwrap();
    let first = mitm::self_signed(&key, &["localhost", "127.0.0.1"], (-1, 30), 1);
    let server = self_hosted(&first);
    let settings = imap_tls(server.port, "alice");

    // Untrusted at first: the report offers the pin to use.
    let untrusted = probe_pinned(&settings, &[]).await;
    assert_eq!(
        untrusted.diagnosis().map(|d| d.cause),
        Some(Cause::CertificateUntrusted)
    );
    let offered = mailsetup::report::pin_to_trust(&untrusted).expect("a pin is offered");
    assert_eq!(
        offered,
        format!("127.0.0.1:{}={}", server.port, pin_of(&untrusted))
    );
    let pin: EndpointPin = offered.parse().unwrap();

    let trusted = probe_pinned(&settings, std::slice::from_ref(&pin)).await;
    assert!(trusted.is_verified(), "{:?}", trusted.diagnosis());
    assert!(trusted.tls.as_ref().unwrap().pinned);

    // Renewed with the same key (new serial, new dates): still trusted.
    let renewed = mitm::self_signed(&key, &["localhost", "127.0.0.1"], (0, 90), 2);
    let server2 = self_hosted(&renewed);
    let settings2 = imap_tls(server2.port, "alice");
    let pin2 = EndpointPin {
        port: server2.port,
        ..pin.clone()
    };
    let after_renewal = probe_pinned(&settings2, std::slice::from_ref(&pin2)).await;
    assert!(
        after_renewal.is_verified(),
        "{:?}",
        after_renewal.diagnosis()
    );
    assert_ne!(
        after_renewal.tls.as_ref().unwrap().certificates[0].sha256,
        trusted.tls.as_ref().unwrap().certificates[0].sha256,
        "a different certificate"
    );

    // A new key on the pinned endpoint: certificate_changed, both fingerprints shown.
    let other = mitm::self_signed(&KeyPair::generate().unwrap(), &["127.0.0.1"], (-1, 30), 3);
    let server3 = self_hosted(&other);
    let settings3 = imap_tls(server3.port, "alice");
    let pin3 = EndpointPin {
        port: server3.port,
        ..pin.clone()
    };
    let changed = probe_pinned(&settings3, std::slice::from_ref(&pin3)).await;
    let d = changed.diagnosis().expect("fails");
    assert_eq!(d.cause, Cause::CertificateChanged);
    assert!(
        d.advice.contains(&pin.spki_sha256.to_base64()),
        "{}",
        d.advice
    );
    assert!(d.advice.contains(&pin_of(&changed)), "{}", d.advice);
    assert_eq!(
        server3.sign_in_attempts(),
        0,
        "no password after a changed key"
    );

    // The pin covers exactly its host and port: another port is not trusted by it.
    let elsewhere = probe_pinned(&settings2, std::slice::from_ref(&pin)).await;
    assert_eq!(
        elsewhere.diagnosis().map(|d| d.cause),
        Some(Cause::CertificateUntrusted)
    );
}

#[tokio::test]
async fn a_pinned_key_still_needs_the_right_name_and_dates() {
    let key = KeyPair::generate().unwrap();
    let wrong_name = mitm::self_signed(&key, &["mail.elsewhere.test"], (-1, 30), 10);
    let server = self_hosted(&wrong_name);
    let settings = imap_tls(server.port, "alice");
    let pin = EndpointPin {
        host: "127.0.0.1".into(),
        port: server.port,
        spki_sha256: mailsetup::trust::pin::SpkiPin::of_certificate(&wrong_name.chain_der[0])
            .unwrap(),
    };
    let r = probe_pinned(&settings, std::slice::from_ref(&pin)).await;
    assert_eq!(
        r.diagnosis().map(|d| d.cause),
        Some(Cause::CertificateNameMismatch)
    );
    let expired = mitm::self_signed(&key, &["127.0.0.1"], (-60, -30), 11);
    let server = self_hosted(&expired);
    let pin = EndpointPin {
        port: server.port,
        ..pin
    };
    let r = probe_pinned(&imap_tls(server.port, "alice"), &[pin]).await;
    assert_eq!(
        r.diagnosis().map(|d| d.cause),
        Some(Cause::CertificateExpired)
    );
}

#[test]
fn the_cli_prints_the_pin_and_accepts_it() {
    let key = KeyPair::generate().unwrap();
    let cert = mitm::self_signed(&key, &["localhost", "127.0.0.1"], (-1, 30), 20);
    let server = self_hosted(&cert);
    let imap = format!("127.0.0.1:{}/tls", server.port);
    let base = [
        "diagnose",
        "alice@selfhosted.test",
        "--imap",
        &imap,
        "--password-env",
        "P",
        "--timeout",
        "5",
    ];
    let first = mailsetup(&base, "pw");
    assert_eq!(first.code, 1);
    let line = first
        .stdout
        .lines()
        .find(|l| l.contains("--pin-sha256"))
        .unwrap_or_else(|| panic!("no pin offered:\n{}", first.stdout));
    let flag = line
        .split("--pin-sha256 ")
        .nth(1)
        .unwrap()
        .trim()
        .to_string();
    let run = mailsetup(
        &[&base[..], &["--pin-sha256", &flag, "--json"]].concat(),
        "pw",
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let doc = json(&run);
    assert_eq!(doc["servers"][0]["tls"]["pinned"], true);
    let bad = mailsetup(
        &[&base[..], &["--pin-sha256", "127.0.0.1=xyz"]].concat(),
        "pw",
    );
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}
