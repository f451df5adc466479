//! Delta Chat's `dclogin:` URI, version 1 (chatmail/core `src/qr/dclogin_scheme.rs`):
//! `dclogin:ADDRESS?p=PASSWORD&v=1&ih=…&ip=…&is=…&iu=…&sh=…&sp=…&ss=…&su=…`.
//!
//! The password (`p`) and the version are required: the format exists only when the person
//! chose to include the password, and an OAuth account cannot be carried at all. Delta Chat
//! speaks IMAP (and SMTP), so a POP3 account is written with its IMAP alternative when one
//! verified, else refused. Security words: `ssl` (implicit TLS), `starttls`, `plain`. The
//! certificate check (`ic`) is not written: the app's automatic default, never "accept
//! invalid certificates".
//!
//! Every value, the address included, is percent-encoded except the RFC 3986 unreserved
//! characters: readers decode the query as a form (`+` would become a space), and a
//! password may hold `&`, `=`, `#`, spaces or non-ASCII text.

use secrecy::{ExposeSecret, SecretString};

use super::{Checked, CheckedServer, ExportError, Format};
use crate::account::{Protocol, Security};

/// The URI for one account.
pub fn uri(account: &Checked<'_>, password: Option<&SecretString>) -> Result<String, ExportError> {
    if account.oauth {
        return Err(ExportError::OAuthNotCarried {
            format: Format::DcloginQr,
        });
    }
    let password = password.ok_or(ExportError::PasswordRequired {
        format: Format::DcloginQr,
    })?;
    let imap = imap_server(account)?;
    let smtp = &account.outgoing;
    let address = account.account.email.to_ascii();
    let mut out = String::from("dclogin:");
    out.push_str(&encode(&address).replace("%40", "@"));
    out.push_str("?p=");
    out.push_str(&encode(password.expose_secret()));
    out.push_str("&v=1");
    for (key, value) in [
        ("ih", imap.host.clone()),
        ("ip", imap.port.to_string()),
        ("iu", imap.username.to_string()),
        ("is", security_word(imap.security).to_string()),
        ("sh", smtp.host.clone()),
        ("sp", smtp.port.to_string()),
        ("su", smtp.username.to_string()),
        ("ss", security_word(smtp.security).to_string()),
    ] {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(&encode(&value));
    }
    Ok(out)
}

/// The IMAP server: the chosen one, or for a POP3 account the IMAP alternative that
/// verified.
fn imap_server<'a>(account: &'a Checked<'a>) -> Result<&'a CheckedServer<'a>, ExportError> {
    if account.incoming.protocol == Protocol::Imap {
        return Ok(&account.incoming);
    }
    account
        .alternatives
        .iter()
        .find(|s| s.protocol == Protocol::Imap)
        .ok_or(ExportError::ImapRequired {
            format: Format::DcloginQr,
        })
}

/// `is` / `ss`.
pub fn security_word(security: Security) -> &'static str {
    match security {
        Security::Tls => "ssl",
        Security::StartTls => "starttls",
        Security::Plain => "plain",
    }
}

/// Percent-encoding of everything but `A-Z a-z 0-9 - . _ ~` (RFC 3986 §2.3), as UTF-8.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_account::{alice, hostile, server};

    #[test]
    fn the_uri_carries_both_servers() {
        let a = alice();
        let pw = SecretString::from("s3cret");
        let text = uri(&Checked::new(&a).unwrap(), Some(&pw)).unwrap();
        assert_eq!(
            text,
            "dclogin:alice@example.com?p=s3cret&v=1&ih=imap.example.com&ip=993\
             &iu=alice%40example.com&is=ssl&sh=smtp.example.com&sp=587\
             &su=alice%40example.com&ss=starttls"
        );
    }

    #[test]
    fn without_the_password_or_with_oauth_there_is_no_uri() {
        let a = alice();
        let e = uri(&Checked::new(&a).unwrap(), None).unwrap_err();
        assert_eq!(e.code(), "password_required");
        let mut a = alice();
        a.oauth2 = Some(crate::store::OAuth2Login {
            issuer: "https://i.example".into(),
            provider: "p".into(),
            client_id: "c".into(),
            scopes: vec![],
            mechanism: None,
            ..Default::default()
        });
        let e = uri(&Checked::new(&a).unwrap(), Some(&SecretString::from("x"))).unwrap_err();
        assert_eq!(e.code(), "oauth_not_carried");
    }

    #[test]
    fn hostile_values_are_percent_encoded() {
        let a = hostile();
        let pw = SecretString::from("a&b=c#d e+f%g/h?ü");
        let text = uri(&Checked::new(&a).unwrap(), Some(&pw)).unwrap();
        assert!(
            text.contains("?p=a%26b%3Dc%23d%20e%2Bf%25g%2Fh%3F%C3%BC&v=1"),
            "{text}"
        );
        // Nothing but unreserved characters and the separators.
        let query = text.split_once('?').unwrap().1;
        assert!(
            query
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b))
        );
    }

    #[test]
    fn a_pop3_account_uses_its_verified_imap_alternative_or_is_refused() {
        let mut a = alice();
        a.incoming = server(Protocol::Pop3, "pop.example.com", 995, Security::Tls);
        let pw = SecretString::from("x");
        let e = uri(&Checked::new(&a).unwrap(), Some(&pw)).unwrap_err();
        assert_eq!(e.code(), "imap_required");
        a.alternatives.push(server(
            Protocol::Imap,
            "imap.example.com",
            143,
            Security::StartTls,
        ));
        let text = uri(&Checked::new(&a).unwrap(), Some(&pw)).unwrap();
        assert!(text.contains("&ih=imap.example.com&ip=143&"), "{text}");
        assert!(text.contains("&is=starttls&"), "{text}");
    }
}
