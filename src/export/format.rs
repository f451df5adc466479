//! What an export is: the formats (`Format`), the account fields a check can refuse
//! (`Field`), why an export failed (`ExportError`, with its words), and the result
//! (`Exported`, text that is zeroized when dropped since it may hold the password).

use std::fmt;

use zeroize::Zeroizing;

use crate::store::{InvalidAccount, Role, VerifiedAccount};

use super::{qr, sign};

/// The formats an account can be exported to as text or bytes (GNOME Online Accounts is a
/// D-Bus call, not a file, and lives beside these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Thunderbird for Android's QR code (format version 1).
    TfaQr,
    /// Delta Chat's `dclogin:` QR code (version 1).
    DcloginQr,
    /// Apple configuration profile (`.mobileconfig`).
    Mobileconfig,
    /// Mozilla autoconfig XML (clientConfig 1.1) for the domain's administrator.
    Autoconfig,
}

impl Format {
    /// The word on the command line (`--format`).
    pub fn word(self) -> &'static str {
        match self {
            Format::TfaQr => "tfa-qr",
            Format::DcloginQr => "dclogin-qr",
            Format::Mobileconfig => "mobileconfig",
            Format::Autoconfig => "autoconfig",
        }
    }

    /// Whether the export is meant to be shown as a QR code.
    pub fn is_qr(self) -> bool {
        matches!(self, Format::TfaQr | Format::DcloginQr)
    }

    /// What the format is, in the current language ("Thunderbird for Android QR code").
    pub fn words(self) -> String {
        match self {
            Format::TfaQr => t!("export-format-tfa"),
            Format::DcloginQr => t!("export-format-dclogin"),
            Format::Mobileconfig => t!("export-format-mobileconfig"),
            Format::Autoconfig => t!("export-format-autoconfig"),
        }
    }

    /// The file name offered when saving (`alice-example-com.mobileconfig`).
    pub fn file_name(self, account: &VerifiedAccount) -> String {
        let base = crate::store::AccountId::base_for(&account.email);
        match self {
            Format::TfaQr => format!("{base}-thunderbird.png"),
            Format::DcloginQr => format!("{base}-deltachat.png"),
            Format::Mobileconfig => format!("{base}.mobileconfig"),
            Format::Autoconfig => "config-v1.1.xml".to_string(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// Which account field a refused value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    DisplayName,
    Address,
    Host(Role),
    Username(Role),
    Password,
}

impl Field {
    /// The field in the current language.
    pub fn words(self) -> String {
        match self {
            Field::DisplayName => t!("export-field-name"),
            Field::Address => t!("export-field-address"),
            Field::Host(Role::Incoming) => t!("export-field-incoming-host"),
            Field::Host(Role::Outgoing) => t!("export-field-outgoing-host"),
            Field::Username(Role::Incoming) => t!("export-field-incoming-user"),
            Field::Username(Role::Outgoing) => t!("export-field-outgoing-user"),
            Field::Password => t!("export-field-password"),
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::DisplayName => f.write_str("display name"),
            Field::Address => f.write_str("email address"),
            Field::Host(role) => write!(f, "{role} host name"),
            Field::Username(role) => write!(f, "{role} user name"),
            Field::Password => f.write_str("password"),
        }
    }
}

/// Why an account cannot be exported in a format. Nothing here ever holds the password.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "{format} cannot carry an account that signs in with OAuth 2.0: the provider's sign-in \
         has to be done on the other device"
    )]
    OAuthNotCarried { format: Format },
    #[error(
        "{format} carries ASCII addresses only, and \"{address}\" has non-ASCII characters \
         before the @"
    )]
    NonAsciiAddress { format: Format, address: String },
    #[error("{format} always holds the password: export it with the password included")]
    PasswordRequired { format: Format },
    #[error(
        "{format} needs an IMAP server, and this POP3 account has no IMAP server that verified"
    )]
    ImapRequired { format: Format },
    #[error("the {field} \"{value}\" is not a host name or address a mail program can use")]
    BadHost { field: Field, value: String },
    #[error("the {field} contains a control character (a line break, tab or similar)")]
    ControlCharacter { field: Field },
    #[error("the account cannot be exported: {0}")]
    Invalid(#[from] InvalidAccount),
    #[error(
        "the {format} payload is {bytes} bytes, more than a QR code holds ({max} at error \
         correction L)"
    )]
    TooLargeForQr {
        format: Format,
        bytes: usize,
        max: usize,
    },
    #[error("the QR code could not be drawn as a PNG picture: {detail}")]
    Png { detail: String },
    #[error(transparent)]
    Sign(#[from] sign::SignError),
}

