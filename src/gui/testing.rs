//! Page 4, "Testing your settings": when the servers were chosen among discovery's
//! candidates, each candidate's quick check; then a live checklist per server (find server,
//! connect, secure connection, server greeting, sign in, sign out) with spinner / tick /
//! cross and time; after a failure the diagnosis in plain words with the server's own words
//! quoted, the ways forward, and a Details disclosure with the TLS facts and the redacted
//! transcript; below, "Send a test message to myself" and the round trip's lines. With the
//! technician view on, each server's conversation shows live; "Copy
//! report" and "Save report…" hand the whole report on.

use egui::{RichText, Ui};

use crate::account::Protocol;
use crate::probe::ProbeReport;
use crate::wizard::{
    Event, NextAction, Offer, RoundTripEvent, RoundTripState, RowState, ServerTest, TestState,
    Wizard,
};

use super::navbar::{self, NavButton, Side};
use super::theme::palette;
use super::widgets::{Mark, boxed, duration, fixed_scope, mark, marked, show_when_new};

pub fn body(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let p = palette(ui);
    if w.all_verified() {
        boxed(ui, p.note_fill, p.ok, |ui| {
            let r = marked(
                ui,
                Mark::Ok,
                RichText::new(t!("testing-both-work")).color(p.ok).strong(),
            );
            super::a11y::live(&r);
            show_when_new(&r, "both-work");
        });
    }
    if !w.source_words().is_empty() {
        ui.label(
            RichText::new(t!("testing-settings-from", sources = w.source_words()))
                .small()
                .color(p.muted),
        );
    }
    if let Some(note) = w.early_note() {
        // A better-ranked source named other servers while the first ones were tested.
        ui.label(RichText::new(note).small().color(p.muted));
    }
    if let Some(question) = w.replace_question() {
        // Saving would replace an account saved for this address: asked first.
        boxed(ui, p.warn_fill, p.warn, |ui| {
            let r = marked(ui, Mark::Skipped, RichText::new(&question).strong());
            super::a11y::live(&r);
            show_when_new(&r, "replace-question");
            fixed_scope(ui, "mailsetup-replace", |ui| {
                if ui.button(t!("replace-confirm")).clicked() {
                    out.push(Event::ConfirmReplace);
                }
            });
        });
    }
    if w.save_waiting_for_lookup() {
        let r = ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t!("replace-looking"))
        });
        super::a11y::live(&r.inner);
    }
    // At the top, so they stay in reach however long the page grows.
    super::report::buttons(ui, w, out);
    for test in w.tests() {
        server(ui, w, test, out);
        ui.add_space(6.0);
    }
    round_trip(ui, w, out);
}

fn server(ui: &mut Ui, w: &Wizard, test: &ServerTest, out: &mut Vec<Event>) {
    let p = palette(ui);
    let s = &test.server;
    ui.label(
        RichText::new(t!(
            "testing-server-heading",
            role = test.role.label(),
            protocol = s.protocol.to_string(),
            endpoint = s.endpoint().to_string(),
            security = s.security.to_string(),
            user = s.username.as_str()
        ))
        .strong(),
    );
    candidates(ui, test);
    egui::Grid::new(("checklist", test.role))
        .num_columns(3)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for row in test.rows() {
                let (m, words) = match row.state {
                    RowState::Pending => (Mark::Waiting, t!("row-waiting")),
                    RowState::Running => (Mark::Running, t!("row-running")),
                    RowState::Ok => (Mark::Ok, t!("row-done")),
                    RowState::Failed => (Mark::Failed, t!("row-failed")),
                    RowState::NotReached => (Mark::Nothing, t!("row-not-reached")),
                    RowState::Skipped => (Mark::Skipped, t!("row-skipped")),
                    RowState::Stopped => (Mark::Nothing, t!("row-stopped")),
                };
                mark(ui, m);
                ui.label(row.item.label());
                let time = row
                    .ms
                    .map(|ms| format!(" · {}", duration(ms)))
                    .unwrap_or_default();
                let color = match m {
                    Mark::Failed => p.fail,
                    Mark::Ok => p.ok,
                    Mark::Skipped => p.warn,
                    _ => p.muted,
                };
                let status = ui
                    .label(RichText::new(format!("{words}{time}")).color(color))
                    .on_hover_text(&row.detail);
                let done = !matches!(row.state, RowState::Pending | RowState::Running);
                let line = t!(
                    "a11y-test-line",
                    role = test.role.label(),
                    item = row.item.label(),
                    status = format!("{words}{time}")
                );
                super::a11y::status(&status, done, line);
                ui.end_row();
            }
        });
    if let TestState::NotStarted(reason) = &test.state {
        boxed(ui, p.fail_fill, p.fail, |ui| {
            marked(
                ui,
                Mark::Failed,
                RichText::new(t!("testing-not-started")).strong(),
            );
            ui.label(reason);
        });
    }
    if let Some(report) = &test.report {
        for warning in &report.warnings {
            marked(
                ui,
                Mark::Skipped,
                RichText::new(t!("testing-warning", text = warning.text.as_str())).color(p.warn),
            );
        }
        if let Some(d) = report.diagnosis() {
            boxed(ui, p.fail_fill, p.fail, |ui| {
                let r = marked(ui, Mark::Failed, RichText::new(&d.summary).strong());
                super::a11y::live(&r);
                show_when_new(&r, ("diagnosis", test.role));
                ui.label(&d.advice);
                if let Some(reply) = &d.server_reply {
                    // The server's own words, exactly as sent (our summary may be wrong).
                    ui.horizontal_wrapped(|ui| {
                        ui.label(t!("testing-server-said"));
                        ui.label(RichText::new(format!("\u{201c}{reply}\u{201d}")).monospace());
                    });
                }
                // Below the other server's checklist and diagnosis: a fixed id.
                fixed_scope(ui, ("mailsetup-actions", test.role), |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for action in w.next_actions(test.role) {
                            if matches!(action, NextAction::Retry | NextAction::EditSettings) {
                                continue; // on the bottom bar
                            }
                            if let Some(q) = consent_question(w, test.server.protocol, &action) {
                                // Pressing the button sends the password there: say so first.
                                ui.label(RichText::new(q).color(p.warn));
                            }
                            if ui
                                .button(action_label(w, test.server.protocol, &action))
                                .clicked()
                            {
                                out.push(Event::Action(action));
                            }
                        }
                    });
                });
            });
        }
        super::certificate::card(ui, test, out);
        super::certificate::warnings(ui, report);
        details(ui, test, report);
    }
    if w.technician_view() {
        super::report::live_transcript(ui, w, test.role);
    }
}

