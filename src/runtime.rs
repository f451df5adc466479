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

mod discovery;
mod handoff;
mod oauth;
mod store;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use rustls_pki_types::CertificateDer;
use secrecy::SecretString;
use tokio::task::AbortHandle;

use crate::account::ServerSettings;
use crate::cli::flags::DiscoveryFlags;
use crate::discover::{Candidate, DiscoveryOptions};
use crate::probe::{self, CertTrust, CertTrustError, ProbeOptions, StepKind, StepStatus};
use crate::roundtrip::{self, RoundTripOptions};
use crate::trust;
use crate::verify::{self, VerifyOptions};
use crate::wizard::{Effect, Event, RoundTripEvent, SaveRequest, TaskId};

/// Wakes the window up (e.g. `egui::Context::request_repaint`).
pub type Repaint = Arc<dyn Fn() + Send + Sync>;

/// Everything the runtime needs to reach the world; tests point it at loopback.
#[derive(Debug, Clone)]
pub struct RuntimeConfig {
    /// Deadlines, resolver and trust for server tests (`allow_plaintext` is set per test).
    pub probe: ProbeOptions,
    /// Certificate authorities trusted on top of the platform's (tests: the test CA). Kept
    /// so a CA file the person picks can be added to them.
    pub extra_roots: Vec<CertificateDer<'static>>,
    /// Where the account file lives (`None`: the per-user default).
    pub config_dir: Option<PathBuf>,
    /// The certificate authority file the environment gave (`MAILSETUP_CA_FILE`): its roots
    /// are in `extra_roots`; an account saved with it keeps a copy, so `accounts check`
    /// trusts it with no flags (unless the person chose another one on the manual page).
    pub ca_file: Option<PathBuf>,
    /// Where discovery asks (DNS server, ISPDB, extra roots, host overrides, deadlines).
    pub discovery: DiscoveryOptions,
    /// How long "Send a test message to myself" waits for the message, and how often it
    /// looks (the command line's defaults).
    pub round_trip: RoundTripOptions,
    /// Where "Sign in with <provider>" signs in instead of the provider table's issuer
    /// (`MAILSETUP_OAUTH_ISSUER`, `MAILSETUP_OAUTH_SCOPES`; the client id as the command
    /// line reads it: `MAILSETUP_OAUTH_CLIENT_ID[_<PROVIDER>]`, `oauth.json`, the table).
    pub oauth: crate::oauth::session::Overrides,
}

/// Why a runtime configuration could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Trust(#[from] CertTrustError),
    /// A `MAILSETUP_*` variable that is not what its flag takes.
    #[error(transparent)]
    Env(#[from] clap::Error),
    #[error("{0}")]
    Discovery(String),
}

impl RuntimeConfig {
    /// The platform's trust and resolver, default deadlines.
    pub fn new(extra_roots: Vec<CertificateDer<'static>>) -> Result<Self, ConfigError> {
        let trust = CertTrust::with_extra_roots(extra_roots.clone())?;
        let discovery = DiscoveryOptions {
            extra_roots: extra_roots.clone(),
            ..DiscoveryOptions::default()
        };
        let mut probe = ProbeOptions::new(trust);
        probe.connectivity = Some(probe::ConnectivityCheck::public_default());
        Ok(Self {
            probe,
            extra_roots,
            config_dir: None,
            ca_file: None,
            discovery,
            round_trip: RoundTripOptions::default(),
            oauth: crate::oauth::session::Overrides::default(),
        })
    }

    /// Uses these discovery options; the probe then resolves names the same way discovery
    /// does (overrides, then the configured name server).
    pub fn set_discovery(&mut self, opts: DiscoveryOptions) {
        self.probe.resolver = opts.host_resolver();
        self.discovery = opts;
    }

