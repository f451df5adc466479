//! The steps of a connection test (`StepKind`), in the order they happen, with the words a
//! checklist shows for each. On their own so that what a probe observed (`outcome`), why it
//! stopped (`failure`) and what that means (`diagnosis`) can all name a step without importing
//! each other.

use serde::Serialize;

/// The steps of a connection test, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Host name to addresses.
    Resolve,
    /// TCP connection (addresses raced, IPv6 and IPv4).
    Connect,
    /// TLS handshake at the start of the connection (implicit TLS).
    Tls,
    /// The server's first line.
    Greeting,
    /// What the server supports (CAPABILITY, CAPA, EHLO).
    Capabilities,
    /// STARTTLS / STLS and the TLS handshake after it.
    StartTls,
    /// Signing in.
    Authenticate,
    /// Opening the mailbox (IMAP EXAMINE INBOX, POP3 STAT).
    Mailbox,
    /// Saying goodbye (LOGOUT, QUIT).
    Logout,
    /// A second connection made only to find out what a silent port speaks.
    PortCheck,
    /// Round trip: the test message handed to the outgoing server.
    SendMessage,
    /// Round trip: looking for the test message in the incoming server.
    FindMessage,
    /// Round trip: deleting the test message once found.
    DeleteMessage,
    /// A follow-up check of the network, without the password: the other address family,
    /// the protocol's other standard port, the connectivity check for a sign-in page.
    NetworkCheck,
}

impl StepKind {
    /// `label` in the current language (the CLI's text on screen); `label` stays English
    /// for the technician's documents.
    pub fn words(self) -> String {
        match self {
            StepKind::Resolve => t!("step-resolve"),
            StepKind::Connect => t!("step-connect"),
            StepKind::Tls => t!("step-tls"),
            StepKind::Greeting => t!("step-greeting"),
            StepKind::Capabilities => t!("step-capabilities"),
            StepKind::StartTls => t!("step-starttls"),
            StepKind::Authenticate => t!("step-authenticate"),
            StepKind::Mailbox => t!("step-mailbox"),
            StepKind::Logout => t!("step-logout"),
            StepKind::PortCheck => t!("step-port-check"),
            StepKind::SendMessage => t!("step-send-message"),
            StepKind::FindMessage => t!("step-find-message"),
            StepKind::DeleteMessage => t!("step-delete-message"),
            StepKind::NetworkCheck => t!("step-network-check"),
        }
    }

    /// Words for a checklist.
    pub fn label(self) -> &'static str {
        match self {
            StepKind::Resolve => "find server",
            StepKind::Connect => "connect",
            StepKind::Tls => "secure connection",
            StepKind::Greeting => "server greeting",
            StepKind::Capabilities => "capabilities",
            StepKind::StartTls => "secure connection (STARTTLS)",
            StepKind::Authenticate => "sign in",
            StepKind::Mailbox => "open mailbox",
            StepKind::Logout => "sign out",
            StepKind::PortCheck => "check what the port speaks",
            StepKind::SendMessage => "send a test message",
            StepKind::FindMessage => "find the test message",
            StepKind::DeleteMessage => "delete the test message",
            StepKind::NetworkCheck => "check the network",
        }
    }
}
