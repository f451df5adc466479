//! Steps the window's OAuth tests share (`tests/gui_oauth.rs`, `tests/gui_oauth_device.rs`):
//! the runtime pointed at the test authorization server, the servers typed in by hand and
//! tested, the save, what the keychain and the configuration folder then hold, and the real
//! binary's `accounts check` on the saved account.
//!
//! A folder, not a file in tests/, so cargo does not build it as a test of its own.

#![allow(dead_code)] // Each test binary uses its own share of the steps.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use egui_kittest::Harness;
use mailsetup::account::{Protocol, Security};
use mailsetup::gui::MailSetupApp;
use mailsetup::oauth::session::Overrides;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::store::OAuth2Login;
use mailsetup::wizard::{OAuthState, Page, SaveState};
use secrecy::ExposeSecret;

use crate::gui_common::{click, fence, fill, step_until};
use crate::support::dovecot::Dovecot;
use crate::support::oidc::{AuthServer, DEFAULT_SCOPE};
use crate::support::pki::pki;

/// The runtime configuration: the test CA, the configuration folder `dir`, and the issuer,
/// scopes and client id of `server` (as `MAILSETUP_OAUTH_*` would give them).
pub fn config(server: &AuthServer, dir: &Path) -> RuntimeConfig {
    let roots = mailsetup::trust::pem::read_certificates(&pki().ca_pem).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = crate::support::short_timeouts();
    config.config_dir = Some(dir.to_path_buf());
    config.oauth = Overrides {
        issuer: Some(server.issuer.clone()),
        scopes: DEFAULT_SCOPE.split(' ').map(str::to_string).collect(),
        client_id: Some(server.client_id.clone()),
    };
    config
}

/// A fresh configuration folder for this test.
pub fn config_dir(name: &str) -> std::path::PathBuf {
    let dir = crate::support::run_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file under `dir`, as text.
pub fn files_text(dir: &Path) -> String {
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

/// The host of an URL ("127.0.0.1"): the provider's name on the button.
pub fn url_host(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', ':']).next())
        .unwrap_or_default()
        .to_string()
}

/// The access token of the signed-in window.
pub fn access_token(h: &Harness<'_, MailSetupApp>) -> String {
    match h.state().wizard().oauth_state() {
        OAuthState::SignedIn(grant) => grant.access.expose_secret().to_string(),
        other => panic!("expected to be signed in: {other:?}"),
    }
}

/// From the lookup page: the OAuth Dovecot's IMAP and submission typed in by hand, tested
/// (both verified with OAUTHBEARER), saved; the window ends on Done.
pub fn set_up_by_hand_and_save(h: &mut Harness<'_, MailSetupApp>, d: &Dovecot) {
    assert_eq!(h.state().wizard().page(), Page::Lookup);
    click(h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    let incoming = d.listener(Protocol::Imap, Security::Tls);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    fill(h, "Incoming server", &incoming.host);
    fill(h, "Incoming port", &incoming.port.to_string());
    fill(h, "Outgoing server", &outgoing.host);
    fill(h, "Outgoing port", &outgoing.port.to_string());
    click(h, "Test settings");
    step_until(h, Duration::from_secs(60), "both verified", |app| {
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
    click(h, "Save account");
    step_until(h, Duration::from_secs(30), "the save ends", |app| {
        !matches!(app.wizard().save_state(), SaveState::Saving(..))
    });
    let SaveState::Saved(_) = h.state().wizard().save_state() else {
        panic!("not saved: {:?}", h.state().wizard().save_state());
    };
    assert_eq!(h.state().wizard().page(), Page::Done);
}

/// The refresh token the keychain holds for the saved account, and its OAuth record.
pub fn saved(dir: &Path) -> (String, OAuth2Login) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let account = mailsetup::store::list(dir).await.expect("list")[0].clone();
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
    })
}

/// The refresh token in the keychain, the OAuth record, and no token in any file of `dir`
/// nor in the wizard's Debug.
pub fn assert_saved_safely(
    h: &Harness<'_, MailSetupApp>,
    server: &AuthServer,
    dir: &Path,
    access: &str,
) -> String {
    let (refresh, login) = saved(dir);
    assert!(refresh.len() >= 8 && refresh != access, "a refresh token");
    assert_eq!(login.issuer, server.issuer.trim_end_matches('/'));
    assert_eq!(login.client_id, server.client_id);
    let files = files_text(dir);
    assert!(files.contains("traveller@example.test"), "the account file");
    let debug = format!("{:?}", h.state().wizard());
    for (what, secret) in [("access token", access), ("refresh token", &refresh)] {
        assert!(!files.contains(secret), "a file holds the {what}");
        assert!(
            !debug.contains(secret),
            "the wizard's Debug shows the {what}"
        );
    }
    refresh
}

/// The real binary's `mailsetup accounts check` on the account the window saved in `dir`
/// (same keychain session): its exit code and everything it printed.
pub fn accounts_check(dir: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(["accounts", "--config-dir"])
        .arg(dir)
        .args(["check", "traveller-example-test", "--ca-file"])
        .arg(&pki().ca_pem)
        .env_remove("MAILSETUP_OAUTH_CLIENT_ID")
        .env("MAILSETUP_LANG", "en-US")
        .output()
        .expect("run mailsetup accounts check");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// `accounts check` twice on the saved account: each refreshes (the refresh token rotates
/// and the new one is kept) and verifies; no token in what it prints.
pub fn check_twice(dir: &Path, first_refresh: &str, access: &str) {
    let mut secrets = vec![first_refresh.to_string(), access.to_string()];
    let mut previous = first_refresh.to_string();
    for round in 1..=2 {
        let (code, text) = accounts_check(dir);
        assert_eq!(code, Some(0), "accounts check #{round}:\n{text}");
        assert!(
            text.contains("Verified: the saved setup works."),
            "accounts check #{round}:\n{text}"
        );
        let (now, _) = saved(dir);
        assert_ne!(
            now, previous,
            "check #{round} kept the rotated refresh token"
        );
        secrets.push(now.clone());
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "check #{round} printed a token");
        }
        previous = now;
    }
    let files = files_text(dir);
    for s in &secrets {
        assert!(
            !files.contains(s.as_str()),
            "a file holds a token after check"
        );
    }
}
