//! Property tests: for random short passwords (1–3 characters: Unicode, regex and SASL
//! special characters, quotes, backslashes, spaces) no form of the password survives in any
//! output — transcript, text / Markdown / JSON report, the Debug of reports, failures, the
//! wizard and its effects — including the base64 forms of SASL PLAIN and LOGIN.
//!
//! Short passwords occur in ordinary text by chance ("a" is in "alice"), so the main check is
//! differential: the same conversation run with the random password P and with a password
//! that occurs nowhere (☃) must give the same outputs, byte for byte, once timings are set
//! to zero. Any output that depends on the password reveals something about it — also a
//! mask put over server text that merely contains the password's characters
//! ("AUTH****PLAIN" for the password "="). The sessions are the real protocol code
//! (`probe::fuzzing::converse`) against what Dovecot says (verifying, refusing the
//! password). A hostile server that echoes the password back in every form gets its
//! encoded forms (base64, SASL PLAIN) masked.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::probe::fuzzing::converse;
use mailsetup::probe::{CertTrust, ProbeOptions, ProbeReport};
use mailsetup::report::{self, DiagnoseDocument};
use mailsetup::wizard::{Event, Wizard};
use proptest::prelude::*;
use secrecy::SecretString;

const USER: &str = "alice@example.com";
/// A password that occurs in no script and no output.
const ABSENT: &str = "☃";

/// The characters random passwords are made of.
const CHARS: &[char] = &[
    'ä', 'ß', 'é', 'Ω', '中', '✓', '🔑', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|',
    '^', '$', '\\', '"', '\'', '=', ',', '@', ':', '/', '%', ' ', '-', '_', '<', '>', '&', '~',
    '!', '#', 'a', 'O', 'K', '0', '1',
];

fn password() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CHARS), 1..=3)
        .prop_map(|chars| chars.into_iter().collect())
}

/// Every form a server could echo: as typed, IMAP-quoted, base64, SASL PLAIN in base64
/// (with and without authorisation identity).
fn forms(password: &str) -> Vec<String> {
    vec![
        password.to_string(),
        password.replace('\\', "\\\\").replace('"', "\\\""),
        B64.encode(password),
        B64.encode(format!("\0{USER}\0{password}")),
        B64.encode(format!("{USER}\0{USER}\0{password}")),
    ]
}

/// Dovecot's words in a plaintext session (captured from the test Dovecot by
/// `examples/soak.rs --transcripts`), one reply per command (form feeds end replies);
/// `login` is the answer to the sign-in, `echo` comes before the end of the capabilities.
fn script(protocol: Protocol, login: &str, echo: &str) -> String {
    match protocol {
        Protocol::Imap => format!(
            "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot (Debian) ready.\r\n\
             {echo}\x0c\
             {login}\x0c\
             * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n\
             * OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n\
             * 3 EXISTS\r\n* 3 RECENT\r\n\
             * OK [UIDVALIDITY 1796109389] UIDs valid\r\n\
             m5 OK [READ-ONLY] Examine completed (0.025 + 0.000 + 0.024 secs).\r\n\
             * BYE Logging out\r\nm6 OK Logout completed (0.001 + 0.000 secs).\r\n"
        ),
        Protocol::Pop3 => format!(
            "+OK Dovecot (Debian) ready.\r\n\x0c\
             +OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nUSER\r\nSASL PLAIN LOGIN\r\n.\r\n\x0c\
             {echo}{login}\x0c+OK 3 513\r\n\x0c+OK Logging out.\r\n"
        ),
        Protocol::Smtp => format!(
            "220 mail.example.test Dovecot (Debian) ready.\r\n\x0c\
             250-mail.example.test\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250 PIPELINING\r\n\x0c\
             {login}\x0c221 2.0.0 Bye\r\n"
        ),
    }
}

/// The answers to the sign-in: accepted, refused.
fn login_replies(protocol: Protocol) -> (&'static str, &'static str) {
    match protocol {
        Protocol::Imap => (
            "m4 OK Logged in\r\n",
            "m4 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
        ),
        Protocol::Pop3 => (
            "+OK Logged in.\r\n",
            "-ERR [AUTH] Authentication failed.\r\n",
        ),
        Protocol::Smtp => (
            "235 2.7.0 Logged in.\r\n",
            "535 5.7.8 Authentication failed\r\n",
        ),
    }
}

/// A session that verifies and one the server refuses: neither says anything about the
/// password, so no output may depend on it.
fn scripts(protocol: Protocol) -> Vec<String> {
    let (ok, no) = login_replies(protocol);
    vec![script(protocol, ok, ""), script(protocol, no, "")]
}

