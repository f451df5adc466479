//! The orchestrator against loopback DNS and HTTPS: results stream while sources run; a slow
//! or dead source that could not outrank the answer in hand holds nobody back, one that could
//! is waited for up to its timeout, an answer of "nothing" releases the wait; duplicates merge
//! keeping every source, ranking, and disagreements — including the Spectrum article's case.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use std::time::{Duration, Instant};

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::discover::{
    self, DisagreementKind, DiscoveryEvent, SourceId, SourceStatus, SourceTrust,
};
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use tokio::sync::mpsc;

fn email(text: &str) -> EmailAddress {
    EmailAddress::parse(text).unwrap()
}

#[tokio::test]
async fn events_stream_per_source_and_end_with_the_result() {
    let net = Net::start().await;
    net.dns.a("autoconfig.stream.test", LOOPBACK);
    let xml = config_xml(
        "stream.test",
        ("imap.stream.test", 993, "SSL"),
        ("pop.stream.test", 995, "SSL"),
        ("smtp.stream.test", 465, "SSL"),
    );
    net.web.https(
        "autoconfig.stream.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml),
    );
    let (tx, mut rx) = mpsc::channel(64);
    let opts = net.options();
    let addr = email("kai@stream.test");
    let task = tokio::spawn(async move { discover::discover_with_events(&addr, &opts, tx).await });
    let mut events = Vec::new();
    while let Some(e) = rx.recv().await {
        events.push(e);
    }
    let result = task.await.unwrap();
    assert!(
        matches!(&events[0], DiscoveryEvent::Started { sources, .. } if sources.len() == SourceId::ALL.len())
    );
    let done: Vec<SourceId> = events
        .iter()
        .filter_map(|e| match e {
            DiscoveryEvent::SourceDone { report, .. } => Some(report.source),
            _ => None,
        })
        .collect();
    assert_eq!(
        done.len(),
        SourceId::ALL.len(),
        "one SourceDone per source: {done:?}"
    );
    let found = events.iter().find_map(|e| match e {
        DiscoveryEvent::SourceDone { report, candidates }
            if report.source == SourceId::Autoconfig =>
        {
            Some((report.clone(), candidates.clone()))
        }
        _ => None,
    });
    let (report, candidates) = found.unwrap();
    assert_eq!(report.status, SourceStatus::Found);
    assert_eq!(candidates.len(), 3);
    assert!(report.ms.is_some());
    match events.last().unwrap() {
        DiscoveryEvent::Finished { result: r } => assert_eq!(**r, result),
        other => panic!("last event is {other:?}"),
    }
}

#[tokio::test]
async fn provider_notes_arrive_before_anything_else_is_done() {
    let net = Net::start().await;
    net.dns.silent("icloud.com");
    let (tx, mut rx) = mpsc::channel(64);
    let opts = net.options();
    let addr = email("lee@icloud.com");
    tokio::spawn(async move { discover::discover_with_events(&addr, &opts, tx).await });
    let _started = rx.recv().await.unwrap();
    match rx.recv().await.unwrap() {
        DiscoveryEvent::ProviderKnown { notes } => {
            assert_eq!(notes.id, "icloud");
            assert!(notes.login.needs_app_password());
            assert!(
                notes
                    .app_password_url
                    .as_deref()
                    .unwrap_or("")
                    .starts_with("https://")
            );
        }
        other => panic!("expected the provider notes first, got {other:?}"),
    }
}

/// Runs discovery for `address` and returns every `SourceDone` (source, status) in order of
/// arrival, the result, and how long it took.
async fn run_streamed(
    address: &str,
    opts: discover::DiscoveryOptions,
) -> (
    Vec<(SourceId, SourceStatus)>,
    discover::DiscoveryResult,
    Duration,
) {
    let started = Instant::now();
    let (tx, mut rx) = mpsc::channel(64);
    let addr = email(address);
    let task = tokio::spawn(async move { discover::discover_with_events(&addr, &opts, tx).await });
    let mut done = Vec::new();
    while let Some(e) = rx.recv().await {
        if let DiscoveryEvent::SourceDone { report, .. } = e {
            done.push((report.source, report.status));
        }
    }
    let r = task.await.unwrap();
    (done, r, started.elapsed())
}

