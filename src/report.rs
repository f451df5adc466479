//! The technician report: probe results rendered as aligned text for a terminal, as Markdown
//! for a ticket, and as one JSON document for scripts. Built only from `ProbeReport`s, which
//! are redacted when they are made, so nothing here can see a password.
//!
//! Everything a server said (greeting, replies, certificate names, transcript) is data, and may
//! be hostile: in text and Markdown, terminal control characters (C0 but tab, DEL, C1) and the
//! bidirectional overrides are shown as escapes (`\x1b`) instead of acting on the terminal, and
//! a Markdown code span or fence is always longer than any run of backticks inside it. JSON
//! escapes control characters itself and keeps the server's words exact.
//!
//! Text and Markdown end each server with the commands that repeat its test by hand
//! (`reproduce`), so a technician can check a finding without mailsetup; the JSON document
//! carries them as each server's `by_hand`.

mod document;
mod escape;
mod facts;
mod server;

pub use document::{CandidateLine, DiscoverySummary, Document, Header, SourceLine, os_description};
pub use escape::{code_span, terminal_safe};
pub use server::{
    DiagnoseDocument, line_prefix, markdown, pin_to_trust, round_trip_markdown, round_trip_text,
    text,
};
