//! The window's benchmark and screenshot walk, on a real X server (Xvfb) with the release
//! binary, against the test Dovecot on loopback.
//!
//! Prints: cold start to first frame (median of several starts), idle CPU over 10 s with the
//! window open (and again with the cursor in a text field), resident memory after a whole wizard run (account → manual settings → tests
//! → saved), and the size of the release binary. With `--screenshots DIR` it also writes one
//! PNG per page into DIR (what `scripts/screenshots` runs).
//!
//! Needs: `xvfb xdotool imagemagick x11-utils` and Dovecot; run inside a D-Bus session with
//! an unlocked keyring so the last page can save (`scripts/screenshots` sets all this up).
//! Build the binary first: `cargo build --release`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "../tests/netsupport/mod.rs"]
mod netsupport;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security};

const STARTS: usize = 7;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let shots = args
        .iter()
        .position(|a| a == "--screenshots")
        .map(|i| PathBuf::from(args.get(i + 1).expect("--screenshots DIR")));
    let bin = std::env::var_os("MAILSETUP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("release/mailsetup"));
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build --release` first",
        bin.display()
    );
    for tool in ["Xvfb", "xdotool", "xwininfo"] {
        assert!(
            which(tool),
            "`{tool}` is missing: apt-get install --no-install-recommends xvfb xauth xdotool imagemagick x11-utils"
        );
    }
    assert!(
        Path::new("/usr/bin/import").exists(),
        "ImageMagick's `import` is missing: apt-get install imagemagick"
    );

    let xvfb = Xvfb::start();
    let runtime_dir = tempfile::Builder::new().prefix("xdg-").tempdir().unwrap();
    let config_dir = tempfile::Builder::new()
        .prefix("config-")
        .tempdir()
        .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(runtime_dir.path(), std::fs::Permissions::from_mode(0o700))
            .unwrap();
    }
    let d = support::dovecot();
    // Loopback DNS and HTTPS; SRV records for example.test point at relays in front of
    // Dovecot; the ISPDB answers slowly so the lookup page can be seen at work.
    let rt = tokio::runtime::Runtime::new().expect("tokio");
    let (net, _relays) = rt.block_on(test_servers(d));
    let ca_file = config_dir.path().join("test-cas.pem");
    let dovecot_ca = std::fs::read_to_string(&d.ca_file).expect("Dovecot CA");
    std::fs::write(&ca_file, format!("{dovecot_ca}\n{}", net.ca.cert_pem())).unwrap();
    let env = Env {
        display: xvfb.display.clone(),
        runtime_dir: runtime_dir.path().to_path_buf(),
        config_dir: config_dir.path().to_path_buf(),
        ca_file,
        bin: bin.clone(),
        discovery: vec![
            ("MAILSETUP_DNS", net.dns.addr.to_string()),
            ("MAILSETUP_ISPDB_URL", net.ispdb_url()),
            ("MAILSETUP_HTTP_PORT", net.web.port.to_string()),
        ],
    };

    // 1. Cold start to first frame.
    let mut starts: Vec<f64> = (0..STARTS).map(|_| first_frame_ms(&env)).collect();
    starts.sort_by(|a, b| a.total_cmp(b));
    let median = starts[STARTS / 2];

    // 2. Idle CPU with the window open, then 3. a whole wizard run, then its memory.
    let mut app = env.spawn(&[]);
    let window = wait_window(&env);
    std::thread::sleep(Duration::from_secs(2));
    let cpu = idle_cpu(app.id(), Duration::from_secs(10));
    // The same with the cursor in the name field (the caret blinks, then stops): a key and
    // its undo put the focus there, then 3 s to settle.
    env.xdotool(&["windowfocus", "--sync", &window]);
    env.xdotool(&[
        "key",
        "--window",
        &window,
        "--delay",
        "40",
        "x",
        "BackSpace",
    ]);
    std::thread::sleep(Duration::from_secs(3));
    let cpu_focused = idle_cpu(app.id(), Duration::from_secs(10));
    let rss = walk(&env, &window, shots.as_deref(), d);
    let _ = app.kill();
    let _ = app.wait();

    // 4. The binary.
    let size = std::fs::metadata(&bin).map(|m| m.len()).unwrap_or(0);

    println!("cold start to first frame: {median:.0} ms (median of {STARTS}; all: {starts:.0?})");
    println!("idle CPU over 10 s:        {cpu:.2} %");
    println!("  … cursor in a text field: {cpu_focused:.2} % (after 3 s)");
    println!("RSS after a wizard run:    {:.1} MB", rss as f64 / 1024.0);
    println!(
        "release binary (stripped): {:.1} MB ({})",
        size as f64 / 1_048_576.0,
        bin.display()
    );
    if let Some(dir) = shots {
        println!("screenshots in {}", dir.display());
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn which(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Self {
        let n = 90 + std::process::id() % 100;
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb");
        let ok = support::wait_until(Duration::from_secs(10), || {
            Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        });
        assert!(ok, "Xvfb did not start on {display}");
        Xvfb { child, display }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Env {
    display: String,
    runtime_dir: PathBuf,
    config_dir: PathBuf,
    ca_file: PathBuf,
    bin: PathBuf,
    discovery: Vec<(&'static str, String)>,
}

async fn test_servers(
    d: &support::dovecot::Dovecot,
) -> (netsupport::Net, Vec<netsupport::proxy::TlsRelay>) {
    use netsupport::{LOOPBACK, Reply};
    let net = netsupport::Net::start().await;
    let mut relays = Vec::new();
    for (service, target, upstream) in [
        (
            "_imaps._tcp.example.test",
            "imap.example.test",
            d.imaps.addr(),
        ),
        (
            "_pop3s._tcp.example.test",
            "pop.example.test",
            d.pop3s.addr(),
        ),
        (
            "_submissions._tcp.example.test",
            "smtp.example.test",
            d.submissions.addr(),
        ),
    ] {
        let relay = netsupport::proxy::TlsRelay::start(
            std::net::SocketAddr::new(LOOPBACK.into(), 0),
            &net.ca,
            upstream,
            "localhost",
            support::pki().ca_der.clone(),
        )
        .await
        .expect("relay");
        net.dns.srv(service, 0, 1, relay.addr.port(), target);
        net.dns.a(target, LOOPBACK);
        relays.push(relay);
    }
    net.web.https(
        "ispdb.test",
        "/v1.1/example.test",
        Reply::Slow(Duration::from_secs(2), Box::new(Reply::Status(404))),
    );
    (net, relays)
}

impl Env {
    fn spawn(&self, extra: &[(&str, &str)]) -> Child {
        let mut c = Command::new(&self.bin);
        c.env("DISPLAY", &self.display)
            .env("XDG_RUNTIME_DIR", &self.runtime_dir)
            .env("MAILSETUP_CONFIG_DIR", &self.config_dir)
            .env("MAILSETUP_CA_FILE", &self.ca_file)
            .envs(self.discovery.iter().map(|(k, v)| (*k, v.as_str())))
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in extra {
            c.env(k, v);
        }
        c.spawn().expect("start the window")
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

fn first_frame_ms(env: &Env) -> f64 {
    let started = Instant::now();
    let mut child = env.spawn(&[("MAILSETUP_EXIT_AFTER_FIRST_FRAME", "1")]);
    let stdout = child.stdout.take().expect("stdout");
    let mut ms = None;
    for line in BufReader::new(stdout).lines() {
        if line.map(|l| l.contains("first-frame")).unwrap_or(false) {
            ms = Some(started.elapsed().as_secs_f64() * 1000.0);
            break;
        }
    }
    let _ = child.wait();
    ms.expect("the window never drew its first frame")
}

fn wait_window(env: &Env) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let id = env.xdotool(&["search", "--name", "^Mail Setup$"]);
        if let Some(first) = id.lines().next() {
            return first.to_string();
        }
        assert!(Instant::now() < deadline, "no window titled \"Mail Setup\"");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// CPU time used by a process over `over`, as a percentage of one core.
fn idle_cpu(pid: u32, over: Duration) -> f64 {
    let ticks = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
        let f: Vec<&str> = after.split_whitespace().collect();
        // Fields 14 (utime) and 15 (stime); `after` starts at field 3.
        f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
            + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
    };
    let hz = 100.0; // USER_HZ on Linux
    let a = ticks();
    std::thread::sleep(over);
    let b = ticks();
    (b - a) as f64 / hz / over.as_secs_f64() * 100.0
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Walks the wizard with the keyboard only; returns the resident memory at the end (KB).
fn walk(env: &Env, window: &str, shots: Option<&Path>, d: &support::dovecot::Dovecot) -> u64 {
    let pid: u32 = env.xdotool(&["getwindowpid", window]).parse().unwrap_or(0);
    let shot = |name: &str| {
        if let Some(dir) = shots {
            std::fs::create_dir_all(dir).expect("screenshot folder");
            // Let the last input settle into a frame.
            std::thread::sleep(Duration::from_millis(400));
            let file = dir.join(format!("{name}.png"));
            let ok = Command::new("/usr/bin/import")
                .args(["-window", window, &file.to_string_lossy()])
                .env("DISPLAY", &env.display)
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            assert!(ok, "screenshot {name} failed");
        }
    };
    let focus = || {
        env.xdotool(&["windowfocus", "--sync", window]);
    };
    let key = |k: &str| {
        env.xdotool(&["key", "--window", window, "--delay", "40", k]);
        std::thread::sleep(Duration::from_millis(120));
    };
    let keys = |k: &str, n: usize| {
        for _ in 0..n {
            key(k);
        }
    };
    let typ = |t: &str| {
        env.xdotool(&["type", "--window", window, "--delay", "15", t]);
        std::thread::sleep(Duration::from_millis(150));
    };
    // Replaces the focused field's text.
    let retype = |t: &str| {
        key("ctrl+a");
        typ(t);
    };

    focus();
    shot("01-account");
    typ("Alice Example");
    key("Tab");
    typ(&d.alice.address);
    key("Tab");
    typ(&d.alice.password);
    shot("02-account-filled");

    // Enter: the lookup runs (the ISPDB is slow on purpose), then the protocol page.
    key("Return");
    std::thread::sleep(Duration::from_millis(500));
    shot("03-lookup");
    std::thread::sleep(Duration::from_secs(4));
    shot("04-protocol");
    // Enter: test the recommended servers, then Enter again: save.
    key("Return");
    std::thread::sleep(Duration::from_secs(3));
    shot("05-testing");
    key("Return");
    std::thread::sleep(Duration::from_secs(2));
    shot("06-done");
    let rss = rss_kb(pid);

    // A second account by hand, with a wrong password: the manual page and a diagnosis.
    // Done page, Tab order: Technician view, Copy report, Save report…, Close, Add another
    // account.
    keys("Tab", 5);
    key("Return");
    typ("Alice Example");
    key("Tab");
    typ(&d.alice.address);
    key("Tab");
    typ("not the password");
    // Tab: "Show password", Next, "Set up manually".
    keys("Tab", 3);
    key("Return");
    // The cursor starts in the incoming server field; then in Tab order: port, three
    // security choices, user name, outgoing server, port.
    let imaps = d.listener(Protocol::Imap, Security::Tls);
    let subs = d.listener(Protocol::Smtp, Security::Tls);
    retype(&imaps.host);
    key("Tab");
    retype(&imaps.port.to_string());
    keys("Tab", 5);
    retype(&subs.host);
    key("Tab");
    retype(&subs.port.to_string());
    shot("07-manual");
    // Enter in a field means "Test settings".
    key("Return");
    std::thread::sleep(Duration::from_secs(4));
    shot("08-testing-failed");
    rss
}
