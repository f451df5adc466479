//! The `mailsetup` executable: subcommands for technicians; without one, the window.
//!
//! On Windows the exe is a GUI program (`windows_subsystem = "windows"`), so a double-click
//! opens the window and no console. Run with arguments from cmd or PowerShell, it first
//! attaches to that terminal's console, so `--version`, `--help`, the reports and the
//! password prompt use the terminal. One exe rather than a second console binary: it keeps
//! the installer to one program and one size budget. The price: cmd and PowerShell do not
//! wait for a GUI program, so the prompt comes back at once (use `start /wait mailsetup ...`
//! in cmd, or `mailsetup ... | Out-Host` in PowerShell, to wait and get the exit code).

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use mailsetup::cli::{Cli, run};
use tracing_subscriber::filter::{LevelFilter, Targets};

fn main() -> ExitCode {
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        windows_console::attach_to_parent();
    }
    init_logging();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let explicit = match mailsetup::i18n::explicit_language(cli.lang.as_deref()) {
        Ok(language) => language,
        Err(e) => {
            mailsetup::errln!("mailsetup: {e}");
            return ExitCode::from(mailsetup::cli::EXIT_USAGE);
        }
    };
    match cli.command {
        Some(command) => {
            mailsetup::cli::choose_language(&command, explicit);
            run(command)
        }
        None => match mailsetup::gui::run(explicit) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                mailsetup::errln!("mailsetup: {e}");
                let _ = Cli::command().print_help();
                ExitCode::FAILURE
            }
        },
    }
}

/// `--help`, `--version` or a usage error, printed by clap; its exit code, or 141 when
/// standard output was closed before the help was read (as for every other output, see
/// `mailsetup::cli::out`).
fn clap_exit(e: &clap::Error) -> ExitCode {
    if let Err(io) = e.print() {
        mailsetup::cli::out::failed(&io);
    }
    let code = u8::try_from(e.exit_code()).unwrap_or(mailsetup::cli::EXIT_USAGE);
    ExitCode::from(mailsetup::cli::out::exit_code(code))
}

/// Diagnostics for developers on stderr, filtered by `RUST_LOG` (default: warnings only):
/// `target=level` directives such as `trace` or `mailsetup=debug,warn`; a value that does
/// not parse leaves the default. `Targets` rather than `EnvFilter`: its span and field
/// filters need a regex engine (232 KiB of code plus tables, see packaging/README.md).
/// Libraries' `log` records are never bridged in: async-imap traces raw commands.
fn init_logging() {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|directives| directives.parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_default(LevelFilter::WARN));
    let _ = tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(filter)
        .try_init();
}

/// The console of the terminal that started us, for a GUI-subsystem exe run with arguments.
#[cfg(windows)]
mod windows_console {
    /// `ATTACH_PARENT_PROCESS`: `(DWORD)-1`.
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn AttachConsole(process_id: u32) -> i32;
    }

    /// Attaches to the parent's console: the standard handles the parent left unset now reach
    /// it (redirected ones, pipes and files, were set at start and are kept). Without a parent console
    /// (started from Explorer or a shortcut) it fails, and the program runs without one.
    pub fn attach_to_parent() {
        // SAFETY: AttachConsole takes a plain integer, touches no memory of ours, and only
        // changes which console this process uses; its failure needs no handling.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
