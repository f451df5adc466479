//! One server's report as aligned text for a terminal (in the current language) and as
//! Markdown (English), the round trip's the same way, and the JSON document of
//! `mailsetup diagnose --json`. Each ends with the commands that repeat its test by hand
//! (`reproduce`).

use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::{columns, pad};
use crate::probe::{Direction, ProbeReport, StepKind, StepStatus};
use crate::reproduce;
use crate::roundtrip::RoundTripReport;

use super::escape::{cell, code_span, longest_backtick_run, terminal_safe};

/// The prefix of a transcript line: `C:` what we sent, `S:` what the server sent, `--` a
/// note of ours.
pub fn line_prefix(direction: Direction) -> &'static str {
    match direction {
        Direction::Sent => "C:",
        Direction::Received => "S:",
        Direction::Note => "--",
    }
}

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

fn word(ok: bool) -> &'static str {
    if ok { "PASS" } else { "FAIL" }
}

/// The labels of `text`'s left column in the current language, padded to its width.
struct Labels {
    cause: String,
    advice: String,
    server: String,
    detail: String,
    trust: String,
    by_hand: String,
    greeting: String,
    sign_in: String,
    mailbox: String,
    width: usize,
}

impl Labels {
    fn new() -> Self {
        let mut l = Labels {
            cause: t!("report-label-cause"),
            advice: t!("report-label-advice"),
            server: t!("report-label-server"),
            detail: t!("report-label-detail"),
            trust: t!("report-label-trust"),
            by_hand: t!("report-label-by-hand"),
            greeting: t!("report-label-greeting"),
            sign_in: t!("report-label-sign-in"),
            mailbox: t!("report-label-mailbox"),
            width: 0,
        };
        // TLS, cert[9], WARNING and ALERT stay as they are; 8 is the English layout.
        let width = [
            &l.cause,
            &l.advice,
            &l.server,
            &l.detail,
            &l.trust,
            &l.by_hand,
            &l.greeting,
            &l.sign_in,
            &l.mailbox,
        ]
        .iter()
        .map(|w| columns(w))
        .max()
        .unwrap_or(0)
        .max(8);
        for label in [
            &mut l.cause,
            &mut l.advice,
            &mut l.server,
            &mut l.detail,
            &mut l.trust,
            &mut l.by_hand,
            &mut l.greeting,
            &mut l.sign_in,
            &mut l.mailbox,
        ] {
            *label = pad(label, width);
        }
        l.width = width;
        l
    }
}