    /// Reads the settings a technician or a test may give through the environment, the
    /// same ones the command line takes as flags and parsed by the same code
    /// (`cli::flags::DiscoveryFlags`): `MAILSETUP_CA_FILE` (PEM roots to trust as well),
    /// `MAILSETUP_RESOLVE` (`host=addr,host=addr:port`), `MAILSETUP_DNS` (a name server,
    /// `addr:port`), `MAILSETUP_ISPDB_URL`, `MAILSETUP_HTTP_PORT` (the port for autoconfig
    /// requests); `MAILSETUP_CONFIG_DIR` (the account file's directory); and
    /// `MAILSETUP_OAUTH_ISSUER` / `MAILSETUP_OAUTH_SCOPES` (`oauth::session::Overrides`).
    pub fn from_env() -> Result<Self, ConfigError> {
        let flags = DiscoveryFlags::from_env()?;
        let discovery = flags.options().map_err(ConfigError::Discovery)?;
        let mut config = Self::new(discovery.extra_roots.clone())?;
        config.set_discovery(discovery);
        config.ca_file = flags.ca_file;
        config.config_dir = std::env::var_os("MAILSETUP_CONFIG_DIR").map(PathBuf::from);
        config.oauth = crate::oauth::session::Overrides::from_env();
        Ok(config)
    }
}

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
                    oauth::look_up(&domain, &config, &found, &sender).await;
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
                password,
                allow_plaintext,
                extra_ca,
                pins,
                oauth,
                ..
            } => {
                let sender = self.sender();
                let config = self.config.clone();
                let h = self.rt.spawn(async move {
                    run_probe(
                        task,
                        server,
                        password,
                        (allow_plaintext, extra_ca, pins, oauth),
                        &config,
                        &sender,
                    )
                    .await;
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
                password,
                oauth,
            } => {
                let sender = self.sender();
                let mut opts = VerifyOptions::new(self.config.probe.clone());
                opts.probe.secret_kind = secret_kind(oauth);
                opts.probe.time_evidence = verify::time_evidence(&self.config.discovery);
                opts.incoming = incoming;
                opts.confirmed = confirmed;
                let h = self.rt.spawn(async move {
                    run_verify(task, &domain, &candidates, password, opts, &sender).await;
                });
                self.tasks.insert(task, h.abort_handle());
                None
            }
            Effect::RoundTrip {
                task,
                address,
                smtp,
                incoming,
                password,
                allow_plaintext,
                extra_ca,
                pins,
                oauth,
            } => {
                let sender = self.sender();
                let config = self.config.clone();
                let h = self.rt.spawn(async move {
                    let servers = (address, smtp, incoming);
                    let trust = (allow_plaintext, extra_ca, pins, oauth);
                    run_round_trip(task, servers, password, trust, &config, &sender).await;
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
                password,
            } => {
                let sender = self.sender();
                let config = self.config.clone();
                let cancel = crate::store::Cancel::new();
                self.saves.insert(task, cancel.clone());
                let h = self.rt.spawn(async move {
                    save(task, *request, password, &config, &sender, cancel).await;
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

/// Sends an event and wakes the window.
#[derive(Clone)]
pub(crate) struct EventSender {
    tx: Sender<Event>,
    repaint: Repaint,
}

impl EventSender {
    pub(crate) fn send(&self, event: Event) {
        // The window may be gone already; then nobody is waiting.
        if self.tx.send(event).is_ok() {
            (self.repaint)();
        }
    }
}

/// What the person allowed for a server: an unencrypted connection, a certificate authority
/// file, keys trusted by their fingerprint; and whether the secret is an OAuth access token.
type Allowed = (bool, Option<PathBuf>, Vec<trust::pin::EndpointPin>, bool);

/// How the secret signs in: a password, or an OAuth 2.0 access token (the mechanism the
/// server offers, OAUTHBEARER first).
fn secret_kind(oauth: bool) -> probe::SecretKind {
    if oauth {
        probe::SecretKind::OAuth2 { mechanism: None }
    } else {
        probe::SecretKind::Password
    }
}

/// The probe options for servers with what the person allowed; the reason in words when the
/// chosen certificate file cannot be read.
fn options_for(
    (allow_plaintext, extra_ca, pins, oauth): Allowed,
    config: &RuntimeConfig,
) -> Result<ProbeOptions, String> {
    let mut opts = config.probe.clone();
    opts.allow_plaintext = allow_plaintext;
    opts.secret_kind = secret_kind(oauth);
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
    password: SecretString,
    allowed: Allowed,
    config: &RuntimeConfig,
    sender: &EventSender,
) {
    let mut opts = match options_for(allowed, config) {
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
        probe::probe(&server, &password, &opts),
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
    password: SecretString,
    allowed: Allowed,
    config: &RuntimeConfig,
    sender: &EventSender,
) {
    // The servers verified with these very options moments ago; a file that became
    // unreadable since falls back to the configured trust, and the probe says what failed.
    let mut opts = options_for(allowed, config).unwrap_or_else(|_| config.probe.clone());
    let (sink, mut progress) = probe::ProgressSink::channel();
    opts.progress = Some(sink);
    let running = roundtrip::round_trip(
        &address,
        &smtp,
        &incoming,
        &password,
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
    password: SecretString,
    mut opts: VerifyOptions,
    sender: &EventSender,
) {
    let (sink, progress) = probe::ProgressSink::channel();
    opts.probe.progress = Some(sink);
    let running = verify::verify_candidates(domain, candidates, &password, &opts);
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
    password: SecretString,
    config: &RuntimeConfig,
    sender: &EventSender,
    cancel: crate::store::Cancel,
) {
    let event = match store::save(request, password, config, cancel).await {
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
            password: SecretString::from("pw"),
            allow_plaintext: false,
            extra_ca: None,
            pins: Vec::new(),
            oauth: false,
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
