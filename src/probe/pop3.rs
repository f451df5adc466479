//! The POP3 probe (RFC 1939; CAPA and extended response codes RFC 2449 / RFC 3206; STLS
//! RFC 2595; AUTH RFC 5034 with SASL PLAIN RFC 4616).
//!
//! No POP3 crate fits (STLS, no retries, tokio): the protocol is small, so it is spoken here
//! line by line: greeting → CAPA → STLS → CAPA (RFC 2595 §4: ask again after TLS) → one
//! sign-in: SCRAM when offered (`scram_sign_in`), else the form `signin::pop3` chooses (AUTH
//! PLAIN with its initial response, or USER/PASS) → STAT → QUIT. When the server lists PIPELINING (RFC 2449 §6.6) the sign-in,
//! STAT and QUIT leave together and their answers are read in order: one round trip after
//! CAPA. The answer to QUIT is waited for only a short grace period; nobody needs it.

use secrecy::ExposeSecret;
use zeroize::Zeroizing;

use super::capabilities::{MAX_CAPABILITIES, offers, unique_mechanisms};
use super::failure::Failure;
use super::line::LineConn;
use super::mission::{Find, MessageFacts, Mission};
use super::scram;
use super::scram_sign_in::{self, Decision, with_note};
use super::session::{Ctx, rejected};
use super::signin::{self, NoChoice, Pop3Method};
use super::step::StepKind;
use super::stream::BoxStream;
use crate::account::Security;

/// Runs the POP3 conversation over a connected (and, for implicit TLS, secured) stream.
pub(crate) async fn run(ctx: &mut Ctx<'_>, stream: BoxStream) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let (rec, mask) = ctx.record_stream(stream);
    let mut conn = LineConn::new(rec, mask, endpoint.clone());

    ctx.one_line_greeting(&mut conn).await?;
    let mut caps = capa(ctx, &mut conn).await?;

    if ctx.settings.security == Security::StartTls {
        // Servers without CAPA may still know STLS; with CAPA, it must be listed.
        if caps.is_some() && !has(&caps, "STLS") {
            return Err(ctx.fail(StepKind::StartTls, Failure::StartTlsNotOffered { endpoint }));
        }
        let began = ctx.begin(StepKind::StartTls);
        let limit = ctx.opts.timeouts.command;
        let answer = match command(&mut conn, "STLS", StepKind::StartTls, limit).await {
            Ok(line) if is_ok(&line) => Ok(()),
            // Without CAPA, a refused STLS means the server does not know it.
            Ok(_) if caps.is_none() => Err(Failure::StartTlsNotOffered {
                endpoint: endpoint.clone(),
            }),
            Ok(line) => Err(Failure::StartTlsRefused {
                endpoint: endpoint.clone(),
                reply: line,
            }),
            Err(f) => Err(f),
        };
        conn = ctx.upgrade(conn, began, answer).await?;
        // RFC 2595 §4: capabilities may change after STLS; ask again.
        caps = capa(ctx, &mut conn).await?;
    }

    ctx.require_encryption_or_opt_in()?;
    // An errand needs the session after the sign-in: nothing is pipelined behind it then.
    // Nor behind SCRAM, which takes several round trips.
    let scram = scram::choose(
        ctx.facts.auth_mechanisms.iter().map(String::as_str),
        ctx.channel_binding.clone(),
    )
    .is_some();
    let pipelined = has(&caps, "PIPELINING")
        && matches!(ctx.mission, Mission::Verify)
        && ctx.opts.secret_kind == super::options::SecretKind::Password
        && !scram;
    authenticate(ctx, &mut conn, &caps, pipelined).await?;
    if let Mission::Find(find) = ctx.mission {
        return find_and_delete(ctx, conn, find).await;
    }

    let limit = ctx.opts.timeouts.command;
    let stat = ctx
        .step(
            StepKind::Mailbox,
            limit,
            async {
                let line = if pipelined {
                    conn.read_line(StepKind::Mailbox).await?.0
                } else {
                    command(&mut conn, "STAT", StepKind::Mailbox, limit).await?
                };
                if !is_ok(&line) {
                    return Err(Failure::Rejected {
                        endpoint: endpoint.clone(),
                        step: StepKind::Mailbox,
                        reply: line,
                    });
                }
                parse_stat(&line).ok_or_else(|| Failure::Protocol {
                    endpoint: endpoint.clone(),
                    step: StepKind::Mailbox,
                    detail: format!("unreadable STAT reply {line:?}"),
                })
            },
            |(count, octets)| format!("{count} messages, {octets} octets"),
        )
        .await?;
    ctx.facts.messages = Some(stat.0);
    ctx.facts.mailbox_octets = Some(stat.1);

    ctx.goodbye("QUIT", async {
        if !pipelined {
            conn.send(StepKind::Logout, "QUIT").await?;
        }
        Ok(conn.read_line(StepKind::Logout).await?.0)
    })
    .await
}

