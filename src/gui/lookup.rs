//! Page 2, "Looking up your provider": every discovery source with its live status (waiting,
//! found, nothing, failed) and time; Cancel; "Set up manually" at any time.

use egui::{RichText, Ui};

use crate::wizard::{Event, LookupState, NextAction, SourceState, Wizard};

use super::theme::palette;
use super::widgets::{Mark, boxed, button, duration, mark, marked, primary};

pub fn body(ui: &mut Ui, w: &Wizard, _out: &mut Vec<Event>) {
    let p = palette(ui);
    let domain = w
        .email()
        .map(|e| e.domain().to_string())
        .unwrap_or_default();
    match w.lookup() {
        LookupState::Running(_) => {
            ui.label(format!(
                "Asking every place that may know the mail servers of {domain}. This usually takes a few seconds."
            ));
        }
        LookupState::NothingFound(_) => {
            boxed(ui, p.warn_fill, p.warn, |ui| {
                marked(
                    ui,
                    Mark::Skipped,
                    RichText::new(format!("We could not find complete settings for {domain}."))
                        .strong(),
                );
                ui.label("Check the address for typing mistakes, or enter the servers by hand: your provider's help pages list them.");
            });
        }
        LookupState::Failed(reason) => {
            boxed(ui, p.fail_fill, p.fail, |ui| {
                marked(
                    ui,
                    Mark::Failed,
                    RichText::new("The lookup could not run.").strong(),
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
                    SourceState::Waiting => (Mark::Running, "waiting".to_string()),
                    SourceState::Found(1) => (Mark::Ok, "found 1 server".to_string()),
                    SourceState::Found(n) => (Mark::Ok, format!("found {n} servers")),
                    SourceState::Nothing => (Mark::Nothing, "nothing".to_string()),
                    SourceState::Failed(why) => (Mark::Failed, format!("failed: {why}")),
                    SourceState::NotNeeded => (Mark::Nothing, "not needed".to_string()),
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
                super::a11y::status(&status, done, format!("{}: {words}{time}", s.label));
                ui.end_row();
            }
        });
    if w.sources().is_empty() && matches!(w.lookup(), LookupState::Running(_)) {
        ui.horizontal(|ui| {
            mark(ui, Mark::Running);
            ui.label("Starting…");
        });
    }
}

pub fn nav(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let running = matches!(w.lookup(), LookupState::Running(_));
    ui.horizontal(|ui| {
        if button(ui, if running { "Cancel" } else { "Back" }, true) {
            out.push(if running { Event::Cancel } else { Event::Back });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if !running && primary(ui, "Try again", true) {
                out.push(Event::Action(NextAction::Retry));
            }
            if button(ui, "Set up manually", true) {
                out.push(Event::SetUpManually);
            }
        });
    });
}
