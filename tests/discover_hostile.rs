//! Hostile and broken autoconfig answers, served by the real loopback HTTPS server: each is
//! rejected with a clear, typed error within its deadline, never a hang or a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use std::time::{Duration, Instant};

use mailsetup::account::EmailAddress;
use mailsetup::discover::{
    self, ConfigError, DiscoveryResult, FetchError, SourceError, SourceId, SourceStatus,
};
use netsupport::{LOOPBACK, Net, Reply, config_xml};

const PATH: &str = "/mail/config-v1.1.xml";

/// Serves `reply` as the ISP autoconfig of `domain` and runs only that source.
async fn autoconfig_answering(
    net: &Net,
    domain: &str,
    reply: Reply,
) -> (DiscoveryResult, Duration) {
    let host = format!("autoconfig.{domain}");
    net.dns.a(&host, LOOPBACK);
    net.web.https(&host, PATH, reply);
    let mut o = net.options();
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let started = Instant::now();
    let r = discover::discover(&EmailAddress::parse(&format!("x@{domain}")).unwrap(), &o).await;
    (r, started.elapsed())
}

fn error(r: &DiscoveryResult) -> &SourceError {
    let report = r.source(SourceId::Autoconfig).unwrap();
    assert_eq!(report.status, SourceStatus::Failed, "{report:?}");
    report
        .error
        .as_ref()
        .expect("a failed source carries its error")
}

#[tokio::test]
async fn a_dtd_with_entities_is_refused() {
    let net = Net::start().await;
    let xml = r#"<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><clientConfig>&b;</clientConfig>"#;
    let (r, _) = autoconfig_answering(&net, "dtd.test", Reply::Xml(xml.into())).await;
    assert!(
        matches!(
            error(&r),
            SourceError::Config {
                error: ConfigError::Dtd,
                ..
            }
        ),
        "{:?}",
        error(&r)
    );
}

