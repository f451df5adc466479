//! "Send a test message to myself" on the testing page: the round trip (`crate::roundtrip`)
//! as wizard state. Off by default, since it sends one real message (and deletes it again).
//!
//! In order: the person ticks the option (`RoundTripEvent::Want`); once both the incoming and
//! the outgoing server verified, the wizard asks the runtime for `Effect::RoundTrip` with the
//! servers that verified; the runtime tells when the SMTP server took the message (`Sent`)
//! and then answers `Done` with the engine's report. Retesting a server, Cancel, Back or
//! unticking drop a running round trip and its result; answers of dropped tasks are ignored.
//! The message flow itself follows RFC 5321 (sending) and RFC 9051 / RFC 1939 (finding).

use crate::probe::StepKind;
use crate::roundtrip::{RoundTrip, RoundTripReport};

use super::checklist::RowState;
use super::events::Effect;
use super::events::RoundTripEvent;
use super::state::RoundTripState;
use super::types::Role;
use super::{Page, Wizard};

/// One checklist line of the round trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundTripRow {
    pub label: String,
    pub state: RowState,
    /// What happened, in words ("after 1.2 s", "queue id 4AbC").
    pub words: String,
}

impl Wizard {
    /// Whether "Send a test message to myself" is ticked.
    pub fn round_trip_wanted(&self) -> bool {
        self.round_trip.wanted
    }

    pub fn round_trip_state(&self) -> &RoundTripState {
        &self.round_trip.state
    }

    /// The finished round trip, for the report.
    pub fn round_trip_report(&self) -> Option<&RoundTripReport> {
        match &self.round_trip.state {
            RoundTripState::Done(r) => Some(r),
            _ => None,
        }
    }

    /// Whether a round trip is running.
    pub fn round_trip_running(&self) -> bool {
        matches!(self.round_trip.state, RoundTripState::Running { .. })
    }

    /// The round trip's checklist lines: send, wait for it in the inbox, delete it.
    pub fn round_trip_rows(&self) -> Vec<RoundTripRow> {
        let row = |label: Step, state, words: String| RoundTripRow {
            label: label.words(),
            state,
            words,
        };
        let (send, wait, delete) = match &self.round_trip.state {
            RoundTripState::Idle => return Vec::new(),
            RoundTripState::Running { sent: false, .. } => (
                row(SEND, RowState::Running, t!("roundtrip-sending")),
                row(WAIT, RowState::Pending, String::new()),
                row(DELETE, RowState::Pending, String::new()),
            ),
            RoundTripState::Running { sent: true, .. } => (
                row(SEND, RowState::Ok, t!("roundtrip-sent")),
                row(WAIT, RowState::Running, t!("roundtrip-waiting")),
                row(DELETE, RowState::Pending, String::new()),
            ),
            RoundTripState::Done(r) => match &r.outcome {
                RoundTrip::Arrived {
                    after_ms,
                    deleted,
                    left_flagged,
                } => (
                    row(SEND, RowState::Ok, sent_words(r)),
                    row(
                        WAIT,
                        RowState::Ok,
                        t!("roundtrip-arrived-after", seconds = secs(*after_ms)),
                    ),
                    if *deleted {
                        row(DELETE, RowState::Ok, t!("roundtrip-deleted"))
                    } else if *left_flagged {
                        row(DELETE, RowState::Ok, t!("roundtrip-left-flagged"))
                    } else {
                        row(DELETE, RowState::Failed, t!("roundtrip-not-deleted"))
                    },
                ),
                RoundTrip::NotArrived { waited_ms, .. } => (
                    row(SEND, RowState::Ok, sent_words(r)),
                    row(
                        WAIT,
                        RowState::Failed,
                        t!("roundtrip-not-arrived-within", seconds = secs(*waited_ms)),
                    ),
                    row(DELETE, RowState::NotReached, String::new()),
                ),
                RoundTrip::NotSent { .. } => (
                    row(SEND, RowState::Failed, t!("roundtrip-not-sent")),
                    row(WAIT, RowState::NotReached, String::new()),
                    row(DELETE, RowState::NotReached, String::new()),
                ),
                RoundTrip::NotChecked { .. } => (
                    row(SEND, RowState::Ok, sent_words(r)),
                    row(WAIT, RowState::Failed, t!("roundtrip-not-searched")),
                    row(DELETE, RowState::NotReached, String::new()),
                ),
            },
        };
        vec![send, wait, delete]
    }

