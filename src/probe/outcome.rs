//! What a probe observed, as plain serialisable data (`ProbeReport`): the timed steps, the TLS
//! facts, what the server said about itself, the redacted transcript and the outcome. The
//! technician report (`crate::report`), the CLI and the wizard read these values; nothing here
//! does I/O.

use serde::Serialize;

pub use super::certificate::CertificateInfo;
use super::diagnosis::Diagnosis;
use super::family::FamilyResult;
use super::record::TranscriptLine;
pub use super::step::StepKind;
use crate::account::ServerSettings;

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Ok,
    Failed,
}

/// One timed step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub kind: StepKind,
    pub status: StepStatus,
    /// Milliseconds since the probe started when the step began.
    pub started_ms: u64,
    /// How long the step took, in milliseconds.
    pub ms: u64,
    /// One line saying what happened.
    pub detail: String,
}

/// What the TLS layer showed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TlsFacts {
    /// e.g. "TLSv1.3"; empty when the handshake failed before it was agreed.
    pub version: String,
    /// e.g. "TLS13_AES_256_GCM_SHA384".
    pub cipher_suite: String,
    /// Whether the certificate chain was verified.
    pub verified: bool,
    /// The chain as presented, leaf first (also when verification failed).
    pub certificates: Vec<CertificateInfo>,
    /// A known TLS-inspecting product (antivirus, company proxy) issued the chain: the real
    /// server's certificate is hidden behind it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intercepted: Option<super::intercept::Interception>,
    /// Trusted because the key matched the one pinned for this host and port.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
    /// Warnings about a connection that verified (inspection, a pinned key), in plain words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The PEM file of extra roots the test trusted (`--ca-file`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<String>,
}

impl TlsFacts {
    /// The step line of a handshake that verified: version, suite, whose certificate, and a
    /// short note when it was inspected or trusted by its pinned key.
    pub(crate) fn verified_detail(&self) -> String {
        let leaf = self.certificates.first().map(|c| c.subject.as_str());
        let mut out = format!(
            "{} {}, certificate for {} verified",
            self.version,
            self.cipher_suite,
            leaf.unwrap_or("?")
        );
        if let Some(i) = &self.intercepted {
            out.push_str(&format!(
                " — inspected by {}: the real server's certificate is hidden",
                i.product
            ));
        }
        if self.pinned {
            out.push_str(" — trusted by its pinned key");
        }
        out
    }

    /// Warnings on a connection that verified: the chain came from an inspecting product
    /// (the real server's certificate is hidden), or the key was trusted by its pin.
    pub fn compute_warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(i) = &self.intercepted {
            out.push(format!(
                "The connection is inspected by {}: the certificate was issued by \"{}\", so the real server's certificate is hidden and could not be checked by this app. {}",
                i.product, i.issuer, i.switch
            ));
        }
        if self.pinned {
            out.push(
                "The certificate is not signed by a trusted authority; it was accepted because its key is the one you trusted for this server.".to_string(),
            );
        }
        out
    }
}

/// What the server said about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ServerFacts {
    /// Every address the host name resolved to.
    pub addresses: Vec<String>,
    /// The address the connection was made to.
    pub connected_to: Option<String>,
    /// The greeting line.
    pub greeting: Option<String>,
    /// Capabilities (IMAP CAPABILITY, POP3 CAPA, SMTP EHLO keywords), last seen.
    pub capabilities: Vec<String>,
    /// Advertised SASL mechanisms.
    pub auth_mechanisms: Vec<String>,
    /// The mechanism or command used to sign in.
    pub auth_used: Option<String>,
    /// Why that one: what the server offered and what the credentials needed.
    pub auth_reason: Option<String>,
    /// The secret was an OAuth 2.0 access token, not a password (the by-hand commands
    /// then sign in with a token too).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub oauth2: bool,
    /// What happened to the round trip's test message here (round trips only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test_message: Option<super::mission::MessageFacts>,
    /// Messages in INBOX (IMAP) or in the maildrop (POP3).
    pub messages: Option<u64>,
    /// Maildrop size in octets (POP3 STAT).
    pub mailbox_octets: Option<u64>,
    /// Texts the server asked to show to the user (IMAP [ALERT]).
    pub alerts: Vec<String>,
    /// Where the name has IPv4 and IPv6 addresses: how each family fared.
    pub families: Vec<FamilyResult>,
}

/// What a warning is about (stable snake_case codes in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The server works over IPv4 but not over IPv6.
    Ipv6NotWorking,
    /// The server works over IPv6 but not over IPv4.
    Ipv4NotWorking,
}

/// Something a test found that the person should know, also when it passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: WarningCode,
    /// One or two sentences in plain words.
    pub text: String,
}

/// How the probe ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Connected, secured, signed in and out.
    Verified,
    /// Stopped at a step; the diagnosis says why.
    Failed { diagnosis: Diagnosis },
}

/// Everything one probe observed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbeReport {
    pub server: ServerSettings,
    pub outcome: Outcome,
    pub steps: Vec<Step>,
    pub tls: Option<TlsFacts>,
    pub server_facts: ServerFacts,
    /// What the person should know although it did not stop the test.
    pub warnings: Vec<Warning>,
    pub transcript: Vec<TranscriptLine>,
    /// Milliseconds from start to end.
    pub total_ms: u64,
}

impl ProbeReport {
    pub fn is_verified(&self) -> bool {
        matches!(self.outcome, Outcome::Verified)
    }

    /// The diagnosis, when the probe failed.
    pub fn diagnosis(&self) -> Option<&Diagnosis> {
        match &self.outcome {
            Outcome::Verified => None,
            Outcome::Failed { diagnosis } => Some(diagnosis),
        }
    }
}
