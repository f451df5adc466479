//! The command line's language: `--lang` first, then `MAILSETUP_LANG`, then the system's
//! locale (`LANG` …), else English; an unknown language is a usage error naming the choices;
//! JSON output stays English whatever the language.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

/// Removes every variable that chooses a language, so a test sets only its own.
fn clear_language(cmd: &mut Command) {
    for var in [
        "MAILSETUP_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        cmd.env_remove(var);
    }
}

/// `mailsetup accounts list` on an empty folder, with the language variables cleared and
/// then set as given.
fn list(args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .args(["accounts", "list", "--config-dir"])
        .arg(dir.path());
    clear_language(&mut cmd);
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
    clear_language(&mut cmd);
    cmd.env_remove("MAILSETUP_OAUTH_CLIENT_ID");
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

/// `mailsetup ARGS` with the language variables cleared and the password on stdin.
fn run(args: &[&str]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    clear_language(&mut cmd);
    let mut child = cmd.spawn().expect("run mailsetup");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"not-the-real-password\n");
    }
    child.wait_with_output().expect("wait for mailsetup")
}

/// A loopback port nothing listens on (bound, then closed again).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// One saved account with every optional line of the list (CA file, plaintext, pin).
const ACCOUNTS: &str = r#"{
  "version": 1,
  "accounts": [
    {
      "id": "ann-example-com",
      "display_name": "Ann",
      "email": "ann@example.com",
      "incoming": {"protocol": "imap", "host": "imap.example.com", "port": 993,
                   "security": "tls", "username": "ann@example.com", "auth_method": "LOGIN"},
      "outgoing": {"protocol": "smtp", "host": "smtp.example.com", "port": 587,
                   "security": "starttls", "username": "ann@example.com"},
      "alternatives": [{"protocol": "pop3", "host": "pop.example.com", "port": 995,
                        "security": "tls", "username": "ann@example.com"}],
      "source": {"kind": "autoconfig",
                 "detail": "https://autoconfig.example.com/mail/config-v1.1.xml"},
      "last_verified": "2026-11-26T07:20:42Z",
      "allow_plaintext": true,
      "ca_file": "ann-example-com.ca.pem",
      "pinned_keys": [{"host": "imap.example.com", "port": 993,
                       "spki_sha256": "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}],
      "keychain": {"store": "keyutils",
                   "incoming": {"service": "mailsetup", "user": "ann-example-com/incoming/1/2"},
                   "outgoing": {"service": "mailsetup", "user": "ann-example-com/outgoing/1/2"}}
    }
  ]
}"#;

#[test]
fn the_accounts_list_labels_its_lines_in_the_chosen_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("accounts.json"), ACCOUNTS).expect("write accounts.json");
    let folder = dir.path().to_str().expect("UTF-8 path");
    let text = |lang: &str| {
        let out = run(&["--lang", lang, "accounts", "list", "--config-dir", folder]);
        assert!(out.status.success(), "{out:?}");
        stdout(&out)
    };
    let english = text("en-US");
    for line in [
        "    incoming  IMAP imap.example.com:993 (TLS, user ann@example.com), sign-in LOGIN\n",
        "    also ok   POP3 pop.example.com:995 (TLS, user ann@example.com)\n",
        "    settings  provider's autoconfig (https://autoconfig.example.com/mail/config-v1.1.xml)\n",
        "    trusts    the certificate authority in ",
        "ann-example-com.ca.pem\n",
        "    warning   the password may be sent without encryption\n",
        "    key       trusted by fingerprint: imap.example.com:993=",
    ] {
        assert!(english.contains(line), "{line:?} missing from:\n{english}");
    }
    let german = text("de");
    for words in [
        "    Eingang        IMAP imap.example.com:993 (TLS, Benutzer ann@example.com), Anmeldung mit LOGIN\n",
        "    Ausgang        SMTP",
        "    auch gültig    POP3",
        "    Einstellungen  Autoconfig des Anbieters (https://",
        // Local time to the minute (issue 21 §11); `run` sets TZ=UTC.
        "    geprüft        2026-11-26 07:20 +00:00\n",
        "    vertraut       der Zertifizierungsstelle in ",
        "    Warnung        das Passwort darf unverschlüsselt gesendet werden\n",
        "    Schlüssel      per Fingerabdruck vertraut: imap.example.com:993=",
    ] {
        assert!(german.contains(words), "{words:?} missing from:\n{german}");
    }
    for english_word in [
        "incoming", "outgoing", "also ok", "settings", "verified", ", user ",
    ] {
        assert!(
            !german.contains(english_word),
            "{english_word:?} left in English:\n{german}"
        );
    }
    // Japanese labels take two columns a character: the values still line up.
    let japanese = text("ja");
    let starts: Vec<usize> = japanese
        .lines()
        .skip(1)
        .filter(|l| l.starts_with("    "))
        .map(|l| {
            let label = l.trim_start().split(' ').next().unwrap_or("");
            let rest = &l[4 + label.len()..];
            mailsetup::i18n::columns(label) + (rest.len() - rest.trim_start().len())
        })
        .collect();
    assert!(starts.len() >= 8, "{japanese}");
    assert!(
        starts.windows(2).all(|w| w[0] == w[1]),
        "{starts:?}\n{japanese}"
    );
}

