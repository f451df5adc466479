//! The window as a person uses it (issue 21): a pasted password taken as meant, errors where
//! the eyes are, a focus that is always in view, pages that open at their top, nothing typed
//! lost, status lines that belong to their moment, a report that says where this run's
//! settings came from.
//!
//! The window is drawn from a wizard in a kittest harness that applies what the page sends
//! back to the wizard, as the app does (without a runtime: nothing here reaches a server), and
//! is driven by accessible names, keys and pastes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_common::*;
use mailsetup::gui;
use mailsetup::probe::Cause;
use mailsetup::wizard::{
    Event, ManualField, NextAction, Page, ReportAction, Role as ServerRole, TechnicianEvent, Wizard,
};
use secrecy::{ExposeSecret, SecretString};

/// A window shorter than the pages, so they scroll.
const SHORT: f32 = 420.0;

type Driven = Harness<'static, (Wizard, Vec<String>)>;

/// The window over `w`, `height` points tall; each frame's events go to the wizard (their
/// Debug form is kept in the log).
fn driven(w: Wizard, height: f32) -> Driven {
    mailsetup::i18n::set_language(mailsetup::i18n::Language::English);
    let mut h = Harness::builder()
        .with_size(egui::vec2(WIDTH, height))
        .with_context_setup(gui::theme::apply)
        .build_ui_state(
            |ui, (w, log): &mut (Wizard, Vec<String>)| {
                let mut out = Vec::new();
                gui::draw(ui, w, &mut out);
                for e in out {
                    log.push(format!("{e:?}"));
                    w.handle(e);
                }
            },
            (w, Vec::new()),
        );
    h.run_steps(4);
    h
}

fn password(h: &Driven) -> String {
    h.state().0.password().expose_secret().to_string()
}

/// The accessible node's rect lies inside the page's visible part (below the header, above
/// the bottom bar) of a window `height` points tall.
fn in_view(h: &Driven, label: &str, height: f32) -> bool {
    let r = h.get_by_label(label).rect();
    r.min.y >= 40.0 && r.max.y <= height - 40.0
}

fn focused_label(h: &Driven) -> Option<String> {
    let focused: Vec<_> = h.query_all_by(|n| n.is_focused()).collect();
    focused.first().and_then(|n| n.accesskit_node().label())
}

/// An account page with an address and the cursor in the password field.
fn at_password() -> Driven {
    let mut w = Wizard::new();
    w.handle(Event::EmailEdited("ann@charter.net".into()));
    let mut h = driven(w, HEIGHT);
    h.get_by_label("Password").focus();
    h.run_steps(2);
    h
}

#[test]
fn a_pasted_password_loses_the_line_break_a_copy_brought_along_and_nothing_else() {
    let mut h = at_password();
    h.event(egui::Event::Paste("correct horse\r\n".into()));
    h.run_steps(2);
    // Not "correct horse " (egui's one-line field turns a line break into a space).
    assert_eq!(password(&h), "correct horse");
    assert!(h.query_by_label_contains("space").is_none());

    // A line break inside: refused on the spot, with the reason; the password is unchanged.
    h.event(egui::Event::Paste("battery\nstaple".into()));
    h.run_steps(2);
    assert_eq!(password(&h), "correct horse");
    h.get_by_label_contains("has a line break inside");
    assert!(h.state().1.iter().any(|e| e == "PasswordPasteRefused"));
    // Typing again clears the refusal.
    h.event(egui::Event::Text("!".into()));
    h.run_steps(2);
    assert_eq!(password(&h), "correct horse!");
    assert!(h.query_by_label_contains("line break").is_none());
}

#[test]
fn a_space_at_either_end_is_kept_and_pointed_out() {
    let mut h = at_password();
    h.event(egui::Event::Paste("correct horse \n".into()));
    h.run_steps(2);
    assert_eq!(
        password(&h),
        "correct horse ",
        "the space is the person's to keep"
    );
    h.get_by_label("Your password ends with a space. If that is not part of it, remove it.");
    h.state_mut()
        .0
        .handle(Event::PasswordEdited(SecretString::from(" correct horse")));
    h.run_steps(2);
    h.get_by_label("Your password begins with a space. If that is not part of it, remove it.");
    h.state_mut()
        .0
        .handle(Event::PasswordEdited(SecretString::from("correct horse")));
    h.run_steps(2);
    assert!(h.query_by_label_contains("with a space").is_none());
}

