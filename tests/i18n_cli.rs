//! The command line's language: `--lang` first, then `MAILSETUP_LANG`, then the system's
//! locale (`LANG` …), else English; an unknown language is a usage error naming the choices;
//! JSON output stays English whatever the language.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

/// `mailsetup accounts list` on an empty folder, with the language variables cleared and
/// then set as given.
fn list(args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .args(["accounts", "list", "--config-dir"])
        .arg(dir.path());
    for var in [
        "MAILSETUP_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    cmd.output().expect("run mailsetup")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn lang_flag_picks_the_language() {
    let out = list(&["--lang", "de"], &[]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout(&out).starts_with("Keine gespeicherten Konten in"),
        "{out:?}"
    );
    let out = list(&["--lang", "ja"], &[("MAILSETUP_LANG", "fr")]);
    assert!(
        stdout(&out).contains("保存されたアカウントはありません"),
        "{out:?}"
    );
}

#[test]
fn mailsetup_lang_then_the_system_locale_then_english() {
    let out = list(&[], &[("MAILSETUP_LANG", "es"), ("LANG", "de_DE.UTF-8")]);
    assert!(
        stdout(&out).starts_with("No hay cuentas guardadas en"),
        "{out:?}"
    );
    let out = list(&[], &[("LANG", "pt_BR.UTF-8")]);
    assert!(
        stdout(&out).starts_with("Nenhuma conta salva em"),
        "{out:?}"
    );
    let out = list(&[], &[("LANG", "fr_FR.UTF-8")]);
    assert!(
        stdout(&out).starts_with("Aucun compte enregistré dans"),
        "{out:?}"
    );
    // A language we do not ship, or none at all: English.
    for env in [
        vec![("LANG", "ar_EG.UTF-8")],
        vec![("LANG", "C.UTF-8")],
        vec![],
    ] {
        let out = list(&[], &env);
        assert!(
            stdout(&out).starts_with("No saved accounts in"),
            "{env:?}: {out:?}"
        );
    }
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = list(&["--lang", "klingon"], &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("klingon") && err.contains("pt-BR"), "{err}");
}

#[test]
fn json_stays_english_in_any_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(BIN)
        .args(["--lang", "ja", "accounts", "list", "--json", "--config-dir"])
        .arg(dir.path())
        .output()
        .expect("run mailsetup");
    assert!(out.status.success(), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(doc.is_object(), "{doc}");
    let text = stdout(&out);
    assert!(
        text.is_ascii(),
        "JSON output has translated (non-English) words: {text}"
    );
}

/// `mailsetup diagnose ADDRESS` with the language variables cleared, then `args`.
fn diagnose(args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    for var in [
        "MAILSETUP_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "MAILSETUP_OAUTH_CLIENT_ID",
    ] {
        cmd.env_remove(var);
    }
    cmd.output().expect("run mailsetup")
}

#[test]
fn an_oauth_failure_is_explained_in_the_chosen_language_and_json_stays_english() {
    // No sign-in page is known for this domain: the failure comes before any network.
    let out = diagnose(&["--lang", "de", "diagnose", "ann@example.invalid", "--oauth"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "Die Anmeldung über den Anbieter ist fehlgeschlagen (oauth_not_available)"
        ),
        "{text}"
    );
    assert!(text.contains("mailsetup kennt die Anmeldeseite"), "{text}");
    let out = diagnose(&[
        "--lang",
        "de",
        "diagnose",
        "ann@example.invalid",
        "--oauth",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["oauth"]["error"], "oauth_not_available");
    assert_eq!(
        json["oauth"]["summary"],
        "no OAuth 2.0 sign-in is known for example.invalid"
    );
    assert!(
        json["oauth"]["advice"]
            .as_str()
            .is_some_and(|a| a.starts_with("This provider's sign-in page")),
        "{json}"
    );
}

#[test]
fn a_usage_error_is_in_the_chosen_language() {
    let out = diagnose(&[
        "--lang",
        "ja",
        "diagnose",
        "ann@example.invalid",
        "--password-env",
        "MAILSETUP_TEST_UNSET_VARIABLE",
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("環境変数 MAILSETUP_TEST_UNSET_VARIABLE が設定されていません"),
        "{err}"
    );
}
