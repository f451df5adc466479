//! The words the wizard speaks with the outside: `Event`s in (from the person and from the
//! runtime), `Effect`s out (work for the runtime), and the plain data both carry.
//!
//! Nothing here knows egui or tokio. Work that runs in the background is named by a `TaskId`;
//! every answer from the runtime carries the id of the task it belongs to, so answers of a task
//! that was cancelled or replaced are recognised and dropped.

use std::path::PathBuf;

use crate::account::{EmailAddress, Protocol, Security, ServerSettings};
use crate::discover::{Candidate, JmapNotice, SourceError, SourceId, SourceTrust, Vouch};
use crate::store::{SavedServer, SettingsSource};

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

/// One discovery source's line on the lookup page (the engine's own word for where a source
/// stands is `discover::SourceStatus`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// Which source, so updates replace the right line.
    pub key: SourceId,
    /// Words for people ("Mozilla's ISPDB").
    pub label: String,
    pub state: SourceState,
    /// Milliseconds from the start of discovery to this answer.
    pub ms: Option<u64>,
    /// What else the source said, in words (Autodiscover: "this domain offers Exchange …").
    pub remark: Option<String>,
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
    /// The provider also offers JMAP (shown on the protocol page; never signed in to).
    pub jmap: Option<JmapNotice>,
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

/// A verification run started before the person pressed Next on the protocol page
/// (`early.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EarlyCheck {
    pub task: TaskId,
    /// The incoming and outgoing servers it tests first.
    pub plan: (ServerSettings, ServerSettings),
}
