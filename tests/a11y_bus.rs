//! The real app through the desktop's accessibility bus, the way a screen reader meets it:
//! the `mailsetup` binary runs under Xvfb in a private D-Bus session with the AT-SPI registry
//! on (tests/support/desktop.rs); a stand-in screen reader (tests/a11y_bus.py, pyatspi as
//! in Orca) reads its tree and events from outside; xdotool is the only input.
//!
//! From an empty account page to "Done", by keyboard alone, against the loopback DNS server
//! (RFC 6186 SRV records for example.test) and TLS relays in front of the real Dovecot:
//! on every page every control has a role and a name; the focused accessible follows each
//! Tab; the password field is a password-text role whose text never holds the password (nor
//! does anything else the reader saw); the checklist announces each step's result.
//! Also: "Show password" turns the field into a plain entry and back, and a refused
//! sign-in is announced (step and diagnosis) and "Fix password" puts the cursor back in the
//! password field.
//!
//! The app is the binary cargo builds for the tests (`CARGO_BIN_EXE_mailsetup`, a debug
//! build); `MAILSETUP_A11Y_APP=path` runs the same test against another build, e.g. the
//! release binary (`cargo build --release`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;
mod support;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use netsupport::srv_world::{SrvRecord, SrvWorld};
use serde_json::Value;
use support::desktop::{Desktop, Keyboard, ScreenReader, outline};
use support::{dovecot, pki};

/// Roles a person acts on: each needs a name a screen reader can say.
const CONTROLS: &[&str] = &[
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "entry",
    "password text",
    "text",
    "link",
    "combo box",
    "spin button",
    "slider",
    "menu item",
    "page tab",
];

fn app_binary() -> PathBuf {
    std::env::var_os("MAILSETUP_A11Y_APP")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_mailsetup")))
}

/// DNS and HTTPS on loopback; SRV records for example.test name hosts outside the domain
/// (so the protocol page asks before the password goes there) that relay to Dovecot.
fn world() -> SrvWorld {
    let d = dovecot();
    SrvWorld::start(
        &[
            SrvRecord {
                service: "_imaps._tcp.example.test",
                priority: 0,
                target: "imap.srv.test",
                upstream: d.imaps.addr(),
            },
            SrvRecord {
                service: "_submissions._tcp.example.test",
                priority: 0,
                target: "smtp.srv.test",
                upstream: d.submissions.addr(),
            },
        ],
        &pki().ca_der,
    )
}

/// The desktop, the app in it (pointed at the world), the screen reader attached.
fn start_app(world: &SrvWorld) -> (Desktop, ScreenReader, PathBuf) {
    let mut desktop = Desktop::start();
    let config = desktop.dir.path().join("config");
    let net = &world.net;
    let mut cmd = Command::new(app_binary());
    cmd.env("MAILSETUP_CA_FILE", net.ca_file())
        .env("MAILSETUP_DNS", net.dns.addr.to_string())
        .env("MAILSETUP_ISPDB_URL", net.ispdb_url())
        .env("MAILSETUP_HTTP_PORT", net.web.port.to_string())
        .env("MAILSETUP_CONFIG_DIR", &config)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(desktop.dir.path().join("app.log")).expect("log file"));
    desktop.spawn("mailsetup", &mut cmd);
    let mut reader = desktop.screen_reader();
    if let Err(e) = reader.wait_app("mailsetup") {
        let status = desktop.wait_exit("mailsetup", Duration::ZERO);
        panic!(
            "the app did not appear on the accessibility bus: {e}\nits exit: {status:?}; its log:\n{}\nXvfb's log:\n{}\n\
             (the window needs X11 and GL libraries: apt-get install --no-install-recommends {})",
            desktop.log("app.log"),
            desktop.log("xvfb.log"),
            support::desktop::PACKAGES
        );
    }
    (desktop, reader, config)
}

fn role(n: &Value) -> &str {
    n["role"].as_str().unwrap_or("")
}

fn name(n: &Value) -> &str {
    n["name"].as_str().unwrap_or("")
}

fn has_state(n: &Value, state: &str) -> bool {
    n["states"]
        .as_array()
        .is_some_and(|s| s.iter().any(|x| x == state))
}

fn find<'a>(tree: &'a [Value], r: &str, n: &str) -> Option<&'a Value> {
    tree.iter().find(|x| role(x) == r && name(x) == n)
}

