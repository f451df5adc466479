//! Mozilla autoconfig published by the mail domain itself: first
//! `https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<address>`, and
//! `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml`. The same two URLs over
//! plain HTTP form a separate source whose candidates are marked insecure: anyone on the path
//! could have written them, so the person must confirm them before use.
//!
//! What a file is worth is decided by the URL asked for (`Channel::of_fetch`): a plain-HTTP
//! URL stays plain HTTP even when it redirects to HTTPS, and an HTTPS answer that redirects
//! off the mail domain no longer speaks for the domain.
//!
//! Also holds the step every config-v1.1 source shares: fetch, parse (`config_v11`), and turn
//! the servers into candidates for this address (and a listed JMAP service into a notice).

use super::candidate::Candidate;
use super::config_services::ServiceKind;
use super::config_v11::{self, ProviderConfig};
use super::ctx::{Ctx, Findings};
use super::result::{DiscoveredOAuth2, JmapNotice, SourceError};
use super::source::{Channel, Origin, SourceId};
use super::via::Via;

/// The ISP autoconfig URL for `domain`.
/// The address goes along (`?emailaddress=`, as Thunderbird asks) over HTTPS only: over
/// plain HTTP anyone on the path would read it.
pub(crate) fn isp_url(ctx: &Ctx, domain: &str, https: bool) -> String {
    let scheme = if https { "https" } else { "http" };
    let base = format!("{scheme}://autoconfig.{domain}/mail/config-v1.1.xml");
    if !https {
        return base;
    }
    match reqwest::Url::parse_with_params(&base, &[("emailaddress", ctx.email.to_ascii())]) {
        Ok(u) => u.to_string(),
        Err(_) => base,
    }
}

fn well_known_url(domain: &str, https: bool) -> String {
    let scheme = if https { "https" } else { "http" };
    format!("{scheme}://{domain}/.well-known/autoconfig/mail/config-v1.1.xml")
}

/// `autoconfig.<domain>` over HTTPS (or HTTP when `https` is false).
pub(crate) async fn isp(ctx: &Ctx, https: bool) -> Result<Findings, SourceError> {
    let url = isp_url(ctx, ctx.email.domain_ascii(), https);
    let source = if https {
        SourceId::Autoconfig
    } else {
        SourceId::AutoconfigHttp
    };
    fetch_source(ctx, &url, source).await
}

/// `<domain>/.well-known/autoconfig/…` over HTTPS (or HTTP).
pub(crate) async fn well_known(ctx: &Ctx, https: bool) -> Result<Findings, SourceError> {
    let url = well_known_url(ctx.email.domain_ascii(), https);
    let source = if https {
        SourceId::WellKnown
    } else {
        SourceId::AutoconfigHttp
    };
    fetch_source(ctx, &url, source).await
}

/// Both URLs over plain HTTP, at once; what either names is insecure.
pub(crate) async fn plain_http(ctx: &Ctx) -> Result<Findings, SourceError> {
    let (a, b) = tokio::join!(isp(ctx, false), well_known(ctx, false));
    let mut out = Findings::default();
    let mut errors = Vec::new();
    for r in [a, b] {
        match r {
            Ok(f) => {
                out.oauth2 = out.oauth2.or(f.oauth2);
                out.asked.extend(f.asked);
                out.notes.extend(f.notes);
                out.candidates.extend(f.candidates);
            }
            Err(e) => errors.push(e),
        }
    }
    // Report a failure only when neither URL answered.
    if out.asked.is_empty()
        && let Some(e) = errors.into_iter().next()
    {
        return Err(e);
    }
    Ok(out)
}

async fn fetch_source(ctx: &Ctx, url: &str, source: SourceId) -> Result<Findings, SourceError> {
    let mut f = Findings {
        asked: vec![url.to_string()],
        ..Findings::default()
    };
    match fetch_config(ctx, url).await? {
        Some((final_url, config)) => {
            f.notes.extend(config.warnings.iter().cloned());
            let channel = Channel::of_fetch(url, &final_url, ctx.email.domain_ascii());
            if channel.verified() && source.binds_to_domain() {
                ctx.vouch_date(&final_url);
            }
            let via = via(url, &final_url);
            f.oauth2 = oauth2(&config, source, &channel, &via);
            f.jmap = jmap_notice(&config, &via);
            f.services = config.services.clone();
            f.candidates = candidates(ctx, &config, source, channel, &Via::Trail(via));
        }
        None => f.notes.push(format!("{url}: nothing published there")),
    }
    Ok(f)
}

/// Where a file came from, for people: the URL, and where redirects ended when elsewhere.
pub(crate) fn via(asked: &str, final_url: &str) -> String {
    if asked == final_url {
        asked.to_string()
    } else {
        format!("{asked} → {final_url}")
    }
}

/// The file's `<oAuth2>` block, with where it came from.
pub(crate) fn oauth2(
    config: &ProviderConfig,
    source: SourceId,
    channel: &Channel,
    via: &str,
) -> Option<DiscoveredOAuth2> {
    let spec = config.oauth2.clone()?;
    Some(DiscoveredOAuth2::new(
        spec,
        &config.display_name,
        source,
        channel.clone(),
        via,
    ))
}

/// A JMAP service the file lists (autoconfig 1.2), as a notice; its `<url>` is the session.
pub(crate) fn jmap_notice(config: &ProviderConfig, via: &str) -> Option<JmapNotice> {
    let jmap = config
        .services
        .iter()
        .find(|s| s.kind == ServiceKind::Jmap)?;
    let session = jmap
        .address
        .starts_with("https://")
        .then(|| jmap.address.clone());
    Some(JmapNotice::at(session, via))
}

/// Fetches and parses one config-v1.1 URL. `Ok(None)` when nothing is published there
/// (no such host, 404, 410).
pub(crate) async fn fetch_config(
    ctx: &Ctx,
    url: &str,
) -> Result<Option<(String, ProviderConfig)>, SourceError> {
    let fetched = match ctx.http()?.get(url).await {
        Ok(f) => f,
        Err(e) if e.is_absent() => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let config =
        config_v11::parse(&fetched.body, ctx.limits).map_err(|error| SourceError::Config {
            url: fetched.url.clone(),
            error,
        })?;
    Ok(Some((fetched.url, config)))
}

/// The servers of a parsed file as candidates for this address.
pub(crate) fn candidates(
    ctx: &Ctx,
    config: &ProviderConfig,
    source: SourceId,
    channel: Channel,
    via: &Via,
) -> Vec<Candidate> {
    config
        .servers
        .iter()
        .map(|s| {
            let mut c = Candidate::new(
                s.protocol,
                &s.host_for(&ctx.email),
                s.port,
                s.security,
                s.username_for(&ctx.email),
                &ctx.email,
                Origin::new(source, channel.clone(), via.clone()),
            );
            c.auth = s.auth.clone();
            c
        })
        .collect()
}
