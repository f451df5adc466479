//! The network doctor on real test hosts (network namespaces, an nftables filter in front of
//! the server host, the real Dovecot behind it): what a laptop meets on a bad network, and
//! what the report, the JSON and the window say about it.
//!
//! - a name with IPv6 and IPv4 addresses whose IPv6 is dropped: the test passes, with the
//!   warning "IPv6 to this server does not answer; IPv4 works" in the JSON, the text and
//!   Markdown reports and the window; both dropped: the failure names each family;
//! - port 587 dropped while 465 answers: `port_blocked`, naming 465 (CLI JSON and window);
//!   both dropped: `connection_timeout`, saying 465 does not answer either.
//!
//! Needs root, iproute2 and nftables (`scripts/test` installs them).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::net::SocketAddr;
use std::process::{Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use gui_common::{app, click, fence, fill, step_until};
use mailsetup::account::{Protocol, Security};
use mailsetup::net::{OverrideResolver, SystemResolver};
use mailsetup::probe::{Cause, WarningCode};
use mailsetup::runtime::RuntimeConfig;
use serde_json::Value;
use support::dovecot;
use support::netns::{Lab, SERVER_IP, SERVER_IP6};

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

fn server_addr(ip: &str, port: u16) -> SocketAddr {
    SocketAddr::new(ip.parse().unwrap(), port)
}

/// A server host whose ports are doorways to the test Dovecot: 993 (IMAP, TLS) on IPv4 and
/// IPv6, 465 (submission, TLS) and 587 on IPv4.
fn dovecot_host(case: &str) -> Lab {
    let d = dovecot();
    let lab = Lab::linked(case);
    for ip in [SERVER_IP, SERVER_IP6] {
        lab.forward(server_addr(ip, 993), d.imaps.addr());
    }
    lab.forward(server_addr(SERVER_IP, 465), d.submissions.addr());
    lab.forward(server_addr(SERVER_IP, 587), d.submissions.addr());
    lab
}

/// `mailsetup diagnose` inside the client host; `localhost` (the name on Dovecot's
/// certificate) resolves to the server host's addresses given.
fn diagnose(lab: &Lab, flag: &str, server: &str, addrs: &[&str], extra: &[&str]) -> Output {
    let d = dovecot();
    let mut cmd = lab.client_command(BIN);
    cmd.args(["diagnose", &d.alice.address, flag, server])
        .args(["--password-env", "MST_NET_PW", "--timeout", "2"])
        .arg("--ca-file")
        .arg(&d.ca_file)
        .args(["--connectivity-url", "off"]);
    for a in addrs {
        cmd.args(["--resolve", &format!("localhost={a}")]);
    }
    cmd.args(extra)
        .env("MST_NET_PW", &d.alice.password)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null());
    let out = cmd.output().expect("run mailsetup in the client host");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    support::assert_no_secret("diagnose output", &all, &d.alice.address, &d.alice.password);
    out
}

