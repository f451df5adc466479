//! Property tests: an OAuth 2.0 access token is a secret exactly like a password. For random
//! tokens (RFC 6750 `b64token` characters, 8 to 300 of them) signing in with OAUTHBEARER and
//! XOAUTH2 (RFC 7628) to IMAP, POP3 and SMTP — accepted, refused with the RFC 7628 §3.2.2
//! error challenge, or refused by a hostile server that echoes every form of the token back —
//! no form of the token (as is, base64, either SASL initial response) is in any output: the
//! transcript, the text / Markdown / JSON report, the Debug of the report and its diagnosis.
//! The sessions are the real protocol code (`probe::fuzzing::converse`) against what Dovecot
//! 2.3 says (captured from a Dovecot with an oauth2 passdb, December 2026).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::probe::fuzzing::converse;
use mailsetup::probe::sasl::{Mechanism, initial_response};
use mailsetup::probe::{Cause, CertTrust, ProbeOptions, ProbeReport, SecretKind};
use mailsetup::report::{self, DiagnoseDocument};
use proptest::prelude::*;
use secrecy::SecretString;

const USER: &str = "traveller@example.test";

/// RFC 6750 §2.1 b64token characters.
const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

fn token() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(CHARS), 8..=300),
        0..=2usize,
    )
        .prop_map(|(chars, pad)| {
            let mut t: String = chars.into_iter().map(char::from).collect();
            t.push_str(&"=".repeat(pad));
            t
        })
}

fn mechanism() -> impl Strategy<Value = Mechanism> {
    prop::sample::select(vec![Mechanism::OAuthBearer, Mechanism::XOAuth2])
}

/// Every form of the token a server could see or echo.
fn forms(token: &str) -> Vec<String> {
    vec![
        token.to_string(),
        B64.encode(token),
        initial_response(Mechanism::OAuthBearer, USER, token).to_string(),
        initial_response(Mechanism::XOAuth2, USER, token).to_string(),
    ]
}

/// Dovecot 2.3.19's error challenge for an inactive token (OAUTHBEARER form).
const CHALLENGE: &str = "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovLzEyNy4wLjAuMTozNzEzMS8ud2VsbC1rbm93bi9vcGVuaWQtY29uZmlndXJhdGlvbiJ9";

#[derive(Debug, Clone, Copy)]
enum Answer {
    Accept,
    Refuse,
    Echo,
}

