//! Hostile servers against the real `mailsetup diagnose` binary: an EHLO of 200 long lines of
//! unique AUTH tokens, 1,000 IMAP CAPABILITY lines of 16 KiB, a greeting that never ends, a
//! greeting sent one byte a second. Each run must end with a diagnosis inside its deadline, and
//! the child's peak memory (VmHWM, read by `wait4` as `ru_maxrss`) must stay within 64 MB of an
//! idle run's. Also: control sequences in what a server says never reach the terminal, and a
//! password or user name with CR, LF or NUL is refused before any connection.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security};
use mailsetup::probe::{self, Cause, CertTrust, ProbeOptions, StepKind};
use secrecy::SecretString;
use serde_json::Value;
use support::faults::{self, FaultServer, hold, serve};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");
const PASSWORD: &str = "hostile-test-pw";
/// The per-step deadline given to the binary.
const STEP_SECS: u64 = 3;
/// Peak memory a hostile server may add over an idle run.
const MEMORY_BOUND_KB: i64 = 64 * 1024;

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    took: Duration,
    /// Peak resident set of the child, in KiB.
    peak_kb: i64,
}

/// Runs the binary, reads its pipes on threads and reaps it with `wait4`, which reports the
/// child's own peak resident set size. Killed (and the test failed) after 60 s.
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which std cannot see
fn mailsetup(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let mut child = cmd.spawn().expect("run the mailsetup binary");
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: a plain wait4 on our own child with valid out-pointers.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break (status, usage);
        }
        assert!(r == 0, "wait4 failed: {}", std::io::Error::last_os_error());
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("mailsetup ran longer than 60 s: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = started.elapsed();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    Run {
        code,
        stdout: out_t.join().expect("stdout reader"),
        stderr: err_t.join().expect("stderr reader"),
        took,
        peak_kb: usage.ru_maxrss,
    }
}

/// `diagnose` of one plaintext server with the test password, as JSON or as text.
fn diagnose(flag: &str, port: u16, extra: &[&str]) -> Run {
    let server = format!("127.0.0.1:{port}/plain");
    let secs = STEP_SECS.to_string();
    let mut args = vec![
        "diagnose",
        "alice@example.test",
        flag,
        &server,
        "--password-env",
        "MST_HOSTILE_PW",
        "--allow-plaintext",
        "--timeout",
        &secs,
    ];
    args.extend_from_slice(extra);
    let run = mailsetup(&args, &[("MST_HOSTILE_PW", PASSWORD)]);
    assert!(
        !run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD),
        "the password leaked: {run:?}"
    );
    run
}

/// The cause code of the only server in a JSON report.
fn cause(run: &Run) -> String {
    let doc: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    doc["servers"][0]["outcome"]["diagnosis"]["cause"]
        .as_str()
        .unwrap_or_else(|| panic!("no diagnosis: {}", run.stdout))
        .to_string()
}

/// Writes `data` until the client goes away.
fn write_all_or_stop(conn: &mut TcpStream, data: &[u8]) -> bool {
    conn.write_all(data).is_ok()
}

/// Reads one line from the client (what it sent is not checked).
fn read_command(conn: &mut TcpStream) -> bool {
    let mut byte = [0u8; 1];
    loop {
        match conn.read(&mut byte) {
            Ok(1) if byte[0] == b'\n' => return true,
            Ok(1) => {}
            _ => return false,
        }
    }
}

/// Unique AUTH tokens filling a line of about `len` bytes.
fn auth_tokens(line: usize, len: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < len {
        s.push_str(&format!(" X-{line}-{i}"));
        i += 1;
    }
    s
}

/// SMTP: an EHLO reply of 200 lines, each about 16 KiB of unique AUTH mechanisms.
fn wide_ehlo() -> FaultServer {
    serve(|mut conn, _| {
        if !write_all_or_stop(&mut conn, b"220 hostile.test ESMTP\r\n") || !read_command(&mut conn)
        {
            return;
        }
        for i in 0..200 {
            let sep = if i == 199 { ' ' } else { '-' };
            let line = format!("250{sep}AUTH{}\r\n", auth_tokens(i, 16 * 1024 - 16));
            if !write_all_or_stop(&mut conn, line.as_bytes()) {
                return;
            }
        }
        hold(conn);
    })
}

