//! The window's sign-in with a code on another device (RFC 8628), end to end with real parts
//! only: the test authorization server (oidc-provider over HTTPS, `support::oidc`), headless
//! Chromium as the person's phone approving the code (`AuthServer::approve_device`), and a
//! Dovecot whose `oauth2` passdb introspects every token (`support::oauth_dovecot`).
//!
//! Read like support tickets:
//! - no browser opens on this computer (`BROWSER` is a command that fails, as `xdg-open`
//!   does on a machine without one): the window says so and shows a code instead; the
//!   test reads the code and the page from the window as a screen reader would, approves
//!   it in Chromium, and the window goes on to verify, save (refresh token in the keychain,
//!   no token in any file or Debug output), and `accounts check` works on what it saved;
//! - a code left too long expires: the window says so and "Get a new code" gives a new one,
//!   which then works;
//! - another account approves the code, or the person refuses on the other device: each
//!   cause in plain words on the page.
//!
//! Needs the keychain session `scripts/test` sets up (gnome-keyring, `keyctl session -`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod gui_oauth_steps;
mod support;

use std::time::Duration;

use egui::accesskit::{Live, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_common::*;
use gui_oauth_steps::*;
use mailsetup::gui::MailSetupApp;
use mailsetup::wizard::{OAuthState, Page};
use support::oidc::{AuthServer, AuthServerOptions, Lifetimes};
use support::oidc_browser::{Consent, require_chromium};
use support::{auth_server, oauth_dovecot};

/// How long one browser leg may take on a loaded machine.
const BROWSER_LEG: Duration = Duration::from_secs(120);

/// No browser can be opened in this test process: the opener fails at once.
fn no_browser() {
    // SAFETY: every test in this binary wants the same value; the runtime reads BROWSER
    // only when the person presses the button.
    unsafe { std::env::set_var("BROWSER", "false") };
}

/// The window with the address typed and "Sign in with …" offered.
fn window_for(server: &AuthServer, dir: &std::path::Path) -> Harness<'static, MailSetupApp> {
    let mut h = app(config(server, dir));
    h.run_steps(2);
    fill(&mut h, "Email address", &server.traveller().email);
    step_until(&mut h, Duration::from_secs(10), "the button", |app| {
        app.wizard().oauth_provider().is_some()
    });
    h
}

/// Waits for the code, then reads it and the page to open from the window (their names on
/// the accessibility tree, as a screen reader finds them).
fn code_on_screen(h: &mut Harness<'_, MailSetupApp>) -> (String, String) {
    step_until(h, Duration::from_secs(30), "the code is shown", |app| {
        matches!(
            app.wizard().oauth_state(),
            OAuthState::Code { code: Some(_), .. } | OAuthState::Failed(_)
        )
    });
    h.get_by_label_contains("Waiting for approval");
    let node = h.get_by_label_contains("Code to enter: ");
    let node = node.accesskit_node();
    // A screen reader reads the code out when it appears.
    assert_eq!(node.live(), Live::Polite, "the code is a live region");
    let name = node.value().or_else(|| node.label()).unwrap_or_default();
    let code = name
        .strip_prefix("Code to enter: ")
        .expect("the code's name")
        .to_string();
    let page = h
        .get_all_by_role(Role::Link)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("https://127.0.0.1"))
        .expect("the page to open, as a link");
    assert!(!code.is_empty());
    (page, code)
}

fn wait_sign_in(h: &mut Harness<'_, MailSetupApp>) {
    step_until(h, BROWSER_LEG, "the sign-in ends", |app| {
        !matches!(
            app.wizard().oauth_state(),
            OAuthState::Waiting(_) | OAuthState::Code { .. }
        )
    });
}

