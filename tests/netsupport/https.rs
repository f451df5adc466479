//! An HTTP/1.1 server on 127.0.0.1 that speaks TLS (certificates from the test CA, issued
//! for whatever name the client asks) and plain HTTP on the same port: the first byte tells
//! a TLS ClientHello (0x16) from a plain request. Routes are keyed by scheme, Host and path;
//! replies cover what discovery must survive: files, 404s, redirects (also loops and
//! downgrades to http://), slow answers, endless or huge bodies, garbage, and silence. Each
//! request is recorded with its method, headers and body (up to 64 KiB), so a test can say
//! what a client sent — and what it never sent (an `Authorization` header).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

use super::pki::TestCa;

/// What a route answers.
#[derive(Clone, Debug)]
pub enum Reply {
    /// 200 with this body as XML.
    Xml(String),
    /// 200 with these raw bytes as the body.
    Bytes(Vec<u8>),
    /// An empty reply with this status.
    Status(u16),
    /// 302 to this location.
    Redirect(String),
    /// A redirect with this status (301, 303, 307, 308 …) to this location.
    RedirectWith(u16, String),
    /// The inner reply, after a pause.
    Slow(Duration, Box<Reply>),
    /// 200 with this many bytes, no Content-Length, streamed until done.
    Huge(usize),
    /// Not HTTP at all.
    Garbage(Vec<u8>),
    /// Accepts and never answers.
    Hang,
    /// 200 with this body as JSON.
    Json(String),
    /// The first reply to a POST, the second to any other method.
    OnPost(Box<Reply>, Box<Reply>),
}

/// One request the server saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub tls: bool,
    pub host: String,
    pub path: String,
    /// The whole request target, query included.
    pub target: String,
    /// `GET`, `POST` …
    pub method: String,
    /// Every header as sent (name, value), in order.
    pub headers: Vec<(String, String)>,
    /// The body (`Content-Length` bytes, at most 64 KiB).
    pub body: Vec<u8>,
}

impl Seen {
    /// The value of a header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Routes = BTreeMap<(bool, String, String), Reply>;

/// How far the `Date` header is from the real time (zero unless a test moves it).
type DateOffset = Arc<Mutex<time::Duration>>;

pub struct HttpsServer {
    pub port: u16,
    routes: Arc<Mutex<Routes>>,
    seen: Arc<Mutex<Vec<Seen>>>,
    date_offset: DateOffset,
}

impl HttpsServer {
    pub async fn start(ca: &TestCa) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind HTTPS");
        let port = listener.local_addr().expect("address").port();
        let provider = mailsetup::probe::tls::crypto_provider();
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_cert_resolver(ca.resolver());
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let routes: Arc<Mutex<Routes>> = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let date_offset: DateOffset = Arc::default();
        let (r, s, o) = (routes.clone(), seen.clone(), date_offset.clone());
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    return;
                };
                let (acceptor, routes, seen, offset) =
                    (acceptor.clone(), r.clone(), s.clone(), o.clone());
                tokio::spawn(async move {
                    let mut first = [0u8; 1];
                    if tcp.peek(&mut first).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if first[0] == 0x16 {
                        if let Ok(tls) = acceptor.accept(tcp).await {
                            serve(tls, true, &routes, &seen, &offset).await;
                        }
                    } else {
                        serve::<TcpStream>(tcp, false, &routes, &seen, &offset).await;
                    }
                });
            }
        });
        Self {
            port,
            routes,
            seen,
            date_offset,
        }
    }

    /// Every later answer's `Date` header says the real time plus `offset`: a server whose
    /// clock disagrees with this computer's (for `clock_wrong`, the computer's is the wrong one).
    pub fn date_offset(&self, offset: time::Duration) {
        *self.date_offset.lock().unwrap() = offset;
    }

    /// Answers `https://host/path` (path without the query) with `reply`.
    pub fn https(&self, host: &str, path: &str, reply: Reply) {
        self.routes
            .lock()
            .unwrap()
            .insert((true, host.to_ascii_lowercase(), path.to_string()), reply);
    }

    /// Answers `http://host/path` with `reply`.
    pub fn http(&self, host: &str, path: &str, reply: Reply) {
        self.routes
            .lock()
            .unwrap()
            .insert((false, host.to_ascii_lowercase(), path.to_string()), reply);
    }

    /// Every request seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// A URL on this server for `host` (which must resolve to 127.0.0.1).
    pub fn url(&self, tls: bool, host: &str, path: &str) -> String {
        let scheme = if tls { "https" } else { "http" };
        format!("{scheme}://{host}:{}{path}", self.port)
    }
}

