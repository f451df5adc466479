//! The Windows exe under wine (64-bit) against the test Dovecot on loopback: certificate
//! checks, the Credential Manager and the window, run for real. `scripts/package --check` runs
//! it on the cross-built release exe; it is not part of `scripts/test` (Cargo.toml: `test =
//! false`, so `cargo test --all-targets` leaves it out), because it needs the Windows build.
//!
//!   MAILSETUP_WINE_EXE=path/to/mailsetup.exe cargo test --test windows_wine
//!
//! `MAILSETUP_WINE_PREFIX` names a prefix made already (`wineboot --init`, with the
//! `bcryptprimitives.dll` stand-in wine 8 needs: `packaging/windows/wine/`); without it each
//! run makes its own in a temporary folder. The tests, each on its own:
//! 1. `diagnose` IMAP and SMTP (both implicit TLS) with `--ca-file`: PASS both. Wine's crypt32
//!    cannot set up Windows' verifier with extra roots, so the CA file alone verifies, and
//!    the exe says so (`crate::verifier`).
//! 2. Without `--ca-file` Windows' own verifier runs (wine's crypt32, the host's CAs as its
//!    roots) and does not trust the test CA: `certificate_untrusted` for both (exit 1), the
//!    typed cause; with the server's key pinned (`--pin-sha256`, the key that report showed,
//!    as "Trust this server's key" stores it) both verify.
//! 3. `diagnose --save` writes the password through the Windows Credential Manager code path
//!    (wine keeps credentials under `HKCU\Software\Wine\Credential Manager`, where the test
//!    looks); `accounts check` verifies with it; `accounts remove` deletes the account and the
//!    credential; a second `accounts check` says the account is gone.
//! 4. The window (no arguments) opens under Xvfb through wine's OpenGL (glow); a screenshot of
//!    the screen (`xwd`) is written as PNG to `target/windows-wine/window.png`.
//!
//! The password is in no output and no file; every wine run has a deadline.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security};
use serde_json::Value;
use store_common::{ChildOutput, run_with_deadline};
use support::dovecot;

/// One exe run under wine; the first one in a fresh prefix also starts wine's services.
const LIMIT: Duration = Duration::from_secs(240);

/// What every test runs: the exe and the prefix.
struct Wine {
    exe: PathBuf,
    prefix: PathBuf,
    /// Keeps a prefix made here until the process ends.
    _made: Option<tempfile::TempDir>,
}

static WINE: LazyLock<Wine> = LazyLock::new(|| {
    let exe = std::env::var_os("MAILSETUP_WINE_EXE")
        .map(PathBuf::from)
        .expect(
            "MAILSETUP_WINE_EXE must name the cross-built mailsetup.exe \
         (scripts/package --check sets it; or build it with \
         `cargo build --target x86_64-pc-windows-gnu --bin mailsetup`)",
        );
    assert!(
        exe.is_file(),
        "MAILSETUP_WINE_EXE: no file {}",
        exe.display()
    );
    require(
        "wine",
        "apt-get install wine wine64 (scripts/package --check installs it)",
    );
    if let Some(prefix) = std::env::var_os("MAILSETUP_WINE_PREFIX") {
        return Wine {
            exe,
            prefix: PathBuf::from(prefix),
            _made: None,
        };
    }
    require(
        "x86_64-w64-mingw32-gcc",
        "apt-get install gcc-mingw-w64-x86-64",
    );
    let made = tempfile::Builder::new()
        .prefix("mailsetup-wine-")
        .tempdir()
        .unwrap();
    let prefix = made.path().to_path_buf();
    let out = run_with_deadline(wine_command(&prefix).arg("wineboot").arg("--init"), LIMIT);
    assert!(out.status.success(), "wineboot --init:\n{}", out.both());
    // Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust's standard library imports.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/windows/wine");
    let status = Command::new("x86_64-w64-mingw32-gcc")
        .args(["-O2", "-shared", "-o"])
        .arg(prefix.join("drive_c/windows/system32/bcryptprimitives.dll"))
        .arg(root.join("bcryptprimitives.c"))
        .arg(root.join("bcryptprimitives.def"))
        .arg("-lbcrypt")
        .status()
        .unwrap();
    assert!(
        status.success(),
        "building the bcryptprimitives.dll stand-in"
    );
    Wine {
        exe,
        prefix,
        _made: Some(made),
    }
});

