//! Real providers' refusals: every reply of the corpus in `tests/data/replies.json` (found in
//! providers' help pages, RFC examples, mail clients' bug trackers and server source code;
//! the source is noted beside each) goes through the real diagnosis for its protocol and
//! step, and must give the cause listed there — with provider-specific advice where the
//! provider is known. Then scripted servers show that a reply in none of the protocol's
//! refusal forms is a protocol error, not a wrong password.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use mailsetup::account::{Protocol, Security};
use mailsetup::probe::diagnosis::provider_of;
use mailsetup::probe::{
    Cause, Failure, ProbeReport, ServerContext, StepKind, Timeouts, diagnose_at, probe,
};
use secrecy::SecretString;
use serde::Deserialize;
use support::script::Script;

#[derive(Debug, Deserialize)]
struct Corpus {
    version: u32,
    replies: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    id: String,
    family: String,
    protocol: Protocol,
    step: String,
    #[serde(default)]
    host: Option<String>,
    #[serde(default)]
    greeting: Option<String>,
    #[serde(default)]
    provider: Option<String>,
    reply: String,
    cause: String,
    #[serde(default)]
    advice_mentions: Option<String>,
    source: String,
    note: String,
}

fn corpus() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/replies.json");
    let text = std::fs::read_to_string(path).expect("read tests/data/replies.json");
    serde_json::from_str(&text).expect("tests/data/replies.json is valid")
}

fn step(name: &str) -> StepKind {
    match name {
        "greeting" => StepKind::Greeting,
        "capabilities" => StepKind::Capabilities,
        "starttls" => StepKind::StartTls,
        "authenticate" => StepKind::Authenticate,
        "mailbox" => StepKind::Mailbox,
        "logout" => StepKind::Logout,
        other => panic!("unknown step {other:?} in the corpus"),
    }
}

/// The reply as the probe hands it to the diagnosis: SMTP continuation lines joined the way
/// the SMTP probe joins them, IMAP lines as read.
fn as_probed(protocol: Protocol, reply: &str) -> String {
    match protocol {
        Protocol::Smtp => reply.lines().collect::<Vec<_>>().join(" / "),
        _ => reply.to_string(),
    }
}

#[test]
fn the_corpus_is_large_varied_and_sourced() {
    let c = corpus();
    assert_eq!(c.version, 1);
    let replies: BTreeSet<&str> = c.replies.iter().map(|e| e.reply.as_str()).collect();
    let families: BTreeSet<&str> = c.replies.iter().map(|e| e.family.as_str()).collect();
    assert!(replies.len() >= 60, "{} distinct replies", replies.len());
    assert!(
        families.len() >= 12,
        "{} families: {families:?}",
        families.len()
    );
    let mut ids = BTreeSet::new();
    for e in &c.replies {
        assert!(ids.insert(e.id.as_str()), "duplicate id {}", e.id);
        assert!(!e.source.trim().is_empty(), "{}: no source", e.id);
        assert!(
            e.source.starts_with("https://") || e.source.contains('/'),
            "{}: the source should be a URL or repo + file",
            e.id
        );
        assert!(!e.note.trim().is_empty(), "{}: no note", e.id);
    }
    for needed in [
        "gmail",
        "microsoft",
        "yahoo",
        "icloud",
        "zoho",
        "united-internet",
        "fastmail",
        "comcast",
        "zimbra",
        "courier",
        "cyrus",
        "exchange",
        "dovecot",
        "postfix",
        "exim",
    ] {
        assert!(families.contains(needed), "no reply from {needed}");
    }
}

