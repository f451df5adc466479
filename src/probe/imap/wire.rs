//! IMAP on the wire (RFC 9051, RFC 3501): tagged commands and their completions, read line by
//! line or through async-imap's parser (`tagged_on`, with what the answer carried on the
//! way), continuation requests, capability names, and async-imap's errors as observations.
//! Shared by the sign-in, the bearer sign-in and the round trip's search and delete.

use async_imap::Client;
use async_imap::imap_proto::{Capability, MailboxDatum, RequestId, Response, Status};
use tokio::io::AsyncWriteExt;

use super::super::capabilities::MAX_CAPABILITIES;
use super::super::failure::Failure;
use super::super::line::LineConn;
use super::super::step::StepKind;
use super::super::stream::BoxStream;

/// Sends a tagged command and reads up to its completion: (untagged lines, completion line).
pub(crate) async fn tagged(
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

pub(crate) fn is_ok(done: &str, tag: &str) -> bool {
    done[tag.len()..]
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("OK")
}

/// The sign-in mechanisms the capabilities name (`AUTH=PLAIN` → `PLAIN`), as the server wrote
/// them, in its order.
pub(crate) fn auth_names(caps: &[String]) -> impl Iterator<Item = &str> {
    caps.iter().filter_map(|c| {
        c.get(..5)
            .filter(|p| p.eq_ignore_ascii_case("AUTH="))
            .map(|_| &c[5..])
    })
}

pub(crate) fn has_cap(caps: &[String], name: &str) -> bool {
    caps.iter().any(|c| c.eq_ignore_ascii_case(name))
}

/// The tag of the sign-in command.
pub(crate) const SIGN_IN_TAG: &str = "m4";

/// Why no sign-in form fits, as an observation.
/// Reads up to the line that ends the command `tag` or asks for more (`+`), skipping untagged
/// data (at most 1000 lines).
pub(super) async fn completion(conn: &mut LineConn, tag: &str) -> Result<String, Failure> {
    let prefix = format!("{tag} ");
    for _ in 0..1000 {
        let (line, _) = conn.read_line(StepKind::Authenticate).await?;
        if line.starts_with('+') || line.starts_with(&prefix) {
            return Ok(line);
        }
    }
    Err(Failure::Protocol {
        endpoint: conn.endpoint.clone(),
        step: StepKind::Authenticate,
        detail: "no end to the answer to the sign-in".into(),
    })
}

/// Waits for the `+` continuation; the command's tagged answer instead means it was refused.
pub(super) async fn continuation(conn: &mut LineConn, tag: &str) -> Result<(), Failure> {
    let line = completion(conn, tag).await?;
    if line.starts_with('+') {
        return Ok(());
    }
    Err(Failure::Rejected {
        endpoint: conn.endpoint.clone(),
        step: StepKind::Authenticate,
        reply: line,
    })
}

pub(crate) type ImapClient = Client<super::super::transcript::Recorder<BoxStream>>;

/// What a tagged command answered: the `EXISTS` count and the `SEARCH` results on the way.
#[derive(Default)]
pub(crate) struct Answer {
    pub(crate) exists: Option<u32>,
    pub(crate) found: Vec<u32>,
    /// `* CAPABILITY` answers (RFC 9051 §7.2.2), at most `MAX_CAPABILITIES` names.
    pub(crate) capabilities: Vec<String>,
    /// `* n EXPUNGE` answers: how many messages the server removed.
    pub(crate) expunged: u32,
}

/// Sends `command` with `tag` and reads up to its completion through async-imap's parser;
/// a NO or BAD is `Rejected` with the server's line.
pub(crate) async fn tagged_on(
    client: &mut ImapClient,
    endpoint: &str,
    step: StepKind,
    limit: std::time::Duration,
    tag: &str,
    command: &str,
) -> Result<Answer, Failure> {
    let io =
        |e: std::io::Error| imap_error(endpoint.to_string(), step, async_imap::error::Error::Io(e));
    let work = async {
        let stream = client.get_mut();
        stream
            .write_all(format!("{tag} {command}\r\n").as_bytes())
            .await
            .map_err(io)?;
        stream.flush().await.map_err(io)?;
        let id = RequestId(tag.to_string());
        let mut answer = Answer::default();
        loop {
            let Some(response) = client.read_response().await.map_err(io)? else {
                return Err(Failure::Closed {
                    endpoint: endpoint.to_string(),
                    step,
                });
            };
            match response.parsed() {
                Response::MailboxData(MailboxDatum::Exists(n)) => answer.exists = Some(*n),
                Response::MailboxData(MailboxDatum::Search(uids)) => {
                    answer.found.extend(uids.iter().take(100));
                }
                Response::Capabilities(caps) => {
                    answer
                        .capabilities
                        .extend(caps.iter().take(MAX_CAPABILITIES).map(|c| match c {
                            Capability::Imap4rev1 => "IMAP4rev1".to_string(),
                            Capability::Auth(m) => format!("AUTH={m}"),
                            Capability::Atom(a) => a.to_string(),
                        }));
                }
                Response::Expunge(_) => answer.expunged = answer.expunged.saturating_add(1),
                Response::Done { tag: t, status, .. } if *t == id => {
                    if *status == Status::Ok {
                        return Ok(answer);
                    }
                    return Err(Failure::Rejected {
                        endpoint: endpoint.to_string(),
                        step,
                        reply: first_line(response.borrow_owner()),
                    });
                }
                _ => {}
            }
        }
    };
    match tokio::time::timeout(limit, work).await {
        Ok(r) => r,
        Err(_) => Err(Failure::Timeout {
            endpoint: endpoint.to_string(),
            step,
            after: limit,
        }),
    }
}

/// The first line of a response as async-imap holds it: its buffer can run on past the
/// response (unused, zeroed space), so everything from the first line end is dropped.
pub(crate) fn first_line(raw: &[u8]) -> String {
    let end = raw
        .windows(2)
        .position(|w| w == b"\r\n")
        .or_else(|| raw.iter().position(|b| *b == b'\n' || *b == 0))
        .unwrap_or(raw.len());
    String::from_utf8_lossy(&raw[..end]).into_owned()
}

pub(crate) fn join(uids: &[u32]) -> String {
    uids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Maps an async-imap error to an observation (by type, never by its text).
pub(crate) fn imap_error(endpoint: String, step: StepKind, e: async_imap::error::Error) -> Failure {
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
