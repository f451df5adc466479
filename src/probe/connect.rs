//! Opening the TCP connection: all addresses of a name, raced "happy eyeballs" style
//! (RFC 8305: families interleaved, a new attempt every 250 ms or as soon as one fails, the
//! first to connect wins, the rest are dropped), all under one deadline.
//!
//! How it fails, by the operating system's error kind: every address refused (RST, a firewall
//! that rejects with a reset) → `Refused`; no route to any address (ENETUNREACH, EHOSTUNREACH:
//! no network, no default route, a host that does not answer ARP, an ICMP unreachable) →
//! `Unreachable`; nothing answered before the deadline (a firewall that drops) → `TimedOut`.
//!
//! Every address's own result is kept (`Attempt`), so a report can say per family what
//! happened: "IPv6 does not answer; IPv4 works". When the race is won before the other family
//! was heard from, `check_address` asks one address of it on its own (`doctor.rs`).

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use tokio::net::TcpStream;

use super::family::AttemptResult;

/// The delay before the next address is tried while earlier attempts are still pending.
pub const ATTEMPT_DELAY: Duration = Duration::from_millis(250);

/// Why no connection was made.
#[derive(Debug)]
pub enum ConnectError {
    /// Every address refused.
    Refused,
    /// Nothing answered before the deadline.
    TimedOut,
    /// No route to any address (network or host unreachable); the last such error.
    Unreachable(io::Error),
    /// Another error (unreachable network …) on every address; the last one.
    Other(io::Error),
}

/// What an error of one connection attempt says about the address.
fn result_of(e: &io::Error) -> AttemptResult {
    if e.kind() == io::ErrorKind::ConnectionRefused {
        AttemptResult::Refused
    } else if matches!(
        e.kind(),
        io::ErrorKind::NetworkUnreachable | io::ErrorKind::NetworkDown
    ) {
        AttemptResult::NoRoute
    } else if is_unreachable(e) {
        AttemptResult::Unreachable
    } else {
        AttemptResult::Failed
    }
}

/// One address tried, and how it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub addr: IpAddr,
    pub result: AttemptResult,
    /// How long it took to connect or fail; `None` when it was still pending.
    pub ms: Option<u64>,
}

/// Why no connection was made, with every address's own result.
#[derive(Debug)]
pub struct Lost {
    pub error: ConnectError,
    pub attempts: Vec<Attempt>,
    /// The address whose attempt failed last, and the operating system's words for it.
    pub last_failure: Option<(SocketAddr, String)>,
}

/// A connection made, with what the other addresses had done by then.
#[derive(Debug)]
pub struct Won {
    pub stream: TcpStream,
    pub peer: SocketAddr,
    pub attempts: Vec<Attempt>,
}

/// Connects to `addr:port` alone, within `limit`: how it went and how long it took.
pub async fn check_address(addr: IpAddr, port: u16, limit: Duration) -> Attempt {
    let started = std::time::Instant::now();
    let result = match tokio::time::timeout(limit, TcpStream::connect((addr, port))).await {
        Ok(Ok(_)) => AttemptResult::Connected,
        Ok(Err(e)) => result_of(&e),
        Err(_) => AttemptResult::NoAnswer,
    };
    Attempt {
        addr,
        result,
        ms: Some(started.elapsed().as_millis() as u64),
    }
}

/// Orders addresses as RFC 8305 section 4 asks: alternate families, starting with the first.
pub fn interleave(addrs: &[IpAddr]) -> Vec<IpAddr> {
    let Some(first) = addrs.first() else {
        return Vec::new();
    };
    let (mut same, mut other): (Vec<IpAddr>, Vec<IpAddr>) = addrs
        .iter()
        .copied()
        .partition(|a| a.is_ipv6() == first.is_ipv6());
    same.reverse();
    other.reverse();
    let mut out = Vec::with_capacity(addrs.len());
    loop {
        match (same.pop(), other.pop()) {
            (None, None) => break,
            (a, b) => {
                out.extend(a);
                out.extend(b);
            }
        }
    }
    out
}

