//! `mailsetup accounts export ID --format tfa-qr|dclogin-qr|mobileconfig|autoconfig|goa
//! [--with-password] [--out FILE] [--payload] [--sign-cert FILE --sign-key FILE]`: a saved
//! account handed on to other mail programs, through `flow::export` as the window does.
//!
//! - QR formats: `--out FILE.png` / `FILE.svg` writes the code as a picture (any other name:
//!   the payload text), `--payload` prints the text the code holds, and with neither the code
//!   is drawn in the terminal in Unicode half blocks;
//! - `mobileconfig` and `autoconfig` write the file to `--out`, or to standard output;
//!   `--sign-cert` and `--sign-key` (PEM) sign the profile (CMS, with openssl);
//!   `autoconfig` also says where to publish the file and gives the DNS SRV records;
//! - `goa` adds the account to GNOME Online Accounts (see `export_goa`).
//!
//! The password is in an export only with `--with-password`, read from the keychain then;
//! a warning on standard error says what that means. Exit codes: 0 written, 1 not possible
//! for this account (the reason: OAuth, a non-ASCII address, no password for `dclogin`) or
//! the keychain/file failed, 2 usage (unknown id, flags that do not go together).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::lines::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::export::{self, Format};
use crate::flow::export::{self as flow, HandOff, HandOffError};
use crate::store::{AccountId, KeychainKind};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The account's id, as `accounts list` shows it.
    pub id: String,
    /// What to make: a QR code for Thunderbird for Android (tfa-qr) or Delta Chat
    /// (dclogin-qr), an Apple profile (mobileconfig), the domain's autoconfig file
    /// (autoconfig), or an account in GNOME Online Accounts (goa).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: FormatArg,
    /// Put the password in the export (read from the keychain now). Anyone who sees the
    /// code or file can then read and send your mail.
    #[arg(long)]
    pub with_password: bool,
    /// Write to this file (QR formats: a .png or .svg picture) instead of the terminal.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// QR formats: print the text the code holds instead of drawing it.
    #[arg(long)]
    pub payload: bool,
    /// mobileconfig: sign the profile with this certificate (PEM); needs --sign-key.
    #[arg(long, value_name = "FILE", requires = "sign_key")]
    pub sign_cert: Option<PathBuf>,
    /// mobileconfig: the certificate's private key (PEM, without a passphrase).
    #[arg(long, value_name = "FILE", requires = "sign_cert")]
    pub sign_key: Option<PathBuf>,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    TfaQr,
    DcloginQr,
    Mobileconfig,
    Autoconfig,
    Goa,
}

impl FormatArg {
    /// The export format, `None` for GNOME Online Accounts.
    fn format(self) -> Option<Format> {
        match self {
            FormatArg::TfaQr => Some(Format::TfaQr),
            FormatArg::DcloginQr => Some(Format::DcloginQr),
            FormatArg::Mobileconfig => Some(Format::Mobileconfig),
            FormatArg::Autoconfig => Some(Format::Autoconfig),
            FormatArg::Goa => None,
        }
    }
}

/// Runs `accounts export`.
pub async fn run(dir: &Path, keychain: Option<KeychainKind>, args: ExportArgs) -> u8 {
    let id = super::lookup::account_id(&args.id);
    let Some(format) = args.format.format() else {
        if args.out.is_some() || args.payload || args.sign_cert.is_some() {
            return usage(t!("export-cli-goa-flags"));
        }
        return export_goa(dir, &id, keychain).await;
    };
    if args.payload && !format.is_qr() {
        return usage(t!("export-cli-payload-qr-only"));
    }
    if args.sign_cert.is_some() && format != Format::Mobileconfig {
        return usage(t!("export-cli-sign-profile-only"));
    }
    if args.with_password && format == Format::Autoconfig {
        return usage(t!("export-cli-autoconfig-no-password"));
    }
    let request = HandOff {
        id,
        format,
        with_password: args.with_password,
        keychain,
    };
    let exported = match flow::export_saved(dir, &request).await {
        Ok(e) => e,
        Err(e) => return fail(&e),
    };
    if args.with_password && !exported.holds_password() {
        // An OAuth account: the other device signs in with the provider itself.
        errln!(
            "{}",
            super::lines::warning_line(t!("export-cli-oauth-no-password"))
        );
    }
    if exported.holds_password() {
        errln!(
            "{}",
            super::lines::warning_line(t!("export-password-warning"))
        );
    }
    match format {
        Format::TfaQr | Format::DcloginQr => qr(&exported, &args),
        Format::Mobileconfig => profile(&exported, &args),
        Format::Autoconfig => autoconfig(&exported, dir, &request.id, &args).await,
    }
}

