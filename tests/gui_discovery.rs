//! The real app from an empty form to "Done" through discovery: the loopback DNS server
//! publishes RFC 6186 SRV records for example.test pointing at TLS relays in front of the
//! real Dovecot; the window looks the provider up, shows each source's status, offers IMAP
//! and POP3, tests the chosen servers live and saves the account (file + keychain). The SRV
//! targets lie outside example.test, so the protocol page names each with how it was found
//! and nothing is tested until the person ticks them (RFC 6186 §6). And a domain whose
//! servers are vouched for: they are tested while a slower, better-ranked source is still
//! asked, and the test switches when that source names other servers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod netsupport;
mod support;

use std::net::SocketAddr;
use std::time::Duration;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_common::*;
use mailsetup::account::Protocol;
use mailsetup::discover::SourceId;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{LookupState, Page, Role as ServerRole, SaveState, SourceState};
use netsupport::proxy::TlsRelay;
use netsupport::srv_world::{SrvRecord, SrvWorld};
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use secrecy::ExposeSecret;
use support::{dovecot, pki};

/// Loopback DNS + HTTPS, relays to Dovecot's IMAP, POP3 and submission, SRV records for
/// example.test naming hosts outside the domain.
fn world() -> SrvWorld {
    let d = dovecot();
    let record = |service, target, upstream| SrvRecord {
        service,
        priority: 0,
        target,
        upstream,
    };
    SrvWorld::start(
        &[
            record("_imaps._tcp.example.test", "imap.srv.test", d.imaps.addr()),
            record("_pop3s._tcp.example.test", "pop.srv.test", d.pop3s.addr()),
            record(
                "_submissions._tcp.example.test",
                "smtp.srv.test",
                d.submissions.addr(),
            ),
        ],
        &pki().ca_der,
    )
}

fn config(w: &SrvWorld, name: &str) -> RuntimeConfig {
    w.runtime_config(support::short_timeouts(), support::run_dir().join(name))
}

fn to_protocol_page(
    h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>,
    address: &str,
    password: &str,
) {
    fill(h, "Your name (optional)", "Alice Example");
    fill(h, "Email address", address);
    fill(h, "Password", password);
    h.key_press(Key::Enter);
    h.run_steps(2);
    // Loopback answers fast: the lookup may be over (and the wizard already on the protocol
    // page) before the page is drawn twice.
    assert!(
        matches!(h.state().wizard().page(), Page::Lookup | Page::Protocol),
        "{:?}",
        h.state().wizard().page()
    );
    step_until(h, Duration::from_secs(15), "the lookup ends", |app| {
        !matches!(app.wizard().lookup(), LookupState::Running(_))
    });
    // Every source reported; SRV found the three servers.
    let sources = h.state().wizard().sources().to_vec();
    let srv = sources
        .iter()
        .find(|s| s.key == mailsetup::discover::SourceId::Srv)
        .expect("the SRV line");
    assert_eq!(srv.label, "DNS service records (SRV)");
    assert_eq!(srv.state, SourceState::Found(3), "{sources:?}");
    assert!(srv.ms.is_some());
    assert!(
        sources.iter().all(|s| s.state != SourceState::Waiting),
        "{sources:?}"
    );
    assert_eq!(
        h.state().wizard().page(),
        Page::Protocol,
        "lookup: {:?}; sources: {:?}",
        h.state().wizard().lookup(),
        h.state().wizard().sources()
    );
}

/// Ticks "Send my password to HOST" on the page.
fn confirm(h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>, host: &str) {
    tick(h, &format!("Send my password to {host}"));
}

fn test_and_save(
    h: &mut egui_kittest::Harness<'_, mailsetup::gui::MailSetupApp>,
) -> mailsetup::wizard::Saved {
    step_until(h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });
    for t in h.state().wizard().tests() {
        assert!(
            t.is_verified(),
            "{:?}: {:?}",
            t.role,
            t.report.as_ref().map(|r| r.diagnosis())
        );
    }
    h.get_by_label_contains("DNS service records (SRV)");
    h.key_press(Key::Enter);
    step_until(h, Duration::from_secs(20), "saved", |app| {
        matches!(
            app.wizard().save_state(),
            SaveState::Saved(_) | SaveState::Failed(..)
        )
    });
    match h.state().wizard().save_state().clone() {
        SaveState::Saved(s) => s,
        other => panic!("not saved: {other:?}"),
    }
}