/// Connects to the first address that answers.
pub async fn race(addrs: &[IpAddr], port: u16, deadline: Duration) -> Result<Won, Lost> {
    let order = interleave(addrs);
    let started = std::time::Instant::now();
    let mut next = 0usize;
    let attempt = |addr: SocketAddr| async move { (addr, TcpStream::connect(addr).await) };
    let mut pending = FuturesUnordered::new();
    let mut refused = 0usize;
    let mut unreachable: Option<io::Error> = None;
    let mut last_other: Option<io::Error> = None;
    let mut attempts: Vec<Attempt> = Vec::new();
    let mut last_failure: Option<(SocketAddr, String)> = None;
    let overall = tokio::time::sleep(deadline);
    tokio::pin!(overall);

    // Addresses started but not finished are recorded as unanswered.
    let settle = |mut attempts: Vec<Attempt>, started_upto: usize| {
        for ip in order.iter().take(started_upto) {
            if !attempts.iter().any(|a| a.addr == *ip) {
                attempts.push(Attempt {
                    addr: *ip,
                    result: AttemptResult::NoAnswer,
                    ms: None,
                });
            }
        }
        attempts
    };

    loop {
        if pending.is_empty() {
            let Some(ip) = order.get(next) else {
                break;
            };
            next += 1;
            let addr = SocketAddr::new(*ip, port);
            pending.push(attempt(addr));
        }
        let delay = tokio::time::sleep(ATTEMPT_DELAY);
        tokio::pin!(delay);
        tokio::select! {
            _ = &mut overall => {
                return Err(Lost {
                    error: ConnectError::TimedOut,
                    attempts: settle(attempts, next),
                    last_failure,
                });
            }
            Some((addr, result)) = pending.next() => {
                let ms = Some(started.elapsed().as_millis() as u64);
                match result {
                    Ok(stream) => {
                        let _ = stream.set_nodelay(true);
                        attempts.push(Attempt { addr: addr.ip(), result: AttemptResult::Connected, ms });
                        let attempts = settle(attempts, next);
                        return Ok(Won { stream, peer: addr, attempts });
                    }
                    Err(e) => {
                        attempts.push(Attempt { addr: addr.ip(), result: result_of(&e), ms });
                        last_failure = Some((addr, e.to_string()));
                        match e {
                            e if e.kind() == io::ErrorKind::ConnectionRefused => refused += 1,
                            e if is_unreachable(&e) => unreachable = Some(e),
                            e => last_other = Some(e),
                        }
                    }
                }
            },
            _ = &mut delay, if next < order.len() => {
                let addr = SocketAddr::new(order[next], port);
                next += 1;
                pending.push(attempt(addr));
            }
        }
        if pending.is_empty() && next >= order.len() {
            break;
        }
    }
    // A refusal proves a server host was reached: it says more than "no route" elsewhere.
    let error = match (refused, unreachable, last_other) {
        (0, _, Some(e)) => ConnectError::Other(e),
        (0, Some(e), None) => ConnectError::Unreachable(e),
        (0, None, None) => ConnectError::TimedOut,
        _ => ConnectError::Refused,
    };
    Err(Lost {
        error,
        attempts: settle(attempts, next),
        last_failure,
    })
}

/// Whether an error means there is no route to the address.
fn is_unreachable(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkDown
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_alternate_starting_with_the_first() {
        let a: Vec<IpAddr> = ["2001:db8::1", "2001:db8::2", "192.0.2.1", "192.0.2.2"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let order: Vec<String> = interleave(&a).iter().map(|a| a.to_string()).collect();
        assert_eq!(
            order,
            ["2001:db8::1", "192.0.2.1", "2001:db8::2", "192.0.2.2"]
        );
    }

    #[tokio::test]
    async fn a_refused_address_does_not_hide_a_working_one() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        // 127.0.0.3 has nothing listening on that port: refused at once.
        let addrs: Vec<IpAddr> = vec!["127.0.0.3".parse().unwrap(), "127.0.0.1".parse().unwrap()];
        let won = race(&addrs, port, Duration::from_secs(5)).await.unwrap();
        assert_eq!(won.peer.ip().to_string(), "127.0.0.1");
        // The refused address is remembered, with its own result.
        let refused = won.attempts.iter().find(|a| a.addr == addrs[0]).unwrap();
        assert_eq!(refused.result, AttemptResult::Refused);
    }

    #[tokio::test]
    async fn all_refused_is_refused() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let addrs: Vec<IpAddr> = vec!["127.0.0.1".parse().unwrap()];
        assert!(matches!(
            race(&addrs, port, Duration::from_secs(5)).await,
            Err(Lost {
                error: ConnectError::Refused,
                ..
            })
        ));
    }
}
