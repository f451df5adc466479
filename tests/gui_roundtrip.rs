//! "Send a test message to myself" in the real app (kittest harness, real runtime) against
//! the real chain: Dovecot's submission service relays to a real Postfix, which delivers
//! over LMTP into Dovecot's mailboxes. With the option on, the testing page shows the
//! message sent, arrived and deleted, and the mailbox is as before; for an address Postfix
//! never delivers, it says the message did not arrive and what to look at; with the option
//! off (the default) nothing is sent. The copied report carries the round trip, never the
//! password.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::path::Path;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui_common::*;
use mailsetup::account::{Protocol, Security};
use mailsetup::gui::MailSetupApp;
use mailsetup::roundtrip::{RoundTrip, RoundTripOptions};
use mailsetup::runtime::RuntimeConfig;
use mailsetup::wizard::{Page, RoundTripState};
use support::dovecot::User;
use support::{assert_no_secret, dovecot_with_mta};

/// The runtime pointed at the Dovecot with the real MTA, waiting at most `deadline` for the
/// test message.
fn config(dir: &Path, deadline: Duration) -> RuntimeConfig {
    let d = dovecot_with_mta();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    config.config_dir = Some(dir.to_path_buf());
    config.round_trip = RoundTripOptions {
        deadline,
        every: Duration::from_millis(200),
    };
    config
}

/// Counts the messages in a user's Maildir (new and cur).
fn maildir_count(user: &User) -> usize {
    let d = dovecot_with_mta();
    ["new", "cur"]
        .iter()
        .map(|sub| {
            std::fs::read_dir(
                d.dir
                    .join("mail")
                    .join(&user.address)
                    .join("Maildir")
                    .join(sub),
            )
            .map(|r| r.count())
            .unwrap_or(0)
        })
        .sum()
}

/// Account page, then the manual page pointed at Dovecot's IMAP and submission (TLS), then
/// the testing page, until both servers verified; with `tick_first` the option is ticked
/// on the testing page as soon as it shows, while the tests may still run.
fn test_until_verified(h: &mut Harness<'_, MailSetupApp>, user: &User, tick_first: bool) {
    let d = dovecot_with_mta();
    fill(h, "Email address", &user.address);
    fill(h, "Password", &user.password);
    click(h, "Set up manually");
    assert_eq!(h.state().wizard().page(), Page::Manual);
    let incoming = d.listener(Protocol::Imap, Security::Tls);
    let outgoing = d.listener(Protocol::Smtp, Security::Tls);
    fill(h, "Incoming server", &incoming.host);
    fill(h, "Incoming port", &incoming.port.to_string());
    fill(h, "Outgoing server", &outgoing.host);
    fill(h, "Outgoing port", &outgoing.port.to_string());
    click(h, "Test settings");
    assert_eq!(h.state().wizard().page(), Page::Testing);
    if tick_first {
        tick(h, "Send a test message to myself");
    }
    step_until(h, Duration::from_secs(30), "both servers verify", |app| {
        app.wizard().all_verified()
    });
}

/// Steps until the round trip ended.
fn until_round_trip_done(h: &mut Harness<'_, MailSetupApp>, limit: Duration) {
    step_until(h, limit, "the round trip ends", |app| {
        matches!(app.wizard().round_trip_state(), RoundTripState::Done(_))
    });
}

