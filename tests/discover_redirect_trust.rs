//! What a fetched provider file is worth is decided by the URL mailsetup asked for, never by
//! where redirects ended (RFC 6186 §6 and the consent rule): a plain-HTTP URL stays plain HTTP
//! when it redirects to HTTPS, and an HTTPS answer that a redirect fetched from another domain
//! no longer vouches for the hosts it names — for the domain's autoconfig, ISPDB and the MX
//! route alike. Served by the real loopback DNS and HTTP(S) servers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use mailsetup::account::EmailAddress;
use mailsetup::discover::{self, Candidate, Channel, SourceId, SourceTrust, Vouch};
use netsupport::{LOOPBACK, Net, Reply, config_xml};

const PATH: &str = "/mail/config-v1.1.xml";

fn xml(domain: &str, host: &str) -> String {
    config_xml(
        domain,
        (&format!("imap.{host}"), 993, "SSL"),
        (&format!("pop.{host}"), 995, "SSL"),
        (&format!("smtp.{host}"), 465, "SSL"),
    )
}

async fn run(net: &Net, source: SourceId) -> Vec<Candidate> {
    let mut o = net.options();
    o.sources = [source].into_iter().collect();
    // A redirect to another host never leads to a loopback address DNS gave; these tests'
    // redirect targets are named the way a technician would, with --resolve.
    for h in [
        "config.hoster.test",
        "www.example.test",
        "mirror.elsewhere.test",
    ] {
        o.add_resolve(&format!("{h}=127.0.0.1")).unwrap();
    }
    let email = EmailAddress::parse("ann@example.test").unwrap();
    let r = discover::discover(&email, &o).await;
    assert!(!r.candidates.is_empty(), "{:#?}", r.sources);
    r.candidates
}

#[tokio::test]
async fn an_autoconfig_redirect_off_the_domain_no_longer_vouches() {
    let net = Net::start().await;
    for h in ["autoconfig.example.test", "config.hoster.test"] {
        net.dns.a(h, LOOPBACK);
    }
    let to = net.web.url(true, "config.hoster.test", "/example.xml");
    net.web
        .https("autoconfig.example.test", PATH, Reply::Redirect(to.clone()));
    net.web.https(
        "config.hoster.test",
        "/example.xml",
        Reply::Xml(xml("example.test", "hoster.test")),
    );
    for c in run(&net, SourceId::Autoconfig).await {
        assert_eq!(
            c.vouch,
            Vouch::Unvouched {
                source: SourceId::Autoconfig,
                channel: Channel::RedirectedOff { to: to.clone() }
            },
            "{c:#?}"
        );
        let q = c.consent_question("example.test").unwrap();
        assert!(
            q.contains(&format!("sent mailsetup on to {to}, outside example.test")),
            "{q}"
        );
    }
}

#[tokio::test]
async fn an_autoconfig_redirect_inside_the_domain_still_vouches() {
    let net = Net::start().await;
    for h in ["autoconfig.example.test", "www.example.test"] {
        net.dns.a(h, LOOPBACK);
    }
    let to = net.web.url(true, "www.example.test", "/mail.xml");
    net.web
        .https("autoconfig.example.test", PATH, Reply::Redirect(to));
    net.web.https(
        "www.example.test",
        "/mail.xml",
        Reply::Xml(xml("example.test", "hoster.test")),
    );
    for c in run(&net, SourceId::Autoconfig).await {
        assert_eq!(
            c.vouch,
            Vouch::BoundBy {
                source: SourceId::Autoconfig
            }
        );
        assert_eq!(c.trust, SourceTrust::Trusted);
    }
}

#[tokio::test]
async fn plain_http_stays_plain_http_after_a_redirect_to_https() {
    let net = Net::start().await;
    net.dns.a("autoconfig.example.test", LOOPBACK);
    let to = net.web.url(true, "autoconfig.example.test", "/secure.xml");
    net.web
        .http("autoconfig.example.test", PATH, Reply::Redirect(to));
    net.web.https(
        "autoconfig.example.test",
        "/secure.xml",
        Reply::Xml(xml("example.test", "example.test")),
    );
    for c in run(&net, SourceId::AutoconfigHttp).await {
        assert_eq!(c.trust, SourceTrust::Insecure, "{c:#?}");
        // Even hosts inside the domain need confirming when only plain HTTP named them.
        assert!(!c.vouch.is_vouched(), "{c:#?}");
        assert!(
            c.consent_question("example.test")
                .unwrap()
                .contains("over plain HTTP")
        );
    }
}

#[tokio::test]
async fn an_ispdb_answer_from_another_site_does_not_vouch() {
    let net = Net::start().await;
    net.dns.a("mirror.elsewhere.test", LOOPBACK);
    let to = net.web.url(true, "mirror.elsewhere.test", "/example.test");
    net.web
        .https("ispdb.test", "/v1.1/example.test", Reply::Redirect(to));
    net.web.https(
        "mirror.elsewhere.test",
        "/example.test",
        Reply::Xml(xml("example.test", "hoster.test")),
    );
    for c in run(&net, SourceId::Ispdb).await {
        assert!(
            matches!(
                &c.vouch,
                Vouch::Unvouched {
                    source: SourceId::Ispdb,
                    channel: Channel::RedirectedOff { .. }
                }
            ),
            "{c:#?}"
        );
    }
}

#[tokio::test]
async fn an_mx_provider_file_asked_over_plain_http_is_insecure_whatever_the_redirects() {
    let net = Net::start().await;
    net.dns.mx("example.test", 10, "mx1.hoster.test");
    // The ISPDB base URL is plain HTTP; the server sends the request on to HTTPS.
    let to = net.web.url(true, "ispdb.test", "/v1.1s/hoster.test");
    net.web
        .http("ispdb.test", "/v1.1/hoster.test", Reply::Redirect(to));
    net.web.https(
        "ispdb.test",
        "/v1.1s/hoster.test",
        Reply::Xml(xml("hoster.test", "hoster.test")),
    );
    let mut o = net.options();
    o.ispdb_url = format!("http://ispdb.test:{}/v1.1/", net.web.port);
    o.sources = [SourceId::Mx].into_iter().collect();
    let email = EmailAddress::parse("ann@example.test").unwrap();
    let r = discover::discover(&email, &o).await;
    assert!(!r.candidates.is_empty(), "{:#?}", r.sources);
    for c in &r.candidates {
        assert_eq!(c.trust, SourceTrust::Insecure, "{c:#?}");
        assert!(!c.vouch.is_vouched());
    }
}

#[tokio::test]
async fn srv_targets_outside_the_domain_are_unvouched_and_inside_it_vouched() {
    let net = Net::start().await;
    net.dns
        .srv("_imaps._tcp.example.test", 0, 1, 993, "imap.other.test");
    net.dns.srv(
        "_submissions._tcp.example.test",
        0,
        1,
        465,
        "smtp.example.test",
    );
    let found = run(&net, SourceId::Srv).await;
    let by_host = |h: &str| found.iter().find(|c| c.host == h).unwrap();
    assert_eq!(by_host("smtp.example.test").vouch, Vouch::OwnDomain);
    let other = by_host("imap.other.test");
    assert_eq!(
        other.consent_question("example.test").unwrap(),
        "Mail for example.test is handled by imap.other.test — found in example.test's DNS \
         service (SRV) records, not confirmed by example.test."
    );
    // Vouched-for hosts rank first.
    assert_eq!(found[0].host, "smtp.example.test");
}
