//! The wizard's events and effects, in one place: what happened (`Event`: the person, the
//! window, the runtime's answers), what the wizard asks for in return (`Effect`), and the
//! technician's and the round trip's own events and effects.

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;

use secrecy::SecretString;

use crate::account::{EmailAddress, Protocol, ServerSettings};
use crate::discover::Candidate;
use crate::flow::{OAuthSecret, Secret};
use crate::probe::{ProbeReport, Step, TranscriptLine};
use crate::report::Header;
use crate::roundtrip::RoundTripReport;
use crate::verify::VerifyReport;

use super::hand_off::HandOffEvent;
use super::types::*;

/// What the technician asks of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportAction {
    /// Put the Markdown report on the clipboard.
    Copy,
    /// Write the Markdown report to a file the person picks.
    Save,
}

/// Technician events: from the person, the window and the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TechnicianEvent {
    /// "Technician view" switched on or off (or restored at start).
    View(bool),
    /// "Copy report" / "Save report…", with the header made by the window at that moment.
    Report {
        action: ReportAction,
        header: Box<Header>,
    },
    /// The person chose where "Save report…" writes `text` (the report the wizard made).
    WriteTo { path: PathBuf, text: String },
    /// The report was written to this file, or could not be (the reason in words).
    Saved(Result<PathBuf, String>),
    /// One transcript line of a running test (already redacted by the engine).
    Line {
        task: TaskId,
        server: ServerSettings,
        line: TranscriptLine,
    },
}

/// Technician work for the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TechnicianEffect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Ask where to save, then write `text` there.
    Save { text: String, file_name: String },
    /// Remember the "Technician view" switch for the next start.
    RememberView(bool),
}

/// One live transcript line with the server it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveLine {
    pub server: ServerSettings,
    pub line: TranscriptLine,
}

/// The round trip's answers and the person's switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundTripEvent {
    /// "Send a test message to myself", ticked or unticked.
    Want(bool),
    /// The outgoing server accepted the test message.
    Sent { task: TaskId },
    /// The round trip ended.
    Done {
        task: TaskId,
        report: Box<RoundTripReport>,
    },
}

/// Something that happened: the person did something, or background work reported.
pub enum Event {
    // --- the person -------------------------------------------------------------------
    NameEdited(String),
    EmailEdited(String),
    PasswordEdited(SecretString),
    /// Text pasted into the password field had a line break inside; it was not pasted.
    PasswordPasteRefused,
    ShowPassword(bool),
    /// Take the "did you mean …?" suggestion.
    AcceptSuggestion,
    /// "I read mail on one device only."
    OneDevice(bool),
    /// "I often need my mail without an internet connection."
    Offline(bool),
    ChooseProtocol(Protocol),
    /// "Send my password to this host" (a host nothing vouches for), ticked or unticked.
    ConfirmHost {
        host: String,
        confirmed: bool,
    },
    Manual(ManualField),
    /// Next / Enter.
    Next,
    /// Back / Esc.
    Back,
    /// Cancel (stops running work).
    Cancel,
    /// "Set up manually".
    SetUpManually,
    /// Take a way forward offered after a failure.
    Action(NextAction),
    /// SourceTrust the key the server of this role presented (its certificate was untrusted) for
    /// exactly its host and port, and test it again.
    TrustServerKey {
        role: Role,
    },
    /// "Replace the saved account for …": save over the account already saved for the
    /// address.
    ConfirmReplace,
    /// On a keychain failure: save again the same way.
    RetrySave,
    /// On a keychain failure: use the Linux kernel keyring instead.
    UseKeyutils,
    /// Done page: start over for another account.
    AddAnother,
    /// Open a link shown on a page (e.g. the provider's app password page).
    OpenUrl(String),
    /// Close the window.
    Close,
    /// The certificate authority file the environment gave the window (`MAILSETUP_CA_FILE`),
    /// told once at start: the manual page shows it as the one in effect.
    EnvironmentCa(Option<PathBuf>),

