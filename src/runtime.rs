//! Runs the wizard's `Effect`s on a tokio runtime and sends the resulting `Event`s back over a
//! channel, calling a repaint callback after each one so the window wakes up.
//!
//! The runtime decides nothing: it executes. A `Verify` runs the engine's `verify` over the
//! discovered candidates, exactly as `mailsetup diagnose` does; a `RoundTrip` runs
//! `roundtrip::round_trip`, as `mailsetup diagnose --round-trip` does. Each task is spawned with its `TaskId`; `Cancel`
//! aborts the task at once (a running probe is dropped mid-conversation, which closes its
//! sockets), except a save, which is told to stop (`store::Cancel`) so that it can take back
//! what it wrote and answer `SaveCancelled` (or `Saved`, when the cancel came too late). Effects that belong to the window (`Close`, `OpenUrl`, `ForgetPasswordWidget`, `PickCaFile`)
//! are handed back by `execute` for the window to act on.

mod config;
mod discovery;
mod handoff;
mod oauth;
mod sender;
mod store;

pub use config::{ConfigError, RuntimeConfig};
pub(crate) use sender::EventSender;
pub use sender::Repaint;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use tokio::task::AbortHandle;

use crate::account::ServerSettings;
use crate::discover::Candidate;
use crate::flow::Secret;
use crate::probe::{self, CertTrust, CertTrustError, ProbeOptions, StepKind, StepStatus};
use crate::roundtrip::{self};
use crate::trust;
use crate::verify::{self, VerifyOptions};
use crate::wizard::{Effect, Event, RoundTripEvent, SaveRequest, TaskId, TechnicianEvent};

/// The runtime. Dropping it aborts everything still running.
pub struct Runtime {
    rt: tokio::runtime::Runtime,
    config: Arc<RuntimeConfig>,
    tx: Sender<Event>,
    repaint: Repaint,
    tasks: HashMap<TaskId, AbortHandle>,
    saves: HashMap<TaskId, crate::store::Cancel>,
    /// `<oAuth2>` blocks discovery found, per domain (`runtime::oauth`).
    oauth_found: oauth::Found,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Runtime({} tasks)", self.tasks.len())
    }
}

