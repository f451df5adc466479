//! A real MTA for the round-trip tests: Postfix, run as its own instance in this run's scratch
//! directory, accepting mail from Dovecot's submission service on a loopback port and
//! delivering it over LMTP (RFC 2033) into Dovecot, so a test message really arrives in the
//! mailbox it was sent to.
//!
//! One domain is routed to a dead LMTP port on purpose (`BROKEN_DOMAIN`): Postfix accepts a
//! message for it, queues it and never delivers — the "accepted but not arrived" case.
//!
//! Postfix needs root (its master daemon changes to the `postfix` user). The master runs in the
//! foreground (`master -d`) under `setpriv --pdeathsig TERM`, started from a thread that only
//! waits for it, so it stops when the test process ends (as Dovecot does).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::wait_until;

/// What to install when Postfix is missing.
pub const INSTALL_HINT: &str = "run scripts/test (it installs what the tests need), or as root: \
     apt-get install --no-install-recommends postfix dovecot-lmtpd";

/// Mail for this domain is accepted by Postfix and never delivered.
pub const BROKEN_DOMAIN: &str = "broken.test";

/// A running Postfix instance.
#[derive(Debug)]
pub struct Mta {
    /// The SMTP port Dovecot relays to (127.0.0.1).
    pub port: u16,
    pub config_dir: PathBuf,
    pub log: PathBuf,
    pub pid: u32,
}

impl Mta {
    /// Starts Postfix in `dir`: SMTP on 127.0.0.1:`port`, mail for `domain` delivered over
    /// LMTP to 127.0.0.1:`lmtp_port`, mail for `BROKEN_DOMAIN` to `dead_port` (nothing there).
    pub fn start(
        dir: &Path,
        port: u16,
        domain: &str,
        lmtp_port: u16,
        dead_port: u16,
    ) -> Result<Mta, String> {
        let postfix = Path::new("/usr/sbin/postfix");
        let master = Path::new("/usr/lib/postfix/sbin/master");
        if !postfix.is_file() || !master.is_file() {
            return Err(format!("Postfix is not installed: {INSTALL_HINT}"));
        }
        if Command::new("id")
            .arg("-u")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() != "0")
            .unwrap_or(true)
        {
            return Err(
                "the round-trip tests run a real Postfix, which needs root: run them as root \
                 (scripts/test on CI runs as root)"
                    .into(),
            );
        }
        let config_dir = dir.join("conf");
        let spool = dir.join("spool");
        let data = dir.join("data");
        for d in [&config_dir, &spool, &data] {
            std::fs::create_dir_all(d).map_err(|e| format!("create {}: {e}", d.display()))?;
        }
        // Postfix's daemons run as `postfix` and must reach their data directory.
        let chown = Command::new("chown")
            .arg("postfix")
            .arg(&data)
            .status()
            .map_err(|e| format!("chown postfix {}: {e}", data.display()))?;
        if !chown.success() {
            return Err(format!("chown postfix {} failed ({chown})", data.display()));
        }
        let log = dir.join("postfix.log");
        let main_cf = format!(
            "# Written by the mailsetup test harness; lives only as long as the test run.\n\
             compatibility_level = 3.6\n\
             queue_directory = {spool}\n\
             data_directory = {data}\n\
             mail_owner = postfix\n\
             setgid_group = postdrop\n\
             inet_interfaces = 127.0.0.1\n\
             inet_protocols = ipv4\n\
             myhostname = mta.{domain}\n\
             mydestination =\n\
             mynetworks = 127.0.0.0/8\n\
             relay_domains =\n\
             virtual_mailbox_domains = {domain}, {BROKEN_DOMAIN}\n\
             virtual_transport = lmtp:inet:127.0.0.1:{lmtp_port}\n\
             transport_maps = inline:{{{BROKEN_DOMAIN}=lmtp:inet:127.0.0.1:{dead_port}}}\n\
             smtpd_relay_restrictions = permit_mynetworks, reject\n\
             smtp_dns_support_level = disabled\n\
             maillog_file_prefixes = {dir}\n\
             maillog_file = {log}\n\
             biff = no\n\
             queue_run_delay = 1s\n\
             minimal_backoff_time = 1s\n\
             maximal_backoff_time = 2s\n",
            spool = spool.display(),
            data = data.display(),
            dir = dir.display(),
            log = log.display(),
        );
        let master_cf = format!(
            "127.0.0.1:{port} inet n - n - - smtpd\n\
             cleanup unix n - n - 0 cleanup\n\
             qmgr unix n - n 300 1 qmgr\n\
             rewrite unix - - n - - trivial-rewrite\n\
             bounce unix - - n - 0 bounce\n\
             defer unix - - n - 0 bounce\n\
             trace unix - - n - 0 bounce\n\
             verify unix - - n - 1 verify\n\
             flush unix n - n 1000? 0 flush\n\
             proxymap unix - - n - - proxymap\n\
             smtp unix - - n - - smtp\n\
             relay unix - - n - - smtp\n\
             error unix - - n - - error\n\
             retry unix - - n - - error\n\
             discard unix - - n - - discard\n\
             lmtp unix - - n - - lmtp\n\
             anvil unix - - n - 1 anvil\n\
             scache unix - - n - 1 scache\n\
             postlog unix-dgram n - n - 1 postlogd\n"
        );
        std::fs::write(config_dir.join("main.cf"), main_cf)
            .map_err(|e| format!("write main.cf: {e}"))?;
        std::fs::write(config_dir.join("master.cf"), master_cf)
            .map_err(|e| format!("write master.cf: {e}"))?;

