//! The "Looking up your provider" and "How do you want to read mail?" pages of the wizard:
//! discovery runs and its answers, then the choice of IMAP or POP3 and the start of the tests.

use super::events::{Effect, Event};
use super::types::NextAction;
use super::{LookupState, Page, Wizard};

impl Wizard {
    pub(super) fn on_lookup(&mut self, event: Event) -> Vec<Effect> {
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
            Event::Leading { task, discovery } if Some(task) == running => {
                self.on_leading(discovery)
            }
            Event::Discovered { task, discovery } if Some(task) == running => {
                let enough = discovery.incoming.iter().any(|o| o.trusted())
                    && discovery.outgoing.iter().any(|o| o.trusted());
                if enough {
                    self.lookup = LookupState::Finished(discovery);
                    self.chosen = None;
                    // Back from the protocol page goes to the account page, not to a
                    // finished lookup.
                    self.page = Page::Protocol;
                    self.test_early()
                } else {
                    self.lookup = LookupState::NothingFound(discovery);
                    self.drop_early()
                }
            }
            Event::DiscoveryFailed { task, reason } if Some(task) == running => {
                self.lookup = LookupState::Failed(reason);
                Vec::new()
            }
            Event::Back | Event::Cancel => {
                let mut out = self.drop_early();
                if let Some(task) = running {
                    out.push(Effect::Cancel { task });
                }
                self.lookup = LookupState::Idle;
                self.discovered_for = None;
                self.back();
                out
            }
            Event::SetUpManually => {
                let mut out = self.drop_early();
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

    pub(super) fn start_discovery(&mut self) -> Vec<Effect> {
        let Some(email) = self.email() else {
            return Vec::new();
        };
        let mut out = self.drop_early();
        self.early_note = None;
        // The protocol the early test plans is the recommendation until the person chooses.
        self.chosen = None;
        let task = self.task();
        self.sources.clear();
        self.forget_consents();
        self.lookup = LookupState::Running(task);
        self.discovered_for = Some(email.clone());
        out.push(Effect::Discover { task, email });
        out
    }

    pub(super) fn on_protocol(&mut self, event: Event) -> Vec<Effect> {
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
            Event::Next if self.planned().is_some() => {
                if !self.recipients_cleared() {
                    return Vec::new();
                }
                self.clear_form_consents();
                self.go(Page::Testing);
                if self.adopt_early() {
                    // Tested already (or being tested) while the person chose.
                    return Vec::new();
                }
                return self.start_verify();
            }
            Event::Back | Event::Cancel => {
                self.page = Page::Account;
                self.history.clear();
                return self.drop_early();
            }
            Event::SetUpManually => {
                let out = self.drop_early();
                self.open_manual(None);
                return out;
            }
            _ => {}
        }
        Vec::new()
    }
}