    // --- the runtime ------------------------------------------------------------------
    /// The provider note for a domain (or none) — quick, from the built-in table.
    NoteFound {
        domain: String,
        note: Option<ProviderNote>,
    },
    /// A discovery source changed state.
    SourceUpdate {
        task: TaskId,
        status: SourceRow,
    },
    /// While discovery runs: the candidates of the sources that answered so far, merged and
    /// ranked (the window may start testing the best vouched ones early, `early.rs`).
    Leading {
        task: TaskId,
        discovery: Discovery,
    },
    /// Discovery finished.
    Discovered {
        task: TaskId,
        discovery: Discovery,
    },
    /// Discovery could not run at all (e.g. no network stack); the reason in words.
    DiscoveryFailed {
        task: TaskId,
        reason: String,
    },
    /// One step of a server test finished (when the engine reports steps live); `server`
    /// is the server tested (a verification run moves on to the next candidate by itself).
    ProbeStep {
        task: TaskId,
        server: ServerSettings,
        step: Step,
    },
    /// A verification run over the discovered candidates finished: per role, each
    /// candidate's quick check, the probes, and the server that verified.
    Verified {
        task: TaskId,
        report: Box<VerifyReport>,
    },
    /// A server test finished.
    ProbeDone {
        task: TaskId,
        report: Box<ProbeReport>,
    },
    /// A server test could not start (e.g. the chosen certificate file is unreadable).
    ProbeNotStarted {
        task: TaskId,
        reason: String,
    },
    Saved {
        task: TaskId,
        saved: Saved,
    },
    SaveFailed {
        task: TaskId,
        problem: SaveProblem,
    },
    /// The save stopped after a cancel; nothing was kept.
    SaveCancelled {
        task: TaskId,
    },
    /// Whether an account is saved for this address already (its id), so saving asks first.
    SavedAccountFound {
        email: EmailAddress,
        id: Option<String>,
    },

    /// "Sign in with <provider>" on the account page.
    SignInWithProvider,
    /// Whether sign-in through the provider's page is known for a domain, and the
    /// provider's name for the button.
    OAuthAvailable {
        domain: String,
        provider: Option<String>,
    },
    /// "Use a code on another device instead" (and "Get a new code"): the device
    /// authorization grant (RFC 8628).
    SignInWithCode,
    /// The provider gave the code to enter and where (the device flow's first answer).
    DeviceCodeShown {
        task: TaskId,
        code: DeviceCode,
    },
    /// The sign-in (browser or code) ended: the tokens, or why not.
    SignedIn {
        task: TaskId,
        result: Result<Box<OAuthSecret>, OAuthProblem>,
    },

    /// The technician view, the report and the live transcript (`report.rs`).
    Technician(TechnicianEvent),
    /// "Send a test message to myself" and the round trip's answers (`roundtrip.rs`).
    RoundTrip(RoundTripEvent),
    /// The Done page's hand-off to other devices and apps (`done_page.rs`).
    HandOff(HandOffEvent),
}