    pub(super) fn on_round_trip(&mut self, event: RoundTripEvent) -> Vec<Effect> {
        match event {
            RoundTripEvent::Want(on) => {
                self.round_trip.wanted = on;
                if on {
                    self.start_round_trip()
                } else {
                    self.drop_round_trip()
                }
            }
            RoundTripEvent::Sent { task } => {
                if let RoundTripState::Running { task: t, sent } = &mut self.round_trip.state
                    && *t == task
                {
                    *sent = true;
                }
                Vec::new()
            }
            RoundTripEvent::Done { task, report } => {
                if matches!(self.round_trip.state, RoundTripState::Running { task: t, .. } if t == task)
                {
                    self.round_trip.state = RoundTripState::Done(report);
                }
                Vec::new()
            }
        }
    }

    /// Asks for the round trip when it is wanted, both servers verified and it has not run
    /// for these servers yet.
    pub(super) fn start_round_trip(&mut self) -> Vec<Effect> {
        if !self.round_trip.wanted
            || self.page != Page::Testing
            || !self.all_verified()
            || self.round_trip.state != RoundTripState::Idle
        {
            return Vec::new();
        }
        let (Some(address), Some(incoming), Some(outgoing)) = (
            self.tested_email.clone(),
            self.tests.get(&Role::Incoming),
            self.tests.get(&Role::Outgoing),
        ) else {
            return Vec::new();
        };
        let (incoming, smtp) = (incoming.server.clone(), outgoing.server.clone());
        let allow_plaintext = self.plaintext_allowed(&incoming) || self.plaintext_allowed(&smtp);
        let extra_ca = self
            .extra_ca_for(&smtp)
            .or_else(|| self.extra_ca_for(&incoming));
        let mut pins = self.pins_for(&smtp);
        pins.extend(self.pins_for(&incoming));
        let task = self.task();
        self.round_trip.state = RoundTripState::Running { task, sent: false };
        vec![Effect::RoundTrip {
            task,
            address,
            smtp,
            incoming,
            secret: self.secret(),
            allow_plaintext,
            extra_ca,
            pins,
        }]
    }

    /// Stops a running round trip and forgets a finished one (the servers changed, or the
    /// person no longer wants it).
    pub(super) fn drop_round_trip(&mut self) -> Vec<Effect> {
        let state = std::mem::take(&mut self.round_trip.state);
        match state {
            RoundTripState::Running { task, .. } => vec![Effect::Cancel { task }],
            _ => Vec::new(),
        }
    }
}

/// The round trip's three lines.
#[derive(Debug, Clone, Copy)]
enum Step {
    Send,
    Wait,
    Delete,
}
use Step::{Delete as DELETE, Send as SEND, Wait as WAIT};

impl Step {
    fn words(self) -> String {
        match self {
            Step::Send => t!("roundtrip-step-send"),
            Step::Wait => t!("roundtrip-step-wait"),
            Step::Delete => t!("roundtrip-step-delete"),
        }
    }
}

/// "sent (queue id 4AbC)" when the server named its queue id.
fn sent_words(r: &RoundTripReport) -> String {
    let queue = r
        .sent
        .server_facts
        .test_message
        .as_ref()
        .and_then(|f| f.queue_id.as_deref());
    let send_ms = r
        .sent
        .steps
        .iter()
        .find(|s| s.kind == StepKind::SendMessage)
        .map(|s| secs(s.ms));
    let sent = match send_ms {
        Some(seconds) => t!("roundtrip-sent-in", seconds = seconds),
        None => t!("roundtrip-sent"),
    };
    match queue {
        Some(q) => format!("{sent} {}", t!("roundtrip-queue-id", queue = q)),
        None => sent,
    }
}

