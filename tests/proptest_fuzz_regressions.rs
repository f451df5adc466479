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
