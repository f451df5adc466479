//! GNOME Online Accounts hand-off against the real `goa-daemon` (Debian's
//! gnome-online-accounts), each test on a private session bus it starts itself: a
//! `dbus-daemon --session` whose activated services (goa-daemon, goa-identity-service) get a
//! throwaway home and configuration folder, and a throwaway gnome-keyring on it. The account
//! handed over is one that verified against the real Dovecot a moment before.
//!
//! What a support ticket would say: "the account we verified shows up in GNOME's online
//! accounts with the same servers, and the password is only in GOA's keyring entry"; "adding
//! it twice is refused"; "POP3 and OAuth accounts are refused, saying why, and nothing is
//! added"; "when the keyring will not take the password, the half-made account is removed";
//! "no goa-daemon, or no bus: the error says which".

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::export::goa::{self, GoaError};
use mailsetup::store::{
    AccountDetails, OAuth2Login, SavedServer, SettingsSource, SourceKind, Timestamp,
    VerifiedAccount,
};
use support::desktop::{Proc, first_line};
use support::dovecot::{self, User};
use zbus::Connection;
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

const GOA_DAEMON: &str = "/usr/libexec/goa-daemon";
const INSTALL: &str = "apt-get install --no-install-recommends gnome-online-accounts dbus \
     gnome-keyring (scripts/test installs them)";

type Properties = HashMap<String, OwnedValue>;
type Objects = HashMap<OwnedObjectPath, HashMap<String, Properties>>;

/// Fails the test with the install step when a tool is missing.
fn require_tools() {
    let mut missing = Vec::new();
    if !Path::new(GOA_DAEMON).is_file() {
        missing.push(format!("{GOA_DAEMON} (gnome-online-accounts)"));
    }
    for (tool, package) in [
        ("dbus-daemon", "dbus"),
        ("gnome-keyring-daemon", "gnome-keyring"),
    ] {
        if !Path::new("/usr/bin").join(tool).is_file() {
            missing.push(format!("/usr/bin/{tool} ({package})"));
        }
    }
    assert!(
        missing.is_empty(),
        "missing for the GNOME Online Accounts tests: {}.\nInstall: {INSTALL}",
        missing.join(", ")
    );
}

/// How the session's keyring starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keyring {
    /// Unlocked with a throwaway password: the Secret Service takes what goa-daemon stores.
    Unlocked,
    /// Running but never unlocked (and no screen for the unlock prompt): nothing is stored.
    Locked,
}

/// A private session: its folder, the bus address, its processes (stopped in reverse order
/// when dropped; goa-daemon, started by the bus, leaves with the bus).
struct Session {
    dir: tempfile::TempDir,
    bus: String,
    procs: Vec<Proc>,
}

impl Drop for Session {
    fn drop(&mut self) {
        while let Some(mut p) = self.procs.pop() {
            p.stop();
        }
    }
}

impl Session {
    /// A bus that can start goa-daemon (the system's service files), and a keyring on it.
    async fn start(keyring: Keyring) -> Self {
        require_tools();
        let mut s = Self::bus(&["--session"]);
        let mut cmd = Command::new("gnome-keyring-daemon");
        cmd.args(["--foreground", "--components=secrets"]);
        if keyring == Keyring::Unlocked {
            cmd.arg("--unlock").stdin(Stdio::piped());
        } else {
            cmd.stdin(Stdio::null());
        }
        s.env(&mut cmd);
        let log = s.file("keyring.log");
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("start gnome-keyring-daemon: {e}\nInstall: {INSTALL}"));
        if let Some(mut stdin) = child.stdin.take() {
            let pw = format!("keyring-{}-{:?}", std::process::id(), Instant::now());
            stdin.write_all(pw.as_bytes()).unwrap();
        }
        s.procs.push(Proc {
            name: "gnome-keyring-daemon",
            child,
        });
        // goa-daemon must find this keyring, not one the bus would start for it.
        let conn = s.connect().await;
        let end = Instant::now() + Duration::from_secs(15);
        while !name_has_owner(&conn, "org.freedesktop.secrets").await {
            assert!(
                Instant::now() < end,
                "gnome-keyring did not come up on the bus:\n{}",
                s.read("keyring.log")
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        s
    }

    /// A bus with no service files at all: nothing can be started on it.
    fn bare() -> Self {
        require_tools();
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("bare-bus.conf");
        std::fs::write(
            &config,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.path().display()
            ),
        )
        .unwrap();
        let arg = format!("--config-file={}", config.display());
        Self::bus_in(dir, &[&arg])
    }

