//! The orchestrator against loopback DNS and HTTPS: results stream while sources run, a slow
//! or dead source never holds up a trusted answer, duplicates merge keeping every source,
//! ranking, and disagreements — including the Spectrum article's case.

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

#[tokio::test]
async fn a_slow_and_a_dead_source_do_not_hold_up_a_trusted_answer() {
    let net = Net::start().await;
    // ISPDB answers at once; the ISP's autoconfig takes 3 s; DNS for the domain never answers.
    let xml = config_xml(
        "mixed.test",
        ("imap.mixed.test", 993, "SSL"),
        ("pop.mixed.test", 995, "SSL"),
        ("smtp.mixed.test", 465, "SSL"),
    );
    net.web
        .https("ispdb.test", "/v1.1/mixed.test", Reply::Xml(xml.clone()));
    net.dns.a("autoconfig.mixed.test", LOOPBACK);
    net.web.https(
        "autoconfig.mixed.test",
        "/mail/config-v1.1.xml",
        Reply::Slow(Duration::from_secs(3), Box::new(Reply::Xml(xml))),
    );
    net.dns.silent("mixed.test");
    net.dns.silent("_imaps._tcp.mixed.test");
    let mut opts = net.options();
    opts.deadline = Duration::from_secs(5);
    opts.source_timeout = Duration::from_secs(5);
    opts.http.timeout = Duration::from_secs(5);
    opts.dns.timeout = Duration::from_secs(5);
    opts.settle = Duration::from_millis(500);
    let started = Instant::now();
    let (tx, mut rx) = mpsc::channel(64);
    let task = tokio::spawn(async move {
        discover::discover_with_events(&email("max@mixed.test"), &opts, tx).await
    });
    let mut done = Vec::new();
    while let Some(e) = rx.recv().await {
        if let DiscoveryEvent::SourceDone { report, .. } = e {
            done.push((report.source, report.status));
        }
    }
    let r = task.await.unwrap();
    let took = started.elapsed();
    assert_eq!(
        done.len(),
        SourceId::ALL.len(),
        "every source reports, also those cut short: {done:?}"
    );
    assert!(done.contains(&(SourceId::Autoconfig, SourceStatus::CutShort)));
    assert!(
        r.first_candidate_ms.unwrap() < 1000,
        "{:?}",
        r.first_candidate_ms
    );
    assert!(
        took < Duration::from_millis(2500),
        "finished after {took:?}"
    );
    assert_eq!(
        r.source(SourceId::Ispdb).unwrap().status,
        SourceStatus::Found
    );
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::CutShort
    );
    assert_eq!(
        r.source(SourceId::Mx).unwrap().status,
        SourceStatus::CutShort
    );
    assert_eq!(r.best(Protocol::Imap).unwrap().host, "imap.mixed.test");
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
    net.dns.a("autoconfig.split.test", LOOPBACK);
    net.web.https(
        "autoconfig.split.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(isp),
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
