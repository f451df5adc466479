//! The shared test harness: real servers on loopback for the integration tests.
//!
//! - `delay`: a TCP proxy that adds latency (round-trip counts and the benchmark);
//! - `pki`: a CA and server certificates (good, expired, not yet valid, wrong name,
//!   self-signed) made fresh for every run;
//! - `dovecot`: a real Dovecot (IMAP, POP3, submission; implicit TLS on 127.0.0.1, plaintext
//!   and STARTTLS on 127.0.0.2) started once per test binary, stopped when it exits;
//! - `smtp_sink`: the tiny SMTP server Dovecot's submission service relays to;
//! - `mta`: a real Postfix that delivers back into Dovecot over LMTP (round-trip tests);
//! - `faults`: small servers for what Dovecot will not do (silence, garbage, HTTP, a TLS
//!   alert, a refused port, a connect that never completes);
//! - `script`: scripted IMAP/POP3/SMTP servers (bad certificates, STARTTLS missing or
//!   refused, chosen replies to the sign-in, resets, silence mid-conversation);
//! - `strict`: IMAP/POP3/SMTP servers that accept only what the RFCs allow at sign-in;
//! - `netns`: client and server hosts in network namespaces with a packet filter (root).
//! - `mitm`: a TLS-inspecting proxy signing with an antivirus-named root, and self-signed
//!   certificates renewable with the same key (pinning).
//! - `desktop`: a private session (D-Bus, keyring, Xvfb, the AT-SPI accessibility bus), a
//!   stand-in screen reader (pyatspi) and an xdotool keyboard, for the real app's window.
//! - `oidc`: a real OAuth 2.0 / OpenID Connect authorization server (oidc-provider on Node.js,
//!   HTTPS with the test CA): PKCE, loopback redirects, device flow, refresh, introspection;
//! - `oidc_browser`: headless Chromium driven by playwright-core on that server's pages (also
//!   usable as the app's `BROWSER`), and a one-shot loopback redirect listener;
//! - `oauth_dovecot`: a Dovecot whose `oauth2` passdb checks XOAUTH2/OAUTHBEARER tokens
//!   against that server's introspection endpoint;
//! - `oauth_sasl`: raw XOAUTH2/OAUTHBEARER sign-ins over IMAP, POP3 and submission;
//! - `scram_dovecot`: a Dovecot that signs in with SCRAM-SHA-256 only (`doveadm pw` hashes);
//! - `scram_server`: a scripted IMAP server doing the server side of SCRAM-SHA-256(-PLUS)
//!   over real rustls (channel binding of its own connection: RFC 9266 / RFC 5929);
//! - `https_client`: a tiny blocking HTTPS client trusting the test CA;
//! - `oauth_cli`: runs of the `mailsetup` binary for the OAuth command-line tests.
//!
//! Every test file includes it with `mod support;`. Nothing here touches anything but
//! loopback addresses and the namespaces a test builds.

#![allow(dead_code, unused_imports)]

pub mod delay;
pub mod desktop;
pub mod dovecot;
pub mod faults;
pub mod frozen_keyring;
pub mod https_client;
pub mod mitm;
pub mod mta;
pub mod netns;
pub mod oauth_cli;
pub mod oauth_dovecot;
pub mod oauth_sasl;
pub mod oidc;
pub mod oidc_browser;
pub mod pki;
pub mod scram_dovecot;
pub mod scram_server;
pub mod script;
pub mod smtp_sink;
pub mod strict;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use mailsetup::probe::{CertTrust, ProbeOptions, Timeouts};

pub use dovecot::{dovecot, dovecot_with_mta};
pub use oauth_dovecot::{dovecot_with_oauth, oauth_dovecot};
pub use oidc::{AuthServer, auth_server};
pub use pki::pki;

/// This process's scratch directory (`$TMPDIR/mailsetup-tests/<pid>-XXXX`). Directories left
/// by earlier runs whose process is gone are removed on first use.
pub fn run_dir() -> &'static Path {
    static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
        let base = std::env::temp_dir().join("mailsetup-tests");
        std::fs::create_dir_all(&base).expect("create the test scratch directory");
        // Shared like /tmp, so root and other users can both run the tests on one machine.
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o1777));
        }
        remove_stale_runs(&base);
        let dir = tempfile::Builder::new()
            .prefix(&format!("{}-", std::process::id()))
            .tempdir_in(&base)
            .expect("create this run's directory");
        // Kept on purpose: statics are never dropped, and the next run cleans up.
        dir.keep()
    });
    &DIR
}

fn remove_stale_runs(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(pid) = name.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Deadlines short enough that a failing case cannot hang a test, long enough for a loaded
/// 2-core machine. Dovecot answers a failed login after about 0.5 s.
pub fn short_timeouts() -> Timeouts {
    Timeouts {
        resolve: Duration::from_secs(5),
        connect: Duration::from_secs(5),
        tls: Duration::from_secs(5),
        greeting: Duration::from_secs(5),
        command: Duration::from_secs(5),
        auth: Duration::from_secs(10),
    }
}

/// Options that trust the test CA (plus the platform's roots), with short deadlines.
pub fn options() -> ProbeOptions {
    let trust = CertTrust::with_ca_file(&pki().ca_pem).expect("trust the test CA");
    let mut opts = ProbeOptions::new(trust);
    opts.timeouts = short_timeouts();
    opts
}

/// Options that trust only the platform's roots (not the test CA).
pub fn options_without_ca() -> ProbeOptions {
    let mut opts = ProbeOptions::new(CertTrust::platform().expect("platform trust"));
    opts.timeouts = short_timeouts();
    opts
}

/// Polls `ready` every 10 ms until it is true or `limit` passes; returns whether it became true.
pub fn wait_until(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if ready() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The base64 forms of a password a SASL exchange could carry (plain, and PLAIN with and
/// without an authorisation identity), for tests that grep outputs for it.
pub fn secret_forms(user: &str, password: &str) -> Vec<String> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    vec![
        password.to_string(),
        b64.encode(password),
        b64.encode(format!("\0{user}\0{password}")),
        b64.encode(format!("{user}\0{user}\0{password}")),
    ]
}

/// Panics when `text` holds the password or any of its base64 forms.
pub fn assert_no_secret(what: &str, text: &str, user: &str, password: &str) {
    for form in secret_forms(user, password) {
        assert!(
            !text.contains(&form),
            "{what} contains the password (or its base64 form {form:?}):\n{text}"
        );
    }
}
