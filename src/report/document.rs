//! The technician report as one document, the same for the command line and the window: a
//! header (app version, operating system, time in UTC), where the settings came from (the
//! discovery sources with their timings, the candidates, what the sources disagree on), one
//! section per tested server (`report::markdown`: steps with timings, TLS facts and chain,
//! capabilities, sign-in mechanisms offered and used, diagnosis with advice, the redacted
//! transcript) and the hosts left out for want of confirmation.
//!
//! `Document::markdown` is what `diagnose --markdown` prints, `diagnose --report FILE` writes
//! and the window's "Copy report" / "Save report…" hand on; `serde_json` of the same value is
//! `diagnose --json`. Built only from redacted values (probe reports, discovery results), so
//! nothing here can see a password. Everything a server or a file said is escaped as in the
//! per-server report (`code_span`, `cell`).

use std::fmt::Write as _;

use serde::{Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::escape::{cell, code_span, terminal_safe};
use super::server::{markdown as server_markdown, round_trip_markdown};
use crate::account::{Protocol, Security};
use crate::discover::{DiscoveryResult, SourceStatus, Vouch};
use crate::probe::ProbeReport;
use crate::roundtrip::RoundTripReport;
use crate::verify::Unconfirmed;

/// Who made the report, where, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Header {
    /// "mailsetup".
    pub app: String,
    /// The app's version (Cargo.toml).
    pub version: String,
    /// The operating system and architecture ("linux x86_64, Debian GNU/Linux 12 (bookworm)").
    pub os: String,
    /// When the report was made, in UTC (RFC 3339 in JSON).
    #[serde(serialize_with = "rfc3339")]
    pub generated_at: OffsetDateTime,
}

fn rfc3339<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&utc_rfc3339(*t))
}

fn utc_rfc3339(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    t.format(&Rfc3339)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

impl Header {
    /// This app on this machine, at `generated_at`.
    pub fn new(generated_at: OffsetDateTime) -> Self {
        Self {
            app: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            os: os_description(),
            generated_at: generated_at.to_offset(time::UtcOffset::UTC),
        }
    }

    /// This app on this machine, now.
    pub fn now() -> Self {
        Self::new(OffsetDateTime::now_utc())
    }

    /// "2026-12-01 07:51:25 UTC".
    pub fn time_words(&self) -> String {
        let t = self.generated_at;
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }
}

/// The operating system family and architecture, and on Linux the distribution's name
/// (`PRETTY_NAME` of os-release, read with a size cap).
pub fn os_description() -> String {
    let base = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    match distribution() {
        Some(name) => format!("{base}, {name}"),
        None => base,
    }
}

#[cfg(target_os = "linux")]
fn distribution() -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open("/etc/os-release")
        .or_else(|_| std::fs::File::open("/usr/lib/os-release"))
        .ok()?;
    let mut text = String::new();
    file.take(16 * 1024).read_to_string(&mut text).ok()?;
    let value = text.lines().find_map(|l| l.strip_prefix("PRETTY_NAME="))?;
    let name: String = value
        .trim()
        .trim_matches('"')
        .chars()
        .filter(|c| !c.is_control())
        .take(80)
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(not(target_os = "linux"))]
fn distribution() -> Option<String> {
    None
}

/// One discovery source's line: what it answered and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceLine {
    /// Stable code ("ispdb").
    pub source: String,
    /// Words for people ("Mozilla's ISPDB").
    pub label: String,
    /// What came of it, in words ("found 3", "nothing", "failed: …").
    pub result: String,
    /// Milliseconds from the start of discovery to its answer.
    pub ms: Option<u64>,
    /// What was asked (URLs, DNS names), when known.
    pub asked: Vec<String>,
}

/// One server a source named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateLine {
    pub protocol: Protocol,
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The sources that named it, in words.
    pub found_by: Vec<String>,
    /// Whether the password may go there without asking, and why.
    pub vouch: Vouch,
}

/// Where the settings came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DiscoverySummary {
    /// How long discovery took, when known.
    pub elapsed_ms: Option<u64>,
    /// The provider, when the built-in table knows it.
    pub provider: Option<String>,
    pub sources: Vec<SourceLine>,
    /// Every candidate, best first.
    pub candidates: Vec<CandidateLine>,
    /// Where the sources disagree, one sentence each.
    pub disagreements: Vec<String>,
    /// "This provider also offers JMAP …", when a source saw it (RFC 8620).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jmap: Option<String>,
}

