//! The discovery settings a person or a test gives mailsetup — where discovery asks and whom
//! it trusts — and how they become `DiscoveryOptions`.
//!
//! Both doors build them: the command line from its flags (`cli::flags::DiscoveryFlags`, the
//! clap side, converts into `DiscoverySettings`), the window's runtime from the environment
//! (`DiscoverySettings::from_env`). The variables are the flags' own:
//! `MAILSETUP_CA_FILE` (`--ca-file`), `MAILSETUP_RESOLVE` (`--resolve`, several as
//! `host=addr,host=addr:port`), `MAILSETUP_DNS` (`--dns`), `MAILSETUP_ISPDB_URL`
//! (`--ispdb-url`), `MAILSETUP_HTTP_PORT` (`--http-port`) and `MAILSETUP_MICROSOFT365_URL`
//! (`--microsoft365-url`). A variable is read as the flag's
//! value would be, and a bad one is refused with the words the command line uses for the flag.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use crate::discover::DiscoveryOptions;

/// `--ca-file` / `MAILSETUP_CA_FILE`.
pub const CA_FILE_ENV: &str = "MAILSETUP_CA_FILE";
/// `--resolve` / `MAILSETUP_RESOLVE`.
pub const RESOLVE_ENV: &str = "MAILSETUP_RESOLVE";
/// `--dns` / `MAILSETUP_DNS`.
pub const DNS_ENV: &str = "MAILSETUP_DNS";
/// `--ispdb-url` / `MAILSETUP_ISPDB_URL`.
pub const ISPDB_URL_ENV: &str = "MAILSETUP_ISPDB_URL";
/// `--http-port` / `MAILSETUP_HTTP_PORT`.
pub const HTTP_PORT_ENV: &str = "MAILSETUP_HTTP_PORT";
/// `--microsoft365-url` / `MAILSETUP_MICROSOFT365_URL`.
pub const MICROSOFT365_URL_ENV: &str = "MAILSETUP_MICROSOFT365_URL";

/// Where discovery asks and whom it trusts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiscoverySettings {
    /// Also trust the CA certificates in this PEM file.
    pub ca_file: Option<PathBuf>,
    /// Host names answered with fixed addresses: `HOST=ADDR[:PORT]` each (testing).
    pub resolve: Vec<String>,
    /// The DNS server to ask instead of the system's.
    pub dns: Option<SocketAddr>,
    /// The ISPDB base URL.
    pub ispdb_url: Option<String>,
    /// The port every HTTP(S) request goes to instead of 80/443.
    pub http_port: Option<u16>,
    /// Microsoft 365's Autodiscover v2 base URL.
    pub microsoft365_url: Option<String>,
}

/// A `MAILSETUP_*` variable that is not what its flag takes. `Display` is the command line's
/// own message for the flag (as clap words it, ending in a line break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvError {
    /// A value its flag does not take, with why.
    InvalidValue {
        flag: &'static str,
        value: String,
        reason: String,
    },
    /// An empty value where the flag needs one.
    Empty { flag: &'static str },
    /// A value that is not UTF-8 text.
    NotUtf8,
}

impl fmt::Display for EnvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvError::InvalidValue {
                flag,
                value,
                reason,
            } => write!(f, "error: invalid value '{value}' for '{flag}': {reason}")?,
            EnvError::Empty { flag } => write!(
                f,
                "error: a value is required for '{flag}' but none was supplied"
            )?,
            EnvError::NotUtf8 => write!(
                f,
                "error: invalid UTF-8 was detected in one or more arguments\n\nUsage: mailsetup \
                 [OPTIONS]"
            )?,
        }
        f.write_str("\n\nFor more information, try '--help'.\n")
    }
}

impl std::error::Error for EnvError {}

impl DiscoverySettings {
    /// The settings as the environment gives them.
    pub fn from_env() -> Result<Self, EnvError> {
        Self::from_vars(|name| std::env::var_os(name))
    }

    /// The settings from `var` (a variable's value by name), read in the flags' order; the
    /// first bad one is the error.
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Result<Self, EnvError> {
        let ca_file = match var(CA_FILE_ENV) {
            Some(v) if v.is_empty() => {
                return Err(EnvError::Empty {
                    flag: "--ca-file <PEM>",
                });
            }
            v => v.map(PathBuf::from),
        };
        let resolve = match var(RESOLVE_ENV) {
            // Several, split at each comma; a value that is not UTF-8 has a part that is not.
            Some(v) => text(&v)?.split(',').map(str::to_string).collect(),
            None => Vec::new(),
        };
        let dns = match var(DNS_ENV) {
            Some(v) => {
                let t = text(&v)?;
                Some(
                    t.parse::<SocketAddr>()
                        .map_err(|e| EnvError::InvalidValue {
                            flag: "--dns <IP:PORT>",
                            value: t.clone(),
                            reason: e.to_string(),
                        })?,
                )
            }
            None => None,
        };
        let ispdb_url = var(ISPDB_URL_ENV).map(|v| text(&v)).transpose()?;
        let http_port = var(HTTP_PORT_ENV)
            .map(|v| port(&v, "--http-port <PORT>"))
            .transpose()?;
        let microsoft365_url = var(MICROSOFT365_URL_ENV).map(|v| text(&v)).transpose()?;
        Ok(Self {
            ca_file,
            resolve,
            dns,
            ispdb_url,
            http_port,
            microsoft365_url,
        })
    }

