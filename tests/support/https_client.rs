//! A tiny blocking HTTPS/1.1 client for the test harness (the authorization server's token,
//! revocation and admin endpoints), trusting only the run's test CA.
//!
//! One request per connection (`Connection: close`); the answer is read to its
//! `Content-Length`, its chunked end (RFC 9112 §7.1) or the connection's close. Every step has
//! a deadline. Plain `http://` works too (for the app's loopback redirect listener).

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;

use super::pki;

const DEADLINE: Duration = Duration::from_secs(15);

/// One answer.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    /// The body as JSON (`Null` when it is not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A rustls client configuration trusting only the test CA.
pub fn test_ca_client_config() -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(pki().ca_der.clone()).expect("add the test CA");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// `GET url`.
pub fn get(url: &str, headers: &[(&str, &str)]) -> io::Result<HttpResponse> {
    request("GET", url, headers, None)
}

/// `POST url` with an `application/x-www-form-urlencoded` body.
pub fn post_form(
    url: &str,
    headers: &[(&str, &str)],
    form: &[(&str, &str)],
) -> io::Result<HttpResponse> {
    let body = form_encode(form);
    request(
        "POST",
        url,
        headers,
        Some(("application/x-www-form-urlencoded", body.as_bytes())),
    )
}

/// `POST url` with a JSON body.
pub fn post_json(
    url: &str,
    headers: &[(&str, &str)],
    json: &serde_json::Value,
) -> io::Result<HttpResponse> {
    let body = json.to_string();
    request(
        "POST",
        url,
        headers,
        Some(("application/json", body.as_bytes())),
    )
}

/// `a=b&c=d`, percent-encoded.
pub fn form_encode(form: &[(&str, &str)]) -> String {
    let mut url = reqwest::Url::parse("http://x/").expect("static URL");
    url.query_pairs_mut().extend_pairs(form.iter().copied());
    url.query().unwrap_or_default().to_string()
}

fn invalid(what: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.into())
}

/// One request; `body` is (content type, bytes).
pub fn request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &[u8])>,
) -> io::Result<HttpResponse> {
    let parsed = reqwest::Url::parse(url).map_err(|e| invalid(format!("bad URL: {e}")))?;
    let host = parsed
        .host_str()
        .ok_or_else(|| invalid("URL without a host"))?
        .to_string();
    let port = parsed
        .port_or_known_default()
        .ok_or_else(|| invalid("URL without a port"))?;
    let bare_host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let addr = (bare_host.as_str(), port)
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| invalid("no address"))?;
    let tcp = TcpStream::connect_timeout(&addr, DEADLINE)?;
    tcp.set_read_timeout(Some(DEADLINE))?;
    tcp.set_write_timeout(Some(DEADLINE))?;

    let mut path = parsed.path().to_string();
    if let Some(q) = parsed.query() {
        path.push('?');
        path.push_str(q);
    }
    let host_header = match parsed.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.clone(),
    };
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host_header}\r\nConnection: close\r\nAccept: application/json\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some((ctype, bytes)) = body {
        head.push_str(&format!(
            "Content-Type: {ctype}\r\nContent-Length: {}\r\n",
            bytes.len()
        ));
    }
    head.push_str("\r\n");
    let mut wire = head.into_bytes();
    if let Some((_, bytes)) = body {
        wire.extend_from_slice(bytes);
    }

    let raw = match parsed.scheme() {
        "https" => {
            let name = ServerName::try_from(bare_host.clone())
                .map_err(|e| invalid(format!("server name: {e}")))?;
            let conn = rustls::ClientConnection::new(test_ca_client_config(), name)
                .map_err(|e| invalid(format!("TLS: {e}")))?;
            let mut tls = rustls::StreamOwned::new(conn, tcp);
            tls.write_all(&wire)?;
            tls.flush()?;
            read_all(&mut tls)?
        }
        "http" => {
            let mut tcp = tcp;
            tcp.write_all(&wire)?;
            read_all(&mut tcp)?
        }
        other => return Err(invalid(format!("scheme {other} not supported"))),
    };
    parse_response(&raw)
}

/// Reads until EOF; a TLS peer that closes without close_notify still counts as the end.
fn read_all(stream: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return Ok(out),
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof && !out.is_empty() => {
                return Ok(out);
            }
            Err(e) => return Err(e),
        }
    }
}

fn parse_response(raw: &[u8]) -> io::Result<HttpResponse> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| invalid("no end of headers"))?;
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| invalid(format!("bad status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(rest)?
    } else if let Some(len) = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
    {
        rest.get(..len)
            .ok_or_else(|| invalid("body shorter than Content-Length"))?
            .to_vec()
    } else {
        rest.to_vec()
    };
    Ok(HttpResponse {
        status,
        headers,
        body: String::from_utf8_lossy(&body).to_string(),
    })
}

fn dechunk(mut rest: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| invalid("chunk size line"))?;
        let size_text = String::from_utf8_lossy(&rest[..line_end]).to_string();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| invalid(format!("bad chunk size {size_text:?}")))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(rest.get(..size).ok_or_else(|| invalid("short chunk"))?);
        rest = rest.get(size + 2..).unwrap_or_default();
    }
}
