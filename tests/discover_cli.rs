//! `mailsetup discover` through the real binary, pointed at the loopback DNS and HTTPS
//! servers with the hidden testing options (so nothing reaches the internet).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use std::process::{Command, Output};

use netsupport::{LOOPBACK, Net, Reply, config_xml};

async fn run(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mailsetup"))
            .args(&args)
            .output()
            .expect("run mailsetup")
    })
    .await
    .unwrap()
}

fn args(first: &[&str], net: &Net) -> Vec<String> {
    let mut a: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    a.extend(net.cli_args());
    a
}

#[tokio::test]
async fn charter_json_offline_has_the_table_candidates_and_the_article_disagreements() {
    let net = Net::start().await;
    let out = run(args(
        &[
            "discover",
            "someone@charter.net",
            "--json",
            "--timeout",
            "3",
        ],
        &net,
    ))
    .await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let candidates = v["candidates"].as_array().unwrap();
    let has = |proto: &str, host: &str, port: u64, sec: &str| {
        candidates.iter().any(|c| {
            c["protocol"] == proto && c["host"] == host && c["port"] == port && c["security"] == sec
        })
    };
    assert!(has("imap", "mobile.charter.net", 993, "tls"));
    assert!(has("pop3", "mobile.charter.net", 995, "tls"));
    assert!(has("smtp", "mobile.charter.net", 587, "tls"));
    assert!(has("smtp", "mobile.charter.net", 587, "starttls"));
    assert!(!candidates.iter().any(|c| c["host"] == "pop.charter.net"));
    assert_eq!(candidates[0]["trust"], "trusted");
    assert_eq!(candidates[0]["origins"][0]["source"], "provider");
    let disagreements = v["disagreements"].as_array().unwrap();
    let article_pop = disagreements
        .iter()
        .find(|d| d["protocol"] == "pop3" && d["kind"] == "published")
        .expect("the article's POP3 claim is recorded");
    assert!(
        article_pop["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["says"] == "pop.charter.net:110 TLS" && c["recommended"] == false)
    );
    assert!(
        disagreements
            .iter()
            .any(|d| d["protocol"] == "smtp" && d["kind"] == "security")
    );
    assert!(
        disagreements
            .iter()
            .any(|d| d["protocol"] == "imap" && d["kind"] == "published")
    );
    assert_eq!(v["provider"]["id"], "spectrum");
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), mailsetup::discover::SourceId::ALL.len());
    assert!(sources.iter().all(|s| s["status"] != "waiting"));
    assert_eq!(sources[0]["status"], "found");
}

#[tokio::test]
async fn text_output_lists_candidates_sources_and_a_timing_line_per_source() {
    let net = Net::start().await;
    net.dns.a("autoconfig.cli.test", LOOPBACK);
    let xml = config_xml(
        "cli.test",
        ("imap.cli.test", 993, "SSL"),
        ("pop.cli.test", 995, "SSL"),
        ("smtp.cli.test", 465, "SSL"),
    );
    net.web.https(
        "autoconfig.cli.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(xml),
    );
    let out = run(args(&["discover", "quinn@cli.test"], &net)).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("imap.cli.test:993 TLS"), "{text}");
    assert!(text.contains("from autoconfig"), "{text}");
    for source in [
        "provider",
        "autoconfig",
        "well_known",
        "ispdb",
        "mx",
        "srv",
        "guess",
        "autoconfig_http",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(source))
            .unwrap_or_else(|| panic!("no line for {source}: {text}"));
        assert!(
            line.trim_end().ends_with("ms") || line.contains(" ms "),
            "{line}"
        );
    }
}

#[tokio::test]
async fn nothing_found_exits_1_and_bad_input_exits_2() {
    let net = Net::start().await;
    let out = run(args(
        &["discover", "ray@nothing.test", "--timeout", "2"],
        &net,
    ))
    .await;
    assert_eq!(out.status.code(), Some(1));
    for bad in [
        vec!["discover", "not-an-address"],
        vec!["discover", "a@b.test", "--resolve", "nohost"],
        vec!["discover", "a@b.test", "--ca-file", "/nonexistent/ca.pem"],
        vec!["discover", "a@b.test", "--only", "carrier-pigeon"],
        vec!["discover", "a@b.test", "--timeout", "0"],
    ] {
        let out = run(bad.iter().map(|s| s.to_string()).collect()).await;
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {err}");
        assert!(
            err.starts_with("error: ") && err.lines().count() == 1,
            "{bad:?}: {err}"
        );
    }
}
