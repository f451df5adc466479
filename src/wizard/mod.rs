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
//! - Retry tests again only the servers that did not verify.
//! - The password lives in a `SecretString` and leaves only inside `Probe` and `Save`
//!   effects; the first time it is handed on, the window is told to forget the widget state.
//! - There is no plain-text fallback when the keychain is unavailable: the person chooses
//!   retry, the Linux kernel keyring, or cancel.

mod account_page;
pub mod checklist;
pub mod guidance;
pub mod manual;
mod types;

use std::collections::{BTreeMap, BTreeSet};

use secrecy::{ExposeSecret, SecretString};

use crate::account::{EmailAddress, Protocol, ServerSettings};

pub use account_page::AddressCheck;
pub use checklist::{CheckItem, Row, RowState, ServerTest, TestState};
pub use guidance::ProtocolGuide;
pub use manual::{FieldProblem, ManualForm, ServerForm};
pub use types::{
    Discovery, Effect, Event, KeychainChoice, ManualField, NextAction, Offer, ProviderNote, Role,
    SaveProblem, SaveRequest, Saved, SourceState, SourceStatus, TaskId,
};

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
    pub fn title(self) -> &'static str {
        match self {
            Page::Account => "Your account",
            Page::Lookup => "Looking up your provider",
            Page::Protocol => "How do you want to read mail?",
            Page::Testing => "Testing your settings",
            Page::Manual => "Manual settings",
            Page::Done => "Done",
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
    /// The domain whose note was asked for, and the answer once it came.
    note_asked: Option<String>,
    note: Option<(String, Option<ProviderNote>)>,
    /// Set when a test failed because of the password: shown at the password field, and
    /// Next goes straight back to testing.
    password_problem: Option<String>,

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
    /// Where the settings under test came from, in words, and the first source's key.
    source_words: String,
    source_key: String,
    allow_plaintext: bool,
    extra_ca: Option<std::path::PathBuf>,
    /// The address the tests ran for.
    tested_email: Option<EmailAddress>,

    // Manual
    manual: Option<ManualForm>,

    // Done
    save: SaveState,
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
            note_asked: None,
            note: None,
            password_problem: None,
            sources: Vec::new(),
            lookup: LookupState::Idle,
            discovered_for: None,
            one_device: false,
            offline: false,
            chosen: None,
            tests: BTreeMap::new(),
            source_words: String::new(),
            source_key: String::new(),
            allow_plaintext: false,
            extra_ca: None,
            tested_email: None,
            manual: None,
            save: SaveState::NotStarted,
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
    pub fn password_problem(&self) -> Option<&str> {
        self.password_problem.as_deref()
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
    pub fn source_words(&self) -> &str {
        &self.source_words
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
                    .filter(|o| o.trusted)
                    .map(|o| o.settings.protocol)
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
        checklist::next_actions(test, &offers, url)
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
            .filter(|o| o.settings.protocol == protocol && o.trusted)
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

    fn on_lookup(&mut self, event: Event) -> Vec<Effect> {
        let running = match self.lookup {
            LookupState::Running(t) => Some(t),
            _ => None,
        };
        match event {
            Event::SourceUpdate { task, status } if Some(task) == running => {
                match self.sources.iter_mut().find(|s| s.key == status.key) {
                    Some(s) => *s = status,
                    None => self.sources.push(status),
                }
                Vec::new()
            }
            Event::Discovered { task, discovery } if Some(task) == running => {
                let enough = discovery.incoming.iter().any(|o| o.trusted)
                    && discovery.outgoing.iter().any(|o| o.trusted);
                if enough {
                    self.lookup = LookupState::Finished(discovery);
                    self.chosen = None;
                    // Back from the protocol page goes to the account page, not to a
                    // finished lookup.
                    self.page = Page::Protocol;
                } else {
                    self.lookup = LookupState::NothingFound(discovery);
                }
                Vec::new()
            }
            Event::DiscoveryFailed { task, reason } if Some(task) == running => {
                self.lookup = LookupState::Failed(reason);
                Vec::new()
            }
            Event::Back | Event::Cancel => {
                let mut out = Vec::new();
                if let Some(task) = running {
                    out.push(Effect::Cancel { task });
                }
                self.lookup = LookupState::Idle;
                self.discovered_for = None;
                self.back();
                out
            }
            Event::SetUpManually => {
                let mut out = Vec::new();
                if let Some(task) = running {
                    out.push(Effect::Cancel { task });
                    self.lookup = LookupState::Idle;
                }
                self.open_manual(None);
                out
            }
            Event::Action(NextAction::Retry) | Event::Next if running.is_none() => {
                self.start_discovery()
            }
            _ => Vec::new(),
        }
    }

    fn start_discovery(&mut self) -> Vec<Effect> {
        let Some(email) = self.email() else {
            return Vec::new();
        };
        let task = self.task();
        self.sources.clear();
        self.lookup = LookupState::Running(task);
        self.discovered_for = Some(email.clone());
        vec![Effect::Discover { task, email }]
    }

    fn on_protocol(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::OneDevice(v) => {
                self.one_device = v;
                self.chosen = None;
            }
            Event::Offline(v) => {
                self.offline = v;
                self.chosen = None;
            }
            Event::ChooseProtocol(p) if self.offered_protocols().contains(&p) => {
                self.chosen = Some(p);
            }
            Event::Next => {
                let protocol = self.protocol();
                let incoming = self.offers_for(Role::Incoming, protocol);
                let outgoing = self.offers_for(Role::Outgoing, Protocol::Smtp);
                if let (Some(i), Some(o)) = (incoming.first(), outgoing.first()) {
                    let mut sources: Vec<String> = i.sources.clone();
                    for s in &o.sources {
                        if !sources.contains(s) {
                            sources.push(s.clone());
                        }
                    }
                    self.source_words = sources.join(", ");
                    self.source_key = i.source_keys.first().cloned().unwrap_or_default();
                    self.allow_plaintext = false;
                    self.extra_ca = None;
                    let (i, o) = (i.settings.clone(), o.settings.clone());
                    self.go(Page::Testing);
                    return self.start_tests(vec![(Role::Incoming, i), (Role::Outgoing, o)]);
                }
            }
            Event::Back | Event::Cancel => {
                self.page = Page::Account;
                self.history.clear();
            }
            Event::SetUpManually => self.open_manual(None),
            _ => {}
        }
        Vec::new()
    }

    /// Starts tests of these servers (replacing earlier tests of the same roles).
    fn start_tests(&mut self, servers: Vec<(Role, ServerSettings)>) -> Vec<Effect> {
        let mut out = Vec::new();
        self.save = SaveState::NotStarted;
        self.tested_email = self.email();
        for (role, server) in servers {
            if let Some(task) = self.tests.get(&role).and_then(ServerTest::task) {
                out.push(Effect::Cancel { task });
            }
            let task = self.task();
            self.tests
                .insert(role, ServerTest::new(role, server.clone(), task));
            out.push(Effect::Probe {
                task,
                role,
                server,
                password: self.password.clone(),
                allow_plaintext: self.allow_plaintext,
                extra_ca: self.extra_ca.clone(),
            });
        }
        out
    }

    fn cancel_tests(&mut self) -> Vec<Effect> {
        let mut out = Vec::new();
        for test in self.tests.values_mut() {
            if let Some(task) = test.task() {
                out.push(Effect::Cancel { task });
                test.state = TestState::Stopped;
            }
        }
        out
    }

    /// Tests again every server that did not verify.
    fn retry_failed(&mut self) -> Vec<Effect> {
        let again: Vec<(Role, ServerSettings)> = self
            .tests
            .values()
            .filter(|t| !t.is_verified() && t.task().is_none())
            .map(|t| (t.role, t.server.clone()))
            .collect();
        self.start_tests(again)
    }

    fn on_testing(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::ProbeStep { task, step } => {
                if let Some(t) = self.tests.values_mut().find(|t| t.task() == Some(task)) {
                    t.live_steps.push(step);
                }
                Vec::new()
            }
            Event::ProbeDone { task, report } => {
                if let Some(t) = self.tests.values_mut().find(|t| t.task() == Some(task)) {
                    t.state = if report.is_verified() {
                        TestState::Verified
                    } else {
                        TestState::Failed
                    };
                    t.report = Some(report);
                }
                Vec::new()
            }
            Event::ProbeNotStarted { task, reason } => {
                if let Some(t) = self.tests.values_mut().find(|t| t.task() == Some(task)) {
                    t.state = TestState::NotStarted(reason);
                }
                Vec::new()
            }
            Event::Next if self.all_verified() => self.start_save(KeychainChoice::Default),
            Event::Action(action) => self.on_action(action),
            Event::Cancel if self.testing() => self.cancel_tests(),
            Event::Back | Event::Cancel => {
                let out = self.cancel_tests();
                self.back();
                out
            }
            Event::SetUpManually => {
                let out = self.cancel_tests();
                self.open_manual(Some(Page::Testing));
                out
            }
            _ => Vec::new(),
        }
    }

    fn on_action(&mut self, action: NextAction) -> Vec<Effect> {
        match action {
            NextAction::Retry => self.retry_failed(),
            NextAction::FixPassword => {
                let out = self.cancel_tests();
                self.password_problem = self
                    .tests
                    .values()
                    .filter_map(|t| t.report.as_ref()?.diagnosis())
                    .find(|d| d.cause.is_credentials())
                    .map(|d| d.summary.clone())
                    .or_else(|| Some("The server did not accept the password.".into()));
                self.history.clear();
                self.page = Page::Account;
                out
            }
            NextAction::CreateAppPassword { url } => {
                let mut out = self.on_action(NextAction::FixPassword);
                if let Some(url) = url {
                    out.push(Effect::OpenUrl(url));
                }
                out
            }
            NextAction::TrySecurity {
                role,
                security,
                port,
            } => {
                let Some(test) = self.tests.get(&role) else {
                    return Vec::new();
                };
                let server = ServerSettings {
                    security,
                    port,
                    ..test.server.clone()
                };
                self.start_tests(vec![(role, server)])
            }
            NextAction::TryAlternative { role, index } => {
                let Some(test) = self.tests.get(&role) else {
                    return Vec::new();
                };
                let offers = self.offers_for(role, test.server.protocol);
                match offers.get(index) {
                    Some(o) => self.start_tests(vec![(role, o.settings.clone())]),
                    None => Vec::new(),
                }
            }
            NextAction::EditSettings => {
                let out = self.cancel_tests();
                self.open_manual(Some(Page::Testing));
                out
            }
        }
    }

    /// Opens the manual page, filled from what is being tested, else from discovery, else
    /// from guesses. `from` is where Back returns to (default: where we are).
    fn open_manual(&mut self, from: Option<Page>) {
        let Some(email) = self.email() else {
            self.show_errors = true;
            return;
        };
        let form = match (
            self.tests.get(&Role::Incoming),
            self.tests.get(&Role::Outgoing),
        ) {
            (Some(i), Some(o)) if from == Some(Page::Testing) => {
                let mut f = ManualForm::from_servers(&i.server, &o.server);
                f.accept_plaintext = self.allow_plaintext;
                if let Some(ca) = &self.extra_ca {
                    f.extra_ca = ca.display().to_string();
                    f.accept_extra_ca = true;
                }
                f
            }
            _ => {
                let protocol = self.protocol();
                let i = self
                    .offers_for(Role::Incoming, protocol)
                    .into_iter()
                    .next()
                    .or_else(|| self.discovery().and_then(|d| d.incoming.first().cloned()));
                let o = self
                    .offers_for(Role::Outgoing, Protocol::Smtp)
                    .into_iter()
                    .next()
                    .or_else(|| self.discovery().and_then(|d| d.outgoing.first().cloned()));
                let mut f = ManualForm::guessed(&email);
                if let Some(i) = i {
                    f.incoming_protocol = i.settings.protocol;
                    f.incoming = ServerForm::from_settings(&i.settings);
                }
                if let Some(o) = o {
                    f.outgoing = ServerForm::from_settings(&o.settings);
                }
                f
            }
        };
        self.manual = Some(form);
        if self.page == Page::Lookup {
            // A stopped lookup is nothing to come back to.
            self.page = Page::Account;
        }
        self.go(Page::Manual);
    }

    fn on_manual(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Manual(field) => {
                if let Some(f) = self.manual.as_mut() {
                    f.apply(field);
                }
                Vec::new()
            }
            Event::Next => {
                let Some(form) = self.manual.as_mut() else {
                    return Vec::new();
                };
                form.show_problems = true;
                let Some((i, o)) = form.settings() else {
                    return Vec::new();
                };
                self.allow_plaintext = form.uses_plaintext() && form.accept_plaintext;
                self.extra_ca = (!form.extra_ca.trim().is_empty())
                    .then(|| std::path::PathBuf::from(form.extra_ca.trim()));
                self.source_words = "entered by hand".into();
                self.source_key = "manual".into();
                self.tests.clear();
                self.go(Page::Testing);
                self.start_tests(vec![(Role::Incoming, i), (Role::Outgoing, o)])
            }
            Event::Back => {
                self.back();
                Vec::new()
            }
            Event::Cancel => {
                self.page = Page::Account;
                self.history.clear();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn start_save(&mut self, keychain: KeychainChoice) -> Vec<Effect> {
        let (Some(email), Some(i), Some(o)) = (
            self.email(),
            self.tests.get(&Role::Incoming),
            self.tests.get(&Role::Outgoing),
        ) else {
            return Vec::new();
        };
        let name = self.name.trim();
        let reports = [i, o]
            .iter()
            .filter_map(|t| t.report.as_deref().cloned())
            .collect();
        let request = SaveRequest {
            display_name: (!name.is_empty()).then(|| name.to_string()),
            email,
            incoming: i.server.clone(),
            outgoing: o.server.clone(),
            source: self.source_words.clone(),
            source_key: self.source_key.clone(),
            reports,
            allow_plaintext: self.allow_plaintext,
            keychain,
        };
        let task = self.task();
        self.save = SaveState::Saving(task, keychain);
        self.go(Page::Done);
        vec![Effect::Save {
            task,
            request: Box::new(request),
            password: self.password.clone(),
        }]
    }

    fn on_done(&mut self, event: Event) -> Vec<Effect> {
        match (&self.save, event) {
            (SaveState::Saving(t, _), Event::Saved { task, saved }) if *t == task => {
                self.save = SaveState::Saved(saved);
                self.history.clear();
                Vec::new()
            }
            (SaveState::Saving(t, choice), Event::SaveFailed { task, problem }) if *t == task => {
                self.save = SaveState::Failed(problem, *choice);
                Vec::new()
            }
            (SaveState::Failed(_, choice), Event::RetrySave | Event::Next) => {
                let choice = *choice;
                self.start_save(choice)
            }
            (
                SaveState::Failed(
                    SaveProblem::KeychainUnavailable {
                        keyutils_possible: true,
                        ..
                    },
                    _,
                ),
                Event::UseKeyutils,
            ) => self.start_save(KeychainChoice::Keyutils),
            (SaveState::Failed(..), Event::Cancel | Event::Back) => {
                // Nothing was saved; the verified results stay on the testing page.
                self.save = SaveState::NotStarted;
                self.back();
                Vec::new()
            }
            (SaveState::Saved(_), Event::AddAnother) => {
                *self = Wizard {
                    next_task: self.next_task,
                    ..Wizard::new()
                };
                vec![Effect::ForgetPasswordWidget]
            }
            _ => Vec::new(),
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
mod tests;
