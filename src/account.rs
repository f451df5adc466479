//! The vocabulary shared by every part of mailsetup: email addresses, protocols, security
//! modes and the settings of one server. Pure data, no I/O.
//!
//! Addresses follow RFC 5322's `local@domain` shape (without comments or quoted local parts,
//! which no mail provider hands out); internationalised domains (RFC 5890, IDNA 2008) are
//! accepted in Unicode and kept in both forms: Unicode for people, punycode for the wire.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why an email address was not accepted. Each variant says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("the email address is empty")]
    Empty,
    #[error("\"{0}\" has no @: an email address looks like name@example.com")]
    MissingAt(String),
    #[error("\"{0}\" has nothing before the @")]
    EmptyLocalPart(String),
    #[error("\"{0}\" has nothing after the @")]
    EmptyDomain(String),
    #[error("\"{0}\" contains a space or a control character")]
    Whitespace(String),
    #[error("\"{0}\" has more than one @")]
    SeveralAt(String),
    #[error("the domain \"{domain}\" is not a valid internet name ({reason})")]
    InvalidDomain { domain: String, reason: String },
    #[error("the domain \"{0}\" has no dot: mail domains look like example.com")]
    NoDotInDomain(String),
    #[error("the email address is longer than 254 characters")]
    TooLong,
}

impl AddressError {
    /// What to fix, for the window, in the current language (the `Display` text stays
    /// English, for logs and errors).
    pub fn words(&self) -> String {
        match self {
            AddressError::Empty => t!("address-empty"),
            AddressError::MissingAt(a) => t!("address-missing-at", address = a.as_str()),
            AddressError::EmptyLocalPart(a) => t!("address-empty-local", address = a.as_str()),
            AddressError::EmptyDomain(a) => t!("address-empty-domain", address = a.as_str()),
            AddressError::Whitespace(a) => t!("address-whitespace", address = a.as_str()),
            AddressError::SeveralAt(a) => t!("address-several-at", address = a.as_str()),
            AddressError::InvalidDomain { domain, reason } => t!(
                "address-invalid-domain",
                domain = domain.as_str(),
                reason = reason.as_str()
            ),
            AddressError::NoDotInDomain(d) => t!("address-no-dot", domain = d.as_str()),
            AddressError::TooLong => t!("address-too-long"),
        }
    }
}

/// A syntactically valid email address. The domain is kept lower-case in its Unicode form and
/// in its ASCII (punycode) form.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EmailAddress {
    local: String,
    domain_unicode: String,
    domain_ascii: String,
}

impl EmailAddress {
    /// Parses what a person typed: surrounding spaces are ignored, the domain may be Unicode.
    pub fn parse(input: &str) -> Result<Self, AddressError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(AddressError::Empty);
        }
        if text.chars().count() > 254 {
            return Err(AddressError::TooLong);
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(AddressError::Whitespace(text.to_string()));
        }
        let Some((local, domain)) = text.rsplit_once('@') else {
            return Err(AddressError::MissingAt(text.to_string()));
        };
        if local.contains('@') {
            return Err(AddressError::SeveralAt(text.to_string()));
        }
        if local.is_empty() {
            return Err(AddressError::EmptyLocalPart(text.to_string()));
        }
        let domain = domain.trim_end_matches('.');
        if domain.is_empty() {
            return Err(AddressError::EmptyDomain(text.to_string()));
        }
        let domain_ascii =
            idna::domain_to_ascii_strict(domain).map_err(|e| AddressError::InvalidDomain {
                domain: domain.to_string(),
                reason: e.to_string(),
            })?;
        if !domain_ascii.contains('.') {
            return Err(AddressError::NoDotInDomain(domain.to_string()));
        }
        // RFC 5321 §4.5.3.1.3: the limit holds for the address as sent, with the ASCII
        // (punycode) domain, which can be much longer than what was typed.
        if local.len() + 1 + domain_ascii.len() > 254 {
            return Err(AddressError::TooLong);
        }
        let (domain_unicode, _) = idna::domain_to_unicode(&domain_ascii);
        Ok(Self {
            local: local.to_string(),
            domain_unicode,
            domain_ascii,
        })
    }

    /// The part before the @, as typed.
    pub fn local_part(&self) -> &str {
        &self.local
    }

    /// The domain in Unicode, lower-case (for people).
    pub fn domain(&self) -> &str {
        &self.domain_unicode
    }

    /// The domain in ASCII (punycode), lower-case (for DNS and URLs).
    pub fn domain_ascii(&self) -> &str {
        &self.domain_ascii
    }

    /// The address with an ASCII domain, as sent to servers.
    pub fn to_ascii(&self) -> String {
        format!("{}@{}", self.local, self.domain_ascii)
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain_unicode)
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EmailAddress({self})")
    }
}

