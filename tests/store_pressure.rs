//! The account store under pressure, with real processes, the real kernel keyring and real
//! files:
//!
//! - another copy of mailsetup (a child process: this test binary started again with
//!   `MAILSETUP_STORE_PRESSURE_CHILD`) holds the lock: a save gives up at its deadline with
//!   "another copy of mailsetup is saving", leaves nothing in the keychain, and works once
//!   the other copy is gone;
//! - no keychain call is ever made while the accounts-file lock is held (a keychain that
//!   checks the lock on every call), so a keychain waiting for an unlock prompt never blocks
//!   another copy's save;
//! - a save cancelled while the keychain waits or the lock is held elsewhere answers at
//!   once (the window's runtime: `SaveCancelled`) and deletes what it wrote to the keychain;
//! - a configuration folder someone else owns or can write to is refused with advice, and a
//!   lock file that is a link or a FIFO is never followed or opened for reading.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use mailsetup::store::file::{FILE_NAME, LOCK_NAME};
use mailsetup::store::{
    self, AccountFile, Cancel, EntryName, KeychainError, KeychainKind, Role, SecretStore,
    StoreError, save_verified_blocking,
};
use secrecy::SecretString;
use store_common::*;

const CHILD_ENV: &str = "MAILSETUP_STORE_PRESSURE_CHILD";
const DIR_ENV: &str = "MAILSETUP_STORE_PRESSURE_DIR";

/// The child's part: take the lock of the folder in `DIR_ENV`, say so, and hold it until
/// killed. Run only when started by a test below.
#[test]
fn child_holds_the_lock() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    let dir = PathBuf::from(std::env::var_os(DIR_ENV).expect("dir"));
    let file = AccountFile::new(&dir);
    let _locked = file.lock().expect("the child takes the lock");
    println!("locked");
    std::thread::sleep(Duration::from_secs(120));
}

/// Another copy of mailsetup holding the lock of `dir` until dropped.
struct OtherCopy(Child);

impl OtherCopy {
    fn start(dir: &Path) -> Self {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_holds_the_lock",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, "1")
            .env(DIR_ENV, dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the other copy");
        let stdout = child.stdout.take().expect("piped");
        let mut lines = BufReader::new(stdout).lines();
        loop {
            match lines.next() {
                Some(Ok(line)) if line.contains("locked") => break,
                Some(Ok(_)) => continue,
                other => panic!("the other copy did not take the lock: {other:?}"),
            }
        }
        OtherCopy(child)
    }
}

impl Drop for OtherCopy {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn password(text: &str) -> SecretString {
    SecretString::from(text.to_string())
}

#[test]
fn another_copy_holding_the_lock_gives_a_clear_error_at_the_deadline() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let first = unique_password();
    save_verified_blocking(
        &AccountFile::new(&dir),
        keychain.as_ref(),
        sample("olga@example.com"),
        &password(&first),
    )
    .unwrap();
    let before = fs::read(dir.join(FILE_NAME)).unwrap();

    let other = OtherCopy::start(&dir);
    let late = unique_password();
    let started = Instant::now();
    let err = save_verified_blocking(
        &AccountFile::new(&dir).with_lock_wait(Duration::from_secs(1)),
        keychain.as_ref(),
        sample("pete@example.com"),
        &password(&late),
    )
    .unwrap_err();
    let took = started.elapsed();
    assert_eq!(err.code(), "busy", "{err:?}");
    assert!(
        err.to_string()
            .contains("another copy of mailsetup is saving"),
        "{err}"
    );
    assert!(err.to_string().contains("Nothing was changed"), "{err}");
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(5),
        "gave up after {took:?}"
    );
    assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), before);
    for role in [Role::Incoming, Role::Outgoing] {
        assert!(
            still_held(keychain.as_ref(), &dir, "pete-example-com", role).is_empty(),
            "the password written before the lock was taken out again"
        );
    }

    // The other copy goes away (killed: the kernel releases its lock): saving works again.
    drop(other);
    let saved = save_verified_blocking(
        &AccountFile::new(&dir).with_lock_wait(Duration::from_secs(5)),
        keychain.as_ref(),
        sample("pete@example.com"),
        &password(&late),
    )
    .unwrap();
    assert_eq!(saved.account.id.as_str(), "pete-example-com");
    assert_files_clean(&dir, &[first, late]);
    forget_entries(keychain.as_ref(), &dir, "olga-example-com");
    forget_entries(keychain.as_ref(), &dir, "pete-example-com");
}

