//! The technician's command line over the same engine as the window: `diagnose`, `discover`
//! and `accounts`, with the flags they share in `flags`. Human-readable text by default, one
//! JSON document with `--json`.
//! Exit codes are meant for scripts: 0 everything verified, 1 something failed, 2 bad usage,
//! 141 standard output closed by its reader (see `out`, which every line printed goes through).

#[macro_use]
pub mod out;

pub mod accounts;
pub mod diagnose;
mod diagnose_discovered;
mod diagnose_input;
pub mod discover;
pub mod export;
pub mod flags;
mod lines;
mod lookup;
pub mod oauth;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use lines::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};

/// The settings read from the environment, as `--help` lists them: the window reads them all,
/// and the commands read the same ones as their flags (`flags::DiscoveryFlags`).
pub const ENVIRONMENT_HELP: &str = "\
Environment (read by the window; the commands read the same ones as their flags):
  MAILSETUP_LANG        Language: en-US, es, fr, de, pt-BR or ja (as --lang)
  MAILSETUP_CONFIG_DIR  Folder with accounts.json and the window's settings
  MAILSETUP_CA_FILE     PEM file of certificate authorities to trust as well (a company or
                        test CA); an account saved from the window keeps a copy of it
  MAILSETUP_RESOLVE     HOST=ADDR[:PORT],... fixed addresses for names (a private test network)
  MAILSETUP_DNS         IP:PORT of the DNS server discovery asks instead of the system's
  MAILSETUP_ISPDB_URL   Base URL of the ISPDB (Mozilla's by default)
  MAILSETUP_HTTP_PORT   Port for autoconfig HTTP(S) requests instead of 80/443
  MAILSETUP_MICROSOFT365_URL
                        Base URL of Microsoft 365's Autodiscover v2 (Microsoft's by default)
  MAILSETUP_OAUTH_ISSUER, MAILSETUP_OAUTH_SCOPES, MAILSETUP_OAUTH_CLIENT_ID[_<PROVIDER>]
                        Where \"Sign in with <provider>\" signs in, and as which app
  RUST_LOG              Diagnostics on standard error (default: warnings only)";

/// Set up a mail account, or find out why one does not work.
#[derive(Debug, Parser)]
#[command(name = "mailsetup", version, about, long_about = None, after_help = ENVIRONMENT_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Language of the window and of text output: en-US, es, fr, de, pt-BR or ja (default:
    /// MAILSETUP_LANG, else the system's). JSON output is always English.
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<String>,
}

impl Command {
    /// Whether the command prints JSON (its words then stay English, like its keys).
    pub fn json(&self) -> bool {
        match self {
            Command::Diagnose(args) => args.json,
            Command::Discover(args) => args.json,
            Command::Accounts(args) => matches!(
                args.action,
                accounts::AccountsAction::List { json: true }
                    | accounts::AccountsAction::Check { json: true, .. }
            ),
        }
    }
}

/// Sets the language of a command's output: English for JSON, else `explicit` (`--lang`,
/// `MAILSETUP_LANG`), else the system's, else English.
pub fn choose_language(command: &Command, explicit: Option<crate::i18n::Language>) {
    use crate::i18n::{Language, set_language, system_language};
    let language = if command.json() {
        Language::English
    } else {
        explicit
            .or_else(system_language)
            .unwrap_or(Language::English)
    };
    set_language(language);
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Test the incoming and outgoing servers of an account live, step by step.
    Diagnose(Box<diagnose::DiagnoseArgs>),
    /// Find the servers of an email address (provider table, autoconfig, DNS …).
    Discover(discover::DiscoverArgs),
    /// List, check or remove saved accounts.
    Accounts(accounts::AccountsArgs),
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            errln!(
                "{}",
                lines::error_line(t!("cli-no-runtime", error = e.to_string()))
            );
            return ExitCode::from(EXIT_FAILED);
        }
    };
    let code = runtime.block_on(async move {
        match command {
            Command::Diagnose(args) => diagnose::run(*args).await,
            Command::Discover(args) => discover::run(args).await,
            Command::Accounts(args) => accounts::run(args).await,
        }
    });
    ExitCode::from(out::exit_code(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn json_commands_speak_english_whatever_was_asked() {
        for args in [
            &[
                "mailsetup",
                "--lang",
                "de",
                "discover",
                "a@b.example",
                "--json",
            ][..],
            &["mailsetup", "accounts", "list", "--json", "--lang", "ja"][..],
        ] {
            let cli = Cli::try_parse_from(args).expect("parses");
            let command = cli.command.expect("a command");
            assert!(command.json(), "{args:?}");
            choose_language(&command, Some(Language::German));
            assert_eq!(crate::i18n::language(), Language::English, "{args:?}");
        }
        let cli =
            Cli::try_parse_from(["mailsetup", "--lang", "de", "accounts", "list"]).expect("parses");
        assert_eq!(cli.lang.as_deref(), Some("de"));
        assert!(!cli.command.expect("a command").json());
    }
}
