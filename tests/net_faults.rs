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
//! installs both. Servers inside the server namespace are sockets this process opens from a
//! thread that joined that namespace (`setns`); a socket stays in the namespace it was made in.

use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");
const CLIENT_IP: &str = "10.99.0.1";
const SERVER_IP: &str = "10.99.0.2";

/// A tool from iproute2 or nftables, or a failure naming the install step.
fn tool(name: &str) -> PathBuf {
    let path = std::env::var("PATH").unwrap_or_default();
    for dir in path.split(':').chain(["/usr/sbin", "/sbin", "/usr/bin"]) {
        let candidate = PathBuf::from(dir).join(name);
        if candidate.is_file() {
            return candidate;
        }
    }
    panic!(
        "`{name}` is missing: install it (Debian: apt-get install --no-install-recommends iproute2 nftables), or run scripts/test, which does"
    );
}

fn require_root() {
    // SAFETY: geteuid has no preconditions.
    let euid = unsafe { libc::geteuid() };
    assert_eq!(
        euid, 0,
        "the network fault tests build network namespaces and need root (CAP_SYS_ADMIN, CAP_NET_ADMIN): run them as root, e.g. via scripts/test in a container"
    );
}

/// Runs a command and fails the test with its output if it fails.
fn must(cmd: &mut Command, input: Option<&str>) {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    if let Some(text) = input {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(text.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Namespaces left behind by test processes that are gone (killed before their clean-up).
fn remove_stale_namespaces() {
    let Ok(out) = Command::new(tool("ip")).args(["netns", "list"]).output() else {
        return;
    };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        let Some(pid) = name
            .strip_prefix("mst-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if !PathBuf::from(format!("/proc/{pid}")).exists() {
            let _ = Command::new(tool("ip"))
                .args(["netns", "del", name])
                .status();
            let _ = std::fs::remove_dir_all(format!("/etc/netns/{name}"));
        }
    }
}

/// A client host and, optionally, a server host on one link; removed when dropped.
struct Lab {
    client: String,
    server: Option<String>,
}

impl Lab {
    /// A client namespace with only loopback: no network at all.
    fn offline(case: &str) -> Lab {
        require_root();
        remove_stale_namespaces();
        let client = format!("mst-{}-{case}", std::process::id());
        let lab = Lab {
            client,
            server: None,
        };
        lab.ip(&["netns", "add", &lab.client]);
        lab.ip(&["-n", &lab.client, "link", "set", "lo", "up"]);
        lab
    }

    /// A client namespace and a server namespace joined by a veth pair on 10.99.0.0/24.
    fn linked(case: &str) -> Lab {
        let mut lab = Lab::offline(case);
        let server = format!("{}-srv", lab.client);
        lab.ip(&["netns", "add", &server]);
        lab.server = Some(server.clone());
        let client = lab.client.clone();
        lab.ip(&[
            "link", "add", "mstc", "netns", &client, "type", "veth", "peer", "name", "msts",
            "netns", &server,
        ]);
        for (ns, dev, addr) in [(&client, "mstc", CLIENT_IP), (&server, "msts", SERVER_IP)] {
            lab.ip(&["-n", ns, "addr", "add", &format!("{addr}/24"), "dev", dev]);
            lab.ip(&["-n", ns, "link", "set", dev, "up"]);
            lab.ip(&["-n", ns, "link", "set", "lo", "up"]);
        }
        lab
    }

    fn ip(&self, args: &[&str]) {
        must(Command::new(tool("ip")).args(args), None);
    }

    fn server(&self) -> &str {
        self.server.as_deref().expect("a lab with a server host")
    }

    /// Loads an nftables input chain into the server host (a firewall in front of it).
    fn firewall(&self, rules: &str) {
        let script = format!(
            "table inet mst {{\n chain input {{\n  type filter hook input priority 0; policy accept;\n{rules}\n }}\n}}\n"
        );
        must(
            Command::new(tool("ip"))
                .args(["netns", "exec", self.server()])
                .arg(tool("nft"))
                .args(["-f", "-"]),
            Some(&script),
        );
    }

    /// The client's /etc/resolv.conf (`ip netns exec` mounts /etc/netns/NAME/resolv.conf).
    fn resolv_conf(&self, text: &str) {
        let dir = PathBuf::from(format!("/etc/netns/{}", self.client));
        std::fs::create_dir_all(&dir).expect("create /etc/netns/NAME");
        std::fs::write(dir.join("resolv.conf"), text).expect("write resolv.conf");
    }

    /// Runs `f` on a thread that joined the server host's network namespace (sockets made
    /// there stay there).
    fn in_server<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> T {
        let path = format!("/var/run/netns/{}", self.server());
        std::thread::spawn(move || {
            let ns = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            // SAFETY: setns on a valid namespace descriptor; it changes only this thread.
            let rc = unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) };
            assert_eq!(rc, 0, "setns: {}", std::io::Error::last_os_error());
            f()
        })
        .join()
        .expect("the server-namespace thread")
    }

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

impl Drop for Lab {
    fn drop(&mut self) {
        for ns in [Some(&self.client), self.server.as_ref()]
            .into_iter()
            .flatten()
        {
            let _ = Command::new(tool("ip")).args(["netns", "del", ns]).status();
        }
        let _ = std::fs::remove_dir_all(format!("/etc/netns/{}", self.client));
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
