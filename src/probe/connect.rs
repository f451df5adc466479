//! Opening the TCP connection: all addresses of a name, raced "happy eyeballs" style
//! (RFC 8305: families interleaved, a new attempt every 250 ms or as soon as one fails, the
//! first to connect wins, the rest are dropped), all under one deadline.
//!
//! How it fails, by the operating system's error kind: every address refused (RST, a firewall
//! that rejects with a reset) → `Refused`; no route to any address (ENETUNREACH, EHOSTUNREACH:
//! no network, no default route, a host that does not answer ARP, an ICMP unreachable) →
//! `Unreachable`; nothing answered before the deadline (a firewall that drops) → `TimedOut`.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use tokio::net::TcpStream;

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
pub async fn race(
    addrs: &[IpAddr],
    port: u16,
    deadline: Duration,
) -> Result<(TcpStream, SocketAddr), ConnectError> {
    let order = interleave(addrs);
    let mut next = 0usize;
    let attempt = |addr: SocketAddr| async move { (addr, TcpStream::connect(addr).await) };
    let mut pending = FuturesUnordered::new();
    let mut refused = 0usize;
    let mut unreachable: Option<io::Error> = None;
    let mut last_other: Option<io::Error> = None;
    let overall = tokio::time::sleep(deadline);
    tokio::pin!(overall);

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
            _ = &mut overall => return Err(ConnectError::TimedOut),
            Some((addr, result)) = pending.next() => match result {
                Ok(stream) => {
                    let _ = stream.set_nodelay(true);
                    return Ok((stream, addr));
                }
                Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => refused += 1,
                Err(e) if is_unreachable(&e) => unreachable = Some(e),
                Err(e) => last_other = Some(e),
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
    match (refused, unreachable, last_other) {
        (0, _, Some(e)) => Err(ConnectError::Other(e)),
        (0, Some(e), None) => Err(ConnectError::Unreachable(e)),
        (0, None, None) => Err(ConnectError::TimedOut),
        _ => Err(ConnectError::Refused),
    }
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
        let (_, addr) = race(&addrs, port, Duration::from_secs(5)).await.unwrap();
        assert_eq!(addr.ip().to_string(), "127.0.0.1");
    }

    #[tokio::test]
    async fn all_refused_is_refused() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let addrs: Vec<IpAddr> = vec!["127.0.0.1".parse().unwrap()];
        assert!(matches!(
            race(&addrs, port, Duration::from_secs(5)).await,
            Err(ConnectError::Refused)
        ));
    }
}
