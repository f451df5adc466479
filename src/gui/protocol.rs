//! Page 3, "How do you want to read mail?": IMAP or POP3, what each means, our
//! recommendation for this person, the provider's own stance; only protocols the provider
//! offers can be chosen, the other one is explained. The provider note comes first.

use egui::{RichText, Ui};

use crate::account::Protocol;
use crate::wizard::guidance::{imap_text, pop3_text};
use crate::wizard::{Event, Role, Wizard};

use super::navbar::{self, NavButton, Side};
use super::theme::palette;
use super::widgets::boxed;

pub fn body(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let p = palette(ui);
    let guide = w.protocol_guide();
    let chosen = w.protocol();

    // What the provider asks of the person (found by discovery, MX included) before the
    // password goes anywhere.
    if let Some(note) = w.discovery().and_then(|d| d.note.as_ref()).or(w.note()) {
        super::account::provider_note(ui, w, note, out);
    }
    // The provider also speaks JMAP (RFC 8620): said, so nobody wonders; not offered here.
    if w.discovery().is_some_and(|d| d.jmap.is_some()) {
        ui.label(RichText::new(t!("protocol-jmap-offered")).color(p.muted));
    }
    ui.label(t!("protocol-intro"));
    let mut one = w.one_device();
    if ui.checkbox(&mut one, t!("protocol-one-device")).changed() {
        out.push(Event::OneDevice(one));
    }
    let mut offline = w.offline();
    if ui.checkbox(&mut offline, t!("protocol-offline")).changed() {
        out.push(Event::Offline(offline));
    }
    ui.add_space(4.0);

    for (protocol, title, text) in [
        (Protocol::Imap, t!("protocol-imap-title"), imap_text()),
        (Protocol::Pop3, t!("protocol-pop3-title"), pop3_text()),
    ] {
        let offered = guide.offered.contains(&protocol);
        let recommended = guide.recommended == protocol;
        let label = if recommended {
            t!("protocol-recommended", title = title)
        } else {
            title
        };
        let edge = if chosen == protocol && offered {
            ui.visuals().selection.stroke.color
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke.color
        };
        boxed(ui, ui.visuals().faint_bg_color, edge, |ui| {
            let r = ui.add_enabled(
                offered,
                egui::RadioButton::new(
                    chosen == protocol && offered,
                    RichText::new(label).strong(),
                ),
            );
            if r.clicked() {
                out.push(Event::ChooseProtocol(protocol));
            }
            ui.label(text);
            if let Some((_, why)) = guide.unavailable.iter().find(|(p, _)| *p == protocol) {
                ui.label(
                    RichText::new(t!("protocol-not-available", why = why.as_str())).color(p.warn),
                );
            } else if let Some(offer) = w.offers_for(Role::Incoming, protocol).first() {
                ui.label(
                    RichText::new(t!(
                        "protocol-server",
                        endpoint = offer.settings().endpoint().to_string(),
                        security = offer.candidate.security.to_string()
                    ))
                    .small()
                    .color(p.muted),
                );
            }
        });
    }

    // Before testing: every host that gets the password, and the ticks it needs.
    super::consent::recipients(ui, w, out);
    // The servers tested while the person chooses were switched to better-ranked ones.
    if let Some(note) = w.early_note() {
        ui.label(RichText::new(note).small().color(p.muted));
    }

    ui.add_space(4.0);
    ui.label(RichText::new(t!("protocol-our-suggestion")).strong());
    ui.label(&guide.why);
    if let Some(stance) = &guide.stance {
        ui.label(RichText::new(t!("protocol-provider-says")).strong());
        ui.label(&stance.text);
    }
}

pub fn nav(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let hint = w.consent_problem().map(|_| t!("protocol-confirm-first"));
    let left = [NavButton::new(t!("nav-back"))];
    let right = [
        NavButton::primary(t!("nav-next")),
        NavButton::new(t!("nav-set-up-manually")),
    ];
    match navbar::bar(ui, &left, &right, hint.as_deref()) {
        Some((Side::Left, _)) => out.push(Event::Back),
        Some((Side::Right, 0)) => out.push(Event::Next),
        Some((Side::Right, _)) => out.push(Event::SetUpManually),
        None => {}
    }
}
