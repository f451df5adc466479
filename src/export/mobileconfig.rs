//! An Apple configuration profile (`.mobileconfig`) that adds the account to Mail on an
//! iPhone, iPad or Mac when the file is opened: an XML property list (Apple's PropertyList
//! 1.0 DTD) with one payload of type `com.apple.mail.managed` (apple/device-management
//! `mdm/profiles/com.apple.mail.managed.yaml`).
//!
//! Top level: `PayloadType` `Configuration`, `PayloadVersion` 1, `PayloadIdentifier`,
//! `PayloadUUID`, `PayloadDisplayName`, `PayloadContent` (the mail payload). The mail
//! payload has the keys the schema requires (`EmailAccountType`, the servers' host names and
//! authentication) and the optional ones we know (ports, user names, `UseSSL`, address, name).
//! The format has no STARTTLS-versus-TLS switch — `UseSSL` true covers both and the port
//! decides — and no OAuth: an OAuth account is refused. Passwords (`IncomingPassword`,
//! `OutgoingPassword`) are written only when asked for; without them the device asks once
//! (`OutgoingPasswordSameAsIncomingPassword`).
//!
//! Identifiers and UUIDs come from the account (a hash of its address and servers), so
//! exporting the same account again gives a profile that replaces the first one instead
//! of adding a second. Unsigned, a device shows the profile as "Not Verified"; `sign`
//! turns it into CMS SignedData.

use secrecy::{ExposeSecret, SecretString};

use super::{Auth, Checked, CheckedServer, ExportError, Format, xml_escape};
use crate::account::{Protocol, Security};

/// The prefix of every `PayloadIdentifier` we write (our application id, reversed DNS).
pub const IDENTIFIER_PREFIX: &str = "io.github.mailsetup.mail";

/// A property-list value, as much of it as a profile needs.
enum Value {
    String(String),
    Integer(u64),
    Bool(bool),
}

/// The profile, as XML text.
pub fn profile(
    account: &Checked<'_>,
    password: Option<&SecretString>,
) -> Result<String, ExportError> {
    if account.oauth {
        return Err(ExportError::OAuthNotCarried {
            format: Format::Mobileconfig,
        });
    }
    let email = &account.account.email;
    let base = crate::store::AccountId::base_for(email);
    let identity = format!(
        "{}|{}|{}",
        email.to_ascii(),
        account.incoming.host,
        account.outgoing.host
    );
    let top_id = format!("{IDENTIFIER_PREFIX}.{base}");
    let mail_id = format!("{top_id}.account");

    let mut mail: Vec<(&str, Value)> = vec![
        (
            "PayloadType",
            Value::String("com.apple.mail.managed".into()),
        ),
        ("PayloadVersion", Value::Integer(1)),
        ("PayloadIdentifier", Value::String(mail_id)),
        (
            "PayloadUUID",
            Value::String(uuid(&format!("mail|{identity}"))),
        ),
        (
            "PayloadDisplayName",
            Value::String(t!("export-profile-mail-name", email = email.to_string())),
        ),
        ("EmailAccountDescription", Value::String(email.to_string())),
        (
            "EmailAccountType",
            Value::String(
                match account.incoming.protocol {
                    Protocol::Pop3 => "EmailTypePOP",
                    _ => "EmailTypeIMAP",
                }
                .into(),
            ),
        ),
        ("EmailAddress", Value::String(email.to_string())),
    ];
    if !account.display_name.is_empty() {
        mail.push((
            "EmailAccountName",
            Value::String(account.display_name.to_string()),
        ));
    }
    server_keys(&mut mail, "Incoming", &account.incoming);
    server_keys(&mut mail, "Outgoing", &account.outgoing);
    match password {
        Some(pw) => {
            mail.push((
                "IncomingPassword",
                Value::String(pw.expose_secret().to_string()),
            ));
            mail.push((
                "OutgoingPassword",
                Value::String(pw.expose_secret().to_string()),
            ));
        }
        None => mail.push(("OutgoingPasswordSameAsIncomingPassword", Value::Bool(true))),
    }

    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \
         \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n<dict>\n\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n",
    );
    for (key, value) in &mail {
        push_entry(&mut out, "\t\t\t", key, value);
    }
    out.push_str("\t\t</dict>\n\t</array>\n");
    let top = [
        (
            "PayloadDescription",
            Value::String(t!("export-profile-description", email = email.to_string())),
        ),
        (
            "PayloadDisplayName",
            Value::String(t!("export-profile-name", email = email.to_string())),
        ),
        ("PayloadIdentifier", Value::String(top_id)),
        ("PayloadRemovalDisallowed", Value::Bool(false)),
        ("PayloadType", Value::String("Configuration".into())),
        (
            "PayloadUUID",
            Value::String(uuid(&format!("profile|{identity}"))),
        ),
        ("PayloadVersion", Value::Integer(1)),
    ];
    for (key, value) in &top {
        push_entry(&mut out, "\t", key, value);
    }
    out.push_str("</dict>\n</plist>\n");
    // The password copies inside `mail` go with it; the caller's text is zeroized.
    for (_, value) in mail.iter_mut() {
        if let Value::String(s) = value {
            zeroize::Zeroize::zeroize(s);
        }
    }
    Ok(out)
}