    fn bus(args: &[&str]) -> Self {
        Self::bus_in(tempfile::tempdir().unwrap(), args)
    }

    fn bus_in(dir: tempfile::TempDir, args: &[&str]) -> Self {
        for sub in ["home", "config", "data", "cache", "runtime"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        {
            use std::os::unix::fs::PermissionsExt;
            let runtime = dir.path().join("runtime");
            std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let mut s = Self {
            dir,
            bus: String::new(),
            procs: Vec::new(),
        };
        let mut cmd = Command::new("dbus-daemon");
        cmd.args(args).args(["--nofork", "--print-address=1"]);
        s.env(&mut cmd);
        // The bus's own words and those of every service it starts (goa-daemon with all its
        // debug messages) go to bus.log, which the tests grep for the password.
        let log = s.file("bus.log");
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("start dbus-daemon: {e}\nInstall: {INSTALL}"));
        s.bus = first_line(&mut child, "dbus-daemon", Duration::from_secs(10));
        s.procs.push(Proc {
            name: "dbus-daemon",
            child,
        });
        s
    }

    /// The environment of everything in this session: folders of its own, debug messages on,
    /// no screen (an unlock prompt cannot appear and wait).
    fn env(&self, cmd: &mut Command) {
        let d = self.dir.path();
        cmd.env("HOME", d.join("home"))
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_DATA_HOME", d.join("data"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .env("XDG_RUNTIME_DIR", d.join("runtime"))
            .env("G_MESSAGES_DEBUG", "all")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("RUST_LOG");
        if !self.bus.is_empty() {
            cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.bus);
        } else {
            cmd.env_remove("DBUS_SESSION_BUS_ADDRESS");
        }
    }

    fn file(&self, name: &str) -> std::fs::File {
        std::fs::File::create(self.dir.path().join(name)).unwrap()
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_default()
    }

    /// goa-daemon's account file (empty when it wrote none).
    fn accounts_conf(&self) -> String {
        self.read("config/goa-1.0/accounts.conf")
    }

    async fn connect(&self) -> Connection {
        zbus::connection::Builder::address(self.bus.as_str())
            .unwrap()
            .build()
            .await
            .unwrap()
    }

    /// The daemon's objects, as a mail app reads them.
    async fn objects(&self) -> Objects {
        let conn = self.connect().await;
        let reply = conn
            .call_method(
                Some(goa::BUS_NAME),
                goa::ROOT_PATH,
                Some("org.freedesktop.DBus.ObjectManager"),
                "GetManagedObjects",
                &(),
            )
            .await
            .unwrap_or_else(|e| panic!("GetManagedObjects: {e}\n{}", self.read("bus.log")));
        reply.body().deserialize().unwrap()
    }

    /// The accounts among the objects: path → interfaces.
    async fn accounts(&self) -> Vec<(String, HashMap<String, Properties>)> {
        let mut out: Vec<_> = self
            .objects()
            .await
            .into_iter()
            .filter(|(_, interfaces)| interfaces.contains_key(goa::ACCOUNT_INTERFACE))
            .map(|(path, interfaces)| (path.to_string(), interfaces))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Every file of the session (logs, goa-daemon's account file, the keyring's own files),
    /// as text, for the password grep.
    fn every_file(&self) -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        let mut stack = vec![self.dir.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.is_file() {
                    let bytes = std::fs::read(&path).unwrap_or_default();
                    out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
                }
            }
        }
        out
    }
}

async fn name_has_owner(conn: &Connection, name: &str) -> bool {
    let reply = conn
        .call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus"),
            "NameHasOwner",
            &(name,),
        )
        .await
        .unwrap();
    reply.body().deserialize().unwrap()
}

fn text(props: &Properties, key: &str) -> String {
    let value: &Value<'_> = props
        .get(key)
        .unwrap_or_else(|| panic!("no {key} in {props:?}"));
    <&str>::try_from(value)
        .unwrap_or_else(|_| panic!("{key} is not a string: {value:?}"))
        .to_string()
}

