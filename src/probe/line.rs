//! The line reader of the text protocols (POP3, SMTP, and IMAP before login): one line at a
//! time, linear in the bytes received, bounded per line and per reply, every byte recorded in
//! the transcript; sending a line (with credentials masked); handing the stream on for a TLS
//! upgrade (refusing bytes a server sent ahead of the handshake) or to a protocol library.

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::BoxStream;
use super::failure::Failure;
use super::recognise::looks_like_tls;
use super::step::StepKind;
use super::transcript::{Mask, MaskHandle, Recorder};

/// Longest line the text protocols accept from a server.
const MAX_LINE: usize = 16 * 1024;
/// Most bytes one reply may take (everything read between two commands we send). Real
/// capability lists are a few hundred bytes; a hostile server is stopped here.
pub(crate) const MAX_REPLY_BYTES: usize = 64 * 1024;
/// Most lines one reply may take.
pub(crate) const MAX_REPLY_LINES: usize = 500;

/// A line-oriented connection for the text protocols (POP3, SMTP, and IMAP before login).
/// Reading is linear in the bytes received and bounded per line and per reply.
pub(crate) struct LineConn {
    stream: Recorder<BoxStream>,
    pub mask: MaskHandle,
    buf: Vec<u8>,
    /// Bytes of `buf` already handed out as lines.
    start: usize,
    /// Bytes of `buf` already searched for a newline.
    scanned: usize,
    /// Bytes and lines read since the last command was sent.
    reply_bytes: usize,
    reply_lines: usize,
    pub endpoint: String,
}

impl LineConn {
    pub fn new(stream: Recorder<BoxStream>, mask: MaskHandle, endpoint: String) -> Self {
        Self {
            stream,
            mask,
            buf: Vec::new(),
            start: 0,
            scanned: 0,
            reply_bytes: 0,
            reply_lines: 0,
            endpoint,
        }
    }

    fn too_much(&self, step: StepKind, detail: String) -> Failure {
        Failure::Protocol {
            endpoint: self.endpoint.clone(),
            step,
            detail,
        }
    }

