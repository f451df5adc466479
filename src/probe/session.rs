//! The state of one running probe and the steps every protocol shares: timed steps under
//! deadlines and their records (the step list, live progress, the transcript), TLS set-up
//! (implicit or after STARTTLS), the greeting step (with `recognise.rs` checking a silent
//! port), the refusal to sign in unencrypted, and the goodbye.
//!
//! What a port speaks is `recognise.rs`; the line reader of the text protocols is `line.rs`;
//! capability and mechanism lists are `capabilities.rs`.

use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use secrecy::SecretString;

use super::failure::Failure;
use super::line::LineConn;
use super::mission::Mission;
use super::outcome::{ServerFacts, Step, StepStatus, TlsFacts};
use super::recognise::{
    Greeting, PortCheck, PortVerdict, SILENCE_BEFORE_CHECK, expected_words, first_line,
    greeting_of, speaker, speaker_of, unexpected_greeting, what_the_port_speaks,
};
use super::scram::ChannelBinding;
use super::signin::NoChoice;
use super::step::StepKind;
use super::tls;
use super::transcript::{MaskHandle, Recorder, Redactor, Transcript};
use super::{BoxStream, ProbeEvent, ProbeOptions};
use crate::account::{Security, ServerSettings};

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
    /// The TLS connection's channel binding (`binding.rs`), once it is encrypted.
    pub channel_binding: Option<ChannelBinding>,
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
            channel_binding: None,
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
                self.channel_binding = super::binding::of(stream.get_ref().1);
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

    /// The greeting of a protocol that greets in one line (IMAP, POP3) as step `Greeting`:
    /// the protocol's welcome is kept as the server's greeting, its refusal (`* BYE`, `-ERR`)
    /// fails with the server's words, anything else is the wrong protocol (or TLS).
    pub async fn one_line_greeting(&mut self, conn: &mut LineConn) -> Result<(), Failure> {
        let endpoint = self.endpoint();
        let protocol = self.settings.protocol;
        let result = self
            .greeting(async {
                let (line, raw) = conn.read_line(StepKind::Greeting).await?;
                match greeting_of(protocol, &line) {
                    Greeting::Welcome => Ok(line),
                    Greeting::Refusal => Err(Failure::Rejected {
                        endpoint: endpoint.clone(),
                        step: StepKind::Greeting,
                        reply: line,
                    }),
                    Greeting::Foreign => Err(unexpected_greeting(protocol, &endpoint, &line, &raw)),
                }
            })
            .await;
        self.facts.greeting = Some(result?);
        Ok(())
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

    /// Refuses to sign in on this unencrypted connection because the server hides its
    /// sign-in until TLS (`evidence`: what it advertised that says so), recorded as the
    /// sign-in step.
    pub fn sign_in_hidden_until_tls(&mut self, evidence: &str) -> Failure {
        let f = Failure::PlaintextAuthRefused {
            endpoint: self.endpoint(),
            evidence: evidence.into(),
        };
        self.fail(StepKind::Authenticate, f)
    }

    /// Records why no sign-in was tried when the choice of method (`signin.rs`) found none:
    /// nothing usable among `offered` (the server's mechanisms, as the report shows them), or
    /// credentials no offered form can carry.
    pub fn no_sign_in_choice(&mut self, no: NoChoice, offered: String) -> Failure {
        let endpoint = self.endpoint();
        let f = match no {
            NoChoice::NoMechanism => Failure::NoUsableMechanism { endpoint, offered },
            NoChoice::Unsendable(why) => Failure::Protocol {
                endpoint,
                step: StepKind::Authenticate,
                detail: why.into(),
            },
        };
        self.fail(StepKind::Authenticate, f)
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

/// Marks the reply of a step as the server's words when it refused.
pub(crate) fn rejected(ctx: &Ctx<'_>, step: StepKind, reply: &str) -> Failure {
    Failure::Rejected {
        endpoint: ctx.endpoint(),
        step,
        reply: ctx.transcript.redact(reply),
    }
}
