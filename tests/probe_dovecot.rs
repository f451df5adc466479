//! Live probes against a real Dovecot (IMAP, POP3, submission) on loopback: every protocol in
//! every security mode, good and wrong passwords, a password with spaces and non-ASCII, the
//! wrong security mode for a port, an untrusted CA, plaintext with and without opt-in, and
//! all three protocols at once. Every report is checked for the password and its base64.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security};
use mailsetup::net::{OverrideResolver, SystemResolver};
use mailsetup::probe::{
    Cause, Direction, ProbeOptions, ProbeReport, StepKind, StepStatus, probe, probe_all,
};
use support::dovecot::{ALICE_MESSAGES, User};
use support::{assert_no_secret, dovecot, options, options_without_ca, pki};

/// Runs `case(protocol, security)` for IMAP, POP3 and SMTP in each listed mode, one test each.
macro_rules! each_protocol {
    ($case:ident: $($mode:ident => $security:ident),+) => {
        mod $case {
            $(
            mod $mode {
                use mailsetup::account::{Protocol, Security};
                #[tokio::test]
                async fn imap() {
                    super::super::$case(Protocol::Imap, Security::$security).await
                }
                #[tokio::test]
                async fn pop3() {
                    super::super::$case(Protocol::Pop3, Security::$security).await
                }
                #[tokio::test]
                async fn smtp() {
                    super::super::$case(Protocol::Smtp, Security::$security).await
                }
            }
            )+
        }
    };
}

/// Probes `user` with `password` and checks the report never shows the password.
async fn run(
    protocol: Protocol,
    security: Security,
    user: &User,
    password: &str,
    opts: &ProbeOptions,
) -> ProbeReport {
    let d = dovecot();
    let settings = d.settings(protocol, security, user);
    let secret = secrecy::SecretString::from(password.to_string());
    let report = probe(&settings, &secret, opts).await;
    assert_redacted(&report, &user.address, password);
    report
}

/// The transcript, the JSON and the Debug form hold neither the password nor its base64.
fn assert_redacted(report: &ProbeReport, user: &str, password: &str) {
    let transcript: String = report
        .transcript
        .iter()
        .map(|l| format!("{:?} {}\n", l.direction, l.text))
        .collect();
    assert_no_secret("the transcript", &transcript, user, password);
    let json = serde_json::to_string_pretty(report).expect("report as JSON");
    assert_no_secret("the JSON report", &json, user, password);
    assert_no_secret("the Debug form", &format!("{report:?}"), user, password);
}

fn cause(report: &ProbeReport) -> Cause {
    match report.diagnosis() {
        Some(d) => d.cause,
        None => panic!("expected a failure, the probe verified:\n{}", dump(report)),
    }
}

