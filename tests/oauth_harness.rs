//! Proves the OAuth2 test harness by itself, without the app's OAuth code: the real
//! authorization server (oidc-provider), headless Chromium on its pages, and a Dovecot whose
//! `oauth2` passdb introspects the tokens. A tiny client here plays the app: PKCE S256
//! (RFC 7636), a one-shot loopback redirect (RFC 8252), the device grant (RFC 8628), and SASL
//! XOAUTH2 / OAUTHBEARER (RFC 7628) over IMAP, POP3 and submission with raw commands on
//! implicit TLS.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::time::{Duration, Instant};

use base64::Engine;
use mailsetup::account::Protocol;
use serde_json::Value;

use support::https_client;
use support::oauth_sasl::{Mech, assert_all_refused, assert_all_sign_in, sign_in};
use support::oidc::{AuthServer, AuthServerOptions, DEFAULT_SCOPE, Tokens};
use support::oidc_browser::{Consent, LoopbackCatcher, Pkce, random_state};
use support::{auth_server, dovecot_with_oauth, oauth_dovecot};

fn assert_no_secrets(what: &str, text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!secret.is_empty());
        assert!(!text.contains(secret), "{what} shows a secret:\n{text}");
    }
}

/// Auth code + PKCE through the browser: the code lands on our loopback listener with our
/// state; the tokens it buys sign in everywhere.
fn browser_code_flow(
    server: &AuthServer,
    user: &str,
    consent: Consent,
) -> (
    Option<Tokens>,
    support::oidc_browser::Redirected,
    support::oidc_browser::BrowserRun,
    String,
) {
    let pkce = Pkce::new();
    let state = random_state();
    let catcher = LoopbackCatcher::bind();
    let redirect_uri = catcher.redirect_uri();
    let url = server.authorization_url(&pkce, &redirect_uri, &state, DEFAULT_SCOPE);
    let waiting = catcher.spawn();
    let run = server.browse(&url, server.user(user), consent);
    let got = waiting
        .join()
        .expect("the listener thread")
        .unwrap_or_else(|| panic!("nothing reached the loopback listener: {run:?}"));
    if consent == Consent::WrongState {
        assert_ne!(
            got.param("state"),
            Some(state.as_str()),
            "state changed: {got:?}"
        );
        assert!(got.param("code").is_some(), "{got:?}");
        return (None, got, run, String::new());
    }
    assert_eq!(
        got.param("state"),
        Some(state.as_str()),
        "state comes back: {got:?}"
    );
    assert_eq!(
        got.param("iss"),
        Some(server.issuer.as_str()),
        "RFC 9207 iss: {got:?}"
    );
    let tokens = got.param("code").map(|code| {
        server
            .exchange_code(code, &pkce.verifier, &redirect_uri)
            .expect("the code buys tokens")
    });
    let secrets_seen = format!("{}{}", pkce.verifier, state);
    (tokens, got, run, secrets_seen)
}

#[test]
fn browser_code_flow_then_xoauth2_and_oauthbearer_on_imap_pop3_submission() {
    let server = auth_server();
    let dovecot = oauth_dovecot();
    let user = server.traveller().clone();
    let (tokens, got, run, _) = browser_code_flow(server, &user.email, Consent::Allow);
    assert!(run.success, "browser: {run:?}");
    assert_eq!(run.outcome, "redirected");
    assert_eq!(got.path, "/callback");
    let tokens = tokens.expect("a code");
    assert!(
        tokens.refresh_token.is_some(),
        "a refresh token comes with the code"
    );
    assert!(tokens.scope.contains("email"), "{tokens:?}");
    let id_token = tokens.id_token.as_deref().expect("an ID token");
    let claims = id_token.split('.').nth(1).expect("JWT payload");
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(claims)
            .expect("base64url"),
    )
    .expect("JSON claims");
    assert_eq!(claims["email"], user.email.as_str(), "{claims}");
    assert_eq!(claims["iss"], server.issuer.as_str());
    let info = server.introspect(&tokens.access_token);
    assert_eq!(info["active"], true);
    assert_eq!(info["email"], user.email.as_str());

    assert_all_sign_in(dovecot, &user.email, &tokens.access_token);

    let code = got.param("code").expect("code").to_string();
    let mut secrets: Vec<&str> = vec![&user.password, &code];
    let token_list = tokens.secrets();
    secrets.extend(token_list.iter().map(String::as_str));
    assert_no_secrets("the browser script's output", &run.output, &secrets);
    assert_no_secrets("the server's log", &server.log_text(), &secrets);
    assert_no_secrets("Dovecot's log", &dovecot.log_text(), &secrets);
}