fn status_words(status: SourceStatus, found: usize, error: Option<String>) -> String {
    match status {
        SourceStatus::Waiting => "no answer yet".into(),
        SourceStatus::Found => format!("found {found}"),
        SourceStatus::Nothing => "nothing for this domain".into(),
        SourceStatus::Failed => format!("failed: {}", error.unwrap_or_default()),
        SourceStatus::TimedOut => "no answer in time".into(),
        SourceStatus::CutShort => "not needed (stopped early)".into(),
        SourceStatus::Skipped => "not asked".into(),
    }
}

impl From<&DiscoveryResult> for DiscoverySummary {
    fn from(r: &DiscoveryResult) -> Self {
        Self {
            elapsed_ms: Some(r.elapsed_ms),
            provider: r.provider.as_ref().map(|p| p.name.clone()),
            jmap: r.jmap.as_ref().map(|j| j.words()),
            sources: r
                .sources
                .iter()
                .map(|s| SourceLine {
                    source: s.source.code().into(),
                    label: s.source.label(),
                    result: status_words(
                        s.status,
                        s.found,
                        s.error.as_ref().map(|e| e.to_string()),
                    ),
                    ms: s.ms,
                    asked: s.asked.clone(),
                })
                .collect(),
            candidates: r
                .candidates
                .iter()
                .map(|c| CandidateLine {
                    protocol: c.protocol,
                    host: c.host.clone(),
                    port: c.port,
                    security: c.security,
                    found_by: c.origins.iter().map(|o| o.source.label()).collect(),
                    vouch: c.vouch.clone(),
                })
                .collect(),
            disagreements: r.disagreements.iter().map(|d| d.summary.clone()).collect(),
        }
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    #[serde(flatten)]
    pub header: Header,
    /// The account the tests were for.
    pub email: String,
    /// Whether every tested server verified and no host was left out.
    pub verified: bool,
    /// Where the settings came from (absent when they were typed in).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovery: Option<DiscoverySummary>,
    /// One report per tested server; in JSON each also carries `by_hand`, the commands that
    /// repeat its test without mailsetup (`reproduce`), as text and Markdown show them.
    #[serde(serialize_with = "servers_with_commands")]
    pub servers: Vec<ProbeReport>,
    /// Hosts not signed in to because nobody confirmed them.
    pub unconfirmed: Vec<Unconfirmed>,
    /// The round trip (`diagnose --round-trip`), when one ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round_trip: Option<RoundTripReport>,
    /// The person typed the settings (or some of them) rather than taking a lookup's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub entered_by_hand: bool,
}

impl Document {
    pub fn new(
        header: Header,
        email: String,
        discovery: Option<DiscoverySummary>,
        servers: Vec<ProbeReport>,
        unconfirmed: Vec<Unconfirmed>,
    ) -> Self {
        let verified = !servers.is_empty()
            && servers.iter().all(ProbeReport::is_verified)
            && unconfirmed.is_empty();
        Self {
            header,
            email,
            verified,
            discovery,
            servers,
            unconfirmed,
            round_trip: None,
            entered_by_hand: false,
        }
    }

    /// The document for settings the person typed (`typed`), said under "Where the settings
    /// came from".
    pub fn entered_by_hand(mut self, typed: bool) -> Self {
        self.entered_by_hand = typed;
        self
    }

    /// The document with the round trip's result; a message that did not arrive makes the
    /// whole test not verified.
    pub fn with_round_trip(mut self, round_trip: Option<RoundTripReport>) -> Self {
        if round_trip.as_ref().is_some_and(|rt| !rt.arrived()) {
            self.verified = false;
        }
        self.round_trip = round_trip;
        self
    }

