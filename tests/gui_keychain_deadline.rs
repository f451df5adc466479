//! The window when the keychain never answers (issue 20 §5): the Secret Service on the
//! session bus is a real gnome-keyring-daemon stopped with SIGSTOP (`support::frozen_keyring`),
//! so every call to it waits forever, as with an unlock prompt nobody answers. Saving from
//! the Done page must end at the keychain deadline with "did not answer" and what to do, save
//! nothing, and leave the window free. This binary's only test: it points the process's
//! session bus at the frozen one and sets the deadline to 2 s.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{SaveProblem, SaveState};
use support::dovecot;

#[test]
fn a_keychain_that_never_answers_ends_saving_with_words_and_advice() {
    let frozen = support::frozen_keyring::FrozenKeyring::start();
    // SAFETY: the only test of this binary, before the window's threads read the environment.
    unsafe {
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &frozen.address);
        std::env::set_var("MAILSETUP_KEYCHAIN_TIMEOUT", "2");
    }
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    let dir = support::run_dir().join("keychain-deadline-config");
    config.config_dir = Some(dir.clone());

    let mut h = app(config);
    let incoming = d.listener(Protocol::Imap, Security::Tls);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    verified_by_hand(
        &mut h,
        None,
        (&d.alice.address, &d.alice.password),
        (
            (&incoming.host, incoming.port),
            (&outgoing.host, outgoing.port),
        ),
    );
    let started = Instant::now();
    click(&mut h, "Save account");
    step_until(&mut h, Duration::from_secs(15), "save ends", |app| {
        !matches!(app.wizard().save_state(), SaveState::Saving(..))
    });
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "saving waited {:?}",
        started.elapsed()
    );
    let state = h.state().wizard().save_state().clone();
    let SaveState::Failed(SaveProblem::KeychainUnavailable { reason, advice, .. }, _) = state
    else {
        panic!("expected the keychain not to answer: {state:?}");
    };
    assert!(reason.contains("did not answer within 2 s"), "{reason}");
    assert!(advice.contains("unlock"), "{advice}");
    h.get_by_label("Could not store the password");
    h.get_by_label(&reason);
    h.get_by_label(&advice);
    assert!(
        !dir.join("accounts.json").exists(),
        "the account file was written"
    );
}