fn flag(props: &Properties, key: &str) -> bool {
    let value: &Value<'_> = props
        .get(key)
        .unwrap_or_else(|| panic!("no {key} in {props:?}"));
    bool::try_from(value).unwrap_or_else(|_| panic!("{key} is not a boolean: {value:?}"))
}

/// The credentials goa-daemon stored for an account id, read from the Secret Service
/// directly (its `org.gnome.OnlineAccounts` item, as `secret-tool` would find it).
async fn keyring_entry(session: &Session, id: &str) -> String {
    const SECRETS: &str = "org.freedesktop.secrets";
    let conn = session.connect().await;
    let attributes = HashMap::from([("goa-identity", format!("imap_smtp:gen0:{id}"))]);
    let reply = conn
        .call_method(
            Some(SECRETS),
            "/org/freedesktop/secrets",
            Some("org.freedesktop.Secret.Service"),
            "SearchItems",
            &(attributes,),
        )
        .await
        .unwrap();
    let (unlocked, locked): (Vec<OwnedObjectPath>, Vec<OwnedObjectPath>) =
        reply.body().deserialize().unwrap();
    assert_eq!(
        (unlocked.len(), locked.len()),
        (1, 0),
        "one unlocked keyring item for {id}"
    );
    let reply = conn
        .call_method(
            Some(SECRETS),
            "/org/freedesktop/secrets",
            Some("org.freedesktop.Secret.Service"),
            "OpenSession",
            &("plain", Value::from("")),
        )
        .await
        .unwrap();
    let (_, secret_session): (OwnedValue, OwnedObjectPath) = reply.body().deserialize().unwrap();
    let reply = conn
        .call_method(
            Some(SECRETS),
            unlocked[0].as_str(),
            Some("org.freedesktop.Secret.Item"),
            "GetSecret",
            &(secret_session,),
        )
        .await
        .unwrap();
    let (_, _, value, _): (OwnedObjectPath, Vec<u8>, Vec<u8>, String) =
        reply.body().deserialize().unwrap();
    String::from_utf8(value).unwrap()
}

/// The user's servers verified live against the real Dovecot, then made into the account
/// the store would save (IMAP or POP3 as asked; SMTP with STARTTLS first, so the account's
/// two servers differ in address, port and security).
async fn verified_account(user: &User, incoming: Protocol) -> VerifiedAccount {
    let d = dovecot::dovecot();
    let servers = [
        d.settings(Protocol::Imap, Security::Tls, user),
        d.settings(Protocol::Pop3, Security::Tls, user),
        d.settings(Protocol::Smtp, Security::StartTls, user),
    ];
    let reports = mailsetup::probe::probe_all(&servers, &user.secret(), &support::options()).await;
    let verified: Vec<SavedServer> = reports
        .iter()
        .filter_map(mailsetup::verify::verified_server)
        .collect();
    assert_eq!(verified.len(), 3, "every server verifies:\n{reports:#?}");
    let details = AccountDetails {
        email: EmailAddress::parse(&user.address).unwrap(),
        display_name: "Ünïcode Tester".into(),
        source: SettingsSource::new(SourceKind::Manual),
        allow_plaintext: false,
        incoming: Some(incoming),
        verified_at: Timestamp::now(),
        ca_file: Some(d.ca_file.clone()),
        pinned_keys: Vec::new(),
    };
    VerifiedAccount::from_servers(details, &verified).unwrap()
}

fn assert_no_password(what: &str, text: &str, user: &User) {
    support::assert_no_secret(what, text, &user.address, &user.password);
}

