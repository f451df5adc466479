//! What a probe records as it goes: one transcript line (who said it, when, what). The
//! vocabulary the outcome, the live progress and the transcript recorder share.

use serde::Serialize;

/// Who produced a transcript line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// We sent it.
    Sent,
    /// The server sent it.
    Received,
    /// A note from mailsetup (TLS started, connection closed …).
    Note,
}

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranscriptLine {
    /// Milliseconds since the probe started.
    pub at_ms: u64,
    pub direction: Direction,
    pub text: String,
}