#[test]
fn a_refused_next_marks_each_field_counts_them_and_puts_the_cursor_on_the_first() {
    let mut h = driven(Wizard::new(), HEIGHT);
    assert_eq!(focused_label(&h).as_deref(), Some("Your name (optional)"));
    h.get_by_role_and_label(Role::Button, "Next").click();
    h.run_steps(4);
    assert_eq!(h.state().0.page(), Page::Account);
    // The cursor moved to the first problem; each field says its own problem; the bar counts.
    assert_eq!(focused_label(&h).as_deref(), Some("Email address"));
    let email = h.get_by_label("Email address").rect();
    let why = h.get_by_label("The email address is empty.").rect();
    assert!(
        why.min.y >= email.max.y - 1.0 && why.min.y < email.max.y + 30.0,
        "the address problem is right under its field: {why:?} / {email:?}"
    );
    let pw = h.get_by_label("Password").rect();
    let missing = h.get_by_label("Enter your password.").rect();
    assert!(missing.min.y >= pw.max.y - 1.0 && missing.min.y < pw.max.y + 60.0);
    h.get_by_label("2 fields need attention.");

    // With the address fixed, the next refusal sends the cursor to the password.
    h.get_by_label("Email address")
        .set_text_value_accesskit("ann@charter.net");
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Next").click();
    h.run_steps(4);
    assert_eq!(focused_label(&h).as_deref(), Some("Password"));
    h.get_by_label("One field needs attention.");
}

/// The manual page for ann@charter.net (no lookup: the usual names are suggested).
fn manual_page() -> Wizard {
    let mut w = account_filled();
    w.handle(Event::SetUpManually);
    assert_eq!(w.page(), Page::Manual);
    w
}

#[test]
fn a_refused_test_on_the_manual_page_marks_the_fields_and_scrolls_to_the_first() {
    let mut w = manual_page();
    w.handle(Event::Manual(ManualField::Port(
        ServerRole::Outgoing,
        "99999".into(),
    )));
    w.handle(Event::Manual(ManualField::Username(
        ServerRole::Outgoing,
        " ".into(),
    )));
    w.handle(Event::Manual(ManualField::Host(
        ServerRole::Incoming,
        "bad host".into(),
    )));
    let mut h = driven(w, SHORT);
    // What failed the check never shows in the list of hosts that get the password.
    assert!(
        h.query_by_label_contains("Incoming mail: bad host")
            .is_none(),
        "an invalid host is listed as a recipient of the password"
    );
    h.get_by_label("Outgoing mail: smtp.charter.net — suggested — not tested yet");
    h.get_by_role_and_label(Role::Button, "Test settings")
        .click();
    h.run_steps(4);
    assert_eq!(h.state().0.page(), Page::Manual);
    assert_eq!(focused_label(&h).as_deref(), Some("Incoming server"));
    h.get_by_label("3 fields need attention.");
    // Each problem under its own field.
    let port = h.get_by_label("Outgoing port").rect();
    let why = h
        .get_by_label("The port is a number from 1 to 65535.")
        .rect();
    assert!(
        why.min.y >= port.max.y - 1.0 && why.min.y < port.max.y + 40.0,
        "{why:?} / {port:?}"
    );
    // Fixing the first problem: the next refusal puts the cursor on the port, in view.
    h.get_by_label("Incoming server")
        .set_text_value_accesskit("imap.charter.net");
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Test settings")
        .click();
    h.run_steps(5);
    assert_eq!(focused_label(&h).as_deref(), Some("Outgoing port"));
    assert!(
        in_view(&h, "Outgoing port", SHORT),
        "{:?}",
        h.get_by_label("Outgoing port").rect()
    );
    h.get_by_label("2 fields need attention.");
}

