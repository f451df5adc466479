//! From what a probe observed to what it means: a stable cause code, one sentence, advice a
//! non-technical person can follow, and the server's own words. A pure function.
//!
//! Server replies are data and are matched here: IMAP response codes (RFC 5530:
//! `[AUTHENTICATIONFAILED]`, `[UNAVAILABLE]`, `[PRIVACYREQUIRED]` …), POP3 extended response
//! codes (RFC 2449 / RFC 3206: `[AUTH]`, `[SYS/TEMP]`, `[IN-USE]`), SMTP reply codes and
//! enhanced status codes (RFC 5321, RFC 3463, RFC 4954: 5.7.8, 5.7.0, 5.7.9), plus phrases
//! large providers use (Google's "Application-specific password required", Microsoft's
//! 5.7.139 "basic authentication is disabled").
//!
//! In order: the failure's type decides (DNS, TCP, TLS …); a server's refusal is taken apart
//! (`reply`) and classified by its codes first, then by server words known from the reply
//! corpus in `tests/data/replies.json` (`rules`); when the provider running the server is
//! known (`provider`: built-in table, by host name or greeting), its habits refine the cause
//! and its own help pages (enable IMAP/POP, app passwords, lockouts, status page) are added
//! to the advice.

mod certs;
pub mod network;
mod oauth;
mod provider;
mod reply;
mod rules;

use serde::Serialize;

use super::failure::{Failure, TlsProblem};
use super::step::StepKind;
use crate::account::Protocol;

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
    /// A known TLS-inspecting product (antivirus, company proxy) issued the certificate.
    TlsIntercepted,
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
            Cause::TlsIntercepted => "tls_intercepted",
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

/// Explains a failure observed while testing a server of `protocol` at `step`.
pub fn diagnose(protocol: Protocol, step: StepKind, failure: &Failure) -> Diagnosis {
    diagnose_at(protocol, step, failure, ServerContext::default())
}

/// Explains a failure, with provider-specific advice when `server` belongs to a provider
/// of the built-in table.
pub fn diagnose_at(
    protocol: Protocol,
    step: StepKind,
    failure: &Failure,
    server: ServerContext<'_>,
) -> Diagnosis {
    let known = provider::recognise(&server);
    let mut cause = classify(protocol, step, failure);
    if let Some(p) = known {
        cause = provider::refine(p, cause, failure.server_reply());
    }
    let (summary, advice) = words(protocol, cause);
    let mut advice = match known.and_then(|p| provider::advice(p, protocol, cause)) {
        Some(extra) => format!("{advice} {extra}"),
        None => advice.to_string(),
    };
    if let Some(ask) = provider::ask_the_admin(cause, failure.server_reply()) {
        advice = format!("{advice} {ask}");
    }
    if let Some(extra) = certs::particulars(failure) {
        advice = format!("{advice} {extra}");
    }
    if let Some(extra) = oauth::particulars(failure) {
        advice = format!("{advice} {extra}");
    }
    Diagnosis {
        cause,
        summary: summary.to_string(),
        advice,
        server_reply: failure.server_reply().map(str::to_string),
        step,
        detail: failure.to_string(),
    }
}

