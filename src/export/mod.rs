//! Hand-off: a saved account in other mail programs' formats, so the settings mailsetup
//! verified reach a phone, an Apple device or a whole domain without being typed again.
//!
//! One file per format, each a pure function from a `VerifiedAccount` (plus the password,
//! only when the person asked for it in this export) to text or bytes:
//!
//! - `tfa_qr`: Thunderbird for Android's "Import from desktop" QR payload, format version 1
//!   (thunderbird-android `feature/migration/qrcode/qr-code-format.md`);
//! - `dclogin`: Delta Chat's `dclogin:` URI, version 1 (chatmail/core `src/qr/dclogin_scheme.rs`);
//! - `mobileconfig`: an Apple configuration profile with one `com.apple.mail.managed`
//!   payload; `sign` wraps it in CMS SignedData (RFC 5652) with `openssl smime`;
//! - `autoconfig`: Mozilla's clientConfig 1.1 XML and the RFC 6186 / RFC 8314 SRV records;
//! - `goa`: the account added to GNOME Online Accounts over D-Bus (the one hand-off that is a
//!   call to the desktop, not a file; Evolution, Geary and GNOME's apps read it there);
//! - `qr`: QR codes (ISO/IEC 18004, byte mode, error correction L) as a module matrix, PNG,
//!   SVG and Unicode half blocks for a terminal.
//!
//! Nothing here reads the keychain, touches the network or draws: `flow::export` reads the
//! password at the moment of the export and calls `export`; the window and the command line
//! both go through it. OAuth refresh tokens are never exported: an OAuth account's formats
//! say "sign in with the provider" (authentication type 6) or refuse (`OAuthNotCarried`).
//!
//! Every value taken from the account is checked before it is written (`checked`): host
//! names must be names or addresses a client can dial (IDN in its ASCII form), and no text
//! may hold a control character; each format then escapes what its syntax needs (JSON,
//! XML, property list, percent-encoding).

pub mod autoconfig;
pub mod dclogin;
pub mod goa;
pub mod mobileconfig;
pub mod qr;
pub mod sign;
pub mod tfa_qr;

use std::fmt;

use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::account::{Protocol, Security};
use crate::store::{InvalidAccount, Role, SavedServer, VerifiedAccount};

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
    fn new(format: Format, text: String, holds_password: bool) -> Self {
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

/// Exports `account` in `format`. `password` is included only when given (the caller asked
/// for it in this export); `dclogin:` needs it. Pure: no keychain, no network, no files.
pub fn export(
    format: Format,
    account: &VerifiedAccount,
    password: Option<&SecretString>,
) -> Result<Exported, ExportError> {
    let account = Checked::new(account)?;
    let text = match format {
        Format::TfaQr => tfa_qr::payload(&account, password)?,
        Format::DcloginQr => dclogin::uri(&account, password)?,
        Format::Mobileconfig => mobileconfig::profile(&account, password)?,
        Format::Autoconfig => autoconfig::client_config(&account),
    };
    Ok(Exported::new(
        format,
        text,
        password.is_some() && format != Format::Autoconfig,
    ))
}

/// How a server is signed in to, in the terms the formats share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// A password sent as it is, inside TLS (PLAIN, LOGIN, USER/PASS).
    PasswordCleartext,
    /// A password never sent as it is (CRAM-MD5 and the like).
    PasswordEncrypted,
    /// OAuth 2.0 (the refresh token stays in our keychain: never exported).
    OAuth2,
}

/// One server of a checked account.
#[derive(Debug, Clone)]
pub struct CheckedServer<'a> {
    pub protocol: Protocol,
    /// ASCII: a host name (IDN as its ACE form) or an IP address.
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: &'a str,
    pub auth: Auth,
}

