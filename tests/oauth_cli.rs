//! `mailsetup diagnose --oauth` and `accounts check` end to end, with real parts only: the
//! test authorization server (oidc-provider over HTTPS, `support::oidc`), headless Chromium
//! acting as the person (`support::oidc_browser`, also as `BROWSER`), and a Dovecot whose
//! `oauth2` passdb introspects every token (`support::oauth_dovecot`).
//!
//! Read like support tickets: the device flow approved in the browser signs in to IMAP, POP3
//! and submission with OAUTHBEARER and saves the refresh token in the keychain; `accounts
//! check` refreshes and verifies twice (the refresh token rotates); the browser flow with
//! XOAUTH2; a noisy machine (a silent connection, forged or missing `state`) that cannot end
//! the browser sign-in; and each failure with its cause — consent denied, another
//! account chosen in the browser, an expired device code, a revoked refresh token, a token
//! of another user, a token the introspection calls inactive. Every output and every file in
//! the configuration folder is searched for the tokens and codes.
//!
//! Needs the keychain session `scripts/test` sets up (`keyctl session -`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::path::Path;

use mailsetup::account::{Protocol, Security};

use support::oauth_cli::{
    Run, assert_secret_free, config_dir, files_text, run, run_approving, saved_refresh_token,
    server_flags,
};
use support::oidc::{
    AuthServer, AuthServerOptions, CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET,
    DEFAULT_SCOPE, Lifetimes, OAuthUser,
};
use support::oidc_browser::{Consent, browser_env, browser_script, require_chromium};
use support::pki::pki;
use support::{auth_server, oauth_dovecot};

/// The flags that point `diagnose --oauth` at the test authorization server.
fn oauth_flags(server: &AuthServer) -> Vec<String> {
    [
        "--oauth",
        "--oauth-issuer",
        &server.issuer,
        "--oauth-client-id",
        &server.client_id,
        "--oauth-scope",
        DEFAULT_SCOPE,
        "--ca-file",
        &pki().ca_pem.display().to_string(),
        "--connectivity-url",
        "off",
        "--timeout",
        "20",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// `diagnose --oauth` (device flow): when the code is printed, Chromium approves it as
/// `user` with `consent`.
fn device_run(server: &AuthServer, user: &OAuthUser, consent: Consent, extra: &[String]) -> Run {
    let mut args = vec!["diagnose".to_string(), "traveller@example.test".to_string()];
    args.extend(oauth_flags(server));
    args.extend(extra.iter().cloned());
    run_approving(&args, &[], server, user, consent)
}

fn check(dir: &Path) -> Run {
    check_with(dir, &[])
}

/// `accounts check` with this environment.
fn check_with(dir: &Path, env: &[(String, String)]) -> Run {
    run(
        &[
            "accounts".into(),
            "--config-dir".into(),
            dir.display().to_string(),
            "check".into(),
            "traveller-example-test".into(),
            "--ca-file".into(),
            pki().ca_pem.display().to_string(),
        ],
        env,
        |_| {},
    )
}

#[test]
fn device_flow_signs_in_everywhere_saves_and_accounts_check_refreshes() {
    require_chromium();
    let server = auth_server();
    let dir = config_dir();
    let mut extra = server_flags();
    extra.extend(
        [
            "--json",
            "--save",
            "--config-dir",
            &dir.path().display().to_string(),
            "--keychain",
            "keyutils",
        ]
        .map(String::from),
    );
    let first = device_run(server, server.traveller(), Consent::Allow, &extra);
    assert_eq!(first.code, Some(0), "{}", first.all());
    let doc = first.json();
    let servers = doc["servers"].as_array().expect("servers");
    assert_eq!(servers.len(), 3);
    for s in servers {
        assert_eq!(s["outcome"]["status"], "verified", "{s}");
        assert!(
            s["server_facts"]["auth_used"]
                .as_str()
                .is_some_and(|u| u.ends_with("OAUTHBEARER")),
            "{s}"
        );
    }
    assert!(doc["saved"]["id"].is_string(), "{doc}");
    let saved = files_text(dir.path());
    assert!(saved.contains("\"oauth2\""), "{saved}");
    let refresh_1 = saved_refresh_token(dir.path());

    let second = check(dir.path());
    assert_eq!(second.code, Some(0), "{}", second.all());
    assert!(second.stdout.contains("Verified: the saved setup works."));
    let refresh_2 = saved_refresh_token(dir.path());
    assert_ne!(refresh_1, refresh_2, "the rotated refresh token was kept");
    // The old one is spent: only the kept one can work, and it does.
    let third = check(dir.path());
    assert_eq!(third.code, Some(0), "{}", third.all());
    let refresh_3 = saved_refresh_token(dir.path());

    let secrets = vec![refresh_1, refresh_2, refresh_3];
    for (what, text) in [
        ("diagnose", first.all()),
        ("check", second.all()),
        ("check again", third.all()),
        ("the config dir", files_text(dir.path())),
    ] {
        assert_secret_free(what, &text, &secrets);
    }
}

#[test]
fn browser_flow_signs_in_with_xoauth2() {
    require_chromium();
    let server = auth_server();
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(server));
    args.extend(server_flags());
    args.extend(["--browser", "--sasl", "xoauth2", "--json", "--transcript"].map(String::from));
    let env = browser_env(server.traveller(), Consent::Allow, None, false);
    let out = run(&args, &env, |_| {});
    assert_eq!(out.code, Some(0), "{}", out.all());
    for s in out.json()["servers"].as_array().expect("servers") {
        assert_eq!(s["outcome"]["status"], "verified", "{s}");
        assert!(
            s["server_facts"]["auth_used"]
                .as_str()
                .is_some_and(|u| u.ends_with("XOAUTH2")),
            "{s}"
        );
    }
    assert!(!out.all().contains(&server.traveller().password));
}

/// `diagnose --oauth --browser` with this environment; returns the run.
fn browser_failure(server: &AuthServer, env: Vec<(String, String)>) -> Run {
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(server));
    args.extend(server_flags());
    args.extend(["--browser", "--json"].map(String::from));
    run(&args, &env, |_| {})
}

