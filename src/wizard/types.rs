//! The words the wizard speaks with the outside: `Event`s in (from the person and from the
//! runtime), `Effect`s out (work for the runtime), and the plain data both carry.
//!
//! Nothing here knows egui or tokio. Work that runs in the background is named by a `TaskId`;
//! every answer from the runtime carries the id of the task it belongs to, so answers of a task
//! that was cancelled or replaced are recognised and dropped.

use std::fmt;
use std::path::PathBuf;

use secrecy::SecretString;

use std::collections::BTreeSet;

use crate::account::{EmailAddress, Protocol, Security, ServerSettings};
use crate::discover::{Candidate, SourceError, SourceId, SourceTrust, Vouch};
use crate::probe::{ProbeReport, Step};
use crate::store::{SavedServer, SettingsSource};
use crate::verify::VerifyReport;

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
    pub fn label(self) -> String {
        match self {
            Role::Incoming => t!("role-incoming"),
            Role::Outgoing => t!("role-outgoing"),
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
    /// Could not be asked (network, garbage …): why, by type (`SourceError::words` for
    /// people, `Display` for the report); `None` when it gave no answer in time.
    Failed(Option<SourceError>),
    /// Stopped early: the answers were complete without it.
    NotNeeded,
}

/// One discovery source's line on the lookup page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatus {
    /// Which source, so updates replace the right line.
    pub key: SourceId,
    /// Words for people ("Mozilla's ISPDB").
    pub label: String,
    pub state: SourceState,
    /// Milliseconds from the start of discovery to this answer.
    pub ms: Option<u64>,
}

/// A server discovery found, with where it came from: the engine's candidate itself, so
/// its sources, trust and vouch travel typed from discovery through the wizard to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// Settings, the sources that named it (best first), trust and vouch.
    pub candidate: Candidate,
    /// For a host nothing vouches for: the question that names it and says how it was found
    /// ("Mail for example.com is handled by imap.other.net — found in …").
    pub question: Option<String>,
}

impl Offer {
    /// The offer of a candidate found for an address in `domain`.
    pub fn new(candidate: Candidate, domain: &str) -> Self {
        Self {
            question: candidate.consent_question(domain),
            candidate,
        }
    }

    /// The settings it names.
    pub fn settings(&self) -> ServerSettings {
        self.candidate.settings()
    }

    /// False when only untrusted sources (plain-HTTP autoconfig) named it: then it is never
    /// tested without the person confirming it on the manual page.
    pub fn trusted(&self) -> bool {
        self.candidate.trust != SourceTrust::Insecure
    }

    /// Whether the host may receive the password without the person confirming it, and why.
    pub fn vouch(&self) -> &Vouch {
        &self.candidate.vouch
    }

    /// Where it came from, in words ("built-in provider table, Mozilla's ISPDB").
    pub fn source_words(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        for o in &self.candidate.origins {
            let label = o.source.label();
            if !words.contains(&label) {
                words.push(label);
            }
        }
        words.join(", ")
    }

    /// Whether the settings were learned over plain HTTP (and may have been changed on the way).
    pub fn learned_over_http(&self) -> bool {
        matches!(
            self.candidate.vouch,
            Vouch::Unvouched {
                channel: crate::discover::Channel::PlainHttp,
                ..
            }
        ) || !self.trusted()
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
    /// The incoming server that verified, with the sign-in mechanism it took.
    pub incoming: SavedServer,
    /// The outgoing server that verified, with the sign-in mechanism it took.
    pub outgoing: SavedServer,
    /// Where the incoming settings came from, as the store records it.
    pub source: SettingsSource,
    /// The person allowed an unencrypted connection for this account.
    pub allow_plaintext: bool,
    /// A certificate authority file the person chose to trust for these servers; the store
    /// keeps a copy with the account.
    pub ca_file: Option<PathBuf>,
    /// Server keys trusted by their fingerprint that these servers verified with.
    pub pinned_keys: Vec<crate::trust::pin::EndpointPin>,
    pub keychain: KeychainChoice,
    /// Signed in through the provider (OAuth 2.0): the secret saved is the refresh token.
    pub oauth2: Option<crate::store::OAuth2Login>,
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
    /// The server wants OAuth 2.0: back to the account page, signing in with the provider.
    SignInWithProvider,
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
    /// "Browse…" beside the certificate authority file: ask with the system's dialog.
    BrowseExtraCa,
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
        result: Result<Box<OAuthGrant>, OAuthProblem>,
    },

