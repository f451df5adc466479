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

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

use crate::probe::{ProbeReport, StepKind, StepStatus};
use crate::reproduce;
use crate::roundtrip::RoundTripReport;

/// The JSON document `mailsetup diagnose --json` prints.
#[derive(Debug, Serialize)]
pub struct DiagnoseDocument<'a> {
    /// The account the tests were for.
    pub email: String,
    /// Whether every requested server verified.
    pub verified: bool,
    pub servers: &'a [ProbeReport],
}

impl<'a> DiagnoseDocument<'a> {
    pub fn new(email: String, servers: &'a [ProbeReport]) -> Self {
        Self {
            email,
            verified: !servers.is_empty() && servers.iter().all(ProbeReport::is_verified),
            servers,
        }
    }
}

mod document;
mod facts;

pub use document::{
    CandidateLine, DiscoverySummary, Document, Header, SourceLine, line_prefix, os_description,
};

/// Whether a character would act on a terminal or reorder the text around it.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character (but tab) and bidirectional override shown as an
/// escape: safe to print on a terminal or to paste into a ticket.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:04x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// The longest run of backticks in `text`.
fn longest_backtick_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A Markdown code span holding `text` as it is (CommonMark: the fence is longer than any
/// backtick run inside; a space pads text that begins or ends with a backtick).
pub fn code_span(text: &str) -> String {
    let text = terminal_safe(text);
    let fence = "`".repeat(longest_backtick_run(&text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A Markdown table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    terminal_safe(text).replace('|', "\\|")
}

fn word(ok: bool) -> &'static str {
    if ok { "PASS" } else { "FAIL" }
}

/// A readable, aligned, step-by-step report of one server.
pub fn text(report: &ProbeReport, with_transcript: bool) -> String {
    let mut out = String::new();
    let s = &report.server;
    let _ = writeln!(
        out,
        "{} {} ({}, user {}) — {} in {} ms",
        s.protocol,
        terminal_safe(&s.endpoint()),
        s.security,
        terminal_safe(&s.username),
        word(report.is_verified()),
        report.total_ms
    );
    let width = report
        .steps
        .iter()
        .map(|st| st.kind.label().len())
        .max()
        .unwrap_or(0);
    for st in &report.steps {
        let _ = writeln!(
            out,
            "  {}  {:<width$}  {:>6} ms  {}",
            word(st.status == StepStatus::Ok),
            st.kind.label(),
            st.ms,
            terminal_safe(&st.detail),
        );
    }
    if let Some(tls) = &report.tls {
        if tls.version.is_empty() {
            let _ = writeln!(out, "  TLS      handshake not completed");
        } else {
            let _ = writeln!(
                out,
                "  TLS      {}, {}, certificate {}",
                terminal_safe(&tls.version),
                terminal_safe(&tls.cipher_suite),
                if tls.verified {
                    "verified"
                } else {
                    "NOT verified"
                }
            );
        }
        for (i, c) in tls.certificates.iter().enumerate() {
            let _ = writeln!(out, "  cert[{i}]  subject {}", terminal_safe(&c.subject));
            let _ = writeln!(out, "           issuer  {}", terminal_safe(&c.issuer));
            if !c.sans.is_empty() {
                let _ = writeln!(
                    out,
                    "           names   {}",
                    terminal_safe(&c.sans.join(", "))
                );
            }
            let _ = writeln!(
                out,
                "           valid   {} to {}",
                c.not_before, c.not_after
            );
            let _ = writeln!(out, "           sha256  {}", c.sha256);
            if !c.spki_sha256.is_empty() {
                let _ = writeln!(out, "           key     sha256/{}", c.spki_sha256);
            }
        }
        for w in &tls.warnings {
            let _ = writeln!(out, "  WARNING  {}", terminal_safe(w));
        }
    }
    let f = &report.server_facts;
    if let Some(g) = &f.greeting {
        let _ = writeln!(out, "  greeting {}", terminal_safe(g));
    }
    if !f.auth_mechanisms.is_empty() {
        let _ = writeln!(
            out,
            "  sign-in  offered: {}",
            terminal_safe(&f.auth_mechanisms.join(" "))
        );
    }
    if let Some(used) = &f.auth_used {
        let _ = writeln!(out, "           used: {}", terminal_safe(used));
    }
    if let Some(why) = &f.auth_reason {
        let _ = writeln!(out, "           why:  {why}");
    }
    if let Some(n) = f.messages {
        let _ = writeln!(out, "  mailbox  {n} messages");
    }
    for a in &f.alerts {
        let _ = writeln!(out, "  ALERT    {}", terminal_safe(a));
    }
    for w in &report.warnings {
        let _ = writeln!(out, "  WARNING  {}", terminal_safe(&w.text));
    }
    if let Some(d) = report.diagnosis() {
        let _ = writeln!(out, "  cause    {} — {}", d.cause, d.summary);
        let _ = writeln!(out, "  advice   {}", d.advice);
        if let Some(reply) = &d.server_reply {
            let _ = writeln!(out, "  server   \"{}\"", terminal_safe(reply));
        }
        let _ = writeln!(out, "  detail   {}", terminal_safe(&d.detail));
        if let Some(pin) = pin_to_trust(report) {
            let _ = writeln!(
                out,
                "  trust    if this is your own server and the key above is its key: --pin-sha256 {}",
                terminal_safe(&pin)
            );
        }
    }
    for (i, command) in reproduce::for_report(report, None).iter().enumerate() {
        let label = if i == 0 { "by hand" } else { "" };
        let _ = writeln!(out, "  {label:<8} {}", terminal_safe(command));
    }
    if with_transcript {
        let _ = writeln!(out, "  transcript:");
        for line in &report.transcript {
            let arrow = line_prefix(line.direction);
            let _ = writeln!(
                out,
                "  {:>6} ms {arrow} {}",
                line.at_ms,
                terminal_safe(&line.text)
            );
        }
    }
    out
}

/// `HOST:PORT=BASE64` pinning the presented key, when the certificate was untrusted or the
/// pinned key changed (what `--pin-sha256` takes).
pub fn pin_to_trust(report: &ProbeReport) -> Option<String> {
    use crate::probe::Cause;
    let cause = report.diagnosis()?.cause;
    if !matches!(
        cause,
        Cause::CertificateUntrusted | Cause::CertificateChanged
    ) {
        return None;
    }
    let leaf = report.tls.as_ref()?.certificates.first()?;
    let pin: crate::probe::pin::SpkiPin = leaf.spki_sha256.parse().ok()?;
    let endpoint = crate::probe::pin::EndpointPin {
        host: report.server.host.clone(),
        port: report.server.port,
        spki_sha256: pin,
    };
    Some(endpoint.to_string())
}

/// The same report as Markdown, for pasting into a support ticket.
pub fn markdown(report: &ProbeReport) -> String {
    let mut out = String::new();
    let s = &report.server;
    let _ = writeln!(
        out,
        "### {} {} ({}) — **{}**\n",
        s.protocol,
        code_span(&s.endpoint()),
        s.security,
        word(report.is_verified())
    );
    let _ = writeln!(out, "| step | result | ms | detail |\n|---|---|---:|---|");
    for st in &report.steps {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            st.kind.label(),
            word(st.status == StepStatus::Ok),
            st.ms,
            cell(&st.detail)
        );
    }
    out.push_str(&facts::markdown(report));
    for w in report.tls.iter().flat_map(|t| &t.warnings) {
        let _ = writeln!(out, "\n**Warning:** {}", cell(w));
    }
    let f = &report.server_facts;
    if let (Some(used), Some(why)) = (&f.auth_used, &f.auth_reason) {
        let _ = writeln!(out, "\n**Sign-in:** {used} — {why}");
    }
    for w in &report.warnings {
        let _ = writeln!(out, "\n**Warning:** {}", cell(&w.text));
    }
    if let Some(d) = report.diagnosis() {
        let _ = writeln!(out, "\n**Cause:** `{}` — {}\n", d.cause, d.summary);
        let _ = writeln!(out, "**Advice:** {}\n", d.advice);
        if let Some(reply) = &d.server_reply {
            let _ = writeln!(out, "**Server said:** {}\n", code_span(reply));
        }
        if let Some(pin) = pin_to_trust(report) {
            let _ = writeln!(out, "**Key pin:** {}\n", code_span(&pin));
        }
    }
    let by_hand = reproduce::for_report(report, None)
        .iter()
        .map(|c| terminal_safe(c).into_owned())
        .collect::<Vec<_>>();
    let fence = "`".repeat(
        by_hand
            .iter()
            .map(|l| longest_backtick_run(l))
            .max()
            .unwrap_or(0)
            .max(2)
            + 1,
    );
    let how = if report.server_facts.oauth2 {
        "put an access token in TOKEN first; curl sends it as a bearer token"
    } else {
        "curl asks for the password itself"
    };
    let _ = writeln!(out, "\n**Repeat by hand** ({how}):\n\n{fence}sh");
    for c in &by_hand {
        let _ = writeln!(out, "{c}");
    }
    let _ = writeln!(out, "{fence}");
    let lines: Vec<String> = report
        .transcript
        .iter()
        .map(|line| {
            let arrow = line_prefix(line.direction);
            format!("{arrow} {}", terminal_safe(&line.text))
        })
        .collect();
    let longest = lines
        .iter()
        .map(|l| longest_backtick_run(l))
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let _ = writeln!(out, "\n{fence}");
    for line in &lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{fence}");
    out
}

/// The round trip's steps: sending, finding and deleting the test message.
fn round_trip_steps(rt: &RoundTripReport) -> impl Iterator<Item = &crate::probe::Step> {
    std::iter::once(&rt.sent)
        .chain(rt.searched.as_ref())
        .flat_map(|r| r.steps.iter())
        .filter(|st| {
            matches!(
                st.kind,
                StepKind::SendMessage | StepKind::FindMessage | StepKind::DeleteMessage
            )
        })
}

/// The round trip (`diagnose --round-trip`) as text: the verdict in words, then its steps.
pub fn round_trip_text(rt: &RoundTripReport, with_transcript: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nRound trip — {}\n  {}",
        if rt.arrived() { "PASS" } else { "FAIL" },
        terminal_safe(&rt.summary())
    );
    let _ = writeln!(out, "  message  <{}>", terminal_safe(&rt.message_id));
    for st in round_trip_steps(rt) {
        let _ = writeln!(
            out,
            "  {}  {:<24}  {:>6} ms  {}",
            word(st.status == StepStatus::Ok),
            st.kind.label(),
            st.ms,
            terminal_safe(&st.detail)
        );
    }
    if with_transcript {
        for r in std::iter::once(&rt.sent).chain(rt.searched.as_ref()) {
            out.push_str(&text(r, true));
        }
    }
    out
}

