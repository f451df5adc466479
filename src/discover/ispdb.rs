//! Mozilla's ISPDB (Thunderbird's provider database): `<base>/<domain>` returns a
//! config-v1.1 file for known providers. The base URL is configurable (tests use a loopback
//! server; the default is `autoconfig.thunderbird.net/v1.1/`). Trusted, and vouching for the
//! hosts it names, when asked over verified HTTPS and answered from the ISPDB's own site (a
//! redirect elsewhere, or a plain-HTTP base URL, takes that away).

use super::autoconfig;
use super::ctx::{Ctx, Findings};
use super::result::SourceError;
use super::source::{Channel, SourceId};
use super::via::Via;
use super::vouch::site_of;

/// The ISPDB URL for `domain`.
pub(crate) fn url(ctx: &Ctx, domain: &str) -> String {
    let base = ctx.ispdb_url.trim_end_matches('/');
    format!("{base}/{domain}")
}

pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let url = url(ctx, ctx.email.domain_ascii());
    let mut f = Findings {
        asked: vec![url.clone()],
        ..Findings::default()
    };
    match autoconfig::fetch_config(ctx, &url).await? {
        Some((final_url, config)) => {
            let channel = Channel::of_fetch(&url, &final_url, &site_of(&url));
            if channel.verified() {
                ctx.vouch_date(&final_url);
            }
            f.notes.extend(config.warnings.iter().cloned());
            let via = autoconfig::via(&url, &final_url);
            f.oauth2 = autoconfig::oauth2(&config, SourceId::Ispdb, &channel, &via);
            let via = Via::Trail(via);
            f.candidates = autoconfig::candidates(ctx, &config, SourceId::Ispdb, channel, &via);
        }
        None => f.notes.push(format!(
            "ISPDB has no entry for {}",
            ctx.email.domain_ascii()
        )),
    }
    Ok(f)
}
