//! The window in Spanish, German and Japanese at its minimum size: the account, protocol and
//! failed-testing pages compared with pictures in `tests/snapshots/` (`UPDATE_SNAPSHOTS=1`
//! rewrites them), nothing cut off or pushed off the window (German has the longest words);
//! the sign-in with a code (RFC 8628) in all six languages with the code and Cancel in sight,
//! and Japanese drawn from a real font found through the system font fallback, not boxes.
//! Also: the language chosen with the selector is used at once and remembered for the next
//! start, and `--lang` / `MAILSETUP_LANG` win over it.
//!
//! The language is the process's: the tests of this file take a lock, and each sets the
//! language it needs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;

use std::sync::{Mutex, MutexGuard};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use gui_common::*;
use mailsetup::gui;
use mailsetup::i18n::{Language, set_language};
use mailsetup::wizard::{Event, Wizard};

static LANGUAGE: Mutex<()> = Mutex::new(());

fn speak(language: Language) -> MutexGuard<'static, ()> {
    let guard = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    set_language(language);
    guard
}

/// The window's minimum size, as the window asks for it.
fn min_size() -> egui::Vec2 {
    gui::native_options(eframe::Renderer::Glow)
        .viewport
        .min_inner_size
        .expect("the window has a minimum size")
}

fn harness(w: Wizard, language: Language) -> Harness<'static, (Wizard, Vec<Event>)> {
    harness_sized(w, language, min_size())
}

fn harness_sized(
    w: Wizard,
    language: Language,
    size: egui::Vec2,
) -> Harness<'static, (Wizard, Vec<Event>)> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .with_context_setup(move |ctx| {
            gui::theme::apply(ctx);
            gui::fonts::install(ctx, language);
        })
        .build_ui_state(
            |ui, (w, out): &mut (Wizard, Vec<Event>)| gui::draw(ui, w, out),
            (w, Vec::new()),
        );
    h.run_steps(4);
    h
}

type MakePage = fn() -> Wizard;

const PAGES: [(&str, MakePage); 3] = [
    ("account", account_filled),
    ("protocol", protocol_page),
    ("testing_failed", testing_failed),
];

/// The words of the bottom bar's buttons.
const NAV_KEYS: [&str; 11] = [
    "nav-back",
    "nav-cancel",
    "nav-next",
    "nav-set-up-manually",
    "nav-save-account",
    "nav-test-settings",
    "nav-try-again",
    "nav-close",
    "nav-add-another",
    "action-retry",
    "action-edit-settings",
];

/// Every named thing on screen lies inside the window's width, and the buttons of the bottom
/// bar neither overlap nor leave the window.
fn nothing_cut_off(h: &Harness<'_, (Wizard, Vec<Event>)>, what: &str) -> Vec<String> {
    let size = min_size();
    let mut problems = Vec::new();
    for node in h.query_all(by().predicate(|_| true).include_labels()) {
        let Some(label) = node.accesskit_node().label() else {
            continue;
        };
        let r = node.rect();
        if r.min.x < -0.5 || r.max.x > size.x + 0.5 {
            problems.push(format!("{what}: {label:?} runs off the side ({r:?})"));
        }
    }
    // The bottom bar's buttons (the page's own buttons may lie below, to scroll to).
    let loader = mailsetup::i18n::loader();
    let bar: Vec<String> = NAV_KEYS.iter().map(|k| loader.get(k)).collect();
    let buttons: Vec<_> = h
        .query_all_by_role(Role::Button)
        .map(|b| (b.accesskit_node().label().unwrap_or_default(), b.rect()))
        .filter(|(label, _)| bar.contains(label))
        .collect();
    assert!(!buttons.is_empty(), "{what}: no bottom bar found");
    for (i, (a, ra)) in buttons.iter().enumerate() {
        if ra.max.y > size.y + 0.5 {
            problems.push(format!("{what}: button {a:?} is below the window ({ra:?})"));
        }
        for (b, rb) in &buttons[i + 1..] {
            if ra.intersects(*rb) {
                problems.push(format!("{what}: buttons {a:?} and {b:?} overlap"));
            }
        }
    }
    problems
}