impl FromStr for EmailAddress {
    type Err = AddressError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for EmailAddress {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EmailAddress {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The mail protocols mailsetup tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    /// IMAP4 (RFC 9051 / RFC 3501): mail stays on the server.
    Imap,
    /// POP3 (RFC 1939): mail is downloaded to one device.
    Pop3,
    /// SMTP submission (RFC 6409): sending mail.
    Smtp,
}

impl Protocol {
    /// Whether this protocol receives mail (IMAP, POP3) rather than sending it.
    pub fn is_incoming(self) -> bool {
        matches!(self, Protocol::Imap | Protocol::Pop3)
    }

    /// The usual port for a security mode (RFC 8314 for implicit TLS).
    pub fn default_port(self, security: Security) -> u16 {
        match (self, security) {
            (Protocol::Imap, Security::Tls) => 993,
            (Protocol::Imap, _) => 143,
            (Protocol::Pop3, Security::Tls) => 995,
            (Protocol::Pop3, _) => 110,
            (Protocol::Smtp, Security::Tls) => 465,
            (Protocol::Smtp, _) => 587,
        }
    }

    /// The name people know the protocol by.
    pub fn label(self) -> &'static str {
        match self {
            Protocol::Imap => "IMAP",
            Protocol::Pop3 => "POP3",
            Protocol::Smtp => "SMTP",
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// TLS from the first byte ("SSL/TLS", implicit TLS, RFC 8314).
    Tls,
    /// A plaintext greeting, then STARTTLS / STLS upgrades the connection (RFC 2595, RFC 3207).
    StartTls,
    /// No encryption at all.
    Plain,
}

impl Security {
    /// The word used on the command line and in files.
    pub fn word(self) -> &'static str {
        match self {
            Security::Tls => "tls",
            Security::StartTls => "starttls",
            Security::Plain => "plain",
        }
    }
}

impl fmt::Display for Security {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Security::Tls => "TLS",
            Security::StartTls => "STARTTLS",
            Security::Plain => "no encryption",
        })
    }
}

/// An unknown security word.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown security \"{0}\": use tls, starttls or plain")]
pub struct UnknownSecurity(pub String);

impl FromStr for Security {
    type Err = UnknownSecurity;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tls" | "ssl" | "ssl/tls" | "implicit" => Ok(Security::Tls),
            "starttls" | "stls" => Ok(Security::StartTls),
            "plain" | "none" | "plaintext" => Ok(Security::Plain),
            _ => Err(UnknownSecurity(s.to_string())),
        }
    }
}

/// One server to talk to: everything needed to connect and log in except the password.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ServerSettings {
    pub protocol: Protocol,
    /// Host name (ASCII/punycode) or IP address literal.
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: String,
}

impl ServerSettings {
    /// `host:port`, with brackets around IPv6 literals.
    pub fn endpoint(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

impl ServerSettings {
    /// The one-line form of `Display` ("IMAP host:993 (TLS, user …)") in the current
    /// language; `Display` stays English for logs and reports.
    pub fn words(&self) -> String {
        t!(
            "server-line",
            protocol = self.protocol.to_string(),
            endpoint = self.endpoint(),
            security = self.security.to_string(),
            user = self.username.as_str()
        )
    }
}

impl fmt::Display for ServerSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({}, user {})",
            self.protocol,
            self.endpoint(),
            self.security,
            self.username
        )
    }
}

