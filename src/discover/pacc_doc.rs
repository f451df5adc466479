//! The PACC document and its DNS digest (draft-ietf-mailmaint-pacc), read by pure functions:
//! the JSON file `user-agent-configuration.json`, the `_ua-auto-config` TXT records
//! (`v=UAAC1; a=sha256; d=<base64>`), and the check that binds one to the other.
//!
//! Order of work: the body is capped in bytes and in nesting depth before the JSON parser
//! sees it; only then are the few fields we use read (`protocols.imap/pop3/smtp.host`,
//! `protocols.jmap.url`, `authentication.oauth-public.issuer`, `info.provider.name`);
//! everything else is ignored. Every host must be a host name and the issuer an `https` URL
//! of one (`host_name`), else the whole document is refused.
//!
//! The digest is the SHA-256 of the raw bytes as served; several TXT records may exist while
//! a provider rolls its file over, and any one matching is enough. Digests are compared in
//! constant time. No match means the file is not used at all.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

use super::host_name::{self, BadHostName, BadIssuer};

/// Largest document accepted, in bytes (real ones are well under 4 KiB).
pub const MAX_BYTES: usize = 64 * 1024;
/// Deepest nesting of objects and arrays accepted (the format needs 5).
pub const MAX_DEPTH: usize = 16;
/// TXT records looked at, at most (a key roll needs two).
pub const MAX_RECORDS: usize = 16;

/// What a PACC document says, as far as mailsetup uses it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PaccConfig {
    /// `protocols.imap.host` (implicit TLS on 993).
    pub imap: Option<String>,
    /// `protocols.pop3.host` (implicit TLS on 995).
    pub pop3: Option<String>,
    /// `protocols.smtp.host` (implicit TLS on 465).
    pub smtp: Option<String>,
    /// `protocols.jmap.url`: the JMAP session resource, noticed, never signed in to.
    pub jmap: Option<String>,
    /// `authentication.oauth-public.issuer`: an OAuth issuer for clients without a
    /// registered client id.
    pub issuer: Option<String>,
    /// `info.provider.name`, may be empty.
    pub provider: String,
}

/// Why a PACC document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaccDocError {
    #[error("the document is {bytes} bytes, more than the {limit} allowed")]
    TooLarge { bytes: usize, limit: usize },
    #[error("the document nests deeper than {limit} levels")]
    TooDeep { limit: usize },
    #[error("the document is not valid JSON of the expected shape: {detail}")]
    Json { detail: String },
    #[error("the document names no IMAP, POP3 or SMTP server")]
    NoServers,
    #[error("its {protocol} host {error}")]
    BadHost {
        protocol: &'static str,
        error: BadHostName,
    },
    #[error("its OAuth issuer {0}")]
    BadIssuer(BadIssuer),
}

