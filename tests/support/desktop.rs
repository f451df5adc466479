//! A private desktop for one test: what a Linux session gives an app a screen reader can read.
//!
//! In this order: a private D-Bus session bus (`dbus-daemon --session`), an unlocked
//! throwaway gnome-keyring on it (the Secret Service the app stores the password in), an X
//! server (Xvfb, display chosen by Xvfb itself), and the accessibility bus
//! (`at-spi-bus-launcher` from at-spi2-core, which starts its own bus and lets D-Bus
//! activate the AT-SPI registry) with accessibility and the screen reader switched on — the
//! `org.a11y.Status` `IsEnabled` property that AccessKit (accesskit_unix) waits for before it
//! publishes the app's tree. Then `screen_reader` starts `tests/a11y_bus.py` (pyatspi, as
//! Orca uses it) and `Keyboard` types with xdotool (XTEST key events, as a keyboard would).
//!
//! Every process is a child of the test and is stopped (SIGTERM, then SIGKILL) when the
//! `Desktop` is dropped, in the reverse order. A missing tool fails with the install step.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The Debian packages this desktop needs, as `scripts/test` installs them.
pub const PACKAGES: &str = "xvfb dbus gnome-keyring at-spi2-core python3-pyatspi xdotool \
     libx11-6 libx11-xcb1 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0 libgl1 libgl1-mesa-dri";

/// The system Python (pyatspi is a Debian package, not on another interpreter's path).
const PYTHON: &str = "/usr/bin/python3";
const BUS_LAUNCHER: &str = "/usr/libexec/at-spi-bus-launcher";
const REGISTRY: &str = "/usr/libexec/at-spi2-registryd";

/// Fails the test with the install step when a tool is missing.
pub fn require_tools() {
    let mut missing = Vec::new();
    for (tool, package) in [
        ("Xvfb", "xvfb"),
        ("dbus-daemon", "dbus"),
        ("gnome-keyring-daemon", "gnome-keyring"),
        ("xdotool", "xdotool"),
    ] {
        if !on_path(tool) {
            missing.push(format!("{tool} ({package})"));
        }
    }
    for (path, package) in [(BUS_LAUNCHER, "at-spi2-core"), (REGISTRY, "at-spi2-core")] {
        if !Path::new(path).exists() {
            missing.push(format!("{path} ({package})"));
        }
    }
    let pyatspi = Command::new(PYTHON)
        .args(["-c", "import pyatspi"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !pyatspi {
        missing.push(format!("{PYTHON} with pyatspi (python3-pyatspi)"));
    }
    assert!(
        missing.is_empty(),
        "missing for the accessibility-bus tests: {}.\nInstall: apt-get install --no-install-recommends {PACKAGES}\n(scripts/test installs them)",
        missing.join(", ")
    );
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths)
            .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
            .any(|d| d.join(tool).is_file())
    })
}

/// A child process stopped when dropped.
pub struct Proc {
    pub name: &'static str,
    pub child: Child,
}

impl Proc {
    fn spawn(name: &'static str, cmd: &mut Command) -> Self {
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("start {name}: {e} (install: {PACKAGES})"));
        Self { name, child }
    }

    /// Stops the process: SIGTERM, up to 3 s, then SIGKILL. Returns its exit status.
    pub fn stop(&mut self) -> Option<std::process::ExitStatus> {
        if let Ok(Some(status)) = self.child.try_wait() {
            return Some(status);
        }
        // SAFETY: kill(2) on our own child's pid, which we have not reaped yet.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        let end = Instant::now() + Duration::from_secs(3);
        while Instant::now() < end {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        self.child.wait().ok()
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Reads the first line a child writes on stdout (an address, a display number).
pub fn first_line(child: &mut Child, what: &str, limit: Duration) -> String {
    let out = child.stdout.take().expect("piped stdout");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let mut r = BufReader::new(out);
        let _ = r.read_line(&mut line);
        let _ = tx.send(line);
        // Keep draining so the child never blocks on a full pipe.
        let _ = std::io::copy(&mut r, &mut std::io::sink());
    });
    let line = rx
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{what} said nothing within {limit:?}"));
    let line = line.trim().to_string();
    assert!(!line.is_empty(), "{what} exited without saying its address");
    line
}

