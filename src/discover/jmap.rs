//! Whether the domain also offers JMAP (RFC 8620 §2.2): its well-known session URL
//! `https://<domain>/.well-known/jmap` and the `_jmap._tcp.<domain>` SRV record, asked at once.
//!
//! The well-known URL counts when it answers with a JMAP session (a JSON object whose
//! `capabilities` hold `urn:ietf:params:jmap:core`), or when it redirects to a resource that
//! asks for sign-in (401): servers keep the session behind authentication, and we send none.
//! An SRV record counts unless its target is "." (not offered). What is found becomes a
//! `JmapNotice`; no candidate is made and nothing signs in to JMAP.
//!
//! Bounded: the HTTP client caps the body; serde_json caps nesting, and skips what we ignore
//! without recursing; only the keys of `capabilities` are kept.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::ctx::{Ctx, Findings};
use super::http::Request;
use super::result::{JmapNotice, SourceError};

/// The capability every JMAP session names (RFC 8620 §2).
const CORE: &str = "urn:ietf:params:jmap:core";

#[derive(Deserialize)]
struct Session {
    capabilities: BTreeMap<String, IgnoredAny>,
}

/// Whether `body` is a JMAP session object.
pub(crate) fn is_session(body: &[u8]) -> bool {
    serde_json::from_slice::<Session>(body).is_ok_and(|s| s.capabilities.contains_key(CORE))
}

pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let domain = ctx.email.domain_ascii();
    let url = format!("https://{domain}/.well-known/jmap");
    let srv_name = format!("_jmap._tcp.{domain}");
    let mut f = Findings {
        asked: vec![url.clone(), format!("SRV {srv_name}")],
        ..Findings::default()
    };
    let dns = ctx.dns()?;
    let http = ctx.http()?;
    let request = Request {
        url: &url,
        form: None,
        bearer: None,
    };
    let (answer, records) = tokio::join!(http.send(request), dns.srv(&srv_name));
    let mut notice: Option<JmapNotice> = None;
    let mut add = |n: JmapNotice| match notice.as_mut() {
        Some(have) => have.merge(n),
        None => notice = Some(n),
    };
    match answer {
        Ok(a) if a.status == 200 && is_session(&a.body) => {
            add(JmapNotice::at(
                Some(a.url.clone()),
                &super::autoconfig::via(&url, &a.url),
            ));
        }
        Ok(a) if a.status == 401 && a.url != url => {
            add(JmapNotice::at(
                Some(a.url.clone()),
                &super::autoconfig::via(&url, &a.url),
            ));
        }
        Ok(a) => f
            .notes
            .push(format!("{url}: HTTP {}, not a JMAP session", a.status)),
        Err(e) if e.is_absent() => f.notes.push(format!("{url}: nothing published there")),
        Err(e) => f.notes.push(e.to_string()),
    }
    match records {
        Ok(records) => {
            for r in records.iter().take(8) {
                if r.not_offered() {
                    f.notes.push(format!("{srv_name} says JMAP is not offered"));
                } else if super::host_name::check_host(&r.target).is_ok() {
                    add(JmapNotice::at(
                        None,
                        &format!("SRV {srv_name} → {}:{}", r.target, r.port),
                    ));
                }
            }
        }
        Err(e) => f.notes.push(e.to_string()),
    }
    f.jmap = notice;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_names_the_core_capability() {
        let session =
            br#"{"capabilities": {"urn:ietf:params:jmap:core": {"maxSizeUpload": 50000000},
            "urn:ietf:params:jmap:mail": {}}, "accounts": {}, "apiUrl": "https://x/api/"}"#;
        assert!(is_session(session));
        assert!(!is_session(
            br#"{"capabilities": {"urn:example:other": {}}}"#
        ));
        assert!(!is_session(b"<html>It works!</html>"));
        assert!(!is_session(
            br#"{"capabilities": ["urn:ietf:params:jmap:core"]}"#
        ));
        let deep = format!(
            r#"{{"capabilities": {{"{CORE}": {}{}}}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        // Deep nesting inside a capability is skipped without recursion: read, no crash.
        assert!(is_session(deep.as_bytes()));
    }
}
