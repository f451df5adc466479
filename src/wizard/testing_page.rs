//! The "Testing your settings" page of the wizard: one probe task per server, live steps and
//! reports, cancel, retry of only what failed, and the ways forward after a failure.

use crate::account::ServerSettings;

use super::checklist::{ServerTest, TestState};
use super::types::{Effect, Event, KeychainChoice, NextAction, Role};
use super::{Page, SaveState, Wizard};

impl Wizard {
    /// Starts tests of these servers (replacing earlier tests of the same roles).
    pub(super) fn start_tests(&mut self, servers: Vec<(Role, ServerSettings)>) -> Vec<Effect> {
        let mut out = Vec::new();
        self.save = SaveState::NotStarted;
        self.tested_email = self.email();
        for (role, server) in servers {
            if let Some(task) = self.tests.get(&role).and_then(ServerTest::task) {
                out.push(Effect::Cancel { task });
            }
            let task = self.task();
            let mut test = ServerTest::new(role, server.clone(), task);
            if !self.host_cleared(&server.host) {
                // Never reached through the pages (they ask first); kept as the last guard.
                test.state = TestState::NotStarted(format!(
                    "Your password was not sent to {}: confirm this server first.",
                    server.host
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
                password: self.password.clone(),
            });
        }
        out
    }

    pub(super) fn cancel_tests(&mut self) -> Vec<Effect> {
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
    pub(super) fn retry_failed(&mut self) -> Vec<Effect> {
        let again: Vec<(Role, ServerSettings)> = self
            .tests
            .values()
            .filter(|t| !t.is_verified() && t.task().is_none())
            .map(|t| (t.role, t.server.clone()))
            .collect();
        self.start_tests(again)
    }

    pub(super) fn on_testing(&mut self, event: Event) -> Vec<Effect> {
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
            Event::TrustServerKey { role } => self.trust_server_key(role),
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
                    Some(o) => {
                        // The button names the host and how it was found: pressing it is the
                        // confirmation, for this host and this run.
                        self.confirm_host(&o.settings.host, true);
                        self.start_tests(vec![(role, o.settings.clone())])
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
