//! Scripted mail servers for fault tests: a minimal IMAP (RFC 9051), POP3 (RFC 1939, CAPA
//! RFC 2449, AUTH RFC 5034) or SMTP submission (RFC 5321, AUTH RFC 4954) server whose TLS
//! (implicit with any test certificate, or STARTTLS offered / missing / refused), greeting,
//! capabilities and answer to the sign-in are chosen by the test. It records every line it
//! receives, so tests can check what reached the server (exactly one sign-in attempt; no
//! password over a connection the client should have refused).

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use mailsetup::account::Protocol;
use rustls::{ServerConnection, StreamOwned};

use super::faults::{FaultServer, Recorder, hold, serve};
use super::pki::{CertPair, pki};

/// What the server does about STARTTLS / STLS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartTls {
    /// Advertised and works (with the good test certificate).
    Offered,
    /// Not advertised; the command is answered as unknown.
    NotOffered,
    /// Advertised, but the command gets this reply (IMAP: the text after the tag).
    Refused(String),
}

/// What the server does after its greeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterGreeting {
    /// Speaks the protocol.
    Serve,
    /// Never answers anything again.
    Silent,
    /// Sends these bytes (as they are), then never answers again.
    Send(String),
}

/// How the server answers the sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// Accepts any credentials.
    Accept,
    /// Answers with this line (IMAP: the text after the tag, e.g. `NO [UNAVAILABLE] …`).
    Reply(String),
    /// Resets the TCP connection (RST) instead of answering.
    Reset,
    /// Never answers.
    Silent,
}

/// A scripted mail server.
#[derive(Debug, Clone)]
pub struct Script {
    pub protocol: Protocol,
    /// Implicit TLS with this certificate; `None` starts in plaintext.
    pub implicit_tls: Option<CertPair>,
    pub starttls: StartTls,
    /// Replaces the usual greeting line.
    pub greeting: Option<String>,
    pub after_greeting: AfterGreeting,
    /// Replaces the sign-in capabilities (IMAP: `AUTH=PLAIN AUTH=LOGIN`, POP3: `SASL PLAIN
    /// LOGIN` + `USER`, SMTP: `AUTH PLAIN LOGIN`).
    pub auth_caps: Option<Vec<String>>,
    pub login: Login,
}

impl Script {
    /// A server of `protocol` on implicit TLS with the good test certificate that accepts.
    pub fn new(protocol: Protocol) -> Self {
        Script {
            protocol,
            implicit_tls: Some(pki().server.clone()),
            starttls: StartTls::NotOffered,
            greeting: None,
            after_greeting: AfterGreeting::Serve,
            auth_caps: None,
            login: Login::Accept,
        }
    }

    /// Starts in plaintext with STARTTLS as given.
    pub fn plaintext(mut self, starttls: StartTls) -> Self {
        self.implicit_tls = None;
        self.starttls = starttls;
        self
    }

    pub fn cert(mut self, cert: &CertPair) -> Self {
        self.implicit_tls = Some(cert.clone());
        self
    }

    pub fn greeting(mut self, line: &str) -> Self {
        self.greeting = Some(line.to_string());
        self
    }

    pub fn after_greeting(mut self, after: AfterGreeting) -> Self {
        self.after_greeting = after;
        self
    }

    pub fn auth_caps(mut self, caps: &[&str]) -> Self {
        self.auth_caps = Some(caps.iter().map(|c| c.to_string()).collect());
        self
    }

    pub fn login(mut self, login: Login) -> Self {
        self.login = login;
        self
    }

    /// Login answered with `reply`.
    pub fn reply(self, reply: &str) -> Self {
        self.login(Login::Reply(reply.to_string()))
    }

    pub fn start(self) -> FaultServer {
        let script = Arc::new(self);
        serve(move |tcp, rec| {
            let _ = run_script(tcp, &script, rec);
        })
    }
}

/// A running scripted server whose script can be replaced while it keeps its port (a server
/// reinstalled with a new certificate, say): each new connection follows the latest script.
#[derive(Debug, Clone)]
pub struct Replaceable(Arc<std::sync::Mutex<Arc<Script>>>);

impl Replaceable {
    pub fn replace(&self, script: Script) {
        *self.0.lock().unwrap() = Arc::new(script);
    }
}

