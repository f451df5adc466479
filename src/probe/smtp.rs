//! The SMTP submission probe (RFC 6409 over RFC 5321; STARTTLS RFC 3207; AUTH RFC 4954 with
//! PLAIN RFC 4616 or LOGIN; enhanced status codes RFC 3463).
//!
//! In order: greeting → EHLO → STARTTLS → EHLO again (RFC 3207 §4.2) → one AUTH: SCRAM when
//! offered (`scram_sign_in`), else the mechanism `signin::smtp` chooses (PLAIN with its
//! initial response, else LOGIN) → QUIT.
//! With PIPELINING (RFC 2920), QUIT follows AUTH PLAIN in the same flight: RFC 4954 §4 allows
//! commands after AUTH when it carries an initial response of a mechanism that completes in
//! one round trip (PLAIN). The answer to QUIT is waited for only a short grace period.
//!
//! The sockets are ours (so every line is in the transcript and every read has a deadline);
//! the protocol model is lettre's: its command types write EHLO, STARTTLS, AUTH and QUIT, and
//! its reply parser reads the server's answers.

use std::str::FromStr;
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::commands::{Auth, Ehlo, Quit, Starttls};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::response::Response;
use secrecy::ExposeSecret;

use super::capabilities::{MAX_CAPABILITIES, offers, unique_mechanisms};
use super::failure::Failure;
use super::line::LineConn;
use super::mission::{MessageFacts, Mission, TestMessage};
use super::recognise::{Greeting, greeting_of, unexpected_greeting};
use super::scram_sign_in::{self, Decision, with_note};
use super::session::{Ctx, rejected};
use super::signin::{self, SmtpMethod};
use super::step::StepKind;
use super::stream::BoxStream;
use super::test_message::queue_id;
use crate::account::Security;

/// Most lines accepted in one multi-line reply.
const MAX_REPLY_LINES: usize = 200;

/// A reply as read: the raw lines (for reports) and lettre's parsed form.
pub(super) struct Reply {
    lines: Vec<String>,
    parsed: Option<Response>,
}

impl Reply {
    pub(super) fn code(&self) -> Option<u16> {
        self.lines.first()?.get(..3)?.parse().ok()
    }
    fn is_positive(&self) -> bool {
        self.code().is_some_and(|c| (200..400).contains(&c))
    }
    pub(super) fn text(&self) -> String {
        self.lines.join(" / ")
    }
}

/// Runs the SMTP conversation over a connected (and, for implicit TLS, secured) stream.
pub(crate) async fn run(ctx: &mut Ctx<'_>, stream: BoxStream) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let (rec, mask) = ctx.record_stream(stream);
    let mut conn = LineConn::new(rec, mask, endpoint.clone());

    greeting(ctx, &mut conn).await?;
    let mut ehlo_lines = ehlo(ctx, &mut conn).await?;

    if ctx.settings.security == Security::StartTls {
        if !offers(&ehlo_lines, "STARTTLS") {
            return Err(ctx.fail(StepKind::StartTls, Failure::StartTlsNotOffered { endpoint }));
        }
        let began = ctx.begin(StepKind::StartTls);
        let limit = ctx.opts.timeouts.command;
        let answer =
            match exchange(&mut conn, &Starttls.to_string(), StepKind::StartTls, limit).await {
                Ok(r) if r.code() == Some(220) => Ok(()),
                Ok(r) => Err(Failure::StartTlsRefused {
                    endpoint: endpoint.clone(),
                    reply: r.text(),
                }),
                Err(f) => Err(f),
            };
        conn = ctx.upgrade(conn, began, answer).await?;
        // RFC 3207 §4.2: forget what was learnt before TLS; EHLO again.
        ehlo_lines = ehlo(ctx, &mut conn).await?;
    }

    ctx.require_encryption_or_opt_in()?;
    let quit_sent = authenticate(ctx, &mut conn, &ehlo_lines).await?;
    if let Mission::Send(message) = ctx.mission {
        send_message(ctx, &mut conn, message).await?;
    }

    ctx.goodbye("QUIT", async {
        if !quit_sent {
            conn.send(StepKind::Logout, &Quit.to_string()).await?;
        }
        Ok(read_reply(&mut conn, StepKind::Logout).await?.text())
    })
    .await
}