pub(super) fn is_ok(line: &str) -> bool {
    line.starts_with("+OK")
}

/// Sends a command and reads its one-line reply, under a deadline.
async fn command(
    conn: &mut LineConn,
    line: &str,
    step: StepKind,
    limit: std::time::Duration,
) -> Result<String, Failure> {
    let endpoint = conn.endpoint.clone();
    let work = async {
        conn.send(step, line).await?;
        Ok(conn.read_line(step).await?.0)
    };
    tokio::time::timeout(limit, work)
        .await
        .unwrap_or(Err(Failure::Timeout {
            endpoint,
            step,
            after: limit,
        }))
}

/// CAPA (RFC 2449). `None` when the server does not know CAPA (RFC 1939-only servers).
async fn capa(ctx: &mut Ctx<'_>, conn: &mut LineConn) -> Result<Option<Vec<String>>, Failure> {
    let endpoint = ctx.endpoint();
    let limit = ctx.opts.timeouts.command;
    let caps = ctx
        .step(
            StepKind::Capabilities,
            limit,
            async {
                conn.send(StepKind::Capabilities, "CAPA").await?;
                let (first, _) = conn.read_line(StepKind::Capabilities).await?;
                if !is_ok(&first) {
                    return Ok(None);
                }
                let mut caps = Vec::new();
                loop {
                    let (line, _) = conn.read_line(StepKind::Capabilities).await?;
                    if line == "." {
                        return Ok(Some(caps));
                    }
                    if caps.len() >= MAX_CAPABILITIES {
                        return Err(Failure::Protocol {
                            endpoint: endpoint.clone(),
                            step: StepKind::Capabilities,
                            detail: "CAPA list does not end".into(),
                        });
                    }
                    caps.push(line);
                }
            },
            |c: &Option<Vec<String>>| match c {
                Some(c) => c.join(", "),
                None => "the server does not support CAPA".into(),
            },
        )
        .await?;
    if let Some(c) = &caps {
        ctx.facts.capabilities = c.clone();
        ctx.facts.auth_mechanisms = sasl_mechanisms(c);
    }
    Ok(caps)
}

/// Whether the CAPA answer (when there was one) offers `name`.
fn has(caps: &Option<Vec<String>>, name: &str) -> bool {
    caps.as_deref().is_some_and(|c| offers(c, name))
}

fn sasl_mechanisms(caps: &[String]) -> Vec<String> {
    unique_mechanisms(caps.iter().flat_map(|l| {
        let mut words = l.split_whitespace();
        let sasl = words.next().is_some_and(|w| w.eq_ignore_ascii_case("SASL"));
        words.filter(move |_| sasl)
    }))
}