#[test]
fn every_reply_in_the_corpus_gets_its_cause() {
    let mut wrong = Vec::new();
    for e in corpus().replies {
        let step = step(&e.step);
        let host = e.host.as_deref().unwrap_or("mail.example.test");
        let reply = as_probed(e.protocol, &e.reply);
        let failure = Failure::Rejected {
            endpoint: format!("{host}:993"),
            step,
            reply: reply.clone(),
        };
        let server = ServerContext {
            host,
            greeting: e.greeting.as_deref(),
        };
        let d = diagnose_at(e.protocol, step, &failure, server);
        if d.cause.code() != e.cause {
            wrong.push(format!(
                "{}: expected {}, got {} for {:?}",
                e.id, e.cause, d.cause, e.reply
            ));
            continue;
        }
        // The server's own words are kept, and the advice is never empty.
        assert_eq!(d.server_reply.as_deref(), Some(reply.as_str()), "{}", e.id);
        assert!(!d.advice.is_empty() && !d.summary.is_empty(), "{}", e.id);
        assert_eq!(
            provider_of(server),
            e.provider.as_deref(),
            "{}: provider",
            e.id
        );
        if let Some(words) = &e.advice_mentions {
            assert!(
                d.advice.contains(words.as_str()),
                "{}: the advice lacks {words:?}: {}",
                e.id,
                d.advice
            );
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_cause_the_corpus_names_exists() {
    let known: BTreeSet<&str> = [
        Cause::AuthFailed,
        Cause::AppPasswordRequired,
        Cause::OauthRequired,
        Cause::AuthMechanismUnsupported,
        Cause::PlaintextAuthRefused,
        Cause::AccountUnavailable,
        Cause::ProtocolDisabled,
        Cause::WebSignInRequired,
        Cause::TooManyAttempts,
        Cause::TooManyConnections,
        Cause::PasswordExpired,
        Cause::ClientBlocked,
        Cause::ServerUnavailable,
        Cause::ProtocolError,
    ]
    .iter()
    .map(|c| c.code())
    .collect();
    for e in corpus().replies {
        assert!(known.contains(e.cause.as_str()), "{}: {}", e.id, e.cause);
    }
}

#[test]
fn provider_advice_is_specific_and_general_advice_stays_general() {
    let reply = "a0 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials";
    let failure = |host: &str| Failure::Rejected {
        endpoint: format!("{host}:993"),
        step: StepKind::Authenticate,
        reply: reply.into(),
    };
    let at = |host| ServerContext {
        host,
        greeting: None,
    };
    let yahoo = diagnose_at(
        Protocol::Imap,
        StepKind::Authenticate,
        &failure("imap.mail.yahoo.com"),
        at("imap.mail.yahoo.com"),
    );
    let other = diagnose_at(
        Protocol::Imap,
        StepKind::Authenticate,
        &failure("mail.example.org"),
        at("mail.example.org"),
    );
    assert_eq!(yahoo.cause, Cause::AuthFailed);
    assert_eq!(other.cause, Cause::AuthFailed);
    assert!(yahoo.advice.contains("Yahoo"), "{}", yahoo.advice);
    assert!(yahoo.advice.contains("app password"), "{}", yahoo.advice);
    assert!(!other.advice.contains("Yahoo"), "{}", other.advice);
    assert!(other.advice.starts_with(&yahoo.advice[..40]));

    // An outage at a provider points to its status page.
    let f = Failure::Rejected {
        endpoint: "imap.gmail.com:993".into(),
        step: StepKind::Authenticate,
        reply: "a1 NO [UNAVAILABLE] Temporary System Error".into(),
    };
    let d = diagnose_at(
        Protocol::Imap,
        StepKind::Authenticate,
        &f,
        at("imap.gmail.com"),
    );
    assert_eq!(d.cause, Cause::ServerUnavailable);
    assert!(
        d.advice
            .contains("https://www.google.com/appsstatus/dashboard/"),
        "{}",
        d.advice
    );
    // A refusal to enable IMAP at GMX says where to switch it on.
    let f = Failure::Rejected {
        endpoint: "imap.gmx.net:993".into(),
        step: StepKind::Authenticate,
        reply: "a1 NO [ALERT] You are yet to enable IMAP for your account".into(),
    };
    let d = diagnose_at(
        Protocol::Imap,
        StepKind::Authenticate,
        &f,
        at("imap.gmx.net"),
    );
    assert_eq!(d.cause, Cause::ProtocolDisabled);
    assert!(
        d.advice
            .contains("https://hilfe.gmx.net/pop-imap/einschalten.html"),
        "{}",
        d.advice
    );
}

// --- replies in no refusal form, from scripted servers ---------------------------------------

const PASSWORD: &str = "corpus-Test-pässword 7";

async fn answer_sign_in_with(protocol: Protocol, line: &str) -> ProbeReport {
    let server = Script::new(protocol).reply(line).start();
    let mut opts = support::options();
    opts.timeouts = Timeouts::uniform(Duration::from_secs(3));
    let report = probe(
        &server.settings(protocol, Security::Tls),
        &SecretString::from(PASSWORD.to_string()),
        &opts,
    )
    .await;
    assert_eq!(
        server.sign_in_attempts(),
        1,
        "one sign-in attempt: {:?}",
        server.received()
    );
    report
}

fn cause_and_step(report: &ProbeReport) -> (Option<Cause>, Option<StepKind>) {
    let d = report.diagnosis();
    (d.map(|d| d.cause), d.map(|d| d.step))
}

#[tokio::test]
async fn pop3_line_neither_ok_nor_err_is_a_protocol_error_not_a_wrong_password() {
    for line in ["Hello, this is not POP3", "+ go on", "* OK whatever"] {
        let r = answer_sign_in_with(Protocol::Pop3, line).await;
        assert_eq!(
            cause_and_step(&r),
            (Some(Cause::ProtocolError), Some(StepKind::Authenticate)),
            "{line:?}: {:?}",
            r.diagnosis()
        );
        let d = r.diagnosis().unwrap();
        assert!(!d.cause.is_credentials());
        assert_eq!(
            d.server_reply.as_deref(),
            Some(line),
            "the server's words are kept"
        );
    }
    // The refusal form itself is still a refused password.
    let r = answer_sign_in_with(Protocol::Pop3, "-ERR nope").await;
    assert_eq!(r.diagnosis().map(|d| d.cause), Some(Cause::AuthFailed));
}

#[tokio::test]
async fn imap_completion_in_no_known_form_is_a_protocol_error() {
    // The script answers "<tag> <line>".
    let r = answer_sign_in_with(Protocol::Imap, "MAYBE later").await;
    assert_eq!(
        r.diagnosis().map(|d| d.cause),
        Some(Cause::ProtocolError),
        "{:?}",
        r.diagnosis()
    );
    let r = answer_sign_in_with(Protocol::Imap, "BAD Command Argument Error. 11").await;
    assert_eq!(
        r.diagnosis().map(|d| d.cause),
        Some(Cause::ProtocolError),
        "a BAD to LOGIN is our command's fault, not the password's: {:?}",
        r.diagnosis()
    );
}

#[tokio::test]
async fn smtp_reply_without_a_refusal_code_is_a_protocol_error() {
    for line in ["Hello there", "334 more please"] {
        let r = answer_sign_in_with(Protocol::Smtp, line).await;
        assert_eq!(
            r.diagnosis().map(|d| d.cause),
            Some(Cause::ProtocolError),
            "{line:?}: {:?}",
            r.diagnosis()
        );
    }
}
