//! Every line the CLI prints goes through here: `outln!` / `out!` for standard output,
//! `errln!` for standard error. `println!` panics when its write fails ("failed printing to
//! stdout: Broken pipe" after `mailsetup accounts list | head -1`); these never panic.
//!
//! In order, for each write to standard output:
//! 1. Once standard output has failed, nothing more is written (the rest would fail too).
//! 2. The text is written and flushed at once, so a closed pipe shows at the write that hit it.
//! 3. A write that fails records why: `BrokenPipe` (the reader went away, POSIX `EPIPE`,
//!    Windows `ERROR_NO_DATA`) quietly; any other error (a full disk) with one `error:` line
//!    on standard error.
//!
//! The command then runs to its end and [`exit_code`] replaces its exit code: 141 for a closed
//! pipe, 1 for another failure. Why 141: it is what a shell reports for `cat`, `ls` or `yes`
//! killed by SIGPIPE in the same place (128 + 13), so `set -o pipefail` scripts see mailsetup
//! behave like every other tool, and it is none of our own codes: 0 would claim "everything
//! verified" for output nobody read, 1 "a test failed". Why not the default SIGPIPE action
//! (die at the write): the signal is process-wide and the process also writes to sockets,
//! where a peer that hangs up must be an error we report, never a silent death; and running
//! to the end lets the store and the keychain finish what they began (an `accounts remove`
//! cut off by `head` still removes the password it already started to remove).
//!
//! Both streams: the text passes `shown::for_terminal` first, so no C0 control (but tab and
//! line feed), DEL or C1 control reaches the terminal, whatever a server, a certificate or a
//! file wrote into it. JSON keeps its own escapes (`\u001b`), which this leaves alone.
//!
//! Standard error: a failed write is ignored. There is nowhere left to say it, and a closed
//! standard error must not change what the command does or its exit code.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU8, Ordering};

/// Exit code after standard output was closed by its reader (128 + SIGPIPE, as a shell shows).
pub const EXIT_PIPE_CLOSED: u8 = 141;

/// Standard output works (so far).
const OPEN: u8 = 0;
/// The reader closed the pipe.
const PIPE_CLOSED: u8 = 1;
/// Another write error (reported on standard error when it happened).
const FAILED: u8 = 2;

static STDOUT: AtomicU8 = AtomicU8::new(OPEN);

/// `outln!("…", args)`: a line on standard output; never panics (see the module header).
#[macro_export]
macro_rules! outln {
    () => {
        $crate::cli::out::stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::out::stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `out!("…", args)`: text on standard output without a line break added; never panics.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::out::stdout(format_args!($($arg)*))
    };
}

/// `errln!("…", args)`: a line on standard error; a failed write is ignored.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::out::stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Writes `text` to standard output and flushes it; a failure is recorded, never raised.
pub fn stdout(text: fmt::Arguments<'_>) {
    if STDOUT.load(Ordering::Acquire) != OPEN {
        return;
    }
    let text = text.to_string();
    let mut out = io::stdout().lock();
    let written = out
        .write_all(crate::shown::for_terminal(&text).as_bytes())
        .and_then(|()| out.flush());
    if let Err(e) = written {
        record(&e);
    }
}

/// Records a failed write to standard output: quietly for a closed pipe, else with one line.
fn record(e: &io::Error) {
    if e.kind() == io::ErrorKind::BrokenPipe {
        STDOUT.store(PIPE_CLOSED, Ordering::Release);
    } else if STDOUT.swap(FAILED, Ordering::AcqRel) == OPEN {
        stderr(format_args!(
            "{}\n",
            super::lines::error_line(t!("cli-output-failed", error = e.to_string()))
        ));
    }
}

/// Writes `text` to standard error; a failure is ignored (see the module header).
pub fn stderr(text: fmt::Arguments<'_>) {
    let text = text.to_string();
    let mut err = io::stderr().lock();
    let _ = err
        .write_all(crate::shown::for_terminal(&text).as_bytes())
        .and_then(|()| err.flush());
}

/// The exit code a command ends with: `code`, unless standard output failed on the way.
pub fn exit_code(code: u8) -> u8 {
    match STDOUT.load(Ordering::Acquire) {
        PIPE_CLOSED => EXIT_PIPE_CLOSED,
        FAILED => super::EXIT_FAILED,
        _ => code,
    }
}

/// Whether standard output has stopped taking text: a loop with more to print (and more to
/// check before printing it) may end early.
pub fn stopped() -> bool {
    STDOUT.load(Ordering::Acquire) != OPEN
}

/// Records a failure from a writer that printed to standard output itself (clap's help).
pub fn failed(e: &io::Error) {
    record(e);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_exit_141_and_another_failure_exit_1() {
        assert_eq!(exit_code(0), 0);
        assert_eq!(exit_code(2), 2);
        record(&io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(stopped());
        assert_eq!(exit_code(0), EXIT_PIPE_CLOSED);
        assert_eq!(exit_code(1), EXIT_PIPE_CLOSED);
        STDOUT.store(OPEN, Ordering::Release);
        record(&io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(exit_code(0), super::super::EXIT_FAILED);
        STDOUT.store(OPEN, Ordering::Release);
    }
}
