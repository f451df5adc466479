//! Follow-up checks of the network, made without the password once a probe has an answer,
//! so a report can name a cause outside the mail server. In order:
//!
//! 1. the other address family: where the name has IPv4 and IPv6 addresses and the race was
//!    won before the other family was heard from, one address of it is tried on its own
//!    (started at once, in the background, waited for at the end at most `FAMILY_LIMIT`);
//!    "IPv6 to this server does not answer; IPv4 works" becomes a warning;
//! 2. only after a certificate for the wrong name (or an untrusted one) or an HTTP answer
//!    where a mail server was expected: the connectivity check — a plain-HTTP URL that must
//!    answer a fixed text (RFC 9110; Firefox's `detectportal.firefox.com/success.txt` by
//!    default in the window and the CLI, never in the library's defaults). A redirect or a
//!    page instead means a captive portal;
//! 3. only after a connect timeout or refusal on a standard port: the protocol's other
//!    standard port on the same addresses (993/143, 995/110, 465/587; RFC 8314), a quick
//!    connect plus its greeting (through TLS on an implicit-TLS port).
//!
//! Every check has its own short deadline and is recorded as a `NetworkCheck` step.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::connect::{self, Attempt};
use super::diagnosis::network::{Finding, attempt_words, attempt_words_translated};
use super::failure::{Failure, TlsProblem};
use super::family::{AttemptResult, Family, FamilyResult};
use super::options::ConnectivityCheck;
use super::outcome::{Warning, WarningCode};
use super::recognise::{Speaker, first_line, speaker};
use super::session::Ctx;
use super::step::StepKind;
use super::{BoxStream, tls};
use crate::account::{Protocol, Security};
use crate::net::HostResolver;

/// Longest wait for the other address family.
const FAMILY_LIMIT: Duration = Duration::from_secs(3);
/// Longest wait for the other standard port.
const PORT_LIMIT: Duration = Duration::from_secs(3);
/// Longest wait for the connectivity check.
const HTTP_LIMIT: Duration = Duration::from_secs(5);
/// Most bytes read from the connectivity check.
const HTTP_MAX: usize = 16 * 1024;

/// A background attempt on the other family; dropping it stops it.
pub(super) struct Pending(tokio::task::JoinHandle<Attempt>);

impl Drop for Pending {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// What connecting showed about the address families, kept until the probe ends.
#[derive(Default)]
pub(super) struct Families {
    pub addrs: Vec<IpAddr>,
    pub attempts: Vec<Attempt>,
    pub pending: Option<Pending>,
}

fn decided(r: AttemptResult) -> bool {
    r != AttemptResult::NoAnswer
}

impl Families {
    fn both(&self) -> bool {
        self.addrs.iter().any(IpAddr::is_ipv4) && self.addrs.iter().any(IpAddr::is_ipv6)
    }

    /// After a won race: starts the other family's check if the race did not settle it.
    pub fn after_win(&mut self, winner: IpAddr, port: u16, connect_limit: Duration) {
        if !self.both() {
            return;
        }
        let other = Family::of(&winner) != Family::Ipv6;
        let settled = self
            .attempts
            .iter()
            .any(|a| a.addr.is_ipv6() == other && decided(a.result));
        let Some(addr) = self.addrs.iter().find(|a| a.is_ipv6() == other).copied() else {
            return;
        };
        if !settled {
            let limit = connect_limit.min(FAMILY_LIMIT);
            self.pending = Some(Pending(tokio::spawn(connect::check_address(
                addr, port, limit,
            ))));
        }
    }

