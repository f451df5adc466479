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
use mailsetup::account::{EmailAddress, Endpoint, Protocol, Security, ServerSettings};
use mailsetup::discover::config_v11::{Limits, parse};
use mailsetup::probe::cert_der::{self, AltName};
use mailsetup::probe::fuzzing::converse;
use mailsetup::probe::{CertTrust, ProbeOptions, ProbeReport, Redactor};
use mailsetup::store::file::{parse_accounts, render_accounts};
use secrecy::SecretString;

/// Every target, by the name of its `fuzz_targets/NAME.rs` file and its `seeds/NAME` folder.
pub const TARGETS: [&str; 9] = [
    "autoconfig_xml",
    "imap_session",
    "pop3_session",
    "smtp_session",
    "redactor",
    "accounts_file",
    "endpoint",
    "email_address",
    "cert_der",
];

/// The password every session signs in with: non-ASCII, SASL and quoting characters.
pub const PASSWORD: &str = "Fz-pw\"ä\\9";
pub const USERNAME: &str = "alice@example.com";

/// Runs the checks of `target` on `data`; panics on a failed check or an unknown target.
pub fn check(target: &str, data: &[u8]) {
    match target {
        "autoconfig_xml" => autoconfig_xml(data),
        "imap_session" => session_verdict(Protocol::Imap, data),
        "pop3_session" => session_verdict(Protocol::Pop3, data),
        "smtp_session" => session_verdict(Protocol::Smtp, data),
        "redactor" => redactor(data),
        "accounts_file" => accounts_file(data),
        "endpoint" => endpoint(data),
        "email_address" => email_address(data),
        "cert_der" => cert_der(data),
        other => panic!("unknown fuzz target {other}"),
    }
}

/// The Mozilla autoconfig (config-v1.1) parser on any bytes: never panics, stays within its
/// limits, and every server it returns has a usable port and expands for an address.
pub fn autoconfig_xml(data: &[u8]) {
    let limits = Limits::default();
    if let Ok(config) = parse(data, limits) {
        assert!(data.len() <= limits.max_bytes);
        assert!(!config.servers.is_empty());
        let email = EmailAddress::parse("jörg.o'neil@bücher.example").expect("a valid address");
        for server in &config.servers {
            assert!(server.port > 0);
            let _ = server.host_for(&email);
            let _ = server.username_for(&email);
        }
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
    let (security, chunk, script) = split_session(data);
    let settings = ServerSettings {
        protocol,
        host: "mail.example.com".into(),
        port: protocol.default_port(security),
        security,
        username: USERNAME.into(),
    };
    let password = SecretString::from(PASSWORD);
    let report = ENV.with(|cell| {
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
        env.rt
            .block_on(converse(&settings, &password, &env.opts, script, chunk))
    });
    let outputs = [
        format!("{report:?}"),
        mailsetup::report::text(&report, true),
        mailsetup::report::markdown(&report),
        serde_json::to_string(&report).expect("a report serialises"),
    ];
    for out in &outputs {
        assert_no_password(out);
    }
    report
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
