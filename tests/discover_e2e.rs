//! End to end: discovery finds the servers of a test domain through ONE source at a time
//! (provider table, ISP autoconfig, .well-known, ISPDB, MX, SRV, guessing), and verification
//! signs in to the real Dovecot behind the discovered names (reached through a TLS relay that
//! holds certificates for those names). Also: verification never tries a refused password on
//! another server, and skips candidates that do not answer. Hosts outside example.test found
//! through MX or SRV are used only once confirmed (RFC 6186 §6).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;
mod support;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::discover::{self, DiscoveryOptions, ProviderTable, SourceId, SourceTrust};
use mailsetup::probe::Cause;
use mailsetup::verify::{self, VerifyOptions};
use netsupport::proxy::TlsRelay;
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use secrecy::SecretString;
use support::{dovecot, pki};

/// Relays for IMAP and SMTP submission, both implicit TLS, on `ip` (ports as given, 0 = any).
async fn relays(net: &Net, ip: IpAddr, imap_port: u16, smtp_port: u16) -> (TlsRelay, TlsRelay) {
    let d = dovecot();
    let imap = TlsRelay::start(SocketAddr::new(ip, imap_port), &net.ca, d.imaps.addr(), "localhost", pki().ca_der.clone())
        .await
        .unwrap_or_else(|e| panic!("bind {ip}:{imap_port} for the IMAP relay: {e} (binding ports below 1024 needs root; scripts/test runs as root)"));
    let smtp = TlsRelay::start(SocketAddr::new(ip, smtp_port), &net.ca, d.submissions.addr(), "localhost", pki().ca_der.clone())
        .await
        .unwrap_or_else(|e| panic!("bind {ip}:{smtp_port} for the SMTP relay: {e} (binding ports below 1024 needs root; scripts/test runs as root)"));
    (imap, smtp)
}

fn alice() -> EmailAddress {
    EmailAddress::parse(&dovecot().alice.address).unwrap()
}

fn only(net: &Net, source: SourceId) -> DiscoveryOptions {
    let mut o = net.options();
    o.sources = [source].into_iter().collect();
    o
}

fn verify_options(opts: &DiscoveryOptions) -> VerifyOptions {
    let mut v = VerifyOptions::for_discovery(opts).unwrap();
    v.probe.timeouts = support::short_timeouts();
    v
}

/// Discovers with `opts`, checks every candidate came from `source`, verifies with alice's
/// password and checks both winners. Sources that cannot vouch for hosts outside the domain
/// (MX, SRV) first get nothing, then the two hosts confirmed.
async fn discover_and_verify(
    opts: &DiscoveryOptions,
    source: SourceId,
    imap_host: &str,
    smtp_host: &str,
) {
    let mut v = verify_options(opts);
    if matches!(source, SourceId::Mx | SourceId::Srv) {
        let found = discover::discover(&alice(), opts).await;
        let report = verify::verify(&found, &dovecot().alice.secret(), &v).await;
        assert!(report.incoming.probes.is_empty(), "{source}: {report:#?}");
        assert_eq!(report.incoming.unconfirmed[0].candidate.host, imap_host);
        v.confirmed = [imap_host, smtp_host].map(String::from).into();
    }
    let found = discover::discover(&alice(), opts).await;
    assert!(found.is_complete(), "{source}: {:#?}", found.sources);
    assert!(
        found
            .candidates
            .iter()
            .all(|c| c.sources().contains(&source))
    );
    let report = verify::verify(&found, &dovecot().alice.secret(), &v).await;
    let incoming = report
        .incoming
        .winner
        .as_ref()
        .unwrap_or_else(|| panic!("{source}: IMAP not verified: {:#?}", report.incoming));
    assert_eq!(incoming.candidate.host, imap_host);
    assert_eq!(
        incoming.report.server_facts.messages,
        Some(support::dovecot::ALICE_MESSAGES)
    );
    let outgoing = report
        .outgoing
        .as_ref()
        .unwrap()
        .winner
        .as_ref()
        .unwrap_or_else(|| panic!("{source}: SMTP not verified: {:#?}", report.outgoing));
    assert_eq!(outgoing.candidate.host, smtp_host);
    assert!(report.is_verified());
}

#[tokio::test]
async fn via_the_provider_table_alone() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    net.dns.a("imap.table.test", LOOPBACK);
    net.dns.a("smtp.table.test", LOOPBACK);
    let table = format!(
        r#"{{"version": 1, "providers": [{{"id": "e2e", "name": "Test provider", "domains": ["example.test"],
        "servers": [
          {{"protocol": "imap", "host": "imap.table.test", "port": {}, "security": "tls", "username": "address"}},
          {{"protocol": "smtp", "host": "smtp.table.test", "port": {}, "security": "tls", "username": "address"}}],
        "login": "password"}}]}}"#,
        imap.addr.port(),
        smtp.addr.port()
    );
    let mut o = only(&net, SourceId::Provider);
    o.table = Some(Arc::new(ProviderTable::from_json(&table).unwrap()));
    discover_and_verify(&o, SourceId::Provider, "imap.table.test", "smtp.table.test").await;
}