/// A world for `domain`: ISPDB names imap/pop/smtp.<domain> at once; every other name of the
/// domain is unknown (NXDOMAIN at once) unless a test says otherwise.
async fn ispdb_world(domain: &str) -> Net {
    let net = Net::start().await;
    let xml = config_xml(
        domain,
        (&format!("imap.{domain}"), 993, "SSL"),
        (&format!("pop.{domain}"), 995, "SSL"),
        (&format!("smtp.{domain}"), 465, "SSL"),
    );
    net.web
        .https("ispdb.test", &format!("/v1.1/{domain}"), Reply::Xml(xml));
    net
}

/// The SRV names discovery asks for `domain`.
fn srv_names(domain: &str) -> Vec<String> {
    [
        "_imaps._tcp",
        "_imap._tcp",
        "_pop3s._tcp",
        "_pop3._tcp",
        "_submissions._tcp",
        "_submission._tcp",
    ]
    .iter()
    .map(|l| format!("{l}.{domain}"))
    .collect()
}

fn loopback_options(net: &Net) -> discover::DiscoveryOptions {
    let mut opts = net.options();
    opts.deadline = Duration::from_secs(8);
    opts.source_timeout = Duration::from_secs(6);
    opts.http.timeout = Duration::from_secs(6);
    opts.dns.timeout = Duration::from_secs(6);
    opts
}

#[tokio::test]
async fn a_slow_lower_ranked_source_no_longer_delays_the_answer() {
    // ISPDB answers at once; the domain's own files are not there (NXDOMAIN, at once); SRV
    // answers after 4 s and guessing never hears back. Neither could name anything that
    // ranks above ISPDB's answer, so nobody waits for them.
    let net = ispdb_world("mixed.test").await;
    for name in srv_names("mixed.test") {
        net.dns.delay(&name, Duration::from_secs(4));
    }
    for name in ["imap", "mail", "pop", "pop3", "smtp"] {
        net.dns.silent(&format!("{name}.mixed.test"));
    }
    let (done, r, took) = run_streamed("max@mixed.test", loopback_options(&net)).await;
    assert_eq!(
        done.len(),
        SourceId::ALL.len(),
        "every source reports, also those cut short: {done:?}"
    );
    assert!(
        took < Duration::from_millis(1500),
        "finished after {took:?}"
    );
    assert_eq!(
        r.source(SourceId::Ispdb).unwrap().status,
        SourceStatus::Found
    );
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::Nothing
    );
    for cut in [SourceId::Srv, SourceId::Guess] {
        assert_eq!(
            r.source(cut).unwrap().status,
            SourceStatus::CutShort,
            "{cut}: {done:?}"
        );
    }
    assert_eq!(r.best(Protocol::Imap).unwrap().host, "imap.mixed.test");
}

#[tokio::test]
async fn a_slow_higher_ranked_source_is_still_waited_for_and_wins() {
    // ISPDB answers at once; the domain's own autoconfig file answers after 1.5 s and names
    // other servers. The domain's own word ranks above ISPDB's, so discovery waits for it,
    // and its servers come first. SRV (which ranks below both) stays silent and is cut short.
    let net = ispdb_world("own.test").await;
    net.dns.a("autoconfig.own.test", LOOPBACK);
    let own = config_xml(
        "own.test",
        ("mail.own.test", 993, "SSL"),
        ("mail.own.test", 995, "SSL"),
        ("mail.own.test", 465, "SSL"),
    );
    net.web.https(
        "autoconfig.own.test",
        "/mail/config-v1.1.xml",
        Reply::Slow(Duration::from_millis(1500), Box::new(Reply::Xml(own))),
    );
    for name in srv_names("own.test") {
        net.dns.silent(&name);
    }
    let (done, r, took) = run_streamed("max@own.test", loopback_options(&net)).await;
    assert!(
        took >= Duration::from_millis(1450) && took < Duration::from_millis(4000),
        "finished after {took:?}"
    );
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::Found,
        "{done:?}"
    );
    assert_eq!(
        r.source(SourceId::Srv).unwrap().status,
        SourceStatus::CutShort
    );
    assert_eq!(r.best(Protocol::Imap).unwrap().host, "mail.own.test");
    assert_eq!(r.best(Protocol::Smtp).unwrap().host, "mail.own.test");
}

