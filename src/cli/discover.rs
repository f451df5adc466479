//! `mailsetup discover EMAIL [--json]`: asks every discovery source and prints the ranked
//! candidates with their sources and trust (and, for hosts nothing binds to the domain, how
//! they were found: RFC 6186 §6), the provider's sign-in notes, what an Autodiscover answer
//! offering only Exchange means, where sources
//! disagree, and one timing line per source. Exit code 0 when incoming and outgoing servers
//! were found, 1 when not, 2 for bad arguments.
//!
//! The options that point discovery at other servers (tests, technicians) are the ones
//! `diagnose` and the window take too (`flags::DiscoveryFlags`): `--ca-file`, and hidden
//! `--dns`, `--resolve host=addr[:port]`, `--ispdb-url`, `--microsoft365-url`,
//! `--http-port`; `--only` is this
//! command's own.

use std::fmt::Write as _;
use std::time::Duration;

use clap::Args;

use super::flags::{self, DiscoveryFlags};
use super::lines::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, error_line};
use crate::account::{EmailAddress, Protocol};
use crate::discover::{
    self, AuthMethod, DiscoveryOptions, DiscoveryResult, SourceId, SourceStatus,
    candidate::security_word,
};

#[derive(Debug, Args)]
pub struct DiscoverArgs {
    /// The email address to look up.
    pub email: String,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// Overall time limit in seconds (default 6).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,
    /// Where discovery asks and whom it trusts.
    #[command(flatten)]
    pub discovery: DiscoveryFlags,
    /// Ask only these sources (comma-separated: provider, autoconfig, well_known, pacc, ispdb,
    /// autodiscover, mx, srv, guess, autoconfig_http, jmap).
    #[arg(long, value_name = "SOURCES", hide = true, value_delimiter = ',')]
    pub only: Vec<String>,
}

/// Turns the arguments into discovery options; the error is a one-line message.
pub fn options(args: &DiscoverArgs) -> Result<DiscoveryOptions, String> {
    let mut opts = args.discovery.options()?;
    if let Some(secs) = args.timeout {
        let total = flags::seconds(secs, Duration::from_secs(600))
            .ok_or_else(|| format!("--timeout {secs}: give a number of seconds from 0.1 to 600"))?;
        opts.deadline = total;
        opts.source_timeout = opts.source_timeout.min(total);
        opts.http.timeout = opts.http.timeout.min(total);
        opts.dns.timeout = opts.dns.timeout.min(total);
    }
    if !args.only.is_empty() {
        opts.sources.clear();
        for name in &args.only {
            let s = SourceId::from_code(name)
                .ok_or_else(|| format!("--only: unknown source \"{name}\""))?;
            opts.sources.insert(s);
        }
    }
    Ok(opts)
}

