//! What a probe does once signed in. A plain verification opens the mailbox and signs out;
//! the round trip (`crate::roundtrip`) gives a probe an errand instead: hand a test message to
//! the SMTP server (MAIL, RCPT, DATA — RFC 5321 §3.3), or look for it in the mailbox by its
//! Message-ID and delete that one message once found (IMAP SELECT / UID SEARCH / UID STORE /
//! UID EXPUNGE, RFC 9051 and UIDPLUS RFC 4315, never an EXPUNGE that would take other
//! messages flagged `\Deleted` along; POP3 UIDL / TOP / DELE, RFC 1939).
//!
//! An IMAP errand looks in one session, again every `every` until `give_up` (a command makes
//! the server report new mail). A POP3 session sees only the mail that was there when it
//! signed in (RFC 1939 §8), so each POP3 errand looks once and the round trip signs in again;
//! the message ids it has already read are shared between those sessions, so no message is
//! read twice.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

pub use super::test_message::TestMessage;

/// The errand of one probe.
#[derive(Debug, Clone, Default)]
pub enum Mission {
    /// Open the mailbox read-only, count, sign out.
    #[default]
    Verify,
    /// SMTP: send the test message to its own address.
    Send(TestMessage),
    /// IMAP or POP3: find the test message and delete it.
    Find(Find),
}

/// What to look for, and for how long.
#[derive(Debug, Clone)]
pub struct Find {
    pub message: TestMessage,
    /// When to stop looking.
    pub give_up: Instant,
    /// How long to wait between two looks.
    pub every: Duration,
    /// POP3: the unique ids (UIDL) already read, shared by the sessions of one round trip.
    pub seen: Arc<Mutex<BTreeSet<String>>>,
}

impl Find {
    pub fn new(message: TestMessage, give_up: Instant, every: Duration) -> Self {
        Self {
            message,
            give_up,
            every,
            seen: Arc::default(),
        }
    }

    /// Whether `uid` is new to this round trip (and remembers it).
    pub(crate) fn first_look(&self, uid: &str) -> bool {
        self.seen
            .lock()
            .map(|mut s| s.insert(uid.to_string()))
            .unwrap_or(true)
    }
}

/// What a probe learnt about the test message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MessageFacts {
    pub message_id: String,
    /// SMTP: the reply that accepted the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
    /// SMTP: the queue id in that reply, when the server names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_id: Option<String>,
    /// IMAP/POP3: whether the message was in the mailbox.
    pub found: bool,
    /// IMAP/POP3: how many times this probe looked.
    pub looks: u32,
    /// IMAP/POP3: whether it was deleted again.
    pub deleted: bool,
    /// IMAP without UIDPLUS: flagged `\Deleted` and left there, because other messages
    /// carry that flag and `EXPUNGE` would remove them too (the person's mail program
    /// removes it when it next cleans up).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub left_flagged: bool,
    /// When it was accepted (SMTP) or found (IMAP/POP3); for the delay, not for reports.
    #[serde(skip)]
    pub at: Option<Instant>,
}

impl MessageFacts {
    pub(crate) fn new(message: &TestMessage) -> Self {
        Self {
            message_id: message.message_id.clone(),
            ..Self::default()
        }
    }
}
