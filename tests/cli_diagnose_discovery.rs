//! `mailsetup diagnose EMAIL` with no server flags, through the real binary: it discovers the
//! servers (here from RFC 6186 SRV records on the loopback DNS server), verifies them against
//! the real Dovecot (behind a TLS relay holding certificates for the discovered names) and
//! reports where each server came from. A wrong password fails with `auth_failed` after one
//! sign-in per server.

mod netsupport;
mod support;

use std::net::SocketAddr;
use std::process::{Command, Output};

use netsupport::proxy::TlsRelay;
use netsupport::{LOOPBACK, Net};
use support::{dovecot, pki};

async fn run(args: Vec<String>, password: &str) -> Output {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mailsetup"))
            .args(&args)
            .env("MS_PW", &password)
            .env_remove("RUST_LOG")
            .output()
            .expect("run mailsetup")
    })
    .await
    .unwrap()
}

/// SRV records for example.test pointing at relays in front of Dovecot's IMAP and SMTP.
async fn srv_setup(net: &Net) -> (TlsRelay, TlsRelay) {
    let d = dovecot();
    let relay = |upstream: SocketAddr| {
        TlsRelay::start(
            SocketAddr::new(LOOPBACK.into(), 0),
            &net.ca,
            upstream,
            "localhost",
            pki().ca_der.clone(),
        )
    };
    let imap = relay(d.imaps.addr()).await.expect("IMAP relay");
    let smtp = relay(d.submissions.addr()).await.expect("SMTP relay");
    net.dns.srv(
        "_imaps._tcp.example.test",
        0,
        1,
        imap.addr.port(),
        "imap.srv.test",
    );
    net.dns.srv(
        "_submissions._tcp.example.test",
        0,
        1,
        smtp.addr.port(),
        "smtp.srv.test",
    );
    for h in ["imap.srv.test", "smtp.srv.test"] {
        net.dns.a(h, LOOPBACK);
    }
    (imap, smtp)
}

fn diagnose_args(net: &Net, extra: &[&str]) -> Vec<String> {
    let mut a: Vec<String> = [
        "diagnose",
        &dovecot().alice.address,
        "--password-env",
        "MS_PW",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    a.extend(extra.iter().map(|s| s.to_string()));
    a.extend(net.cli_args());
    a
}

#[tokio::test]
async fn diagnose_without_servers_discovers_and_verifies() {
    let net = Net::start().await;
    let _relays = srv_setup(&net).await;
    let out = run(
        diagnose_args(&net, &["--json", "--timeout", "5"]),
        &dovecot().alice.password,
    )
    .await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["verified"], true);
    let hosts: Vec<&str> = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["server"]["host"].as_str().unwrap())
        .collect();
    assert_eq!(hosts, ["imap.srv.test", "smtp.srv.test"]);
    assert!(doc["discovery"]["candidates"].as_array().unwrap().len() >= 2);
    support::assert_no_secret(
        "stdout",
        &stdout,
        &dovecot().alice.address,
        &dovecot().alice.password,
    );

    // The text report says where the servers came from.
    let out = run(
        diagnose_args(&net, &["--timeout", "5"]),
        &dovecot().alice.password,
    )
    .await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("imap.srv.test:") && text.contains("found by"),
        "{text}"
    );
}

#[tokio::test]
async fn a_wrong_password_is_auth_failed_after_one_sign_in_per_server() {
    let net = Net::start().await;
    let _relays = srv_setup(&net).await;
    let out = run(
        diagnose_args(&net, &["--json", "--timeout", "5"]),
        "not the password",
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for server in doc["servers"].as_array().unwrap() {
        assert_eq!(
            server["outcome"]["diagnosis"]["cause"], "auth_failed",
            "{server:#}"
        );
    }
}
