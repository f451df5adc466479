//! What each fuzz target checks, one function per target (`fuzz_targets/*.rs` only hand the
//! fuzzer's bytes to them). The functions call the mailsetup library itself (built without the
//! window, see Cargo.toml), and `tests/proptest_fuzz_regressions.rs` compiles this same file
//! to replay the seeds and the saved crashes with the same checks: the main test suite fails
//! when a library change breaks the fuzz targets' code, on stable Rust and without libFuzzer.
//!
//! Order inside a session target: the first byte chooses security and read chunk size
//! (`split_session`), a scripted server says the rest (`probe::fuzzing::converse`), and every
//! output of the report (Debug, text, Markdown, JSON) is searched for the password in the
//! forms it takes on the wire (as typed, IMAP-quoted, base64, RFC 4616 SASL PLAIN).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic is what a fuzz target reports.

use std::cell::RefCell;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use mailsetup::account::{EmailAddress, Endpoint, Protocol, Security, ServerSettings};
use mailsetup::discover::http::Answer;
use mailsetup::oauth::{device, loopback, metadata, register, token};
use mailsetup::probe::fuzzing::converse;
use mailsetup::probe::sasl::{self, Mechanism};
use mailsetup::probe::scram::{self, Binding, ChannelBinding, ScramClient, ScramError};
use mailsetup::probe::{CertTrust, ProbeOptions, ProbeReport, Redactor, SecretKind};
use mailsetup::store::file::{parse_accounts, render_accounts};
use mailsetup::trust::cert_der::{self, AltName};
use secrecy::SecretString;
use secrecy::zeroize::Zeroizing;

mod discovery;

pub use discovery::{autoconfig_xml, autodiscover, pacc};

/// Every target, by the name of its `fuzz_targets/NAME.rs` file and its `seeds/NAME` folder.
pub const TARGETS: [&str; 19] = [
    "autoconfig_xml",
    "autodiscover",
    "imap_session",
    "pop3_session",
    "smtp_session",
    "redactor",
    "accounts_file",
    "endpoint",
    "email_address",
    "cert_der",
    "oauth_token",
    "oauth_device",
    "oauth_error",
    "id_token",
    "loopback_request",
    "bearer_session",
    "scram",
    "pacc",
    "oauth_register",
];

/// The password every session signs in with: non-ASCII, SASL and quoting characters.
pub const PASSWORD: &str = "Fz-pw\"ä\\9";
pub const USERNAME: &str = "alice@example.com";

/// Runs the checks of `target` on `data`; panics on a failed check or an unknown target.
pub fn check(target: &str, data: &[u8]) {
    match target {
        "autoconfig_xml" => autoconfig_xml(data),
        "autodiscover" => autodiscover(data),
        "imap_session" => session_verdict(Protocol::Imap, data),
        "pop3_session" => session_verdict(Protocol::Pop3, data),
        "smtp_session" => session_verdict(Protocol::Smtp, data),
        "redactor" => redactor(data),
        "accounts_file" => accounts_file(data),
        "endpoint" => endpoint(data),
        "email_address" => email_address(data),
        "cert_der" => cert_der(data),
        "oauth_token" => oauth::token_answer(data),
        "oauth_device" => oauth::device_answer(data),
        "oauth_error" => oauth::error_answer(data),
        "id_token" => oauth::id_token(data),
        "loopback_request" => oauth::loopback_request(data),
        "bearer_session" => bearer_verdict(data),
        "scram" => scram(data),
        "pacc" => pacc(data),
        "oauth_register" => oauth::register_answers(data),
        other => panic!("unknown fuzz target {other}"),
    }
}

/// A session (see `session`) always ends in a verdict, and a failed one explains itself.
pub fn session_verdict(protocol: Protocol, data: &[u8]) {
    let report = session(protocol, data);
    if !report.is_verified() {
        assert!(report.diagnosis().is_some());
    }
}

