//! The "Testing your settings" checklist: for each server, the six things a person can follow
//! (find server, connect, secure connection, server greeting, sign in, sign out), each
//! waiting, running, done or failed with its time, built from the probe engine's timed steps;
//! and after a failure the ways forward that fit the diagnosed cause.

use crate::account::{Security, ServerSettings};
use crate::discover::Candidate;
use crate::probe::{Cause, ProbeReport, Step, StepKind, StepStatus};
use crate::verify::Check;

use super::types::{NextAction, Offer, Role, TaskId};

/// One line of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckItem {
    FindServer,
    Connect,
    Secure,
    Greeting,
    SignIn,
    SignOut,
}

impl CheckItem {
    /// Words on the checklist.
    pub fn label(self) -> String {
        match self {
            CheckItem::FindServer => t!("check-find-server"),
            CheckItem::Connect => t!("check-connect"),
            CheckItem::Secure => t!("check-secure"),
            CheckItem::Greeting => t!("check-greeting"),
            CheckItem::SignIn => t!("check-sign-in"),
            CheckItem::SignOut => t!("check-sign-out"),
        }
    }

    /// The checklist line an engine step belongs to (`None`: shown only in Details).
    pub fn of(kind: StepKind) -> Option<CheckItem> {
        match kind {
            StepKind::Resolve => Some(CheckItem::FindServer),
            StepKind::Connect => Some(CheckItem::Connect),
            StepKind::Tls | StepKind::StartTls => Some(CheckItem::Secure),
            StepKind::Greeting | StepKind::Capabilities => Some(CheckItem::Greeting),
            StepKind::Authenticate | StepKind::Mailbox => Some(CheckItem::SignIn),
            StepKind::Logout => Some(CheckItem::SignOut),
            StepKind::PortCheck | StepKind::NetworkCheck => None,
            StepKind::SendMessage | StepKind::FindMessage | StepKind::DeleteMessage => None,
        }
    }

    /// The lines in the order they happen for a security mode: with implicit TLS the
    /// connection is secured before the greeting, with STARTTLS after it.
    pub fn order(security: Security) -> [CheckItem; 6] {
        use CheckItem::*;
        match security {
            Security::Tls => [FindServer, Connect, Secure, Greeting, SignIn, SignOut],
            Security::StartTls | Security::Plain => {
                [FindServer, Connect, Greeting, Secure, SignIn, SignOut]
            }
        }
    }
}

/// The state of one checklist line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    /// Not started yet.
    Pending,
    /// Under way (spinner).
    Running,
    Ok,
    Failed,
    /// The test stopped earlier, so this never ran.
    NotReached,
    /// Not applicable: an unencrypted connection the person allowed.
    Skipped,
    /// The person stopped the test.
    Stopped,
}

/// One checklist line with its time and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub item: CheckItem,
    pub state: RowState,
    /// Milliseconds the steps of this line took.
    pub ms: Option<u64>,
    /// What the engine said about it (e.g. "connected to 127.0.0.1:993").
    pub detail: String,
}

/// Where one server's test stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestState {
    Running(TaskId),
    Verified,
    Failed,
    /// The person cancelled it.
    Stopped,
    /// The test could not start (e.g. the chosen certificate file is unreadable).
    NotStarted(String),
}

/// One server under test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerTest {
    pub role: Role,
    pub server: ServerSettings,
    /// The discovered candidate the settings came from; `None`: entered by the person.
    pub found: Option<Candidate>,
    /// When the servers were chosen among discovery's candidates: the quick check of each
    /// candidate that took part, in rank order (empty for a test of one server).
    pub checks: Vec<Check>,
    pub state: TestState,
    /// Steps reported live, before the report arrives.
    pub live_steps: Vec<Step>,
    pub report: Option<Box<ProbeReport>>,
}

impl ServerTest {
    pub fn new(role: Role, server: ServerSettings, task: TaskId) -> Self {
        Self {
            role,
            server,
            found: None,
            checks: Vec::new(),
            state: TestState::Running(task),
            live_steps: Vec::new(),
            report: None,
        }
    }

    /// The same test, with the candidate its settings came from.
    pub fn found(mut self, found: Option<Candidate>) -> Self {
        self.found = found;
        self
    }

    pub fn task(&self) -> Option<TaskId> {
        match self.state {
            TestState::Running(t) => Some(t),
            _ => None,
        }
    }

    pub fn is_verified(&self) -> bool {
        self.state == TestState::Verified
    }

    /// The engine's steps so far: the report's when there is one, else the live ones.
    pub fn steps(&self) -> &[Step] {
        match &self.report {
            Some(r) => &r.steps,
            None => &self.live_steps,
        }
    }

    /// The cause of the failure, if it failed.
    pub fn cause(&self) -> Option<Cause> {
        self.report
            .as_ref()
            .and_then(|r| r.diagnosis())
            .map(|d| d.cause)
    }

