//! Signing in with an OAuth 2.0 access token instead of a password: SASL OAUTHBEARER
//! (RFC 7628) or XOAUTH2 over IMAP (RFC 9051 §6.2.2, SASL-IR RFC 4959), POP3 (RFC 5034) and
//! SMTP (RFC 4954).
//!
//! In order, exactly one attempt:
//! 1. choose the mechanism from what the server offers (`signin::bearer`);
//! 2. send the initial response with the command when the protocol allows (IMAP with SASL-IR,
//!    POP3 when the line stays within RFC 2449's 255 octets, SMTP always), else after the
//!    server's empty challenge; the transcript keeps only the command's first words;
//! 3. a success ends it; a challenge instead is the RFC 7628 §3.2.2 error object: it is
//!    decoded, answered with the dummy response the mechanism defines (`^A` / empty), and the
//!    server's final refusal is read — the failure carries both, for the diagnosis.
//!
//! The exchange of each protocol is in its own file (`imap.rs`, `pop3.rs`, `smtp.rs`,
//! `bearer_sign_in`); the shared parts are here.
//!
//! The token is the probe's secret: the transcript's redactor knows its raw and encoded forms
//! (`sasl::wire_forms`), exactly as it knows a password's.

use super::StepKind;
use super::failure::Failure;
use super::session::Ctx;
use super::signin::{self, NoChoice};
use secrecy::ExposeSecret;
use zeroize::Zeroizing;

use super::sasl::{self, ErrorReply, Mechanism};

/// Longest POP3 command line, CRLF included (RFC 2449 §4).
pub(super) const POP3_MAX_LINE: usize = 255;

pub(super) const STEP: StepKind = StepKind::Authenticate;

/// What the server answered a bearer sign-in with.
pub(super) enum Answer {
    Accepted,
    Refused(String),
    /// A challenge: the error object's base64 payload.
    Challenge(String),
}

/// Picks the mechanism and records the choice as `command` and the mechanism's name
/// (`AUTH XOAUTH2`, `AUTHENTICATE OAUTHBEARER`); a failure when none fits. Returns it with
/// its initial response for this account (RFC 7628 §3.1, base64).
pub(super) fn choose(
    ctx: &mut Ctx<'_>,
    offered: &[String],
    forced: Option<Mechanism>,
    command: &str,
) -> Result<(Mechanism, Zeroizing<String>), Failure> {
    match signin::bearer(offered, forced) {
        Ok(m) => {
            ctx.facts.auth_used = Some(format!("{command} {}", m.name()));
            ctx.facts.auth_reason = Some(signin::bearer_why(m, forced.is_some()));
            let response =
                sasl::initial_response(m, &ctx.settings.username, ctx.password.expose_secret());
            Ok((m, response))
        }
        Err(NoChoice::NoMechanism | NoChoice::Unsendable(_)) => {
            let endpoint = ctx.endpoint();
            let offered = if offered.is_empty() {
                "no SASL mechanism at all".to_string()
            } else {
                offered.join(" ")
            };
            Err(ctx.fail(STEP, Failure::NoUsableMechanism { endpoint, offered }))
        }
    }
}

/// The failure for a refusal, the server's words redacted like every transcript line: the
/// final reply and each field of the error object (the advice quotes its `scope` and
/// `openid-configuration`; a server that echoes the token there must not get it into a report,
/// found by fuzzing).
fn refused(ctx: &Ctx<'_>, reply: &str, error: Option<Box<ErrorReply>>) -> Failure {
    let error = error.map(|mut e| {
        for field in [
            &mut e.status,
            &mut e.scope,
            &mut e.openid_configuration,
            &mut e.schemes,
        ] {
            if let Some(value) = field.as_mut() {
                *value = ctx.transcript.redact(value);
            }
        }
        e
    });
    Failure::OAuthRejected {
        endpoint: ctx.endpoint(),
        step: STEP,
        reply: ctx.transcript.redact(reply),
        error,
    }
}

/// Runs the timed sign-in step; `talk` returns the final answer and the decoded error.
pub(super) async fn run_step<F>(
    ctx: &mut Ctx<'_>,
    mechanism: Mechanism,
    talk: F,
) -> Result<(), Failure>
where
    F: std::future::Future<Output = Result<(Answer, Option<Box<ErrorReply>>), Failure>>,
{
    let user = ctx.settings.username.clone();
    let limit = ctx.opts.timeouts.auth;
    let endpoint = ctx.endpoint();
    let result = ctx
        .step(
            STEP,
            limit,
            async {
                match talk.await? {
                    (Answer::Accepted, _) => Ok(()),
                    (Answer::Refused(reply), error) | (Answer::Challenge(reply), error) => {
                        Err(Failure::OAuthRejected {
                            endpoint,
                            step: STEP,
                            reply,
                            error,
                        })
                    }
                }
            },
            |_| format!("signed in as {user} with {}", mechanism.name()),
        )
        .await;
    match result {
        Err(Failure::OAuthRejected { reply, error, .. }) => Err(refused(ctx, &reply, error)),
        Err(Failure::Rejected { reply, .. }) => Err(refused(ctx, &reply, None)),
        other => other,
    }
}
