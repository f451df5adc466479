//! What a SCRAM sign-in that stopped means (RFC 5802 §7 server errors, our own checks of the
//! server's messages), in order:
//!
//! 1. proof that someone sits in between — the server's `e=channel-bindings-dont-match` (the
//!    TLS connection it sees is not ours), its `e=server-does-support-channel-binding` (its
//!    `-PLUS` offer was removed on the way: a downgrade), or a server signature that does not
//!    verify (whoever answered does not know the password) → `tls_intercepted_proven`;
//! 2. the password: `e=invalid-proof`, `e=unknown-user` → `auth_failed`; a password SASLprep
//!    refuses on a server that offers nothing but SCRAM → `unsendable_credentials`;
//! 3. `e=no-resources` → `server_unavailable`;
//! 4. anything else (an iteration count out of bounds, a nonce that does not extend ours, a
//!    mandatory extension, a server that says yes without proving itself) is not about the
//!    password → `protocol_error`, with the exact reason in the advice. Nothing was retried
//!    with PLAIN.

use super::Cause;
use crate::probe::failure::Failure;
use crate::probe::scram::{ScramError, ServerError};

/// The cause of a `Scram` failure, if this is one.
pub(super) fn classify(failure: &Failure) -> Option<Cause> {
    let Failure::Scram { error, .. } = failure else {
        return None;
    };
    Some(match error {
        e if e.proves_interception() => Cause::TlsInterceptedProven,
        ScramError::Server(ServerError::InvalidProof | ServerError::UnknownUser) => {
            Cause::AuthFailed
        }
        ScramError::Saslprep(_) => Cause::UnsendableCredentials,
        ScramError::Server(ServerError::NoResources) => Cause::ServerUnavailable,
        _ => Cause::ProtocolError,
    })
}

/// What the exchange showed, in plain words, to add to the advice.
pub(super) fn particulars(failure: &Failure) -> Option<String> {
    let Failure::Scram {
        mechanism, error, ..
    } = failure
    else {
        return None;
    };
    Some(match error {
        ScramError::ChannelBindingMismatch => format!(
            "The server checked the {mechanism} sign-in against the encrypted connection it \
             sees, and it is not the one this computer made: something in between opened its \
             own connection to the server."
        ),
        ScramError::DowngradeDetected => format!(
            "The server supports signing in bound to the encrypted connection ({mechanism}-PLUS), \
             but that offer never reached this computer: something in between removed it \
             (a downgrade)."
        ),
        ScramError::ServerSignatureMismatch => format!(
            "Whoever answered the {mechanism} sign-in could not prove that it knows the \
             password, so it is not the real server."
        ),
        ScramError::Saslprep(refusal) => format!(
            "This server signs in only with {mechanism}, which cannot carry this password: \
             {refusal}. Nothing was sent. Change the password to one without such characters."
        ),
        e if classify(failure) == Some(Cause::ProtocolError) => format!(
            "The {mechanism} sign-in stopped: {e}. Your password was not sent, and no other \
             sign-in method was tried."
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Protocol;
    use crate::probe::StepKind;
    use crate::probe::scram::SaslprepRefusal;

    fn diagnosed(error: ScramError) -> super::super::Diagnosis {
        let f = Failure::Scram {
            endpoint: "mail.example.test:993".into(),
            mechanism: "SCRAM-SHA-256",
            error,
            reply: Some("m4 NO [AUTHENTICATIONFAILED] Authentication failed.".into()),
        };
        super::super::diagnose(Protocol::Imap, StepKind::Authenticate, &f)
    }

    #[test]
    fn proof_of_a_relay_is_its_own_cause_and_says_what_was_found() {
        let d = diagnosed(ScramError::ChannelBindingMismatch);
        assert_eq!(d.cause, Cause::TlsInterceptedProven);
        assert_eq!(d.cause.code(), "tls_intercepted_proven");
        assert!(
            d.advice.contains("not the one this computer made"),
            "{}",
            d.advice
        );
        let d = diagnosed(ScramError::DowngradeDetected);
        assert_eq!(d.cause, Cause::TlsInterceptedProven);
        assert!(d.advice.contains("a downgrade"), "{}", d.advice);
        let d = diagnosed(ScramError::ServerSignatureMismatch);
        assert_eq!(d.cause, Cause::TlsInterceptedProven);
        assert!(!d.cause.is_credentials());
        // The server's own words stay with it.
        assert!(d.server_reply.as_deref().is_some_and(|r| r.contains("NO")));
    }

    #[test]
    fn password_refusals_are_auth_failed_and_the_rest_is_not_the_password() {
        for e in [ServerError::InvalidProof, ServerError::UnknownUser] {
            assert_eq!(diagnosed(ScramError::Server(e)).cause, Cause::AuthFailed);
        }
        assert_eq!(
            diagnosed(ScramError::Server(ServerError::NoResources)).cause,
            Cause::ServerUnavailable
        );
        let d = diagnosed(ScramError::Saslprep(SaslprepRefusal::ProhibitedCharacter));
        assert_eq!(d.cause, Cause::UnsendableCredentials);
        assert!(d.advice.contains("Nothing was sent"), "{}", d.advice);
        for e in [
            ScramError::IterationCount { count: 1_000_000 },
            ScramError::NonceMismatch,
            ScramError::MandatoryExtension,
            ScramError::NoServerFinal,
            ScramError::Server(ServerError::ChannelBindingNotSupported),
        ] {
            let d = diagnosed(e.clone());
            assert_eq!(d.cause, Cause::ProtocolError, "{e:?}");
            assert!(
                d.advice.contains("no other sign-in method was tried"),
                "{}",
                d.advice
            );
        }
    }
}
