//! Page 1, "Your account": name (optional), email address with live checking and the
//! "did you mean …?" hint, the provider note as soon as the domain is known, and the password
//! (hidden, with a show toggle).

use egui::{Id, RichText, TextEdit, Ui};
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::wizard::{AddressCheck, Event, PastedPassword, ProblemAt, Wizard, paste_for_password};

use super::navbar::{self, NavButton, Side};
use super::theme::palette;
use super::widgets::{Mark, boxed, marked, text_field};

/// The password field's widget id (its state is cleared after the password is handed on).
pub fn password_id() -> Id {
    Id::unique("mailsetup-password")
}

/// The email field's widget id.
pub fn email_id() -> Id {
    Id::unique("mailsetup-email")
}

/// The name field's widget id (focused when the page opens).
pub fn name_id() -> Id {
    Id::unique("mailsetup-name")
}

pub fn body(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let p = palette(ui);
    ui.label(t!("account-intro"));
    ui.add_space(6.0);

    let mut name = w.name().to_string();
    if text_field(
        ui,
        &t!("account-name"),
        &mut name,
        &t!("account-name-hint"),
        name_id(),
    )
    .changed()
    {
        out.push(Event::NameEdited(name));
    }

    let mut email = w.email_text().to_string();
    let r = text_field(
        ui,
        &t!("account-email"),
        &mut email,
        "name@example.com",
        email_id(),
    );
    super::focus::focus_if_asked(&r, ProblemAt::Email);
    if r.changed() {
        out.push(Event::EmailEdited(email));
    }
    match w.address_check() {
        AddressCheck::Quiet => {}
        AddressCheck::Invalid(why) => {
            marked(ui, Mark::Failed, RichText::new(why.as_str()).color(p.fail));
        }
        AddressCheck::Valid { suggestion, .. } => {
            if let Some(s) = suggestion {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(t!("account-did-you-mean", suggestion = s.as_str()))
                            .color(p.warn),
                    );
                    if ui
                        .button(t!("account-use-suggestion", suggestion = s.as_str()))
                        .clicked()
                    {
                        out.push(Event::AcceptSuggestion);
                    }
                });
            }
        }
    }
    if let Some(note) = w.note() {
        provider_note(ui, w, note, out);
    }

    if let Some(provider) = w.oauth_provider() {
        super::oauth::sign_in_with_provider(ui, w, provider, out);
    }
    // Signed in, or signing in on the provider's page: no password here.
    if !w.signed_in_with_provider() && !w.signing_in_with_provider() {
        password(ui, w, out);
    }
}

/// A paste into the focused password field, taken as the person meant it before the field
/// sees it (egui's one-line field would turn a line break into a space): a trailing line break
/// is dropped, one inside refuses the paste.
fn take_paste(ui: &Ui, out: &mut Vec<Event>) {
    if !ui.memory(|m| m.has_focus(password_id())) {
        return;
    }
    let mut refused = false;
    ui.ctx().input_mut(|i| {
        i.events.retain_mut(|e| match e {
            egui::Event::Paste(text) | egui::Event::MiddleClickPaste { text, .. } => {
                match paste_for_password(text) {
                    PastedPassword::Take(meant) => {
                        *text = meant;
                        true
                    }
                    PastedPassword::Refuse => {
                        refused = true;
                        false
                    }
                }
            }
            _ => true,
        });
    });
    if refused {
        out.push(Event::PasswordPasteRefused);
    }
}

fn password(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let p = palette(ui);
    take_paste(ui, out);
    let l = ui.label(t!("account-password"));
    // A short-lived copy for the widget, wiped when this frame is done with it.
    let mut text = Zeroizing::new(w.password().expose_secret().to_string());
    let r = ui
        .add(
            TextEdit::singleline(&mut *text)
                .id(password_id())
                .password(!w.show_password())
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    super::focus::focus_if_asked(&r, ProblemAt::Password);
    if r.changed() {
        out.push(Event::PasswordEdited(SecretString::from(text.as_str())));
    }
    let mut show = w.show_password();
    if ui
        .checkbox(&mut show, t!("account-show-password"))
        .changed()
    {
        out.push(Event::ShowPassword(show));
    }
    if let Some(why) = w.paste_refused() {
        marked(ui, Mark::Failed, RichText::new(why).color(p.fail));
    }
    if let Some(note) = w.password_note() {
        // Kept as typed (a space may be meant): said, so the person can decide.
        marked(ui, Mark::Skipped, RichText::new(note).color(p.warn));
    }
    if let Some(problem) = w.password_problem() {
        marked(
            ui,
            Mark::Failed,
            RichText::new(t!("account-password-problem", problem = problem)).color(p.fail),
        );
    } else if w.show_errors() && w.password_missing() {
        marked(
            ui,
            Mark::Failed,
            RichText::new(t!("account-password-missing")).color(p.fail),
        );
    }
}

/// The provider note (also on the protocol page, where MX discovery may have found it).
pub(super) fn provider_note(
    ui: &mut Ui,
    w: &Wizard,
    note: &crate::wizard::ProviderNote,
    out: &mut Vec<Event>,
) {
    let p = palette(ui);
    let (fill, edge) = if note.oauth_only {
        (p.fail_fill, p.fail)
    } else if note.needs_app_password || note.enable_first.is_some() {
        (p.warn_fill, p.warn)
    } else {
        (
            p.note_fill,
            ui.visuals().widgets.noninteractive.bg_stroke.color,
        )
    };
    let _ = w;
    boxed(ui, fill, edge, |ui| {
        ui.label(RichText::new(&note.name).strong());
        if !note.login_advice.is_empty() {
            ui.label(&note.login_advice);
        }
        if let Some(first) = &note.enable_first {
            ui.label(t!("note-before-you-start", step = first.as_str()));
        }
        for n in &note.notes {
            ui.label(n);
        }
        if let Some(url) = &note.app_password_url {
            ui.horizontal_wrapped(|ui| {
                ui.label(t!("note-app-password-here"));
                if ui.link(url).clicked() {
                    out.push(Event::OpenUrl(url.clone()));
                }
            });
        }
    });
}

pub fn nav(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let problems = w.problems_shown().len();
    let hint = if problems > 0 {
        Some(super::focus::problems_hint(problems))
    } else {
        (!w.account_complete() && !w.signing_in_with_provider()).then(|| t!("account-not-ready"))
    };
    let right = [
        NavButton::primary(t!("nav-next")),
        NavButton::new(t!("nav-set-up-manually")),
    ];
    match navbar::bar(ui, &[], &right, hint.as_deref()) {
        Some((Side::Right, 0)) => out.push(Event::Next),
        Some((Side::Right, 1)) => out.push(Event::SetUpManually),
        _ => {}
    }
}