fn require(tool: &str, install: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(found, "{tool} is missing: {install}");
}

/// `wine` in this prefix, quiet, without Mono/Gecko dialogs or menu entries on the host.
fn wine_command(prefix: &Path) -> Command {
    let mut cmd = Command::new("wine");
    cmd.env("WINEPREFIX", prefix)
        .env("WINEDEBUG", "-all")
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=;winemenubuilder.exe=d")
        .env("MAILSETUP_LANG", "en-US")
        .env_remove("RUST_LOG");
    cmd
}

/// A host path as the exe sees it (wine maps `/` to drive Z:).
fn win_path(p: &Path) -> String {
    format!("Z:{}", p.display()).replace('/', "\\")
}

/// Runs the exe with `args` (the password in `MS_PW` where a test gives one) and checks that
/// the password is in neither output.
fn exe(args: &[&str], env: &[(&str, &str)]) -> ChildOutput {
    let w = &*WINE;
    let mut cmd = wine_command(&w.prefix);
    cmd.arg(&w.exe).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = run_with_deadline(&mut cmd, LIMIT);
    let password = &dovecot().alice.password;
    for form in store_common::password_forms(password) {
        let form = String::from_utf8(form).unwrap();
        assert!(
            !out.stdout.contains(&form) && !out.stderr.contains(&form),
            "the output of {args:?} holds the password:\n{}",
            out.both()
        );
    }
    out
}

fn json(out: &ChildOutput) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}):\n{}", out.both()))
}

/// `--imap` and `--smtp` for the test Dovecot, both implicit TLS (RFC 8314).
fn servers() -> (String, String) {
    let d = dovecot();
    (
        format!(
            "{}/tls",
            d.listener(Protocol::Imap, Security::Tls).hostport()
        ),
        format!(
            "{}/tls",
            d.listener(Protocol::Smtp, Security::Tls).hostport()
        ),
    )
}

/// `diagnose` for alice against both servers with these extra flags, as JSON.
fn diagnose(extra: &[&str]) -> ChildOutput {
    let d = dovecot();
    let (imap, smtp) = servers();
    let mut args = vec![
        "diagnose",
        &d.alice.address,
        "--imap",
        &imap,
        "--smtp",
        &smtp,
        "--password-env",
        "MS_PW",
        "--timeout",
        "30",
        "--connectivity-url",
        "off",
        "--json",
    ];
    args.extend_from_slice(extra);
    exe(&args, &[("MS_PW", &d.alice.password)])
}

