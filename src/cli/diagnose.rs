//! `mailsetup diagnose EMAIL`: live, step-by-step tests of an account's servers for a
//! technician. Servers come from `--imap/--pop3/--smtp HOST:PORT/SECURITY`, or without them
//! from discovery (`diagnose_discovered`); all requested servers are tested concurrently; the report is text, or the one technician document
//! (`report::Document`) as Markdown or JSON; `--report FILE` also writes its Markdown.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use secrecy::{ExposeSecret, SecretString};

use super::diagnose_input::{
    UsageError, plain_host_key, plaintext_hosts, probe_options, read_password, servers,
};
use super::flags::{self, DiscoveryFlags, parse_keychain, parse_pin};
use super::lines::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, error_line, warning_line};
use crate::account::{EmailAddress, Protocol, ServerSettings};
use crate::flow::{self, OAuthSecret, SaveError, Secret};
use crate::probe::{self, ProbeOptions};
use crate::report;
use crate::roundtrip::{RoundTripOptions, RoundTripReport, round_trip};
use crate::store::{self, AccountDetails, KeychainKind, SettingsSource, SourceKind, Timestamp};
use crate::verify;

#[derive(Debug, Args)]
pub struct DiagnoseArgs {
    /// The email address of the account.
    pub email: String,

    /// Incoming IMAP server as HOST:PORT/SECURITY (SECURITY: tls, starttls or plain).
    #[arg(long, value_name = "HOST:PORT/SECURITY")]
    pub imap: Option<String>,
    /// Incoming POP3 server as HOST:PORT/SECURITY.
    #[arg(long, value_name = "HOST:PORT/SECURITY")]
    pub pop3: Option<String>,
    /// Outgoing SMTP submission server as HOST:PORT/SECURITY.
    #[arg(long, value_name = "HOST:PORT/SECURITY")]
    pub smtp: Option<String>,

    /// User name for signing in (default: the full email address).
    #[arg(long)]
    pub username: Option<String>,
    /// Read the password from the first line of standard input.
    #[arg(long, conflicts_with = "password_env")]
    pub password_stdin: bool,
    /// Read the password from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub password_env: Option<String>,
    #[command(flatten)]
    pub oauth: super::oauth::OAuthArgs,

    /// The CA file, and where discovery asks (without server flags).
    #[command(flatten)]
    pub discovery: DiscoveryFlags,
    /// Deadline in seconds for each network step.
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,
    /// Allow sending the password unencrypted to this host (insecure; repeatable). Alone,
    /// without HOST: to the hosts of --imap/--pop3/--smtp, never to a discovered one.
    #[arg(long, value_name = "HOST", num_args = 0..=1, default_missing_value = "")]
    pub allow_plaintext: Vec<String>,
    /// The plain-HTTP page asked, after a wrong certificate or an HTTP answer, to tell a
    /// captive portal ("off": never ask).
    #[arg(long, value_name = "URL", default_value = probe::DEFAULT_CONNECTIVITY_URL)]
    pub connectivity_url: String,
    /// The text that page answers when nothing is in the way.
    #[arg(long, value_name = "TEXT", default_value = probe::DEFAULT_CONNECTIVITY_BODY)]
    pub connectivity_body: String,
    /// Trust this server's key by its SHA-256 (SPKI, base64) for exactly this host and port,
    /// even without a trusted authority; the name and dates are still checked. Repeatable.
    /// A failed test with an untrusted certificate prints the value to use.
    #[arg(long = "pin-sha256", value_name = "HOST:PORT=BASE64", value_parser = parse_pin)]
    pub pin_sha256: Vec<crate::trust::pin::EndpointPin>,

    /// Print one JSON document instead of text.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print Markdown (for a support ticket) instead of text.
    #[arg(long)]
    pub markdown: bool,
    /// Include the protocol transcript in the text report.
    #[arg(long)]
    pub transcript: bool,
    /// Also write the Markdown report (the one --markdown prints) to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// After every server verified, send a test message from the address to itself, wait
    /// for it in the incoming server and delete it: proof that mail flows. Sends real mail.
    #[arg(long)]
    pub round_trip: bool,
    /// How long --round-trip waits for the message to arrive, in seconds (default 60).
    #[arg(long, value_name = "SECS", requires = "round_trip")]
    pub round_trip_timeout: Option<f64>,