fn assert_saved(dir: &std::path::Path, address: &str, password: &str, incoming: Protocol) {
    use mailsetup::store;
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let accounts = store::list(dir).await.expect("list");
        let a = accounts
            .iter()
            .find(|a| a.email.to_string() == address)
            .expect("saved");
        assert_eq!(a.incoming.settings.protocol, incoming);
        assert_eq!(a.source.kind, store::SourceKind::DnsSrv);
        let text = std::fs::read_to_string(dir.join("accounts.json")).unwrap();
        support::assert_no_secret("accounts.json", &text, address, password);
        let secrets = store::open_keychain(a.keychain.store)
            .await
            .expect("keychain");
        let pw = store::passwords(secrets, a.clone())
            .await
            .expect("read back");
        assert_eq!(pw.incoming.expose_secret(), password);
    });
}

#[test]
fn from_empty_form_to_done_over_imap_found_by_srv() {
    let w = world();
    let d = dovecot();
    let mut h = app(config(&w, "discovery-imap"));
    h.run_steps(2);
    to_protocol_page(&mut h, &d.alice.address, &d.alice.password);
    // Both protocols are offered; IMAP is the recommendation.
    assert!(
        h.get_by_label_contains("(recommended)")
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .starts_with("IMAP")
    );
    // Every host that gets the password is listed with its source; the ones outside the
    // domain say how they were found, and Next sends nothing until they are ticked.
    h.get_by_label_contains("Mail for example.test is handled by imap.srv.test — found in");
    h.get_by_label_contains("Outgoing mail: smtp.srv.test — DNS service records (SRV)");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Protocol);
    assert_eq!(h.state().wizard().tests().count(), 0);
    h.get_by_label_contains("Confirm each server marked below");
    assert!(w.relays.iter().all(|r| r.connections() == 0));
    confirm(&mut h, "imap.srv.test");
    confirm(&mut h, "smtp.srv.test");
    click(&mut h, "Next");
    assert_eq!(h.state().wizard().page(), Page::Testing);
    let saved = test_and_save(&mut h);
    assert_saved(
        saved.config_path.parent().unwrap(),
        &d.alice.address,
        &d.alice.password,
        Protocol::Imap,
    );
}

#[test]
fn from_empty_form_to_done_over_pop3_chosen_on_the_protocol_page() {
    let w = world();
    let d = dovecot();
    let mut h = app(config(&w, "discovery-pop3"));
    h.run_steps(2);
    to_protocol_page(&mut h, &d.unicode.address, &d.unicode.password);
    // "One computer only" makes POP3 the recommendation; the person takes it.
    h.get_by_role_and_label(Role::CheckBox, "I read this mail on one computer only")
        .click();
    h.run_steps(2);
    h.get_by_label_contains("POP3 — download mail to this computer (recommended)");
    confirm(&mut h, "pop.srv.test");
    confirm(&mut h, "smtp.srv.test");
    click(&mut h, "Next");
    assert_eq!(
        h.state()
            .wizard()
            .test(ServerRole::Incoming)
            .unwrap()
            .server
            .protocol,
        Protocol::Pop3
    );
    let saved = test_and_save(&mut h);
    assert_saved(
        saved.config_path.parent().unwrap(),
        &d.unicode.address,
        &d.unicode.password,
        Protocol::Pop3,
    );
}