#[tokio::test]
async fn a_slow_higher_ranked_source_is_waited_for_only_up_to_its_timeout() {
    let net = ispdb_world("late.test").await;
    net.dns.a("autoconfig.late.test", LOOPBACK);
    net.web
        .https("autoconfig.late.test", "/mail/config-v1.1.xml", Reply::Hang);
    let mut opts = loopback_options(&net);
    opts.source_timeout = Duration::from_secs(1);
    let (done, r, took) = run_streamed("max@late.test", opts).await;
    assert!(
        took >= Duration::from_millis(950) && took < Duration::from_millis(3000),
        "finished after {took:?}"
    );
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::TimedOut,
        "{done:?}"
    );
    assert_eq!(r.best(Protocol::Imap).unwrap().host, "imap.late.test");
}

#[tokio::test]
async fn a_nothing_answer_releases_the_wait() {
    // The domain's autoconfig host exists and answers 404 after 0.8 s; SRV never answers.
    // Discovery waits for the autoconfig answer (it could have ranked above ISPDB) and ends
    // when it says "nothing", not at SRV's timeout or the deadline.
    let net = ispdb_world("empty.test").await;
    net.dns.a("autoconfig.empty.test", LOOPBACK);
    net.web.https(
        "autoconfig.empty.test",
        "/mail/config-v1.1.xml",
        Reply::Slow(Duration::from_millis(800), Box::new(Reply::Status(404))),
    );
    for name in srv_names("empty.test") {
        net.dns.silent(&name);
    }
    let (done, r, took) = run_streamed("max@empty.test", loopback_options(&net)).await;
    assert!(
        took >= Duration::from_millis(750) && took < Duration::from_millis(3000),
        "finished after {took:?}"
    );
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::Nothing,
        "{done:?}"
    );
    assert_eq!(
        r.source(SourceId::Srv).unwrap().status,
        SourceStatus::CutShort
    );
    // The answer of nothing came last among the sources that mattered: right after it, the
    // sources still running were cut short.
    let at = |s: SourceId| done.iter().position(|(x, _)| *x == s).unwrap();
    assert!(at(SourceId::Autoconfig) < at(SourceId::Srv), "{done:?}");
}

#[tokio::test]
async fn without_a_trusted_answer_the_overall_deadline_ends_discovery() {
    let net = Net::start().await;
    net.dns.silent("dead.test");
    net.dns.silent("_imaps._tcp.dead.test");
    let mut opts = net.options();
    opts.deadline = Duration::from_millis(1200);
    opts.dns.timeout = Duration::from_secs(10);
    opts.source_timeout = Duration::from_secs(10);
    let started = Instant::now();
    let r = discover::discover(&email("ned@dead.test"), &opts).await;
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1150) && took < Duration::from_millis(2000),
        "{took:?}"
    );
    assert_eq!(
        r.source(SourceId::Mx).unwrap().status,
        SourceStatus::TimedOut
    );
    assert!(r.source(SourceId::Mx).unwrap().error.is_some());
}

#[tokio::test]
async fn dns_servfail_is_a_failed_source_with_the_name() {
    let net = Net::start().await;
    net.dns.servfail("broken.test");
    let mut opts = net.options();
    opts.sources = [SourceId::Mx].into_iter().collect();
    let r = discover::discover(&email("ola@broken.test"), &opts).await;
    let mx = r.source(SourceId::Mx).unwrap();
    assert_eq!(mx.status, SourceStatus::Failed);
    assert!(
        matches!(
            mx.error,
            Some(discover::SourceError::Dns(
                mailsetup::dns::DnsError::Failed { .. }
            ))
        ),
        "{:?}",
        mx.error
    );
}