/// The transcript redactor: for any password, user name and text, what it returns holds no
/// form of the password long enough not to occur by chance (base64, SASL PLAIN in base64).
/// Input: first byte = password length in bytes (1..=16), then password, then a
/// NUL-separated user name, then the text.
pub fn redactor(data: &[u8]) {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let n = usize::from(n % 16) + 1;
    if rest.len() < n {
        return;
    }
    let password = text(&rest[..n]);
    let rest = &rest[n..];
    let (user, said) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (text(&rest[..i]), text(&rest[i + 1..])),
        None => (String::from("alice"), text(rest)),
    };
    let out = Redactor::new(&SecretString::from(password.clone()), &user).redact(&said);
    let forms = [
        B64.encode(&password),
        B64.encode(format!("\0{user}\0{password}")),
        B64.encode(format!("{user}\0{user}\0{password}")),
    ];
    for form in forms.iter().filter(|f| f.len() >= 8) {
        assert!(
            !out.contains(form.as_str()),
            "{form:?} survived redaction: {out:?}"
        );
    }
}

/// The SCRAM client (`probe::scram`) on what a server may answer: never a panic, no output
/// (the messages we send, every `Debug` and error text) holds the password, a server-first
/// it accepts carries our nonce, and a server-final it accepts carries a `v=`.
/// Input: first byte = bits 0–1 the mechanism (`Mechanism::PREFERENCE`), bit 2 the binding
/// (`-PLUS`: tls-exporter or tls-server-end-point; otherwise `y` or `n`), bit 3 RFC 5802's
/// client nonce instead of RFC 7677's, bit 4 the RFCs' user "user" and password "pencil"
/// (so the seeds verify) instead of `USERNAME` / `PASSWORD`; then the server-first message,
/// a NUL byte, and the server-final message.
pub fn scram(data: &[u8]) {
    let _ = scram_exchange(data);
}

/// The exchange of the `scram` target; `None` when the input is too short to choose.
pub fn scram_exchange(data: &[u8]) -> Option<Result<(), ScramError>> {
    let (&choice, rest) = data.split_first()?;
    let mechanism = scram::Mechanism::PREFERENCE[usize::from(choice & 3)];
    let bit = choice & 4 != 0;
    let binding = match (mechanism.is_plus(), bit) {
        (true, true) => Binding::Plus(ChannelBinding::TlsExporter(Zeroizing::new(vec![7; 32]))),
        (true, false) => Binding::Plus(ChannelBinding::TlsServerEndPoint(vec![9; 32])),
        (false, true) => Binding::NotOffered,
        (false, false) => Binding::Unsupported,
    };
    let nonce = if choice & 8 != 0 {
        "fyko+d2lbbFgONRv9qkxdawL"
    } else {
        "rOprNGfwEbeRWgbNEkqO"
    };
    let rfc_user = choice & 16 != 0;
    let (user, password) = if rfc_user {
        ("user", "pencil")
    } else {
        (USERNAME, PASSWORD)
    };
    // With the RFCs' password the server's own words may hold "pencil"; only what we say
    // is checked then.
    let check = |out: &str| {
        if rfc_user {
            assert!(!out.contains("pencil"), "the password reached {out:?}");
        } else {
            assert_no_password(out);
        }
    };
    // A server's own unlisted `e=` value is its words, kept for the person: a SCRAM server
    // never received the password, so only one that already knew it could write it there.
    // What we say around it is checked; the probe redacts the value like all server words.
    let ours = |error: &ScramError| {
        let said = format!("{error:?} {error}");
        match error {
            ScramError::Server(scram::ServerError::Unlisted(value)) if !value.is_empty() => {
                said.replace(value.as_str(), "")
            }
            _ => said,
        }
    };
    let (first, last) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let client = ScramClient::with_nonce(
        mechanism,
        user,
        &SecretString::from(password.to_string()),
        binding,
        nonce,
    )
    .expect("a valid start");
    check(&format!("{client:?}"));
    check(&text(client.client_first()));
    let (client_final, waiting) = match client.server_first(first) {
        Ok(next) => next,
        Err(error) => {
            if !rfc_user {
                check(&ours(&error));
            }
            return Some(Err(error));
        }
    };
    assert!(first.starts_with(format!("r={nonce}").as_bytes()));
    // The client-final message repeats the nonce the server chose (RFC 5802 §5.1): the
    // server's words again, which the probe redacts; everything else in it is checked.
    let server_nonce = text(first)
        .split(',')
        .next()
        .and_then(|r| r.strip_prefix("r="))
        .unwrap_or_default()
        .to_string();
    let unechoed = |said: String| {
        if server_nonce.is_empty() {
            said
        } else {
            said.replace(server_nonce.as_str(), "")
        }
    };
    check(&unechoed(format!("{client_final:?} {waiting:?}")));
    check(&unechoed(text(client_final.as_bytes())));
    let verdict = waiting.server_final(last);
    match &verdict {
        Ok(()) => assert!(last.starts_with(b"v=")),
        Err(error) if !rfc_user => check(&ours(error)),
        Err(_) => {}
    }
    Some(verdict)
}

