//! Page 6, "Done": what was saved and where (the account file, the keychain holding the
//! password), with "Add another account" and "Close". When the keychain is unavailable: the
//! precise reason and the choices — retry, the Linux kernel keyring, cancel. Never a
//! plain-text fallback. "Copy report" and "Save report…" hand the test report on. Below the
//! saved account: "Use this account on other devices and apps" (the phone code drawn by
//! `qr`, Save profile…, GNOME's Add, Save autoconfig…).

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
            hand_off(ui, w, out);
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

// --- "Use this account on other devices and apps" -----------------------------------------

/// The hand-off part of the Done page: the phone code (Thunderbird or Delta Chat), the Apple
/// profile, GNOME, the autoconfig file. Draws `w.hand_off()` and pushes events; the work
/// is done by the runtime (exports, files) and `HandOffDesk` (the save dialog).
fn hand_off(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    use crate::wizard::{CodeState, HandOffEvent, Phone};
    let p = palette(ui);
    let h = w.hand_off();
    ui.add_space(8.0);
    ui.separator();
    ui.heading(t!("handoff-heading"));
    if let Some(note) = &h.note {
        ui.label(RichText::new(note).small().color(p.muted));
    }

    ui.label(RichText::new(t!("handoff-phone")).strong());
    ui.horizontal(|ui| {
        for (phone, label) in [
            (Phone::Thunderbird, t!("handoff-thunderbird")),
            (Phone::DeltaChat, t!("handoff-deltachat")),
        ] {
            if ui.selectable_label(h.phone == phone, label).clicked() && h.phone != phone {
                out.push(Event::HandOff(HandOffEvent::Phone(phone)));
            }
        }
    });
    let mut include = h.phone_password;
    if ui
        .checkbox(&mut include, t!("handoff-include-password"))
        .changed()
    {
        out.push(Event::HandOff(HandOffEvent::PhonePassword(include)));
    }
    if h.phone_password {
        ui.label(
            RichText::new(t!("export-password-warning"))
                .color(p.warn)
                .strong(),
        );
    }
    match &h.code {
        CodeState::None => {}
        CodeState::Making(_) => {
            ui.horizontal(|ui| {
                mark(ui, Mark::Running);
                ui.label(t!("handoff-making"));
            });
        }
        CodeState::Failed(why) => {
            ui.label(RichText::new(why).color(p.muted));
        }
        CodeState::Ready(ready) => {
            let hint = match h.phone {
                Phone::Thunderbird => t!("handoff-thunderbird-hint"),
                Phone::DeltaChat => t!("handoff-deltachat-hint"),
            };
            ui.label(hint);
            if h.code_visible() {
                let app = match ready.format {
                    crate::export::Format::DcloginQr => t!("handoff-deltachat"),
                    _ => t!("handoff-thunderbird"),
                };
                super::qr::draw(ui, &ready.code, &t!("handoff-qr-name", format = app));
                if ready.holds_password && ui.button(t!("handoff-hide-code")).clicked() {
                    out.push(Event::HandOff(HandOffEvent::ShowCode(false)));
                }
            } else {
                ui.label(t!("handoff-code-hidden"));
                if ui.button(t!("handoff-show-code")).clicked() {
                    out.push(Event::HandOff(HandOffEvent::ShowCode(true)));
                }
            }
        }
    }

    ui.add_space(6.0);
    ui.label(RichText::new(t!("handoff-apple")).strong());
    ui.label(RichText::new(t!("handoff-apple-hint")).small());
    ui.horizontal_wrapped(|ui| {
        if ui.button(t!("handoff-save-profile")).clicked() {
            out.push(Event::HandOff(HandOffEvent::SaveProfile));
        }
        let mut include = h.profile_password;
        if ui
            .checkbox(&mut include, t!("handoff-include-password-profile"))
            .changed()
        {
            out.push(Event::HandOff(HandOffEvent::ProfilePassword(include)));
        }
    });
    if h.profile_password {
        ui.label(
            RichText::new(t!("export-password-warning"))
                .color(p.warn)
                .strong(),
        );
    }

    ui.add_space(6.0);
    ui.label(RichText::new(t!("handoff-gnome")).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t!("handoff-gnome-hint")).small());
        if ui.button(t!("handoff-gnome-add")).clicked() {
            out.push(Event::HandOff(HandOffEvent::AddToGoa));
        }
    });

    ui.add_space(6.0);
    ui.label(RichText::new(t!("handoff-admin")).strong());
    ui.label(RichText::new(t!("handoff-admin-hint")).small());
    if ui.button(t!("handoff-save-autoconfig")).clicked() {
        out.push(Event::HandOff(HandOffEvent::SaveAutoconfig));
    }
}

/// Asks where to save a hand-off file (the system's dialog, like "Save report…") and tells
/// the wizard; the runtime then writes the file. Tests put a fixed folder in place of the
/// dialog.
pub(super) struct HandOffDesk {
    /// `Fixed(dir)`: files go into this folder under their offered names, without asking.
    pub(super) target: super::SaveTarget,
    tx: std::sync::mpsc::Sender<Event>,
    rx: std::sync::mpsc::Receiver<Event>,
}

impl HandOffDesk {
    pub(super) fn new() -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        Self {
            target: super::SaveTarget::Dialog,
            tx,
            rx,
        }
    }

    /// Paths the person chose since the last frame.
    pub(super) fn answers(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }

    /// Asks where to save a file of `format`, offering `file_name`.
    pub(super) fn ask(
        &self,
        ctx: &egui::Context,
        format: crate::export::Format,
        file_name: String,
    ) {
        use crate::wizard::HandOffEvent;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        match &self.target {
            super::SaveTarget::Fixed(dir) => {
                let path = dir.join(&file_name);
                let _ = tx.send(Event::HandOff(HandOffEvent::PathChosen { format, path }));
            }
            super::SaveTarget::Dialog => {
                std::thread::spawn(move || {
                    let dialog = rfd::AsyncFileDialog::new()
                        .set_title(t!("handoff-save-title"))
                        .set_file_name(&file_name);
                    if let Some(file) = futures::executor::block_on(dialog.save_file()) {
                        let path = file.path().to_path_buf();
                        let _ = tx.send(Event::HandOff(HandOffEvent::PathChosen { format, path }));
                        ctx.request_repaint();
                    }
                });
            }
        }
    }
}