    /// Each family's result (where the name has both), waiting for a pending check.
    async fn settle(&mut self, ctx: &mut Ctx<'_>) -> Vec<FamilyResult> {
        if !self.both() {
            return Vec::new();
        }
        if let Some(mut p) = self.pending.take() {
            let began = ctx.begin(StepKind::NetworkCheck);
            if let Ok(a) = (&mut p.0).await {
                let detail = format!(
                    "{} {}: {}",
                    Family::of(&a.addr).name(),
                    a.addr,
                    attempt_words(a.result)
                );
                ctx.record(StepKind::NetworkCheck, began, Ok(detail));
                self.attempts.push(a);
            }
        }
        let mut out = Vec::new();
        for family in [Family::Ipv6, Family::Ipv4] {
            let mine: Vec<&Attempt> = self
                .attempts
                .iter()
                .filter(|a| Family::of(&a.addr) == family)
                .collect();
            let best = mine
                .iter()
                .find(|a| a.result == AttemptResult::Connected)
                .or_else(|| mine.iter().find(|a| decided(a.result)))
                .or(mine.first());
            if let Some(a) = best {
                out.push(FamilyResult {
                    family,
                    address: a.addr.to_string(),
                    result: a.result,
                    ms: a.ms,
                });
            }
        }
        out
    }
}

/// The warning for one family that fails where the other works.
fn family_warning(results: &[FamilyResult]) -> Option<Warning> {
    let works = results
        .iter()
        .find(|r| r.result == AttemptResult::Connected)?;
    // No route at all for a family is this computer's network, not the server.
    let broken = results.iter().find(|r| {
        r.family != works.family
            && !matches!(r.result, AttemptResult::Connected | AttemptResult::NoRoute)
    })?;
    let code = match broken.family {
        Family::Ipv6 => WarningCode::Ipv6NotWorking,
        Family::Ipv4 => WarningCode::Ipv4NotWorking,
    };
    Some(Warning {
        code,
        text: t!(
            "network-family-warning",
            broken = broken.family.name(),
            result = attempt_words_translated(broken.result),
            address = broken.address.as_str(),
            works = works.family.name()
        ),
    })
}

/// Whether a failure looks like a network that answers in place of the server.
fn portal_symptom(f: &Failure) -> bool {
    match f {
        Failure::Tls { problem, .. } => {
            matches!(problem, TlsProblem::NameMismatch | TlsProblem::Untrusted)
        }
        Failure::WrongProtocol { said, .. } | Failure::TlsOnPlaintextPort { said, .. } => {
            speaker(said) == Some(Speaker::Http)
        }
        _ => false,
    }
}

/// The protocol's other standard port and its security, when `port` is a standard one.
fn other_port(protocol: Protocol, port: u16) -> Option<(u16, Security)> {
    let tls = protocol.default_port(Security::Tls);
    let starttls = protocol.default_port(Security::StartTls);
    match port {
        p if p == tls => Some((starttls, Security::StartTls)),
        p if p == starttls => Some((tls, Security::Tls)),
        _ => None,
    }
}

/// Runs the follow-up checks a probe's result calls for; returns what they found and the
/// warnings for the report.
pub(super) async fn follow_up(
    ctx: &mut Ctx<'_>,
    families: &mut Families,
    result: &Result<(), Failure>,
) -> (Vec<Finding>, Vec<Warning>) {
    let mut findings = Vec::new();
    let results = families.settle(ctx).await;
    let warnings: Vec<Warning> = family_warning(&results).into_iter().collect();
    if let Err(failure) = result {
        if matches!(
            failure,
            Failure::ConnectTimeout { .. } | Failure::ConnectionRefused { .. }
        ) && results.len() > 1
        {
            findings.push(Finding::NoFamilyWorks(
                results.iter().map(|r| (r.family, r.result)).collect(),
            ));
        }
        if portal_symptom(failure)
            && let Some(check) = ctx.opts.connectivity.clone()
        {
            findings.extend(connectivity(ctx, &check).await);
        }
        if matches!(
            failure,
            Failure::ConnectTimeout { .. } | Failure::ConnectionRefused { .. }
        ) && let Some((port, security)) = other_port(ctx.settings.protocol, ctx.settings.port)
        {
            findings.push(try_port(ctx, &families.addrs, port, security).await);
        }
    }
    ctx.facts.families = results;
    (findings, warnings)
}

/// The connectivity check, recorded as a step.
async fn connectivity(ctx: &mut Ctx<'_>, check: &ConnectivityCheck) -> Option<Finding> {
    let began = ctx.begin(StepKind::NetworkCheck);
    let limit = ctx.opts.timeouts.connect.min(HTTP_LIMIT);
    let resolver = ctx.opts.resolver.clone();
    let answer = tokio::time::timeout(limit, http_get(&check.url, resolver, limit)).await;
    let (finding, detail) = match answer {
        Err(_) => (None, format!("{}: no answer within {limit:?}", check.url)),
        Ok(Err(why)) => (None, format!("{}: {why}", check.url)),
        Ok(Ok(a)) if a.status == 200 && a.body_text().trim() == check.expected.trim() => (
            None,
            format!("{} answered as expected: nothing in the way", check.url),
        ),
        Ok(Ok(a)) => {
            let words = a.words();
            (
                Some(Finding::SignInPage {
                    url: check.url.clone(),
                    answer: words.clone(),
                }),
                format!(
                    "{} answered {words}: a sign-in page is in the way",
                    check.url
                ),
            )
        }
    };
    ctx.record(StepKind::NetworkCheck, began, Ok(detail));
    finding
}

/// The other standard port, recorded as a step.
async fn try_port(ctx: &mut Ctx<'_>, addrs: &[IpAddr], port: u16, security: Security) -> Finding {
    let began = ctx.begin(StepKind::NetworkCheck);
    let limit = ctx.opts.timeouts.connect.min(PORT_LIMIT);
    let host = ctx.settings.host.clone();
    let protocol = ctx.settings.protocol;
    let trust = ctx.opts.trust.clone();
    let check = async {
        let won = connect::race(addrs, port, limit).await.map_err(|_| ())?;
        let stream: BoxStream = Box::new(won.stream);
        let mut stream: BoxStream = if security == Security::Tls {
            match tls::handshake(stream, &host, &trust).await {
                Ok((s, _)) => Box::new(s),
                // A certificate problem still proves the port is open and speaks TLS.
                Err(e) if e.facts.is_some() => return Ok("TLS answers".to_string()),
                Err(_) => return Err(()),
            }
        } else {
            stream
        };
        let line = read_line(&mut stream).await;
        let expected = match protocol {
            Protocol::Imap => Speaker::Imap,
            Protocol::Pop3 => Speaker::Pop3,
            Protocol::Smtp => Speaker::Smtp,
        };
        if speaker(&line) == Some(expected) {
            Ok(line)
        } else {
            Err(())
        }
    };
    let (finding, detail) = match tokio::time::timeout(limit, check).await {
        Ok(Ok(said)) => (
            Finding::OtherPortAnswers { port, security },
            format!("port {port} ({security}) of the same server answers: {said}"),
        ),
        _ => (
            Finding::OtherPortSilent { port },
            format!("port {port} ({security}) of the same server does not answer either"),
        ),
    };
    ctx.record(StepKind::NetworkCheck, began, Ok(detail));
    finding
}

/// The first line a server sends (at most 512 bytes).
async fn read_line(stream: &mut BoxStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 256];
    while buf.len() < 512 && !buf.contains(&b'\n') {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    first_line(&buf)
}

/// An HTTP answer, as far as the connectivity check needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HttpAnswer {
    pub status: u16,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

impl HttpAnswer {
    fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }

