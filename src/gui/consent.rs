//! "Your password will be sent to": the list every page before testing shows (protocol
//! choice, manual settings) — each host that will receive the password with where it came
//! from, and for a host nothing vouches for, the question that names it and says how it was
//! found, with the tick that confirms it (RFC 6186 §6; the wizard keeps the rule).

use egui::{RichText, Ui};

use crate::wizard::{Event, Recipient, Wizard};

use super::theme::palette;
use super::widgets::{Mark, boxed, marked};

/// The label of the tick that confirms `host`.
pub fn confirm_label(host: &str) -> String {
    t!("consent-send-to", host = host)
}

/// Draws the recipients of the password for the current page.
pub fn recipients(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let list = w.recipients();
    if list.is_empty() {
        return;
    }
    let p = palette(ui);
    ui.add_space(4.0);
    ui.label(RichText::new(t!("consent-heading")).strong());
    for r in &list {
        ui.label(t!(
            "consent-recipient",
            role = r.role.label(),
            host = r.host.as_str(),
            from = r.from.as_str()
        ));
    }
    for r in list.iter().filter(|r| r.question.is_some()) {
        confirm(ui, r, out);
    }
    if let Some(problem) = w.consent_problem() {
        marked(ui, Mark::Failed, RichText::new(problem).color(p.fail));
    }
}

fn confirm(ui: &mut Ui, r: &Recipient, out: &mut Vec<Event>) {
    let p = palette(ui);
    let Some(question) = &r.question else {
        return;
    };
    boxed(ui, p.warn_fill, p.warn, |ui| {
        marked(ui, Mark::Skipped, RichText::new(question).color(p.warn));
        ui.label(t!("consent-unvouched"));
        let mut v = r.confirmed;
        if ui.checkbox(&mut v, confirm_label(&r.host)).changed() {
            out.push(Event::ConfirmHost {
                host: r.host.clone(),
                confirmed: v,
            });
        }
    });
}