/// Every accessible has a role; every control has a name; the window is named.
fn assert_all_named(tree: &[Value], page: &str) {
    let mut bad = Vec::new();
    for n in tree {
        if let Some(e) = n.get("error") {
            bad.push(format!("unreadable node: {e}"));
            continue;
        }
        let r = role(n);
        if r.is_empty() || r == "unknown" || r == "invalid" {
            bad.push(format!("no role: {n}"));
        }
        let actionable =
            n["actions"].as_array().is_some_and(|a| !a.is_empty()) || has_state(n, "focusable");
        if (CONTROLS.contains(&r) || actionable) && name(n).trim().is_empty() {
            bad.push(format!("{r} without a name: {n}"));
        }
    }
    let frame = tree.iter().find(|n| role(n) == "frame");
    if frame.is_none_or(|f| name(f) != "Mail Setup") {
        bad.push(format!("the window is not named \"Mail Setup\": {frame:?}"));
    }
    assert!(
        bad.is_empty(),
        "{page}: {}\nthe tree:\n{}",
        bad.join("\n"),
        outline(tree)
    );
}

/// Waits until the focused accessible is `(role, name)`.
fn wait_focus(reader: &mut ScreenReader, r: &str, n: &str) -> Value {
    let end = Instant::now() + Duration::from_secs(5);
    loop {
        let f = reader.focused();
        if let Some(f) = &f
            && role(f) == r
            && name(f) == n
        {
            return f.clone();
        }
        assert!(
            Instant::now() < end,
            "the focus should be on {r} {n:?}, it is on {f:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Presses Tab until the focus is on `(role, name)`; each press moves the focused accessible.
fn tab_to(kb: &mut Keyboard, reader: &mut ScreenReader, r: &str, n: &str) {
    let mut visited = Vec::new();
    for _ in 0..30 {
        let before = reader
            .focused()
            .map(|f| (role(&f).to_string(), name(&f).to_string()));
        kb.key("Tab");
        // The window answers in a frame or two; wait until the tree shows the move.
        let end = Instant::now() + Duration::from_secs(3);
        let now = loop {
            let f = reader
                .focused()
                .map(|f| (role(&f).to_string(), name(&f).to_string()));
            if f != before || Instant::now() > end {
                break f;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        assert_ne!(
            now, before,
            "Tab did not move the focus (after {visited:?})"
        );
        if let Some((fr, fnm)) = &now {
            if fr == r && fnm == n {
                return;
            }
            visited.push(format!("{fr} {fnm:?}"));
        }
    }
    panic!("Tab never reached {r} {n:?}; it visited: {visited:?}");
}

/// Ticks "Send my password to …" for both SRV targets, by Tab and Space, and waits until
/// the reader sees each box checked.
fn confirm_hosts(kb: &mut Keyboard, reader: &mut ScreenReader) {
    for host in ["imap.srv.test", "smtp.srv.test"] {
        let label = format!("Send my password to {host}");
        tab_to(kb, reader, "check box", &label);
        kb.key("space");
        reader.wait_tree(Duration::from_secs(5), "the tick", |t| {
            find(t, "check box", &label).is_some_and(|n| has_state(n, "checked"))
        });
    }
}

/// What live regions announced (AT-SPI `object:announcement`), in order.
fn announcements(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e["type"] == "object:announcement")
        .map(|e| e["data"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Waits (up to 10 s) until live regions have announced a line starting with each of
/// `lines`; returns everything announced meanwhile.
fn hear(reader: &mut ScreenReader, lines: &[&str]) -> Vec<String> {
    let end = Instant::now() + Duration::from_secs(10);
    let mut heard = Vec::new();
    loop {
        heard.extend(announcements(&reader.events()));
        let missing: Vec<&&str> = lines
            .iter()
            .filter(|l| !heard.iter().any(|a| a.starts_with(**l)))
            .collect();
        if missing.is_empty() {
            return heard;
        }
        assert!(
            Instant::now() < end,
            "not announced: {missing:?}; announcements: {heard:#?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The focus events the reader heard name `(role, name)`.
fn heard_focus(events: &[Value], r: &str, n: &str) -> bool {
    events.iter().any(|e| {
        e["type"] == "object:state-changed:focused"
            && e["detail1"] == 1
            && role(e) == r
            && name(e) == n
    })
}

#[test]
fn a_screen_reader_walks_the_wizard_to_done_by_keyboard() {
    let t0 = Instant::now();
    let stage = |what: &str| eprintln!("{:>6.1} s  {what}", t0.elapsed().as_secs_f64());
    let world = world();
    let d = dovecot();
    let (address, password) = (d.alice.address.clone(), d.alice.password.clone());
    let (mut desktop, mut reader, config) = start_app(&world);
    let mut kb = desktop.keyboard("Mail Setup");
    stage("the app is on the accessibility bus");

    // Page 1: every control named; the cursor starts in the name field.
    let tree = reader.tree();
    assert_all_named(&tree, "account page");
    wait_focus(&mut reader, "entry", "Your name (optional)");
    kb.type_text("Alice Example");
    tab_to(&mut kb, &mut reader, "entry", "Email address");
    kb.type_text(&address);
    tab_to(&mut kb, &mut reader, "password text", "Password");
    kb.type_text(&password);
    let tree = reader.wait_full_tree(Duration::from_secs(5), "the typed fields", |t| {
        find(t, "password text", "Password")
            .and_then(|n| n["text"].as_str())
            .is_some_and(|t| t.chars().count() == password.chars().count())
    });
    // What was typed arrived, and the reader reads it back (the password as bullets only).
    assert_eq!(
        find(&tree, "entry", "Your name (optional)").map(|n| n["text"].clone()),
        Some(Value::from("Alice Example"))
    );
    assert_eq!(
        find(&tree, "entry", "Email address").map(|n| n["text"].clone()),
        Some(Value::from(address.as_str()))
    );
    let field = find(&tree, "password text", "Password").expect("the password field");
    let shown = field["text"].as_str().unwrap_or_default();
    assert!(
        shown.chars().all(|c| !password.contains(c)),
        "the password field's text shows the password's characters: {shown:?}"
    );
    assert!(
        heard_focus(&reader.events(), "password text", "Password"),
        "no focus event for the password field"
    );
    assert_all_named(&tree, "account page, filled");

    stage("account page typed");
    // Enter: the lookup runs, then the protocol page asks about the servers outside the
    // domain.
    kb.key("Return");
    let tree = reader.wait_tree(Duration::from_secs(30), "the protocol page", |t| {
        find(t, "check box", "Send my password to smtp.srv.test").is_some()
    });
    stage("protocol page");
    assert_all_named(&tree, "protocol page");
    // (The lookup page's lines are live too, but on loopback the lookup may end before its
    // page is drawn with results: nothing to assert on there.)
    confirm_hosts(&mut kb, &mut reader);
    tab_to(&mut kb, &mut reader, "push button", "Next");
    kb.key("Return");

    // Testing: the checklist announces each result; "Save account" comes on.
    let tree = reader.wait_tree(Duration::from_secs(60), "both servers verified", |t| {
        find(t, "push button", "Save account").is_some_and(|n| has_state(n, "enabled"))
    });
    stage("servers verified");
    assert_all_named(&tree, "testing page");
    hear(
        &mut reader,
        &[
            "Incoming mail — Secure connection: done",
            "Incoming mail — Sign in: done",
            "Outgoing mail — Secure connection: done",
            "Outgoing mail — Sign in: done",
        ],
    );
    tab_to(&mut kb, &mut reader, "push button", "Save account");
    kb.key("Return");

    // Done: said in words, every control named.
    let done = format!("{address} is set up.");
    let tree = reader.wait_tree(Duration::from_secs(30), "the done page", |t| {
        t.iter().any(|n| name(n) == done)
    });
    stage("done page");
    assert_all_named(&tree, "done page");
    hear(&mut reader, &[&done]);
    let file = std::fs::read_to_string(config.join("accounts.json")).expect("accounts.json");
    assert!(file.contains(&address));
    support::assert_no_secret("accounts.json", &file, &address, &password);

    // Close, by keyboard too.
    tab_to(&mut kb, &mut reader, "push button", "Close");
    kb.key("Return");
    let status = desktop.wait_exit("mailsetup", Duration::from_secs(10));
    assert!(
        status.is_some_and(|s| s.success()),
        "Close should end the app: {status:?}; its log:\n{}",
        desktop.log("app.log")
    );
    support::assert_no_secret(
        "what the screen reader saw",
        &reader.seen,
        &address,
        &password,
    );
    support::assert_no_secret(
        "the app's log",
        &desktop.log("app.log"),
        &address,
        &password,
    );
}

#[test]
fn the_password_field_is_a_password_role_and_keeps_its_text_from_the_reader() {
    let world = world();
    let (desktop, mut reader, _config) = start_app(&world);
    let mut kb = desktop.keyboard("Mail Setup");
    let password = format!("Hidden-{}-Words", std::process::id());
    wait_focus(&mut reader, "entry", "Your name (optional)");
    tab_to(&mut kb, &mut reader, "entry", "Email address");
    kb.type_text("someone@example.test");
    tab_to(&mut kb, &mut reader, "password text", "Password");
    kb.type_text(&password);

    // What a reader gets from the field: its role, its name, and bullets for a text.
    let tree = reader.wait_full_tree(Duration::from_secs(5), "the typed password", |t| {
        find(t, "password text", "Password")
            .and_then(|n| n["text"].as_str())
            .is_some_and(|t| t.chars().count() == password.chars().count())
    });
    let field = find(&tree, "password text", "Password").expect("the password field");
    let text = field["text"].as_str().unwrap_or_default();
    assert!(
        text.chars()
            .all(|c| c == text.chars().next().unwrap_or('•'))
            && !text.contains('H'),
        "the field's text should be one masking character repeated: {text:?}"
    );
    assert!(
        field["interfaces"]
            .as_array()
            .is_some_and(|i| i.iter().any(|x| x == "Text")),
        "{field}"
    );
    assert!(has_state(field, "focused"), "{field}");

    // "Show password" is the person's choice: the field turns into a plain entry, and back.
    tab_to(&mut kb, &mut reader, "check box", "Show password");
    // Everything the reader heard and read while the password was hidden.
    reader.events();
    let seen_hidden = reader.seen.clone();
    kb.key("space");
    reader.wait_full_tree(Duration::from_secs(5), "the shown password", |t| {
        find(t, "entry", "Password").is_some_and(|n| n["text"] == password.as_str())
            && find(t, "password text", "Password").is_none()
    });
    kb.key("space");
    let tree = reader.wait_full_tree(Duration::from_secs(5), "the hidden password", |t| {
        find(t, "password text", "Password").is_some()
    });
    let text = find(&tree, "password text", "Password").expect("field")["text"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!text.contains(&password), "{text:?}");
    support::assert_no_secret(
        "what the reader saw while the password was hidden",
        &seen_hidden,
        "someone@example.test",
        &password,
    );

    // The manual settings, by keyboard: the cursor starts in the first field, all named.
    tab_to(&mut kb, &mut reader, "push button", "Set up manually");
    kb.key("Return");
    wait_focus(&mut reader, "entry", "Incoming server");
    let tree = reader.tree();
    assert_all_named(&tree, "manual settings");
    support::assert_no_secret(
        "the app's log",
        &desktop.log("app.log"),
        "someone@example.test",
        &password,
    );
    drop(desktop);
}

#[test]
fn a_refused_sign_in_is_announced_and_fixed_by_keyboard() {
    let world = world();
    let d = dovecot();
    let address = d.alice.address.clone();
    let (desktop, mut reader, _config) = start_app(&world);
    let mut kb = desktop.keyboard("Mail Setup");
    wait_focus(&mut reader, "entry", "Your name (optional)");
    tab_to(&mut kb, &mut reader, "entry", "Email address");
    kb.type_text(&address);
    tab_to(&mut kb, &mut reader, "password text", "Password");
    kb.type_text("not-the-password");
    kb.key("Return");
    reader.wait_tree(Duration::from_secs(30), "the protocol page", |t| {
        find(t, "check box", "Send my password to smtp.srv.test").is_some()
    });
    confirm_hosts(&mut kb, &mut reader);
    tab_to(&mut kb, &mut reader, "push button", "Next");
    reader.events();
    kb.key("Return");

    // The failure is said without looking: the step, and the diagnosis in words.
    let tree = reader.wait_tree(Duration::from_secs(60), "the diagnosis", |t| {
        t.iter()
            .any(|n| role(n) == "push button" && name(n) == "Fix password")
            && t.iter()
                .any(|n| role(n) == "push button" && name(n) == "Retry")
    });
    assert_all_named(&tree, "testing page, sign-in refused");
    hear(
        &mut reader,
        &[
            "Incoming mail — Sign in: failed",
            "Outgoing mail — Sign in: failed",
            "The server did not accept the user name or password.",
        ],
    );

    // "Fix password" by keyboard puts the cursor in the password field.
    tab_to(&mut kb, &mut reader, "push button", "Fix password");
    kb.key("Return");
    wait_focus(&mut reader, "password text", "Password");
    let tree = reader.tree();
    assert_all_named(&tree, "account page, password refused");
    drop(desktop);
}
