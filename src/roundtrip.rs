//! The round trip: proof that mail flows, beyond "the servers accept the password".
//!
//! In order:
//! 1. a test message with a Message-ID no other message has is handed to the verified SMTP
//!    server, from the account to itself (`Mission::Send`: MAIL, RCPT, DATA — RFC 5321);
//! 2. the verified incoming server is searched for it until it arrives or the deadline passes
//!    (`Mission::Find`: IMAP looks again in one session — RFC 9051; POP3 signs in again for
//!    each look, since a POP3 session only sees the mail that was there when it began —
//!    RFC 1939 §8);
//! 3. once found it is deleted, and the delay from "accepted" to "in the mailbox" is reported.
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
    /// Sent, found in the mailbox, deleted (unless `deleted` is false).
    Arrived { after_ms: u64, deleted: bool },
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
}

impl RoundTripReport {
    pub fn arrived(&self) -> bool {
        matches!(self.outcome, RoundTrip::Arrived { .. })
    }

    /// One or two sentences in plain words.
    pub fn summary(&self) -> String {
        match &self.outcome {
            RoundTrip::Arrived {
                after_ms,
                deleted: true,
            } => t!("roundtrip-summary-arrived", seconds = seconds(*after_ms)),
            RoundTrip::Arrived {
                after_ms,
                deleted: false,
            } => t!(
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
        };
    };

    let find = Find::new(message, Instant::now() + rt.deadline, rt.every);
    let (searched, looks) = search(incoming, password, opts, &find).await;
    let facts = searched
        .server_facts
        .test_message
        .clone()
        .unwrap_or_default();
    let outcome = match (facts.found, facts.at, searched.diagnosis()) {
        (true, Some(found_at), _) => RoundTrip::Arrived {
            after_ms: found_at.saturating_duration_since(sent_at).as_millis() as u64,
            deleted: facts.deleted,
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
    }
}

/// Looks for the message: one IMAP session, or POP3 sessions one after another until it is
/// found, a session fails, or the deadline has passed (the session then says so).
async fn search(
    incoming: &ServerSettings,
    password: &SecretString,
    opts: &ProbeOptions,
    find: &Find,
) -> (ProbeReport, u32) {
    let mission = Mission::Find(find.clone());
    let mut looks = 0;
    loop {
        let report = probe::probe_with(incoming, password, opts, &mission).await;
        let facts = report.server_facts.test_message.as_ref();
        looks += facts.map_or(0, |f| f.looks);
        let done = incoming.protocol != Protocol::Pop3
            || !report.is_verified()
            || facts.is_some_and(|f| f.found);
        if done {
            return (report, looks);
        }
        let now = Instant::now();
        tokio::time::sleep(find.every.min(find.give_up.saturating_duration_since(now))).await;
    }
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