/// `IncomingMailServer…` or `OutgoingMailServer…` keys of one server.
fn server_keys(keys: &mut Vec<(&'static str, Value)>, side: &str, s: &CheckedServer<'_>) {
    let (host, port, auth, user, ssl) = if side == "Incoming" {
        (
            "IncomingMailServerHostName",
            "IncomingMailServerPortNumber",
            "IncomingMailServerAuthentication",
            "IncomingMailServerUsername",
            "IncomingMailServerUseSSL",
        )
    } else {
        (
            "OutgoingMailServerHostName",
            "OutgoingMailServerPortNumber",
            "OutgoingMailServerAuthentication",
            "OutgoingMailServerUsername",
            "OutgoingMailServerUseSSL",
        )
    };
    keys.push((host, Value::String(s.host.clone())));
    keys.push((port, Value::Integer(u64::from(s.port))));
    keys.push((
        auth,
        Value::String(
            match s.auth {
                Auth::PasswordEncrypted => "EmailAuthCRAMMD5",
                _ => "EmailAuthPassword",
            }
            .into(),
        ),
    ));
    keys.push((user, Value::String(s.username.to_string())));
    keys.push((ssl, Value::Bool(s.security != Security::Plain)));
}

fn push_entry(out: &mut String, indent: &str, key: &str, value: &Value) {
    out.push_str(&format!("{indent}<key>{}</key>\n{indent}", xml_escape(key)));
    match value {
        Value::String(s) => out.push_str(&format!("<string>{}</string>", xml_escape(s))),
        Value::Integer(n) => out.push_str(&format!("<integer>{n}</integer>")),
        Value::Bool(true) => out.push_str("<true/>"),
        Value::Bool(false) => out.push_str("<false/>"),
    }
    out.push('\n');
}

/// A UUID made from `name` (SHA-256, shaped as RFC 9562 version 8): the same account gives
/// the same UUID every time.
pub fn uuid(name: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, name.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest.as_ref()[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02X}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_account::{alice, hostile};

    #[test]
    fn the_profile_has_the_required_keys_and_no_password_unless_asked() {
        let a = alice();
        let text = profile(&Checked::new(&a).unwrap(), None).unwrap();
        for needle in [
            "<key>PayloadType</key>\n\t<string>Configuration</string>",
            "<string>com.apple.mail.managed</string>",
            "<key>EmailAccountType</key>\n\t\t\t<string>EmailTypeIMAP</string>",
            "<key>IncomingMailServerHostName</key>\n\t\t\t<string>imap.example.com</string>",
            "<key>OutgoingMailServerPortNumber</key>\n\t\t\t<integer>587</integer>",
            "<key>OutgoingMailServerUseSSL</key>\n\t\t\t<true/>",
            "<key>OutgoingPasswordSameAsIncomingPassword</key>",
        ] {
            assert!(text.contains(needle), "{needle}\n{text}");
        }
        assert!(!text.contains("<key>IncomingPassword</key>"));
        let pw = SecretString::from("pw<&>");
        let text = profile(&Checked::new(&a).unwrap(), Some(&pw)).unwrap();
        assert!(
            text.contains("<key>IncomingPassword</key>\n\t\t\t<string>pw&lt;&amp;&gt;</string>")
        );
    }

    #[test]
    fn hostile_text_is_escaped() {
        let a = hostile();
        let text = profile(&Checked::new(&a).unwrap(), None).unwrap();
        assert!(!text.contains("<x>"));
        assert!(text.contains("al&quot;ice&amp;&lt;x&gt;"), "{text}");
        assert!(text.contains("]]&gt;"));
    }

    #[test]
    fn uuids_are_stable_and_well_formed() {
        let u = uuid("a");
        assert_eq!(u, uuid("a"));
        assert_ne!(u, uuid("b"));
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "8");
        assert!(matches!(&u[19..20], "8" | "9" | "A" | "B"));
    }

    #[test]
    fn oauth_is_refused() {
        let mut a = alice();
        a.oauth2 = Some(crate::store::OAuth2Login {
            issuer: "https://i.example".into(),
            provider: "p".into(),
            client_id: "c".into(),
            scopes: vec![],
            mechanism: None,
            ..Default::default()
        });
        let e = profile(&Checked::new(&a).unwrap(), None).unwrap_err();
        assert_eq!(e.code(), "oauth_not_carried");
    }
}
