//! The probe's DNS causes, through the hickory-based resolver pointed at the loopback DNS
//! server: a name that does not exist is `dns_not_found`; a name server that fails or never
//! answers is `dns_failed` — both within the deadline, both at the resolve step.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use std::sync::Arc;
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::dns::{DnsSettings, HickoryDns};
use mailsetup::probe::{self, Cause, CertTrust, ProbeOptions, StepKind, Timeouts};
use netsupport::{DnsServer, LOOPBACK};
use secrecy::SecretString;

fn imap(host: &str) -> ServerSettings {
    ServerSettings {
        protocol: Protocol::Imap,
        host: host.into(),
        port: 993,
        security: Security::Tls,
        username: "someone@example.test".into(),
    }
}

async fn probe_via(
    dns: &DnsServer,
    host: &str,
    dns_timeout: Duration,
) -> (probe::ProbeReport, Duration) {
    let resolver = HickoryDns::new(&DnsSettings {
        server: Some(dns.addr),
        timeout: dns_timeout,
    })
    .unwrap();
    let mut opts = ProbeOptions::new(CertTrust::platform().unwrap());
    opts.resolver = Arc::new(resolver);
    opts.timeouts = Timeouts::uniform(Duration::from_secs(3));
    let password = SecretString::from("not used".to_string());
    let started = Instant::now();
    let report = probe::probe(&imap(host), &password, &opts).await;
    (report, started.elapsed())
}

#[tokio::test]
async fn a_name_that_does_not_exist_is_dns_not_found() {
    let dns = DnsServer::start().await;
    dns.a("other.example.test", LOOPBACK);
    let (report, took) = probe_via(&dns, "imap.nowhere.test", Duration::from_secs(2)).await;
    let d = report.diagnosis().expect("a failed probe");
    assert_eq!(d.cause, Cause::DnsNotFound, "{d:?}");
    assert_eq!(d.step, StepKind::Resolve);
    assert!(took < Duration::from_secs(1), "{took:?}");
    assert!(
        dns.seen().iter().any(|(n, _)| n == "imap.nowhere.test"),
        "the loopback server was asked"
    );
}

#[tokio::test]
async fn servfail_is_dns_failed() {
    let dns = DnsServer::start().await;
    dns.servfail("imap.broken.test");
    let (report, took) = probe_via(&dns, "imap.broken.test", Duration::from_secs(2)).await;
    let d = report.diagnosis().expect("a failed probe");
    assert_eq!(d.cause, Cause::DnsFailed, "{d:?}");
    assert_eq!(d.step, StepKind::Resolve);
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn a_name_server_that_never_answers_is_dns_failed_within_the_deadline() {
    let dns = DnsServer::start().await;
    dns.silent("imap.silent.test");
    let (report, took) = probe_via(&dns, "imap.silent.test", Duration::from_millis(800)).await;
    let d = report.diagnosis().expect("a failed probe");
    assert_eq!(d.cause, Cause::DnsFailed, "{d:?}");
    assert!(
        took >= Duration::from_millis(700) && took < Duration::from_secs(2),
        "{took:?}"
    );
}

#[tokio::test]
async fn a_name_that_exists_resolves_to_its_loopback_address() {
    let dns = DnsServer::start().await;
    dns.a("imap.here.test", LOOPBACK);
    // Nothing listens on 127.0.0.1:993 here: resolving works, connecting does not.
    let (report, _) = probe_via(&dns, "imap.here.test", Duration::from_secs(2)).await;
    assert_eq!(report.server_facts.addresses, vec!["127.0.0.1".to_string()]);
    let d = report.diagnosis().expect("nothing listens there");
    assert_ne!(d.step, StepKind::Resolve);
}