    /// Save the account when every server verified (password into the keychain).
    #[arg(long)]
    pub save: bool,
    /// Display name of the saved account (with --save).
    #[arg(long, requires = "save")]
    pub name: Option<String>,
    /// Configuration folder for --save (default: the per-user one; env MAILSETUP_CONFIG_DIR).
    #[arg(long, value_name = "DIR", requires = "save")]
    pub config_dir: Option<PathBuf>,
    /// Keychain for --save: secret-service or keyutils (Linux); default: the system's.
    #[arg(long, value_name = "KEYCHAIN", requires = "save", value_parser = parse_keychain)]
    pub keychain: Option<KeychainKind>,

    /// Without server flags: which incoming protocol to discover and test (imap or pop3).
    #[arg(long, value_name = "PROTOCOL", value_parser = parse_incoming, default_value = "imap")]
    pub protocol: Protocol,
    /// Without server flags: allow the password to go to this discovered host although
    /// nothing binds it to the address's domain (an SRV or MX target elsewhere, an answer
    /// over plain HTTP, a redirect off the domain). Repeatable; for this run only.
    #[arg(long, value_name = "HOST")]
    pub trust_host: Vec<String>,
}

fn parse_incoming(text: &str) -> Result<Protocol, String> {
    match text.to_ascii_lowercase().as_str() {
        "imap" => Ok(Protocol::Imap),
        "pop3" | "pop" => Ok(Protocol::Pop3),
        _ => Err(format!("\"{text}\": use imap or pop3")),
    }
}

pub(super) struct Prepared {
    pub(super) email: EmailAddress,
    servers: Vec<ServerSettings>,
    sign_in: SignIn,
    pub(super) opts: ProbeOptions,
}

/// How this run signs in: with the password read at the start, or through the provider
/// (`--oauth`), once discovery may have named its issuer (`with_oauth`).
enum SignIn {
    Password(SecretString),
    Provider,
}

fn prepare(args: &DiagnoseArgs) -> Result<Prepared, UsageError> {
    let email = EmailAddress::parse(&args.email)?;
    let user = args.username.clone().unwrap_or_else(|| email.to_ascii());
    let servers = servers(
        [
            args.imap.as_deref(),
            args.pop3.as_deref(),
            args.smtp.as_deref(),
        ],
        &user,
    )?;
    // With servers given, --resolve feeds the probe; otherwise discovery reads it itself.
    let resolve: &[String] = if servers.is_empty() {
        &[]
    } else {
        &args.discovery.resolve
    };
    let opts = probe_options(
        args.discovery.ca_file.as_deref(),
        args.timeout,
        false,
        resolve,
    )?;
    let mut opts = opts;
    opts.plaintext_hosts = plaintext_hosts(&args.allow_plaintext, &servers)?;
    opts.connectivity = (args.connectivity_url != "off").then(|| probe::ConnectivityCheck {
        url: args.connectivity_url.clone(),
        expected: args.connectivity_body.clone(),
    });
    opts.trust = opts
        .trust
        .with_pins(crate::trust::pin::Pins::from_list(&args.pin_sha256));
    if args.oauth.oauth {
        // The access token comes from the sign-in (`with_oauth`).
        opts.secret_kind = probe::SecretKind::OAuth2 {
            mechanism: args.oauth.sasl,
        };
        return Ok(Prepared {
            email,
            servers,
            sign_in: SignIn::Provider,
            opts,
        });
    }
    let password = read_password(args.password_stdin, args.password_env.as_deref())?;
    // Refused here with a usage error; the engine refuses it again before any connection.
    crate::account::check_credentials(&user, password.expose_secret())?;
    Ok(Prepared {
        email,
        servers,
        sign_in: SignIn::Password(password),
        opts,
    })
}

