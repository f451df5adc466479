//! Why a probe stopped, as observed: a typed value with the context (host:port, step) and the
//! server's own words where it spoke. `diagnosis` turns it into a cause and advice; nothing
//! classifies these by their text.

use std::time::Duration;

use super::step::StepKind;

/// What went wrong during the TLS handshake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsProblem {
    Expired,
    NotYetValid,
    NameMismatch,
    Untrusted,
    /// This system's certificate verification could not run (`crate::verifier`).
    VerifierUnavailable,
    /// Anything else: protocol versions, ciphers, alerts.
    Handshake,
}

/// The observation a probe stopped at.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    #[error("{host}: no such host name in DNS")]
    DnsNotFound { host: String },
    #[error("{host}: DNS lookup failed: {detail}")]
    DnsFailed { host: String, detail: String },
    #[error("{endpoint}: connection refused")]
    ConnectionRefused { endpoint: String },
    #[error("{endpoint}: could not connect: {detail}")]
    ConnectionFailed { endpoint: String, detail: String },
    /// No route: the network or the host is unreachable (ENETUNREACH, EHOSTUNREACH).
    #[error("{endpoint}: no route to the server: {detail}")]
    NetworkUnreachable { endpoint: String, detail: String },
    #[error("{endpoint}: no answer to the connection attempt within {after:?}")]
    ConnectTimeout { endpoint: String, after: Duration },
    #[error("{endpoint}: the server closed the connection during {step:?}")]
    Closed { endpoint: String, step: StepKind },
    /// Round trip: the test message was not in the mailbox by the deadline.
    #[error("{endpoint}: the test message {message_id} did not arrive within {after:?}")]
    MessageNotArrived {
        endpoint: String,
        message_id: String,
        after: Duration,
    },
    #[error("{endpoint}: no greeting within {after:?}")]
    GreetingTimeout { endpoint: String, after: Duration },
    #[error("{endpoint}: no reply within {after:?} during {step:?}")]
    Timeout {
        endpoint: String,
        step: StepKind,
        after: Duration,
    },
    #[error("{endpoint}: expected {expected} but the server said {said:?}")]
    WrongProtocol {
        endpoint: String,
        expected: &'static str,
        said: String,
    },
    #[error("{endpoint}: TLS was requested but the server speaks plaintext ({said:?})")]
    TlsOnPlaintextPort { endpoint: String, said: String },
    #[error("{endpoint}: the port expects TLS from the first byte")]
    PlaintextOnTlsPort { endpoint: String },
    #[error("{endpoint}: TLS handshake failed: {detail}")]
    Tls {
        endpoint: String,
        problem: TlsProblem,
        detail: String,
    },
    /// A known TLS-inspecting product (antivirus, company proxy) issued the chain, and this
    /// computer does not trust its root.
    #[error(
        "{endpoint}: the certificate was issued by {product} ({issuer}), not by the server: {detail}"
    )]
    TlsIntercepted {
        endpoint: String,
        product_id: &'static str,
        product: &'static str,
        issuer: String,
        detail: String,
    },
    /// The endpoint's key is pinned and the server presented another one.
    #[error("{endpoint}: the server's key changed: pinned {pinned}, presented {presented}")]
    CertificateChanged {
        endpoint: String,
        /// The pinned SPKI SHA-256 (base64; several joined by ", ").
        pinned: String,
        /// The presented SPKI SHA-256 (base64).
        presented: String,
    },
    /// The certificate is outside its dates by this computer's clock, and a time reference
    /// says the clock is wrong.
    #[error("{endpoint}: the certificate is {} by this computer's clock ({local}), but {witness} says it is {reference}", if *.not_yet_valid { "not yet valid" } else { "expired" })]
    ClockWrong {
        endpoint: String,
        not_yet_valid: bool,
        /// This computer's time, RFC 3339.
        local: String,
        /// The time the reference gives, RFC 3339.
        reference: String,
        /// Where the reference came from (an HTTPS answer's `Date`, a server greeting).
        witness: String,
    },
    #[error("{endpoint}: the server does not offer STARTTLS")]
    StartTlsNotOffered { endpoint: String },
    #[error("{endpoint}: STARTTLS was refused: {reply}")]
    StartTlsRefused { endpoint: String, reply: String },
    #[error("{endpoint}: will not send a password over an unencrypted connection")]
    InsecureRefused { endpoint: String },
    /// Decided from what the server advertised, before any password was sent.
    #[error("{endpoint}: the server refuses passwords on an unencrypted connection ({evidence})")]
    PlaintextAuthRefused { endpoint: String, evidence: String },
    #[error("{endpoint}: no sign-in method we can use (server offers: {offered})")]
    NoUsableMechanism { endpoint: String, offered: String },
    #[error("{endpoint}: the server said no during {step:?}: {reply}")]
    Rejected {
        endpoint: String,
        step: StepKind,
        reply: String,
    },
    /// The server refused the OAuth 2.0 access token; `error` is its RFC 7628 §3.2.2 error
    /// object when it sent one.
    #[error("{endpoint}: the server refused the access token during {step:?}: {reply}{}", .error.as_ref().map(|e| format!(" ({})", e.summary())).unwrap_or_default())]
    OAuthRejected {
        endpoint: String,
        step: StepKind,
        reply: String,
        error: Option<Box<crate::probe::sasl::ErrorReply>>,
    },
    /// A SCRAM sign-in (RFC 5802) stopped: the server's `e=` error, a message we refuse
    /// (iteration count, nonce), a signature or channel binding that proves someone sits in
    /// between, or a password SASLprep refuses (then nothing was sent). `reply` is the
    /// server's final answer, when it gave one.
    #[error("{endpoint}: the {mechanism} sign-in stopped: {error}{}", .reply.as_ref().map(|r| format!(" (the server said: {r})")).unwrap_or_default())]
    Scram {
        endpoint: String,
        mechanism: &'static str,
        error: crate::probe::scram::ScramError,
        reply: Option<String>,
    },
    /// Refused before connecting: a credential no mail protocol can carry.
    #[error("{endpoint}: nothing was sent: {problem}")]
    UnsendableCredentials {
        endpoint: String,
        problem: crate::account::CredentialError,
    },
    #[error("{endpoint}: unexpected reply during {step:?}: {detail}")]
    Protocol {
        endpoint: String,
        step: StepKind,
        detail: String,
    },
}

impl Failure {
    /// The server's own words carried by this observation, if any.
    pub fn server_reply(&self) -> Option<&str> {
        match self {
            Failure::WrongProtocol { said, .. } | Failure::TlsOnPlaintextPort { said, .. } => {
                Some(said)
            }
            Failure::StartTlsRefused { reply, .. }
            | Failure::Rejected { reply, .. }
            | Failure::OAuthRejected { reply, .. } => Some(reply),
            Failure::Scram { reply, .. } => reply.as_deref(),
            _ => None,
        }
    }
}