impl Script {
    /// Starts like `start`, with a handle that replaces the script for later connections.
    pub fn start_replaceable(self) -> (FaultServer, Replaceable) {
        let current = Replaceable(Arc::new(std::sync::Mutex::new(Arc::new(self))));
        let handle = current.clone();
        let server = serve(move |tcp, rec| {
            let script = current.0.lock().unwrap().clone();
            let _ = run_script(tcp, &script, rec);
        });
        (server, handle)
    }
}

/// A connection, plaintext or TLS.
enum Conn {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ServerConnection, TcpStream>>),
}

impl Conn {
    fn tls(tcp: TcpStream, cert: &CertPair) -> io::Result<Conn> {
        let server = ServerConnection::new(cert.server_config()).map_err(io::Error::other)?;
        let mut stream = StreamOwned::new(server, tcp);
        while stream.conn.is_handshaking() {
            stream.conn.complete_io(&mut stream.sock)?;
        }
        Ok(Conn::Tls(Box::new(stream)))
    }

    fn tcp(&self) -> &TcpStream {
        match self {
            Conn::Plain(t) => t,
            Conn::Tls(s) => &s.sock,
        }
    }

    fn is_tls(&self) -> bool {
        matches!(self, Conn::Tls(_))
    }

    fn upgrade(self) -> io::Result<Conn> {
        match self {
            Conn::Plain(tcp) => Conn::tls(tcp, &pki().server),
            tls => Ok(tls),
        }
    }

    /// Resets the connection (RST, not FIN).
    fn reset(self) {
        let _ = socket2::SockRef::from(self.tcp()).set_linger(Some(Duration::ZERO));
        drop(self);
    }
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(t) => t.read(buf),
            Conn::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(t) => t.write(buf),
            Conn::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Conn::Plain(t) => t.flush(),
            Conn::Tls(s) => s.flush(),
        }
    }
}

/// A line-at-a-time server connection that records what it reads.
struct Session<'a> {
    conn: Conn,
    buf: Vec<u8>,
    rec: &'a Recorder,
}

impl Session<'_> {
    fn read_line(&mut self) -> io::Result<Option<String>> {
        loop {
            if let Some(pos) = self.buf.iter().position(|&b| b == b'\n') {
                let rest = self.buf.split_off(pos + 1);
                let raw = std::mem::replace(&mut self.buf, rest);
                let line = String::from_utf8_lossy(&raw)
                    .trim_end_matches(['\r', '\n'])
                    .to_string();
                self.rec.push(&line);
                return Ok(Some(line));
            }
            let mut chunk = [0u8; 4096];
            let n = match self.conn.read(&mut chunk) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => 0,
                Err(e) => return Err(e),
            };
            if n == 0 {
                return Ok(None);
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    fn send(&mut self, text: &str) -> io::Result<()> {
        let mut data = text.replace("\r\n", "\n").replace('\n', "\r\n");
        if !data.ends_with("\r\n") {
            data.push_str("\r\n");
        }
        self.conn.write_all(data.as_bytes())?;
        self.conn.flush()
    }

    fn upgrade(self) -> io::Result<Self> {
        let Session { conn, buf, rec } = self;
        assert!(
            buf.is_empty(),
            "the client sent data before the TLS handshake"
        );
        Ok(Session {
            conn: conn.upgrade()?,
            buf,
            rec,
        })
    }

    fn hold(self) {
        hold(self.conn)
    }
}

fn run_script(tcp: TcpStream, script: &Script, rec: &Recorder) -> io::Result<()> {
    let conn = match &script.implicit_tls {
        Some(cert) => Conn::tls(tcp, cert)?,
        None => Conn::Plain(tcp),
    };
    let mut s = Session {
        conn,
        buf: Vec::new(),
        rec,
    };
    let greeting = script
        .greeting
        .clone()
        .unwrap_or_else(|| match script.protocol {
            Protocol::Imap => "* OK fault.mailsetup.test IMAP test server ready".into(),
            Protocol::Pop3 => "+OK fault.mailsetup.test POP3 test server ready".into(),
            Protocol::Smtp => "220 fault.mailsetup.test ESMTP test server".into(),
        });
    s.send(&greeting)?;
    match &script.after_greeting {
        AfterGreeting::Serve => {}
        AfterGreeting::Silent => {
            s.hold();
            return Ok(());
        }
        AfterGreeting::Send(bytes) => {
            s.conn.write_all(bytes.as_bytes())?;
            s.conn.flush()?;
            s.hold();
            return Ok(());
        }
    }
    match script.protocol {
        Protocol::Imap => imap(s, script),
        Protocol::Pop3 => pop3(s, script),
        Protocol::Smtp => smtp(s, script),
    }
}

/// Answers a sign-in as the script says; the session comes back when it goes on.
fn answer_login<'a>(
    s: Session<'a>,
    script: &Script,
    accept: &str,
    tag: &str,
) -> io::Result<Option<Session<'a>>> {
    let mut s = s;
    match &script.login {
        Login::Accept => {
            s.send(&format!("{tag}{accept}"))?;
            Ok(Some(s))
        }
        Login::Reply(reply) => {
            s.send(&format!("{tag}{reply}"))?;
            Ok(Some(s))
        }
        Login::Reset => {
            s.conn.reset();
            Ok(None)
        }
        Login::Silent => {
            s.hold();
            Ok(None)
        }
    }
}

