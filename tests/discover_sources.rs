//! Each discovery source on its own, against a real DNS server and a real HTTPS server on
//! loopback: what it asks, what it finds, how far it is trusted.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::discover::{self, SourceId, SourceStatus, SourceTrust};
use netsupport::{LOOPBACK, Net, Reply, config_xml};

fn email(text: &str) -> EmailAddress {
    EmailAddress::parse(text).unwrap()
}

fn only(net: &Net, source: SourceId) -> discover::DiscoveryOptions {
    let mut o = net.options();
    o.sources = [source].into_iter().collect();
    o
}

#[tokio::test]
async fn isp_autoconfig_over_https_is_trusted_and_fills_placeholders() {
    let net = Net::start().await;
    net.dns.a("autoconfig.isp.test", LOOPBACK);
    let xml = config_xml(
        "isp.test",
        ("imap.%EMAILDOMAIN%", 993, "SSL"),
        ("pop.isp.test", 995, "SSL"),
        ("smtp.isp.test", 465, "SSL"),
    );
    net.web.https(
        "autoconfig.isp.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml),
    );
    let r = discover::discover(&email("ann@isp.test"), &only(&net, SourceId::Autoconfig)).await;
    let report = r.source(SourceId::Autoconfig).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
    assert_eq!(report.found, 3);
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.endpoint_text(), "imap.isp.test:993 TLS");
    assert_eq!(imap.trust, SourceTrust::Trusted);
    assert_eq!(imap.username, "ann@isp.test");
    assert!(r.is_complete());
    // The address travels in the query string, as the autoconfig convention asks.
    assert!(
        report.asked[0].contains("emailaddress=ann%40isp.test"),
        "{:?}",
        report.asked
    );
}

#[tokio::test]
async fn well_known_file_is_found_on_the_bare_domain() {
    let net = Net::start().await;
    net.dns.a("wk.test", LOOPBACK);
    let xml = config_xml(
        "wk.test",
        ("mail.wk.test", 143, "STARTTLS"),
        ("mail.wk.test", 110, "STARTTLS"),
        ("mail.wk.test", 587, "STARTTLS"),
    );
    net.web.https(
        "wk.test",
        "/.well-known/autoconfig/mail/config-v1.1.xml",
        Reply::Xml(xml),
    );
    let r = discover::discover(&email("bo@wk.test"), &only(&net, SourceId::WellKnown)).await;
    assert_eq!(
        r.source(SourceId::WellKnown).unwrap().status,
        SourceStatus::Found
    );
    let smtp = r.best(Protocol::Smtp).unwrap();
    assert_eq!((smtp.port, smtp.security), (587, Security::StartTls));
    assert_eq!(smtp.origins[0].source, SourceId::WellKnown);
}

#[tokio::test]
async fn ispdb_is_asked_at_the_configured_base_url() {
    let net = Net::start().await;
    let xml = config_xml(
        "db.test",
        ("imap.db.test", 993, "SSL"),
        ("pop.db.test", 995, "SSL"),
        ("smtp.db.test", 587, "STARTTLS"),
    );
    net.web
        .https("ispdb.test", "/v1.1/db.test", Reply::Xml(xml));
    let r = discover::discover(&email("cy@db.test"), &only(&net, SourceId::Ispdb)).await;
    assert_eq!(
        r.source(SourceId::Ispdb).unwrap().status,
        SourceStatus::Found
    );
    assert_eq!(r.best(Protocol::Imap).unwrap().host, "imap.db.test");
    assert!(
        net.web
            .seen()
            .iter()
            .any(|s| s.tls && s.host == "ispdb.test" && s.path == "/v1.1/db.test")
    );
}

#[tokio::test]
async fn an_unknown_domain_is_nothing_not_a_failure() {
    let net = Net::start().await;
    let r = discover::discover(&email("dee@unknown.test"), &net.options()).await;
    for s in [
        SourceId::Autoconfig,
        SourceId::WellKnown,
        SourceId::Ispdb,
        SourceId::Mx,
        SourceId::Srv,
        SourceId::Guess,
        SourceId::AutoconfigHttp,
    ] {
        assert_eq!(
            r.source(s).unwrap().status,
            SourceStatus::Nothing,
            "{s}: {:?}",
            r.source(s)
        );
    }
    assert!(r.candidates.is_empty());
    assert!(!r.is_complete());
}

#[tokio::test]
async fn mx_leads_to_the_hosting_providers_ispdb_entry() {
    let net = Net::start().await;
    net.dns.mx("customer.test", 20, "backup.elsewhere.test");
    net.dns.mx("customer.test", 10, "mx1.eu.mailhost.test");
    let xml = config_xml(
        "mailhost.test",
        ("imap.mailhost.test", 993, "SSL"),
        ("pop.mailhost.test", 995, "SSL"),
        ("smtp.mailhost.test", 465, "SSL"),
    );
    net.web
        .https("ispdb.test", "/v1.1/mailhost.test", Reply::Xml(xml));
    let r = discover::discover(&email("eve@customer.test"), &only(&net, SourceId::Mx)).await;
    let report = r.source(SourceId::Mx).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.host, "imap.mailhost.test");
    assert_eq!(imap.trust, SourceTrust::Dns);
    assert!(
        imap.origins[0]
            .via
            .to_string()
            .contains("mx1.eu.mailhost.test → mailhost.test"),
        "{}",
        imap.origins[0].via
    );
    // The registrable domain and one label more were both asked.
    let asked = net.web.seen();
    assert!(asked.iter().any(|s| s.path == "/v1.1/mailhost.test"));
    assert!(asked.iter().any(|s| s.path == "/v1.1/eu.mailhost.test"));
    assert!(
        !asked.iter().any(|s| s.path.contains("elsewhere")),
        "only the preferred MX counts"
    );
}

