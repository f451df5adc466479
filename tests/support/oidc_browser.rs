//! The browser leg of the OAuth2 tests: headless Chromium (Debian's `chromium`) driven by
//! playwright-core from tests/oidc/browser.mjs, acting as a person on the test authorization
//! server's pages — sign in, consent or deny, follow the redirect to a loopback listener;
//! or approve a device code.
//!
//! Two ways to use it: as `BROWSER=<browser_script()>` for the app (which runs `$BROWSER URL`),
//! with [`browser_env`] setting who signs in and what they answer; or directly from a test with
//! [`AuthServer::browse`] / [`AuthServer::approve_device`]. [`LoopbackCatcher`] is a one-shot
//! loopback redirect listener (RFC 8252 §7.3) and [`Pkce`] (RFC 7636) for tests that play the
//! app's part themselves.
//!
//! The script prints one JSON line (outcome, where it landed without the query, the `error`
//! parameter) and never a code, token, state or password.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::oidc::{AuthServer, OAuthUser, oidc_dir, random_hex, require_node_packages};
use super::pki;

/// What to install when Chromium is missing.
pub const CHROMIUM_HINT: &str = "run scripts/test (it installs what the tests need), or as root: \
     apt-get install --no-install-recommends chromium";

/// What the person does on the server's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// Signs in and presses "Allow" (device flow: "Continue").
    Allow,
    /// Signs in and presses "Deny" on the consent page: `error=access_denied`.
    Deny,
    /// Presses "Cancel" on the login page: `error=access_denied`.
    CancelLogin,
    /// Device flow: presses "Abort" on the confirmation page.
    AbortDevice,
    /// Signs in and allows, but the redirect reaching the loopback listener carries another
    /// `state` than the authorization request (the app must refuse it).
    WrongState,
}

impl Consent {
    fn action(self) -> &'static str {
        match self {
            Consent::Allow => "allow",
            Consent::Deny => "deny",
            Consent::CancelLogin => "cancel",
            Consent::AbortDevice => "abort",
            Consent::WrongState => "wrong-state",
        }
    }
}

/// What the browser script reported.
#[derive(Debug, Clone)]
pub struct BrowserRun {
    /// `redirected`, `device-done`, `login-failed` or `error`.
    pub outcome: String,
    /// Where the browser ended, without query (`http://127.0.0.1:PORT/callback`).
    pub landed: Option<String>,
    /// The redirect's `error` parameter, or the page's error.
    pub error: Option<String>,
    pub steps: Vec<String>,
    /// The script's whole output (stdout then stderr), for secret greps.
    pub output: String,
    pub elapsed: Duration,
    pub success: bool,
    /// The script's own figures: `{"launch_ms", "pages_ms", "close_ms"}`.
    pub timing: Value,
}

/// tests/oidc/browser.mjs (executable; usable as `BROWSER`).
pub fn browser_script() -> PathBuf {
    oidc_dir().join("browser.mjs")
}