#[test]
fn denied_consent_and_cancelled_login_come_back_as_access_denied() {
    let server = auth_server();
    for consent in [Consent::Deny, Consent::CancelLogin] {
        let (tokens, got, run, _) = browser_code_flow(server, "traveller@example.test", consent);
        assert!(tokens.is_none(), "{consent:?}: no code");
        assert_eq!(
            got.param("error"),
            Some("access_denied"),
            "{consent:?}: {got:?}"
        );
        assert_eq!(
            run.error.as_deref(),
            Some("access_denied"),
            "{consent:?}: {run:?}"
        );
    }
}

#[test]
fn wrong_state_reaches_the_listener_when_asked() {
    let server = auth_server();
    let (_, got, run, _) = browser_code_flow(server, "traveller@example.test", Consent::WrongState);
    assert!(run.steps.contains(&"state-changed".to_string()), "{run:?}");
    assert!(
        got.param("state")
            .is_some_and(|s| s.starts_with("tampered-")),
        "{got:?}"
    );
}

#[test]
fn pkce_is_required_and_checked() {
    let server = auth_server();
    // No code_challenge: the server sends the browser back with invalid_request.
    let mut url = reqwest::Url::parse(&server.authorization_endpoint()).expect("URL");
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &server.client_id)
        .append_pair("redirect_uri", "http://127.0.0.1:45678/callback")
        .append_pair("scope", DEFAULT_SCOPE)
        .append_pair("state", "s1");
    let answer = https_client::get(url.as_str(), &[]).expect("authorization request");
    let location = answer.header("location").unwrap_or_default().to_string();
    assert!(answer.status == 303 || answer.status == 302, "{answer:?}");
    assert!(
        location.starts_with("http://127.0.0.1:45678/callback?"),
        "{location}"
    );
    assert!(location.contains("error=invalid_request"), "{location}");
    assert!(location.contains("PKCE"), "names PKCE: {location}");

    // A redirect URI that is not loopback is refused outright (no redirect).
    let mut bad = url.clone();
    bad.query_pairs_mut().clear();
    let pkce = Pkce::new();
    let evil = server.authorization_url(&pkce, "http://evil.example/callback", "s2", DEFAULT_SCOPE);
    let answer = https_client::get(&evil, &[]).expect("authorization request");
    assert!(
        answer.header("location").is_none(),
        "no redirect to a foreign URI: {answer:?}"
    );
    assert_eq!(answer.status, 400, "{answer:?}");

    // Any loopback port is fine (RFC 8252 §7.3).
    let ok = server.authorization_url(
        &pkce,
        "http://127.0.0.1:61234/callback",
        "s3",
        DEFAULT_SCOPE,
    );
    let answer = https_client::get(&ok, &[]).expect("authorization request");
    let location = answer.header("location").unwrap_or_default();
    assert!(
        location.contains("/interaction/"),
        "goes to the login page: {answer:?}"
    );
}

