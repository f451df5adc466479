//! From a refusal to a cause, in a fixed order:
//!
//! 1. A reply that is not one of the protocol's refusal forms (a POP3 line that is neither
//!    `+OK` nor `-ERR`, an IMAP line that is not `NO`/`BAD`/`BYE`, an SMTP line without a
//!    4xx/5xx code) is a protocol error — never a wrong password.
//! 2. Codes whose meaning no wording can change decide at once (RFC 5530 `[PRIVACYREQUIRED]`,
//!    `[UNAVAILABLE]`, `[EXPIRED]`; RFC 2449 `[LOGIN-DELAY]`; RFC 3206 `[SYS/TEMP]`; RFC 3463
//!    X.7.11, X.7.13; Gmail's `[WEBALERT]`).
//! 3. Server words known from the reply corpus (`tests/data/replies.json`): providers say
//!    more in text than in codes ("Application-specific password required", "Too many
//!    simultaneous connections", "You are yet to enable IMAP").
//! 4. The codes' general meaning (`[AUTHENTICATIONFAILED]`, `[AUTH]`, 5.7.8, 535, 421 …).
//! 5. The form and the step: a plain `NO`/`-ERR`/5xx to a sign-in is a refused password.
//!
//! Server texts are data and are matched here; our own error texts never are.

use super::Cause;
use super::reply::{Reply, Status};
use crate::account::Protocol;
use crate::probe::step::StepKind;

/// Classifies a refusal of `protocol` at `step`.
pub(super) fn classify(protocol: Protocol, step: StepKind, reply: &Reply) -> Cause {
    if !reply.status.is_refusal() {
        return Cause::ProtocolError;
    }
    decisive_code(reply, step)
        .or_else(|| known_words(reply))
        .or_else(|| general_code(reply, step))
        .unwrap_or_else(|| by_form(protocol, step, reply))
}

/// Codes whose meaning holds whatever the text says.
fn decisive_code(r: &Reply, step: StepKind) -> Option<Cause> {
    const IMAP_POP3: &[(&str, Cause)] = &[
        ("PRIVACYREQUIRED", Cause::PlaintextAuthRefused),
        ("UNAVAILABLE", Cause::ServerUnavailable),
        ("SERVERBUG", Cause::ServerUnavailable),
        ("CORRUPTION", Cause::ServerUnavailable),
        ("EXPIRED", Cause::PasswordExpired),
        ("CONTACTADMIN", Cause::AccountUnavailable),
        ("NOPERM", Cause::AccountUnavailable),
        ("OVERQUOTA", Cause::AccountUnavailable),
        ("CLIENTBUG", Cause::ProtocolError),
        ("WEBALERT", Cause::WebSignInRequired),
        ("LOGIN-DELAY", Cause::TooManyAttempts),
        ("SYS/TEMP", Cause::ServerUnavailable),
    ];
    if let Some((_, cause)) = IMAP_POP3.iter().find(|(code, _)| r.has_code(code)) {
        return Some(*cause);
    }
    if step == StepKind::Mailbox && r.has_code("NONEXISTENT") {
        return Some(Cause::AccountUnavailable);
    }
    let e = r.enhanced?;
    if e.is(7, 10) || e.is(7, 11) {
        // RFC 5248 X.7.10 "Encryption Needed", RFC 4954 X.7.11 "Encryption required".
        Some(Cause::PlaintextAuthRefused)
    } else if e.is(7, 13) {
        // RFC 5248 X.7.13 "User Account Disabled".
        Some(Cause::AccountUnavailable)
    } else {
        None
    }
}

