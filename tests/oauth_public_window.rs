//! The window's "Sign in with …" with no pre-registered client (draft-ietf-mailmaint-oauth-
//! public), through the runtime the window runs its effects on: the same engine call as
//! `diagnose --oauth` (`oauth::session::token_client`), so mailsetup registers itself at the
//! test authorization server (oidc-provider, registration switched on), the person signs in
//! in the browser (headless Chromium as `BROWSER`), and the sign-in comes back as the
//! registered client — ready to be saved with its registration; the sign-in with a code on
//! another device, which such an app did not register for, says so in words.
//!
//! Its own test binary: it sets `BROWSER` for the whole process.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::time::{Duration, Instant};

use mailsetup::oauth::session::Overrides;
use mailsetup::runtime::{Runtime, RuntimeConfig};
use mailsetup::store::ClientSource;
use mailsetup::wizard::{Effect, Event, TaskId};
use support::oauth_cli::config_dir;
use support::oidc::{AuthServer, AuthServerOptions, DEFAULT_SCOPE};
use support::oidc_browser::{Consent, browser_env, require_chromium};
use support::pki::pki;

#[test]
fn the_window_signs_in_as_a_client_it_registered_on_the_spot() {
    require_chromium();
    let server = AuthServer::start(&AuthServerOptions {
        registration: true,
        resource_indicators: true,
        ..AuthServerOptions::default()
    });
    for (k, v) in browser_env(server.traveller(), Consent::Allow, None, true) {
        // SAFETY: the only test of this binary, before the runtime starts any thread.
        unsafe { std::env::set_var(k, v) };
    }
    // SAFETY: as above.
    unsafe { std::env::remove_var("MAILSETUP_OAUTH_CLIENT_ID") };
    let dir = config_dir();
    let mut config = RuntimeConfig::new(vec![pki().ca_der.clone()]).expect("trust");
    config.config_dir = Some(dir.path().to_path_buf());
    // The issuer as the person gives it (MAILSETUP_OAUTH_ISSUER): no client id anywhere.
    config.oauth = Overrides {
        issuer: Some(server.issuer.clone()),
        scopes: DEFAULT_SCOPE.split(' ').map(str::to_string).collect(),
        client_id: None,
    };
    let (mut runtime, events) = Runtime::new(config, std::sync::Arc::new(|| {})).expect("runtime");
    let email = mailsetup::account::EmailAddress::parse("traveller@example.test").unwrap();
    runtime.execute(Effect::OAuthSignIn {
        task: TaskId(7),
        email,
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let signed = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match events.recv_timeout(left).expect("the sign-in's answer") {
            Event::SignedIn { result, .. } => break result,
            _ => continue,
        }
    };
    let secret = signed.unwrap_or_else(|p| panic!("{p:?}\n{}", server.log_text()));
    let registered = server.registrations();
    assert_eq!(registered.len(), 1, "{registered:?}");
    let client_id = registered[0]["client_id"].as_str().expect("a client id");
    assert_eq!(secret.login.client_id, client_id);
    assert!(
        matches!(
            &secret.login.client_source,
            Some(ClientSource::Registered { endpoint, .. }) if endpoint.starts_with(&server.issuer)
        ),
        "{:?}",
        secret.login
    );
    assert!(secret.refresh.is_some(), "a refresh token to keep");
    // No server chosen yet on the account page: no resource asked.
    assert_eq!(secret.login.resource, None);
    assert!(server.resources_seen().is_empty());

    // "Use a code on another device instead": the registration asked for the code flow
    // only, and the window says so in words instead of the server's refusal.
    let email = mailsetup::account::EmailAddress::parse("traveller@example.test").unwrap();
    runtime.execute(Effect::OAuthDeviceSignIn {
        task: TaskId(8),
        email,
    });
    let problem = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match events
            .recv_timeout(left)
            .expect("the device sign-in's answer")
        {
            Event::SignedIn { result, .. } => break result.expect_err("no device flow"),
            _ => continue,
        }
    };
    assert_eq!(problem.code, "oauth_endpoint_missing", "{problem:?}");
    assert!(
        problem.summary.contains("registered on the spot"),
        "{problem:?}"
    );
}
