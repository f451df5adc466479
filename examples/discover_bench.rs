//! Discovery benchmark against loopback servers and the real Dovecot (reached through TLS
//! relays), in two worlds:
//!
//! - **held-out style**: ISPDB knows the domain and answers at once; every other source
//!   answers "nothing" at once (no such names in DNS, no files). Prints medians of the time
//!   until discovery returned, until the engine verified both servers (`discover` + `verify`,
//!   as `mailsetup diagnose`), and address → verified in the window's path: the wizard and the
//!   runtime, from Next on the account page until both servers verified (the window tests the
//!   vouched servers while the protocol page shows, so no click is counted).
//! - **slow own file, dead DNS**: ISPDB answers at once, the domain's own autoconfig file after
//!   3 s, and the domain's DNS never answers. The domain's own files rank above ISPDB, so
//!   discovery waits for them — the autoconfig file until it answers, `.well-known` until the
//!   per-source timeout — and for nothing else.
//!
//! Run: `cargo run --release --example discover_bench` (needs Dovecot, as the tests do; the
//! README figures are from the debug build, `cargo run --example discover_bench`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

#[path = "../tests/netsupport/mod.rs"]
mod netsupport;
#[path = "../tests/support/mod.rs"]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use mailsetup::account::EmailAddress;
use mailsetup::discover::{self, DiscoveryEvent, DiscoveryOptions};
use mailsetup::runtime::{Runtime, RuntimeConfig};
use mailsetup::verify::{self, VerifyOptions};
use mailsetup::wizard::{Event, Wizard};
use netsupport::proxy::TlsRelay;
use netsupport::{LOOPBACK, Net, Reply, config_xml};
use secrecy::SecretString;
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

/// The window's path without the drawing: the wizard's events and effects through the real
/// runtime. Returns (lookup ended, both servers verified), in ms from Next on the account page.
fn window_once(config: &RuntimeConfig, address: &str, password: &str) -> (u128, u128) {
    let (mut rt, rx) = Runtime::new(config.clone(), Arc::new(|| {})).expect("runtime");
    let mut w = Wizard::new();
    let run = |w: &mut Wizard, rt: &mut Runtime, e: Event| {
        for effect in w.handle(e) {
            rt.execute(effect);
        }
    };
    run(&mut w, &mut rt, Event::EmailEdited(address.into()));
    run(
        &mut w,
        &mut rt,
        Event::PasswordEdited(SecretString::from(password.to_string())),
    );
    let started = Instant::now();
    run(&mut w, &mut rt, Event::Next);
    let mut looked_up = None;
    while !w.all_verified() {
        let e = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the runtime answers");
        run(&mut w, &mut rt, e);
        if looked_up.is_none() && w.page() == mailsetup::wizard::Page::Protocol {
            looked_up = Some(started.elapsed().as_millis());
        }
        let failed = w
            .tests()
            .any(|t| t.state == mailsetup::wizard::TestState::Failed);
        assert!(
            !failed,
            "a test failed: {:?}",
            w.tests().collect::<Vec<_>>()
        );
    }
    let verified = started.elapsed().as_millis();
    (looked_up.unwrap_or(verified), verified)
}

/// Real-network defaults for the deadlines.
fn real_deadlines(opts: &mut DiscoveryOptions) {
    let defaults = DiscoveryOptions::default();
    opts.deadline = defaults.deadline;
    opts.source_timeout = defaults.source_timeout;
    opts.http.timeout = defaults.http.timeout;
    opts.dns.timeout = defaults.dns.timeout;
}

#[tokio::main]
async fn main() {
    let d = support::dovecot();
    let email = EmailAddress::parse(&d.alice.address).unwrap();

    // Held-out style.
    let net = Net::start().await;
    let relay = |upstream| {
        TlsRelay::start(
            "127.0.0.1:0".parse().unwrap(),
            &net.ca,
            upstream,
            "localhost",
            support::pki().ca_der.clone(),
        )
    };
    let imap = relay(d.imaps.addr()).await.unwrap();
    let smtp = relay(d.submissions.addr()).await.unwrap();
    net.dns.a("imap.fast.test", LOOPBACK);
    net.dns.a("smtp.fast.test", LOOPBACK);
    let xml = config_xml(
        "example.test",
        ("imap.fast.test", imap.addr.port(), "SSL"),
        ("pop.fast.test", 995, "SSL"),
        ("smtp.fast.test", smtp.addr.port(), "SSL"),
    );
    net.web
        .https("ispdb.test", "/v1.1/example.test", Reply::Xml(xml.clone()));
    let mut opts = net.options();
    real_deadlines(&mut opts);
    let mut verify_opts = VerifyOptions::for_discovery(&opts).unwrap();
    verify_opts.probe.timeouts = support::short_timeouts();

    println!(
        "{RUNS} runs each; overall deadline {:?}, per-source timeout {:?}",
        opts.deadline, opts.source_timeout
    );
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        runs.push(once(&email, &opts, &verify_opts).await);
    }
    println!(
        "held-out style (ISPDB at once, every other source \"nothing\" at once): median \
         first candidate {} ms · discover returned {} ms · engine verified {} ms",
        median(runs.iter().map(|t| t.first).collect()),
        median(runs.iter().map(|t| t.discovered).collect()),
        median(runs.iter().map(|t| t.verified).collect()),
    );

    let mut config = RuntimeConfig::new(vec![net.ca.cert_der()]).expect("trust");
    config.set_discovery(opts.clone());
    config.probe.timeouts = support::short_timeouts();
    let config_dir = tempfile::tempdir().unwrap();
    config.config_dir = Some(config_dir.path().to_path_buf());
    let (address, password) = (d.alice.address.clone(), d.alice.password.clone());
    let window = tokio::task::spawn_blocking(move || {
        (0..RUNS)
            .map(|_| window_once(&config, &address, &password))
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    println!(
        "held-out style, the window's path (wizard + runtime): median lookup ended {} ms · \
         address → verified {} ms",
        median(window.iter().map(|t| t.0).collect()),
        median(window.iter().map(|t| t.1).collect()),
    );

    // Slow own file, dead DNS: the same ISPDB answer, the autoconfig file after 3 s.
    net.dns.a("autoconfig.example.test", LOOPBACK);
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Slow(Duration::from_secs(3), Box::new(Reply::Xml(xml))),
    );
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
    for label in [
        "_imaps._tcp",
        "_imap._tcp",
        "_pop3s._tcp",
        "_pop3._tcp",
        "_submissions._tcp",
        "_submission._tcp",
    ] {
        net.dns.silent(&format!("{label}.example.test"));
    }
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        runs.push(once(&email, &opts, &verify_opts).await);
    }
    println!(
        "slow own file (autoconfig after 3 s), dead DNS: median first candidate {} ms · \
         discover returned {} ms · engine verified {} ms",
        median(runs.iter().map(|t| t.first).collect()),
        median(runs.iter().map(|t| t.discovered).collect()),
        median(runs.iter().map(|t| t.verified).collect()),
    );
}
