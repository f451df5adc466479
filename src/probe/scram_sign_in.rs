//! Signing in with SCRAM (RFC 5802, SCRAM-SHA-256 RFC 7677) over IMAP `AUTHENTICATE`
//! (RFC 9051 §6.2.2, SASL-IR RFC 4959), POP3 `AUTH` (RFC 5034) and SMTP `AUTH` (RFC 4954):
//! the password is proven, never sent, and with `-PLUS` the proof is bound to our TLS
//! connection (`binding.rs`), so a relay in between is found by the protocol itself.
//!
//! In order, exactly one attempt (the rule of one sign-in per server holds: a SCRAM exchange
//! that fails for any reason is reported, never followed by PLAIN):
//! 1. `decide`: SCRAM when the server offers it, in the order SCRAM-SHA-256-PLUS >
//!    SCRAM-SHA-256 > SCRAM-SHA-1-PLUS > SCRAM-SHA-1 (`scram::choose`, which takes a `-PLUS`
//!    mechanism whenever we have binding data and one is offered: RFC 5802 §6). A password
//!    SASLprep (RFC 4013) refuses is found here, before anything is sent: the other forms
//!    (PLAIN, LOGIN) carry it when the server offers them, and the report says why; when
//!    only SCRAM is offered it is a typed failure.
//! 2. `run`: the client-first message (as the initial response where the protocol allows),
//!    the server-first challenge → the client-final message, masked in the transcript (its
//!    proof with the salt allows guessing the password offline; so does the server's
//!    signature, which `transcript.rs` masks), the server-final challenge: its signature is
//!    verified (a server that does not know the password cannot pass) and answered with an
//!    empty response, then the protocol's success or refusal.
//!
//! A server `e=` error is answered with an empty response so the server ends the exchange in
//! its own words; a message we refuse ourselves (a wrong signature, an iteration count out of
//! bounds) is cancelled with `*`. Each protocol's framing is a `SaslWire` in its own file.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use zeroize::Zeroizing;

use super::failure::Failure;
use super::line::LineConn;
use super::scram::{Binding, Mechanism, ScramClient, ScramError, choose};
use super::session::{Ctx, rejected};
use super::step::StepKind;

pub(super) const STEP: StepKind = StepKind::Authenticate;

/// What the server answered during a SASL exchange.
pub(super) enum SaslReply {
    /// A challenge: its base64 payload (`+ …`, `334 …`).
    Challenge(String),
    /// The end of the exchange: success or refusal, with the server's line.
    Done { ok: bool, line: String },
}

/// One protocol's SASL framing (IMAP `AUTHENTICATE`, POP3 `AUTH`, SMTP `AUTH`).
pub(super) trait SaslWire {
    /// Sends the command for `mechanism` with `initial` (base64): as its initial response where
    /// the protocol allows, else after the server's empty challenge (a refusal instead is
    /// `Failure::Rejected`).
    async fn begin(&mut self, mechanism: &str, initial: &str) -> Result<(), Failure>;
    /// The connection the exchange runs on.
    fn line(&mut self) -> &mut LineConn;
    /// Sends one response line (base64); a `secret` one is masked whole in the transcript.
    async fn respond(&mut self, response: &str, secret: bool) -> Result<(), Failure> {
        if secret {
            self.line().send_secret(STEP, response, 0).await
        } else {
            self.line().send(STEP, response).await
        }
    }
    /// Reads the server's next challenge or its final answer.
    async fn read(&mut self) -> Result<SaslReply, Failure>;
    /// Cancels the exchange (`*`) and returns the server's final line.
    async fn cancel(&mut self) -> Result<String, Failure>;
}

/// A SCRAM sign-in ready to start.
pub(super) struct Plan {
    client: ScramClient,
    why: String,
}

/// Whether to sign in with SCRAM.
pub(super) enum Decision {
    Scram(Box<Plan>),
    /// Another form; `note` says why not SCRAM when the server offered it.
    Other {
        note: Option<String>,
    },
}

/// Decides from the mechanisms the server offers (names as listed) whether to sign in with
/// SCRAM; `other_usable` says whether a password form (PLAIN, LOGIN, USER/PASS) is left.
pub(super) fn decide(
    ctx: &mut Ctx<'_>,
    offered: &[String],
    other_usable: bool,
) -> Result<Decision, Failure> {
    let Some((mechanism, binding)) = choose(
        offered.iter().map(String::as_str),
        ctx.channel_binding.clone(),
    ) else {
        return Ok(Decision::Other { note: None });
    };
    let why = reason(mechanism, &binding);
    let client = ScramClient::new(mechanism, &ctx.settings.username, ctx.password, binding);
    match client {
        Ok(client) => Ok(Decision::Scram(Box::new(Plan { client, why }))),
        Err(ScramError::Saslprep(refusal)) if other_usable => Ok(Decision::Other {
            note: Some(format!(
                "{mechanism} is offered, but SASLprep (RFC 4013) refuses this password \
                 ({refusal}), so SCRAM cannot carry it"
            )),
        }),
        Err(error) => {
            let f = Failure::Scram {
                endpoint: ctx.endpoint(),
                mechanism: mechanism.name(),
                error,
                reply: None,
            };
            Err(ctx.fail(STEP, f))
        }
    }
}

