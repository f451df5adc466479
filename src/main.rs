//! The `mailsetup` executable: subcommands for technicians; without one, the window (once it
//! exists) — until then, the help text.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use mailsetup::cli::{Cli, run};

fn main() -> ExitCode {
    init_logging();
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => {
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}

/// Diagnostics for developers on stderr, filtered by `RUST_LOG` (default: warnings only).
/// Libraries' `log` records are never bridged in: async-imap traces raw commands.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