/// Waits until an X client can connect to `display` (once, in a full run, the app found no X
/// server although Xvfb had named its display); panics with Xvfb's own words otherwise.
fn wait_for_x(display: &str, log: &Path) {
    let end = Instant::now() + Duration::from_secs(15);
    while Instant::now() < end {
        let ok = Command::new("xdotool")
            .arg("getdisplaygeometry")
            .env("DISPLAY", display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!(
        "no X client could connect to Xvfb on {display} within 15 s; Xvfb said:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// The session: bus, keyring, X server, accessibility bus.
pub struct Desktop {
    pub dir: tempfile::TempDir,
    pub bus: String,
    pub display: String,
    procs: Vec<Proc>,
}

impl Desktop {
    pub fn start() -> Self {
        require_tools();
        let dir = tempfile::tempdir().expect("temp dir");
        let runtime = dir.path().join("runtime");
        std::fs::create_dir(&runtime).expect("runtime dir");
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700))
                .expect("chmod runtime dir");
        }
        let mut procs = Vec::new();

        let mut dbus = Proc::spawn(
            "dbus-daemon",
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .env("XDG_RUNTIME_DIR", &runtime)
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let bus = first_line(&mut dbus.child, "dbus-daemon", Duration::from_secs(10));
        procs.push(dbus);

        // The keyring: unlocked with a throwaway password, its files in this test's folder.
        let data = dir.path().join("data");
        std::fs::create_dir(&data).expect("data dir");
        let mut keyring = Proc::spawn(
            "gnome-keyring-daemon",
            Command::new("gnome-keyring-daemon")
                .args(["--foreground", "--unlock", "--components=secrets"])
                .env("DBUS_SESSION_BUS_ADDRESS", &bus)
                .env("XDG_RUNTIME_DIR", &runtime)
                .env("XDG_DATA_HOME", &data)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        if let Some(mut stdin) = keyring.child.stdin.take() {
            let pw = format!("kr-{}-{:?}", std::process::id(), Instant::now());
            let _ = stdin.write_all(pw.as_bytes());
        }
        procs.push(keyring);

        let mut xvfb = Proc::spawn(
            "Xvfb",
            Command::new("Xvfb")
                // -noreset: an X server resets when its last client leaves and refuses
                // connections meanwhile; the app, connecting just after the readiness probe
                // (or the bus launcher) left, found no X server (twice in full runs).
                .args([
                    "-noreset",
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    "1024x768x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::piped())
                .stderr(std::fs::File::create(dir.path().join("xvfb.log")).expect("Xvfb log")),
        );
        let display = format!(
            ":{}",
            first_line(&mut xvfb.child, "Xvfb", Duration::from_secs(20))
        );
        procs.push(xvfb);
        wait_for_x(&display, &dir.path().join("xvfb.log"));

        let launcher = Proc::spawn(
            "at-spi-bus-launcher",
            Command::new(BUS_LAUNCHER)
                .args(["--launch-immediately", "--a11y=1", "--screen-reader=1"])
                .env("DBUS_SESSION_BUS_ADDRESS", &bus)
                .env("DISPLAY", &display)
                .env("XDG_RUNTIME_DIR", &runtime)
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        procs.push(launcher);

        let desktop = Self {
            dir,
            bus,
            display,
            procs,
        };
        desktop.wait_for_a11y_bus();
        desktop
    }

    /// The environment every program of this session gets.
    pub fn env(&self, cmd: &mut Command) {
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("DISPLAY", &self.display)
            .env("XDG_RUNTIME_DIR", self.dir.path().join("runtime"))
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("AT_SPI_BUS_ADDRESS")
            .env_remove("RUST_LOG");
    }

    /// Waits until the launcher owns org.a11y.Bus, then switches accessibility and the
    /// screen reader on there (as Orca does on start) and waits until it reads back on.
    fn wait_for_a11y_bus(&self) {
        let end = Instant::now() + Duration::from_secs(15);
        let mut last = String::new();
        while Instant::now() < end {
            for property in ["IsEnabled", "ScreenReaderEnabled"] {
                self.dbus_send(&[
                    "org.freedesktop.DBus.Properties.Set",
                    "string:org.a11y.Status",
                    &format!("string:{property}"),
                    "variant:boolean:true",
                ]);
            }
            last = self.dbus_send(&[
                "org.freedesktop.DBus.Properties.Get",
                "string:org.a11y.Status",
                "string:IsEnabled",
            ]);
            if last.contains("boolean true") {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the accessibility bus did not come up: {last}");
    }

    /// A call to the accessibility bus launcher on the session bus; its output.
    fn dbus_send(&self, call: &[&str]) -> String {
        let mut cmd = Command::new("dbus-send");
        self.env(&mut cmd);
        let out = cmd
            .args([
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
            ])
            .args(call)
            .output()
            .expect("dbus-send (package dbus)");
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
    }

    /// Starts a program in this session; it is stopped with the desktop.
    pub fn spawn(&mut self, name: &'static str, cmd: &mut Command) -> &mut Proc {
        self.env(cmd);
        self.procs.push(Proc::spawn(name, cmd));
        self.procs.last_mut().expect("just pushed")
    }

    /// Waits until the program started as `name` ends; its exit status, or None in time.
    pub fn wait_exit(&mut self, name: &str, limit: Duration) -> Option<std::process::ExitStatus> {
        let p = self.procs.iter_mut().find(|p| p.name == name)?;
        let end = Instant::now() + limit;
        loop {
            if let Ok(Some(status)) = p.child.try_wait() {
                return Some(status);
            }
            if Instant::now() >= end {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A file in this session's folder, as text (empty when absent).
    pub fn log(&self, file: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(file)).unwrap_or_default()
    }

    /// Starts the stand-in screen reader (tests/a11y_bus.py).
    pub fn screen_reader(&mut self) -> ScreenReader {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y_bus.py");
        let mut cmd = Command::new(PYTHON);
        cmd.arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let proc = self.spawn("screen reader", &mut cmd);
        let stdin = proc.child.stdin.take().expect("stdin");
        let stdout = proc.child.stdout.take().expect("stdout");
        let mut stderr = proc.child.stderr.take().expect("stderr");
        let (tx, errors) = channel();
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            let _ = tx.send(text);
        });
        let mut reader = ScreenReader {
            stdin,
            stdout: BufReader::new(stdout),
            errors,
            seen: String::new(),
        };
        let hello = reader.read_answer();
        assert_eq!(hello["ready"], true, "screen reader: {hello}");
        reader
    }

    /// The keyboard: xdotool sending key events to the window of the app named `title`.
    pub fn keyboard(&self, title: &str) -> Keyboard {
        let mut k = Keyboard {
            env: vec![
                ("DISPLAY".into(), self.display.clone()),
                ("DBUS_SESSION_BUS_ADDRESS".into(), self.bus.clone()),
            ],
            window: String::new(),
        };
        let out = k.run(&["search", "--sync", "--limit", "1", "--name", title]);
        k.window = out.lines().next().unwrap_or_default().trim().to_string();
        assert!(!k.window.is_empty(), "no window named {title}");
        // No window manager: give the window the keyboard focus ourselves.
        k.run(&["windowfocus", "--sync", &k.window.clone()]);
        k
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        while let Some(mut p) = self.procs.pop() {
            p.stop();
        }
    }
}

/// The stand-in screen reader's end of the pipe.
pub struct ScreenReader {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    errors: Receiver<String>,
    /// Everything the reader has reported, for the password check.
    pub seen: String,
}

impl ScreenReader {
    fn read_answer(&mut self) -> Value {
        let mut line = String::new();
        let n = self.stdout.read_line(&mut line).unwrap_or(0);
        if n == 0 {
            let err = self
                .errors
                .recv_timeout(Duration::from_secs(2))
                .unwrap_or_default();
            panic!("the screen reader script stopped: {err}");
        }
        self.seen.push_str(&line);
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("screen reader said {line:?}: {e}"))
    }

    /// Sends one command and returns the answer (`ok` checked).
    pub fn ask(&mut self, cmd: Value) -> Value {
        writeln!(self.stdin, "{cmd}").expect("write to the screen reader");
        self.stdin.flush().expect("flush");
        let a = self.read_answer();
        assert_eq!(a["ok"], true, "screen reader, {cmd}: {a}");
        a
    }

    /// Waits until the app named `name` is on the accessibility bus with a window.
    /// Err with the reader's words when it does not come.
    pub fn wait_app(&mut self, name: &str) -> Result<(), String> {
        let cmd = serde_json::json!({"cmd": "wait_app", "name": name, "secs": 30});
        writeln!(self.stdin, "{cmd}").expect("write to the screen reader");
        self.stdin.flush().expect("flush");
        let a = self.read_answer();
        if a["ok"] == true {
            Ok(())
        } else {
            Err(a["error"].as_str().unwrap_or_default().to_string())
        }
    }

    /// Every accessible of the app, in tree order, with all a reader can ask of each.
    pub fn tree(&mut self) -> Vec<Value> {
        let a = self.ask(serde_json::json!({"cmd": "tree"}));
        a["nodes"].as_array().cloned().unwrap_or_default()
    }

    /// The same with role, name and states only (quicker, for waiting).
    pub fn outline_tree(&mut self) -> Vec<Value> {
        let a = self.ask(serde_json::json!({"cmd": "tree", "full": false}));
        a["nodes"].as_array().cloned().unwrap_or_default()
    }

    /// The accessible the last focus event named, if it still has the focused state.
    pub fn focused(&mut self) -> Option<Value> {
        let a = self.ask(serde_json::json!({"cmd": "focused"}));
        Some(a["node"].clone()).filter(|n| !n.is_null())
    }

    /// The events since the last call.
    pub fn events(&mut self) -> Vec<Value> {
        let a = self.ask(serde_json::json!({"cmd": "events"}));
        a["events"].as_array().cloned().unwrap_or_default()
    }

    /// Polls the tree (role, name, states) until `ready` holds for it, up to `limit`;
    /// returns the whole tree then.
    pub fn wait_tree(
        &mut self,
        limit: Duration,
        what: &str,
        ready: impl FnMut(&[Value]) -> bool,
    ) -> Vec<Value> {
        self.wait(limit, what, false, ready)
    }

    /// The same, testing the whole tree (texts, interfaces) each time.
    pub fn wait_full_tree(
        &mut self,
        limit: Duration,
        what: &str,
        ready: impl FnMut(&[Value]) -> bool,
    ) -> Vec<Value> {
        self.wait(limit, what, true, ready)
    }

    fn wait(
        &mut self,
        limit: Duration,
        what: &str,
        full: bool,
        mut ready: impl FnMut(&[Value]) -> bool,
    ) -> Vec<Value> {
        let end = Instant::now() + limit;
        loop {
            let tree = if full {
                self.tree()
            } else {
                self.outline_tree()
            };
            if ready(&tree) {
                return if full { tree } else { self.tree() };
            }
            assert!(
                Instant::now() < end,
                "waited {limit:?} for {what}; the tree:\n{}",
                outline(&tree)
            );
            std::thread::sleep(Duration::from_millis(150));
        }
    }
}

/// The tree as indented lines `role "name"` (for failure messages and the report).
pub fn outline(tree: &[Value]) -> String {
    tree.iter()
        .map(|n| {
            format!(
                "{}{} {:?}{}",
                "  ".repeat(n["depth"].as_u64().unwrap_or(0) as usize),
                n["role"].as_str().unwrap_or("?"),
                n["name"].as_str().unwrap_or(""),
                n.get("text")
                    .and_then(Value::as_str)
                    .map(|t| format!(" text={t:?}"))
                    .unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// xdotool on the session's display.
pub struct Keyboard {
    env: Vec<(String, String)>,
    window: String,
}

impl Keyboard {
    fn run(&mut self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .output()
            .unwrap_or_else(|e| panic!("xdotool: {e} (install: {PACKAGES})"));
        assert!(
            out.status.success(),
            "xdotool {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Presses keys by their X names ("Tab", "Return", "space", "shift+Tab").
    pub fn key(&mut self, keys: &str) {
        self.run(&["key", "--clearmodifiers", "--delay", "40", keys]);
    }

    /// Types text (one key event per character).
    pub fn type_text(&mut self, text: &str) {
        self.run(&["type", "--clearmodifiers", "--delay", "30", text]);
    }
}
