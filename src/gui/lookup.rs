//! Page 2, "Looking up your provider": every discovery source with its live status (waiting,
//! found, nothing, failed), time and remark (a domain offering Exchange only); Cancel; "Set
//! up manually" at any time.

use egui::{RichText, Ui};

use crate::wizard::{Event, LookupState, NextAction, SourceState, Wizard};

use super::navbar::{self, NavButton, Side};
use super::theme::palette;
use super::widgets::{Mark, boxed, duration, mark, marked};

pub fn body(ui: &mut Ui, w: &Wizard, _out: &mut Vec<Event>) {
    let p = palette(ui);
    let domain = w
        .email()
        .map(|e| e.domain().to_string())
        .unwrap_or_default();
    match w.lookup() {
        LookupState::Running(_) => {
            ui.label(t!("lookup-asking", domain = domain.as_str()));
        }
        LookupState::NothingFound(_) => {
            boxed(ui, p.warn_fill, p.warn, |ui| {
                marked(
                    ui,
                    Mark::Skipped,
                    RichText::new(t!("lookup-nothing-found", domain = domain.as_str())).strong(),
                );
                ui.label(t!("lookup-nothing-found-advice"));
            });
        }
        LookupState::Failed(reason) => {
            boxed(ui, p.fail_fill, p.fail, |ui| {
                marked(
                    ui,
                    Mark::Failed,
                    RichText::new(t!("lookup-failed")).strong(),
                );
                ui.label(reason);
            });
        }
        LookupState::Idle | LookupState::Finished(_) => {}
    }
    ui.add_space(4.0);
    egui::Grid::new("sources")
        .num_columns(3)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for s in w.sources() {
                let (m, words) = match &s.state {
                    SourceState::Waiting => (Mark::Running, t!("lookup-waiting")),
                    SourceState::Found(n) => (Mark::Ok, t!("lookup-found", count = (*n))),
                    SourceState::Nothing => (Mark::Nothing, t!("lookup-nothing")),
                    SourceState::Failed(error) => {
                        let why = match error {
                            Some(e) => e.words(),
                            None => t!("discover-status-timed-out"),
                        };
                        (Mark::Failed, t!("lookup-source-failed", why = why))
                    }
                    SourceState::NotNeeded => (Mark::Nothing, t!("lookup-not-needed")),
                };
                mark(ui, m);
                ui.label(&s.label);
                let time =
                    s.ms.map(|ms| format!(" · {}", duration(ms)))
                        .unwrap_or_default();
                let status = ui.label(RichText::new(format!("{words}{time}")).color(match m {
                    Mark::Failed => p.fail,
                    Mark::Ok => p.ok,
                    _ => p.muted,
                }));
                let done = !matches!(s.state, SourceState::Waiting);
                super::a11y::status(
                    &status,
                    done,
                    t!(
                        "a11y-status-line",
                        label = s.label.as_str(),
                        status = format!("{words}{time}")
                    ),
                );
                ui.end_row();
                if let Some(remark) = &s.remark {
                    ui.label("");
                    ui.label("");
                    ui.label(RichText::new(remark).color(p.warn));
                    ui.end_row();
                }
            }
        });
    if w.sources().is_empty() && matches!(w.lookup(), LookupState::Running(_)) {
        ui.horizontal(|ui| {
            mark(ui, Mark::Running);
            ui.label(t!("lookup-starting"));
        });
    }
}

pub fn nav(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let running = matches!(w.lookup(), LookupState::Running(_));
    let left = [NavButton::new(if running {
        t!("nav-cancel")
    } else {
        t!("nav-back")
    })];
    let mut right = Vec::new();
    if !running {
        right.push(NavButton::primary(t!("nav-try-again")));
    }
    right.push(NavButton::new(t!("nav-set-up-manually")));
    match navbar::bar(ui, &left, &right, None) {
        Some((Side::Left, _)) => out.push(if running { Event::Cancel } else { Event::Back }),
        Some((Side::Right, i)) if i + 1 == right.len() => out.push(Event::SetUpManually),
        Some((Side::Right, _)) => out.push(Event::Action(NextAction::Retry)),
        None => {}
    }
}
