//! Probe benchmark against the real test Dovecot on loopback (a program, not a timed test).
//!
//! `cargo run --release --example probe_bench [-- --runs N] [--rtt-only]` starts Dovecot as
//! the tests do and prints medians over N runs (default 15); `--rtt-only` prints only the
//! round-trip table:
//! - one IMAP verification (implicit TLS, sign in, EXAMINE INBOX, LOGOUT);
//! - IMAP + POP3 + SMTP verified one after another vs concurrently (`probe_all`), and the
//!   ratio of the concurrent run to the slowest single protocol, straight to Dovecot (on
//!   loopback the run is bound by CPU, shared with Dovecot);
//! - the round-trip table: each protocol in both TLS modes (implicit TLS and STARTTLS)
//!   through a delay proxy of `RTT` (50 ms), with round trips = time ÷ RTT, and the same
//!   corrected for CPU ((time through the proxy − time on loopback) ÷ RTT); then the three
//!   protocols one after another and concurrently, per mode (target: concurrent at most
//!   1.1× the slowest single one). The proxy accepts on loopback at once, so the TCP
//!   handshake costs no round trip here; on a real network add one;
//! - time to a diagnosis for a port that never answers (its TCP connect never completes),
//!   which must equal the configured connect deadline (2 s here), not minutes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::probe::{Cause, ProbeOptions, probe, probe_all};

const CONNECT_DEADLINE: Duration = Duration::from_secs(2);
/// Delay added in each direction by the proxy of the second measurement.
const ONE_WAY: Duration = Duration::from_millis(25);
/// The round trip the proxy adds.
const RTT: Duration = Duration::from_millis(50);

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// CPU time (user + system) of a process from /proc, in ms; with `children`, the CPU of its
/// finished children instead (Dovecot's login, auth and mail processes).
fn cpu_ms(pid: &str, children: bool) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the ")" that closes the command name: state is field 3.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // utime, stime, cutime, cstime are fields 14..=17, i.e. 11..=14 after the ")".
    let ticks = if children {
        f.get(13).copied().unwrap_or(0.0) + f.get(14).copied().unwrap_or(0.0)
    } else {
        f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)
    };
    ticks * 10.0 // USER_HZ is 100 on Linux
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn verify_one(s: &ServerSettings, opts: &ProbeOptions) -> f64 {
    let d = support::dovecot();
    let started = Instant::now();
    let report = probe(s, &d.alice.secret(), opts).await;
    let took = ms(started.elapsed());
    assert!(
        report.is_verified(),
        "{} did not verify: {:?}",
        s,
        report.diagnosis()
    );
    took
}

fn main() {
    let runs: usize = std::env::args()
        .skip_while(|a| a != "--runs")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(15)
        .max(1);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let rtt_only = std::env::args().any(|a| a == "--rtt-only");
    rt.block_on(bench(runs, rtt_only));
}

