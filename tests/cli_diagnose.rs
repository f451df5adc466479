//! `mailsetup diagnose` through the real binary against the test Dovecot: a verified JSON
//! report, a wrong password, one-line errors with exit code 2 for bad input, and every output
//! mode (text, Markdown, transcript, JSON; password from stdin or the environment; trace
//! logging on) grepped for the password and its base64: zero hits.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::dovecot::{ALICE_MESSAGES, User};
use support::{assert_no_secret, dovecot};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");
/// Longer than any probe can take with `--timeout 5`.
const PROCESS_DEADLINE: Duration = Duration::from_secs(90);

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args`, the environment `env` (on top of a clean one: no RUST_LOG
/// unless given) and `stdin`, under a deadline.
fn mailsetup(args: &[String], env: &[(&str, &str)], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("RUST_LOG")
        .env_remove("P")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run the mailsetup binary");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(text.as_bytes()).expect("write stdin");
    }
    let pid = child.id();
    // Read the pipes on threads so a full pipe cannot stall the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for mailsetup") {
            break status;
        }
        if started.elapsed() > PROCESS_DEADLINE {
            let _ = child.kill();
            panic!("mailsetup (pid {pid}) ran longer than {PROCESS_DEADLINE:?}: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: out_t.join().expect("stdout reader"),
        stderr: err_t.join().expect("stderr reader"),
    }
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// `diagnose USER --imap 127.0.0.1:PORT/tls --ca-file CA --timeout 5` plus `extra`.
fn diagnose_imap(user: &User, extra: &[&str]) -> Vec<String> {
    let d = dovecot();
    let mut a = args(&[
        "diagnose",
        &user.address,
        "--imap",
        &format!("{}/tls", d.imaps.hostport()),
        "--ca-file",
        &d.ca_file.display().to_string(),
        "--timeout",
        "5",
    ]);
    a.extend(args(extra));
    a
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        )
    })
}

#[test]
fn json_report_of_a_good_password_is_verified() {
    let d = dovecot();
    let run = mailsetup(
        &diagnose_imap(&d.alice, &["--password-env", "P", "--json"]),
        &[("P", &d.alice.password)],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let doc = json(&run);
    assert_eq!(doc["email"], "alice@example.test");
    assert_eq!(doc["verified"], true);
    let server = &doc["servers"][0];
    assert_eq!(server["outcome"]["status"], "verified", "{server:#}");
    assert_eq!(server["server"]["protocol"], "imap");
    assert_eq!(server["server"]["port"], d.imaps.port);
    assert_eq!(server["server_facts"]["messages"], ALICE_MESSAGES);
    assert_eq!(server["tls"]["verified"], true);
    assert!(
        server["tls"]["certificates"][0]["sha256"]
            .as_str()
            .is_some_and(|s| s == support::pki().server.sha256)
    );
    assert!(server["steps"].as_array().is_some_and(|s| s.len() >= 5));
    // The commands that repeat the test by hand, as text and Markdown show them.
    let by_hand = server["by_hand"].as_array().expect("by_hand");
    assert!(
        by_hand[0]
            .as_str()
            .is_some_and(|c| c.starts_with("openssl s_client -connect")
                && c.contains(&d.imaps.port.to_string())),
        "{by_hand:?}"
    );
    assert!(
        by_hand.iter().any(|c| c
            .as_str()
            .is_some_and(|c| c.starts_with("curl -v") && c.contains("imaps://"))),
        "{by_hand:?}"
    );
}

#[test]
fn all_three_servers_in_one_run() {
    let d = dovecot();
    let mut a = diagnose_imap(&d.alice, &["--password-env", "P", "--json"]);
    a.extend(args(&[
        "--pop3",
        &format!("{}/starttls", d.pop3.hostport()),
        "--smtp",
        &format!("{}/tls", d.submissions.hostport()),
    ]));
    let run = mailsetup(&a, &[("P", &d.alice.password)], None);
    assert_eq!(run.code, 0, "{run:?}");
    let doc = json(&run);
    let servers = doc["servers"].as_array().expect("servers");
    let protocols: Vec<&str> = servers
        .iter()
        .map(|s| s["server"]["protocol"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(protocols, ["imap", "pop3", "smtp"]);
    for s in servers {
        assert_eq!(s["outcome"]["status"], "verified", "{s:#}");
    }
}

#[test]
fn wrong_password_exits_1_with_auth_failed() {
    let d = dovecot();
    let wrong = format!("{}x", d.alice.password);
    let run = mailsetup(
        &diagnose_imap(&d.alice, &["--password-env", "P", "--json"]),
        &[("P", &wrong)],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    let doc = json(&run);
    assert_eq!(doc["verified"], false);
    let diagnosis = &doc["servers"][0]["outcome"]["diagnosis"];
    assert_eq!(diagnosis["cause"], "auth_failed", "{diagnosis:#}");
    assert!(
        diagnosis["server_reply"]
            .as_str()
            .is_some_and(|r| r.contains("[AUTHENTICATIONFAILED]")),
        "{diagnosis:#}"
    );

    // The text report says the same in words.
    let run = mailsetup(
        &diagnose_imap(&d.alice, &["--password-env", "P"]),
        &[("P", &wrong)],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("FAIL"), "{}", run.stdout);
    assert!(run.stdout.contains("auth_failed"), "{}", run.stdout);
}

/// Exit code 2, nothing on stdout, exactly one line on stderr that says `what`.
fn assert_usage_error(run: &Run, what: &str) {
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.trim().is_empty(), "stdout: {}", run.stdout);
    let lines: Vec<&str> = run.stderr.trim_end().lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected one line on stderr: {:?}",
        run.stderr
    );
    assert!(
        lines[0].to_lowercase().contains(&what.to_lowercase()),
        "{:?} does not mention {what:?}",
        lines[0]
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn bad_arguments_exit_2_with_one_line() {
    let d = dovecot();
    let ca = d.ca_file.display().to_string();
    let imap = format!("{}/tls", d.imaps.hostport());
    let pw = [("P", d.alice.password.as_str())];
    let base = |email: &str, server: &str, ca: &str| {
        args(&[
            "diagnose",
            email,
            "--imap",
            server,
            "--ca-file",
            ca,
            "--password-env",
            "P",
        ])
    };

    let run = mailsetup(&base("alice.example.test", &imap, &ca), &pw, None);
    assert_usage_error(&run, "alice.example.test");

    let run = mailsetup(
        &base("alice@example.test", "127.0.0.1:70000/tls", &ca),
        &pw,
        None,
    );
    assert_usage_error(&run, "70000");

    let run = mailsetup(
        &base("alice@example.test", "127.0.0.1:993/ssl3", &ca),
        &pw,
        None,
    );
    assert_usage_error(&run, "ssl3");

    let missing = d.dir.join("no-such-ca.pem").display().to_string();
    let run = mailsetup(&base("alice@example.test", &imap, &missing), &pw, None);
    assert_usage_error(&run, "no-such-ca.pem");

    let run = mailsetup(&base("alice@example.test", &imap, &ca), &[("P", "")], None);
    assert_usage_error(&run, "password");

    let mut stdin_args = base("alice@example.test", &imap, &ca);
    stdin_args.truncate(6);
    stdin_args.push("--password-stdin".into());
    let run = mailsetup(&stdin_args, &[], Some("\n"));
    assert_usage_error(&run, "password");

    // Without server flags diagnose discovers; only IMAP or POP3 can be asked for.
    let run = mailsetup(
        &args(&[
            "diagnose",
            "alice@example.test",
            "--protocol",
            "smtp",
            "--password-env",
            "P",
        ]),
        &pw,
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("imap or pop3"), "{}", run.stderr);
}

/// Every output mode, with the password from stdin and from the environment, trace logging
/// on, good and wrong passwords, all three protocols: no output holds the password.
#[test]
fn no_output_of_any_mode_contains_the_password() {
    let d = dovecot();
    let servers = [
        "--imap".to_string(),
        format!("{}/tls", d.imaps.hostport()),
        "--pop3".to_string(),
        format!("{}/starttls", d.pop3.hostport()),
        "--smtp".to_string(),
        format!("{}/starttls", d.submission.hostport()),
    ];
    let mut runs = 0;
    let mut saw_trace = false;
    for user in [&d.alice, &d.unicode] {
        for (password, expect_code) in [
            (user.password.clone(), 0),
            (format!("{}!", user.password), 1),
        ] {
            for mode in [&[][..], &["--json"], &["--markdown"], &["--transcript"]] {
                for source in ["env", "stdin"] {
                    for rust_log in [None, Some("trace")] {
                        let mut a = args(&[
                            "diagnose",
                            &user.address,
                            "--ca-file",
                            &d.ca_file.display().to_string(),
                            "--timeout",
                            "5",
                        ]);
                        a.extend(servers.iter().cloned());
                        a.extend(args(mode));
                        let mut env: Vec<(&str, &str)> = Vec::new();
                        let stdin_text = format!("{password}\n");
                        let stdin = if source == "env" {
                            a.extend(args(&["--password-env", "P"]));
                            env.push(("P", &password));
                            None
                        } else {
                            a.push("--password-stdin".into());
                            Some(stdin_text.as_str())
                        };
                        if let Some(level) = rust_log {
                            env.push(("RUST_LOG", level));
                        }
                        let run = mailsetup(&a, &env, stdin);
                        runs += 1;
                        assert_eq!(run.code, expect_code, "{a:?}\n{run:?}");
                        for (what, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                            // The real password and the one typed (wrong = real + "!").
                            for pw in [&user.password, &password] {
                                assert_no_secret(
                                    &format!("{what} of {a:?} (RUST_LOG={rust_log:?})"),
                                    text,
                                    &user.address,
                                    pw,
                                );
                            }
                        }
                        if mode == ["--json"] {
                            json(&run);
                        }
                        if rust_log.is_some() && !run.stderr.trim().is_empty() {
                            saw_trace = true;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(runs, 2 * 2 * 4 * 2 * 2);
    assert!(
        saw_trace,
        "RUST_LOG=trace produced no log lines: the log was not checked"
    );
}

#[test]
fn report_file_holds_the_markdown_report_with_version_system_and_utc_time() {
    let d = dovecot();
    let wrong = format!("{}x", d.alice.password);
    let file = support::run_dir().join(format!("report-{}.md", std::process::id()));
    let run = mailsetup(
        &diagnose_imap(
            &d.alice,
            &[
                "--password-env",
                "P",
                "--markdown",
                "--report",
                &file.display().to_string(),
            ],
        ),
        &[("P", &wrong)],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    let written = std::fs::read_to_string(&file).expect("the report file");
    // The file is the report --markdown prints, from the same run.
    assert_eq!(written.trim_end(), run.stdout.trim_end());
    assert_no_secret("the report file", &written, &d.alice.address, &wrong);
    for expected in [
        format!("| App | mailsetup {} |", env!("CARGO_PKG_VERSION")),
        format!(
            "| System | {} {}",
            std::env::consts::OS,
            std::env::consts::ARCH
        ),
        " UTC |".into(),
        "[AUTHENTICATIONFAILED]".into(),
        "**Advice:**".into(),
        "**TLS:** TLSv1.3".into(),
        "**Sign-in offered:**".into(),
    ] {
        assert!(written.contains(&expected), "{expected}:\n{written}");
    }

    // The JSON document carries the same header.
    let run = mailsetup(
        &diagnose_imap(&d.alice, &["--password-env", "P", "--json"]),
        &[("P", &wrong)],
        None,
    );
    let doc = json(&run);
    assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        doc["os"]
            .as_str()
            .is_some_and(|os| os.starts_with(std::env::consts::OS)),
        "{doc:#}"
    );
    let at = doc["generated_at"].as_str().expect("generated_at");
    assert!(
        at.ends_with('Z') && at.len() >= 20,
        "not UTC RFC 3339: {at}"
    );
}
