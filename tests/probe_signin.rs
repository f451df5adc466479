//! Sign-in exact for every password (RFC 9051 / 3501 strings and literals, RFC 7888 LITERAL+
//! and LITERAL-, RFC 4959 SASL-IR, RFC 4616 PLAIN, RFC 1939 / 2449 / 5034 for POP3, RFC 4954
//! and RFC 2920 for SMTP).
//!
//! Strict scripted servers on loopback (implicit TLS with the test CA) read every command as
//! bytes and accept only what the RFCs allow: no 8-bit byte in an IMAP quoted string, no
//! `{n+}` literal unless LITERAL+ (or LITERAL- up to 4096 octets) is offered, no literal data
//! before the `+` continuation of a synchronizing literal, no SASL initial response without
//! SASL-IR, no printable-ASCII-breaking POP3 PASS, no POP3 line over 255 octets, no
//! pipelining that was not offered, nothing after an SMTP AUTH that needs more round trips.
//! ASCII, quote-and-backslash, Latin-1-range, CJK and emoji passwords must each sign in with
//! exactly one attempt, with the mechanism and the reason in the report, and the password in
//! no output. The real Dovecot cases (spaces and non-ASCII over every protocol and mode) are in
//! `probe_dovecot.rs`; `dovecot_reports_the_mechanism_and_why` checks the report there.

mod support;

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mailsetup::account::{Protocol, Security};
use mailsetup::probe::{Cause, ProbeReport, probe};
use rustls::{ServerConnection, StreamOwned};
use secrecy::SecretString;
use support::faults::{FaultServer, Recorder, USER, serve};
use support::{assert_no_secret, dovecot, options, pki};