/// Which credential a `CredentialError` is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    UserName,
    Password,
}

impl fmt::Display for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Credential::UserName => "user name",
            Credential::Password => "password",
        })
    }
}

/// A user name or password no mail protocol can carry. IMAP, POP3 and SMTP are line-based:
/// a CR or LF would end the command early (and could smuggle in another one), and SASL PLAIN
/// (RFC 4616) uses NUL as its separator. Refused before any connection is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    #[error(
        "the {0} contains a line break, which cannot be sent to a mail server; type it again without one (a pasted password often brings the end of the line with it)"
    )]
    LineBreak(Credential),
    #[error(
        "the {0} contains a NUL character, which cannot be sent to a mail server; type it again"
    )]
    Nul(Credential),
}

/// Checks one credential for characters no mail protocol can send (CR, LF, NUL).
pub fn check_credential(which: Credential, text: &str) -> Result<(), CredentialError> {
    if text.contains(['\r', '\n']) {
        return Err(CredentialError::LineBreak(which));
    }
    if text.contains('\0') {
        return Err(CredentialError::Nul(which));
    }
    Ok(())
}

/// Checks a user name and a password before anything is sent (every protocol, the window and
/// the command line go through this).
pub fn check_credentials(username: &str, password: &str) -> Result<(), CredentialError> {
    check_credential(Credential::UserName, username)?;
    check_credential(Credential::Password, password)
}

/// Why a `HOST:PORT/SECURITY` text was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndpointError {
    #[error("\"{0}\" has no port: write it as HOST:PORT/SECURITY, e.g. imap.example.com:993/tls")]
    MissingPort(String),
    #[error("\"{text}\": port \"{port}\" is not a number from 1 to 65535")]
    BadPort { text: String, port: String },
    #[error("\"{0}\" has no host name before the port")]
    MissingHost(String),
    #[error("\"{text}\": {source}")]
    Security {
        text: String,
        source: UnknownSecurity,
    },
}

/// A server endpoint as typed by a technician: `HOST:PORT/SECURITY` (`/SECURITY` optional,
/// then derived from the port: 993, 995 and 465 mean TLS, anything else STARTTLS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub security: Security,
}