    /// Reads one line (without CRLF). `raw` receives the bytes as read, for sniffing.
    pub async fn read_line(&mut self, step: StepKind) -> Result<(String, Vec<u8>), Failure> {
        loop {
            let from = self.scanned.max(self.start);
            if let Some(off) = self.buf[from..].iter().position(|&b| b == b'\n') {
                let end = from + off + 1;
                let raw = self.buf[self.start..end].to_vec();
                self.start = end;
                self.scanned = end;
                if self.start == self.buf.len() {
                    self.buf.clear();
                    self.start = 0;
                    self.scanned = 0;
                }
                self.reply_bytes += raw.len();
                self.reply_lines += 1;
                if self.reply_bytes > MAX_REPLY_BYTES {
                    return Err(self.too_much(
                        step,
                        format!(
                            "the server sent more than {} KiB in one reply",
                            MAX_REPLY_BYTES / 1024
                        ),
                    ));
                }
                if self.reply_lines > MAX_REPLY_LINES {
                    return Err(self.too_much(
                        step,
                        format!("the server sent more than {MAX_REPLY_LINES} lines in one reply"),
                    ));
                }
                let text = String::from_utf8_lossy(&raw)
                    .trim_end_matches(['\r', '\n'])
                    .to_string();
                return Ok((text, raw));
            }
            self.scanned = self.buf.len();
            let pending = &self.buf[self.start..];
            if pending.len() > MAX_LINE {
                return Err(self.too_much(step, format!("a line longer than {MAX_LINE} bytes")));
            }
            // A TLS server answers a plaintext client with a binary record and no newline.
            if looks_like_tls(pending) {
                return Err(Failure::PlaintextOnTlsPort {
                    endpoint: self.endpoint.clone(),
                });
            }
            if self.start > 0 {
                // Keep only the partial line (at most MAX_LINE bytes) before reading more.
                self.buf.drain(..self.start);
                self.scanned -= self.start;
                self.start = 0;
            }
            let mut chunk = [0u8; 4096];
            let n = self
                .stream
                .read(&mut chunk)
                .await
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::UnexpectedEof
                    | std::io::ErrorKind::BrokenPipe => Failure::Closed {
                        endpoint: self.endpoint.clone(),
                        step,
                    },
                    _ => Failure::Protocol {
                        endpoint: self.endpoint.clone(),
                        step,
                        detail: e.to_string(),
                    },
                })?;
            if n == 0 {
                if !self.buf.is_empty() && looks_like_tls(&self.buf) {
                    return Err(Failure::PlaintextOnTlsPort {
                        endpoint: self.endpoint.clone(),
                    });
                }
                return Err(Failure::Closed {
                    endpoint: self.endpoint.clone(),
                    step,
                });
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    /// Sends one line (CRLF added).
    pub async fn send(&mut self, step: StepKind, line: &str) -> Result<(), Failure> {
        let mut data = zeroize::Zeroizing::new(Vec::with_capacity(line.len() + 2));
        data.extend_from_slice(line.as_bytes());
        if !line.ends_with("\r\n") {
            data.extend_from_slice(b"\r\n");
        }
        // A new command: its reply gets a fresh allowance.
        self.reply_bytes = 0;
        self.reply_lines = 0;
        let endpoint = self.endpoint.clone();
        let closed = |_| Failure::Closed { endpoint, step };
        self.stream.write_all(&data).await.map_err(closed.clone())?;
        self.stream.flush().await.map_err(closed)
    }

    /// Sends a line carrying credentials: only its first `keep` words reach the transcript.
    pub async fn send_secret(
        &mut self,
        step: StepKind,
        line: &str,
        keep: usize,
    ) -> Result<(), Failure> {
        self.mask.set(Mask::KeepWords(keep));
        let r = self.send(step, line).await;
        self.mask.set(Mask::Off);
        r
    }

    /// The stream, for a TLS upgrade. Bytes the server sent ahead of the handshake would be
    /// a STARTTLS injection (CVE-2011-0411 style): refused.
    pub fn into_stream(self, step: StepKind) -> Result<BoxStream, Failure> {
        if self.buf.len() > self.start {
            return Err(Failure::Protocol {
                endpoint: self.endpoint,
                step,
                detail: "the server sent data before the TLS handshake began".into(),
            });
        }
        Ok(self.stream.into_inner())
    }

    /// The recorded stream, for a protocol library to take over.
    pub fn into_recorder(self) -> (Recorder<BoxStream>, MaskHandle) {
        (self.stream, self.mask)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use tokio::io::AsyncWriteExt;

    use super::*;
    use crate::probe::transcript::{Redactor, Transcript};

    fn conn() -> (LineConn, tokio::io::DuplexStream) {
        let (client, server) = tokio::io::duplex(1 << 20);
        let t = Transcript::new(Instant::now(), Redactor::none());
        let rec = Recorder::new(Box::new(client) as BoxStream, t);
        let mask = rec.mask_handle();
        (LineConn::new(rec, mask, "x:1".into()), server)
    }

    #[tokio::test]
    async fn lines_arrive_whole_and_in_order_from_any_chunking() {
        let (mut c, mut s) = conn();
        s.write_all(b"one\r\ntw").await.unwrap();
        assert_eq!(c.read_line(StepKind::Greeting).await.unwrap().0, "one");
        s.write_all(b"o\r\nthree\nfour").await.unwrap();
        assert_eq!(c.read_line(StepKind::Greeting).await.unwrap().0, "two");
        assert_eq!(c.read_line(StepKind::Greeting).await.unwrap().0, "three");
        s.write_all(b"\r\n").await.unwrap();
        assert_eq!(c.read_line(StepKind::Greeting).await.unwrap().0, "four");
        assert!(c.into_stream(StepKind::StartTls).is_ok());
    }

    #[tokio::test]
    async fn a_reply_is_bounded_in_bytes_and_lines_and_a_command_renews_the_allowance() {
        let (mut c, mut s) = conn();
        let line = format!("{}\r\n", "c".repeat(1000));
        for _ in 0..(MAX_REPLY_BYTES / line.len() + 2) {
            s.write_all(line.as_bytes()).await.unwrap();
        }
        let err = loop {
            match c.read_line(StepKind::Capabilities).await {
                Ok(_) => continue,
                Err(e) => break e,
            }
        };
        assert!(
            matches!(&err, Failure::Protocol { detail, .. } if detail.contains("KiB in one reply")),
            "{err:?}"
        );

        let (mut c, mut s) = conn();
        s.write_all("\n".repeat(MAX_REPLY_LINES).as_bytes())
            .await
            .unwrap();
        for _ in 0..MAX_REPLY_LINES {
            c.read_line(StepKind::Capabilities).await.unwrap();
        }
        c.send(StepKind::Capabilities, "NEXT").await.unwrap();
        s.write_all(b"ok\n\n").await.unwrap();
        assert_eq!(c.read_line(StepKind::Capabilities).await.unwrap().0, "ok");
    }

    #[tokio::test]
    async fn a_line_without_end_stops_at_the_line_limit() {
        let (mut c, mut s) = conn();
        s.write_all(&vec![b'A'; MAX_LINE + 4096]).await.unwrap();
        let err = c.read_line(StepKind::Greeting).await.unwrap_err();
        assert!(
            matches!(&err, Failure::Protocol { detail, .. } if detail.contains("longer than")),
            "{err:?}"
        );
    }
}