    /// "302 → http://portal/login" or "200 with a page of 1234 bytes".
    fn words(&self) -> String {
        match &self.location {
            Some(to) => format!("{} → {}", self.status, first_line(to.as_bytes())),
            None => format!("{} with a page of {} bytes", self.status, self.body.len()),
        }
    }
}

/// Splits `http://host[:port]/path` (no other scheme).
fn split_url(url: &str) -> Option<(String, u16, String)> {
    let rest = url.strip_prefix("http://")?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, tail) = v6.split_once(']')?;
        let port = match tail.strip_prefix(':') {
            Some(p) => p.parse().ok()?,
            None => 80,
        };
        (h.to_string(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().ok()?),
            None => (authority.to_string(), 80),
        }
    };
    (!host.is_empty()).then_some((host, port, path))
}

/// Parses an HTTP/1.1 answer read until the connection closed (or the cap): status line,
/// `Location`, and the body (Content-Length or chunked, RFC 9112 §6–7).
pub(super) fn parse_answer(bytes: &[u8]) -> Option<HttpAnswer> {
    let head_end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&bytes[..head_end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/1.") {
        return None;
    }
    let status: u16 = parts.next()?.parse().ok()?;
    let mut location = None;
    let mut length: Option<usize> = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "location" => location = Some(value.to_string()),
            "content-length" => length = value.parse().ok(),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    let raw = &bytes[head_end + 4..];
    let body = if chunked {
        dechunk(raw)
    } else {
        match length {
            Some(n) => raw[..n.min(raw.len())].to_vec(),
            None => raw.to_vec(),
        }
    };
    Some(HttpAnswer {
        status,
        location,
        body,
    })
}

/// Joins the chunks of a chunked body; stops at the last chunk or where the bytes end.
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&raw[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim().to_string();
        let Ok(size) = usize::from_str_radix(&size_text, 16) else {
            return out;
        };
        raw = &raw[eol + 2..];
        if size == 0 {
            return out;
        }
        let take = size.min(raw.len());
        out.extend_from_slice(&raw[..take]);
        raw = raw.get(take + 2..).unwrap_or(&[]);
    }
}

