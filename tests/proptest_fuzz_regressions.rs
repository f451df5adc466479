//! Replays the fuzz targets' inputs through the library with the targets' own checks: every
//! committed seed (`fuzz/seeds/TARGET/`) and every input a fuzzer once crashed on
//! (`tests/fuzz_regressions/TARGET/`, one file per crash, named after what it found). A crash
//! found by `scripts/fuzz` becomes a regression test by copying its artifact there.
//!
//! Also checks that the Dovecot seeds are what they claim: the plaintext sessions verify,
//! the wrong-password ones end in `auth_failed`, so the fuzzer starts from conversations
//! that reach the sign-in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mailsetup::account::{EmailAddress, Endpoint, Protocol, Security, ServerSettings};
use mailsetup::discover::config_v11::{Limits, parse};
use mailsetup::probe::fuzzing::converse;
use mailsetup::probe::{CertTrust, ProbeOptions, ProbeReport, Redactor};
use mailsetup::store::file::{parse_accounts, render_accounts};
use secrecy::SecretString;

/// The fuzz targets' account (fuzz/src/lib.rs).
const PASSWORD: &str = "Fz-pw\"ä\\9";
const USERNAME: &str = "alice@example.com";

const TARGETS: [&str; 8] = [
    "autoconfig_xml",
    "imap_session",
    "pop3_session",
    "smtp_session",
    "redactor",
    "accounts_file",
    "endpoint",
    "email_address",
];

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        root.join("fuzz/seeds").join(target),
        root.join("tests/fuzz_regressions").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).expect("read an input");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// The session targets: first byte = security (bits 0–1) and read chunk size (bits 2–4).
fn session(protocol: Protocol, data: &[u8]) -> ProbeReport {
    let (security, chunk, script) = match data.split_first() {
        None => (Security::Plain, 1, data),
        Some((&first, script)) => (
            match first & 3 {
                1 => Security::StartTls,
                2 => Security::Tls,
                _ => Security::Plain,
            },
            [1, 2, 3, 7, 64, 512, 4096, 65536][usize::from((first >> 2) & 7)],
            script,
        ),
    };
    let settings = ServerSettings {
        protocol,
        host: "mail.example.com".into(),
        port: protocol.default_port(security),
        security,
        username: USERNAME.into(),
    };
    let mut opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).expect("trust"));
    opts.allow_plaintext = true;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime");
    let report = rt.block_on(converse(
        &settings,
        &SecretString::from(PASSWORD),
        &opts,
        script,
        chunk,
    ));
    // As typed, IMAP-quoted (also what Debug makes of it), base64, SASL PLAIN. A server
    // that echoes the password gets it masked like everything else it says.
    let forms = [
        PASSWORD.to_string(),
        PASSWORD.replace('\\', "\\\\").replace('"', "\\\""),
        B64.encode(PASSWORD),
        B64.encode(format!("\0{USERNAME}\0{PASSWORD}")),
    ];
    for out in [
        format!("{report:?}"),
        mailsetup::report::text(&report, true),
        mailsetup::report::markdown(&report),
        serde_json::to_string(&report).expect("json"),
    ] {
        for form in &forms {
            assert!(
                !out.contains(form.as_str()),
                "{form:?} reached an output:\n{out}"
            );
        }
    }
    if !report.is_verified() {
        assert!(report.diagnosis().is_some());
    }
    report
}

fn replay(target: &str, data: &[u8]) {
    match target {
        "autoconfig_xml" => {
            if let Ok(config) = parse(data, Limits::default()) {
                let email = EmailAddress::parse("jörg.o'neil@bücher.example").expect("address");
                for server in &config.servers {
                    assert!(server.port > 0);
                    let _ = (server.host_for(&email), server.username_for(&email));
                }
            }
        }
        "imap_session" => drop(session(Protocol::Imap, data)),
        "pop3_session" => drop(session(Protocol::Pop3, data)),
        "smtp_session" => drop(session(Protocol::Smtp, data)),
        "redactor" => {
            let Some((&n, rest)) = data.split_first() else {
                return;
            };
            let n = usize::from(n % 16) + 1;
            if rest.len() < n {
                return;
            }
            let password = String::from_utf8_lossy(&rest[..n]).into_owned();
            let rest = &rest[n..];
            let (user, text) = match rest.iter().position(|&b| b == 0) {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (&b"alice"[..], rest),
            };
            let user = String::from_utf8_lossy(user).into_owned();
            let out = Redactor::new(&SecretString::from(password.clone()), &user)
                .redact(&String::from_utf8_lossy(text));
            for form in [
                B64.encode(&password),
                B64.encode(format!("\0{user}\0{password}")),
            ] {
                assert!(form.len() < 8 || !out.contains(&form), "{form:?} survived");
            }
        }
        "accounts_file" => {
            if let Ok(accounts) = parse_accounts(data) {
                let bytes = render_accounts(&accounts).expect("renders");
                let mut sorted = accounts.clone();
                sorted.sort_by(|a, b| a.id.cmp(&b.id));
                assert_eq!(parse_accounts(&bytes).expect("reads back"), sorted);
            }
        }
        "endpoint" => {
            if let Ok(e) = String::from_utf8_lossy(data).parse::<Endpoint>() {
                assert!(e.port > 0 && !e.host.is_empty());
            }
        }
        "email_address" => {
            let Ok(text) = std::str::from_utf8(data) else {
                return;
            };
            if let Ok(a) = EmailAddress::parse(text) {
                let again = EmailAddress::parse(&a.to_ascii()).expect("the ASCII form parses");
                assert_eq!(again.to_ascii(), a.to_ascii());
                let shown = EmailAddress::parse(&a.to_string()).expect("the shown form parses");
                assert_eq!(shown, a);
            }
        }
        other => panic!("unknown target {other}"),
    }
}

#[test]
fn every_seed_and_every_saved_crash_replays_cleanly() {
    let mut count = 0;
    for target in TARGETS {
        let inputs = inputs(target);
        assert!(!inputs.is_empty(), "{target} has no seeds");
        for (path, data) in inputs {
            let result = std::panic::catch_unwind(|| replay(target, &data));
            assert!(result.is_ok(), "{target}: {} fails", path.display());
            count += 1;
        }
    }
    assert!(count >= 35, "only {count} inputs");
}

#[test]
fn the_dovecot_seeds_reach_the_sign_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (target, protocol) in [
        ("imap_session", Protocol::Imap),
        ("pop3_session", Protocol::Pop3),
        ("smtp_session", Protocol::Smtp),
    ] {
        for name in ["dovecot-plain", "dovecot-plain-bytewise"] {
            let data = std::fs::read(root.join(target).join(name)).expect("seed");
            let report = session(protocol, &data);
            assert!(
                report.is_verified(),
                "{target}/{name}: {:?}",
                report.diagnosis()
            );
        }
        let data = std::fs::read(root.join(target).join("dovecot-wrong-password")).expect("seed");
        let cause = session(protocol, &data).diagnosis().map(|d| d.cause.code());
        assert_eq!(cause, Some("auth_failed"), "{target}");
    }
}
