//! What a probe is given besides the server and the secret: deadlines per step, the trust,
//! the resolver, plaintext consent, the connectivity check, clock evidence, the kind of
//! secret, and where live progress goes (`ProbeEvent`, `ProgressSink`); and the byte stream
//! type every step talks over.

use std::sync::Arc;
use std::time::Duration;

use super::clock;
use super::progress::ProgressSink;
use super::sasl;
use super::tls::CertTrust;
use crate::net::{HostResolver, SystemResolver};

/// Deadlines for each kind of network step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub resolve: Duration,
    pub connect: Duration,
    pub tls: Duration,
    pub greeting: Duration,
    /// Any other command (CAPABILITY, EHLO, STARTTLS, STAT, LOGOUT …).
    pub command: Duration,
    /// The sign-in (servers often delay failed logins on purpose).
    pub auth: Duration,
}

impl Default for Timeouts {
    /// Generous enough for a slow mobile network, short enough that nobody waits minutes.
    fn default() -> Self {
        Self {
            resolve: Duration::from_secs(8),
            connect: Duration::from_secs(10),
            tls: Duration::from_secs(10),
            greeting: Duration::from_secs(10),
            command: Duration::from_secs(10),
            auth: Duration::from_secs(20),
        }
    }
}

impl Timeouts {
    /// The same deadline for every step.
    pub fn uniform(d: Duration) -> Self {
        Self {
            resolve: d,
            connect: d,
            tls: d,
            greeting: d,
            command: d,
            auth: d,
        }
    }
}

/// What a probe needs besides the server and the password.
#[derive(Debug, Clone)]
pub struct ProbeOptions {
    pub timeouts: Timeouts,
    /// Which certificates are trusted.
    pub trust: CertTrust,
    /// Allow sending the password over an unencrypted connection (explicit opt-in) to the
    /// server of every probe made with these options. Set only where the options serve one
    /// server the person consented for (the window's per-host consent, a saved account).
    pub allow_plaintext: bool,
    /// Allow it for these hosts only (lower case, `--allow-plaintext HOST`): a fallback to
    /// another host never gets the password in clear on a consent given for one.
    pub plaintext_hosts: std::collections::BTreeSet<String>,
    /// How host names become addresses.
    pub resolver: Arc<dyn HostResolver>,
    /// The name we give in EHLO.
    pub client_name: String,
    /// Where live progress goes (the wizard's checklist), if anywhere.
    pub progress: Option<ProgressSink>,
    /// The plain-HTTP check that tells a captive portal, asked only after a wrong-name
    /// certificate or an HTTP answer. None (the default here) asks nothing; the window and
    /// the CLI use `ConnectivityCheck::public_default()`.
    pub connectivity: Option<ConnectivityCheck>,
    /// What a trusted time reference (an HTTPS `Date` seen by discovery or a connectivity
    /// check) says about this computer's clock; explains certificates failing on their dates.
    pub time_evidence: Option<clock::TimeEvidence>,
    /// What the secret passed to `probe` is: a password (the default) or an OAuth 2.0
    /// access token, sent with XOAUTH2 or OAUTHBEARER (RFC 7628).
    pub secret_kind: SecretKind,
}

/// What the secret given to a probe is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SecretKind {
    /// A password, sent with PLAIN, LOGIN or USER/PASS.
    #[default]
    Password,
    /// An OAuth 2.0 access token; `mechanism` forces one SASL mechanism, else OAUTHBEARER
    /// is preferred to XOAUTH2 when the server offers both.
    OAuth2 { mechanism: Option<sasl::Mechanism> },
}

impl ProbeOptions {
    /// Platform trust, default deadlines, system resolver, no plaintext.
    pub fn new(trust: CertTrust) -> Self {
        Self {
            timeouts: Timeouts::default(),
            trust,
            allow_plaintext: false,
            plaintext_hosts: std::collections::BTreeSet::new(),
            resolver: Arc::new(SystemResolver),
            client_name: "mailsetup.localhost".into(),
            progress: None,
            connectivity: None,
            time_evidence: None,
            secret_kind: SecretKind::Password,
        }
    }
}

/// The connectivity check the window and the CLI use unless told otherwise.
pub const DEFAULT_CONNECTIVITY_URL: &str = "http://detectportal.firefox.com/success.txt";
/// What it answers when nothing is in the way.
pub const DEFAULT_CONNECTIVITY_BODY: &str = "success";

/// A plain-HTTP URL that must answer a fixed text when the network lets everything through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectivityCheck {
    pub url: String,
    /// The body expected (compared without surrounding white space).
    pub expected: String,
}

impl ConnectivityCheck {
    /// Firefox's check (`success`).
    pub fn public_default() -> Self {
        Self {
            url: DEFAULT_CONNECTIVITY_URL.into(),
            expected: DEFAULT_CONNECTIVITY_BODY.into(),
        }
    }
}