/// Everything the session wrote, and the words of an error, hold no form of the password.
fn assert_no_password_anywhere(session: &Session, user: &User) {
    for (path, text) in session.every_file() {
        assert_no_password(&path.display().to_string(), &text, user);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verified_account_appears_in_goa_with_its_servers_and_the_password_only_in_its_keyring() {
    let user = &dovecot::dovecot().unicode;
    let d = dovecot::dovecot();
    let account = verified_account(user, Protocol::Imap).await;
    assert_eq!(account.outgoing.auth_method.as_deref(), Some("AUTH PLAIN"));
    let session = Session::start(Keyring::Unlocked).await;

    let started = Instant::now();
    let path = goa::add_account_at(&session.bus, &account, &user.secret())
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", session.read("bus.log")));
    // The figure for the report (goa-daemon started by the bus on this first call).
    eprintln!("add_account: {:?}", started.elapsed());
    let id = path
        .strip_prefix("/org/gnome/OnlineAccounts/Accounts/")
        .unwrap_or_else(|| panic!("an account path: {path}"));

    // The daemon's objects, as Evolution and Geary read them.
    let accounts = session.accounts().await;
    assert_eq!(accounts.len(), 1, "{accounts:?}");
    let (found, interfaces) = &accounts[0];
    assert_eq!(found, &path);
    let acc = &interfaces[goa::ACCOUNT_INTERFACE];
    assert_eq!(text(acc, "ProviderType"), "imap_smtp");
    assert_eq!(text(acc, "Id"), id);
    assert_eq!(text(acc, "Identity"), user.address);
    assert_eq!(text(acc, "PresentationIdentity"), user.address);
    assert!(!flag(acc, "MailDisabled"));
    assert!(interfaces.contains_key(goa::PASSWORD_INTERFACE));
    let mail = interfaces
        .get(goa::MAIL_INTERFACE)
        .unwrap_or_else(|| panic!("a mail account: {interfaces:?}"));
    let imap = d.listener(Protocol::Imap, Security::Tls);
    let smtp = d.listener(Protocol::Smtp, Security::StartTls);
    assert_eq!(text(mail, "EmailAddress"), user.address);
    assert_eq!(text(mail, "Name"), "Ünïcode Tester");
    assert_eq!(text(mail, "ImapHost"), imap.hostport());
    assert_eq!(text(mail, "ImapUserName"), user.address);
    assert!(flag(mail, "ImapSupported"));
    assert!(flag(mail, "ImapUseSsl"), "implicit TLS");
    assert!(!flag(mail, "ImapUseTls"), "not STARTTLS");
    assert!(!flag(mail, "ImapAcceptSslErrors"));
    assert_eq!(text(mail, "SmtpHost"), smtp.hostport());
    assert_eq!(text(mail, "SmtpUserName"), user.address);
    assert!(flag(mail, "SmtpSupported"));
    assert!(!flag(mail, "SmtpUseSsl"), "not implicit TLS");
    assert!(flag(mail, "SmtpUseTls"), "STARTTLS");
    assert!(flag(mail, "SmtpUseAuth"));
    assert!(flag(mail, "SmtpAuthPlain"));
    assert!(!flag(mail, "SmtpAuthLogin"));
    assert!(!flag(mail, "SmtpAcceptSslErrors"));

    // The password: in GOA's keyring item (both credentials), and in no file, log or word.
    let entry = keyring_entry(&session, id).await;
    for key in [goa::IMAP_PASSWORD, goa::SMTP_PASSWORD] {
        assert!(
            entry.contains(&format!("'{key}': <'{}'>", user.password)),
            "the keyring item holds {key} with the password"
        );
    }
    let conf = session.accounts_conf();
    assert!(conf.contains(&format!("[Account {id}]")), "{conf}");
    assert!(conf.contains("Provider=imap_smtp"), "{conf}");
    assert!(
        conf.contains(&format!("ImapHost={}", imap.hostport())),
        "{conf}"
    );
    // The grep covers goa-daemon's own output (all its debug messages), via the bus's log.
    let log = session.read("bus.log");
    assert!(log.contains("goa-daemon version"), "{log}");
    assert_no_password_anywhere(&session, user);
    assert_no_password("the account path", &path, user);

    // A second hand-off of the same address is refused, and nothing is added.
    let again = goa::add_account_at(&session.bus, &account, &user.secret())
        .await
        .unwrap_err();
    assert_eq!(
        again,
        GoaError::AlreadyExists {
            email: user.address.clone(),
            provider: "imap_smtp".into(),
            path: path.clone(),
        }
    );
    assert_no_password("the error", &format!("{again} {again:?}"), user);
    assert_eq!(again.key(), "goa-already-exists");
    assert_eq!(session.accounts().await.len(), 1);
    assert_eq!(session.accounts_conf().matches("[Account ").count(), 1);

    // Another address is no duplicate: it is added beside the first (daemon running now).
    let alice = &d.alice;
    let other = verified_account(alice, Protocol::Imap).await;
    let started = Instant::now();
    let second = goa::add_account_at(&session.bus, &other, &alice.secret())
        .await
        .unwrap();
    eprintln!("add_account, daemon running: {:?}", started.elapsed());
    assert_ne!(second, path);
    let accounts = session.accounts().await;
    assert_eq!(accounts.len(), 2);
    let mail = &accounts.iter().find(|(p, _)| p == &second).unwrap().1[goa::MAIL_INTERFACE];
    assert_eq!(text(mail, "EmailAddress"), alice.address);
    assert_no_password_anywhere(&session, alice);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pop3_and_oauth_accounts_are_refused_saying_why_and_nothing_is_added() {
    let user = &dovecot::dovecot().unicode;
    let session = Session::start(Keyring::Unlocked).await;

    let pop3 = verified_account(user, Protocol::Pop3).await;
    assert_eq!(pop3.incoming.settings.protocol, Protocol::Pop3);
    let refused = goa::add_account_at(&session.bus, &pop3, &user.secret())
        .await
        .unwrap_err();
    assert_eq!(
        refused,
        GoaError::Pop3 {
            email: user.address.clone()
        }
    );
    let words = refused.to_string();
    assert!(
        words.contains("POP3") && words.contains("only IMAP"),
        "{words}"
    );
    assert_no_password("the POP3 error", &format!("{refused} {refused:?}"), user);

    let mut oauth = verified_account(user, Protocol::Imap).await;
    oauth.oauth2 = Some(OAuth2Login {
        issuer: "https://login.example.test".into(),
        provider: "example".into(),
        client_id: "mailsetup".into(),
        scopes: vec!["mail".into()],
        mechanism: Some("XOAUTH2".into()),
        token_endpoint: None,
        revocation_endpoint: None,
        client_source: None,
        resource: None,
    });
    let refused = goa::add_account_at(&session.bus, &oauth, &user.secret())
        .await
        .unwrap_err();
    assert_eq!(
        refused,
        GoaError::OAuth {
            email: user.address.clone()
        }
    );
    assert!(refused.to_string().contains("password only"), "{refused}");
    assert_no_password("the OAuth error", &format!("{refused} {refused:?}"), user);

    assert!(session.accounts().await.is_empty());
    assert_eq!(session.accounts_conf().matches("[Account ").count(), 0);
    assert_no_password_anywhere(&session, user);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_the_keyring_does_not_take_removes_the_account_again() {
    let user = &dovecot::dovecot().unicode;
    let account = verified_account(user, Protocol::Imap).await;
    let session = Session::start(Keyring::Locked).await;

    let failed = goa::add_account_at(&session.bus, &account, &user.secret())
        .await
        .unwrap_err();
    let GoaError::PasswordNotStored {
        reason,
        path,
        removed,
    } = &failed
    else {
        panic!(
            "not PasswordNotStored: {failed:?}\n{}",
            session.read("bus.log")
        );
    };
    assert!(*removed, "{failed}");
    assert!(
        path.starts_with("/org/gnome/OnlineAccounts/Accounts/"),
        "{path}"
    );
    // goa-daemon's own words for the missing keyring item.
    assert!(
        reason.contains("No credentials found in the keyring"),
        "{reason}"
    );
    assert!(failed.to_string().contains("removed again"), "{failed}");
    assert_no_password("the error", &format!("{failed} {failed:?}"), user);

    assert!(session.accounts().await.is_empty(), "the account is gone");
    assert_eq!(session.accounts_conf().matches("[Account ").count(), 0);
    assert_no_password_anywhere(&session, user);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_goa_daemon_on_the_bus_or_no_bus_at_all_is_said_plainly() {
    let user = &dovecot::dovecot().unicode;
    let account = verified_account(user, Protocol::Imap).await;

    let bare = Session::bare();
    let failed = goa::add_account_at(&bare.bus, &account, &user.secret())
        .await
        .unwrap_err();
    assert_eq!(failed, GoaError::NotInstalled);

    let nowhere = format!(
        "unix:path={}",
        bare.dir.path().join("no-bus-here").display()
    );
    let failed = goa::add_account_at(&nowhere, &account, &user.secret())
        .await
        .unwrap_err();
    assert!(
        matches!(failed, GoaError::NoSessionBus { .. }),
        "{failed:?}"
    );
    assert_no_password("the error", &format!("{failed} {failed:?}"), user);
}