/// What signs in: the password, or with --oauth the provider's tokens (signed in here;
/// `discovered` is the `<oAuth2>` block discovery found). Err: the exit code, after saying
/// why.
async fn with_oauth(
    args: &DiagnoseArgs,
    p: &Prepared,
    discovered: Option<&crate::discover::DiscoveredOAuth2>,
    resource: Option<&str>,
) -> Result<Secret, u8> {
    use super::oauth::{SessionError, explain, explain_json, sign_in};
    if let SignIn::Password(password) = &p.sign_in {
        return Ok(Secret::Password(password.clone()));
    }
    // The authorization server is reached as discovery reaches its servers (--ca-file,
    // --resolve, --dns).
    let reach = match args.discovery.options() {
        Ok(opts) => super::oauth::Reach::of_discovery(&opts),
        Err(why) => {
            errln!("error: {why}");
            return Err(EXIT_USAGE);
        }
    };
    match sign_in(
        &args.oauth,
        &p.email,
        discovered,
        &reach,
        args.config_dir.as_deref(),
        resource,
    )
    .await
    {
        Ok(session) => Ok(Secret::OAuth(Box::new(OAuthSecret {
            access: session.access,
            refresh: session.refresh,
            login: session.login,
        }))),
        Err(SessionError::Usage(why)) => {
            errln!("{}", error_line(why));
            Err(EXIT_USAGE)
        }
        Err(SessionError::OAuth(e)) => {
            if args.json {
                outln!("{}", explain_json(&p.email.to_string(), &e));
            } else {
                outln!("{}", explain(&e));
            }
            Err(EXIT_FAILED)
        }
    }
}

/// Runs the command; returns the exit code.
pub async fn run(args: DiagnoseArgs) -> u8 {
    let p = match prepare(&args) {
        Ok(p) => p,
        Err(e) => {
            errln!("{}", error_line(e.words()));
            return EXIT_USAGE;
        }
    };
    // Without server flags, discovery comes first: it may also name the OAuth issuer.
    let found = if p.servers.is_empty() {
        match super::diagnose_discovered::discover_all(&args.discovery, &p.email).await {
            Ok(f) => Some(f),
            Err(e) => {
                errln!("error: {e}");
                return EXIT_USAGE;
            }
        }
    } else {
        None
    };
    let block = match &found {
        Some(f) => f.result.oauth2.clone(),
        None if super::oauth::needs_discovery(&args.oauth, &p.email) => {
            match args.discovery.options() {
                Ok(opts) => crate::oauth::session::discover_block(&p.email, &opts).await,
                Err(e) => {
                    errln!("error: {e}");
                    return EXIT_USAGE;
                }
            }
        }
        None => None,
    };
    // The mail server a registered client's tokens are for (RFC 8707): the incoming server
    // given, else discovery's best.
    let resource = match &found {
        Some(f) => crate::oauth::resource::for_servers(
            f.result
                .candidates
                .iter()
                .map(crate::discover::Candidate::settings),
        ),
        None => crate::oauth::resource::for_servers(p.servers.iter().cloned()),
    };
    let secret = match with_oauth(&args, &p, block.as_ref(), resource.as_deref()).await {
        Ok(secret) => secret,
        Err(code) => return code,
    };
    let mut unconfirmed = Vec::new();
    let (reports, found, source) = if let Some(found) = found {
        let request = super::diagnose_discovered::Request {
            trust_host: &args.trust_host,
            protocol: args.protocol,
            username: args.username.clone(),
            password: secret.for_servers(),
            probe: &p.opts,
        };
        match super::diagnose_discovered::verify_found(request, found).await {
            Ok(d) => {
                unconfirmed = d.unconfirmed;
                (d.reports, Some(d.found), d.source)
            }
            Err(e) => {
                errln!("{}", error_line(e));
                return EXIT_USAGE;
            }
        }
    } else {
        let reports = probe::probe_all(&p.servers, secret.for_servers(), &p.opts).await;
        (reports, None, SettingsSource::new(SourceKind::Manual))
    };
    let document = report::Document::new(
        report::Header::now(),
        p.email.to_string(),
        found.as_ref().map(report::DiscoverySummary::from),
        reports.clone(),
        unconfirmed.clone(),
    );
    if reports.is_empty() && !args.json {
        write_report(&args, &document);
        if let Some(found) = &found {
            out!("{}", super::discover::render(found));
        }
        if unconfirmed.is_empty() {
            outln!("{}", t!("cli-no-servers", email = p.email.to_string()));
        } else {
            outln!(
                "\n{}",
                t!("cli-none-tested-unconfirmed", email = p.email.to_string())
            );
            out!(
                "{}",
                super::diagnose_discovered::consent_lines(&unconfirmed)
            );
        }
        return EXIT_FAILED;
    }
    // A server left untested for want of confirmation is not verified.
    let all_verified =
        !reports.is_empty() && reports.iter().all(|r| r.is_verified()) && unconfirmed.is_empty();
    let round_trip = match run_round_trip(&args, &p, &secret, &reports, all_verified).await {
        Ok(rt) => rt,
        Err(e) => {
            errln!("{}", error_line(e));
            return EXIT_USAGE;
        }
    };
    let saved = match (args.save, all_verified) {
        (false, _) => None,
        (true, true) => Some(save(&args, &p, &secret, &reports, source).await),
        (true, false) => Some(Err(t!("cli-not-saved-unverified"))),
    };
    let discovered = found.as_ref().map(|f| (f, unconfirmed.as_slice()));
    let document = document.with_round_trip(round_trip);
    print_reports(&document, discovered, saved.as_ref(), &args);
    if !write_report(&args, &document) {
        return EXIT_FAILED;
    }
    match saved {
        Some(Err(_)) => EXIT_FAILED,
        _ if document.round_trip.as_ref().is_some_and(|rt| !rt.arrived()) => EXIT_FAILED,
        _ if all_verified => EXIT_OK,
        _ => EXIT_FAILED,
    }
}