    /// The six checklist lines.
    pub fn rows(&self) -> Vec<Row> {
        let steps = self.steps();
        let running = matches!(self.state, TestState::Running(_));
        let stopped = matches!(self.state, TestState::Stopped);
        let mut rows = Vec::with_capacity(6);
        let mut seen_failure = false;
        let mut spinner_placed = false;
        for item in CheckItem::order(self.server.security) {
            let mine: Vec<&Step> = steps
                .iter()
                .filter(|s| CheckItem::of(s.kind) == Some(item))
                .collect();
            let ms = (!mine.is_empty()).then(|| mine.iter().map(|s| s.ms).sum());
            let detail = mine
                .iter()
                .map(|s| s.detail.as_str())
                .filter(|d| !d.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            let state = if mine.iter().any(|s| s.status == StepStatus::Failed) {
                seen_failure = true;
                RowState::Failed
            } else if !mine.is_empty() {
                RowState::Ok
            } else if item == CheckItem::Secure && self.server.security == Security::Plain {
                RowState::Skipped
            } else if seen_failure {
                RowState::NotReached
            } else if running && !spinner_placed {
                spinner_placed = true;
                RowState::Running
            } else if running {
                RowState::Pending
            } else if stopped {
                RowState::Stopped
            } else if self.is_verified() {
                // The engine had nothing to do for this line (e.g. no sign-out needed).
                RowState::Skipped
            } else {
                RowState::NotReached
            };
            rows.push(Row {
                item,
                state,
                ms,
                detail,
            });
        }
        rows
    }
}

/// The other security mode to suggest after a failure that smells of the wrong one, with
/// the port that usually goes with it.
fn other_security(server: &ServerSettings) -> Option<(Security, u16)> {
    let other = match server.security {
        Security::Tls => Security::StartTls,
        Security::StartTls => Security::Tls,
        Security::Plain => return None,
    };
    Some((other, server.protocol.default_port(other)))
}

/// The ways forward after `test` failed, best first. `offers` are the other servers
/// discovery found for the same role and protocol; `app_password_url` comes from the
/// provider note.
pub fn next_actions(
    test: &ServerTest,
    offers: &[Offer],
    app_password_url: Option<&str>,
) -> Vec<NextAction> {
    let mut actions = Vec::new();
    let role = test.role;
    let alternative = offers
        .iter()
        .position(|o| o.settings() != test.server && protocol_fits(&o.settings(), &test.server))
        .map(|index| NextAction::TryAlternative { role, index });
    match test.cause() {
        Some(Cause::AuthFailed | Cause::UnsendableCredentials) => {
            actions.push(NextAction::FixPassword);
        }
        Some(Cause::AppPasswordRequired) => {
            actions.push(NextAction::CreateAppPassword {
                url: app_password_url.map(str::to_string),
            });
            actions.push(NextAction::FixPassword);
        }
        Some(Cause::OauthRequired) => {
            if let Some(url) = app_password_url {
                actions.push(NextAction::CreateAppPassword {
                    url: Some(url.to_string()),
                });
            }
        }
        Some(Cause::PortBlocked) => {
            // The protocol's other standard port answered: offer exactly that one.
            let p = test.server.protocol;
            let tls = p.default_port(Security::Tls);
            let (security, port) = if test.server.port == tls {
                (Security::StartTls, p.default_port(Security::StartTls))
            } else {
                (Security::Tls, tls)
            };
            actions.push(NextAction::TrySecurity {
                role,
                security,
                port,
            });
            actions.extend(alternative.clone());
        }
        Some(
            Cause::TlsOnPlaintextPort
            | Cause::PlaintextOnTlsPort
            | Cause::StarttlsNotOffered
            | Cause::StarttlsFailed
            | Cause::TlsHandshakeFailed
            | Cause::PlaintextAuthRefused
            | Cause::InsecureConnectionRefused
            | Cause::ConnectionRefused
            | Cause::ConnectionTimeout
            | Cause::WrongProtocol
            | Cause::GreetingTimeout,
        ) => {
            if let Some((security, port)) = other_security(&test.server) {
                actions.push(NextAction::TrySecurity {
                    role,
                    security,
                    port,
                });
            }
            actions.extend(alternative.clone());
        }
        _ => {
            actions.extend(alternative.clone());
        }
    }
    if !actions
        .iter()
        .any(|a| matches!(a, NextAction::TryAlternative { .. }))
    {
        // An alternative never hurts when the cause is not the password.
        if !test.cause().is_some_and(Cause::is_credentials) {
            actions.extend(alternative);
        }
    }
    actions.push(NextAction::Retry);
    actions.push(NextAction::EditSettings);
    actions
}

fn protocol_fits(offer: &ServerSettings, tested: &ServerSettings) -> bool {
    offer.protocol == tested.protocol
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Protocol;
    use crate::probe::{Diagnosis, Outcome, ServerFacts};

    fn server(security: Security) -> ServerSettings {
        ServerSettings {
            protocol: Protocol::Imap,
            host: "imap.example.com".into(),
            port: Protocol::Imap.default_port(security),
            security,
            username: "a@example.com".into(),
        }
    }

    fn step(kind: StepKind, status: StepStatus) -> Step {
        Step {
            kind,
            status,
            started_ms: 0,
            ms: 5,
            detail: format!("{kind:?}"),
        }
    }

    fn failed_report(s: &ServerSettings, cause: Cause, steps: Vec<Step>) -> Box<ProbeReport> {
        Box::new(ProbeReport {
            server: s.clone(),
            outcome: Outcome::Failed {
                diagnosis: Diagnosis {
                    cause,
                    summary: "s".into(),
                    advice: "a".into(),
                    server_reply: None,
                    step: StepKind::Authenticate,
                    detail: "d".into(),
                },
            },
            steps,
            tls: None,
            server_facts: ServerFacts::default(),
            warnings: Vec::new(),
            transcript: Vec::new(),
            total_ms: 10,
        })
    }

    #[test]
    fn a_running_test_shows_one_spinner_on_the_first_open_line() {
        let mut t = ServerTest::new(Role::Incoming, server(Security::Tls), TaskId(1));
        let states: Vec<_> = t.rows().into_iter().map(|r| r.state).collect();
        assert_eq!(states[0], RowState::Running);
        assert!(states[1..].iter().all(|s| *s == RowState::Pending));
        t.live_steps.push(step(StepKind::Resolve, StepStatus::Ok));
        let rows = t.rows();
        assert_eq!(rows[0].state, RowState::Ok);
        assert_eq!(rows[0].ms, Some(5));
        assert_eq!(rows[1].state, RowState::Running);
    }

    #[test]
    fn starttls_secures_after_the_greeting() {
        let order = CheckItem::order(Security::StartTls);
        let g = order.iter().position(|i| *i == CheckItem::Greeting);
        let s = order.iter().position(|i| *i == CheckItem::Secure);
        assert!(g < s);
        let order = CheckItem::order(Security::Tls);
        let g = order.iter().position(|i| *i == CheckItem::Greeting);
        let s = order.iter().position(|i| *i == CheckItem::Secure);
        assert!(s < g);
    }

    #[test]
    fn a_failure_marks_its_line_and_the_rest_not_reached() {
        let s = server(Security::Tls);
        let mut t = ServerTest::new(Role::Incoming, s.clone(), TaskId(1));
        t.report = Some(failed_report(
            &s,
            Cause::AuthFailed,
            vec![
                step(StepKind::Resolve, StepStatus::Ok),
                step(StepKind::Connect, StepStatus::Ok),
                step(StepKind::Tls, StepStatus::Ok),
                step(StepKind::Greeting, StepStatus::Ok),
                step(StepKind::Capabilities, StepStatus::Ok),
                step(StepKind::Authenticate, StepStatus::Failed),
            ],
        ));
        t.state = TestState::Failed;
        let rows = t.rows();
        assert_eq!(rows[3].item, CheckItem::Greeting);
        assert_eq!(rows[3].ms, Some(10), "greeting + capabilities");
        assert_eq!(rows[4].state, RowState::Failed);
        assert_eq!(rows[5].state, RowState::NotReached);
        assert_eq!(
            next_actions(&t, &[], None),
            vec![
                NextAction::FixPassword,
                NextAction::Retry,
                NextAction::EditSettings
            ]
        );
    }

    #[test]
    fn a_security_mismatch_offers_the_other_mode_and_an_alternative() {
        let s = server(Security::Tls);
        let mut t = ServerTest::new(Role::Incoming, s.clone(), TaskId(1));
        t.report = Some(failed_report(&s, Cause::TlsOnPlaintextPort, vec![]));
        t.state = TestState::Failed;
        let alt = crate::wizard::tests::offer(
            ServerSettings {
                host: "mail.example.com".into(),
                ..s.clone()
            },
            "guess",
        );
        let same = crate::wizard::tests::offer(s.clone(), "guess");
        let actions = next_actions(&t, &[same, alt], Some("https://example.com/app"));
        assert_eq!(
            actions[0],
            NextAction::TrySecurity {
                role: Role::Incoming,
                security: Security::StartTls,
                port: 143
            }
        );
        assert_eq!(
            actions[1],
            NextAction::TryAlternative {
                role: Role::Incoming,
                index: 1
            }
        );
    }

    #[test]
    fn an_app_password_failure_links_to_the_providers_page() {
        let s = server(Security::Tls);
        let mut t = ServerTest::new(Role::Incoming, s.clone(), TaskId(1));
        t.report = Some(failed_report(&s, Cause::AppPasswordRequired, vec![]));
        t.state = TestState::Failed;
        let actions = next_actions(&t, &[], Some("https://example.com/app"));
        assert_eq!(
            actions[0],
            NextAction::CreateAppPassword {
                url: Some("https://example.com/app".into())
            }
        );
    }

    #[test]
    fn plaintext_servers_skip_the_secure_line() {
        let mut t = ServerTest::new(Role::Incoming, server(Security::Plain), TaskId(1));
        t.state = TestState::Verified;
        let rows = t.rows();
        let secure = rows.iter().find(|r| r.item == CheckItem::Secure).unwrap();
        assert_eq!(secure.state, RowState::Skipped);
    }
}