/// One sign-in attempt; with `pipelined`, STAT and QUIT follow it unanswered.
async fn authenticate(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    caps: &Option<Vec<String>>,
    pipelined: bool,
) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let mechs = ctx.facts.auth_mechanisms.clone();
    if let super::options::SecretKind::OAuth2 { mechanism } = ctx.opts.secret_kind {
        return bearer_sign_in::bearer_sign_in(ctx, conn, mechanism).await;
    }
    let user = ctx.settings.username.clone();
    let password = ctx.password;
    let choice = signin::pop3(caps.as_deref(), &mechs, &user, password.expose_secret());
    let note = match scram_sign_in::decide(ctx, &mechs, choice.is_ok())? {
        Decision::Scram(plan) => {
            let mut wire = scram_wire::Pop3Sasl { conn };
            return scram_sign_in::run(ctx, &mut wire, plan, "AUTH").await;
        }
        Decision::Other { note } => note,
    };
    let choice = match choice {
        Ok(c) => c,
        Err(NoChoice::NoMechanism) if !ctx.encrypted && has(caps, "STLS") => {
            return Err(ctx.sign_in_hidden_until_tls("it offers no sign-in method before STLS"));
        }
        Err(no) => return Err(ctx.no_sign_in_choice(no, mechs.join(" "))),
    };
    ctx.facts.auth_used = Some(choice.used.into());
    ctx.facts.auth_reason = Some(with_note(&choice.why, note));
    let limit = ctx.opts.timeouts.auth;
    let step = StepKind::Authenticate;
    let result = ctx
        .step(
            step,
            limit,
            async {
                let refused = |reply: String| Failure::Rejected {
                    endpoint: endpoint.clone(),
                    step,
                    reply,
                };
                let reply = match choice.method {
                    Pop3Method::Plain { initial } => {
                        let response = signin::sasl_plain(&user, password.expose_secret());
                        if initial {
                            let line = Zeroizing::new(format!("AUTH PLAIN {}", response.as_str()));
                            conn.send_secret(step, &line, 2).await?;
                        } else {
                            conn.send(step, "AUTH PLAIN").await?;
                            let (prompt, _) = conn.read_line(step).await?;
                            if !prompt.starts_with('+') || is_ok(&prompt) {
                                return Err(refused(prompt));
                            }
                            conn.send_secret(step, &response, 0).await?;
                        }
                        after_sign_in(conn, pipelined).await?;
                        conn.read_line(step).await?.0
                    }
                    Pop3Method::UserPass => {
                        conn.send(step, &format!("USER {user}")).await?;
                        let pass = Zeroizing::new(format!("PASS {}", password.expose_secret()));
                        if pipelined {
                            conn.send_secret(step, &pass, 1).await?;
                            after_sign_in(conn, true).await?;
                        }
                        let (line, _) = conn.read_line(step).await?;
                        if !is_ok(&line) {
                            return Err(refused(line));
                        }
                        if !pipelined {
                            conn.send_secret(step, &pass, 1).await?;
                        }
                        conn.read_line(step).await?.0
                    }
                };
                if is_ok(&reply) {
                    Ok(())
                } else {
                    Err(refused(reply))
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

/// With PIPELINING, STAT and QUIT follow the sign-in at once (RFC 2449 §6.6); their answers
/// are read after the sign-in's. If the sign-in fails, the server refuses STAT and says goodbye.
async fn after_sign_in(conn: &mut LineConn, pipelined: bool) -> Result<(), Failure> {
    if pipelined {
        conn.send(StepKind::Mailbox, "STAT").await?;
        conn.send(StepKind::Logout, "QUIT").await?;
    }
    Ok(())
}

/// Most messages whose headers one look reads (the newest ones; the test message is new).
const MAX_TOP: usize = 50;

/// The round trip's POP3 errand, once per session (a POP3 session sees only the mail that was
/// there when it signed in): STAT, then for the newest messages UIDL n and, for those not
/// read before in this round trip, their headers (TOP n 0); DELE the test message when it is there, QUIT (which makes the deletion final,
/// RFC 1939 §6). Not found is an error only once `give_up` has passed.
async fn find_and_delete(
    ctx: &mut Ctx<'_>,
    mut conn: LineConn,
    find: &Find,
) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let limit = ctx.opts.timeouts.command;
    let mut facts = MessageFacts::new(&find.message);
    facts.looks = 1;
    let step = StepKind::FindMessage;
    let looked = ctx
        .step(
            step,
            limit,
            async {
                let stat = command(&mut conn, "STAT", step, limit).await?;
                let Some((count, _)) = parse_stat(&stat).filter(|_| is_ok(&stat)) else {
                    return Err(Failure::Rejected {
                        endpoint: endpoint.clone(),
                        step,
                        reply: stat,
                    });
                };
                // The newest messages only, each named by its unique id (UIDL n, one line).
                let mut fresh = Vec::new();
                for n in (1..=count).rev().take(MAX_TOP) {
                    let reply = command(&mut conn, &format!("UIDL {n}"), step, limit).await?;
                    let uid = reply
                        .split_whitespace()
                        .nth(2)
                        .unwrap_or_default()
                        .to_string();
                    if is_ok(&reply) && !uid.is_empty() && find.first_look(&uid) {
                        fresh.push(n);
                    }
                }
                for n in fresh {
                    let reply = command(&mut conn, &format!("TOP {n} 0"), step, limit).await?;
                    if !is_ok(&reply) {
                        continue;
                    }
                    let mut headers = Vec::new();
                    loop {
                        let (line, _) = conn.read_line(step).await?;
                        if line == "." {
                            break;
                        }
                        if headers.len() < 500 {
                            // RFC 1939 §3: a leading dot is doubled on the wire.
                            headers.push(line.strip_prefix('.').unwrap_or(&line).to_string());
                        }
                    }
                    if find.message.matches_headers(&headers) {
                        return Ok(Some(n));
                    }
                }
                Ok(None)
            },
            |found| match found {
                Some(n) => format!("message {n} is the test message"),
                None => "not there yet".to_string(),
            },
        )
        .await;
    let found = match looked {
        Err(f) => {
            ctx.facts.test_message = Some(facts);
            return Err(match f {
                Failure::Rejected { step, reply, .. } => rejected(ctx, step, &reply),
                other => other,
            });
        }
        Ok(found) => found,
    };
    if let Some(n) = found {
        facts.found = true;
        facts.at = Some(std::time::Instant::now());
        let deleted = ctx
            .step(
                StepKind::DeleteMessage,
                limit,
                async {
                    let reply = command(
                        &mut conn,
                        &format!("DELE {n}"),
                        StepKind::DeleteMessage,
                        limit,
                    )
                    .await?;
                    if is_ok(&reply) {
                        Ok(reply)
                    } else {
                        Err(Failure::Rejected {
                            endpoint: endpoint.clone(),
                            step: StepKind::DeleteMessage,
                            reply,
                        })
                    }
                },
                |_| format!("message {n} marked for deletion; QUIT makes it final"),
            )
            .await;
        if let Err(f) = deleted {
            ctx.facts.test_message = Some(facts);
            return Err(match f {
                Failure::Rejected { step, reply, .. } => rejected(ctx, step, &reply),
                other => other,
            });
        }
    } else if std::time::Instant::now() >= find.give_up {
        ctx.facts.test_message = Some(facts);
        let f = Failure::MessageNotArrived {
            endpoint,
            message_id: find.message.message_id.clone(),
            after: ctx.started.elapsed(),
        };
        return Err(ctx.fail(StepKind::FindMessage, f));
    }
    // QUIT is what deletes (the UPDATE state): wait for its answer, not only a grace period.
    let quit = command(&mut conn, "QUIT", StepKind::Logout, limit).await;
    facts.deleted = found.is_some() && quit.as_ref().is_ok_and(|l| is_ok(l));
    ctx.facts.test_message = Some(facts);
    let began = ctx.begin(StepKind::Logout);
    match quit {
        Ok(line) => {
            ctx.record(StepKind::Logout, began, Ok(line));
            Ok(())
        }
        Err(f) => {
            ctx.record(StepKind::Logout, began, Err(&f));
            Err(f)
        }
    }
}

/// `+OK count octets` (RFC 1939 §5).
fn parse_stat(line: &str) -> Option<(u64, u64)> {
    let mut words = line.split_whitespace().skip(1);
    let count = words.next()?.parse().ok()?;
    let octets = words.next()?.parse().ok()?;
    Some((count, octets))
}

/// Signing in with an OAuth 2.0 access token (SASL OAUTHBEARER / XOAUTH2, RFC 7628); the
/// shared parts are in `bearer.rs`.
mod bearer_sign_in {
    use super::super::bearer::POP3_MAX_LINE;
    use super::super::bearer::{Answer, STEP, choose, run_step};
    use super::*;
    use crate::probe::sasl::{self, Mechanism};
    use zeroize::Zeroizing;

    /// `AUTH OAUTHBEARER|XOAUTH2` (RFC 5034); never pipelined.
    pub(super) async fn bearer_sign_in(
        ctx: &mut Ctx<'_>,
        conn: &mut LineConn,
        forced: Option<Mechanism>,
    ) -> Result<(), Failure> {
        let offered = ctx.facts.auth_mechanisms.clone();
        let (mechanism, response) = choose(ctx, &offered, forced, "AUTH")?;
        let name = mechanism.name();
        let initial = "AUTH ".len() + name.len() + 1 + response.len() + 2 <= POP3_MAX_LINE;
        let talk = async {
            if initial {
                let line = Zeroizing::new(format!("AUTH {name} {}", response.as_str()));
                conn.send_secret(STEP, &line, 2).await?;
            } else {
                conn.send(STEP, &format!("AUTH {name}")).await?;
                let (prompt, _) = conn.read_line(STEP).await?;
                if !prompt.starts_with('+') || is_ok(&prompt) {
                    return Ok((Answer::Refused(prompt), None));
                }
                conn.send_secret(STEP, &response, 0).await?;
            }
            let (line, _) = conn.read_line(STEP).await?;
            if is_ok(&line) {
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
}

/// POP3's SASL framing for a SCRAM sign-in (`probe/scram_sign_in.rs`): `AUTH` (RFC 5034)
/// with the client-first message as its initial response (it always fits RFC 2449's 255
/// octets for a user name that does), challenges as `+ <base64>`, `*` cancels.
mod scram_wire {
    use super::super::scram_sign_in::{STEP, SaslReply, SaslWire};
    use super::*;

    pub(super) struct Pop3Sasl<'c> {
        pub conn: &'c mut LineConn,
    }

    impl SaslWire for Pop3Sasl<'_> {
        async fn begin(&mut self, mechanism: &str, initial: &str) -> Result<(), Failure> {
            let line = format!("AUTH {mechanism} {initial}");
            if line.len() + 2 <= super::super::bearer::POP3_MAX_LINE {
                return self.conn.send(STEP, &line).await;
            }
            self.conn.send(STEP, &format!("AUTH {mechanism}")).await?;
            let (prompt, _) = self.conn.read_line(STEP).await?;
            if !prompt.starts_with('+') || is_ok(&prompt) {
                return Err(Failure::Rejected {
                    endpoint: self.conn.endpoint.clone(),
                    step: STEP,
                    reply: prompt,
                });
            }
            self.conn.send(STEP, initial).await
        }

        fn line(&mut self) -> &mut LineConn {
            self.conn
        }

        async fn read(&mut self) -> Result<SaslReply, Failure> {
            let (line, _) = self.conn.read_line(STEP).await?;
            if is_ok(&line) || line.starts_with('-') {
                return Ok(SaslReply::Done {
                    ok: is_ok(&line),
                    line,
                });
            }
            match line.strip_prefix('+') {
                Some(payload) => Ok(SaslReply::Challenge(payload.trim().to_string())),
                None => Err(Failure::Protocol {
                    endpoint: self.conn.endpoint.clone(),
                    step: STEP,
                    detail: format!("not a POP3 answer to AUTH: {line:?}"),
                }),
            }
        }

        async fn cancel(&mut self) -> Result<String, Failure> {
            self.conn.send(STEP, "*").await?;
            Ok(self.conn.read_line(STEP).await?.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_and_capa_parsing_follow_rfc_1939_and_2449() {
        assert_eq!(parse_stat("+OK 2 320"), Some((2, 320)));
        assert_eq!(parse_stat("+OK"), None);
        let caps = Some(vec![
            "TOP".to_string(),
            "UIDL".to_string(),
            "SASL PLAIN LOGIN".to_string(),
            "STLS".to_string(),
            "USER".to_string(),
        ]);
        assert!(has(&caps, "stls"));
        assert!(has(&caps, "USER"));
        assert!(!has(&caps, "PIPELINING"));
        assert_eq!(
            sasl_mechanisms(caps.as_ref().unwrap()),
            vec!["PLAIN", "LOGIN"]
        );
    }
}
