//! The IMAP probe (RFC 9051, RFC 3501; STARTTLS and LOGINDISABLED per RFC 2595; response
//! codes per RFC 5530).
//!
//! Before sign-in the conversation is three tagged commands read line by line (greeting,
//! CAPABILITY, STARTTLS, CAPABILITY again), so every byte lands in the transcript and a
//! STARTTLS injection is caught. Then async-imap takes the stream for LOGIN (or AUTHENTICATE
//! PLAIN when LOGIN is disabled), EXAMINE INBOX and LOGOUT.

use async_imap::Client;
use secrecy::ExposeSecret;

use super::failure::Failure;
use super::report::StepKind;
use super::session::{
    Ctx, LineConn, MAX_CAPABILITIES, Speaker, rejected, speaker, unexpected_greeting,
    unique_mechanisms,
};
use super::transcript::{Mask, MaskHandle, Recorder};
use super::{BoxStream, Security};

/// Runs the IMAP conversation over a connected (and, for implicit TLS, secured) stream.
pub(crate) async fn run(ctx: &mut Ctx<'_>, stream: BoxStream) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let (rec, mask) = ctx.record_stream(stream);
    let mut conn = LineConn::new(rec, mask, endpoint.clone());

    greeting(ctx, &mut conn).await?;
    let mut caps = capabilities(ctx, &mut conn, "m1").await?;

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
    let (rec, mask) = conn.into_recorder();
    let mut session = authenticate(ctx, rec, mask, &caps).await?;

    let limit = ctx.opts.timeouts.command;
    let examined = ctx
        .step(
            StepKind::Mailbox,
            limit,
            async {
                session
                    .examine("INBOX")
                    .await
                    .map_err(|e| imap_error(endpoint.clone(), StepKind::Mailbox, e))
            },
            |m| format!("INBOX has {} messages", m.exists),
        )
        .await;
    let mailbox = match examined {
        Ok(m) => m,
        Err(Failure::Rejected { step, .. }) => {
            // The tagged NO is in the transcript: report the server's own words.
            let reply = ctx.transcript.last_received().unwrap_or_default();
            return Err(rejected(ctx, step, &reply));
        }
        Err(f) => return Err(f),
    };
    ctx.facts.messages = Some(u64::from(mailbox.exists));

    let began = ctx.begin(StepKind::Logout);
    match tokio::time::timeout(limit, session.logout()).await {
        Ok(Ok(())) => ctx.record(StepKind::Logout, began, Ok("LOGOUT accepted".into())),
        Ok(Err(async_imap::error::Error::ConnectionLost))
        | Ok(Err(async_imap::error::Error::Io(_))) => ctx.record(
            StepKind::Logout,
            began,
            Ok("the server closed the connection on LOGOUT".into()),
        ),
        Ok(Err(e)) => {
            let f = imap_error(endpoint, StepKind::Logout, e);
            ctx.record(StepKind::Logout, began, Err(&f));
            return Err(f);
        }
        Err(_) => {
            let f = ctx.timeout_failure(StepKind::Logout, limit);
            ctx.record(StepKind::Logout, began, Err(&f));
            return Err(f);
        }
    }
    Ok(())
}

async fn greeting(ctx: &mut Ctx<'_>, conn: &mut LineConn) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let protocol = ctx.settings.protocol;
    let result = ctx
        .greeting(async {
            let (line, raw) = conn.read_line(StepKind::Greeting).await?;
            match speaker(&line) {
                Some(Speaker::Imap) if line.to_ascii_uppercase().starts_with("* BYE") => {
                    Err(Failure::Rejected {
                        endpoint: endpoint.clone(),
                        step: StepKind::Greeting,
                        reply: line,
                    })
                }
                Some(Speaker::Imap) => Ok(line),
                _ => Err(unexpected_greeting(protocol, &endpoint, &line, &raw)),
            }
        })
        .await;
    ctx.facts.greeting = Some(result?);
    Ok(())
}

/// Sends a tagged command and reads up to its completion: (untagged lines, completion line).
async fn tagged(
    conn: &mut LineConn,
    tag: &str,
    command: &str,
    step: StepKind,
    limit: std::time::Duration,
) -> Result<(Vec<String>, String), Failure> {
    let endpoint = conn.endpoint.clone();
    let work = async {
        conn.send(step, &format!("{tag} {command}")).await?;
        let mut untagged = Vec::new();
        loop {
            let (line, _) = conn.read_line(step).await?;
            if line.starts_with(&format!("{tag} ")) {
                return Ok((untagged, line));
            }
            if untagged.len() < 1000 {
                untagged.push(line);
            }
        }
    };
    match tokio::time::timeout(limit, work).await {
        Ok(r) => r,
        Err(_) => Err(Failure::Timeout {
            endpoint,
            step,
            after: limit,
        }),
    }
}