/// `--round-trip`: once every server verified, the test message through the verified SMTP
/// server to the verified incoming one. `None` when not asked for or not everything verified.
async fn run_round_trip(
    args: &DiagnoseArgs,
    p: &Prepared,
    secret: &Secret,
    reports: &[probe::ProbeReport],
    all_verified: bool,
) -> Result<Option<RoundTripReport>, String> {
    if !args.round_trip || !all_verified {
        return Ok(None);
    }
    let smtp = reports.iter().find(|r| r.server.protocol == Protocol::Smtp);
    let incoming = reports.iter().find(|r| r.server.protocol.is_incoming());
    let (Some(smtp), Some(incoming)) = (smtp, incoming) else {
        return Err(
            "--round-trip needs an incoming server (IMAP or POP3) and an SMTP server".into(),
        );
    };
    let mut rt = RoundTripOptions::default();
    if let Some(secs) = args.round_trip_timeout {
        rt.deadline = flags::seconds(secs, Duration::from_secs(3600)).ok_or_else(|| {
            format!("--round-trip-timeout {secs}: give a number of seconds from 1 to 3600")
        })?;
    }
    Ok(Some(
        round_trip(
            &p.email,
            &smtp.server,
            &incoming.server,
            secret.for_servers(),
            &p.opts,
            &rt,
        )
        .await,
    ))
}

/// Writes the Markdown report to `--report FILE`, if asked; false (said on stderr) when
/// the file could not be written.
fn write_report(args: &DiagnoseArgs, document: &report::Document) -> bool {
    let Some(path) = &args.report else {
        return true;
    };
    match std::fs::write(path, document.markdown()) {
        Ok(()) => true,
        Err(e) => {
            errln!(
                "{}",
                error_line(t!(
                    "cli-report-not-written",
                    file = path.display().to_string(),
                    error = e.to_string()
                ))
            );
            false
        }
    }
}

/// What `--save` did, for the report.
#[derive(Debug, serde::Serialize)]
pub struct SaveSummary {
    pub id: String,
    pub file: String,
    pub keychain: String,
    pub replaced: bool,
    pub warnings: Vec<String>,
}

/// Saves the verified servers as an account; an error is a one-line explanation.
async fn save(
    args: &DiagnoseArgs,
    p: &Prepared,
    secret: &Secret,
    reports: &[probe::ProbeReport],
    source: SettingsSource,
) -> Result<SaveSummary, String> {
    if reports.is_empty() || !reports.iter().all(|r| r.is_verified()) {
        return Err(t!("cli-not-saved-unverified"));
    }
    let details = AccountDetails {
        email: p.email.clone(),
        display_name: args.name.clone().unwrap_or_default(),
        source,
        allow_plaintext: reports.iter().any(|r| {
            r.server.security == crate::account::Security::Plain
                && p.opts
                    .plaintext_hosts
                    .contains(&plain_host_key(&r.server.host))
        }),
        incoming: None,
        verified_at: Timestamp::now(),
        ca_file: args.discovery.ca_file.clone(),
        pinned_keys: verify::pinned_keys(reports),
    };
    let servers: Vec<store::SavedServer> =
        reports.iter().filter_map(verify::verified_server).collect();
    let account = store::VerifiedAccount::from_servers(details, &servers)
        .map_err(|e| t!("cli-not-saved", error = e.to_string()))?;
    // The one save both doors make: the keychain keeps the password, or with --oauth the
    // refresh token, never the short-lived access token (`Secret::to_keep`).
    if secret.to_keep().is_err() {
        return Err(t!("oauth-cli-no-refresh-token"));
    }
    let dir = store::resolve_config_dir(args.config_dir.as_deref())
        .map_err(|e| t!("cli-not-saved", error = e.words()))?;
    let kind = args.keychain.unwrap_or_else(KeychainKind::platform_default);
    let secrets = store::open_keychain(kind)
        .await
        .map_err(|e| t!("cli-not-saved", error = e.words()))?;
    let file = store::AccountFile::new(&dir);
    let outcome = flow::save(file, secrets, account, secret, store::Cancel::new())
        .await
        .map_err(|e| match e {
            SaveError::NoRefreshToken(_) => t!("oauth-cli-no-refresh-token"),
            SaveError::Store(e) => t!("cli-not-saved", error = e.words()),
        })?;
    Ok(SaveSummary {
        id: outcome.account.id.as_str().to_string(),
        file: store::AccountFile::new(&dir).path().display().to_string(),
        keychain: kind.label().to_string(),
        replaced: outcome.replaced,
        warnings: outcome.warnings.iter().map(|w| w.to_string()).collect(),
    })
}

