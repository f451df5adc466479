//! A real Dovecot (IMAP, POP3, submission) for the integration tests, started once per test
//! binary in this run's scratch directory, with the run's test CA.
//!
//! Implicit-TLS listeners (imaps, pop3s, submissions) are on 127.0.0.1; plaintext/STARTTLS
//! listeners (imap, pop3, submission) on 127.0.0.2, because Dovecot treats a client on the
//! same address as "secure" and would accept passwords without TLS. `ssl = required`. Ports
//! are picked free at run time. Failed logins are answered at once (`auth_failure_delay = 0`,
//! no anvil auth penalty). Submission relays to an in-process SMTP sink — or, for the
//! round-trip tests (`dovecot_with_mta`), to a real Postfix that delivers back into this
//! Dovecot over LMTP, so mail sent through submission really arrives.
//!
//! Dovecot runs as `setpriv --pdeathsig TERM dovecot -F -c CONF`, spawned from a thread that
//! only waits for it: when the test process exits, that thread dies and the kernel sends
//! Dovecot SIGTERM (tests cannot use `unsafe`, so no pre_exec hook).

use std::fmt;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use mailsetup::account::{Protocol, Security, ServerSettings};
use secrecy::SecretString;

use super::mta::{BROKEN_DOMAIN, Mta};
use super::smtp_sink::SmtpSink;
use super::{pki, run_dir, wait_until};

/// What to install when Dovecot is missing.
pub const INSTALL_HINT: &str = "run scripts/test (it installs what the tests need), or as root: \
     apt-get install --no-install-recommends dovecot-core dovecot-imapd dovecot-pop3d \
     dovecot-submissiond";

/// The password of the user whose password has spaces and non-ASCII characters.
pub const UNICODE_PASSWORD: &str = "pä ss wörd ✓ 🔑";

/// Messages put into alice's INBOX before Dovecot starts.
pub const ALICE_MESSAGES: u64 = 3;

/// One listening socket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listener {
    pub host: String,
    pub port: u16,
}

impl Listener {
    pub fn addr(&self) -> SocketAddr {
        format!("{}:{}", self.host, self.port)
            .parse()
            .expect("listener address")
    }

    /// `HOST:PORT` as the CLI takes it.
    pub fn hostport(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// A mail user of the test server. The password is a plain string on purpose: tests need it
/// to grep outputs for it.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    pub address: String,
    pub password: String,
}

impl fmt::Debug for User {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "User({})", self.address)
    }
}

impl User {
    pub fn secret(&self) -> SecretString {
        SecretString::from(self.password.clone())
    }
}

/// The running Dovecot.
#[derive(Debug)]
pub struct Dovecot {
    pub dir: PathBuf,
    pub config: PathBuf,
    pub log: PathBuf,
    /// Implicit TLS, 127.0.0.1.
    pub imaps: Listener,
    pub pop3s: Listener,
    pub submissions: Listener,
    /// Plaintext with STARTTLS/STLS, 127.0.0.2.
    pub imap: Listener,
    pub pop3: Listener,
    pub submission: Listener,
    /// An ASCII password; INBOX holds `ALICE_MESSAGES` messages.
    pub alice: User,
    /// Password `UNICODE_PASSWORD`; empty INBOX.
    pub unicode: User,
    /// The CA that signed the server certificate (PEM): pass as `--ca-file`.
    pub ca_file: PathBuf,
    /// A user for the round-trip tests (empty INBOX); mail to it arrives when the relay is a
    /// real MTA.
    pub traveller: User,
    /// Like `traveller`, with the password `UNICODE_PASSWORD`.
    pub unicode_traveller: User,
    /// A user in `BROKEN_DOMAIN`: the MTA accepts mail for it and never delivers it.
    pub stranded: User,
    pub sink: SmtpSink,
    /// The real MTA submission relays to (`dovecot_with_mta` only).
    pub mta: Option<Mta>,
    pub pid: u32,
    exit: Arc<Mutex<Option<String>>>,
}

