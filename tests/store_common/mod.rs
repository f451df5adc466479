//! Shared pieces of the account-store tests: the real keychains (failing with the way to run
//! the tests when a session is missing), sample accounts, unique passwords, checks that no
//! file holds a password and that modes are owner-only, and mounts (read-only bind, small
//! tmpfs) that undo themselves.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use mailsetup::account::{EmailAddress, Protocol, Security, ServerSettings};
use mailsetup::store::{
    self, AccountFile, EntryName, KeychainError, KeychainKind, SavedServer, SecretStore,
    SettingsSource, SourceKind, Timestamp, VerifiedAccount,
};
use secrecy::{ExposeSecret, SecretString};

/// How to run the keychain tests, for failure messages.
pub const HOW_TO_RUN: &str = "run the tests with scripts/test, which starts them inside a D-Bus \
     session with an unlocked gnome-keyring and a fresh kernel session keyring; by hand (as \
     root, Debian): apt-get install -y --no-install-recommends gnome-keyring dbus keyutils, \
     then: XDG_DATA_HOME=$(mktemp -d) dbus-run-session -- sh -c 'printf %s pw | \
     gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec keyctl session - \
     cargo test --test store_keychain'";

/// The kernel keyring of this session. Panics with the way to run the tests when there is
/// no usable session keyring.
pub fn keyutils() -> Arc<dyn SecretStore> {
    open_checked(KeychainKind::Keyutils)
}

/// The Secret Service of this session. Panics with the way to run the tests when there is
/// none, or it is locked.
pub fn secret_service() -> Arc<dyn SecretStore> {
    open_checked(KeychainKind::SecretService)
}

fn open_checked(kind: KeychainKind) -> Arc<dyn SecretStore> {
    Arc::new(Recording(open_unrecorded(kind)))
}

/// Every entry name a test keychain of this process was asked to write. Each save writes
/// entries of its own (`ID/ROLE/TAG/NONCE`), so tests find them here.
static WRITTEN: Mutex<Vec<EntryName>> = Mutex::new(Vec::new());

/// A real keychain that notes the name of every entry written through it.
#[derive(Debug)]
struct Recording(Arc<dyn SecretStore>);

impl SecretStore for Recording {
    fn kind(&self) -> KeychainKind {
        self.0.kind()
    }
    fn set(
        &self,
        entry: &EntryName,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), KeychainError> {
        WRITTEN.lock().unwrap().push(entry.clone());
        self.0.set(entry, label, secret)
    }
    fn get(&self, entry: &EntryName) -> Result<SecretString, KeychainError> {
        self.0.get(entry)
    }
    fn delete(&self, entry: &EntryName) -> Result<bool, KeychainError> {
        self.0.delete(entry)
    }
}

/// The entries this process wrote for `role` of account `id` in folder `dir`.
pub fn written_for(dir: &Path, id: &str, role: store::Role) -> Vec<EntryName> {
    let tag = AccountFile::new(dir).keychain_tag();
    let prefix = format!("{id}/{}/{tag}", role.word());
    let mut names: Vec<EntryName> = WRITTEN
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.user == prefix || e.user.starts_with(&format!("{prefix}/")))
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    names
}

/// What the keychain still holds, among the entries this process wrote for `role` of
/// account `id` in folder `dir`.
pub fn still_held(
    keychain: &dyn SecretStore,
    dir: &Path,
    id: &str,
    role: store::Role,
) -> Vec<String> {
    written_for(dir, id, role)
        .iter()
        .filter_map(|entry| match keychain.get(entry) {
            Ok(s) => Some(s.expose_secret().to_string()),
            Err(KeychainError::NotFound { .. }) => None,
            Err(e) => panic!("keychain read failed: {e}"),
        })
        .collect()
}

/// Deletes every entry this process wrote for account `id` of folder `dir`.
pub fn forget_entries(keychain: &dyn SecretStore, dir: &Path, id: &str) {
    for role in [store::Role::Incoming, store::Role::Outgoing] {
        for entry in written_for(dir, id, role) {
            let _ = keychain.delete(&entry);
        }
    }
}

fn open_unrecorded(kind: KeychainKind) -> Arc<dyn SecretStore> {
    let store = match store::secret::open(kind) {
        Ok(s) => s,
        Err(e) => panic!("the {kind} is not usable here ({e});\n{HOW_TO_RUN}"),
    };
    // Opening keyutils always works; a write shows whether there is a session keyring.
    let probe = store::EntryName {
        service: "mailsetup-test".into(),
        user: format!("probe-{}", unique_password().replace(' ', "")),
    };
    if let Err(e) = store.set(&probe, "mailsetup test probe", &SecretString::from("probe")) {
        panic!("the {kind} is not usable here ({e});\n{HOW_TO_RUN}");
    }
    let _ = store.delete(&probe);
    store
}

