//! Thunderbird for Android's "Import from desktop" QR payload, format version 1
//! (thunderbird-android `feature/migration/qrcode/qr-code-format.md`): UTF-8 JSON made of
//! nested arrays, read from a QR code in byte mode.
//!
//! For one account:
//! `[1, [1, 1], IncomingServer, [[OutgoingServer, Identity]]]` where
//! - IncomingServer is `[protocol (0 IMAP, 1 POP3), host, port, security, auth, username]`,
//!   followed by `null` (the account name: the identity's address) and the password only
//!   when the password is included;
//! - OutgoingServer is `[0 (SMTP), host, port, security, auth, username]`, plus the
//!   password when included;
//! - Identity is `[address, display name]`.
//!
//! Security: 0 plain, 2 STARTTLS, 3 TLS (1 is reserved and never written). Authentication:
//! 1 password (cleartext inside TLS), 2 encrypted password (CRAM-MD5), 6 OAuth 2.0 (the
//! other device signs in with the provider itself; no token travels). Readers must skip an
//! account with any value they do not know, so every value written is one of these; host
//! names are ASCII (IDN in ACE form) and the address must be ASCII.

use secrecy::{ExposeSecret, SecretString};

use super::{Auth, Checked, CheckedServer, ExportError, Format};
use crate::account::{Protocol, Security};

/// The format version written.
pub const FORMAT_VERSION: u8 = 1;

/// The JSON payload for one account, in one QR code (sequence 1 of 1).
pub fn payload(
    account: &Checked<'_>,
    password: Option<&SecretString>,
) -> Result<String, ExportError> {
    let address = account.ascii_address(Format::TfaQr)?;
    // An OAuth account's secret is a refresh token: never exported.
    let password = password.filter(|_| !account.oauth);
    let mut out = format!("[{FORMAT_VERSION},[1,1],");
    out.push('[');
    out.push_str(&server_fields(&account.incoming));
    if let Some(pw) = password {
        out.push_str(",null,");
        push_json_string(&mut out, pw.expose_secret());
    }
    out.push_str("],[[[");
    out.push_str(&server_fields(&account.outgoing));
    if let Some(pw) = password {
        out.push(',');
        push_json_string(&mut out, pw.expose_secret());
    }
    out.push_str("],[");
    push_json_string(&mut out, &address);
    out.push(',');
    push_json_string(&mut out, account.display_name);
    out.push_str("]]]]");
    Ok(out)
}

/// `protocol,"host",port,security,auth,"username"`.
fn server_fields(s: &CheckedServer<'_>) -> String {
    let protocol = match s.protocol {
        Protocol::Imap | Protocol::Smtp => 0,
        Protocol::Pop3 => 1,
    };
    let mut out = format!("{protocol},");
    push_json_string(&mut out, &s.host);
    out.push_str(&format!(
        ",{},{},{},",
        s.port,
        security_value(s.security),
        auth_value(s.auth)
    ));
    push_json_string(&mut out, s.username);
    out
}

/// The format's `ConnectionSecurity`.
pub fn security_value(security: Security) -> u8 {
    match security {
        Security::Plain => 0,
        Security::StartTls => 2,
        Security::Tls => 3,
    }
}

/// The format's `AuthenticationType`.
pub fn auth_value(auth: Auth) -> u8 {
    match auth {
        Auth::PasswordCleartext => 1,
        Auth::PasswordEncrypted => 2,
        Auth::OAuth2 => 6,
    }
}