async fn bench(runs: usize, rtt_only: bool) {
    let started = Instant::now();
    let d = support::dovecot();
    println!(
        "Dovecot up in {:.0} ms (pid {}); {runs} runs per figure; loopback, {} CPUs",
        ms(started.elapsed()),
        d.pid,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
    let opts = support::options();
    if rtt_only {
        round_trips(d, &opts, runs).await;
        return;
    }
    let imap = d.settings(Protocol::Imap, Security::Tls, &d.alice);
    let pop3 = d.settings(Protocol::Pop3, Security::Tls, &d.alice);
    let smtp = d.settings(Protocol::Smtp, Security::Tls, &d.alice);
    let all = [imap.clone(), pop3.clone(), smtp.clone()];

    // Warm-up: first TLS handshakes, Dovecot's login and mail processes.
    for s in &all {
        verify_one(s, &opts).await;
    }

    let cpu_before = (cpu_ms("self", false), cpu_ms(&d.pid.to_string(), true));
    let mut single = [Vec::new(), Vec::new(), Vec::new()];
    let mut sequential = Vec::new();
    let mut concurrent = Vec::new();
    let mut spawned = Vec::new();
    for _ in 0..runs {
        for (i, s) in all.iter().enumerate() {
            single[i].push(verify_one(s, &opts).await);
        }
        let t = Instant::now();
        for s in &all {
            verify_one(s, &opts).await;
        }
        sequential.push(ms(t.elapsed()));
        let t = Instant::now();
        let reports = probe_all(&all, &d.alice.secret(), &opts).await;
        concurrent.push(ms(t.elapsed()));
        for r in &reports {
            assert!(
                r.is_verified(),
                "{} did not verify: {:?}",
                r.server,
                r.diagnosis()
            );
        }
        // The same, each probe on its own runtime task (so on both worker threads).
        let t = Instant::now();
        let mut set = tokio::task::JoinSet::new();
        for s in all.clone() {
            let o = opts.clone();
            set.spawn(async move { probe(&s, &support::dovecot().alice.secret(), &o).await });
        }
        while let Some(r) = set.join_next().await {
            assert!(r.expect("probe task").is_verified());
        }
        spawned.push(ms(t.elapsed()));
    }
    let probes = (runs * 12) as f64;
    let client_cpu = (cpu_ms("self", false) - cpu_before.0) / probes;
    let server_cpu = (cpu_ms(&d.pid.to_string(), true) - cpu_before.1) / probes;
    let [imap_ms, pop3_ms, smtp_ms] = single.map(median);
    let slowest = imap_ms.max(pop3_ms).max(smtp_ms);
    let seq = median(sequential);
    let conc = median(concurrent);
    let spawn = median(spawned);
    println!("one IMAP verification (TLS, sign in, EXAMINE, LOGOUT): {imap_ms:7.1} ms");
    println!("one POP3 verification (TLS, sign in, STAT, QUIT):     {pop3_ms:7.1} ms");
    println!("one SMTP verification (TLS, EHLO, sign in, QUIT):    {smtp_ms:7.1} ms");
    println!("IMAP + POP3 + SMTP one after another:                {seq:7.1} ms");
    println!("IMAP + POP3 + SMTP concurrently (probe_all):         {conc:7.1} ms");
    println!("IMAP + POP3 + SMTP concurrently, one task each:       {spawn:7.1} ms");
    println!(
        "concurrent / slowest single: {:.2}x; concurrent / sequential: {:.2}x",
        conc / slowest,
        conc / seq
    );

    println!(
        "CPU per verification: mailsetup {client_cpu:.1} ms, Dovecot {server_cpu:.1} ms \
         (both share the {} CPUs: on loopback the concurrent run is bound by CPU, not by waiting)",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );

    // The same through a proxy that delays every byte by ONE_WAY in each direction, as a
    // real network does: now the run waits on round trips, not on the CPU. Every protocol in
    // both TLS modes (implicit TLS on 127.0.0.1, STARTTLS on 127.0.0.2).
    round_trips(d, &opts, runs).await;

    // A port whose connect never completes: the diagnosis must come at the connect deadline.
    let hole = support::faults::blackhole();
    let mut o = support::options();
    o.timeouts.connect = CONNECT_DEADLINE;
    let hole_runs = runs.min(5);
    let mut waits = Vec::new();
    for _ in 0..hole_runs {
        let t = Instant::now();
        let report = probe(
            &hole.settings(Protocol::Imap, Security::Tls),
            &d.alice.secret(),
            &o,
        )
        .await;
        waits.push(ms(t.elapsed()));
        assert_eq!(
            report.diagnosis().map(|x| x.cause),
            Some(Cause::ConnectionTimeout)
        );
    }
    println!(
        "port that never answers -> connection_timeout after: {:7.1} ms (connect deadline {} ms, {hole_runs} runs)",
        median(waits),
        CONNECT_DEADLINE.as_millis()
    );
}

/// Median time of one verification of each server, `runs` times.
async fn medians(servers: &[ServerSettings], opts: &ProbeOptions, runs: usize) -> Vec<f64> {
    let mut times = vec![Vec::new(); servers.len()];
    for _ in 0..runs {
        for (i, s) in servers.iter().enumerate() {
            times[i].push(verify_one(s, opts).await);
        }
    }
    times.into_iter().map(median).collect()
}

/// The round-trip table: every protocol in both TLS modes, on loopback and through the delay
/// proxy, then each mode's three protocols one after another and concurrently.
async fn round_trips(d: &support::dovecot::Dovecot, opts: &ProbeOptions, runs: usize) {
    let rtt = ms(RTT);
    println!(
        "round trips through a delay proxy of {rtt:.0} ms RTT ({} ms each way; the proxy \
         accepts at once, so TCP's handshake is not counted: add 1 on a real network)",
        ONE_WAY.as_millis()
    );
    println!(
        "  {:<18} {:>9} {:>9} {:>7} {:>9}",
        "probe", "loopback", "proxied", "÷ RTT", "−CPU ÷RTT"
    );
    for security in [Security::Tls, Security::StartTls] {
        let direct: Vec<ServerSettings> = [Protocol::Imap, Protocol::Pop3, Protocol::Smtp]
            .into_iter()
            .map(|p| d.settings(p, security, &d.alice))
            .collect();
        let mut proxied = Vec::new();
        for s in &direct {
            let target = format!("{}:{}", s.host, s.port).parse().expect("address");
            let mut p = s.clone();
            // The proxy listens on 127.0.0.1 (the test certificate names it too).
            p.host = "127.0.0.1".into();
            p.port = support::delay::proxy(target, ONE_WAY, ONE_WAY).await;
            proxied.push(p);
        }
        for s in direct.iter().chain(&proxied) {
            verify_one(s, opts).await;
        }
        let local = medians(&direct, opts, runs).await;
        let slow = medians(&proxied, opts, runs).await;
        for (i, s) in direct.iter().enumerate() {
            println!(
                "  {:<18} {:>6.1} ms {:>6.1} ms {:>7.2} {:>9.2}",
                format!("{} {}", s.protocol, security_name(security)),
                local[i],
                slow[i],
                slow[i] / rtt,
                (slow[i] - local[i]) / rtt
            );
        }
        let mut sequential = Vec::new();
        let mut concurrent = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            for s in &proxied {
                verify_one(s, opts).await;
            }
            sequential.push(ms(t.elapsed()));
            let t = Instant::now();
            let reports = probe_all(&proxied, &d.alice.secret(), opts).await;
            concurrent.push(ms(t.elapsed()));
            assert!(reports.iter().all(|r| r.is_verified()));
        }
        let slowest = slow.iter().copied().fold(0.0, f64::max);
        let seq = median(sequential);
        let conc = median(concurrent);
        println!(
            "  {:<18} {:>9} {:>6.1} ms {:>7.2}",
            format!("all three {}, in turn", security_name(security)),
            "",
            seq,
            seq / rtt
        );
        println!(
            "  {:<18} {:>9} {:>6.1} ms {:>7.2}   concurrent / slowest single: {:.2}x (target <= 1.10x)",
            format!("all three {}, at once", security_name(security)),
            "",
            conc,
            conc / rtt,
            conc / slowest
        );
    }
}

fn security_name(s: Security) -> &'static str {
    match s {
        Security::Tls => "TLS",
        Security::StartTls => "STARTTLS",
        Security::Plain => "plain",
    }
}
