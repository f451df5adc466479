//! How one discovery answer reached us (`Origin::via`), kept as typed data so the words
//! around the data (provider name, MX host, SRV record, URL) are put in the reader's language
//! only when shown.
//!
//! Three renderings, in the order a caller usually wants them:
//! 1. [`Via::words`]: the whole trail in the current language, for `discover`'s text and its
//!    "said by …" lines.
//! 2. `Display` (and the JSON form): the same trail in English, for `--json` and `--report`,
//!    whose words stay English like their keys.
//! 3. [`Via::data`]: the trail without words (names, hosts, URLs and arrows only), for what
//!    the accounts file keeps beside the source kind, so `accounts list` reads the same in
//!    every language.
//!
//! The SRV trail follows RFC 6186 (`_imaps._tcp` …) and RFC 2782 (priority, weight).

use std::fmt;

use serde::{Serialize, Serializer};

/// Which file the MX host's provider domain answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MxFile {
    /// Mozilla's ISPDB.
    Ispdb,
    /// The provider domain's own autoconfig server.
    Autoconfig,
    /// Autoconfig 1.2's MX step: `https://autoconfig.<base>/.well-known/mail-v1.xml`.
    MailV1,
}

impl MxFile {
    /// The file's name (a proper name, the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            MxFile::Ispdb => "ISPDB",
            MxFile::Autoconfig => "autoconfig",
            MxFile::MailV1 => "mail-v1.xml",
        }
    }
}

/// Who publishes a server, in the table's English words, with the key of their translation
/// (`provider-<id>-server-<n>-per`, checked against the table by tests/i18n_catalog.rs).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Publisher {
    pub english: String,
    pub key: String,
}

impl Publisher {
    /// In the current language (the English words when no translation exists).
    pub fn words(&self) -> String {
        crate::i18n::translated(&self.key).unwrap_or_else(|| self.english.clone())
    }
}

/// What exactly was asked and what it said.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Via {
    /// Nothing recorded.
    #[default]
    Nothing,
    /// A URL asked, with where its redirects ended (`asked → final`): data only.
    Trail(String),
    /// The built-in table's entry for `provider`; `per` names who publishes this server
    /// when sources differ (the table's own words).
    Table {
        provider: String,
        per: Option<Publisher>,
    },
    /// The MX host `mx` belongs to `domain`, which the built-in table knows.
    MxTable {
        mx: String,
        domain: String,
        per: Option<Publisher>,
    },
    /// The MX host `mx` belongs to `domain`, whose `file` answered at `trail`.
    MxFile {
        mx: String,
        domain: String,
        file: MxFile,
        trail: String,
    },
    /// The SRV record `name` points at `target:port` (RFC 6186, RFC 2782).
    Srv {
        name: String,
        target: String,
        port: u16,
        priority: u16,
        weight: u16,
    },
    /// A usual server name that exists in DNS.
    Guess { host: String },
}

impl Via {
    /// The same trail, naming who publishes this server (the table's `per`); only table
    /// answers carry one.
    pub fn per(self, who: Option<Publisher>) -> Self {
        match self {
            Via::Table { provider, .. } => Via::Table { provider, per: who },
            Via::MxTable { mx, domain, .. } => Via::MxTable {
                mx,
                domain,
                per: who,
            },
            other => other,
        }
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        match self {
            Via::Nothing => true,
            Via::Trail(t) => t.is_empty(),
            _ => false,
        }
    }

    /// The trail in the current language.
    pub fn words(&self) -> String {
        let (text, per) = match self {
            Via::Nothing => (String::new(), None),
            Via::Trail(t) => (t.clone(), None),
            Via::Table { provider, per } => {
                (t!("via-table", provider = provider.as_str()), per.as_ref())
            }
            Via::MxTable { mx, domain, per } => (
                t!("via-mx-table", mx = mx.as_str(), domain = domain.as_str()),
                per.as_ref(),
            ),
            Via::MxFile {
                mx,
                domain,
                file,
                trail,
            } => (
                t!(
                    "via-mx-file",
                    mx = mx.as_str(),
                    domain = domain.as_str(),
                    file = file.name(),
                    trail = trail.as_str()
                ),
                None,
            ),
            Via::Srv {
                name,
                target,
                port,
                priority,
                weight,
            } => (
                t!(
                    "via-srv",
                    name = name.as_str(),
                    target = format!("{target}:{port}"),
                    priority = priority.to_string(),
                    weight = weight.to_string()
                ),
                None,
            ),
            Via::Guess { host } => (t!("via-guess", host = host.as_str()), None),
        };
        match per {
            Some(who) => t!("via-per", via = text, per = who.words()),
            None => text,
        }
    }

