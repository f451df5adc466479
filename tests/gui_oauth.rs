//! "Sign in with <provider>" in the window, end to end with real parts only: the test
//! authorization server (oidc-provider over HTTPS, `support::oidc`), headless Chromium as
//! the person's browser (`BROWSER` = tests/oidc/browser.mjs, detached like xdg-open), and a
//! Dovecot whose `oauth2` passdb introspects every token (`support::oauth_dovecot`).
//!
//! Read like a support ticket: the person first refuses on the provider's page and sees why
//! in plain words; then signs in again, allows, the servers verify with the access token
//! (OAUTHBEARER), and the save keeps the refresh token in the keychain — never in a file.
//! The issuer, scopes and client id are given to the runtime as `MAILSETUP_OAUTH_ISSUER`,
//! `MAILSETUP_OAUTH_SCOPES` and the client id would be (`RuntimeConfig::oauth`). Later, the
//! real binary's `mailsetup accounts check` on the account the window saved refreshes the
//! sign-in and verifies the servers, twice (the refresh token rotates; the new one is kept).
//!
//! Needs the keychain session `scripts/test` sets up (gnome-keyring, `keyctl session -`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod gui_oauth_steps;
mod support;

use std::time::Duration;

use egui_kittest::kittest::Queryable;
use gui_common::*;
use gui_oauth_steps::*;
use mailsetup::wizard::{OAuthState, Page};
use support::oidc::AuthServer;
use support::oidc_browser::{Consent, browser_env, require_chromium};
use support::{auth_server, oauth_dovecot};

/// How long one browser leg may take on a loaded machine.
const BROWSER_LEG: Duration = Duration::from_secs(120);

/// Sets the browser's environment for this process (`BROWSER` and what the script does).
fn use_browser(server: &AuthServer, consent: Consent) {
    for (k, v) in browser_env(server.traveller(), consent, None, true) {
        // SAFETY: set between frames of the only test in this binary; the runtime reads
        // BROWSER only when the person presses the button.
        unsafe { std::env::set_var(k, v) };
    }
}

fn wait_sign_in(h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>) {
    step_until(h, BROWSER_LEG, "the browser sign-in ends", |app| {
        !matches!(app.wizard().oauth_state(), OAuthState::Waiting(_))
    });
}

#[test]
fn denied_consent_is_explained_then_signing_in_with_the_provider_saves_the_refresh_token() {
    require_chromium();
    let server = auth_server();
    let d = oauth_dovecot();
    let dir = config_dir("gui-oauth");
    let provider = url_host(&server.issuer);
    let button = format!("Sign in with {provider}");

    let mut h = app(config(server, &dir));
    h.run_steps(2);
    fill(&mut h, "Email address", &server.traveller().email);
    step_until(&mut h, Duration::from_secs(10), "the button", |app| {
        app.wizard().oauth_provider().is_some()
    });

    // 1. The person presses Deny on the provider's page.
    use_browser(server, Consent::Deny);
    click(&mut h, &button);
    h.get_by_label_contains("Waiting for you in the browser");
    wait_sign_in(&mut h);
    let OAuthState::Failed(problem) = h.state().wizard().oauth_state() else {
        panic!("expected a failure: {:?}", h.state().wizard().oauth_state());
    };
    assert_eq!(problem.code, "oauth_consent_denied", "{problem:?}");
    assert_eq!(h.state().wizard().page(), Page::Account);
    h.get_by_label_contains("Access was not allowed on the page of");
    h.get_by_label_contains("declined");

    // 2. Again, and this time Allow: on to the servers with the access token.
    use_browser(server, Consent::Allow);
    click(&mut h, &button);
    wait_sign_in(&mut h);
    let access = access_token(&h);
    set_up_by_hand_and_save(&mut h, d);

    // The keychain holds the refresh token; the account says it signs in with OAuth 2.0; no
    // token in any file of the configuration folder, nor in the window's state dump.
    let refresh = assert_saved_safely(&h, server, &dir, &access);

    // Later, the technician's `accounts check` on the account the window saved.
    check_twice(&dir, &refresh, &access);
}

#[test]
fn without_a_client_id_the_window_says_how_to_get_one() {
    let dir = config_dir("gui-oauth-noid");
    // An issuer with no client id anywhere (flag, environment, oauth.json, table) that lets
    // no app register itself (RFC 7591): its metadata names no registration endpoint.
    let mut config = config(auth_server(), &dir);
    config.oauth.client_id = None;
    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", "ann@example.test");
    step_until(&mut h, Duration::from_secs(10), "the button", |app| {
        app.wizard().oauth_provider().is_some()
    });
    click(&mut h, "Sign in with 127.0.0.1");
    step_until(&mut h, Duration::from_secs(20), "the answer", |app| {
        matches!(app.wizard().oauth_state(), OAuthState::Failed(_))
    });
    let OAuthState::Failed(problem) = h.state().wizard().oauth_state() else {
        unreachable!()
    };
    assert_eq!(problem.code, "oauth_client_id_missing", "{problem:?}");
    assert!(
        problem
            .summary
            .contains("does not let apps register themselves"),
        "{problem:?}"
    );
    h.get_by_label_contains("must first be registered with 127.0.0.1 as a desktop app");
    h.get_by_label_contains("MAILSETUP_OAUTH_CLIENT_ID");
}