/// A real keychain that, on every call, checks that nobody holds the accounts-file lock of
/// `dir` (flock locks of two open files conflict even inside one process) and can be made
/// to wait in `set`, as a keychain showing an unlock prompt does.
#[derive(Debug)]
struct Watchful {
    inner: Arc<dyn SecretStore>,
    dir: PathBuf,
    calls: AtomicUsize,
    lock_held: AtomicUsize,
    gate: Arc<Gate>,
}

/// Holds `set` calls while closed; counts the calls waiting.
#[derive(Debug, Default)]
struct Gate {
    state: Mutex<(bool, usize)>,
    changed: Condvar,
}

impl Gate {
    fn close(&self) {
        self.state.lock().unwrap().0 = true;
    }
    fn open(&self) {
        self.state.lock().unwrap().0 = false;
        self.changed.notify_all();
    }
    fn pass(&self) {
        let mut state = self.state.lock().unwrap();
        state.1 += 1;
        self.changed.notify_all();
        while state.0 {
            state = self.changed.wait(state).unwrap();
        }
        state.1 -= 1;
    }
    fn wait_for_waiter(&self) {
        let state = self.state.lock().unwrap();
        let (_state, timeout) = self
            .changed
            .wait_timeout_while(state, Duration::from_secs(10), |s| s.1 == 0)
            .unwrap();
        assert!(!timeout.timed_out(), "no keychain call arrived");
    }
}

impl Watchful {
    fn new(inner: Arc<dyn SecretStore>, dir: &Path) -> Self {
        Self {
            inner,
            dir: dir.to_path_buf(),
            calls: AtomicUsize::new(0),
            lock_held: AtomicUsize::new(0),
            gate: Arc::new(Gate::default()),
        }
    }

    fn check_lock(&self) {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if !self.dir.join(LOCK_NAME).exists() {
            return;
        }
        let free = AccountFile::new(&self.dir)
            .with_lock_wait(Duration::ZERO)
            .lock()
            .is_ok();
        if !free {
            self.lock_held.fetch_add(1, Ordering::SeqCst);
        }
    }
}

impl SecretStore for Watchful {
    fn kind(&self) -> KeychainKind {
        self.inner.kind()
    }
    fn set(
        &self,
        entry: &EntryName,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), KeychainError> {
        self.check_lock();
        self.gate.pass();
        self.inner.set(entry, label, secret)
    }
    fn get(&self, entry: &EntryName) -> Result<SecretString, KeychainError> {
        self.check_lock();
        self.inner.get(entry)
    }
    fn delete(&self, entry: &EntryName) -> Result<bool, KeychainError> {
        self.check_lock();
        self.inner.delete(entry)
    }
}

#[test]
fn no_keychain_call_happens_under_the_lock_and_a_waiting_keychain_blocks_nobody() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let watchful = Arc::new(Watchful::new(keyutils(), &dir));
    let file = AccountFile::new(&dir).with_lock_wait(Duration::from_secs(2));
    let pw = unique_password();

    // Save, replace (deletes the old entries), remove: every keychain call sees a free lock.
    save_verified_blocking(
        &file,
        watchful.as_ref(),
        sample("quinn@example.com"),
        &password(&pw),
    )
    .unwrap();
    let replaced = save_verified_blocking(
        &file,
        watchful.as_ref(),
        sample("quinn@example.com"),
        &password(&pw),
    )
    .unwrap();
    assert!(replaced.replaced && replaced.warnings.is_empty());
    store::remove_blocking(&file, Some(watchful.as_ref()), &replaced.account.id).unwrap();
    assert!(watchful.calls.load(Ordering::SeqCst) >= 8);
    assert_eq!(watchful.lock_held.load(Ordering::SeqCst), 0);
    for role in [Role::Incoming, Role::Outgoing] {
        assert!(still_held(watchful.as_ref(), &dir, "quinn-example-com", role).is_empty());
    }

    // One save waits in the keychain (an unlock prompt nobody answers yet) …
    watchful.gate.close();
    let waiting = {
        let (watchful, file, pw) = (watchful.clone(), file.clone(), pw.clone());
        std::thread::spawn(move || {
            save_verified_blocking(
                &file,
                watchful.as_ref(),
                sample("rosa@example.com"),
                &password(&pw),
            )
        })
    };
    watchful.gate.wait_for_waiter();
    // … while another save, straight to the keychain, goes through within its 2 s lock wait.
    let other = save_verified_blocking(
        &file,
        keyutils().as_ref(),
        sample("sam@example.com"),
        &password(&pw),
    )
    .expect("the lock is free while the other save waits in the keychain");
    assert_eq!(other.account.id.as_str(), "sam-example-com");
    watchful.gate.open();
    let rosa = waiting.join().unwrap().unwrap();
    assert_eq!(rosa.account.id.as_str(), "rosa-example-com");
    let ids: Vec<String> = AccountFile::new(&dir)
        .load()
        .unwrap()
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    assert_eq!(ids, ["rosa-example-com", "sam-example-com"]);
    assert_files_clean(&dir, std::slice::from_ref(&pw));
    for id in ["rosa-example-com", "sam-example-com"] {
        forget_entries(watchful.as_ref(), &dir, id);
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn a_save_cancelled_while_the_keychain_waits_answers_at_once_and_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let watchful = Arc::new(Watchful::new(keyutils(), &dir));
    let pw = unique_password();
    watchful.gate.close();
    let cancel = Cancel::new();
    let rt = runtime();
    let running = rt.spawn(store::save_verified_or_cancel(
        AccountFile::new(&dir),
        watchful.clone(),
        sample("tess@example.com"),
        password(&pw),
        cancel.clone(),
    ));
    watchful.gate.wait_for_waiter();
    let started = Instant::now();
    assert!(cancel.cancel(), "nothing was being written to the file yet");
    let outcome = rt.block_on(running).unwrap();
    assert!(matches!(outcome, Err(StoreError::Cancelled)), "{outcome:?}");
    assert_eq!(outcome.unwrap_err().code(), "cancelled");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "answered at once"
    );

    // The keychain call returns later (the prompt is answered): the save takes it back.
    watchful.gate.open();
    let clean = wait_for(Duration::from_secs(10), || {
        [Role::Incoming, Role::Outgoing]
            .iter()
            .all(|r| still_held(watchful.as_ref(), &dir, "tess-example-com", *r).is_empty())
    });
    assert!(
        clean,
        "the cancelled save deleted what it wrote to the keychain"
    );
    assert!(AccountFile::new(&dir).load().unwrap().is_empty());
}

