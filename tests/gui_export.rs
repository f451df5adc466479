//! The Done page's "Use this account on other devices and apps", driven through the real
//! window: an account verified against the real Dovecot and saved in the keychain, then the
//! phone code taken from a picture of the rendered window (kittest, wgpu) and decoded by
//! zbarimg — the Thunderbird code without the password, the same code with it only after
//! "Show code", Delta Chat's with it — each checked by the strict readers; "Save profile…"
//! writes a profile through the runtime; GNOME's Add is reachable (pressed in the wizard's tests).
//!
//! Needs the keychain session `scripts/test` sets up (`scripts/test --test gui_export`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod export_common;
mod gui_common;
mod support;

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use export_common::{read_dclogin, read_tfa, zbar};
use gui_common::{click, fence, step_until, verified_by_hand};
use mailsetup::account::{Protocol, Security};
use mailsetup::gui::{MailSetupApp, SaveTarget};
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{CodeState, SaveState};
use support::dovecot;

/// Tall enough that the whole Done page, code included, is on screen.
const HEIGHT: f32 = 1500.0;

/// Renders the window and decodes the one QR code on it with zbarimg.
fn decode_window(h: &mut Harness<'_, MailSetupApp>, dir: &Path, name: &str) -> String {
    let image = h
        .render()
        .expect("render the window (wgpu on the CPU: Mesa)");
    let path = dir.join(name);
    let file = std::fs::File::create(&path).unwrap();
    let mut encoder = png::Encoder::new(file, image.width(), image.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(image.as_raw())
        .unwrap();
    zbar(&path)
}

fn wait_for_code(h: &mut Harness<'_, MailSetupApp>) {
    step_until(h, Duration::from_secs(30), "the phone code", |app| {
        !matches!(
            app.wizard().hand_off().code,
            CodeState::Making(_) | CodeState::None
        )
    });
    let code = &h.state().wizard().hand_off().code;
    assert!(matches!(code, CodeState::Ready(_)), "{code:?}");
}

#[test]
fn the_done_page_shows_codes_a_phone_can_scan_and_hides_the_password_until_asked() {
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    config.config_dir = Some(dir.clone());

    let mut h = Harness::builder()
        .with_size(egui::vec2(gui_common::WIDTH, HEIGHT))
        .build_eframe(move |cc| MailSetupApp::new(cc, config).expect("start the runtime"));
    h.state_mut()
        .set_hand_off_target(SaveTarget::Fixed(tmp.path().to_path_buf()));
    let incoming = d.listener(Protocol::Imap, Security::Tls);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    verified_by_hand(
        &mut h,
        Some("Alice Example"),
        (&d.alice.address, &d.alice.password),
        (
            (&incoming.host, incoming.port),
            (&outgoing.host, outgoing.port),
        ),
    );
    click(&mut h, "Save account");
    step_until(&mut h, Duration::from_secs(20), "the save", |app| {
        !matches!(app.wizard().save_state(), SaveState::Saving(..))
    });
    assert!(
        matches!(h.state().wizard().save_state(), SaveState::Saved(_)),
        "{:?} (run inside the keychain session: scripts/test --test gui_export)",
        h.state().wizard().save_state()
    );

    // The Thunderbird code, made at once, without the password.
    wait_for_code(&mut h);
    h.get_by_label("Use this account on other devices and apps");
    // Its accessible name (matched exactly) says what it is, never what it holds.
    h.get_by_role_and_label(Role::Image, "QR code for Thunderbird");
    let payload = decode_window(&mut h, tmp.path(), "tfa.png");
    // `MAILSETUP_SCREENSHOT_DIR=DIR`: keep this picture of the window (the README's).
    if let Some(dir) = std::env::var_os("MAILSETUP_SCREENSHOT_DIR") {
        std::fs::copy(
            tmp.path().join("tfa.png"),
            Path::new(&dir).join("09-done-hand-off.png"),
        )
        .unwrap();
    }
    let a = read_tfa(&payload);
    assert_eq!(a.address, d.alice.address);
    assert_eq!(a.display_name, "Alice Example");
    assert_eq!(
        (
            a.incoming.host.as_str(),
            a.incoming.port,
            a.incoming.security.as_str()
        ),
        (incoming.host.as_str(), incoming.port, "tls")
    );
    assert_eq!(
        (
            a.outgoing.host.as_str(),
            a.outgoing.port,
            a.outgoing.security.as_str()
        ),
        (outgoing.host.as_str(), outgoing.port, "tls")
    );
    assert_eq!(a.incoming.username, d.alice.address);
    assert_eq!((a.incoming.password, a.outgoing.password), (None, None));
    assert!(!payload.contains(&d.alice.password));

    // With the password: the warning, and no code on screen until "Show code".
    h.get_by_role_and_label(Role::CheckBox, "Include my password in the code")
        .click_accesskit();
    h.run_steps(2);
    wait_for_code(&mut h);
    h.get_by_label("Anyone who sees this code or file can read and send your mail.");
    assert!(
        h.query_by_role_and_label(Role::Image, "QR code for Thunderbird")
            .is_none(),
        "a code holding the password is drawn before Show code"
    );
    click(&mut h, "Show code");
    let a = read_tfa(&decode_window(&mut h, tmp.path(), "tfa-pw.png"));
    assert_eq!(
        a.incoming.password.as_deref(),
        Some(d.alice.password.as_str())
    );
    assert_eq!(
        a.outgoing.password.as_deref(),
        Some(d.alice.password.as_str())
    );

    // Delta Chat beside it, with the password (hidden again until asked).
    h.get_by_label("Delta Chat").click_accesskit();
    h.run_steps(2);
    wait_for_code(&mut h);
    click(&mut h, "Show code");
    let login = read_dclogin(&decode_window(&mut h, tmp.path(), "dc.png"));
    assert_eq!(login.address, d.alice.address);
    assert_eq!(login.password, d.alice.password);
    assert_eq!(
        (login.imap.host.as_str(), login.imap.port),
        (incoming.host.as_str(), incoming.port)
    );
    assert_eq!(
        (login.smtp.host.as_str(), login.smtp.port),
        (outgoing.host.as_str(), outgoing.port)
    );

    // Save profile…: written by the runtime where the person chose, without the password.
    h.get_by_role_and_label(Role::Button, "Save profile…")
        .click_accesskit();
    step_until(&mut h, Duration::from_secs(20), "the profile", |app| {
        app.wizard().hand_off().note.is_some()
    });
    let note = h.state().wizard().hand_off().note.clone().unwrap();
    assert!(note.starts_with("Saved to "), "{note}");
    let profile = tmp.path().join("alice-example-test.mobileconfig");
    let text = std::fs::read_to_string(&profile).unwrap();
    assert!(text.contains("<string>com.apple.mail.managed</string>"));
    assert!(!text.contains(&d.alice.password));
    let check = std::process::Command::new("python3")
        .args(["-c", "import plistlib,sys; d=plistlib.load(open(sys.argv[1],'rb')); assert d['PayloadContent'][0]['PayloadType']=='com.apple.mail.managed'"])
        .arg(&profile)
        .status()
        .unwrap();
    assert!(check.success(), "plistlib refused the profile");

    // GNOME's Add is there for the keyboard and the screen reader. It is not pressed here:
    // on this test's session bus it would start the machine's own goa-daemon, which keeps
    // accounts in the real home folder. The GNOME hand-off itself is tested against a real
    // goa-daemon on a private bus (tests/export_goa.rs) and the button's effect in
    // src/wizard/done_tests.rs.
    h.get_by_role_and_label(Role::Button, "Add");
}
