//! PACC, the provider's digest-checked configuration file (draft-ietf-mailmaint-pacc):
//! `https://ua-auto-config.<domain>/.well-known/user-agent-configuration.json`, used only when
//! its SHA-256 is one of the digests the domain publishes in DNS at `_ua-auto-config.<domain>`
//! (TXT `v=UAAC1; a=sha256; d=<base64>`).
//!
//! Order: the file and the TXT records are asked at once; no file means nothing to say; a
//! file without a matching digest is refused as a whole, with a typed error that says so
//! (`PaccError`), and nothing in it is used; only then is it parsed (`pacc_doc`). A checked
//! file fetched over verified HTTPS from the domain's own host speaks for the domain like its
//! own HTTPS autoconfig (`SourceId::binds_to_domain`): its IMAP, POP3 and SMTP hosts become
//! candidates with implicit TLS on 993, 995 and 465, as the draft expects; its
//! `oauth-public` issuer travels as the result's `DiscoveredOAuth2` with the same trust; a
//! JMAP session URL is noticed (`JmapNotice`).

use super::candidate::Candidate;
use super::config_v11::OAuth2Spec;
use super::ctx::{Ctx, Findings};
use super::http::{FetchError, Request};
use super::pacc_doc::{self, PaccConfig, PaccError};
use super::result::{DiscoveredOAuth2, JmapNotice, SourceError};
use super::source::{Channel, Origin, SourceId};
use super::via::Via;
use crate::account::{Protocol, Security};

/// The document's URL for `domain`.
pub(crate) fn url(domain: &str) -> String {
    format!("https://ua-auto-config.{domain}/.well-known/user-agent-configuration.json")
}

/// The DNS name of the digest records for `domain`.
pub(crate) fn digest_name(domain: &str) -> String {
    format!("_ua-auto-config.{domain}")
}

pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let domain = ctx.email.domain_ascii();
    let (url, name) = (url(domain), digest_name(domain));
    let mut f = Findings {
        asked: vec![url.clone(), format!("TXT {name}")],
        ..Findings::default()
    };
    let dns = ctx.dns()?;
    // Asked as JSON (`send`; `get` asks for XML), any status back.
    let request = Request {
        url: &url,
        form: None,
        bearer: None,
    };
    let (answer, records) = tokio::join!(ctx.http()?.send(request), dns.txt(&name));
    let fetched = match answer.and_then(|a| match a.status {
        200 => Ok(a),
        status => Err(FetchError::Status { url: a.url, status }),
    }) {
        Ok(fetched) => fetched,
        Err(e) if e.is_absent() => {
            f.notes.push(format!("{url}: nothing published there"));
            return Ok(f);
        }
        Err(e) => return Err(e.into()),
    };
    let published = pacc_doc::digests(&records?);
    if published.is_empty() {
        return Err(PaccError::NoDigest { url, name }.into());
    }
    if !pacc_doc::matches(&fetched.body, &published) {
        return Err(PaccError::Mismatch {
            url,
            name,
            records: published.len(),
        }
        .into());
    }
    let config = pacc_doc::parse(&fetched.body).map_err(|error| PaccError::Document {
        url: fetched.url.clone(),
        error,
    })?;
    let channel = Channel::of_fetch(&url, &fetched.url, domain);
    if channel.verified() {
        ctx.vouch_date(&fetched.url);
    }
    let via = super::autoconfig::via(&url, &fetched.url);
    f.notes
        .push(format!("{url}: SHA-256 matches a digest at {name}"));
    f.candidates = candidates(ctx, &config, &channel, &via);
    if let Some(issuer) = &config.issuer {
        let spec = OAuth2Spec {
            issuer: issuer.clone(),
            ..OAuth2Spec::default()
        };
        f.oauth2 = Some(DiscoveredOAuth2::new(
            spec,
            &config.provider,
            SourceId::Pacc,
            channel.clone(),
            &via,
        ));
    }
    if let Some(session) = &config.jmap {
        f.jmap = Some(JmapNotice::at(Some(session.clone()), &via));
    }
    Ok(f)
}

/// The document's servers as candidates: implicit TLS on the standard ports, the whole
/// address as the username (the draft names none).
fn candidates(ctx: &Ctx, config: &PaccConfig, channel: &Channel, via: &str) -> Vec<Candidate> {
    [
        (Protocol::Imap, &config.imap, 993),
        (Protocol::Pop3, &config.pop3, 995),
        (Protocol::Smtp, &config.smtp, 465),
    ]
    .into_iter()
    .filter_map(|(protocol, host, port)| {
        let host = host.as_deref()?;
        Some(Candidate::new(
            protocol,
            host,
            port,
            Security::Tls,
            ctx.email.to_ascii(),
            &ctx.email,
            Origin::new(SourceId::Pacc, channel.clone(), Via::Trail(via.into())),
        ))
    })
    .collect()
}