#[test]
fn tab_keeps_the_focused_control_in_view_and_the_bottom_bar_goes_left_to_right() {
    let mut h = driven(manual_page(), SHORT);
    assert_eq!(focused_label(&h).as_deref(), Some("Incoming server"));
    let mut seen = Vec::new();
    for _ in 0..40 {
        h.key_press(Key::Tab);
        h.run_steps(3);
        let Some(label) = focused_label(&h) else {
            continue;
        };
        seen.push(label.clone());
        let r = h.query_all_by(|n| n.is_focused()).next().unwrap().rect();
        let in_bar = r.min.y >= SHORT - 44.0;
        assert!(
            in_bar || (r.min.y >= 40.0 && r.max.y <= SHORT - 40.0),
            "Tab to {label:?}: out of view at {r:?}"
        );
        if label == "Test settings" {
            break;
        }
    }
    assert!(seen.iter().any(|l| l == "Outgoing user name"), "{seen:?}");
    let bar: Vec<&String> = seen
        .iter()
        .filter(|l| ["Back", "Cancel", "Test settings"].contains(&l.as_str()))
        .collect();
    assert_eq!(bar, ["Back", "Cancel", "Test settings"], "{seen:?}");

    // The account page's bar: "Set up manually" is left of "Next", and Tab says so.
    let mut h = driven(account_filled(), HEIGHT);
    h.get_by_role_and_label(Role::CheckBox, "Show password")
        .focus();
    h.run_steps(2);
    let mut order = Vec::new();
    for _ in 0..2 {
        h.key_press(Key::Tab);
        h.run_steps(2);
        order.push(focused_label(&h).unwrap_or_default());
    }
    let left = h.get_by_label("Set up manually").rect().min.x;
    let right = h.get_by_label("Next").rect().min.x;
    assert!(left < right);
    assert_eq!(order, ["Set up manually", "Next"]);
}

#[test]
fn fix_password_selects_the_old_password_so_typing_replaces_it() {
    let mut h = driven(testing_failed(), HEIGHT);
    h.get_all_by_role_and_label(Role::Button, "Fix password")
        .next()
        .unwrap()
        .click();
    h.run_steps(4);
    assert_eq!(h.state().0.page(), Page::Account);
    assert_eq!(focused_label(&h).as_deref(), Some("Password"));
    h.event(egui::Event::Text("new words".into()));
    h.run_steps(2);
    assert_eq!(password(&h), "new words");
}

/// Scrolls the page down as far as it goes (the mouse wheel over its middle).
fn scroll_down(h: &mut Driven) {
    h.event(egui::Event::PointerMoved(egui::pos2(WIDTH / 2.0, 200.0)));
    for _ in 0..6 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -600.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_steps(2);
    }
    h.run_steps(20);
}

#[test]
fn a_page_opens_at_its_top_and_a_new_result_is_scrolled_into_view() {
    let mut h = driven(testing_failed(), SHORT);
    assert!(in_view(&h, "Copy report", SHORT));
    scroll_down(&mut h);
    assert!(
        !in_view(&h, "Copy report", SHORT),
        "the page did not scroll"
    );
    // Back, then to the testing page again: it opens at its top.
    h.state_mut().0 = protocol_page();
    h.run_steps(3);
    h.state_mut().0 = testing_failed();
    h.run_steps(3);
    assert!(
        in_view(&h, "Copy report", SHORT),
        "the page opened where the last visit left it: {:?}",
        h.get_by_label("Copy report").rect()
    );

    // Watching the end of the checklist: the failure that arrives is brought into view.
    let (mut w, task) = protocol_page_testing();
    w.handle(Event::Next);
    let mut h = driven(w, SHORT);
    scroll_down(&mut h);
    answer(&mut h.state_mut().0, task, Some(Cause::AuthFailed), None);
    h.run_steps(20);
    let summary = "The server did not accept the user name or password.";
    assert!(
        in_view(&h, summary, SHORT),
        "the new failure is out of view at {:?}",
        h.get_by_label(summary).rect()
    );
}