fn is_ok(done: &str, tag: &str) -> bool {
    done[tag.len()..]
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("OK")
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
            ctx.facts.auth_mechanisms = unique_mechanisms(caps.iter().filter_map(|c| {
                c.get(..5)
                    .filter(|p| p.eq_ignore_ascii_case("AUTH="))
                    .map(|_| &c[5..])
            }));
            ctx.facts.capabilities = caps.clone();
            Ok(caps)
        }
        Err(f) => {
            ctx.record(StepKind::Capabilities, began, Err(&f));
            Err(f)
        }
    }
}

fn has_cap(caps: &[String], name: &str) -> bool {
    caps.iter().any(|c| c.eq_ignore_ascii_case(name))
}

type Session = async_imap::Session<Recorder<BoxStream>>;

/// SASL PLAIN (RFC 4616) for AUTHENTICATE, used when the server disables LOGIN.
struct Plain<'a> {
    user: &'a str,
    password: &'a str,
}

impl async_imap::Authenticator for Plain<'_> {
    type Response = zeroize::Zeroizing<Vec<u8>>;
    fn process(&mut self, _challenge: &[u8]) -> Self::Response {
        zeroize::Zeroizing::new(format!("\0{}\0{}", self.user, self.password).into_bytes())
    }
}

async fn authenticate(
    ctx: &mut Ctx<'_>,
    rec: Recorder<BoxStream>,
    mask: MaskHandle,
    caps: &[String],
) -> Result<Session, Failure> {
    let endpoint = ctx.endpoint();
    let login_disabled = has_cap(caps, "LOGINDISABLED");
    let plain_offered = has_cap(caps, "AUTH=PLAIN");
    if login_disabled && !ctx.encrypted {
        return Err(ctx.fail(
            StepKind::Authenticate,
            Failure::PlaintextAuthRefused {
                endpoint,
                evidence: "it advertises LOGINDISABLED before STARTTLS".into(),
            },
        ));
    }
    if login_disabled && !plain_offered {
        let offered = ctx.facts.auth_mechanisms.join(" ");
        return Err(ctx.fail(
            StepKind::Authenticate,
            Failure::NoUsableMechanism { endpoint, offered },
        ));
    }
    let user = ctx.settings.username.clone();
    let limit = ctx.opts.timeouts.auth;
    let client = Client::new(rec);
    let began = ctx.begin(StepKind::Authenticate);
    let attempt = async {
        if login_disabled {
            ctx.facts.auth_used = Some("AUTHENTICATE PLAIN".into());
            mask.set(Mask::KeepWords(0));
            let auth = Plain {
                user: &user,
                password: ctx.password.expose_secret(),
            };
            client.authenticate("PLAIN", auth).await
        } else {
            ctx.facts.auth_used = Some("LOGIN".into());
            mask.set(Mask::KeepWords(3));
            client.login(&user, ctx.password.expose_secret()).await
        }
    };
    let result = tokio::time::timeout(limit, attempt).await;
    mask.set(Mask::Off);
    match result {
        Ok(Ok(session)) => {
            ctx.record(
                StepKind::Authenticate,
                began,
                Ok(format!("signed in as {user}")),
            );
            Ok(session)
        }
        Ok(Err((e, _client))) => {
            let f = match imap_error(endpoint, StepKind::Authenticate, e) {
                Failure::Rejected { step, .. } => {
                    let reply = ctx.transcript.last_received().unwrap_or_default();
                    rejected(ctx, step, &reply)
                }
                other => other,
            };
            ctx.record(StepKind::Authenticate, began, Err(&f));
            Err(f)
        }
        Err(_) => {
            let f = ctx.timeout_failure(StepKind::Authenticate, limit);
            ctx.record(StepKind::Authenticate, began, Err(&f));
            Err(f)
        }
    }
}

/// Maps an async-imap error to an observation (by type, never by its text).
fn imap_error(endpoint: String, step: StepKind, e: async_imap::error::Error) -> Failure {
    use async_imap::error::Error;
    match e {
        Error::No(text) | Error::Bad(text) => Failure::Rejected {
            endpoint,
            step,
            reply: text,
        },
        Error::ConnectionLost => Failure::Closed { endpoint, step },
        Error::Io(io) => match io.kind() {
            std::io::ErrorKind::UnexpectedEof
            | std::io::ErrorKind::ConnectionReset
            | std::io::ErrorKind::BrokenPipe => Failure::Closed { endpoint, step },
            _ => Failure::Protocol {
                endpoint,
                step,
                detail: io.to_string(),
            },
        },
        Error::Validate(v) => Failure::Protocol {
            endpoint,
            step,
            detail: format!(
                "the user name or password contains a character IMAP cannot send ({:?})",
                v.0
            ),
        },
        other => Failure::Protocol {
            endpoint,
            step,
            detail: other.to_string(),
        },
    }
}