/// Reads one complete reply (RFC 5321 §4.2: `NNN-` continues, `NNN ` ends).
pub(super) async fn read_reply(conn: &mut LineConn, step: StepKind) -> Result<Reply, Failure> {
    let mut lines = Vec::new();
    loop {
        let (line, _) = conn.read_line(step).await?;
        let bytes = line.as_bytes();
        let well_formed = bytes.len() >= 3 && bytes[..3].iter().all(u8::is_ascii_digit);
        if !well_formed {
            return Err(Failure::Protocol {
                endpoint: conn.endpoint.clone(),
                step,
                detail: format!("not an SMTP reply line: {line:?}"),
            });
        }
        let more = bytes.get(3) == Some(&b'-');
        lines.push(line);
        if !more {
            break;
        }
        if lines.len() >= MAX_REPLY_LINES {
            return Err(Failure::Protocol {
                endpoint: conn.endpoint.clone(),
                step,
                detail: "a reply with too many lines".into(),
            });
        }
    }
    let mut joined = lines.join("\r\n");
    joined.push_str("\r\n");
    let parsed = Response::from_str(&joined).ok();
    Ok(Reply { lines, parsed })
}

/// Sends a command line (already CRLF-terminated by lettre) and reads the reply.
async fn exchange(
    conn: &mut LineConn,
    line: &str,
    step: StepKind,
    limit: Duration,
) -> Result<Reply, Failure> {
    let endpoint = conn.endpoint.clone();
    let work = async {
        conn.send(step, line).await?;
        read_reply(conn, step).await
    };
    tokio::time::timeout(limit, work)
        .await
        .unwrap_or(Err(Failure::Timeout {
            endpoint,
            step,
            after: limit,
        }))
}

/// The round trip's SMTP errand: MAIL FROM, RCPT TO and DATA for the test message, from the
/// account to itself (RFC 5321 §3.3). The message has no line starting with a dot, so it needs
/// no dot-stuffing; the reply to the final dot carries the queue id when the server names one.
async fn send_message(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    message: &TestMessage,
) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let limit = ctx.opts.timeouts.command;
    let step = StepKind::SendMessage;
    let mut facts = MessageFacts::new(message);
    let address = message.address.clone();
    let sent = ctx
        .step(
            step,
            limit,
            async {
                let refused = |r: Reply| Failure::Rejected {
                    endpoint: endpoint.clone(),
                    step,
                    reply: r.text(),
                };
                for (line, want) in [
                    (format!("MAIL FROM:<{address}>"), 250),
                    (format!("RCPT TO:<{address}>"), 250),
                    ("DATA".to_string(), 354),
                ] {
                    let r = exchange(conn, &line, step, limit).await?;
                    // RCPT may answer 251 (will forward); anything 2xx/3xx that was asked for.
                    if r.code().map(|c| c / 100) != Some(want / 100) {
                        return Err(refused(r));
                    }
                }
                let r = exchange(conn, &format!("{}.", message.text), step, limit).await?;
                if r.code().map(|c| c / 100) == Some(2) {
                    Ok(r.text())
                } else {
                    Err(refused(r))
                }
            },
            |reply| format!("accepted for {address}: {reply}"),
        )
        .await;
    match sent {
        Ok(reply) => {
            facts.queue_id = queue_id(&reply);
            facts.accepted = Some(reply);
            facts.at = Some(std::time::Instant::now());
            ctx.facts.test_message = Some(facts);
            Ok(())
        }
        Err(Failure::Rejected { step, reply, .. }) => {
            ctx.facts.test_message = Some(facts);
            Err(rejected(ctx, step, &reply))
        }
        Err(f) => {
            ctx.facts.test_message = Some(facts);
            Err(f)
        }
    }
}

async fn greeting(ctx: &mut Ctx<'_>, conn: &mut LineConn) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let protocol = ctx.settings.protocol;
    let result = ctx
        .greeting(async {
            // Peek at the first line to recognise a foreign protocol before parsing.
            let (first, raw) = conn.read_line(StepKind::Greeting).await?;
            if greeting_of(protocol, &first) == Greeting::Foreign {
                return Err(unexpected_greeting(protocol, &endpoint, &first, &raw));
            }
            let mut lines = vec![first];
            while lines
                .last()
                .is_some_and(|l| l.as_bytes().get(3) == Some(&b'-'))
                && lines.len() < MAX_REPLY_LINES
            {
                lines.push(conn.read_line(StepKind::Greeting).await?.0);
            }
            let reply = Reply {
                lines,
                parsed: None,
            };
            if reply.code() == Some(220) {
                Ok(reply.text())
            } else {
                Err(Failure::Rejected {
                    endpoint: endpoint.clone(),
                    step: StepKind::Greeting,
                    reply: reply.text(),
                })
            }
        })
        .await;
    ctx.facts.greeting = Some(result?);
    Ok(())
}

