//! The state of one running probe and the steps every protocol shares: timed steps under
//! deadlines, TLS set-up (implicit or after STARTTLS), recognising what a port speaks, and a
//! small line reader for the text protocols.

use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::failure::Failure;
use super::mission::Mission;
use super::outcome::{ServerFacts, Step, StepStatus, TlsFacts};
use super::step::StepKind;
use super::tls;
use super::transcript::{Mask, MaskHandle, Recorder, Redactor, Transcript};
use super::{BoxStream, ProbeEvent, ProbeOptions};
use crate::account::{Protocol, Security, ServerSettings};

/// The running state of one probe.
pub(crate) struct Ctx<'a> {
    pub settings: &'a ServerSettings,
    pub password: &'a SecretString,
    pub opts: &'a ProbeOptions,
    pub started: Instant,
    pub steps: Vec<Step>,
    pub tls: Option<TlsFacts>,
    pub facts: ServerFacts,
    pub transcript: Transcript,
    pub failed_at: Option<StepKind>,
    pub peer: Option<SocketAddr>,
    /// Whether the connection is encrypted by now.
    pub encrypted: bool,
    /// What to do once signed in.
    pub mission: &'a Mission,
}

impl<'a> Ctx<'a> {
    /// A probe starting now, with its transcript (redacting this password).
    pub fn new(
        settings: &'a ServerSettings,
        password: &'a SecretString,
        opts: &'a ProbeOptions,
        mission: &'a Mission,
    ) -> Self {
        let started = Instant::now();
        let transcript = Transcript::new(started, Redactor::new(password, &settings.username));
        Self {
            settings,
            password,
            opts,
            started,
            steps: Vec::new(),
            tls: None,
            facts: ServerFacts::default(),
            transcript,
            failed_at: None,
            peer: None,
            encrypted: false,
            mission,
        }
    }

    pub fn endpoint(&self) -> String {
        self.settings.endpoint()
    }

    /// Marks the start of a step (for live progress) and returns its start time.
    pub fn begin(&self, kind: StepKind) -> Instant {
        if kind == StepKind::Authenticate {
            // From here on the password may be on the wire: redact everything recorded.
            self.transcript.arm();
        }
        if let Some(sink) = &self.opts.progress {
            sink.send(ProbeEvent::StepStarted {
                server: self.settings.clone(),
                kind,
            });
        }
        Instant::now()
    }

    /// Records a step that began at `began` and ends now.
    pub fn record(&mut self, kind: StepKind, began: Instant, result: Result<String, &Failure>) {
        self.record_span(kind, began, began.elapsed(), result);
    }

    /// Records a step that began at `began` and took `took`.
    pub fn record_span(
        &mut self,
        kind: StepKind,
        began: Instant,
        took: Duration,
        result: Result<String, &Failure>,
    ) {
        let started_ms = began.duration_since(self.started).as_millis() as u64;
        let ms = took.as_millis() as u64;
        let (status, detail) = match result {
            Ok(detail) => (StepStatus::Ok, detail),
            Err(f) => {
                if self.failed_at.is_none() {
                    self.failed_at = Some(kind);
                }
                (StepStatus::Failed, f.to_string())
            }
        };
        let detail = self.transcript.redact(&detail);
        tracing::debug!(endpoint = %self.endpoint(), step = ?kind, status = ?status, ms, "{detail}");
        let step = Step {
            kind,
            status,
            started_ms,
            ms,
            detail,
        };
        if let Some(sink) = &self.opts.progress {
            sink.send(ProbeEvent::StepFinished {
                server: self.settings.clone(),
                step: step.clone(),
            });
        }
        self.steps.push(step);
    }

    /// Runs one step under its deadline and records it.
    pub async fn step<T, F>(
        &mut self,
        kind: StepKind,
        limit: Duration,
        fut: F,
        describe: impl FnOnce(&T) -> String,
    ) -> Result<T, Failure>
    where
        F: Future<Output = Result<T, Failure>>,
    {
        let began = self.begin(kind);
        let result = match tokio::time::timeout(limit, fut).await {
            Ok(r) => r,
            Err(_) => Err(self.timeout_failure(kind, limit)),
        };
        match &result {
            Ok(v) => {
                let d = describe(v);
                self.record(kind, began, Ok(d));
            }
            Err(f) => self.record(kind, began, Err(f)),
        }
        result
    }

    pub fn timeout_failure(&self, kind: StepKind, after: Duration) -> Failure {
        let endpoint = self.endpoint();
        match kind {
            StepKind::Connect => Failure::ConnectTimeout { endpoint, after },
            StepKind::Greeting => Failure::GreetingTimeout { endpoint, after },
            step => Failure::Timeout {
                endpoint,
                step,
                after,
            },
        }
    }

    /// Wraps a stream so its lines go into the transcript.
    pub fn record_stream(&self, stream: BoxStream) -> (Recorder<BoxStream>, MaskHandle) {
        let rec = Recorder::new(stream, self.transcript.clone());
        let mask = rec.mask_handle();
        (rec, mask)
    }

