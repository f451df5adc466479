//! The technician's side of the wizard: the report the window copies or saves, the live
//! transcript of running tests, and the "Technician view" switch.
//!
//! In order: the window asks for a report (`TechnicianEvent::Report`, with the header it
//! made: version, system, time), the wizard builds the one `report::Document` the command
//! line prints too (where the settings came from, every finished server report) and hands
//! its Markdown out as `TechnicianEffect::Copy` or `Save`; the window reports back where the
//! file went (`Saved`). While tests run, the engine's transcript lines arrive as `Line`s and
//! are kept per task (bounded) until the test's report, which holds the whole transcript,
//! replaces them. Everything here is already redacted by the engine; nothing here holds
//! the password.
//!
//! What became of the last report ("The report is on the clipboard", "… was not saved") is
//! said only while it is true: it belongs to the page and the report it was said for, and goes
//! when either changes. The report says where this run's settings came from: the lookup only
//! when it was for the address tested and the tests used what it found, "entered by hand"
//! when the person typed them.

use crate::account::ServerSettings;
use crate::probe::{ProbeReport, TranscriptLine};
use crate::report::{CandidateLine, DiscoverySummary, Document, Header, SourceLine};

use super::events::{Effect, Event};
use super::events::{LiveLine, ReportAction, TechnicianEffect, TechnicianEvent};
use super::types::{Role, SourceState, TaskId};
use super::{LookupState, Wizard};

/// Lines kept per running test (the engine's transcript has its own, larger cap).
const MAX_LIVE_LINES: usize = 400;

impl Wizard {
    /// Whether the technician view (live transcript) is on.
    pub fn technician_view(&self) -> bool {
        self.technician.view
    }

    /// What became of the last report, in words, while the page and the report are the ones
    /// it was said for.
    pub fn report_note(&self) -> Option<&str> {
        match &self.technician.note {
            Some((note, page, stamp)) if *page == self.page && *stamp == self.report_stamp() => {
                Some(note.as_str())
            }
            _ => None,
        }
    }

    /// Names what the report holds now: the finished tests and the round trip (a new
    /// result, a retry or another server give another stamp).
    fn report_stamp(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for t in self.tests.values() {
            t.role.hash(&mut h);
            t.server.to_string().hash(&mut h);
            t.task().hash(&mut h);
            if let Some(r) = &t.report {
                (
                    r.total_ms,
                    r.steps.len(),
                    r.transcript.len(),
                    r.is_verified(),
                )
                    .hash(&mut h);
            }
        }
        if let Some(rt) = self.round_trip_report() {
            (rt.looks, rt.message_id.as_str(), rt.arrived()).hash(&mut h);
        }
        h.finish()
    }

    fn set_note(&mut self, note: String) {
        self.technician.note = Some((note, self.page, self.report_stamp()));
    }

    /// Whether there is anything to report yet (a finished test).
    pub fn has_report(&self) -> bool {
        self.tests.values().any(|t| t.report.is_some())
    }

    /// The transcript of a role's test: the report's once finished, else the lines so far.
    pub fn transcript(&self, role: Role) -> Vec<LiveLine> {
        let Some(test) = self.tests.get(&role) else {
            return Vec::new();
        };
        if let Some(report) = &test.report {
            return report
                .transcript
                .iter()
                .map(|line| LiveLine {
                    server: report.server.clone(),
                    line: line.clone(),
                })
                .collect();
        }
        test.task()
            .and_then(|t| self.technician.live.get(&t))
            .cloned()
            .unwrap_or_default()
    }

    /// The technician report of what the window found and tested so far.
    pub fn report(&self, header: Header) -> Document {
        let email = self
            .tested_email
            .clone()
            .or_else(|| self.email())
            .map(|e| e.to_string())
            .unwrap_or_else(|| self.email_text.clone());
        let servers: Vec<ProbeReport> = self
            .tests
            .values()
            .filter_map(|t| t.report.as_deref().cloned())
            .collect();
        // The lookup belongs in the report when it was for this address and the tests took
        // what it found; settings the person typed say so.
        let looked_up = self.discovered_for.is_some() && self.discovered_for == self.tested_email;
        let found = self.tests.values().any(|t| t.found.is_some());
        let typed = self.tests.values().any(|t| t.found.is_none());
        let discovery = if looked_up && (found || !typed) {
            self.discovery_summary()
        } else {
            None
        };
        Document::new(header, email, discovery, servers, Vec::new())
            .entered_by_hand(typed)
            .with_round_trip(self.round_trip_report().cloned())
    }