/// "340 ms" under a second, "2.3 s" above.
fn secs(ms: u64) -> String {
    crate::i18n::duration(ms)
}

#[cfg(test)]
mod tests {
    use super::super::events::Event;
    use super::super::tests::{PASSWORD, at_testing, probes, report};
    use super::super::types::TaskId;
    use super::super::verify_tests;
    use super::*;
    use crate::probe::Cause;

    /// On the testing page, both servers verified, with the round trip's effects so far.
    fn verified(want_first: bool) -> (Wizard, Vec<Effect>) {
        let (mut w, task) = at_testing();
        let mut fx = Vec::new();
        if want_first {
            fx.extend(w.handle(Event::RoundTrip(RoundTripEvent::Want(true))));
        }
        let planned = |role| (w.test(role).expect("a test").server.clone(), true);
        let report = crate::verify::VerifyReport {
            incoming: verify_tests::outcome(&w, &[planned(Role::Incoming)], None),
            outgoing: Some(verify_tests::outcome(&w, &[planned(Role::Outgoing)], None)),
            elapsed_ms: 30,
        };
        fx.extend(w.handle(Event::Verified {
            task,
            report: Box::new(report),
        }));
        assert!(w.all_verified());
        (w, fx)
    }

    fn round_trips(fx: &[Effect]) -> Vec<TaskId> {
        fx.iter()
            .filter_map(|e| match e {
                Effect::RoundTrip { task, .. } => Some(*task),
                _ => None,
            })
            .collect()
    }

    fn done(w: &Wizard, outcome: RoundTrip) -> Box<RoundTripReport> {
        let server = w.test(Role::Outgoing).unwrap().server.clone();
        Box::new(RoundTripReport {
            message_id: "mailsetup-test.x@example.com".into(),
            outcome,
            sent: *report(&server, None),
            searched: None,
            looks: 1,
            sign_ins: 1,
        })
    }

    #[test]
    fn off_by_default_nothing_is_sent() {
        let (w, fx) = verified(false);
        assert!(!w.round_trip_wanted());
        assert!(round_trips(&fx).is_empty());
        assert!(w.round_trip_rows().is_empty());
    }

    #[test]
    fn ticked_before_the_tests_it_runs_once_both_servers_verified() {
        let (w, fx) = verified(true);
        let tasks = round_trips(&fx);
        assert_eq!(tasks.len(), 1, "{fx:?}");
        let e = fx.iter().find(|e| matches!(e, Effect::RoundTrip { .. }));
        let text = format!("{e:?}");
        assert!(!text.contains(PASSWORD), "{text}");
        assert!(w.round_trip_running());
        let rows = w.round_trip_rows();
        assert_eq!(rows[0].state, RowState::Running);
        assert_eq!(rows[1].state, RowState::Pending);
    }

    #[test]
    fn ticked_after_the_tests_it_runs_at_once_and_reports_arrival() {
        let (mut w, _) = verified(false);
        let fx = w.handle(Event::RoundTrip(RoundTripEvent::Want(true)));
        let [task] = round_trips(&fx)[..] else {
            panic!("{fx:?}")
        };
        w.handle(Event::RoundTrip(RoundTripEvent::Sent { task }));
        assert_eq!(w.round_trip_rows()[1].state, RowState::Running);
        let report = done(
            &w,
            RoundTrip::Arrived {
                after_ms: 2300,
                deleted: true,
                left_flagged: false,
            },
        );
        w.handle(Event::RoundTrip(RoundTripEvent::Done { task, report }));
        let rows = w.round_trip_rows();
        assert!(rows.iter().all(|r| r.state == RowState::Ok), "{rows:?}");
        assert_eq!(rows[1].words, "arrived after 2.3 s");
        assert!(w.round_trip_report().is_some());
        // The window's report carries it.
        let header = crate::report::Header {
            app: "mailsetup".into(),
            version: "0.0.0".into(),
            os: "testos".into(),
            generated_at: time::macros::datetime!(2026-12-01 08:00:00 UTC),
        };
        let text = w.report(header).markdown();
        assert!(text.contains("### Round trip — **PASS**"), "{text}");
        assert!(text.contains("mailsetup-test.x@example.com"), "{text}");
        assert!(!text.contains(PASSWORD), "{text}");
        // Ticking again does not send a second message for the same servers.
        assert!(round_trips(&w.handle(Event::RoundTrip(RoundTripEvent::Want(true)))).is_empty());
    }