    /// TLS handshake as step `kind` (implicit TLS or after STARTTLS).
    pub async fn secure(
        &mut self,
        kind: StepKind,
        stream: BoxStream,
    ) -> Result<BoxStream, Failure> {
        let began = self.begin(kind);
        let limit = self.opts.timeouts.tls;
        let host = self.settings.host.clone();
        let port = self.settings.port;
        let result = tokio::time::timeout(
            limit,
            tls::handshake_to(stream, &host, port, &self.opts.trust),
        )
        .await;
        match result {
            Err(_) => {
                let f = self.timeout_failure(kind, limit);
                self.record(kind, began, Err(&f));
                Err(f)
            }
            Ok(Ok((stream, facts))) => {
                let detail = facts.verified_detail();
                self.transcript.note(&format!(
                    "TLS established: {} {}",
                    facts.version, facts.cipher_suite
                ));
                self.tls = Some(facts);
                self.encrypted = true;
                self.record(kind, began, Ok(detail));
                Ok(Box::new(stream))
            }
            Ok(Err(e)) => {
                if let Some(facts) = e.facts.clone() {
                    self.tls = Some(facts);
                }
                let f = self.handshake_failure(e);
                self.transcript.note(&format!("TLS failed: {f}"));
                self.record(kind, began, Err(&f));
                Err(f)
            }
        }
    }

    fn handshake_failure(&self, e: tls::HandshakeError) -> Failure {
        let endpoint = self.endpoint();
        if e.not_tls && !e.peer_bytes.is_empty() {
            let said = first_line(&e.peer_bytes);
            return match speaker(&said) {
                Some(p) if Some(p) != speaker_of(self.settings.protocol) => {
                    Failure::WrongProtocol {
                        endpoint,
                        expected: expected_words(self.settings.protocol, Security::Tls),
                        said,
                    }
                }
                _ => Failure::TlsOnPlaintextPort { endpoint, said },
            };
        }
        if e.peer_bytes.is_empty()
            && matches!(
                e.io_kind,
                std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset
            )
            && e.facts.is_none()
        {
            return Failure::Closed {
                endpoint,
                step: StepKind::Tls,
            };
        }
        if let Some(f) = super::cert_failure::explain_now(&endpoint, &e, self.opts) {
            return f;
        }
        Failure::Tls {
            endpoint,
            problem: e.problem,
            detail: e.detail,
        }
    }

    /// Waits for the greeting as step `Greeting`. If the server stays silent for a moment, a
    /// second connection checks in parallel what the port speaks: TLS means the security
    /// setting is wrong (reported at once, not after the whole deadline); another protocol's
    /// words mean the port is wrong.
    pub async fn greeting<F>(&mut self, read: F) -> Result<String, Failure>
    where
        F: Future<Output = Result<String, Failure>>,
    {
        let began = self.begin(StepKind::Greeting);
        let limit = self.opts.timeouts.greeting;
        let endpoint = self.endpoint();
        let check_limit = self.opts.timeouts.tls.min(Duration::from_secs(5));
        let check = what_the_port_speaks(
            self.peer,
            self.settings.host.clone(),
            self.opts.trust.clone(),
            (limit / 4).min(SILENCE_BEFORE_CHECK),
            check_limit,
        );
        tokio::pin!(read);
        tokio::pin!(check);
        let deadline = tokio::time::sleep(limit);
        tokio::pin!(deadline);
        let mut verdict: Option<PortCheck> = None;
        let result = loop {
            tokio::select! {
                r = &mut read => break r,
                v = &mut check, if verdict.is_none() => {
                    let early = match &v.verdict {
                        PortVerdict::Tls => {
                            Some(Failure::PlaintextOnTlsPort { endpoint: endpoint.clone() })
                        }
                        // Only words of another known protocol: a slow server's first
                        // bytes are not proof of anything.
                        PortVerdict::Spoke(said)
                            if speaker(said).is_some()
                                && speaker(said) != speaker_of(self.settings.protocol) =>
                        {
                            Some(Failure::WrongProtocol {
                                endpoint: endpoint.clone(),
                                expected: expected_words(self.settings.protocol, self.settings.security),
                                said: said.clone(),
                            })
                        }
                        _ => None,
                    };
                    verdict = Some(v);
                    if let Some(f) = early {
                        break Err(f);
                    }
                }
                _ = &mut deadline => {
                    break Err(Failure::GreetingTimeout { endpoint: endpoint.clone(), after: limit });
                }
            }
        };
        match &result {
            Ok(line) => self.record(StepKind::Greeting, began, Ok(line.clone())),
            Err(f) => self.record(StepKind::Greeting, began, Err(f)),
        }
        if let Some(check) = verdict {
            let detail = match check.verdict {
                PortVerdict::Tls => "a second connection found the port speaks TLS".to_string(),
                PortVerdict::Spoke(said) => format!("a second connection got {said:?}"),
                PortVerdict::Silent => "a second connection got no answer to TLS either".into(),
            };
            self.record_span(StepKind::PortCheck, check.began, check.took, Ok(detail));
        }
        result
    }