fn print_reports(
    document: &report::Document,
    found: Option<(
        &crate::discover::DiscoveryResult,
        &[crate::verify::Unconfirmed],
    )>,
    saved: Option<&Result<SaveSummary, String>>,
    args: &DiagnoseArgs,
) {
    let reports = &document.servers;
    let email = &document.email;
    if args.json {
        let mut value = match serde_json::to_value(document) {
            Ok(v) => v,
            Err(e) => {
                errln!(
                    "{}",
                    error_line(t!("cli-json-not-written", error = e.to_string()))
                );
                return;
            }
        };
        if let Some(saved) = saved {
            value["saved"] = match saved {
                Ok(summary) => serde_json::to_value(summary).unwrap_or_default(),
                Err(why) => serde_json::json!({ "error": why }),
            };
        }
        match serde_json::to_string_pretty(&value) {
            Ok(text) => outln!("{text}"),
            Err(e) => errln!(
                "{}",
                error_line(t!("cli-json-not-written", error = e.to_string()))
            ),
        }
    } else if args.markdown {
        outln!("{}", document.markdown());
    } else {
        if let Some((found, unconfirmed)) = found {
            outln!(
                "{}",
                super::diagnose_discovered::summary(found, reports, unconfirmed)
            );
        }
        for r in reports {
            outln!("{}", report::text(r, args.transcript));
        }
        let ok = reports.iter().filter(|r| r.is_verified()).count();
        outln!(
            "{}",
            t!(
                "cli-verified-count",
                ok = ok,
                total = reports.len(),
                email = email.to_string()
            )
        );
        if let Some(rt) = &document.round_trip {
            out!("{}", report::round_trip_text(rt, args.transcript));
        }
    }
    if !args.json {
        match saved {
            Some(Ok(s)) => {
                let (id, file, keychain) =
                    (s.id.to_string(), s.file.to_string(), s.keychain.to_string());
                let line = if args.oauth.oauth {
                    t!("cli-saved-oauth", id = id, file = file, keychain = keychain)
                } else {
                    t!("cli-saved", id = id, file = file, keychain = keychain)
                };
                outln!("{line}");
                for w in &s.warnings {
                    outln!("{}", warning_line(w));
                }
            }
            Some(Err(why)) => outln!("{why}"),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In English the translated usage errors say word for word what `Display` says.
    #[test]
    fn the_english_usage_errors_are_their_own_message() {
        let address = |s: &str| match crate::account::EmailAddress::parse(s) {
            Err(e) => UsageError::Address(e),
            Ok(_) => panic!("{s} parsed"),
        };
        for e in [
            address(""),
            address("no-at.example"),
            address("a@nodot"),
            UsageError::EmptyPassword,
            UsageError::MissingEnv("PW".into()),
            UsageError::NonUnicodeEnv("PW".into()),
            UsageError::Stdin(std::io::Error::other("closed")),
            UsageError::NoTerminal,
            UsageError::Prompt(std::io::Error::other("closed")),
            UsageError::Timeout(flags::StepTimeoutError(0.0)),
            UsageError::Timeout(flags::StepTimeoutError(700.5)),
            UsageError::PlaintextNeedsHost,
            UsageError::PlaintextBadHost("a b;c".into()),
        ] {
            assert_eq!(e.words(), e.to_string(), "{e:?}");
        }
    }
}