impl FromStr for Endpoint {
    type Err = EndpointError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let (hostport, security) = match text.rsplit_once('/') {
            Some((hp, word)) => (
                hp,
                Some(
                    word.parse::<Security>()
                        .map_err(|source| EndpointError::Security {
                            text: text.to_string(),
                            source,
                        })?,
                ),
            ),
            None => (text, None),
        };
        let (host, port) = if let Some(rest) = hostport.strip_prefix('[') {
            let (host, after) = rest
                .split_once(']')
                .ok_or_else(|| EndpointError::MissingPort(text.to_string()))?;
            let port = after
                .strip_prefix(':')
                .ok_or_else(|| EndpointError::MissingPort(text.to_string()))?;
            (host, port)
        } else {
            hostport
                .rsplit_once(':')
                .ok_or_else(|| EndpointError::MissingPort(text.to_string()))?
        };
        if host.is_empty() {
            return Err(EndpointError::MissingHost(text.to_string()));
        }
        let port: u16 = match port.parse() {
            Ok(p) if p > 0 => p,
            _ => {
                return Err(EndpointError::BadPort {
                    text: text.to_string(),
                    port: port.to_string(),
                });
            }
        };
        let security = security.unwrap_or(match port {
            993 | 995 | 465 => Security::Tls,
            _ => Security::StartTls,
        });
        Ok(Endpoint {
            host: host.to_ascii_lowercase(),
            port,
            security,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_whose_ascii_form_is_too_long_is_refused() {
        // Found by fuzzing: 168 characters typed, 260 once the domain is in punycode, so
        // its ASCII form (what servers get) no longer parsed.
        let typed = "Bthx@Boc.Smi-bleCja.eb2hӘppl.lööbaüceer.leücheR.öbaýceer.leücbbleCja.eb2hӘppl.lööbaüceer.leücheR.öbaýceer.leücbbl.löh-mppl.löh-mpplpl.löbbl.löh.jöb";
        assert!(typed.chars().count() < 254);
        assert_eq!(EmailAddress::parse(typed), Err(AddressError::TooLong));
    }

    #[test]
    fn address_keeps_unicode_and_punycode_domain() {
        let a = EmailAddress::parse("  Jörg@Bücher.Example ").unwrap();
        assert_eq!(a.local_part(), "Jörg");
        assert_eq!(a.domain(), "bücher.example");
        assert_eq!(a.domain_ascii(), "xn--bcher-kva.example");
        assert_eq!(a.to_ascii(), "Jörg@xn--bcher-kva.example");
    }

    #[test]
    fn address_errors_say_what_is_wrong() {
        assert_eq!(EmailAddress::parse(""), Err(AddressError::Empty));
        assert!(matches!(
            EmailAddress::parse("alice.example.com"),
            Err(AddressError::MissingAt(_))
        ));
        assert!(matches!(
            EmailAddress::parse("@example.com"),
            Err(AddressError::EmptyLocalPart(_))
        ));
        assert!(matches!(
            EmailAddress::parse("alice@"),
            Err(AddressError::EmptyDomain(_))
        ));
        assert!(matches!(
            EmailAddress::parse("al ice@example.com"),
            Err(AddressError::Whitespace(_))
        ));
        assert!(matches!(
            EmailAddress::parse("a@b@example.com"),
            Err(AddressError::SeveralAt(_))
        ));
        assert!(matches!(
            EmailAddress::parse("alice@localhost"),
            Err(AddressError::NoDotInDomain(_))
        ));
        assert!(matches!(
            EmailAddress::parse("alice@exa_mple..com"),
            Err(AddressError::InvalidDomain { .. })
        ));
    }

    #[test]
    fn endpoint_parses_host_port_security() {
        let e: Endpoint = "imap.example.com:993/tls".parse().unwrap();
        assert_eq!(
            (e.host.as_str(), e.port, e.security),
            ("imap.example.com", 993, Security::Tls)
        );
        let e: Endpoint = "[::1]:143/starttls".parse().unwrap();
        assert_eq!((e.host.as_str(), e.port), ("::1", 143));
        let e: Endpoint = "mail.example.com:465".parse().unwrap();
        assert_eq!(e.security, Security::Tls);
        let e: Endpoint = "mail.example.com:587".parse().unwrap();
        assert_eq!(e.security, Security::StartTls);
    }

    #[test]
    fn endpoint_errors_are_specific() {
        assert!(matches!(
            "host".parse::<Endpoint>(),
            Err(EndpointError::MissingPort(_))
        ));
        assert!(matches!(
            "host:70000/tls".parse::<Endpoint>(),
            Err(EndpointError::BadPort { .. })
        ));
        assert!(matches!(
            "host:0".parse::<Endpoint>(),
            Err(EndpointError::BadPort { .. })
        ));
        assert!(matches!(
            "host:993/ssl3".parse::<Endpoint>(),
            Err(EndpointError::Security { .. })
        ));
        assert!(matches!(
            ":993".parse::<Endpoint>(),
            Err(EndpointError::MissingHost(_))
        ));
    }

    #[test]
    fn credentials_with_line_breaks_or_nul_are_refused() {
        assert_eq!(check_credentials("alice", "pä ss wörd ✓"), Ok(()));
        assert_eq!(
            check_credentials("alice", "secret\r\nA2 LOGOUT"),
            Err(CredentialError::LineBreak(Credential::Password))
        );
        assert_eq!(
            check_credentials("alice\n", "x"),
            Err(CredentialError::LineBreak(Credential::UserName))
        );
        let e = check_credentials("alice", "a\0b").unwrap_err();
        assert_eq!(e, CredentialError::Nul(Credential::Password));
        assert!(
            e.to_string()
                .starts_with("the password contains a NUL character")
        );
    }
}