/// The accounts file loader on any bytes: a clear verdict, never a panic; a list it accepts
/// is written back and read again unchanged.
pub fn accounts_file(data: &[u8]) {
    if let Ok(accounts) = parse_accounts(data) {
        let bytes = render_accounts(&accounts).expect("an accepted list renders");
        let again = parse_accounts(&bytes).expect("a rendered list reads back");
        let mut sorted = accounts.clone();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(again, sorted);
    }
}

/// The technician's `HOST:PORT/SECURITY` parser: never panics; what it accepts has a host
/// and a port from 1 to 65535, and reads back the same when written out again.
pub fn endpoint(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(e) = text.parse::<Endpoint>() {
        assert!(e.port > 0);
        assert!(!e.host.is_empty());
        let host = if e.host.contains(':') {
            format!("[{}]", e.host)
        } else {
            e.host.clone()
        };
        let again = format!("{host}:{}/{}", e.port, e.security.word());
        if let Ok(back) = again.parse::<Endpoint>() {
            assert_eq!(back.port, e.port);
            assert_eq!(back.security, e.security);
        }
    }
}

/// The email address parser (IDN-aware): never panics; an accepted address has both parts,
/// and its ASCII and Unicode forms are accepted again as the same address (the accounts
/// file keeps the address as displayed and reads it back with the same parser).
pub fn email_address(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(a) = EmailAddress::parse(text) {
        assert!(!a.local_part().is_empty());
        assert!(!a.domain().is_empty());
        let ascii = a.to_ascii();
        let b = EmailAddress::parse(&ascii)
            .unwrap_or_else(|e| panic!("{ascii:?} (from {text:?}) no longer parses: {e}"));
        assert_eq!(b.to_ascii(), ascii);
        let shown = a.to_string();
        let c = EmailAddress::parse(&shown)
            .unwrap_or_else(|e| panic!("{shown:?} (from {text:?}) no longer parses: {e}"));
        assert_eq!(c, a, "{text:?} shown as {shown:?}");
    }
}

/// The X.509 field reader (our own DER reader, RFC 5280 §4.1) on any bytes, as a server may
/// send them: never panics, and what it reads out of a certificate lies inside its bytes:
/// the SubjectPublicKeyInfo is one whole DER SEQUENCE (what a pin is the SHA-256 of), IP
/// addresses are 4 or 16 bytes, and reading the same bytes again gives the same fields.
pub fn cert_der(data: &[u8]) {
    let Ok(cert) = cert_der::parse(data) else {
        return;
    };
    let inside = |part: &[u8]| {
        let (start, end) = (data.as_ptr() as usize, data.as_ptr() as usize + data.len());
        let at = part.as_ptr() as usize;
        at >= start && at + part.len() <= end
    };
    assert!(inside(cert.spki), "the key info lies outside the input");
    assert_eq!(
        cert.spki.first(),
        Some(&0x30),
        "the key info is not a SEQUENCE"
    );
    assert!(cert.spki.len() >= 2, "the key info has no length");
    for name in &cert.alt_names {
        match name {
            AltName::Dns(text) | AltName::Email(text) => assert!(inside(text.as_bytes())),
            AltName::Ip(bytes) => {
                assert!(inside(bytes));
                assert!(matches!(bytes.len(), 4 | 16), "IP of {} bytes", bytes.len());
            }
        }
    }
    assert_eq!(
        cert_der::parse(data).as_ref(),
        Ok(&cert),
        "reading is deterministic"
    );
}

struct Env {
    rt: tokio::runtime::Runtime,
    opts: ProbeOptions,
}

thread_local! {
    static ENV: RefCell<Option<Env>> = const { RefCell::new(None) };
}

