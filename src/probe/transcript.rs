//! The transcript of one probe: every protocol line sent and received, in order, timed, with
//! the password removed before it is ever stored.
//!
//! `Recorder` wraps a byte stream and copies complete lines into the shared `Transcript` as
//! they pass. Three rules keep the password out without giving hints about it:
//! 1. while a protocol driver sends credentials it switches the recorder to a *mask*, which
//!    keeps only the first words of each sent line (`A0001 LOGIN "alice" ****`, `PASS ****`);
//! 2. once credentials may have left (a mask was set, the sign-in step began, or a sent line
//!    carried a form of the secret) the transcript is *armed*: every line in either direction
//!    and every step detail goes through the `Redactor`, which replaces the password and the
//!    base64 forms a SASL exchange would carry (RFC 4616 PLAIN, LOGIN, and for an OAuth 2.0
//!    access token RFC 7628 OAUTHBEARER and XOAUTH2) with `****`; before
//!    that only forms of 8 or more characters are masked (a hostile server that knows the
//!    password could echo it; a coincidence that long does not happen);
//! 3. the `Redactor` replaces a form of 8 or more characters wherever it occurs, one of 4 to 7
//!    only where it stands as a token of its own (after a space, quote or opening bracket,
//!    before a space, quote, closing bracket or punctuation), and never one of 1 to 3. Before
//!    the server has seen the password it cannot echo it, and a short password that merely
//!    occurs in a server's text (`LOG` in `LOGIN`, `.` in `secs).`, `*` in `* OK`) is left
//!    alone: masking it there would point at the password (`****IN`).
//!
//! 4. a SCRAM client-final message (its proof) and server-final message (the server's
//!    signature) are masked whole, in either direction: with the salt the server sent, each
//!    allows guessing the password offline (RFC 5802 §9).
//!
//! Bounded work: a line is cut to `MAX_LINE` bytes, the transcript keeps at most `MAX_LINES`
//! lines and `MAX_BYTES` bytes of text, and lines beyond that are only counted (no copy, no
//! redaction). Splitting received bytes into lines is linear in the bytes.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Instant;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secrecy::{ExposeSecret, SecretString};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use zeroize::Zeroizing;

/// What replaces a secret in every output.
pub const MASK: &str = "****";

/// Longest line kept in the transcript; longer ones are cut and marked.
const MAX_LINE: usize = 2048;
/// Most lines kept; a chatty server cannot grow the report without bound.
const MAX_LINES: usize = 2000;
/// Most bytes of text kept over all lines.
const MAX_BYTES: usize = 256 * 1024;
/// A partial line longer than this is recorded as it is (a server that never ends a line).
const MAX_PARTIAL: usize = 4 * MAX_LINE;

pub use super::record::{Direction, TranscriptLine};

/// Replaces a password and its encodings with `****` wherever one stands as a whole token.
#[derive(Clone)]
pub struct Redactor {
    needles: Arc<Vec<Zeroizing<String>>>,
    /// The password's own base64 form (a SASL response of the bare secret): no server word
    /// looks like it, so it is masked as a token even before anything was sent.
    encoded: Arc<Vec<Zeroizing<String>>>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redactor({} forms)", self.needles.len())
    }
}

/// Forms shorter than this (in characters) are never masked in text: a one-to-three
/// character password is found in almost any server line, and masking it there would only
/// point at it. Such a password never reaches text anyway: sent lines are masked by the
/// protocol driver, and its base64 forms are longer.
const MIN_MASKED: usize = 4;

/// Forms at least this long are masked wherever they occur, even inside a server's word:
/// a long secret found there is an echo, not a coincidence. Shorter ones only where they
/// stand as a token.
const ANYWHERE: usize = 8;

/// Whether the character before a match lets it stand as a token of its own: the start of
/// the text, a space, a quote or an opening bracket (`you sent "pw"`, `(pw)`, `user=pw`).
fn opens_token(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "\"'`([{<=:".contains(c))
}

/// Whether the character after a match ends it as a token: the end of the text, a space, a
/// quote, a closing bracket or sentence punctuation (`pw.`, `pw)`, `"pw",`).
fn closes_token(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "\"'`)]}>,;.:!?".contains(c))
}

