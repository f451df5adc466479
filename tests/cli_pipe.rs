//! Output into a pipe its reader already closed (`mailsetup accounts list | head -1`): no
//! command panics, each ends with exit code 141 (as a shell shows a command killed by SIGPIPE)
//! and says nothing about it on standard error. Deterministic: the read end is closed before
//! the child starts, so its first write to standard output fails.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

/// Runs mailsetup with `args`, standard output a pipe whose read end is closed at once.
fn into_closed_pipe(args: &[&str], env: &[(&str, &str)]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .envs(env.iter().copied())
        .env_remove("MAILSETUP_LANG")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped());
    let child = cmd.spawn().expect("run mailsetup");
    drop(cmd); // the parent's copy of the write end
    child.wait_with_output().expect("wait for mailsetup")
}

/// Asserts the run ended as a closed pipe should: exit 141, no panic, no broken-pipe words.
fn assert_quiet_141(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(!stderr.contains("Broken pipe"), "{what}: {stderr}");
    assert_eq!(out.status.code(), Some(141), "{what}: {out:?}");
}

#[test]
fn accounts_list_into_a_closed_pipe_ends_with_141_and_no_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().to_str().expect("utf-8 path");
    for lang in ["en-US", "de"] {
        let out = into_closed_pipe(
            &["--lang", lang, "accounts", "list", "--config-dir", folder],
            &[],
        );
        assert_quiet_141(&out, "accounts list");
        assert!(out.stderr.is_empty(), "{out:?}");
    }
    let out = into_closed_pipe(&["accounts", "list", "--json", "--config-dir", folder], &[]);
    assert_quiet_141(&out, "accounts list --json");
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn help_and_version_into_a_closed_pipe_end_with_141_and_no_panic() {
    for args in [
        &["--help"][..],
        &["--version"][..],
        &["discover", "--help"][..],
        &["accounts", "--help"][..],
    ] {
        let out = into_closed_pipe(args, &[]);
        assert_quiet_141(&out, &format!("{args:?}"));
        assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
    }
}

#[test]
fn diagnose_json_into_a_closed_pipe_ends_with_141_and_no_panic() {
    // Nothing listens on 127.0.0.1:1: the check fails fast and prints its JSON verdict.
    let out = into_closed_pipe(
        &[
            "diagnose",
            "alice@example.test",
            "--imap",
            "127.0.0.1:1/tls",
            "--password-env",
            "MAILSETUP_TEST_PW",
            "--timeout",
            "5",
            "--json",
        ],
        &[("MAILSETUP_TEST_PW", "pipe-test-secret-4711")],
    );
    assert_quiet_141(&out, "diagnose --json");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("pipe-test-secret-4711"), "{stderr}");
}

#[test]
fn a_usage_error_still_goes_to_stderr_with_exit_2() {
    // Standard output closed does not touch a usage error, which goes to standard error.
    let out = into_closed_pipe(&["accounts", "frobnicate"], &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("frobnicate"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}
