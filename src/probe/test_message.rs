//! The test message of a round trip and the few facts read back from servers about it.
//!
//! The message (RFC 5322) is small, plain ASCII, addressed from the account to itself, and
//! carries a Message-ID that no other message has (random, so two runs never find each
//! other's message). Found again by that header: IMAP `UID SEARCH HEADER Message-ID`
//! (RFC 9051 §6.4.4), POP3 `TOP n 0` (RFC 1939) read for the header.

use std::fmt::Write as _;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

/// The subject every test message carries, so a person who sees one knows what it is.
pub const SUBJECT: &str = "mailsetup test message (safe to delete)";

/// A message sent from an address to itself to prove that mail flows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestMessage {
    /// Without angle brackets: `mailsetup-test.<hex>@<domain>`.
    pub message_id: String,
    /// The account's address (sender and recipient).
    pub address: String,
    /// The whole message, CRLF line ends, ready for SMTP DATA (not yet dot-stuffed; no line
    /// starts with a dot).
    pub text: String,
}

impl TestMessage {
    /// A message for `address` (ASCII form), dated `now`, whose Message-ID ends in `token`
    /// (random bytes from the caller, hex-encoded here).
    pub fn new(address: &str, domain: &str, now: OffsetDateTime, token: &[u8]) -> Self {
        let mut hex = String::with_capacity(token.len() * 2);
        for b in token {
            let _ = write!(hex, "{b:02x}");
        }
        let message_id = format!("mailsetup-test.{hex}@{domain}");
        let date = now
            .format(&Rfc2822)
            .unwrap_or_else(|_| "Thu, 01 Jan 1970 00:00:00 +0000".into());
        let text = format!(
            "From: <{address}>\r\n\
             To: <{address}>\r\n\
             Subject: {SUBJECT}\r\n\
             Date: {date}\r\n\
             Message-ID: <{message_id}>\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: text/plain; charset=us-ascii\r\n\
             Auto-Submitted: auto-generated\r\n\
             \r\n\
             This message was sent by mailsetup to check that mail sent from this account\r\n\
             arrives in its inbox. mailsetup deletes it once it is found.\r\n"
        );
        Self {
            message_id,
            address: address.to_string(),
            text,
        }
    }

    /// The IMAP search for this message (the Message-ID is ASCII without quotes or
    /// backslashes, so a quoted string is exact).
    pub fn imap_search(&self) -> String {
        format!("UID SEARCH HEADER Message-ID \"<{}>\"", self.message_id)
    }

    /// Whether the header block `headers` (as `TOP n 0` returns it) is this message's.
    pub fn matches_headers(&self, headers: &[String]) -> bool {
        let wanted = format!("<{}>", self.message_id);
        header_values(headers, "message-id")
            .iter()
            .any(|v| v.trim().eq_ignore_ascii_case(&wanted))
    }
}

/// The values of header `name` (case-insensitive) in `lines`, continuation lines unfolded
/// (RFC 5322 §2.2.3). Stops at the first empty line.
pub fn header_values(lines: &[String], name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in lines {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(v) = current.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some(v) = current.take() {
            out.push(v);
        }
        if let Some((field, value)) = line.split_once(':')
            && field.trim().eq_ignore_ascii_case(name)
        {
            current = Some(value.trim().to_string());
        }
    }
    if let Some(v) = current {
        out.push(v);
    }
    out
}

/// The queue id an SMTP server gave when it accepted a message, if its reply names one:
/// Postfix `250 2.0.0 Ok: queued as 4Xyz…`, Exim `250 OK id=1abc-…`, Sendmail
/// `250 2.0.0 abc123 Message accepted for delivery`, Microsoft `250 2.0.0 OK <…> [Hostname=…]`.
pub fn queue_id(reply: &str) -> Option<String> {
    let text = reply.trim();
    let token = |s: &str| -> Option<String> {
        let t: String = s
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ',' && *c != ';')
            .take(128)
            .collect();
        (!t.is_empty()).then_some(t)
    };
    let lower = text.to_ascii_lowercase();
    if let Some(i) = lower.find("queued as ") {
        return token(&text[i + 10..]);
    }
    if let Some(i) = lower.find(" id=") {
        return token(&text[i + 4..]);
    }
    if lower.contains("message accepted for delivery") {
        // Sendmail: "250 2.0.0 <id> Message accepted for delivery".
        let words: Vec<&str> = text.split_whitespace().collect();
        if let Some(pos) = words.iter().position(|w| w.eq_ignore_ascii_case("message"))
            && pos >= 1
        {
            let candidate = words[pos - 1];
            if !candidate.starts_with('2') {
                return token(candidate);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn message() -> TestMessage {
        TestMessage::new(
            "alice@example.test",
            "example.test",
            datetime!(2026-12-01 07:30:00 UTC),
            &[0xde, 0xad, 0xbe, 0xef],
        )
    }

    #[test]
    fn the_message_is_addressed_to_itself_with_a_unique_id() {
        let m = message();
        assert_eq!(m.message_id, "mailsetup-test.deadbeef@example.test");
        assert!(m.text.contains("From: <alice@example.test>\r\n"));
        assert!(m.text.contains("To: <alice@example.test>\r\n"));
        assert!(
            m.text
                .contains("Message-ID: <mailsetup-test.deadbeef@example.test>\r\n")
        );
        assert!(m.text.contains("Date: Tue, 01 Dec 2026 07:30:00 +0000\r\n"));
        assert!(m.text.ends_with("\r\n"));
        // Every line ends in CRLF, none starts with a dot (no dot-stuffing needed).
        for line in m.text.split("\r\n") {
            assert!(!line.contains('\n') && !line.contains('\r'));
            assert!(!line.starts_with('.'));
        }
        assert_eq!(
            m.imap_search(),
            "UID SEARCH HEADER Message-ID \"<mailsetup-test.deadbeef@example.test>\""
        );
    }

    #[test]
    fn the_message_is_found_by_its_header_even_when_folded() {
        let m = message();
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(m.matches_headers(&lines(&[
            "Return-Path: <alice@example.test>",
            "message-id:",
            "  <mailsetup-test.deadbeef@example.test>",
            "Subject: x",
            "",
        ])));
        assert!(!m.matches_headers(&lines(&[
            "Message-ID: <mailsetup-test.deadbeee@example.test>",
            "",
            "Message-ID: <mailsetup-test.deadbeef@example.test>",
        ])));
    }

    #[test]
    fn queue_ids_of_common_servers() {
        assert_eq!(
            queue_id("250 2.0.0 Ok: queued as 5F230996330").as_deref(),
            Some("5F230996330")
        );
        assert_eq!(
            queue_id("250 OK id=1tXyZq-0004ab-Cd").as_deref(),
            Some("1tXyZq-0004ab-Cd")
        );
        assert_eq!(
            queue_id("250 2.0.0 4B1Kx3Aa012345 Message accepted for delivery").as_deref(),
            Some("4B1Kx3Aa012345")
        );
        assert_eq!(queue_id("250 2.0.0 OK"), None);
        assert_eq!(queue_id(""), None);
    }
}
