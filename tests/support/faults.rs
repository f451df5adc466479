//! Scripted fault servers: small in-process servers on 127.0.0.1 (free ports) for what a real
//! Dovecot will not do. Each accepted connection is served on its own std thread.
//!
//! - raw behaviours: silence after connect, close at once, a garbage greeting, an HTTP server,
//!   a TLS server that only sends a fatal alert, a refused port, and a port whose TCP connect
//!   never completes (a listener with backlog 0 whose accept queue is full: Linux drops
//!   further SYNs, so the client waits);
//! - `Script`: a minimal IMAP (RFC 9051), POP3 (RFC 1939/2449/5034) or SMTP submission
//!   (RFC 5321/4954) server whose TLS (implicit with any test certificate, or STARTTLS
//!   offered / missing / refused), greeting, capabilities and answer to the sign-in are
//!   chosen by the test. It records every line it receives, so tests can check what reached
//!   the server (one sign-in attempt; no password over a refused connection).

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailsetup::account::{Protocol, Security, ServerSettings};
use rustls::{ServerConnection, StreamOwned};

use super::pki::{CertPair, pki};

/// The user name fault tests sign in with.
pub const USER: &str = "alice@example.test";

/// A running fault server.
#[derive(Debug, Clone)]
pub struct FaultServer {
    pub port: u16,
    received: Arc<Mutex<Vec<String>>>,
    connections: Arc<AtomicUsize>,
    finished: Arc<AtomicUsize>,
}

impl FaultServer {
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    /// Settings pointing at this server.
    pub fn settings(&self, protocol: Protocol, security: Security) -> ServerSettings {
        ServerSettings {
            protocol,
            host: "127.0.0.1".into(),
            port: self.port,
            security,
            username: USER.into(),
        }
    }

