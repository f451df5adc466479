//! Signing in with SCRAM (issue 25): the password proven, never sent, and with `-PLUS` the
//! proof bound to our TLS connection, so a relay in between is proven by the sign-in itself.
//!
//! - A real Dovecot that signs in with SCRAM-SHA-256 only (`support::scram_dovecot`, hashes
//!   from `doveadm pw`): IMAP, POP3 and submission, implicit TLS and STARTTLS, verify with
//!   SCRAM-SHA-256 in one attempt,
//!   the report names the mechanism and why, the transcript shows it with the proof and the
//!   server's signature masked; a wrong password is `auth_failed`; a password SASLprep
//!   refuses is said before connecting and never sent (`unsendable_credentials`).
//! - A scripted server doing the server side from the RFCs over real rustls
//!   (`support::scram_server`): SCRAM-SHA-256-PLUS verifies on TLS 1.3 (`tls-exporter`) and
//!   TLS 1.2 (`tls-server-end-point`); an inspecting relay in between (`support::mitm`, its
//!   root trusted, so TLS alone sees nothing wrong) is `tls_intercepted_proven`; a removed
//!   `-PLUS` offer is reported as a downgrade; a server that does not know the password
//!   cannot pass. Each with exactly one sign-in attempt and nothing retried with PLAIN.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::process::Command;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mailsetup::account::{Protocol, Security};
use mailsetup::probe::scram::carries_proof;
use mailsetup::probe::{Cause, CertTrust, Direction, ProbeReport, probe};
use secrecy::SecretString;
use support::faults::USER;
use support::scram_dovecot::scram_dovecot;
use support::scram_server::{Offer, ScramServer, sign_ins};
use support::script::Script;
use support::{assert_no_secret, mitm, options};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

fn dump(report: &ProbeReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// No word of the transcript is a SCRAM proof or server signature in base64.
fn assert_no_proof(report: &ProbeReport) {
    for line in &report.transcript {
        for word in line.text.split(' ') {
            if let Ok(bytes) = B64.decode(word) {
                assert!(
                    !carries_proof(&bytes),
                    "the transcript keeps a SCRAM proof or signature: {:?}",
                    line.text
                );
            }
        }
    }
}

/// How many lines we sent start a sign-in (AUTHENTICATE, AUTH, LOGIN, USER/PASS).
fn sign_in_lines(report: &ProbeReport) -> usize {
    report
        .transcript
        .iter()
        .filter(|l| l.direction == Direction::Sent)
        .filter(|l| {
            let words: Vec<String> = l
                .text
                .split(' ')
                .take(2)
                .map(str::to_ascii_uppercase)
                .collect();
            words.iter().any(|w| w == "AUTHENTICATE" || w == "LOGIN")
                || words.first().is_some_and(|w| w == "AUTH" || w == "PASS")
        })
        .count()
}

#[tokio::test]
async fn imap_pop3_and_submission_sign_in_to_dovecot_with_scram_sha_256_without_sending_the_password()
 {
    let d = scram_dovecot();
    let every = [Protocol::Imap, Protocol::Pop3, Protocol::Smtp]
        .into_iter()
        .flat_map(|p| [(p, Security::Tls), (p, Security::StartTls)]);
    for (protocol, security) in every {
        let settings = d.settings(protocol, security, &d.alice);
        let report = probe(&settings, &d.alice.secret(), &options()).await;
        let json = dump(&report);
        assert!(
            report.is_verified(),
            "{protocol} {security:?}: {json}\n{}",
            d.log_text()
        );
        let facts = &report.server_facts;
        let command = if protocol == Protocol::Imap {
            "AUTHENTICATE"
        } else {
            "AUTH"
        };
        assert_eq!(
            facts.auth_used.as_deref(),
            Some(format!("{command} SCRAM-SHA-256").as_str()),
            "{json}"
        );
        let why = facts.auth_reason.as_deref().unwrap_or_default();
        assert!(
            why.starts_with("SCRAM-SHA-256: the server offered it; the password was not sent"),
            "{why}"
        );
        // Dovecot 2.3 offers no -PLUS: the client could bind, so it says `y` (RFC 5802 §6).
        let first = report
            .transcript
            .iter()
            .find(|l| l.direction == Direction::Sent && l.text.contains("SCRAM-SHA-256 "))
            .unwrap_or_else(|| panic!("no SCRAM command in the transcript: {json}"));
        let initial = first.text.rsplit(' ').next().unwrap();
        let client_first = String::from_utf8(B64.decode(initial).unwrap()).unwrap();
        assert!(
            client_first.starts_with(&format!("y,,n={},r=", d.alice.address)),
            "{client_first}"
        );
        assert!(
            report.transcript.iter().any(|l| l.text == "****"),
            "the client-final message is masked whole: {json}"
        );
        assert_eq!(sign_in_lines(&report), 1, "{json}");
        assert_no_proof(&report);
        assert_no_secret(
            "the JSON report",
            &json,
            &d.alice.address,
            &d.alice.password,
        );
    }
}

#[tokio::test]
async fn a_wrong_password_over_scram_is_auth_failed_after_one_attempt() {
    let d = scram_dovecot();
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        let settings = d.settings(protocol, Security::Tls, &d.alice);
        let wrong = SecretString::from("not-alices-password".to_string());
        let report = probe(&settings, &wrong, &options()).await;
        let json = dump(&report);
        let diagnosis = report
            .diagnosis()
            .unwrap_or_else(|| panic!("{protocol}: {json}"));
        assert_eq!(diagnosis.cause, Cause::AuthFailed, "{json}");
        assert!(
            diagnosis
                .server_reply
                .as_deref()
                .is_some_and(|r| r.contains("Authentication failed")),
            "{json}"
        );
        assert_eq!(sign_in_lines(&report), 1, "{json}");
        assert_no_proof(&report);
        assert_no_secret(
            "the JSON report",
            &json,
            &d.alice.address,
            "not-alices-password",
        );
    }
}