fn dump(report: &ProbeReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

fn assert_verified(report: &ProbeReport) {
    assert!(
        report.is_verified(),
        "expected verified, got:\n{}\nDovecot log tail:\n{}",
        dump(report),
        log_tail()
    );
    assert!(
        report.steps.iter().all(|s| s.status == StepStatus::Ok),
        "a step failed in a verified report:\n{}",
        dump(report)
    );
    for kind in [
        StepKind::Connect,
        StepKind::Greeting,
        StepKind::Authenticate,
        StepKind::Logout,
    ] {
        assert!(
            report.steps.iter().any(|s| s.kind == kind),
            "no {kind:?} step:\n{}",
            dump(report)
        );
    }
}

fn log_tail() -> String {
    let log = dovecot().log_text();
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

fn sent_lines(report: &ProbeReport) -> Vec<String> {
    report
        .transcript
        .iter()
        .filter(|l| l.direction == Direction::Sent)
        .map(|l| l.text.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------------

each_protocol!(good_password_verifies: tls => Tls, starttls => StartTls);

async fn good_password_verifies(protocol: Protocol, security: Security) {
    let d = dovecot();
    let report = run(protocol, security, &d.alice, &d.alice.password, &options()).await;
    assert_verified(&report);

    let tls = report.tls.as_ref().expect("TLS facts");
    assert!(tls.verified);
    assert!(
        tls.version.starts_with("TLSv1."),
        "version {:?}",
        tls.version
    );
    assert!(!tls.cipher_suite.is_empty());
    let leaf = tls.certificates.first().expect("the server certificate");
    assert_eq!(leaf.sha256, pki().server.sha256);
    assert!(
        leaf.sans.contains(&"IP:127.0.0.1".to_string()),
        "{:?}",
        leaf.sans
    );
    if security == Security::StartTls {
        assert!(report.steps.iter().any(|s| s.kind == StepKind::StartTls));
    }

    let facts = &report.server_facts;
    assert!(facts.greeting.is_some());
    assert!(!facts.capabilities.is_empty());
    match protocol {
        Protocol::Imap => assert_eq!(facts.messages, Some(ALICE_MESSAGES)),
        Protocol::Pop3 => {
            assert_eq!(facts.messages, Some(ALICE_MESSAGES));
            assert!(facts.mailbox_octets.unwrap_or(0) > 0, "{facts:?}");
        }
        Protocol::Smtp => {
            let mechs: Vec<String> = facts
                .auth_mechanisms
                .iter()
                .map(|m| m.to_uppercase())
                .collect();
            assert!(mechs.contains(&"PLAIN".to_string()), "{mechs:?}");
        }
    }
    // The credentials line is in the transcript, masked.
    assert!(
        sent_lines(&report).iter().any(|l| l.contains("****")),
        "no masked credentials line in {:?}",
        sent_lines(&report)
    );
}

each_protocol!(wrong_password_is_auth_failed_with_the_server_words: tls => Tls, starttls => StartTls);

async fn wrong_password_is_auth_failed_with_the_server_words(
    protocol: Protocol,
    security: Security,
) {
    let d = dovecot();
    let wrong = format!("{}-wrong", d.alice.password);
    let report = run(protocol, security, &d.alice, &wrong, &options()).await;
    assert_eq!(cause(&report), Cause::AuthFailed, "{}", dump(&report));
    let diagnosis = report.diagnosis().expect("diagnosis");
    assert_eq!(diagnosis.step, StepKind::Authenticate);
    let reply = diagnosis.server_reply.as_deref().unwrap_or("");
    let expected = match protocol {
        Protocol::Imap => "[AUTHENTICATIONFAILED] Authentication failed.",
        Protocol::Pop3 => "-ERR [AUTH] Authentication failed.",
        Protocol::Smtp => "535 5.7.8 Authentication failed.",
    };
    assert!(
        reply.contains(expected),
        "server_reply {reply:?} lacks {expected:?}"
    );
    assert!(!diagnosis.advice.is_empty() && !diagnosis.summary.is_empty());
    // The real password must not show up either (the wrong one is its prefix + "-wrong").
    assert_redacted(&report, &d.alice.address, &d.alice.password);
}

each_protocol!(password_with_spaces_and_non_ascii_verifies: tls => Tls, starttls => StartTls);

async fn password_with_spaces_and_non_ascii_verifies(protocol: Protocol, security: Security) {
    let d = dovecot();
    let report = run(
        protocol,
        security,
        &d.unicode,
        &d.unicode.password,
        &options(),
    )
    .await;
    assert_verified(&report);
    if protocol.is_incoming() {
        assert_eq!(report.server_facts.messages, Some(0));
    }
}

each_protocol!(tls_on_the_plaintext_port: tls => Tls);

async fn tls_on_the_plaintext_port(protocol: Protocol, _security: Security) {
    let d = dovecot();
    let mut settings = d.settings(protocol, Security::Tls, &d.alice);
    let plain = d.listener(protocol, Security::StartTls);
    settings.host = plain.host.clone();
    settings.port = plain.port;
    let started = Instant::now();
    let report = probe(&settings, &d.alice.secret(), &options()).await;
    assert_redacted(&report, &d.alice.address, &d.alice.password);
    assert_eq!(
        cause(&report),
        Cause::TlsOnPlaintextPort,
        "{}",
        dump(&report)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // What the port said instead (its greeting) is in the diagnosis.
    let reply = report
        .diagnosis()
        .and_then(|d| d.server_reply.clone())
        .unwrap_or_default();
    let greeting = match protocol {
        Protocol::Imap => "* OK",
        Protocol::Pop3 => "+OK",
        Protocol::Smtp => "220",
    };
    assert!(reply.starts_with(greeting), "server_reply {reply:?}");
}

each_protocol!(starttls_on_the_tls_port: starttls => StartTls);

async fn starttls_on_the_tls_port(protocol: Protocol, _security: Security) {
    let d = dovecot();
    let mut settings = d.settings(protocol, Security::StartTls, &d.alice);
    let tls = d.listener(protocol, Security::Tls);
    settings.host = tls.host.clone();
    settings.port = tls.port;
    // A generous greeting deadline: the wrong mode must be found long before it passes.
    let mut opts = options();
    opts.timeouts.greeting = Duration::from_secs(10);
    let started = Instant::now();
    let report = probe(&settings, &d.alice.secret(), &opts).await;
    assert_redacted(&report, &d.alice.address, &d.alice.password);
    assert_eq!(
        cause(&report),
        Cause::PlaintextOnTlsPort,
        "{}",
        dump(&report)
    );
    // A short silence, then a TLS check of the port; not the greeting deadline.
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(4), "took {elapsed:?}");
    assert!(
        !sent_lines(&report).iter().any(|l| l.contains("****")),
        "credentials were sent: {:?}",
        sent_lines(&report)
    );
}

each_protocol!(untrusted_ca_shows_the_chain: tls => Tls, starttls => StartTls);

async fn untrusted_ca_shows_the_chain(protocol: Protocol, security: Security) {
    let d = dovecot();
    let report = run(
        protocol,
        security,
        &d.alice,
        &d.alice.password,
        &options_without_ca(),
    )
    .await;
    assert_eq!(
        cause(&report),
        Cause::CertificateUntrusted,
        "{}",
        dump(&report)
    );
    let step = report.diagnosis().expect("diagnosis").step;
    let expected_step = if security == Security::Tls {
        StepKind::Tls
    } else {
        StepKind::StartTls
    };
    assert_eq!(step, expected_step);
    let tls = report
        .tls
        .as_ref()
        .expect("the chain is reported although it was rejected");
    assert!(!tls.verified);
    let leaf = tls.certificates.first().expect("leaf certificate");
    assert!(
        leaf.subject.contains("server.mailsetup.test"),
        "{}",
        leaf.subject
    );
    assert!(leaf.issuer.contains("mailsetup test CA"), "{}", leaf.issuer);
    for san in ["DNS:localhost", "IP:127.0.0.1", "IP:127.0.0.2", "IP:::1"] {
        assert!(
            leaf.sans.iter().any(|s| s == san),
            "{san} missing from {:?}",
            leaf.sans
        );
    }
    assert_eq!(leaf.sha256, pki().server.sha256);
    assert!(!leaf.not_before.is_empty() && !leaf.not_after.is_empty());
    assert!(
        !sent_lines(&report).iter().any(|l| l.contains("****")),
        "credentials were sent to an untrusted server"
    );
}

each_protocol!(plaintext_without_opt_in_is_refused_by_us: plain => Plain);

async fn plaintext_without_opt_in_is_refused_by_us(protocol: Protocol, security: Security) {
    let d = dovecot();
    let report = run(protocol, security, &d.alice, &d.alice.password, &options()).await;
    assert_eq!(
        cause(&report),
        Cause::InsecureConnectionRefused,
        "{}",
        dump(&report)
    );
    assert!(report.tls.is_none());
    assert!(
        !sent_lines(&report).iter().any(|l| l.contains("****")),
        "credentials were sent unencrypted: {:?}",
        sent_lines(&report)
    );
}

each_protocol!(plaintext_with_opt_in_is_refused_by_the_server: plain => Plain);

async fn plaintext_with_opt_in_is_refused_by_the_server(protocol: Protocol, security: Security) {
    let d = dovecot();
    let mut opts = options();
    opts.allow_plaintext = true;
    let report = run(protocol, security, &d.alice, &d.alice.password, &opts).await;
    assert_eq!(
        cause(&report),
        Cause::PlaintextAuthRefused,
        "{}",
        dump(&report)
    );
    assert_eq!(
        report.diagnosis().expect("diagnosis").step,
        StepKind::Authenticate
    );
}

#[tokio::test]
async fn all_three_protocols_verify_concurrently() {
    let d = dovecot();
    let servers = [
        d.settings(Protocol::Imap, Security::Tls, &d.alice),
        d.settings(Protocol::Pop3, Security::StartTls, &d.alice),
        d.settings(Protocol::Smtp, Security::Tls, &d.alice),
    ];
    let reports = probe_all(&servers, &d.alice.secret(), &options()).await;
    assert_eq!(reports.len(), 3);
    for (report, server) in reports.iter().zip(&servers) {
        assert_eq!(
            &report.server, server,
            "reports come back in the order asked"
        );
        assert_verified(report);
        assert_redacted(report, &d.alice.address, &d.alice.password);
    }
    assert_eq!(reports[0].server_facts.messages, Some(ALICE_MESSAGES));
}

#[tokio::test]
async fn host_name_with_ipv6_and_ipv4_addresses_is_raced() {
    // A dual-stack name: ::1 first, then 127.0.0.1. Dovecot listens on 127.0.0.1 only, so
    // the race must fall through to it; the certificate carries DNS:localhost.
    let d = dovecot();
    let mut settings = d.settings(Protocol::Imap, Security::Tls, &d.alice);
    settings.host = "localhost".into();
    let mut resolver = OverrideResolver::new(Arc::new(SystemResolver));
    resolver.insert("localhost", "::1".parse().expect("address"));
    resolver.insert("localhost", "127.0.0.1".parse().expect("address"));
    let mut opts = options();
    opts.resolver = Arc::new(resolver);
    let report = probe(&settings, &d.alice.secret(), &opts).await;
    assert_verified(&report);
    assert_eq!(report.server_facts.addresses, ["::1", "127.0.0.1"]);
    assert_eq!(
        report.server_facts.connected_to.as_deref(),
        Some(d.imaps.hostport().as_str())
    );
}