fn oauth_error(run: &Run) -> String {
    assert_eq!(run.code, Some(1), "{}", run.all());
    let doc = run.json();
    let advice = doc["oauth"]["advice"].as_str().unwrap_or_default();
    assert!(advice.len() > 40, "plain advice: {doc}");
    doc["oauth"]["error"].as_str().expect("a cause").to_string()
}

#[test]
fn denied_consent_and_another_account_are_clear_causes() {
    require_chromium();
    let server = auth_server();
    let denied = browser_failure(
        server,
        browser_env(server.traveller(), Consent::Deny, None, false),
    );
    assert_eq!(oauth_error(&denied), "oauth_consent_denied");
    // Alice signs in in the browser while traveller's address is being set up.
    let other = browser_failure(
        server,
        browser_env(server.alice(), Consent::Allow, None, false),
    );
    assert_eq!(oauth_error(&other), "oauth_wrong_account");
    assert!(
        other.json()["oauth"]["summary"]
            .as_str()
            .is_some_and(|s| s.contains("alice@example.test"))
    );
}

/// A noisy machine (issue 20 §4): the browser command gets only the loopback's `/start`
/// address (the authorization URL with its `state` and PKCE challenge never shows in the
/// process list); `/start` answers with a redirect to the authorization URL; before the real
/// browser signs in, a connection that never sends anything, an answer with a forged `state`
/// and one without a `state` are each refused (400) and the sign-in keeps waiting; the right
/// one then signs in.
#[test]
fn a_noisy_machine_cannot_end_the_browser_sign_in_and_only_start_is_on_the_command_line() {
    require_chromium();
    let server = auth_server();
    let dir = config_dir();
    let log = dir.path().join("noise.json");
    let noise = dir.path().join("noise.mjs");
    std::fs::write(
        &noise,
        r#"import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
const [, , log, ...argv] = process.argv;
const start = new URL(argv[0]);
const silent = connect(Number(start.port), '127.0.0.1');
await new Promise((ok) => silent.on('connect', ok));
const hop = await fetch(start, { redirect: 'manual' });
const base = `${start.origin}/`;
const forged = await fetch(`${base}?code=forged-code&state=forged-by-someone`);
const stateless = await fetch(`${base}?code=forged-code`);
writeFileSync(log, JSON.stringify({
  argv,
  start_status: hop.status,
  location: hop.headers.get('location'),
  forged: forged.status,
  stateless: stateless.status,
}));
silent.destroy();
"#,
    )
    .expect("the noise script");
    let script = dir.path().join("noisy-browser.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nnode {} {} \"$@\" || exit 1\nexec node {} \"$@\"\n",
            noise.display(),
            log.display(),
            browser_script().display()
        ),
    )
    .expect("the script");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let mut env = browser_env(server.traveller(), Consent::Allow, None, false);
    env.retain(|(k, _)| k != "BROWSER");
    env.push(("BROWSER".into(), script.display().to_string()));
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(server));
    args.extend(server_flags());
    args.extend(["--browser", "--json"].map(String::from));
    let out = run(&args, &env, |_| {});
    assert_eq!(out.code, Some(0), "{}", out.all());

    let seen: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&log).expect("the noise log")).unwrap();
    let argv: Vec<&str> = seen["argv"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    let [start] = argv[..] else {
        panic!("the browser got {argv:?}")
    };
    let port = start
        .strip_prefix("http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix("/start"))
        .unwrap_or_else(|| panic!("not the loopback's /start: {start}"));
    assert!(port.parse::<u16>().is_ok(), "{start}");
    assert_eq!(seen["start_status"], 303, "{seen}");
    let location = seen["location"].as_str().unwrap();
    assert!(
        location.starts_with(&server.authorization_endpoint()),
        "{location}"
    );
    for part in ["state=", "code_challenge=", "code_challenge_method=S256"] {
        assert!(location.contains(part), "{location}");
    }
    assert!(
        location.contains(&format!("redirect_uri=http%3A%2F%2F127.0.0.1%3A{port}%2F")),
        "{location}"
    );
    assert_eq!(seen["forged"], 400, "{seen}");
    assert_eq!(seen["stateless"], 400, "{seen}");
    for s in out.json()["servers"].as_array().expect("servers") {
        assert_eq!(s["outcome"]["status"], "verified", "{s}");
    }
}

#[test]
fn an_expired_device_code_is_a_clear_cause() {
    let server = AuthServer::start(&AuthServerOptions {
        lifetimes: Lifetimes {
            device_code: 3,
            ..Lifetimes::default()
        },
        ..AuthServerOptions::default()
    });
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(&server));
    args.extend(["--imap".into(), "127.0.0.1:9/tls".into(), "--json".into()]);
    let out = run(&args, &[], |_| {});
    assert_eq!(oauth_error(&out), "oauth_device_code_expired");
}