#[tokio::test]
async fn duplicates_merge_and_sources_that_disagree_are_recorded() {
    let net = Net::start().await;
    // ISPDB: POP3 on 110 without encryption. The ISP's own file: POP3 on 995 with TLS.
    let ispdb = config_xml(
        "split.test",
        ("imap.split.test", 993, "SSL"),
        ("pop.split.test", 110, "plain"),
        ("smtp.split.test", 587, "STARTTLS"),
    );
    let isp = config_xml(
        "split.test",
        ("imap.split.test", 993, "SSL"),
        ("pop.split.test", 995, "SSL"),
        ("smtp.split.test", 587, "SSL"),
    );
    net.web
        .https("ispdb.test", "/v1.1/split.test", Reply::Xml(ispdb));
    // The ISP's own file comes last: it ranks above the others, so discovery waits for it,
    // and by then every source has answered (had it come first, the others would have been
    // cut short, as they could no longer rank above it).
    net.dns.a("autoconfig.split.test", LOOPBACK);
    net.web.https(
        "autoconfig.split.test",
        "/mail/config-v1.1.xml",
        Reply::Slow(Duration::from_millis(700), Box::new(Reply::Xml(isp))),
    );
    net.dns.a("imap.split.test", LOOPBACK);
    let r = discover::discover(&email("pia@split.test"), &net.options()).await;

    let imap: Vec<_> = r
        .for_protocol(Protocol::Imap)
        .filter(|c| c.port == 993)
        .collect();
    assert_eq!(imap.len(), 1, "one IMAP candidate for three sources");
    let sources: Vec<SourceId> = imap[0].sources().into_iter().collect();
    assert_eq!(
        sources,
        vec![SourceId::Autoconfig, SourceId::Ispdb, SourceId::Guess]
    );
    assert_eq!(imap[0].trust, SourceTrust::Trusted);

    let pop = r.best(Protocol::Pop3).unwrap();
    assert_eq!(
        (pop.port, pop.security),
        (995, Security::Tls),
        "TLS ranks above plain"
    );
    let d = r
        .disagreements
        .iter()
        .find(|d| d.protocol == Protocol::Pop3 && d.kind == DisagreementKind::Port)
        .expect("the POP3 port disagreement is recorded");
    assert!(
        d.claims
            .iter()
            .any(|c| c.says == "pop.split.test:995 TLS" && c.recommended)
    );
    assert!(
        d.claims
            .iter()
            .any(|c| c.says == "pop.split.test:110 plain" && !c.recommended)
    );

    let smtp = r
        .disagreements
        .iter()
        .find(|d| d.protocol == Protocol::Smtp && d.kind == DisagreementKind::Security)
        .expect("587 TLS vs STARTTLS is recorded");
    assert_eq!(smtp.claims.len(), 2);
    // Both stay candidates; the live test decides.
    assert_eq!(
        r.for_protocol(Protocol::Smtp)
            .filter(|c| c.port == 587)
            .count(),
        2
    );
}

#[tokio::test]
async fn the_articles_charter_case() {
    let net = Net::start().await;
    let r = discover::discover(&email("someone@charter.net"), &net.options()).await;
    let all: Vec<String> = r
        .candidates
        .iter()
        .map(|c| format!("{} {}", c.protocol, c.endpoint_text()))
        .collect();
    for expected in [
        "IMAP mobile.charter.net:993 TLS",
        "POP3 mobile.charter.net:995 TLS",
        "SMTP mobile.charter.net:587 TLS",
        "SMTP mobile.charter.net:587 STARTTLS",
    ] {
        assert!(
            all.contains(&expected.to_string()),
            "{expected} missing from {all:?}"
        );
    }
    assert!(
        !r.candidates.iter().any(|c| c.host == "pop.charter.net"),
        "the article's POP3 server is never a candidate"
    );
    assert_eq!(
        r.best(Protocol::Imap).unwrap().endpoint_text(),
        "mobile.charter.net:993 TLS"
    );
    assert_eq!(
        r.best(Protocol::Pop3).unwrap().endpoint_text(),
        "mobile.charter.net:995 TLS"
    );
    let pop = r
        .disagreements
        .iter()
        .find(|d| d.protocol == Protocol::Pop3 && d.kind == DisagreementKind::Published)
        .unwrap();
    assert!(
        pop.claims
            .iter()
            .any(|c| c.says == "pop.charter.net:110 TLS" && !c.recommended)
    );
    assert!(
        pop.claims
            .iter()
            .any(|c| c.says == "mobile.charter.net:995 TLS" && c.recommended)
    );
    assert!(r.disagreements.iter().any(|d| {
        d.protocol == Protocol::Imap
            && d.claims
                .iter()
                .any(|c| c.says.contains(":143") && !c.recommended)
    }));
    assert!(
        r.disagreements
            .iter()
            .any(|d| d.protocol == Protocol::Smtp && d.kind == DisagreementKind::Security)
    );
    let notes = r.provider.unwrap();
    assert_eq!(notes.id, "spectrum");
    assert_eq!(
        notes.username[&Protocol::Imap],
        discover::UsernameForm::FullAddress
    );
}
