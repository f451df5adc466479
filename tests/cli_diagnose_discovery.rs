//! `mailsetup diagnose EMAIL` with no server flags, through the real binary: it discovers the
//! servers (here from RFC 6186 SRV records on the loopback DNS server), verifies them against
//! the real Dovecot (behind a TLS relay holding certificates for the discovered names) and
//! reports where each server came from. A wrong password fails with `auth_failed` after one
//! sign-in per server. The SRV targets lie outside example.test, so they are signed in to
//! only with `--trust-host` (RFC 6186 §6); without it the relays see no sign-in at all.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

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
    srv_setup_for(net, "imap.srv.test").await
}

/// The same, with the IMAP SRV record pointing at `imap_target`.
async fn srv_setup_for(net: &Net, imap_target: &str) -> (TlsRelay, TlsRelay) {
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
        imap_target,
    );
    net.dns.srv(
        "_submissions._tcp.example.test",
        0,
        1,
        smtp.addr.port(),
        "smtp.srv.test",
    );
    for h in [imap_target, "smtp.srv.test"] {
        net.dns.a(h, LOOPBACK);
    }
    (imap, smtp)
}

/// `--trust-host` for both SRV targets (one flag each: `--trust-host=HOST`).
const TRUST_IMAP: &str = "--trust-host=imap.srv.test";
const TRUST_SMTP: &str = "--trust-host=SMTP.srv.test.";

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
        diagnose_args(&net, &["--json", "--timeout", "5", TRUST_IMAP, TRUST_SMTP]),
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
        diagnose_args(&net, &["--timeout", "5", TRUST_IMAP, TRUST_SMTP]),
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
        diagnose_args(&net, &["--json", "--timeout", "5", TRUST_IMAP, TRUST_SMTP]),
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

#[tokio::test]
async fn srv_targets_outside_the_domain_get_no_sign_in_without_trust_host() {
    let net = Net::start().await;
    let (imap, smtp) = srv_setup(&net).await;
    let out = run(
        diagnose_args(&net, &["--timeout", "5"]),
        &dovecot().alice.password,
    )
    .await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // Reported, named with how it was found, and the flag that confirms it.
    assert!(
        text.contains("not signed in to IMAP imap.srv.test:")
            && text.contains(
                "Mail for example.test is handled by imap.srv.test — found in \
                              example.test's DNS service (SRV) records, not confirmed by \
                              example.test."
            )
            && text.contains("--trust-host imap.srv.test")
            && text.contains("--trust-host smtp.srv.test"),
        "{text}"
    );
    // The servers never saw a sign-in (nor, here, a connection).
    assert!(!imap.saw_sign_in() && !smtp.saw_sign_in());
    assert_eq!(imap.connections() + smtp.connections(), 0);
    support::assert_no_secret(
        "stdout",
        &text,
        &dovecot().alice.address,
        &dovecot().alice.password,
    );

    // Confirming only the IMAP host signs in there, and still not to the SMTP host.
    let out = run(
        diagnose_args(&net, &["--json", "--timeout", "5", TRUST_IMAP]),
        &dovecot().alice.password,
    )
    .await;
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["verified"], false, "{doc:#}");
    assert_eq!(doc["servers"][0]["server"]["host"], "imap.srv.test");
    assert_eq!(doc["unconfirmed"][0]["candidate"]["host"], "smtp.srv.test");
    assert_eq!(
        doc["unconfirmed"][0]["candidate"]["vouch"]["kind"],
        "unvouched"
    );
    assert!(imap.saw_sign_in() && !smtp.saw_sign_in());
}

#[tokio::test]
async fn srv_targets_inside_the_domain_need_no_confirmation() {
    let net = Net::start().await;
    let (imap, _smtp) = srv_setup_for(&net, "imap.example.test").await;
    let out = run(
        diagnose_args(&net, &["--json", "--timeout", "5", TRUST_SMTP]),
        &dovecot().alice.password,
    )
    .await;
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["verified"], true, "{doc:#}");
    assert!(imap.saw_sign_in());
}

#[tokio::test]
async fn when_the_vouched_host_fails_its_tls_check_the_fallback_does_not_move_off_the_domain() {
    use mailsetup::account::Protocol;
    let net = Net::start().await;
    let (relay, _smtp) = srv_setup(&net).await;
    // Best by SRV priority: imap.example.test, in the domain, whose certificate is not from
    // a CA this run trusts; the relay on imap.srv.test has a valid one but lies elsewhere.
    let bad = support::script::Script::new(Protocol::Imap)
        .cert(&pki().wrong_name)
        .start();
    net.dns.srv(
        "_imaps._tcp.example.test",
        0,
        100,
        bad.port,
        "imap.example.test",
    );
    net.dns.a("imap.example.test", LOOPBACK);
    let out = run(
        diagnose_args(&net, &["--json", "--timeout", "5", TRUST_SMTP]),
        &dovecot().alice.password,
    )
    .await;
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{doc:#}");
    let imap = &doc["servers"][0];
    assert_eq!(imap["server"]["host"], "imap.example.test", "{doc:#}");
    assert_eq!(imap["outcome"]["diagnosis"]["step"], "tls", "{imap:#}");
    assert_eq!(doc["unconfirmed"][0]["candidate"]["host"], "imap.srv.test");
    assert_eq!(bad.sign_in_attempts(), 0);
    assert!(!relay.saw_sign_in(), "{}", relay.received());
    assert_eq!(relay.connections(), 0);

    // Confirmed, the fallback may go there, and it signs in.
    let out = run(
        diagnose_args(&net, &["--json", "--timeout", "5", TRUST_SMTP, TRUST_IMAP]),
        &dovecot().alice.password,
    )
    .await;
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["verified"], true, "{doc:#}");
    assert_eq!(doc["servers"][0]["server"]["host"], "imap.srv.test");
    assert!(relay.saw_sign_in());
    assert_eq!(bad.sign_in_attempts(), 0);
}