    /// The trail without words: names, hosts, URLs and arrows (see the module header).
    pub fn data(&self) -> String {
        let (text, per) = match self {
            Via::Nothing => (String::new(), None),
            Via::Trail(t) => (t.clone(), None),
            Via::Table { provider, per } => (provider.clone(), per.as_ref()),
            Via::MxTable { mx, domain, per } => (format!("MX {mx} → {domain}"), per.as_ref()),
            Via::MxFile {
                mx,
                domain,
                file,
                trail,
            } => (
                format!("MX {mx} → {domain} → {} {trail}", file.name()),
                None,
            ),
            Via::Srv {
                name, target, port, ..
            } => (format!("SRV {name} → {target}:{port}"), None),
            Via::Guess { host } => (host.clone(), None),
        };
        match per {
            Some(who) => format!("{text}; {}", who.english),
            None => text,
        }
    }
}

/// English, for `--json` and `--report`.
impl fmt::Display for Via {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = match self {
            Via::Nothing => None,
            Via::Trail(t) => {
                f.write_str(t)?;
                None
            }
            Via::Table { provider, per } => {
                write!(f, "built-in table: {provider}")?;
                per.as_ref()
            }
            Via::MxTable { mx, domain, per } => {
                write!(f, "MX {mx} → {domain} → built-in table")?;
                per.as_ref()
            }
            Via::MxFile {
                mx,
                domain,
                file,
                trail,
            } => {
                write!(f, "MX {mx} → {domain} → {} {trail}", file.name())?;
                None
            }
            Via::Srv {
                name,
                target,
                port,
                priority,
                weight,
            } => {
                write!(
                    f,
                    "SRV {name} → {target}:{port} (priority {priority}, weight {weight})"
                )?;
                None
            }
            Via::Guess { host } => {
                write!(f, "{host} exists in DNS")?;
                None
            }
        };
        match per {
            Some(who) => write!(f, " (per {})", who.english),
            None => Ok(()),
        }
    }
}

/// The English trail as one string, as the JSON documents always had it.
impl Serialize for Via {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Via> {
        vec![
            Via::Table {
                provider: "Gmail".into(),
                per: None,
            }
            .per(Some(Publisher {
                english: "Mozilla ISPDB".into(),
                key: "provider-example-server-1-per".into(),
            })),
            Via::MxTable {
                mx: "aspmx.l.google.com".into(),
                domain: "google.com".into(),
                per: None,
            },
            Via::MxFile {
                mx: "mx.example.net".into(),
                domain: "example.net".into(),
                file: MxFile::Ispdb,
                trail: "https://ispdb.example/example.net".into(),
            },
            Via::Srv {
                name: "_imaps._tcp.example.com".into(),
                target: "imap.example.com".into(),
                port: 993,
                priority: 0,
                weight: 1,
            },
            Via::Guess {
                host: "imap.example.com".into(),
            },
        ]
    }

    #[test]
    fn english_trail_for_json_words_for_people_data_without_words() {
        let english: Vec<String> = all().iter().map(ToString::to_string).collect();
        assert_eq!(english[0], "built-in table: Gmail (per Mozilla ISPDB)");
        assert_eq!(
            english[1],
            "MX aspmx.l.google.com → google.com → built-in table"
        );
        assert_eq!(
            english[3],
            "SRV _imaps._tcp.example.com → imap.example.com:993 (priority 0, weight 1)"
        );
        assert_eq!(english[4], "imap.example.com exists in DNS");
        assert_eq!(
            serde_json::to_value(&all()[0]).unwrap(),
            serde_json::json!("built-in table: Gmail (per Mozilla ISPDB)")
        );
        // The library speaks English until someone chooses: `words` matches `Display`
        // (tests/i18n_cli.rs checks the German words through the binary).
        let words: Vec<String> = all().iter().map(Via::words).collect();
        assert_eq!(words, english);
        for via in all() {
            let data = via.data();
            for word in [
                "built-in table",
                "per ",
                "exists in DNS",
                "priority",
                "weight",
            ] {
                assert!(!data.contains(word), "{data:?}");
            }
        }
        assert_eq!(all()[0].data(), "Gmail; Mozilla ISPDB");
        assert!(Via::Nothing.is_empty() && Via::Trail(String::new()).is_empty());
    }
}
