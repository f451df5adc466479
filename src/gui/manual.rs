//! Page 5, "Manual settings": incoming protocol, server, port, security and user name for
//! both servers, pre-filled; insecure choices (no encryption, an extra certificate
//! authority) need a tick that says what the risk is. "Test settings" runs the checklist.
//! After a refused Test each field with a problem says so right under itself, with a mark;
//! the bottom bar counts them, and the window puts the cursor in the first.

use egui::{Id, RichText, Ui};

use crate::account::{Protocol, Security};
use crate::wizard::{Event, ManualField, ManualForm, ProblemAt, Role, Wizard};

use super::navbar::{self, NavButton, Side};
use super::theme::palette;
use super::widgets::{Mark, boxed, marked, text_field};

// The certificate authority section shows the authority in effect (the file ticked here,
// else `MAILSETUP_CA_FILE`, else the system's only) and a "Browse…" button that asks with
// the system's file dialog (`Effect::PickCaFile`).

/// The incoming server field (focused when the page opens).
pub fn first_field_id() -> Id {
    Id::unique(("manual-host", Role::Incoming))
}

/// The problems with `fields` of `role` (after Test was pressed), each under its field.
fn problems_at(ui: &mut Ui, form: &ManualForm, role: Role, fields: &[&str]) {
    if !form.show_problems {
        return;
    }
    let p = palette(ui);
    for problem in form.problems() {
        if problem.role == role && fields.contains(&problem.field) {
            marked(
                ui,
                Mark::Failed,
                RichText::new(problem.message).color(p.fail),
            );
        }
    }
}

pub fn body(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let Some(form) = w.manual() else {
        return;
    };
    let p = palette(ui);
    ui.label(t!("manual-intro"));

    ui.horizontal(|ui| {
        ui.label(t!("manual-incoming-protocol"));
        for protocol in [Protocol::Imap, Protocol::Pop3] {
            if ui
                .radio(form.incoming_protocol == protocol, protocol.label())
                .clicked()
            {
                out.push(Event::Manual(ManualField::IncomingProtocol(protocol)));
            }
        }
    });
    server(ui, form, Role::Incoming, out);
    ui.add_space(4.0);
    server(ui, form, Role::Outgoing, out);

    if form.uses_plaintext() {
        boxed(ui, p.warn_fill, p.warn, |ui| {
            let mut v = form.accept_plaintext;
            let tick = ui.scope_builder(
                egui::UiBuilder::new().id_salt("manual-plaintext-tick"),
                |ui| {
                    let hosts = form.plaintext_hosts();
                    let text = if hosts.is_empty() {
                        t!("manual-accept-plaintext")
                    } else {
                        t!("manual-accept-plaintext-to", hosts = hosts.join(", "))
                    };
                    ui.checkbox(&mut v, text)
                },
            );
            super::focus::focus_if_asked(
                &tick.inner,
                ProblemAt::Manual(Role::Incoming, "security"),
            );
            super::focus::focus_if_asked(
                &tick.inner,
                ProblemAt::Manual(Role::Outgoing, "security"),
            );
            if tick.inner.changed() {
                out.push(Event::Manual(ManualField::AcceptPlaintext(v)));
            }
            for role in Role::BOTH {
                problems_at(ui, form, role, &["security"]);
            }
        });
    }

    egui::CollapsingHeader::new(t!("manual-extra-ca-section"))
        .id_salt("extra-ca")
        .default_open(!form.extra_ca.is_empty() || w.environment_ca().is_some())
        .show(ui, |ui| {
            ui.label(t!("manual-extra-ca-intro"));
            ui.label(RichText::new(w.ca_in_effect()).color(p.muted));
            let mut path = form.extra_ca.clone();
            let l = ui.label(t!("manual-extra-ca-file"));
            let (r, browse) = ui
                .horizontal(|ui| {
                    let browse = ui.button(t!("manual-browse"));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut path)
                                .id(Id::unique("manual-extra-ca"))
                                .hint_text("/path/to/company-ca.pem")
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    (r, browse)
                })
                .inner;
            if browse.clicked() {
                out.push(Event::Manual(ManualField::BrowseExtraCa));
            }
            if r.changed() {
                out.push(Event::Manual(ManualField::ExtraCaFile(path)));
            }
            if !form.extra_ca.trim().is_empty() {
                let mut v = form.accept_extra_ca;
                let tick = ui.checkbox(&mut v, t!("manual-accept-extra-ca"));
                super::focus::focus_if_asked(&tick, ProblemAt::Manual(Role::Incoming, "extra_ca"));
                if tick.changed() {
                    out.push(Event::Manual(ManualField::AcceptExtraCa(v)));
                }
            }
            problems_at(ui, form, Role::Incoming, &["extra_ca"]);
        });

    super::consent::recipients(ui, w, out);
}