#[test]
fn manual_settings_survive_back_and_suggestions_are_not_called_typed() {
    let mut h = driven(manual_page(), HEIGHT);
    // The app's guesses are suggestions, not the person's entries.
    h.get_by_label("Incoming mail: imap.charter.net — suggested — not tested yet");
    h.get_by_label("Outgoing server")
        .set_text_value_accesskit("smtp.typed.example");
    h.run_steps(2);
    h.get_by_label("Outgoing mail: smtp.typed.example — entered by you");
    h.get_by_role_and_label(Role::Button, "Back").click();
    h.run_steps(3);
    assert_eq!(h.state().0.page(), Page::Account);
    h.get_by_role_and_label(Role::Button, "Set up manually")
        .click();
    h.run_steps(3);
    assert_eq!(h.state().0.page(), Page::Manual);
    assert_eq!(
        h.state().0.manual().unwrap().outgoing.host,
        "smtp.typed.example",
        "what was typed was lost"
    );
    h.get_by_label("Outgoing mail: smtp.typed.example — entered by you");
}

#[test]
fn report_status_lines_go_when_the_report_or_the_page_changes() {
    let copied = "The report is on the clipboard (password removed).";
    let copy = |h: &mut Driven| {
        h.state_mut()
            .0
            .handle(Event::Technician(TechnicianEvent::Report {
                action: ReportAction::Copy,
                header: Box::new(mailsetup::report::Header::now()),
            }));
        h.run_steps(2);
    };
    let mut h = driven(testing_failed(), HEIGHT);
    copy(&mut h);
    h.get_by_label(copied);
    // The report changes (a retry): the line went with the report it spoke of.
    h.state_mut().0.handle(Event::Action(NextAction::Retry));
    h.run_steps(2);
    assert!(
        h.query_by_label(copied).is_none(),
        "the note outlived its report"
    );

    let mut h = driven(testing_failed(), HEIGHT);
    copy(&mut h);
    h.state_mut()
        .0
        .handle(Event::Technician(TechnicianEvent::Saved(Err(
            "/nowhere/report.md: Permission denied (os error 13)".into(),
        ))));
    h.run_steps(2);
    h.get_by_label(
        "The report was not saved: /nowhere/report.md: Permission denied (os error 13).",
    );
    // Another page and back: the line does not come back with it.
    h.get_by_role_and_label(Role::Button, "Back").click();
    h.run_steps(2);
    h.state_mut().0.handle(Event::Next);
    h.run_steps(2);
    assert_eq!(h.state().0.page(), Page::Testing);
    assert!(h.query_by_label_contains("was not saved").is_none());
}

#[test]
fn the_report_says_settings_entered_by_hand_and_never_an_earlier_lookup_for_another_address() {
    // A lookup for ann@charter.net, then by hand for bob@example.org.
    let mut w = protocol_page();
    w.handle(Event::Back);
    assert_eq!(w.page(), Page::Account);
    w.handle(Event::EmailEdited("bob@example.org".into()));
    w.handle(Event::SetUpManually);
    assert_eq!(w.page(), Page::Manual);
    let fx = w.handle(Event::Next);
    assert_eq!(w.page(), Page::Testing, "{fx:?}");
    for (role, task) in [ServerRole::Incoming, ServerRole::Outgoing]
        .into_iter()
        .zip(task_of(&fx))
    {
        let server = w.test(role).unwrap().server.clone();
        w.handle(Event::ProbeDone {
            task,
            report: report(&server, None),
        });
    }
    let h = driven(w, HEIGHT);
    h.get_by_label("Settings from: entered by hand");
    let text = h
        .state()
        .0
        .report(mailsetup::report::Header::now())
        .markdown();
    assert!(text.contains("bob@example.org"), "{text}");
    assert!(text.contains("Entered by hand"), "{text}");
    // (The canned server reports name charter.net hosts; the lookup's table must not show.)
    for lookup in [
        "| source | result | ms |",
        "Built-in provider table",
        "Spectrum",
    ] {
        assert!(
            !text.contains(lookup),
            "the report shows the lookup for another address ({lookup}):\n{text}"
        );
    }
}

/// How long until the window asks to be drawn again (`Duration::MAX`: not until input).
fn repaint_delay(h: &Driven) -> std::time::Duration {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.repaint_delay)
        .unwrap_or(std::time::Duration::MAX)
}

