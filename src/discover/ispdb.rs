//! Mozilla's ISPDB (Thunderbird's provider database): `<base>/<domain>` returns a
//! config-v1.1 file for known providers. The base URL is configurable (tests use a loopback
//! server; the default is `autoconfig.thunderbird.net/v1.1/`). Trusted when fetched over
//! verified HTTPS.

use super::candidate::{SourceId, Trust};
use super::{Ctx, Findings, SourceError, autoconfig};

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
            let trust = if final_url.starts_with("https://") {
                Trust::Trusted
            } else {
                Trust::Insecure
            };
            f.notes.extend(config.warnings.iter().cloned());
            f.candidates = autoconfig::candidates(ctx, &config, SourceId::Ispdb, trust, &final_url);
        }
        None => f.notes.push(format!(
            "ISPDB has no entry for {}",
            ctx.email.domain_ascii()
        )),
    }
    Ok(f)
}