    #[test]
    fn a_message_left_flagged_says_so_on_the_delete_line() {
        let (mut w, fx) = verified(true);
        let [task] = round_trips(&fx)[..] else {
            panic!("{fx:?}")
        };
        let report = done(
            &w,
            RoundTrip::Arrived {
                after_ms: 900,
                deleted: false,
                left_flagged: true,
            },
        );
        w.handle(Event::RoundTrip(RoundTripEvent::Done { task, report }));
        let rows = w.round_trip_rows();
        assert_eq!(rows[2].state, RowState::Ok, "{rows:?}");
        assert!(
            rows[2].words.contains("left flagged as deleted"),
            "{rows:?}"
        );
    }

    #[test]
    fn not_arrived_fails_the_waiting_line_and_stale_answers_are_dropped() {
        let (mut w, fx) = verified(true);
        let [task] = round_trips(&fx)[..] else {
            panic!("{fx:?}")
        };
        let stale = done(
            &w,
            RoundTrip::Arrived {
                after_ms: 1,
                deleted: true,
                left_flagged: false,
            },
        );
        w.handle(Event::RoundTrip(RoundTripEvent::Done {
            task: TaskId(task.0 + 100),
            report: stale,
        }));
        assert!(w.round_trip_running());
        let report = done(
            &w,
            RoundTrip::NotArrived {
                waited_ms: 3000,
                queue_id: Some("4AbC".into()),
                accepted: None,
            },
        );
        w.handle(Event::RoundTrip(RoundTripEvent::Done { task, report }));
        let rows = w.round_trip_rows();
        assert_eq!(rows[1].state, RowState::Failed);
        assert_eq!(rows[1].words, "did not arrive within 3.0 s");
        assert_eq!(rows[2].state, RowState::NotReached);
    }

    #[test]
    fn unticking_or_retesting_stops_the_running_round_trip() {
        let (mut w, fx) = verified(true);
        let [task] = round_trips(&fx)[..] else {
            panic!("{fx:?}")
        };
        let fx = w.handle(Event::RoundTrip(RoundTripEvent::Want(false)));
        assert!(
            matches!(fx.as_slice(), [Effect::Cancel { task: t }] if *t == task),
            "{fx:?}"
        );
        assert_eq!(*w.round_trip_state(), RoundTripState::Idle);

        // Ticked again: runs; then a retest of a server drops it.
        let fx = w.handle(Event::RoundTrip(RoundTripEvent::Want(true)));
        let [task] = round_trips(&fx)[..] else {
            panic!("{fx:?}")
        };
        let fx = w.handle(Event::Action(crate::wizard::NextAction::TrySecurity {
            role: Role::Incoming,
            security: crate::account::Security::Tls,
            port: 993,
        }));
        assert!(
            fx.iter()
                .any(|e| matches!(e, Effect::Cancel { task: t } if *t == task)),
            "{fx:?}"
        );
        assert!(!w.round_trip_running());
        // A failed server never starts it.
        for (_, t, server) in probes(&fx) {
            let fx = w.handle(Event::ProbeDone {
                task: t,
                report: report(&server, Some((Cause::AuthFailed, StepKind::Authenticate))),
            });
            assert!(round_trips(&fx).is_empty());
        }
    }
}