/// The server's side, one reply per command (form feeds end replies).
fn script(protocol: Protocol, answer: Answer, token: &str) -> String {
    let all = forms(token).join(" ");
    let echo = |prefix: &str| match answer {
        Answer::Echo => format!("{prefix}you sent {all}\r\n"),
        _ => String::new(),
    };
    match protocol {
        Protocol::Imap => {
            let login = match answer {
                Answer::Accept => "m4 OK Logged in\r\n".to_string(),
                _ => format!(
                    "{}+ {CHALLENGE}\r\n\x0c{}m4 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
                    echo("* OK [ALERT] "),
                    echo("* OK [ALERT] ")
                ),
            };
            format!(
                "* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ AUTH=XOAUTH2 AUTH=OAUTHBEARER] Dovecot (Debian) ready.\r\n\x0c\
                 {login}\x0c\
                 * 0 EXISTS\r\nm5 OK [READ-ONLY] Examine completed.\r\n* BYE Logging out\r\nm6 OK Logout completed.\r\n"
            )
        }
        Protocol::Pop3 => {
            let login = match answer {
                Answer::Accept => "+OK Logged in.\r\n".to_string(),
                _ => format!(
                    "+ {CHALLENGE}\r\n\x0c-ERR [AUTH] Authentication failed. {}\r\n",
                    if matches!(answer, Answer::Echo) {
                        all.as_str()
                    } else {
                        ""
                    }
                ),
            };
            format!(
                "+OK Dovecot (Debian) ready.\r\n\x0c\
                 +OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nUSER\r\nSASL XOAUTH2 OAUTHBEARER\r\n.\r\n\x0c\
                 {login}\x0c+OK 0 0\r\n\x0c+OK Logging out.\r\n"
            )
        }
        Protocol::Smtp => {
            let login = match answer {
                Answer::Accept => "235 2.7.0 Logged in.\r\n".to_string(),
                _ => format!(
                    "{}334 {CHALLENGE}\r\n\x0c{}535 5.7.8 Authentication failed.\r\n",
                    echo("334-"),
                    echo("535-5.7.8 ")
                ),
            };
            format!(
                "220 mail.example.test Dovecot (Debian) ready.\r\n\x0c\
                 250-mail.example.test\r\n250-8BITMIME\r\n250-AUTH XOAUTH2 OAUTHBEARER\r\n250-ENHANCEDSTATUSCODES\r\n250 PIPELINING\r\n\x0c\
                 {login}\x0c221 2.0.0 Bye\r\n"
            )
        }
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

fn session(protocol: Protocol, mechanism: Mechanism, token: &str, answer: Answer) -> ProbeReport {
    let settings = ServerSettings {
        protocol,
        host: "mail.example.test".into(),
        port: protocol.default_port(Security::Plain),
        security: Security::Plain,
        username: USER.into(),
    };
    let mut opts = ProbeOptions::new(CertTrust::with_extra_roots(Vec::new()).expect("trust"));
    opts.allow_plaintext = true;
    opts.secret_kind = SecretKind::OAuth2 {
        mechanism: Some(mechanism),
    };
    let secret = SecretString::from(token.to_string());
    let script = script(protocol, answer, token);
    runtime().block_on(converse(&settings, &secret, &opts, script.as_bytes(), 64))
}

/// Every output made from one report.
fn outputs(report: &ProbeReport) -> Vec<String> {
    let reports = [report.clone()];
    let transcript: String = report
        .transcript
        .iter()
        .map(|l| format!("{:?} {}\n", l.direction, l.text))
        .collect();
    vec![
        transcript,
        report::text(report, true),
        report::markdown(report),
        serde_json::to_string_pretty(&DiagnoseDocument::new(USER.into(), &reports)).expect("json"),
        format!("{report:?}"),
        format!("{:?}", report.diagnosis()),
    ]
}

fn protocols() -> impl Strategy<Value = Protocol> {
    prop::sample::select(vec![Protocol::Imap, Protocol::Pop3, Protocol::Smtp])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_output_holds_the_token_in_any_form(
        protocol in protocols(),
        mechanism in mechanism(),
        tok in token(),
        answer in prop::sample::select(vec![Answer::Accept, Answer::Refuse, Answer::Echo]),
    ) {
        let report = session(protocol, mechanism, &tok, answer);
        for out in outputs(&report) {
            for form in forms(&tok) {
                prop_assert!(!out.contains(&form), "{protocol:?} {answer:?}: a form of the token in\n{out}");
            }
        }
    }
}

#[test]
fn the_scripts_sign_in_and_refuse_as_dovecot_does() {
    let tok = "ya29.a0AfH6SMBx-token_value~with+chars/";
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        for mechanism in [Mechanism::OAuthBearer, Mechanism::XOAuth2] {
            let ok = session(protocol, mechanism, tok, Answer::Accept);
            assert!(
                ok.is_verified(),
                "{protocol:?} {mechanism:?}: {:?}",
                ok.diagnosis()
            );
            assert_eq!(
                ok.server_facts
                    .auth_used
                    .as_deref()
                    .map(|u| u.ends_with(mechanism.name())),
                Some(true)
            );
            let no = session(protocol, mechanism, tok, Answer::Refuse);
            let d = no.diagnosis().expect("refused");
            assert_eq!(d.cause, Cause::OauthTokenRejected, "{protocol:?}: {d:?}");
            assert!(
                d.advice
                    .contains("https://127.0.0.1:37131/.well-known/openid-configuration"),
                "{}",
                d.advice
            );
            // The dummy response went out after the challenge.
            let dummy = mechanism.dummy_response();
            assert!(
                no.transcript
                    .iter()
                    .any(|l| l.direction == mailsetup::probe::Direction::Sent && l.text == dummy),
                "{protocol:?} {mechanism:?}"
            );
        }
    }
}