    /// Discovery options with these settings applied to the defaults; the error is a
    /// one-line message naming the flag.
    pub fn options(&self) -> Result<DiscoveryOptions, String> {
        let mut opts = DiscoveryOptions::default();
        opts.dns.server = self.dns;
        for spec in self.resolve.iter().filter(|s| !s.trim().is_empty()) {
            opts.add_resolve(spec).map_err(|e| e.to_string())?;
        }
        if let Some(url) = &self.ispdb_url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(format!(
                    "--ispdb-url {url}: give an http:// or https:// URL"
                ));
            }
            opts.ispdb_url = url.clone();
        }
        if let Some(url) = &self.microsoft365_url {
            if !url.starts_with("https://") {
                return Err(format!("--microsoft365-url {url}: give an https:// URL"));
            }
            opts.microsoft365_url = url.clone();
        }
        if let Some(path) = &self.ca_file {
            opts.add_ca_file(path).map_err(|e| e.to_string())?;
        }
        opts.http.port = self.http_port;
        Ok(opts)
    }
}

/// A value as text.
fn text(value: &OsStr) -> Result<String, EnvError> {
    value.to_str().map(str::to_string).ok_or(EnvError::NotUtf8)
}

/// A port number as the command line reads one: an integer from 0 to 65535.
fn port(value: &OsStr, flag: &'static str) -> Result<u16, EnvError> {
    let t = text(value)?;
    let n = t.parse::<i64>().map_err(|e| EnvError::InvalidValue {
        flag,
        value: t.clone(),
        reason: e.to_string(),
    })?;
    u16::try_from(n).map_err(|_| EnvError::InvalidValue {
        flag,
        value: n.to_string(),
        reason: format!("{n} is not in 0..=65535"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Result<DiscoverySettings, EnvError> {
        let pairs: Vec<(String, OsString)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        DiscoverySettings::from_vars(|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn the_variables_give_the_settings_their_flags_give() {
        let s = vars(&[
            (RESOLVE_ENV, "a.test=127.0.0.1,b.test=127.0.0.2:8443"),
            (DNS_ENV, "127.0.0.1:5353"),
            (HTTP_PORT_ENV, "8080"),
            (ISPDB_URL_ENV, "http://127.0.0.1:1/"),
            (CA_FILE_ENV, "/tmp/ca.pem"),
        ])
        .unwrap();
        assert_eq!(s.resolve, ["a.test=127.0.0.1", "b.test=127.0.0.2:8443"]);
        assert_eq!(s.dns, Some("127.0.0.1:5353".parse().unwrap()));
        assert_eq!(s.http_port, Some(8080));
        assert_eq!(s.ispdb_url.as_deref(), Some("http://127.0.0.1:1/"));
        assert_eq!(s.ca_file, Some(PathBuf::from("/tmp/ca.pem")));
        assert_eq!(vars(&[]).unwrap(), DiscoverySettings::default());
    }

    #[test]
    fn a_bad_variable_is_refused_in_the_flags_words() {
        assert_eq!(
            vars(&[(DNS_ENV, "nowhere")]).unwrap_err().to_string(),
            "error: invalid value 'nowhere' for '--dns <IP:PORT>': invalid socket address \
             syntax\n\nFor more information, try '--help'.\n"
        );
        assert_eq!(
            vars(&[(HTTP_PORT_ENV, "70000")]).unwrap_err().to_string(),
            "error: invalid value '70000' for '--http-port <PORT>': 70000 is not in \
             0..=65535\n\nFor more information, try '--help'.\n"
        );
        assert_eq!(
            vars(&[(CA_FILE_ENV, "")]).unwrap_err().to_string(),
            "error: a value is required for '--ca-file <PEM>' but none was supplied\n\nFor \
             more information, try '--help'.\n"
        );
        let bad = DiscoverySettings {
            ispdb_url: Some("ftp://x".into()),
            ..DiscoverySettings::default()
        };
        assert!(bad.options().unwrap_err().starts_with("--ispdb-url"));
        let plain = DiscoverySettings {
            microsoft365_url: Some("http://127.0.0.1:9/".into()),
            ..DiscoverySettings::default()
        };
        assert!(
            plain
                .options()
                .unwrap_err()
                .starts_with("--microsoft365-url")
        );
        let loopback = vars(&[(MICROSOFT365_URL_ENV, "https://m365.test/v1.0/")]).unwrap();
        assert_eq!(
            loopback.options().unwrap().microsoft365_url,
            "https://m365.test/v1.0/"
        );
    }
}
