//! The SMTP submission probe (RFC 6409 over RFC 5321; STARTTLS RFC 3207; AUTH RFC 4954 with
//! PLAIN RFC 4616 or LOGIN; enhanced status codes RFC 3463).
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

use super::failure::Failure;
use super::report::StepKind;
use super::session::{
    Ctx, LineConn, MAX_CAPABILITIES, Speaker, rejected, speaker, unexpected_greeting,
    unique_mechanisms,
};
use super::{BoxStream, Security};

/// Most lines accepted in one multi-line reply.
const MAX_REPLY_LINES: usize = 200;

/// A reply as read: the raw lines (for reports) and lettre's parsed form.
struct Reply {
    lines: Vec<String>,
    parsed: Option<Response>,
}

impl Reply {
    fn code(&self) -> Option<u16> {
        self.lines.first()?.get(..3)?.parse().ok()
    }
    fn is_positive(&self) -> bool {
        self.code().is_some_and(|c| (200..400).contains(&c))
    }
    fn text(&self) -> String {
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
        if !has_keyword(&ehlo_lines, "STARTTLS") {
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
    authenticate(ctx, &mut conn, &ehlo_lines).await?;

    let limit = ctx.opts.timeouts.command;
    ctx.step(
        StepKind::Logout,
        limit,
        async {
            match exchange(&mut conn, &Quit.to_string(), StepKind::Logout, limit).await {
                Ok(r) => Ok(r.text()),
                Err(Failure::Closed { .. }) => Ok("(connection closed)".to_string()),
                Err(f) => Err(f),
            }
        },
        |text| format!("QUIT answered {text}"),
    )
    .await?;
    Ok(())
}

/// Reads one complete reply (RFC 5321 §4.2: `NNN-` continues, `NNN ` ends).
async fn read_reply(conn: &mut LineConn, step: StepKind) -> Result<Reply, Failure> {
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

async fn greeting(ctx: &mut Ctx<'_>, conn: &mut LineConn) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let protocol = ctx.settings.protocol;
    let result = ctx
        .greeting(async {
            // Peek at the first line to recognise a foreign protocol before parsing.
            let (first, raw) = conn.read_line(StepKind::Greeting).await?;
            if speaker(&first) != Some(Speaker::Smtp) {
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

fn has_keyword(keywords: &[String], name: &str) -> bool {
    keywords.iter().any(|k| {
        k.split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(name))
    })
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

async fn authenticate(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    keywords: &[String],
) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let offered = auth_mechanisms(keywords);
    let mechanism = if offered.iter().any(|m| m == "PLAIN") {
        Mechanism::Plain
    } else if offered.iter().any(|m| m == "LOGIN") {
        Mechanism::Login
    } else if offered.is_empty() && !ctx.encrypted && has_keyword(keywords, "STARTTLS") {
        // The server hides AUTH until the connection is encrypted (Dovecot, Postfix).
        return Err(ctx.fail(
            StepKind::Authenticate,
            Failure::PlaintextAuthRefused {
                endpoint,
                evidence: "it offers AUTH only after STARTTLS".into(),
            },
        ));
    } else {
        return Err(ctx.fail(
            StepKind::Authenticate,
            Failure::NoUsableMechanism {
                endpoint,
                offered: if offered.is_empty() {
                    "no AUTH at all".into()
                } else {
                    offered.join(" ")
                },
            },
        ));
    };
    ctx.facts.auth_used = Some(format!("AUTH {mechanism}"));
    let user = ctx.settings.username.clone();
    let password = ctx.password;
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
            |_| format!("signed in as {user}"),
        )
        .await;
    match result {
        Err(Failure::Rejected { step, reply, .. }) => Err(rejected(ctx, step, &reply)),
        other => other,
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
        assert!(has_keyword(&k, "pipelining"));
        assert!(!has_keyword(&k, "STARTTLS"));
    }
}
