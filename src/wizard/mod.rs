//! The setup wizard as a state machine: `Wizard::handle(Event) -> Vec<Effect>`. No egui, no
//! tokio, no I/O: the window draws `&Wizard` and turns clicks into events; the runtime turns
//! effects into work and its results back into events.
//!
//! The pages, in order: Your account → Looking up your provider → How do you want to read
//! mail? → Testing your settings → Done; Manual settings is reachable from every page and
//! leads to Testing. Rules kept here:
//! - Back goes to the page before; Cancel stops what is running (a discovery, a test) and,
//!   when nothing was running, leaves the page like Back. A save in progress cannot be
//!   cancelled (the keychain and the file must end up consistent).
//! - Every answer from the runtime carries its task id; answers of cancelled or replaced
//!   tasks are dropped.
//! - From the protocol page the servers are chosen the way the CLI chooses them
//!   (`Effect::Verify`, i.e. `verify::verify_candidates`): a quick check on each vouched or
//!   confirmed candidate, one sign-in on the best reachable, and the next one by itself when
//!   a server fails before the password was sent. Manual settings, "try another server" and
//!   Retry test one server each (`Effect::Probe`).
//! - Retry tests again only the servers that did not verify.
//! - The password lives in a `SecretString` and leaves only inside `Probe` and `Save`
//!   effects; the first time it is handed on, the window is told to forget the widget state.
//! - The password goes only to hosts that are vouched for or that the person confirmed in
//!   this run (RFC 6186 §6; `consent.rs`); plaintext and certificate authority consents hold
//!   for the hosts they were given for.
//! - There is no plain-text fallback when the keychain is unavailable: the person chooses
//!   retry, the Linux kernel keyring, or cancel.

mod account_page;
pub mod checklist;
mod consent;
mod done_page;
pub mod guidance;
mod hand_off;
mod lookup_page;
pub mod manual;
mod manual_page;
pub mod oauth_signin;
pub mod pin;
pub mod report;
pub mod roundtrip;
mod testing_page;
mod types;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use secrecy::{ExposeSecret, SecretString};

use crate::account::{EmailAddress, Protocol};

