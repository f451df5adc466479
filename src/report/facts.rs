//! The facts part of one server's Markdown report, between the steps table and the
//! diagnosis: where the connection went, the TLS version and cipher with the certificate
//! chain as presented (leaf first), the greeting, the capabilities and the sign-in
//! mechanisms the server offered. Server words go through `code_span` / `cell` like the rest
//! of the report, so nothing a server sends can act on a terminal or break the Markdown.

use std::fmt::Write as _;

use super::escape::{cell, code_span};
use crate::probe::ProbeReport;

/// The facts of `report` as Markdown lines (empty when nothing was learned).
pub(super) fn markdown(report: &ProbeReport) -> String {
    let mut out = String::new();
    let f = &report.server_facts;
    if !f.addresses.is_empty() || f.connected_to.is_some() {
        let _ = write!(out, "\n**Addresses:** {}", cell(&f.addresses.join(", ")));
        if let Some(to) = &f.connected_to {
            let _ = write!(out, " — connected to {}", cell(to));
        }
        out.push('\n');
    }
    if let Some(tls) = &report.tls {
        if tls.version.is_empty() {
            let _ = writeln!(out, "\n**TLS:** handshake not completed");
        } else {
            let _ = writeln!(
                out,
                "\n**TLS:** {}, {}, certificate {}",
                cell(&tls.version),
                cell(&tls.cipher_suite),
                if tls.verified {
                    "verified"
                } else {
                    "**not verified**"
                }
            );
        }
        if !tls.certificates.is_empty() {
            let _ = writeln!(
                out,
                "\n| # | subject | issuer | names | valid | SHA-256 |\n|---|---|---|---|---|---|"
            );
            for (i, c) in tls.certificates.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "| {i} | {} | {} | {} | {} to {} | {} |",
                    cell(&c.subject),
                    cell(&c.issuer),
                    cell(&c.sans.join(", ")),
                    cell(&c.not_before),
                    cell(&c.not_after),
                    cell(&c.sha256)
                );
            }
        }
    }
    if let Some(g) = &f.greeting {
        let _ = writeln!(out, "\n**Greeting:** {}", code_span(g));
    }
    if !f.capabilities.is_empty() {
        let _ = writeln!(
            out,
            "\n**Capabilities:** {}",
            code_span(&f.capabilities.join(" "))
        );
    }
    if !f.auth_mechanisms.is_empty() {
        let _ = writeln!(
            out,
            "\n**Sign-in offered:** {}",
            code_span(&f.auth_mechanisms.join(" "))
        );
    }
    if let Some(n) = f.messages {
        let _ = writeln!(out, "\n**Mailbox:** {n} messages");
    }
    for a in &f.alerts {
        let _ = writeln!(out, "\n**Server alert:** {}", code_span(a));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{Protocol, Security, ServerSettings};
    use crate::probe::{CertificateInfo, Outcome, ServerFacts, TlsFacts};

    #[test]
    fn chain_capabilities_and_mechanisms_are_listed() {
        let r = ProbeReport {
            server: ServerSettings {
                protocol: Protocol::Smtp,
                host: "smtp.example.test".into(),
                port: 587,
                security: Security::StartTls,
                username: "ann".into(),
            },
            outcome: Outcome::Verified,
            steps: vec![],
            warnings: Vec::new(),
            tls: Some(TlsFacts {
                version: "TLSv1.3".into(),
                cipher_suite: "TLS13_AES_128_GCM_SHA256".into(),
                verified: true,
                certificates: vec![CertificateInfo {
                    subject: "CN=smtp.example.test".into(),
                    issuer: "CN=Test CA".into(),
                    sans: vec!["smtp.example.test".into()],
                    not_before: "2026-01-01T00:00:00Z".into(),
                    not_after: "2027-01-01T00:00:00Z".into(),
                    sha256: "AA:BB".into(),
                    ..CertificateInfo::default()
                }],
                ..TlsFacts::default()
            }),
            server_facts: ServerFacts {
                capabilities: vec!["PIPELINING".into(), "AUTH PLAIN LOGIN".into()],
                auth_mechanisms: vec!["PLAIN".into(), "LOGIN".into()],
                connected_to: Some("127.0.0.1:587".into()),
                addresses: vec!["127.0.0.1".into()],
                ..ServerFacts::default()
            },
            transcript: vec![],
            total_ms: 3,
        };
        let md = markdown(&r);
        assert!(md.contains("**TLS:** TLSv1.3, TLS13_AES_128_GCM_SHA256, certificate verified"));
        assert!(md.contains("| 0 | CN=smtp.example.test | CN=Test CA | smtp.example.test |"));
        assert!(
            md.contains("**Capabilities:** `PIPELINING AUTH PLAIN LOGIN`"),
            "{md}"
        );
        assert!(md.contains("**Sign-in offered:** `PLAIN LOGIN`"), "{md}");
        assert!(md.contains("connected to 127.0.0.1:587"), "{md}");
    }
}