/// When the servers were chosen among discovery's candidates: each candidate's quick check
/// (does a server of this kind answer there?), so the person sees why one was passed over.
/// Shown when there was a choice to make.
fn candidates(ui: &mut Ui, test: &ServerTest) {
    if test.checks.len() < 2 && test.checks.iter().all(|c| c.reachable) {
        return;
    }
    let p = palette(ui);
    ui.label(RichText::new(t!("testing-candidates")).color(p.muted));
    egui::Grid::new(("candidates", test.role))
        .num_columns(3)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            for c in &test.checks {
                let s = &c.server;
                let (m, words, color) = if c.reachable {
                    (Mark::Ok, t!("testing-answers"), p.ok)
                } else {
                    (Mark::Failed, t!("testing-no-answer"), p.fail)
                };
                mark(ui, m);
                ui.label(format!("{} {} ({})", s.protocol, s.endpoint(), s.security));
                ui.label(RichText::new(format!("{words} · {}", duration(c.ms))).color(color))
                    .on_hover_text(&c.detail);
                ui.end_row();
            }
        });
}

/// The offer an action would test, when it is another server.
fn alternative(w: &Wizard, protocol: Protocol, action: &NextAction) -> Option<Offer> {
    match action {
        NextAction::TryAlternative { role, index } => {
            w.offers_for(*role, protocol).get(*index).cloned()
        }
        _ => None,
    }
}

/// For another server nothing vouches for and the person has not confirmed: the question.
fn consent_question(w: &Wizard, protocol: Protocol, action: &NextAction) -> Option<String> {
    let o = alternative(w, protocol, action)?;
    if w.host_confirmed(&o.candidate.host) {
        return None;
    }
    o.question
}

fn action_label(w: &Wizard, protocol: Protocol, action: &NextAction) -> String {
    if let Some(o) = alternative(w, protocol, action)
        && consent_question(w, protocol, action).is_some()
    {
        return super::consent::confirm_label(&o.candidate.host);
    }
    match action {
        NextAction::FixPassword => t!("action-fix-password"),
        NextAction::SignInWithProvider => {
            t!(
                "oauth-sign-in-with",
                provider = w.oauth_provider().unwrap_or_default()
            )
        }
        NextAction::CreateAppPassword { url: Some(_) } => t!("action-create-app-password"),
        NextAction::CreateAppPassword { url: None } => t!("action-enter-app-password"),
        NextAction::TrySecurity { security, port, .. } => t!(
            "action-try-security",
            security = security.to_string(),
            port = (*port)
        ),
        NextAction::TryAlternative { .. } => t!("action-try-another-server"),
        NextAction::EditSettings => t!("action-edit-settings"),
        NextAction::Retry => t!("action-retry"),
    }
}

