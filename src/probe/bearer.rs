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
//! The token is the probe's secret: the transcript's redactor knows its raw and encoded forms
//! (`oauth::sasl::wire_forms`), exactly as it knows a password's.

use secrecy::ExposeSecret;
use zeroize::Zeroizing;

use super::StepKind;
use super::failure::Failure;
use super::session::{Ctx, LineConn};
use super::signin::{self, NoChoice};
use super::{imap, pop3, smtp};
use crate::oauth::sasl::{self, ErrorReply, Mechanism};

/// Longest POP3 command line, CRLF included (RFC 2449 §4).
const POP3_MAX_LINE: usize = 255;

const STEP: StepKind = StepKind::Authenticate;

/// What the server answered a bearer sign-in with.
enum Answer {
    Accepted,
    Refused(String),
    /// A challenge: the error object's base64 payload.
    Challenge(String),
}

/// Picks the mechanism and records the choice; a failure when none fits.
fn choose(
    ctx: &mut Ctx<'_>,
    offered: &[String],
    forced: Option<Mechanism>,
    used: fn(Mechanism) -> &'static str,
) -> Result<Mechanism, Failure> {
    match signin::bearer(offered, forced) {
        Ok(m) => {
            ctx.facts.auth_used = Some(used(m).into());
            ctx.facts.auth_reason = Some(signin::bearer_why(m, forced.is_some()));
            Ok(m)
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

/// The failure for a refusal, the server's words redacted like every transcript line.
fn refused(ctx: &Ctx<'_>, reply: &str, error: Option<Box<ErrorReply>>) -> Failure {
    Failure::OAuthRejected {
        endpoint: ctx.endpoint(),
        step: STEP,
        reply: ctx.transcript.redact(reply),
        error,
    }
}

/// Runs the timed sign-in step; `talk` returns the final answer and the decoded error.
async fn run_step<F>(ctx: &mut Ctx<'_>, mechanism: Mechanism, talk: F) -> Result<(), Failure>
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

// ---------------------------------------------------------------------------------------------
// IMAP

/// `AUTHENTICATE OAUTHBEARER|XOAUTH2` (tag `m4`, as the password sign-in).
pub(super) async fn imap(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    caps: &[String],
    forced: Option<Mechanism>,
) -> Result<(), Failure> {
    let offered: Vec<String> = caps
        .iter()
        .filter_map(|c| {
            c.get(..5)
                .filter(|p| p.eq_ignore_ascii_case("AUTH="))
                .map(|_| c[5..].to_string())
        })
        .collect();
    let mechanism = choose(ctx, &offered, forced, |m| match m {
        Mechanism::OAuthBearer => "AUTHENTICATE OAUTHBEARER",
        Mechanism::XOAuth2 => "AUTHENTICATE XOAUTH2",
    })?;
    let initial = imap::has_cap(caps, "SASL-IR");
    let response = sasl::initial_response(
        mechanism,
        &ctx.settings.username,
        ctx.password.expose_secret(),
    );
    let tag = imap::SIGN_IN_TAG;
    let name = mechanism.name();
    let talk = async {
        if initial {
            let line = Zeroizing::new(format!("{tag} AUTHENTICATE {name} {}", response.as_str()));
            conn.send_secret(STEP, &line, 3).await?;
        } else {
            conn.send(STEP, &format!("{tag} AUTHENTICATE {name}"))
                .await?;
            imap::continuation(conn, tag).await?;
            conn.send_secret(STEP, &response, 0).await?;
        }
        let done = imap::completion(conn, tag).await?;
        let Some(payload) = done.strip_prefix('+') else {
            return Ok((
                if imap::is_ok(&done, tag) {
                    Answer::Accepted
                } else {
                    Answer::Refused(done)
                },
                None,
            ));
        };
        let error = sasl::decode_error(payload).map(Box::new);
        conn.send(STEP, mechanism.dummy_response()).await?;
        let mut last = imap::completion(conn, tag).await?;
        if last.starts_with('+') {
            // A second challenge: cancel the exchange (RFC 9051 §6.2.2).
            conn.send(STEP, "*").await?;
            last = imap::completion(conn, tag).await?;
        }
        Ok((Answer::Challenge(last), error))
    };
    run_step(ctx, mechanism, talk).await
}

// ---------------------------------------------------------------------------------------------
// POP3

/// `AUTH OAUTHBEARER|XOAUTH2` (RFC 5034); never pipelined.
pub(super) async fn pop3(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    forced: Option<Mechanism>,
) -> Result<(), Failure> {
    let offered = ctx.facts.auth_mechanisms.clone();
    let mechanism = choose(ctx, &offered, forced, |m| match m {
        Mechanism::OAuthBearer => "AUTH OAUTHBEARER",
        Mechanism::XOAuth2 => "AUTH XOAUTH2",
    })?;
    let response = sasl::initial_response(
        mechanism,
        &ctx.settings.username,
        ctx.password.expose_secret(),
    );
    let name = mechanism.name();
    let initial = "AUTH ".len() + name.len() + 1 + response.len() + 2 <= POP3_MAX_LINE;
    let talk = async {
        if initial {
            let line = Zeroizing::new(format!("AUTH {name} {}", response.as_str()));
            conn.send_secret(STEP, &line, 2).await?;
        } else {
            conn.send(STEP, &format!("AUTH {name}")).await?;
            let (prompt, _) = conn.read_line(STEP).await?;
            if !prompt.starts_with('+') || pop3::is_ok(&prompt) {
                return Ok((Answer::Refused(prompt), None));
            }
            conn.send_secret(STEP, &response, 0).await?;
        }
        let (line, _) = conn.read_line(STEP).await?;
        if pop3::is_ok(&line) {
            return Ok((Answer::Accepted, None));
        }
        let Some(payload) = line.strip_prefix('+') else {
            return Ok((Answer::Refused(line), None));
        };
        let error = sasl::decode_error(payload).map(Box::new);
        conn.send(STEP, mechanism.dummy_response()).await?;
        let (last, _) = conn.read_line(STEP).await?;
        Ok((Answer::Challenge(last), error))
    };
    run_step(ctx, mechanism, talk).await
}

// ---------------------------------------------------------------------------------------------
// SMTP

/// `AUTH OAUTHBEARER|XOAUTH2 <initial response>` (RFC 4954 §4).
pub(super) async fn smtp(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    offered: &[String],
    forced: Option<Mechanism>,
) -> Result<(), Failure> {
    let mechanism = choose(ctx, offered, forced, |m| match m {
        Mechanism::OAuthBearer => "AUTH OAUTHBEARER",
        Mechanism::XOAuth2 => "AUTH XOAUTH2",
    })?;
    let response = sasl::initial_response(
        mechanism,
        &ctx.settings.username,
        ctx.password.expose_secret(),
    );
    let name = mechanism.name();
    let talk = async {
        let line = Zeroizing::new(format!("AUTH {name} {}", response.as_str()));
        conn.send_secret(STEP, &line, 2).await?;
        let reply = smtp::read_reply(conn, STEP).await?;
        match reply.code() {
            Some(235) => return Ok((Answer::Accepted, None)),
            Some(334) => {}
            _ => return Ok((Answer::Refused(reply.text()), None)),
        }
        let payload = reply.text();
        let error = sasl::decode_error(payload.get(4..).unwrap_or("")).map(Box::new);
        conn.send(STEP, mechanism.dummy_response()).await?;
        let last = smtp::read_reply(conn, STEP).await?;
        Ok((Answer::Challenge(last.text()), error))
    };
    run_step(ctx, mechanism, talk).await
}
