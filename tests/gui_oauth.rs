//! "Sign in with <provider>" in the window, end to end with real parts only: the test
//! authorization server (oidc-provider over HTTPS, `support::oidc`), headless Chromium as
//! the person's browser (`BROWSER` = tests/oidc/browser.mjs, detached like xdg-open), and a
//! Dovecot whose `oauth2` passdb introspects every token (`support::oauth_dovecot`).
//!
//! Read like a support ticket: the person first refuses on the provider's page and sees why
//! in plain words; then signs in again, allows, the servers verify with the access token
//! (OAUTHBEARER), and the save keeps the refresh token in the keychain — never in a file.
//! The issuer, scopes and client id are given to the runtime as `MAILSETUP_OAUTH_ISSUER`,
//! `MAILSETUP_OAUTH_SCOPES` and the client id would be (`RuntimeConfig::oauth`).
//!
//! Needs the keychain session `scripts/test` sets up (gnome-keyring, `keyctl session -`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::path::Path;
use std::time::Duration;

use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::oauth::session::Overrides;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{OAuthState, Page, SaveState};
use secrecy::ExposeSecret;
use support::oidc::{AuthServer, DEFAULT_SCOPE};
use support::oidc_browser::{Consent, browser_env, require_chromium};
use support::pki::pki;
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

fn config(server: &AuthServer, dir: &Path) -> RuntimeConfig {
    let roots = mailsetup::probe::tls::read_pem_certificates(&pki().ca_pem).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(dir.to_path_buf());
    config.oauth = Overrides {
        issuer: Some(server.issuer.clone()),
        scopes: DEFAULT_SCOPE.split(' ').map(str::to_string).collect(),
        client_id: Some(server.client_id.clone()),
    };
    config
}

fn wait_sign_in(h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>) {
    step_until(h, BROWSER_LEG, "the browser sign-in ends", |app| {
        !matches!(app.wizard().oauth_state(), OAuthState::Waiting(_))
    });
}

/// Every file under `dir`, as text.
fn files_text(dir: &Path) -> String {
    let mut out = String::new();
    for entry in std::fs::read_dir(dir).expect("the configuration folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.push_str(&files_text(&path));
        } else {
            out.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
        }
    }
    out
}

#[test]
fn denied_consent_is_explained_then_signing_in_with_the_provider_saves_the_refresh_token() {
    require_chromium();
    let server = auth_server();
    let d = oauth_dovecot();
    let dir = support::run_dir().join(format!("gui-oauth-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
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
    let access = match h.state().wizard().oauth_state() {
        OAuthState::SignedIn(grant) => grant.access.expose_secret().to_string(),
        other => panic!("expected to be signed in: {other:?}"),
    };
    assert_eq!(h.state().wizard().page(), Page::Lookup);
    click(&mut h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    let incoming = d.listener(Protocol::Imap, Security::Tls);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    fill(&mut h, "Incoming server", &incoming.host);
    fill(&mut h, "Incoming port", &incoming.port.to_string());
    fill(&mut h, "Outgoing server", &outgoing.host);
    fill(&mut h, "Outgoing port", &outgoing.port.to_string());
    click(&mut h, "Test settings");
    step_until(&mut h, Duration::from_secs(60), "both verified", |app| {
        let w = app.wizard();
        w.all_verified() || (w.tests().count() == 2 && !w.testing())
    });
    assert!(
        h.state().wizard().all_verified(),
        "{:?}",
        h.state().wizard().tests().collect::<Vec<_>>()
    );
    for t in h.state().wizard().tests() {
        let used = t
            .report
            .as_ref()
            .and_then(|r| r.server_facts.auth_used.clone())
            .unwrap_or_default();
        assert!(used.contains("OAUTHBEARER"), "{used}");
    }
    click(&mut h, "Save account");
    step_until(&mut h, Duration::from_secs(30), "the save ends", |app| {
        !matches!(app.wizard().save_state(), SaveState::Saving(..))
    });
    let SaveState::Saved(_) = h.state().wizard().save_state() else {
        panic!("not saved: {:?}", h.state().wizard().save_state());
    };
    assert_eq!(h.state().wizard().page(), Page::Done);

    // The keychain holds the refresh token; the account says it signs in with OAuth 2.0.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (refresh, login) = rt.block_on(async {
        let account = mailsetup::store::list(&dir).await.expect("list")[0].clone();
        let login = account
            .oauth2
            .clone()
            .expect("the account records OAuth 2.0");
        let secrets = mailsetup::store::open_keychain(account.keychain.store)
            .await
            .expect("keychain");
        let p = mailsetup::store::passwords(secrets, account)
            .await
            .expect("the keychain entries");
        (p.incoming.expose_secret().to_string(), login)
    });
    assert!(refresh.len() >= 8 && refresh != access, "a refresh token");
    assert_eq!(login.issuer, server.issuer.trim_end_matches('/'));
    assert_eq!(login.client_id, server.client_id);
    // No token in any file of the configuration folder, nor in the window's state dump.
    let files = files_text(&dir);
    assert!(files.contains("traveller@example.test"), "the account file");
    for (what, secret) in [("access token", &access), ("refresh token", &refresh)] {
        assert!(!files.contains(secret.as_str()), "a file holds the {what}");
        assert!(
            !format!("{:?}", h.state().wizard()).contains(secret.as_str()),
            "the wizard's Debug shows the {what}"
        );
    }
}

#[test]
fn without_a_client_id_the_window_says_how_to_get_one() {
    let dir = support::run_dir().join(format!("gui-oauth-noid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut config = offline_config();
    config.config_dir = Some(dir);
    // An issuer with no client id anywhere (flag, environment, oauth.json, table).
    config.oauth = Overrides {
        issuer: Some("https://127.0.0.1:9/".into()),
        scopes: vec!["openid".into()],
        client_id: None,
    };
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
    h.get_by_label_contains("must first be registered with 127.0.0.1 as a desktop app");
    h.get_by_label_contains("MAILSETUP_OAUTH_CLIENT_ID");
}

fn url_host(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', ':']).next())
        .unwrap_or_default()
        .to_string()
}