/// Server words seen in real refusals (see the corpus), most specific first. Matched in
/// upper case anywhere in the reply.
const KNOWN_WORDS: &[(&[&str], Cause)] = &[
    (
        &[
            "APPLICATION-SPECIFIC PASSWORD",
            "APP-SPECIFIC PASSWORD",
            "APP PASSWORD",
            "AUTHORIZED CODE",
        ],
        Cause::AppPasswordRequired,
    ),
    (
        &[
            "WEB LOGIN REQUIRED",
            "LOG IN VIA YOUR WEB BROWSER",
            "LOG IN WITH YOUR WEB BROWSER",
            "SIGN IN VIA YOUR WEB BROWSER",
        ],
        Cause::WebSignInRequired,
    ),
    (
        &[
            "BASIC AUTHENTICATION IS DISABLED",
            "BASICAUTHBLOCKED",
            "SECURITY DEFAULTS POLICY",
        ],
        Cause::OauthRequired,
    ),
    (
        &[
            "PLAINTEXT AUTHENTICATION DISALLOWED",
            "CLEARTEXT AUTHENTICATION DISALLOWED",
            "AUTHENTICATION DISALLOWED ON NON-SECURE",
            "CLEARTEXT LOGINS DISABLED",
            "MUST ISSUE A STARTTLS",
            "STARTTLS REQUIRED",
            "TLS REQUIRED",
            "ENCRYPTION REQUIRED",
            "ONLY AVAILABLE UNDER A LAYER",
            "VIA INSECURE CONNECTION",
        ],
        Cause::PlaintextAuthRefused,
    ),
    (
        &[
            "SMTPCLIENTAUTHENTICATION IS DISABLED",
            "NOT ENABLED FOR IMAP",
            "NOT ENABLED FOR POP",
            "YET TO ENABLE IMAP",
            "YET TO ENABLE POP",
            "IMAP ACCESS ENABLED",
            "POP ACCESS NOT ENABLED",
            "IMAP ACCESS NOT ENABLED",
            "ACCESS DISABLED FOR THIS ACCOUNT",
        ],
        Cause::ProtocolDisabled,
    ),
    (
        &[
            "TOO MANY SIMULTANEOUS CONNECTIONS",
            "MAXIMUM NUMBER OF CONNECTIONS",
            "TOO MANY CONNECTIONS",
            "TOO MANY CONCURRENT",
            "TOO MANY SESSIONS",
            "ANOTHER POP SESSION",
        ],
        Cause::TooManyConnections,
    ),
    (
        &[
            "TOO MANY LOGIN",
            "TOO MANY BAD AUTH",
            "TOO MANY AUTH",
            "TOO MANY FAILED",
            "LOGINS MUST BE AT LEAST",
        ],
        Cause::TooManyAttempts,
    ),
    (
        &[
            "PASSWORD HAS EXPIRED",
            "PASSWORD EXPIRED",
            "PASSWORD MUST BE CHANGED",
            "ISN'T VALID ANY MORE",
        ],
        Cause::PasswordExpired,
    ),
    (
        &[
            "BLOCKED USING",
            "BLOCK FOR SPAM",
            "CLIENT HOST REJECTED",
            "CLIENT HOST BLOCKED",
            "MUST HAVE A PTR RECORD",
            "BAD DNS PTR",
            "REPUTATION",
        ],
        Cause::ClientBlocked,
    ),
    (
        &[
            "INVALID AUTHENTICATION MECHANISM",
            "UNRECOGNIZED AUTHENTICATION TYPE",
            "MECHANISM NOT SUPPORTED",
            "AUTHENTICATION NOT ENABLED",
            "USED WHEN NOT ADVERTISED",
            "MECHANISM IS TOO WEAK",
        ],
        Cause::AuthMechanismUnsupported,
    ),
    (
        &[
            "ACCOUNT DISABLED",
            "ACCOUNT IS DISABLED",
            "ACCOUNT LOCKED",
            "ACCOUNT IS LOCKED",
            "ACCOUNT HAS BEEN SUSPENDED",
            "LOGIN DISABLED FOR THIS USER",
            "OVER QUOTA",
            "MAILBOX IS LOCKED",
            "MAILDROP ALREADY LOCKED",
            "UNABLE TO LOCK MAILDROP",
        ],
        Cause::AccountUnavailable,
    ),
    (
        &[
            "TEMPORARY AUTHENTICATION FAILURE",
            "TEMPORARILY UNAVAILABLE",
            "TEMPORARY PROBLEM",
            "UNDERGOING MAINTENANCE",
            "MAINTENANCE PEFORMED",
            "MAINTENANCE PERFORMED",
            "UNABLE TO AUTHENTICATE AT PRESENT",
            "TRY AGAIN LATER",
        ],
        Cause::ServerUnavailable,
    ),
    (&["AUTHENTICATED BUT NOT CONNECTED"], Cause::AuthFailed),
];

fn known_words(r: &Reply) -> Option<Cause> {
    KNOWN_WORDS
        .iter()
        .find(|(needles, _)| needles.iter().any(|n| r.says(n)))
        .map(|(_, cause)| *cause)
}

/// What a code means when no known words say more.
fn general_code(r: &Reply, step: StepKind) -> Option<Cause> {
    const CODES: &[(&str, Cause)] = &[
        ("AUTHENTICATIONFAILED", Cause::AuthFailed),
        ("AUTHORIZATIONFAILED", Cause::AuthFailed),
        ("AUTH", Cause::AuthFailed),
        ("LIMIT", Cause::TooManyConnections),
        ("IN-USE", Cause::AccountUnavailable),
        ("SYS/PERM", Cause::AccountUnavailable),
        ("INUSE", Cause::ServerUnavailable),
    ];
    if let Some((_, cause)) = CODES.iter().find(|(code, _)| r.has_code(code)) {
        return Some(*cause);
    }
    if let Some(e) = r.enhanced {
        let cause = match (e.subject, e.detail) {
            (7, 8) | (7, 3) => Some(Cause::AuthFailed),
            (7, 9) | (7, 4) | (5, 4) => Some(Cause::AuthMechanismUnsupported),
            (7, 14) => Some(Cause::WebSignInRequired),
            (7, 139) => Some(Cause::OauthRequired),
            (2, 2) => Some(Cause::AccountUnavailable),
            (7, 1) if step == StepKind::Greeting => Some(Cause::ClientBlocked),
            _ => None,
        };
        if cause.is_some() {
            return cause;
        }
    }
    let code = r.smtp_code()?;
    match code {
        421 => Some(Cause::ServerUnavailable),
        554 if step == StepKind::Greeting => Some(Cause::ClientBlocked),
        530 | 538 if step == StepKind::Authenticate => Some(Cause::PlaintextAuthRefused),
        534 | 504 | 503 if step == StepKind::Authenticate => Some(Cause::AuthMechanismUnsupported),
        535 if step == StepKind::Authenticate => Some(Cause::AuthFailed),
        400..=499 => Some(Cause::ServerUnavailable),
        _ => None,
    }
}