#[test]
fn without_a_browser_the_window_signs_in_with_a_code_saves_and_accounts_check_works() {
    require_chromium();
    no_browser();
    let server = auth_server();
    let d = oauth_dovecot();
    let dir = config_dir("gui-oauth-device");
    let mut h = window_for(server, &dir);

    click(
        &mut h,
        &format!("Sign in with {}", url_host(&server.issuer)),
    );
    let (page, code) = code_on_screen(&mut h);
    h.get_by_label_contains("could not be opened on this computer");
    h.get_by_label_contains("The code works for");
    assert_eq!(
        click_and_catch_copy(&mut h, "Copy code"),
        code,
        "Copy code copies the code"
    );
    assert_eq!(click_and_catch_copy(&mut h, "Copy address"), page);

    // On "another device": Chromium opens the page, types the code, signs in and allows.
    let run = server.approve_device(&page, Some(&code), server.traveller(), Consent::Allow);
    assert!(!run.output.is_empty());
    wait_sign_in(&mut h);
    let access = access_token(&h);
    set_up_by_hand_and_save(&mut h, d);
    let refresh = assert_saved_safely(&h, server, &dir, &access);
    check_twice(&dir, &refresh, &access);
}

#[test]
fn an_expired_code_is_explained_and_a_new_code_works() {
    require_chromium();
    no_browser();
    // Codes that live 3 seconds.
    let server = AuthServer::start(&AuthServerOptions {
        lifetimes: Lifetimes {
            device_code: 3,
            ..Lifetimes::default()
        },
        ..AuthServerOptions::default()
    });
    let dir = config_dir("gui-oauth-expired");
    let mut h = window_for(&server, &dir);

    // Chosen, not fallen back to: "Use a code on another device instead".
    click(&mut h, "Use a code on another device instead");
    let (_, first) = code_on_screen(&mut h);
    assert!(
        h.query_by_label_contains("could not be opened").is_none(),
        "the browser was not tried"
    );
    wait_sign_in(&mut h);
    let OAuthState::Failed(problem) = h.state().wizard().oauth_state() else {
        panic!("{:?}", h.state().wizard().oauth_state());
    };
    assert_eq!(problem.code, "oauth_device_code_expired", "{problem:?}");
    h.get_by_label_contains("The code expired before it was entered");

    // A new code, living long enough this time.
    server.set_lifetimes(Lifetimes::default());
    click(&mut h, "Get a new code");
    let (page, second) = code_on_screen(&mut h);
    assert_ne!(first, second, "a new code");
    server.approve_device(&page, Some(&second), server.traveller(), Consent::Allow);
    wait_sign_in(&mut h);
    assert!(h.state().wizard().signed_in_with_provider());
    assert_eq!(h.state().wizard().page(), Page::Lookup);
}

/// The failure shown after a device sign-in ends with `cause`.
fn failed_with(h: &mut Harness<'_, MailSetupApp>, cause: &str) {
    wait_sign_in(h);
    let OAuthState::Failed(problem) = h.state().wizard().oauth_state() else {
        panic!("{:?}", h.state().wizard().oauth_state());
    };
    assert_eq!(problem.code, cause, "{problem:?}");
    assert_eq!(h.state().wizard().page(), Page::Account);
}

#[test]
fn another_account_or_a_refusal_on_the_other_device_is_explained() {
    require_chromium();
    no_browser();
    let server = auth_server();
    let dir = config_dir("gui-oauth-device-refused");
    let mut h = window_for(server, &dir);

    // Alice approves the code meant for traveller's address.
    click(&mut h, "Use a code on another device instead");
    let (page, code) = code_on_screen(&mut h);
    server.approve_device(&page, Some(&code), server.alice(), Consent::Allow);
    failed_with(&mut h, "oauth_wrong_account");
    h.get_by_label_contains("Another account was chosen in the browser");
    h.get_by_label_contains("alice@example.test");

    // Then the person presses Abort on the other device.
    click(&mut h, "Use a code on another device instead");
    let (page, code) = code_on_screen(&mut h);
    server.approve_device(&page, Some(&code), server.traveller(), Consent::AbortDevice);
    failed_with(&mut h, "oauth_consent_denied");
    h.get_by_label_contains("Access was not allowed on the page of 127.0.0.1");
    assert!(!h.state().wizard().signed_in_with_provider());
}
