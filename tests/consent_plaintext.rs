//! Plaintext consent is per host (issue 20 §5): `--allow-plaintext HOST` lets the password
//! go unencrypted to that host only, so a second server (a fallback, another protocol) on
//! another host never gets it in clear on a consent given for the first. The flag alone
//! covers the hosts given with --imap/--pop3/--smtp and nothing discovered. Scripted
//! plaintext servers on loopback record every line they receive.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;
mod support;

use std::process::Command;

use netsupport::{LOOPBACK, Net, Reply};

use mailsetup::account::Protocol;
use support::script::{Script, StartTls};

const PW: &str = "hunter2-plain-test";

fn mailsetup(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(args)
        .env("MST_PW", PW)
        .env_remove("RUST_LOG")
        .output()
        .expect("run mailsetup");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_consent_for_one_host_does_not_send_the_password_in_clear_to_another() {
    let imap = Script::new(Protocol::Imap)
        .plaintext(StartTls::NotOffered)
        .start();
    let pop3 = Script::new(Protocol::Pop3)
        .plaintext(StartTls::NotOffered)
        .start();
    let imap_at = format!("127.0.0.1:{}/plain", imap.port);
    // Another host name for the same loopback address: another host to the consent.
    let pop3_at = format!("localhost:{}/plain", pop3.port);
    let (code, stdout, stderr) = mailsetup(&[
        "diagnose",
        "a@example.test",
        "--imap",
        &imap_at,
        "--pop3",
        &pop3_at,
        "--password-env",
        "MST_PW",
        "--allow-plaintext",
        "127.0.0.1",
        "--timeout",
        "5",
        "--json",
    ]);
    assert!(!stdout.contains(PW) && !stderr.contains(PW));
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert_eq!(imap.sign_in_attempts(), 1, "{:?}", imap.received());
    assert_eq!(
        pop3.sign_in_attempts(),
        0,
        "the password went in clear to a host nobody consented for: {:?}",
        pop3.received()
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let pop = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["server"]["protocol"] == "pop3")
        .unwrap();
    assert_eq!(
        pop["outcome"]["diagnosis"]["cause"], "insecure_connection_refused",
        "{pop:#}"
    );
}

#[test]
fn the_bare_flag_covers_the_hosts_given_and_is_refused_for_discovered_ones() {
    let imap = Script::new(Protocol::Imap)
        .plaintext(StartTls::NotOffered)
        .start();
    let imap_at = format!("127.0.0.1:{}/plain", imap.port);
    let (code, stdout, stderr) = mailsetup(&[
        "diagnose",
        "a@example.test",
        "--imap",
        &imap_at,
        "--password-env",
        "MST_PW",
        "--allow-plaintext",
        "--timeout",
        "5",
    ]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert_eq!(imap.sign_in_attempts(), 1);
    // Without server flags the servers would be discovered: the consent must name a host.
    let (code, stdout, stderr) = mailsetup(&[
        "diagnose",
        "a@example.test",
        "--password-env",
        "MST_PW",
        "--allow-plaintext",
        "--timeout",
        "5",
    ]);
    assert_eq!(code, 2, "{stdout}\n{stderr}");
    assert!(stderr.contains("--allow-plaintext HOST"), "{stderr}");
    // A host that is not a host name is refused, quoted.
    let (code, _, stderr) = mailsetup(&[
        "diagnose",
        "a@example.test",
        "--imap",
        &imap_at,
        "--password-env",
        "MST_PW",
        "--allow-plaintext",
        "x; rm -rf ~",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("'x; rm -rf ~'"), "{stderr}");
}

/// Discovery names two plaintext IMAP servers in the domain; the first, the one consented
/// for, does not answer, so verification falls back to the second — which must not get the
/// password in clear on the first one's consent.
#[tokio::test]
async fn a_discovered_fallback_does_not_ride_on_another_hosts_plaintext_consent() {
    let net = Net::start().await;
    let second = Script::new(Protocol::Imap)
        .plaintext(StartTls::NotOffered)
        .start();
    let closed = support::faults::refused_port();
    for h in [
        "autoconfig.example.test",
        "mail1.example.test",
        "mail2.example.test",
    ] {
        net.dns.a(h, LOOPBACK);
    }
    let server = |tag: &str, kind: &str, host: &str, port: u16| {
        format!(
            "<{tag} type=\"{kind}\"><hostname>{host}</hostname><port>{port}</port>\
             <socketType>plain</socketType><username>%EMAILADDRESS%</username>\
             <authentication>password-cleartext</authentication></{tag}>"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\"?><clientConfig version=\"1.1\"><emailProvider id=\"example.test\">\
         <domain>example.test</domain>{}{}{}</emailProvider></clientConfig>",
        server("incomingServer", "imap", "mail1.example.test", closed),
        server("incomingServer", "imap", "mail2.example.test", second.port),
        server("outgoingServer", "smtp", "mail1.example.test", closed),
    );
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml),
    );
    let mut args: Vec<String> = [
        "diagnose",
        "a@example.test",
        "--password-env",
        "MST_PW",
        "--allow-plaintext",
        "mail1.example.test",
        "--timeout",
        "5",
        "--json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(net.cli_args());
    let (code, stdout, stderr) = tokio::task::spawn_blocking(move || {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        mailsetup(&a)
    })
    .await
    .unwrap();
    assert!(!stdout.contains(PW) && !stderr.contains(PW));
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(
        second.connections() > 0,
        "the fallback was not tried at all: {stdout}"
    );
    assert_eq!(
        second.sign_in_attempts(),
        0,
        "the fallback got the password in clear: {:?}",
        second.received()
    );
}
