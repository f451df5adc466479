//! The round trip: proof that mail flows, beyond "the servers accept the password".
//!
//! In order:
//! 1. a test message with a Message-ID no other message has is handed to the verified SMTP
//!    server, from the account to itself (`Mission::Send`: MAIL, RCPT, DATA — RFC 5321);
//! 2. the verified incoming server is searched for it until it arrives or the deadline passes
//!    (`Mission::Find`: IMAP looks again in one session — RFC 9051; POP3 signs in again for
//!    each look, since a POP3 session only sees the mail that was there when it began —
//!    RFC 1939 §8) — after 1 s, 2 s, 4 s … at most 30 s apart (`pop3_pause`), so a
//!    minute's wait costs at most 8 sign-ins, and the report says how many there were;
//! 3. once found that one message is deleted — never other mail: IMAP removes it with
//!    `UID EXPUNGE` (UIDPLUS, RFC 4315, or IMAP4rev2), else leaves it flagged `\Deleted`
//!    when other messages carry that flag (`probe::imap`'s errand); POP3 marks only its
//!    number (`DELE n`) — and the delay from "accepted" to "in the mailbox" is reported.
//!
//! Every step is a probe step with its deadline, timed and in the redacted transcript. Off by
//! default: it sends real mail. Dropping the future cancels it.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use serde::Serialize;
use time::OffsetDateTime;

use crate::account::{EmailAddress, Protocol, ServerSettings};
use crate::probe::{
    self, Cause, Diagnosis, Find, Mission, ProbeOptions, ProbeReport, StepKind, TestMessage,
};

/// How long to wait for the message, and how often to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundTripOptions {
    pub deadline: Duration,
    pub every: Duration,
}

impl Default for RoundTripOptions {
    /// A minute, looking every second: most providers deliver to themselves in seconds.
    fn default() -> Self {
        Self {
            deadline: Duration::from_secs(60),
            every: Duration::from_secs(1),
        }
    }
}

/// How the round trip ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RoundTrip {
    /// Sent, found in the mailbox, deleted (unless `deleted` is false). `left_flagged`: not
    /// deleted but flagged `\Deleted` and left for the person's mail program to remove, since
    /// removing it now would remove other messages flagged so too.
    Arrived {
        after_ms: u64,
        deleted: bool,
        #[serde(default)]
        left_flagged: bool,
    },
    /// The SMTP server accepted it; the mailbox did not show it before the deadline.
    NotArrived {
        waited_ms: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        queue_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        accepted: Option<String>,
    },
    /// The SMTP server did not take the message.
    NotSent { diagnosis: Diagnosis },
    /// Sent, but the incoming server could not be searched.
    NotChecked { diagnosis: Diagnosis },
}

/// The round trip with the probes it ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundTripReport {
    pub message_id: String,
    pub outcome: RoundTrip,
    /// The SMTP session that sent the message.
    pub sent: ProbeReport,
    /// The incoming session that found it (or the last that looked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub searched: Option<ProbeReport>,
    /// How many times the mailbox was searched, over all sessions.
    pub looks: u32,
    /// How many times the incoming server was signed in to (POP3 signs in for every look).
    #[serde(default)]
    pub sign_ins: u32,
}

impl RoundTripReport {
    pub fn arrived(&self) -> bool {
        matches!(self.outcome, RoundTrip::Arrived { .. })
    }

    /// Whether nothing of the test is left to see: arrived and deleted, or left flagged as
    /// deleted for the person's mail program to remove.
    pub fn tidy(&self) -> bool {
        matches!(
            self.outcome,
            RoundTrip::Arrived { deleted: true, .. }
                | RoundTrip::Arrived {
                    left_flagged: true,
                    ..
                }
        )
    }

    /// One or two sentences in plain words.
    pub fn summary(&self) -> String {
        match &self.outcome {
            RoundTrip::Arrived {
                after_ms,
                deleted: true,
                ..
            } => t!("roundtrip-summary-arrived", seconds = seconds(*after_ms)),
            RoundTrip::Arrived {
                after_ms,
                left_flagged: true,
                ..
            } => t!(
                "roundtrip-summary-left-flagged",
                seconds = seconds(*after_ms)
            ),
            RoundTrip::Arrived { after_ms, .. } => t!(
                "roundtrip-summary-arrived-not-deleted",
                seconds = seconds(*after_ms)
            ),
            RoundTrip::NotArrived {
                waited_ms,
                queue_id,
                ..
            } => match queue_id {
                Some(q) => t!(
                    "roundtrip-summary-not-arrived-queue",
                    queue = q.as_str(),
                    seconds = seconds(*waited_ms)
                ),
                None => t!(
                    "roundtrip-summary-not-arrived",
                    seconds = seconds(*waited_ms)
                ),
            },
            RoundTrip::NotSent { diagnosis } => t!(
                "roundtrip-summary-not-sent",
                summary = diagnosis.summary.as_str(),
                advice = diagnosis.advice.as_str()
            ),
            RoundTrip::NotChecked { diagnosis } => t!(
                "roundtrip-summary-not-checked",
                summary = diagnosis.summary.as_str(),
                advice = diagnosis.advice.as_str()
            ),
        }
    }
}