fn xml_for(imap: &TlsRelay, smtp: &TlsRelay, host_imap: &str, host_smtp: &str) -> String {
    config_xml(
        "example.test",
        (host_imap, imap.addr.port(), "SSL"),
        ("pop.nowhere.test", 995, "SSL"),
        (host_smtp, smtp.addr.port(), "SSL"),
    )
}

#[tokio::test]
async fn via_isp_autoconfig_alone() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    for h in [
        "autoconfig.example.test",
        "imap.auto.test",
        "smtp.auto.test",
    ] {
        net.dns.a(h, LOOPBACK);
    }
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml_for(&imap, &smtp, "imap.auto.test", "smtp.auto.test")),
    );
    discover_and_verify(
        &only(&net, SourceId::Autoconfig),
        SourceId::Autoconfig,
        "imap.auto.test",
        "smtp.auto.test",
    )
    .await;
}

#[tokio::test]
async fn via_well_known_alone() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    for h in ["example.test", "imap.wk.test", "smtp.wk.test"] {
        net.dns.a(h, LOOPBACK);
    }
    net.web.https(
        "example.test",
        "/.well-known/autoconfig/mail/config-v1.1.xml",
        Reply::Xml(xml_for(&imap, &smtp, "imap.wk.test", "smtp.wk.test")),
    );
    discover_and_verify(
        &only(&net, SourceId::WellKnown),
        SourceId::WellKnown,
        "imap.wk.test",
        "smtp.wk.test",
    )
    .await;
}

#[tokio::test]
async fn via_ispdb_alone() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    for h in ["imap.db.test", "smtp.db.test"] {
        net.dns.a(h, LOOPBACK);
    }
    net.web.https(
        "ispdb.test",
        "/v1.1/example.test",
        Reply::Xml(xml_for(&imap, &smtp, "imap.db.test", "smtp.db.test")),
    );
    discover_and_verify(
        &only(&net, SourceId::Ispdb),
        SourceId::Ispdb,
        "imap.db.test",
        "smtp.db.test",
    )
    .await;
}

#[tokio::test]
async fn via_mx_alone() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    net.dns.mx("example.test", 10, "mx1.hoster.test");
    for h in ["imap.hoster.test", "smtp.hoster.test"] {
        net.dns.a(h, LOOPBACK);
    }
    net.web.https(
        "ispdb.test",
        "/v1.1/hoster.test",
        Reply::Xml(xml_for(
            &imap,
            &smtp,
            "imap.hoster.test",
            "smtp.hoster.test",
        )),
    );
    discover_and_verify(
        &only(&net, SourceId::Mx),
        SourceId::Mx,
        "imap.hoster.test",
        "smtp.hoster.test",
    )
    .await;
}

#[tokio::test]
async fn via_srv_alone() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    net.dns.srv(
        "_imaps._tcp.example.test",
        0,
        1,
        imap.addr.port(),
        "imap.srv.test",
    );
    net.dns.srv(
        "_submissions._tcp.example.test",
        0,
        1,
        smtp.addr.port(),
        "smtp.srv.test",
    );
    net.dns.srv("_pop3._tcp.example.test", 0, 0, 0, ".");
    for h in ["imap.srv.test", "smtp.srv.test"] {
        net.dns.a(h, LOOPBACK);
    }
    discover_and_verify(
        &only(&net, SourceId::Srv),
        SourceId::Srv,
        "imap.srv.test",
        "smtp.srv.test",
    )
    .await;
}

#[tokio::test]
async fn via_guessing_alone() {
    let net = Net::start().await;
    // Guesses use the standard ports, so the relays listen on 993 and 465 of a loopback
    // address of their own (derived from the process id, so parallel runs do not collide).
    let pid = std::process::id();
    let v4 = Ipv4Addr::new(127, 77, (pid >> 8) as u8, (pid as u8).max(1));
    let (_imap, _smtp) = relays(&net, IpAddr::V4(v4), 993, 465).await;
    net.dns.a("imap.example.test", v4);
    net.dns.a("smtp.example.test", v4);
    discover_and_verify(
        &only(&net, SourceId::Guess),
        SourceId::Guess,
        "imap.example.test",
        "smtp.example.test",
    )
    .await;
}