/// A JSON string (RFC 8259 §7): quotes, backslashes and control characters escaped, the
/// rest as UTF-8.
pub(super) fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_account::{alice, hostile};

    #[test]
    fn the_payload_is_the_formats_example_shape() {
        let a = alice();
        let text = payload(&Checked::new(&a).unwrap(), None).unwrap();
        assert_eq!(
            text,
            r#"[1,[1,1],[0,"imap.example.com",993,3,1,"alice@example.com"],[[[0,"smtp.example.com",587,2,1,"alice@example.com"],["alice@example.com","Alice Example"]]]]"#
        );
    }

    #[test]
    fn the_password_comes_last_and_only_when_given() {
        let a = alice();
        let pw = SecretString::from(r#"p"w\x"#);
        let text = payload(&Checked::new(&a).unwrap(), Some(&pw)).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[2][6], serde_json::Value::Null);
        assert_eq!(v[2][7], r#"p"w\x"#);
        assert_eq!(v[3][0][0][6], r#"p"w\x"#);
    }

    #[test]
    fn hostile_values_stay_inside_their_strings() {
        let a = hostile();
        let text = payload(&Checked::new(&a).unwrap(), None).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[2][5], a.incoming.settings.username.as_str());
        assert_eq!(v[3][0][1][1], a.display_name.as_str());
        assert_eq!(v.as_array().unwrap().len(), 4);
    }

    #[test]
    fn oauth_is_type_6_and_carries_no_secret() {
        let mut a = alice();
        a.oauth2 = Some(crate::store::OAuth2Login {
            issuer: "https://issuer.example".into(),
            provider: "x".into(),
            client_id: "c".into(),
            scopes: vec![],
            mechanism: None,
            ..Default::default()
        });
        let token = SecretString::from("refresh-token-value");
        let text = payload(&Checked::new(&a).unwrap(), Some(&token)).unwrap();
        assert!(!text.contains("refresh-token-value"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[2][4], 6);
        assert_eq!(v[3][0][0][4], 6);
    }

    #[test]
    fn a_non_ascii_address_is_refused_and_an_idn_domain_is_ace() {
        let mut a = alice();
        a.email = crate::account::EmailAddress::parse("jörg@example.com").unwrap();
        let e = payload(&Checked::new(&a).unwrap(), None).unwrap_err();
        assert_eq!(e.code(), "non_ascii_address");
        let mut a = alice();
        a.email = crate::account::EmailAddress::parse("joerg@bücher.example").unwrap();
        a.incoming.settings.host = "imap.bücher.example".into();
        let text = payload(&Checked::new(&a).unwrap(), None).unwrap();
        assert!(text.contains(r#""imap.xn--bcher-kva.example""#), "{text}");
        assert!(text.contains(r#""joerg@xn--bcher-kva.example""#), "{text}");
        assert!(text.is_ascii() || !text.contains("ü."));
    }
}

#[cfg(test)]
mod size {
    use super::*;
    use crate::account::{EmailAddress, Protocol, Security, ServerSettings};
    use crate::export::test_account::alice;
    use crate::store::SavedServer;

    /// A typical account: a real-looking provider, the address as the user name, a display
    /// name, 20-character password. Prints the QR versions (the README's figures).
    #[test]
    fn a_typical_account_fits_version_10_without_the_password() {
        let mut a = alice();
        a.display_name = "Jane Doe".into();
        a.email = EmailAddress::parse("jane.doe@example-mail.com").unwrap();
        let server = |protocol, host: &str, port| {
            SavedServer::new(ServerSettings {
                protocol,
                host: host.into(),
                port,
                security: Security::Tls,
                username: "jane.doe@example-mail.com".into(),
            })
        };
        a.incoming = server(Protocol::Imap, "imap.example-mail.com", 993);
        a.outgoing = server(Protocol::Smtp, "smtp.example-mail.com", 465);
        let checked = Checked::new(&a).unwrap();
        let without = payload(&checked, None).unwrap();
        let pw = SecretString::from("Xq7!vR2#pL9@wM4$kT8z");
        let with = payload(&checked, Some(&pw)).unwrap();
        let v_without = crate::export::qr::QrCode::encode(without.as_bytes()).unwrap();
        let v_with = crate::export::qr::QrCode::encode(with.as_bytes()).unwrap();
        println!(
            "typical account: {} bytes -> version {} ({}x{} modules); with a 20-character \
             password {} bytes -> version {} ({}x{})",
            without.len(),
            v_without.version(),
            v_without.width(),
            v_without.width(),
            with.len(),
            v_with.version(),
            v_with.width(),
            v_with.width()
        );
        assert!(v_without.version() <= 10);
        assert!(v_with.version() <= 10);
    }
}