fn json(out: &Output) -> Value {
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn dead_ipv6_with_working_ipv4_passes_with_a_warning_everywhere() {
    let lab = dovecot_host("v6dead");
    lab.firewall("  meta nfproto ipv6 tcp dport 993 drop");
    let addrs = [SERVER_IP6, SERVER_IP];
    let started = Instant::now();
    let doc = json(&diagnose(
        &lab,
        "--imap",
        "localhost:993/tls",
        &addrs,
        &["--json"],
    ));
    let took = started.elapsed();
    let s = &doc["servers"][0];
    assert_eq!(s["outcome"]["status"], "verified", "{doc:#}");
    assert_eq!(s["warnings"][0]["code"], "ipv6_not_working", "{doc:#}");
    let text = s["warnings"][0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("IPv6 to this server does not answer (fd99::2); IPv4 works."),
        "{text}"
    );
    let families = s["server_facts"]["families"].as_array().unwrap();
    assert_eq!(families.len(), 2, "{doc:#}");
    assert_eq!(families[0]["family"], "ipv6");
    assert_eq!(families[0]["result"], "no_answer");
    assert_eq!(families[1]["result"], "connected");
    // The other family is waited for at most the connect deadline (2 s here).
    assert!(took < Duration::from_secs(6), "{took:?}");

    let out = diagnose(&lab, "--imap", "localhost:993/tls", &addrs, &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("WARNING  IPv6 to this server does not answer"),
        "{text}"
    );
    let out = diagnose(&lab, "--imap", "localhost:993/tls", &addrs, &["--markdown"]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("**Warning:** IPv6 to this server does not answer"),
        "{md}"
    );
}

#[test]
fn when_neither_family_answers_the_failure_names_both() {
    let lab = dovecot_host("v6v4dead");
    lab.firewall("  tcp dport 993 drop\n  tcp dport 143 drop");
    let doc = json(&diagnose(
        &lab,
        "--imap",
        "localhost:993/tls",
        &[SERVER_IP6, SERVER_IP],
        &["--json"],
    ));
    let d = &doc["servers"][0]["outcome"]["diagnosis"];
    assert_eq!(d["cause"], "connection_timeout", "{doc:#}");
    let summary = d["summary"].as_str().unwrap();
    assert!(
        summary.ends_with("(IPv6 does not answer; IPv4 does not answer.)"),
        "{summary}"
    );
    let advice = d["advice"].as_str().unwrap();
    assert!(
        advice.ends_with("Port 143 of the same server does not answer either."),
        "{advice}"
    );
}

#[test]
fn a_dropped_587_with_465_answering_names_465() {
    let lab = dovecot_host("587drop");
    lab.firewall("  tcp dport 587 drop");
    let started = Instant::now();
    let doc = json(&diagnose(
        &lab,
        "--smtp",
        "localhost:587/starttls",
        &[SERVER_IP],
        &["--json"],
    ));
    let took = started.elapsed();
    let d = &doc["servers"][0]["outcome"]["diagnosis"];
    assert_eq!(d["cause"], "port_blocked", "{doc:#}");
    assert_eq!(d["step"], "connect");
    assert_eq!(
        d["summary"],
        "Port 587 is blocked on this network (no answer); port 465 on the same server works."
    );
    assert!(
        d["advice"]
            .as_str()
            .unwrap()
            .starts_with("Change the port to 465 with SSL/TLS security."),
        "{doc:#}"
    );
    // The check of 465 is a step of its own, with the server's greeting, and no password.
    let steps = doc["servers"][0]["steps"].as_array().unwrap();
    let check = steps
        .iter()
        .find(|s| s["kind"] == "network_check")
        .expect("a network check step");
    assert!(
        check["detail"]
            .as_str()
            .unwrap()
            .contains("port 465 (TLS) of the same server answers: 220"),
        "{check:#}"
    );
    assert!(took < Duration::from_secs(7), "{took:?}");

    // Both dropped: the cause stays, and the advice says the other port is silent too.
    lab.firewall("  tcp dport 465 drop");
    let doc = json(&diagnose(
        &lab,
        "--smtp",
        "localhost:587/starttls",
        &[SERVER_IP],
        &["--json"],
    ));
    let d = &doc["servers"][0]["outcome"]["diagnosis"];
    assert_eq!(d["cause"], "connection_timeout", "{doc:#}");
    assert!(
        d["advice"]
            .as_str()
            .unwrap()
            .ends_with("Port 465 of the same server does not answer either."),
        "{doc:#}"
    );
}

#[test]
fn the_window_shows_the_ipv6_warning_and_the_blocked_port() {
    let lab = dovecot_host("gui");
    lab.firewall("  meta nfproto ipv6 tcp dport 993 drop\n  tcp dport 587 drop");
    let d = dovecot();
    let roots = mailsetup::trust::pem::read_certificates(&d.ca_file).expect("test CA");
    let (address, password) = (d.alice.address.clone(), d.alice.password.clone());
    // The whole window, runtime included, runs inside the client host.
    lab.in_client(move || {
        let mut config = RuntimeConfig::new(roots).expect("trust");
        fence(&mut config);
        config.probe.timeouts = mailsetup::probe::Timeouts::uniform(Duration::from_secs(2));
        let mut resolver = OverrideResolver::new(Arc::new(SystemResolver));
        for ip in [SERVER_IP6, SERVER_IP] {
            resolver.insert("localhost", ip.parse().unwrap());
        }
        config.probe.resolver = Arc::new(resolver);
        let mut h = app(config);
        h.run_steps(2);
        fill(&mut h, "Email address", &address);
        fill(&mut h, "Password", &password);
        click(&mut h, "Set up manually");
        fill(&mut h, "Incoming server", "localhost");
        fill(&mut h, "Incoming port", "993");
        fill(&mut h, "Outgoing server", "localhost");
        fill(&mut h, "Outgoing port", "587");
        click(&mut h, "Test settings");
        step_until(&mut h, Duration::from_secs(30), "tests finish", |a| {
            let w = a.wizard();
            w.tests().count() == 2 && !w.testing()
        });
        let w = h.state().wizard();
        let tests: Vec<_> = w.tests().collect();
        let incoming = tests
            .iter()
            .find(|t| t.server.protocol == Protocol::Imap)
            .unwrap();
        let outgoing = tests
            .iter()
            .find(|t| t.server.protocol == Protocol::Smtp)
            .unwrap();
        assert!(incoming.is_verified(), "{:?}", incoming.report);
        let warnings = &incoming.report.as_ref().unwrap().warnings;
        assert_eq!(warnings[0].code, WarningCode::Ipv6NotWorking);
        assert_eq!(outgoing.cause(), Some(Cause::PortBlocked));
        assert_eq!(outgoing.server.security, Security::Tls);
        h.get_by_label_contains("Warning: IPv6 to this server does not answer");
        h.get_by_label_contains("Port 587 is blocked on this network");
        h.get_by_label_contains("Change the port to 465");
        // The way forward is one click: the other port with its security.
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Try TLS on port 465");
    });
}
