//! The words the wizard speaks with the outside: `Event`s in (from the person and from the
//! runtime), `Effect`s out (work for the runtime), and the plain data both carry.
//!
//! Nothing here knows egui or tokio. Work that runs in the background is named by a `TaskId`;
//! every answer from the runtime carries the id of the task it belongs to, so answers of a task
//! that was cancelled or replaced are recognised and dropped.

use std::fmt;
use std::path::PathBuf;

use secrecy::SecretString;

use crate::account::{EmailAddress, Protocol, Security, ServerSettings};
use crate::discover::Vouch;
use crate::probe::{ProbeReport, Step};

/// Names one piece of background work (a discovery run, one server test, one save).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub u64);

/// Which of the two servers of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Receiving mail (IMAP or POP3).
    Incoming,
    /// Sending mail (SMTP submission).
    Outgoing,
}

impl Role {
    pub const BOTH: [Role; 2] = [Role::Incoming, Role::Outgoing];

    /// Words for a heading.
    pub fn label(self) -> &'static str {
        match self {
            Role::Incoming => "Incoming mail",
            Role::Outgoing => "Outgoing mail",
        }
    }
}

/// How a discovery source is doing, as shown on the lookup page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceState {
    /// Asked, no answer yet.
    Waiting,
    /// Answered with this many server settings.
    Found(usize),
    /// Answered: it knows nothing about this domain.
    Nothing,
    /// Could not be asked (timeout, network, garbage); the reason in plain words.
    Failed(String),
    /// Stopped early: the answers were complete without it.
    NotNeeded,
}

/// One discovery source's line on the lookup page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatus {
    /// Stable key (e.g. "ispdb"), so updates replace the right line.
    pub key: String,
    /// Words for people ("Mozilla's ISPDB").
    pub label: String,
    pub state: SourceState,
    /// Milliseconds from the start of discovery to this answer.
    pub ms: Option<u64>,
}

/// A server setting discovery found, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub settings: ServerSettings,
    /// The sources that named it, in words ("built-in provider table", "Mozilla's ISPDB").
    pub sources: Vec<String>,
    /// The same sources by stable key ("provider", "ispdb"), in the same order.
    pub source_keys: Vec<String>,
    /// False when only untrusted sources (plain-HTTP autoconfig) named it: then it is never
    /// tested without the person confirming it on the manual page.
    pub trusted: bool,
    /// Whether the host may receive the password without the person confirming it, and why.
    pub vouch: Vouch,
    /// For a host nothing vouches for: the question that names it and says how it was found
    /// ("Mail for example.com is handled by imap.other.net — found in …").
    pub question: Option<String>,
}

impl Offer {
    /// Whether the settings were learned over plain HTTP (and may have been changed on the way).
    pub fn learned_over_http(&self) -> bool {
        matches!(
            self.vouch,
            Vouch::Unvouched {
                channel: crate::discover::Channel::PlainHttp,
                ..
            }
        ) || !self.trusted
    }
}

/// A host that will receive the password if the tests start now, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub role: Role,
    /// ASCII, lower case.
    pub host: String,
    /// Where the setting came from, in words ("built-in provider table", "entered by you").
    pub from: String,
    /// For a host nothing vouches for: the question to confirm (names the host and how it
    /// was found). `None` when it is vouched for or typed by the person.
    pub question: Option<String>,
    /// Whether the person confirmed this host in this run.
    pub confirmed: bool,
}

impl Recipient {
    /// Whether the password may go there now.
    pub fn cleared(&self) -> bool {
        self.question.is_none() || self.confirmed
    }
}

/// What a person should know about the provider before typing a password.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProviderNote {
    /// Stable id of the provider (e.g. "spectrum", "gmail").
    pub id: String,
    /// Its name ("Spectrum (Charter)").
    pub name: String,
    /// One sentence on how to sign in.
    pub login_advice: String,
    /// The normal password will not work: an app password is needed.
    pub needs_app_password: bool,
    /// Password sign-in is switched off at this provider.
    pub oauth_only: bool,
    /// Where an app password is made.
    pub app_password_url: Option<String>,
    /// What to switch on in the provider's web settings first.
    pub enable_first: Option<String>,
    /// Other facts worth knowing.
    pub notes: Vec<String>,
}

/// The result of a discovery run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Discovery {
    /// Incoming servers (IMAP and POP3), best first.
    pub incoming: Vec<Offer>,
    /// Outgoing servers (SMTP), best first.
    pub outgoing: Vec<Offer>,
    pub note: Option<ProviderNote>,
    /// Places where sources disagree, in words (for the curious; the probe decides).
    pub disagreements: Vec<String>,
}

/// Which keychain the password goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeychainChoice {
    /// The operating system's usual keychain (Secret Service on Linux).
    Default,
    /// The Linux kernel keyring (keyutils); only when the person chose it.
    Keyutils,
}

/// Everything the store needs to save a verified account, except the password.
#[derive(Debug, Clone)]
pub struct SaveRequest {
    pub display_name: Option<String>,
    pub email: EmailAddress,
    pub incoming: ServerSettings,
    pub outgoing: ServerSettings,
    /// Where the settings came from, in words ("Mozilla's ISPDB", "entered by hand").
    pub source: String,
    /// The first source's stable key (discovery's source code, or "manual").
    pub source_key: String,
    /// The reports of the servers that verified: incoming first, then outgoing.
    pub reports: Vec<ProbeReport>,
    /// The person allowed an unencrypted connection for this account.
    pub allow_plaintext: bool,
    pub keychain: KeychainChoice,
}