/// "340 ms" under a second, "2.3 s" above.
fn seconds(ms: u64) -> String {
    crate::i18n::duration(ms)
}

/// Sends a test message from `address` to itself through `smtp`, finds it through `incoming`
/// (IMAP or POP3) and deletes it.
pub async fn round_trip(
    address: &EmailAddress,
    smtp: &ServerSettings,
    incoming: &ServerSettings,
    password: &SecretString,
    opts: &ProbeOptions,
    rt: &RoundTripOptions,
) -> RoundTripReport {
    let message = TestMessage::new(
        &address.to_ascii(),
        address.domain_ascii(),
        OffsetDateTime::now_utc(),
        &token(),
    );
    let message_id = message.message_id.clone();
    let sent = probe::probe_with(smtp, password, opts, &Mission::Send(message.clone())).await;
    let sent_at = sent
        .server_facts
        .test_message
        .as_ref()
        .and_then(|f| f.at)
        .filter(|_| sent.is_verified());
    let Some(sent_at) = sent_at else {
        let diagnosis = sent.diagnosis().cloned().unwrap_or_else(|| Diagnosis {
            cause: Cause::ProtocolError,
            summary: "The outgoing server did not confirm the test message.".into(),
            advice: "Try again; if it keeps happening, send yourself a message from another mail \
                     program to see whether the server accepts mail."
                .into(),
            server_reply: None,
            step: StepKind::SendMessage,
            detail: String::new(),
        });
        return RoundTripReport {
            message_id,
            outcome: RoundTrip::NotSent { diagnosis },
            sent,
            searched: None,
            looks: 0,
            sign_ins: 0,
        };
    };

    let find = Find::new(message, Instant::now() + rt.deadline, rt.every);
    let (searched, looks, sign_ins) = search(incoming, password, opts, &find).await;
    let facts = searched
        .server_facts
        .test_message
        .clone()
        .unwrap_or_default();
    let outcome = match (facts.found, facts.at, searched.diagnosis()) {
        (true, Some(found_at), _) => RoundTrip::Arrived {
            after_ms: found_at.saturating_duration_since(sent_at).as_millis() as u64,
            deleted: facts.deleted,
            left_flagged: facts.left_flagged,
        },
        (_, _, Some(d)) if d.cause == Cause::MessageNotArrived => {
            let sent_facts = sent.server_facts.test_message.clone().unwrap_or_default();
            RoundTrip::NotArrived {
                waited_ms: sent_at.elapsed().as_millis() as u64,
                queue_id: sent_facts.queue_id,
                accepted: sent_facts.accepted,
            }
        }
        (_, _, Some(d)) => RoundTrip::NotChecked {
            diagnosis: d.clone(),
        },
        _ => RoundTrip::NotChecked {
            diagnosis: Diagnosis {
                cause: Cause::ProtocolError,
                summary: "The search for the test message ended without an answer.".into(),
                advice: "Try again.".into(),
                server_reply: None,
                step: StepKind::FindMessage,
                detail: String::new(),
            },
        },
    };
    RoundTripReport {
        message_id,
        outcome,
        sent,
        searched: Some(searched),
        looks,
        sign_ins,
    }
}

/// Looks for the message: one IMAP session, or POP3 sessions one after another until it is
/// found, a session fails, or the deadline has passed (the session then says so). Returns the
/// last session's report, the looks and the sign-ins.
async fn search(
    incoming: &ServerSettings,
    password: &SecretString,
    opts: &ProbeOptions,
    find: &Find,
) -> (ProbeReport, u32, u32) {
    let mission = Mission::Find(find.clone());
    let mut looks = 0;
    let mut sign_ins = 0;
    loop {
        let report = probe::probe_with(incoming, password, opts, &mission).await;
        sign_ins += 1;
        let facts = report.server_facts.test_message.as_ref();
        looks += facts.map_or(0, |f| f.looks);
        let done = incoming.protocol != Protocol::Pop3
            || !report.is_verified()
            || facts.is_some_and(|f| f.found);
        if done {
            return (report, looks, sign_ins);
        }
        let left = find.give_up.saturating_duration_since(Instant::now());
        tokio::time::sleep(pop3_pause(find.every, sign_ins).min(left)).await;
    }
}