/// The Dovecot of this test process, started on first use.
pub fn dovecot() -> &'static Dovecot {
    static DOVECOT: LazyLock<Dovecot> =
        LazyLock::new(|| Dovecot::start(Relay::Sink, &Auth::Password));
    &DOVECOT
}

/// A Dovecot of this test process whose submission relays to a real Postfix, which delivers
/// over LMTP back into it (started on first use; needs root and Postfix).
pub fn dovecot_with_mta() -> &'static Dovecot {
    static DOVECOT: LazyLock<Dovecot> =
        LazyLock::new(|| Dovecot::start(Relay::Mta, &Auth::Password));
    &DOVECOT
}

/// How users sign in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Auth {
    /// PLAIN and LOGIN against the passwd-file.
    Password,
    /// XOAUTH2 and OAUTHBEARER only, checked by the `oauth2` passdb with this
    /// `dovecot-oauth2.conf.ext` text (token introspection); the passwd-file stays the userdb.
    OAuth2 { conf: String },
    /// SCRAM-SHA-256 only (RFC 7677), against `{SCRAM-SHA-256}` hashes that `doveadm pw`
    /// made of each password: the passwd-file holds no password itself.
    Scram,
}

/// Where the submission service relays accepted mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relay {
    /// The in-process sink: accepted, counted, dropped.
    Sink,
    /// Postfix, delivering over LMTP into the mailboxes.
    Mta,
}

impl Dovecot {
    /// The listener for a protocol and security mode: implicit TLS on 127.0.0.1, STARTTLS and
    /// plain on the 127.0.0.2 listeners.
    pub fn listener(&self, protocol: Protocol, security: Security) -> &Listener {
        match (protocol, security) {
            (Protocol::Imap, Security::Tls) => &self.imaps,
            (Protocol::Imap, _) => &self.imap,
            (Protocol::Pop3, Security::Tls) => &self.pop3s,
            (Protocol::Pop3, _) => &self.pop3,
            (Protocol::Smtp, Security::Tls) => &self.submissions,
            (Protocol::Smtp, _) => &self.submission,
        }
    }

    /// Settings for `user` on the listener that matches `security`.
    pub fn settings(&self, protocol: Protocol, security: Security, user: &User) -> ServerSettings {
        let l = self.listener(protocol, security);
        ServerSettings {
            protocol,
            host: l.host.clone(),
            port: l.port,
            security,
            username: user.address.clone(),
        }
    }