#[tokio::test]
async fn a_password_saslprep_refuses_is_explained_before_connecting_and_never_sent() {
    // 🔑 is not in Unicode 3.2: SASLprep (RFC 4013, stored strings) refuses it.
    let d = scram_dovecot();
    let settings = d.settings(Protocol::Imap, Security::Tls, &d.unicode);
    let report = probe(&settings, &d.unicode.secret(), &options()).await;
    let json = dump(&report);
    let diagnosis = report.diagnosis().unwrap_or_else(|| panic!("{json}"));
    assert_eq!(diagnosis.cause, Cause::UnsendableCredentials, "{json}");
    assert!(diagnosis.advice.contains("Nothing was sent"), "{json}");
    let first = &report.transcript[0];
    assert_eq!(first.direction, Direction::Note, "{json}");
    assert!(
        first
            .text
            .starts_with("before connecting: SASLprep (RFC 4013) refuses"),
        "{json}"
    );
    assert_eq!(sign_in_lines(&report), 0, "{json}");
    assert_no_secret(
        "the JSON report",
        &json,
        &d.unicode.address,
        &d.unicode.password,
    );

    // Where the server also offers PLAIN, PLAIN carries it, and the report says why.
    let server = Script::new(Protocol::Imap)
        .auth_caps(&["AUTH=SCRAM-SHA-256", "AUTH=PLAIN"])
        .start();
    let settings = server.settings(Protocol::Imap, Security::Tls);
    let report = probe(&settings, &d.unicode.secret(), &options()).await;
    let json = dump(&report);
    assert!(report.is_verified(), "{json}");
    let facts = &report.server_facts;
    assert_eq!(facts.auth_used.as_deref(), Some("AUTHENTICATE PLAIN"));
    assert!(
        facts
            .auth_reason
            .as_deref()
            .is_some_and(|r| r.contains("SCRAM-SHA-256 is offered, but SASLprep")),
        "{json}"
    );
}

#[tokio::test]
async fn scram_sha_256_plus_binds_to_tls_1_3_and_tls_1_2_and_verifies() {
    let password = "a Bound secret 9";
    for (server, kind) in [
        (ScramServer::new(Offer::Plus, password), "tls-exporter"),
        // Without SASL-IR the client-first message waits for the `+` continuation.
        (
            ScramServer::new(Offer::Plus, password)
                .tls12()
                .without_sasl_ir(),
            "tls-server-end-point",
        ),
    ] {
        let server = server.start();
        let settings = server.settings(Protocol::Imap, Security::Tls);
        let report = probe(&settings, &SecretString::from(password), &options()).await;
        let json = dump(&report);
        assert!(report.is_verified(), "{kind}: {json}");
        let facts = &report.server_facts;
        assert_eq!(
            facts.auth_used.as_deref(),
            Some("AUTHENTICATE SCRAM-SHA-256-PLUS"),
            "{json}"
        );
        assert!(
            facts
                .auth_reason
                .as_deref()
                .is_some_and(|r| r.contains(&format!("bound to this TLS connection ({kind})"))),
            "{json}"
        );
        assert_eq!(sign_ins(&server.received()), 1, "{:?}", server.received());
        assert_no_proof(&report);
        assert_no_secret("the JSON report", &json, USER, password);
    }
}

