//! Live connection tests of IMAP (RFC 9051/3501), POP3 (RFC 1939, CAPA RFC 2449) and SMTP
//! submission (RFC 6409, RFC 5321, AUTH RFC 4954) servers.
//!
//! One probe runs, in order: resolve the host (all addresses) → connect (addresses raced,
//! RFC 8305) → TLS (implicit, RFC 8314) or greeting → STARTTLS/STLS (RFC 2595, RFC 3207) →
//! capabilities → one sign-in attempt → open the mailbox → sign out. Every step has a deadline
//! and is timed; the transcript records every line with the password removed; a failure stops
//! the probe and `diagnosis` explains it. Several probes run concurrently with `probe_all`;
//! dropping the future cancels all of them at once.
//!
//! After the probe has its answer, `doctor` checks the network without the password where
//! the answer calls for it (the other address family, the other standard port, a captive
//! portal), and its findings refine the diagnosis and add warnings. `reach` is the quick
//! look without a password (connect, TLS, greeting) that `verify` runs on many candidates;
//! `sasl` holds the OAuth 2.0 SASL wire forms the sign-ins send; `scram` is the SCRAM client
//! (RFC 5802 / 7677) that `scram_sign_in` runs first where a server offers it, bound to the
//! TLS connection with what `binding` reads from rustls (RFC 9266, RFC 5929). A password
//! SASLprep (RFC 4013) refuses is noted before connecting. Certificate facts (pins, the
//! DER reader, PEM files) are `crate::trust`'s.
//!
//! Rules kept here: certificates are verified (platform roots plus roots the caller passes);
//! a missing STARTTLS is a failure, never a fallback; a password is never sent unencrypted
//! unless `allow_plaintext` is set; exactly one sign-in attempt per probe.

mod bearer;
mod binding;
mod capabilities;
mod cert_failure;
mod certificate;
pub mod clock;
mod connect;
pub mod diagnosis;
mod doctor;
pub mod failure;
mod family;
#[doc(hidden)]
pub mod fuzzing;
mod imap;
pub mod intercept;
mod line;
pub mod mission;
mod options;
/// Pins are values of the account vocabulary; the verifier here checks them.
pub mod outcome;
mod pop3;
mod progress;
pub mod reach;
mod recognise;
mod record;
pub mod sasl;
pub mod scram;
mod scram_sign_in;
mod session;
mod signin;
mod smtp;
mod step;
mod stream;
pub mod test_message;
pub mod tls;
pub mod transcript;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use secrecy::{ExposeSecret, SecretString};

pub use diagnosis::{Cause, Diagnosis, ServerContext, diagnose, diagnose_at, explain};
pub use failure::Failure;
pub use family::{AttemptResult, Family, FamilyResult};
pub use mission::{Find, MessageFacts, Mission, TestMessage};
pub use options::{
    ConnectivityCheck, DEFAULT_CONNECTIVITY_BODY, DEFAULT_CONNECTIVITY_URL, ProbeOptions,
    SecretKind, Timeouts,
};
pub use outcome::{
    CertificateInfo, Outcome, ProbeReport, ServerFacts, Step, StepKind, StepStatus, TlsFacts,
    Warning, WarningCode,
};
pub use progress::{ProbeEvent, ProgressSink};
pub use stream::{AsyncStream, BoxStream};
pub use tls::{CertTrust, CertTrustError};
pub use transcript::{Direction, Redactor, TranscriptLine};

use crate::account::{Protocol, Security, ServerSettings, check_credentials};
use crate::net::ResolveError;
use session::Ctx;

/// Tests one server live and reports what happened. Never panics on anything a server sends.
pub async fn probe(
    settings: &ServerSettings,
    password: &SecretString,
    opts: &ProbeOptions,
) -> ProbeReport {
    probe_with(settings, password, opts, &Mission::Verify).await
}