/// The id of the built-in table's provider running `server` (`"gmail"` …), if known.
pub fn provider_of(server: ServerContext<'_>) -> Option<&'static str> {
    provider::recognise(&server).map(|p| p.id.as_str())
}

fn classify(protocol: Protocol, step: StepKind, failure: &Failure) -> Cause {
    if let Some(cause) = certs::classify(failure) {
        return cause;
    }
    match failure {
        Failure::DnsNotFound { .. } => Cause::DnsNotFound,
        Failure::DnsFailed { .. } => Cause::DnsFailed,
        Failure::ConnectionRefused { .. } | Failure::ConnectionFailed { .. } => {
            Cause::ConnectionRefused
        }
        Failure::ConnectTimeout { .. } => Cause::ConnectionTimeout,
        Failure::NetworkUnreachable { .. } => Cause::NetworkUnreachable,
        Failure::MessageNotArrived { .. } => Cause::MessageNotArrived,
        Failure::UnsendableCredentials { .. } => Cause::UnsendableCredentials,
        Failure::Closed { .. } => Cause::ConnectionClosed,
        Failure::GreetingTimeout { .. } => Cause::GreetingTimeout,
        Failure::Timeout { .. } => Cause::Timeout,
        Failure::WrongProtocol { .. } => Cause::WrongProtocol,
        Failure::TlsOnPlaintextPort { .. } => Cause::TlsOnPlaintextPort,
        Failure::PlaintextOnTlsPort { .. } => Cause::PlaintextOnTlsPort,
        Failure::Tls { problem, .. } => match problem {
            TlsProblem::Expired => Cause::CertificateExpired,
            TlsProblem::NotYetValid => Cause::CertificateNotYetValid,
            TlsProblem::NameMismatch => Cause::CertificateNameMismatch,
            TlsProblem::Untrusted => Cause::CertificateUntrusted,
            TlsProblem::Handshake => Cause::TlsHandshakeFailed,
        },
        Failure::StartTlsNotOffered { .. } => Cause::StarttlsNotOffered,
        Failure::StartTlsRefused { .. } => Cause::StarttlsFailed,
        Failure::InsecureRefused { .. } => Cause::InsecureConnectionRefused,
        Failure::PlaintextAuthRefused { .. } => Cause::PlaintextAuthRefused,
        Failure::NoUsableMechanism { offered, .. } => {
            let offered = offered.to_ascii_uppercase();
            if offered.contains("XOAUTH2") || offered.contains("OAUTHBEARER") {
                Cause::OauthRequired
            } else {
                Cause::AuthMechanismUnsupported
            }
        }
        Failure::Rejected { reply, .. } => classify_reply(protocol, step, reply),
        Failure::OAuthRejected { reply, error, .. } => {
            oauth::classify(protocol, step, reply, error.as_deref())
        }
        Failure::Protocol { .. } => Cause::ProtocolError,
        Failure::TlsIntercepted { .. }
        | Failure::ClockWrong { .. }
        | Failure::CertificateChanged { .. } => Cause::CertificateUntrusted,
    }
}

/// Classifies a server's refusal (IMAP NO/BAD/BYE, POP3 -ERR, SMTP 4xx/5xx); a reply in
/// none of these forms is a protocol error.
pub fn classify_reply(protocol: Protocol, step: StepKind, reply: &str) -> Cause {
    rules::classify(protocol, step, &reply::Reply::parse(protocol, reply))
}

/// The summary and the advice for a cause. Our own words, for people who are not technicians.
fn words(protocol: Protocol, cause: Cause) -> (&'static str, &'static str) {
    let incoming = protocol.is_incoming();
    if let Some(w) = certs::words(cause).or_else(|| oauth::words(cause)) {
        return w;
    }
    match cause {
        Cause::DnsNotFound => (
            "The server name does not exist.",
            "Check the server name for typing mistakes. Your provider's help pages list the right one.",
        ),
        Cause::DnsFailed => (
            "The server name could not be looked up.",
            "Check your connection (Wi-Fi, cable or mobile data), then try again. If websites open, the name servers of your network or provider may be having trouble.",
        ),
        Cause::ConnectionRefused => (
            "The server refused the connection on this port.",
            "The port is probably wrong, or the service is switched off. Check the port number in your provider's settings.",
        ),
        Cause::NetworkUnreachable => (
            "This computer has no way through the network to the server.",
            "Check your connection: is Wi-Fi or the cable connected, and do websites open? Then try again. A VPN, or a network that only lets some traffic out, can also cause this.",
        ),
        Cause::ConnectionTimeout => (
            "The server did not answer the connection attempt.",
            "A firewall, your network or your internet provider may be blocking this port. Try another network, or check the port number.",
        ),
        Cause::ConnectionClosed => (
            "The server hung up in the middle of the conversation.",
            "Try again in a few minutes. If it keeps happening, the server may be blocking this computer's address; contact your provider.",
        ),
        Cause::GreetingTimeout => (
            "The connection opened, but the server never said hello.",
            "The server may be overloaded, or something on the network is holding the connection. Try again later or check the port.",
        ),
        Cause::WrongProtocol => (
            "Something answered on this port, but it is not the kind of mail server expected here.",
            "The port number is probably wrong for this kind of server. Check the port in your provider's settings.",
        ),
        Cause::TlsOnPlaintextPort => (
            "This port expects an unencrypted start, but the connection was set to encrypt from the first byte.",
            "Change the security setting to STARTTLS for this port, or use the encrypted port instead (993 for IMAP, 995 for POP3, 465 for sending).",
        ),
        Cause::PlaintextOnTlsPort => (
            "This port expects encryption from the first byte, but the connection was set to start unencrypted.",
            "Change the security setting to SSL/TLS for this port.",
        ),
        Cause::TlsHandshakeFailed => (
            "The secure connection could not be set up.",
            "The server may only support outdated encryption. Try the other security mode or port, and tell your provider.",
        ),
        Cause::CertificateExpired => (
            "The server's security certificate has expired.",
            "Do not send your password to this server until it is fixed. Check your computer's date and time; if they are right, tell your provider.",
        ),
        Cause::CertificateNotYetValid => (
            "The server's security certificate is not valid yet.",
            "Check your computer's date and time. If they are right, tell your provider.",
        ),
        Cause::CertificateNameMismatch => (
            "The server's security certificate belongs to a different name.",
            "The server name may be an alias. Use the name the certificate shows (see Details) if your provider confirms it.",
        ),
        Cause::CertificateUntrusted => (
            "The server's security certificate is not signed by an authority this computer trusts.",
            "This can mean someone is intercepting the connection. Do not continue on a public network; ask your provider or IT which certificate to expect. If this is your own server with its own certificate, compare its key's fingerprint (see Details) with the server and trust that key.",
        ),
        Cause::OauthTokenRejected | Cause::OauthScopeMissing => (
            "The server did not accept the sign-in from the provider's page.",
            "Sign in through the provider's page again.",
        ),
        Cause::TlsIntercepted | Cause::ClockWrong | Cause::CertificateChanged => (
            "The server's security certificate could not be checked.",
            "See Details.",
        ),
        Cause::StarttlsNotOffered => (
            "The server does not offer to encrypt this connection.",
            "Your password was not sent. Use the SSL/TLS port instead, or ask your provider how to connect securely.",
        ),
        Cause::StarttlsFailed => (
            "The server refused to switch this connection to encryption.",
            "Try the SSL/TLS port instead. If that fails too, contact your provider.",
        ),
        Cause::PlaintextAuthRefused => (
            "The server does not accept passwords on an unencrypted connection.",
            "Turn on encryption: choose SSL/TLS or STARTTLS in the security setting.",
        ),
        Cause::InsecureConnectionRefused => (
            "The password was not sent, because the connection is not encrypted.",
            "Choose SSL/TLS or STARTTLS. Only allow an unencrypted connection if you trust every network between you and the server.",
        ),
        Cause::AuthFailed => (
            "The server did not accept the user name or password.",
            "Check the password (and Caps Lock) and the user name; many providers want the full email address as user name. Sign in on the provider's website to be sure the password works.",
        ),
        Cause::UnsendableCredentials => (
            "The user name or password contains a line break or a NUL character, which cannot be sent to a mail server. Nothing was sent.",
            "Type the password (and user name) again by hand; a pasted password often brings the end of the line with it.",
        ),
        Cause::AppPasswordRequired => (
            "This account needs an app password instead of your normal password.",
            "Create an app password in your provider's account security settings, then enter it here instead of your normal password.",
        ),
        Cause::OauthRequired => (
            "This provider no longer accepts passwords from mail apps: it requires signing in through its own web page (OAuth2).",
            "Use a mail app that supports your provider's web sign-in, or ask the administrator to allow password sign-in for this account.",
        ),
        Cause::AuthMechanismUnsupported => (
            "The server offers no sign-in method this app can use.",
            "Contact your provider or IT and ask which sign-in methods the server supports.",
        ),
        Cause::AccountUnavailable => {
            if incoming {
                (
                    "The server says the account cannot be used right now (locked, disabled, in use or over quota).",
                    "Sign in on your provider's website to see what is wrong with the account, or contact your provider.",
                )
            } else {
                (
                    "The server says the account may not send mail right now.",
                    "Sign in on your provider's website to check the account, or contact your provider.",
                )
            }
        }
        Cause::ProtocolDisabled => (
            "The account exists, but access by mail apps (IMAP, POP or sending) is switched off for it.",
            "Switch IMAP/POP (or sending from other apps) on in the provider's web mail settings, or ask the administrator to allow it. The password itself may be right.",
        ),
        Cause::WebSignInRequired => (
            "The provider stopped this sign-in until you confirm it on its website.",
            "Sign in on the provider's website in a browser, confirm that the attempt was you (look for a security alert), then try again.",
        ),
        Cause::TooManyAttempts => (
            "The provider is blocking sign-ins for a while after too many attempts.",
            "Wait before trying again, and make sure no other device keeps trying an old password. More attempts now can make the block last longer.",
        ),
        Cause::TooManyConnections => (
            "Too many programs or devices are connected to this account at the same time.",
            "Close the mail app on another device (or another mail program on this one), wait a few minutes, then try again.",
        ),
        Cause::PasswordExpired => (
            "The password has expired.",
            "Sign in on the provider's website, choose a new password there, then enter the new one here.",
        ),
        Cause::ClientBlocked => (
            "The server refuses connections from your network's address.",
            "Your internet address may be on a spam blocklist. Try from another network, or ask your internet provider or the mail provider to remove the block.",
        ),
        Cause::ServerUnavailable => (
            "The server is temporarily unavailable.",
            "This is usually brief. Wait a few minutes and try again.",
        ),
        Cause::ProtocolError => (
            "The server answered in a way this app did not understand.",
            "Try again. If it keeps happening, send the details to your provider or IT.",
        ),
        Cause::Timeout => (
            "The server stopped answering.",
            "Check your connection and try again. The server may be overloaded.",
        ),
        Cause::MessageNotArrived => (
            "The outgoing server accepted the test message, but it did not show up in the inbox in time.",
            "Mail may be slow today, or the message was filed elsewhere: look in the spam or junk folder and check the account's filters and forwarding rules. If it arrives later, it can be deleted; its subject says it is a test.",
        ),
        Cause::CaptivePortal | Cause::PortBlocked => network::words(cause),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(protocol: Protocol, step: StepKind, reply: &str) -> Cause {
        let f = Failure::Rejected {
            endpoint: "mail.example.test:993".into(),
            step,
            reply: reply.into(),
        };
        diagnose(protocol, step, &f).cause
    }

    #[test]
    fn dovecot_wrong_password_replies_are_auth_failed() {
        use StepKind::Authenticate as A;
        assert_eq!(
            rejected(
                Protocol::Imap,
                A,
                "A0002 NO [AUTHENTICATIONFAILED] Authentication failed."
            ),
            Cause::AuthFailed
        );
        assert_eq!(
            rejected(Protocol::Pop3, A, "-ERR [AUTH] Authentication failed."),
            Cause::AuthFailed
        );
        assert_eq!(
            rejected(Protocol::Smtp, A, "535 5.7.8 Authentication failed."),
            Cause::AuthFailed
        );
    }

    #[test]
    fn plaintext_refusals_from_dovecot() {
        use StepKind::Authenticate as A;
        assert_eq!(
            rejected(
                Protocol::Imap,
                A,
                "A0002 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections."
            ),
            Cause::PlaintextAuthRefused
        );
        assert_eq!(
            rejected(
                Protocol::Pop3,
                A,
                "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections."
            ),
            Cause::PlaintextAuthRefused
        );
        assert_eq!(
            rejected(Protocol::Smtp, A, "530 5.7.0 TLS required."),
            Cause::PlaintextAuthRefused
        );
    }

    #[test]
    fn provider_replies_map_to_specific_causes() {
        use StepKind::Authenticate as A;
        // Gmail, IMAP, 2024.
        assert_eq!(
            rejected(
                Protocol::Imap,
                A,
                "A1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)"
            ),
            Cause::AppPasswordRequired
        );
        // Gmail, SMTP.
        assert_eq!(
            rejected(
                Protocol::Smtp,
                A,
                "534 5.7.9 Application-specific password required."
            ),
            Cause::AppPasswordRequired
        );
        // Microsoft 365, SMTP AUTH switched off for the tenant.
        assert_eq!(
            rejected(
                Protocol::Smtp,
                A,
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
            ),
            Cause::ProtocolDisabled
        );
        assert_eq!(
            rejected(
                Protocol::Smtp,
                A,
                "535 5.7.139 Authentication unsuccessful, basic authentication is disabled."
            ),
            Cause::OauthRequired
        );
        assert_eq!(
            rejected(
                Protocol::Imap,
                A,
                "A1 NO [UNAVAILABLE] Temporary authentication failure"
            ),
            Cause::ServerUnavailable
        );
        assert_eq!(
            rejected(Protocol::Pop3, A, "-ERR [SYS/TEMP] Try again later"),
            Cause::ServerUnavailable
        );
        assert_eq!(
            rejected(
                Protocol::Pop3,
                A,
                "-ERR [IN-USE] Mailbox locked by another session"
            ),
            Cause::AccountUnavailable
        );
        assert_eq!(
            rejected(
                Protocol::Smtp,
                StepKind::Greeting,
                "421 4.3.2 Service not available"
            ),
            Cause::ServerUnavailable
        );
        assert_eq!(
            rejected(
                Protocol::Smtp,
                A,
                "454 4.7.0 Temporary authentication failure"
            ),
            Cause::ServerUnavailable
        );
        assert_eq!(
            rejected(Protocol::Imap, A, "A1 NO [ALERT] Account disabled"),
            Cause::AccountUnavailable
        );
    }

    #[test]
    fn diagnosis_keeps_the_server_words_and_gives_advice() {
        let f = Failure::Rejected {
            endpoint: "127.0.0.1:993".into(),
            step: StepKind::Authenticate,
            reply: "A0002 NO [AUTHENTICATIONFAILED] Authentication failed.".into(),
        };
        let d = diagnose(Protocol::Imap, StepKind::Authenticate, &f);
        assert_eq!(d.cause, Cause::AuthFailed);
        assert_eq!(
            d.server_reply.as_deref(),
            Some("A0002 NO [AUTHENTICATIONFAILED] Authentication failed.")
        );
        assert!(d.advice.contains("password"));
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["cause"], "auth_failed");
        assert_eq!(json["step"], "authenticate");
    }

    #[test]
    fn mechanisms_offering_only_oauth_mean_oauth_required() {
        let f = Failure::NoUsableMechanism {
            endpoint: "x:993".into(),
            offered: "XOAUTH2 OAUTHBEARER".into(),
        };
        assert_eq!(
            diagnose(Protocol::Imap, StepKind::Authenticate, &f).cause,
            Cause::OauthRequired
        );
        let f = Failure::NoUsableMechanism {
            endpoint: "x:993".into(),
            offered: "CRAM-MD5".into(),
        };
        assert_eq!(
            diagnose(Protocol::Imap, StepKind::Authenticate, &f).cause,
            Cause::AuthMechanismUnsupported
        );
    }
}