/// What the first byte of a session input chooses: security and read chunk size.
pub fn split_session(data: &[u8]) -> (Security, usize, &[u8]) {
    let Some((&first, script)) = data.split_first() else {
        return (Security::Plain, 1, data);
    };
    let security = match first & 3 {
        1 => Security::StartTls,
        2 => Security::Tls,
        _ => Security::Plain,
    };
    let chunk = [1, 2, 3, 7, 64, 512, 4096, 65536][usize::from((first >> 2) & 7)];
    (security, chunk, script)
}

/// Runs one session of `protocol` against a server that says `data` (see `split_session`)
/// and checks every output of the report for the password.
pub fn session(protocol: Protocol, data: &[u8]) -> ProbeReport {
    let report = session_as(protocol, SecretKind::Password, PASSWORD, data);
    let outputs = outputs(&report);
    for out in &outputs {
        assert_no_password(out);
    }
    report
}

/// The access token every bearer session signs in with (the characters a token may have,
/// RFC 6750 §2.1 `b64token`).
pub const TOKEN: &str = "ya29.Fz-tok_en~9+/Q=";

/// What the first byte of a bearer session input chooses: the protocol and the mechanism
/// (none forced, OAUTHBEARER, XOAUTH2); the rest is a session input (`split_session`).
pub fn split_bearer(data: &[u8]) -> (Protocol, Option<Mechanism>, &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return (Protocol::Imap, None, data);
    };
    let protocol = [Protocol::Imap, Protocol::Pop3, Protocol::Smtp][usize::from(first % 3)];
    let mechanism = [None, Some(Mechanism::OAuthBearer), Some(Mechanism::XOAuth2)]
        [usize::from((first / 3) % 3)];
    (protocol, mechanism, rest)
}

/// The bearer sign-in exchanges (SASL OAUTHBEARER / XOAUTH2, RFC 7628, over IMAP, POP3 and
/// SMTP: `probe::bearer` and each protocol's `bearer_sign_in`) against a server whose every
/// byte comes from the fuzzer (see `split_bearer`): always a verdict, a failed one explains
/// itself, and no output of the report holds the token in any form it takes on the wire.
pub fn bearer_verdict(data: &[u8]) {
    let report = bearer_session(data);
    if !report.is_verified() {
        assert!(report.diagnosis().is_some());
    }
}

/// One bearer session (see `bearer_verdict`); panics when an output holds the token.
pub fn bearer_session(data: &[u8]) -> ProbeReport {
    let (protocol, mechanism, rest) = split_bearer(data);
    let report = session_as(protocol, SecretKind::OAuth2 { mechanism }, TOKEN, rest);
    let forms = token_forms();
    for out in outputs(&report) {
        for form in &forms {
            assert!(
                !out.contains(form.as_str()),
                "a form of the token reached the output: {form:?} in {out:?}"
            );
        }
    }
    report
}

/// The forms the access token takes on the wire: as is, and both mechanisms' initial
/// responses (what the redactor is told to mask, `sasl::wire_forms`).
pub fn token_forms() -> Vec<String> {
    let mut forms = vec![TOKEN.to_string()];
    for mechanism in [Mechanism::OAuthBearer, Mechanism::XOAuth2] {
        forms.push(sasl::initial_response(mechanism, USERNAME, TOKEN).to_string());
    }
    forms
}

/// Every output of a report: Debug, text, Markdown, JSON.
fn outputs(report: &ProbeReport) -> [String; 4] {
    [
        format!("{report:?}"),
        mailsetup::report::text(report, true),
        mailsetup::report::markdown(report),
        serde_json::to_string(report).expect("a report serialises"),
    ]
}

/// Runs one session of `protocol` signing in with `secret` of `kind` against a server that
/// says `data` (see `split_session`).
fn session_as(protocol: Protocol, kind: SecretKind, secret: &str, data: &[u8]) -> ProbeReport {
    let (security, chunk, script) = split_session(data);
    let settings = ServerSettings {
        protocol,
        host: "mail.example.com".into(),
        port: protocol.default_port(security),
        security,
        username: USERNAME.into(),
    };
    let password = SecretString::from(secret.to_string());
    ENV.with(|cell| {
        let mut cell = cell.borrow_mut();
        let env = cell.get_or_insert_with(|| {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_time()
                .build()
                .expect("a tokio runtime");
            let trust = CertTrust::with_extra_roots(Vec::new()).expect("platform trust");
            let mut opts = ProbeOptions::new(trust);
            opts.allow_plaintext = true;
            Env { rt, opts }
        });
        let mut opts = env.opts.clone();
        opts.secret_kind = kind;
        env.rt
            .block_on(converse(&settings, &password, &opts, script, chunk))
    })
}