/// The "Details" disclosure: the server's words, TLS facts, the redacted transcript.
fn details(ui: &mut Ui, test: &ServerTest, report: &ProbeReport) {
    let p = palette(ui);
    egui::CollapsingHeader::new(t!(
        "testing-details",
        role = test.role.label().to_lowercase()
    ))
    .id_salt(("details", test.role))
    .show(ui, |ui| {
        if let Some(d) = report.diagnosis() {
            ui.label(t!("testing-cause-code", code = d.cause.code()));
            if let Some(reply) = &d.server_reply {
                ui.label(t!("testing-server-said"));
                ui.label(RichText::new(reply).monospace());
            }
            ui.label(RichText::new(&d.detail).small().color(p.muted));
        }
        let f = &report.server_facts;
        if let Some(greeting) = &f.greeting {
            ui.label(t!("testing-greeting", greeting = greeting.as_str()));
        }
        if let Some(addr) = &f.connected_to {
            ui.label(t!("testing-connected-to", address = addr.to_string()));
        }
        if let Some(tls) = &report.tls {
            let verified = if tls.verified {
                t!("testing-certificate-verified")
            } else {
                t!("testing-certificate-not-verified")
            };
            ui.label(format!("{} {} — {verified}", tls.version, tls.cipher_suite));
            if let Some(leaf) = tls.certificates.first() {
                ui.label(t!(
                    "testing-certificate-for",
                    names = if leaf.sans.is_empty() {
                        leaf.subject.clone()
                    } else {
                        leaf.sans.join(", ")
                    },
                    issuer = leaf.issuer.as_str(),
                    until = leaf.not_after.as_str()
                ));
            }
        }
        ui.label(RichText::new(t!("testing-transcript")).strong());
        let mut text = String::new();
        for line in &report.transcript {
            let arrow = crate::report::line_prefix(line.direction);
            text.push_str(&format!("{:>6} ms {arrow} {}\n", line.at_ms, line.text));
        }
        let scroll = egui::ScrollArea::vertical()
            .id_salt(("transcript", test.role))
            .max_height(180.0)
            .show(ui, |ui| {
                ui.label(RichText::new(text).monospace());
            });
        super::a11y::name_scroll_bars(ui.ctx(), scroll.id, &t!("a11y-scroll-transcript"));
    });
}

/// "Send a test message to myself": the option (off by default, with what it does in a small
/// text), then the round trip's lines — send, wait for it in the inbox (spinner while
/// waiting), delete it — and the outcome in plain words with the advice when it did not
/// arrive. The wizard decides when it runs (`wizard::roundtrip`).
fn round_trip(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let p = palette(ui);
    let mut wanted = w.round_trip_wanted();
    // Below the checklists, which grow while the tests run: a fixed id (see `fixed_scope`).
    let ticked = fixed_scope(ui, "mailsetup-round-trip-option", |ui| {
        ui.checkbox(&mut wanted, t!("roundtrip-option")).changed()
    });
    if ticked {
        out.push(Event::RoundTrip(RoundTripEvent::Want(wanted)));
    }
    ui.label(
        RichText::new(t!("roundtrip-option-help"))
            .small()
            .color(p.muted),
    );
    let rows = w.round_trip_rows();
    if rows.is_empty() {
        return;
    }
    egui::Grid::new("round trip")
        .num_columns(3)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for row in rows {
                let (m, color) = match row.state {
                    RowState::Pending => (Mark::Waiting, p.muted),
                    RowState::Running => (Mark::Running, p.muted),
                    RowState::Ok => (Mark::Ok, p.ok),
                    RowState::Failed => (Mark::Failed, p.fail),
                    RowState::Skipped => (Mark::Skipped, p.warn),
                    RowState::NotReached | RowState::Stopped => (Mark::Nothing, p.muted),
                };
                mark(ui, m);
                ui.label(row.label.as_str());
                let line = t!(
                    "a11y-status-line",
                    label = row.label.as_str(),
                    status = row.words.as_str()
                );
                let empty = row.words.is_empty();
                let status = ui.label(RichText::new(row.words).color(color));
                if !empty {
                    let done = !matches!(row.state, RowState::Pending | RowState::Running);
                    super::a11y::status(&status, done, line);
                }
                ui.end_row();
            }
        });
    if let RoundTripState::Done(report) = w.round_trip_state() {
        let r = if report.tidy() {
            marked(ui, Mark::Ok, RichText::new(report.summary()).color(p.ok))
        } else {
            boxed(ui, p.fail_fill, p.fail, |ui| {
                marked(ui, Mark::Failed, RichText::new(report.summary()).strong())
            })
        };
        super::a11y::live(&r);
        show_when_new(&r, "round-trip");
    }
}

pub fn nav(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let running = w.testing() || w.round_trip_running();
    let failed = w.tests().any(|t| {
        matches!(
            t.state,
            TestState::Failed | TestState::Stopped | TestState::NotStarted(_)
        )
    });
    let mut left = vec![(NavButton::new(t!("nav-back")), Event::Back)];
    if running {
        left.push((NavButton::new(t!("nav-cancel")), Event::Cancel));
    }
    let mut right = vec![(
        NavButton::primary(t!("nav-save-account")).enabled(w.all_verified()),
        Event::Next,
    )];
    if failed {
        right.push((
            NavButton::new(t!("action-retry")),
            Event::Action(NextAction::Retry),
        ));
    }
    right.push((
        NavButton::new(t!("action-edit-settings")),
        Event::Action(NextAction::EditSettings),
    ));
    let buttons =
        |group: &[(NavButton, Event)]| group.iter().map(|(b, _)| b.clone()).collect::<Vec<_>>();
    match navbar::bar(ui, &buttons(&left), &buttons(&right), None) {
        Some((Side::Left, i)) => out.push(left.swap_remove(i).1),
        Some((Side::Right, i)) => out.push(right.swap_remove(i).1),
        None => {}
    }
}
