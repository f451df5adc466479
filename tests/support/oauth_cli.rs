//! Running the `mailsetup` binary the way the OAuth command-line tests do (`oauth_cli`,
//! `oauth_accounts`): one run with its output (stderr seen line by line as it comes, for the
//! device flow's code), the OAuth Dovecot's server flags, an owner-only configuration folder,
//! the refresh token the keychain holds, and the search of outputs and files for secrets.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security};
use serde_json::Value;

use super::oauth_dovecot;
use super::oidc::{AuthServer, OAuthUser};
use super::oidc_browser::Consent;

/// The binary under test (Cargo names it to integration tests only; the examples that
/// share this harness never run it).
pub fn bin() -> &'static str {
    match option_env!("CARGO_BIN_EXE_mailsetup") {
        Some(path) => path,
        None => panic!("the mailsetup binary is known to integration tests only"),
    }
}
/// Longest a CLI run may take (a browser leg on a loaded machine included).
pub const DEADLINE: Duration = Duration::from_secs(180);

/// What one run printed.
#[derive(Debug, Default)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.all()))
    }
}

/// `--imap/--pop3/--smtp` on the OAuth Dovecot's implicit-TLS listeners.
pub fn server_flags() -> Vec<String> {
    let d = oauth_dovecot();
    let mut out = Vec::new();
    for (flag, p) in [
        ("--imap", Protocol::Imap),
        ("--pop3", Protocol::Pop3),
        ("--smtp", Protocol::Smtp),
    ] {
        out.push(flag.to_string());
        out.push(format!("{}/tls", d.listener(p, Security::Tls).hostport()));
    }
    out
}

/// Runs mailsetup; `on_stderr` sees each stderr line as it comes (the device flow's code).
pub fn run(args: &[String], env: &[(String, String)], mut on_stderr: impl FnMut(&str)) -> Run {
    let mut child = Command::new(bin())
        .args(args)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env_remove("MAILSETUP_OAUTH_CLIENT_ID")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mailsetup");
    let mut stdout = child.stdout.take().expect("stdout");
    let out_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let (tx, rx) = mpsc::channel::<String>();
    let stderr = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let began = Instant::now();
    let mut err = String::new();
    let code = loop {
        while let Ok(line) = rx.try_recv() {
            on_stderr(&line);
            err.push_str(&line);
            err.push('\n');
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if began.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mailsetup {args:?} took longer than {DEADLINE:?}:\n{err}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    std::thread::sleep(Duration::from_millis(100));
    while let Ok(line) = rx.try_recv() {
        on_stderr(&line);
        err.push_str(&line);
        err.push('\n');
    }
    Run {
        code,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err,
    }
}

pub fn config_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir_in(super::run_dir()).expect("a config dir");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700))
            .expect("owner-only");
    }
    dir
}

/// Every file's text under `dir`.
pub fn files_text(dir: &Path) -> String {
    let mut out = String::new();
    for entry in std::fs::read_dir(dir).expect("read the config dir") {
        let path: PathBuf = entry.expect("entry").path();
        if path.is_file() {
            out.push_str(&String::from_utf8_lossy(
                &std::fs::read(&path).unwrap_or_default(),
            ));
        }
    }
    out
}

pub fn assert_secret_free(what: &str, text: &str, secrets: &[String]) {
    for s in secrets {
        assert!(s.len() >= 8, "a real secret");
        assert!(!text.contains(s.as_str()), "{what} shows a secret:\n{text}");
    }
}

/// The refresh token the keychain holds for the saved account.
pub fn saved_refresh_token(dir: &Path) -> String {
    use secrecy::ExposeSecret;
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let account = mailsetup::store::list(dir).await.expect("list")[0].clone();
        let secrets = mailsetup::store::open_keychain(account.keychain.store)
            .await
            .expect("keychain");
        let p = mailsetup::store::passwords(secrets, account)
            .await
            .expect("the keychain entries");
        p.incoming.expose_secret().to_string()
    })
}

/// Runs mailsetup; when it prints the device flow's code, Chromium approves it as `user`
/// with `consent` on `server`'s page.
pub fn run_approving(
    args: &[String],
    env: &[(String, String)],
    server: &AuthServer,
    user: &OAuthUser,
    consent: Consent,
) -> Run {
    let mut approved = None;
    let result = run(args, env, |line| {
        // "To sign in, open URL and enter the code CODE"
        if let Some(rest) = line.strip_prefix("To sign in, open ") {
            let (uri, code) = rest
                .split_once(" and enter the code ")
                .expect("the code line");
            approved = Some(server.approve_device(uri, Some(code), user, consent));
        }
    });
    let run =
        approved.unwrap_or_else(|| panic!("the device code was not shown:\n{}", result.all()));
    assert!(!run.output.is_empty());
    result
}
