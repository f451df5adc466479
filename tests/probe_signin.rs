//! Sign-in exact for every password, in the fewest round trips the RFCs allow (issue 10).
//!
//! Against the strict scripted servers of `support::strict` (implicit TLS; they read bytes and
//! accept only what RFC 9051 / 3501, RFC 7888, RFC 4959, RFC 4616, RFC 1939 / 2449 / 5034,
//! RFC 4954 and RFC 2920 allow), ASCII, quote-and-backslash, Latin-1-range, CJK and emoji
//! passwords must each sign in over IMAP, POP3 and SMTP with exactly one attempt, the
//! mechanism and the reason in the report, and the password in no output; a wrong password
//! is `auth_failed` after one attempt. The client's flights of commands are counted through a
//! delay proxy, against the strict servers and the real Dovecot. The real Dovecot sign-in with
//! spaces and non-ASCII over every protocol and mode is also in `probe_dovecot.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mailsetup::account::{Protocol, Security};
use mailsetup::probe::{Cause, ProbeReport, probe};
use secrecy::SecretString;
use support::faults::USER;
use support::strict::{MESSAGES, Raw, Strict};
use support::{assert_no_secret, dovecot, options};

/// Passwords of every kind: ASCII, IMAP quoted-specials, Latin-1 range, CJK, emoji.
const PASSWORDS: [(&str, &str); 5] = [
    ("ASCII", "correct horse battery staple"),
    ("quote and backslash", r#"p"a\ss w"#),
    ("Latin-1", "pässwörd-ÿ§"),
    ("CJK", "密码口令安全"),
    ("emoji", "🔑🐙 geheim"),
];

// ---------------------------------------------------------------------------------------------

fn dump(report: &ProbeReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// Signs in with every kind of password against a strict server offering `caps`; each must
/// verify with one attempt, using `expected` (the report's `auth_used`).
async fn every_password(protocol: Protocol, caps: &[&'static str], greeting: bool, expected: &str) {
    for (kind, password) in PASSWORDS {
        let mut strict = Strict::new(protocol, caps, password);
        strict.greeting_caps = greeting;
        let server = strict.start();
        let settings = server.settings(protocol, Security::Tls);
        let report = probe(
            &settings,
            &SecretString::from(password.to_string()),
            &options(),
        )
        .await;
        let json = dump(&report);
        assert!(
            report.is_verified(),
            "{protocol} {caps:?}, {kind} password did not verify:\n{json}"
        );
        let facts = &report.server_facts;
        assert_eq!(facts.auth_used.as_deref(), Some(expected), "{kind}: {json}");
        assert!(
            facts.auth_reason.as_deref().is_some_and(|r| !r.is_empty()),
            "{json}"
        );
        if protocol.is_incoming() {
            assert_eq!(facts.messages, Some(MESSAGES), "{kind}: {json}");
        }
        assert_eq!(
            server.sign_in_attempts(),
            1,
            "{kind}: {:?}",
            server.received()
        );
        assert_no_secret("the JSON report", &json, USER, password);
        assert_no_secret("the Debug form", &format!("{report:?}"), USER, password);
    }
}

#[tokio::test]
async fn imap_sasl_ir_signs_in_every_password_in_one_command() {
    let caps = ["IMAP4rev1", "SASL-IR", "AUTH=PLAIN", "LITERAL+"];
    every_password(Protocol::Imap, &caps, true, "AUTHENTICATE PLAIN").await;
}

#[tokio::test]
async fn imap_without_extensions_uses_quoted_strings_or_synchronizing_literals() {
    every_password(Protocol::Imap, &["IMAP4rev1"], false, "LOGIN").await;
}

#[tokio::test]
async fn imap_literal_plus_and_literal_minus_send_literals_without_waiting() {
    every_password(Protocol::Imap, &["IMAP4rev1", "LITERAL+"], false, "LOGIN").await;
    every_password(Protocol::Imap, &["IMAP4rev1", "LITERAL-"], true, "LOGIN").await;
}

#[tokio::test]
async fn imap_login_disabled_uses_authenticate_plain_after_the_continuation() {
    let caps = ["IMAP4rev1", "LOGINDISABLED", "AUTH=PLAIN"];
    every_password(Protocol::Imap, &caps, false, "AUTHENTICATE PLAIN").await;
}

#[tokio::test]
async fn imap_8bit_password_goes_as_a_literal_and_the_report_says_why() {
    let strict = Strict::new(Protocol::Imap, &["IMAP4rev1"], "pässwörd");
    let server = strict.start();
    let settings = server.settings(Protocol::Imap, Security::Tls);
    let report = probe(&settings, &SecretString::from("pässwörd"), &options()).await;
    assert!(report.is_verified(), "{}", dump(&report));
    let received = server.received();
    assert!(
        received
            .iter()
            .any(|l| l.ends_with(&format!(" LOGIN \"{USER}\" {{10}}"))),
        "{received:?}"
    );
    let why = report.server_facts.auth_reason.clone().unwrap_or_default();
    assert!(why.contains("synchronizing literals"), "{why}");
    let text = mailsetup::report::text(&report, false);
    assert!(
        text.contains("why:  LOGIN with synchronizing literals"),
        "{text}"
    );
    let markdown = mailsetup::report::markdown(&report);
    assert!(markdown.contains("**Sign-in:** LOGIN — "), "{markdown}");
}

#[tokio::test]
async fn pop3_auth_plain_with_and_without_pipelining() {
    let caps = ["USER", "SASL PLAIN", "PIPELINING"];
    every_password(Protocol::Pop3, &caps, false, "AUTH PLAIN").await;
    every_password(Protocol::Pop3, &["SASL PLAIN"], false, "AUTH PLAIN").await;
}

#[tokio::test]
async fn pop3_user_pass_for_ascii_and_an_honest_reason_for_8bit() {
    for (caps, password) in [
        (vec!["USER"], "correct horse"),
        (vec!["USER", "PIPELINING"], r#"p"a\ss w"#),
    ] {
        let server = Strict::new(Protocol::Pop3, &caps, password).start();
        let settings = server.settings(Protocol::Pop3, Security::Tls);
        let report = probe(&settings, &SecretString::from(password), &options()).await;
        assert!(report.is_verified(), "{}", dump(&report));
        assert_eq!(report.server_facts.auth_used.as_deref(), Some("USER/PASS"));
    }
    // A strict USER-only server cannot take an 8-bit password: one attempt, its own words,
    // and the report says that RFC 1939 has no room for it.
    let server = Strict::new(Protocol::Pop3, &["USER"], "pässwörd").start();
    let settings = server.settings(Protocol::Pop3, Security::Tls);
    let report = probe(&settings, &SecretString::from("pässwörd"), &options()).await;
    let why = report.server_facts.auth_reason.clone().unwrap_or_default();
    assert!(why.contains("RFC 1939 defines ASCII only"), "{why}");
    let d = report.diagnosis().expect("refused");
    assert!(
        d.server_reply
            .as_deref()
            .unwrap_or("")
            .contains("printable ASCII"),
        "{}",
        dump(&report)
    );
    assert_eq!(server.sign_in_attempts(), 1);
}

#[tokio::test]
async fn smtp_plain_login_and_pipelining_as_offered() {
    let caps = ["PIPELINING", "AUTH PLAIN LOGIN"];
    every_password(Protocol::Smtp, &caps, false, "AUTH PLAIN").await;
    every_password(Protocol::Smtp, &["AUTH PLAIN"], false, "AUTH PLAIN").await;
    every_password(
        Protocol::Smtp,
        &["PIPELINING", "AUTH LOGIN"],
        false,
        "AUTH LOGIN",
    )
    .await;
}

#[tokio::test]
async fn wrong_password_on_a_strict_server_is_auth_failed_after_one_attempt() {
    for (protocol, caps) in [
        (Protocol::Imap, vec!["IMAP4rev1", "SASL-IR", "AUTH=PLAIN"]),
        (Protocol::Imap, vec!["IMAP4rev1"]),
        (Protocol::Pop3, vec!["USER", "SASL PLAIN", "PIPELINING"]),
        (Protocol::Smtp, vec!["PIPELINING", "AUTH PLAIN"]),
    ] {
        let server = Strict::new(protocol, &caps, "the right one").start();
        let settings = server.settings(protocol, Security::Tls);
        let report = probe(&settings, &SecretString::from("密码 wrong"), &options()).await;
        assert_eq!(
            report.diagnosis().map(|d| d.cause),
            Some(Cause::AuthFailed),
            "{}",
            dump(&report)
        );
        assert_eq!(server.sign_in_attempts(), 1, "{:?}", server.received());
    }
}

#[tokio::test]
async fn dovecot_reports_the_mechanism_and_why() {
    let d = dovecot();
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        for security in [Security::Tls, Security::StartTls] {
            let settings = d.settings(protocol, security, &d.unicode);
            let report = probe(&settings, &d.unicode.secret(), &options()).await;
            assert!(report.is_verified(), "{}", dump(&report));
            let facts = &report.server_facts;
            let expected = match protocol {
                Protocol::Imap => "AUTHENTICATE PLAIN",
                Protocol::Pop3 | Protocol::Smtp => "AUTH PLAIN",
            };
            assert_eq!(
                facts.auth_used.as_deref(),
                Some(expected),
                "{}",
                dump(&report)
            );
            assert!(facts.auth_reason.is_some());
            let json = dump(&report);
            assert!(json.contains("\"auth_reason\""), "{json}");
            assert_no_secret(
                "the JSON report",
                &json,
                &d.unicode.address,
                &d.unicode.password,
            );
        }
    }
}

#[test]
fn the_strict_servers_refuse_what_the_rfcs_forbid() {
    let pw = "pässwörd";
    let imap = Strict::new(Protocol::Imap, &["IMAP4rev1", "AUTH=PLAIN"], pw).start();
    // Each on a new connection: a refused literal leaves its data unread.
    let ask = |bytes: String| Raw::connect(&imap).ask(bytes.as_bytes());
    assert!(ask(format!("a LOGIN \"{USER}\" \"{pw}\"\r\n")).starts_with("a BAD 8-bit"));
    let plus = format!("b LOGIN \"{USER}\" {{{}+}}\r\n{pw}\r\n", pw.len());
    assert!(ask(plus).starts_with("b BAD non-synchronizing"));
    let ahead = format!("c LOGIN \"{USER}\" {{{}}}\r\n{pw}\r\n", pw.len());
    assert!(ask(ahead).starts_with("c BAD literal data sent before"));
    let ir = format!(
        "d AUTHENTICATE PLAIN {}\r\n",
        B64.encode(format!("\0{USER}\0{pw}"))
    );
    assert!(ask(ir).starts_with("d BAD initial response"));
    // The same password the way the RFC allows: a synchronizing literal after `+`.
    let mut c = Raw::connect(&imap);
    let announce = format!("e LOGIN \"{USER}\" {{{}}}\r\n", pw.len());
    assert!(c.ask(announce.as_bytes()).starts_with('+'));
    assert_eq!(c.ask(format!("{pw}\r\n").as_bytes()), "e OK Logged in");

    let pop3 = Strict::new(Protocol::Pop3, &["USER", "SASL PLAIN"], pw).start();
    let mut c = Raw::connect(&pop3);
    let long = format!("AUTH PLAIN {}\r\n", "A".repeat(250));
    assert!(c.ask(long.as_bytes()).contains("255 octets"));
    assert_eq!(c.ask(format!("USER {USER}\r\n").as_bytes()), "+OK");
    assert!(
        c.ask(format!("PASS {pw}\r\n").as_bytes())
            .contains("printable ASCII")
    );
    assert!(
        c.ask(b"STAT\r\nQUIT\r\n")
            .contains("pipelining was not offered")
    );

    let smtp = Strict::new(Protocol::Smtp, &["AUTH PLAIN LOGIN"], pw).start();
    let mut c = Raw::connect(&smtp);
    let pipelined = format!(
        "AUTH PLAIN {}\r\nQUIT\r\n",
        B64.encode(format!("\0{USER}\0{pw}"))
    );
    assert!(c.ask(pipelined.as_bytes()).starts_with("503"));
}

/// Counts the client's flights of commands to a strict server whose answers are delayed by
/// `PACE` (a proxy), while commands reach it at once: lines further apart than half of `PACE`
/// belong to different flights, each a round trip the client waited for.
async fn flights(protocol: Protocol, caps: &[&'static str], greeting: bool) -> usize {
    const PACE: Duration = Duration::from_millis(300);
    let mut strict = Strict::new(protocol, caps, "pässwörd");
    strict.greeting_caps = greeting;
    let arrivals = strict.arrivals.clone();
    let server = strict.start();
    let mut settings = server.settings(protocol, Security::Tls);
    settings.port = support::delay::proxy(server.addr(), Duration::ZERO, PACE).await;
    let report = probe(&settings, &SecretString::from("pässwörd"), &options()).await;
    assert!(report.is_verified(), "{}", dump(&report));
    let times = arrivals.lock().unwrap_or_else(|p| p.into_inner()).clone();
    1 + times
        .windows(2)
        .filter(|w| w[1].duration_since(w[0]) > PACE / 2)
        .count()
}

#[tokio::test]
async fn each_protocol_speaks_in_the_fewest_flights_the_rfcs_allow() {
    let (imap, pop3, smtp) = tokio::join!(
        // Capabilities from the greeting; AUTHENTICATE PLAIN + SASL-IR; EXAMINE + LOGOUT.
        flights(
            Protocol::Imap,
            &["IMAP4rev1", "SASL-IR", "AUTH=PLAIN"],
            true
        ),
        // CAPA; AUTH PLAIN + STAT + QUIT.
        flights(Protocol::Pop3, &["USER", "SASL PLAIN", "PIPELINING"], false),
        // EHLO; AUTH PLAIN + QUIT.
        flights(Protocol::Smtp, &["PIPELINING", "AUTH PLAIN"], false),
    );
    assert_eq!((imap, pop3, smtp), (2, 2, 2));
    let (imap, pop3, smtp) = tokio::join!(
        // CAPABILITY; LOGIN {n} (waits for +); the literal; EXAMINE + LOGOUT.
        flights(Protocol::Imap, &["IMAP4rev1"], false),
        // CAPA; AUTH; STAT; QUIT.
        flights(Protocol::Pop3, &["SASL PLAIN"], false),
        // EHLO; AUTH; QUIT.
        flights(Protocol::Smtp, &["AUTH PLAIN"], false),
    );
    assert_eq!((imap, pop3, smtp), (4, 4, 3));
}

/// The client's flights of commands to the real Dovecot, from the transcript's times, with
/// every answer delayed by `PACE` (a proxy).
async fn dovecot_flights(protocol: Protocol, security: Security) -> usize {
    const PACE: Duration = Duration::from_millis(200);
    let d = dovecot();
    let mut settings = d.settings(protocol, security, &d.unicode);
    let target = format!("{}:{}", settings.host, settings.port)
        .parse()
        .expect("address");
    settings.host = "127.0.0.1".into();
    settings.port = support::delay::proxy(target, Duration::ZERO, PACE).await;
    let report = probe(&settings, &d.unicode.secret(), &options()).await;
    assert!(report.is_verified(), "{}", dump(&report));
    let sent: Vec<u64> = report
        .transcript
        .iter()
        .filter(|l| l.direction == mailsetup::probe::Direction::Sent)
        .map(|l| l.at_ms)
        .collect();
    1 + sent
        .windows(2)
        .filter(|w| w[1] - w[0] > PACE.as_millis() as u64 / 2)
        .count()
}

#[tokio::test]
async fn dovecot_is_verified_in_the_fewest_flights_the_rfcs_allow() {
    use Protocol::{Imap, Pop3, Smtp};
    use Security::{StartTls, Tls};
    let got = futures::future::join_all(
        [Imap, Pop3, Smtp]
            .into_iter()
            .flat_map(|p| [Tls, StartTls].map(|s| dovecot_flights(p, s))),
    )
    .await;
    // Implicit TLS: one flight to sign in (IMAP takes the capabilities from the greeting; POP3
    // asks CAPA, SMTP says EHLO) and one for the rest, pipelined. STARTTLS: the command, the
    // capabilities again after TLS (RFC 2595 / 3207), sign-in, the rest.
    assert_eq!(got, [2, 4, 2, 4, 2, 4], "IMAP, POP3, SMTP × TLS, STARTTLS");
}
