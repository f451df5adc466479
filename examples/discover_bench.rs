//! Discovery benchmark against loopback servers: one trusted source answers at once (ISPDB),
//! one is slow (the ISP's autoconfig answers after 3 s) and one is dead (the domain's DNS
//! never answers, so MX, SRV, guessing and .well-known hang). Prints medians of
//! time-to-first-candidate, time until discovery finished, and time-to-verified-account
//! (discovery + verification against the real Dovecot, reached through a TLS relay).
//!
//! Run: `cargo run --release --example discover_bench` (needs Dovecot, as the tests do).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

#[path = "../tests/netsupport/mod.rs"]
mod netsupport;
#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use mailsetup::account::EmailAddress;
use mailsetup::discover::{self, DiscoveryEvent, DiscoveryOptions};
use mailsetup::verify::{self, VerifyOptions};
use netsupport::proxy::TlsRelay;
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use tokio::sync::mpsc;

const RUNS: usize = 7;

fn median(mut v: Vec<u128>) -> u128 {
    v.sort();
    v[v.len() / 2]
}

struct Times {
    first: u128,
    discovered: u128,
    verified: u128,
}

async fn once(email: &EmailAddress, opts: &DiscoveryOptions, verify_opts: &VerifyOptions) -> Times {
    let started = Instant::now();
    let (tx, mut rx) = mpsc::channel(64);
    let (email2, opts2) = (email.clone(), opts.clone());
    let task =
        tokio::spawn(async move { discover::discover_with_events(&email2, &opts2, tx).await });
    let mut first = None;
    while let Some(e) = rx.recv().await {
        if let DiscoveryEvent::SourceDone { candidates, .. } = &e
            && !candidates.is_empty()
            && first.is_none()
        {
            first = Some(started.elapsed().as_millis());
        }
    }
    let found = task.await.expect("discovery task");
    let discovered = started.elapsed().as_millis();
    let report = verify::verify(&found, &support::dovecot().alice.secret(), verify_opts).await;
    assert!(report.is_verified(), "verification failed: {report:#?}");
    Times {
        first: first.expect("a candidate"),
        discovered,
        verified: started.elapsed().as_millis(),
    }
}

#[tokio::main]
async fn main() {
    let net = Net::start().await;
    let d = support::dovecot();
    let ca = support::pki().ca_der.clone();
    let imap = TlsRelay::start(
        "127.0.0.1:0".parse().unwrap(),
        &net.ca,
        d.imaps.addr(),
        "localhost",
        ca.clone(),
    )
    .await
    .unwrap();
    let smtp = TlsRelay::start(
        "127.0.0.1:0".parse().unwrap(),
        &net.ca,
        d.submissions.addr(),
        "localhost",
        ca,
    )
    .await
    .unwrap();
    net.dns.a("imap.fast.test", LOOPBACK);
    net.dns.a("smtp.fast.test", LOOPBACK);
    let xml = config_xml(
        "example.test",
        ("imap.fast.test", imap.addr.port(), "SSL"),
        ("pop.fast.test", 995, "SSL"),
        ("smtp.fast.test", smtp.addr.port(), "SSL"),
    );
    // Trusted and fast: ISPDB.
    net.web
        .https("ispdb.test", "/v1.1/example.test", Reply::Xml(xml.clone()));
    // Slow: the ISP's autoconfig answers after 3 s.
    net.dns.a("autoconfig.example.test", LOOPBACK);
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Slow(Duration::from_secs(3), Box::new(Reply::Xml(xml))),
    );
    // Dead: the domain's own DNS never answers (MX, SRV, guesses, .well-known).
    for name in [
        "example.test",
        "imap.example.test",
        "pop3.example.test",
        "pop.example.test",
        "smtp.example.test",
        "mail.example.test",
    ] {
        net.dns.silent(name);
    }
    for (label, _, _) in [
        ("_imaps._tcp", 0, 0),
        ("_imap._tcp", 0, 0),
        ("_pop3s._tcp", 0, 0),
        ("_pop3._tcp", 0, 0),
        ("_submissions._tcp", 0, 0),
        ("_submission._tcp", 0, 0),
    ] {
        net.dns.silent(&format!("{label}.example.test"));
    }

    let email = EmailAddress::parse(&d.alice.address).unwrap();
    let mut opts = net.options();
    // Real-network defaults for the deadlines.
    let defaults = DiscoveryOptions::default();
    opts.deadline = defaults.deadline;
    opts.source_timeout = defaults.source_timeout;
    opts.settle = defaults.settle;
    opts.http.timeout = defaults.http.timeout;
    opts.dns.timeout = defaults.dns.timeout;
    let mut verify_opts = VerifyOptions::for_discovery(&opts).unwrap();
    verify_opts.probe.timeouts = support::short_timeouts();

    println!(
        "discover + verify, {RUNS} runs; one trusted source fast (ISPDB), one slow (autoconfig, 3 s), one dead (DNS never answers)"
    );
    println!(
        "overall deadline {:?}, per-source timeout {:?}, settling time after a complete trusted answer {:?}",
        opts.deadline, opts.source_timeout, opts.settle
    );
    for (name, settle) in [
        ("with settling (default)", opts.settle),
        ("waiting for every source", opts.deadline),
    ] {
        let mut o = opts.clone();
        o.settle = settle;
        let mut runs = Vec::new();
        for _ in 0..RUNS {
            runs.push(once(&email, &o, &verify_opts).await);
        }
        println!(
            "{name:<26} median time-to-first-candidate {:>5} ms · discovery finished {:>5} ms · time-to-verified-account {:>5} ms",
            median(runs.iter().map(|t| t.first).collect()),
            median(runs.iter().map(|t| t.discovered).collect()),
            median(runs.iter().map(|t| t.verified).collect()),
        );
    }
}