impl ExportError {
    /// A stable snake_case code (for tests and scripts).
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::OAuthNotCarried { .. } => "oauth_not_carried",
            ExportError::NonAsciiAddress { .. } => "non_ascii_address",
            ExportError::PasswordRequired { .. } => "password_required",
            ExportError::ImapRequired { .. } => "imap_required",
            ExportError::BadHost { .. } => "bad_host",
            ExportError::ControlCharacter { .. } => "control_character",
            ExportError::Invalid(_) => "invalid_account",
            ExportError::TooLargeForQr { .. } => "too_large_for_qr",
            ExportError::Png { .. } => "png_failed",
            ExportError::Sign(e) => e.code(),
        }
    }

    /// The reason in the current language (the `Display` text stays English).
    pub fn words(&self) -> String {
        match self {
            ExportError::OAuthNotCarried { format } => {
                t!("export-oauth-not-carried", format = format.words())
            }
            ExportError::NonAsciiAddress { format, address } => t!(
                "export-non-ascii-address",
                format = format.words(),
                address = address.as_str()
            ),
            ExportError::PasswordRequired { format } => {
                t!("export-password-required", format = format.words())
            }
            ExportError::ImapRequired { format } => {
                t!("export-imap-required", format = format.words())
            }
            ExportError::BadHost { value, .. } => {
                t!("export-bad-host", host = value.as_str())
            }
            ExportError::ControlCharacter { field } => {
                t!("export-control-character", field = field.words())
            }
            ExportError::Invalid(e) => t!("export-invalid", reason = e.to_string()),
            ExportError::TooLargeForQr { bytes, max, .. } => t!(
                "export-too-large",
                bytes = (*bytes as u64),
                max = (*max as u64)
            ),
            ExportError::Png { detail } => t!("export-png-failed", reason = detail.as_str()),
            ExportError::Sign(e) => e.words(),
        }
    }
}

/// One export: the text a format produced (a QR payload, a profile, an XML file) and whether
/// it holds the password. `Debug` never shows a text that holds the password, and the text
/// is wiped from memory when dropped.
pub struct Exported {
    pub format: Format,
    text: Zeroizing<String>,
    holds_password: bool,
}

impl Exported {
    pub(super) fn new(format: Format, text: String, holds_password: bool) -> Self {
        Self {
            format,
            text: Zeroizing::new(text),
            holds_password,
        }
    }

    /// The payload or file, as text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the password is in it (only ever when it was asked for).
    pub fn holds_password(&self) -> bool {
        self.holds_password
    }

    /// The QR code of a QR format's payload (byte mode, error correction L).
    pub fn qr(&self) -> Result<qr::QrCode, ExportError> {
        qr::QrCode::encode(self.text.as_bytes()).map_err(|too_large| ExportError::TooLargeForQr {
            format: self.format,
            bytes: too_large.bytes,
            max: too_large.max,
        })
    }
}

impl fmt::Debug for Exported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.holds_password {
            write!(f, "Exported({}, [REDACTED])", self.format)
        } else {
            write!(f, "Exported({}, {:?})", self.format, self.text.as_str())
        }
    }
}