#[tokio::test]
async fn a_ten_megabyte_body_is_cut_off_at_the_cap() {
    let net = Net::start().await;
    let (r, took) = autoconfig_answering(&net, "huge.test", Reply::Huge(10 * 1024 * 1024)).await;
    assert!(
        matches!(
            error(&r),
            SourceError::Http(FetchError::TooLarge { limit: 262144, .. })
        ),
        "{:?}",
        error(&r)
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn ten_thousand_nested_elements_hit_the_node_limit() {
    let net = Net::start().await;
    let deep = format!(
        "<clientConfig>{}{}</clientConfig>",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    let mut o = net.options();
    o.http.max_body = 1024 * 1024;
    net.dns.a("autoconfig.deep.test", LOOPBACK);
    net.web
        .https("autoconfig.deep.test", PATH, Reply::Xml(deep));
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("x@deep.test").unwrap(), &o).await;
    assert!(
        matches!(
            error(&r),
            SourceError::Config {
                error: ConfigError::TooManyNodes { .. },
                ..
            }
        ),
        "{:?}",
        error(&r)
    );
}

#[tokio::test]
async fn a_redirect_loop_is_detected() {
    let net = Net::start().await;
    let a = net.web.url(true, "autoconfig.loop.test", PATH);
    let b = net.web.url(true, "autoconfig.loop.test", "/other");
    net.web
        .https("autoconfig.loop.test", "/other", Reply::Redirect(a));
    let (r, _) = autoconfig_answering(&net, "loop.test", Reply::Redirect(b)).await;
    assert!(
        matches!(
            error(&r),
            SourceError::Http(FetchError::RedirectLoop { .. })
        ),
        "{:?}",
        error(&r)
    );
}

#[tokio::test]
async fn an_endless_redirect_chain_stops_at_the_limit() {
    let net = Net::start().await;
    for i in 0..10 {
        let next = net
            .web
            .url(true, "autoconfig.chain.test", &format!("/r{}", i + 1));
        net.web.https(
            "autoconfig.chain.test",
            &format!("/r{i}"),
            Reply::Redirect(next),
        );
    }
    let first = net.web.url(true, "autoconfig.chain.test", "/r0");
    let (r, _) = autoconfig_answering(&net, "chain.test", Reply::Redirect(first)).await;
    assert!(
        matches!(
            error(&r),
            SourceError::Http(FetchError::TooManyRedirects { .. })
        ),
        "{:?}",
        error(&r)
    );
}

#[tokio::test]
async fn a_redirect_from_https_to_http_is_refused_and_not_followed() {
    let net = Net::start().await;
    let xml = config_xml(
        "down.test",
        ("evil.test", 143, "plain"),
        ("evil.test", 110, "plain"),
        ("evil.test", 25, "plain"),
    );
    net.web
        .http("autoconfig.down.test", "/evil", Reply::Xml(xml));
    let to = net.web.url(false, "autoconfig.down.test", "/evil");
    let (r, _) = autoconfig_answering(&net, "down.test", Reply::Redirect(to)).await;
    assert!(
        matches!(
            error(&r),
            SourceError::Http(FetchError::InsecureRedirect { .. })
        ),
        "{:?}",
        error(&r)
    );
    assert!(
        !net.web.seen().iter().any(|s| s.path == "/evil"),
        "the http:// URL must never be fetched"
    );
    assert!(r.candidates.is_empty());
}

#[tokio::test]
async fn a_body_that_is_not_utf8_is_rejected() {
    let net = Net::start().await;
    let body = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><clientConfig><d>\xe9\xe8</d></clientConfig>".to_vec();
    let (r, _) = autoconfig_answering(&net, "latin.test", Reply::Bytes(body)).await;
    assert!(
        matches!(
            error(&r),
            SourceError::Config {
                error: ConfigError::NotUtf8 { .. },
                ..
            }
        ),
        "{:?}",
        error(&r)
    );
}

#[tokio::test]
async fn garbage_instead_of_http_is_an_error() {
    let net = Net::start().await;
    let (r, took) = autoconfig_answering(
        &net,
        "junk.test",
        Reply::Garbage(b"\x00\x01SSH-2.0-nonsense\r\n\xff".to_vec()),
    )
    .await;
    assert!(
        matches!(
            error(&r),
            SourceError::Http(FetchError::Other { .. } | FetchError::Connect { .. })
        ),
        "{:?}",
        error(&r)
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn an_html_page_is_not_a_config() {
    let net = Net::start().await;
    let (r, _) = autoconfig_answering(
        &net,
        "html.test",
        Reply::Xml("<html><body>Welcome</body></html>".into()),
    )
    .await;
    assert!(
        matches!(
            error(&r),
            SourceError::Config {
                error: ConfigError::NotClientConfig { .. },
                ..
            }
        ),
        "{:?}",
        error(&r)
    );
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_on_the_request_deadline() {
    let net = Net::start().await;
    let mut o = net.options();
    o.http.timeout = Duration::from_millis(700);
    net.dns.a("autoconfig.hang.test", LOOPBACK);
    net.web.https("autoconfig.hang.test", PATH, Reply::Hang);
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let started = Instant::now();
    let r = discover::discover(&EmailAddress::parse("x@hang.test").unwrap(), &o).await;
    let took = started.elapsed();
    assert!(
        matches!(error(&r), SourceError::Http(FetchError::Timeout { .. })),
        "{:?}",
        error(&r)
    );
    assert!(
        took >= Duration::from_millis(650) && took < Duration::from_millis(1500),
        "{took:?}"
    );
}

#[tokio::test]
async fn a_certificate_from_an_unknown_ca_is_refused() {
    let net = Net::start().await;
    let mut o = net.options();
    o.extra_roots.clear();
    net.dns.a("autoconfig.badca.test", LOOPBACK);
    net.web.https(
        "autoconfig.badca.test",
        PATH,
        Reply::Xml("<clientConfig/>".into()),
    );
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("x@badca.test").unwrap(), &o).await;
    assert!(
        matches!(error(&r), SourceError::Http(FetchError::Tls { .. })),
        "{:?}",
        error(&r)
    );
}

#[tokio::test]
async fn a_host_where_nothing_listens_is_nothing_not_a_failure() {
    let net = Net::start().await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut o = net.options();
    o.http.port = Some(closed);
    net.dns.a("autoconfig.closed.test", LOOPBACK);
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("x@closed.test").unwrap(), &o).await;
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::Nothing,
        "{:?}",
        r.source(SourceId::Autoconfig)
    );
}