#[test]
fn with_the_option_on_the_message_arrives_is_deleted_and_the_report_says_so() {
    let d = dovecot_with_mta();
    let user = &d.traveller;
    let before = maildir_count(user);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(config(dir.path(), Duration::from_secs(30)));
    h.run_steps(2);
    test_until_verified(&mut h, user, false);
    // Off by default; ticked once both servers work, it starts at once.
    assert!(!h.state().wizard().round_trip_wanted());
    h.get_by_label_contains("one real message");
    tick(&mut h, "Send a test message to myself");
    assert!(h.state().wizard().round_trip_wanted());
    until_round_trip_done(&mut h, Duration::from_secs(40));

    let report = h.state().wizard().round_trip_report().cloned().unwrap();
    assert!(
        matches!(report.outcome, RoundTrip::Arrived { deleted: true, .. }),
        "{:#?}\nPostfix:\n{}",
        report.outcome,
        d.mta.as_ref().unwrap().log_text()
    );
    h.get_by_label("Send a test message");
    h.get_by_label_contains("arrived after ");
    // The line's accessible name says which step it is (a live region, announced).
    h.get_by_label("Delete it again: deleted");
    h.get_by_label_contains("and was deleted again");
    // Nothing is left behind.
    assert!(
        support::wait_until(Duration::from_secs(5), || maildir_count(user) == before),
        "the test message is still in the mailbox"
    );

    let copied = click_and_catch_copy(&mut h, "Copy report");
    assert_no_secret("the copied report", &copied, &user.address, &user.password);
    assert!(copied.contains("### Round trip — **PASS**"), "{copied}");
    assert!(copied.contains(&report.message_id), "{copied}");
}

#[test]
fn a_message_that_never_arrives_is_reported_with_the_advice() {
    let d = dovecot_with_mta();
    let user = &d.stranded;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(config(dir.path(), Duration::from_secs(3)));
    h.run_steps(2);
    // Ticked as the tests start: it runs once both servers verified.
    test_until_verified(&mut h, user, true);
    until_round_trip_done(&mut h, Duration::from_secs(40));

    let report = h.state().wizard().round_trip_report().cloned().unwrap();
    let RoundTrip::NotArrived { queue_id, .. } = &report.outcome else {
        panic!("expected NotArrived, got {:#?}", report.outcome);
    };
    let queue_id = queue_id.clone().expect("Postfix's queue id");
    h.get_by_label_contains("did not arrive within 3");
    // In the checklist line and in the advice below it.
    assert_eq!(
        h.get_all_by_label_contains(&format!("queue id {queue_id}"))
            .count(),
        2
    );
    h.get_by_label_contains("spam or junk folder");
    assert_eq!(maildir_count(user), 0);

    let copied = click_and_catch_copy(&mut h, "Copy report");
    assert_no_secret("the copied report", &copied, &user.address, &user.password);
    assert!(copied.contains("### Round trip — **FAIL**"), "{copied}");
}

#[test]
fn with_the_option_off_no_message_is_sent() {
    let d = dovecot_with_mta();
    let user = &d.alice;
    let mta = d.mta.as_ref().expect("the MTA runs");
    let before = maildir_count(user);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(config(dir.path(), Duration::from_secs(3)));
    h.run_steps(2);
    test_until_verified(&mut h, user, false);
    // Give a round trip, had one started, the time to send and deliver.
    let until = std::time::Instant::now() + Duration::from_secs(3);
    while std::time::Instant::now() < until {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    let w = h.state().wizard();
    assert!(!w.round_trip_wanted());
    assert_eq!(*w.round_trip_state(), RoundTripState::Idle);
    assert!(h.query_by_label("Send a test message").is_none());
    assert!(
        !mta.log_text().contains(&user.address),
        "Postfix saw a message for {}:\n{}",
        user.address,
        mta.log_text()
    );
    assert_eq!(maildir_count(user), before);
}

#[test]
fn a_message_the_person_flagged_deleted_is_still_there_after_the_round_trip() {
    let d = dovecot_with_mta();
    // Its own user: the other tests here count the messages of theirs.
    let user = &d.unicode_traveller;
    let kept = d.put_flagged_deleted(user, "window");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(config(dir.path(), Duration::from_secs(30)));
    h.run_steps(2);
    test_until_verified(&mut h, user, true);
    until_round_trip_done(&mut h, Duration::from_secs(40));

    let report = h.state().wizard().round_trip_report().cloned().unwrap();
    assert!(
        matches!(report.outcome, RoundTrip::Arrived { deleted: true, .. }),
        "{:#?}",
        report.outcome
    );
    h.get_by_label("Delete it again: deleted");
    assert_eq!(
        d.messages_containing(user, &kept),
        1,
        "the message flagged \\Deleted was expunged along with the test message"
    );
    assert!(
        support::wait_until(Duration::from_secs(5), || d
            .messages_containing(user, &report.message_id)
            == 0),
        "the test message is still in the mailbox"
    );
}
