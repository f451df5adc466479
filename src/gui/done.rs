//! Page 6, "Done": what was saved and where (the account file, the keychain holding the
//! password), with "Add another account" and "Close". When the keychain is unavailable: the
//! precise reason and the choices — retry, the Linux kernel keyring, cancel. Never a
//! plain-text fallback. "Copy report" and "Save report…" hand the test report on.

use egui::{RichText, Ui};

use crate::wizard::{Event, SaveProblem, SaveState, Wizard};

use super::navbar::{self, NavButton, Side};
use super::theme::palette;
use super::widgets::{Mark, boxed, mark, marked};

pub fn body(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let p = palette(ui);
    let email = w.email().map(|e| e.to_string()).unwrap_or_default();
    match w.save_state() {
        SaveState::NotStarted => {}
        SaveState::Saving(..) => {
            ui.horizontal(|ui| {
                mark(ui, Mark::Running);
                ui.label(t!("done-saving"));
            });
            // A keychain may wait for an unlock prompt: the person can always stop here.
            if ui.button(t!("nav-cancel")).clicked() {
                out.push(Event::Cancel);
            }
        }
        SaveState::Saved(saved) => {
            let r = boxed(ui, p.note_fill, p.ok, |ui| {
                marked(
                    ui,
                    Mark::Ok,
                    RichText::new(t!("done-set-up", email = email.as_str()))
                        .color(p.ok)
                        .strong(),
                )
            });
            super::a11y::live(&r);
            super::report::buttons(ui, w, out);
            ui.add_space(4.0);
            egui::Grid::new("saved")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    ui.label(t!("done-account-file"));
                    ui.label(RichText::new(saved.config_path.display().to_string()).monospace());
                    ui.end_row();
                    ui.label(t!("done-password-stored-in"));
                    ui.label(&saved.keychain_label);
                    ui.end_row();
                    ui.label(t!("done-account-id"));
                    ui.label(RichText::new(&saved.account_id).monospace());
                    ui.end_row();
                    for t in w.tests() {
                        ui.label(t.role.label());
                        ui.label(format!(
                            "{} {} ({})",
                            t.server.protocol,
                            t.server.endpoint(),
                            t.server.security
                        ));
                        ui.end_row();
                    }
                });
            ui.label(t!("done-password-only-in-keychain"));
        }
        SaveState::Failed(problem, _) => failed(ui, problem, out),
    }
}

fn failed(ui: &mut Ui, problem: &SaveProblem, out: &mut Vec<Event>) {
    let p = palette(ui);
    match problem {
        SaveProblem::KeychainUnavailable {
            reason,
            advice,
            keyutils_possible,
        } => {
            boxed(ui, p.fail_fill, p.fail, |ui| {
                marked(
                    ui,
                    Mark::Failed,
                    RichText::new(t!("done-no-keychain")).strong(),
                );
                ui.label(reason);
                if !advice.is_empty() {
                    ui.label(advice);
                }
                ui.label(t!("done-nothing-saved"));
            });
            ui.add_space(4.0);
            ui.label(t!("done-what-you-can-do"));
            ui.horizontal_wrapped(|ui| {
                if ui.button(t!("nav-try-again")).clicked() {
                    out.push(Event::RetrySave);
                }
                if *keyutils_possible
                    && ui
                        .button(t!("done-use-keyutils"))
                        .on_hover_text(t!("done-use-keyutils-hover"))
                        .clicked()
                {
                    out.push(Event::UseKeyutils);
                }
                if ui.button(t!("nav-cancel")).clicked() {
                    out.push(Event::Cancel);
                }
            });
            if *keyutils_possible {
                ui.label(RichText::new(t!("done-keyutils-note")).small());
            }
        }
        SaveProblem::File { reason } => {
            boxed(ui, p.fail_fill, p.fail, |ui| {
                marked(
                    ui,
                    Mark::Failed,
                    RichText::new(t!("done-file-failed")).strong(),
                );
                ui.label(reason);
                ui.label(t!("done-file-failed-rolled-back"));
            });
            ui.horizontal(|ui| {
                if ui.button(t!("nav-try-again")).clicked() {
                    out.push(Event::RetrySave);
                }
                if ui.button(t!("nav-cancel")).clicked() {
                    out.push(Event::Cancel);
                }
            });
        }
    }
}

pub fn nav(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let saved = matches!(w.save_state(), SaveState::Saved(_));
    let right = [
        NavButton::primary(t!("nav-close")).enabled(saved),
        NavButton::new(t!("nav-add-another")).enabled(saved),
    ];
    match navbar::bar(ui, &[], &right, None) {
        Some((Side::Right, 0)) => out.push(Event::Close),
        Some((Side::Right, _)) => out.push(Event::AddAnother),
        _ => {}
    }
}
