//! Network faults a laptop meets, on real test hosts: each test builds a client network
//! namespace `mst-<pid>-<case>` (and, where a server host is needed, `mst-<pid>-<case>-srv`,
//! joined by a veth pair on 10.99.0.0/24), runs the real `mailsetup diagnose` inside the client
//! namespace with `ip netns exec`, and removes the namespaces at the end, also when it fails.
//!
//! - no route to the network, a host that never answers ARP, an ICMP host/net unreachable from
//!   a firewall → `network_unreachable`, with advice about the connection;
//! - the DNS server unreachable → `dns_failed` ("check your connection"); a name server that
//!   answers NXDOMAIN → `dns_not_found`;
//! - a firewall that drops → `connection_timeout`; one that resets → `connection_refused`.
//!
//! Needs root (network namespaces), iproute2 (`ip`) and nftables (`nft`); `scripts/test`
//! installs both. The hosts are built by `support::netns`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::netns::{Lab, SERVER_IP, tool};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

impl Lab {
    /// `mailsetup diagnose` of `server` (HOST:PORT/SECURITY) inside the client host.
    fn diagnose(&self, server: &str, timeout_secs: u64) -> Diagnosed {
        let started = Instant::now();
        let out = Command::new(tool("ip"))
            .args([
                "netns",
                "exec",
                &self.client,
                BIN,
                "diagnose",
                "someone@example.test",
            ])
            .args(["--imap", server, "--password-env", "MST_NET_PW", "--json"])
            .args(["--timeout", &timeout_secs.to_string()])
            .env("MST_NET_PW", "not-sent-anywhere")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .output()
            .expect("run mailsetup in the client namespace");
        let took = started.elapsed();
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let doc: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let d = &doc["servers"][0]["outcome"]["diagnosis"];
        Diagnosed {
            cause: d["cause"].as_str().unwrap_or("").to_string(),
            step: d["step"].as_str().unwrap_or("").to_string(),
            advice: d["advice"].as_str().unwrap_or("").to_string(),
            took,
            json: stdout,
        }
    }
}

#[derive(Debug)]
struct Diagnosed {
    cause: String,
    step: String,
    advice: String,
    took: Duration,
    json: String,
}

impl Diagnosed {
    fn is(&self, cause: &str, step: &str, within: Duration) {
        eprintln!("{} at {} in {:?}", self.cause, self.step, self.took);
        assert_eq!(self.cause, cause, "{}", self.json);
        assert_eq!(self.step, step, "{}", self.json);
        assert!(self.took < within, "took {:?}: {}", self.took, self.json);
    }

    fn says_check_the_connection(&self) {
        assert!(
            self.advice.contains("Check your connection"),
            "{}",
            self.advice
        );
        assert!(!self.advice.contains("port"), "{}", self.advice);
    }
}

/// A TCP listener on the server host (the port is open, unless a firewall says otherwise).
fn listen(lab: &Lab, port: u16) -> TcpListener {
    lab.in_server(move || {
        TcpListener::bind(SocketAddr::from(([10, 99, 0, 2], port)))
            .expect("listen on the server host")
    })
}

#[test]
fn no_route_to_the_network_is_network_unreachable() {
    let lab = Lab::offline("noroute");
    let d = lab.diagnose("192.0.2.10:993/tls", 5);
    d.is("network_unreachable", "connect", Duration::from_secs(3));
    d.says_check_the_connection();
}

#[test]
fn a_host_that_never_answers_on_the_link_is_network_unreachable() {
    let lab = Lab::linked("noarp");
    // 10.99.0.77 is on the link but nobody has it: ARP fails after about 3 s.
    let d = lab.diagnose("10.99.0.77:993/tls", 10);
    d.is("network_unreachable", "connect", Duration::from_secs(9));
    d.says_check_the_connection();
}

