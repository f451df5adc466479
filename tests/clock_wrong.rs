//! A wrong clock, for real: the binary runs under `faketime` (Debian package `faketime`)
//! three years ahead and three years behind, discovers the servers from an autoconfig file
//! on the loopback HTTPS server (whose certificate is valid for decades, and whose `Date`
//! header carries the real time), and tests the real Dovecot, whose certificate is valid for
//! a month around the real time. The certificate then looks expired (or not yet valid) by
//! this computer's clock, while the HTTPS answer's `Date` says otherwise: `clock_wrong`, with
//! both times in the advice. The same run without faketime verifies.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;
mod support;

use std::process::{Command, Output};

use netsupport::{LOOPBACK, Net, Reply, config_xml};
use support::{dovecot, pki};

/// The binary, optionally under `faketime OFFSET` (monotonic time left alone).
async fn run(faked: Option<&str>, args: Vec<String>, password: &str) -> Output {
    let password = password.to_string();
    let faked = faked.map(str::to_string);
    tokio::task::spawn_blocking(move || {
        let bin = env!("CARGO_BIN_EXE_mailsetup");
        let mut cmd = match &faked {
            Some(offset) => {
                let found = Command::new("faketime").arg("--version").output();
                assert!(
                    found.is_ok(),
                    "faketime is missing: install it with `apt-get install faketime` (Debian) — scripts/test does"
                );
                let mut c = Command::new("faketime");
                c.arg("-f").arg(offset).arg(bin);
                c.env("FAKETIME_DONT_FAKE_MONOTONIC", "1");
                c
            }
            None => Command::new(bin),
        };
        cmd.args(&args)
            .env("MS_PW", &password)
            .env_remove("RUST_LOG")
            .output()
            .expect("run mailsetup")
    })
    .await
    .unwrap()
}

/// Autoconfig for example.test naming `localhost` (Dovecot's certificate name) on Dovecot's
/// implicit-TLS ports; the CLI arguments that point discovery at the loopback servers and
/// trust both test CAs.
fn setup(net: &Net) -> Vec<String> {
    let d = dovecot();
    for h in ["autoconfig.example.test", "localhost"] {
        net.dns.a(h, LOOPBACK);
    }
    net.web.https(
        "autoconfig.example.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(config_xml(
            "example.test",
            ("localhost", d.imaps.port, "SSL"),
            ("localhost", d.imaps.port, "SSL"),
            ("localhost", d.submissions.port, "SSL"),
        )),
    );
    let both = net.dir.path().join("both-cas.pem");
    let dovecot_ca = std::fs::read_to_string(&pki().ca_pem).unwrap();
    std::fs::write(&both, format!("{}{dovecot_ca}", net.ca.cert_pem())).unwrap();
    [
        "diagnose",
        &d.alice.address,
        "--password-env",
        "MS_PW",
        "--json",
        "--timeout",
        "5",
        "--trust-host",
        "localhost",
        "--dns",
        &net.dns.addr.to_string(),
        "--ispdb-url",
        &net.ispdb_url(),
        "--ca-file",
        &both.display().to_string(),
        "--http-port",
        &net.web.port.to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn year(offset_years: i32) -> String {
    (time::OffsetDateTime::now_utc().year() + offset_years).to_string()
}

async fn diagnosis_under(offset: &str) -> serde_json::Value {
    let net = Net::start().await;
    let out = run(Some(offset), setup(&net), &dovecot().alice.password).await;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    support::assert_no_secret(
        "stdout",
        &stdout,
        &dovecot().alice.address,
        &dovecot().alice.password,
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    doc["servers"][0]["outcome"]["diagnosis"].clone()
}

#[tokio::test]
async fn the_same_setup_verifies_with_the_right_time() {
    let net = Net::start().await;
    let out = run(None, setup(&net), &dovecot().alice.password).await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn a_clock_years_ahead_is_named_with_both_times() {
    let d = diagnosis_under("+3y").await;
    assert_eq!(d["cause"], "clock_wrong", "{d:#}");
    let advice = d["advice"].as_str().unwrap();
    assert!(
        advice.contains(&format!("This computer says it is {}", year(3))),
        "{advice}"
    );
    assert!(
        advice.contains(&format!("says it is {}", year(0))),
        "{advice}"
    );
    // The witness: an HTTPS answer of discovery's (autoconfig or ISPDB, whichever disagreed
    // most; both carry the real time).
    assert!(
        advice.contains("https://autoconfig.example.test/")
            || advice.contains("https://ispdb.test:"),
        "{advice}"
    );
    assert!(d["detail"].as_str().unwrap().contains("expired"), "{d:#}");
}

#[tokio::test]
async fn a_clock_years_behind_is_named_too() {
    let d = diagnosis_under("-3y").await;
    assert_eq!(d["cause"], "clock_wrong", "{d:#}");
    assert!(
        d["detail"].as_str().unwrap().contains("not yet valid"),
        "{d:#}"
    );
    assert!(
        d["advice"]
            .as_str()
            .unwrap()
            .contains(&format!("This computer says it is {}", year(-3))),
        "{d:#}"
    );
}