    /// Where the settings came from, as the lookup page saw it.
    fn discovery_summary(&self) -> Option<DiscoverySummary> {
        let d = match &self.lookup {
            LookupState::Finished(d) | LookupState::NothingFound(d) => Some(d),
            _ => None,
        };
        if d.is_none() && self.sources.is_empty() {
            return None;
        }
        let sources = self
            .sources
            .iter()
            .map(|s| SourceLine {
                source: s.key.code().into(),
                label: s.label.clone(),
                result: match &s.state {
                    SourceState::Waiting => "no answer yet".into(),
                    SourceState::Found(n) => format!("found {n}"),
                    SourceState::Nothing => "nothing for this domain".into(),
                    SourceState::Failed(Some(why)) => format!("failed: {why}"),
                    SourceState::Failed(None) => "failed: no answer in time".into(),
                    SourceState::NotNeeded => "not needed (stopped early)".into(),
                },
                ms: s.ms,
                asked: Vec::new(),
            })
            .collect();
        let candidates = d
            .map(|d| {
                d.incoming
                    .iter()
                    .chain(&d.outgoing)
                    .map(|o| CandidateLine {
                        protocol: o.settings().protocol,
                        host: o.settings().host.clone(),
                        port: o.settings().port,
                        security: o.settings().security,
                        found_by: o
                            .candidate
                            .origins
                            .iter()
                            .map(|g| g.source.label())
                            .collect(),
                        vouch: o.vouch().clone(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(DiscoverySummary {
            elapsed_ms: self.sources.iter().filter_map(|s| s.ms).max(),
            provider: d.and_then(|d| d.note.as_ref()).map(|n| n.name.clone()),
            sources,
            candidates,
            disagreements: d.map(|d| d.disagreements.clone()).unwrap_or_default(),
            jmap: d.and_then(|d| d.jmap.as_ref()).map(|j| j.words()),
        })
    }

    pub(super) fn on_technician(&mut self, event: TechnicianEvent) -> Vec<Effect> {
        match event {
            TechnicianEvent::View(on) => {
                if self.technician.view == on {
                    return Vec::new();
                }
                self.technician.view = on;
                vec![Effect::Technician(TechnicianEffect::RememberView(on))]
            }
            TechnicianEvent::Report { action, header } => {
                let date = header.generated_at.date();
                let text = self.report(*header).markdown();
                match action {
                    ReportAction::Copy => {
                        self.set_note(t!("report-copied"));
                        vec![Effect::Technician(TechnicianEffect::Copy(text))]
                    }
                    ReportAction::Save => {
                        let file_name = format!("mailsetup-report-{date}.md");
                        vec![Effect::Technician(TechnicianEffect::Save {
                            text,
                            file_name,
                        })]
                    }
                }
            }
            TechnicianEvent::WriteTo { path, text } => vec![Effect::WriteReport { path, text }],
            TechnicianEvent::Saved(result) => {
                let note = match result {
                    Ok(path) => t!("report-saved", path = path.display().to_string()),
                    Err(why) => super::words::sentence(&t!("report-not-saved", why = why.as_str())),
                };
                self.set_note(note);
                Vec::new()
            }
            TechnicianEvent::Line { task, server, line } => {
                let current: Vec<TaskId> = self.tests.values().filter_map(|t| t.task()).collect();
                // Lines of cancelled or finished tasks are not kept.
                self.technician.live.retain(|t, _| current.contains(t));
                if current.contains(&task) {
                    let lines = self.technician.live.entry(task).or_default();
                    if lines.len() < MAX_LIVE_LINES {
                        lines.push(LiveLine { server, line });
                    }
                }
                Vec::new()
            }
        }
    }
}

/// The event a runtime sends for one transcript line of task `task`.
pub fn line_event(task: TaskId, server: ServerSettings, line: TranscriptLine) -> Event {
    Event::Technician(TechnicianEvent::Line { task, server, line })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{PASSWORD, at_testing, report};
    use super::*;
    use crate::probe::{Cause, Direction, StepKind};

    fn header() -> Box<Header> {
        Box::new(Header {
            app: "mailsetup".into(),
            version: "0.0.0".into(),
            os: "testos".into(),
            generated_at: time::macros::datetime!(2026-12-01 08:00:00 UTC),
        })
    }

    /// On the testing page with the verification of both servers running: its task.
    fn testing() -> (Wizard, TaskId) {
        at_testing()
    }

    fn line(text: &str) -> TranscriptLine {
        TranscriptLine {
            at_ms: 1,
            direction: Direction::Received,
            text: text.into(),
        }
    }

    #[test]
    fn live_lines_show_while_testing_and_only_for_the_running_task() {
        let (mut w, task) = testing();
        let server = w.test(Role::Incoming).unwrap().server.clone();
        w.handle(line_event(task, server.clone(), line("* OK ready")));
        w.handle(line_event(TaskId(999), server, line("from an old task")));
        let lines = w.transcript(Role::Incoming);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].line.text, "* OK ready");
    }

    #[test]
    fn the_view_switch_is_remembered_once_per_change() {
        let (mut w, _) = testing();
        let fx = w.handle(Event::Technician(TechnicianEvent::View(true)));
        assert!(w.technician_view());
        assert!(matches!(
            fx.as_slice(),
            [Effect::Technician(TechnicianEffect::RememberView(true))]
        ));
        assert!(
            w.handle(Event::Technician(TechnicianEvent::View(true)))
                .is_empty()
        );
        // Another account keeps the switch, not the report of this one.
        w.technician.note = Some(("Report saved to x.".into(), w.page, 0));
        let next = w.technician.for_next_account();
        assert!(next.view && next.note.is_none() && next.live.is_empty());
    }

    #[test]
    fn copy_hands_out_the_markdown_report_without_the_password() {
        let (mut w, task) = testing();
        let server = w.test(Role::Incoming).unwrap().server.clone();
        w.handle(Event::ProbeDone {
            task,
            report: report(&server, Some((Cause::AuthFailed, StepKind::Authenticate))),
        });
        assert!(w.has_report());
        let fx = w.handle(Event::Technician(TechnicianEvent::Report {
            action: ReportAction::Copy,
            header: header(),
        }));
        let [Effect::Technician(TechnicianEffect::Copy(text))] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        assert!(text.contains("ann@example.com"), "{text}");
        assert!(
            text.contains("| Time | 2026-12-01 08:00:00 UTC |"),
            "{text}"
        );
        assert!(!text.contains(PASSWORD), "{text}");
        assert!(text.contains("NO [AUTHENTICATIONFAILED]"), "{text}");
        assert!(text.contains("Where the settings came from"), "{text}");
        assert!(w.report_note().is_some());
        let fx = w.handle(Event::Technician(TechnicianEvent::Report {
            action: ReportAction::Save,
            header: header(),
        }));
        let [Effect::Technician(TechnicianEffect::Save { file_name, .. })] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        assert_eq!(file_name, "mailsetup-report-2026-12-01.md");
    }
}