    /// The report as Markdown, for a support ticket.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let h = &self.header;
        let ok = self.servers.iter().filter(|r| r.is_verified()).count();
        let _ = writeln!(
            out,
            "## Mail settings report for {}\n",
            code_span(&self.email)
        );
        let _ = writeln!(out, "| | |\n|---|---|");
        let _ = writeln!(out, "| App | {} {} |", cell(&h.app), cell(&h.version));
        let _ = writeln!(out, "| System | {} |", cell(&h.os));
        let _ = writeln!(out, "| Time | {} |", h.time_words());
        let _ = writeln!(
            out,
            "| Result | {ok} of {} servers verified{} |",
            self.servers.len(),
            if self.unconfirmed.is_empty() {
                ""
            } else {
                ", some not tested (need confirmation)"
            }
        );
        if self.entered_by_hand && self.discovery.is_none() {
            let _ = writeln!(
                out,
                "\n### Where the settings came from\n\nEntered by hand."
            );
        }
        if let Some(d) = &self.discovery {
            discovery_markdown(&mut out, d);
            if self.entered_by_hand {
                let _ = writeln!(out, "Some settings were entered by hand.");
            }
        }
        for r in &self.servers {
            let _ = writeln!(out, "\n{}", server_markdown(r).trim_end());
        }
        if !self.unconfirmed.is_empty() {
            let _ = writeln!(out, "\n### Not signed in (needs confirmation)\n");
            for u in &self.unconfirmed {
                let c = &u.candidate;
                let _ = writeln!(
                    out,
                    "- {} {}: {} The password was not sent there.",
                    c.protocol,
                    code_span(&c.endpoint_text()),
                    terminal_safe(&u.question)
                );
            }
        }
        if let Some(rt) = &self.round_trip {
            let _ = writeln!(out, "\n{}", round_trip_markdown(rt).trim_end());
        }
        out
    }

    /// The report as pretty JSON.
    pub fn json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

/// A server's probe report with the commands that repeat it by hand.
#[derive(Serialize)]
struct ServerEntry<'a> {
    #[serde(flatten)]
    report: &'a ProbeReport,
    by_hand: Vec<String>,
}

fn servers_with_commands<S: Serializer>(servers: &[ProbeReport], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(servers.iter().map(|report| ServerEntry {
        report,
        by_hand: crate::reproduce::for_report(report, None),
    }))
}