/// The browser program: `MAILSETUP_TEST_CHROMIUM`, Debian's /usr/bin/chromium, else
/// chromium or google-chrome on PATH (the same search as browser.mjs).
pub fn chromium_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MAILSETUP_TEST_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let debian = PathBuf::from("/usr/bin/chromium");
    if debian.is_file() {
        return Some(debian);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    [
        "chromium",
        "google-chrome",
        "google-chrome-stable",
        "chromium-browser",
    ]
    .iter()
    .find_map(|name| {
        std::env::split_paths(&path)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// Panics with the install step when Chromium or the npm packages are missing.
pub fn require_chromium() {
    require_node_packages();
    if chromium_path().is_none() {
        panic!("Chromium (/usr/bin/chromium) is missing: {CHROMIUM_HINT}");
    }
}

/// The environment that makes `BROWSER=browser_script()` sign in as `user` and answer
/// `consent`. `result_file`, when given, receives the script's JSON line. With `detach` the
/// script returns at once and drives the browser in the background (like xdg-open).
pub fn browser_env(
    user: &OAuthUser,
    consent: Consent,
    result_file: Option<&std::path::Path>,
    detach: bool,
) -> Vec<(String, String)> {
    let mut env = vec![
        ("BROWSER".into(), browser_script().display().to_string()),
        ("MAILSETUP_TEST_BROWSER_USER".into(), user.email.clone()),
        (
            "MAILSETUP_TEST_BROWSER_PASSWORD".into(),
            user.password.clone(),
        ),
        (
            "MAILSETUP_TEST_BROWSER_ACTION".into(),
            consent.action().into(),
        ),
        (
            "MAILSETUP_TEST_BROWSER_CERT".into(),
            pki().server.cert_pem.display().to_string(),
        ),
        (
            "MAILSETUP_TEST_BROWSER_DETACH".into(),
            if detach { "1" } else { "0" }.into(),
        ),
    ];
    if let Some(file) = result_file {
        env.push((
            "MAILSETUP_TEST_BROWSER_RESULT".into(),
            file.display().to_string(),
        ));
    }
    env
}

fn run_script(args: &[&str], user: &OAuthUser, consent: Consent) -> BrowserRun {
    require_chromium();
    let began = Instant::now();
    let out = Command::new("node")
        .arg(browser_script())
        .args(args)
        .envs(browser_env(user, consent, None, false))
        .env_remove("MAILSETUP_TEST_BROWSER_RESULT")
        .output()
        .unwrap_or_else(|e| panic!("could not run the browser script: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let line = stdout.lines().rev().find(|l| l.starts_with('{'));
    let v: Value = line
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("the browser script printed no result:\n{stdout}\n{stderr}"));
    let text = |k: &str| v[k].as_str().map(str::to_string);
    BrowserRun {
        outcome: text("outcome").unwrap_or_default(),
        landed: text("landed"),
        error: text("error"),
        steps: v["steps"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        output: format!("{stdout}\n{stderr}"),
        elapsed: began.elapsed(),
        success: out.status.success(),
        timing: v["timing"].clone(),
    }
}

impl AuthServer {
    /// Opens `url` (an authorization URL) in headless Chromium, signs in as `user`, answers
    /// `consent`, and follows the redirect (to the loopback listener in the URL).
    pub fn browse(&self, url: &str, user: &OAuthUser, consent: Consent) -> BrowserRun {
        run_script(&[url], user, consent)
    }

    /// Approves (or aborts) a device authorization through the browser: opens
    /// `verification_uri`, types `user_code` (skip it with `verification_uri_complete`),
    /// confirms, signs in as `user` and consents.
    pub fn approve_device(
        &self,
        verification_uri: &str,
        user_code: Option<&str>,
        user: &OAuthUser,
        consent: Consent,
    ) -> BrowserRun {
        let mut args = vec!["--device", verification_uri];
        if let Some(code) = user_code {
            args.push(code);
        }
        run_script(&args, user, consent)
    }
}

/// A one-shot loopback redirect listener on 127.0.0.1 (a random port): the part of a native
/// app that receives the authorization response (RFC 8252 §7.3).
pub struct LoopbackCatcher {
    listener: TcpListener,
    pub port: u16,
}

/// The query of the request the catcher received.
#[derive(Debug, Clone)]
pub struct Redirected {
    pub path: String,
    pub params: Vec<(String, String)>,
}

impl Redirected {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl LoopbackCatcher {
    pub fn bind() -> LoopbackCatcher {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        LoopbackCatcher { listener, port }
    }

    /// `http://127.0.0.1:PORT/callback`.
    pub fn redirect_uri(&self) -> String {
        format!("http://127.0.0.1:{}/callback", self.port)
    }

    /// Waits (in a thread) for one request, answers it with a small page, and closes. A
    /// connection that sends nothing (a browser's speculative preconnect) does not count: each
    /// connection is read in its own thread and the first real request wins.
    pub fn spawn(self) -> std::thread::JoinHandle<Option<Redirected>> {
        std::thread::spawn(move || {
            let _ = self.listener.set_nonblocking(true);
            let deadline = Instant::now() + Duration::from_secs(90);
            let (tx, rx) = std::sync::mpsc::channel();
            while Instant::now() < deadline {
                if let Ok(got) = rx.try_recv() {
                    return Some(got);
                }
                match self.listener.accept() {
                    Ok((stream, _)) => {
                        let tx = tx.clone();
                        std::thread::spawn(move || {
                            if let Some(got) = answer(stream) {
                                let _ = tx.send(got);
                            }
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
            rx.try_recv().ok()
        })
    }
}

fn answer(mut stream: TcpStream) -> Option<Redirected> {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut first = String::new();
    reader.read_line(&mut first).ok()?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line == "\r\n" {
            break;
        }
    }
    let target = first.split_whitespace().nth(1)?.to_string();
    let url = reqwest::Url::parse(&format!("http://127.0.0.1{target}")).ok()?;
    let body = "<!DOCTYPE html><title>Done</title><p id=\"done\">You can close this page.</p>";
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    Some(Redirected {
        path: url.path().to_string(),
        params: url
            .query_pairs()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    })
}

/// A PKCE verifier and its S256 challenge (RFC 7636 §4.1–4.2).
#[derive(Clone)]
pub struct Pkce {
    pub verifier: String,
    pub challenge: String,
}

impl Pkce {
    pub fn new() -> Pkce {
        use base64::Engine;
        let verifier = random_hex(32);
        let digest = ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes());
        let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest.as_ref());
        Pkce {
            verifier,
            challenge,
        }
    }
}

impl Default for Pkce {
    fn default() -> Self {
        Pkce::new()
    }
}

/// A random `state` value.
pub fn random_state() -> String {
    random_hex(12)
}