/// The longest pause between two POP3 sign-ins.
pub const POP3_MAX_PAUSE: Duration = Duration::from_secs(30);

/// The pause after the `sign_ins`-th POP3 sign-in (1-based): `first`, then twice as long each
/// time, at most `POP3_MAX_PAUSE` (1 s, 2 s, 4 s … 30 s with the default `first` of 1 s).
pub fn pop3_pause(first: Duration, sign_ins: u32) -> Duration {
    let doubled = 2u32.saturating_pow(sign_ins.saturating_sub(1));
    first.saturating_mul(doubled).min(POP3_MAX_PAUSE)
}

/// How many POP3 sign-ins a wait of `wait` costs at most when a message never arrives: one
/// at the start, one after each pause that ends before the deadline, one at the deadline
/// (sessions taken as instant, so a real count is never higher).
pub fn pop3_sign_ins_within(first: Duration, wait: Duration) -> u32 {
    let mut at = Duration::ZERO;
    let mut count = 1;
    while at < wait {
        at = (at + pop3_pause(first, count)).min(wait);
        count += 1;
    }
    count
}

/// Random bytes for the Message-ID; the clock when the system has no randomness to give.
fn token() -> [u8; 12] {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 12];
    if ring::rand::SystemRandom::new().fill(&mut bytes).is_err() {
        let nanos = OffsetDateTime::now_utc()
            .unix_timestamp_nanos()
            .to_le_bytes();
        bytes.copy_from_slice(&nanos[..12]);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pop3_sign_ins_back_off_to_thirty_seconds() {
        let s = Duration::from_secs;
        let pauses: Vec<u64> = (1..=8).map(|n| pop3_pause(s(1), n).as_secs()).collect();
        assert_eq!(pauses, [1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(pop3_pause(s(1), 0), s(1));
        assert_eq!(pop3_pause(s(1), u32::MAX), POP3_MAX_PAUSE);
        // At 0, 1, 3, 7, 15, 31 s and at the deadline: a minute costs 7 sign-ins, not 60.
        assert_eq!(pop3_sign_ins_within(s(1), s(60)), 7);
        assert!(pop3_sign_ins_within(s(1), s(60)) <= 8);
        // The default options.
        let rt = RoundTripOptions::default();
        assert!(pop3_sign_ins_within(rt.every, rt.deadline) <= 8);
        assert_eq!(pop3_sign_ins_within(s(1), Duration::ZERO), 1);
        // Ten minutes: 30 s apart once the pauses reach the cap (0 … 31 s, 61 … 571 s, 600 s).
        assert_eq!(pop3_sign_ins_within(s(1), s(600)), 6 + 18 + 1);
    }

    fn report(outcome: RoundTrip) -> RoundTripReport {
        let server = ServerSettings {
            protocol: Protocol::Smtp,
            host: "smtp.example.test".into(),
            port: 465,
            security: crate::account::Security::Tls,
            username: "a@example.test".into(),
        };
        RoundTripReport {
            message_id: "mailsetup-test.x@example.test".into(),
            outcome,
            sent: ProbeReport {
                server,
                outcome: crate::probe::Outcome::Verified,
                steps: Vec::new(),
                tls: None,
                server_facts: crate::probe::ServerFacts::default(),
                warnings: Vec::new(),
                transcript: Vec::new(),
                total_ms: 1,
            },
            searched: None,
            looks: 1,
            sign_ins: 1,
        }
    }

    #[test]
    fn a_message_left_flagged_is_said_in_the_summary_and_counts_as_tidy() {
        let left = report(RoundTrip::Arrived {
            after_ms: 1200,
            deleted: false,
            left_flagged: true,
        });
        assert!(left.tidy() && left.arrived());
        let summary = left.summary();
        assert!(summary.contains("left flagged as deleted"), "{summary}");
        assert!(summary.contains("1.2 s"), "{summary}");
        let json = serde_json::to_value(&left).unwrap_or_default();
        assert_eq!(json["outcome"]["left_flagged"], true, "{json}");
        assert_eq!(json["sign_ins"], 1, "{json}");
        let kept = report(RoundTrip::Arrived {
            after_ms: 1200,
            deleted: false,
            left_flagged: false,
        });
        assert!(!kept.tidy());
        assert!(!kept.summary().contains("left flagged"));
    }
}
