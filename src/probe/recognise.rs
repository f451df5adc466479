//! What a port speaks, from its first words: which protocol a greeting line belongs to (IMAP,
//! POP3, SMTP, or HTTP and SSH on a wrong port), whether bytes are a TLS record, the first
//! line of some bytes for a report, and the second connection that checks a silent port
//! (does it answer a TLS ClientHello, or say something?).
//!
//! Greetings as RFC 9051 §7.1 (IMAP `* OK` / `* PREAUTH` / `* BYE`), RFC 1939 §4 (POP3
//! `+OK` / `-ERR`) and RFC 5321 §4.2 (SMTP: three digits, then a space or a hyphen) write them.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use super::BoxStream;
use super::failure::Failure;
use super::tls;
use crate::account::{Protocol, Security};

/// How long a server may stay silent before a second connection checks what the port speaks.
pub(crate) const SILENCE_BEFORE_CHECK: Duration = Duration::from_millis(1500);

/// What a second connection found on a silent port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PortVerdict {
    /// The port answered a TLS ClientHello with TLS.
    Tls,
    /// The port answered with text (its first line).
    Spoke(String),
    /// No answer.
    Silent,
}

/// What the second connection found, when it began and how long it took.
#[derive(Debug)]
pub(crate) struct PortCheck {
    pub verdict: PortVerdict,
    pub began: Instant,
    pub took: Duration,
}

/// After `wait`, opens a second connection and offers TLS; never resolves without a peer.
pub(crate) async fn what_the_port_speaks(
    peer: Option<SocketAddr>,
    host: String,
    trust: tls::CertTrust,
    wait: Duration,
    limit: Duration,
) -> PortCheck {
    let Some(peer) = peer else {
        return std::future::pending().await;
    };
    tokio::time::sleep(wait).await;
    let started = Instant::now();
    let attempt = async {
        let tcp = tokio::net::TcpStream::connect(peer).await.ok()?;
        let boxed: BoxStream = Box::new(tcp);
        Some(tls::handshake(boxed, &host, &trust).await)
    };
    let verdict = match tokio::time::timeout(limit, attempt).await {
        Ok(Some(Ok(_))) => PortVerdict::Tls,
        Ok(Some(Err(e))) if e.facts.is_some() || looks_like_tls(&e.peer_bytes) => PortVerdict::Tls,
        Ok(Some(Err(e))) if !e.peer_bytes.is_empty() => {
            PortVerdict::Spoke(first_line(&e.peer_bytes))
        }
        _ => PortVerdict::Silent,
    };
    PortCheck {
        verdict,
        began: started,
        took: started.elapsed(),
    }
}

/// Which protocol a first line belongs to, if it is recognisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Speaker {
    Imap,
    Pop3,
    Smtp,
    Http,
    Ssh,
}

pub(crate) fn speaker(line: &str) -> Option<Speaker> {
    let l = line.trim_start();
    let upper = l.to_ascii_uppercase();
    if upper.starts_with("* OK") || upper.starts_with("* PREAUTH") || upper.starts_with("* BYE") {
        Some(Speaker::Imap)
    } else if upper.starts_with("+OK") || upper.starts_with("-ERR") {
        Some(Speaker::Pop3)
    } else if upper.starts_with("HTTP/")
        || upper.starts_with("<!DOCTYPE")
        || upper.starts_with("<HTML")
    {
        Some(Speaker::Http)
    } else if upper.starts_with("SSH-") {
        Some(Speaker::Ssh)
    } else if l.len() >= 4
        && l.as_bytes()[..3].iter().all(u8::is_ascii_digit)
        && matches!(l.as_bytes()[3], b' ' | b'-')
    {
        Some(Speaker::Smtp)
    } else {
        None
    }
}

/// How a server's first line greets a client of one protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Greeting {
    /// The protocol's welcome: IMAP `* OK` / `* PREAUTH`, POP3 `+OK`, SMTP `220`.
    Welcome,
    /// The protocol's own refusal: IMAP `* BYE`, POP3 `-ERR`, SMTP another code (`554` …).
    Refusal,
    /// Not this protocol's words at all (another protocol, TLS, noise).
    Foreign,
}

/// How `line`, the first a server sent, greets a client of `protocol` (the first line only:
/// an SMTP greeting may go on over more lines with the same code).
pub(crate) fn greeting_of(protocol: Protocol, line: &str) -> Greeting {
    let said = speaker(line);
    if said.is_none() || said != speaker_of(protocol) {
        return Greeting::Foreign;
    }
    let welcome = match protocol {
        Protocol::Imap => !line.to_ascii_uppercase().starts_with("* BYE"),
        Protocol::Pop3 => line.starts_with("+OK"),
        Protocol::Smtp => line.starts_with("220"),
    };
    if welcome {
        Greeting::Welcome
    } else {
        Greeting::Refusal
    }
}

pub(crate) fn speaker_of(p: Protocol) -> Option<Speaker> {
    Some(match p {
        Protocol::Imap => Speaker::Imap,
        Protocol::Pop3 => Speaker::Pop3,
        Protocol::Smtp => Speaker::Smtp,
    })
}

pub(crate) fn expected_words(p: Protocol, _s: Security) -> &'static str {
    match p {
        Protocol::Imap => "an IMAP greeting (* OK)",
        Protocol::Pop3 => "a POP3 greeting (+OK)",
        Protocol::Smtp => "an SMTP greeting (220)",
    }
}

pub(crate) fn looks_like_tls(bytes: &[u8]) -> bool {
    matches!(bytes.first(), Some(0x14..=0x17)) && bytes.get(1) == Some(&0x03)
}

/// The first line of some bytes, printable, for a report.
pub(crate) fn first_line(bytes: &[u8]) -> String {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    let text = String::from_utf8_lossy(&bytes[..end.min(300)]);
    text.trim_end_matches('\r')
        .chars()
        .map(|c| if c.is_control() { '�' } else { c })
        .collect()
}

/// Classifies a greeting that is not what the protocol expects.
pub(crate) fn unexpected_greeting(
    protocol: Protocol,
    endpoint: &str,
    line: &str,
    raw: &[u8],
) -> Failure {
    if looks_like_tls(raw) {
        return Failure::PlaintextOnTlsPort {
            endpoint: endpoint.to_string(),
        };
    }
    Failure::WrongProtocol {
        endpoint: endpoint.to_string(),
        expected: expected_words(protocol, Security::Plain),
        said: first_line(line.as_bytes()),
    }
}