/// The forms the password takes on the wire (RFC 4616 PLAIN, LOGIN, IMAP quoted).
pub fn password_forms() -> Vec<String> {
    vec![
        PASSWORD.to_string(),
        PASSWORD.replace('\\', "\\\\").replace('"', "\\\""),
        B64.encode(PASSWORD),
        B64.encode(format!("\0{USERNAME}\0{PASSWORD}")),
        B64.encode(format!("{USERNAME}\0{USERNAME}\0{PASSWORD}")),
    ]
}

/// Panics when `out` holds a form of the password. A server that echoes the password gets
/// it masked like everything it says, so there is no exception for what the server sent.
/// (The password has no space: servers' words are split and joined again at spaces.)
pub fn assert_no_password(out: &str) {
    for form in password_forms() {
        assert!(
            !out.contains(&form),
            "a form of the password reached the output: {form:?} in {out:?}"
        );
    }
}

/// Lossy text of fuzz bytes.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The OAuth 2.0 parsers (`oauth::token`, `oauth::device`, `probe::sasl`, `oauth::loopback`)
/// on what an authorization server, a mail server or a browser may send.
pub mod oauth {
    use super::*;

    /// Where the answers come from, in errors.
    const URL: &str = "https://id.example.test/token";
    /// The longest server text the OAuth errors keep (`oauth::error::server_text`).
    const MAX_SERVER_TEXT: usize = 300;
    /// The longest value kept from an RFC 7628 error object (`probe::sasl`).
    const MAX_SASL_VALUE: usize = 512;

    /// An HTTP answer: the first byte chooses the status (`b % 8`: 0 and 1 are 200, then
    /// 400, 401, 403, 429, 500, 302; so `@` and `A` start a success, `B` a 400), the rest is
    /// the body.
    pub fn answer(data: &[u8]) -> Answer {
        let (status, body) = match data.split_first() {
            Some((&b, rest)) => (
                [200, 200, 400, 401, 403, 429, 500, 302][usize::from(b % 8)],
                rest,
            ),
            None => (200, data),
        };
        Answer {
            url: URL.into(),
            status,
            body: Zeroizing::new(body.to_vec()),
        }
    }

    /// A server's words as the OAuth code keeps them: no control character, at most `max`
    /// bytes.
    fn kept(what: &str, s: &str, max: usize) {
        assert!(s.len() <= max, "{what} of {} bytes kept", s.len());
        assert!(
            !s.chars().any(char::is_control),
            "{what} keeps a control character: {s:?}"
        );
    }

    /// An error of ours on an answer we cannot read: a stable code, words in every form.
    fn explained(e: &mailsetup::oauth::OAuthError) {
        assert_eq!(e.code(), "oauth_protocol_error", "{e:?}");
        assert!(!e.to_string().is_empty());
        assert!(!e.summary().is_empty());
        assert!(!e.advice().is_empty());
    }

    /// The token endpoint's answer to a grant (RFC 6749 §5.1 / §5.2, `token::read_grant_answer`)
    /// on any bytes (see `answer`): tokens only from HTTP 200 and then Debug shows exactly the
    /// redacted form; a refusal's code and description are kept server text; anything else
    /// is a protocol error with words.
    pub fn token_answer(data: &[u8]) {
        let answer = answer(data);
        match token::read_grant_answer(URL, &answer) {
            Ok(Ok(tokens)) => {
                assert_eq!(answer.status, 200, "tokens from HTTP {}", answer.status);
                let expected = format!(
                    "Tokens {{ access: \"[REDACTED]\", refresh: {:?}, expires_in: {:?}, scope: {:?}, id_email: {:?} }}",
                    tokens.refresh.as_ref().map(|_| "[REDACTED]"),
                    tokens.expires_in,
                    tokens.scope,
                    tokens.id_email
                );
                assert_eq!(format!("{tokens:?}"), expected);
                if let Some(scope) = &tokens.scope {
                    kept("scope", scope, MAX_SERVER_TEXT);
                }
                if let Some(email) = &tokens.id_email {
                    kept("id token email", email, MAX_SERVER_TEXT);
                }
            }
            Ok(Err((code, description))) => {
                assert_ne!(answer.status, 200, "a refusal from HTTP 200");
                kept("error code", &code, MAX_SERVER_TEXT);
                if let Some(d) = &description {
                    kept("error description", d, MAX_SERVER_TEXT);
                }
            }
            Err(e) => explained(&e),
        }
    }