        // `postfix check` creates the queue directories with their owners and modes.
        let check = Command::new(postfix)
            .arg("-c")
            .arg(&config_dir)
            .arg("check")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("run postfix check: {e}"))?;
        if !check.status.success() {
            return Err(format!(
                "postfix check failed ({}): {}{}",
                check.status,
                String::from_utf8_lossy(&check.stdout),
                String::from_utf8_lossy(&check.stderr)
            ));
        }

        let (tx, rx) = std::sync::mpsc::channel::<Result<u32, String>>();
        let (master, conf) = (master.to_owned(), config_dir.clone());
        let stderr_path = dir.join("master.stderr");
        let stderr = std::fs::File::create(&stderr_path).map_err(|e| e.to_string())?;
        // As for Dovecot: PDEATHSIG belongs to the forking thread, so this thread lives on.
        std::thread::Builder::new()
            .name("postfix".into())
            .spawn(move || {
                let child = Command::new("setpriv")
                    .arg("--pdeathsig")
                    .arg("TERM")
                    .arg(&master)
                    .arg("-d")
                    .arg("-c")
                    .arg(&conf)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(stderr)
                    .spawn();
                match child {
                    Err(e) => {
                        let _ = tx.send(Err(format!("could not run setpriv: {e}")));
                    }
                    Ok(mut child) => {
                        let _ = tx.send(Ok(child.id()));
                        let _ = child.wait();
                    }
                }
            })
            .map_err(|e| format!("spawn the Postfix thread: {e}"))?;
        let pid = rx
            .recv()
            .map_err(|_| "the Postfix thread died".to_string())??;
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        let up = wait_until(Duration::from_secs(15), || {
            TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
        });
        if !up {
            return Err(format!(
                "Postfix did not accept on {addr} within 15 s.\nstderr:\n{}\nlog:\n{}",
                std::fs::read_to_string(&stderr_path).unwrap_or_default(),
                std::fs::read_to_string(&log).unwrap_or_default()
            ));
        }
        Ok(Mta {
            port,
            config_dir,
            log,
            pid,
        })
    }

    /// Postfix's log so far (for failure messages and assertions).
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}