#[tokio::test]
async fn mx_to_a_known_provider_uses_the_builtin_table_and_its_notes() {
    let net = Net::start().await;
    net.dns.mx("nc.rr.com", 10, "mx.nc.rr.com");
    let r = discover::discover(&email("fay@nc.rr.com"), &only(&net, SourceId::Mx)).await;
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.endpoint_text(), "mail.twc.com:993 TLS");
    let notes = r.provider.as_ref().unwrap();
    assert_eq!(notes.id, "roadrunner");
    assert!(notes.matched.contains("MX mx.nc.rr.com"));
}

#[tokio::test]
async fn srv_records_follow_rfc2782_order_and_dot_means_not_offered() {
    let net = Net::start().await;
    net.dns
        .srv("_imaps._tcp.srv.test", 10, 0, 993, "backup.srv.test");
    net.dns
        .srv("_imaps._tcp.srv.test", 0, 1, 993, "imap.srv.test");
    net.dns
        .srv("_imap._tcp.srv.test", 0, 1, 143, "imap.srv.test");
    net.dns.srv("_pop3s._tcp.srv.test", 0, 0, 0, ".");
    net.dns
        .srv("_submission._tcp.srv.test", 0, 1, 587, "smtp.srv.test");
    let r = discover::discover(&email("gus@srv.test"), &only(&net, SourceId::Srv)).await;
    let report = r.source(SourceId::Srv).unwrap();
    assert_eq!(report.status, SourceStatus::Found);
    let imap: Vec<String> = r
        .for_protocol(Protocol::Imap)
        .map(|c| c.endpoint_text())
        .collect();
    assert_eq!(
        imap,
        vec![
            "imap.srv.test:993 TLS",
            "backup.srv.test:993 TLS",
            "imap.srv.test:143 STARTTLS"
        ]
    );
    assert!(r.best(Protocol::Pop3).is_none());
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("_pop3s._tcp.srv.test") && n.contains("not offered")),
        "{:?}",
        report.notes
    );
    assert_eq!(r.best(Protocol::Smtp).unwrap().trust, SourceTrust::Dns);
}

#[tokio::test]
async fn guesses_are_only_names_that_exist() {
    let net = Net::start().await;
    net.dns.a("imap.guess.test", LOOPBACK);
    net.dns.a("smtp.guess.test", LOOPBACK);
    let r = discover::discover(&email("hal@guess.test"), &only(&net, SourceId::Guess)).await;
    let all: Vec<String> = r
        .candidates
        .iter()
        .map(|c| format!("{} {}", c.protocol, c.endpoint_text()))
        .collect();
    assert_eq!(
        all,
        vec![
            "IMAP imap.guess.test:993 TLS",
            "SMTP smtp.guess.test:465 TLS",
            "IMAP imap.guess.test:143 STARTTLS",
            "SMTP smtp.guess.test:587 STARTTLS",
        ]
    );
    assert!(r.candidates.iter().all(|c| c.trust == SourceTrust::Guess));
}

#[tokio::test]
async fn autoconfig_over_plain_http_is_marked_insecure() {
    let net = Net::start().await;
    net.dns.a("autoconfig.plain.test", LOOPBACK);
    let xml = config_xml(
        "plain.test",
        ("imap.plain.test", 993, "SSL"),
        ("pop.plain.test", 995, "SSL"),
        ("smtp.plain.test", 465, "SSL"),
    );
    net.web.http(
        "autoconfig.plain.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml),
    );
    let r = discover::discover(&email("ida@plain.test"), &net.options()).await;
    assert_eq!(
        r.source(SourceId::AutoconfigHttp).unwrap().status,
        SourceStatus::Found
    );
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::Nothing
    );
    assert!(
        r.candidates
            .iter()
            .filter(|c| c.host.ends_with("plain.test"))
            .all(|c| c.trust == SourceTrust::Insecure)
    );
}

#[tokio::test]
async fn internationalised_domains_go_out_as_punycode() {
    let net = Net::start().await;
    let xml = config_xml(
        "xn--bcher-kva.test",
        ("imap.%EMAILDOMAIN%", 993, "SSL"),
        ("pop.x.test", 995, "SSL"),
        ("smtp.x.test", 465, "SSL"),
    );
    net.web
        .https("ispdb.test", "/v1.1/xn--bcher-kva.test", Reply::Xml(xml));
    let r = discover::discover(&email("jo@Bücher.test"), &only(&net, SourceId::Ispdb)).await;
    assert_eq!(r.domain, "bücher.test");
    assert_eq!(
        r.best(Protocol::Imap).unwrap().host,
        "imap.xn--bcher-kva.test"
    );
}
