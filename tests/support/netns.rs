//! Test hosts in network namespaces (needs root, iproute2 and nftables): a client host
//! `mst-<pid>-<case>` and, where needed, a server host `<client>-srv`, joined by a veth pair
//! on 10.99.0.0/24 and fd99::/64, with an nftables filter in front of the server host; a
//! command runs inside the client host with `ip netns exec`, sockets of the server host are
//! made on a thread that joined its namespace. Everything is removed when the `Lab` drops.
//! `forward` makes a server-host port a doorway to a real loopback server (the test Dovecot).

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub const CLIENT_IP: &str = "10.99.0.1";
pub const SERVER_IP: &str = "10.99.0.2";
pub const CLIENT_IP6: &str = "fd99::1";
pub const SERVER_IP6: &str = "fd99::2";

/// A tool from iproute2 or nftables, or a failure naming the install step.
pub fn tool(name: &str) -> PathBuf {
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

pub fn require_root() {
    // SAFETY: geteuid has no preconditions.
    let euid = unsafe { libc::geteuid() };
    assert_eq!(
        euid, 0,
        "the network fault tests build network namespaces and need root (CAP_SYS_ADMIN, CAP_NET_ADMIN): run them as root, e.g. via scripts/test in a container"
    );
}

/// Runs a command and fails the test with its output if it fails.
pub fn must(cmd: &mut Command, input: Option<&str>) {
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
pub struct Lab {
    pub client: String,
    pub server: Option<String>,
}

impl Lab {
    /// A client namespace with only loopback: no network at all.
    pub fn offline(case: &str) -> Lab {
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
    pub fn linked(case: &str) -> Lab {
        let mut lab = Lab::offline(case);
        let server = format!("{}-srv", lab.client);
        lab.ip(&["netns", "add", &server]);
        lab.server = Some(server.clone());
        let client = lab.client.clone();
        lab.ip(&[
            "link", "add", "mstc", "netns", &client, "type", "veth", "peer", "name", "msts",
            "netns", &server,
        ]);
        for (ns, dev, addr, addr6) in [
            (&client, "mstc", CLIENT_IP, CLIENT_IP6),
            (&server, "msts", SERVER_IP, SERVER_IP6),
        ] {
            lab.ip(&["-n", ns, "addr", "add", &format!("{addr}/24"), "dev", dev]);
            // nodad: usable at once, without duplicate address detection's wait.
            lab.ip(&[
                "-n",
                ns,
                "addr",
                "add",
                &format!("{addr6}/64"),
                "dev",
                dev,
                "nodad",
            ]);
            lab.ip(&["-n", ns, "link", "set", dev, "up"]);
            lab.ip(&["-n", ns, "link", "set", "lo", "up"]);
        }
        lab
    }

    pub fn ip(&self, args: &[&str]) {
        must(Command::new(tool("ip")).args(args), None);
    }

    pub fn server(&self) -> &str {
        self.server.as_deref().expect("a lab with a server host")
    }

    /// Loads an nftables input chain into the server host (a firewall in front of it).
    pub fn firewall(&self, rules: &str) {
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
    pub fn resolv_conf(&self, text: &str) {
        let dir = PathBuf::from(format!("/etc/netns/{}", self.client));
        std::fs::create_dir_all(&dir).expect("create /etc/netns/NAME");
        std::fs::write(dir.join("resolv.conf"), text).expect("write resolv.conf");
    }

    /// Runs `f` on a thread that joined the server host's network namespace (sockets made
    /// there stay there).
    pub fn in_server<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> T {
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

    /// A command run inside the client host.
    pub fn client_command(&self, program: &str) -> Command {
        let mut cmd = Command::new(tool("ip"));
        cmd.args(["netns", "exec", &self.client, program]);
        cmd
    }

    /// Runs `f` on a thread inside the client host's network namespace; threads it starts
    /// (a tokio runtime's workers) are inside it too.
    pub fn in_client<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> T {
        let path = format!("/var/run/netns/{}", self.client);
        std::thread::spawn(move || {
            join_namespace(&path);
            f()
        })
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
    }

    /// A listener on the server host at `addr` (IPv4 or IPv6 of the server) whose
    /// connections are passed on to `target` on this machine's loopback.
    pub fn forward(&self, addr: SocketAddr, target: SocketAddr) {
        let listener = self.in_server(move || {
            TcpListener::bind(addr).unwrap_or_else(|e| panic!("listen on {addr}: {e}"))
        });
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(inside) = conn else { continue };
                // This thread is in the test's own namespace: the connection goes to loopback.
                let Ok(outside) = TcpStream::connect(target) else {
                    continue;
                };
                for (mut from, mut to) in [
                    (
                        inside.try_clone().expect("clone"),
                        outside.try_clone().expect("clone"),
                    ),
                    (outside, inside),
                ] {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Write);
                    });
                }
            }
        });
    }
}

/// Moves this thread into the network namespace at `path`.
fn join_namespace(path: &str) {
    let ns = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // SAFETY: setns on a valid namespace descriptor; it changes only this thread.
    let rc = unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) };
    assert_eq!(rc, 0, "setns: {}", std::io::Error::last_os_error());
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
