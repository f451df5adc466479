//! The Done page when no keychain is usable: the window says exactly why, saves nothing
//! (never a plain-text fallback), and saves into the Linux kernel keyring only after the
//! person chose it. This test binary runs without a reachable Secret Service: it points
//! the session bus at a socket that does not exist (its only test, so the process-wide
//! change touches nothing else).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{Page, SaveProblem, SaveState};
use secrecy::ExposeSecret;
use support::dovecot;

#[test]
fn without_a_secret_service_the_person_chooses_the_kernel_keyring_and_nothing_is_saved_before() {
    // SAFETY: the only test of this binary, before any thread reads the environment.
    unsafe {
        std::env::set_var(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/mailsetup-bus",
        );
    }
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    let dir = support::run_dir().join("keychain-config");
    config.config_dir = Some(dir.clone());

    let mut h = app(config);
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
    step_until(&mut h, Duration::from_secs(20), "save ends", |app| {
        !matches!(app.wizard().save_state(), SaveState::Saving(..))
    });

    // The precise reason, the choices, and nothing written anywhere.
    let state = h.state().wizard().save_state().clone();
    let SaveState::Failed(
        SaveProblem::KeychainUnavailable {
            reason,
            advice,
            keyutils_possible,
        },
        _,
    ) = state
    else {
        panic!("expected the keychain to be unavailable: {state:?}");
    };
    assert!(keyutils_possible);
    assert!(reason.contains("D-Bus session bus"), "{reason}");
    h.get_by_label("Could not store the password");
    h.get_by_label(&reason);
    // What to do, from the store that knows the error, on a line of its own.
    assert!(advice.contains("dbus-run-session"), "{advice}");
    h.get_by_label(&advice);
    h.get_by_label_contains("never writes your password to a file");
    assert!(
        !dir.join("accounts.json").exists(),
        "the account file was written"
    );

    // Try again fails the same way; then the person picks the kernel keyring.
    click(&mut h, "Try again");
    step_until(&mut h, Duration::from_secs(20), "retry ends", |app| {
        matches!(app.wizard().save_state(), SaveState::Failed(..))
    });
    h.get_by_role_and_label(Role::Button, "Use the Linux kernel keyring")
        .click_accesskit();
    h.run_steps(2);
    step_until(
        &mut h,
        Duration::from_secs(20),
        "save in keyutils ends",
        |app| !matches!(app.wizard().save_state(), SaveState::Saving(..)),
    );
    let SaveState::Saved(saved) = h.state().wizard().save_state().clone() else {
        panic!(
            "keyutils save failed: {:?} (run inside `keyctl session -`, as scripts/test does)",
            h.state().wizard().save_state()
        );
    };
    assert_eq!(h.state().wizard().page(), Page::Done);
    assert!(saved.keychain_label.contains("keyutils"));
    h.get_by_label(&saved.keychain_label);

    let text = std::fs::read_to_string(&saved.config_path).expect("account file");
    support::assert_no_secret("accounts.json", &text, &d.alice.address, &d.alice.password);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use mailsetup::store;
        let accounts = store::list(&dir).await.expect("list");
        let a = &accounts[0];
        assert_eq!(a.keychain.store, store::KeychainKind::Keyutils);
        let secrets = store::open_keychain(store::KeychainKind::Keyutils)
            .await
            .expect("keyutils");
        let pw = store::passwords(secrets.clone(), a.clone())
            .await
            .expect("read back");
        assert_eq!(pw.incoming.expose_secret(), d.alice.password);
        // Leave the session keyring as it was.
        store::remove(&dir, Some(secrets), a.id.clone())
            .await
            .expect("remove");
    });
}
