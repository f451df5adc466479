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
mod checked;
pub mod dclogin;
mod format;
pub mod goa;
pub mod mobileconfig;
pub mod qr;
pub mod sign;
pub mod tfa_qr;

use secrecy::SecretString;

use crate::store::VerifiedAccount;

pub use checked::{Auth, Checked, CheckedServer, ascii_host, no_controls, xml_escape};
pub use format::{ExportError, Exported, Field, Format};

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
    use crate::store::Role;

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
