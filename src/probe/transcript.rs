//! The transcript of one probe: every protocol line sent and received, in order, timed, with
//! the password removed before it is ever stored.
//!
//! `Recorder` wraps a byte stream and copies complete lines into the shared `Transcript` as
//! they pass. Two layers keep the password out:
//! 1. while a protocol driver sends credentials it switches the recorder to a *mask*, which
//!    keeps only the first words of each sent line (`A0001 LOGIN "alice" ****`, `PASS ****`);
//! 2. every recorded line, in either direction, goes through the `Redactor`, which replaces
//!    the password and the base64 forms a SASL exchange would carry (RFC 4616 PLAIN,
//!    LOGIN) with `****`.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Instant;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use zeroize::Zeroizing;

/// What replaces a secret in every output.
pub const MASK: &str = "****";

/// Longest line kept in the transcript; longer ones are cut and marked.
const MAX_LINE: usize = 2048;
/// Most lines kept; a chatty server cannot grow the report without bound.
const MAX_LINES: usize = 2000;

/// Who produced a transcript line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// We sent it.
    Sent,
    /// The server sent it.
    Received,
    /// A note from mailsetup (TLS started, connection closed …).
    Note,
}

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranscriptLine {
    /// Milliseconds since the probe started.
    pub at_ms: u64,
    pub direction: Direction,
    pub text: String,
}

/// Replaces a password and its encodings with `****`.
#[derive(Clone)]
pub struct Redactor {
    needles: Arc<Vec<Zeroizing<String>>>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redactor({} forms)", self.needles.len())
    }
}

impl Redactor {
    /// A redactor that removes nothing (no secret involved).
    pub fn none() -> Self {
        Self {
            needles: Arc::new(Vec::new()),
        }
    }

    /// A redactor for this password as sent by `username`.
    pub fn new(password: &SecretString, username: &str) -> Self {
        let pw = password.expose_secret();
        let mut needles: Vec<Zeroizing<String>> = Vec::new();
        if !pw.is_empty() {
            needles.push(Zeroizing::new(pw.to_string()));
            // IMAP quoted-string form.
            let quoted = pw.replace('\\', "\\\\").replace('"', "\\\"");
            if quoted != pw {
                needles.push(Zeroizing::new(quoted));
            }
            needles.push(Zeroizing::new(B64.encode(pw)));
            for authz in ["", username] {
                let plain = Zeroizing::new(format!("{authz}\0{username}\0{pw}"));
                needles.push(Zeroizing::new(B64.encode(plain.as_bytes())));
            }
        }
        // Longest first, so a form that contains another is replaced whole.
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        Self {
            needles: Arc::new(needles),
        }
    }

    /// The text with every form of the secret replaced.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for needle in self.needles.iter() {
            if !needle.is_empty() && out.contains(needle.as_str()) {
                out = out.replace(needle.as_str(), MASK);
            }
        }
        out
    }
}

#[derive(Debug)]
struct Inner {
    started: Instant,
    lines: Vec<TranscriptLine>,
    dropped: usize,
}

/// The shared, append-only transcript of one probe.
#[derive(Debug, Clone)]
pub struct Transcript {
    inner: Arc<Mutex<Inner>>,
    redactor: Redactor,
}

impl Transcript {
    pub fn new(started: Instant, redactor: Redactor) -> Self {
        Self {
            inner: Arc::new(Mutex::new(Inner {
                started,
                lines: Vec::new(),
                dropped: 0,
            })),
            redactor,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A poisoned lock only means another thread panicked mid-push; the lines are intact.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The redactor every line goes through; also used for server replies in reports.
    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// Records one line (redacted, cut to a sane length).
    pub fn push(&self, direction: Direction, text: &str) {
        let mut text = self.redactor.redact(text);
        if text.len() > MAX_LINE {
            let mut cut = MAX_LINE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            text.push_str(" …[cut]");
        }
        let mut inner = self.lock();
        if inner.lines.len() >= MAX_LINES {
            inner.dropped += 1;
            return;
        }
        let at_ms = inner.started.elapsed().as_millis() as u64;
        inner.lines.push(TranscriptLine {
            at_ms,
            direction,
            text,
        });
    }

    /// A note from mailsetup itself.
    pub fn note(&self, text: &str) {
        self.push(Direction::Note, text);
    }

    /// The lines so far.
    pub fn lines(&self) -> Vec<TranscriptLine> {
        let inner = self.lock();
        let mut lines = inner.lines.clone();
        if inner.dropped > 0 {
            lines.push(TranscriptLine {
                at_ms: inner.started.elapsed().as_millis() as u64,
                direction: Direction::Note,
                text: format!("({} more lines not kept)", inner.dropped),
            });
        }
        lines
    }

    /// The last line the server sent, if any.
    pub fn last_received(&self) -> Option<String> {
        self.lock()
            .lines
            .iter()
            .rev()
            .find(|l| l.direction == Direction::Received)
            .map(|l| l.text.clone())
    }
}

/// How sent lines are recorded while credentials pass through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// Record sent lines as they are (after redaction).
    Off,
    /// Keep only the first N words of each sent line, then `****`.
    KeepWords(usize),
}

/// A stream wrapper that copies each complete line into the transcript.
pub struct Recorder<S> {
    inner: S,
    transcript: Transcript,
    mask: Arc<Mutex<Mask>>,
    rx: Vec<u8>,
    tx: Zeroizing<Vec<u8>>,
}

impl<S> fmt::Debug for Recorder<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Recorder")
    }
}