    /// Finishes STARTTLS / STLS (RFC 2595, RFC 3207) once the command was answered: `answer`
    /// is `Ok` when the server agreed, else why not. Records the step, runs the handshake on
    /// the same connection and returns a new recorded line connection over TLS.
    pub async fn upgrade(
        &mut self,
        conn: LineConn,
        began: Instant,
        answer: Result<(), Failure>,
    ) -> Result<LineConn, Failure> {
        if let Err(f) = answer {
            self.record(StepKind::StartTls, began, Err(&f));
            return Err(f);
        }
        let plain = conn
            .into_stream(StepKind::StartTls)
            .map_err(|f| self.fail(StepKind::StartTls, f))?;
        let secured = self.secure(StepKind::StartTls, plain).await?;
        let (rec, mask) = self.record_stream(secured);
        Ok(LineConn::new(rec, mask, self.endpoint()))
    }

    /// Refuses to go on without encryption unless the caller allowed it.
    pub fn require_encryption_or_opt_in(&mut self) -> Result<(), Failure> {
        let host = self
            .settings
            .host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if self.encrypted || self.opts.allow_plaintext || self.opts.plaintext_hosts.contains(&host)
        {
            return Ok(());
        }
        let f = Failure::InsecureRefused {
            endpoint: self.endpoint(),
        };
        self.record(StepKind::Authenticate, Instant::now(), Err(&f));
        Err(f)
    }

    /// Records the failure of a step without running anything (a decision we made).
    pub fn fail(&mut self, kind: StepKind, f: Failure) -> Failure {
        self.record(kind, Instant::now(), Err(&f));
        f
    }

    /// The goodbye (LOGOUT, QUIT) as step `Logout`. `answer` sends `command` if it is not on
    /// its way yet and reads the reply; nobody needs that reply, so it is waited for at most
    /// `GOODBYE_GRACE`, and a server that just hangs up has said goodbye too.
    pub async fn goodbye<F>(&mut self, command: &str, answer: F) -> Result<(), Failure>
    where
        F: Future<Output = Result<String, Failure>>,
    {
        let began = self.begin(StepKind::Logout);
        let grace = GOODBYE_GRACE.min(self.opts.timeouts.command);
        let detail = match tokio::time::timeout(grace, answer).await {
            Ok(Ok(reply)) => format!("{command} answered {reply}"),
            Ok(Err(Failure::Closed { .. })) => {
                format!("{command} answered by closing the connection")
            }
            Ok(Err(f)) => {
                self.record(StepKind::Logout, began, Err(&f));
                return Err(f);
            }
            Err(_) => format!("{command} sent; its answer was not waited for"),
        };
        self.record(StepKind::Logout, began, Ok(detail));
        Ok(())
    }
}

/// How long the answer to LOGOUT / QUIT is waited for once everything else is known.
pub(crate) const GOODBYE_GRACE: Duration = Duration::from_millis(500);

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
    verdict: PortVerdict,
    began: Instant,
    took: Duration,
}

/// After `wait`, opens a second connection and offers TLS; never resolves without a peer.
async fn what_the_port_speaks(
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

fn speaker_of(p: Protocol) -> Option<Speaker> {
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

/// Longest line the text protocols accept from a server.
const MAX_LINE: usize = 16 * 1024;
/// Most bytes one reply may take (everything read between two commands we send). Real
/// capability lists are a few hundred bytes; a hostile server is stopped here.
pub(crate) const MAX_REPLY_BYTES: usize = 64 * 1024;
/// Most lines one reply may take.
pub(crate) const MAX_REPLY_LINES: usize = 500;

/// Most capability items (IMAP capabilities, POP3 CAPA lines, EHLO keywords) kept.
pub(crate) const MAX_CAPABILITIES: usize = 256;
/// Most sign-in mechanisms kept from what a server advertises.
pub(crate) const MAX_MECHANISMS: usize = 64;

/// Sign-in mechanism names, upper-case, each once, in the order first seen, at most
/// `MAX_MECHANISMS`. Linear in the words (a set remembers what was seen).
pub(crate) fn unique_mechanisms<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for word in words {
        if out.len() >= MAX_MECHANISMS {
            break;
        }
        let name = word.to_ascii_uppercase();
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

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

/// Marks the reply of a step as the server's words when it refused.
pub(crate) fn rejected(ctx: &Ctx<'_>, step: StepKind, reply: &str) -> Failure {
    Failure::Rejected {
        endpoint: ctx.endpoint(),
        step,
        reply: ctx.transcript.redact(reply),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use tokio::io::AsyncWriteExt;

    use super::*;
    use crate::probe::transcript::Redactor;

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

    #[test]
    fn mechanisms_are_deduplicated_in_linear_time_and_capped() {
        let words: Vec<String> = (0..200_000).map(|i| format!("M{}", i % 100_000)).collect();
        let started = Instant::now();
        let m = unique_mechanisms(words.iter().map(String::as_str));
        assert_eq!(m.len(), MAX_MECHANISMS);
        assert_eq!(
            unique_mechanisms(["plain", "LOGIN", "Plain"]),
            ["PLAIN", "LOGIN"]
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
