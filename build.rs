//! Build script. For every target: compresses the data the binary embeds (zlib, inflated at
//! first use by `fdeflate`, which the PNG decoder already links) into `OUT_DIR`: the public
//! suffix list (`assets/public_suffix_list.dat`, comments dropped; src/discover/public_suffix.rs),
//! the translations (`i18n/<language>/mailsetup.ftl`; src/i18n.rs) and egui's built-in fonts
//! (from the `epaint_default_fonts` crate egui takes them from; src/gui/fonts.rs).
//! For a Linux release build: links the binary with identical code folding
//! (`--icf=all`; rust-lld, the linker Rust 1.90+ uses for x86_64 Linux, folds functions whose
//! machine code is the same; part of the size cut in packaging/README.md). For Windows
//! targets: embeds the icon (assets/icons/mailsetup.ico), the version information (version
//! from Cargo.toml) and the application manifest (packaging/windows/mailsetup.exe.manifest:
//! per-monitor DPI aware, UTF-8 code page, Windows 10/11) into mailsetup.exe.
//! Cross-building from Linux it runs MinGW's `x86_64-w64-mingw32-windres`; on Windows with
//! MSVC, `rc.exe` from the Windows SDK. For any other target it does nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A tool, not shipped: a panic stops it with its message.

use std::env;
use std::path::Path;

/// The languages under `i18n/` (the same tags as `mailsetup::i18n::Language::tag`).
const LANGUAGES: [&str; 6] = ["en-US", "es", "fr", "de", "pt-BR", "ja"];

/// zlib at the best level (a few seconds once; the output depends only on the input).
fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 10)
}

/// Writes the compressed public suffix list, translations and fonts into `out`.
fn compress_data(dir: &str, out: &Path) {
    let list_path = format!("{dir}/assets/public_suffix_list.dat");
    println!("cargo:rerun-if-changed={list_path}");
    let list = std::fs::read_to_string(&list_path)
        .unwrap_or_else(|e| panic!("cannot read {list_path}: {e}"));
    let rules: String = list
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|rule| !rule.starts_with("//"))
        .flat_map(|rule| [rule, "\n"])
        .collect();
    std::fs::write(out.join("public_suffix_list.z"), compress(rules.as_bytes())).unwrap();
    for tag in LANGUAGES {
        let path = format!("{dir}/i18n/{tag}/mailsetup.ftl");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        std::fs::write(out.join(format!("{tag}.ftl.z")), compress(&text)).unwrap();
    }
    for (name, font) in [
        ("Hack-Regular.ttf", epaint_default_fonts::HACK_REGULAR),
        ("Ubuntu-Light.ttf", epaint_default_fonts::UBUNTU_LIGHT),
        ("egui-icons.ttf", epaint_default_fonts::EGUI_ICONS),
    ] {
        std::fs::write(out.join(format!("{name}.z")), compress(font)).unwrap();
    }
}

/// The application id: the same string as `mailsetup::gui::APP_ID` (a test checks).
const APP_ID: &str = "io.github.mailsetup.MailSetup";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/mailsetup.ico");
    println!("cargo:rerun-if-changed=packaging/windows/mailsetup.exe.manifest");
    let dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let out = env::var("OUT_DIR").unwrap();
    compress_data(&dir, Path::new(&out));
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && env::var("PROFILE").as_deref() == Ok("release")
    {
        println!("cargo:rustc-link-arg-bins=-Wl,--icf=all");
    }
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon(&format!("{dir}/assets/icons/mailsetup.ico"))
        .set_manifest_file(&format!("{dir}/packaging/windows/mailsetup.exe.manifest"))
        .set("ProductName", "Mail Setup")
        .set("FileDescription", "Mail Setup")
        .set("CompanyName", "The mailsetup developers")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("InternalName", APP_ID)
        .set("OriginalFilename", "mailsetup.exe");
    if let Err(e) = res.compile_for("mailsetup") {
        panic!(
            "could not embed the Windows resources ({e}): cross-building from Debian/Ubuntu \
             needs MinGW's windres (apt-get install gcc-mingw-w64-x86-64); on Windows with \
             MSVC, the Windows SDK"
        );
    }
}
