//! Why a discovery source gave nothing, in the person's language: what the window's lookup
//! page and the text of `mailsetup discover` show beside a failed source.
//!
//! Chosen by the error's type, one sentence per kind of failure, with the place it happened
//! (URL or DNS name) as the only detail. The `Display` of these errors stays English and
//! complete (library details, durations): it is what logs, the technician report and
//! `--json` carry.

use crate::dns::DnsError;

use super::autodiscover_xml::AutodiscoverError;
use super::config_v11::ConfigError;
use super::http::FetchError;
use super::pacc_doc::PaccError;
use super::providers::TableError;
use super::result::SourceError;

impl SourceError {
    /// The failure in one sentence of the current language.
    pub fn words(&self) -> String {
        match self {
            SourceError::Http(e) => e.words(),
            SourceError::Config { url, error } => error.words(url),
            SourceError::Autodiscover { url, error } => error.words(url),
            SourceError::Dns(e) => e.words(),
            SourceError::Table(e) => e.words(),
            SourceError::TimedOut { after } => {
                t!("discover-why-no-answer", seconds = after.as_secs().max(1))
            }
            SourceError::BadHost { place, .. } => {
                t!("discover-why-bad-host", place = place.as_str())
            }
            SourceError::Pacc(e) => e.words(),
        }
    }
}

impl FetchError {
    /// The failure in one sentence of the current language, naming the URL.
    pub fn words(&self) -> String {
        match self {
            FetchError::NoSuchHost { url } => {
                t!("discover-why-no-such-name", place = url.as_str())
            }
            FetchError::Dns { url, .. } => t!("discover-why-lookup-failed", place = url.as_str()),
            FetchError::Timeout { url, after } => t!(
                "discover-why-timeout",
                place = url.as_str(),
                seconds = after.as_secs().max(1)
            ),
            FetchError::Refused { url } => t!("discover-why-refused", place = url.as_str()),
            FetchError::Connect { url, .. } => t!("discover-why-connect", place = url.as_str()),
            FetchError::Tls { url, .. } => t!("discover-why-tls", place = url.as_str()),
            FetchError::Status { url, status } => t!(
                "discover-why-http-status",
                place = url.as_str(),
                status = status.to_string()
            ),
            FetchError::TooLarge { url, .. } => {
                t!("discover-why-too-large", place = url.as_str())
            }
            FetchError::TooManyRedirects { url, .. } | FetchError::RedirectLoop { url, .. } => {
                t!("discover-why-redirects", place = url.as_str())
            }
            FetchError::InsecureRedirect { from, .. } => {
                t!("discover-why-insecure-redirect", place = from.as_str())
            }
            FetchError::PrivateRedirect { url, .. } => {
                t!("discover-why-private-redirect", place = url.as_str())
            }
            FetchError::BadRedirect { url, .. } => {
                t!("discover-why-bad-host", place = url.as_str())
            }
            FetchError::Other { url, .. } => t!("discover-why-failed", place = url.as_str()),
            FetchError::Setup(_) => t!("discover-why-setup"),
        }
    }
}

impl ConfigError {
    /// The document at `url` was refused, in one sentence of the current language.
    pub fn words(&self, url: &str) -> String {
        match self {
            ConfigError::BadHostName { .. } => t!("discover-why-bad-host", place = url),
            ConfigError::BadIssuer(_) => t!("discover-why-bad-issuer", place = url),
            _ => t!("discover-why-bad-file", place = url),
        }
    }
}

impl PaccError {
    /// Why the PACC file was not used, in one sentence of the current language.
    pub fn words(&self) -> String {
        match self {
            PaccError::NoDigest { url, name } => t!(
                "discover-why-pacc-no-digest",
                place = url.as_str(),
                name = name.as_str()
            ),
            PaccError::Mismatch { url, name, .. } => t!(
                "discover-why-pacc-mismatch",
                place = url.as_str(),
                name = name.as_str()
            ),
            PaccError::Document { url, .. } => t!("discover-why-bad-file", place = url.as_str()),
        }
    }
}

impl AutodiscoverError {
    /// The Autodiscover answer at `url` was refused, in one sentence of the current language.
    pub fn words(&self, url: &str) -> String {
        match self {
            AutodiscoverError::TooManyRedirects { .. } => {
                t!("discover-why-redirects", place = url)
            }
            AutodiscoverError::BadHostName { .. } => t!("discover-why-bad-host", place = url),
            AutodiscoverError::TooLarge { .. } => t!("discover-why-too-large", place = url),
            _ => t!("discover-why-bad-file", place = url),
        }
    }
}

impl TableError {
    /// The built-in table could not be read, in one sentence of the current language.
    pub fn words(&self) -> String {
        t!("discover-why-setup")
    }
}

impl DnsError {
    /// The failure in one sentence of the current language, naming the DNS name.
    pub fn words(&self) -> String {
        match self {
            DnsError::NotFound { name } => {
                t!("discover-why-no-such-name", place = name.as_str())
            }
            DnsError::Failed { name, .. } => {
                t!("discover-why-lookup-failed", place = name.as_str())
            }
            DnsError::Timeout { name, after, .. } => t!(
                "discover-why-timeout",
                place = name.as_str(),
                seconds = after.as_secs().max(1)
            ),
            DnsError::Setup(_) => t!("discover-why-setup"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn each_failure_names_its_place_in_english_by_default() {
        let url = "https://autoconfig.example.com/mail/config-v1.1.xml";
        let cases = [
            (
                SourceError::Http(FetchError::Status {
                    url: url.into(),
                    status: 500,
                }),
                format!("{url} answered with HTTP error 500"),
            ),
            (
                SourceError::Dns(DnsError::NotFound {
                    name: "_imaps._tcp.example.com".into(),
                }),
                "_imaps._tcp.example.com does not exist".into(),
            ),
            (
                SourceError::Config {
                    url: url.into(),
                    error: ConfigError::NoServers,
                },
                format!("the settings file at {url} is not usable"),
            ),
            (
                SourceError::TimedOut {
                    after: Duration::from_millis(2500),
                },
                "no answer within 2 s".into(),
            ),
        ];
        for (error, words) in cases {
            assert_eq!(error.words(), words, "{error:?}");
        }
    }
}
