//! A way into the real protocol sessions without a network, for the fuzz targets in `fuzz/`
//! and for tests that replay what a fuzzer found. Not part of the public API.
//!
//! `converse` runs exactly what `probe` runs after the TCP connect — implicit TLS when the
//! settings say so, then the IMAP (RFC 9051), POP3 (RFC 1939) or SMTP (RFC 5321/6409)
//! conversation with its STARTTLS upgrade, sign-in and sign-out — over a `ScriptedStream`:
//! the server's side is a fixed byte string handed out in chunks of a chosen size, then end
//! of stream; whatever the client writes is kept (capped) and otherwise ignored. The stream
//! never waits, so no deadline fires and a run is deterministic.
//!
//! A form feed (0x0C) in the script ends one reply: no read returns bytes from both sides of
//! it, as a real server answers each command only once it arrived. A script without form
//! feeds is a server that sends everything at once, before being asked.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use secrecy::SecretString;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::session::Ctx;
use super::step::StepKind;
use super::{BoxStream, ProbeOptions, ProbeReport};
use crate::account::{Security, ServerSettings};

/// The most client bytes a `ScriptedStream` keeps.
const MAX_SENT: usize = 64 * 1024;

/// Ends one reply of a script.
pub const REPLY_END: u8 = 0x0C;

/// A server that says `script` (in pieces of `chunk` bytes, one reply at a time) and then
/// hangs up.
#[derive(Debug)]
pub struct ScriptedStream {
    replies: Vec<Vec<u8>>,
    reply: usize,
    at: usize,
    chunk: usize,
    sent: Vec<u8>,
}

impl ScriptedStream {
    /// `chunk` 0 is taken as 1.
    pub fn new(script: &[u8], chunk: usize) -> Self {
        Self {
            replies: script
                .split(|&b| b == REPLY_END)
                .map(<[u8]>::to_vec)
                .collect(),
            reply: 0,
            at: 0,
            chunk: chunk.max(1),
            sent: Vec::new(),
        }
    }

    /// What the client wrote so far (the first 64 KiB).
    pub fn sent(&self) -> &[u8] {
        &self.sent
    }
}

impl AsyncRead for ScriptedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        // The next reply once this one is read (never both in one read).
        while this
            .replies
            .get(this.reply)
            .is_some_and(|r| this.at >= r.len())
            && this.reply + 1 < this.replies.len()
        {
            this.reply += 1;
            this.at = 0;
        }
        if let Some(reply) = this.replies.get(this.reply) {
            let left = reply.len().saturating_sub(this.at);
            let n = left.min(this.chunk).min(buf.remaining());
            buf.put_slice(&reply[this.at..this.at + n]);
            this.at += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for ScriptedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let room = MAX_SENT.saturating_sub(self.sent.len());
        let keep = data.len().min(room);
        self.sent.extend_from_slice(&data[..keep]);
        Poll::Ready(Ok(data.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// Runs the session `settings` describes against a server that sends `script`, as `probe`
/// would after connecting, and returns the report (redacted like every report).
pub async fn converse(
    settings: &ServerSettings,
    password: &SecretString,
    opts: &ProbeOptions,
    script: &[u8],
    chunk: usize,
) -> ProbeReport {
    let mut ctx = Ctx::new(settings, password, opts, &super::mission::Mission::Verify);
    let stream: BoxStream = Box::new(ScriptedStream::new(script, chunk));
    let result = async {
        let stream = if settings.security == Security::Tls {
            ctx.secure(StepKind::Tls, stream).await?
        } else {
            stream
        };
        super::session(&mut ctx, stream).await
    }
    .await;
    super::finish(ctx, result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Protocol;
    use crate::probe::CertTrust;

    fn settings(protocol: Protocol) -> ServerSettings {
        ServerSettings {
            protocol,
            host: "mail.example.com".into(),
            port: protocol.default_port(Security::Plain),
            security: Security::Plain,
            username: "alice".into(),
        }
    }

    fn run(protocol: Protocol, script: &[u8]) -> ProbeReport {
        let mut opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).unwrap());
        opts.allow_plaintext = true;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let password = SecretString::from("s3cret pw");
        rt.block_on(converse(&settings(protocol), &password, &opts, script, 7))
    }

    #[test]
    fn a_scripted_pop3_server_verifies_in_pieces_of_seven_bytes() {
        let report = run(
            Protocol::Pop3,
            b"+OK ready\r\n\x0c+OK\r\nUSER\r\n.\r\n\x0c+OK\r\n\x0c+OK\r\n\x0c+OK 0 0\r\n\x0c+OK bye\r\n",
        );
        assert!(report.is_verified(), "{report:?}");
        let text = format!("{report:?}");
        assert!(!text.contains("s3cret"));
    }

    #[test]
    fn a_server_that_hangs_up_gives_a_diagnosis_not_a_hang() {
        for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
            let report = run(protocol, b"");
            assert!(report.diagnosis().is_some(), "{protocol:?}");
        }
    }
}