#[test]
fn wrong_pkce_verifier_is_refused_at_the_token_endpoint() {
    let server = auth_server();
    let minted = server.mint_code(&server.traveller().email, DEFAULT_SCOPE, None);
    let err = server
        .exchange_code(&minted.code, &Pkce::new().verifier, &minted.redirect_uri)
        .expect_err("a wrong verifier");
    assert_eq!(err.error, "invalid_grant", "{err:?}");
    let err = server
        .exchange_code(&minted.code, &minted.verifier, "http://127.0.0.1/")
        .expect_err("another redirect URI");
    assert_eq!(err.error, "invalid_grant", "{err:?}");
    // The failed tries did not spend the code; the right verifier buys tokens once.
    let tokens = server
        .exchange_code(&minted.code, &minted.verifier, &minted.redirect_uri)
        .expect("the right verifier");
    let err = server
        .exchange_code(&minted.code, &minted.verifier, &minted.redirect_uri)
        .expect_err("a code used twice");
    assert_eq!(err.error, "invalid_grant", "{err:?}");
    // Reuse of a code revokes what it bought (RFC 6749 §4.1.2).
    assert_eq!(server.introspect(&tokens.access_token)["active"], false);
}

#[test]
fn inactive_and_revoked_tokens_are_refused_with_dovecots_error_json() {
    let server = auth_server();
    let dovecot = oauth_dovecot();
    let user = server.traveller().email.clone();

    let made_inactive = server.traveller_tokens();
    assert!(server.make_inactive(&made_inactive.access_token));
    assert_eq!(
        server.introspect(&made_inactive.access_token)["active"],
        false
    );
    assert_all_refused(dovecot, &user, &made_inactive.access_token);

    // Revoking the refresh token ends the grant: its access token goes too, refresh fails.
    let revoked = server.traveller_tokens();
    assert_all_sign_in(dovecot, &user, &revoked.access_token);
    server.revoke(revoked.refresh_token.as_deref().expect("refresh token"));
    assert_eq!(server.introspect(&revoked.access_token)["active"], false);
    assert_all_refused(dovecot, &user, &revoked.access_token);
    let err = server
        .refresh(revoked.refresh_token.as_deref().expect("refresh token"))
        .expect_err("a revoked refresh token");
    assert_eq!(err.error, "invalid_grant", "{err:?}");

    // A token the server never issued.
    assert_all_refused(dovecot, &user, "not-a-token-at-all");
}

#[test]
fn a_token_for_another_user_is_refused() {
    let server = auth_server();
    let dovecot = oauth_dovecot();
    let alice = server.alice().email.clone();
    let tokens = server.tokens_for(&alice, DEFAULT_SCOPE, None);
    assert_all_sign_in(dovecot, &alice, &tokens.access_token);
    assert_all_refused(dovecot, "traveller@example.test", &tokens.access_token);
}

#[test]
fn expired_access_and_refresh_tokens() {
    let server = auth_server();
    let dovecot = oauth_dovecot();
    let user = server.traveller().email.clone();
    let short = server.tokens_for(&user, DEFAULT_SCOPE, Some((2, 2)));
    assert_eq!(short.expires_in, 2);
    assert!(
        sign_in(
            dovecot,
            Protocol::Imap,
            Mech::XOAuth2,
            &user,
            &short.access_token
        )
        .ok
    );
    std::thread::sleep(Duration::from_millis(3100));
    assert_eq!(server.introspect(&short.access_token)["active"], false);
    assert_all_refused(dovecot, &user, &short.access_token);
    let err = server
        .refresh(short.refresh_token.as_deref().expect("refresh token"))
        .expect_err("an expired refresh token");
    assert_eq!(err.error, "invalid_grant", "{err:?}");
}

#[test]
fn refresh_tokens_rotate() {
    let server = auth_server();
    let dovecot = oauth_dovecot();
    let user = server.traveller().email.clone();
    let first = server.traveller_tokens();
    let old_refresh = first.refresh_token.clone().expect("refresh token");
    let second = server.refresh(&old_refresh).expect("refresh");
    let new_refresh = second.refresh_token.clone().expect("a new refresh token");
    assert_ne!(new_refresh, old_refresh, "rotated");
    assert!(
        sign_in(
            dovecot,
            Protocol::Smtp,
            Mech::OAuthBearer,
            &user,
            &second.access_token
        )
        .ok
    );
    // The old one is spent (reuse revokes the grant, as OAuth 2.0 Security BCP §4.14 asks).
    assert_eq!(
        server.refresh(&old_refresh).expect_err("reused").error,
        "invalid_grant"
    );
}