fn imap(mut s: Session<'_>, script: &Script) -> io::Result<()> {
    while let Some(line) = s.read_line()? {
        let mut words = line.splitn(3, ' ');
        let tag = words.next().unwrap_or("*").to_string();
        let command = words.next().unwrap_or("").to_ascii_uppercase();
        match command.as_str() {
            "CAPABILITY" => {
                let mut caps = vec!["IMAP4rev1".to_string()];
                if !s.conn.is_tls() && script.starttls != StartTls::NotOffered {
                    caps.push("STARTTLS".into());
                }
                match &script.auth_caps {
                    Some(c) => caps.extend(c.iter().cloned()),
                    None => caps.extend(["AUTH=PLAIN".to_string(), "AUTH=LOGIN".to_string()]),
                }
                s.send(&format!("* CAPABILITY {}", caps.join(" ")))?;
                s.send(&format!("{tag} OK CAPABILITY completed"))?;
            }
            "STARTTLS" => match &script.starttls {
                StartTls::Offered if !s.conn.is_tls() => {
                    s.send(&format!("{tag} OK Begin TLS negotiation now"))?;
                    s = s.upgrade()?;
                }
                StartTls::Refused(reply) => s.send(&format!("{tag} {reply}"))?,
                _ => s.send(&format!("{tag} BAD STARTTLS not available"))?,
            },
            "LOGIN" => match answer_login(s, script, "OK LOGIN completed", &format!("{tag} "))? {
                Some(next) => s = next,
                None => return Ok(()),
            },
            "AUTHENTICATE" => {
                s.send("+ ")?;
                if s.read_line()?.is_none() {
                    return Ok(());
                }
                match answer_login(s, script, "OK AUTHENTICATE completed", &format!("{tag} "))? {
                    Some(next) => s = next,
                    None => return Ok(()),
                }
            }
            "SELECT" | "EXAMINE" => {
                s.send("* 2 EXISTS\n* 0 RECENT\n* FLAGS (\\Seen \\Answered)\n* OK [UIDVALIDITY 7] UIDs valid\n* OK [UIDNEXT 3] next")?;
                s.send(&format!("{tag} OK [READ-ONLY] EXAMINE completed"))?;
            }
            "NOOP" => s.send(&format!("{tag} OK NOOP completed"))?,
            "LOGOUT" => {
                s.send("* BYE logging out")?;
                s.send(&format!("{tag} OK LOGOUT completed"))?;
                return Ok(());
            }
            _ => s.send(&format!("{tag} BAD unknown command"))?,
        }
    }
    Ok(())
}