/// A QR format: a picture, the payload, or the code in the terminal.
fn qr(exported: &export::Exported, args: &ExportArgs) -> u8 {
    if let Some(path) = &args.out {
        let bytes = if args.payload {
            Ok(exported.text().as_bytes().to_vec())
        } else {
            flow::file_bytes(exported, path)
        };
        return write(path, bytes, exported);
    }
    if args.payload {
        outln!("{}", exported.text());
        return EXIT_OK;
    }
    let code = match exported.qr() {
        Ok(c) => c,
        Err(e) => return fail(&HandOffError::Export(e)),
    };
    out!("{}", code.terminal());
    outln!(
        "{}",
        t!(
            "export-cli-qr-caption",
            format = exported.format.words(),
            version = code.version(),
            size = (code.width() as u64)
        )
    );
    EXIT_OK
}

/// The Apple profile, signed when asked.
fn profile(exported: &export::Exported, args: &ExportArgs) -> u8 {
    let mut bytes = zeroize::Zeroizing::new(exported.text().as_bytes().to_vec());
    match (&args.sign_cert, &args.sign_key) {
        (Some(cert), Some(key)) => match export::sign::sign(&bytes, cert, key) {
            Ok(signed) => bytes = zeroize::Zeroizing::new(signed),
            Err(e) => return fail(&HandOffError::Export(e.into())),
        },
        _ => errln!("{}", t!("export-cli-unsigned")),
    }
    match &args.out {
        Some(path) => write(path, Ok(bytes.to_vec()), exported),
        None => raw_stdout(&bytes),
    }
}

/// The autoconfig file, where to publish it, and the SRV records.
async fn autoconfig(
    exported: &export::Exported,
    dir: &Path,
    id: &AccountId,
    args: &ExportArgs,
) -> u8 {
    let code = match &args.out {
        Some(path) => write(path, Ok(exported.text().as_bytes().to_vec()), exported),
        None => {
            out!("{}", exported.text());
            EXIT_OK
        }
    };
    if code != EXIT_OK {
        return code;
    }
    // Notes for the administrator: on standard output after a file, else on standard error
    // (standard output then holds exactly the file).
    let notes = match crate::store::find(dir, id).await {
        Ok(saved) => {
            let account = flow::verified_of(&saved, dir);
            match export::Checked::new(&account) {
                Ok(checked) => {
                    let [ispath, wellknown] = export::autoconfig::publish_urls(&checked);
                    let mut text = format!(
                        "{}\n  {ispath}\n  {wellknown}\n",
                        t!("export-cli-publish-at")
                    );
                    text.push_str(&format!("{}\n", t!("export-cli-srv-records")));
                    text.push_str(&export::autoconfig::srv_records(&checked));
                    text
                }
                Err(_) => String::new(),
            }
        }
        Err(_) => String::new(),
    };
    if args.out.is_some() {
        out!("{notes}");
    } else {
        crate::cli::out::stderr(format_args!("{notes}"));
    }
    EXIT_OK
}

/// Writes an export to a file and says so.
fn write(path: &Path, bytes: Result<Vec<u8>, HandOffError>, exported: &export::Exported) -> u8 {
    let bytes = match bytes {
        Ok(b) => zeroize::Zeroizing::new(b),
        Err(e) => return fail(&e),
    };
    if let Err(e) = flow::write_file(path, &bytes, exported.holds_password()) {
        return fail(&e);
    }
    outln!(
        "{}",
        t!(
            "export-cli-written",
            format = exported.format.words(),
            path = path.display().to_string()
        )
    );
    EXIT_OK
}

/// Bytes (a signed profile is binary) on standard output.
fn raw_stdout(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        super::out::failed(&e);
    }
    EXIT_OK
}

/// `--format goa`: adds the account to GNOME Online Accounts (`flow::add_to_goa`) and prints
/// the new account's object path.
pub async fn export_goa(dir: &Path, id: &AccountId, keychain: Option<KeychainKind>) -> u8 {
    match flow::add_to_goa(dir, id, keychain).await {
        Ok(path) => {
            outln!("{}", t!("export-cli-goa-added", path = path.as_str()));
            EXIT_OK
        }
        Err(e) => fail(&e),
    }
}

fn usage(message: String) -> u8 {
    errln!("{}", super::lines::error_line(message));
    EXIT_USAGE
}

fn fail(e: &HandOffError) -> u8 {
    errln!("{}", super::lines::error_line(e.words()));
    if e.is_usage() {
        EXIT_USAGE
    } else {
        EXIT_FAILED
    }
}