impl Redactor {
    /// A redactor that removes nothing (no secret involved).
    pub fn none() -> Self {
        Self {
            needles: Arc::new(Vec::new()),
            encoded: Arc::new(Vec::new()),
        }
    }

    /// A redactor for this password as sent by `username`.
    pub fn new(password: &SecretString, username: &str) -> Self {
        let pw = password.expose_secret();
        let mut needles: Vec<Zeroizing<String>> = Vec::new();
        let mut encoded: Vec<Zeroizing<String>> = Vec::new();
        if !pw.is_empty() {
            encoded.push(Zeroizing::new(B64.encode(pw)));
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
            // An OAuth 2.0 access token's SASL forms (RFC 7628 OAUTHBEARER, XOAUTH2): like the
            // bare base64 form, nothing a server says looks like them.
            for form in crate::probe::sasl::wire_forms(username, pw) {
                encoded.push(form.clone());
                needles.push(form);
            }
        }
        // Longest first, so a form that contains another is replaced whole.
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        Self {
            needles: Arc::new(needles),
            encoded: Arc::new(encoded),
        }
    }

    /// Whether any form of the secret occurs anywhere in `text` (even inside a word).
    pub fn appears_in(&self, text: &str) -> bool {
        self.needles
            .iter()
            .any(|n| !n.is_empty() && text.contains(n.as_str()))
    }

    /// The text with every occurrence of a form of the secret that stands as a token replaced.
    /// An occurrence inside longer text is kept: replacing it would show which part of the
    /// server's words the password is.
    pub fn redact(&self, text: &str) -> String {
        self.replace(text, false)
    }

    /// `redact` for a line we sent: every form, however short, is masked where it stands as a
    /// token (the protocol drivers mask credentials themselves; this is the backstop).
    pub fn redact_ours(&self, text: &str) -> String {
        self.replace(text, true)
    }

    /// `redact` for text read before any credentials left: only forms long enough that
    /// finding one is an echo (a hostile server that knew the password), not a coincidence.
    /// The bare secret's base64 form is masked as a token too: no server word looks like it.
    pub fn redact_long(&self, text: &str) -> String {
        let mut out = text.to_string();
        for needle in self.needles.iter() {
            if needle.chars().count() >= ANYWHERE {
                out = out.replace(needle.as_str(), MASK);
            }
        }
        let encoded = Redactor {
            needles: self.encoded.clone(),
            encoded: Arc::new(Vec::new()),
        };
        encoded.redact_ours(&out)
    }

    fn replace(&self, text: &str, ours: bool) -> String {
        let mut out = text.to_string();
        for needle in self.needles.iter() {
            if needle.is_empty() || !out.contains(needle.as_str()) {
                continue;
            }
            let mut next = String::with_capacity(out.len());
            let mut last = 0;
            for (at, _) in out.match_indices(needle.as_str()) {
                if at < last {
                    continue;
                }
                let end = at + needle.len();
                let before = out[..at].chars().next_back();
                let after = out[end..].chars().next();
                let chars = needle.chars().count();
                let standalone = opens_token(before) && closes_token(after);
                // Too short to tell an echo from the server's own text: left alone.
                let masked = if ours {
                    standalone
                } else {
                    chars >= ANYWHERE || (chars >= MIN_MASKED && standalone)
                };
                if !masked {
                    continue;
                }
                next.push_str(&out[last..at]);
                next.push_str(MASK);
                last = end;
            }
            next.push_str(&out[last..]);
            out = next;
        }
        out
    }

    /// The longest form of the secret, in bytes.
    fn longest(&self) -> usize {
        self.needles.first().map_or(0, |n| n.len())
    }
}

#[derive(Debug)]
struct Inner {
    started: Instant,
    lines: Vec<TranscriptLine>,
    bytes: usize,
    dropped: usize,
    /// Whether credentials may have been sent (see the module header).
    armed: bool,
}

/// The shared, append-only transcript of one probe.
#[derive(Debug, Clone)]
pub struct Transcript {
    inner: Arc<Mutex<Inner>>,
    redactor: Redactor,
    /// Where each kept line also goes as it is recorded (a live view), if anywhere.
    live: Option<(
        super::progress::ProgressSink,
        crate::account::ServerSettings,
    )>,
}