/// Why a PACC source gave nothing, in words a technician can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaccError {
    /// The file exists but DNS publishes no digest for it: nothing binds it to the domain.
    #[error("{url} was not used: {name} publishes no UAAC1 SHA-256 digest to check it against")]
    NoDigest { url: String, name: String },
    /// DNS publishes digests, and none is the file's.
    #[error(
        "{url} was not used: its SHA-256 matches none of the {records} digest(s) published at {name}"
    )]
    Mismatch {
        url: String,
        name: String,
        records: usize,
    },
    /// The file matched its digest but could not be read.
    #[error("{url}: {error}")]
    Document { url: String, error: PaccDocError },
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Doc {
    protocols: Protocols,
    authentication: Authentication,
    info: Info,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Protocols {
    imap: Option<HostEntry>,
    pop3: Option<HostEntry>,
    smtp: Option<HostEntry>,
    jmap: Option<UrlEntry>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct HostEntry {
    host: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UrlEntry {
    url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Authentication {
    #[serde(rename = "oauth-public")]
    oauth_public: Option<Issuer>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Issuer {
    issuer: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Info {
    provider: Option<Provider>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Provider {
    name: Option<String>,
}

/// How deep objects and arrays nest, counted without parsing (strings and escapes skipped);
/// stops counting once past `limit`.
fn depth_over(bytes: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Parses one PACC document.
pub fn parse(bytes: &[u8]) -> Result<PaccConfig, PaccDocError> {
    if bytes.len() > MAX_BYTES {
        return Err(PaccDocError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    if depth_over(bytes, MAX_DEPTH) {
        return Err(PaccDocError::TooDeep { limit: MAX_DEPTH });
    }
    let doc: Doc = serde_json::from_slice(bytes).map_err(|e| PaccDocError::Json {
        detail: e.to_string(),
    })?;
    let host = |protocol: &'static str, entry: Option<HostEntry>| match entry
        .and_then(|e| e.host)
        .map(|h| h.trim().to_string())
    {
        None => Ok(None),
        Some(h) if h.is_empty() => Ok(None),
        Some(h) => host_name::check_host(&h)
            .map(Some)
            .map_err(|error| PaccDocError::BadHost { protocol, error }),
    };
    let p = doc.protocols;
    let config = PaccConfig {
        imap: host("IMAP", p.imap)?,
        pop3: host("POP3", p.pop3)?,
        smtp: host("SMTP", p.smtp)?,
        jmap: p
            .jmap
            .and_then(|j| j.url)
            .map(|u| u.trim().to_string())
            .filter(|u| u.starts_with("https://") && host_name::check_issuer(u).is_ok()),
        issuer: match doc.authentication.oauth_public.and_then(|o| o.issuer) {
            Some(i) if !i.trim().is_empty() => {
                let i = i.trim().to_string();
                host_name::check_issuer(&i).map_err(PaccDocError::BadIssuer)?;
                Some(i)
            }
            _ => None,
        },
        provider: doc
            .info
            .provider
            .and_then(|p| p.name)
            .map(|n| n.trim().chars().take(200).collect())
            .unwrap_or_default(),
    };
    if config.imap.is_none() && config.pop3.is_none() && config.smtp.is_none() {
        return Err(PaccDocError::NoServers);
    }
    Ok(config)
}

/// The SHA-256 digests the `_ua-auto-config` TXT records publish: records that are not
/// `v=UAAC1` with `a=sha256` and a 32-byte base64 `d` are left out (at most `MAX_RECORDS`
/// records are looked at).
pub fn digests(records: &[String]) -> Vec<[u8; 32]> {
    records
        .iter()
        .take(MAX_RECORDS)
        .filter_map(|r| digest_of(r))
        .collect()
}

fn digest_of(record: &str) -> Option<[u8; 32]> {
    let (mut version, mut algorithm, mut data) = (None, None, None);
    for tag in record.split(';') {
        let Some((k, v)) = tag.split_once('=') else {
            continue;
        };
        let v = v.trim();
        match k.trim().to_ascii_lowercase().as_str() {
            "v" => version = Some(v),
            "a" => algorithm = Some(v),
            "d" => data = Some(v),
            _ => {}
        }
    }
    if version != Some("UAAC1") || !algorithm?.eq_ignore_ascii_case("sha256") {
        return None;
    }
    let data: String = data?.chars().filter(|c| !c.is_whitespace()).collect();
    B64.decode(data).ok()?.try_into().ok()
}

/// The SHA-256 of `body`, the form a TXT record publishes it in (`d=` value).
pub fn digest_text(body: &[u8]) -> String {
    B64.encode(ring::digest::digest(&ring::digest::SHA256, body).as_ref())
}

/// Whether the SHA-256 of `body` is one of `published`; each comparison takes the same time
/// whatever the bytes.
pub fn matches(body: &[u8], published: &[[u8; 32]]) -> bool {
    let ours = ring::digest::digest(&ring::digest::SHA256, body);
    let ours = ours.as_ref();
    published.iter().fold(false, |found, theirs| {
        let diff = theirs
            .iter()
            .zip(ours)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        found | (diff == 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FASTMAIL_LIKE: &str = r#"{
      "protocols": {
        "imap": {"host": "imap.mail.example"},
        "smtp": {"host": "SMTP.mail.example"},
        "managesieve": {"host": "sieve.mail.example"},
        "jmap": {"url": "https://api.mail.example/jmap/session"},
        "caldav": {"url": "https://dav.mail.example/"}
      },
      "authentication": {"oauth-public": {"issuer": "https://login.mail.example"}, "password": true},
      "info": {"provider": {"name": "Example Mail", "logo": [{"url": "https://x", "content-type": "image/svg+xml"}]}}
    }"#;

    #[test]
    fn reads_hosts_jmap_issuer_and_name() {
        let c = parse(FASTMAIL_LIKE.as_bytes()).unwrap();
        assert_eq!(c.imap.as_deref(), Some("imap.mail.example"));
        assert_eq!(c.smtp.as_deref(), Some("smtp.mail.example"));
        assert_eq!(c.pop3, None);
        assert_eq!(
            c.jmap.as_deref(),
            Some("https://api.mail.example/jmap/session")
        );
        assert_eq!(c.issuer.as_deref(), Some("https://login.mail.example"));
        assert_eq!(c.provider, "Example Mail");
    }

    #[test]
    fn hostile_documents_are_refused_plainly() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(
            parse(deep.as_bytes()),
            Err(PaccDocError::TooDeep { limit: MAX_DEPTH })
        );
        // Brackets inside strings do not count.
        let quoted = format!(
            r#"{{"info": {{"provider": {{"name": "{}"}}}}, "protocols": {{"imap": {{"host": "a.example"}}}}}}"#,
            "[\\\"{".repeat(50)
        );
        assert!(parse(quoted.as_bytes()).is_ok());
        assert!(matches!(
            parse(&vec![b' '; MAX_BYTES + 1]),
            Err(PaccDocError::TooLarge { .. })
        ));
        assert!(matches!(parse(b"<html>"), Err(PaccDocError::Json { .. })));
        assert!(matches!(
            parse(br#"{"protocols": {"imap": {"host": 7}}}"#),
            Err(PaccDocError::Json { .. })
        ));
        assert_eq!(
            parse(br#"{"protocols": {"jmap": {"url": "https://j.example/"}}}"#),
            Err(PaccDocError::NoServers)
        );
        assert!(matches!(
            parse(br#"{"protocols": {"imap": {"host": "a b;rm -rf"}}}"#),
            Err(PaccDocError::BadHost {
                protocol: "IMAP",
                ..
            })
        ));
        assert!(matches!(
            parse(
                br#"{"protocols": {"imap": {"host": "a.example"}}, "authentication": {"oauth-public": {"issuer": "http://plain.example"}}}"#
            ),
            Err(PaccDocError::BadIssuer(_))
        ));
    }

    #[test]
    fn any_published_digest_may_match_and_only_an_exact_one_does() {
        let body = FASTMAIL_LIKE.as_bytes();
        let good = format!("v=UAAC1; a=sha256; d={}", digest_text(body));
        let other = format!("v=UAAC1; a=sha256; d={}", digest_text(b"an older file"));
        let records = vec![
            "v=spf1 -all".to_string(),
            other.clone(),
            good.replace("; ", ";"),
        ];
        let published = digests(&records);
        assert_eq!(published.len(), 2, "the SPF record is not a digest");
        assert!(matches(body, &published));
        assert!(!matches(&body[1..], &published));
        assert!(!matches(body, &digests(&[other])));
        // Wrong version, algorithm or length: not a digest at all.
        for bad in [
            good.replace("UAAC1", "UAAC2"),
            good.replace("sha256", "sha1"),
            "v=UAAC1; a=sha256; d=AAAA".to_string(),
            "v=UAAC1; a=sha256; d=!!!".to_string(),
        ] {
            assert!(digests(std::slice::from_ref(&bad)).is_empty(), "{bad}");
        }
    }
}