/// A password no file should ever contain: spaces, non-ASCII, and a part unique to this
/// call, so a grep cannot match something else.
pub fn unique_password() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "pä ss wörd ✓ 🔑 {}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A verified account for `email` with made-up (never contacted) servers.
pub fn sample(email: &str) -> VerifiedAccount {
    let email = EmailAddress::parse(email).expect("a valid sample address");
    let user = email.to_ascii();
    let server = |protocol, host: &str, port, security| {
        SavedServer::new(ServerSettings {
            protocol,
            host: host.to_string(),
            port,
            security,
            username: user.clone(),
        })
    };
    let mut incoming = server(Protocol::Imap, "imap.example.com", 993, Security::Tls);
    incoming.auth_method = Some("LOGIN".into());
    let mut outgoing = server(Protocol::Smtp, "smtp.example.com", 587, Security::StartTls);
    outgoing.auth_method = Some("AUTH PLAIN".into());
    VerifiedAccount {
        display_name: format!("Sample {}", email.local_part()),
        email,
        incoming,
        outgoing,
        alternatives: vec![server(
            Protocol::Pop3,
            "pop.example.com",
            995,
            Security::Tls,
        )],
        source: SettingsSource {
            kind: SourceKind::Autoconfig,
            detail: Some("https://autoconfig.example.com/mail/config-v1.1.xml".into()),
        },
        verified_at: Timestamp::now(),
        allow_plaintext: false,
        ca_file: None,
        pinned_keys: Vec::new(),
        oauth2: None,
    }
}

/// The forms a password could take in a file: as is, JSON-escaped, base64.
pub fn password_forms(password: &str) -> Vec<Vec<u8>> {
    let json = serde_json::to_string(password).expect("a string serialises");
    vec![
        password.as_bytes().to_vec(),
        json.trim_matches('"').as_bytes().to_vec(),
        base64::engine::general_purpose::STANDARD
            .encode(password)
            .into_bytes(),
    ]
}

/// Every regular file in `dir` (the account file, its lock, temporaries, damaged copies).
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read the config dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Fails when any file in `dir` holds one of `passwords` in any form, or is not mode 0600.
pub fn assert_files_clean(dir: &Path, passwords: &[String]) {
    use std::os::unix::fs::PermissionsExt;
    let files = files_in(dir);
    assert!(!files.is_empty(), "no files in {}", dir.display());
    for file in files {
        let bytes = fs::read(&file).expect("read a config file");
        for password in passwords {
            for form in password_forms(password) {
                assert!(
                    !bytes.windows(form.len()).any(|w| w == form.as_slice()),
                    "{} contains a password",
                    file.display()
                );
            }
        }
        let mode = fs::metadata(&file).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} has mode {mode:o}", file.display());
    }
}

/// Runs a command; panics with its output when it fails.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// A mount that is undone when dropped (also when the test panics).
pub struct Mounted {
    pub path: PathBuf,
}

impl Mounted {
    /// A tmpfs of `kib` KiB at `path` (a real "disk full" once filled).
    pub fn tmpfs(path: &Path, kib: u32) -> Mounted {
        mount_or_explain(
            Command::new("mount")
                .args(["-t", "tmpfs", "-o"])
                .arg(format!("size={kib}k,mode=0700"))
                .arg("tmpfs")
                .arg(path),
            "a small tmpfs",
        );
        Mounted {
            path: path.to_path_buf(),
        }
    }

    /// `path` bound onto itself read-only: writes fail with EROFS even for root, which
    /// permission bits would not stop.
    pub fn read_only(path: &Path) -> Mounted {
        mount_or_explain(
            Command::new("mount").arg("--bind").arg(path).arg(path),
            "a bind mount",
        );
        let mounted = Mounted {
            path: path.to_path_buf(),
        };
        mount_or_explain(
            Command::new("mount")
                .args(["-o", "remount,bind,ro"])
                .arg(path),
            "a read-only remount",
        );
        mounted
    }
}

fn mount_or_explain(cmd: &mut Command, what: &str) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run mount for {what} ({e}): install util-linux"));
    assert!(
        out.status.success(),
        "mounting {what} failed ({}): this test needs root with CAP_SYS_ADMIN, as scripts/test \
         and CI run it",
        String::from_utf8_lossy(&out.stderr).trim()
    );
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// What a child process printed and how it ended.
pub struct ChildOutput {
    pub status: std::process::ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl ChildOutput {
    /// Both streams, for failure messages.
    pub fn both(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

/// Runs `cmd` to the end, killing it after `limit` (so a hung keychain cannot hang the
/// suite). Output is read while it runs.
pub fn run_with_deadline(cmd: &mut Command, limit: std::time::Duration) -> ChildOutput {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {cmd:?}: {e}"));
    let reader = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let out = reader(Box::new(child.stdout.take().expect("piped stdout")));
    let err = reader(Box::new(child.stderr.take().expect("piped stderr")));
    let deadline = std::time::Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    ChildOutput {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// Fails with the install command when a program the test needs is missing.
pub fn require_program(name: &str, package: &str) {
    let found = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|p| p.join(name).is_file()))
        .unwrap_or(false);
    assert!(
        found,
        "{name} is missing: apt-get install -y --no-install-recommends {package} (scripts/test \
         installs it)"
    );
}