#[test]
fn diagnose_speaks_the_chosen_language_on_screen_and_english_in_its_documents() {
    let port = closed_port().to_string();
    let imap = format!("127.0.0.1:{port}/tls");
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("ticket.md");
    // `diagnose` in German of an IMAP server that refuses the connection, then `more`.
    let german = |more: &[&str]| {
        let mut args = vec![
            "--lang",
            "de",
            "diagnose",
            "ann@example.com",
            "--imap",
            &imap,
            "--password-stdin",
        ];
        args.extend_from_slice(more);
        run(&args)
    };
    let out = german(&["--report", report.to_str().expect("UTF-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "IMAP 127.0.0.1:{port} (TLS, Benutzer ann@example.com) — FAIL in "
        )),
        "{text}"
    );
    for words in [
        "  PASS  Server finden ",
        "  FAIL  verbinden ",
        "  Ursache   connection_refused — ",
        "  Rat       ",
        "  Detail    ",
        "  von Hand  openssl s_client",
    ] {
        assert!(text.contains(words), "{words:?} missing from:\n{text}");
    }
    for english in [
        "find server",
        "  connect ",
        "cause ",
        "advice ",
        "by hand",
        ", user ",
    ] {
        assert!(
            !text.contains(english),
            "{english:?} left in English:\n{text}"
        );
    }
    // The report handed on to a technician is the English document.
    let ticket = std::fs::read_to_string(&report).expect("the report was written");
    assert!(ticket.contains("connect"), "{ticket}");
    assert!(!ticket.contains("verbinden"), "{ticket}");

    // The error prefix too, and JSON stays English.
    let out = german(&["--report", "/nonexistent-folder/ticket.md"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Fehler: der Bericht konnte nicht nach /nonexistent-folder/ticket.md"),
        "{err}"
    );
    assert!(!err.contains("error:"), "{err}");
    let out = german(&["--json"]);
    let json = stdout(&out);
    assert!(json.is_ascii() && json.contains("\"connect\""), "{json}");
}

#[test]
fn accounts_check_and_diagnose_refuse_a_bad_timeout_in_the_same_words() {
    for (lang, expected) in [
        (
            "en-US",
            "error: --timeout must be a number of seconds above 0 and at most 600, not 0\n",
        ),
        (
            "de",
            "Fehler: --timeout muss eine Zahl von Sekunden über 0 und höchstens 600 sein, nicht 0\n",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().to_str().expect("UTF-8 path");
        let check = run(&[
            "--lang",
            lang,
            "accounts",
            "check",
            "ann",
            "--timeout",
            "0",
            "--config-dir",
            folder,
        ]);
        let diagnose = run(&[
            "--lang",
            lang,
            "diagnose",
            "ann@example.com",
            "--password-stdin",
            "--timeout",
            "0",
        ]);
        for out in [&check, &diagnose] {
            assert_eq!(out.status.code(), Some(2), "{out:?}");
            assert_eq!(String::from_utf8_lossy(&out.stderr), expected);
        }
    }
    // The same limits: fractions above 0 pass the check (the account is then unknown),
    // more than 600 does not.
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().to_str().expect("UTF-8 path");
    let out = run(&[
        "accounts",
        "check",
        "ann",
        "--timeout",
        "0.5",
        "--config-dir",
        folder,
    ]);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("--timeout"),
        "{out:?}"
    );
    let out = run(&[
        "accounts",
        "check",
        "ann",
        "--timeout",
        "600.5",
        "--config-dir",
        folder,
    ]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not 600.5"),
        "{out:?}"
    );
}

#[test]
fn a_failed_discovery_source_says_why_in_the_chosen_language() {
    // A DNS server that never answers: every source that needs DNS runs out of time.
    let port = closed_port().to_string();
    let dns = format!("127.0.0.1:{port}");
    let out = run(&[
        "--lang",
        "de",
        "discover",
        "ann@example.com",
        "--timeout",
        "1",
        "--dns",
        &dns,
    ]);
    let text = stdout(&out);
    assert!(text.contains("keine Antwort innerhalb von 1 s"), "{text}");
    assert!(!text.contains("no answer"), "{text}");
}

#[test]
fn discovery_names_its_sources_in_the_chosen_language() {
    // charter.net: the built-in table lists two SMTP modes on one port, each "per" a
    // different publisher, and an article's POP3 claim it disputes; the "said by" lines name
    // the table. DNS never answers, so only the table speaks (nothing leaves the machine).
    let dns = format!("127.0.0.1:{}", closed_port());
    let discover = |lang: &str| {
        let out = run(&[
            "--lang",
            lang,
            "discover",
            "someone@charter.net",
            "--timeout",
            "1",
            "--dns",
            &dns,
        ]);
        assert!(!stdout(&out).is_empty(), "{out:?}");
        stdout(&out)
    };
    let english = discover("en-US");
    assert!(english.contains("said by built-in table: "), "{english}");
    assert!(english.contains(" (per "), "{english}");
    let german = discover("de");
    assert!(
        german.contains("laut der eingebauten Anbieterliste: "),
        "{german}"
    );
    assert!(
        german.contains(" (Quelle: Hilfeseiten von Spectrum)"),
        "{german}"
    );
    assert!(
        german.contains("laut einem viel kopierten Artikel"),
        "{german}"
    );
    for english_words in [
        "built-in table",
        "(per ",
        "exists in DNS",
        "said by",
        "help pages",
        "widely copied",
    ] {
        assert!(
            !german.contains(english_words),
            "{english_words:?} in:\n{german}"
        );
    }
}

/// `accounts remove` of an id nobody saved: the store's own sentence in the chosen language
/// after the translated prefix, and the same English sentence as before without one.
#[test]
fn an_unknown_account_id_is_explained_in_the_chosen_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("accounts.json"), ACCOUNTS).expect("write accounts.json");
    let folder = dir.path().to_str().expect("UTF-8 path");
    let remove = |lang: &[&str]| {
        let mut args = lang.to_vec();
        args.extend([
            "accounts",
            "remove",
            "nobody@example.org",
            "--config-dir",
            folder,
        ]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };

    let german = remove(&["--lang", "de"]);
    assert!(
        german.contains("Fehler: kein gespeichertes Konto hat die Kennung „nobody@example.org“"),
        "{german}"
    );
    for english in ["error", "no saved account", "shows them"] {
        assert!(
            !german.contains(english),
            "English {english:?} in: {german}"
        );
    }

    let english = remove(&[]);
    assert!(
        english.contains(
            "error: no saved account has the id \"nobody@example.org\" (`mailsetup accounts \
             list` shows them)"
        ),
        "{english}"
    );
}
