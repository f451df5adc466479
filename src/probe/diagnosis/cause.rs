//! The vocabulary of a diagnosis: the stable cause codes (`Cause`, snake_case in JSON), a
//! failure explained (`Diagnosis`), and what is known about the server besides the failure
//! (`ServerContext`). The rules that choose a cause live beside it.

use serde::Serialize;

use super::super::step::StepKind;

/// The stable cause codes (snake_case in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    DnsNotFound,
    DnsFailed,
    ConnectionRefused,
    NetworkUnreachable,
    ConnectionTimeout,
    ConnectionClosed,
    GreetingTimeout,
    WrongProtocol,
    TlsOnPlaintextPort,
    PlaintextOnTlsPort,
    TlsHandshakeFailed,
    CertificateExpired,
    CertificateNotYetValid,
    CertificateNameMismatch,
    CertificateUntrusted,
    /// This system's certificate verification cannot run (seen under wine), so no certificate
    /// could be checked.
    CertificateCheckUnavailable,
    /// A known TLS-inspecting product (antivirus, company proxy) issued the certificate.
    TlsIntercepted,
    /// The sign-in itself proved that something sits between us and the server: SCRAM's
    /// channel binding did not match, its `-PLUS` offer was removed on the way, or the
    /// server's signature did not verify (RFC 5802, RFC 5929, RFC 9266).
    TlsInterceptedProven,
    /// Certificates fail on their dates because this computer's clock is wrong.
    ClockWrong,
    /// The key pinned for this host and port was not the one presented.
    CertificateChanged,
    StarttlsNotOffered,
    StarttlsFailed,
    PlaintextAuthRefused,
    InsecureConnectionRefused,
    AuthFailed,
    UnsendableCredentials,
    AppPasswordRequired,
    OauthRequired,
    /// The server refused the OAuth 2.0 access token (invalid, expired, revoked, or for
    /// another account).
    OauthTokenRejected,
    /// The access token lacks the permission (scope) the server needs.
    OauthScopeMissing,
    AuthMechanismUnsupported,
    AccountUnavailable,
    /// IMAP, POP3 or authenticated SMTP is switched off for this account.
    ProtocolDisabled,
    /// The provider blocks the sign-in until the person confirms it on its website.
    WebSignInRequired,
    /// Too many sign-ins or failed attempts: the provider blocks them for a while.
    TooManyAttempts,
    /// Too many connections to the account at once (other devices, other apps).
    TooManyConnections,
    /// The password has expired and must be changed first.
    PasswordExpired,
    /// The server refuses connections from this network address (a blocklist).
    ClientBlocked,
    ServerUnavailable,
    ProtocolError,
    Timeout,
    /// Round trip: the outgoing server took the test message, the mailbox never showed it.
    MessageNotArrived,
    /// The network answers in place of the server until someone signs in on its web page.
    CaptivePortal,
    /// This port does not answer, but the protocol's other standard port on the server does.
    PortBlocked,
}

impl Cause {
    /// The snake_case code, as in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Cause::DnsNotFound => "dns_not_found",
            Cause::DnsFailed => "dns_failed",
            Cause::ConnectionRefused => "connection_refused",
            Cause::NetworkUnreachable => "network_unreachable",
            Cause::ConnectionTimeout => "connection_timeout",
            Cause::ConnectionClosed => "connection_closed",
            Cause::GreetingTimeout => "greeting_timeout",
            Cause::WrongProtocol => "wrong_protocol",
            Cause::TlsOnPlaintextPort => "tls_on_plaintext_port",
            Cause::PlaintextOnTlsPort => "plaintext_on_tls_port",
            Cause::TlsHandshakeFailed => "tls_handshake_failed",
            Cause::CertificateExpired => "certificate_expired",
            Cause::CertificateNotYetValid => "certificate_not_yet_valid",
            Cause::CertificateNameMismatch => "certificate_name_mismatch",
            Cause::CertificateUntrusted => "certificate_untrusted",
            Cause::CertificateCheckUnavailable => "certificate_check_unavailable",
            Cause::TlsIntercepted => "tls_intercepted",
            Cause::TlsInterceptedProven => "tls_intercepted_proven",
            Cause::ClockWrong => "clock_wrong",
            Cause::CertificateChanged => "certificate_changed",
            Cause::StarttlsNotOffered => "starttls_not_offered",
            Cause::StarttlsFailed => "starttls_failed",
            Cause::PlaintextAuthRefused => "plaintext_auth_refused",
            Cause::InsecureConnectionRefused => "insecure_connection_refused",
            Cause::AuthFailed => "auth_failed",
            Cause::UnsendableCredentials => "unsendable_credentials",
            Cause::AppPasswordRequired => "app_password_required",
            Cause::OauthRequired => "oauth_required",
            Cause::OauthTokenRejected => "oauth_token_rejected",
            Cause::OauthScopeMissing => "oauth_scope_missing",
            Cause::AuthMechanismUnsupported => "auth_mechanism_unsupported",
            Cause::AccountUnavailable => "account_unavailable",
            Cause::ProtocolDisabled => "protocol_disabled",
            Cause::WebSignInRequired => "web_sign_in_required",
            Cause::TooManyAttempts => "too_many_attempts",
            Cause::TooManyConnections => "too_many_connections",
            Cause::PasswordExpired => "password_expired",
            Cause::ClientBlocked => "client_blocked",
            Cause::ServerUnavailable => "server_unavailable",
            Cause::ProtocolError => "protocol_error",
            Cause::Timeout => "timeout",
            Cause::MessageNotArrived => "message_not_arrived",
            Cause::CaptivePortal => "captive_portal",
            Cause::PortBlocked => "port_blocked",
        }
    }

    /// Whether the password itself is the likely problem (the wizard goes back to it).
    pub fn is_credentials(self) -> bool {
        matches!(
            self,
            Cause::AuthFailed
                | Cause::AppPasswordRequired
                | Cause::OauthRequired
                | Cause::OauthTokenRejected
                | Cause::OauthScopeMissing
                | Cause::PasswordExpired
                | Cause::UnsendableCredentials
        )
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A failure explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    pub cause: Cause,
    /// One sentence: what happened.
    pub summary: String,
    /// What to do next, in plain words.
    pub advice: String,
    /// The server's own reply, where it gave one.
    pub server_reply: Option<String>,
    /// The step it failed at.
    pub step: StepKind,
    /// Technical detail (host:port, timings) for technicians.
    pub detail: String,
}

/// What is known about the server besides the failure, for recognising its provider.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ServerContext<'a> {
    /// The host name the probe was pointed at.
    pub host: &'a str,
    /// The server's greeting, when it got that far.
    pub greeting: Option<&'a str>,
}