impl Transcript {
    pub fn new(started: Instant, redactor: Redactor) -> Self {
        Self {
            inner: Arc::new(Mutex::new(Inner {
                started,
                lines: Vec::new(),
                bytes: 0,
                dropped: 0,
                armed: false,
            })),
            redactor,
            live: None,
        }
    }

    /// Also sends every kept line, as it is recorded, to `sink` (as `ProbeEvent::Line`).
    pub fn stream_to(
        &mut self,
        sink: super::progress::ProgressSink,
        server: crate::account::ServerSettings,
    ) {
        self.live = Some((sink, server));
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A poisoned lock only means another thread panicked mid-push; the lines are intact.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The redactor every line goes through once armed; also used for server replies.
    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// From now on every line and detail is redacted: credentials may be on their way.
    pub fn arm(&self) {
        self.lock().armed = true;
    }

    fn armed(&self) -> bool {
        self.lock().armed
    }

    /// Redacts `text` if credentials may have been sent by now; before that nothing can hold
    /// the password, and masking coincidences would only give hints about it.
    /// (Only a long form — an echo, never a coincidence — is masked before that.)
    pub fn redact(&self, text: &str) -> String {
        if self.armed() {
            self.redactor.redact(text)
        } else {
            self.redactor.redact_long(text)
        }
    }

    /// Records one line (redacted once armed, cut to a sane length). Lines past the limits
    /// are only counted.
    pub fn push(&self, direction: Direction, text: &str) {
        if direction == Direction::Sent && self.redactor.appears_in(text) {
            self.arm();
        }
        let hidden = hide_scram_proof(text);
        let text = hidden.as_deref().unwrap_or(text);
        let (full, armed) = {
            let inner = self.lock();
            (
                inner.lines.len() >= MAX_LINES || inner.bytes >= MAX_BYTES,
                inner.armed,
            )
        };
        if full {
            self.lock().dropped += 1;
            return;
        }
        // Redact a window a little longer than what is kept, so a cut never splits a secret.
        let window = cut(text, MAX_LINE + self.redactor.longest() + 4);
        let was_cut = window.len() < text.len();
        let mut text = if armed {
            match direction {
                Direction::Sent => self.redactor.redact_ours(window),
                _ => self.redactor.redact(window),
            }
        } else {
            self.redactor.redact_long(window)
        };
        if text.len() > MAX_LINE || was_cut {
            text.truncate(cut(&text, MAX_LINE).len());
            text.push_str(" …[cut]");
        }
        let mut inner = self.lock();
        if inner.lines.len() >= MAX_LINES || inner.bytes >= MAX_BYTES {
            inner.dropped += 1;
            return;
        }
        let at_ms = inner.started.elapsed().as_millis() as u64;
        inner.bytes += text.len();
        let line = TranscriptLine {
            at_ms,
            direction,
            text,
        };
        if let Some((sink, server)) = &self.live {
            sink.send(super::progress::ProbeEvent::Line {
                server: server.clone(),
                line: line.clone(),
            });
        }
        inner.lines.push(line);
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

/// A line carrying a SCRAM client-final or server-final message (`+ <base64>`,
/// `334 <base64>`, a bare response; RFC 5802 §7) with its payload masked: the proof and the
/// server's signature allow guessing the password offline (`scram::carries_proof`). `None`
/// for any other line.
fn hide_scram_proof(text: &str) -> Option<String> {
    let (head, payload) = match text.rsplit_once(' ') {
        Some((head, payload)) => (Some(head), payload),
        None => (None, text),
    };
    if payload.len() < 4 || payload.len() > MAX_LINE {
        return None;
    }
    let bytes = Zeroizing::new(B64.decode(payload).ok()?);
    super::scram::carries_proof(&bytes).then(|| match head {
        Some(head) => format!("{head} {MASK}"),
        None => MASK.to_string(),
    })
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
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
pub struct MaskHandle {
    mask: Arc<Mutex<Mask>>,
    transcript: Transcript,
}

impl MaskHandle {
    /// Switches the mask; any mask but `Off` means credentials are about to be sent, so the
    /// transcript is armed from now on.
    pub fn set(&self, mask: Mask) {
        if mask != Mask::Off {
            self.transcript.arm();
        }
        *self.mask.lock().unwrap_or_else(|p| p.into_inner()) = mask;
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
        MaskHandle {
            mask: self.mask.clone(),
            transcript: self.transcript.clone(),
        }
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

    fn record_sent(&self, line: &[u8]) {
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end_matches(['\r', '\n']);
        let mask = *self.mask.lock().unwrap_or_else(|p| p.into_inner());
        if mask != Mask::Off || self.transcript.redactor.appears_in(text) {
            self.transcript.arm();
        }
        let shown = match mask {
            Mask::Off => Zeroizing::new(text.to_string()),
            Mask::KeepWords(n) => {
                let mut words: Vec<&str> = text.split(' ').take(n).collect();
                words.push(MASK);
                Zeroizing::new(words.join(" "))
            }
        };
        self.transcript.push(Direction::Sent, &shown);
    }
}

/// Calls `each` with every complete line in `buf` (newline included) and removes them; the
/// search for newlines starts at `from` (the bytes before it hold none). Linear in the bytes.
fn drain_lines(buf: &mut Vec<u8>, from: usize, mut each: impl FnMut(&[u8])) {
    let mut start = 0;
    let mut search = from.min(buf.len());
    while let Some(off) = buf[search..].iter().position(|&b| b == b'\n') {
        let end = search + off + 1;
        each(&buf[start..end]);
        start = end;
        search = end;
    }
    buf.drain(..start);
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
                let this = &mut *self;
                let from = this.rx.len();
                this.rx.extend_from_slice(new);
                let transcript = &this.transcript;
                drain_lines(&mut this.rx, from, |line| {
                    let text = String::from_utf8_lossy(line);
                    transcript.push(Direction::Received, text.trim_end_matches(['\r', '\n']));
                });
                if this.rx.len() > MAX_PARTIAL {
                    this.flush_partial();
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
            let this = &mut *self;
            let from = this.tx.len();
            this.tx.extend_from_slice(&data[..n]);
            let mut pending = std::mem::take(&mut *this.tx);
            drain_lines(&mut pending, from, |line| this.record_sent(line));
            *this.tx = pending;
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
    fn scram_proofs_and_server_signatures_are_masked_in_both_directions() {
        let t = Transcript::new(Instant::now(), Redactor::none());
        let first = B64.encode("n,,n=alice,r=fyko+d2lbbFgONRv9qkxdawL");
        let server_first =
            B64.encode("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
        let client_final = B64.encode(
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
        );
        let server_final = B64.encode("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
        let error = B64.encode("e=invalid-proof");
        t.push(
            Direction::Sent,
            &format!("m4 AUTHENTICATE SCRAM-SHA-1 {first}"),
        );
        t.push(Direction::Received, &format!("+ {server_first}"));
        t.push(Direction::Sent, &client_final);
        t.push(Direction::Received, &format!("334 {server_final}"));
        t.push(Direction::Received, &format!("+ {error}"));
        let lines: Vec<String> = t.lines().into_iter().map(|l| l.text).collect();
        assert_eq!(
            lines,
            vec![
                format!("m4 AUTHENTICATE SCRAM-SHA-1 {first}"),
                format!("+ {server_first}"),
                MASK.to_string(),
                format!("334 {MASK}"),
                format!("+ {error}"),
            ]
        );
    }

    #[test]
    fn punctuation_inside_server_text_is_not_taken_for_a_one_character_password() {
        let r = Redactor::new(&SecretString::from("."), "alice");
        assert_eq!(
            r.redact("m5 OK Examine completed (0.025 + 0.000 secs)."),
            "m5 OK Examine completed (0.025 + 0.000 secs)."
        );
        assert_eq!(r.redact_ours("A1 LOGIN bob ."), "A1 LOGIN bob ****");
        let r = Redactor::new(&SecretString::from("*"), "alice");
        assert_eq!(r.redact("* 3 EXISTS"), "* 3 EXISTS");
        // Its base64 form is long enough to be told apart.
        assert_eq!(r.redact("you sent Kg=="), "you sent ****");
        let r = Redactor::new(&SecretString::from("pass"), "alice");
        assert_eq!(
            r.redact("you sent \"pass\", (pass) and pass."),
            "you sent \"****\", (****) and ****."
        );
        assert_eq!(
            r.redact("passwd x-pass pass2 PASS"),
            "passwd x-pass pass2 PASS"
        );
        // A long secret inside a server's word is an echo.
        let r = Redactor::new(&SecretString::from("Fz-pw9xyz"), "alice");
        assert_eq!(r.redact("LITERALFz-pw9xyzIN"), "LITERAL****IN");
    }

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

    #[test]
    fn a_password_inside_a_server_word_is_not_pointed_at() {
        // A short password that is part of capability words and of our own lines.
        let pw = SecretString::from("LOG");
        let r = Redactor::new(&pw, "bob");
        assert_eq!(r.redact("AUTH=PLAIN LOGIN"), "AUTH=PLAIN LOGIN");
        // Three characters are too short to tell an echo from the server's own words.
        assert_eq!(r.redact("x LOG y \"LOG\" LOG"), "x LOG y \"LOG\" LOG");
        assert_eq!(r.redact_ours("x LOG y"), "x **** y");
        // Before anything was sent the server cannot echo the password: nothing is masked,
        // not even a whole word that happens to be the password.
        let t = Transcript::new(Instant::now(), r);
        t.push(
            Direction::Received,
            "* OK [CAPABILITY IMAP4rev1 AUTH=LOGIN] LOG ready",
        );
        assert_eq!(t.redact("capabilities LOG"), "capabilities LOG");
        t.push(Direction::Sent, "A1 LOGIN bob LOG");
        t.push(
            Direction::Received,
            "A1 NO [AUTHENTICATIONFAILED] LOG rejected, LOGIN again",
        );
        let lines: Vec<String> = t.lines().into_iter().map(|l| l.text).collect();
        assert_eq!(
            lines,
            vec![
                "* OK [CAPABILITY IMAP4rev1 AUTH=LOGIN] LOG ready",
                "A1 LOGIN bob ****",
                "A1 NO [AUTHENTICATIONFAILED] LOG rejected, LOGIN again",
            ]
        );
        assert_eq!(t.redact("capabilities LOG"), "capabilities LOG");
    }

    #[test]
    fn setting_a_mask_arms_the_transcript() {
        let (client, _server) = tokio::io::duplex(64);
        let t = Transcript::new(
            Instant::now(),
            Redactor::new(&SecretString::from("pw-sec"), "u"),
        );
        let rec = Recorder::new(client, t.clone());
        assert_eq!(t.redact("pw-sec"), "pw-sec");
        rec.mask_handle().set(Mask::KeepWords(1));
        assert_eq!(t.redact("pw-sec"), MASK);
    }

    #[test]
    fn the_transcript_is_bounded_in_lines_bytes_and_line_length() {
        let pw = SecretString::from("hunter2");
        let t = Transcript::new(Instant::now(), Redactor::new(&pw, "bob"));
        t.arm();
        // A secret straddling the cut is masked, not half shown.
        let long = format!("{} hunter2 tail", "x ".repeat(MAX_LINE / 2 - 2));
        t.push(Direction::Received, &long);
        let first = &t.lines()[0].text;
        assert!(first.ends_with(" …[cut]"), "{first}");
        assert!(!first.contains("hunt"), "{first}");
        let line = "y".repeat(MAX_LINE * 3);
        for _ in 0..10_000 {
            t.push(Direction::Received, &line);
        }
        let lines = t.lines();
        let bytes: usize = lines.iter().map(|l| l.text.len()).sum();
        assert!(bytes <= MAX_BYTES + MAX_LINE + 100, "{bytes}");
        assert!(lines.len() < MAX_LINES);
        let last = &lines[lines.len() - 1];
        assert_eq!(last.direction, Direction::Note);
        assert!(last.text.ends_with("more lines not kept)"), "{}", last.text);
    }

    #[tokio::test]
    async fn many_short_lines_in_one_read_are_split_in_linear_time() {
        let (client, mut server) = tokio::io::duplex(1 << 20);
        let t = Transcript::new(Instant::now(), Redactor::none());
        let mut rec = Recorder::new(client, t.clone());
        let data = "a\n".repeat(400_000);
        server.write_all(data.as_bytes()).await.unwrap();
        drop(server);
        let started = Instant::now();
        let mut sink = Vec::new();
        rec.read_to_end(&mut sink).await.unwrap();
        assert_eq!(sink.len(), data.len());
        // Quadratic splitting took minutes here; linear takes milliseconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(t.lines().len(), MAX_LINES + 1);
    }
}