#[test]
fn a_save_cancelled_while_another_copy_holds_the_lock_answers_at_once() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    let _other = OtherCopy::start(&dir);
    let cancel = Cancel::new();
    let rt = runtime();
    let pw = unique_password();
    let running = rt.spawn(store::save_verified_or_cancel(
        AccountFile::new(&dir),
        keychain.clone(),
        sample("uma@example.com"),
        password(&pw),
        cancel.clone(),
    ));
    // Wait until the save wrote the keychain and waits for the lock.
    assert!(wait_for(Duration::from_secs(10), || {
        !written_for(&dir, "uma-example-com", Role::Outgoing).is_empty()
    }));
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    assert!(cancel.cancel());
    let outcome = rt.block_on(running).unwrap();
    assert!(matches!(outcome, Err(StoreError::Cancelled)), "{outcome:?}");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(wait_for(Duration::from_secs(5), || {
        still_held(keychain.as_ref(), &dir, "uma-example-com", Role::Incoming).is_empty()
            && still_held(keychain.as_ref(), &dir, "uma-example-com", Role::Outgoing).is_empty()
    }));
    assert!(!dir.join(FILE_NAME).exists());
}

fn wait_for(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    done()
}

#[test]
fn a_folder_others_can_write_to_or_someone_else_owns_is_refused_with_advice() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let pw = unique_password();
    save_verified_blocking(
        &AccountFile::new(&dir),
        keychain.as_ref(),
        sample("vic@example.com"),
        &password(&pw),
    )
    .unwrap();
    let before = fs::read(dir.join(FILE_NAME)).unwrap();

    for (mode, what) in [
        (0o777, "world-writable"),
        (0o770, "group-writable"),
        (0o1777, "sticky, world-writable"),
    ] {
        fs::set_permissions(&dir, fs::Permissions::from_mode(mode)).unwrap();
        let err = save_verified_blocking(
            &AccountFile::new(&dir),
            keychain.as_ref(),
            sample("wes@example.com"),
            &password(&pw),
        )
        .unwrap_err();
        assert_eq!(err.code(), "unsafe_folder", "{what}: {err:?}");
        let text = err.to_string();
        assert!(
            text.contains(&format!("chmod go-w {}", dir.display())),
            "{what}: {text}"
        );
        assert!(
            text.contains("Nothing was read or changed"),
            "{what}: {text}"
        );
        // Reading is refused too: someone else could have changed the file.
        let listed = AccountFile::new(&dir).load().unwrap_err();
        assert_eq!(listed.code(), "unsafe_folder");
        assert!(
            written_for(&dir, "wes-example-com", Role::Incoming).is_empty(),
            "{what}: refused before the keychain"
        );
    }

    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    std::os::unix::fs::chown(&dir, Some(4321), None).unwrap();
    let err = AccountFile::new(&dir).load().unwrap_err();
    assert_eq!(err.code(), "unsafe_folder");
    let text = err.to_string();
    assert!(text.contains("belongs to user 4321"), "{text}");
    assert!(text.contains("chown"), "{text}");
    let err = store::remove_blocking(
        &AccountFile::new(&dir),
        Some(keychain.as_ref()),
        &"vic-example-com".parse().unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "unsafe_folder");

    // Put right, everything is as it was.
    std::os::unix::fs::chown(&dir, Some(0), None).unwrap();
    assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), before);
    assert_eq!(AccountFile::new(&dir).load().unwrap().len(), 1);
    forget_entries(keychain.as_ref(), &dir, "vic-example-com");
}

