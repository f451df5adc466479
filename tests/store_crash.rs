//! Crash safety and concurrency of the account file, with real processes, the real kernel
//! keyring and real files:
//!
//! - a child process saves, replaces and removes accounts in a loop and is killed with
//!   SIGKILL at a random moment, 220 times; after each kill the file must parse and hold
//!   exactly the list before or after the operation that was under way;
//! - two child processes add different accounts at the same moment, 50 rounds; no account
//!   may be lost.
//!
//! The children are this test binary started again with `MAILSETUP_STORE_CRASH_CHILD` set
//! (hence its own `main`). Kill moments come from a seeded generator; the seed is printed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Trial};
use std::sync::Arc;

use mailsetup::store::{
    self, AccountFile, Role, SecretStore, remove_blocking, save_verified_blocking,
};
use secrecy::SecretString;
use store_common::*;

const CHILD_ENV: &str = "MAILSETUP_STORE_CRASH_CHILD";
const DIR_ENV: &str = "MAILSETUP_STORE_CRASH_DIR";
const START_ENV: &str = "MAILSETUP_STORE_CRASH_START";
const PASSWORD_ENV: &str = "MAILSETUP_STORE_CRASH_PASSWORD";
const ROUND_ENV: &str = "MAILSETUP_STORE_CRASH_ROUND";

const KILL_ROUNDS: u32 = 220;
const CONCURRENT_ROUNDS: u32 = 50;
const ADDS_PER_PROCESS: u32 = 3;
const LINE_LIMIT: Duration = Duration::from_secs(30);

fn main() {
    if let Ok(role) = std::env::var(CHILD_ENV) {
        match role.as_str() {
            "saver" => child_saver(),
            "adder" => child_adder(),
            other => panic!("unknown child role {other}"),
        }
        return;
    }
    let args = Arguments::from_args();
    let tests = vec![
        Trial::test(
            "sigkill_while_saving_leaves_the_old_or_the_new_list",
            || {
                sigkill_while_saving();
                Ok(())
            },
        ),
        Trial::test("two_processes_adding_at_once_lose_nothing", || {
            two_processes_adding_at_once();
            Ok(())
        }),
    ];
    libtest_mimic::run(&args, tests).exit();
}

// ---------------------------------------------------------------------------------------
// The operations the saver performs: a fixed sequence, so the parent can compute the list
// after any number of them.

enum Op {
    /// Save a new account.
    Add { email: String, name: String },
    /// Save an existing address again under a new display name.
    Replace { email: String, name: String },
    /// Remove an account.
    Remove { email: String },
}

fn email(i: u64) -> String {
    format!("crash{i}@example.com")
}

/// Operation `i`: two adds, a replace of the first, a removal of the second; the list grows
/// by one account every four operations.
fn op(i: u64) -> Op {
    let name = format!("v{i}");
    match i % 4 {
        0 | 1 => Op::Add {
            email: email(i),
            name,
        },
        2 => Op::Replace {
            email: email(i - 2),
            name,
        },
        _ => Op::Remove {
            email: email(i - 2),
        },
    }
}

/// The list (address → display name) after the first `n` operations.
fn expected(n: u64) -> BTreeMap<String, String> {
    let mut list = BTreeMap::new();
    for i in 0..n {
        match op(i) {
            Op::Add { email, name } | Op::Replace { email, name } => {
                list.insert(email, name);
            }
            Op::Remove { email } => {
                list.remove(&email);
            }
        }
    }
    list
}

fn actual(dir: &Path) -> BTreeMap<String, String> {
    let accounts = AccountFile::new(dir)
        .load()
        .unwrap_or_else(|e| panic!("after a kill the file must still read: {e}"));
    accounts
        .into_iter()
        .map(|a| (a.email.to_string(), a.display_name))
        .collect()
}

fn child_saver() {
    let dir = PathBuf::from(std::env::var_os(DIR_ENV).expect("dir"));
    let start: u64 = std::env::var(START_ENV).unwrap().parse().unwrap();
    let password = SecretString::from(std::env::var(PASSWORD_ENV).unwrap());
    let keychain = keyutils();
    let file = AccountFile::new(&dir);
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    for i in start.. {
        match op(i) {
            Op::Add { email, name } | Op::Replace { email, name } => {
                let mut account = sample(&email);
                account.display_name = name;
                save_verified_blocking(&file, keychain.as_ref(), account, &password).unwrap();
            }
            Op::Remove { email } => {
                let id = store::AccountId::base_for(&email.parse().unwrap());
                remove_blocking(&file, Some(keychain.as_ref()), &id.parse().unwrap()).unwrap();
            }
        }
        // The list now is expected(i + 1).
        writeln!(out, "done {}", i + 1).unwrap();
        out.flush().unwrap();
    }
}

/// A small seeded generator (xorshift64*), enough to spread kill moments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Starts a child and a thread that forwards its stdout lines.
fn spawn_child(cmd: &mut Command) -> (Child, mpsc::Receiver<String>) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("start {cmd:?}: {e}"));
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

fn expect_line(rx: &mpsc::Receiver<String>, want: &str, child: &mut Child) {
    match rx.recv_timeout(LINE_LIMIT) {
        Ok(line) if line == want => {}
        other => {
            let _ = child.kill();
            let status = child.wait();
            panic!("expected {want:?} from the child, got {other:?} (child: {status:?})");
        }
    }
}

