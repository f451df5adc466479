//! The consent rule in the real window, against loopback servers (RFC 6186 §6): settings that
//! discovery learned over plain HTTP fill the manual form marked as such, the page names each
//! host with how it was found, and no test starts — no connection reaches the server — until
//! the person ticks it. Ticked, the real Dovecot behind the relays verifies.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod netsupport;
mod support;

use std::net::SocketAddr;
use std::time::Duration;

use egui::Key;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::discover::SourceId;
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{LookupState, Page};
use netsupport::proxy::TlsRelay;
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use support::{dovecot, pki};

#[test]
fn plain_http_settings_fill_the_manual_form_marked_and_wait_for_the_persons_tick() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let d = dovecot();
    let (net, imap, smtp) = rt.block_on(async {
        let net = Net::start().await;
        let relay = |upstream: SocketAddr| {
            TlsRelay::start(
                SocketAddr::new(LOOPBACK.into(), 0),
                &net.ca,
                upstream,
                "localhost",
                pki().ca_der.clone(),
            )
        };
        let imap = relay(d.imaps.addr()).await.expect("IMAP relay");
        let smtp = relay(d.submissions.addr()).await.expect("SMTP relay");
        for h in [
            "autoconfig.example.test",
            "imap.example.test",
            "smtp.example.test",
        ] {
            net.dns.a(h, LOOPBACK);
        }
        net.web.http(
            "autoconfig.example.test",
            "/mail/config-v1.1.xml",
            Reply::Xml(config_xml(
                "example.test",
                ("imap.example.test", imap.addr.port(), "SSL"),
                ("pop.example.test", 995, "SSL"),
                ("smtp.example.test", smtp.addr.port(), "SSL"),
            )),
        );
        (net, imap, smtp)
    });
    let mut config = RuntimeConfig::new(vec![net.ca.cert_der()]).expect("trust");
    let mut opts = net.options();
    opts.sources = [SourceId::AutoconfigHttp].into_iter().collect();
    config.set_discovery(opts);
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(support::run_dir().join("consent-http"));
    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", &d.alice.address);
    fill(&mut h, "Password", &d.alice.password);
    h.key_press(Key::Enter);
    step_until(&mut h, Duration::from_secs(15), "the lookup ends", |app| {
        !matches!(app.wizard().lookup(), LookupState::Running(_))
    });
    // Plain HTTP alone is never tested by itself: the lookup page stays.
    assert_eq!(h.state().wizard().page(), Page::Lookup);
    click(&mut h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);

    // The form is filled from plain HTTP, and says so at each server.
    for host in ["imap.example.test", "smtp.example.test"] {
        h.get_by_label_contains(&format!(
            "Learned over plain HTTP: anyone on the network could have changed the settings \
             for {host}."
        ));
        h.get_by_label_contains(&format!(
            "Mail for example.test is handled by {host} — learned from example.test's \
             autoconfig file over plain HTTP"
        ));
    }
    click(&mut h, "Test settings");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    assert_eq!(h.state().wizard().tests().count(), 0);
    h.get_by_label_contains("Confirm each server marked below");
    assert_eq!(imap.connections() + smtp.connections(), 0);

    for host in ["imap.example.test", "smtp.example.test"] {
        tick(&mut h, &format!("Send my password to {host}"));
    }
    click(&mut h, "Test settings");
    assert_eq!(
        h.state().wizard().page(),
        Page::Testing,
        "{:?} {:?}",
        h.state().wizard().recipients(),
        h.state().wizard().manual().map(|f| f.problems())
    );
    // The testing page still says where the settings came from.
    h.get_by_label("Settings from: autoconfig over plain HTTP");
    step_until(&mut h, Duration::from_secs(30), "tests finish", |app| {
        let w = app.wizard();
        w.tests().count() == 2 && !w.testing()
    });
    assert!(h.state().wizard().all_verified());
    assert!(imap.saw_sign_in() && smtp.saw_sign_in());
    drop(rt);
}
