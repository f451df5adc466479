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

mod cause;
mod certs;
pub mod network;
mod oauth;
mod provider;
mod reply;
mod rules;
mod scram;

use super::failure::{Failure, TlsProblem};
use super::step::StepKind;
use crate::account::Protocol;

pub use cause::{Cause, Diagnosis, ServerContext};
pub use rules::classify_reply;

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
        None => advice,
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
    if let Some(extra) = scram::particulars(failure) {
        advice = format!("{advice} {extra}");
    }
    Diagnosis {
        cause,
        summary,
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
    if let Some(cause) = certs::classify(failure).or_else(|| scram::classify(failure)) {
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
            TlsProblem::VerifierUnavailable => Cause::CertificateCheckUnavailable,
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
        Failure::Protocol { .. } | Failure::Scram { .. } => Cause::ProtocolError,
        Failure::TlsIntercepted { .. }
        | Failure::ClockWrong { .. }
        | Failure::CertificateChanged { .. } => Cause::CertificateUntrusted,
    }
}

/// The summary and the advice for a cause on a server of `protocol`, in the current language
/// (without the provider's or the failure's particulars that `diagnose_at` adds).
pub fn explain(protocol: Protocol, cause: Cause) -> (String, String) {
    words(protocol, cause)
}

/// The summary and the advice for a cause. Our own words, for people who are not technicians.
fn words(protocol: Protocol, cause: Cause) -> (String, String) {
    let incoming = protocol.is_incoming();
    if let Some(w) = certs::words(cause) {
        return w;
    }
    match cause {
        Cause::DnsNotFound => (t!("cause-dns-not-found"), t!("cause-dns-not-found-advice")),
        Cause::DnsFailed => (t!("cause-dns-failed"), t!("cause-dns-failed-advice")),
        Cause::ConnectionRefused => (
            t!("cause-connection-refused"),
            t!("cause-connection-refused-advice"),
        ),
        Cause::NetworkUnreachable => (
            t!("cause-network-unreachable"),
            t!("cause-network-unreachable-advice"),
        ),
        Cause::ConnectionTimeout => (
            t!("cause-connection-timeout"),
            t!("cause-connection-timeout-advice"),
        ),
        Cause::ConnectionClosed => (
            t!("cause-connection-closed"),
            t!("cause-connection-closed-advice"),
        ),
        Cause::GreetingTimeout => (
            t!("cause-greeting-timeout"),
            t!("cause-greeting-timeout-advice"),
        ),
        Cause::WrongProtocol => (
            t!("cause-wrong-protocol"),
            t!("cause-wrong-protocol-advice"),
        ),
        Cause::TlsOnPlaintextPort => (
            t!("cause-tls-on-plaintext-port"),
            t!("cause-tls-on-plaintext-port-advice"),
        ),
        Cause::PlaintextOnTlsPort => (
            t!("cause-plaintext-on-tls-port"),
            t!("cause-plaintext-on-tls-port-advice"),
        ),
        Cause::TlsHandshakeFailed => (
            t!("cause-tls-handshake-failed"),
            t!("cause-tls-handshake-failed-advice"),
        ),
        Cause::CertificateExpired => (
            t!("cause-certificate-expired"),
            t!("cause-certificate-expired-advice"),
        ),
        Cause::CertificateNotYetValid => (
            t!("cause-certificate-not-yet-valid"),
            t!("cause-certificate-not-yet-valid-advice"),
        ),
        Cause::CertificateNameMismatch => (
            t!("cause-certificate-name-mismatch"),
            t!("cause-certificate-name-mismatch-advice"),
        ),
        Cause::CertificateUntrusted => (
            t!("cause-certificate-untrusted"),
            t!("cause-certificate-untrusted-advice"),
        ),
        Cause::CertificateCheckUnavailable => (
            t!("cause-certificate-check-unavailable"),
            t!("cause-certificate-check-unavailable-advice"),
        ),
        Cause::OauthTokenRejected | Cause::OauthScopeMissing => oauth::words(cause),
        Cause::StarttlsNotOffered => (
            t!("cause-starttls-not-offered"),
            t!("cause-starttls-not-offered-advice"),
        ),
        Cause::StarttlsFailed => (
            t!("cause-starttls-failed"),
            t!("cause-starttls-failed-advice"),
        ),
        Cause::PlaintextAuthRefused => (
            t!("cause-plaintext-auth-refused"),
            t!("cause-plaintext-auth-refused-advice"),
        ),
        Cause::InsecureConnectionRefused => (
            t!("cause-insecure-connection-refused"),
            t!("cause-insecure-connection-refused-advice"),
        ),
        Cause::AuthFailed => (t!("cause-auth-failed"), t!("cause-auth-failed-advice")),
        Cause::UnsendableCredentials => (
            t!("cause-unsendable-credentials"),
            t!("cause-unsendable-credentials-advice"),
        ),
        Cause::AppPasswordRequired => (
            t!("cause-app-password-required"),
            t!("cause-app-password-required-advice"),
        ),
        Cause::OauthRequired => (
            t!("cause-oauth-required"),
            t!("cause-oauth-required-advice"),
        ),
        Cause::AuthMechanismUnsupported => (
            t!("cause-auth-mechanism-unsupported"),
            t!("cause-auth-mechanism-unsupported-advice"),
        ),
        Cause::ProtocolDisabled => (
            t!("cause-protocol-disabled"),
            t!("cause-protocol-disabled-advice"),
        ),
        Cause::WebSignInRequired => (
            t!("cause-web-sign-in-required"),
            t!("cause-web-sign-in-required-advice"),
        ),
        Cause::TooManyAttempts => (
            t!("cause-too-many-attempts"),
            t!("cause-too-many-attempts-advice"),
        ),
        Cause::TooManyConnections => (
            t!("cause-too-many-connections"),
            t!("cause-too-many-connections-advice"),
        ),
        Cause::PasswordExpired => (
            t!("cause-password-expired"),
            t!("cause-password-expired-advice"),
        ),
        Cause::ClientBlocked => (
            t!("cause-client-blocked"),
            t!("cause-client-blocked-advice"),
        ),
        Cause::ServerUnavailable => (
            t!("cause-server-unavailable"),
            t!("cause-server-unavailable-advice"),
        ),
        Cause::ProtocolError => (
            t!("cause-protocol-error"),
            t!("cause-protocol-error-advice"),
        ),
        Cause::Timeout => (t!("cause-timeout"), t!("cause-timeout-advice")),
        Cause::MessageNotArrived => (
            t!("cause-message-not-arrived"),
            t!("cause-message-not-arrived-advice"),
        ),
        Cause::AccountUnavailable if incoming => (
            t!("cause-account-unavailable-incoming"),
            t!("cause-account-unavailable-incoming-advice"),
        ),
        Cause::AccountUnavailable => (
            t!("cause-account-unavailable-outgoing"),
            t!("cause-account-unavailable-outgoing-advice"),
        ),
        Cause::TlsIntercepted | Cause::ClockWrong | Cause::CertificateChanged => (
            t!("cause-certificate-unchecked"),
            t!("cause-certificate-unchecked-advice"),
        ),
        Cause::CaptivePortal | Cause::PortBlocked => network::words(cause),
        Cause::TlsInterceptedProven => (
            t!("cause-tls-intercepted-proven"),
            t!("cause-tls-intercepted-proven-advice"),
        ),
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