/// Passwords of every kind: ASCII, IMAP quoted-specials, Latin-1 range, CJK, emoji.
const PASSWORDS: [(&str, &str); 5] = [
    ("ASCII", "correct horse battery staple"),
    ("quote and backslash", r#"p"a\ss w"#),
    ("Latin-1", "pässwörd-ÿ§"),
    ("CJK", "密码口令安全"),
    ("emoji", "🔑🐙 geheim"),
];

/// Messages the strict servers report.
const MESSAGES: u64 = 4;

/// What a strict server offers.
#[derive(Debug, Clone)]
struct Strict {
    protocol: Protocol,
    /// IMAP capabilities, POP3 CAPA lines, or SMTP EHLO keywords.
    caps: Vec<&'static str>,
    /// IMAP: send the capabilities in the greeting.
    greeting_caps: bool,
    password: String,
    /// When each line arrived.
    arrivals: Arc<Mutex<Vec<Instant>>>,
}

impl Strict {
    fn new(protocol: Protocol, caps: &[&'static str], password: &str) -> Self {
        Strict {
            protocol,
            caps: caps.to_vec(),
            greeting_caps: false,
            password: password.into(),
            arrivals: Arc::default(),
        }
    }

    fn offers(&self, cap: &str) -> bool {
        self.caps.iter().any(|c| c.eq_ignore_ascii_case(cap))
    }

    fn start(self) -> FaultServer {
        let strict = Arc::new(self);
        serve(move |tcp, rec| {
            let Ok(wire) = Wire::accept(tcp, rec, &strict) else {
                return;
            };
            let _ = match strict.protocol {
                Protocol::Imap => imap(wire, &strict),
                Protocol::Pop3 => pop3(wire, &strict),
                Protocol::Smtp => smtp(wire, &strict),
            };
        })
    }
}

/// A server connection over TLS that reads exact bytes.
struct Wire<'a> {
    arrivals: Arc<Mutex<Vec<Instant>>>,
    tls: StreamOwned<ServerConnection, TcpStream>,
    buf: Vec<u8>,
    rec: &'a Recorder,
}

impl<'a> Wire<'a> {
    fn accept(tcp: TcpStream, rec: &'a Recorder, strict: &Strict) -> io::Result<Self> {
        let conn = ServerConnection::new(pki().server.server_config()).map_err(io::Error::other)?;
        let mut tls = StreamOwned::new(conn, tcp);
        while tls.conn.is_handshaking() {
            tls.conn.complete_io(&mut tls.sock)?;
        }
        Ok(Wire {
            arrivals: strict.arrivals.clone(),
            tls,
            buf: Vec::new(),
            rec,
        })
    }

    fn fill(&mut self) -> io::Result<bool> {
        let mut chunk = [0u8; 4096];
        let n = match self.tls.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => 0,
            Err(e) => return Err(e),
        };
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    /// One line without its CRLF (a bare LF is not a line end); `None` at the end.
    fn line(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            if let Some(pos) = self.buf.windows(2).position(|w| w == b"\r\n") {
                let rest = self.buf.split_off(pos + 2);
                let mut line = std::mem::replace(&mut self.buf, rest);
                line.truncate(pos);
                self.rec.push(&String::from_utf8_lossy(&line));
                self.arrivals
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(Instant::now());
                return Ok(Some(line));
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// Exactly `n` bytes (literal data).
    fn exact(&mut self, n: usize) -> io::Result<Option<Vec<u8>>> {
        while self.buf.len() < n {
            if !self.fill()? {
                return Ok(None);
            }
        }
        let rest = self.buf.split_off(n);
        Ok(Some(std::mem::replace(&mut self.buf, rest)))
    }

    /// Whether the client already sent more than was read.
    fn pending(&self) -> bool {
        !self.buf.is_empty()
    }

    fn send(&mut self, text: &str) -> io::Result<()> {
        let data = text.replace('\n', "\r\n") + "\r\n";
        self.tls.write_all(data.as_bytes())?;
        self.tls.flush()
    }
}

fn words(line: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(line)
        .split(' ')
        .map(str::to_string)
        .collect()
}

/// The SASL response: the initial response on the command line, or the line after `+ `.
fn sasl_response(wire: &mut Wire<'_>, initial: Option<&String>) -> io::Result<Option<Vec<u8>>> {
    match initial {
        Some(ir) => Ok(Some(ir.as_bytes().to_vec())),
        None => {
            wire.send("+ ")?;
            wire.line()
        }
    }
}

fn plain_ok(strict: &Strict, response: &[u8]) -> bool {
    let expected = format!("\0{USER}\0{}", strict.password);
    B64.decode(response).ok().as_deref() == Some(expected.as_bytes())
}

// ---------------------------------------------------------------------------------------------
// IMAP

/// Reads one astring (RFC 9051 §9) of a command line at `pos`, fetching literal data (and the
/// rest of the command line after it) from the wire. `Err` is the text of a BAD reply.
fn astring(
    wire: &mut Wire<'_>,
    strict: &Strict,
    line: &mut Vec<u8>,
    pos: &mut usize,
) -> io::Result<Result<Vec<u8>, String>> {
    let bad = |why: &str| Ok(Err(why.to_string()));
    match line.get(*pos) {
        Some(b'"') => {
            let mut out = Vec::new();
            *pos += 1;
            loop {
                match line.get(*pos) {
                    None => return bad("unterminated quoted string"),
                    Some(b'"') => {
                        *pos += 1;
                        return Ok(Ok(out));
                    }
                    Some(b'\\') => match line.get(*pos + 1) {
                        Some(&c @ (b'"' | b'\\')) => {
                            out.push(c);
                            *pos += 2;
                        }
                        _ => return bad("backslash before something not quoted-special"),
                    },
                    Some(&c) if c == 0 || c >= 0x80 => {
                        return bad("8-bit or NUL in a quoted string (RFC 3501 §4.3)");
                    }
                    Some(&c) => {
                        out.push(c);
                        *pos += 1;
                    }
                }
            }
        }
        Some(b'{') => {
            let Some(close) = line[*pos..].iter().position(|&b| b == b'}') else {
                return bad("unterminated literal");
            };
            let spec = String::from_utf8_lossy(&line[*pos + 1..*pos + close]).to_string();
            if *pos + close + 1 != line.len() {
                return bad("text after a literal's announcement");
            }
            let (digits, plus) = match spec.strip_suffix('+') {
                Some(d) => (d.to_string(), true),
                None => (spec.clone(), false),
            };
            let Ok(n) = digits.parse::<usize>() else {
                return bad("unreadable literal length");
            };
            if plus {
                let allowed = strict.offers("LITERAL+") || (strict.offers("LITERAL-") && n <= 4096);
                if !allowed {
                    return bad("non-synchronizing literal not offered (RFC 7888)");
                }
            } else {
                if wire.pending() {
                    return bad("literal data sent before the continuation");
                }
                wire.send("+ Ready for literal data")?;
            }
            let Some(data) = wire.exact(n)? else {
                return bad("connection ended in a literal");
            };
            if data.contains(&0) {
                return bad("NUL in a literal");
            }
            let Some(rest) = wire.line()? else {
                return bad("connection ended after a literal");
            };
            *line = rest;
            *pos = 0;
            Ok(Ok(data))
        }
        Some(_) => {
            let end = line[*pos..]
                .iter()
                .position(|&b| b == b' ')
                .map_or(line.len(), |e| *pos + e);
            let atom = line[*pos..end].to_vec();
            if atom
                .iter()
                .any(|&b| b <= 0x20 || b >= 0x7f || b"(){%*\"\\".contains(&b))
            {
                return bad("not an atom");
            }
            *pos = end;
            Ok(Ok(atom))
        }
        None => bad("missing argument"),
    }
}

fn imap(mut wire: Wire<'_>, strict: &Strict) -> io::Result<()> {
    let caps = strict.caps.join(" ");
    if strict.greeting_caps {
        wire.send(&format!("* OK [CAPABILITY {caps}] strict server ready"))?;
    } else {
        wire.send("* OK strict server ready")?;
    }
    let mut signed_in = false;
    while let Some(mut line) = wire.line()? {
        let w = words(&line);
        let tag = w[0].clone();
        let command = w.get(1).map(|c| c.to_ascii_uppercase()).unwrap_or_default();
        match command.as_str() {
            "CAPABILITY" => wire.send(&format!("* CAPABILITY {caps}\n{tag} OK done"))?,
            "LOGIN" if strict.offers("LOGINDISABLED") => {
                wire.send(&format!("{tag} NO LOGIN is disabled"))?
            }
            "LOGIN" => {
                let mut pos = tag.len() + " LOGIN ".len();
                let user = astring(&mut wire, strict, &mut line, &mut pos)?;
                let password = match (&user, line.get(pos)) {
                    (Ok(_), Some(b' ')) => {
                        pos += 1;
                        astring(&mut wire, strict, &mut line, &mut pos)?
                    }
                    (Ok(_), _) => Err("missing password".into()),
                    (Err(e), _) => Err(e.clone()),
                };
                match (user, password) {
                    (Ok(u), Ok(p)) if pos == line.len() => {
                        if u == USER.as_bytes() && p == strict.password.as_bytes() {
                            signed_in = true;
                            wire.send(&format!("{tag} OK Logged in"))?;
                        } else {
                            wire.send(&format!(
                                "{tag} NO [AUTHENTICATIONFAILED] Authentication failed."
                            ))?;
                        }
                    }
                    (Err(why), _) | (_, Err(why)) => wire.send(&format!("{tag} BAD {why}"))?,
                    _ => wire.send(&format!("{tag} BAD text after the password"))?,
                }
            }
            "AUTHENTICATE" => {
                let mech = w.get(2).map(|m| m.to_ascii_uppercase()).unwrap_or_default();
                if mech != "PLAIN" || !strict.offers("AUTH=PLAIN") {
                    wire.send(&format!("{tag} NO mechanism not offered"))?;
                    continue;
                }
                if w.get(3).is_some() && !strict.offers("SASL-IR") {
                    wire.send(&format!("{tag} BAD initial response without SASL-IR"))?;
                    continue;
                }
                let Some(response) = sasl_response(&mut wire, w.get(3))? else {
                    return Ok(());
                };
                if plain_ok(strict, &response) {
                    signed_in = true;
                    wire.send(&format!("{tag} OK Logged in"))?;
                } else {
                    wire.send(&format!(
                        "{tag} NO [AUTHENTICATIONFAILED] Authentication failed."
                    ))?;
                }
            }
            "EXAMINE" if signed_in => wire.send(&format!(
                "* {MESSAGES} EXISTS\n* 0 RECENT\n* FLAGS (\\Seen)\n{tag} OK [READ-ONLY] done"
            ))?,
            "LOGOUT" => {
                wire.send(&format!("* BYE strict server logging out\n{tag} OK done"))?;
                return Ok(());
            }
            _ => wire.send(&format!("{tag} BAD not now"))?,
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// POP3

fn pop3(mut wire: Wire<'_>, strict: &Strict) -> io::Result<()> {
    wire.send("+OK strict server ready")?;
    let pipelining = strict.offers("PIPELINING");
    let mut user: Option<Vec<u8>> = None;
    let mut signed_in = false;
    while let Some(line) = wire.line()? {
        if !pipelining && wire.pending() {
            wire.send("-ERR pipelining was not offered")?;
            return Ok(());
        }
        let w = words(&line);
        let command = w[0].to_ascii_uppercase();
        let arg = line.get(command.len() + 1..).unwrap_or_default().to_vec();
        match command.as_str() {
            "CAPA" => wire.send(&format!("+OK\n{}\n.", strict.caps.join("\n")))?,
            "USER" if strict.offers("USER") => {
                user = Some(arg);
                wire.send("+OK")?;
            }
            "PASS" if user.is_some() => {
                if arg.iter().any(|&b| !(0x20..0x7f).contains(&b)) {
                    wire.send("-ERR PASS takes printable ASCII (RFC 1939)")?;
                } else if user.as_deref() == Some(USER.as_bytes())
                    && arg == strict.password.as_bytes()
                {
                    signed_in = true;
                    wire.send("+OK Logged in.")?;
                } else {
                    wire.send("-ERR [AUTH] Authentication failed.")?;
                }
            }
            "AUTH" if strict.offers("SASL PLAIN") => {
                if line.len() + 2 > 255 {
                    wire.send("-ERR command line over 255 octets (RFC 2449)")?;
                    continue;
                }
                let Some(response) = sasl_response(&mut wire, w.get(2))? else {
                    return Ok(());
                };
                if plain_ok(strict, &response) {
                    signed_in = true;
                    wire.send("+OK Logged in.")?;
                } else {
                    wire.send("-ERR [AUTH] Authentication failed.")?;
                }
            }
            "STAT" if signed_in => wire.send(&format!("+OK {MESSAGES} 4000"))?,
            "QUIT" => {
                wire.send("+OK bye")?;
                return Ok(());
            }
            _ => wire.send("-ERR not now")?,
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// SMTP

fn smtp(mut wire: Wire<'_>, strict: &Strict) -> io::Result<()> {
    wire.send("220 strict.test ESMTP strict server")?;
    let pipelining = strict.offers("PIPELINING");
    while let Some(line) = wire.line()? {
        let w = words(&line);
        let command = w[0].to_ascii_uppercase();
        if wire.pending() && (!pipelining || command == "EHLO") {
            wire.send("503 5.5.0 commands sent ahead without PIPELINING (RFC 2920)")?;
            return Ok(());
        }
        match command.as_str() {
            "EHLO" => {
                let mut lines = vec!["250-strict.test".to_string()];
                for (i, c) in strict.caps.iter().enumerate() {
                    let sep = if i + 1 == strict.caps.len() { ' ' } else { '-' };
                    lines.push(format!("250{sep}{c}"));
                }
                wire.send(&lines.join("\n"))?;
            }
            "AUTH" => {
                let mech = w.get(1).map(|m| m.to_ascii_uppercase()).unwrap_or_default();
                let ok = match (mech.as_str(), w.get(2)) {
                    ("PLAIN", Some(ir)) => plain_ok(strict, ir.as_bytes()),
                    ("LOGIN", None) => {
                        if wire.pending() {
                            wire.send("503 5.5.0 nothing may follow AUTH LOGIN (RFC 4954 §4)")?;
                            return Ok(());
                        }
                        wire.send("334 VXNlcm5hbWU6")?;
                        let u = wire.line()?.unwrap_or_default();
                        wire.send("334 UGFzc3dvcmQ6")?;
                        let p = wire.line()?.unwrap_or_default();
                        B64.decode(&u).ok().as_deref() == Some(USER.as_bytes())
                            && B64.decode(&p).ok().as_deref() == Some(strict.password.as_bytes())
                    }
                    _ => {
                        wire.send("504 5.5.4 mechanism not offered")?;
                        continue;
                    }
                };
                if ok {
                    wire.send("235 2.7.0 Authentication successful")?;
                } else {
                    wire.send("535 5.7.8 Authentication failed.")?;
                }
            }
            "QUIT" => {
                wire.send("221 2.0.0 Bye")?;
                return Ok(());
            }
            _ => wire.send("502 5.5.2 not now")?,
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------

fn dump(report: &ProbeReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// Signs in with every kind of password against a strict server offering `caps`; each must
/// verify with one attempt, using `expected` (the report's `auth_used`).
async fn every_password(protocol: Protocol, caps: &[&'static str], greeting: bool, expected: &str) {
    for (kind, password) in PASSWORDS {
        let mut strict = Strict::new(protocol, caps, password);
        strict.greeting_caps = greeting;
        let server = strict.start();
        let settings = server.settings(protocol, Security::Tls);
        let report = probe(
            &settings,
            &SecretString::from(password.to_string()),
            &options(),
        )
        .await;
        let json = dump(&report);
        assert!(
            report.is_verified(),
            "{protocol} {caps:?}, {kind} password did not verify:\n{json}"
        );
        let facts = &report.server_facts;
        assert_eq!(facts.auth_used.as_deref(), Some(expected), "{kind}: {json}");
        assert!(
            facts.auth_reason.as_deref().is_some_and(|r| !r.is_empty()),
            "{json}"
        );
        if protocol.is_incoming() {
            assert_eq!(facts.messages, Some(MESSAGES), "{kind}: {json}");
        }
        assert_eq!(
            server.sign_in_attempts(),
            1,
            "{kind}: {:?}",
            server.received()
        );
        assert_no_secret("the JSON report", &json, USER, password);
        assert_no_secret("the Debug form", &format!("{report:?}"), USER, password);
    }
}

#[tokio::test]
async fn imap_sasl_ir_signs_in_every_password_in_one_command() {
    let caps = ["IMAP4rev1", "SASL-IR", "AUTH=PLAIN", "LITERAL+"];
    every_password(Protocol::Imap, &caps, true, "AUTHENTICATE PLAIN").await;
}

#[tokio::test]
async fn imap_without_extensions_uses_quoted_strings_or_synchronizing_literals() {
    every_password(Protocol::Imap, &["IMAP4rev1"], false, "LOGIN").await;
}

#[tokio::test]
async fn imap_literal_plus_and_literal_minus_send_literals_without_waiting() {
    every_password(Protocol::Imap, &["IMAP4rev1", "LITERAL+"], false, "LOGIN").await;
    every_password(Protocol::Imap, &["IMAP4rev1", "LITERAL-"], true, "LOGIN").await;
}

#[tokio::test]
async fn imap_login_disabled_uses_authenticate_plain_after_the_continuation() {
    let caps = ["IMAP4rev1", "LOGINDISABLED", "AUTH=PLAIN"];
    every_password(Protocol::Imap, &caps, false, "AUTHENTICATE PLAIN").await;
}

#[tokio::test]
async fn imap_8bit_password_goes_as_a_literal_and_the_report_says_why() {
    let strict = Strict::new(Protocol::Imap, &["IMAP4rev1"], "pässwörd");
    let server = strict.start();
    let settings = server.settings(Protocol::Imap, Security::Tls);
    let report = probe(&settings, &SecretString::from("pässwörd"), &options()).await;
    assert!(report.is_verified(), "{}", dump(&report));
    let received = server.received();
    assert!(
        received
            .iter()
            .any(|l| l.ends_with(&format!(" LOGIN \"{USER}\" {{10}}"))),
        "{received:?}"
    );
    let why = report.server_facts.auth_reason.clone().unwrap_or_default();
    assert!(why.contains("synchronizing literals"), "{why}");
    let text = mailsetup::report::text(&report, false);
    assert!(
        text.contains("why:  LOGIN with synchronizing literals"),
        "{text}"
    );
    let markdown = mailsetup::report::markdown(&report);
    assert!(markdown.contains("**Sign-in:** LOGIN — "), "{markdown}");
}

#[tokio::test]
async fn pop3_auth_plain_with_and_without_pipelining() {
    let caps = ["USER", "SASL PLAIN", "PIPELINING"];
    every_password(Protocol::Pop3, &caps, false, "AUTH PLAIN").await;
    every_password(Protocol::Pop3, &["SASL PLAIN"], false, "AUTH PLAIN").await;
}

#[tokio::test]
async fn pop3_user_pass_for_ascii_and_an_honest_reason_for_8bit() {
    for (caps, password) in [
        (vec!["USER"], "correct horse"),
        (vec!["USER", "PIPELINING"], r#"p"a\ss w"#),
    ] {
        let server = Strict::new(Protocol::Pop3, &caps, password).start();
        let settings = server.settings(Protocol::Pop3, Security::Tls);
        let report = probe(&settings, &SecretString::from(password), &options()).await;
        assert!(report.is_verified(), "{}", dump(&report));
        assert_eq!(report.server_facts.auth_used.as_deref(), Some("USER/PASS"));
    }
    // A strict USER-only server cannot take an 8-bit password: one attempt, its own words,
    // and the report says that RFC 1939 has no room for it.
    let server = Strict::new(Protocol::Pop3, &["USER"], "pässwörd").start();
    let settings = server.settings(Protocol::Pop3, Security::Tls);
    let report = probe(&settings, &SecretString::from("pässwörd"), &options()).await;
    let why = report.server_facts.auth_reason.clone().unwrap_or_default();
    assert!(why.contains("RFC 1939 defines ASCII only"), "{why}");
    let d = report.diagnosis().expect("refused");
    assert!(
        d.server_reply
            .as_deref()
            .unwrap_or("")
            .contains("printable ASCII"),
        "{}",
        dump(&report)
    );
    assert_eq!(server.sign_in_attempts(), 1);
}

#[tokio::test]
async fn smtp_plain_login_and_pipelining_as_offered() {
    let caps = ["PIPELINING", "AUTH PLAIN LOGIN"];
    every_password(Protocol::Smtp, &caps, false, "AUTH PLAIN").await;
    every_password(Protocol::Smtp, &["AUTH PLAIN"], false, "AUTH PLAIN").await;
    every_password(
        Protocol::Smtp,
        &["PIPELINING", "AUTH LOGIN"],
        false,
        "AUTH LOGIN",
    )
    .await;
}

#[tokio::test]
async fn wrong_password_on_a_strict_server_is_auth_failed_after_one_attempt() {
    for (protocol, caps) in [
        (Protocol::Imap, vec!["IMAP4rev1", "SASL-IR", "AUTH=PLAIN"]),
        (Protocol::Imap, vec!["IMAP4rev1"]),
        (Protocol::Pop3, vec!["USER", "SASL PLAIN", "PIPELINING"]),
        (Protocol::Smtp, vec!["PIPELINING", "AUTH PLAIN"]),
    ] {
        let server = Strict::new(protocol, &caps, "the right one").start();
        let settings = server.settings(protocol, Security::Tls);
        let report = probe(&settings, &SecretString::from("密码 wrong"), &options()).await;
        assert_eq!(
            report.diagnosis().map(|d| d.cause),
            Some(Cause::AuthFailed),
            "{}",
            dump(&report)
        );
        assert_eq!(server.sign_in_attempts(), 1, "{:?}", server.received());
    }
}

#[tokio::test]
async fn dovecot_reports_the_mechanism_and_why() {
    let d = dovecot();
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        for security in [Security::Tls, Security::StartTls] {
            let settings = d.settings(protocol, security, &d.unicode);
            let report = probe(&settings, &d.unicode.secret(), &options()).await;
            assert!(report.is_verified(), "{}", dump(&report));
            let facts = &report.server_facts;
            let expected = match protocol {
                Protocol::Imap => "AUTHENTICATE PLAIN",
                Protocol::Pop3 | Protocol::Smtp => "AUTH PLAIN",
            };
            assert_eq!(
                facts.auth_used.as_deref(),
                Some(expected),
                "{}",
                dump(&report)
            );
            assert!(facts.auth_reason.is_some());
            let json = dump(&report);
            assert!(json.contains("\"auth_reason\""), "{json}");
            assert_no_secret(
                "the JSON report",
                &json,
                &d.unicode.address,
                &d.unicode.password,
            );
        }
    }
}

/// A raw TLS client that speaks to a strict server line by line.
struct Raw {
    tls: StreamOwned<rustls::ClientConnection, TcpStream>,
}

impl Raw {
    fn connect(server: &FaultServer) -> Raw {
        let mut roots = rustls::RootCertStore::empty();
        roots.add(pki().ca_der.clone()).expect("the test CA");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        let name = "127.0.0.1".try_into().expect("server name");
        let conn = rustls::ClientConnection::new(Arc::new(config), name).expect("client");
        let tcp = TcpStream::connect(server.addr()).expect("connect");
        let mut raw = Raw {
            tls: StreamOwned::new(conn, tcp),
        };
        raw.read_line();
        raw
    }

    fn read_line(&mut self) -> String {
        let mut line = Vec::new();
        let mut byte = [0u8; 1];
        while !line.ends_with(b"\r\n") {
            match self.tls.read(&mut byte) {
                Ok(1) => line.push(byte[0]),
                _ => break,
            }
        }
        String::from_utf8_lossy(&line).trim_end().to_string()
    }

    /// Sends `bytes` and returns the first line of the answer.
    fn ask(&mut self, bytes: &[u8]) -> String {
        self.tls.write_all(bytes).expect("send");
        self.tls.flush().expect("flush");
        self.read_line()
    }
}

#[test]
fn the_strict_servers_refuse_what_the_rfcs_forbid() {
    let pw = "pässwörd";
    let imap = Strict::new(Protocol::Imap, &["IMAP4rev1", "AUTH=PLAIN"], pw).start();
    // Each on a new connection: a refused literal leaves its data unread.
    let ask = |bytes: String| Raw::connect(&imap).ask(bytes.as_bytes());
    assert!(ask(format!("a LOGIN \"{USER}\" \"{pw}\"\r\n")).starts_with("a BAD 8-bit"));
    let plus = format!("b LOGIN \"{USER}\" {{{}+}}\r\n{pw}\r\n", pw.len());
    assert!(ask(plus).starts_with("b BAD non-synchronizing"));
    let ahead = format!("c LOGIN \"{USER}\" {{{}}}\r\n{pw}\r\n", pw.len());
    assert!(ask(ahead).starts_with("c BAD literal data sent before"));
    let ir = format!(
        "d AUTHENTICATE PLAIN {}\r\n",
        B64.encode(format!("\0{USER}\0{pw}"))
    );
    assert!(ask(ir).starts_with("d BAD initial response"));
    // The same password the way the RFC allows: a synchronizing literal after `+`.
    let mut c = Raw::connect(&imap);
    let announce = format!("e LOGIN \"{USER}\" {{{}}}\r\n", pw.len());
    assert!(c.ask(announce.as_bytes()).starts_with('+'));
    assert_eq!(c.ask(format!("{pw}\r\n").as_bytes()), "e OK Logged in");

    let pop3 = Strict::new(Protocol::Pop3, &["USER", "SASL PLAIN"], pw).start();
    let mut c = Raw::connect(&pop3);
    let long = format!("AUTH PLAIN {}\r\n", "A".repeat(250));
    assert!(c.ask(long.as_bytes()).contains("255 octets"));
    assert_eq!(c.ask(format!("USER {USER}\r\n").as_bytes()), "+OK");
    assert!(
        c.ask(format!("PASS {pw}\r\n").as_bytes())
            .contains("printable ASCII")
    );
    assert!(
        c.ask(b"STAT\r\nQUIT\r\n")
            .contains("pipelining was not offered")
    );

    let smtp = Strict::new(Protocol::Smtp, &["AUTH PLAIN LOGIN"], pw).start();
    let mut c = Raw::connect(&smtp);
    let pipelined = format!(
        "AUTH PLAIN {}\r\nQUIT\r\n",
        B64.encode(format!("\0{USER}\0{pw}"))
    );
    assert!(c.ask(pipelined.as_bytes()).starts_with("503"));
}

/// Counts the client's flights of commands to a strict server whose answers are delayed by
/// `PACE` (a proxy), while commands reach it at once: lines further apart than half of `PACE`
/// belong to different flights, each a round trip the client waited for.
async fn flights(protocol: Protocol, caps: &[&'static str], greeting: bool) -> usize {
    const PACE: Duration = Duration::from_millis(300);
    let mut strict = Strict::new(protocol, caps, "pässwörd");
    strict.greeting_caps = greeting;
    let arrivals = strict.arrivals.clone();
    let server = strict.start();
    let mut settings = server.settings(protocol, Security::Tls);
    settings.port = support::delay::proxy(server.addr(), Duration::ZERO, PACE).await;
    let report = probe(&settings, &SecretString::from("pässwörd"), &options()).await;
    assert!(report.is_verified(), "{}", dump(&report));
    let times = arrivals.lock().unwrap_or_else(|p| p.into_inner()).clone();
    1 + times
        .windows(2)
        .filter(|w| w[1].duration_since(w[0]) > PACE / 2)
        .count()
}

#[tokio::test]
async fn each_protocol_speaks_in_the_fewest_flights_the_rfcs_allow() {
    let (imap, pop3, smtp) = tokio::join!(
        // Capabilities from the greeting; AUTHENTICATE PLAIN + SASL-IR; EXAMINE + LOGOUT.
        flights(
            Protocol::Imap,
            &["IMAP4rev1", "SASL-IR", "AUTH=PLAIN"],
            true
        ),
        // CAPA; AUTH PLAIN + STAT + QUIT.
        flights(Protocol::Pop3, &["USER", "SASL PLAIN", "PIPELINING"], false),
        // EHLO; AUTH PLAIN + QUIT.
        flights(Protocol::Smtp, &["PIPELINING", "AUTH PLAIN"], false),
    );
    assert_eq!((imap, pop3, smtp), (2, 2, 2));
    let (imap, pop3, smtp) = tokio::join!(
        // CAPABILITY; LOGIN {n} (waits for +); the literal; EXAMINE + LOGOUT.
        flights(Protocol::Imap, &["IMAP4rev1"], false),
        // CAPA; AUTH; STAT; QUIT.
        flights(Protocol::Pop3, &["SASL PLAIN"], false),
        // EHLO; AUTH; QUIT.
        flights(Protocol::Smtp, &["AUTH PLAIN"], false),
    );
    assert_eq!((imap, pop3, smtp), (4, 4, 3));
}

/// The client's flights of commands to the real Dovecot, from the transcript's times, with
/// every answer delayed by `PACE` (a proxy).
async fn dovecot_flights(protocol: Protocol, security: Security) -> usize {
    const PACE: Duration = Duration::from_millis(200);
    let d = dovecot();
    let mut settings = d.settings(protocol, security, &d.unicode);
    let target = format!("{}:{}", settings.host, settings.port)
        .parse()
        .expect("address");
    settings.host = "127.0.0.1".into();
    settings.port = support::delay::proxy(target, Duration::ZERO, PACE).await;
    let report = probe(&settings, &d.unicode.secret(), &options()).await;
    assert!(report.is_verified(), "{}", dump(&report));
    let sent: Vec<u64> = report
        .transcript
        .iter()
        .filter(|l| l.direction == mailsetup::probe::Direction::Sent)
        .map(|l| l.at_ms)
        .collect();
    1 + sent
        .windows(2)
        .filter(|w| w[1] - w[0] > PACE.as_millis() as u64 / 2)
        .count()
}

#[tokio::test]
async fn dovecot_is_verified_in_the_fewest_flights_the_rfcs_allow() {
    use Protocol::{Imap, Pop3, Smtp};
    use Security::{StartTls, Tls};
    let got = futures::future::join_all(
        [Imap, Pop3, Smtp]
            .into_iter()
            .flat_map(|p| [Tls, StartTls].map(|s| dovecot_flights(p, s))),
    )
    .await;
    // Implicit TLS: one flight to sign in (IMAP takes the capabilities from the greeting; POP3
    // asks CAPA, SMTP says EHLO) and one for the rest, pipelined. STARTTLS: the command, the
    // capabilities again after TLS (RFC 2595 / 3207), sign-in, the rest.
    assert_eq!(got, [2, 4, 2, 4, 2, 4], "IMAP, POP3, SMTP × TLS, STARTTLS");
}