    /// Whether Dovecot is still running (None) or how it ended.
    pub fn exited(&self) -> Option<String> {
        self.exit.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Dovecot's log so far (for failure messages).
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The user's Maildir.
    pub fn maildir(&self, user: &User) -> PathBuf {
        self.dir.join("mail").join(&user.address).join("Maildir")
    }

    /// Puts a message flagged `\Deleted` (Maildir flag `T`) into the user's INBOX, as a mail
    /// program in "mark as deleted" mode leaves it until it purges; returns its Message-ID.
    pub fn put_flagged_deleted(&self, user: &User, name: &str) -> String {
        use std::os::unix::fs::MetadataExt;
        let dir = self.maildir(user).join("cur");
        std::fs::create_dir_all(&dir).expect("create Maildir/cur");
        let id = format!("kept-until-purged.{name}@mailsetup.test");
        let body = format!(
            "From: Bob <bob@example.test>\r\nTo: {to}\r\nSubject: marked deleted, not purged\r\n\
             Date: Mon, 07 Dec 2026 10:00:00 +0000\r\nMessage-ID: <{id}>\r\n\r\nStill wanted.\r\n",
            to = user.address
        );
        let file = dir.join(format!("1790000100.M1P{name}.mailsetup:2,ST"));
        std::fs::write(&file, body).expect("write a flagged message");
        // Dovecot's mail user owns the mailboxes.
        let owner = std::fs::metadata(self.dir.join("mail")).expect("the mail folder");
        let _ = std::os::unix::fs::chown(&file, Some(owner.uid()), Some(owner.gid()));
        id
    }

    /// How many messages in the user's INBOX (new and cur) contain `needle`.
    pub fn messages_containing(&self, user: &User, needle: &str) -> usize {
        let root = self.maildir(user);
        ["new", "cur"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(root.join(sub)).into_iter().flatten())
            .flatten()
            .filter(|e| {
                std::fs::read_to_string(e.path())
                    .map(|t| t.contains(needle))
                    .unwrap_or(false)
            })
            .count()
    }

    pub(super) fn start(relay: Relay, auth: &Auth) -> Dovecot {
        let dovecot_bin = find_program("dovecot", &["/usr/sbin", "/usr/local/sbin", "/sbin"])
            .unwrap_or_else(|| {
                panic!("the test server `dovecot` is not installed: {INSTALL_HINT}")
            });
        let setpriv = find_program("setpriv", &["/usr/bin", "/bin"]).unwrap_or_else(|| {
            panic!(
                "`setpriv` (util-linux) is missing: apt-get install util-linux, or run scripts/test"
            )
        });
        let services: &[&str] = match relay {
            Relay::Sink => &["imap", "pop3", "submission"],
            Relay::Mta => &["imap", "pop3", "submission", "lmtp"],
        };
        for service in services {
            let libexec = Path::new("/usr/lib/dovecot");
            if libexec.is_dir() && !libexec.join(service).exists() {
                panic!("Dovecot's {service} service is not installed: {INSTALL_HINT}");
            }
        }
        let pki = pki();
        let sink = SmtpSink::start();
        let mut last_error = String::new();
        let kind = match auth {
            Auth::Password => "",
            Auth::OAuth2 { .. } => "oauth-",
            Auth::Scram => "scram-",
        };
        for attempt in 0..3 {
            let dir = tempfile::Builder::new()
                .prefix(&format!("dovecot-{kind}{attempt}-"))
                .tempdir_in(run_dir())
                .map(|d| d.keep())
                .unwrap_or_else(|_| run_dir().join(format!("dovecot-{kind}{attempt}")));
            match try_start(
                &dir,
                &dovecot_bin,
                &setpriv,
                &sink,
                relay,
                auth,
                &pki.ca_pem,
            ) {
                Ok(d) => return d,
                Err(e) => last_error = e,
            }
        }
        panic!(
            "Dovecot did not start (3 attempts): {last_error}\n(if it is missing: {INSTALL_HINT})"
        );
    }
}

fn find_program(name: &str, extra: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(extra.iter().map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// A port that was free a moment ago on `host`.
fn free_port(host: &str) -> u16 {
    TcpListener::bind((host, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port on {host}: {e}"))
}

/// A random password for alice, new every run.
fn random_password() -> String {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 9];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .expect("random bytes");
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("Alice-{hex}-pw")
}

/// The `{SCRAM-SHA-256}` hash of `password` as `doveadm pw` makes it (RFC 7677 keys, 4096
/// iterations, a random salt), without reading any Dovecot configuration.
fn scram_hash(password: &str) -> Result<String, String> {
    let doveadm = find_program("doveadm", &["/usr/bin", "/usr/local/bin"])
        .ok_or_else(|| format!("`doveadm` is not installed: {INSTALL_HINT}"))?;
    let out = Command::new(doveadm)
        .args([
            "-c",
            "/dev/null",
            "pw",
            "-s",
            "SCRAM-SHA-256",
            "-p",
            password,
        ])
        .output()
        .map_err(|e| format!("run doveadm pw: {e}"))?;
    let hash = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || !hash.starts_with("{SCRAM-SHA-256}") {
        return Err(format!(
            "doveadm pw failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(hash)
}

/// Who owns the mail: nobody:nogroup when we are root, else ourselves.
struct MailOwner {
    user: String,
    group: String,
    ids: Option<(u32, u32)>,
    root: bool,
}

fn mail_owner() -> MailOwner {
    let uid = id_number(&["-u"]);
    if uid == Some(0) {
        let group = if group_exists("nogroup") {
            "nogroup"
        } else {
            "nobody"
        };
        let ids = lookup_id("/etc/passwd", "nobody").zip(lookup_id("/etc/group", group));
        MailOwner {
            user: "nobody".into(),
            group: group.into(),
            ids,
            root: true,
        }
    } else {
        let user = id_text(&["-un"]).unwrap_or_else(|| "nobody".into());
        let group = id_text(&["-gn"]).unwrap_or_else(|| user.clone());
        MailOwner {
            user,
            group,
            ids: None,
            root: false,
        }
    }
}

fn id_text(args: &[&str]) -> Option<String> {
    let out = Command::new("id").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn id_number(args: &[&str]) -> Option<u32> {
    id_text(args)?.parse().ok()
}

fn group_exists(name: &str) -> bool {
    lookup_id("/etc/group", name).is_some()
}

/// The numeric id of `name` in /etc/passwd or /etc/group (third field).
fn lookup_id(file: &str, name: &str) -> Option<u32> {
    std::fs::read_to_string(file)
        .ok()?
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.first() == Some(&name))
        .and_then(|f| f.get(2)?.parse().ok())
}

fn chown_tree(path: &Path, ids: (u32, u32)) {
    let _ = std::os::unix::fs::chown(path, Some(ids.0), Some(ids.1));
    if path.is_dir()
        && let Ok(entries) = std::fs::read_dir(path)
    {
        for e in entries.flatten() {
            chown_tree(&e.path(), ids);
        }
    }
}

fn write_maildir(home: &Path, messages: u64) {
    let maildir = home.join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).expect("create Maildir");
    }
    for i in 1..=messages {
        let body = format!(
            "From: Bob <bob@example.test>\r\nTo: alice@example.test\r\nSubject: test message {i}\r\n\
             Date: Mon, 02 Nov 2026 10:0{i}:00 +0000\r\nMessage-ID: <{i}@mailsetup.test>\r\n\r\n\
             Message number {i}.\r\n"
        );
        let name = format!("17900000{i:02}.M{i}P1.mailsetup");
        std::fs::write(maildir.join("new").join(name), body).expect("write a message");
    }
}

fn try_start(
    dir: &Path,
    dovecot_bin: &Path,
    setpriv: &Path,
    sink: &SmtpSink,
    relay: Relay,
    auth: &Auth,
    ca_file: &Path,
) -> Result<Dovecot, String> {
    use std::os::unix::fs::PermissionsExt;
    let pki = pki();
    let owner = mail_owner();
    for sub in ["run", "state", "mail"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| format!("create {sub}: {e}"))?;
    }
    // The mail processes run as `owner` and must reach DIR/mail.
    for p in [run_dir(), dir, &dir.join("mail")] {
        let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755));
    }

    let alice = User {
        address: "alice@example.test".into(),
        password: random_password(),
    };
    let unicode = User {
        address: "unicode@example.test".into(),
        password: UNICODE_PASSWORD.into(),
    };
    let traveller = User {
        address: "traveller@example.test".into(),
        password: random_password(),
    };
    let unicode_traveller = User {
        address: "wanderer@example.test".into(),
        password: UNICODE_PASSWORD.into(),
    };
    let stranded = User {
        address: format!("stranded@{BROKEN_DOMAIN}"),
        password: random_password(),
    };
    write_maildir(&dir.join("mail").join(&alice.address), ALICE_MESSAGES);
    for u in [&unicode, &traveller, &unicode_traveller, &stranded] {
        write_maildir(&dir.join("mail").join(&u.address), 0);
    }
    if let Some(ids) = owner.ids {
        chown_tree(&dir.join("mail"), ids);
    }

    let passwd = dir.join("passwd");
    let mut users = String::new();
    for u in [&alice, &unicode, &traveller, &unicode_traveller, &stranded] {
        let stored = match auth {
            Auth::Scram => scram_hash(&u.password)?,
            _ => format!("{{PLAIN}}{}", u.password),
        };
        users.push_str(&format!("{}:{stored}::::::\n", u.address));
    }
    std::fs::write(&passwd, users).map_err(|e| format!("write passwd: {e}"))?;

    let imaps = Listener {
        host: "127.0.0.1".into(),
        port: free_port("127.0.0.1"),
    };
    let pop3s = Listener {
        host: "127.0.0.1".into(),
        port: free_port("127.0.0.1"),
    };
    let submissions = Listener {
        host: "127.0.0.1".into(),
        port: free_port("127.0.0.1"),
    };
    let imap = Listener {
        host: "127.0.0.2".into(),
        port: free_port("127.0.0.2"),
    };
    let pop3 = Listener {
        host: "127.0.0.2".into(),
        port: free_port("127.0.0.2"),
    };
    let submission = Listener {
        host: "127.0.0.2".into(),
        port: free_port("127.0.0.2"),
    };
    // Where submission relays: the sink, or a real Postfix that delivers back over LMTP.
    let (relay_port, lmtp_port) = match relay {
        Relay::Sink => (sink.port, None),
        Relay::Mta => (free_port("127.0.0.1"), Some(free_port("127.0.0.1"))),
    };
    let lmtp = match lmtp_port {
        None => String::new(),
        Some(port) => format!(
            "service lmtp {{\n  inet_listener lmtp {{\n    address = 127.0.0.1\n    port = {port}\n  }}\n}}\n"
        ),
    };
    let protocols = if lmtp_port.is_some() {
        "imap pop3 submission lmtp"
    } else {
        "imap pop3 submission"
    };

    let d = dir.display();
    let (mechanisms, passdb) = match auth {
        Auth::Password => (
            "plain login",
            format!(
                "  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {d}/passwd\n"
            ),
        ),
        Auth::Scram => (
            "scram-sha-256",
            format!("  driver = passwd-file\n  args = username_format=%u {d}/passwd\n"),
        ),
        Auth::OAuth2 { conf } => {
            let ext = dir.join("dovecot-oauth2.conf.ext");
            std::fs::write(&ext, conf).map_err(|e| format!("write the oauth2 config: {e}"))?;
            (
                "xoauth2 oauthbearer",
                format!(
                    "  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {}\n",
                    ext.display()
                ),
            )
        }
    };
    let non_root = if owner.root {
        String::new()
    } else {
        format!(
            "default_internal_user = {u}\ndefault_internal_group = {g}\ndefault_login_user = {u}\n\
             service anvil {{\n  chroot =\n}}\nservice imap-login {{\n  chroot =\n}}\n\
             service pop3-login {{\n  chroot =\n}}\nservice submission-login {{\n  chroot =\n}}\n",
            u = owner.user,
            g = owner.group
        )
    };
    let config = format!(
        r#"# Written by the mailsetup test harness; lives only as long as the test run.
instance_name = mailsetup-test-{pid}
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
protocols = {protocols}
listen = 127.0.0.1
hostname = mail.example.test
ssl = required
ssl_cert = <{chain}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = {mechanisms}
auth_failure_delay = 0
auth_verbose = yes
mail_location = maildir:~/Maildir
first_valid_uid = 1
{non_root}
passdb {{
{passdb}}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/passwd
  default_fields = uid={user} gid={group} home={d}/mail/%u
}}
protocol imap {{
  mail_max_userip_connections = 1000
}}
protocol pop3 {{
  mail_max_userip_connections = 1000
}}
protocol submission {{
  mail_max_userip_connections = 1000
}}
submission_relay_host = 127.0.0.1
submission_relay_port = {relay_port}
submission_relay_trusted = yes
submission_relay_ssl = no
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.2
    port = {imap}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps}
    ssl = yes
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    address = 127.0.0.2
    port = {pop3}
  }}
  inet_listener pop3s {{
    address = 127.0.0.1
    port = {pop3s}
    ssl = yes
  }}
}}
service submission-login {{
  inet_listener submission {{
    address = 127.0.0.2
    port = {submission}
  }}
  inet_listener submissions {{
    address = 127.0.0.1
    port = {submissions}
    ssl = yes
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{lmtp}"#,
        pid = std::process::id(),
        chain = pki.server.chain_pem.display(),
        key = pki.server.key_pem.display(),
        user = owner.user,
        group = owner.group,
        imap = imap.port,
        imaps = imaps.port,
        pop3 = pop3.port,
        pop3s = pop3s.port,
        submission = submission.port,
        submissions = submissions.port,
    );
    let conf_path = dir.join("dovecot.conf");
    std::fs::write(&conf_path, config).map_err(|e| format!("write dovecot.conf: {e}"))?;
    let log = dir.join("dovecot.log");
    let stderr_path = dir.join("dovecot.stderr");
    let stderr = std::fs::File::create(&stderr_path).map_err(|e| e.to_string())?;

    let exit = Arc::new(Mutex::new(None::<String>));
    let (tx, rx) = std::sync::mpsc::channel::<Result<u32, String>>();
    let exit_w = exit.clone();
    let (setpriv, dovecot_bin, conf) = (
        setpriv.to_owned(),
        dovecot_bin.to_owned(),
        conf_path.clone(),
    );
    // This thread forks Dovecot and then only waits for it: PDEATHSIG is tied to the thread
    // that forked, so it must live as long as Dovecot should.
    std::thread::Builder::new()
        .name("dovecot".into())
        .spawn(move || {
            let child = Command::new(&setpriv)
                .arg("--pdeathsig")
                .arg("TERM")
                .arg(&dovecot_bin)
                .arg("-F")
                .arg("-c")
                .arg(&conf)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(stderr)
                .spawn();
            match child {
                Err(e) => {
                    let _ = tx.send(Err(format!("could not run {}: {e}", setpriv.display())));
                }
                Ok(mut child) => {
                    let _ = tx.send(Ok(child.id()));
                    let status = child.wait();
                    *exit_w.lock().unwrap_or_else(|p| p.into_inner()) = Some(format!("{status:?}"));
                }
            }
        })
        .map_err(|e| format!("spawn the Dovecot thread: {e}"))?;
    let pid = rx
        .recv()
        .map_err(|_| "the Dovecot thread died".to_string())??;

    let listeners = [&imaps, &pop3s, &submissions, &imap, &pop3, &submission];
    let exited = || exit.lock().unwrap_or_else(|p| p.into_inner()).is_some();
    let up = wait_until(Duration::from_secs(15), || {
        exited()
            || listeners
                .iter()
                .all(|l| TcpStream::connect_timeout(&l.addr(), Duration::from_millis(200)).is_ok())
    });
    let report = || {
        format!(
            "exit: {:?}\nstderr:\n{}\nlog:\n{}",
            exit.lock().unwrap_or_else(|p| p.into_inner()).clone(),
            std::fs::read_to_string(&stderr_path).unwrap_or_default(),
            std::fs::read_to_string(&log).unwrap_or_default()
        )
    };
    if exited() {
        return Err(format!("Dovecot exited at start-up.\n{}", report()));
    }
    if !up {
        // Ours, by its id: stop it before trying again on other ports.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(pid.to_string())
            .status();
        return Err(format!(
            "Dovecot's listeners did not all accept within 15 s.\n{}",
            report()
        ));
    }
    let mta = match (relay, lmtp_port) {
        (Relay::Mta, Some(lmtp_port)) => {
            let started = Mta::start(
                &dir.join("postfix"),
                relay_port,
                "example.test",
                lmtp_port,
                free_port("127.0.0.1"),
            );
            match started {
                Ok(m) => Some(m),
                Err(e) => {
                    let _ = Command::new("kill")
                        .arg("-TERM")
                        .arg(pid.to_string())
                        .status();
                    return Err(e);
                }
            }
        }
        _ => None,
    };
    Ok(Dovecot {
        dir: dir.to_path_buf(),
        config: conf_path,
        log,
        imaps,
        pop3s,
        submissions,
        imap,
        pop3,
        submission,
        alice,
        unicode,
        ca_file: ca_file.to_path_buf(),
        traveller,
        unicode_traveller,
        stranded,
        sink: sink.clone(),
        mta,
        pid,
        exit,
    })
}
