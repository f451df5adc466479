//! What the runtime needs to reach the world (`RuntimeConfig`): deadlines, resolver and trust
//! for server tests, where discovery asks, the account file's folder, the round trip's
//! waiting, the OAuth overrides; read from the environment the way the command line reads its
//! flags. Tests point it at loopback.

use std::path::PathBuf;

use rustls_pki_types::CertificateDer;

use crate::config::{DiscoverySettings, EnvError};
use crate::discover::DiscoveryOptions;
use crate::probe::{self, CertTrust, CertTrustError, ProbeOptions};
use crate::roundtrip::RoundTripOptions;

/// Everything the runtime needs to reach the world; tests point it at loopback.
#[derive(Debug, Clone)]
pub struct RuntimeConfig {
    /// Deadlines, resolver and trust for server tests (`allow_plaintext` is set per test).
    pub probe: ProbeOptions,
    /// Certificate authorities trusted on top of the platform's (tests: the test CA). Kept
    /// so a CA file the person picks can be added to them.
    pub extra_roots: Vec<CertificateDer<'static>>,
    /// Where the account file lives (`None`: the per-user default).
    pub config_dir: Option<PathBuf>,
    /// The certificate authority file the environment gave (`MAILSETUP_CA_FILE`): its roots
    /// are in `extra_roots`; an account saved with it keeps a copy, so `accounts check`
    /// trusts it with no flags (unless the person chose another one on the manual page).
    pub ca_file: Option<PathBuf>,
    /// Where discovery asks (DNS server, ISPDB, extra roots, host overrides, deadlines).
    pub discovery: DiscoveryOptions,
    /// How long "Send a test message to myself" waits for the message, and how often it
    /// looks (the command line's defaults).
    pub round_trip: RoundTripOptions,
    /// Where "Sign in with <provider>" signs in instead of the provider table's issuer
    /// (`MAILSETUP_OAUTH_ISSUER`, `MAILSETUP_OAUTH_SCOPES`; the client id as the command
    /// line reads it: `MAILSETUP_OAUTH_CLIENT_ID[_<PROVIDER>]`, `oauth.json`, the table).
    pub oauth: crate::oauth::session::Overrides,
}

/// Why a runtime configuration could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Trust(#[from] CertTrustError),
    /// A `MAILSETUP_*` variable that is not what its flag takes.
    #[error(transparent)]
    Env(#[from] EnvError),
    #[error("{0}")]
    Discovery(String),
}

impl RuntimeConfig {
    /// The platform's trust and resolver, default deadlines.
    pub fn new(extra_roots: Vec<CertificateDer<'static>>) -> Result<Self, ConfigError> {
        let trust = CertTrust::with_extra_roots(extra_roots.clone())?;
        let discovery = DiscoveryOptions {
            extra_roots: extra_roots.clone(),
            ..DiscoveryOptions::default()
        };
        let mut probe = ProbeOptions::new(trust);
        probe.connectivity = Some(probe::ConnectivityCheck::public_default());
        Ok(Self {
            probe,
            extra_roots,
            config_dir: None,
            ca_file: None,
            discovery,
            round_trip: RoundTripOptions::default(),
            oauth: crate::oauth::session::Overrides::default(),
        })
    }

    /// Uses these discovery options; the probe then resolves names the same way discovery
    /// does (overrides, then the configured name server).
    pub fn set_discovery(&mut self, opts: DiscoveryOptions) {
        self.probe.resolver = opts.host_resolver();
        self.discovery = opts;
    }

    /// Reads the settings a technician or a test may give through the environment, the
    /// same ones the command line takes as flags, read as the flags are
    /// (`config::DiscoverySettings`): `MAILSETUP_CA_FILE` (PEM roots to trust as well),
    /// `MAILSETUP_RESOLVE` (`host=addr,host=addr:port`), `MAILSETUP_DNS` (a name server,
    /// `addr:port`), `MAILSETUP_ISPDB_URL`, `MAILSETUP_HTTP_PORT` (the port for autoconfig
    /// requests); `MAILSETUP_CONFIG_DIR` (the account file's directory); and
    /// `MAILSETUP_OAUTH_ISSUER` / `MAILSETUP_OAUTH_SCOPES` (`oauth::session::Overrides`).
    pub fn from_env() -> Result<Self, ConfigError> {
        let settings = DiscoverySettings::from_env()?;
        let discovery = settings.options().map_err(ConfigError::Discovery)?;
        let mut config = Self::new(discovery.extra_roots.clone())?;
        config.set_discovery(discovery);
        config.ca_file = settings.ca_file;
        config.config_dir = std::env::var_os("MAILSETUP_CONFIG_DIR").map(PathBuf::from);
        config.oauth = crate::oauth::session::Overrides::from_env();
        Ok(config)
    }
}