/// `diagnose --oauth-token-env` with `token` on the OAuth Dovecot.
fn with_token(server: &AuthServer, token: &str) -> Run {
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(server));
    args.extend(server_flags());
    args.extend(["--oauth-token-env", "TEST_TOKEN", "--json", "--transcript"].map(String::from));
    run(&args, &[("TEST_TOKEN".into(), token.into())], |_| {})
}

fn causes(run: &Run) -> Vec<String> {
    run.json()["servers"]
        .as_array()
        .expect("servers")
        .iter()
        .map(|s| {
            s["outcome"]["diagnosis"]["cause"]
                .as_str()
                .unwrap_or("verified")
                .to_string()
        })
        .collect()
}

#[test]
fn tokens_the_mail_server_refuses_are_oauth_token_rejected() {
    let server = auth_server();
    // Introspection says inactive.
    let tokens = server.traveller_tokens();
    assert!(server.make_inactive(&tokens.access_token));
    let inactive = with_token(server, &tokens.access_token);
    assert_eq!(inactive.code, Some(1));
    assert_eq!(
        causes(&inactive),
        vec!["oauth_token_rejected"; 3],
        "{}",
        inactive.all()
    );
    assert_secret_free("inactive", &inactive.all(), &tokens.secrets());
    // A valid token of another user, sent as traveller.
    let alice = server.tokens_for("alice@example.test", DEFAULT_SCOPE, None);
    let other = with_token(server, &alice.access_token);
    assert_eq!(
        causes(&other),
        vec!["oauth_token_rejected"; 3],
        "{}",
        other.all()
    );
    // The server's own words: its RFC 7628 error object, decoded.
    assert!(
        other.stdout.contains("status=invalid_token"),
        "{}",
        other.stdout
    );
    assert_secret_free("another user's token", &other.all(), &alice.secrets());
    // And a good one verifies everywhere.
    let good = server.traveller_tokens();
    let ok = with_token(server, &good.access_token);
    assert_eq!(causes(&ok), vec!["verified"; 3], "{}", ok.all());
    assert_secret_free("good token", &ok.all(), &good.secrets());
}