#[test]
fn the_cursor_stops_blinking_a_while_after_the_last_key_so_an_idle_window_stops_drawing() {
    // kittest's clock moves a quarter of a second per frame.
    let mut h = driven(Wizard::new(), HEIGHT);
    assert_eq!(focused_label(&h).as_deref(), Some("Your name (optional)"));
    h.event(egui::Event::Text("Ann".into()));
    h.run_steps(4);
    let blinking = repaint_delay(&h);
    assert!(
        blinking <= std::time::Duration::from_millis(600),
        "the cursor should blink (repaint within 0.6 s) right after typing: {blinking:?}"
    );
    h.run_steps(28);
    assert_eq!(
        repaint_delay(&h),
        std::time::Duration::MAX,
        "7 s after the last key the window still wakes up to blink"
    );
    // A key starts the blinking again.
    h.event(egui::Event::Text("e".into()));
    h.run_steps(2);
    assert!(repaint_delay(&h) <= std::time::Duration::from_millis(600));
}

#[test]
fn the_ca_field_shows_the_authority_in_effect_and_browses_with_the_system_dialog() {
    let mut w = manual_page();
    w.handle(Event::EnvironmentCa(Some("/etc/company/ca.pem".into())));
    let mut h = driven(w, HEIGHT);
    // Opened by itself when an authority is in effect.
    h.get_by_label(
        "In effect: the system's certificate authorities and /etc/company/ca.pem (from MAILSETUP_CA_FILE).",
    );
    h.get_by_role_and_label(Role::Button, "Browse…")
        .click_accesskit();
    h.run_steps(2);
    assert!(
        h.state().1.iter().any(|e| e == "Manual(BrowseExtraCa)"),
        "{:?}",
        h.state().1
    );
    // The wizard asks the window for the dialog; the chosen file comes back as the field.
    let fx = h
        .state_mut()
        .0
        .handle(Event::Manual(ManualField::BrowseExtraCa));
    assert_eq!(format!("{fx:?}"), "[PickCaFile]");
    h.state_mut()
        .0
        .handle(Event::Manual(ManualField::ExtraCaFile(
            "/tmp/picked.pem".into(),
        )));
    h.state_mut()
        .0
        .handle(Event::Manual(ManualField::AcceptExtraCa(true)));
    h.run_steps(2);
    h.get_by_label("In effect: the system's certificate authorities and /tmp/picked.pem.");
}

#[test]
fn the_round_trip_says_milliseconds_under_one_second() {
    use mailsetup::roundtrip::{RoundTrip, RoundTripReport};
    use mailsetup::verify::VerifyReport;
    use mailsetup::wizard::{Effect, RoundTripEvent};
    let (mut w, task) = protocol_page_testing();
    w.handle(Event::RoundTrip(RoundTripEvent::Want(true)));
    w.handle(Event::Next);
    let i = w.test(ServerRole::Incoming).unwrap().server.clone();
    let o = w.test(ServerRole::Outgoing).unwrap().server.clone();
    let verified = VerifyReport {
        incoming: outcome(&w, &[(i.clone(), true)], report(&i, None)),
        outgoing: Some(outcome(&w, &[(o.clone(), true)], report(&o, None))),
        elapsed_ms: 160,
    };
    let fx = w.handle(Event::Verified {
        task,
        report: Box::new(verified),
    });
    let trip = fx
        .iter()
        .find_map(|e| match e {
            Effect::RoundTrip { task, .. } => Some(*task),
            _ => None,
        })
        .expect("the round trip starts once both servers work");
    w.handle(Event::RoundTrip(RoundTripEvent::Sent { task: trip }));
    w.handle(Event::RoundTrip(RoundTripEvent::Done {
        task: trip,
        report: Box::new(RoundTripReport {
            message_id: "<test@mailsetup>".into(),
            outcome: RoundTrip::Arrived {
                after_ms: 340,
                deleted: true,
                left_flagged: false,
            },
            sent: *report(&o, None),
            searched: None,
            looks: 1,
            sign_ins: 1,
        }),
    }));
    let h = driven(w, HEIGHT);
    // Not "0.3 s": under a second the page says milliseconds.
    h.get_by_label_contains("arrived in the inbox 340 ms after it was sent");
}