pub(crate) use account_page::capitalise;
pub use account_page::{AddressCheck, PastedPassword, ProblemAt, paste_for_password};
pub use checklist::{CheckItem, Row, RowState, ServerTest, TestState};
pub use guidance::ProtocolGuide;
pub use hand_off::{CodeReady, CodeState, HandOff, HandOffEffect, HandOffEvent, Phone};
pub use manual::{FieldProblem, ManualForm, ServerForm};
pub use oauth_signin::OAuthState;
pub use report::{LiveLine, ReportAction, TechnicianEffect, TechnicianEvent};
pub use roundtrip::{RoundTripEvent, RoundTripRow, RoundTripState};
pub use types::{
    DeviceCode, Discovery, Effect, Event, KeychainChoice, ManualField, NextAction, OAuthGrant,
    OAuthProblem, Offer, ProviderNote, Recipient, Role, SaveProblem, SaveRequest, Saved,
    SourceState, SourceStatus, TaskId,
};
pub use words::sentence;

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
    page: Page,
    /// Pages to return to with Back.
    history: Vec<Page>,
    next_task: u64,

    // Your account
    name: String,
    email_text: String,
    password: SecretString,
    show_password: bool,
    show_errors: bool,
    /// A paste with a line break inside was refused (until the password is edited).
    paste_refused: bool,
    /// Counts refused Nexts (the window then moves the cursor to the first problem).
    problem_focus: u64,
    /// The domain whose note was asked for, and the answer once it came.
    note_asked: Option<String>,
    note: Option<(String, Option<ProviderNote>)>,
    /// Set when a test failed because of the password: shown at the password field, and
    /// Next goes straight back to testing.
    password_problem: Option<String>,
    /// The domain whose OAuth sign-in was asked about, and the provider's name if known.
    oauth_for: Option<(String, Option<String>)>,
    /// The browser sign-in ("Sign in with <provider>").
    oauth: oauth_signin::OAuthState,

    // Looking up
    sources: Vec<SourceStatus>,
    lookup: LookupState,
    /// The address the current discovery result belongs to.
    discovered_for: Option<EmailAddress>,

    // Protocol
    one_device: bool,
    offline: bool,
    chosen: Option<Protocol>,

    // Testing
    tests: BTreeMap<Role, ServerTest>,
    /// Confirmed hosts, plaintext and certificate authority consents of this run.
    consents: consent::Consents,
    /// The address the tests ran for.
    tested_email: Option<EmailAddress>,
    /// "Send a test message to myself" and its result.
    round_trip: roundtrip::RoundTripCheck,
    /// The address asked about and the id of the account saved for it, if any.
    saved_for: Option<(EmailAddress, Option<String>)>,
    /// Save was pressed while an account is saved for the address: the question is shown.
    replace_asked: bool,
    /// Save was pressed before the runtime said whether the address has a saved account: the
    /// answer decides between saving and asking first.
    save_after_lookup: bool,

    // Manual
    manual: Option<ManualForm>,
    /// The address the manual form was filled for.
    manual_for: Option<EmailAddress>,
    /// The certificate authority file the environment gave the window.
    environment_ca: Option<std::path::PathBuf>,

    // Done
    save: SaveState,
    /// "Use this account on other devices and apps" (`hand_off.rs`, `done_page.rs`).
    handoff: hand_off::HandOff,

    // Technician view, live transcript, report
    technician: report::Technician,
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
            oauth: oauth_signin::OAuthState::Idle,
            sources: Vec::new(),
            lookup: LookupState::Idle,
            discovered_for: None,
            one_device: false,
            offline: false,
            chosen: None,
            tests: BTreeMap::new(),
            consents: consent::Consents::default(),
            tested_email: None,
            round_trip: roundtrip::RoundTripCheck::default(),
            saved_for: None,
            replace_asked: false,
            save_after_lookup: false,
            manual: None,
            manual_for: None,
            environment_ca: None,
            save: SaveState::NotStarted,
            handoff: hand_off::HandOff::default(),
            technician: report::Technician::default(),
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
    pub fn sources(&self) -> &[SourceStatus] {
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
        let mut actions = checklist::next_actions(test, &offers, url);
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

    fn task(&mut self) -> TaskId {
        let t = TaskId(self.next_task);
        self.next_task += 1;
        t
    }

    fn go(&mut self, page: Page) {
        if self.page != page {
            self.history.push(self.page);
        }
        self.page = page;
    }

    fn back(&mut self) {
        self.page = self.history.pop().unwrap_or(Page::Account);
    }

    // --- changing ----------------------------------------------------------------------

    /// Applies one event and returns the work it asks for.
    pub fn handle(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Close => return vec![Effect::Close],
            Event::NoteFound { domain, note } => {
                self.note = Some((domain, note));
                return Vec::new();
            }
            Event::OpenUrl(url) => return vec![Effect::OpenUrl(url)],
            Event::EnvironmentCa(path) => {
                self.environment_ca = path;
                return Vec::new();
            }
            Event::SavedAccountFound { email, id } => {
                self.saved_for = Some((email, id));
                return self.save_once_looked_up();
            }
            Event::ConfirmHost { host, confirmed } => {
                self.confirm_host(&host, confirmed);
                return Vec::new();
            }
            Event::Technician(e) => return self.on_technician(e),
            Event::RoundTrip(e) => return self.on_round_trip(e),
            Event::HandOff(e) => return self.on_hand_off(e),
            e @ (Event::OAuthAvailable { .. }
            | Event::SignedIn { .. }
            | Event::DeviceCodeShown { .. }) => {
                return self.on_oauth(e);
            }
            _ => {}
        }
        match self.page {
            Page::Account => self.on_account(event),
            Page::Lookup => self.on_lookup(event),
            Page::Protocol => self.on_protocol(event),
            Page::Testing => self.on_testing(event),
            Page::Manual => self.on_manual(event),
            Page::Done => self.on_done(event),
        }
    }
}

impl Wizard {
    /// The typed address, if valid.
    pub fn email(&self) -> Option<EmailAddress> {
        EmailAddress::parse(&self.email_text).ok()
    }

    /// Whether a password was typed.
    pub fn has_password(&self) -> bool {
        !self.password.expose_secret().is_empty()
    }
}

#[cfg(test)]
mod consent_tests;
#[cfg(test)]
mod done_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod verify_tests;
