//! Refusals of an OAuth 2.0 access token (RFC 7628 §3.2.2 error objects, RFC 6750 §3.1
//! error codes), in order:
//!
//! 1. the error object's `status` decides when the server sent one: `invalid_token` (or the
//!    HTTP 400/401 Google and Dovecot send) → `oauth_token_rejected`; `insufficient_scope`
//!    (403) → `oauth_scope_missing`; a 5xx → `server_unavailable`;
//! 2. otherwise the final refusal is read like any other (`rules`), and what would be a
//!    wrong password is a rejected token.
//!
//! The advice names the scope the server asked for and where it says its authorization
//! server describes itself: the server's own words.

use super::Cause;
use crate::account::Protocol;
use crate::probe::StepKind;
use crate::probe::failure::Failure;
use crate::probe::sasl::{ErrorKind, ErrorReply};

/// The cause of an `OAuthRejected` failure.
pub(super) fn classify(
    protocol: Protocol,
    step: StepKind,
    reply: &str,
    error: Option<&ErrorReply>,
) -> Cause {
    match error.map(ErrorReply::kind) {
        Some(ErrorKind::TokenRejected) => Cause::OauthTokenRejected,
        Some(ErrorKind::ScopeMissing) => Cause::OauthScopeMissing,
        Some(ErrorKind::Temporary) => Cause::ServerUnavailable,
        Some(ErrorKind::Other) | None => match super::classify_reply(protocol, step, reply) {
            Cause::AuthFailed | Cause::ProtocolError => Cause::OauthTokenRejected,
            other => other,
        },
    }
}

/// Summary and advice for the OAuth causes.
pub(super) fn words(cause: Cause) -> (String, String) {
    match cause {
        Cause::OauthScopeMissing => (
            t!("cause-oauth-scope-missing"),
            t!("cause-oauth-scope-missing-advice"),
        ),
        // Cause::OauthTokenRejected: the only other cause routed here.
        _ => (
            t!("cause-oauth-token-rejected"),
            t!("cause-oauth-token-rejected-advice"),
        ),
    }
}

/// The server's particulars for the advice: the scope it wants, where its authorization
/// server is described.
pub(super) fn particulars(failure: &Failure) -> Option<String> {
    let Failure::OAuthRejected {
        error: Some(error), ..
    } = failure
    else {
        return None;
    };
    let mut parts = Vec::new();
    if let Some(scope) = &error.scope {
        parts.push(t!("cause-oauth-scope-asked", scope = scope.as_str()));
    }
    if let Some(url) = &error.openid_configuration {
        parts.push(t!("cause-oauth-names-service", url = url.as_str()));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::diagnosis::diagnose;

    fn failure(reply: &str, status: Option<&str>) -> Failure {
        Failure::OAuthRejected {
            endpoint: "mail.example.test:993".into(),
            step: StepKind::Authenticate,
            reply: reply.into(),
            error: status.map(|s| {
                Box::new(ErrorReply {
                    status: Some(s.into()),
                    scope: Some("mail".into()),
                    openid_configuration: Some(
                        "https://id.example.test/.well-known/openid-configuration".into(),
                    ),
                    schemes: Some("bearer".into()),
                })
            }),
        }
    }

    #[test]
    fn an_invalid_token_is_a_rejected_token_with_the_servers_words() {
        let f = failure(
            "m4 NO [AUTHENTICATIONFAILED] Authentication failed.",
            Some("invalid_token"),
        );
        let d = diagnose(Protocol::Imap, StepKind::Authenticate, &f);
        assert_eq!(d.cause, Cause::OauthTokenRejected);
        assert_eq!(d.cause.code(), "oauth_token_rejected");
        assert!(d.advice.contains("\"mail\""), "{}", d.advice);
        assert!(
            d.advice.contains("https://id.example.test/"),
            "{}",
            d.advice
        );
        assert_eq!(
            d.server_reply.as_deref(),
            Some("m4 NO [AUTHENTICATIONFAILED] Authentication failed.")
        );
        assert!(d.detail.contains("status=invalid_token"), "{}", d.detail);
    }

    #[test]
    fn statuses_decide_the_cause() {
        let cause = |reply: &str, status: Option<&str>, p: Protocol| {
            diagnose(p, StepKind::Authenticate, &failure(reply, status)).cause
        };
        assert_eq!(
            cause(
                "535 5.7.8 Authentication failed",
                Some("401"),
                Protocol::Smtp
            ),
            Cause::OauthTokenRejected
        );
        assert_eq!(
            cause(
                "-ERR [AUTH] Authentication failed.",
                Some("insufficient_scope"),
                Protocol::Pop3
            ),
            Cause::OauthScopeMissing
        );
        assert_eq!(
            cause("m4 NO failed", Some("500"), Protocol::Imap),
            Cause::ServerUnavailable
        );
        // No error object: the final reply is read, a plain refusal means the token.
        assert_eq!(
            cause(
                "m4 NO [AUTHENTICATIONFAILED] Authentication failed.",
                None,
                Protocol::Imap
            ),
            Cause::OauthTokenRejected
        );
        assert_eq!(
            cause("m4 NO [UNAVAILABLE] try later", None, Protocol::Imap),
            Cause::ServerUnavailable
        );
    }
}
