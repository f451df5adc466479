//! Every value taken from the account, checked before any format writes it: host names a
//! client can dial (IDN in its ASCII form), no control characters in any text, and how each
//! server is signed in to in the terms the formats share (`Auth`). Also the XML escaping the
//! XML formats share.

use crate::account::{Protocol, Security};
use crate::store::{Role, SavedServer, VerifiedAccount};

use super::format::{ExportError, Field, Format};

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
