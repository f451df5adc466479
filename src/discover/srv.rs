//! RFC 6186 service records: `_imaps._tcp`, `_imap._tcp`, `_pop3s._tcp`, `_pop3._tcp`,
//! `_submissions._tcp` (RFC 8314) and `_submission._tcp`, asked all at once. Records are
//! ordered as RFC 2782 says (lowest priority first, heavier weight first); a lone record
//! whose target is "." means the service is deliberately not offered. The non-TLS services
//! are taken as STARTTLS: mailsetup never sends a password unencrypted by default. The
//! username tried is the full address (RFC 6186 §4). Unsigned DNS: `SourceTrust::Dns`, and a target
//! outside the address's domain is not vouched for (RFC 6186 §6): the person confirms it
//! before the password goes there.

use super::candidate::Candidate;
use super::ctx::{Ctx, Findings};
use super::result::SourceError;
use super::source::{Channel, Origin, SourceId};
use super::via::Via;
use crate::account::{Protocol, Security};
use crate::dns::srv_order;

/// The services, in the order they are listed.
pub(crate) const SERVICES: [(&str, Protocol, Security); 6] = [
    ("_imaps._tcp", Protocol::Imap, Security::Tls),
    ("_imap._tcp", Protocol::Imap, Security::StartTls),
    ("_pop3s._tcp", Protocol::Pop3, Security::Tls),
    ("_pop3._tcp", Protocol::Pop3, Security::StartTls),
    ("_submissions._tcp", Protocol::Smtp, Security::Tls),
    ("_submission._tcp", Protocol::Smtp, Security::StartTls),
];

pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let dns = ctx.dns()?;
    let domain = ctx.email.domain_ascii();
    let lookups = SERVICES
        .iter()
        .map(|(label, protocol, security)| async move {
            let name = format!("{label}.{domain}");
            let r = dns.srv(&name).await;
            (name, *protocol, *security, r)
        });
    let results = futures::future::join_all(lookups).await;
    let mut f = Findings::default();
    let mut errors = Vec::new();
    for (name, protocol, security, r) in results {
        f.asked.push(format!("SRV {name}"));
        let mut records = match r {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        srv_order(&mut records);
        if records.len() == 1 && records[0].not_offered() {
            f.notes.push(format!(
                "{name} says {protocol} with {security} is not offered"
            ));
            continue;
        }
        for r in records.iter().filter(|r| !r.not_offered() && r.port != 0) {
            f.candidates.push(Candidate::new(
                protocol,
                &r.target,
                r.port,
                security,
                ctx.email.to_ascii(),
                &ctx.email,
                Origin::new(
                    SourceId::Srv,
                    Channel::Dns,
                    Via::Srv {
                        name: name.to_string(),
                        target: r.target.clone(),
                        port: r.port,
                        priority: r.priority,
                        weight: r.weight,
                    },
                ),
            ));
        }
    }
    if errors.len() == SERVICES.len()
        && let Some(e) = errors.first()
    {
        return Err(e.clone().into());
    }
    f.notes.extend(errors.iter().map(|e| e.to_string()));
    Ok(f)
}
