//! Mail servers found through RFC 6186 SRV records, for the tests that drive discovery end to
//! end (the window in kittest, the real app on the accessibility bus): the loopback DNS and
//! HTTPS servers (`Net`), and for each record a TLS relay on loopback, its certificate from
//! the test CA, in front of an upstream server (the test Dovecot), named by the SRV record
//! and an A record for its target. The tokio runtime inside keeps the servers alive.

use std::net::SocketAddr;
use std::path::PathBuf;

use mailsetup::probe::Timeouts;
use mailsetup::runtime::RuntimeConfig;
use rustls::pki_types::CertificateDer;

use super::proxy::TlsRelay;
use super::{LOOPBACK, Net};

/// One SRV record of the world and the server behind it.
pub struct SrvRecord<'a> {
    /// `_imaps._tcp.example.test` …
    pub service: &'a str,
    /// RFC 2782 priority (lower is tried first); the weight is 1.
    pub priority: u16,
    /// The host the record names (its A record is loopback).
    pub target: &'a str,
    /// Where the relay sends the connection.
    pub upstream: SocketAddr,
}

/// The loopback servers and the relays, in `records` order.
pub struct SrvWorld {
    pub rt: tokio::runtime::Runtime,
    pub net: Net,
    pub relays: Vec<TlsRelay>,
}

impl SrvWorld {
    /// Starts the world; the upstream servers are verified as `localhost` with `upstream_ca`.
    pub fn start(records: &[SrvRecord<'_>], upstream_ca: &CertificateDer<'static>) -> Self {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let (net, relays) = rt.block_on(async {
            let net = Net::start().await;
            let mut relays = Vec::new();
            for r in records {
                let relay = TlsRelay::start(
                    SocketAddr::new(LOOPBACK.into(), 0),
                    &net.ca,
                    r.upstream,
                    "localhost",
                    upstream_ca.clone(),
                )
                .await
                .expect("relay");
                net.dns
                    .srv(r.service, r.priority, 1, relay.addr.port(), r.target);
                net.dns.a(r.target, LOOPBACK);
                relays.push(relay);
            }
            (net, relays)
        });
        Self { rt, net, relays }
    }

    /// The window's runtime configuration pointed at this world: its CA trusted, discovery
    /// asking the loopback servers, `timeouts` for each probe step, accounts in `config_dir`.
    pub fn runtime_config(&self, timeouts: Timeouts, config_dir: PathBuf) -> RuntimeConfig {
        let mut config = RuntimeConfig::new(vec![self.net.ca.cert_der()]).expect("trust");
        config.set_discovery(self.net.options());
        config.probe.timeouts = timeouts;
        config.config_dir = Some(config_dir);
        config
    }
}