fn pop3(mut s: Session<'_>, script: &Script) -> io::Result<()> {
    while let Some(line) = s.read_line()? {
        let command = line
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match command.as_str() {
            "CAPA" => {
                let mut caps = vec![
                    "+OK capability list follows".to_string(),
                    "TOP".into(),
                    "UIDL".into(),
                ];
                if !s.conn.is_tls() && script.starttls != StartTls::NotOffered {
                    caps.push("STLS".into());
                }
                match &script.auth_caps {
                    Some(c) => caps.extend(c.iter().cloned()),
                    None => caps.extend(["USER".to_string(), "SASL PLAIN LOGIN".to_string()]),
                }
                caps.push(".".into());
                s.send(&caps.join("\n"))?;
            }
            "STLS" => match &script.starttls {
                StartTls::Offered if !s.conn.is_tls() => {
                    s.send("+OK Begin TLS negotiation")?;
                    s = s.upgrade()?;
                }
                StartTls::Refused(reply) => s.send(reply)?,
                _ => s.send("-ERR unknown command")?,
            },
            "USER" => s.send("+OK")?,
            "PASS" => match answer_login(s, script, "+OK Logged in.", "")? {
                Some(next) => s = next,
                None => return Ok(()),
            },
            "AUTH" => {
                let words: Vec<&str> = line.split_whitespace().collect();
                if words.len() == 2 {
                    // No initial response: ask for it (PLAIN), or walk through LOGIN.
                    let rounds = if words[1].eq_ignore_ascii_case("LOGIN") {
                        2
                    } else {
                        1
                    };
                    for _ in 0..rounds {
                        s.send("+ ")?;
                        if s.read_line()?.is_none() {
                            return Ok(());
                        }
                    }
                }
                match answer_login(s, script, "+OK Logged in.", "")? {
                    Some(next) => s = next,
                    None => return Ok(()),
                }
            }
            "STAT" => s.send("+OK 2 320")?,
            "NOOP" => s.send("+OK")?,
            "QUIT" => {
                s.send("+OK Logging out.")?;
                return Ok(());
            }
            _ => s.send("-ERR unknown command")?,
        }
    }
    Ok(())
}

fn smtp(mut s: Session<'_>, script: &Script) -> io::Result<()> {
    while let Some(line) = s.read_line()? {
        let words: Vec<&str> = line.split_whitespace().collect();
        let command = words
            .first()
            .map(|w| w.to_ascii_uppercase())
            .unwrap_or_default();
        match command.as_str() {
            "EHLO" | "HELO" => {
                let mut lines = vec![
                    "fault.mailsetup.test".to_string(),
                    "PIPELINING".into(),
                    "8BITMIME".into(),
                ];
                if !s.conn.is_tls() && script.starttls != StartTls::NotOffered {
                    lines.push("STARTTLS".into());
                }
                match &script.auth_caps {
                    Some(c) => lines.extend(c.iter().cloned()),
                    None => lines.push("AUTH PLAIN LOGIN".into()),
                }
                let last = lines.len() - 1;
                let text: Vec<String> = lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("250{}{l}", if i == last { ' ' } else { '-' }))
                    .collect();
                s.send(&text.join("\n"))?;
            }
            "STARTTLS" => match &script.starttls {
                StartTls::Offered if !s.conn.is_tls() => {
                    s.send("220 2.0.0 Ready to start TLS")?;
                    s = s.upgrade()?;
                }
                StartTls::Refused(reply) => s.send(reply)?,
                _ => s.send("502 5.5.1 Unrecognized command")?,
            },
            "AUTH" => {
                if words.len() == 2 {
                    let login = words[1].eq_ignore_ascii_case("LOGIN");
                    let prompts: &[&str] = if login {
                        &["334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6"]
                    } else {
                        &["334 "]
                    };
                    for p in prompts {
                        s.send(p)?;
                        if s.read_line()?.is_none() {
                            return Ok(());
                        }
                    }
                } else if words.len() == 3 && words[1].eq_ignore_ascii_case("LOGIN") {
                    s.send("334 UGFzc3dvcmQ6")?;
                    if s.read_line()?.is_none() {
                        return Ok(());
                    }
                }
                match answer_login(s, script, "235 2.7.0 Authentication successful", "")? {
                    Some(next) => s = next,
                    None => return Ok(()),
                }
            }
            "NOOP" | "RSET" => s.send("250 2.0.0 OK")?,
            "QUIT" => {
                s.send("221 2.0.0 Bye")?;
                return Ok(());
            }
            _ => s.send("502 5.5.2 Unrecognized command")?,
        }
    }
    Ok(())
}