/// What was saved, for the Done page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub account_id: String,
    /// The account file.
    pub config_path: PathBuf,
    /// The keychain's name for people ("GNOME Keyring (Secret Service)").
    pub keychain_label: String,
}

/// Why saving failed, already classified by the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    /// No usable keychain. Nothing was written anywhere.
    KeychainUnavailable {
        /// The precise reason ("no Secret Service is running on the session bus").
        reason: String,
        /// What the person can do about it.
        advice: String,
        /// The Linux kernel keyring could be used instead (if the person agrees).
        keyutils_possible: bool,
    },
    /// The account file could not be written; the keychain entry was removed again.
    File { reason: String },
}

/// A way forward the testing page offers after a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextAction {
    /// Go back to the password field.
    FixPassword,
    /// Open the provider's app password page, then type the app password.
    CreateAppPassword { url: Option<String> },
    /// Test this server again with the other security mode (and its usual port).
    TrySecurity {
        role: Role,
        security: Security,
        port: u16,
    },
    /// Test the next server discovery found for this role.
    TryAlternative { role: Role, index: usize },
    /// Open the manual settings.
    EditSettings,
    /// Test again (only what failed).
    Retry,
}

/// A field of the manual settings page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManualField {
    Host(Role, String),
    Port(Role, String),
    Security(Role, Security),
    Username(Role, String),
    /// The incoming protocol (IMAP or POP3).
    IncomingProtocol(Protocol),
    /// "I understand the password can be read on the network" for an unencrypted server.
    AcceptPlaintext(bool),
    /// A certificate authority file to trust in addition to the system's.
    ExtraCaFile(String),
    /// "I trust this certificate authority" for the file above.
    AcceptExtraCa(bool),
}

/// Something that happened: the person did something, or background work reported.
pub enum Event {
    // --- the person -------------------------------------------------------------------
    NameEdited(String),
    EmailEdited(String),
    PasswordEdited(SecretString),
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
    /// Trust the key the server of this role presented (its certificate was untrusted) for
    /// exactly its host and port, and test it again.
    TrustServerKey {
        role: Role,
    },
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

    // --- the runtime ------------------------------------------------------------------
    /// The provider note for a domain (or none) — quick, from the built-in table.
    NoteFound {
        domain: String,
        note: Option<ProviderNote>,
    },
    /// A discovery source changed state.
    SourceUpdate {
        task: TaskId,
        status: SourceStatus,
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
    /// One step of a server test finished (when the engine reports steps live).
    ProbeStep {
        task: TaskId,
        step: Step,
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
}

impl fmt::Debug for Event {
    /// Never shows the password (SecretString prints `[REDACTED]` anyway; this keeps
    /// the output short).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::PasswordEdited(_) => f.write_str("PasswordEdited([REDACTED])"),
            Event::NameEdited(s) => write!(f, "NameEdited({s:?})"),
            Event::EmailEdited(s) => write!(f, "EmailEdited({s:?})"),
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
            Event::UseKeyutils => f.write_str("UseKeyutils"),
            Event::AddAnother => f.write_str("AddAnother"),
            Event::Close => f.write_str("Close"),
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
            Event::DiscoveryFailed { task, reason } => {
                write!(f, "DiscoveryFailed({task:?}, {reason})")
            }
            Event::ProbeStep { task, step } => write!(f, "ProbeStep({task:?}, {:?})", step.kind),
            Event::ProbeDone { task, report } => write!(
                f,
                "ProbeDone({task:?}, {}, verified: {})",
                report.server,
                report.is_verified()
            ),
            Event::Saved { task, saved } => write!(f, "Saved({task:?}, {saved:?})"),
            Event::SaveFailed { task, problem } => write!(f, "SaveFailed({task:?}, {problem:?})"),
            Event::SaveCancelled { task } => write!(f, "SaveCancelled({task:?})"),
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
        password: SecretString,
        /// The person explicitly allowed an unencrypted connection.
        allow_plaintext: bool,
        /// A certificate authority file the person chose to trust for this server.
        extra_ca: Option<PathBuf>,
        /// Server keys the person trusted for this server's host and port.
        pins: Vec<crate::probe::pin::EndpointPin>,
    },
    /// Save the account; answer with `Saved` or `SaveFailed`.
    Save {
        task: TaskId,
        request: Box<SaveRequest>,
        password: SecretString,
    },
    /// Stop this work now; its answers will be ignored.
    Cancel { task: TaskId },
    /// Open a web page in the browser (app password pages).
    OpenUrl(String),
    /// The password was handed to the engine: the window clears the password field's
    /// widget state (egui keeps undo copies of typed text).
    ForgetPasswordWidget,
    /// Close the window.
    Close,
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
            Effect::Save { task, request, .. } => {
                write!(f, "Save({task:?}, {request:?}, password: [REDACTED])")
            }
            Effect::Cancel { task } => write!(f, "Cancel({task:?})"),
            Effect::OpenUrl(u) => write!(f, "OpenUrl({u})"),
            Effect::ForgetPasswordWidget => f.write_str("ForgetPasswordWidget"),
            Effect::Close => f.write_str("Close"),
        }
    }
}
