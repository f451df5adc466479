//! The installed Linux program against the test Dovecot: what `scripts/package --check` runs
//! after installing the .deb. (The Windows exe under wine is `tests/windows_wine.rs`.)
//!
//!   package_smoke PROGRAM                 the installed Linux binary, e.g. /usr/bin/mailsetup
//!
//! `diagnose` over IMAP (implicit TLS) and SMTP (STARTTLS) with the test CA (`--ca-file`) and
//! the password on stdin must verify both; the password must appear in no output. Exits
//! non-zero when it does not.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

#[path = "../tests/support/mod.rs"]
mod support;

use std::io::Write;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security};

const DEADLINE: Duration = Duration::from_secs(180);

/// How to start the program under test.
struct Program {
    /// The binary.
    argv: Vec<String>,
    env: Vec<(String, String)>,
}

impl Program {
    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut cmd = Command::new(&self.argv[0]);
        cmd.args(&self.argv[1..])
            .args(args)
            .env_remove("RUST_LOG")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("start {:?}: {e}", self.argv));
        if let Some(text) = stdin {
            let mut pipe = child.stdin.take().expect("stdin pipe");
            pipe.write_all(text.as_bytes()).expect("write stdin");
        }
        let start = Instant::now();
        loop {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            if start.elapsed() > DEADLINE {
                let _ = child.kill();
                panic!("{:?} {args:?} ran longer than {DEADLINE:?}", self.argv);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let out = child.wait_with_output().expect("collect output");
        Output {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        }
    }
}

struct Output {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Output {
    fn both(&self) -> String {
        format!("stdout:\n{}\nstderr:\n{}", self.stdout, self.stderr)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let program = match args.as_slice() {
        [bin] => Program {
            argv: vec![bin.clone()],
            env: vec![],
        },
        _ => {
            eprintln!("usage: package_smoke PROGRAM");
            return ExitCode::from(2);
        }
    };
    let d = support::dovecot();
    let ca = d.ca_file.display().to_string();
    let imap = format!(
        "{}/tls",
        d.listener(Protocol::Imap, Security::Tls).hostport()
    );
    let smtp = format!(
        "{}/starttls",
        d.listener(Protocol::Smtp, Security::StartTls).hostport()
    );
    let password = format!("{}\n", d.alice.password);
    let diagnose = [
        "diagnose",
        &d.alice.address,
        "--imap",
        &imap,
        "--smtp",
        &smtp,
        "--ca-file",
        &ca,
        "--password-stdin",
        "--timeout",
        "20",
        "--json",
    ];

    // 1. diagnose: both servers verified.
    let out = program.run(&diagnose, Some(&password));
    no_password(&out, &d.alice.password);
    let doc: serde_json::Value = match serde_json::from_str(&out.stdout) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("FAIL diagnose: no JSON report ({e})\n{}", out.both());
            return ExitCode::FAILURE;
        }
    };
    if out.code != Some(0) || doc["verified"] != true {
        eprintln!("FAIL diagnose (exit {:?}):\n{}", out.code, out.both());
        return ExitCode::FAILURE;
    }
    println!("PASS diagnose: IMAP {imap} and SMTP {smtp} verified with --ca-file");
    ExitCode::SUCCESS
}

fn no_password(out: &Output, password: &str) {
    support::assert_no_secret("stdout", &out.stdout, "", password);
    support::assert_no_secret("stderr", &out.stderr, "", password);
}