/// Why this mechanism, for the report.
fn reason(mechanism: Mechanism, binding: &Binding) -> String {
    match binding {
        Binding::Plus(cb) => format!(
            "{mechanism}: the server offered it; the password was not sent, and the proof is \
             bound to this TLS connection ({}), so a relay in between would be found",
            cb.kind()
        ),
        Binding::NotOffered => format!(
            "{mechanism}: the server offered it; the password was not sent (the server offers \
             no -PLUS mechanism, so the proof is not bound to the TLS connection)"
        ),
        Binding::Unsupported => format!(
            "{mechanism}: the server offered it; the password was not sent (no channel binding \
             without TLS)"
        ),
    }
}

/// Runs the timed sign-in step. `command` is how the protocol names it (`AUTHENTICATE`,
/// `AUTH`), for the report.
pub(super) async fn run<W: SaslWire>(
    ctx: &mut Ctx<'_>,
    wire: &mut W,
    plan: Box<Plan>,
    command: &str,
) -> Result<(), Failure> {
    let Plan { client, why } = *plan;
    let mechanism = client.mechanism();
    ctx.facts.auth_used = Some(format!("{command} {mechanism}"));
    ctx.facts.auth_reason = Some(why.clone());
    ctx.transcript.note(&format!("sign-in with {why}"));
    let user = ctx.settings.username.clone();
    let endpoint = ctx.endpoint();
    let limit = ctx.opts.timeouts.auth;
    let result = ctx
        .step(STEP, limit, exchange(wire, client, &endpoint), |_| {
            format!(
                "signed in as {user} with {mechanism}; the server proved that it knows the \
                     password"
            )
        })
        .await;
    match result {
        Err(Failure::Rejected { step, reply, .. }) => Err(rejected(ctx, step, &reply)),
        Err(Failure::Scram {
            endpoint,
            mechanism,
            error,
            reply,
        }) => Err(Failure::Scram {
            endpoint,
            mechanism,
            error,
            reply: reply.map(|r| ctx.transcript.redact(&r)),
        }),
        other => other,
    }
}

/// The exchange itself (RFC 5802 §5).
async fn exchange<W: SaslWire>(
    wire: &mut W,
    client: ScramClient,
    endpoint: &str,
) -> Result<(), Failure> {
    let mechanism = client.mechanism();
    let stop = |error: ScramError, reply: Option<String>| Failure::Scram {
        endpoint: endpoint.to_string(),
        mechanism: mechanism.name(),
        error,
        reply,
    };
    let refused = |line: String| Failure::Rejected {
        endpoint: endpoint.to_string(),
        step: STEP,
        reply: line,
    };
    wire.begin(mechanism.name(), &B64.encode(client.client_first()))
        .await?;
    let server_first = match wire.read().await? {
        SaslReply::Challenge(payload) => decode(&payload, endpoint)?,
        SaslReply::Done { ok: false, line } => return Err(refused(line)),
        SaslReply::Done { ok: true, line } => {
            return Err(stop(ScramError::NoServerFinal, Some(line)));
        }
    };
    let (client_final, waiting) = match client.server_first(&server_first) {
        Ok(next) => next,
        Err(error) => return Err(end(wire, error, &stop).await),
    };
    let response = Zeroizing::new(B64.encode(client_final.as_bytes()));
    wire.respond(&response, true).await?;
    let server_final = match wire.read().await? {
        SaslReply::Challenge(payload) => decode(&payload, endpoint)?,
        SaslReply::Done { ok: false, line } => return Err(refused(line)),
        SaslReply::Done { ok: true, line } => {
            return Err(stop(ScramError::NoServerFinal, Some(line)));
        }
    };
    if let Err(error) = waiting.server_final(&server_final) {
        return Err(end(wire, error, &stop).await);
    }
    wire.respond("", false).await?;
    match wire.read().await? {
        SaslReply::Done { ok: true, .. } => Ok(()),
        SaslReply::Done { ok: false, line } => Err(refused(line)),
        SaslReply::Challenge(_) => {
            let _ = wire.cancel().await;
            Err(Failure::Protocol {
                endpoint: endpoint.to_string(),
                step: STEP,
                detail: "the server asked for more after the complete SCRAM exchange".into(),
            })
        }
    }
}

/// Ends an exchange that stopped on `error`: the server's own `e=` gets the empty response it
/// waits for (it then refuses in its words), anything we refuse is cancelled with `*`.
async fn end<W: SaslWire>(
    wire: &mut W,
    error: ScramError,
    stop: &impl Fn(ScramError, Option<String>) -> Failure,
) -> Failure {
    let from_server = matches!(
        error,
        ScramError::Server(_) | ScramError::ChannelBindingMismatch | ScramError::DowngradeDetected
    );
    let reply = if from_server {
        match wire.respond("", false).await {
            Ok(()) => match wire.read().await {
                Ok(SaslReply::Done { line, .. }) => Some(line),
                Ok(SaslReply::Challenge(_)) => wire.cancel().await.ok(),
                Err(_) => None,
            },
            Err(_) => None,
        }
    } else {
        wire.cancel().await.ok()
    };
    stop(error, reply)
}

/// A challenge's base64 payload (an empty one is empty).
fn decode(payload: &str, endpoint: &str) -> Result<Vec<u8>, Failure> {
    let payload = payload.trim();
    B64.decode(payload).map_err(|_| Failure::Protocol {
        endpoint: endpoint.to_string(),
        step: STEP,
        detail: "the server's SCRAM challenge is not base64".into(),
    })
}

/// A password form's reason, with why SCRAM was not used when it was offered.
pub(super) fn with_note(why: &str, note: Option<String>) -> String {
    match note {
        Some(note) => format!("{why}; {note}"),
        None => why.to_string(),
    }
}