impl fmt::Debug for Event {
    /// Never shows the password (SecretString prints `[REDACTED]` anyway; this keeps
    /// the output short).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::PasswordEdited(_) => f.write_str("PasswordEdited([REDACTED])"),
            Event::NameEdited(s) => write!(f, "NameEdited({s:?})"),
            Event::EmailEdited(s) => write!(f, "EmailEdited({s:?})"),
            Event::PasswordPasteRefused => f.write_str("PasswordPasteRefused"),
            Event::ShowPassword(b) => write!(f, "ShowPassword({b})"),
            Event::AcceptSuggestion => f.write_str("AcceptSuggestion"),
            Event::OneDevice(b) => write!(f, "OneDevice({b})"),
            Event::Offline(b) => write!(f, "Offline({b})"),
            Event::ChooseProtocol(p) => write!(f, "ChooseProtocol({p})"),
            Event::ConfirmHost { host, confirmed } => write!(f, "ConfirmHost({host}, {confirmed})"),
            Event::Manual(m) => write!(f, "Manual({m:?})"),
            Event::Next => f.write_str("Next"),
            Event::Back => f.write_str("Back"),
            Event::Cancel => f.write_str("Cancel"),
            Event::SetUpManually => f.write_str("SetUpManually"),
            Event::Action(a) => write!(f, "Action({a:?})"),
            Event::TrustServerKey { role } => write!(f, "TrustServerKey({role:?})"),
            Event::RetrySave => f.write_str("RetrySave"),
            Event::ConfirmReplace => f.write_str("ConfirmReplace"),
            Event::SavedAccountFound { email, id } => {
                write!(f, "SavedAccountFound({email}, {id:?})")
            }
            Event::UseKeyutils => f.write_str("UseKeyutils"),
            Event::AddAnother => f.write_str("AddAnother"),
            Event::Close => f.write_str("Close"),
            Event::EnvironmentCa(p) => write!(f, "EnvironmentCa({p:?})"),
            Event::OpenUrl(u) => write!(f, "OpenUrl({u})"),
            Event::ProbeNotStarted { task, reason } => {
                write!(f, "ProbeNotStarted({task:?}, {reason})")
            }
            Event::NoteFound { domain, note } => {
                write!(f, "NoteFound({domain}, {:?})", note.as_ref().map(|n| &n.id))
            }
            Event::SourceUpdate { task, status } => write!(f, "SourceUpdate({task:?}, {status:?})"),
            Event::Discovered { task, discovery } => write!(
                f,
                "Discovered({task:?}, {} incoming, {} outgoing)",
                discovery.incoming.len(),
                discovery.outgoing.len()
            ),
            Event::Leading { task, discovery } => write!(
                f,
                "Leading({task:?}, {} incoming, {} outgoing)",
                discovery.incoming.len(),
                discovery.outgoing.len()
            ),
            Event::DiscoveryFailed { task, reason } => {
                write!(f, "DiscoveryFailed({task:?}, {reason})")
            }
            Event::ProbeStep { task, server, step } => {
                write!(f, "ProbeStep({task:?}, {server}, {:?})", step.kind)
            }
            Event::Verified { task, report } => {
                write!(f, "Verified({task:?}, verified: {})", report.is_verified())
            }
            Event::ProbeDone { task, report } => write!(
                f,
                "ProbeDone({task:?}, {}, verified: {})",
                report.server,
                report.is_verified()
            ),
            Event::Saved { task, saved } => write!(f, "Saved({task:?}, {saved:?})"),
            Event::SaveFailed { task, problem } => write!(f, "SaveFailed({task:?}, {problem:?})"),
            Event::SaveCancelled { task } => write!(f, "SaveCancelled({task:?})"),
            Event::SignInWithProvider => f.write_str("SignInWithProvider"),
            Event::SignInWithCode => f.write_str("SignInWithCode"),
            Event::DeviceCodeShown { task, code } => {
                write!(f, "DeviceCodeShown({task:?}, {code:?})")
            }
            Event::OAuthAvailable { domain, provider } => {
                write!(f, "OAuthAvailable({domain}, {provider:?})")
            }
            Event::SignedIn { task, result } => match result {
                Ok(_) => write!(f, "SignedIn({task:?}, tokens: [REDACTED])"),
                Err(p) => write!(f, "SignedIn({task:?}, {p:?})"),
            },
            Event::Technician(e) => write!(f, "Technician({e:?})"),
            Event::RoundTrip(RoundTripEvent::Done { task, report }) => {
                write!(f, "RoundTripDone({task:?}, arrived: {})", report.arrived())
            }
            Event::RoundTrip(e) => write!(f, "RoundTrip({e:?})"),
            // Never the code's modules: `QrCode`'s Debug shows its size only.
            Event::HandOff(e) => write!(f, "HandOff({e:?})"),
        }
    }
}

