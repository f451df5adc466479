//! The MX route: many domains hand their mail to a big provider (Google Workspace, Microsoft
//! 365) or to a regional variant of one (name@nc.rr.com). The most-preferred MX host
//! (RFC 5321 §5.1: lowest preference) is reduced to its registrable domain (public suffix
//! list) and to that domain plus one more label; for each of those the built-in table,
//! ISPDB and the autoconfig server are asked, and for the registrable domain also autoconfig
//! 1.2's `https://autoconfig.<base>/.well-known/mail-v1.xml` (draft-ietf-mailmaint-autoconfig,
//! the MX step). Everything found this way rests on unsigned
//! DNS, so it is marked `SourceTrust::Dns` (likely right, confirmed by the live test) and never
//! vouches for a host outside the address's domain (RFC 6186 §6): the person confirms such a
//! host first. One exception: when the MX base is the address's own domain, its `mail-v1.xml`
//! is the domain's own autoconfig host speaking over HTTPS, so it counts as the domain's
//! autoconfig (`SourceId::Autoconfig`) and vouches like it. A provider file asked for over plain HTTP is `SourceTrust::Insecure`, whatever its
//! redirects did.

use super::candidate::Candidate;
use super::ctx::{Ctx, Findings};
use super::result::{DiscoveredOAuth2, SourceError};
use super::source::{Channel, SourceId, in_domain};
use super::via::{MxFile, Via};
use super::vouch::site_of;
use super::{autoconfig, ispdb};

/// The domains worth asking about for an MX host: its registrable domain, then that plus one
/// label (skipping the MX host itself and the address's own domain).
pub(crate) fn derived_domains(mx_host: &str, own_domain: &str) -> Vec<String> {
    let host = mx_host.trim_end_matches('.').to_ascii_lowercase();
    let Some(registrable) = super::public_suffix::registrable_domain(&host) else {
        return Vec::new();
    };
    let registrable = registrable.to_string();
    let mut out = vec![registrable.clone()];
    if let Some(prefix) = host.strip_suffix(&format!(".{registrable}"))
        && let Some(label) = prefix.rsplit('.').next()
    {
        let plus_one = format!("{label}.{registrable}");
        if plus_one != host {
            out.push(plus_one);
        }
    }
    out.retain(|d| d != own_domain);
    out
}

pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let domain = ctx.email.domain_ascii();
    let mut f = Findings {
        asked: vec![format!("MX {domain}")],
        ..Findings::default()
    };
    let records = match ctx.dns()?.mx(domain).await {
        Ok(r) => r,
        Err(crate::dns::DnsError::NotFound { .. }) => {
            f.notes.push(format!("{domain} does not exist in DNS"));
            return Ok(f);
        }
        Err(e) => return Err(e.into()),
    };
    let Some(best) = records.first() else {
        f.notes.push(format!("{domain} has no MX record"));
        return Ok(f);
    };
    // The boundary check (issue 20 §2): an exchange that is not a host name builds no URL.
    let mx_host = best.exchange.clone();
    if let Err(error) = super::host_name::check_host(mx_host.trim_end_matches('.')) {
        return Err(SourceError::BadHost {
            place: format!("MX {domain}"),
            error,
        });
    }
    let base = super::public_suffix::registrable_domain(mx_host.trim_end_matches('.'))
        .map(str::to_ascii_lowercase);
    if let Some(base) = base.as_deref().filter(|b| in_domain(b, domain)) {
        own_mail_v1(ctx, &mut f, &mx_host, base).await;
    }
    let domains = derived_domains(&mx_host, domain);
    if domains.is_empty() {
        f.notes.push(format!(
            "the MX host {mx_host} belongs to {domain} itself; nothing more to ask"
        ));
        return Ok(f);
    }
    let table = ctx.table()?;
    // The most specific domain first: *.mail.protection.outlook.com is Microsoft 365, not
    // the Outlook.com of outlook.com.
    if let Some((d, m)) = domains
        .iter()
        .rev()
        .find_map(|d| table.lookup_mx(d).map(|m| (d, m)))
    {
        let via = Via::MxTable {
            mx: mx_host.clone(),
            domain: d.clone(),
            per: None,
        };
        f.candidates
            .extend(m.candidates(&ctx.email, SourceId::Mx, Channel::Dns, &via));
        f.provider = Some(m.notes(&format!("MX {mx_host} → {d}")));
        // The provider's sign-in too: which one rests on DNS, but the issuer and its
        // endpoints are the table's own (`oauth::session` uses the table's entry for it).
        if let Some(spec) = m.oauth2() {
            keep_oauth2(
                &mut f,
                DiscoveredOAuth2::new(
                    spec.clone(),
                    m.name(),
                    SourceId::Mx,
                    Channel::Dns,
                    &format!("MX {mx_host} → {d}"),
                ),
            );
        }
    }
    // ISPDB and autoconfig for every derived domain, all at once.
    let lookups = domains.iter().flat_map(|d| {
        let ispdb_url = ispdb::url(ctx, d);
        let auto_url = autoconfig::isp_url(ctx, d, true);
        let mut asks = vec![
            (d.clone(), MxFile::Ispdb, ispdb_url),
            (d.clone(), MxFile::Autoconfig, auto_url),
        ];
        if base.as_deref() == Some(d.as_str()) {
            asks.push((d.clone(), MxFile::MailV1, mail_v1_url(d)));
        }
        asks
    });
    let results = futures::future::join_all(lookups.map(|(d, what, url)| async move {
        let r = autoconfig::fetch_config(ctx, &url).await;
        (d, what, url, r)
    }))
    .await;
    for (d, what, url, r) in results {
        f.asked.push(url.clone());
        match r {
            Ok(Some((final_url, config))) => {
                let via = Via::MxFile {
                    mx: mx_host.clone(),
                    domain: d,
                    file: what,
                    trail: autoconfig::via(&url, &final_url),
                };
                let channel = match Channel::of_fetch(&url, &final_url, &site_of(&url)) {
                    Channel::PlainHttp => Channel::PlainHttp,
                    _ => Channel::Dns,
                };
                let found: Vec<Candidate> =
                    autoconfig::candidates(ctx, &config, SourceId::Mx, channel, &via);
                f.candidates.extend(found);
                f.notes.extend(config.warnings.iter().cloned());
                f.services.extend(config.services.iter().cloned());
                if let Some(notice) = autoconfig::jmap_notice(&config, &via.data()) {
                    f.jmap.get_or_insert(notice);
                }
            }
            Ok(None) => {}
            Err(e) => f.notes.push(e.to_string()),
        }
    }
    Ok(f)
}

