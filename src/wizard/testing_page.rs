//! The "Testing your settings" page of the wizard. From the protocol page one verification
//! task chooses both servers among discovery's candidates (`start_verify`): its live steps
//! follow whichever candidate is being signed in to, and its answer brings each candidate's
//! quick check and the servers that verified. Manual settings, retries and "try another
//! server" test one server per task (`start_tests`). Then: cancel, retry of only what
//! failed, and the ways forward after a failure. While the tests run the runtime is asked
//! whether an account is saved for the address already (`Effect::FindSaved`); then "Save
//! account" asks first ("Replace the saved account for …?") and saves only once the person
//! says so (`Event::ConfirmReplace`).

use crate::account::{Protocol, ServerSettings};
use crate::discover::Candidate;
use crate::verify::{ProtocolOutcome, VerifyReport};

use super::checklist::{ServerTest, TestState};
use super::events::{Effect, Event};
use super::types::{KeychainChoice, NextAction, Role, TaskId};
use super::{Page, SaveState, Wizard};

/// A server to test, with the discovered candidate it came from (`None`: typed by the
/// person).
pub(super) type Planned = (Role, ServerSettings, Option<Candidate>);

impl Wizard {
    /// Chooses and tests both servers among the discovered candidates, as the CLI does: one
    /// verification task for both roles.
    pub(super) fn start_verify(&mut self) -> Vec<Effect> {
        let mut out = self.cancel_tests();
        out.extend(self.drop_round_trip());
        let (Some(d), Some(email)) = (self.discovery(), self.email()) else {
            return out;
        };
        let candidates: Vec<Candidate> = d
            .incoming
            .iter()
            .chain(&d.outgoing)
            .map(|o| o.candidate.clone())
            .collect();
        let incoming = self.protocol();
        let planned = self.planned();
        self.save = SaveState::NotStarted;
        self.tested_email = Some(email.clone());
        let task = self.task();
        self.tests.clear();
        if let Some((i, o)) = planned {
            for (role, offer) in [(Role::Incoming, i), (Role::Outgoing, o)] {
                let test = ServerTest::new(role, offer.settings(), task);
                self.tests.insert(role, test.found(Some(offer.candidate)));
            }
        }
        out.extend(self.find_saved());
        out.push(Effect::Verify {
            task,
            domain: email.domain().to_string(),
            candidates,
            incoming,
            confirmed: self.consents.hosts.clone(),
            secret: self.secret(),
        });
        out
    }

    /// Takes a verification run's answer: per role, the candidates' quick checks and the
    /// server that verified, else the probe that explains why none did.
    fn take_verified(&mut self, task: TaskId, report: VerifyReport) {
        let outcomes = std::iter::once(report.incoming).chain(report.outgoing);
        for outcome in outcomes {
            let role = role_of(outcome.protocol);
            let Some(t) = self.tests.get_mut(&role).filter(|t| t.task() == Some(task)) else {
                continue;
            };
            take_outcome(t, outcome);
        }
    }

    /// Starts tests of these servers (replacing earlier tests of the same roles).
    pub(super) fn start_tests(&mut self, servers: Vec<Planned>) -> Vec<Effect> {
        let mut out = self.drop_round_trip();
        self.save = SaveState::NotStarted;
        self.tested_email = self.email();
        out.extend(self.find_saved());
        for (role, server, found) in servers {
            if let Some(task) = self.tests.get(&role).and_then(ServerTest::task) {
                push_cancel(&mut out, task);
            }
            let task = self.task();
            let mut test = ServerTest::new(role, server.clone(), task).found(found);
            if !self.host_cleared(&server.host) {
                // Never reached through the pages (they ask first); kept as the last guard.
                test.state = TestState::NotStarted(t!(
                    "testing-not-sent-unconfirmed",
                    host = server.host.as_str()
                ));
                self.tests.insert(role, test);
                continue;
            }
            self.tests.insert(role, test);
            out.push(Effect::Probe {
                task,
                role,
                allow_plaintext: self.plaintext_allowed(&server),
                extra_ca: self.extra_ca_for(&server),
                pins: self.pins_for(&server),
                server,
                secret: self.secret(),
            });
        }
        out
    }

    /// Asks whether an account is saved for the address under test (once per address).
    fn find_saved(&mut self) -> Vec<Effect> {
        self.replace_asked = false;
        self.save_after_lookup = false;
        let Some(email) = self.tested_email.clone() else {
            return Vec::new();
        };
        if self.saved_for.as_ref().is_some_and(|(e, _)| *e == email) {
            return Vec::new();
        }
        self.saved_for = None;
        vec![Effect::FindSaved { email }]
    }

    /// Whether the runtime has said if the address under test has a saved account.
    fn saved_looked_up(&self) -> bool {
        match (&self.saved_for, &self.tested_email) {
            (Some((e, _)), Some(t)) => e == t,
            // No address under test: nothing to look up.
            (_, None) => true,
            (None, Some(_)) => false,
        }
    }

    /// Save as pressed: straight away when the address has no saved account, the question
    /// first when it has one, and after the lookup's answer when it has not come yet.
    fn save_pressed(&mut self) -> Vec<Effect> {
        if !self.saved_looked_up() {
            self.save_after_lookup = true;
            return Vec::new();
        }
        if self.saved_id().is_none() {
            self.start_save(KeychainChoice::Default)
        } else {
            // An account is saved for this address: ask before replacing it.
            self.replace_asked = true;
            Vec::new()
        }
    }