/// A readable, aligned, step-by-step report of one server: what `mailsetup diagnose` prints
/// on screen. Its words are in the current language (steps, labels, the sentences around the
/// facts); the facts stay as found (transcript, server words, certificate fields), and so do
/// the verdict words PASS / FAIL / WARNING / ALERT and the cause codes, which people and
/// scripts search for. The Markdown and JSON documents (`Document`) are the English ones.
pub fn text(report: &ProbeReport, with_transcript: bool) -> String {
    let mut out = String::new();
    let s = &report.server;
    let l = Labels::new();
    let w = l.width;
    let _ = writeln!(
        out,
        "{}",
        t!(
            "report-text-server",
            server = terminal_safe(&s.words()).into_owned(),
            verdict = word(report.is_verified()),
            ms = report.total_ms
        )
    );
    let steps: Vec<String> = report.steps.iter().map(|st| st.kind.words()).collect();
    let width = steps.iter().map(|w| columns(w)).max().unwrap_or(0);
    for (st, label) in report.steps.iter().zip(&steps) {
        let _ = writeln!(
            out,
            "  {}  {}  {:>6} ms  {}",
            word(st.status == StepStatus::Ok),
            pad(label, width),
            st.ms,
            terminal_safe(&st.detail),
        );
    }
    // The certificate block keeps the X.509 field names a technician compares with openssl.
    let indent = " ".repeat(w + 1);
    if let Some(tls) = &report.tls {
        if tls.version.is_empty() {
            let _ = writeln!(
                out,
                "  {} {}",
                pad("TLS", w),
                t!("report-tls-not-completed")
            );
        } else {
            let version = terminal_safe(&tls.version).into_owned();
            let cipher = terminal_safe(&tls.cipher_suite).into_owned();
            let line = if tls.verified {
                t!("report-tls-verified", version = version, cipher = cipher)
            } else {
                t!(
                    "report-tls-not-verified",
                    version = version,
                    cipher = cipher
                )
            };
            let _ = writeln!(out, "  {} {line}", pad("TLS", w));
        }
        for (i, c) in tls.certificates.iter().enumerate() {
            let name = format!("cert[{i}]");
            let _ = writeln!(
                out,
                "  {} subject {}",
                pad(&name, w),
                terminal_safe(&c.subject)
            );
            let _ = writeln!(out, "  {indent}issuer  {}", terminal_safe(&c.issuer));
            if !c.sans.is_empty() {
                let _ = writeln!(
                    out,
                    "  {indent}names   {}",
                    terminal_safe(&c.sans.join(", "))
                );
            }
            let _ = writeln!(out, "  {indent}valid   {} to {}", c.not_before, c.not_after);
            let _ = writeln!(out, "  {indent}sha256  {}", c.sha256);
            if !c.spki_sha256.is_empty() {
                let _ = writeln!(out, "  {indent}key     sha256/{}", c.spki_sha256);
            }
        }
        for warning in &tls.warnings {
            let _ = writeln!(out, "  {} {}", pad("WARNING", w), terminal_safe(warning));
        }
    }
    let f = &report.server_facts;
    if let Some(g) = &f.greeting {
        let _ = writeln!(out, "  {} {}", l.greeting, terminal_safe(g));
    }
    if !f.auth_mechanisms.is_empty() {
        let offered = terminal_safe(&f.auth_mechanisms.join(" ")).into_owned();
        let _ = writeln!(
            out,
            "  {} {}",
            l.sign_in,
            t!("report-sign-in-offered", mechanisms = offered)
        );
    }
    if let Some(used) = &f.auth_used {
        let used = terminal_safe(used).into_owned();
        let _ = writeln!(
            out,
            "  {indent}{}",
            t!("report-sign-in-used", mechanism = used)
        );
    }
    if let Some(why) = &f.auth_reason {
        let _ = writeln!(
            out,
            "  {indent}{}",
            t!("report-sign-in-why", reason = why.as_str())
        );
    }
    if let Some(n) = f.messages {
        let _ = writeln!(
            out,
            "  {} {}",
            l.mailbox,
            t!("report-mailbox-messages", count = n)
        );
    }
    for a in &f.alerts {
        let _ = writeln!(out, "  {} {}", pad("ALERT", w), terminal_safe(a));
    }
    for warning in &report.warnings {
        let _ = writeln!(
            out,
            "  {} {}",
            pad("WARNING", w),
            terminal_safe(&warning.text)
        );
    }
    if let Some(d) = report.diagnosis() {
        let _ = writeln!(out, "  {} {} — {}", l.cause, d.cause, d.summary);
        let _ = writeln!(out, "  {} {}", l.advice, d.advice);
        if let Some(reply) = &d.server_reply {
            let _ = writeln!(out, "  {} \"{}\"", l.server, terminal_safe(reply));
        }
        let _ = writeln!(out, "  {} {}", l.detail, terminal_safe(&d.detail));
        if let Some(pin) = pin_to_trust(report) {
            let _ = writeln!(
                out,
                "  {} {}",
                l.trust,
                t!("report-trust-pin", pin = crate::shown::shell_quote(&pin))
            );
        }
    }
    for (i, command) in reproduce::for_report(report, None).iter().enumerate() {
        let label = if i == 0 {
            l.by_hand.clone()
        } else {
            pad("", w)
        };
        let _ = writeln!(out, "  {label} {}", terminal_safe(command));
    }
    if with_transcript {
        let _ = writeln!(out, "  {}", t!("report-transcript"));
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
    let pin: crate::trust::pin::SpkiPin = leaf.spki_sha256.parse().ok()?;
    let endpoint = crate::trust::pin::EndpointPin {
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
    out.push_str(&super::facts::markdown(report));
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
        "\n{}\n  {}",
        t!("report-round-trip", verdict = word(rt.arrived())),
        terminal_safe(&rt.summary())
    );
    let label = t!("report-label-message");
    let _ = writeln!(
        out,
        "  {} <{}>",
        pad(&label, columns(&label).max(8)),
        terminal_safe(&rt.message_id)
    );
    if rt.sign_ins > 0 {
        let label = t!("report-label-sign-ins");
        let _ = writeln!(
            out,
            "  {} {}",
            pad(&label, columns(&label).max(8)),
            rt.sign_ins
        );
    }
    for st in round_trip_steps(rt) {
        let _ = writeln!(
            out,
            "  {}  {}  {:>6} ms  {}",
            word(st.status == StepStatus::Ok),
            pad(&st.kind.words(), 24),
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
    if rt.sign_ins > 0 {
        let _ = writeln!(out, "Sign-ins to the incoming server: {}\n", rt.sign_ins);
    }
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