    /// The device authorization answer (RFC 8628 §3.2, `device::read_start`) on any bytes
    /// (see `answer`): what it shows is kept server text, the wait is at most 30 minutes
    /// and the interval at least a second, Debug never shows the device code.
    pub fn device_answer(data: &[u8]) {
        let answer = answer(data);
        match device::read_start(URL, &answer) {
            Ok(Ok(start)) => {
                assert_eq!(
                    answer.status, 200,
                    "a device code from HTTP {}",
                    answer.status
                );
                kept("user code", &start.user_code, MAX_SERVER_TEXT);
                kept("verification URI", &start.verification_uri, MAX_SERVER_TEXT);
                if let Some(uri) = &start.verification_uri_complete {
                    kept("complete verification URI", uri, MAX_SERVER_TEXT);
                }
                assert!(start.expires_in <= std::time::Duration::from_secs(30 * 60));
                assert!(start.interval >= std::time::Duration::from_secs(1));
                let expected = format!(
                    "DeviceStart {{ user_code: {:?}, verification_uri: {:?}, expires_in: {:?}, interval: {:?}, .. }}",
                    start.user_code, start.verification_uri, start.expires_in, start.interval
                );
                assert_eq!(format!("{start:?}"), expected);
            }
            Ok(Err((code, description))) => {
                assert_ne!(answer.status, 200, "a refusal from HTTP 200");
                kept("error code", &code, MAX_SERVER_TEXT);
                if let Some(d) = &description {
                    kept("error description", d, MAX_SERVER_TEXT);
                }
            }
            Err(e) => explained(&e),
        }
    }

    /// Error answers on any bytes; the first byte chooses which (`b % 4`): 0 the token
    /// endpoint's (RFC 6749 §5.2) with a refusing status (next two bits: 400, 401, 403,
    /// 500), 1 the device authorization endpoint's, 2 a mail server's RFC 7628 §3.2.2 error
    /// challenge as it came (`sasl::decode_error`), 3 the same with the rest base64-encoded
    /// first (so the JSON inside is reached). What is kept is bounded server text; the
    /// status maps to a kind; the summary line has no control character.
    pub fn error_answer(data: &[u8]) {
        let Some((&first, rest)) = data.split_first() else {
            return;
        };
        let status = [400, 401, 403, 500][usize::from((first >> 2) & 3)];
        let answer = Answer {
            url: URL.into(),
            status,
            body: Zeroizing::new(rest.to_vec()),
        };
        match first % 4 {
            0 => match token::read_grant_answer(URL, &answer) {
                Ok(Ok(_)) => panic!("tokens from HTTP {status}"),
                Ok(Err((code, description))) => {
                    kept("error code", &code, MAX_SERVER_TEXT);
                    if let Some(d) = &description {
                        kept("error description", d, MAX_SERVER_TEXT);
                    }
                }
                Err(e) => explained(&e),
            },
            1 => match device::read_start(URL, &answer) {
                Ok(Ok(_)) => panic!("a device code from HTTP {status}"),
                Ok(Err((code, description))) => {
                    kept("error code", &code, MAX_SERVER_TEXT);
                    if let Some(d) = &description {
                        kept("error description", d, MAX_SERVER_TEXT);
                    }
                }
                Err(e) => explained(&e),
            },
            n => {
                let challenge = if n == 2 { text(rest) } else { B64.encode(rest) };
                if let Some(e) = sasl::decode_error(&challenge) {
                    for (what, value) in [
                        ("status", &e.status),
                        ("scope", &e.scope),
                        ("openid-configuration", &e.openid_configuration),
                        ("schemes", &e.schemes),
                    ] {
                        if let Some(v) = value {
                            kept(what, v, MAX_SASL_VALUE);
                        }
                    }
                    let _ = e.kind();
                    let summary = e.summary();
                    assert!(!summary.chars().any(char::is_control), "{summary:?}");
                }
            }
        }
    }