#[test]
fn cancel_during_the_lookup_returns_to_the_account_page_at_once() {
    let w = world();
    // A slow ISPDB keeps the lookup running, so Esc surely lands during it.
    w.net.web.https(
        "ispdb.test",
        "/v1.1/example.test",
        Reply::Slow(Duration::from_secs(5), Box::new(Reply::Status(404))),
    );
    let d = dovecot();
    let mut h = app(config(&w, "discovery-cancel"));
    h.run_steps(2);
    fill(&mut h, "Email address", &d.alice.address);
    fill(&mut h, "Password", &d.alice.password);
    h.key_press(Key::Enter);
    h.run_steps(1);
    assert_eq!(h.state().wizard().page(), Page::Lookup);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().wizard().page(), Page::Account);
    assert!(support::wait_until(Duration::from_secs(2), || h
        .state_mut()
        .running_tasks()
        == 0));
}

#[test]
fn a_domain_whose_autodiscover_offers_only_exchange_is_said_on_the_lookup_page() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let net = rt.block_on(async {
        let net = Net::start().await;
        net.dns.a("autodiscover.exchange.test", LOOPBACK);
        net.web.https(
            "autodiscover.exchange.test",
            "/autodiscover/autodiscover.xml",
            Reply::Xml(
                r#"<Autodiscover><Response><Account><Action>settings</Action>
                <Protocol><Type>EXCH</Type><Server>ex01.exchange.test</Server></Protocol>
                <Protocol><Type>WEB</Type></Protocol></Account></Response></Autodiscover>"#
                    .into(),
            ),
        );
        net
    });
    let mut config = RuntimeConfig::new(vec![net.ca.cert_der()]).expect("trust");
    let mut opts = net.options();
    opts.sources = [SourceId::Autodiscover, SourceId::Guess]
        .into_iter()
        .collect();
    config.set_discovery(opts);
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(support::run_dir().join("discovery-exchange-only"));
    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", "kim@exchange.test");
    fill(&mut h, "Password", "exchange-pw-1");
    h.key_press(Key::Enter);
    step_until(&mut h, Duration::from_secs(15), "the lookup ends", |app| {
        !matches!(app.wizard().lookup(), LookupState::Running(_))
    });
    // Nothing to test: the page stays, and says what the domain offers instead.
    assert_eq!(h.state().wizard().page(), Page::Lookup);
    h.get_by_label_contains("exchange.test offers Microsoft Exchange");
    h.get_by_label_contains("the usual server names are tried as well");
    // The password was typed before the lookup; Autodiscover got none of it.
    let seen = net.web.seen();
    assert!(seen.iter().any(|s| s.host == "autodiscover.exchange.test"));
    for s in &seen {
        assert!(s.header("authorization").is_none(), "{s:?}");
        let body = String::from_utf8_lossy(&s.body);
        assert!(!body.contains("exchange-pw-1") && !s.target.contains("exchange-pw-1"));
    }
    drop(rt);
}

/// ISPDB names one pair of servers at once; the domain's own autoconfig file — which ranks
/// above ISPDB — answers 2.5 s later naming another pair. All four are relays in front of the
/// real Dovecot, on hosts of example.test (vouched for: nothing to confirm).
struct EarlyWorld {
    world: SrvWorld,
    ispdb_imap: TlsRelay,
    own_imap: TlsRelay,
    own_smtp: TlsRelay,
}

fn early_world() -> EarlyWorld {
    let d = dovecot();
    let world = SrvWorld::start(&[], &pki().ca_der);
    let relay = |upstream| {
        world
            .rt
            .block_on(TlsRelay::start(
                SocketAddr::new(LOOPBACK.into(), 0),
                &world.net.ca,
                upstream,
                "localhost",
                pki().ca_der.clone(),
            ))
            .expect("relay")
    };
    let (ispdb_imap, ispdb_smtp) = (relay(d.imaps.addr()), relay(d.submissions.addr()));
    let (own_imap, own_smtp) = (relay(d.imaps.addr()), relay(d.submissions.addr()));
    let net = &world.net;
    for host in [
        "imap.example.test",
        "smtp.example.test",
        "mail.example.test",
    ] {
        net.dns.a(host, LOOPBACK);
    }
    let ispdb = config_xml(
        "example.test",
        ("imap.example.test", ispdb_imap.addr.port(), "SSL"),
        ("pop.example.test", 995, "SSL"),
        ("smtp.example.test", ispdb_smtp.addr.port(), "SSL"),
    );
    net.web
        .https("ispdb.test", "/v1.1/example.test", Reply::Xml(ispdb));
    let own = config_xml(
        "example.test",
        ("mail.example.test", own_imap.addr.port(), "SSL"),
        ("mail.example.test", 995, "SSL"),
        ("mail.example.test", own_smtp.addr.port(), "SSL"),
    );
    net.dns.a("autoconfig.example.test", LOOPBACK);
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Slow(Duration::from_millis(2500), Box::new(Reply::Xml(own))),
    );
    EarlyWorld {
        world,
        ispdb_imap,
        own_imap,
        own_smtp,
    }
}