async fn serve<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    tls: bool,
    routes: &Mutex<Routes>,
    seen: &Mutex<Vec<Seen>>,
    date_offset: &Mutex<time::Duration>,
) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut byte).await {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let text = String::from_utf8_lossy(&head).to_string();
    let mut lines = text.lines();
    let request_line = lines.next().unwrap_or_default();
    let mut words = request_line.split_whitespace();
    let method = words.next().unwrap_or("GET").to_string();
    let target = words.next().unwrap_or("/").to_string();
    let path = target.split('?').next().unwrap_or("/").to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let host = header("host").unwrap_or_default();
    let length: usize = header("content-length")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
        .min(64 * 1024);
    let mut body = vec![0u8; length];
    if length > 0 && stream.read_exact(&mut body).await.is_err() {
        return;
    }
    let host = host
        .rsplit_once(':')
        .map_or(host.as_str(), |(h, _)| h)
        .to_ascii_lowercase();
    seen.lock().unwrap().push(Seen {
        tls,
        host: host.clone(),
        path: path.clone(),
        target: target.clone(),
        method: method.clone(),
        headers: headers.clone(),
        body,
    });
    let mut reply = routes
        .lock()
        .unwrap()
        .get(&(tls, host, path))
        .cloned()
        .unwrap_or(Reply::Status(404));
    while let Reply::OnPost(post, other) = reply {
        reply = if method.eq_ignore_ascii_case("POST") {
            *post
        } else {
            *other
        };
    }
    let offset = *date_offset.lock().unwrap();
    respond(&mut stream, reply, offset).await;
    let _ = stream.shutdown().await;
}

async fn respond<S: AsyncWrite + Unpin>(stream: &mut S, reply: Reply, offset: time::Duration) {
    let mut reply = reply;
    while let Reply::Slow(d, inner) = reply {
        tokio::time::sleep(d).await;
        reply = *inner;
    }
    let head = |status: u16, extra: &str, len: Option<usize>| {
        let len = len
            .map(|n| format!("Content-Length: {n}\r\n"))
            .unwrap_or_default();
        // Every answer carries the time, as RFC 9110 §6.6.1 asks of servers with a clock (the
        // real time unless the test moved it).
        let date = http_date(time::OffsetDateTime::now_utc() + offset);
        format!("HTTP/1.1 {status} X\r\nDate: {date}\r\n{extra}{len}Connection: close\r\n\r\n")
    };
    match reply {
        Reply::Xml(body) => {
            let h = head(200, "Content-Type: application/xml\r\n", Some(body.len()));
            let _ = stream.write_all(h.as_bytes()).await;
            let _ = stream.write_all(body.as_bytes()).await;
        }
        Reply::Json(body) => {
            let h = head(200, "Content-Type: application/json\r\n", Some(body.len()));
            let _ = stream.write_all(h.as_bytes()).await;
            let _ = stream.write_all(body.as_bytes()).await;
        }
        Reply::Bytes(body) => {
            let h = head(200, "Content-Type: application/xml\r\n", Some(body.len()));
            let _ = stream.write_all(h.as_bytes()).await;
            let _ = stream.write_all(&body).await;
        }
        Reply::Status(code) => {
            let _ = stream.write_all(head(code, "", Some(0)).as_bytes()).await;
        }
        Reply::Redirect(to) => {
            let h = head(302, &format!("Location: {to}\r\n"), Some(0));
            let _ = stream.write_all(h.as_bytes()).await;
        }
        Reply::RedirectWith(code, to) => {
            let h = head(code, &format!("Location: {to}\r\n"), Some(0));
            let _ = stream.write_all(h.as_bytes()).await;
        }
        Reply::Huge(n) => {
            let _ = stream.write_all(head(200, "", None).as_bytes()).await;
            let chunk = vec![b'<'; 64 * 1024];
            let mut sent = 0;
            while sent < n {
                let k = chunk.len().min(n - sent);
                if stream.write_all(&chunk[..k]).await.is_err() {
                    return;
                }
                sent += k;
            }
        }
        Reply::Garbage(bytes) => {
            let _ = stream.write_all(&bytes).await;
        }
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
        Reply::Slow(..) | Reply::OnPost(..) => {}
    }
    let _ = stream.flush().await;
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
pub fn http_date(t: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    t.to_offset(time::UtcOffset::UTC)
        .format(&f)
        .unwrap_or_default()
}
