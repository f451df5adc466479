//! Soak run: many consecutive diagnoses in one process, watching for leaks (a program, not a
//! timed test).
//!
//! `cargo run --release --example soak [-- --runs N] [--transcripts DIR]` starts the test
//! Dovecot and the fault servers exactly as the tests do (`tests/support`), then runs N
//! (default 1,000) probes one after another, cycling through: IMAP, POP3 and SMTP that
//! verify against Dovecot (implicit TLS and STARTTLS), a wrong password, and the faults —
//! a port that closes at once, a garbage greeting, an HTTP server, a TLS alert, a refused
//! port, a silent server (greeting deadline). Each probe must end with the expected verdict.
//! Every 100 runs it prints the resident set size (VmRSS) and the number of open file
//! descriptions of the process; at the end it compares the last figures with those after
//! the first 100 runs (warm-up) and exits non-zero when either grew by more than the
//! tolerance (RSS 8 MiB, descriptors 8).
//!
//! `--transcripts DIR` also writes, once per protocol, what Dovecot said in a verifying
//! STARTTLS conversation (one file per protocol): the seeds of the fuzz targets come from
//! these.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::probe::{Cause, Direction, ProbeOptions, ProbeReport, Timeouts, probe};
use secrecy::SecretString;

const RSS_TOLERANCE_KIB: u64 = 8 * 1024;
const FD_TOLERANCE: usize = 8;

/// One kind of diagnosis and what it must end with (`None`: verified).
struct Case {
    name: &'static str,
    settings: ServerSettings,
    password: SecretString,
    expect: Option<Cause>,
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| d.count())
        .unwrap_or(0)
}

fn cases(silent_port: u16) -> Vec<Case> {
    use support::faults;
    let d = support::dovecot();
    let alice = &d.alice;
    let ok = |name, protocol, security| Case {
        name,
        settings: d.settings(protocol, security, alice),
        password: alice.secret(),
        expect: None,
    };
    // Fault servers live as long as the process (their listeners must stay open).
    let fault = |name, server: faults::FaultServer, protocol, security, expect| {
        let settings = server.settings(protocol, security);
        std::mem::forget(server);
        Case {
            name,
            settings,
            password: SecretString::from("not-the-password"),
            expect: Some(expect),
        }
    };
    let mut refused = faults::close_at_once().settings(Protocol::Imap, Security::Tls);
    refused.port = faults::refused_port();
    let mut silent = faults::close_at_once().settings(Protocol::Pop3, Security::StartTls);
    silent.port = silent_port;
    vec![
        ok("imap tls", Protocol::Imap, Security::Tls),
        ok("imap starttls", Protocol::Imap, Security::StartTls),
        ok("pop3 tls", Protocol::Pop3, Security::Tls),
        ok("pop3 starttls", Protocol::Pop3, Security::StartTls),
        ok("smtp tls", Protocol::Smtp, Security::Tls),
        ok("smtp starttls", Protocol::Smtp, Security::StartTls),
        Case {
            name: "imap wrong password",
            settings: d.settings(Protocol::Imap, Security::Tls, alice),
            password: SecretString::from("wrong password"),
            expect: Some(Cause::AuthFailed),
        },
        fault(
            "closes at once",
            faults::close_at_once(),
            Protocol::Imap,
            Security::StartTls,
            Cause::ConnectionClosed,
        ),
        fault(
            "garbage greeting",
            faults::garbage_greeting(),
            Protocol::Smtp,
            Security::StartTls,
            Cause::WrongProtocol,
        ),
        fault(
            "http",
            faults::http(),
            Protocol::Imap,
            Security::Tls,
            Cause::WrongProtocol,
        ),
        fault(
            "tls alert",
            faults::tls_alert_only(),
            Protocol::Pop3,
            Security::Tls,
            Cause::TlsHandshakeFailed,
        ),
        Case {
            name: "refused port",
            settings: refused,
            password: SecretString::from("x"),
            expect: Some(Cause::ConnectionRefused),
        },
        Case {
            name: "silent",
            settings: silent,
            password: SecretString::from("x"),
            expect: Some(Cause::GreetingTimeout),
        },
    ]
}

fn write_transcript(dir: &std::path::Path, case: &Case, report: &ProbeReport) {
    let said: String = report
        .transcript
        .iter()
        .filter(|l| l.direction == Direction::Received)
        .map(|l| format!("{}\r\n", l.text))
        .collect();
    let name = format!("dovecot-{}.txt", case.name.replace(' ', "-"));
    if let Err(e) = std::fs::write(dir.join(&name), said) {
        eprintln!("could not write {name}: {e}");
    }
}

fn main() {
    let mut runs: usize = 1000;
    let mut transcripts: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--transcripts" => transcripts = args.next().map(PathBuf::from),
            other => panic!("unknown argument {other} (use --runs N, --transcripts DIR)"),
        }
    }
    let silent = support::faults::silent();
    let cases = cases(silent.port);
    let mut opts: ProbeOptions = support::options();
    opts.timeouts = Timeouts {
        greeting: Duration::from_millis(600),
        ..support::short_timeouts()
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");

    if let Some(dir) = &transcripts {
        std::fs::create_dir_all(dir).expect("create the transcripts folder");
        for case in cases
            .iter()
            .filter(|c| c.expect.is_none() && c.settings.security == Security::StartTls)
        {
            let report = rt.block_on(probe(&case.settings, &case.password, &opts));
            write_transcript(dir, case, &report);
        }
    }

    println!(
        "{:>6}  {:>10}  {:>4}  {:>8}",
        "runs", "RSS (KiB)", "fds", "seconds"
    );
    let started = Instant::now();
    let mut first: Option<(u64, usize)> = None;
    let mut last = (0, 0);
    for i in 0..runs {
        let case = &cases[i % cases.len()];
        let report = rt.block_on(probe(&case.settings, &case.password, &opts));
        let cause = report.diagnosis().map(|d| d.cause);
        assert_eq!(
            cause,
            case.expect,
            "run {i} ({}): {:?}",
            case.name,
            report.diagnosis()
        );
        if (i + 1) % 100 == 0 {
            last = (rss_kib(), open_fds());
            first.get_or_insert(last);
            println!(
                "{:>6}  {:>10}  {:>4}  {:>8.1}",
                i + 1,
                last.0,
                last.1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    let Some((rss0, fds0)) = first else {
        return;
    };
    let rss_growth = last.0.saturating_sub(rss0);
    let fd_growth = last.1.saturating_sub(fds0);
    println!(
        "after the first 100 runs → after {runs}: RSS {rss0} → {} KiB (+{rss_growth}), open \
         descriptors {fds0} → {} (+{fd_growth})",
        last.0, last.1
    );
    if rss_growth > RSS_TOLERANCE_KIB || fd_growth > FD_TOLERANCE {
        eprintln!("not flat: a leak?");
        std::process::exit(1);
    }
    println!("flat: no leak");
}