/// Keeps the better of the block found so far and `block`.
fn keep_oauth2(f: &mut Findings, block: DiscoveredOAuth2) {
    f.oauth2 = Some(match f.oauth2.take() {
        Some(have) => have.better(block),
        None => block,
    });
}

/// Autoconfig 1.2's MX-step URL for an MX base domain.
pub(crate) fn mail_v1_url(base: &str) -> String {
    format!("https://autoconfig.{base}/.well-known/mail-v1.xml")
}

/// The MX base is the address's own domain: its `mail-v1.xml`, fetched over HTTPS from the
/// domain's own autoconfig host, is the domain's word (`SourceId::Autoconfig`) unless a
/// redirect carried it off the domain.
async fn own_mail_v1(ctx: &Ctx, f: &mut Findings, mx_host: &str, base: &str) {
    let domain = ctx.email.domain_ascii();
    let url = mail_v1_url(base);
    f.asked.push(url.clone());
    match autoconfig::fetch_config(ctx, &url).await {
        Ok(Some((final_url, config))) => {
            let channel = Channel::of_fetch(&url, &final_url, domain);
            if channel.verified() {
                ctx.vouch_date(&final_url);
            }
            let via = Via::MxFile {
                mx: mx_host.to_string(),
                domain: base.to_string(),
                file: MxFile::MailV1,
                trail: autoconfig::via(&url, &final_url),
            };
            f.notes.extend(config.warnings.iter().cloned());
            f.services.extend(config.services.iter().cloned());
            if let Some(notice) = autoconfig::jmap_notice(&config, &via.data()) {
                f.jmap.get_or_insert(notice);
            }
            let source = SourceId::Autoconfig;
            if let Some(block) = autoconfig::oauth2(&config, source, &channel, &via.data()) {
                keep_oauth2(f, block);
            }
            f.candidates
                .extend(autoconfig::candidates(ctx, &config, source, channel, &via));
        }
        Ok(None) => f.notes.push(format!("{url}: nothing published there")),
        Err(e) => f.notes.push(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mx_hosts_reduce_to_provider_domains() {
        assert_eq!(
            derived_domains("aspmx.l.google.com.", "customer.example"),
            vec!["google.com", "l.google.com"]
        );
        assert_eq!(
            derived_domains("contoso-com.mail.protection.outlook.com", "contoso.com"),
            vec!["outlook.com", "protection.outlook.com"]
        );
        assert_eq!(derived_domains("mx.nc.rr.com", "nc.rr.com"), vec!["rr.com"]);
        assert_eq!(
            derived_domains("mx1.example.co.uk", "example.co.uk"),
            Vec::<String>::new()
        );
        assert_eq!(
            derived_domains("mx.mailhost.test", "customer.test"),
            vec!["mailhost.test"]
        );
    }
}
