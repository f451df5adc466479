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
