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

/// A saved account and the effects its save answer asked for.
fn at_done_saved() -> (Wizard, Vec<Effect>) {
    let (mut w, task) = at_testing();
    finish_all(&mut w, task);
    let (task, _) = save_task(&w.handle(Event::Next));
    let fx = w.handle(Event::Saved {
        task,
        saved: Saved {
            account_id: "alice-example-com".into(),
            config_path: "/tmp/accounts.json".into(),
            keychain_label: "kernel keyring".into(),
        },
    });
    (w, fx)
}

fn code_task(fx: &[Effect]) -> (TaskId, Format, bool) {
    match fx {
        [
            Effect::HandOff(HandOffEffect::MakeCode {
                task,
                account_id,
                format,
                with_password,
            }),
        ] => {
            assert_eq!(account_id, "alice-example-com");
            (TaskId(*task), *format, *with_password)
        }
        other => panic!("expected one MakeCode, got {other:?}"),
    }
}

fn ready(format: Format, holds_password: bool) -> CodeReady {
    CodeReady {
        format,
        code: crate::export::qr::QrCode::encode(b"x").unwrap(),
        holds_password,
    }
}

use crate::export::Format;

#[test]
fn once_saved_the_thunderbird_code_is_made_without_the_password() {
    let (mut w, fx) = at_done_saved();
    let (task, format, with_password) = code_task(&fx);
    assert_eq!((format, with_password), (Format::TfaQr, false));
    assert_eq!(w.hand_off().code, CodeState::Making(task.0));
    w.handle(Event::HandOff(HandOffEvent::Code {
        task: task.0,
        result: Ok(ready(Format::TfaQr, false)),
    }));
    assert!(w.hand_off().code_visible());
}

#[test]
fn a_code_with_the_password_stays_hidden_until_show_code() {
    let (mut w, _) = at_done_saved();
    let fx = w.handle(Event::HandOff(HandOffEvent::PhonePassword(true)));
    let (task, format, with_password) = code_task(&fx);
    assert_eq!((format, with_password), (Format::TfaQr, true));
    // A late answer for the first code is dropped.
    w.handle(Event::HandOff(HandOffEvent::Code {
        task: task.0 - 1,
        result: Ok(ready(Format::TfaQr, false)),
    }));
    assert_eq!(w.hand_off().code, CodeState::Making(task.0));
    w.handle(Event::HandOff(HandOffEvent::Code {
        task: task.0,
        result: Ok(ready(Format::TfaQr, true)),
    }));
    assert!(!w.hand_off().code_visible());
    w.handle(Event::HandOff(HandOffEvent::ShowCode(true)));
    assert!(w.hand_off().code_visible());
    // Another code hides again.
    let fx = w.handle(Event::HandOff(HandOffEvent::Phone(Phone::DeltaChat)));
    let (_, format, with_password) = code_task(&fx);
    assert_eq!((format, with_password), (Format::DcloginQr, true));
    assert!(!w.hand_off().code_visible());
}

#[test]
fn delta_chat_without_the_password_says_why_and_asks_nothing() {
    let (mut w, _) = at_done_saved();
    let fx = w.handle(Event::HandOff(HandOffEvent::Phone(Phone::DeltaChat)));
    assert!(fx.is_empty());
    assert!(matches!(&w.hand_off().code, CodeState::Failed(why) if why.contains("password")));
}

#[test]
fn files_are_asked_for_by_the_window_and_written_by_the_runtime() {
    let (mut w, _) = at_done_saved();
    let fx = w.handle(Event::HandOff(HandOffEvent::SaveProfile));
    assert!(matches!(
        fx.as_slice(),
        [Effect::HandOff(HandOffEffect::AskPath { format: Format::Mobileconfig, file_name })]
            if file_name.ends_with(".mobileconfig")
    ));
    w.handle(Event::HandOff(HandOffEvent::ProfilePassword(true)));
    let fx = w.handle(Event::HandOff(HandOffEvent::PathChosen {
        format: Format::Mobileconfig,
        path: "/tmp/a.mobileconfig".into(),
    }));
    assert!(matches!(
        fx.as_slice(),
        [Effect::HandOff(HandOffEffect::WriteFile {
            with_password: true,
            ..
        })]
    ));
    // The autoconfig file never holds a password.
    let fx = w.handle(Event::HandOff(HandOffEvent::PathChosen {
        format: Format::Autoconfig,
        path: "/tmp/config-v1.1.xml".into(),
    }));
    assert!(matches!(
        fx.as_slice(),
        [Effect::HandOff(HandOffEffect::WriteFile {
            with_password: false,
            ..
        })]
    ));
    w.handle(Event::HandOff(HandOffEvent::FileWritten(Ok(
        "/tmp/config-v1.1.xml".into(),
    ))));
    assert!(
        w.hand_off()
            .note
            .as_deref()
            .unwrap()
            .contains("/tmp/config-v1.1.xml")
    );
}

#[test]
fn gnome_add_asks_the_runtime_for_the_saved_account_and_shows_its_answer() {
    let (mut w, _) = at_done_saved();
    let fx = w.handle(Event::HandOff(HandOffEvent::AddToGoa));
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::HandOff(HandOffEffect::AddToGoa { account_id })] if account_id == "alice-example-com"
        ),
        "{fx:?}"
    );
    w.handle(Event::HandOff(HandOffEvent::GoaAdded(Err(
        "alice@example.com receives mail with POP3, and GNOME Online Accounts has IMAP only".into(),
    ))));
    assert!(w.hand_off().note.as_deref().unwrap().contains("IMAP only"));
    w.handle(Event::HandOff(HandOffEvent::GoaAdded(Ok(
        "/org/gnome/OnlineAccounts/Accounts/account_1".into(),
    ))));
    assert_eq!(
        w.hand_off().note.as_deref(),
        Some("Added to GNOME Online Accounts.")
    );
}

#[test]
fn save_pressed_before_the_saved_lookup_answers_waits_for_it_then_asks_or_saves() {
    use super::verify_tests::verified;
    let email: crate::account::EmailAddress = "ann@example.com".parse().expect("an address");

    // An account is saved for the address, and the answer comes after Save was pressed.
    let (mut w, task) = at_testing();
    verified(&mut w, task, None, None);
    let fx = w.handle(Event::Next);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Save { .. })),
        "saved before knowing whether it replaces an account: {fx:?}"
    );
    assert!(w.save_waiting_for_lookup());
    assert_eq!(w.replace_question(), None);
    let fx = w.handle(Event::SavedAccountFound {
        email: email.clone(),
        id: Some("ann-example-com".into()),
    });
    assert!(fx.is_empty(), "{fx:?}");
    assert!(!w.save_waiting_for_lookup());
    let question = w.replace_question().expect("the replace question");
    assert!(question.contains("ann-example-com"), "{question}");
    let (_, request) = save_task(&w.handle(Event::ConfirmReplace));
    assert_eq!(request.email.to_string(), "ann@example.com");

    // No account is saved: the answer starts the save Save asked for.
    let (mut w, task) = at_testing();
    verified(&mut w, task, None, None);
    assert!(w.handle(Event::Next).is_empty());
    let fx = w.handle(Event::SavedAccountFound { email, id: None });
    save_task(&fx);
    assert!(w.replace_question().is_none());
}