/// Says before connecting when SASLprep (RFC 4013) refuses the password: SCRAM cannot carry
/// it then (`scram_sign_in`), PLAIN and LOGIN can.
fn saslprep_note(ctx: &Ctx<'_>, opts: &ProbeOptions) {
    if opts.secret_kind != SecretKind::Password {
        return;
    }
    if let Err(refusal) = scram::check_password(ctx.password.expose_secret()) {
        ctx.transcript.note(&format!(
            "before connecting: SASLprep (RFC 4013) refuses this password ({refusal}); SCRAM \
             cannot carry it, so a server that offers only SCRAM cannot be signed in to, and \
             PLAIN or LOGIN is used where the server offers them"
        ));
    }
}

/// `probe` with an errand after the sign-in instead of the plain verification (the round
/// trip's send / find-and-delete, see `mission`).
pub async fn probe_with(
    settings: &ServerSettings,
    password: &SecretString,
    opts: &ProbeOptions,
    mission: &Mission,
) -> ProbeReport {
    let mut ctx = Ctx::new(settings, password, opts, mission);
    if let Some(sink) = &opts.progress {
        ctx.transcript.stream_to(sink.clone(), settings.clone());
    }
    let mut families = doctor::Families::default();
    // A credential no protocol can carry is refused before any connection.
    let result = match check_credentials(&settings.username, password.expose_secret()) {
        Err(problem) => {
            let endpoint = ctx.endpoint();
            Err(ctx.fail(
                StepKind::Authenticate,
                Failure::UnsendableCredentials { endpoint, problem },
            ))
        }
        Ok(()) => {
            saslprep_note(&ctx, opts);
            run(&mut ctx, &mut families).await
        }
    };
    let (findings, warnings) = doctor::follow_up(&mut ctx, &mut families, &result).await;
    let mut report = finish(ctx, result);
    if let Outcome::Failed { diagnosis } = &mut report.outcome {
        diagnosis::network::refine(diagnosis, report.server.port, &findings);
    }
    report.warnings = warnings;
    report
}

/// Tests several servers at once; the reports come back in the order asked.
pub async fn probe_all(
    servers: &[ServerSettings],
    password: &SecretString,
    opts: &ProbeOptions,
) -> Vec<ProbeReport> {
    futures::future::join_all(servers.iter().map(|s| probe(s, password, opts))).await
}

fn finish(ctx: Ctx<'_>, result: Result<(), Failure>) -> ProbeReport {
    let outcome = match result {
        Ok(()) => Outcome::Verified,
        Err(failure) => {
            let step = ctx.failed_at.unwrap_or(StepKind::Connect);
            let server = diagnosis::ServerContext {
                host: &ctx.settings.host,
                greeting: ctx.facts.greeting.as_deref(),
            };
            let mut diagnosis =
                diagnosis::diagnose_at(ctx.settings.protocol, step, &failure, server);
            diagnosis.detail = ctx.transcript.redact(&diagnosis.detail);
            // The advice may quote the server (a SCRAM `e=` value, a certificate name).
            diagnosis.advice = ctx.transcript.redact(&diagnosis.advice);
            diagnosis.server_reply = diagnosis.server_reply.map(|r| ctx.transcript.redact(&r));
            Outcome::Failed { diagnosis }
        }
    };
    // What the server said about itself is its words too: redacted like the transcript
    // (a server that echoes the password must not get it into a report; found by fuzzing).
    let mut facts = ctx.facts;
    facts.oauth2 = matches!(ctx.opts.secret_kind, SecretKind::OAuth2 { .. });
    let transcript = &ctx.transcript;
    facts.greeting = facts.greeting.map(|g| transcript.redact(&g));
    for list in [&mut facts.capabilities, &mut facts.auth_mechanisms] {
        for item in list.iter_mut() {
            *item = transcript.redact(item);
        }
    }
    facts.alerts = ctx
        .transcript
        .lines()
        .iter()
        .filter(|l| l.direction == Direction::Received)
        .filter_map(|l| {
            let upper = l.text.to_ascii_uppercase();
            upper
                .find("[ALERT]")
                .map(|i| l.text[i + 7..].trim().to_string())
        })
        .collect();
    ProbeReport {
        server: ctx.settings.clone(),
        outcome,
        steps: ctx.steps,
        tls: ctx.tls,
        server_facts: facts,
        warnings: Vec::new(),
        transcript: ctx.transcript.lines(),
        total_ms: ctx.started.elapsed().as_millis() as u64,
    }
}