impl Runtime {
    /// Starts a runtime with two worker threads. Events arrive on the returned receiver.
    pub fn new(
        config: RuntimeConfig,
        repaint: Repaint,
    ) -> std::io::Result<(Self, Receiver<Event>)> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("mailsetup-worker")
            .enable_all()
            .build()?;
        let (tx, rx) = channel();
        Ok((
            Self {
                rt,
                config: Arc::new(config),
                tx,
                repaint,
                tasks: HashMap::new(),
                saves: HashMap::new(),
                oauth_found: oauth::Found::default(),
            },
            rx,
        ))
    }

    /// How many tasks are still running.
    pub fn running(&mut self) -> usize {
        self.tasks.retain(|_, h| !h.is_finished());
        self.tasks.len()
    }

    /// Executes one effect. Returns it back if it is the window's to act on.
    pub fn execute(&mut self, effect: Effect) -> Option<Effect> {
        self.tasks.retain(|_, h| !h.is_finished());
        self.saves.retain(|t, _| self.tasks.contains_key(t));
        match effect {
            Effect::Cancel { task } => {
                // A save is asked to stop (again, if Cancel is pressed twice), never aborted:
                // it must answer, and take back what it wrote.
                if let Some(cancel) = self.saves.get(&task) {
                    cancel.cancel();
                } else if let Some(h) = self.tasks.remove(&task) {
                    h.abort();
                }
                None
            }
            Effect::LookUpNote { domain } => {
                let sender = self.sender();
                let config = self.config.clone();
                let found = self.oauth_found.clone();
                found.typed(&domain);
                self.rt.spawn(async move {
                    let note = discovery::note_for(&domain);
                    let provider = crate::account::EmailAddress::parse(&format!("x@{domain}"))
                        .ok()
                        .and_then(|e| config.oauth.provider_name(&e, None));
                    sender.send(Event::NoteFound {
                        domain: domain.clone(),
                        note,
                    });
                    sender.send(Event::OAuthAvailable {
                        domain: domain.clone(),
                        provider,
                    });
                    if let Some(notes) = oauth::look_up(&domain, &config, &found, &sender).await {
                        sender.send(Event::NoteFound {
                            domain: domain.clone(),
                            note: Some(discovery::note(notes)),
                        });
                    }
                });
                None
            }
            Effect::OAuthSignIn { task, email } => {
                let sender = self.sender();
                let config = self.config.clone();
                let discovered = self.oauth_found.get(&email);
                let h = self.rt.spawn(async move {
                    let result = oauth::sign_in(&email, discovered.as_ref(), &config).await;
                    sender.send(Event::SignedIn { task, result });
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            Effect::OAuthDeviceSignIn { task, email } => {
                let sender = self.sender();
                let config = self.config.clone();
                let discovered = self.oauth_found.get(&email);
                let h = self.rt.spawn(async move {
                    let result = oauth::sign_in_with_code(
                        task,
                        &email,
                        discovered.as_ref(),
                        &config,
                        &sender,
                    )
                    .await;
                    sender.send(Event::SignedIn { task, result });
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            Effect::Discover { task, email } => {
                let sender = self.sender();
                let config = self.config.clone();
                let found = self.oauth_found.clone();
                let h = self.rt.spawn(async move {
                    discovery::discover(task, email, &config, &sender, &found).await;
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            Effect::Probe {
                task,
                server,
                secret,
                allow_plaintext,
                extra_ca,
                pins,
                ..
            } => {
                let sender = self.sender();
                let config = self.config.clone();
                let h = self.rt.spawn(async move {
                    let allowed = Allowed {
                        plaintext: allow_plaintext,
                        extra_ca,
                        pins,
                    };
                    run_probe(task, server, secret, allowed, &config, &sender).await;
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            Effect::Verify {
                task,
                domain,
                candidates,
                incoming,
                confirmed,
                secret,
            } => {
                let sender = self.sender();
                let mut opts = VerifyOptions::new(self.config.probe.clone());
                opts.probe.secret_kind = secret.kind();
                opts.probe.time_evidence = verify::time_evidence(&self.config.discovery);
                opts.incoming = incoming;
                opts.confirmed = confirmed;
                let h = self.rt.spawn(async move {
                    run_verify(task, &domain, &candidates, secret, opts, &sender).await;
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            Effect::RoundTrip {
                task,
                address,
                smtp,
                incoming,
                secret,
                allow_plaintext,
                extra_ca,
                pins,
            } => {
                let sender = self.sender();
                let config = self.config.clone();
                let h = self.rt.spawn(async move {
                    let servers = (address, smtp, incoming);
                    let allowed = Allowed {
                        plaintext: allow_plaintext,
                        extra_ca,
                        pins,
                    };
                    run_round_trip(task, servers, secret, allowed, &config, &sender).await;
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            Effect::FindSaved { email } => {
                let sender = self.sender();
                let config = self.config.clone();
                self.rt.spawn(async move {
                    // An unreadable file answers "none": the save itself will say what is wrong.
                    let id = match crate::store::resolve_config_dir(config.config_dir.as_deref()) {
                        Ok(dir) => crate::store::list(&dir)
                            .await
                            .ok()
                            .and_then(|all| all.into_iter().find(|a| a.is_for(&email)))
                            .map(|a| a.id.as_str().to_string()),
                        Err(_) => None,
                    };
                    sender.send(Event::SavedAccountFound { email, id });
                });
                None
            }
            Effect::Save {
                task,
                request,
                secret,
            } => {
                let sender = self.sender();
                let config = self.config.clone();
                let cancel = crate::store::Cancel::new();
                self.saves.insert(task, cancel.clone());
                let h = self.rt.spawn(async move {
                    save(task, *request, secret, &config, &sender, cancel).await;
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            // "Save profile…" and "Save autoconfig…": the window asks where first.
            other @ Effect::HandOff(crate::wizard::HandOffEffect::AskPath { .. }) => Some(other),
            Effect::HandOff(effect) => {
                let sender = self.sender();
                let config = self.config.clone();
                self.rt
                    .spawn(async move { handoff::run(effect, &config, &sender).await });
                None
            }
            Effect::WriteReport { path, text } => {
                let sender = self.sender();
                self.rt.spawn(async move {
                    let written = path.clone();
                    let result = tokio::task::spawn_blocking(move || {
                        crate::flow::export::write_file(&written, text.as_bytes(), false)
                    })
                    .await;
                    let result = match result {
                        Ok(Ok(())) => Ok(path),
                        Ok(Err(crate::flow::export::HandOffError::Write { path, detail })) => {
                            Err(format!("{}: {detail}", path.display()))
                        }
                        Ok(Err(e)) => Err(e.words()),
                        Err(e) => Err(e.to_string()),
                    };
                    sender.send(Event::Technician(TechnicianEvent::Saved(result)));
                });
                None
            }
            other @ (Effect::OpenUrl(_)
            | Effect::PickCaFile
            | Effect::ForgetPasswordWidget
            | Effect::Close
            | Effect::Technician(_)) => Some(other),
        }
    }

    fn sender(&self) -> EventSender {
        EventSender {
            tx: self.tx.clone(),
            repaint: self.repaint.clone(),
        }
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        for (_, h) in self.tasks.drain() {
            h.abort();
        }
    }
}

/// What the person allowed for a server: an unencrypted connection, a certificate authority
/// file, keys trusted by their fingerprint.
struct Allowed {
    plaintext: bool,
    extra_ca: Option<PathBuf>,
    pins: Vec<trust::pin::EndpointPin>,
}

/// The probe options for servers with what the person allowed and how `secret` signs in; the
/// reason in words when the chosen certificate file cannot be read.
fn options_for(
    Allowed {
        plaintext,
        extra_ca,
        pins,
    }: Allowed,
    secret: &Secret,
    config: &RuntimeConfig,
) -> Result<ProbeOptions, String> {
    let mut opts = config.probe.clone();
    opts.allow_plaintext = plaintext;
    opts.secret_kind = secret.kind();
    if let Some(path) = extra_ca {
        opts.trust = trust::pem::read_certificates(&path)
            .map_err(CertTrustError::from)
            .and_then(|mut roots| {
                roots.extend(config.extra_roots.iter().cloned());
                CertTrust::with_extra_roots(roots)
            })
            // The commands to repeat a test by hand name the file (`-CAfile`, `--cacert`).
            .map(|trust| trust.naming_ca_file(Some(&path)))
            .map_err(|e| e.to_string())?;
    } else if let Some(path) = &config.ca_file {
        // The environment's file (`MAILSETUP_CA_FILE`), whose roots `config.probe` trusts
        // already: named in the commands too, as the command line's `--ca-file` is.
        opts.trust = opts.trust.naming_ca_file(Some(path));
    }
    // Keys the person trusted for this host and port ("Trust this server's key").
    opts.trust = opts.trust.with_pins(trust::pin::Pins::from_list(&pins));
    opts.time_evidence = verify::time_evidence(&config.discovery);
    Ok(opts)
}

async fn run_probe(
    task: TaskId,
    server: ServerSettings,
    secret: Secret,
    allowed: Allowed,
    config: &RuntimeConfig,
    sender: &EventSender,
) {
    let mut opts = match options_for(allowed, &secret, config) {
        Ok(opts) => opts,
        Err(reason) => {
            sender.send(Event::ProbeNotStarted { task, reason });
            return;
        }
    };
    let (sink, progress) = probe::ProgressSink::channel();
    opts.progress = Some(sink);
    let report = with_steps(
        task,
        progress,
        sender,
        probe::probe(&server, secret.for_servers(), &opts),
    )
    .await;
    sender.send(Event::ProbeDone {
        task,
        report: Box::new(report),
    });
}

/// Sends a test message to the account itself and waits for it (`roundtrip::round_trip`,
/// the deadline from the configuration); tells the window when the message was sent.
async fn run_round_trip(
    task: TaskId,
    (address, smtp, incoming): (crate::account::EmailAddress, ServerSettings, ServerSettings),
    secret: Secret,
    allowed: Allowed,
    config: &RuntimeConfig,
    sender: &EventSender,
) {
    // The servers verified with these very options moments ago; a file that became
    // unreadable since falls back to the configured trust, and the probe says what failed.
    let mut opts = options_for(allowed, &secret, config).unwrap_or_else(|_| config.probe.clone());
    let (sink, mut progress) = probe::ProgressSink::channel();
    opts.progress = Some(sink);
    let running = roundtrip::round_trip(
        &address,
        &smtp,
        &incoming,
        secret.for_servers(),
        &opts,
        &config.round_trip,
    );
    tokio::pin!(running);
    let mut told = false;
    let report = loop {
        tokio::select! {
            biased;
            Some(event) = progress.recv() => {
                if let probe::ProbeEvent::StepFinished { step, .. } = event
                    && step.kind == StepKind::SendMessage
                    && step.status == StepStatus::Ok
                    && !told
                {
                    told = true;
                    sender.send(Event::RoundTrip(RoundTripEvent::Sent { task }));
                }
            }
            report = &mut running => break report,
        }
    };
    sender.send(Event::RoundTrip(RoundTripEvent::Done {
        task,
        report: Box::new(report),
    }));
}

/// Chooses the servers among the discovered candidates (`verify`), the same engine call
/// `mailsetup diagnose` makes; every probe's steps reach the checklist as they happen.
async fn run_verify(
    task: TaskId,
    domain: &str,
    candidates: &[Candidate],
    secret: Secret,
    mut opts: VerifyOptions,
    sender: &EventSender,
) {
    let (sink, progress) = probe::ProgressSink::channel();
    opts.probe.progress = Some(sink);
    let running = verify::verify_candidates(domain, candidates, secret.for_servers(), &opts);
    let report = with_steps(task, progress, sender, running).await;
    sender.send(Event::Verified {
        task,
        report: Box::new(report),
    });
}

/// Runs `work`, sending each finished probe step to the window as it happens (and the last
/// ones before the answer).
async fn with_steps<T>(
    task: TaskId,
    mut progress: tokio::sync::mpsc::UnboundedReceiver<probe::ProbeEvent>,
    sender: &EventSender,
    work: impl std::future::Future<Output = T>,
) -> T {
    let forward = |event: probe::ProbeEvent| match event {
        probe::ProbeEvent::StepFinished { server, step } => {
            sender.send(Event::ProbeStep { task, server, step });
        }
        probe::ProbeEvent::Line { server, line } => {
            sender.send(crate::wizard::report::line_event(task, server, line));
        }
        probe::ProbeEvent::StepStarted { .. } => {}
    };
    tokio::pin!(work);
    let out = loop {
        tokio::select! {
            biased;
            Some(event) = progress.recv() => forward(event),
            out = &mut work => break out,
        }
    };
    while let Ok(event) = progress.try_recv() {
        forward(event);
    }
    out
}

async fn save(
    task: TaskId,
    request: SaveRequest,
    secret: Secret,
    config: &RuntimeConfig,
    sender: &EventSender,
    cancel: crate::store::Cancel,
) {
    let event = match store::save(request, &secret, config, cancel).await {
        store::Ended::Saved(saved) => Event::Saved { task, saved },
        store::Ended::Failed(problem) => Event::SaveFailed { task, problem },
        store::Ended::Cancelled => Event::SaveCancelled { task },
    };
    sender.send(event);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{Protocol, Security};
    use crate::wizard::Role;

    #[test]
    fn probe_steps_reach_the_window_as_they_finish_before_the_report() {
        // Nothing listens on this port: resolve passes, connect is refused.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        let config = RuntimeConfig::new(Vec::new()).unwrap();
        let (mut rt, rx) = Runtime::new(config, Arc::new(|| {})).unwrap();
        let task = TaskId(7);
        rt.execute(Effect::Probe {
            task,
            role: Role::Incoming,
            server: ServerSettings {
                protocol: Protocol::Imap,
                host: "127.0.0.1".into(),
                port,
                security: Security::Tls,
                username: "alice".into(),
            },
            secret: Secret::Password(secrecy::SecretString::from("pw")),
            allow_plaintext: false,
            extra_ca: None,
            pins: Vec::new(),
        });
        let mut seen = Vec::new();
        loop {
            match rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap() {
                Event::ProbeStep { task: t, step, .. } => {
                    assert_eq!(t, task);
                    seen.push(format!("{:?} {:?}", step.kind, step.status));
                }
                Event::ProbeDone { task: t, report } => {
                    assert_eq!(t, task);
                    assert_eq!(report.steps.len(), seen.len());
                    break;
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(seen, ["Resolve Ok", "Connect Failed"]);
    }
}
