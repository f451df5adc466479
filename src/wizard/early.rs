//! Testing before the person asks (issue 24 §6): while discovery still runs, and while the
//! person reads the protocol page, the servers the protocol page would test are tested
//! already — the same verification run (`start_verify`) on the answers in hand
//! (`Event::Leading`), and only when both hosts are vouched for, so the password goes nowhere
//! the person would have to confirm first (RFC 6186 §6).
//!
//! When a better-ranked source later names other servers (a newer `Leading`, or the final
//! `Discovered`), the early run is cancelled and the better servers are tested instead; the
//! status line says so (`early_note`). Next on the protocol page adopts a run that tests what
//! the page plans; any other plan starts afresh.

use super::events::Effect;
use super::types::{Discovery, EarlyCheck, TaskId};
use super::{LookupState, Wizard};

impl Wizard {
    /// Discovery's answers so far: test the best vouched servers among them (or keep testing).
    pub(super) fn on_leading(&mut self, leading: Discovery) -> Vec<Effect> {
        // The planning works from a finished lookup; for the answers so far it is lent one.
        let running = std::mem::replace(&mut self.lookup, LookupState::Finished(leading));
        let out = self.test_early();
        self.lookup = running;
        out
    }

    /// Tests the servers the protocol page plans, unless an early run tests them already;
    /// switches (saying so) when an early run tests others. Nothing when a planned host is
    /// not vouched for: that waits for the person's confirmation on the page.
    pub(super) fn test_early(&mut self) -> Vec<Effect> {
        let planned = self
            .planned()
            .filter(|(i, o)| i.vouch().is_vouched() && o.vouch().is_vouched());
        let Some((incoming, outgoing)) = planned else {
            return self.drop_early();
        };
        let plan = (incoming.settings(), outgoing.settings());
        let mut out = Vec::new();
        match &self.early {
            Some(e) if e.plan == plan => return out,
            Some(e) => {
                let changed = if e.plan.0 != plan.0 {
                    &incoming
                } else {
                    &outgoing
                };
                let source = changed
                    .candidate
                    .origins
                    .first()
                    .map(|o| o.source.label())
                    .unwrap_or_default();
                self.early_note = Some(t!(
                    "early-switched",
                    source = super::capitalise(&source),
                    host = changed.candidate.host.as_str()
                ));
                out = self.drop_early();
            }
            None => {}
        }
        out.extend(self.start_verify());
        self.early = self
            .tests
            .values()
            .find_map(|t| t.task())
            .map(|task| EarlyCheck { task, plan });
        out
    }

    /// Cancels an early run that was not adopted and forgets its tests.
    pub(super) fn drop_early(&mut self) -> Vec<Effect> {
        if self.early.take().is_none() {
            return Vec::new();
        }
        let out = self.cancel_tests();
        self.tests.clear();
        out
    }

    /// Next on the protocol page: whether the early run tests what the page plans now (then
    /// it is kept, running or done); else it is dropped.
    pub(super) fn adopt_early(&mut self) -> bool {
        let plan = self.planned().map(|(i, o)| (i.settings(), o.settings()));
        self.early
            .take()
            .is_some_and(|e| Some(&e.plan) == plan.as_ref())
    }

    /// The task of an early run not yet adopted.
    pub(super) fn early_task(&self) -> Option<TaskId> {
        self.early.as_ref().map(|e| e.task)
    }

    /// The status line once an early test was switched to the servers a better-ranked source
    /// named ("… named a better-placed server, …: testing that one instead").
    pub fn early_note(&self) -> Option<&str> {
        self.early_note.as_deref()
    }
}