async fn run(ctx: &mut Ctx<'_>, families: &mut doctor::Families) -> Result<(), Failure> {
    let addrs = resolve(ctx).await?;
    families.addrs = addrs.clone();
    let stream = connect(ctx, &addrs, families).await?;
    let stream = if ctx.settings.security == Security::Tls {
        ctx.secure(StepKind::Tls, stream).await?
    } else {
        stream
    };
    session(ctx, stream).await
}

/// The protocol conversation. A panic in it — imap-proto 0.17 slices a reply's text after
/// `[CODE]` at byte 1, which panics when a server puts a non-ASCII character there (found by
/// fuzzing) — ends the probe with a protocol error instead of taking the program down.
async fn session(ctx: &mut Ctx<'_>, stream: BoxStream) -> Result<(), Failure> {
    use futures::FutureExt;
    let talk = async {
        match ctx.settings.protocol {
            Protocol::Imap => imap::run(ctx, stream).await,
            Protocol::Pop3 => pop3::run(ctx, stream).await,
            Protocol::Smtp => smtp::run(ctx, stream).await,
        }
    };
    match std::panic::AssertUnwindSafe(talk).catch_unwind().await {
        Ok(result) => result,
        Err(_) => {
            let step = match ctx.steps.last().map(|s| s.kind) {
                Some(StepKind::Authenticate) => StepKind::Mailbox,
                Some(StepKind::Mailbox) => StepKind::Logout,
                _ => StepKind::Authenticate,
            };
            let f = Failure::Protocol {
                endpoint: ctx.endpoint(),
                step,
                detail: "the server's reply made the protocol library fail".into(),
            };
            Err(ctx.fail(step, f))
        }
    }
}

async fn resolve(ctx: &mut Ctx<'_>) -> Result<Vec<IpAddr>, Failure> {
    let host = ctx
        .settings
        .host
        .trim_start_matches('[')
        .trim_end_matches(']');
    if let Ok(ip) = host.parse::<IpAddr>() {
        ctx.facts.addresses = vec![ip.to_string()];
        ctx.record(
            StepKind::Resolve,
            Instant::now(),
            Ok(format!("{ip} is an address, nothing to look up")),
        );
        return Ok(vec![ip]);
    }
    let resolver = ctx.opts.resolver.clone();
    let host = host.to_string();
    let addrs = ctx
        .step(
            StepKind::Resolve,
            ctx.opts.timeouts.resolve,
            async {
                resolver.lookup(&host).await.map_err(|e| match e {
                    ResolveError::NotFound { host } => Failure::DnsNotFound { host },
                    ResolveError::Failed { host, detail } => Failure::DnsFailed { host, detail },
                })
            },
            |a: &Vec<IpAddr>| {
                let list: Vec<String> = a.iter().map(|i| i.to_string()).collect();
                format!("{} → {}", host, list.join(", "))
            },
        )
        .await;
    // A resolver that runs out of time is a DNS problem, not a server one.
    let addrs = match addrs {
        Err(Failure::Timeout { after, .. }) => {
            return Err(Failure::DnsFailed {
                host: ctx.settings.host.clone(),
                detail: format!("no answer within {after:?}"),
            });
        }
        other => other?,
    };
    ctx.facts.addresses = addrs.iter().map(|a| a.to_string()).collect();
    Ok(addrs)
}