#[test]
fn a_lock_file_that_is_a_link_or_a_fifo_is_never_followed_or_waited_on() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    let pw = unique_password();
    let save = || {
        save_verified_blocking(
            &AccountFile::new(&dir),
            keychain.as_ref(),
            sample("xena@example.com"),
            &password(&pw),
        )
    };

    // A dangling link: following it would create the file it points to.
    let target = tmp.path().join("planted");
    std::os::unix::fs::symlink(&target, dir.join(LOCK_NAME)).unwrap();
    let err = save().unwrap_err();
    assert_eq!(err.code(), "unsafe_folder", "{err:?}");
    assert!(
        err.to_string().contains("is a link or not a plain file"),
        "{err}"
    );
    assert!(!target.exists(), "the link was not followed");
    assert!(
        fs::symlink_metadata(dir.join(LOCK_NAME))
            .unwrap()
            .is_symlink()
    );
    for role in [Role::Incoming, Role::Outgoing] {
        assert!(still_held(keychain.as_ref(), &dir, "xena-example-com", role).is_empty());
    }

    // A FIFO: opening it for reading would wait for a writer forever.
    fs::remove_file(dir.join(LOCK_NAME)).unwrap();
    run(Command::new("mkfifo").arg(dir.join(LOCK_NAME)));
    let started = Instant::now();
    let err = save().unwrap_err();
    assert_eq!(err.code(), "unsafe_folder", "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));

    // A plain lock file again: the save goes through, and temporaries never follow links.
    fs::remove_file(dir.join(LOCK_NAME)).unwrap();
    save().unwrap();
    assert!(!target.exists());
    assert_files_clean(&dir, std::slice::from_ref(&pw));
    forget_entries(keychain.as_ref(), &dir, "xena-example-com");
}

/// A probe report that verified, as the wizard hands it over.
#[test]
fn the_window_cancels_a_save_waiting_for_another_copy_and_hears_save_cancelled() {
    use mailsetup::runtime::{Runtime, RuntimeConfig};
    use mailsetup::wizard::{Effect, Event, KeychainChoice, SaveRequest, TaskId};

    let _ = keyutils(); // fails with the way to run the tests when there is no keyring
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    let _other = OtherCopy::start(&dir);

    let mut config = RuntimeConfig::new(Vec::new()).unwrap();
    config.config_dir = Some(dir.clone());
    let (mut rt, events) = Runtime::new(config, Arc::new(|| {})).unwrap();
    let account = sample("yuri@example.com");
    let request = SaveRequest {
        display_name: None,
        email: account.email.clone(),
        incoming: account.incoming.clone(),
        outgoing: account.outgoing.clone(),
        source: account.source.clone(),
        allow_plaintext: false,
        ca_file: None,
        pinned_keys: Vec::new(),
        keychain: KeychainChoice::Keyutils,
        oauth2: None,
    };
    let pw = unique_password();
    let task = TaskId(41);
    rt.execute(Effect::Save {
        task,
        request: Box::new(request),
        secret: mailsetup::flow::Secret::Password(password(&pw)),
    });
    // The save writes the keychain, then waits (10 s by default) for the other copy's lock;
    // nothing can come back before that wait ends.
    std::thread::sleep(Duration::from_millis(500));
    assert!(events.try_recv().is_err(), "still waiting for the lock");
    let started = Instant::now();
    rt.execute(Effect::Cancel { task });
    rt.execute(Effect::Cancel { task }); // pressed twice: still an answer, not an abort
    match events.recv_timeout(Duration::from_secs(3)) {
        Ok(Event::SaveCancelled { task: t }) => assert_eq!(t, task),
        other => panic!("expected SaveCancelled, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(!dir.join(FILE_NAME).exists(), "nothing was saved");
    drop(rt);
}
