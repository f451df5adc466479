//! Guessing: the host names providers usually use, kept only when they exist in DNS.
//! Incoming: `imap.`, `mail.` and the bare domain for IMAP (993 TLS, 143 STARTTLS);
//! `pop3.`, `pop.`, `mail.` and the bare domain for POP3 (995 TLS, 110 STARTTLS).
//! Outgoing: `smtp.`, `mail.` and the bare domain (465 TLS, 587 STARTTLS). A guess is only a
//! candidate: nothing says it is a mail server until the probe has talked to it.

use std::collections::BTreeMap;

use super::candidate::Candidate;
use super::ctx::{Ctx, Findings};
use super::result::SourceError;
use super::source::{Channel, Origin, SourceId};
use super::via::Via;
use crate::account::{Protocol, Security};

/// (prefix, protocols tried on it); "" is the bare domain.
const PATTERNS: [(&str, &[Protocol]); 6] = [
    ("imap.", &[Protocol::Imap]),
    ("pop3.", &[Protocol::Pop3]),
    ("pop.", &[Protocol::Pop3]),
    ("smtp.", &[Protocol::Smtp]),
    ("mail.", &[Protocol::Imap, Protocol::Pop3, Protocol::Smtp]),
    ("", &[Protocol::Imap, Protocol::Pop3, Protocol::Smtp]),
];

pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let domain = ctx.email.domain_ascii();
    let hosts: Vec<(String, &[Protocol])> = PATTERNS
        .iter()
        .map(|(prefix, protocols)| (format!("{prefix}{domain}"), *protocols))
        .collect();
    let lookups = hosts.iter().map(|(host, _)| async move {
        let r = ctx.hosts.lookup(host).await;
        (host.clone(), r)
    });
    let exists: BTreeMap<String, bool> = futures::future::join_all(lookups)
        .await
        .into_iter()
        .map(|(h, r)| (h, r.is_ok()))
        .collect();
    let mut f = Findings::default();
    for (host, protocols) in &hosts {
        f.asked.push(format!("address of {host}"));
        if !exists.get(host).copied().unwrap_or(false) {
            continue;
        }
        for &protocol in *protocols {
            for security in [Security::Tls, Security::StartTls] {
                f.candidates.push(Candidate::new(
                    protocol,
                    host,
                    protocol.default_port(security),
                    security,
                    ctx.email.to_ascii(),
                    &ctx.email,
                    Origin::new(
                        SourceId::Guess,
                        Channel::Dns,
                        Via::Guess { host: host.clone() },
                    ),
                ));
            }
        }
    }
    Ok(f)
}
