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

use mailsetup::account::Protocol;

/// The fuzz targets' checks, compiled here from the fuzz crate's own file: a library change
/// that breaks the fuzz targets fails this test's build (without nightly or libFuzzer).
#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;

use fuzz_checks::{TARGETS, check, session};

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

#[test]
fn every_seed_and_every_saved_crash_replays_cleanly() {
    let mut count = 0;
    for target in TARGETS {
        let inputs = inputs(target);
        assert!(!inputs.is_empty(), "{target} has no seeds");
        for (path, data) in inputs {
            let result = std::panic::catch_unwind(|| check(target, &data));
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

#[test]
fn every_fuzz_target_file_runs_its_own_checks_and_is_built_and_run() {
    // The wrappers in fuzz/fuzz_targets are the only fuzz code this build does not compile:
    // each must hand its bytes to the checks of its own name, have its [[bin]] in
    // fuzz/Cargo.toml and be run by scripts/fuzz.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect(p);
    let manifest = read("fuzz/Cargo.toml");
    let script = read("scripts/fuzz");
    let mut files: Vec<String> = std::fs::read_dir(root.join("fuzz/fuzz_targets"))
        .expect("fuzz/fuzz_targets")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".rs"))
                .map(str::to_string)
        })
        .collect();
    files.sort();
    let run_by_default: Vec<&str> = script
        .lines()
        .find_map(|l| l.strip_prefix("ALL=("))
        .and_then(|l| l.strip_suffix(')'))
        .expect("scripts/fuzz lists its targets in ALL=(…)")
        .split_whitespace()
        .collect();
    let mut targets: Vec<String> = TARGETS.iter().map(|t| t.to_string()).collect();
    targets.sort();
    assert_eq!(files, targets, "fuzz/fuzz_targets/*.rs against TARGETS");
    for t in TARGETS {
        let source = read(&format!("fuzz/fuzz_targets/{t}.rs"));
        assert!(
            source.contains(&format!("mailsetup_fuzz::check(\"{t}\", data)")),
            "{t}.rs does not run the checks of {t}"
        );
        assert!(
            manifest.contains(&format!("name = \"{t}\"\npath = \"fuzz_targets/{t}.rs\"")),
            "fuzz/Cargo.toml has no [[bin]] for {t}"
        );
        assert!(run_by_default.contains(&t), "scripts/fuzz does not run {t}");
    }
}
