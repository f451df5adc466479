//! What the wizard holds: its pages, the state of each part (lookup, tests, consents, round
//! trip, browser sign-in, save, technician view) and the `Wizard` itself with its read-only
//! views. What changes it, page by page, is in the `*_page.rs` files and their helpers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use secrecy::SecretString;

use crate::account::{EmailAddress, Protocol};
use crate::flow::OAuthSecret;
use crate::roundtrip::RoundTripReport;

use super::HandOff;
use super::checklist::{ServerTest, TestState};
use super::events::LiveLine;
use super::guidance::{self, ProtocolGuide};
use super::manual::ManualForm;
use super::types::*;

/// The pages of the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Account,
    Lookup,
    Protocol,
    Testing,
    Manual,
    Done,
}

impl Page {
    /// The page's heading.
    pub fn title(self) -> String {
        match self {
            Page::Account => t!("page-account"),
            Page::Lookup => t!("page-lookup"),
            Page::Protocol => t!("page-protocol"),
            Page::Testing => t!("page-testing"),
            Page::Manual => t!("page-manual"),
            Page::Done => t!("page-done"),
        }
    }
}

/// Where the discovery run stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LookupState {
    #[default]
    Idle,
    Running(TaskId),
    /// Finished with what was found.
    Finished(Discovery),
    /// Finished without enough to go on (no incoming or no outgoing server).
    NothingFound(Discovery),
    /// Could not run.
    Failed(String),
}

/// Where saving stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    #[default]
    NotStarted,
    Saving(TaskId, KeychainChoice),
    Saved(Saved),
    Failed(SaveProblem, KeychainChoice),
}

/// The wizard. Read its state through the accessors; change it only through `handle`.
#[derive(Debug)]
pub struct Wizard {
    pub(super) page: Page,
    /// Pages to return to with Back.
    pub(super) history: Vec<Page>,
    pub(super) next_task: u64,

    // Your account
    pub(super) name: String,
    pub(super) email_text: String,
    pub(super) password: SecretString,
    pub(super) show_password: bool,
    pub(super) show_errors: bool,
    /// A paste with a line break inside was refused (until the password is edited).
    pub(super) paste_refused: bool,
    /// Counts refused Nexts (the window then moves the cursor to the first problem).
    pub(super) problem_focus: u64,
    /// The domain whose note was asked for, and the answer once it came.
    pub(super) note_asked: Option<String>,
    pub(super) note: Option<(String, Option<ProviderNote>)>,
    /// Set when a test failed because of the password: shown at the password field, and
    /// Next goes straight back to testing.
    pub(super) password_problem: Option<String>,
    /// The domain whose OAuth sign-in was asked about, and the provider's name if known.
    pub(super) oauth_for: Option<(String, Option<String>)>,
    /// The browser sign-in ("Sign in with <provider>").
    pub(super) oauth: OAuthState,

    // Looking up
    pub(super) sources: Vec<SourceRow>,
    pub(super) lookup: LookupState,
    /// The address the current discovery result belongs to.
    pub(super) discovered_for: Option<EmailAddress>,

    // Protocol
    pub(super) one_device: bool,
    pub(super) offline: bool,
    pub(super) chosen: Option<Protocol>,

    // Testing
    pub(super) tests: BTreeMap<Role, ServerTest>,
    /// A verification run started while discovery ran or the protocol page showed
    /// (`early.rs`), until Next adopts it.
    pub(super) early: Option<EarlyCheck>,
    /// Said once an early run was switched to servers a better-ranked source named.
    pub(super) early_note: Option<String>,
    /// Confirmed hosts, plaintext and certificate authority consents of this run.
    pub(super) consents: Consents,
    /// The address the tests ran for.
    pub(super) tested_email: Option<EmailAddress>,
    /// "Send a test message to myself" and its result.
    pub(super) round_trip: RoundTripCheck,
    /// The address asked about and the id of the account saved for it, if any.
    pub(super) saved_for: Option<(EmailAddress, Option<String>)>,
    /// Save was pressed while an account is saved for the address: the question is shown.
    pub(super) replace_asked: bool,
    /// Save was pressed before the runtime said whether the address has a saved account: the
    /// answer decides between saving and asking first.
    pub(super) save_after_lookup: bool,

    // Manual
    pub(super) manual: Option<ManualForm>,
    /// The address the manual form was filled for.
    pub(super) manual_for: Option<EmailAddress>,
    /// The certificate authority file the environment gave the window.
    pub(super) environment_ca: Option<std::path::PathBuf>,

    // Done
    pub(super) save: SaveState,
    /// "Use this account on other devices and apps" (`hand_off.rs`, `done_page.rs`).
    pub(super) handoff: HandOff,