fn server(ui: &mut Ui, form: &ManualForm, role: Role, out: &mut Vec<Event>) {
    let f = form.server(role);
    let (server_label, port_label, user_label) = match role {
        Role::Incoming => (
            t!("manual-incoming-server"),
            t!("manual-incoming-port"),
            t!("manual-incoming-user"),
        ),
        Role::Outgoing => (
            t!("manual-outgoing-server"),
            t!("manual-outgoing-port"),
            t!("manual-outgoing-user"),
        ),
    };
    ui.label(
        RichText::new(format!(
            "{} ({})",
            role.label(),
            form.protocol(role).label()
        ))
        .strong(),
    );
    let mut host = f.host.clone();
    let r = text_field(
        ui,
        &server_label,
        &mut host,
        "mail.example.com",
        Id::unique(("manual-host", role)),
    );
    super::focus::focus_if_asked(&r, ProblemAt::Manual(role, "host"));
    if r.changed() {
        out.push(Event::Manual(ManualField::Host(role, host)));
    }
    problems_at(ui, form, role, &["host"]);
    if f.host_suggested() {
        let p = palette(ui);
        ui.label(
            RichText::new(t!("manual-suggested", host = f.host.trim()))
                .small()
                .color(p.muted),
        );
    }
    ui.horizontal(|ui| {
        let l = ui.label(port_label);
        let mut port = f.port.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut port)
                    .id(Id::unique(("manual-port", role)))
                    .desired_width(70.0),
            )
            .labelled_by(l.id);
        super::focus::focus_if_asked(&r, ProblemAt::Manual(role, "port"));
        if r.changed() {
            out.push(Event::Manual(ManualField::Port(role, port)));
        }
        ui.add_space(8.0);
        ui.label(t!("manual-security"));
        for (security, text) in [
            (Security::Tls, "SSL/TLS".to_string()),
            (Security::StartTls, "STARTTLS".to_string()),
            (Security::Plain, t!("manual-security-none")),
        ] {
            if ui.radio(f.security == security, text).clicked() {
                out.push(Event::Manual(ManualField::Security(role, security)));
            }
        }
    });
    problems_at(ui, form, role, &["port"]);
    let mut user = f.username.clone();
    let r = text_field(
        ui,
        &user_label,
        &mut user,
        "name@example.com",
        Id::unique(("manual-user", role)),
    );
    super::focus::focus_if_asked(&r, ProblemAt::Manual(role, "username"));
    if r.changed() {
        out.push(Event::Manual(ManualField::Username(role, user)));
    }
    problems_at(ui, form, role, &["username"]);
    if f.learned_over_http() {
        let p = palette(ui);
        marked(
            ui,
            Mark::Failed,
            RichText::new(http_warning(&f.host)).color(p.warn),
        );
    }
}

/// The mark on settings learned over plain HTTP.
pub fn http_warning(host: &str) -> String {
    t!("manual-http-warning", host = host)
}

pub fn nav(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let ok = w.manual().is_some_and(|f| f.problems().is_empty());
    let shown = w.problems_shown().len();
    let hint = if shown > 0 {
        Some(super::focus::problems_hint(shown))
    } else {
        (!ok || w.consent_problem().is_some()).then(|| t!("manual-needs-attention"))
    };
    let left = [
        NavButton::new(t!("nav-back")),
        NavButton::new(t!("nav-cancel")),
    ];
    // Always clickable: pressing it shows what is missing.
    let right = [NavButton::primary(t!("nav-test-settings"))];
    match navbar::bar(ui, &left, &right, hint.as_deref()) {
        Some((Side::Left, 0)) => out.push(Event::Back),
        Some((Side::Left, _)) => out.push(Event::Cancel),
        Some((Side::Right, _)) => out.push(Event::Next),
        None => {}
    }
}
