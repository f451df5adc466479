//! Loopback servers for the discovery tests: a DNS server (`dns.rs`) and an HTTP/HTTPS
//! server with a per-run test CA (`https.rs`, `pki.rs`), both in-process on 127.0.0.1, plus
//! `Net`, which starts both and builds `DiscoveryOptions` pointing everything at them (so no
//! test can reach the internet: unknown names get NXDOMAIN from our own server); and
//! `srv_world`, mail servers behind SRV records for the end-to-end discovery tests.

#![allow(dead_code, unused_imports)]

pub mod dns;
pub mod https;
pub mod pki;
pub mod proxy;
pub mod srv_world;

use std::net::Ipv4Addr;
use std::path::PathBuf;
use std::time::Duration;

use mailsetup::discover::DiscoveryOptions;

pub use dns::DnsServer;
pub use https::{HttpsServer, Reply};
pub use pki::TestCa;

/// The loopback address every test name points at.
pub const LOOPBACK: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 1);

/// The DNS and HTTP(S) servers of one test.
pub struct Net {
    pub dns: DnsServer,
    pub web: HttpsServer,
    pub ca: TestCa,
    pub dir: tempfile::TempDir,
}

impl Net {
    pub async fn start() -> Self {
        let ca = TestCa::new();
        let dns = DnsServer::start().await;
        let web = HttpsServer::start(&ca).await;
        let dir = tempfile::tempdir().expect("temp dir");
        // The ISPDB lives on its own name, as in real life; so does Microsoft 365's
        // Autodiscover v2 endpoint.
        dns.a("ispdb.test", LOOPBACK);
        dns.a("m365.test", LOOPBACK);
        Self { dns, web, ca, dir }
    }

    /// The ISPDB base URL on the test server.
    pub fn ispdb_url(&self) -> String {
        format!("https://ispdb.test:{}/v1.1/", self.web.port)
    }

    /// Microsoft 365's Autodiscover v2 base URL on the test server (answers on
    /// `https://m365.test/autodiscover/autodiscover.json/v1.0/<address>`).
    pub fn microsoft365_url(&self) -> String {
        format!(
            "https://m365.test:{}/autodiscover/autodiscover.json/v1.0/",
            self.web.port
        )
    }

    /// Discovery options pointing DNS, HTTP(S) and ISPDB at the loopback servers, with short
    /// deadlines suited to loopback.
    pub fn options(&self) -> DiscoveryOptions {
        let mut o = DiscoveryOptions::default();
        o.dns.server = Some(self.dns.addr);
        o.dns.timeout = Duration::from_secs(2);
        o.ispdb_url = self.ispdb_url();
        o.microsoft365_url = self.microsoft365_url();
        o.extra_roots = vec![self.ca.cert_der()];
        o.http.port = Some(self.web.port);
        o.http.timeout = Duration::from_secs(2);
        o.deadline = Duration::from_secs(4);
        o.source_timeout = Duration::from_secs(3);
        o
    }

    /// Writes the test CA as PEM (for `--ca-file`).
    pub fn ca_file(&self) -> PathBuf {
        let path = self.dir.path().join("test-ca.pem");
        std::fs::write(&path, self.ca.cert_pem()).expect("write CA file");
        path
    }

    /// The command-line options that point the CLI at these servers.
    pub fn cli_args(&self) -> Vec<String> {
        vec![
            "--dns".into(),
            self.dns.addr.to_string(),
            "--ispdb-url".into(),
            self.ispdb_url(),
            "--microsoft365-url".into(),
            self.microsoft365_url(),
            "--ca-file".into(),
            self.ca_file().display().to_string(),
            "--http-port".into(),
            self.web.port.to_string(),
        ]
    }
}

/// A config-v1.1 file with one server of each kind.
pub fn config_xml(
    domain: &str,
    imap: (&str, u16, &str),
    pop3: (&str, u16, &str),
    smtp: (&str, u16, &str),
) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="{domain}">
    <domain>{domain}</domain>
    <displayName>Test provider {domain}</displayName>
    <incomingServer type="imap">
      <hostname>{}</hostname><port>{}</port><socketType>{}</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>{}</hostname><port>{}</port><socketType>{}</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>{}</hostname><port>{}</port><socketType>{}</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>"#,
        imap.0, imap.1, imap.2, pop3.0, pop3.1, pop3.2, smtp.0, smtp.1, smtp.2
    )
}