    // Technician view, live transcript, report
    pub(super) technician: Technician,
}

impl Default for Wizard {
    fn default() -> Self {
        Self::new()
    }
}

impl Wizard {
    pub fn new() -> Self {
        Self {
            page: Page::Account,
            history: Vec::new(),
            next_task: 1,
            name: String::new(),
            email_text: String::new(),
            password: SecretString::from(String::new()),
            show_password: false,
            show_errors: false,
            paste_refused: false,
            problem_focus: 0,
            note_asked: None,
            note: None,
            password_problem: None,
            oauth_for: None,
            oauth: OAuthState::Idle,
            sources: Vec::new(),
            lookup: LookupState::Idle,
            discovered_for: None,
            one_device: false,
            offline: false,
            chosen: None,
            tests: BTreeMap::new(),
            early: None,
            early_note: None,
            consents: Consents::default(),
            tested_email: None,
            round_trip: RoundTripCheck::default(),
            saved_for: None,
            replace_asked: false,
            save_after_lookup: false,
            manual: None,
            manual_for: None,
            environment_ca: None,
            save: SaveState::NotStarted,
            handoff: HandOff::default(),
            technician: Technician::default(),
        }
    }

    // --- reading ---------------------------------------------------------------------

    pub fn page(&self) -> Page {
        self.page
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn email_text(&self) -> &str {
        &self.email_text
    }
    /// The password, for the password field only.
    pub fn password(&self) -> &SecretString {
        &self.password
    }
    pub fn show_password(&self) -> bool {
        self.show_password
    }
    pub fn show_errors(&self) -> bool {
        self.show_errors
    }
    pub fn password_problem(&self) -> Option<String> {
        self.password_unsendable()
            .or_else(|| self.password_problem.clone())
    }
    pub fn sources(&self) -> &[SourceRow] {
        &self.sources
    }
    pub fn lookup(&self) -> &LookupState {
        &self.lookup
    }
    pub fn one_device(&self) -> bool {
        self.one_device
    }
    pub fn offline(&self) -> bool {
        self.offline
    }
    pub fn tests(&self) -> impl Iterator<Item = &ServerTest> {
        self.tests.values()
    }
    pub fn test(&self, role: Role) -> Option<&ServerTest> {
        self.tests.get(&role)
    }
    /// Where the settings under test came from, in words ("built-in provider table",
    /// "entered by hand"); empty before any test.
    pub fn source_words(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        for t in self.tests.values() {
            let labels: Vec<String> = match &t.found {
                Some(c) => c.origins.iter().map(|o| o.source.label()).collect(),
                None => vec![t!("source-manual")],
            };
            for label in labels {
                if !words.contains(&label) {
                    words.push(label);
                }
            }
        }
        words.join(", ")
    }
    pub fn manual(&self) -> Option<&ManualForm> {
        self.manual.as_ref()
    }
    pub fn save_state(&self) -> &SaveState {
        &self.save
    }
    /// Whether Back leads anywhere from here.
    pub fn can_go_back(&self) -> bool {
        !matches!(self.page, Page::Account | Page::Done)
    }

    /// The discovery result the protocol and testing pages work from.
    pub fn discovery(&self) -> Option<&Discovery> {
        match &self.lookup {
            LookupState::Finished(d) | LookupState::NothingFound(d) => Some(d),
            _ => None,
        }
    }

    /// The provider note for the domain currently typed, once known.
    pub fn note(&self) -> Option<&ProviderNote> {
        let domain = self.email().map(|e| e.domain_ascii().to_string())?;
        match &self.note {
            Some((d, note)) if *d == domain => note.as_ref(),
            _ => None,
        }
    }

    /// The incoming protocols discovery found.
    pub fn offered_protocols(&self) -> BTreeSet<Protocol> {
        self.discovery()
            .map(|d| {
                d.incoming
                    .iter()
                    .filter(|o| o.trusted())
                    .map(|o| o.candidate.protocol)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The guidance for the protocol page.
    pub fn protocol_guide(&self) -> ProtocolGuide {
        let domain = self
            .email()
            .map(|e| e.domain_ascii().to_string())
            .unwrap_or_default();
        let provider = self
            .discovery()
            .and_then(|d| d.note.as_ref())
            .or(self.note())
            .map(|n| n.id.clone());
        let stance = guidance::provider_stance(provider.as_deref(), &domain);
        guidance::guide(
            &self.offered_protocols(),
            self.one_device,
            self.offline,
            stance,
        )
    }

    /// The protocol that will be tested: the person's choice if offered, else the
    /// recommendation.
    pub fn protocol(&self) -> Protocol {
        let guide = self.protocol_guide();
        match self.chosen {
            Some(p) if guide.offered.contains(&p) => p,
            _ => guide.recommended,
        }
    }

    /// Whether every server under test verified.
    pub fn all_verified(&self) -> bool {
        !self.tests.is_empty() && self.tests.values().all(ServerTest::is_verified)
    }

    /// Whether a test is still running.
    pub fn testing(&self) -> bool {
        self.tests.values().any(|t| t.task().is_some())
    }

    /// The ways forward after a failed test of `role`.
    pub fn next_actions(&self, role: Role) -> Vec<NextAction> {
        let Some(test) = self.tests.get(&role) else {
            return Vec::new();
        };
        if !matches!(test.state, TestState::Failed | TestState::NotStarted(_)) {
            return Vec::new();
        }
        let offers = self.offers_for(role, test.server.protocol);
        let url = self
            .discovery()
            .and_then(|d| d.note.as_ref())
            .or(self.note())
            .and_then(|n| n.app_password_url.as_deref());
        let mut actions = super::checklist::next_actions(test, &offers, url);
        // The server wants OAuth 2.0 and the provider's sign-in is known: offer it first.
        if test.cause() == Some(crate::probe::Cause::OauthRequired)
            && self.oauth_provider().is_some()
            && !self.signed_in_with_provider()
        {
            actions.insert(0, NextAction::SignInWithProvider);
        }
        actions
    }

    /// Discovery's offers for a role and protocol, best first.
    pub fn offers_for(&self, role: Role, protocol: Protocol) -> Vec<Offer> {
        let Some(d) = self.discovery() else {
            return Vec::new();
        };
        let list = match role {
            Role::Incoming => &d.incoming,
            Role::Outgoing => &d.outgoing,
        };
        // Untrusted answers (plain HTTP) are only ever used through the manual page, where
        // the person sees them and confirms by testing.
        list.iter()
            .filter(|o| o.candidate.protocol == protocol && o.trusted())
            .cloned()
            .collect()
    }

    pub(super) fn task(&mut self) -> TaskId {
        let t = TaskId(self.next_task);
        self.next_task += 1;
        t
    }

    pub(super) fn go(&mut self, page: Page) {
        if self.page != page {
            self.history.push(self.page);
        }
        self.page = page;
    }

    pub(super) fn back(&mut self) {
        self.page = self.history.pop().unwrap_or(Page::Account);
    }
}

/// The person's consents of this run.
#[derive(Debug, Clone, Default)]
pub(super) struct Consents {
    /// Hosts the person confirmed or typed in this run (ASCII, lower case).
    pub hosts: BTreeSet<String>,
    /// Hosts the person allowed to receive the password unencrypted.
    pub plaintext: BTreeSet<String>,
    /// A certificate authority file the person trusts, and the hosts it was accepted for.
    pub extra_ca: Option<(PathBuf, BTreeSet<String>)>,
    /// Next was pressed while a host still needed confirming.
    pub show_problem: bool,
    /// Server keys the person trusted ("Trust this server's key"), each for one host:port.
    pub pinned_keys: Vec<crate::trust::pin::EndpointPin>,
}

/// Where the round trip stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RoundTripState {
    /// Not asked for, or waiting for both servers to verify.
    #[default]
    Idle,
    /// Running; `sent` once the SMTP server took the message.
    Running {
        task: TaskId,
        sent: bool,
    },
    Done(Box<RoundTripReport>),
}

/// The option and its state, kept in the wizard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct RoundTripCheck {
    pub(super) wanted: bool,
    pub(super) state: RoundTripState,
}

/// The technician's state inside the wizard.
#[derive(Debug, Default)]
pub(super) struct Technician {
    pub(super) view: bool,
    pub(super) live: BTreeMap<TaskId, Vec<LiveLine>>,
    /// What became of the last report ("Report copied …"), with the page and the report
    /// (`Wizard::report_stamp`) it was said for.
    pub(super) note: Option<(String, super::Page, u64)>,
}

impl Technician {
    /// What the next account keeps: the view switch, nothing of this account.
    pub(super) fn for_next_account(&self) -> Self {
        Self {
            view: self.view,
            ..Self::default()
        }
    }
}

/// Where the browser sign-in stands.
#[derive(Debug, Default)]
pub enum OAuthState {
    #[default]
    Idle,
    /// The browser is open; waiting for the person there.
    Waiting(TaskId),
    /// Signing in with a code on another device: asking the provider for the code (`None`),
    /// then showing it until the person approves. `browser_failed`: started because the
    /// browser could not be opened.
    Code {
        task: TaskId,
        code: Option<DeviceCode>,
        browser_failed: bool,
    },
    SignedIn(Box<OAuthSecret>),
    Failed(OAuthProblem),
}
