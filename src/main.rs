//! The `mailsetup` executable: subcommands for technicians; without one, the window (once it
//! exists) — until then, the help text.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use mailsetup::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => {
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