    /// The technician view, the report and the live transcript (`report.rs`).
    Technician(super::report::TechnicianEvent),
    /// "Send a test message to myself" and the round trip's answers (`roundtrip.rs`).
    RoundTrip(super::roundtrip::RoundTripEvent),
    /// The Done page's hand-off to other devices and apps (`done_page.rs`).
    HandOff(super::hand_off::HandOffEvent),
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
            Event::RoundTrip(super::roundtrip::RoundTripEvent::Done { task, report }) => {
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
        password: SecretString,
        /// The person explicitly allowed an unencrypted connection.
        allow_plaintext: bool,
        /// A certificate authority file the person chose to trust for this server.
        extra_ca: Option<PathBuf>,
        /// Server keys the person trusted for this server's host and port.
        pins: Vec<crate::trust::pin::EndpointPin>,
        /// `password` is an OAuth 2.0 access token (SASL OAUTHBEARER / XOAUTH2).
        oauth: bool,
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
        password: SecretString,
        /// `password` is an OAuth 2.0 access token.
        oauth: bool,
    },
    /// Find out whether an account is saved for this address; answer with one
    /// `SavedAccountFound`.
    FindSaved { email: EmailAddress },
    /// Save the account; answer with `Saved` or `SaveFailed`.
    Save {
        task: TaskId,
        request: Box<SaveRequest>,
        password: SecretString,
    },
    /// Send a test message from `address` to itself through the verified `smtp` server,
    /// find it through the verified `incoming` one and delete it (`roundtrip::round_trip`);
    /// answer with `RoundTripEvent::Sent` and one `RoundTripEvent::Done`.
    RoundTrip {
        task: TaskId,
        address: EmailAddress,
        smtp: ServerSettings,
        incoming: ServerSettings,
        password: SecretString,
        /// The person allowed an unencrypted connection to one of the servers.
        allow_plaintext: bool,
        /// A certificate authority file the person chose to trust for these servers.
        extra_ca: Option<PathBuf>,
        /// Server keys the person trusted for these servers.
        pins: Vec<crate::trust::pin::EndpointPin>,
        /// `password` is an OAuth 2.0 access token.
        oauth: bool,
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
    /// Technician work for the window: copy or save the report, remember the view switch.
    Technician(super::report::TechnicianEffect),
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
            Effect::Technician(t) => write!(f, "Technician({t:?})"),
            Effect::HandOff(h) => write!(f, "HandOff({h:?})"),
        }
    }
}

/// Tokens from a browser sign-in: the access token tests the servers, the refresh token is
/// what a save keeps in the keychain.
pub struct OAuthGrant {
    pub access: SecretString,
    pub refresh: Option<SecretString>,
    pub login: crate::store::OAuth2Login,
}

impl fmt::Debug for OAuthGrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OAuthGrant({}, tokens: [REDACTED])", self.login.issuer)
    }
}

/// What the person needs to sign in on another device (RFC 8628 §3.2): the page, the code
/// to type there (meant to be shown; the device code itself never leaves the engine), and
/// when the code stops working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCode {
    pub user_code: String,
    pub verification_uri: String,
    /// The page with the code already in it, when the provider offers one.
    pub verification_uri_complete: Option<String>,
    pub expires_at: std::time::Instant,
}

/// Why a browser sign-in gave no tokens: the engine's code (`OAuthError::code`), its words
/// and its advice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthProblem {
    pub code: String,
    pub summary: String,
    pub advice: String,
}
