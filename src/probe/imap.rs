//! The IMAP probe (RFC 9051, RFC 3501; STARTTLS and LOGINDISABLED per RFC 2595; response
//! codes per RFC 5530).
//!
//! In order, with the fewest round trips the RFCs allow:
//! 1. the greeting; its `[CAPABILITY …]` code (RFC 9051 §7.1) is used as the capability list,
//!    and CAPABILITY is asked only when the greeting has none;
//! 2. STARTTLS when asked for, then CAPABILITY again (RFC 2595 §3.1 / RFC 9051 §6.2.1 require
//!    forgetting what was learnt before TLS);
//! 3. one sign-in: SCRAM when offered (`scram_sign_in`, AUTHENTICATE with SASL-IR where
//!    offered), else the form `signin` chooses from the capabilities (AUTHENTICATE PLAIN with
//!    SASL-IR, LOGIN with quoted strings or literals, …);
//! 4. EXAMINE INBOX and LOGOUT sent together (RFC 9051 §5.5 allows pipelining them); the
//!    answer to LOGOUT is awaited only for a short grace period, nobody needs it.
//!
//! Steps 1–3 are spoken line by line on our `LineConn`, so every byte lands in the transcript,
//! a STARTTLS injection is caught, and literals and SASL initial responses (which async-imap
//! cannot send: its `login` only quotes 7-bit strings and its `authenticate` waits for a
//! continuation) go out exactly. Step 4 runs on async-imap: its connection sends the two
//! commands and its parser (imap-proto) reads the answers.

use async_imap::Client;
use async_imap::imap_proto::{MailboxDatum, RequestId, Response, Status};
use secrecy::ExposeSecret;
use tokio::io::AsyncWriteExt;
use zeroize::Zeroizing;

use super::capabilities::{MAX_CAPABILITIES, unique_mechanisms};
use super::failure::Failure;
use super::line::LineConn;
use super::mission::Mission;
use super::scram_sign_in::{self, Decision, with_note};
use super::session::{Ctx, rejected};
use super::signin::{self, ImapMethod};
use super::step::StepKind;
use super::stream::BoxStream;
use crate::account::Security;

/// Runs the IMAP conversation over a connected (and, for implicit TLS, secured) stream.
pub(crate) async fn run(ctx: &mut Ctx<'_>, stream: BoxStream) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let (rec, mask) = ctx.record_stream(stream);
    let mut conn = LineConn::new(rec, mask, endpoint.clone());

    ctx.one_line_greeting(&mut conn).await?;
    let mut caps = match greeting_capabilities(ctx) {
        Some(caps) => caps,
        None => capabilities(ctx, &mut conn, "m1").await?,
    };

    if ctx.settings.security == Security::StartTls {
        if !has_cap(&caps, "STARTTLS") {
            return Err(ctx.fail(StepKind::StartTls, Failure::StartTlsNotOffered { endpoint }));
        }
        let began = ctx.begin(StepKind::StartTls);
        let answer = match tagged(
            &mut conn,
            "m2",
            "STARTTLS",
            StepKind::StartTls,
            ctx.opts.timeouts.command,
        )
        .await
        {
            Ok((_, done)) if is_ok(&done, "m2") => Ok(()),
            Ok((_, done)) => Err(Failure::StartTlsRefused {
                endpoint: endpoint.clone(),
                reply: done,
            }),
            Err(f) => Err(f),
        };
        conn = ctx.upgrade(conn, began, answer).await?;
        // RFC 2595 §3.1: capabilities learnt before TLS must be discarded.
        caps = capabilities(ctx, &mut conn, "m3").await?;
    }

    ctx.require_encryption_or_opt_in()?;
    sign_in(ctx, &mut conn, &caps).await?;
    match ctx.mission {
        Mission::Find(find) => find::find_and_delete(ctx, conn, find).await,
        Mission::Verify | Mission::Send(_) => examine_and_logout(ctx, conn).await,
    }
}