/// The round trip as Markdown, for a ticket.
pub fn round_trip_markdown(rt: &RoundTripReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### Round trip — **{}**\n\n{}\n\nMessage-ID: {}\n",
        if rt.arrived() { "PASS" } else { "FAIL" },
        terminal_safe(&rt.summary()),
        code_span(&format!("<{}>", rt.message_id))
    );
    let _ = writeln!(out, "| step | result | ms | detail |\n|---|---|---:|---|");
    for st in round_trip_steps(rt) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            st.kind.label(),
            word(st.status == StepStatus::Ok),
            st.ms,
            cell(&st.detail)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{Protocol, Security, ServerSettings};
    use crate::probe::{
        Cause, Diagnosis, Direction, Outcome, ServerFacts, Step, StepKind, TranscriptLine,
    };

    fn hostile_report() -> ProbeReport {
        let evil =
            "A1 NO \u{1b}]0;pwned\u{7}\u{1b}[2J ``` not` code \u{9b}31m \u{202e}txt.exe\ttab";
        ProbeReport {
            server: ServerSettings {
                protocol: Protocol::Imap,
                host: "imap.example.test".into(),
                port: 993,
                security: Security::Tls,
                username: "alice".into(),
            },
            outcome: Outcome::Failed {
                diagnosis: Diagnosis {
                    cause: Cause::AuthFailed,
                    summary: "s".into(),
                    advice: "a".into(),
                    server_reply: Some(evil.into()),
                    step: StepKind::Authenticate,
                    detail: evil.into(),
                },
            },
            steps: vec![Step {
                kind: StepKind::Greeting,
                status: StepStatus::Ok,
                started_ms: 0,
                ms: 1,
                detail: format!("{evil}\r\nFAKE  PASS  sign in"),
            }],
            tls: None,
            server_facts: ServerFacts {
                greeting: Some(evil.into()),
                alerts: vec![evil.into()],
                ..ServerFacts::default()
            },
            warnings: Vec::new(),
            transcript: vec![TranscriptLine {
                at_ms: 0,
                direction: Direction::Received,
                text: format!("{evil} ````` five"),
            }],
            total_ms: 1,
        }
    }

    fn no_controls(out: &str) {
        for c in out.chars() {
            assert!(
                !((c.is_control() && c != '\n' && c != '\t')
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "{c:?} reached the report:\n{out}"
            );
        }
    }

    #[test]
    fn text_reports_show_server_control_sequences_as_escapes() {
        let out = text(&hostile_report(), true);
        no_controls(&out);
        assert!(out.contains("A1 NO \\x1b]0;pwned\\x07\\x1b[2J"), "{out}");
        assert!(out.contains("\\x9b31m \\u{202e}txt.exe\ttab"), "{out}");
        // A CR/LF inside a detail cannot forge a line of its own.
        assert!(!out.lines().any(|l| l.starts_with("FAKE")), "{out}");
    }

    #[test]
    fn markdown_fences_are_longer_than_any_backtick_run_inside() {
        let out = markdown(&hostile_report());
        no_controls(&out);
        // The transcript holds a run of five backticks: the fence has six.
        assert!(out.contains("\n``````\nS: "), "{out}");
        assert!(out.trim_end().ends_with("\n``````"), "{out}");
        // The reply holds a run of three: its code span uses four.
        assert!(out.contains("**Server said:** ````A1 NO "), "{out}");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("plain"), "`plain`");
    }

    #[test]
    fn reports_end_with_commands_that_repeat_the_test_by_hand() {
        let t = text(&hostile_report(), false);
        assert!(
            t.contains(
                "  by hand  openssl s_client -connect imap.example.test:993 -servername \
                 imap.example.test -crlf\n"
            ),
            "{t}"
        );
        assert!(
            t.contains("           curl -v --user alice imaps://imap.example.test:993/\n"),
            "{t}"
        );
        let m = markdown(&hostile_report());
        assert!(
            m.contains("\n```sh\nopenssl s_client -connect imap.example.test:993 "),
            "{m}"
        );
        assert!(m.contains("\ncurl -v --user alice imaps://imap.example.test:993/\n```\n"));
    }
}