    /// The id token's claims (OpenID Connect Core §2, read unverified by
    /// `token::id_token_email`) on any bytes; the first byte chooses (`b % 2`): 0 the rest is
    /// the whole token, 1 the rest is the payload's JSON, base64url-encoded between a header
    /// and a signature. What comes out is kept server text; a payload whose `email` is a
    /// short clean string gives exactly that string.
    pub fn id_token(data: &[u8]) {
        let Some((&first, rest)) = data.split_first() else {
            return;
        };
        if first % 2 == 0 {
            if let Some(email) = token::id_token_email(&text(rest)) {
                kept("email claim", &email, MAX_SERVER_TEXT);
            }
            return;
        }
        let jwt = format!("eyJhbGciOiJub25lIn0.{}.c2ln", B64URL.encode(rest));
        let email = token::id_token_email(&jwt);
        if let Some(e) = &email {
            kept("email claim", e, MAX_SERVER_TEXT);
        }
        let claim = serde_json::from_slice::<serde_json::Value>(rest)
            .ok()
            .and_then(|v| v.get("email").and_then(|e| e.as_str()).map(str::to_string));
        if let Some(claim) = claim
            && jwt.len() <= 64 * 1024
            && claim.len() <= MAX_SERVER_TEXT
            && !claim.chars().any(char::is_control)
        {
            assert_eq!(email.as_deref(), Some(claim.as_str()));
        }
    }

    /// The loopback listener's request reading (RFC 8252 §7.3: the browser's redirect to
    /// `http://127.0.0.1:PORT/`): `loopback::request_target` on any request head, then
    /// `loopback::redirect_query` on the target it returns. A target is one word of a `GET`
    /// request line; reading is deterministic; the query pairs come only for the path `/`.
    pub fn loopback_request(data: &[u8]) {
        let Some(target) = loopback::request_target(data) else {
            return;
        };
        assert!(!target.is_empty());
        assert!(!target.chars().any(char::is_whitespace), "{target:?}");
        let line = text(data.split(|&b| b == b'\n').next().unwrap_or_default());
        assert!(line.trim_start().starts_with("GET"), "{line:?}");
        assert!(line.contains(&target), "{target:?} is not in {line:?}");
        let pairs = loopback::redirect_query(&target);
        assert_eq!(pairs, loopback::redirect_query(&target));
    }

    /// What an authorization server says when mailsetup registers itself: its RFC 8414
    /// metadata (`metadata::parse`, on the body) and the RFC 7591 registration answer
    /// (`register::read_answer`, see `answer`), on any bytes. Metadata is used only when it
    /// names the issuer asked, keeps no over-long URL nor list; a client id only from HTTP
    /// 200/201, short and clean; a refusal keeps server text; anything else is explained.
    pub fn register_answers(data: &[u8]) {
        const ISSUER: &str = "https://id.example.test";
        let answer = answer(data);
        match metadata::parse(URL, ISSUER, &answer.body) {
            Ok(m) => {
                assert_eq!(m.issuer.trim_end_matches('/'), ISSUER);
                for url in [&m.registration_endpoint, &m.token_endpoint]
                    .into_iter()
                    .flatten()
                {
                    assert!(url.len() <= metadata::MAX_URL);
                }
                assert!(m.code_challenge_methods.len() <= metadata::MAX_LIST);
            }
            Err(e @ mailsetup::oauth::OAuthError::IssuerMismatch { .. }) => {
                assert_eq!(e.code(), "oauth_issuer_mismatch");
                assert!(!e.advice().is_empty());
            }
            Err(e) => explained(&e),
        }
        match register::read_answer(URL, &answer) {
            Ok(r) => {
                assert!(matches!(answer.status, 200 | 201));
                assert!(!r.client_id.is_empty() && r.client_id.len() <= register::MAX_CLIENT_ID);
                assert!(!r.client_id.chars().any(char::is_control));
            }
            Err(mailsetup::oauth::OAuthError::RegistrationRefused {
                code, description, ..
            }) => {
                assert!(!matches!(answer.status, 200 | 201));
                kept("error code", &code, MAX_SERVER_TEXT);
                if let Some(d) = &description {
                    kept("error description", d, MAX_SERVER_TEXT);
                }
            }
            Err(mailsetup::oauth::OAuthError::NotPublicClient { method, .. }) => {
                kept("auth method", &method, MAX_SERVER_TEXT);
            }
            Err(e) => explained(&e),
        }
    }
}
