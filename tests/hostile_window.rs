//! The window and a hostile autoconfig file (issue 20 §2): the loopback HTTPS server answers
//! for example.test with a `<hostname>` that is a shell command and an `<issuer>` with a
//! command substitution. The lookup refuses the file and says why; nothing the window shows
//! (every label and value in its accessibility tree, on the lookup page and after) and
//! nothing in the report it would hand on (Markdown, JSON) holds either value unquoted.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod netsupport;
mod support;

use std::time::Duration;

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_common::*;
use mailsetup::wizard::{LookupState, SourceState};
use netsupport::srv_world::SrvWorld;
use netsupport::{LOOPBACK, Reply, config_xml};
use support::pki;

const EVIL_HOST: &str = "imap.example.test; touch /tmp/x";
const EVIL_ISSUER: &str = "https://id.example.test/$(id)";

/// `text` holds no piece of the hostile values outside their quoted forms.
fn nothing_unquoted(what: &str, text: &str) {
    let rest = text
        .replace(&format!("'{EVIL_HOST}'"), "")
        .replace(&format!("'{EVIL_ISSUER}'"), "");
    for piece in [EVIL_HOST, EVIL_ISSUER, "touch /tmp/x", "$(id)"] {
        assert!(!rest.contains(piece), "{what} shows {piece:?}:\n{text}");
    }
}

#[test]
fn the_window_refuses_the_file_and_shows_neither_value() {
    let w = SrvWorld::start(&[], &pki().ca_der);
    w.net.dns.a("autoconfig.example.test", LOOPBACK);
    let xml = config_xml(
        "example.test",
        (EVIL_HOST, 993, "SSL"),
        ("pop.example.test", 995, "SSL"),
        ("smtp.example.test", 465, "SSL"),
    )
    .replace(
        "</clientConfig>",
        &format!(
            "<oAuth2><issuer>{EVIL_ISSUER}</issuer><scope>mail</scope>\
             <tokenURL>https://id.example.test/token</tokenURL></oAuth2></clientConfig>"
        ),
    );
    w.net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml),
    );
    let config = w.runtime_config(
        support::short_timeouts(),
        support::run_dir().join("hostile-window"),
    );
    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", "ann@example.test");
    fill(&mut h, "Password", "not-sent-anywhere");
    h.key_press(Key::Enter);
    h.run_steps(2);
    step_until(&mut h, Duration::from_secs(15), "the lookup ends", |app| {
        !matches!(app.wizard().lookup(), LookupState::Running(_))
    });
    h.run_steps(2);
    let shown: Vec<String> = h
        .query_all_by(|_| true)
        .map(|n| format!("{:?}", n.accesskit_node()))
        .collect();
    let shown = shown.join("\n");
    nothing_unquoted("the window", &shown);
    // The autoconfig line says why it found nothing, in words that hold neither value.
    let sources = h.state().wizard().sources().to_vec();
    let autoconfig = sources
        .iter()
        .find(|s| s.key == mailsetup::discover::SourceId::Autoconfig)
        .expect("the autoconfig line");
    let SourceState::Failed(Some(error)) = &autoconfig.state else {
        panic!("the file was not refused: {autoconfig:?}");
    };
    let words = error.words();
    nothing_unquoted("the autoconfig line", &words);
    assert!(words.contains("not a valid host name"), "{words}");
    h.get_by_label_contains("not a valid host name");
    // The report the window would copy or save.
    let doc = h.state().wizard().report(mailsetup::report::Header::now());
    nothing_unquoted("the Markdown report", &doc.markdown());
    nothing_unquoted("the JSON report", &doc.json().unwrap());
}
