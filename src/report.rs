//! The technician report: probe results rendered as aligned text for a terminal, as Markdown
//! for a ticket, and as one JSON document for scripts. Built only from `ProbeReport`s, which
//! are redacted when they are made, so nothing here can see a password.

use std::fmt::Write as _;

use serde::Serialize;

use crate::probe::{Direction, ProbeReport, StepStatus};

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

/// A readable, aligned, step-by-step report of one server.
pub fn text(report: &ProbeReport, with_transcript: bool) -> String {
    let mut out = String::new();
    let s = &report.server;
    let _ = writeln!(
        out,
        "{} {} ({}, user {}) — {} in {} ms",
        s.protocol,
        s.endpoint(),
        s.security,
        s.username,
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
            st.detail,
        );
    }
    if let Some(tls) = &report.tls {
        if tls.version.is_empty() {
            let _ = writeln!(out, "  TLS      handshake not completed");
        } else {
            let _ = writeln!(
                out,
                "  TLS      {}, {}, certificate {}",
                tls.version,
                tls.cipher_suite,
                if tls.verified {
                    "verified"
                } else {
                    "NOT verified"
                }
            );
        }
        for (i, c) in tls.certificates.iter().enumerate() {
            let _ = writeln!(out, "  cert[{i}]  subject {}", c.subject);
            let _ = writeln!(out, "           issuer  {}", c.issuer);
            if !c.sans.is_empty() {
                let _ = writeln!(out, "           names   {}", c.sans.join(", "));
            }
            let _ = writeln!(
                out,
                "           valid   {} to {}",
                c.not_before, c.not_after
            );
            let _ = writeln!(out, "           sha256  {}", c.sha256);
        }
    }
    let f = &report.server_facts;
    if let Some(g) = &f.greeting {
        let _ = writeln!(out, "  greeting {g}");
    }
    if !f.auth_mechanisms.is_empty() {
        let _ = writeln!(out, "  sign-in  offered: {}", f.auth_mechanisms.join(" "));
    }
    if let Some(used) = &f.auth_used {
        let _ = writeln!(out, "           used: {used}");
    }
    if let Some(why) = &f.auth_reason {
        let _ = writeln!(out, "           why:  {why}");
    }
    if let Some(n) = f.messages {
        let _ = writeln!(out, "  mailbox  {n} messages");
    }
    for a in &f.alerts {
        let _ = writeln!(out, "  ALERT    {a}");
    }
    if let Some(d) = report.diagnosis() {
        let _ = writeln!(out, "  cause    {} — {}", d.cause, d.summary);
        let _ = writeln!(out, "  advice   {}", d.advice);
        if let Some(reply) = &d.server_reply {
            let _ = writeln!(out, "  server   \"{reply}\"");
        }
        let _ = writeln!(out, "  detail   {}", d.detail);
    }
    if with_transcript {
        let _ = writeln!(out, "  transcript:");
        for line in &report.transcript {
            let arrow = match line.direction {
                Direction::Sent => "C:",
                Direction::Received => "S:",
                Direction::Note => "--",
            };
            let _ = writeln!(out, "  {:>6} ms {arrow} {}", line.at_ms, line.text);
        }
    }
    out
}

/// The same report as Markdown, for pasting into a support ticket.
pub fn markdown(report: &ProbeReport) -> String {
    let mut out = String::new();
    let s = &report.server;
    let _ = writeln!(
        out,
        "### {} `{}` ({}) — **{}**\n",
        s.protocol,
        s.endpoint(),
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
            st.detail.replace('|', "\\|")
        );
    }
    let f = &report.server_facts;
    if let (Some(used), Some(why)) = (&f.auth_used, &f.auth_reason) {
        let _ = writeln!(out, "\n**Sign-in:** {used} — {why}");
    }
    if let Some(d) = report.diagnosis() {
        let _ = writeln!(out, "\n**Cause:** `{}` — {}\n", d.cause, d.summary);
        let _ = writeln!(out, "**Advice:** {}\n", d.advice);
        if let Some(reply) = &d.server_reply {
            let _ = writeln!(out, "**Server said:** `{reply}`\n");
        }
    }
    let _ = writeln!(out, "\n```");
    for line in &report.transcript {
        let arrow = match line.direction {
            Direction::Sent => "C:",
            Direction::Received => "S:",
            Direction::Note => "--",
        };
        let _ = writeln!(out, "{arrow} {}", line.text);
    }
    let _ = writeln!(out, "```");
    out
}