/// How many sign-in commands (IMAP LOGIN / AUTHENTICATE, SMTP AUTH) went through a relay.
fn sign_ins(relay: &TlsRelay) -> usize {
    relay
        .received()
        .lines()
        .filter(|line| {
            line.split_whitespace().take(2).any(|w| {
                ["LOGIN", "AUTHENTICATE", "AUTH"].contains(&w.to_ascii_uppercase().as_str())
            })
        })
        .count()
}

#[test]
fn the_window_tests_early_and_switches_when_a_better_ranked_source_disagrees() {
    let e = early_world();
    let d = dovecot();
    let mut config = e.world.runtime_config(
        support::short_timeouts(),
        support::run_dir().join("discovery-early"),
    );
    // Time enough for the slow source under load: it must answer, not time out.
    let mut opts = config.discovery.clone();
    opts.http.timeout = Duration::from_secs(8);
    opts.source_timeout = Duration::from_secs(8);
    opts.deadline = Duration::from_secs(10);
    config.set_discovery(opts);
    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", &d.alice.address);
    fill(&mut h, "Password", &d.alice.password);
    h.key_press(Key::Enter);
    // ISPDB's servers are tested while the slower autoconfig source is still asked.
    step_until(
        &mut h,
        Duration::from_secs(10),
        "the early test reaches ISPDB's server",
        |_| e.ispdb_imap.connections() > 0,
    );
    {
        let w = h.state().wizard();
        assert!(
            matches!(w.lookup(), LookupState::Running(_)),
            "{:?}",
            w.lookup()
        );
        let autoconfig = w
            .sources()
            .iter()
            .find(|s| s.key == mailsetup::discover::SourceId::Autoconfig)
            .expect("the autoconfig line");
        assert_eq!(autoconfig.state, SourceState::Waiting);
        assert_eq!(
            w.test(ServerRole::Incoming)
                .expect("an early test")
                .server
                .host,
            "imap.example.test"
        );
    }
    assert_eq!(e.own_imap.connections(), 0);
    // The domain's own file answers with other servers: the test switches, and says so.
    step_until(&mut h, Duration::from_secs(15), "the lookup ends", |app| {
        !matches!(app.wizard().lookup(), LookupState::Running(_))
    });
    assert_eq!(h.state().wizard().page(), Page::Protocol);
    assert_eq!(
        h.state()
            .wizard()
            .test(ServerRole::Incoming)
            .expect("the switched test")
            .server
            .host,
        "mail.example.test"
    );
    h.get_by_label_contains("named a better-placed server, mail.example.test");
    // Next shows the same run on the testing page (no second sign-in), and it verifies.
    click(&mut h, "Next");
    assert_eq!(h.state().wizard().page(), Page::Testing);
    step_until(&mut h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });
    let w = h.state().wizard();
    assert!(w.all_verified(), "{:?}", w.tests().collect::<Vec<_>>());
    for role in [ServerRole::Incoming, ServerRole::Outgoing] {
        assert_eq!(w.test(role).unwrap().server.host, "mail.example.test");
    }
    assert_eq!(
        (sign_ins(&e.own_imap), sign_ins(&e.own_smtp)),
        (1, 1),
        "one sign-in per server"
    );
    h.get_by_label_contains("named a better-placed server, mail.example.test");
}