async fn capabilities(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    tag: &str,
) -> Result<Vec<String>, Failure> {
    let began = ctx.begin(StepKind::Capabilities);
    let endpoint = ctx.endpoint();
    let limit = ctx.opts.timeouts.command;
    let result = match tagged(conn, tag, "CAPABILITY", StepKind::Capabilities, limit).await {
        Ok((untagged, done)) if is_ok(&done, tag) => {
            let caps: Vec<String> = untagged
                .iter()
                .filter_map(|l| {
                    let upper = l.to_ascii_uppercase();
                    upper.starts_with("* CAPABILITY ").then(|| {
                        l[13..]
                            .split_whitespace()
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                })
                .flatten()
                .take(MAX_CAPABILITIES)
                .collect();
            Ok(caps)
        }
        Ok((_, done)) => Err(Failure::Rejected {
            endpoint: endpoint.clone(),
            step: StepKind::Capabilities,
            reply: done,
        }),
        Err(f) => Err(f),
    };
    match result {
        Ok(caps) => {
            ctx.record(StepKind::Capabilities, began, Ok(caps.join(" ")));
            learn(ctx, &caps);
            Ok(caps)
        }
        Err(f) => {
            ctx.record(StepKind::Capabilities, began, Err(&f));
            Err(f)
        }
    }
}

/// Keeps what the capabilities say in the report's facts.
fn learn(ctx: &mut Ctx<'_>, caps: &[String]) {
    ctx.facts.auth_mechanisms = unique_mechanisms(auth_names(caps));
    ctx.facts.capabilities = caps.to_vec();
}

/// The capabilities a greeting carries in `[CAPABILITY …]` (RFC 9051 §7.1), recorded as the
/// capabilities step; `None` when the greeting has none (then CAPABILITY is asked).
fn greeting_capabilities(ctx: &mut Ctx<'_>) -> Option<Vec<String>> {
    let caps = parse_greeting_capabilities(ctx.facts.greeting.as_deref()?)?;
    let detail = format!("from the greeting: {}", caps.join(" "));
    ctx.record(
        StepKind::Capabilities,
        ctx.begin(StepKind::Capabilities),
        Ok(detail),
    );
    learn(ctx, &caps);
    Some(caps)
}

/// `* OK [CAPABILITY IMAP4rev1 …] text` → the capability names (at most 500).
fn parse_greeting_capabilities(line: &str) -> Option<Vec<String>> {
    let code = line
        .get(..5)?
        .eq_ignore_ascii_case("* OK ")
        .then(|| line[5..].trim_start())?;
    let inner = code.strip_prefix('[')?;
    let (inner, _) = inner.split_once(']')?;
    let (name, list) = inner.split_once(' ')?;
    if !name.eq_ignore_ascii_case("CAPABILITY") {
        return None;
    }
    let caps: Vec<String> = list
        .split_whitespace()
        .take(MAX_CAPABILITIES)
        .map(str::to_string)
        .collect();
    (!caps.is_empty()).then_some(caps)
}

/// One sign-in attempt in the form `signin::imap` chooses.
async fn sign_in(ctx: &mut Ctx<'_>, conn: &mut LineConn, caps: &[String]) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    if has_cap(caps, "LOGINDISABLED") && !ctx.encrypted {
        return Err(ctx.sign_in_hidden_until_tls("it advertises LOGINDISABLED before STARTTLS"));
    }
    if let super::options::SecretKind::OAuth2 { mechanism } = ctx.opts.secret_kind {
        return bearer_sign_in::bearer_sign_in(ctx, conn, caps, mechanism).await;
    }
    let user = ctx.settings.username.clone();
    let password = ctx.password;
    let choice = signin::imap(caps, &user, password.expose_secret());
    let offered: Vec<String> = auth_names(caps).map(str::to_string).collect();
    let note = match scram_sign_in::decide(ctx, &offered, choice.is_ok())? {
        Decision::Scram(plan) => {
            let mut wire = ImapSasl {
                conn,
                sasl_ir: has_cap(caps, "SASL-IR"),
            };
            return scram_sign_in::run(ctx, &mut wire, plan, "AUTHENTICATE").await;
        }
        Decision::Other { note } => note,
    };
    let choice = match choice {
        Ok(c) => c,
        Err(no) => {
            let offered = ctx.facts.auth_mechanisms.join(" ");
            return Err(ctx.no_sign_in_choice(no, offered));
        }
    };
    ctx.facts.auth_used = Some(choice.used.into());
    ctx.facts.auth_reason = Some(with_note(&choice.why, note));
    let limit = ctx.opts.timeouts.auth;
    let result = ctx
        .step(
            StepKind::Authenticate,
            limit,
            async {
                let tag = SIGN_IN_TAG;
                match choice.method {
                    ImapMethod::Plain { initial } => {
                        let response = signin::sasl_plain(&user, password.expose_secret());
                        if initial {
                            let line = Zeroizing::new(format!(
                                "{tag} AUTHENTICATE PLAIN {}",
                                response.as_str()
                            ));
                            conn.send_secret(StepKind::Authenticate, &line, 3).await?;
                        } else {
                            conn.send(StepKind::Authenticate, &format!("{tag} AUTHENTICATE PLAIN"))
                                .await?;
                            continuation(conn, tag).await?;
                            conn.send_secret(StepKind::Authenticate, &response, 0)
                                .await?;
                        }
                    }
                    ImapMethod::Login {
                        user: u,
                        password: p,
                    } => {
                        let pieces =
                            signin::imap_login(tag, &user, password.expose_secret(), (u, p));
                        for piece in pieces {
                            if piece.secret {
                                let keep = if piece.text.starts_with(tag) { 2 } else { 0 };
                                conn.send_secret(StepKind::Authenticate, &piece.text, keep)
                                    .await?;
                            } else {
                                conn.send(StepKind::Authenticate, &piece.text).await?;
                            }
                            if piece.wait {
                                continuation(conn, tag).await?;
                            }
                        }
                    }
                }
                let done = completion(conn, tag).await?;
                if done.starts_with('+') {
                    // A challenge after a complete PLAIN response: cancel (RFC 9051 §6.2.2).
                    conn.send(StepKind::Authenticate, "*").await?;
                    let _ = completion(conn, tag).await;
                    return Err(Failure::Protocol {
                        endpoint: endpoint.clone(),
                        step: StepKind::Authenticate,
                        detail: "the server asked for more after the complete sign-in".into(),
                    });
                }
                if is_ok(&done, tag) {
                    Ok(())
                } else {
                    Err(Failure::Rejected {
                        endpoint: endpoint.clone(),
                        step: StepKind::Authenticate,
                        reply: done,
                    })
                }
            },
            |_| format!("signed in as {user} with {}", choice.used),
        )
        .await;
    match result {
        Err(Failure::Rejected { step, reply, .. }) => Err(rejected(ctx, step, &reply)),
        other => other,
    }
}

/// EXAMINE INBOX and LOGOUT in one go over async-imap; the message count from `* n EXISTS`.
async fn examine_and_logout(ctx: &mut Ctx<'_>, conn: LineConn) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let (rec, _mask) = conn.into_recorder();
    let mut client = Client::new(rec);
    let limit = ctx.opts.timeouts.command;
    let began = ctx.begin(StepKind::Mailbox);
    // One write, so both commands leave in one TLS record; async-imap reads the answers.
    let (examine, logout) = (RequestId("m5".into()), RequestId("m6".into()));
    let sent = async {
        let stream = client.get_mut();
        stream
            .write_all(b"m5 EXAMINE INBOX\r\nm6 LOGOUT\r\n")
            .await?;
        stream.flush().await
    };
    match tokio::time::timeout(limit, sent).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            let f = imap_error(endpoint, StepKind::Mailbox, async_imap::error::Error::Io(e));
            ctx.record(StepKind::Mailbox, began, Err(&f));
            return Err(f);
        }
        Err(_) => {
            let f = ctx.timeout_failure(StepKind::Mailbox, limit);
            ctx.record(StepKind::Mailbox, began, Err(&f));
            return Err(f);
        }
    }
    let mut exists = None;
    let read = async {
        loop {
            let Some(response) = client.read_response().await? else {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            };
            match response.parsed() {
                Response::MailboxData(MailboxDatum::Exists(n)) => exists = Some(*n),
                Response::Done { tag, status, .. } if *tag == examine => {
                    return Ok((*status == Status::Ok, first_line(response.borrow_owner())));
                }
                _ => {}
            }
        }
    };
    let examined = match tokio::time::timeout(limit, read).await {
        Ok(Ok(r)) => Ok(r),
        Ok(Err(e)) => Err(imap_error(
            endpoint.clone(),
            StepKind::Mailbox,
            async_imap::error::Error::Io(e),
        )),
        Err(_) => Err(ctx.timeout_failure(StepKind::Mailbox, limit)),
    };
    let result = match examined {
        Ok((true, _)) => match exists {
            Some(n) => Ok(n),
            None => Err(Failure::Protocol {
                endpoint: endpoint.clone(),
                step: StepKind::Mailbox,
                detail: "EXAMINE succeeded without saying how many messages INBOX has".into(),
            }),
        },
        Ok((false, reply)) => Err(rejected(ctx, StepKind::Mailbox, &reply)),
        Err(f) => Err(f),
    };
    match result {
        Ok(n) => {
            ctx.record(
                StepKind::Mailbox,
                began,
                Ok(format!("INBOX has {n} messages")),
            );
            ctx.facts.messages = Some(u64::from(n));
        }
        Err(f) => {
            ctx.record(StepKind::Mailbox, began, Err(&f));
            return Err(f);
        }
    }

    // The answer to LOGOUT came with EXAMINE's, normally; wait only a moment for it.
    ctx.goodbye("LOGOUT", async {
        loop {
            match client.read_response().await {
                Ok(Some(r)) if r.request_id() == Some(&logout) => {
                    return Ok(first_line(r.borrow_owner()));
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => {
                    return Err(Failure::Closed {
                        endpoint,
                        step: StepKind::Logout,
                    });
                }
            }
        }
    })
    .await
}

mod bearer_sign_in;
mod find;
mod scram_wire;
mod wire;

use scram_wire::ImapSasl;

use wire::{
    SIGN_IN_TAG, auth_names, completion, continuation, first_line, has_cap, imap_error, is_ok,
    tagged,
};