#[tokio::test]
async fn a_refused_password_is_never_tried_on_another_server() {
    let net = Net::start().await;
    let (imap_a, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    let (imap_b, _) = relays(&net, LOOPBACK.into(), 0, 0).await;
    net.dns.srv(
        "_imaps._tcp.example.test",
        0,
        10,
        imap_a.addr.port(),
        "imap-a.srv.test",
    );
    net.dns.srv(
        "_imaps._tcp.example.test",
        0,
        5,
        imap_b.addr.port(),
        "imap-b.srv.test",
    );
    net.dns.srv(
        "_submissions._tcp.example.test",
        0,
        1,
        smtp.addr.port(),
        "smtp.srv.test",
    );
    for h in ["imap-a.srv.test", "imap-b.srv.test", "smtp.srv.test"] {
        net.dns.a(h, LOOPBACK);
    }
    let o = only(&net, SourceId::Srv);
    let found = discover::discover(&alice(), &o).await;
    assert_eq!(found.for_protocol(Protocol::Imap).count(), 2);
    let wrong = SecretString::from("definitely wrong".to_string());
    let mut v = verify_options(&o);
    v.outgoing = false;
    v.confirmed = ["imap-a.srv.test", "imap-b.srv.test"]
        .map(String::from)
        .into();
    let report = verify::verify(&found, &wrong, &v).await;
    assert!(report.incoming.winner.is_none());
    assert_eq!(
        report
            .incoming
            .checks
            .iter()
            .filter(|c| c.reachable)
            .count(),
        2,
        "both answer the quick check"
    );
    assert_eq!(
        report.incoming.probes.len(),
        1,
        "one sign-in attempt, not one per server"
    );
    let d = report.incoming.probes[0].diagnosis().unwrap();
    assert_eq!(d.cause, Cause::AuthFailed);
    assert_eq!(report.incoming.probes[0].server.host, "imap-a.srv.test");
}

#[tokio::test]
async fn a_candidate_that_does_not_answer_is_skipped_for_the_next_one() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    // A port nobody listens on, ranked first by SRV priority.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    net.dns
        .srv("_imaps._tcp.example.test", 0, 1, closed, "dead.srv.test");
    net.dns.srv(
        "_imaps._tcp.example.test",
        5,
        1,
        imap.addr.port(),
        "imap.srv.test",
    );
    net.dns.srv(
        "_submissions._tcp.example.test",
        0,
        1,
        smtp.addr.port(),
        "smtp.srv.test",
    );
    for h in ["dead.srv.test", "imap.srv.test", "smtp.srv.test"] {
        net.dns.a(h, LOOPBACK);
    }
    let o = only(&net, SourceId::Srv);
    let found = discover::discover(&alice(), &o).await;
    assert_eq!(found.best(Protocol::Imap).unwrap().host, "dead.srv.test");
    let mut v = verify_options(&o);
    v.confirmed = ["dead.srv.test", "imap.srv.test", "smtp.srv.test"]
        .map(String::from)
        .into();
    let report = verify::verify(&found, &dovecot().alice.secret(), &v).await;
    assert!(!report.incoming.checks[0].reachable);
    assert_eq!(
        report.incoming.probes.len(),
        1,
        "the dead one gets no sign-in"
    );
    assert_eq!(
        report.incoming.winner.as_ref().unwrap().candidate.host,
        "imap.srv.test"
    );
    assert!(report.is_verified());
}

#[tokio::test]
async fn insecure_candidates_are_not_used_unless_confirmed() {
    let net = Net::start().await;
    let (imap, smtp) = relays(&net, LOOPBACK.into(), 0, 0).await;
    for h in [
        "autoconfig.example.test",
        "imap.plain.test",
        "smtp.plain.test",
    ] {
        net.dns.a(h, LOOPBACK);
    }
    net.web.http(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml_for(&imap, &smtp, "imap.plain.test", "smtp.plain.test")),
    );
    let o = only(&net, SourceId::AutoconfigHttp);
    let found = discover::discover(&alice(), &o).await;
    assert!(
        found
            .candidates
            .iter()
            .all(|c| c.trust == SourceTrust::Insecure)
    );
    let mut v = verify_options(&o);
    let report = verify::verify(&found, &dovecot().alice.secret(), &v).await;
    assert!(report.incoming.probes.is_empty() && report.incoming.winner.is_none());
    assert!(
        report.incoming.unconfirmed[0]
            .question
            .contains("over plain HTTP"),
        "{:?}",
        report.incoming.unconfirmed
    );
    v.confirmed = ["imap.plain.test", "smtp.plain.test"]
        .map(String::from)
        .into();
    let report = verify::verify(&found, &dovecot().alice.secret(), &v).await;
    assert!(report.is_verified(), "{report:#?}");
    assert_eq!(
        report.incoming.winner.unwrap().candidate.security,
        Security::Tls
    );
}