async fn connect(
    ctx: &mut Ctx<'_>,
    addrs: &[IpAddr],
    families: &mut doctor::Families,
) -> Result<BoxStream, Failure> {
    let port = ctx.settings.port;
    let limit = ctx.opts.timeouts.connect;
    let endpoint = ctx.endpoint();
    let attempts = &mut families.attempts;
    let won = ctx
        .step(
            StepKind::Connect,
            // The race enforces the deadline itself; this outer one is a backstop.
            limit + Duration::from_millis(100),
            async {
                connect::race(addrs, port, limit)
                    .await
                    .map_err(|lost| {
                        *attempts = lost.attempts;
                        lost.error
                    })
                    .map_err(|e| match e {
                        connect::ConnectError::Refused => Failure::ConnectionRefused { endpoint },
                        connect::ConnectError::Unreachable(e) => Failure::NetworkUnreachable {
                            endpoint,
                            detail: e.to_string(),
                        },
                        connect::ConnectError::TimedOut => Failure::ConnectTimeout {
                            endpoint,
                            after: limit,
                        },
                        connect::ConnectError::Other(e) => Failure::ConnectionFailed {
                            endpoint,
                            detail: e.to_string(),
                        },
                    })
            },
            |won: &connect::Won| format!("connected to {}", won.peer),
        )
        .await?;
    let (tcp, peer) = (won.stream, won.peer);
    families.attempts = won.attempts;
    families.after_win(peer.ip(), port, limit);
    ctx.peer = Some(peer);
    ctx.facts.connected_to = Some(peer.to_string());
    ctx.transcript.note(&format!("connected to {peer}"));
    Ok(Box::new(tcp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn progress_reports_each_step_as_it_starts_and_ends() {
        // A port with nothing behind it: resolve passes, connect is refused.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        let server = ServerSettings {
            protocol: Protocol::Imap,
            host: "127.0.0.1".into(),
            port,
            security: Security::Tls,
            username: "alice".into(),
        };
        let (sink, mut rx) = ProgressSink::channel();
        let mut opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).unwrap());
        opts.progress = Some(sink);
        let report = probe(&server, &SecretString::from("pw"), &opts).await;
        assert_eq!(
            report.diagnosis().map(|d| d.cause),
            Some(Cause::ConnectionRefused)
        );
        let mut seen = Vec::new();
        while let Ok(e) = rx.try_recv() {
            seen.push(match e {
                ProbeEvent::StepStarted { kind, .. } => format!("start {kind:?}"),
                ProbeEvent::StepFinished { step, .. } => {
                    format!("end {:?} {:?}", step.kind, step.status)
                }
                ProbeEvent::Line { .. } => continue,
            });
        }
        assert_eq!(
            seen,
            ["end Resolve Ok", "start Connect", "end Connect Failed"]
        );
    }

    #[tokio::test]
    async fn dropping_probe_all_closes_every_connection_at_once() {
        use tokio::io::AsyncReadExt;
        // Three servers that accept and then say nothing: every probe waits for a greeting.
        let mut servers = Vec::new();
        let (closed_tx, mut closed_rx) = tokio::sync::mpsc::unbounded_channel();
        for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let port = listener.local_addr().unwrap().port();
            let tx = closed_tx.clone();
            tokio::spawn(async move {
                let (mut sock, _) = listener.accept().await.unwrap();
                let mut buf = [0u8; 16];
                // Returns 0 (or an error) once the client side is dropped.
                let _ = sock.read(&mut buf).await;
                let _ = tx.send(protocol);
            });
            servers.push(ServerSettings {
                protocol,
                host: "127.0.0.1".into(),
                port,
                security: Security::StartTls,
                username: "alice".into(),
            });
        }
        let opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).unwrap());
        let password = SecretString::from("pw");
        let run = probe_all(&servers, &password, &opts);
        // Cancel well before the 1.5 s silence check and the 10 s greeting deadline.
        let cancelled = tokio::time::timeout(Duration::from_millis(300), run).await;
        assert!(cancelled.is_err(), "the probes should still be waiting");
        let started = Instant::now();
        let mut closed = Vec::new();
        while closed.len() < 3 {
            let p = tokio::time::timeout(Duration::from_secs(2), closed_rx.recv())
                .await
                .expect("every server sees its connection closed")
                .unwrap();
            closed.push(p);
        }
        assert!(started.elapsed() < Duration::from_millis(500));
    }
}