#[test]
fn a_revoked_refresh_token_makes_accounts_check_say_so() {
    require_chromium();
    let server = auth_server();
    let dir = config_dir();
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(server));
    let d = oauth_dovecot();
    args.extend([
        "--imap".into(),
        format!(
            "{}/tls",
            d.listener(Protocol::Imap, Security::Tls).hostport()
        ),
        "--smtp".into(),
        format!(
            "{}/tls",
            d.listener(Protocol::Smtp, Security::Tls).hostport()
        ),
        "--browser".into(),
        "--save".into(),
        "--config-dir".into(),
        dir.path().display().to_string(),
        "--keychain".into(),
        "keyutils".into(),
    ]);
    let env = browser_env(server.traveller(), Consent::Allow, None, false);
    let saved = run(&args, &env, |_| {});
    assert_eq!(saved.code, Some(0), "{}", saved.all());
    let refresh = saved_refresh_token(dir.path());
    server.revoke(&refresh);
    let checked = check(dir.path());
    assert_eq!(checked.code, Some(1), "{}", checked.all());
    assert!(
        checked.stdout.contains("oauth_grant_invalid"),
        "{}",
        checked.all()
    );
    assert!(
        checked
            .stdout
            .contains("Sign in through the provider's page again")
    );
    assert_secret_free("check", &checked.all(), std::slice::from_ref(&refresh));
    assert_secret_free("save", &saved.all(), std::slice::from_ref(&refresh));
    assert_secret_free("config dir", &files_text(dir.path()), &[refresh]);
}

#[test]
fn without_a_client_id_oauth_says_how_to_get_one_and_asks_nothing() {
    let dir = config_dir();
    let out = run(
        &[
            "diagnose".into(),
            "someone@gmail.com".into(),
            "--oauth".into(),
            "--json".into(),
        ],
        &[(
            "MAILSETUP_CONFIG_DIR".into(),
            dir.path().display().to_string(),
        )],
        |_| {},
    );
    assert_eq!(oauth_error(&out), "oauth_client_id_missing");
    let doc = out.json();
    let summary = doc["oauth"]["summary"].as_str().unwrap_or_default();
    assert!(summary.contains("Gmail"), "{doc}");
    let advice = doc["oauth"]["advice"].as_str().unwrap_or_default();
    assert!(advice.contains("MAILSETUP_OAUTH_CLIENT_ID"), "{advice}");
    assert!(advice.contains("README"), "{advice}");
}

#[test]
fn an_unreachable_authorization_server_is_the_mail_servers_temporary_trouble() {
    let server = AuthServer::start(&AuthServerOptions::default());
    let tokens = server.traveller_tokens();
    let dovecot = support::dovecot_with_oauth(&server);
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(&server));
    for (flag, p) in [
        ("--imap", Protocol::Imap),
        ("--pop3", Protocol::Pop3),
        ("--smtp", Protocol::Smtp),
    ] {
        args.push(flag.into());
        args.push(format!(
            "{}/tls",
            dovecot.listener(p, Security::Tls).hostport()
        ));
    }
    args.extend(["--oauth-token-env", "TEST_TOKEN", "--json"].map(String::from));
    // Dovecot can no longer ask whether the token is active.
    drop(server);
    let out = run(
        &args,
        &[("TEST_TOKEN".into(), tokens.access_token.clone())],
        |_| {},
    );
    assert_eq!(out.code, Some(1), "{}", out.all());
    assert_eq!(causes(&out), vec!["server_unavailable"; 3], "{}", out.all());
    assert_secret_free("server down", &out.all(), &tokens.secrets());
}

/// `--browser` where no browser opens (the opener fails, as `xdg-open` does without one):
/// the address is printed to open by hand, and opening it in a browser on this computer
/// finishes the sign-in through the loopback listener still waiting.
#[test]
fn when_no_browser_opens_the_address_is_printed_to_open_by_hand() {
    require_chromium();
    let server = auth_server();
    let mut args = vec!["diagnose".into(), "traveller@example.test".into()];
    args.extend(oauth_flags(server));
    args.extend(server_flags());
    args.extend(["--browser", "--json"].map(String::from));
    let mut by_hand = false;
    let mut browsed = None;
    let out = run(&args, &[("BROWSER".into(), "false".into())], |line| {
        if line.starts_with("The browser could not be opened. Open this address by hand:") {
            by_hand = true;
        } else if by_hand && browsed.is_none() {
            // The loopback's own /start, which sends the browser on to the provider's page:
            // the authorization URL is on no command line and in no terminal.
            let url = line.trim();
            assert!(
                url.starts_with("http://127.0.0.1:") && url.ends_with("/start"),
                "{line}"
            );
            browsed = Some(server.browse(url, server.traveller(), Consent::Allow));
        }
    });
    assert!(
        browsed.is_some(),
        "no address to open by hand:\n{}",
        out.all()
    );
    assert_eq!(out.code, Some(0), "{}", out.all());
    for s in out.json()["servers"].as_array().expect("servers") {
        assert_eq!(s["outcome"]["status"], "verified", "{s}");
    }
}