/// GET `url` over plain HTTP, reading at most `HTTP_MAX` bytes.
async fn http_get(
    url: &str,
    resolver: Arc<dyn HostResolver>,
    limit: Duration,
) -> Result<HttpAnswer, String> {
    let (host, port, path) = split_url(url).ok_or("not a plain http:// URL")?;
    let addrs = match host.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => resolver.lookup(&host).await.map_err(|e| e.to_string())?,
    };
    let won = connect::race(&addrs, port, limit)
        .await
        .map_err(|_| "could not connect".to_string())?;
    let mut stream = won.stream;
    let host_header = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.clone()
    };
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: mailsetup\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    );
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 4096];
    while bytes.len() < HTTP_MAX && started.elapsed() < limit {
        match stream.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if bytes.is_empty() => return Err(e.to_string()),
            Err(_) => break,
        }
    }
    parse_answer(&bytes).ok_or_else(|| format!("not an HTTP answer: {:?}", first_line(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_host_port_and_path() {
        assert_eq!(
            split_url("http://detectportal.firefox.com/success.txt"),
            Some(("detectportal.firefox.com".into(), 80, "/success.txt".into()))
        );
        assert_eq!(
            split_url("http://127.0.0.1:8080"),
            Some(("127.0.0.1".into(), 8080, "/".into()))
        );
        assert_eq!(
            split_url("http://[::1]:81/x"),
            Some(("::1".into(), 81, "/x".into()))
        );
        assert_eq!(split_url("https://example.com/"), None);
        assert_eq!(split_url("http://:80/"), None);
    }

    #[test]
    fn answers_parse_with_length_chunks_or_a_redirect() {
        let a =
            parse_answer(b"HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsuccess\nEXTRA").unwrap();
        assert_eq!((a.status, a.body_text().as_str()), (200, "success\n"));
        let a = parse_answer(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nsucc\r\n3;x=1\r\ness\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(a.body_text(), "success");
        let a = parse_answer(b"HTTP/1.0 302 Found\r\nLocation: http://portal.test/login\r\n\r\n")
            .unwrap();
        assert_eq!(a.words(), "302 → http://portal.test/login");
        assert!(parse_answer(b"SSH-2.0-OpenSSH\r\n\r\n").is_none());
        assert!(parse_answer(b"HTTP/1.1 200 OK\r\n").is_none());
        // A chunk size past the end of the bytes takes what is there, no more.
        assert_eq!(dechunk(b"ff\r\nabc"), b"abc");
    }

    #[test]
    fn the_other_standard_port_of_each_protocol() {
        assert_eq!(other_port(Protocol::Smtp, 587), Some((465, Security::Tls)));
        assert_eq!(
            other_port(Protocol::Smtp, 465),
            Some((587, Security::StartTls))
        );
        assert_eq!(
            other_port(Protocol::Imap, 993),
            Some((143, Security::StartTls))
        );
        assert_eq!(other_port(Protocol::Pop3, 110), Some((995, Security::Tls)));
        assert_eq!(other_port(Protocol::Imap, 10993), None);
    }

    #[test]
    fn a_family_that_fails_where_the_other_works_is_a_warning() {
        let r = |family, result| FamilyResult {
            family,
            address: match family {
                Family::Ipv6 => "2001:db8::1".into(),
                Family::Ipv4 => "192.0.2.1".into(),
            },
            result,
            ms: None,
        };
        let w = family_warning(&[
            r(Family::Ipv6, AttemptResult::NoAnswer),
            r(Family::Ipv4, AttemptResult::Connected),
        ])
        .unwrap();
        assert_eq!(w.code, WarningCode::Ipv6NotWorking);
        assert!(
            w.text
                .starts_with("IPv6 to this server does not answer (2001:db8::1); IPv4 works."),
            "{}",
            w.text
        );
        // No IPv6 route on this computer at all is not the server's problem.
        assert!(
            family_warning(&[
                r(Family::Ipv6, AttemptResult::NoRoute),
                r(Family::Ipv4, AttemptResult::Connected),
            ])
            .is_none()
        );
        assert!(family_warning(&[r(Family::Ipv4, AttemptResult::Connected)]).is_none());
    }
}
