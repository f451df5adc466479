//! Focus as a screen reader follows it (issue 21), over the desktop's accessibility bus: the
//! real `mailsetup` binary under Xvfb in a private D-Bus session with the AT-SPI registry
//! (tests/support/desktop.rs), the stand-in screen reader (tests/a11y_bus.py) reading the
//! focus from outside, xdotool the only input.
//!
//! After Enter on an incomplete account page the focus moves to the first field with a
//! problem (the address), then, once the address is right, to the password; the bottom bar's
//! buttons take the focus left to right, as they are on screen.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::desktop::{Desktop, Keyboard, ScreenReader};

fn role(n: &Value) -> &str {
    n["role"].as_str().unwrap_or("")
}

fn name(n: &Value) -> &str {
    n["name"].as_str().unwrap_or("")
}

/// The app in a fresh desktop with nothing to reach (discovery never starts here).
fn start_app() -> (Desktop, ScreenReader) {
    let mut desktop = Desktop::start();
    let config = desktop.dir.path().join("config");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailsetup"));
    cmd.env("MAILSETUP_CONFIG_DIR", &config)
        .env("MAILSETUP_LANG", "en-US")
        .env("MAILSETUP_DNS", "127.0.0.1:9")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(desktop.dir.path().join("app.log")).expect("log file"));
    desktop.spawn("mailsetup", &mut cmd);
    let mut reader = desktop.screen_reader();
    if let Err(e) = reader.wait_app("mailsetup") {
        panic!(
            "the app did not appear on the accessibility bus: {e}; its log:\n{}\n\
             (apt-get install --no-install-recommends {})",
            desktop.log("app.log"),
            support::desktop::PACKAGES
        );
    }
    (desktop, reader)
}

fn focused(reader: &mut ScreenReader) -> Option<(String, String)> {
    reader
        .focused()
        .map(|f| (role(&f).to_string(), name(&f).to_string()))
}

/// Waits until the focused accessible is `(role, name)`.
fn wait_focus(reader: &mut ScreenReader, r: &str, n: &str) {
    let end = Instant::now() + Duration::from_secs(5);
    loop {
        let f = focused(reader);
        if f.as_ref().is_some_and(|(fr, fname)| fr == r && fname == n) {
            return;
        }
        assert!(
            Instant::now() < end,
            "the focus should be on {r} {n:?}, it is on {f:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Presses Tab and returns where the focus went.
fn tab(kb: &mut Keyboard, reader: &mut ScreenReader) -> Option<(String, String)> {
    let before = focused(reader);
    kb.key("Tab");
    let end = Instant::now() + Duration::from_secs(3);
    loop {
        let now = focused(reader);
        if now != before || Instant::now() > end {
            return now;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_refused_next_moves_the_focus_to_the_first_problem_and_the_bar_goes_left_to_right() {
    let (desktop, mut reader) = start_app();
    let mut kb = desktop.keyboard("Mail Setup");
    wait_focus(&mut reader, "entry", "Your name (optional)");
    // Enter on the empty page: the focus goes where the first problem is.
    kb.key("Return");
    wait_focus(&mut reader, "entry", "Email address");
    kb.type_text("someone@example.test");
    kb.key("Return");
    wait_focus(&mut reader, "password text", "Password");

    // From the password: "Show password", then the bar left to right.
    let mut order = Vec::new();
    for _ in 0..3 {
        if let Some((_, n)) = tab(&mut kb, &mut reader) {
            order.push(n);
        }
    }
    assert_eq!(order, ["Show password", "Set up manually", "Next"]);
    drop(desktop);
}
