//! The round trip against real parts: Dovecot's submission service relays to a real Postfix,
//! which delivers over LMTP into Dovecot's mailboxes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod round_trip_cli;
mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::probe::{Cause, StepKind};
use mailsetup::roundtrip::{self, RoundTrip, RoundTripOptions, RoundTripReport};
use support::dovecot_with_mta;

/// Counts the messages in a user's Maildir (new and cur).
fn maildir_count(user: &str) -> usize {
    let d = dovecot_with_mta();
    ["new", "cur"]
        .iter()
        .map(|sub| {
            std::fs::read_dir(d.dir.join("mail").join(user).join("Maildir").join(sub))
                .map(|r| r.count())
                .unwrap_or(0)
        })
        .sum()
}

#[test]
fn the_test_mta_delivers_into_the_mailbox_over_lmtp() {
    let d = dovecot_with_mta();
    let mta = d.mta.as_ref().expect("the MTA runs");
    let before = maildir_count(&d.traveller.address);
    let mut s = TcpStream::connect(("127.0.0.1", mta.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut r = BufReader::new(s.try_clone().unwrap());
    let mut line = String::new();
    let mut expect = |r: &mut BufReader<TcpStream>, code: &str| loop {
        line.clear();
        r.read_line(&mut line).unwrap();
        assert!(line.starts_with(code), "expected {code}, got {line:?}");
        if line.as_bytes().get(3) == Some(&b' ') {
            break;
        }
    };
    expect(&mut r, "220");
    let to = &d.traveller.address;
    for (cmd, code) in [
        ("EHLO test".to_string(), "250"),
        (format!("MAIL FROM:<{to}>"), "250"),
        (format!("RCPT TO:<{to}>"), "250"),
        ("DATA".to_string(), "354"),
        (
            "Subject: t\r\nMessage-ID: <harness@x>\r\n\r\nhi\r\n.".to_string(),
            "250",
        ),
        ("QUIT".to_string(), "221"),
    ] {
        write!(s, "{cmd}\r\n").unwrap();
        expect(&mut r, code);
    }
    let arrived = support::wait_until(Duration::from_secs(20), || {
        maildir_count(&d.traveller.address) > before
    });
    assert!(arrived, "not delivered; Postfix log:\n{}", mta.log_text());
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A round trip for `user` over implicit TLS with `incoming`, waiting at most `deadline`.
fn round_trip(
    user: &support::dovecot::User,
    incoming: Protocol,
    deadline: Duration,
) -> RoundTripReport {
    let d = dovecot_with_mta();
    let address = EmailAddress::parse(&user.address).unwrap();
    let smtp = d.settings(Protocol::Smtp, Security::Tls, user);
    let inbox = d.settings(incoming, Security::Tls, user);
    let rt = RoundTripOptions {
        deadline,
        every: Duration::from_millis(200),
    };
    runtime().block_on(roundtrip::round_trip(
        &address,
        &smtp,
        &inbox,
        &user.secret(),
        &support::options(),
        &rt,
    ))
}

fn assert_no_password(report: &RoundTripReport, user: &support::dovecot::User) {
    let json = serde_json::to_string(report).unwrap();
    support::assert_no_secret("round-trip JSON", &json, &user.address, &user.password);
    let debug = format!("{report:?}");
    support::assert_no_secret("round-trip Debug", &debug, &user.address, &user.password);
}

#[test]
fn a_message_sent_through_submission_arrives_over_imap_and_is_deleted() {
    let d = dovecot_with_mta();
    let before = maildir_count(&d.traveller.address);
    let report = round_trip(&d.traveller, Protocol::Imap, Duration::from_secs(30));
    assert_no_password(&report, &d.traveller);
    match &report.outcome {
        RoundTrip::Arrived {
            after_ms, deleted, ..
        } => {
            assert!(*deleted, "{report:#?}");
            assert!(*after_ms < 30_000);
        }
        other => panic!(
            "expected Arrived, got {other:?}\nPostfix:\n{}",
            d.mta.as_ref().unwrap().log_text()
        ),
    }
    assert!(report.message_id.starts_with("mailsetup-test."));
    let sent = report.sent.server_facts.test_message.as_ref().unwrap();
    assert!(sent.queue_id.is_some(), "{sent:?}");
    // The search found it and the steps say so, in order.
    let searched = report.searched.as_ref().unwrap();
    let kinds: Vec<StepKind> = searched.steps.iter().map(|s| s.kind).collect();
    let find = kinds
        .iter()
        .position(|k| *k == StepKind::FindMessage)
        .unwrap();
    let delete = kinds
        .iter()
        .position(|k| *k == StepKind::DeleteMessage)
        .unwrap();
    assert!(find < delete, "{kinds:?}");
    // Nothing is left behind.
    assert!(
        support::wait_until(Duration::from_secs(5), || maildir_count(
            &d.traveller.address
        ) == before),
        "the test message is still in the mailbox"
    );
}

#[test]
fn a_message_sent_through_submission_arrives_over_pop3_and_is_deleted() {
    let d = dovecot_with_mta();
    let user = &d.unicode_traveller;
    let before = maildir_count(&user.address);
    let report = round_trip(user, Protocol::Pop3, Duration::from_secs(30));
    assert_no_password(&report, user);
    assert!(
        matches!(report.outcome, RoundTrip::Arrived { deleted: true, .. }),
        "{:#?}",
        report.outcome
    );
    assert!(report.looks >= 1);
    assert!(
        support::wait_until(Duration::from_secs(5), || maildir_count(&user.address)
            == before),
        "the test message is still in the mailbox"
    );
}

#[test]
fn a_relay_that_never_delivers_gives_not_arrived_with_the_queue_id() {
    let d = dovecot_with_mta();
    let report = round_trip(&d.stranded, Protocol::Imap, Duration::from_secs(3));
    assert_no_password(&report, &d.stranded);
    match &report.outcome {
        RoundTrip::NotArrived {
            waited_ms,
            queue_id,
            accepted,
        } => {
            assert!(*waited_ms >= 3_000, "{waited_ms}");
            assert!(queue_id.is_some(), "{accepted:?}");
        }
        other => panic!("expected NotArrived, got {other:?}"),
    }
    let searched = report.searched.as_ref().unwrap();
    assert_eq!(
        searched.diagnosis().map(|d| d.cause),
        Some(Cause::MessageNotArrived)
    );
    assert!(
        report.summary().contains("not in the inbox"),
        "{}",
        report.summary()
    );
    // Nothing arrived, so nothing is left in the mailbox.
    assert_eq!(maildir_count(&d.stranded.address), 0);
}

/// `mailsetup diagnose … --round-trip` over IMAP (`support::dovecot::cli_round_trip`).
fn cli_round_trip(user: &support::dovecot::User, extra: &[&str]) -> (i32, String, String) {
    round_trip_cli::cli_round_trip(user, Protocol::Imap, extra)
}

#[test]
fn the_cli_round_trip_reports_the_arrival_in_json() {
    let d = dovecot_with_mta();
    let (code, stdout, stderr) = cli_round_trip(&d.traveller, &["--json"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        doc["round_trip"]["outcome"]["status"], "arrived",
        "{stdout}"
    );
    assert_eq!(doc["round_trip"]["outcome"]["deleted"], true);
    assert_eq!(doc["verified"], true);
}

#[test]
fn the_cli_says_when_the_message_never_arrives_and_exits_1() {
    let d = dovecot_with_mta();
    let (code, stdout, stderr) = cli_round_trip(&d.stranded, &["--round-trip-timeout", "2"]);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(stdout.contains("Round trip — FAIL"), "{stdout}");
    assert!(stdout.contains("queue id"), "{stdout}");
    assert!(stdout.contains("spam"), "{stdout}");
    assert!(stdout.contains("FAIL  find the test message"), "{stdout}");
}

#[test]
fn a_round_trip_timeout_of_zero_is_a_usage_error() {
    let d = dovecot_with_mta();
    let (code, _, stderr) = cli_round_trip(&d.traveller, &["--round-trip-timeout", "0"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--round-trip-timeout"), "{stderr}");
}