fn discovery_markdown(out: &mut String, d: &DiscoverySummary) {
    let _ = writeln!(out, "\n### Where the settings came from\n");
    if let Some(ms) = d.elapsed_ms {
        let _ = writeln!(
            out,
            "Discovery took {ms} ms and found {} candidates.\n",
            d.candidates.len()
        );
    }
    if let Some(p) = &d.provider {
        let _ = writeln!(out, "Provider: {}\n", cell(p));
    }
    if !d.sources.is_empty() {
        let _ = writeln!(out, "| source | result | ms |\n|---|---|---:|");
        for s in &d.sources {
            let ms = s.ms.map(|m| m.to_string()).unwrap_or_else(|| "—".into());
            let _ = writeln!(out, "| {} | {} | {ms} |", cell(&s.label), cell(&s.result));
        }
        out.push('\n');
    }
    if !d.candidates.is_empty() {
        let _ = writeln!(out, "| server | found by |\n|---|---|");
        for c in &d.candidates {
            let host = if c.host.contains(':') {
                format!("[{}]:{}", c.host, c.port)
            } else {
                format!("{}:{}", c.host, c.port)
            };
            let _ = writeln!(
                out,
                "| {} {} ({}) | {} |",
                c.protocol,
                code_span(&host).replace('|', "\\|"),
                c.security,
                cell(&c.found_by.join(", "))
            );
        }
        out.push('\n');
    }
    for text in &d.disagreements {
        let _ = writeln!(out, "- Sources disagree: {}", cell(text));
    }
    if let Some(jmap) = &d.jmap {
        let _ = writeln!(out, "- {}", cell(jmap));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            app: "mailsetup".into(),
            version: "9.9.9".into(),
            os: "linux x86_64".into(),
            generated_at: time::macros::datetime!(2026-12-01 07:51:25 UTC),
        }
    }

    #[test]
    fn markdown_and_json_carry_version_system_and_utc_time() {
        let doc = Document::new(header(), "ann@example.com".into(), None, vec![], vec![]);
        let md = doc.markdown();
        assert!(md.contains("| App | mailsetup 9.9.9 |"), "{md}");
        assert!(md.contains("| System | linux x86_64 |"), "{md}");
        assert!(md.contains("| Time | 2026-12-01 07:51:25 UTC |"), "{md}");
        let json: serde_json::Value = serde_json::from_str(&doc.json().unwrap()).unwrap();
        assert_eq!(json["version"], "9.9.9");
        assert_eq!(json["os"], "linux x86_64");
        assert_eq!(json["generated_at"], "2026-12-01T07:51:25Z");
        assert_eq!(json["verified"], false);
    }

    #[test]
    fn json_carries_the_commands_that_repeat_each_test_by_hand() {
        let server = crate::account::ServerSettings {
            protocol: Protocol::Imap,
            host: "imap.example.com".into(),
            port: 143,
            security: Security::StartTls,
            username: "ann@example.com".into(),
        };
        let report = ProbeReport {
            server: server.clone(),
            outcome: crate::probe::Outcome::Verified,
            steps: Vec::new(),
            tls: None,
            server_facts: Default::default(),
            warnings: Vec::new(),
            transcript: Vec::new(),
            total_ms: 1,
        };
        let doc = Document::new(
            header(),
            "ann@example.com".into(),
            None,
            vec![report],
            vec![],
        );
        let json: serde_json::Value = serde_json::from_str(&doc.json().unwrap()).unwrap();
        let entry = &json["servers"][0];
        // The probe report's own fields stay where they were.
        assert_eq!(entry["server"]["host"], "imap.example.com");
        assert_eq!(entry["outcome"]["status"], "verified");
        let by_hand: Vec<String> = entry["by_hand"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            by_hand,
            crate::reproduce::commands(&server, None, crate::reproduce::SignIn::Password)
        );
        assert!(by_hand[0].starts_with("openssl s_client"), "{by_hand:?}");
        assert!(by_hand[0].contains("-starttls imap"), "{by_hand:?}");
        // The same commands the Markdown shows.
        let md = doc.markdown();
        for c in &by_hand {
            assert!(md.contains(c.as_str()), "{c} not in\n{md}");
        }
        assert!(md.contains("curl asks for the password itself"), "{md}");
    }

    #[test]
    fn an_oauth_account_is_repeated_by_hand_with_a_token_placeholder() {
        let mut report = ProbeReport {
            server: crate::account::ServerSettings {
                protocol: Protocol::Imap,
                host: "imap.example.com".into(),
                port: 993,
                security: Security::Tls,
                username: "ann@example.com".into(),
            },
            outcome: crate::probe::Outcome::Verified,
            steps: Vec::new(),
            tls: None,
            server_facts: Default::default(),
            warnings: Vec::new(),
            transcript: Vec::new(),
            total_ms: 1,
        };
        report.server_facts.oauth2 = true;
        report.server_facts.auth_used = Some("AUTHENTICATE XOAUTH2".into());
        let doc = Document::new(
            header(),
            "ann@example.com".into(),
            None,
            vec![report],
            vec![],
        );
        let json: serde_json::Value = serde_json::from_str(&doc.json().unwrap()).unwrap();
        let curl = json["servers"][0]["by_hand"][1]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(
            curl,
            "curl -v --login-options AUTH=XOAUTH2 --user ann@example.com: \
             --oauth2-bearer \"$TOKEN\" imaps://imap.example.com:993/"
        );
        let md = doc.markdown();
        assert!(md.contains(&curl), "{md}");
        assert!(md.contains("access token in TOKEN"), "{md}");
        assert!(!md.contains("curl asks for the password itself"), "{md}");
        let text = crate::report::text(&doc.servers[0], false);
        assert!(text.contains("--oauth2-bearer \"$TOKEN\""), "{text}");
    }

    #[test]
    fn a_time_in_another_zone_is_reported_in_utc() {
        let t = time::macros::datetime!(2026-12-01 09:51:25 +02:00);
        let h = Header::new(t);
        assert_eq!(h.time_words(), "2026-12-01 07:51:25 UTC");
        assert!(h.os.starts_with(std::env::consts::OS));
        assert_eq!(h.version, env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn discovery_lines_escape_what_sources_said() {
        let d = DiscoverySummary {
            elapsed_ms: Some(420),
            provider: None,
            sources: vec![SourceLine {
                source: "ispdb".into(),
                label: "Mozilla's ISPDB".into(),
                result: "failed: a|b \u{1b}[2J".into(),
                ms: Some(400),
                asked: vec![],
            }],
            candidates: vec![],
            disagreements: vec!["IMAP: port 993 | 143".into()],
            jmap: None,
        };
        let doc = Document::new(header(), "a@b.c".into(), Some(d), vec![], vec![]);
        let md = doc.markdown();
        assert!(
            md.contains("| Mozilla's ISPDB | failed: a\\|b \\x1b[2J | 400 |"),
            "{md}"
        );
        assert!(
            md.contains("- Sources disagree: IMAP: port 993 \\| 143"),
            "{md}"
        );
        assert!(md.contains("Discovery took 420 ms"), "{md}");
    }
}