/// A hostile server that echoes every form of the password back, before and in its refusal.
fn echo_script(protocol: Protocol, password: &str) -> String {
    let all = forms(password).join(" ");
    match protocol {
        Protocol::Imap => script(
            protocol,
            &format!("* OK [ALERT] you sent {all}\r\nm4 NO [AUTHENTICATIONFAILED] {all}\r\n"),
            &format!("* OK [ALERT] you will send {all}\r\n"),
        ),
        Protocol::Pop3 => script(protocol, &format!("-ERR [AUTH] you sent {all}\r\n"), ""),
        Protocol::Smtp => script(
            protocol,
            &format!("535-5.7.8 you sent {all}\r\n535 5.7.8 {all}\r\n"),
            "",
        ),
    }
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime")
    })
}

fn opts() -> ProbeOptions {
    let mut opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).expect("trust"));
    opts.allow_plaintext = true;
    opts
}

/// Every output made from one session, timings set to zero.
fn outputs(protocol: Protocol, password: &str, script: &str, chunk: usize) -> Vec<String> {
    let settings = ServerSettings {
        protocol,
        host: "mail.example.com".into(),
        port: protocol.default_port(Security::Plain),
        security: Security::Plain,
        username: USER.into(),
    };
    let secret = SecretString::from(password.to_string());
    let mut report: ProbeReport = runtime().block_on(converse(
        &settings,
        &secret,
        &opts(),
        script.as_bytes(),
        chunk,
    ));
    report.total_ms = 0;
    for step in &mut report.steps {
        step.started_ms = 0;
        step.ms = 0;
    }
    for line in &mut report.transcript {
        line.at_ms = 0;
    }
    let reports = [report.clone()];
    let transcript: String = report
        .transcript
        .iter()
        .map(|l| format!("{:?} {}\n", l.direction, l.text))
        .collect();
    vec![
        transcript,
        report::text(&report, true),
        report::markdown(&report),
        serde_json::to_string_pretty(&DiagnoseDocument::new(USER.into(), &reports)).expect("json"),
        format!("{report:?}"),
        format!("{:?}", report.diagnosis()),
    ]
}

/// The wizard's Debug and its effects' Debug after the password was typed.
fn wizard_outputs(password: &str) -> Vec<String> {
    let mut w = Wizard::new();
    let mut out = Vec::new();
    for event in [
        Event::NameEdited("Ann".into()),
        Event::EmailEdited(USER.into()),
        Event::PasswordEdited(SecretString::from(password.to_string())),
        Event::Next,
    ] {
        out.push(format!("{event:?}"));
        let effects = w.handle(event);
        out.push(format!("{effects:?}"));
    }
    out.push(format!("{w:?}"));
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_output_of_a_session_depends_on_the_password(
        pw in password(),
        chunk in prop::sample::select(vec![1usize, 5, 64, 4096]),
    ) {
        for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
            for script in scripts(protocol) {
                let got = outputs(protocol, &pw, &script, chunk);
                let want = outputs(protocol, ABSENT, &script, chunk);
                for (g, w) in got.iter().zip(&want) {
                    prop_assert_eq!(
                        g, w,
                        "{:?} with password {:?}: an output differs from the same run with \
                         another password", protocol, pw
                    );
                }
            }
        }
    }

    #[test]
    fn a_server_echoing_the_password_gets_every_encoded_form_masked(
        pw in password(),
        chunk in prop::sample::select(vec![1usize, 7, 4096]),
    ) {
        for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
            let got = outputs(protocol, &pw, &echo_script(protocol, &pw), chunk);
            // base64 of the password, and of SASL PLAIN with and without authorisation id.
            for form in forms(&pw).iter().skip(2) {
                for out in &got {
                    prop_assert!(
                        !out.contains(form.as_str()),
                        "{:?}: {:?} survived in:\n{}", protocol, form, out
                    );
                }
            }
        }
    }

    #[test]
    fn the_wizard_and_its_effects_never_show_the_password(pw in password()) {
        let got = wizard_outputs(&pw);
        let want = wizard_outputs(ABSENT);
        prop_assert_eq!(got, want);
    }
}

#[test]
fn the_scripts_reach_the_sign_in_and_its_verdict() {
    // The property above is only as good as the conversations it drives.
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        let s = scripts(protocol);
        let verdict = |script: &str| {
            let settings = ServerSettings {
                protocol,
                host: "mail.example.com".into(),
                port: 1,
                security: Security::Plain,
                username: USER.into(),
            };
            let r = runtime().block_on(converse(
                &settings,
                &SecretString::from("pw"),
                &opts(),
                script.as_bytes(),
                64,
            ));
            if std::env::var_os("SHOW").is_some() {
                eprintln!("{}", report::text(&r, true));
            }
            r.diagnosis().map(|d| d.cause.code().to_string())
        };
        assert_eq!(verdict(&s[0]), None, "{protocol:?} verifies");
        assert_eq!(
            verdict(&s[1]).as_deref(),
            Some("auth_failed"),
            "{protocol:?}"
        );
        let echo = echo_script(protocol, "pw");
        assert_eq!(
            verdict(&echo).as_deref(),
            Some("auth_failed"),
            "{protocol:?}"
        );
    }
}