/// The causes of the failed reports, in order.
fn causes(doc: &Value) -> Vec<String> {
    doc["servers"]
        .as_array()
        .unwrap_or_else(|| panic!("no servers in {doc:#}"))
        .iter()
        .map(|r| {
            r["outcome"]["diagnosis"]["cause"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

#[test]
fn diagnose_with_the_ca_file_verifies_imap_and_smtp() {
    let ca = win_path(&dovecot().ca_file);
    let out = diagnose(&["--ca-file", &ca]);
    let doc = json(&out);
    assert!(
        out.status.code() == Some(0) && doc["verified"] == true,
        "{}",
        out.both()
    );
    // Wine's crypt32 refuses the chain engine for extra roots: the exe says it checks against
    // the CA file alone (on Windows itself the platform verifier takes the roots and this
    // notice never shows).
    assert!(
        out.stderr
            .contains("checked against the given CA file alone"),
        "{}",
        out.both()
    );
}

#[test]
fn without_a_ca_file_windows_verifies_and_a_pinned_key_is_trusted() {
    let d = dovecot();
    let out = diagnose(&[]);
    let doc = json(&out);
    // Windows' own verifier (wine's crypt32, with the host's CAs as its roots) ran and did
    // not trust the test CA: the typed cause, not a system error.
    assert_eq!(out.status.code(), Some(1), "{}", out.both());
    assert_eq!(
        causes(&doc),
        ["certificate_untrusted", "certificate_untrusted"],
        "{}",
        out.both()
    );
    // What the window offers then ("Trust this server's key"): the key the report showed.
    let mut pins = Vec::new();
    for (server, listener) in doc["servers"].as_array().unwrap().iter().zip([
        d.listener(Protocol::Imap, Security::Tls),
        d.listener(Protocol::Smtp, Security::Tls),
    ]) {
        let spki = server["tls"]["certificates"][0]["spki_sha256"]
            .as_str()
            .unwrap_or_else(|| panic!("no certificate in {server:#}"));
        pins.push(format!("{}={spki}", listener.hostport()));
    }
    let out = diagnose(&["--pin-sha256", &pins[0], "--pin-sha256", &pins[1]]);
    let doc = json(&out);
    assert!(
        out.status.code() == Some(0) && doc["verified"] == true,
        "{}",
        out.both()
    );
}

/// The credentials wine's Credential Manager holds: the subkeys of
/// `HKCU\Software\Wine\Credential Manager`, one per credential.
fn wine_credentials() -> Vec<String> {
    const KEY: &str = "HKEY_CURRENT_USER\\Software\\Wine\\Credential Manager\\";
    let w = &*WINE;
    let out = run_with_deadline(
        wine_command(&w.prefix).args([
            "reg",
            "query",
            "HKCU\\Software\\Wine\\Credential Manager",
            "/s",
        ]),
        LIMIT,
    );
    out.stdout
        .lines()
        .filter_map(|l| l.trim_end().strip_prefix(KEY))
        .map(str::to_string)
        .collect()
}

#[test]
fn save_check_remove_through_the_credential_manager() {
    let d = dovecot();
    let config = tempfile::Builder::new()
        .prefix("mailsetup-wine-config-")
        .tempdir()
        .unwrap();
    let dir = win_path(config.path());
    let ca = win_path(&d.ca_file);
    let before = wine_credentials();
    let out = diagnose(&[
        "--ca-file",
        &ca,
        "--save",
        "--config-dir",
        &dir,
        "--name",
        "Alice",
    ]);
    let doc = json(&out);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    let id = doc["saved"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("not saved:\n{}", out.both()))
        .to_string();
    let new: Vec<String> = wine_credentials()
        .into_iter()
        .filter(|c| !before.contains(c))
        .collect();
    assert!(
        !new.is_empty(),
        "no new credential in wine's Credential Manager after --save:\n{}",
        out.both()
    );
    let file = std::fs::read_to_string(config.path().join("accounts.json")).unwrap();
    support::assert_no_secret("accounts.json", &file, "", &d.alice.password);

    let env = [("MAILSETUP_CONFIG_DIR", dir.as_str())];
    let out = exe(&["accounts", "check", &id, "--ca-file", &ca], &env);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    assert!(out.stdout.contains("PASS"), "{}", out.both());

    let out = exe(&["accounts", "remove", &id, "--force"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", out.both());
    let after = wine_credentials();
    assert!(
        new.iter().all(|c| !after.contains(c)),
        "still in wine's Credential Manager after remove: {new:?} in {after:?}"
    );
    let out = exe(&["accounts", "check", &id, "--ca-file", &ca], &env);
    assert_ne!(out.status.code(), Some(0), "{}", out.both());
    assert!(
        out.stderr.contains(&id) || out.stdout.contains(&id),
        "the second check does not name the account that is gone:\n{}",
        out.both()
    );
}

/// Stops a child when dropped.
struct Stop(Child);

impl Drop for Stop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_window_opens_under_wine_and_is_drawn() {
    require("Xvfb", "apt-get install xvfb");
    require("xdotool", "apt-get install xdotool");
    require("xwd", "apt-get install x11-apps");
    let display = format!(":{}", 300 + std::process::id() % 200);
    let _xvfb = Stop(
        Command::new("Xvfb")
            .args([
                &display,
                "-noreset",
                "-screen",
                "0",
                "1024x768x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb"),
    );
    assert!(
        support::wait_until(Duration::from_secs(10), || {
            Path::new(&format!("/tmp/.X11-unix/X{}", &display[1..])).exists()
        }),
        "Xvfb did not start on {display}"
    );
    let config = tempfile::tempdir().unwrap();
    let w = &*WINE;
    let log = config.path().join("window.log");
    let _app = Stop(
        wine_command(&w.prefix)
            .arg(&w.exe)
            .env("DISPLAY", &display)
            .env("MAILSETUP_CONFIG_DIR", win_path(config.path()))
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::fs::File::create(config.path().join("window.err")).unwrap())
            .spawn()
            .expect("start the exe under wine"),
    );
    let found = Command::new("timeout")
        .args([
            "240",
            "xdotool",
            "search",
            "--sync",
            "--name",
            "^Mail Setup$",
        ])
        .env("DISPLAY", &display)
        .output()
        .unwrap();
    assert!(
        found.status.success(),
        "no window titled 'Mail Setup' within 240 s; the exe said:\n{}",
        std::fs::read_to_string(config.path().join("window.err")).unwrap_or_default()
    );
    // The first frames take a while on llvmpipe through wine: wait for a picture with more
    // than a handful of colours (text drawn), then keep it.
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/windows-wine");
    std::fs::create_dir_all(&out_dir).unwrap();
    let png = out_dir.join("window.png");
    let start = Instant::now();
    let colours = loop {
        let shot = screenshot(&display);
        let colours = shot.colours();
        if colours > 16 || start.elapsed() > Duration::from_secs(60) {
            shot.write_png(&png);
            break colours;
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    assert!(
        colours > 16,
        "the window stayed blank ({colours} colours): {}",
        png.display()
    );
    println!("screenshot: {} ({colours} colours)", png.display());
}

/// An RGB picture of the whole screen.
struct Shot {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

impl Shot {
    fn colours(&self) -> usize {
        let mut seen = std::collections::BTreeSet::new();
        for px in self.rgb.chunks(3) {
            seen.insert((px[0], px[1], px[2]));
        }
        seen.len()
    }

    fn write_png(&self, path: &Path) {
        let file = std::fs::File::create(path).unwrap();
        let mut enc = png::Encoder::new(std::io::BufWriter::new(file), self.width, self.height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header()
            .unwrap()
            .write_image_data(&self.rgb)
            .unwrap();
    }
}

/// The root window through `xwd` (X Window Dump: a big-endian header of 32-bit fields, the
/// window name, the colour map, then ZPixmap pixels of 24 or 32 bits).
fn screenshot(display: &str) -> Shot {
    let out = Command::new("xwd")
        .args(["-root", "-silent", "-display", display])
        .output()
        .unwrap();
    assert!(out.status.success(), "xwd failed");
    let b = out.stdout;
    let field = |i: usize| u32::from_be_bytes(b[i * 4..i * 4 + 4].try_into().unwrap());
    let (header, width, height) = (field(0) as usize, field(4), field(5));
    let (byte_order, bpp, line, ncolors) = (field(7), field(11), field(12) as usize, field(19));
    // Xvfb's depth-24 screen keeps 32 bits a pixel even where the header says 24.
    let step = line / width as usize;
    assert!(
        (bpp == 24 || bpp == 32) && (step == 3 || step == 4),
        "xwd: {bpp} bits per pixel, {line} bytes per line"
    );
    let pixels = &b[header + ncolors as usize * 12..];
    let (red_mask, green_mask, blue_mask) = (field(14), field(15), field(16));
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height as usize {
        for x in 0..width as usize {
            let p = &pixels[y * line + x * step..][..step];
            let v = p.iter().enumerate().fold(0u32, |v, (i, byte)| {
                // LSBFirst (0): the first byte is the lowest.
                let shift = if byte_order == 0 { i } else { step - 1 - i };
                v | u32::from(*byte) << (8 * shift)
            });
            let channel = |mask: u32| ((v & mask) >> mask.trailing_zeros()) as u8;
            rgb.extend([channel(red_mask), channel(green_mask), channel(blue_mask)]);
        }
    }
    Shot { width, height, rgb }
}