    /// Every line the server received so far, over every connection, in order.
    pub fn received(&self) -> Vec<String> {
        self.received
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// How many connections were accepted.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// How many connections have ended (the handler returned, e.g. the client went away).
    pub fn finished(&self) -> usize {
        self.finished.load(Ordering::SeqCst)
    }

    /// How many sign-in commands arrived (IMAP LOGIN/AUTHENTICATE, POP3 USER/AUTH, SMTP AUTH).
    pub fn sign_in_attempts(&self) -> usize {
        self.received()
            .iter()
            .filter(|l| {
                let words: Vec<String> = l
                    .split_whitespace()
                    .take(2)
                    .map(|w| w.to_ascii_uppercase())
                    .collect();
                let first = words.first().map(String::as_str).unwrap_or("");
                let second = words.get(1).map(String::as_str).unwrap_or("");
                matches!(first, "USER" | "AUTH") || matches!(second, "LOGIN" | "AUTHENTICATE")
            })
            .count()
    }
}

type Handler = dyn Fn(TcpStream, &Recorder) + Send + Sync;

/// What a connection handler may record.
#[derive(Debug, Clone)]
pub struct Recorder {
    lines: Arc<Mutex<Vec<String>>>,
}

impl Recorder {
    fn push(&self, line: &str) {
        self.lines
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(line.to_string());
    }
}

/// Serves every connection to a new 127.0.0.1 port with `handler`, each on its own thread.
pub fn serve(handler: impl Fn(TcpStream, &Recorder) + Send + Sync + 'static) -> FaultServer {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a fault server");
    let port = listener.local_addr().expect("fault server address").port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let connections = Arc::new(AtomicUsize::new(0));
    let handler: Arc<Handler> = Arc::new(handler);
    let recorder = Recorder {
        lines: received.clone(),
    };
    let finished = Arc::new(AtomicUsize::new(0));
    let (count, done) = (connections.clone(), finished.clone());
    std::thread::Builder::new()
        .name(format!("fault-{port}"))
        .spawn(move || {
            for conn in listener.incoming().flatten() {
                count.fetch_add(1, Ordering::SeqCst);
                let handler = handler.clone();
                let recorder = recorder.clone();
                let done = done.clone();
                std::thread::spawn(move || {
                    handler(conn, &recorder);
                    done.fetch_add(1, Ordering::SeqCst);
                });
            }
        })
        .expect("start a fault server");
    FaultServer {
        port,
        received,
        connections,
        finished,
    }
}

/// Blocks until the client goes away, saying nothing.
fn hold(mut conn: impl Read) {
    let mut buf = [0u8; 4096];
    while matches!(conn.read(&mut buf), Ok(n) if n > 0) {}
}

/// Accepts and never says a word.
pub fn silent() -> FaultServer {
    serve(|conn, _| hold(conn))
}

/// Accepts and closes at once.
pub fn close_at_once() -> FaultServer {
    serve(|conn, _| drop(conn))
}

/// Greets with bytes that are no protocol at all.
pub fn garbage_greeting() -> FaultServer {
    serve(|mut conn, _| {
        let _ = conn.write_all(b"#@!? \x01\x02\x7f zzz garbage, no mail server here\r\n");
        hold(conn);
    })
}

/// An HTTP server: waits for a request and answers whatever arrives with 400 Bad Request.
pub fn http() -> FaultServer {
    serve(|mut conn, _| {
        let mut buf = [0u8; 4096];
        if matches!(conn.read(&mut buf), Ok(n) if n > 0) {
            let _ = conn.write_all(
                b"HTTP/1.1 400 Bad Request\r\nServer: fault\r\nContent-Type: text/html\r\n\
                  Content-Length: 11\r\nConnection: close\r\n\r\nBad Request",
            );
        }
        let _ = conn.shutdown(Shutdown::Write);
        hold(conn);
    })
}

/// Reads the ClientHello and answers with a fatal `handshake_failure` alert only.
pub fn tls_alert_only() -> FaultServer {
    serve(|mut conn, _| {
        let mut buf = [0u8; 4096];
        if matches!(conn.read(&mut buf), Ok(n) if n > 0) {
            // TLS record: alert (21), TLS 1.2 (3,3), length 2, fatal (2), handshake_failure (40).
            let _ = conn.write_all(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);
        }
        let _ = conn.shutdown(Shutdown::Write);
        hold(conn);
    })
}

/// A port on 127.0.0.1 where nothing listens (connections are refused).
pub fn refused_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    drop(l);
    port
}

/// A listener whose accept queue is full: connects to it never complete.
#[derive(Debug)]
pub struct Blackhole {
    pub port: u16,
    _listener: socket2::Socket,
    _queued: Vec<TcpStream>,
}

impl Blackhole {
    pub fn settings(&self, protocol: Protocol, security: Security) -> ServerSettings {
        ServerSettings {
            protocol,
            host: "127.0.0.1".into(),
            port: self.port,
            security,
            username: USER.into(),
        }
    }
}

/// Makes a listener with backlog 0 and fills its accept queue with connections nobody
/// accepts; Linux then drops further SYNs, so a connect hangs until its deadline.
pub fn blackhole() -> Blackhole {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).expect("socket");
    let addr: SocketAddr = "127.0.0.1:0".parse().expect("addr");
    socket.bind(&addr.into()).expect("bind");
    socket.listen(0).expect("listen");
    let local = socket
        .local_addr()
        .expect("local address")
        .as_socket()
        .expect("inet address");
    let mut queued = Vec::new();
    for _ in 0..64 {
        match TcpStream::connect_timeout(&local, Duration::from_millis(300)) {
            Ok(s) => queued.push(s),
            Err(_) => {
                return Blackhole {
                    port: local.port(),
                    _listener: socket,
                    _queued: queued,
                };
            }
        }
    }
    panic!("the accept queue of a backlog-0 listener never filled up (not Linux?)");
}

// --- scripted protocol servers -----------------------------------------------------------------

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