/// A handle to switch a recorder's mask while the stream itself is owned by a protocol client.
#[derive(Debug, Clone)]
pub struct MaskHandle(Arc<Mutex<Mask>>);

impl MaskHandle {
    pub fn set(&self, mask: Mask) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = mask;
    }
}

impl<S> Recorder<S> {
    pub fn new(inner: S, transcript: Transcript) -> Self {
        Self {
            inner,
            transcript,
            mask: Arc::new(Mutex::new(Mask::Off)),
            rx: Vec::new(),
            tx: Zeroizing::new(Vec::new()),
        }
    }

    /// A handle that changes how sent lines are recorded.
    pub fn mask_handle(&self) -> MaskHandle {
        MaskHandle(self.mask.clone())
    }

    /// The wrapped stream (any partial line is recorded first).
    pub fn into_inner(mut self) -> S {
        self.flush_partial();
        self.inner
    }

    fn flush_partial(&mut self) {
        if !self.rx.is_empty() {
            let line = String::from_utf8_lossy(&self.rx).into_owned();
            self.transcript.push(Direction::Received, &line);
            self.rx.clear();
        }
    }

    fn record_sent(&mut self, line: &[u8]) {
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end_matches(['\r', '\n']);
        let mask = *self.mask.lock().unwrap_or_else(|p| p.into_inner());
        let shown = match mask {
            Mask::Off => text.to_string(),
            Mask::KeepWords(n) => {
                let mut words: Vec<&str> = text.split(' ').take(n).collect();
                words.push(MASK);
                words.join(" ")
            }
        };
        self.transcript.push(Direction::Sent, &shown);
    }
}

fn take_lines(buf: &mut Vec<u8>) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    while let Some(pos) = buf.iter().position(|&b| b == b'\n') {
        let rest = buf.split_off(pos + 1);
        let line = std::mem::replace(buf, rest);
        lines.push(line);
    }
    lines
}

impl<S: AsyncRead + Unpin> AsyncRead for Recorder<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = res {
            let new = &buf.filled()[before..];
            if new.is_empty() {
                self.flush_partial();
            } else {
                self.rx.extend_from_slice(new);
                for line in take_lines(&mut self.rx) {
                    let text = String::from_utf8_lossy(&line);
                    self.transcript
                        .push(Direction::Received, text.trim_end_matches(['\r', '\n']));
                }
                if self.rx.len() > MAX_LINE * 4 {
                    self.flush_partial();
                }
            }
        }
        res
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Recorder<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let res = Pin::new(&mut self.inner).poll_write(cx, data);
        if let Poll::Ready(Ok(n)) = res {
            self.tx.extend_from_slice(&data[..n]);
            let mut pending = std::mem::take(&mut *self.tx);
            for line in take_lines(&mut pending) {
                let line = Zeroizing::new(line);
                self.record_sent(&line);
            }
            *self.tx = pending;
        }
        res
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[test]
    fn redactor_removes_password_and_its_base64_forms() {
        let pw = SecretString::from("pä ss\"wörd");
        let r = Redactor::new(&pw, "alice@example.test");
        let plain_b64 = B64.encode("\0alice@example.test\0pä ss\"wörd");
        let text = format!(
            "LOGIN x \"pä ss\\\"wörd\" / pä ss\"wörd / {} / {plain_b64}",
            B64.encode("pä ss\"wörd")
        );
        let out = r.redact(&text);
        assert!(!out.contains("wörd"), "{out}");
        assert!(!out.contains(&plain_b64), "{out}");
        assert_eq!(out.matches(MASK).count(), 4, "{out}");
    }

    #[tokio::test]
    async fn recorder_masks_credentials_and_records_both_directions() {
        let (client, mut server) = tokio::io::duplex(1024);
        let pw = SecretString::from("hunter2");
        let t = Transcript::new(Instant::now(), Redactor::new(&pw, "bob"));
        let mut rec = Recorder::new(client, t.clone());
        let mask = rec.mask_handle();
        server.write_all(b"+OK ready\r\n").await.unwrap();
        let mut buf = [0u8; 64];
        let n = rec.read(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"+OK ready\r\n");
        rec.write_all(b"USER bob\r\n").await.unwrap();
        mask.set(Mask::KeepWords(1));
        rec.write_all(b"PASS hun").await.unwrap();
        rec.write_all(b"ter2\r\n").await.unwrap();
        mask.set(Mask::Off);
        let lines: Vec<String> = t.lines().into_iter().map(|l| l.text).collect();
        assert_eq!(lines, vec!["+OK ready", "USER bob", "PASS ****"]);
        assert_eq!(t.last_received().as_deref(), Some("+OK ready"));
    }
}
