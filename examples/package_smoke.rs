//! The installed programs against the test Dovecot: what `scripts/package --check` runs after
//! installing the .deb, and with the cross-built Windows exe under wine.
//!
//!   package_smoke PROGRAM                 the installed Linux binary, e.g. /usr/bin/mailsetup
//!   package_smoke --wine PREFIX EXE       the Windows exe under wine (64-bit, private WINEPREFIX)
//!
//! In order: `diagnose` over IMAP (implicit TLS) and SMTP (STARTTLS) with the test CA
//! (`--ca-file`) and the password on stdin must verify both; the password must appear in no
//! output. Under wine it then tries the keychain round trip through the Credential Manager
//! (`diagnose --save`, then `accounts check ID` with the stored password). Wine 8 (Debian 12)
//! cannot set up the Windows certificate verification at all: then it says so, runs
//! `accounts list` instead, and the TLS parts count as not run, never as passed. Exits
//! non-zero when a required step fails.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

#[path = "../tests/support/mod.rs"]
mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security};

const DEADLINE: Duration = Duration::from_secs(180);

/// How to start the program under test.
struct Program {
    /// `wine64` and the exe, or just the binary.
    argv: Vec<String>,
    env: Vec<(String, String)>,
    wine: bool,
}

impl Program {
    /// A host path as the program sees it (wine maps `/` to drive Z:).
    fn path(&self, p: &Path) -> String {
        if self.wine {
            format!("Z:{}", p.display()).replace('/', "\\")
        } else {
            p.display().to_string()
        }
    }

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
        [flag, prefix, exe] if flag == "--wine" => Program {
            argv: vec!["wine".into(), exe.clone()],
            env: vec![
                ("WINEPREFIX".into(), prefix.clone()),
                ("WINEDEBUG".into(), "-all".into()),
                // No Mono or Gecko installer dialogs when the prefix is made.
                (
                    "WINEDLLOVERRIDES".into(),
                    "mscoree,mshtml=;winemenubuilder.exe=d".into(),
                ),
            ],
            wine: true,
        },
        [bin] => Program {
            argv: vec![bin.clone()],
            env: vec![],
            wine: false,
        },
        _ => {
            eprintln!("usage: package_smoke PROGRAM | package_smoke --wine PREFIX EXE");
            return ExitCode::from(2);
        }
    };
    let d = support::dovecot();
    let ca = program.path(&d.ca_file);
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
    if program.wine && out.code == Some(2) && out.stderr.contains("certificate verification") {
        // Wine 8's crypt32 cannot set up the Windows certificate verification that
        // rustls-platform-verifier asks for (with or without --ca-file), so no TLS test and
        // no save can run under it. What still runs: the exe, its argument handling, the
        // accounts file. Real Windows runs all of it (the CI and release workflows build it).
        println!(
            "NOT RUN under wine: diagnose and the Credential Manager round trip: {}",
            out.stderr.trim()
        );
        let dir = tempfile::tempdir().expect("config dir");
        let mut env = program.env.clone();
        env.push(("MAILSETUP_CONFIG_DIR".into(), program.path(dir.path())));
        let lister = Program {
            argv: program.argv.clone(),
            env,
            wine: true,
        };
        let out = lister.run(&["accounts", "list"], None);
        if out.code != Some(0) {
            eprintln!(
                "FAIL accounts list under wine (exit {:?}):\n{}",
                out.code,
                out.both()
            );
            return ExitCode::FAILURE;
        }
        println!("PASS accounts list under wine: {}", out.stdout.trim());
        return ExitCode::SUCCESS;
    }
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
    if !program.wine {
        return ExitCode::SUCCESS;
    }

    // 2. Under wine: the keychain round trip through the Credential Manager, if wine can.
    let dir = tempfile::Builder::new()
        .prefix("mailsetup-wine-config-")
        .tempdir()
        .expect("config dir");
    let config = program.path(dir.path());
    let mut save: Vec<&str> = diagnose.to_vec();
    save.extend(["--save", "--config-dir", &config, "--name", "Alice"]);
    let out = program.run(&save, Some(&password));
    no_password(&out, &d.alice.password);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    let Some(id) = doc["saved"]["id"].as_str() else {
        println!(
            "NOT RUN keychain round trip: wine could not save (exit {:?}); what it said:\n{}",
            out.code,
            out.both()
        );
        return ExitCode::SUCCESS;
    };
    println!(
        "PASS diagnose --save: saved as {id} in {}",
        doc["saved"]["keychain"]
    );
    let file = std::fs::read_to_string(dir.path().join("accounts.json")).unwrap_or_default();
    support::assert_no_secret("accounts.json", &file, &d.alice.address, &d.alice.password);
    let mut check = program.env.clone();
    check.push(("MAILSETUP_CONFIG_DIR".into(), config.clone()));
    let checker = Program {
        argv: program.argv.clone(),
        env: check,
        wine: true,
    };
    let out = checker.run(&["accounts", "check", id, "--ca-file", &ca], None);
    no_password(&out, &d.alice.password);
    if out.code != Some(0) || !out.stdout.contains("PASS") {
        eprintln!(
            "FAIL accounts check with the stored password (exit {:?}):\n{}",
            out.code,
            out.both()
        );
        return ExitCode::FAILURE;
    }
    println!("PASS accounts check {id}: verified with the password from the Credential Manager");
    let out = checker.run(&["accounts", "remove", id, "--force"], None);
    println!("accounts remove {id}: exit {:?}", out.code);
    let _: PathBuf = dir.keep();
    ExitCode::SUCCESS
}

fn no_password(out: &Output, password: &str) {
    support::assert_no_secret("stdout", &out.stdout, "", password);
    support::assert_no_secret("stderr", &out.stderr, "", password);
}