/// EHLO; returns the keyword lines (without the code).
async fn ehlo(ctx: &mut Ctx<'_>, conn: &mut LineConn) -> Result<Vec<String>, Failure> {
    let endpoint = ctx.endpoint();
    let limit = ctx.opts.timeouts.command;
    let line = Ehlo::new(ClientId::Domain(ctx.opts.client_name.clone())).to_string();
    let keywords = ctx
        .step(
            StepKind::Capabilities,
            limit,
            async {
                let reply = exchange(conn, &line, StepKind::Capabilities, limit).await?;
                if reply.code() != Some(250) {
                    return Err(Failure::Rejected {
                        endpoint: endpoint.clone(),
                        step: StepKind::Capabilities,
                        reply: reply.text(),
                    });
                }
                // The first line names the server; the rest are extensions.
                Ok(reply
                    .lines
                    .iter()
                    .skip(1)
                    .map(|l| l.get(4..).unwrap_or("").trim().to_string())
                    .filter(|l| !l.is_empty())
                    .take(MAX_CAPABILITIES)
                    .collect::<Vec<_>>())
            },
            |k: &Vec<String>| k.join(", "),
        )
        .await?;
    ctx.facts.capabilities = keywords.clone();
    ctx.facts.auth_mechanisms = auth_mechanisms(&keywords);
    Ok(keywords)
}

/// Mechanisms from `AUTH …` (and the old `AUTH=…` form some servers still send); linear, capped.
fn auth_mechanisms(keywords: &[String]) -> Vec<String> {
    unique_mechanisms(keywords.iter().flat_map(|k| {
        let rest = k
            .get(..5)
            .filter(|p| p.eq_ignore_ascii_case("AUTH ") || p.eq_ignore_ascii_case("AUTH="))
            .map_or("", |_| &k[5..]);
        rest.split_whitespace()
    }))
}

/// One AUTH attempt; returns whether QUIT was already sent behind it (pipelined).
async fn authenticate(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    keywords: &[String],
) -> Result<bool, Failure> {
    let endpoint = ctx.endpoint();
    let offered = auth_mechanisms(keywords);
    if offered.is_empty() && !ctx.encrypted && offers(keywords, "STARTTLS") {
        // The server hides AUTH until the connection is encrypted (Dovecot, Postfix).
        return Err(ctx.sign_in_hidden_until_tls("it offers AUTH only after STARTTLS"));
    }
    if let super::options::SecretKind::OAuth2 { mechanism } = ctx.opts.secret_kind {
        return bearer_sign_in::bearer_sign_in(ctx, conn, &offered, mechanism)
            .await
            .map(|()| false);
    }
    let user = ctx.settings.username.clone();
    let password = ctx.password;
    let choice = signin::smtp(&offered, &user, password.expose_secret());
    let note = match scram_sign_in::decide(ctx, &offered, choice.is_ok())? {
        Decision::Scram(plan) => {
            let mut wire = scram_wire::SmtpSasl { conn };
            return scram_sign_in::run(ctx, &mut wire, plan, "AUTH")
                .await
                .map(|()| false);
        }
        Decision::Other { note } => note,
    };
    let choice = match choice {
        Ok(c) => c,
        Err(no) => {
            let words = if offered.is_empty() {
                "no AUTH at all".into()
            } else {
                offered.join(" ")
            };
            return Err(ctx.no_sign_in_choice(no, words));
        }
    };
    let mechanism = match choice.method {
        SmtpMethod::Plain => Mechanism::Plain,
        SmtpMethod::Login => Mechanism::Login,
    };
    // An errand needs the session after the sign-in: QUIT is not pipelined behind it then.
    let pipelined = mechanism == Mechanism::Plain
        && offers(keywords, "PIPELINING")
        && matches!(ctx.mission, Mission::Verify);
    ctx.facts.auth_used = Some(choice.used.into());
    let why = with_note(&choice.why, note);
    ctx.facts.auth_reason = Some(if pipelined {
        format!("{why}; QUIT follows in the same flight (RFC 2920, RFC 4954 §4)")
    } else {
        why
    });
    let limit = ctx.opts.timeouts.auth;
    let result = ctx
        .step(
            StepKind::Authenticate,
            limit,
            async {
                let credentials =
                    Credentials::new(user.clone(), password.expose_secret().to_string());
                let protocol_error = |detail: String| Failure::Protocol {
                    endpoint: endpoint.clone(),
                    step: StepKind::Authenticate,
                    detail,
                };
                let first = Auth::new(mechanism, credentials.clone(), None)
                    .map_err(|e| protocol_error(e.to_string()))?;
                // PLAIN carries the secret in its first line; LOGIN only names itself.
                let keep = if mechanism == Mechanism::Plain { 2 } else { 3 };
                conn.send_secret(StepKind::Authenticate, &first.to_string(), keep)
                    .await?;
                if pipelined {
                    conn.send(StepKind::Logout, &Quit.to_string()).await?;
                }
                let mut reply = read_reply(conn, StepKind::Authenticate).await?;
                let mut rounds = 0;
                while reply.code() == Some(334) && rounds < 3 {
                    rounds += 1;
                    let parsed = reply.parsed.as_ref().ok_or_else(|| {
                        protocol_error(format!("unreadable challenge {:?}", reply.text()))
                    })?;
                    let next = Auth::new_from_response(mechanism, credentials.clone(), parsed)
                        .map_err(|e| protocol_error(e.to_string()))?;
                    conn.send_secret(StepKind::Authenticate, &next.to_string(), 0)
                        .await?;
                    reply = read_reply(conn, StepKind::Authenticate).await?;
                }
                if reply.code() == Some(235) || (reply.is_positive() && reply.code() != Some(334)) {
                    Ok(())
                } else {
                    Err(Failure::Rejected {
                        endpoint: endpoint.clone(),
                        step: StepKind::Authenticate,
                        reply: reply.text(),
                    })
                }
            },
            |_| format!("signed in as {user} with {}", choice.used),
        )
        .await;
    match result {
        Ok(()) => Ok(pipelined),
        Err(Failure::Rejected { step, reply, .. }) => Err(rejected(ctx, step, &reply)),
        Err(other) => Err(other),
    }
}