/// An account whose every value was checked for what the formats need: servers of the right
/// kinds, hosts a client can dial, no control characters anywhere.
#[derive(Debug, Clone)]
pub struct Checked<'a> {
    pub account: &'a VerifiedAccount,
    pub display_name: &'a str,
    pub incoming: CheckedServer<'a>,
    pub outgoing: CheckedServer<'a>,
    /// The other servers that verified, checked the same way (autoconfig lists them).
    pub alternatives: Vec<CheckedServer<'a>>,
    pub oauth: bool,
}

impl<'a> Checked<'a> {
    /// Checks an account for export.
    pub fn new(account: &'a VerifiedAccount) -> Result<Self, ExportError> {
        account.validate()?;
        no_controls(Field::DisplayName, &account.display_name)?;
        no_controls(Field::Address, &account.email.to_string())?;
        let oauth = account.oauth2.is_some();
        let incoming = server(Role::Incoming, &account.incoming, oauth)?;
        let outgoing = server(Role::Outgoing, &account.outgoing, oauth)?;
        let mut alternatives = Vec::new();
        for alt in &account.alternatives {
            let role = if alt.settings.protocol.is_incoming() {
                Role::Incoming
            } else {
                Role::Outgoing
            };
            alternatives.push(server(role, alt, oauth)?);
        }
        Ok(Self {
            account,
            display_name: account.display_name.trim(),
            incoming,
            outgoing,
            alternatives,
            oauth,
        })
    }

    /// The address with its domain in ASCII, when all of it is ASCII (the formats that
    /// carry ASCII addresses only).
    pub fn ascii_address(&self, format: Format) -> Result<String, ExportError> {
        let address = self.account.email.to_ascii();
        if address.is_ascii() {
            Ok(address)
        } else {
            Err(ExportError::NonAsciiAddress {
                format,
                address: self.account.email.to_string(),
            })
        }
    }

    /// The name to show: the display name, else the address.
    pub fn name_or_address(&self) -> String {
        if self.display_name.is_empty() {
            self.account.email.to_string()
        } else {
            self.display_name.to_string()
        }
    }
}

fn server<'a>(
    role: Role,
    saved: &'a SavedServer,
    oauth: bool,
) -> Result<CheckedServer<'a>, ExportError> {
    let s = &saved.settings;
    no_controls(Field::Username(role), &s.username)?;
    let host = ascii_host(Field::Host(role), &s.host)?;
    let encrypted = saved
        .auth_method
        .as_deref()
        .is_some_and(|m| m.to_ascii_uppercase().contains("CRAM-MD5"));
    let auth = if oauth {
        Auth::OAuth2
    } else if encrypted {
        Auth::PasswordEncrypted
    } else {
        Auth::PasswordCleartext
    };
    Ok(CheckedServer {
        protocol: s.protocol,
        host,
        port: s.port,
        security: s.security,
        username: &s.username,
        auth,
    })
}

/// Refuses text with a control character (formats are line-based or forbid them; a
/// reader of the QR formats must refuse them).
pub fn no_controls(field: Field, text: &str) -> Result<(), ExportError> {
    if text.chars().any(char::is_control) {
        Err(ExportError::ControlCharacter { field })
    } else {
        Ok(())
    }
}

/// The ASCII form of a host: an IP address as it is, a name in lower case with IDN labels
/// in their ACE form (`xn--…`); anything else is refused.
pub fn ascii_host(field: Field, host: &str) -> Result<String, ExportError> {
    let bad = || ExportError::BadHost {
        field,
        value: host.chars().filter(|c| !c.is_control()).take(80).collect(),
    };
    let trimmed = host.trim_end_matches('.');
    if trimmed.is_empty() || host.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(bad());
    }
    if trimmed.parse::<std::net::IpAddr>().is_ok() {
        return Ok(trimmed.to_string());
    }
    let ascii = idna::domain_to_ascii_strict(trimmed).map_err(|_| bad())?;
    let ldh = ascii.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    if !ldh || ascii.len() > 253 {
        return Err(bad());
    }
    Ok(ascii)
}

