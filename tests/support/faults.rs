//! Fault servers: small in-process servers on 127.0.0.1 (free ports) for what a real Dovecot
//! will not do. Each accepted connection is served on its own std thread; every server
//! records the lines it receives and counts its connections.
//!
//! Raw behaviours live here: silence after connect, close at once, a garbage greeting, an
//! HTTP server, a TLS server that only sends a fatal alert, a refused port, and a port whose
//! TCP connect never completes (a listener with backlog 0 whose accept queue is full: Linux
//! drops further SYNs, so the client waits). Scripted IMAP/POP3/SMTP servers are in `script`.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailsetup::account::{Protocol, Security, ServerSettings};

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
    pub fn push(&self, line: &str) {
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
pub fn hold(mut conn: impl Read) {
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