#[test]
fn three_pages_in_three_languages_fit_the_smallest_window_and_match_their_pictures() {
    let mut failures = Vec::new();
    for language in [Language::Spanish, Language::German, Language::Japanese] {
        let _guard = speak(language);
        for (name, make) in PAGES {
            let mut h = harness(make(), language);
            failures.extend(nothing_cut_off(&h, &format!("{name} in {language}")));
            if let Err(e) = h.try_snapshot(format!("i18n_{name}_{}", language.tag())) {
                failures.push(e.to_string());
            }
        }
        // The whole failed-testing page at the narrowest width: the diagnosis and its advice
        // in this language, below the checklist.
        let size = egui::vec2(min_size().x, 1100.0);
        let mut h = harness_sized(testing_failed(), language, size);
        if let Err(e) = h.try_snapshot(format!("i18n_testing_failed_whole_{}", language.tag())) {
            failures.push(e.to_string());
        }
    }
    let _guard = speak(Language::English);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_pages_speak_the_chosen_language() {
    let _guard = speak(Language::German);
    let h = harness(protocol_page(), Language::German);
    h.get_by_label("Weiter");
    h.get_by_label("Zurück");
    h.get_by_label("Manuell einrichten");
    assert!(h.query_by_label("Next").is_none());
    drop(h);
    set_language(Language::English);
}

#[test]
fn japanese_is_drawn_from_a_real_font() {
    let _guard = speak(Language::Japanese);
    let h = harness(account_filled(), Language::Japanese);
    let text = "アカウント次へ手動で設定パスワード";
    let drawn = h
        .ctx
        .fonts_mut(|f| f.has_glyphs(&egui::FontId::proportional(14.5), text));
    set_language(Language::English);
    assert!(
        drawn,
        "no installed font has the Japanese characters: install one \
         (Debian: apt-get install fonts-vlgothic, or fonts-ipafont-gothic / fonts-noto-cjk)"
    );
}

#[test]
fn the_language_chosen_in_the_window_is_used_at_once_and_remembered() {
    let _guard = speak(Language::English);
    let folder = tempfile::tempdir().expect("temp dir");
    let dir = folder.path().to_path_buf();
    let mut config = offline_config();
    config.config_dir = Some(dir.clone());
    let mut h = app(config);
    h.run_steps(2);
    // The selector shows each language in its own name.
    h.get_by_label("Language").click();
    h.run_steps(2);
    h.get_by_label("Deutsch").click();
    h.run_steps(3);
    h.get_by_label("Weiter");
    assert_eq!(mailsetup::i18n::language(), Language::German);
    let saved = std::fs::read_to_string(dir.join("window.json")).expect("window.json written");
    assert!(saved.contains("\"language\": \"de\""), "{saved}");
    drop(h);
    // The next start speaks German; --lang / MAILSETUP_LANG win over the remembered choice.
    set_language(Language::English);
    assert_eq!(gui::startup_language(Some(&dir), None), Language::German);
    assert_eq!(
        gui::startup_language(Some(&dir), Some(Language::Japanese)),
        Language::Japanese
    );
}

/// The account page signing in with a code on another device (RFC 8628) after the browser
/// could not be opened: the page to open, the code, the countdown, Cancel.
fn code_shown() -> Wizard {
    use mailsetup::wizard::{DeviceCode, Effect, OAuthProblem};
    let mut w = Wizard::new();
    let fx = feed(
        &mut w,
        vec![
            Event::EmailEdited("ann.example@outlook.com".into()),
            Event::OAuthAvailable {
                domain: "outlook.com".into(),
                provider: Some("Microsoft".into()),
            },
            Event::SignInWithProvider,
        ],
    );
    let Some(Effect::OAuthSignIn { task, .. }) = fx.last() else {
        panic!("{fx:?}");
    };
    let fx = w.handle(Event::SignedIn {
        task: *task,
        result: Err(OAuthProblem {
            code: "oauth_browser_failed".into(),
            summary: "The browser could not be opened".into(),
            advice: String::new(),
        }),
    });
    let Some(Effect::OAuthDeviceSignIn { task, .. }) = fx.last() else {
        panic!("{fx:?}");
    };
    w.handle(Event::DeviceCodeShown {
        task: *task,
        code: DeviceCode {
            user_code: "HZ3FQ7KLM".into(),
            verification_uri: "https://microsoft.com/devicelogin".into(),
            verification_uri_complete: None,
            expires_at: std::time::Instant::now() + std::time::Duration::from_secs(900),
        },
    });
    w
}

/// The account page waiting for the browser: Cancel, or a code on another device instead.
fn browser_waiting() -> Wizard {
    let mut w = Wizard::new();
    feed(
        &mut w,
        vec![
            Event::EmailEdited("ann.example@outlook.com".into()),
            Event::OAuthAvailable {
                domain: "outlook.com".into(),
                provider: Some("Microsoft".into()),
            },
            Event::SignInWithProvider,
        ],
    );
    w
}

/// The same after the code expired: the cause and "Get a new code".
fn code_expired() -> Wizard {
    use mailsetup::wizard::{Effect, OAuthProblem};
    let mut w = Wizard::new();
    let fx = feed(
        &mut w,
        vec![
            Event::EmailEdited("ann.example@outlook.com".into()),
            Event::OAuthAvailable {
                domain: "outlook.com".into(),
                provider: Some("Microsoft".into()),
            },
            Event::SignInWithCode,
        ],
    );
    let Some(Effect::OAuthDeviceSignIn { task, .. }) = fx.last() else {
        panic!("{fx:?}");
    };
    w.handle(Event::SignedIn {
        task: *task,
        result: Err(OAuthProblem {
            code: "oauth_device_code_expired".into(),
            summary: "The code for the sign-in expired before it was approved".into(),
            advice: String::new(),
        }),
    });
    w
}

#[test]
fn the_sign_in_with_a_code_fits_the_smallest_window_in_every_language() {
    let mut failures = Vec::new();
    for language in Language::ALL {
        let _guard = speak(language);
        for (name, make) in [
            ("code", code_shown as MakePage),
            ("code_expired", code_expired),
            ("browser_waiting", browser_waiting),
        ] {
            let h = harness(make(), language);
            failures.extend(nothing_cut_off(&h, &format!("{name} in {language}")));
            if name == "code" {
                // The code is in sight without scrolling.
                let code = h
                    .query_all(by().predicate(|_| true).include_labels())
                    .find(|n| {
                        let n = n.accesskit_node();
                        n.value()
                            .or_else(|| n.label())
                            .is_some_and(|l| l.contains("HZ3FQ7KLM"))
                    })
                    .map(|n| n.rect())
                    .expect("the code on the page");
                // The bottom of the page's visible part: where its scroll bar ends.
                let bottom = h
                    .query_by_label(&mailsetup::i18n::loader().get("a11y-scroll-page"))
                    .map(|n| n.rect().max.y)
                    .expect("the page scrolls in the smallest window");
                if code.min.y < 0.0 || code.max.y > bottom {
                    failures.push(format!("{language}: the code {code:?} is out of sight"));
                }
                // And so is Cancel.
                let cancel = h
                    .get_by_role_and_label(
                        Role::Button,
                        &mailsetup::i18n::loader().get("oauth-cancel"),
                    )
                    .rect();
                if cancel.max.y > bottom {
                    failures.push(format!("{language}: Cancel {cancel:?} is out of sight"));
                }
            }
        }
    }
    let _guard = speak(Language::English);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_failed_source_on_the_lookup_page_says_why_in_the_chosen_language() {
    let _guard = speak(Language::German);
    let (w, _) = lookup_running();
    let h = harness(w, Language::German);
    // The SRV line of the fixture ran out of time after 3 s.
    let line = h.get_by_label_contains("fehlgeschlagen: keine Antwort innerhalb von 3 s");
    let label = line.accesskit_node().label().unwrap_or_default();
    drop(h);
    set_language(Language::English);
    assert!(!label.contains("no answer"), "{label}");
}