/// The last resort: what a bare refusal means at this step.
fn by_form(protocol: Protocol, step: StepKind, r: &Reply) -> Cause {
    match step {
        StepKind::Authenticate => match r.status {
            // BAD: the server could not parse our command; that is not a wrong password.
            Status::ImapBad => Cause::ProtocolError,
            Status::ImapBye => Cause::ServerUnavailable,
            _ if protocol == Protocol::Smtp && r.smtp_code().is_some_and(|c| c < 500) => {
                Cause::ServerUnavailable
            }
            _ => Cause::AuthFailed,
        },
        StepKind::StartTls => Cause::StarttlsFailed,
        StepKind::Greeting | StepKind::Mailbox => Cause::ServerUnavailable,
        _ => Cause::ProtocolError,
    }
}

/// Classifies a server's refusal (IMAP NO/BAD/BYE, POP3 -ERR, SMTP 4xx/5xx); a reply in
/// none of these forms is a protocol error.
pub fn classify_reply(protocol: Protocol, step: StepKind, reply: &str) -> Cause {
    classify(protocol, step, &Reply::parse(protocol, reply))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cause(protocol: Protocol, step: StepKind, reply: &str) -> Cause {
        classify(protocol, step, &Reply::parse(protocol, reply))
    }

    #[test]
    fn a_line_that_is_no_refusal_form_is_a_protocol_error() {
        use StepKind::Authenticate as A;
        assert_eq!(
            cause(Protocol::Pop3, A, "Hello there"),
            Cause::ProtocolError
        );
        assert_eq!(
            cause(Protocol::Pop3, A, "+OK but not really"),
            Cause::ProtocolError
        );
        assert_eq!(
            cause(Protocol::Imap, A, "a1 OK [ALERT] x"),
            Cause::ProtocolError
        );
        assert_eq!(cause(Protocol::Imap, A, "garbage"), Cause::ProtocolError);
        assert_eq!(
            cause(Protocol::Smtp, A, "334 VXNlcm5hbWU6"),
            Cause::ProtocolError
        );
        assert_eq!(cause(Protocol::Smtp, A, ""), Cause::ProtocolError);
    }

    #[test]
    fn decisive_codes_win_over_words() {
        // The words would say "app password"; the code says the connection is the problem.
        assert_eq!(
            cause(
                Protocol::Imap,
                StepKind::Authenticate,
                "a1 NO [PRIVACYREQUIRED] app password or not, encrypt first"
            ),
            Cause::PlaintextAuthRefused
        );
        // RFC 4954: 534 5.7.9 alone means the mechanism is too weak …
        assert_eq!(
            cause(
                Protocol::Smtp,
                StepKind::Authenticate,
                "534 5.7.9 Authentication mechanism is too weak"
            ),
            Cause::AuthMechanismUnsupported
        );
        // … but Gmail's words on the same code ask for an app password.
        assert_eq!(
            cause(
                Protocol::Smtp,
                StepKind::Authenticate,
                "534-5.7.9 Application-specific password required."
            ),
            Cause::AppPasswordRequired
        );
    }

    #[test]
    fn bare_refusals_fall_back_by_step() {
        assert_eq!(
            cause(Protocol::Imap, StepKind::Authenticate, "a1 NO no"),
            Cause::AuthFailed
        );
        assert_eq!(
            cause(Protocol::Imap, StepKind::Authenticate, "a1 BAD parse"),
            Cause::ProtocolError
        );
        assert_eq!(
            cause(Protocol::Pop3, StepKind::Greeting, "-ERR go away"),
            Cause::ServerUnavailable
        );
        assert_eq!(
            cause(Protocol::Smtp, StepKind::Authenticate, "450 later"),
            Cause::ServerUnavailable
        );
        assert_eq!(
            cause(Protocol::Smtp, StepKind::StartTls, "500 no"),
            Cause::StarttlsFailed
        );
    }
}