#[tokio::test]
async fn an_inspecting_relay_in_between_is_proven_by_the_channel_binding() {
    let password = "a Bound secret 9";
    let server = ScramServer::new(Offer::Plus, password).start();
    let relay = mitm::start(server.addr());
    // The relay's root is trusted: TLS alone sees nothing wrong (a warning at most).
    let mut opts = options();
    opts.trust = CertTrust::with_ca_file(&relay.root_pem).unwrap();
    let mut settings = server.settings(Protocol::Imap, Security::Tls);
    settings.port = relay.port;
    let report = probe(&settings, &SecretString::from(password), &opts).await;
    let json = dump(&report);
    let diagnosis = report.diagnosis().unwrap_or_else(|| panic!("{json}"));
    assert_eq!(diagnosis.cause, Cause::TlsInterceptedProven, "{json}");
    assert!(
        diagnosis
            .detail
            .contains("the channel binding does not match"),
        "{json}"
    );
    assert!(
        diagnosis.advice.contains("not the one this computer made"),
        "{json}"
    );
    assert_eq!(sign_ins(&server.received()), 1, "{:?}", server.received());
    assert_no_proof(&report);
    assert_no_secret("the JSON report", &json, USER, password);
}

#[tokio::test]
async fn a_removed_plus_offer_is_reported_as_a_downgrade() {
    let password = "a Bound secret 9";
    let server = ScramServer::new(Offer::Stripped, password).start();
    let settings = server.settings(Protocol::Imap, Security::Tls);
    let report = probe(&settings, &SecretString::from(password), &options()).await;
    let json = dump(&report);
    let diagnosis = report.diagnosis().unwrap_or_else(|| panic!("{json}"));
    assert_eq!(diagnosis.cause, Cause::TlsInterceptedProven, "{json}");
    assert!(
        diagnosis
            .detail
            .contains("its offer of -PLUS did not reach us"),
        "{json}"
    );
    assert!(diagnosis.advice.contains("(a downgrade)"), "{json}");
    // The server's own refusal after the exchange is kept as its words.
    assert!(
        diagnosis
            .server_reply
            .as_deref()
            .is_some_and(|r| r.contains("server-does-support-channel-binding")),
        "{json}"
    );
    assert_eq!(sign_ins(&server.received()), 1, "{:?}", server.received());
}

#[tokio::test]
async fn a_server_that_does_not_know_the_password_cannot_pass() {
    let password = "a Bound secret 9";
    let server = ScramServer::new(Offer::Impostor, password).start();
    let settings = server.settings(Protocol::Imap, Security::Tls);
    let report = probe(&settings, &SecretString::from(password), &options()).await;
    let json = dump(&report);
    let diagnosis = report.diagnosis().unwrap_or_else(|| panic!("{json}"));
    assert_eq!(diagnosis.cause, Cause::TlsInterceptedProven, "{json}");
    assert!(
        diagnosis.detail.contains("the server's signature is wrong"),
        "{json}"
    );
    // We cancelled instead of completing the impostor's exchange; nothing else was tried.
    let received = server.received();
    assert!(received.iter().any(|l| l == "*"), "{received:?}");
    assert_eq!(sign_ins(&received), 1, "{received:?}");
}

#[test]
fn the_cli_json_and_text_say_which_mechanism_was_used_and_why() {
    let d = scram_dovecot();
    let settings = d.settings(Protocol::Imap, Security::Tls, &d.alice);
    let port = format!("{}:{}/tls", settings.host, settings.port);
    let run = |json: bool| {
        let mut cmd = Command::new(BIN);
        cmd.args([
            "diagnose",
            &d.alice.address,
            "--imap",
            &port,
            "--ca-file",
            &d.ca_file.display().to_string(),
            "--password-env",
            "P",
            "--timeout",
            "5",
        ]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd
            .env("P", &d.alice.password)
            .env("MAILSETUP_LANG", "en-US")
            .env_remove("RUST_LOG")
            .output()
            .expect("run mailsetup");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "{text}");
        assert_no_secret("the output", &text, &d.alice.address, &d.alice.password);
        text
    };
    let json = run(true);
    let value: serde_json::Value = serde_json::from_str(json.trim()).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {json}");
    });
    let text = value.to_string();
    assert!(
        text.contains("\"auth_used\":\"AUTHENTICATE SCRAM-SHA-256\""),
        "{json}"
    );
    assert!(text.contains("the password was not sent"), "{json}");
    let human = run(false);
    assert!(human.contains("AUTHENTICATE SCRAM-SHA-256"), "{human}");
    assert!(human.contains("the password was not sent"), "{human}");
}
