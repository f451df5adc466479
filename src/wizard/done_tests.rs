//! The Done page as a person meets it: Save, Cancel while saving, a keychain that is not
//! there (retry, the kernel keyring, or cancel — never plain text), and nothing going back
//! once saved.

use super::tests::{at_testing, finish_all, save_task};
use super::*;

fn at_done_failed(keyutils_possible: bool) -> (Wizard, TaskId) {
    let (mut w, task) = at_testing();
    finish_all(&mut w, task);
    let (task, _) = save_task(&w.handle(Event::Next));
    // Cancel while saving asks the runtime to stop the save; the page waits for the answer.
    let fx = w.handle(Event::Cancel);
    assert!(matches!(fx.as_slice(), [Effect::Cancel { task: t }] if *t == task));
    assert!(matches!(w.save_state(), SaveState::Saving(..)));
    w.handle(Event::SaveFailed {
        task,
        problem: SaveProblem::KeychainUnavailable {
            reason: "no Secret Service is running".into(),
            advice: "start GNOME Keyring".into(),
            keyutils_possible,
        },
    });
    (w, task)
}

#[test]
fn a_cancelled_save_goes_back_to_the_results_and_a_late_cancel_shows_the_saved_account() {
    let (mut w, task) = at_testing();
    finish_all(&mut w, task);
    let (task, _) = save_task(&w.handle(Event::Next));
    w.handle(Event::Cancel);
    // An answer for another task changes nothing.
    w.handle(Event::SaveCancelled {
        task: TaskId(task.0 + 100),
    });
    assert!(matches!(w.save_state(), SaveState::Saving(..)));
    w.handle(Event::SaveCancelled { task });
    assert_eq!(w.page(), Page::Testing);
    assert!(w.all_verified());
    assert_eq!(*w.save_state(), SaveState::NotStarted);

    // Too late: the account file was already being written, so the save finished.
    let (task, _) = save_task(&w.handle(Event::Next));
    w.handle(Event::Cancel);
    let saved = Saved {
        account_id: "alice-example-com".into(),
        config_path: "/tmp/accounts.json".into(),
        keychain_label: "kernel keyring".into(),
    };
    w.handle(Event::Saved { task, saved });
    assert!(matches!(w.save_state(), SaveState::Saved(_)));
}

#[test]
fn keychain_unavailable_offers_retry_keyutils_and_cancel_never_plaintext() {
    let (mut w, _) = at_done_failed(true);
    assert_eq!(w.page(), Page::Done);
    let fx = w.handle(Event::UseKeyutils);
    let (task, request) = save_task(&fx);
    assert_eq!(request.keychain, KeychainChoice::Keyutils);
    w.handle(Event::SaveFailed {
        task,
        problem: SaveProblem::KeychainUnavailable {
            reason: "no session keyring".into(),
            advice: "".into(),
            keyutils_possible: true,
        },
    });
    // Retry keeps the chosen keychain.
    let (task2, request) = save_task(&w.handle(Event::RetrySave));
    assert_eq!(request.keychain, KeychainChoice::Keyutils);
    assert_ne!(task, task2);
    w.handle(Event::SaveFailed {
        task: task2,
        problem: SaveProblem::KeychainUnavailable {
            reason: "locked".into(),
            advice: "".into(),
            keyutils_possible: true,
        },
    });
    // Cancel: nothing saved, back to the verified results.
    assert!(w.handle(Event::Cancel).is_empty());
    assert_eq!(w.page(), Page::Testing);
    assert!(w.all_verified());
    assert_eq!(*w.save_state(), SaveState::NotStarted);
}

#[test]
fn keyutils_is_not_offered_where_it_is_impossible() {
    let (mut w, _) = at_done_failed(false);
    assert!(w.handle(Event::UseKeyutils).is_empty());
    let (_, request) = save_task(&w.handle(Event::RetrySave));
    assert_eq!(request.keychain, KeychainChoice::Default);
}

#[test]
fn back_on_the_done_page_after_saving_does_nothing() {
    let (mut w, task) = at_testing();
    finish_all(&mut w, task);
    let (task, _) = save_task(&w.handle(Event::Next));
    // A stale save answer is ignored.
    w.handle(Event::Saved {
        task: TaskId(task.0 + 100),
        saved: Saved {
            account_id: "x".into(),
            config_path: "/x".into(),
            keychain_label: "k".into(),
        },
    });
    assert!(matches!(w.save_state(), SaveState::Saving(..)));
    w.handle(Event::Saved {
        task,
        saved: Saved {
            account_id: "x".into(),
            config_path: "/x".into(),
            keychain_label: "k".into(),
        },
    });
    assert!(w.handle(Event::Back).is_empty());
    assert!(w.handle(Event::Cancel).is_empty());
    assert_eq!(w.page(), Page::Done);
    assert!(!w.can_go_back());
}