/// Work for the runtime (or, for the last few, for the window).
pub enum Effect {
    /// Look up the provider note for a domain (built-in table; fast).
    LookUpNote { domain: String },
    /// Run discovery for an address; answer with `SourceUpdate`s and one `Discovered`.
    Discover { task: TaskId, email: EmailAddress },
    /// Test one server; answer with `ProbeStep`s (if available) and one `ProbeDone`.
    Probe {
        task: TaskId,
        role: Role,
        server: ServerSettings,
        /// The password, or the provider sign-in's access token.
        secret: Secret,
        /// The person explicitly allowed an unencrypted connection.
        allow_plaintext: bool,
        /// A certificate authority file the person chose to trust for this server.
        extra_ca: Option<PathBuf>,
        /// Server keys the person trusted for this server's host and port.
        pins: Vec<crate::trust::pin::EndpointPin>,
    },
    /// Verify the discovered candidates (`verify::verify_candidates`): quick checks on the
    /// best few per role, then one sign-in on the best reachable, falling back by itself to
    /// the next one when a server fails before the password was sent. Only vouched hosts
    /// and the `confirmed` ones take part. Answer with `ProbeStep`s and one `Verified`.
    Verify {
        task: TaskId,
        /// The address's domain (for the consent rule).
        domain: String,
        /// Every candidate discovery found, best first.
        candidates: Vec<Candidate>,
        /// IMAP or POP3.
        incoming: Protocol,
        /// Hosts the person confirmed in this run (ASCII, lower case).
        confirmed: BTreeSet<String>,
        secret: Secret,
    },
    /// Find out whether an account is saved for this address; answer with one
    /// `SavedAccountFound`.
    FindSaved { email: EmailAddress },
    /// Save the account; answer with `Saved` or `SaveFailed`.
    Save {
        task: TaskId,
        request: Box<SaveRequest>,
        /// What signs in; the save keeps the password or the refresh token (`Secret::to_keep`).
        secret: Secret,
    },
    /// Send a test message from `address` to itself through the verified `smtp` server,
    /// find it through the verified `incoming` one and delete it (`roundtrip::round_trip`);
    /// answer with `RoundTripEvent::Sent` and one `RoundTripEvent::Done`.
    RoundTrip {
        task: TaskId,
        address: EmailAddress,
        smtp: ServerSettings,
        incoming: ServerSettings,
        secret: Secret,
        /// The person allowed an unencrypted connection to one of the servers.
        allow_plaintext: bool,
        /// A certificate authority file the person chose to trust for these servers.
        extra_ca: Option<PathBuf>,
        /// Server keys the person trusted for these servers.
        pins: Vec<crate::trust::pin::EndpointPin>,
    },
    /// Sign in through the provider's page in the browser (PKCE, loopback redirect:
    /// `oauth::session`); answer with one `SignedIn`.
    OAuthSignIn { task: TaskId, email: EmailAddress },
    /// Sign in with a code on another device (RFC 8628, `oauth::session::sign_in_with_code`):
    /// answer with one `DeviceCodeShown`, then one `SignedIn`.
    OAuthDeviceSignIn { task: TaskId, email: EmailAddress },
    /// Stop this work now; its answers will be ignored.
    Cancel { task: TaskId },
    /// Open a web page in the browser (app password pages).
    OpenUrl(String),
    /// The password was handed to the engine: the window clears the password field's
    /// widget state (egui keeps undo copies of typed text).
    ForgetPasswordWidget,
    /// Close the window.
    Close,
    /// Ask for a certificate authority file with the system's dialog; the window answers
    /// with `Event::Manual(ManualField::ExtraCaFile(path))`.
    PickCaFile,
    /// Write the technician's report to the file the person chose; answer with one
    /// `TechnicianEvent::Saved`. (The window asks where; the runtime writes.)
    WriteReport { path: PathBuf, text: String },
    /// Technician work for the window: copy or save the report, remember the view switch.
    Technician(TechnicianEffect),
    /// Hand-off work: the runtime exports, the window asks where to save (`done_page.rs`).
    HandOff(super::hand_off::HandOffEffect),
}

impl fmt::Debug for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Effect::LookUpNote { domain } => write!(f, "LookUpNote({domain})"),
            Effect::Discover { task, email } => write!(f, "Discover({task:?}, {email})"),
            Effect::Probe {
                task,
                role,
                server,
                allow_plaintext,
                extra_ca,
                ..
            } => write!(
                f,
                "Probe({task:?}, {role:?}, {server}, allow_plaintext: {allow_plaintext}, extra_ca: {extra_ca:?}, password: [REDACTED])"
            ),
            Effect::Verify {
                task,
                domain,
                candidates,
                incoming,
                confirmed,
                ..
            } => write!(
                f,
                "Verify({task:?}, {domain}, {} candidates, {incoming}, confirmed: {confirmed:?}, password: [REDACTED])",
                candidates.len()
            ),
            Effect::Save { task, request, .. } => {
                write!(f, "Save({task:?}, {request:?}, password: [REDACTED])")
            }
            Effect::RoundTrip {
                task,
                address,
                smtp,
                incoming,
                ..
            } => write!(
                f,
                "RoundTrip({task:?}, {address}, {smtp}, {incoming}, password: [REDACTED])"
            ),
            Effect::OAuthSignIn { task, email } => write!(f, "OAuthSignIn({task:?}, {email})"),
            Effect::OAuthDeviceSignIn { task, email } => {
                write!(f, "OAuthDeviceSignIn({task:?}, {email})")
            }
            Effect::Cancel { task } => write!(f, "Cancel({task:?})"),
            Effect::FindSaved { email } => write!(f, "FindSaved({email})"),
            Effect::OpenUrl(u) => write!(f, "OpenUrl({u})"),
            Effect::ForgetPasswordWidget => f.write_str("ForgetPasswordWidget"),
            Effect::Close => f.write_str("Close"),
            Effect::PickCaFile => f.write_str("PickCaFile"),
            Effect::WriteReport { path, text } => {
                write!(f, "WriteReport({}, {} bytes)", path.display(), text.len())
            }
            Effect::Technician(t) => write!(f, "Technician({t:?})"),
            Effect::HandOff(h) => write!(f, "HandOff({h:?})"),
        }
    }
}
