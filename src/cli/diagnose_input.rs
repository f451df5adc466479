//! What `diagnose`'s arguments become before anything connects: the servers given as flags,
//! the password (environment, standard input, or a prompt without echo), the hosts allowed to
//! receive it unencrypted, the probe options; and why an argument could not be used
//! (`UsageError`, one line and exit code 2).

use std::io::{BufRead, IsTerminal};
use std::sync::Arc;

use secrecy::SecretString;
use zeroize::Zeroizing;

use super::flags;
use crate::account::{Endpoint, Protocol, ServerSettings};
use crate::net::{OverrideResolver, SystemResolver};
use crate::probe::{self, CertTrust, ProbeOptions, Timeouts};

/// A command-line problem, reported in one line with exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("{0}")]
    Address(#[from] crate::account::AddressError),
    #[error("--{flag}: {source}")]
    Endpoint {
        flag: &'static str,
        source: crate::account::EndpointError,
    },
    #[error("the password is empty")]
    EmptyPassword,
    #[error("environment variable {0} is not set")]
    MissingEnv(String),
    #[error("environment variable {0} is not valid UTF-8")]
    NonUnicodeEnv(String),
    #[error("could not read the password from standard input: {0}")]
    Stdin(std::io::Error),
    #[error(
        "no password given and no terminal to ask on: use --password-stdin or --password-env VAR"
    )]
    NoTerminal,
    #[error("could not read the password from the terminal: {0}")]
    Prompt(std::io::Error),
    #[error("{0}")]
    Trust(#[from] probe::CertTrustError),
    #[error(transparent)]
    Timeout(#[from] flags::StepTimeoutError),
    #[error("--resolve {0}")]
    Resolve(String),
    #[error("{0}")]
    Credentials(#[from] crate::account::CredentialError),
    #[error(
        "--allow-plaintext without a host covers the servers given with --imap, --pop3 or \
         --smtp; for discovered servers name the host: --allow-plaintext HOST"
    )]
    PlaintextNeedsHost,
    #[error("--allow-plaintext {}: give a host name", crate::shown::shell_quote(.0))]
    PlaintextBadHost(String),
}

impl UsageError {
    /// The problem in the chosen language (`Display` stays English).
    pub fn words(&self) -> String {
        match self {
            UsageError::Address(e) => super::lines::address_words(e),
            UsageError::EmptyPassword => t!("cli-password-empty"),
            UsageError::MissingEnv(var) => t!("cli-env-not-set", var = var.as_str()),
            UsageError::NonUnicodeEnv(var) => t!("cli-env-not-utf8", var = var.as_str()),
            UsageError::Stdin(e) => t!("cli-password-stdin-failed", error = e.to_string()),
            UsageError::NoTerminal => t!("cli-no-terminal"),
            UsageError::Prompt(e) => t!("cli-password-prompt-failed", error = e.to_string()),
            UsageError::Timeout(e) => e.words(),
            UsageError::PlaintextNeedsHost => t!("cli-plaintext-needs-host"),
            UsageError::PlaintextBadHost(h) => t!(
                "cli-plaintext-bad-host",
                host = crate::shown::shell_quote(h)
            ),
            UsageError::Trust(e) => e.words(),
            other => other.to_string(),
        }
    }
}

/// Parses the server flags into settings for `user`.
pub fn servers(
    [imap, pop3, smtp]: [Option<&str>; 3],
    user: &str,
) -> Result<Vec<ServerSettings>, UsageError> {
    let mut out = Vec::new();
    for (flag, protocol, value) in [
        ("imap", Protocol::Imap, imap),
        ("pop3", Protocol::Pop3, pop3),
        ("smtp", Protocol::Smtp, smtp),
    ] {
        if let Some(text) = value {
            let e: Endpoint = text
                .parse()
                .map_err(|source| UsageError::Endpoint { flag, source })?;
            out.push(ServerSettings {
                protocol,
                host: e.host,
                port: e.port,
                security: e.security,
                username: user.to_string(),
            });
        }
    }
    Ok(out)
}

/// Reads the password as asked: environment, standard input, or a prompt without echo.
pub fn read_password(
    password_stdin: bool,
    password_env: Option<&str>,
) -> Result<SecretString, UsageError> {
    let text = if let Some(var) = password_env {
        match std::env::var(var) {
            Ok(v) => Zeroizing::new(v),
            Err(std::env::VarError::NotPresent) => {
                return Err(UsageError::MissingEnv(var.to_string()));
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(UsageError::NonUnicodeEnv(var.to_string()));
            }
        }
    } else if password_stdin {
        let mut line = Zeroizing::new(String::new());
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(UsageError::Stdin)?;
        Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_string())
    } else {
        if !std::io::stdin().is_terminal() {
            return Err(UsageError::NoTerminal);
        }
        Zeroizing::new(
            rpassword::prompt_password(format!("{} ", t!("cli-password-prompt")))
                .map_err(UsageError::Prompt)?,
        )
    };
    if text.is_empty() {
        return Err(UsageError::EmptyPassword);
    }
    Ok(SecretString::from(text.as_str()))
}

/// A server's host as `ProbeOptions::plaintext_hosts` holds it.
pub(super) fn plain_host_key(host: &str) -> String {
    host.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

/// The hosts `--allow-plaintext` names (lower case): each HOST given, and for the flag alone
/// the hosts of the server flags. Alone without server flags it is refused: a consent must
/// name the host it is for, so a discovered fallback can never ride on it.
pub fn plaintext_hosts(
    flags: &[String],
    servers: &[ServerSettings],
) -> Result<std::collections::BTreeSet<String>, UsageError> {
    let mut out = std::collections::BTreeSet::new();
    for value in flags {
        if value.trim().is_empty() {
            if servers.is_empty() {
                return Err(UsageError::PlaintextNeedsHost);
            }
            out.extend(servers.iter().map(|s| plain_host_key(&s.host)));
            continue;
        }
        let host = crate::discover::host_name::check_host(value.trim())
            .map_err(|_| UsageError::PlaintextBadHost(value.clone()))?;
        out.insert(host);
    }
    Ok(out)
}

/// Builds probe options from the common flags.
pub fn probe_options(
    ca_file: Option<&std::path::Path>,
    timeout: Option<f64>,
    allow_plaintext: bool,
    resolve: &[String],
) -> Result<ProbeOptions, UsageError> {
    let trust = match ca_file {
        Some(path) => CertTrust::with_ca_file(path)?,
        None => CertTrust::platform()?,
    };
    super::lines::trust_notice(&trust);
    let mut opts = ProbeOptions::new(trust);
    if let Some(secs) = timeout {
        opts.timeouts = Timeouts::uniform(flags::step_timeout(secs)?);
    }
    opts.allow_plaintext = allow_plaintext;
    if !resolve.is_empty() {
        let mut r = OverrideResolver::new(Arc::new(SystemResolver));
        for spec in resolve {
            r.insert_spec(spec).map_err(UsageError::Resolve)?;
        }
        opts.resolver = Arc::new(r);
    }
    Ok(opts)
}
