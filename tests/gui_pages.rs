//! Every page of the wizard drawn from a known state, in light and dark mode, compared with
//! the pictures in `tests/snapshots/` (rendered on the CPU; `UPDATE_SNAPSHOTS=1` rewrites
//! them). Also: every field has an accessible name (kittest refuses widgets without one),
//! the pages fit and stay readable at twice the scale, and what each page says.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_common::*;
use mailsetup::gui;
use mailsetup::probe::Cause;
use mailsetup::wizard::{Event, Wizard};

fn harness(w: Wizard, theme: egui::Theme, scale: f32) -> Harness<'static, (Wizard, Vec<Event>)> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(WIDTH, HEIGHT))
        .with_pixels_per_point(scale)
        .with_theme(theme)
        .with_context_setup(gui::theme::apply)
        .build_ui_state(
            |ui, (w, out): &mut (Wizard, Vec<Event>)| gui::draw(ui, w, out),
            (w, Vec::new()),
        );
    // Spinners never settle: a fixed number of frames keeps pictures stable.
    h.run_steps(4);
    h
}

type MakePage = fn() -> Wizard;

fn pages() -> Vec<(&'static str, MakePage)> {
    vec![
        ("account", Wizard::new as MakePage),
        ("account_filled", account_filled),
        ("account_misspelt", account_misspelt),
        ("lookup", || lookup_running().0),
        ("protocol", protocol_page),
        ("protocol_unconfirmed", protocol_page_unconfirmed),
        ("testing_running", testing_running),
        ("testing_failed", testing_failed),
        ("testing_verified", || testing_verified().0),
        ("testing_fallback", testing_fallback),
        ("manual", manual_plaintext),
        ("done", done_saved),
        ("done_keychain_unavailable", done_keychain_unavailable),
    ]
}