/// IMAP: 1,000 CAPABILITY lines of 16 KiB each.
fn capability_flood() -> FaultServer {
    serve(|mut conn, _| {
        if !write_all_or_stop(&mut conn, b"* OK hostile.test IMAP ready\r\n")
            || !read_command(&mut conn)
        {
            return;
        }
        for i in 0..1000 {
            let line = format!(
                "* CAPABILITY IMAP4rev1{}\r\n",
                auth_tokens(i, 16 * 1024 - 32)
            );
            if !write_all_or_stop(&mut conn, line.as_bytes()) {
                return;
            }
        }
        let _ = conn.write_all(b"m1 OK done\r\n");
        hold(conn);
    })
}

/// IMAP: a greeting line that never ends.
fn endless_line() -> FaultServer {
    serve(|mut conn, _| {
        let chunk = vec![b'A'; 64 * 1024];
        if !write_all_or_stop(&mut conn, b"* OK ") {
            return;
        }
        while write_all_or_stop(&mut conn, &chunk) {}
    })
}

/// IMAP: the greeting, one byte a second.
fn trickle() -> FaultServer {
    serve(|mut conn, _| {
        for b in b"* OK trickle.test IMAP ready\r\n" {
            if !write_all_or_stop(&mut conn, &[*b]) {
                return;
            }
            std::thread::sleep(Duration::from_secs(1));
        }
        hold(conn);
    })
}

#[test]
fn hostile_servers_end_in_a_diagnosis_within_the_deadline_and_the_memory_bound() {
    // Idle: a refused port, the least work a diagnosis can be.
    let idle = diagnose("--imap", faults::refused_port(), &["--json"]);
    assert_eq!(cause(&idle), "connection_refused", "{idle:?}");
    eprintln!("idle run: peak {} KiB in {:?}", idle.peak_kb, idle.took);

    let deadline = Duration::from_secs(STEP_SECS);
    let cases: Vec<(&str, &str, FaultServer, &str, Duration)> = vec![
        (
            "200-line EHLO of unique AUTH tokens",
            "--smtp",
            wide_ehlo(),
            "protocol_error",
            deadline,
        ),
        (
            "1,000 CAPABILITY lines of 16 KiB",
            "--imap",
            capability_flood(),
            "protocol_error",
            deadline,
        ),
        (
            "a greeting that never ends",
            "--imap",
            endless_line(),
            "protocol_error",
            deadline,
        ),
        (
            "a greeting one byte a second",
            "--imap",
            trickle(),
            "greeting_timeout",
            // The greeting deadline itself, plus the time to start and report.
            deadline + Duration::from_secs(2),
        ),
    ];
    for (name, flag, server, expected, limit) in cases {
        let run = diagnose(flag, server.port, &["--json"]);
        let extra_kb = run.peak_kb - idle.peak_kb;
        eprintln!(
            "{name}: {} in {:?}, peak {} KiB ({extra_kb:+} KiB over idle), {} bytes of JSON",
            cause(&run),
            run.took,
            run.peak_kb,
            run.stdout.len()
        );
        assert_eq!(run.code, 1, "{name}: {run:?}");
        assert_eq!(cause(&run), expected, "{name}");
        assert!(run.took < limit, "{name}: took {:?}", run.took);
        assert!(
            extra_kb < MEMORY_BOUND_KB,
            "{name}: peak {} KiB is {extra_kb} KiB over the idle {} KiB",
            run.peak_kb,
            idle.peak_kb
        );
        // The report itself stays small: the transcript is bounded.
        assert!(
            run.stdout.len() < 1024 * 1024,
            "{name}: {} bytes",
            run.stdout.len()
        );
    }
}