fn device_flow(
    server: &AuthServer,
    consent: Consent,
    complete_uri: bool,
) -> (
    Result<Tokens, support::oidc::OAuthError>,
    support::oidc_browser::BrowserRun,
    Value,
) {
    let started = server.start_device_authorization(DEFAULT_SCOPE);
    let device_code = started["device_code"]
        .as_str()
        .expect("device_code")
        .to_string();
    assert_eq!(started["interval"], 1, "{started}");
    let pending = server
        .poll_device(&device_code)
        .expect_err("not yet approved");
    assert_eq!(pending.error, "authorization_pending");
    let run = if complete_uri {
        server.approve_device(
            started["verification_uri_complete"]
                .as_str()
                .expect("complete URI"),
            None,
            server.traveller(),
            consent,
        )
    } else {
        server.approve_device(
            started["verification_uri"].as_str().expect("URI"),
            started["user_code"].as_str(),
            server.traveller(),
            consent,
        )
    };
    (server.poll_device(&device_code), run, started)
}

#[test]
fn device_flow_approved_through_the_browser() {
    let server = auth_server();
    let dovecot = oauth_dovecot();
    let (tokens, run, started) = device_flow(server, Consent::Allow, false);
    assert!(run.success, "{run:?}");
    assert_eq!(run.outcome, "device-done", "{run:?}");
    let tokens = tokens.expect("tokens after approval");
    assert!(tokens.refresh_token.is_some());
    assert_all_sign_in(dovecot, "traveller@example.test", &tokens.access_token);
    let device_code = started["device_code"].as_str().expect("device code");
    let password = server.traveller().password.clone();
    let mut secrets = vec![device_code, password.as_str()];
    let token_list = tokens.secrets();
    secrets.extend(token_list.iter().map(String::as_str));
    assert_no_secrets("the browser script's output", &run.output, &secrets);
}

#[test]
fn device_flow_aborted_or_denied() {
    let server = auth_server();
    let (aborted, run, _) = device_flow(server, Consent::AbortDevice, true);
    assert!(!run.steps.is_empty(), "{run:?}");
    assert_eq!(
        aborted.expect_err("aborted").error,
        "access_denied",
        "{run:?}"
    );
    let (denied, run, _) = device_flow(server, Consent::Deny, true);
    assert_eq!(
        denied.expect_err("denied").error,
        "access_denied",
        "{run:?}"
    );
}

#[test]
fn expired_device_code() {
    let server = AuthServer::start(&AuthServerOptions {
        lifetimes: support::oidc::Lifetimes {
            device_code: 1,
            ..Default::default()
        },
        ..Default::default()
    });
    let started = server.start_device_authorization(DEFAULT_SCOPE);
    std::thread::sleep(Duration::from_millis(2100));
    let err = server
        .poll_device(started["device_code"].as_str().expect("device code"))
        .expect_err("expired");
    assert_eq!(err.error, "expired_token", "{err:?}");
}

/// Start-up figures for the CI budget (printed; bounded generously).
#[test]
fn harness_start_up_times() {
    let began = Instant::now();
    let server = AuthServer::start(&AuthServerOptions::default());
    let server_ready = began.elapsed();
    let began = Instant::now();
    let dovecot = dovecot_with_oauth(&server);
    let dovecot_ready = began.elapsed();
    let began = Instant::now();
    let (tokens, _, run, _) = browser_code_flow(&server, "wanderer@example.test", Consent::Allow);
    let login = began.elapsed();
    let tokens = tokens.expect("tokens");
    let began = Instant::now();
    assert!(
        sign_in(
            &dovecot,
            Protocol::Imap,
            Mech::XOAuth2,
            "wanderer@example.test",
            &tokens.access_token
        )
        .ok
    );
    let sign_in_time = began.elapsed();
    eprintln!(
        "harness times: auth server ready {:?} (own count {:?}), OAuth Dovecot ready {:?}, \
         one browser login {:?} (script {:?}, {}), one IMAP XOAUTH2 sign-in {:?}",
        server_ready, server.startup, dovecot_ready, login, run.elapsed, run.timing, sign_in_time
    );
    assert!(server_ready < Duration::from_secs(30));
    assert!(dovecot_ready < Duration::from_secs(30));
    assert!(login < Duration::from_secs(60));
}