/// XML character data and attribute values (`&`, `<`, `>`, both quotes).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_account {
    //! Accounts for the format tests, hostile ones included.

    use crate::account::{EmailAddress, Protocol, Security, ServerSettings};
    use crate::store::{SavedServer, SettingsSource, SourceKind, Timestamp, VerifiedAccount};

    pub fn server(protocol: Protocol, host: &str, port: u16, security: Security) -> SavedServer {
        SavedServer::verified(
            ServerSettings {
                protocol,
                host: host.into(),
                port,
                security,
                username: "alice@example.com".into(),
            },
            Some("AUTH PLAIN".into()),
        )
    }

    pub fn alice() -> VerifiedAccount {
        VerifiedAccount {
            display_name: "Alice Example".into(),
            email: EmailAddress::parse("alice@example.com").unwrap(),
            incoming: server(Protocol::Imap, "imap.example.com", 993, Security::Tls),
            outgoing: server(Protocol::Smtp, "smtp.example.com", 587, Security::StartTls),
            alternatives: Vec::new(),
            source: SettingsSource::new(SourceKind::Autoconfig),
            verified_at: Timestamp(time::OffsetDateTime::UNIX_EPOCH),
            allow_plaintext: false,
            ca_file: None,
            pinned_keys: Vec::new(),
            oauth2: None,
        }
    }

    /// Every text field holds what each format has to escape.
    pub fn hostile() -> VerifiedAccount {
        let mut a = alice();
        a.display_name = r#"Al"ice <&> 'O\Brien' ]]> %41 ?&=# ✓"#.into();
        a.incoming.settings.username = r#"al"ice&<x>\u0022 ]"?=#%"#.into();
        a.outgoing.settings.username = "bob+tag@example.com".into();
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_ascii_names_or_addresses() {
        let f = Field::Host(Role::Incoming);
        assert_eq!(
            ascii_host(f, "IMAP.Example.com").unwrap(),
            "imap.example.com"
        );
        assert_eq!(
            ascii_host(f, "mail.bücher.example").unwrap(),
            "mail.xn--bcher-kva.example"
        );
        assert_eq!(ascii_host(f, "127.0.0.1").unwrap(), "127.0.0.1");
        assert_eq!(ascii_host(f, "::1").unwrap(), "::1");
        for bad in [
            "",
            "imap.example.com\nsmtp",
            "a b.example",
            "-x.example",
            "x\".example",
            "<x>.example",
            "a..b",
        ] {
            let e = ascii_host(f, bad).unwrap_err();
            assert_eq!(e.code(), "bad_host", "{bad:?}");
        }
    }

    #[test]
    fn control_characters_are_refused_with_the_field() {
        let mut a = test_account::alice();
        a.display_name = "Alice\nBcc: x".into();
        let e = Checked::new(&a).unwrap_err();
        assert!(matches!(
            e,
            ExportError::ControlCharacter {
                field: Field::DisplayName
            }
        ));
        let mut a = test_account::alice();
        a.outgoing.settings.username = "a\tb".into();
        let e = Checked::new(&a).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the outgoing user name contains a control character (a line break, tab or similar)"
        );
    }

    #[test]
    fn debug_hides_a_text_that_holds_the_password() {
        let a = test_account::alice();
        let pw = SecretString::from("hunter2-secret");
        let e = export(Format::TfaQr, &a, Some(&pw)).unwrap();
        assert!(e.holds_password());
        assert!(e.text().contains("hunter2-secret"));
        assert!(!format!("{e:?}").contains("hunter2"));
        let e = export(Format::TfaQr, &a, None).unwrap();
        assert!(!e.holds_password());
        assert!(format!("{e:?}").contains("imap.example.com"));
    }

    #[test]
    fn xml_escape_covers_markup_and_quotes() {
        assert_eq!(
            xml_escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }
}