/// Every control character but newline and tab, and the bidirectional overrides.
fn assert_no_control(out: &str) {
    for c in out.chars() {
        assert!(
            !((c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{c:?} reached the terminal:\n{out}"
        );
    }
}

#[test]
fn terminal_control_sequences_from_a_server_are_neutralised_in_text_and_markdown() {
    // Clears the screen, retitles the terminal, hides text and reverses it; then hangs up.
    let server = serve(|mut conn, _| {
        let _ = conn.write_all(
            "* OK \u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[8m hidden \u{9b}0m \u{202e}gpj.exe ``` fence\r\n"
                .as_bytes(),
        );
    });
    for mode in [&["--transcript"][..], &["--markdown"][..]] {
        let run = diagnose("--imap", server.port, mode);
        assert_eq!(run.code, 1, "{run:?}");
        assert_no_control(&run.stdout);
        assert!(run.stdout.contains("\\x1b]0;owned\\x07"), "{}", run.stdout);
        assert!(run.stdout.contains("\\u{202e}gpj.exe"), "{}", run.stdout);
    }
    let md = diagnose("--imap", server.port, &["--markdown"]);
    assert!(
        md.stdout.contains("\n````\n"),
        "a fence longer than ```: {}",
        md.stdout
    );
}

#[test]
fn a_password_or_user_name_with_a_line_break_is_refused_before_any_connection() {
    let server = serve(|conn, _| hold(conn));
    let target = format!("127.0.0.1:{}/plain", server.port);
    for (user, pw, what) in [
        (
            "alice@example.test",
            "pw\r\nA2 LOGOUT",
            "the password contains a line break",
        ),
        (
            "alice@example.test\r\nx",
            "pw",
            "the user name contains a line break",
        ),
    ] {
        let run = mailsetup(
            &[
                "diagnose",
                "alice@example.test",
                "--imap",
                &target,
                "--username",
                user,
                "--password-env",
                "MST_HOSTILE_PW",
            ],
            &[("MST_HOSTILE_PW", pw)],
        );
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.starts_with(&format!("error: {what}")), "{run:?}");
        assert!(!run.stderr.contains("LOGOUT"), "{run:?}");
    }
    assert_eq!(server.connections(), 0);
}

#[tokio::test]
async fn the_engine_refuses_cr_lf_and_nul_for_every_protocol_without_connecting() {
    let server = serve(|conn, _| hold(conn));
    let opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).unwrap());
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        for (user, pw) in [
            (faults::USER, "pw\nQUIT"),
            (faults::USER, "pw\0x"),
            ("alice\r\n", "pw"),
        ] {
            let mut settings = server.settings(protocol, Security::Tls);
            settings.username = user.to_string();
            let report = probe::probe(&settings, &SecretString::from(pw), &opts).await;
            let d = report.diagnosis().expect("refused");
            assert_eq!(d.cause, Cause::UnsendableCredentials, "{protocol:?} {d:?}");
            assert_eq!(d.step, StepKind::Authenticate);
            assert!(d.cause.is_credentials());
            assert!(report.transcript.is_empty(), "{:?}", report.transcript);
        }
    }
    assert_eq!(server.connections(), 0);
}

#[tokio::test]
async fn cancelling_a_probe_stops_reading_a_trickling_server_at_once() {
    let server = trickle();
    let mut opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).unwrap());
    opts.allow_plaintext = true;
    let settings = server.settings(Protocol::Imap, Security::Plain);
    let password = SecretString::from(PASSWORD);
    let run = probe::probe(&settings, &password, &opts);
    // Dropped (cancelled) mid-greeting, well before any deadline.
    assert!(
        tokio::time::timeout(Duration::from_millis(1500), run)
            .await
            .is_err()
    );
    // The server's next byte finds the connection gone: its handler ends.
    let started = Instant::now();
    while server.finished() < server.connections() {
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "the connection outlived the cancel"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(server.connections() >= 1);
}