/// The script stands in for the app's browser: `$BROWSER URL` returns at once (detached, as
/// xdg-open does) and the browser signs in behind it; its JSON line lands in the result file.
#[test]
fn browser_script_works_as_the_browser_variable() {
    let server = auth_server();
    let result = support::run_dir().join(format!("browser-result-{}", random_state()));
    let env =
        support::oidc_browser::browser_env(server.traveller(), Consent::Allow, Some(&result), true);
    let browser = env
        .iter()
        .find(|(k, _)| k == "BROWSER")
        .map(|(_, v)| v.clone())
        .expect("BROWSER");
    let pkce = Pkce::new();
    let state = random_state();
    let catcher = LoopbackCatcher::bind();
    let redirect_uri = catcher.redirect_uri();
    let url = server.authorization_url(&pkce, &redirect_uri, &state, DEFAULT_SCOPE);
    let waiting = catcher.spawn();
    let began = Instant::now();
    let status = std::process::Command::new(&browser)
        .arg(&url)
        .envs(env)
        .status()
        .expect("run $BROWSER");
    assert!(status.success());
    assert!(
        began.elapsed() < Duration::from_secs(10),
        "returns at once: {:?}",
        began.elapsed()
    );
    let got = waiting
        .join()
        .expect("thread")
        .expect("the redirect arrives");
    assert_eq!(got.param("state"), Some(state.as_str()));
    let tokens = server
        .exchange_code(
            got.param("code").expect("code"),
            &pkce.verifier,
            &redirect_uri,
        )
        .expect("tokens");
    assert!(!tokens.access_token.is_empty());
    assert!(
        support::wait_until(Duration::from_secs(30), || {
            std::fs::read_to_string(&result).is_ok_and(|t| t.contains("\"redirected\""))
        }),
        "the result line"
    );
    let line = std::fs::read_to_string(&result).expect("result");
    assert_no_secrets(
        "the result file",
        &line,
        &[
            &server.traveller().password,
            got.param("code").expect("code"),
            &state,
        ],
    );
}

/// When the authorization server is down, Dovecot cannot introspect: a temporary failure,
/// not an invalid token.
#[test]
fn introspection_unreachable_is_a_temporary_failure() {
    let server = AuthServer::start(&AuthServerOptions::default());
    let dovecot = dovecot_with_oauth(&server);
    let user = server.traveller().email.clone();
    let tokens = server.traveller_tokens();
    assert!(
        sign_in(
            &dovecot,
            Protocol::Imap,
            Mech::XOAuth2,
            &user,
            &tokens.access_token
        )
        .ok
    );
    drop(server);
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        for mech in [Mech::XOAuth2, Mech::OAuthBearer] {
            let out = sign_in(&dovecot, protocol, mech, &user, &tokens.access_token);
            assert!(!out.ok, "{out:?}");
            assert!(out.error_json.is_none(), "no token verdict: {out:?}");
            let temporary = match protocol {
                Protocol::Imap => "a NO [UNAVAILABLE]",
                Protocol::Pop3 => "-ERR [SYS/TEMP]",
                Protocol::Smtp => "454 4.7.0",
            };
            assert!(
                out.last.starts_with(temporary),
                "{protocol:?} {mech:?}: {out:?}"
            );
        }
    }
}