fn sigkill_while_saving() {
    let _ = keyutils(); // fails with the way to run the tests when there is no keyring
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let password = unique_password();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    println!("kill moments seeded with {seed}");
    let mut rng = Rng(seed);
    let started = Instant::now();

    let mut applied: u64 = 0;
    let (mut mid_write, mut unreported, mut no_progress) = (0u32, 0u32, 0u32);
    for round in 0..KILL_ROUNDS {
        let (mut child, rx) = spawn_child(
            Command::new(std::env::current_exe().unwrap())
                .env(CHILD_ENV, "saver")
                .env(DIR_ENV, &dir)
                .env(START_ENV, applied.to_string())
                .env(PASSWORD_ENV, &password),
        );
        expect_line(&rx, "ready", &mut child);
        // The random moment: somewhere in the next few saves.
        let delay = Duration::from_micros(rng.next() % 12_000);
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL the saver");
        let status = child.wait().expect("reap the saver");
        assert!(!status.success(), "round {round}: the saver was killed");

        // The child is gone, so its stdout reaches end of file: wait for every line it
        // printed (on a busy machine the forwarding thread can lag behind the kill).
        let reported = rx
            .iter()
            .filter_map(|l| l.strip_prefix("done ").and_then(|n| n.parse::<u64>().ok()))
            .last()
            .unwrap_or(applied);
        // The folder appears with the first write to the file (the keychain comes first).
        let files = if dir.exists() {
            files_in(&dir)
        } else {
            Vec::new()
        };
        let temps = files
            .iter()
            .filter(|p| p.file_name().unwrap().to_string_lossy().contains(".tmp-"))
            .count();
        if temps > 0 {
            mid_write += 1;
        }
        let now = actual(&dir);
        if now == expected(reported) {
            applied = reported;
        } else if now == expected(reported + 1) {
            applied = reported + 1;
            unreported += 1;
        } else {
            panic!(
                "round {round} (seed {seed}): the file holds neither the list after {reported} \
                 operations nor after {}: {now:?}",
                reported + 1
            );
        }
        if applied == reported && reported == 0 {
            no_progress += 1;
        }
        if !files.is_empty() {
            assert_files_clean(&dir, std::slice::from_ref(&password));
        }
    }
    println!(
        "{KILL_ROUNDS} kills in {:.1} s: {applied} operations survived, {mid_write} kills left \
         a temporary file (killed mid-write), {unreported} landed after a save finished but \
         before it was reported, {no_progress} before the first save",
        started.elapsed().as_secs_f64()
    );
    assert!(
        mid_write > 0,
        "no kill hit a write in progress; the kill moments are too coarse"
    );

    // Take out what the saved accounts use. Entries of saves killed before their file
    // write carry names only the killed child knew; they stay in this test session's own
    // keyring (scripts/test makes a fresh one), never in a real one.
    delete_saved_entries(&keyutils(), &dir);
}

fn delete_saved_entries(keychain: &Arc<dyn SecretStore>, dir: &Path) {
    for account in AccountFile::new(dir).load().unwrap_or_default() {
        for role in [Role::Incoming, Role::Outgoing] {
            let _ = keychain.delete(account.keychain.entry(role));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Two processes at once.

fn adder_email(round: u32, process: u32, n: u32) -> String {
    format!("r{round}p{process}n{n}@example.com")
}

fn child_adder() {
    let dir = PathBuf::from(std::env::var_os(DIR_ENV).expect("dir"));
    let (round, process): (u32, u32) = {
        let text = std::env::var(ROUND_ENV).unwrap();
        let (r, p) = text.split_once('/').unwrap();
        (r.parse().unwrap(), p.parse().unwrap())
    };
    let password = SecretString::from(std::env::var(PASSWORD_ENV).unwrap());
    let keychain = keyutils();
    let file = AccountFile::new(&dir);
    println!("ready");
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).unwrap();
    for n in 0..ADDS_PER_PROCESS {
        let account = sample(&adder_email(round, process, n));
        save_verified_blocking(&file, keychain.as_ref(), account, &password).unwrap();
    }
    println!("done");
}

fn two_processes_adding_at_once() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let password = unique_password();
    let started = Instant::now();
    let mut want: Vec<String> = Vec::new();

    for round in 0..CONCURRENT_ROUNDS {
        let mut children: Vec<(Child, mpsc::Receiver<String>)> = (0..2)
            .map(|process| {
                spawn_child(
                    Command::new(std::env::current_exe().unwrap())
                        .env(CHILD_ENV, "adder")
                        .env(DIR_ENV, &dir)
                        .env(ROUND_ENV, format!("{round}/{process}"))
                        .env(PASSWORD_ENV, &password)
                        .stdin(Stdio::piped()),
                )
            })
            .collect();
        for (child, rx) in children.iter_mut() {
            expect_line(rx, "ready", child);
        }
        // Both are started and waiting: let them go at the same moment.
        for (child, _) in children.iter_mut() {
            let stdin = child.stdin.as_mut().expect("piped stdin");
            stdin.write_all(b"go\n").unwrap();
            stdin.flush().unwrap();
        }
        for (child, rx) in children.iter_mut() {
            expect_line(rx, "done", child);
            let status = child.wait().unwrap();
            assert!(status.success(), "round {round}: an adder failed: {status}");
        }
        for process in 0..2 {
            for n in 0..ADDS_PER_PROCESS {
                want.push(adder_email(round, process, n));
            }
        }
        let mut have: Vec<String> = actual(&dir).into_keys().collect();
        let mut sorted_want = want.clone();
        sorted_want.sort();
        have.sort();
        assert_eq!(
            have, sorted_want,
            "round {round}: accounts lost or invented"
        );
    }
    assert_files_clean(&dir, std::slice::from_ref(&password));
    println!(
        "{CONCURRENT_ROUNDS} rounds of 2 processes × {ADDS_PER_PROCESS} saves in {:.1} s: \
         all {} accounts present",
        started.elapsed().as_secs_f64(),
        want.len()
    );
    delete_saved_entries(&keychain, &dir);
}