pub async fn run(args: DiscoverArgs) -> u8 {
    let email = match EmailAddress::parse(&args.email) {
        Ok(e) => e,
        Err(e) => {
            errln!("{}", error_line(super::lines::address_words(&e)));
            return EXIT_USAGE;
        }
    };
    let opts = match options(&args) {
        Ok(o) => o,
        Err(e) => {
            errln!("{}", error_line(e));
            return EXIT_USAGE;
        }
    };
    let result = discover::discover(&email, &opts).await;
    if args.json {
        match serde_json::to_string_pretty(&result) {
            Ok(text) => outln!("{text}"),
            Err(e) => {
                errln!(
                    "{}",
                    error_line(t!("cli-json-not-written", error = e.to_string()))
                );
                return EXIT_FAILED;
            }
        }
    } else {
        out!("{}", render(&result));
    }
    if result.is_complete() {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

/// The human-readable report.
pub fn render(r: &DiscoveryResult) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            "discover-servers-for",
            email = r.email.to_string(),
            domain = r.domain.as_str()
        )
    );
    if let Some(p) = &r.provider {
        let _ = writeln!(
            out,
            "\n{}",
            t!(
                "discover-provider",
                name = p.name.as_str(),
                matched = p.matched.as_str()
            )
        );
        let _ = writeln!(out, "  {}", p.login_advice);
        if let Some(url) = &p.app_password_url {
            let _ = writeln!(
                out,
                "  {}",
                t!("discover-app-passwords", url = url.as_str())
            );
        }
        if let Some(first) = &p.enable_first {
            let _ = writeln!(
                out,
                "  {}",
                t!("discover-before-first", step = first.as_str())
            );
        }
        for (proto, form) in &p.username {
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    "discover-username",
                    protocol = proto.to_string(),
                    form = form.label()
                )
            );
        }
        for note in &p.notes {
            let _ = writeln!(out, "  {}", t!("discover-note", note = note.as_str()));
        }
    }
    if let Some(x) = r.exchange() {
        let _ = writeln!(out, "\n{}", x.words(&r.domain));
    }
    if let Some(o) = &r.oauth2 {
        let _ = writeln!(
            out,
            "\n{}",
            t!(
                "discover-oauth2",
                issuer = o.spec.issuer.as_str(),
                via = o.via.as_str(),
                trust = o.trust.label()
            )
        );
    }
    if let Some(j) = &r.jmap {
        let _ = writeln!(out, "\n{}", j.words());
    }
    if !r.services.is_empty() {
        let listed: Vec<String> = r
            .services
            .iter()
            .map(|s| {
                format!("{} {}", s.kind.name(), s.address)
                    .trim()
                    .to_string()
            })
            .collect();
        let _ = writeln!(
            out,
            "\n{}",
            t!("discover-other-services", services = listed.join(", "))
        );
    }
    for (title, protocol) in [
        (t!("discover-imap"), Protocol::Imap),
        (t!("discover-pop3"), Protocol::Pop3),
        (t!("discover-smtp"), Protocol::Smtp),
    ] {
        let _ = writeln!(out, "\n{title}");
        let mut any = false;
        for (i, c) in r.for_protocol(protocol).enumerate() {
            any = true;
            let sources: Vec<&str> = c.sources().into_iter().map(|s| s.code()).collect();
            let _ = writeln!(
                out,
                "  {:>2}. {:<40} {} {:<28} {:<8} {}",
                i + 1,
                format!("{}:{} {}", c.host, c.port, security_word(c.security)),
                t!("discover-user"),
                c.username,
                c.trust.label(),
                t!("discover-from", sources = sources.join(", "))
            );
            let sasl: Vec<&str> = c
                .auth
                .iter()
                .filter_map(|a| match a {
                    AuthMethod::Sasl(mech) => Some(mech.as_str()),
                    _ => None,
                })
                .collect();
            if !sasl.is_empty() {
                let _ = writeln!(
                    out,
                    "      {}",
                    t!("discover-sasl", mechanisms = sasl.join(", "))
                );
            }
            if let Some(q) = c.consent_question(&r.domain) {
                let _ = writeln!(
                    out,
                    "      {}",
                    t!("discover-needs-confirmation", question = q)
                );
            }
        }
        if !any {
            let _ = writeln!(out, "  {}", t!("discover-nothing-found"));
        }
    }
    if !r.disagreements.is_empty() {
        let _ = writeln!(out, "\n{}", t!("discover-disagree"));
        for d in &r.disagreements {
            let _ = writeln!(out, "  {}: {}", d.protocol, d.summary);
            for c in &d.claims {
                let claim = if c.recommended {
                    t!(
                        "discover-claim-recommended",
                        says = c.says.as_str(),
                        by = c.by.join("; ")
                    )
                } else {
                    t!(
                        "discover-claim-not-recommended",
                        says = c.says.as_str(),
                        by = c.by.join("; ")
                    )
                };
                let _ = writeln!(out, "    - {claim}");
            }
        }
    }
    let _ = writeln!(out, "\n{}", t!("discover-sources"));
    for s in &r.sources {
        if s.status == SourceStatus::Skipped {
            continue;
        }
        let status = match s.status {
            SourceStatus::Found => t!("discover-status-found", count = s.found),
            SourceStatus::Nothing => t!("lookup-nothing"),
            SourceStatus::Failed => t!("row-failed"),
            SourceStatus::TimedOut => t!("discover-status-timed-out"),
            SourceStatus::CutShort => t!("discover-status-cut-short"),
            SourceStatus::Waiting => t!("lookup-waiting"),
            SourceStatus::Skipped => t!("row-skipped"),
        };
        let ms = s.ms.map(|m| format!("{m} ms")).unwrap_or_default();
        let _ = write!(out, "  {:<16} {:<36} {:>8}", s.source.code(), status, ms);
        if let Some(e) = &s.error {
            let _ = write!(out, "  {}", e.words());
        }
        let _ = writeln!(out);
    }
    let first = r
        .first_candidate_ms
        .map(|m| format!("{m} ms"))
        .unwrap_or_else(|| t!("discover-none"));
    let _ = writeln!(
        out,
        "  {}",
        t!("discover-timing", first = first, ms = r.elapsed_ms)
    );
    out
}