/// Signing in with an OAuth 2.0 access token (SASL OAUTHBEARER / XOAUTH2, RFC 7628); the
/// shared parts are in `bearer.rs`.
mod bearer_sign_in {
    use super::super::bearer::{Answer, STEP, choose, run_step};
    use super::*;
    use crate::probe::sasl::{self, Mechanism};
    use zeroize::Zeroizing;

    /// `AUTH OAUTHBEARER|XOAUTH2 <initial response>` (RFC 4954 §4).
    pub(super) async fn bearer_sign_in(
        ctx: &mut Ctx<'_>,
        conn: &mut LineConn,
        offered: &[String],
        forced: Option<Mechanism>,
    ) -> Result<(), Failure> {
        let (mechanism, response) = choose(ctx, offered, forced, "AUTH")?;
        let name = mechanism.name();
        let talk = async {
            let line = Zeroizing::new(format!("AUTH {name} {}", response.as_str()));
            conn.send_secret(STEP, &line, 2).await?;
            let reply = read_reply(conn, STEP).await?;
            match reply.code() {
                Some(235) => return Ok((Answer::Accepted, None)),
                Some(334) => {}
                _ => return Ok((Answer::Refused(reply.text()), None)),
            }
            let payload = reply.text();
            let error = sasl::decode_error(payload.get(4..).unwrap_or("")).map(Box::new);
            conn.send(STEP, mechanism.dummy_response()).await?;
            let last = read_reply(conn, STEP).await?;
            Ok((Answer::Challenge(last.text()), error))
        };
        run_step(ctx, mechanism, talk).await
    }
}

/// SMTP's SASL framing for a SCRAM sign-in (`probe/scram_sign_in.rs`): `AUTH` with the
/// client-first message as its initial response (RFC 4954 §4), challenges as
/// `334 <base64>`, `*` cancels (answered with 501).
mod scram_wire {
    use super::super::scram_sign_in::{STEP, SaslReply, SaslWire};
    use super::*;

    pub(super) struct SmtpSasl<'c> {
        pub conn: &'c mut LineConn,
    }

    impl SaslWire for SmtpSasl<'_> {
        async fn begin(&mut self, mechanism: &str, initial: &str) -> Result<(), Failure> {
            self.conn
                .send(STEP, &format!("AUTH {mechanism} {initial}"))
                .await
        }

        fn line(&mut self) -> &mut LineConn {
            self.conn
        }

        async fn read(&mut self) -> Result<SaslReply, Failure> {
            let reply = read_reply(self.conn, STEP).await?;
            Ok(match reply.code() {
                Some(334) => {
                    let first = reply.lines.first().map(String::as_str).unwrap_or("");
                    SaslReply::Challenge(first.get(4..).unwrap_or("").trim().to_string())
                }
                code => SaslReply::Done {
                    ok: code == Some(235),
                    line: reply.text(),
                },
            })
        }

        async fn cancel(&mut self) -> Result<String, Failure> {
            self.conn.send(STEP, "*").await?;
            Ok(read_reply(self.conn, STEP).await?.text())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_mechanisms_from_both_ehlo_forms() {
        let k: Vec<String> = [
            "PIPELINING",
            "AUTH PLAIN LOGIN",
            "AUTH=LOGIN XOAUTH2",
            "8BITMIME",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(auth_mechanisms(&k), vec!["PLAIN", "LOGIN", "XOAUTH2"]);
        assert!(offers(&k, "pipelining"));
        assert!(!offers(&k, "STARTTLS"));
    }
}