/// A provider whose client must send its secret with every request, refresh included (as
/// Google's desktop clients must; issue 20 §3): signed in and saved with the client from
/// `--oauth-client-id` and `--oauth-client-secret-env`, then with the client from `oauth.json`;
/// each time `accounts check` refreshes twice — the secret read again from the same place —
/// and passes. The secret is in no output and no saved file.
#[test]
fn a_client_with_a_secret_keeps_refreshing_from_the_same_source() {
    require_chromium();
    let server = auth_server();
    let secret = CONFIDENTIAL_CLIENT_SECRET.to_string();
    let secret_env = vec![("TEST_CONFIDENTIAL_SECRET".to_string(), secret.clone())];
    let save = |dir: &Path| -> Vec<String> {
        let mut extra = server_flags();
        extra.extend(
            [
                "--json",
                "--save",
                "--config-dir",
                &dir.display().to_string(),
                "--keychain",
                "keyutils",
            ]
            .map(String::from),
        );
        extra
    };
    let flags_without_client = |server: &AuthServer| -> Vec<String> {
        let mut flags = oauth_flags(server);
        let at = flags
            .iter()
            .position(|f| f == "--oauth-client-id")
            .expect("the client flag");
        flags.drain(at..at + 2);
        flags
    };

    // 1. The client from the flags, the secret from the variable the flag names.
    let dir = config_dir();
    let mut args = vec!["diagnose".to_string(), "traveller@example.test".to_string()];
    args.extend(flags_without_client(server));
    args.extend(
        [
            "--oauth-client-id",
            CONFIDENTIAL_CLIENT_ID,
            "--oauth-client-secret-env",
            "TEST_CONFIDENTIAL_SECRET",
        ]
        .map(String::from),
    );
    args.extend(save(dir.path()));
    let signed = run_approving(
        &args,
        &secret_env,
        server,
        server.traveller(),
        Consent::Allow,
    );
    assert_eq!(signed.code, Some(0), "{}", signed.all());
    let saved = files_text(dir.path());
    assert!(
        saved.contains("TEST_CONFIDENTIAL_SECRET"),
        "the source is kept: {saved}"
    );
    assert!(saved.contains("token_endpoint"), "{saved}");
    let mut outputs = vec![("diagnose (flags)".to_string(), signed.all())];
    for round in 1..=2 {
        let checked = check_with(dir.path(), &secret_env);
        assert_eq!(checked.code, Some(0), "check {round}: {}", checked.all());
        assert!(checked.stdout.contains("Verified: the saved setup works."));
        outputs.push((format!("check {round} (flags)"), checked.all()));
    }
    // Without the variable the check says which one it needs.
    let unset = check_with(dir.path(), &[]);
    assert_ne!(unset.code, Some(0), "{}", unset.all());
    assert!(
        unset.all().contains("TEST_CONFIDENTIAL_SECRET"),
        "{}",
        unset.all()
    );
    outputs.push(("the config dir (flags)".into(), files_text(dir.path())));

    // 2. The client from oauth.json (keyed by the issuer), no client flags at all.
    let dir = config_dir();
    let file = dir.path().join("oauth.json");
    std::fs::write(
        &file,
        serde_json::json!({"clients": {server.issuer.clone(): {
            "client_id": CONFIDENTIAL_CLIENT_ID,
            "client_secret": CONFIDENTIAL_CLIENT_SECRET,
        }}})
        .to_string(),
    )
    .expect("oauth.json");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let mut args = vec!["diagnose".to_string(), "traveller@example.test".to_string()];
    args.extend(flags_without_client(server));
    args.extend(save(dir.path()));
    let signed = run_approving(&args, &[], server, server.traveller(), Consent::Allow);
    assert_eq!(signed.code, Some(0), "{}", signed.all());
    outputs.push(("diagnose (oauth.json)".into(), signed.all()));
    for round in 1..=2 {
        let checked = check(dir.path());
        assert_eq!(checked.code, Some(0), "check {round}: {}", checked.all());
        assert!(checked.stdout.contains("Verified: the saved setup works."));
        outputs.push((format!("check {round} (oauth.json)"), checked.all()));
    }
    let account = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name() != "oauth.json")
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !account.contains(&secret),
        "a saved file holds the client secret"
    );
    for (what, text) in outputs {
        assert_secret_free(&what, &text, std::slice::from_ref(&secret));
    }
}