    /// The lookup answered after Save was pressed: what Save would have done.
    pub(super) fn save_once_looked_up(&mut self) -> Vec<Effect> {
        if !self.save_after_lookup || !self.saved_looked_up() {
            return Vec::new();
        }
        self.save_after_lookup = false;
        if self.page == Page::Testing && self.all_verified() {
            self.save_pressed()
        } else {
            Vec::new()
        }
    }

    /// Save was pressed and waits for the answer to "is this address saved already?".
    pub fn save_waiting_for_lookup(&self) -> bool {
        self.save_after_lookup
    }

    /// The id of the account saved for the address under test, if any.
    fn saved_id(&self) -> Option<&str> {
        match (&self.saved_for, &self.tested_email) {
            (Some((e, id)), Some(t)) if e == t => id.as_deref(),
            _ => None,
        }
    }

    /// "Replace the saved account for …?" once Save was pressed for an address that has one.
    pub fn replace_question(&self) -> Option<String> {
        let id = self.saved_id()?;
        let email = self.tested_email.as_ref()?;
        self.replace_asked.then(|| {
            t!(
                "replace-question",
                email = email.to_string(),
                id = id.to_string()
            )
        })
    }

    pub(super) fn cancel_tests(&mut self) -> Vec<Effect> {
        self.save_after_lookup = false;
        let mut out = Vec::new();
        if self.round_trip_running() {
            out.extend(self.drop_round_trip());
        }
        for test in self.tests.values_mut() {
            if let Some(task) = test.task() {
                // Both roles of a verification run share one task: cancel it once.
                push_cancel(&mut out, task);
                test.state = TestState::Stopped;
            }
        }
        out
    }

    /// Tests again every server that did not verify.
    pub(super) fn retry_failed(&mut self) -> Vec<Effect> {
        let again: Vec<Planned> = self
            .tests
            .values()
            .filter(|t| !t.is_verified() && t.task().is_none())
            .map(|t| (t.role, t.server.clone(), t.found.clone()))
            .collect();
        self.start_tests(again)
    }

    pub(super) fn on_testing(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::ProbeStep { task, server, step } => {
                let role = role_of(server.protocol);
                if let Some(t) = self.tests.get_mut(&role).filter(|t| t.task() == Some(task)) {
                    if t.server != server {
                        // The verification moved on to the next candidate.
                        t.server = server;
                        t.live_steps.clear();
                    }
                    t.live_steps.push(step);
                }
                Vec::new()
            }
            Event::Verified { task, report } => {
                self.take_verified(task, *report);
                self.start_round_trip()
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
                self.start_round_trip()
            }
            Event::ProbeNotStarted { task, reason } => {
                if let Some(t) = self.tests.values_mut().find(|t| t.task() == Some(task)) {
                    t.state = TestState::NotStarted(reason);
                }
                Vec::new()
            }
            Event::Next if self.all_verified() => self.save_pressed(),
            Event::ConfirmReplace if self.all_verified() && self.replace_asked => {
                self.replace_asked = false;
                self.start_save(KeychainChoice::Default)
            }
            Event::Action(action) => self.on_action(action),
            Event::TrustServerKey { role } => self.trust_server_key(role),
            Event::Cancel if self.testing() || self.round_trip_running() => self.cancel_tests(),
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

    pub(super) fn on_action(&mut self, action: NextAction) -> Vec<Effect> {
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
                    .or_else(|| Some(t!("testing-password-refused")));
                self.history.clear();
                self.page = Page::Account;
                out
            }
            NextAction::SignInWithProvider => {
                let mut out = self.on_action(NextAction::FixPassword);
                out.extend(self.start_sign_in());
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
                let found = test.found.clone();
                self.start_tests(vec![(role, server, found)])
            }
            NextAction::TryAlternative { role, index } => {
                let Some(test) = self.tests.get(&role) else {
                    return Vec::new();
                };
                let offers = self.offers_for(role, test.server.protocol);
                match offers.get(index) {
                    Some(o) => {
                        // The button names the host and how it was found: pressing it is the
                        // confirmation, for this host and this run.
                        self.confirm_host(&o.candidate.host, true);
                        self.start_tests(vec![(role, o.settings(), Some(o.candidate.clone()))])
                    }
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
}

/// The role a protocol serves.
fn role_of(protocol: Protocol) -> Role {
    if protocol.is_incoming() {
        Role::Incoming
    } else {
        Role::Outgoing
    }
}

fn push_cancel(out: &mut Vec<Effect>, task: TaskId) {
    if !out
        .iter()
        .any(|e| matches!(e, Effect::Cancel { task: t } if *t == task))
    {
        out.push(Effect::Cancel { task });
    }
}

/// One role's part of a verification answer, into its test.
fn take_outcome(t: &mut ServerTest, outcome: ProtocolOutcome) {
    t.checks = outcome.checks;
    t.live_steps.clear();
    if let Some(w) = outcome.winner {
        t.server = w.report.server.clone();
        t.found = Some(w.candidate);
        t.report = Some(Box::new(w.report));
        t.state = TestState::Verified;
        return;
    }
    match outcome.probes.into_iter().last() {
        Some(report) => {
            t.server = report.server.clone();
            t.state = TestState::Failed;
            t.report = Some(Box::new(report));
        }
        None => {
            t.report = None;
            t.state = TestState::NotStarted(match outcome.stopped.as_deref() {
                Some(why) => capitalise_sentence(why),
                None => t!("testing-nothing-tested"),
            });
        }
    }
}

/// "the password was not sent: …" → "The password was not sent: ….".
fn capitalise_sentence(s: &str) -> String {
    let mut out = super::account_page::capitalise(s);
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}
