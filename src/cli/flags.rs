//! What several commands take alike, written once: the discovery flags (`DiscoveryFlags`,
//! flattened into `discover`, `diagnose` and `accounts check`; they become
//! `config::DiscoverySettings`, which the window's runtime reads from the same environment
//! variables), the keychain and pinned-key parsers, and the check of a number of
//! seconds given on the command line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::config::{
    CA_FILE_ENV, DNS_ENV, DiscoverySettings, HTTP_PORT_ENV, ISPDB_URL_ENV, MICROSOFT365_URL_ENV,
    RESOLVE_ENV,
};
use crate::discover::DiscoveryOptions;
use crate::store::KeychainKind;
use crate::trust::pin::{EndpointPin, PinError};

/// Where discovery asks and whom it trusts. Each flag may also come from its environment
/// variable (`MAILSETUP_CA_FILE`, `MAILSETUP_RESOLVE` as `host=addr,host=addr:port`,
/// `MAILSETUP_DNS`, `MAILSETUP_ISPDB_URL`, `MAILSETUP_HTTP_PORT`): the window takes them from
/// there, the same settings a technician passes the commands as flags.
#[derive(Debug, Clone, Default, Args)]
pub struct DiscoveryFlags {
    /// Also trust the CA certificates in this PEM file.
    #[arg(long, value_name = "PEM", env = CA_FILE_ENV)]
    pub ca_file: Option<PathBuf>,
    /// Answer a host name with a fixed address (testing; repeatable): HOST=ADDR[:PORT].
    #[arg(
        long,
        value_name = "HOST=ADDR",
        hide = true,
        env = RESOLVE_ENV,
        value_delimiter = ','
    )]
    pub resolve: Vec<String>,
    /// Discovery: ask this DNS server (IP:PORT) instead of the system's.
    #[arg(long, value_name = "IP:PORT", hide = true, env = DNS_ENV)]
    pub dns: Option<SocketAddr>,
    /// Discovery: ISPDB base URL.
    #[arg(long, value_name = "URL", hide = true, env = ISPDB_URL_ENV)]
    pub ispdb_url: Option<String>,
    /// Discovery: send every HTTP(S) request to this port instead of 80/443.
    #[arg(long, value_name = "PORT", hide = true, env = HTTP_PORT_ENV)]
    pub http_port: Option<u16>,
    /// Discovery: Microsoft 365's Autodiscover v2 base URL (asked when the MX is Microsoft's).
    #[arg(long, value_name = "URL", hide = true, env = MICROSOFT365_URL_ENV)]
    pub microsoft365_url: Option<String>,
}

impl DiscoveryFlags {
    /// The settings these flags give (`config::DiscoverySettings`, which the window's runtime
    /// reads from the environment instead).
    pub fn settings(&self) -> DiscoverySettings {
        DiscoverySettings::from(self.clone())
    }

    /// Discovery options with these flags applied to the defaults; the error is a one-line
    /// message naming the flag.
    pub fn options(&self) -> Result<DiscoveryOptions, String> {
        self.settings().options()
    }
}

impl From<DiscoveryFlags> for DiscoverySettings {
    fn from(f: DiscoveryFlags) -> Self {
        Self {
            ca_file: f.ca_file,
            resolve: f.resolve,
            dns: f.dns,
            ispdb_url: f.ispdb_url,
            http_port: f.http_port,
            microsoft365_url: f.microsoft365_url,
        }
    }
}

/// A number of seconds from the command line as a duration, when it is above zero and at
/// most `max`.
pub fn seconds(secs: f64, max: Duration) -> Option<Duration> {
    Duration::try_from_secs_f64(secs)
        .ok()
        .filter(|d| !d.is_zero() && *d <= max)
}

/// The longest deadline `--timeout` gives one network step.
pub const MAX_STEP_TIMEOUT: Duration = Duration::from_secs(600);

/// A `--timeout` that is not a number of seconds above 0 and at most 600.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("--timeout must be a number of seconds above 0 and at most 600, not {0}")]
pub struct StepTimeoutError(pub f64);

impl StepTimeoutError {
    /// The problem in the current language (`Display` stays English).
    pub fn words(&self) -> String {
        t!("cli-timeout-invalid", value = self.0.to_string())
    }
}

/// `--timeout SECS` (`diagnose`, `accounts check`): the deadline for each network step.
pub fn step_timeout(secs: f64) -> Result<Duration, StepTimeoutError> {
    seconds(secs, MAX_STEP_TIMEOUT).ok_or(StepTimeoutError(secs))
}

/// `--keychain secret-service|keyutils`.
pub fn parse_keychain(text: &str) -> Result<KeychainKind, String> {
    text.parse::<KeychainKind>().map_err(|e| e.to_string())
}

/// `--pin-sha256 HOST:PORT=BASE64`.
pub fn parse_pin(text: &str) -> Result<EndpointPin, String> {
    text.parse().map_err(|e: PinError| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn seconds_above_zero_up_to_the_limit_are_taken_and_nothing_else() {
        let max = Duration::from_secs(600);
        assert_eq!(seconds(0.5, max), Some(Duration::from_millis(500)));
        assert_eq!(seconds(600.0, max), Some(max));
        for bad in [0.0, -1.0, 600.5, f64::NAN, f64::INFINITY] {
            assert_eq!(seconds(bad, max), None, "{bad}");
        }
    }

    #[test]
    fn the_flags_come_from_the_command_line_as_from_the_environment() {
        #[derive(Debug, Parser)]
        struct Cmd {
            #[command(flatten)]
            flags: DiscoveryFlags,
        }
        let cmd = Cmd::try_parse_from([
            "x",
            "--resolve",
            "a.test=127.0.0.1,b.test=127.0.0.2:8443",
            "--dns",
            "127.0.0.1:5353",
            "--http-port",
            "8080",
        ])
        .unwrap();
        let opts = cmd.flags.options().unwrap();
        assert_eq!(opts.overrides.len(), 2);
        assert_eq!(opts.dns.server, Some("127.0.0.1:5353".parse().unwrap()));
        assert_eq!(opts.http.port, Some(8080));
        let bad = DiscoveryFlags {
            ispdb_url: Some("ftp://x".into()),
            ..DiscoveryFlags::default()
        };
        assert!(bad.options().unwrap_err().starts_with("--ispdb-url"));
    }
}
