//! Microsoft 365, recognised before any password is typed: when the domain's most-preferred
//! MX host (RFC 5321 §5.1) belongs to the provider table's Microsoft 365 entry
//! (`*.mail.protection.outlook.com`), Microsoft's unauthenticated Autodiscover v2 endpoint is
//! asked whether this mailbox lives in Microsoft 365:
//! `GET <base>/<address>?Protocol=AutodiscoverV1`, no credentials, JSON back. A mailbox in
//! Microsoft 365 answers 200 with `{"Protocol": "AutodiscoverV1", "Url": "https://…"}`; any
//! other address is redirected (to its on-premises Autodiscover) or refused. The base URL is
//! an option (`DiscoveryOptions::microsoft365_url`) so tests point it at loopback. The address
//! goes to Microsoft only when the MX already says Microsoft handles the domain's mail.
//!
//! A yes, over verified HTTPS from the endpoint's own site, brings the table's Microsoft 365
//! entry: its servers, its sign-in (OAuth) and its advice for tenants. The servers are the
//! table's, never anything the answer says, and Microsoft itself bound the address to them
//! (a tenant proves each of its domains in DNS), so they are vouched for as the table's are.
//! A redirect off that site, or anything but the answer above, is a no.

use serde::Deserialize;

use super::ctx::{Ctx, Findings};
use super::http::Request;
use super::mx::derived_domains;
use super::result::{DiscoveredOAuth2, SourceError};
use super::source::{Channel, SourceId};
use super::via::Via;
use super::vouch::site_of;

/// The provider table's entry for Microsoft 365.
pub const MICROSOFT_365_ID: &str = "microsoft365";

/// The largest answer read (a real one is about 100 bytes).
pub const MAX_ANSWER_BYTES: usize = 16 * 1024;

/// The v2 answer for a mailbox in Microsoft 365.
#[derive(Debug, Deserialize)]
struct V2Answer {
    #[serde(rename = "Protocol")]
    protocol: Option<String>,
    #[serde(rename = "Url")]
    url: Option<String>,
}

/// Whether a v2 answer body says the mailbox is in Microsoft 365 (bounded, pure).
pub fn says_hosted(body: &[u8]) -> bool {
    if body.len() > MAX_ANSWER_BYTES {
        return false;
    }
    let Ok(answer) = serde_json::from_slice::<V2Answer>(body) else {
        return false;
    };
    let protocol_ok = answer
        .protocol
        .is_some_and(|p| p.eq_ignore_ascii_case("AutodiscoverV1"));
    let url_ok = answer.url.is_some_and(|u| {
        reqwest::Url::parse(&u).is_ok_and(|u| {
            u.scheme() == "https"
                && u.host_str()
                    .is_some_and(|h| super::host_name::check_host(h).is_ok())
        })
    });
    protocol_ok && url_ok
}

/// The v2 URL for an address: the base, the address as one path segment, the protocol asked.
fn v2_url(base: &str, address: &str) -> Option<String> {
    let mut url = reqwest::Url::parse(base).ok()?;
    url.path_segments_mut().ok()?.pop_if_empty().push(address);
    url.set_query(Some("Protocol=AutodiscoverV1"));
    Some(url.to_string())
}

/// Asks, when the MX is Microsoft's; what it learns goes into the Autodiscover source's
/// findings. Failures are notes: this part never fails the source.
pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let mut f = Findings::default();
    let domain = ctx.email.domain_ascii();
    let Ok(dns) = ctx.dns() else {
        return Ok(f);
    };
    let mx_host = match dns.mx(domain).await {
        Ok(records) => match records.first() {
            Some(best) => best.exchange.trim_end_matches('.').to_ascii_lowercase(),
            None => return Ok(f),
        },
        Err(_) => return Ok(f),
    };
    if super::host_name::check_host(&mx_host).is_err() {
        return Ok(f);
    }
    let table = ctx.table()?;
    let Some(entry) = derived_domains(&mx_host, domain)
        .iter()
        .rev()
        .find_map(|d| table.lookup_mx(d))
        .filter(|m| m.id() == MICROSOFT_365_ID)
    else {
        return Ok(f);
    };
    let Some(url) = v2_url(&ctx.microsoft365_url, &ctx.email.to_ascii()) else {
        f.notes.push(format!(
            "the Microsoft 365 Autodiscover URL {} is not a URL",
            ctx.microsoft365_url
        ));
        return Ok(f);
    };
    f.asked.push(url.clone());
    let answer = match ctx
        .http()?
        .send(Request {
            url: &url,
            form: None,
            bearer: None,
        })
        .await
    {
        Ok(a) => a,
        Err(e) => {
            f.notes.push(format!("Microsoft 365 Autodiscover: {e}"));
            return Ok(f);
        }
    };
    let channel = Channel::of_fetch(&url, &answer.url, &site_of(&url));
    if answer.status != 200 || !channel.verified() || !says_hosted(&answer.body) {
        f.notes.push(format!(
            "Microsoft 365 does not say it hosts {} (HTTP {} from {})",
            ctx.email.to_ascii(),
            answer.status,
            answer.url
        ));
        return Ok(f);
    }
    ctx.vouch_date(&answer.url);
    let matched = format!("MX {mx_host} → Microsoft 365 Autodiscover");
    let via = Via::Trail(url.clone());
    f.notes.push(format!(
        "Microsoft 365 confirms it hosts {}",
        ctx.email.to_ascii()
    ));
    f.candidates = entry.candidates(&ctx.email, SourceId::Autodiscover, channel.clone(), &via);
    f.provider = Some(entry.notes(&matched));
    f.oauth2 = entry.oauth2().map(|spec| {
        DiscoveredOAuth2::new(
            spec.clone(),
            entry.name(),
            SourceId::Autodiscover,
            channel,
            &url,
        )
    });
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_v1_protocol_with_an_https_url_means_hosted() {
        assert!(says_hosted(
            br#"{"Protocol":"AutodiscoverV1","Url":"https://outlook.office365.com/autodiscover/autodiscover.xml"}"#
        ));
        for no in [
            &br#"{"ErrorCode":"InternalServerError","ErrorMessage":"Failed to find"}"#[..],
            br#"{"Protocol":"AutodiscoverV1","Url":"http://outlook.office365.com/x"}"#,
            br#"{"Protocol":"AutodiscoverV1"}"#,
            br#"{"Protocol":"Rest","Url":"https://outlook.office365.com/api"}"#,
            b"<html>",
            b"",
        ] {
            assert!(!says_hosted(no), "{}", String::from_utf8_lossy(no));
        }
        let mut big = br#"{"Protocol":"AutodiscoverV1","Url":"https://a.test/","x":""#.to_vec();
        big.extend(std::iter::repeat_n(b'a', MAX_ANSWER_BYTES));
        big.extend(b"\"}");
        assert!(!says_hosted(&big));
    }

    #[test]
    fn the_address_is_one_path_segment() {
        assert_eq!(
            v2_url(
                "https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/",
                "kim/x@contoso.test"
            )
            .unwrap(),
            "https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/\
             kim%2Fx@contoso.test?Protocol=AutodiscoverV1"
        );
    }
}
