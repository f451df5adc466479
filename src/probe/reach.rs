//! The quick look at a server, without a password and without a command: resolve its name,
//! connect (the same address race as a full probe, `connect.rs`), run the TLS handshake when
//! the security is implicit TLS (RFC 8314), and read the first line the server sends. Does
//! something that speaks the protocol answer there? The greeting is judged as the full probe
//! judges it (`recognise.rs`): only the protocol's welcome counts.
//!
//! `verify` uses it to pick which candidates get the full probe. Everything happens under one
//! deadline; the connection is closed again right after the greeting.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt};

use super::ProbeOptions;
use super::connect::{self, ConnectError};
use super::family::AttemptResult;
use super::recognise::{Greeting, greeting_of};
use super::tls;
use crate::account::{Security, ServerSettings};
use crate::net::ResolveError;

/// Most bytes read while looking for the greeting's end of line.
const MAX_GREETING_BYTES: usize = 1024;

/// Why a server could not be reached, or did not greet as its protocol does.
#[derive(Debug, thiserror::Error)]
pub enum ReachError {
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    #[error("no address")]
    NoAddress,
    #[error("{addr}: {detail}")]
    Connect { addr: SocketAddr, detail: String },
    #[error("{addr}: connect timed out")]
    ConnectTimedOut { addr: SocketAddr },
    #[error("TLS: {detail}")]
    Tls { detail: String },
    #[error("{0}")]
    Read(std::io::Error),
    #[error("the server closed the connection without a greeting")]
    Closed,
    #[error("unexpected greeting: {line}")]
    Unexpected { line: String },
    #[error("no greeting within {after:?}")]
    NoGreeting { after: Duration },
}

/// The server's greeting line, read within `limit` (resolving, connecting and the TLS
/// handshake included), when it is the welcome of the server's protocol.
pub async fn greeting(
    server: &ServerSettings,
    opts: &ProbeOptions,
    limit: Duration,
) -> Result<String, ReachError> {
    tokio::time::timeout(limit, reach(server, opts))
        .await
        .unwrap_or(Err(ReachError::NoGreeting { after: limit }))
}

async fn reach(server: &ServerSettings, opts: &ProbeOptions) -> Result<String, ReachError> {
    let host = server.host.trim_start_matches('[').trim_end_matches(']');
    let addrs = match host.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => opts.resolver.lookup(host).await?,
    };
    if addrs.is_empty() {
        return Err(ReachError::NoAddress);
    }
    let tcp = match connect::race(&addrs, server.port, opts.timeouts.connect).await {
        Ok(won) => won.stream,
        Err(lost) => return Err(unreached(lost, server.port)),
    };
    let line = if server.security == Security::Tls {
        let (mut tls, _) = tls::handshake(tcp, host, &opts.trust)
            .await
            .map_err(|e| ReachError::Tls { detail: e.detail })?;
        read_first_line(&mut tls).await?
    } else {
        let mut tcp = tcp;
        read_first_line(&mut tcp).await?
    };
    match greeting_of(server.protocol, &line) {
        Greeting::Welcome => Ok(line),
        Greeting::Refusal | Greeting::Foreign => Err(ReachError::Unexpected { line }),
    }
}

/// Why the race found no connection: the last address that failed in its own words, or the
/// last one still unanswered at the deadline.
fn unreached(lost: connect::Lost, port: u16) -> ReachError {
    let unanswered = || {
        lost.attempts
            .iter()
            .rev()
            .find(|a| a.result == AttemptResult::NoAnswer)
            .map(|a| SocketAddr::new(a.addr, port))
    };
    match (&lost.error, unanswered(), lost.last_failure) {
        (ConnectError::TimedOut, Some(addr), _) => ReachError::ConnectTimedOut { addr },
        (_, _, Some((addr, detail))) => ReachError::Connect { addr, detail },
        (_, Some(addr), None) => ReachError::ConnectTimedOut { addr },
        (_, None, None) => ReachError::NoAddress,
    }
}

/// The first line a server sends (without its line end), at most `MAX_GREETING_BYTES`.
async fn read_first_line<S: AsyncRead + Unpin>(s: &mut S) -> Result<String, ReachError> {
    let mut buf = Vec::with_capacity(256);
    let mut byte = [0u8; 1];
    while buf.len() < MAX_GREETING_BYTES {
        match s.read(&mut byte).await {
            Ok(0) => break,
            Ok(_) => {
                if byte[0] == b'\n' {
                    break;
                }
                buf.push(byte[0]);
            }
            Err(e) => return Err(ReachError::Read(e)),
        }
    }
    if buf.is_empty() {
        return Err(ReachError::Closed);
    }
    Ok(String::from_utf8_lossy(&buf).trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Protocol;
    use tokio::io::AsyncWriteExt;

    fn server(port: u16, protocol: Protocol) -> ServerSettings {
        ServerSettings {
            protocol,
            host: "127.0.0.1".into(),
            port,
            security: Security::Plain,
            username: "a".into(),
        }
    }

    async fn greets(words: &'static [u8]) -> u16 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            s.write_all(words).await.unwrap();
            tokio::time::sleep(Duration::from_secs(2)).await;
        });
        port
    }

    fn opts() -> ProbeOptions {
        ProbeOptions::new(tls::CertTrust::with_extra_roots(Vec::new()).unwrap())
    }

    #[tokio::test]
    async fn a_welcome_is_the_greeting_and_another_protocol_is_not() {
        let port = greets(b"* OK ready\r\n").await;
        let got = greeting(
            &server(port, Protocol::Imap),
            &opts(),
            Duration::from_secs(5),
        )
        .await;
        assert_eq!(got.unwrap(), "* OK ready");
        let port = greets(b"220 mail ESMTP\r\n").await;
        let got = greeting(
            &server(port, Protocol::Imap),
            &opts(),
            Duration::from_secs(5),
        )
        .await;
        assert_eq!(
            got.unwrap_err().to_string(),
            "unexpected greeting: 220 mail ESMTP"
        );
    }

    #[tokio::test]
    async fn a_refused_port_names_its_address() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let got = greeting(
            &server(port, Protocol::Pop3),
            &opts(),
            Duration::from_secs(5),
        )
        .await;
        let text = got.unwrap_err().to_string();
        assert!(text.starts_with(&format!("127.0.0.1:{port}: ")), "{text}");
    }

    #[tokio::test]
    async fn silence_ends_at_the_deadline() {
        let port = greets(b"").await;
        let got = greeting(
            &server(port, Protocol::Smtp),
            &opts(),
            Duration::from_millis(200),
        )
        .await;
        assert_eq!(got.unwrap_err().to_string(), "no greeting within 200ms");
    }
}