#[test]
fn every_page_matches_its_snapshot_in_light_and_dark() {
    let mut failures = Vec::new();
    for (name, make) in pages() {
        for (theme, suffix) in [(egui::Theme::Light, "light"), (egui::Theme::Dark, "dark")] {
            let mut h = harness(make(), theme, 1.0);
            if let Err(e) = h.try_snapshot(format!("{name}_{suffix}")) {
                failures.push(e.to_string());
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_page_is_usable_at_twice_the_scale() {
    for (name, make) in pages() {
        let h = harness(make(), egui::Theme::Light, 2.0);
        // The main buttons stay on screen at 2x. The Done page's hand-off section (Save
        // profile…, Add, Save autoconfig…, Show code) continues below the fold of the
        // scrolling page: its buttons scroll into view.
        let hand_off = [
            "Save profile…",
            "Add",
            "Save autoconfig…",
            "Show code",
            "Hide code",
        ];
        let nav = h.query_all_by_role(Role::Button);
        for b in nav {
            let r = b.rect();
            let label = b.accesskit_node().label().unwrap_or_default();
            let in_page = name == "done" && hand_off.contains(&label.as_str());
            assert!(
                r.max.x <= WIDTH + 0.5 && (r.max.y <= HEIGHT + 0.5 || in_page),
                "{name}: button {:?} is off screen at {r:?}",
                b.accesskit_node().label()
            );
        }
    }
    let mut h = harness(account_filled(), egui::Theme::Dark, 2.0);
    h.snapshot("account_filled_dark_2x");
}

#[test]
fn the_account_page_names_every_field() {
    let h = harness(account_filled(), egui::Theme::Light, 1.0);
    h.get_by_role_and_label(Role::TextInput, "Your name (optional)");
    h.get_by_role_and_label(Role::TextInput, "Email address");
    let pw = h.get_by_role_and_label(Role::PasswordInput, "Password");
    // The password is never exposed to assistive technology while hidden.
    assert!(!pw.value().unwrap_or_default().contains("correct horse"));
    h.get_by_role_and_label(Role::CheckBox, "Show password");
    // The provider note shows as soon as the domain is known.
    h.get_by_label("Spectrum (Charter)");
}

#[test]
fn a_misspelt_domain_offers_the_fix() {
    let mut h = harness(account_misspelt(), egui::Theme::Light, 1.0);
    h.get_by_label("Did you mean ann@gmail.com?");
    h.get_by_role_and_label(Role::Button, "Use ann@gmail.com")
        .click();
    h.run_steps(1);
    let (_, out) = h.state();
    assert!(matches!(out.last(), Some(Event::AcceptSuggestion)));
}

#[test]
fn the_protocol_page_explains_both_and_follows_the_provider() {
    let h = harness(protocol_page(), egui::Theme::Light, 1.0);
    h.get_by_role_and_label(
        Role::RadioButton,
        "IMAP — keep mail on the server, in sync everywhere (recommended)",
    );
    h.get_by_role_and_label(Role::RadioButton, "POP3 — download mail to this computer");
    h.get_by_label("What your provider says");
    h.get_by_label_contains("Spectrum asks mail apps to use IMAP");
}

#[test]
fn the_protocol_page_says_when_the_provider_also_offers_jmap() {
    let said = "This provider also offers JMAP, a newer way for mail apps to talk to the server";
    let h = harness(protocol_page(), egui::Theme::Light, 1.0);
    assert!(h.query_by_label_contains(said).is_none());
    let (mut w, task) = lookup_running();
    let mut d = discovery();
    d.jmap = Some(mailsetup::discover::JmapNotice {
        session: None,
        seen_at: vec!["SRV _jmap._tcp.charter.net → jmap.charter.net:443".into()],
    });
    w.handle(Event::Discovered { task, discovery: d });
    let h = harness(w, egui::Theme::Light, 1.0);
    h.get_by_label_contains(said);
    // Still a choice between IMAP and POP3 only.
    h.get_by_role_and_label(Role::RadioButton, "POP3 — download mail to this computer");
    let mut h = h;
    h.snapshot("protocol_jmap_light");
}

#[test]
fn the_protocol_page_names_every_host_and_asks_about_the_unvouched_one() {
    let h = harness(protocol_page_unconfirmed(), egui::Theme::Light, 1.0);
    h.get_by_label("Your password will be sent to");
    h.get_by_label("Incoming mail: mobile.charter.net — built-in provider table, Mozilla's ISPDB");
    h.get_by_label("Outgoing mail: smtp.mailhost.example — DNS service records (SRV)");
    h.get_by_label_contains(
        "Mail for charter.net is handled by smtp.mailhost.example — found in charter.net's DNS",
    );
    h.get_by_role_and_label(Role::CheckBox, "Send my password to smtp.mailhost.example");
    h.get_by_label("Confirm each server marked below before your password is sent to it.");
    h.get_by_label("Confirm the servers listed on the page first.");
}

#[test]
fn a_failed_test_shows_the_diagnosis_the_next_step_and_details() {
    let mut h = harness(testing_failed(), egui::Theme::Light, 1.0);
    h.get_by_label("The server did not accept the user name or password.");
    h.get_by_role_and_label(Role::Button, "Fix password");
    h.get_by_role_and_label(Role::Button, "Retry");
    // "Save account" waits until both servers work.
    assert!(
        h.get_by_role_and_label(Role::Button, "Save account")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("Details (incoming mail)").click();
    h.run_steps(3);
    h.get_by_label("NO [AUTHENTICATIONFAILED] Authentication failed.");
    h.get_by_label_contains("TLSv1.3 TLS13_AES_256_GCM_SHA384");
    h.get_by_label_contains("A0001 LOGIN \"ann@charter.net\" ****");
}

#[test]
fn the_keychain_failure_offers_retry_keyutils_and_cancel() {
    let mut h = harness(done_keychain_unavailable(), egui::Theme::Light, 1.0);
    h.get_by_label("No Secret Service is running on the session bus.");
    h.get_by_label_contains("never writes your password to a file");
    h.get_by_role_and_label(Role::Button, "Try again");
    h.get_by_role_and_label(Role::Button, "Cancel");
    h.get_by_role_and_label(Role::Button, "Use the Linux kernel keyring")
        .click();
    h.run_steps(1);
    assert!(matches!(h.state().1.last(), Some(Event::UseKeyutils)));
}

#[test]
fn unencrypted_settings_need_the_risk_tick() {
    let h = harness(manual_plaintext(), egui::Theme::Light, 1.0);
    h.get_by_role_and_label(Role::TextInput, "Incoming server");
    h.get_by_role_and_label(Role::TextInput, "Incoming port");
    h.get_by_role_and_label(Role::TextInput, "Outgoing user name");
    let tick = h.get_by_label_contains("Send my password without encryption");
    assert_eq!(tick.accesskit_node().role(), Role::CheckBox);
    // The tick names the one server set to plain text (issue 20 §5: consent per host).
    let label = tick.accesskit_node().label().unwrap_or_default();
    assert!(
        label.starts_with("Send my password without encryption to smtp.charter.net."),
        "{label}"
    );
}

#[test]
fn the_window_is_titled_mail_setup_with_an_app_id_and_an_icon() {
    let opts = gui::native_options(eframe::Renderer::Wgpu);
    assert_eq!(opts.viewport.title.as_deref(), Some("Mail Setup"));
    assert_eq!(opts.viewport.app_id.as_deref(), Some(gui::APP_ID));
    let icon = opts.viewport.icon.expect("an icon");
    assert_eq!((icon.width, icon.height), (256, 256));
    // Not a blank square: the envelope and the tick are there.
    let opaque = icon.rgba.chunks(4).filter(|p| p[3] == 255).count();
    assert!(opaque > 256 * 256 / 2, "{opaque}");
    assert_eq!(gui::TITLE, "Mail Setup");
}

/// The testing page after the engine answered: each role ended with its cause (None:
/// verified).
fn testing_answered(incoming: Option<Cause>, outgoing: Option<Cause>) -> Wizard {
    let (mut w, task) = protocol_page_testing();
    w.handle(Event::Next);
    answer(&mut w, task, incoming, outgoing);
    w
}

/// The accessibility ids of the buttons named `label`, in page order.
fn ids(h: &Harness<'_, (Wizard, Vec<Event>)>, label: &str) -> Vec<String> {
    h.query_all_by_label(label)
        .map(|n| format!("{:?}", n.accesskit_node().id()))
        .collect()
}

#[test]
fn buttons_below_content_that_grows_keep_their_ids() {
    // A click is a press in one frame and a release in a later one, matched by the widget's
    // id: if content above a button grows in between, an automatic id changes and the click
    // (or a screen reader's action) is lost. The page's buttons must not move in the id tree
    // when the content above them changes.
    let mut h = harness(testing_failed(), egui::Theme::Light, 1.0);
    let report = ids(&h, "Copy report");
    let round_trip = ids(&h, "Send a test message to myself");
    assert_eq!((report.len(), round_trip.len()), (1, 1));
    // The incoming server passes on a second try: "Both servers work" appears on top.
    h.state_mut().0 = testing_verified().0;
    h.run_steps(2);
    h.get_by_label_contains("Both servers work");
    assert_eq!(ids(&h, "Copy report"), report);
    assert_eq!(ids(&h, "Send a test message to myself"), round_trip);

    // The outgoing server's own button, below the incoming server's results: the same
    // whether the incoming server passed or failed (its diagnosis box above, or none).
    let mut h = harness(
        testing_answered(None, Some(Cause::AuthFailed)),
        egui::Theme::Light,
        1.0,
    );
    let fix = ids(&h, "Fix password");
    assert_eq!(fix.len(), 1, "the outgoing server's");
    h.state_mut().0 = testing_answered(Some(Cause::AuthFailed), Some(Cause::AuthFailed));
    h.run_steps(2);
    let both = ids(&h, "Fix password");
    assert_eq!(both.len(), 2, "one per server");
    assert_eq!(both.last(), fix.last());
}