#[test]
fn an_icmp_unreachable_from_a_firewall_is_network_unreachable() {
    let lab = Lab::linked("icmp");
    let _imaps = listen(&lab, 993);
    let _imap = listen(&lab, 143);
    lab.firewall(
        "  tcp dport 993 reject with icmp type host-unreachable\n  tcp dport 143 reject with icmp type net-unreachable",
    );
    for server in ["10.99.0.2:993/tls", "10.99.0.2:143/starttls"] {
        let d = lab.diagnose(server, 5);
        d.is("network_unreachable", "connect", Duration::from_secs(3));
        d.says_check_the_connection();
    }
}

#[test]
fn an_unreachable_dns_server_is_dns_failed() {
    let lab = Lab::offline("nodns");
    lab.resolv_conf("nameserver 192.0.2.53\noptions timeout:1 attempts:1\n");
    let d = lab.diagnose("imap.example.test:993/tls", 5);
    d.is("dns_failed", "resolve", Duration::from_secs(4));
    d.says_check_the_connection();
}

#[test]
fn a_dns_server_that_is_down_is_dns_failed_within_the_deadline() {
    let lab = Lab::linked("dnsdown");
    // On the link but switched off, with the resolver's default 5 s × 2 tries: the probe's
    // own resolve deadline ends it.
    lab.resolv_conf("nameserver 10.99.0.53\n");
    let d = lab.diagnose("imap.example.test:993/tls", 3);
    d.is("dns_failed", "resolve", Duration::from_secs(5));
    assert!(d.took >= Duration::from_millis(2900), "{:?}", d.took);
    d.says_check_the_connection();
}

/// Answers every DNS query with NXDOMAIN (RFC 1035 §4.1.1: QR set, RCODE 3, the question
/// echoed); counts the queries.
fn nxdomain_server(lab: &Lab) -> Arc<AtomicUsize> {
    let socket = lab.in_server(|| {
        UdpSocket::bind(SocketAddr::from(([10, 99, 0, 2], 53)))
            .expect("bind DNS on the server host")
    });
    let queries = Arc::new(AtomicUsize::new(0));
    let seen = queries.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        while let Ok((n, peer)) = socket.recv_from(&mut buf) {
            if n < 12 {
                continue;
            }
            // The question: labels up to the root label, then type and class.
            let mut end = 12;
            while end < n && buf[end] != 0 {
                end += 1 + buf[end] as usize;
            }
            end += 5;
            if end > n {
                continue;
            }
            seen.fetch_add(1, Ordering::SeqCst);
            let mut reply = buf[..end].to_vec();
            reply[2] = 0x80 | (buf[2] & 0x79); // QR, the query's opcode and RD
            reply[3] = 0x80 | 0x03; // RA, NXDOMAIN
            reply[6..12].fill(0); // no answers, authority or additional records
            let _ = socket.send_to(&reply, peer);
        }
    });
    queries
}

#[test]
fn a_name_the_dns_server_denies_is_dns_not_found() {
    let lab = Lab::linked("nxdomain");
    let queries = nxdomain_server(&lab);
    lab.resolv_conf(&format!(
        "nameserver {SERVER_IP}\noptions timeout:1 attempts:1\n"
    ));
    let d = lab.diagnose("imap.nowhere.test:993/tls", 5);
    d.is("dns_not_found", "resolve", Duration::from_secs(3));
    assert!(
        queries.load(Ordering::SeqCst) > 0,
        "the server host's DNS was asked"
    );
}

#[test]
fn a_firewall_that_drops_is_connection_timeout() {
    let lab = Lab::linked("drop");
    let _imaps = listen(&lab, 993);
    lab.firewall("  tcp dport 993 drop");
    let d = lab.diagnose("10.99.0.2:993/tls", 2);
    d.is("connection_timeout", "connect", Duration::from_secs(4));
    assert!(d.took >= Duration::from_millis(1900), "{:?}", d.took);
}

#[test]
fn a_firewall_that_resets_is_connection_refused() {
    let lab = Lab::linked("reset");
    let _imaps = listen(&lab, 993);
    lab.firewall("  tcp dport 993 reject with tcp reset");
    let d = lab.diagnose("10.99.0.2:993/tls", 5);
    d.is("connection_refused", "connect", Duration::from_secs(3));
}
