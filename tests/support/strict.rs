//! Strict scripted servers for the sign-in tests (`probe_signin.rs`): IMAP (RFC 9051 / 3501
//! strings and literals, RFC 7888 LITERAL+ / LITERAL-, RFC 4959 SASL-IR), POP3 (RFC 1939,
//! RFC 2449 CAPA and PIPELINING, RFC 5034 AUTH) and SMTP (RFC 4954 AUTH, RFC 2920
//! PIPELINING) over implicit TLS with the test certificate. They read every command as bytes
//! and accept only what the RFCs allow: no 8-bit byte in an IMAP quoted string, no `{n+}`
//! literal unless LITERAL+ (or LITERAL- up to 4096 octets) is offered, no literal data before
//! the `+` continuation, no SASL initial response without SASL-IR, no PASS beyond printable
//! ASCII, no POP3 line over 255 octets, no pipelining that was not offered, nothing after an
//! SMTP AUTH that needs more round trips. Each records when every line arrived, so tests can
//! count the client's flights of commands. `Raw` is a bare TLS client to check the servers.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mailsetup::account::Protocol;
use rustls::{ServerConnection, StreamOwned};

use super::faults::{FaultServer, Recorder, USER, serve};
use super::pki::pki;

/// Messages the strict servers report.
pub const MESSAGES: u64 = 4;

/// What a strict server offers.
#[derive(Debug, Clone)]
pub struct Strict {
    pub protocol: Protocol,
    /// IMAP capabilities, POP3 CAPA lines, or SMTP EHLO keywords.
    pub caps: Vec<&'static str>,
    /// IMAP: send the capabilities in the greeting.
    pub greeting_caps: bool,
    pub password: String,
    /// When each line arrived.
    pub arrivals: Arc<Mutex<Vec<Instant>>>,
}

impl Strict {
    pub fn new(protocol: Protocol, caps: &[&'static str], password: &str) -> Self {
        Strict {
            protocol,
            caps: caps.to_vec(),
            greeting_caps: false,
            password: password.into(),
            arrivals: Arc::default(),
        }
    }

    pub fn offers(&self, cap: &str) -> bool {
        self.caps.iter().any(|c| c.eq_ignore_ascii_case(cap))
    }

    pub fn start(self) -> FaultServer {
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

/// The tagged answer to a sign-in (Dovecot's words for a failure).
fn imap_verdict(tag: &str, ok: bool) -> String {
    if ok {
        format!("{tag} OK Logged in")
    } else {
        format!("{tag} NO [AUTHENTICATIONFAILED] Authentication failed.")
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
                        signed_in = u == USER.as_bytes() && p == strict.password.as_bytes();
                        wire.send(&imap_verdict(&tag, signed_in))?;
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
                signed_in = plain_ok(strict, &response);
                wire.send(&imap_verdict(&tag, signed_in))?;
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

/// A raw TLS client that speaks to a strict server line by line.
pub struct Raw {
    tls: StreamOwned<rustls::ClientConnection, TcpStream>,
}

impl Raw {
    pub fn connect(server: &FaultServer) -> Raw {
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
    pub fn ask(&mut self, bytes: &[u8]) -> String {
        self.tls.write_all(bytes).expect("send");
        self.tls.flush().expect("flush");
        self.read_line()
    }
}
