//! The Mozilla autoconfig format "config-v1.1" (the `clientConfig` XML served by ISPs, by
//! `/.well-known/autoconfig/` and by Thunderbird's ISPDB), parsed by a pure function.
//!
//! Input is capped in bytes and in XML nodes before anything else happens; DTDs (and with
//! them entities) are refused by roxmltree. What real files contain is handled: several
//! servers of one kind, `%EMAILADDRESS%` / `%EMAILLOCALPART%` / `%EMAILDOMAIN%` placeholders
//! (also inside host names), socket types SSL / STARTTLS / plain, several `<authentication>`
//! values, documentation and `<enable>` instructions. Unknown elements are ignored, element
//! names and values are read case-insensitively with surrounding spaces trimmed; a server
//! missing its host or port, or naming a socket type that means nothing, is a clear error.
//!
//! The additions of autoconfig 1.2 (draft-ietf-mailmaint-autoconfig) are read without
//! changing how a 1.1 file reads: `<authentication>SASL SCRAM-SHA-256</authentication>` keeps
//! the mechanism's name (`AuthMethod::Sasl`), and the server types `jmap`, `ews`, `graph`,
//! `activesync`, `managesieve` (and the older `exchange`) are recognised as other services
//! (`config_services.rs`, with their `<url>` or `<hostname>`), listed with a warning and
//! never made into IMAP, POP3 or SMTP servers. A file offering only such services is not an
//! error. Other unknown kinds are skipped with a warning.

use roxmltree::Node;
use serde::{Deserialize, Serialize};

use super::config_services::{OtherService, ServiceKind, other_address};
use super::xml_bounds::{self, Refusal};
use crate::account::{EmailAddress, Protocol, Security};

/// Caps applied before and during parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_nodes: u32,
}

impl Default for Limits {
    /// Real files are a few kilobytes and a few hundred nodes.
    fn default() -> Self {
        Self {
            max_bytes: 256 * 1024,
            max_nodes: 8_192,
        }
    }
}

/// Why a document was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("the document is {bytes} bytes, more than the {limit} allowed")]
    TooLarge { bytes: usize, limit: usize },
    #[error("the document is not UTF-8 text (byte {offset})")]
    NotUtf8 { offset: usize },
    #[error("the document declares a DTD, which is refused (entity expansion)")]
    Dtd,
    #[error("the document has more than {limit} XML nodes")]
    TooManyNodes { limit: u32 },
    #[error("the document is not well-formed XML: {detail}")]
    Xml { detail: String },
    #[error("the document is a <{root}>, not a <clientConfig>")]
    NotClientConfig { root: String },
    #[error("the document has no <emailProvider>")]
    NoProvider,
    #[error("a {kind} server has no <{field}>")]
    MissingField { kind: String, field: &'static str },
    #[error("a {kind} server has port \"{text}\", which is not a number from 1 to 65535")]
    BadPort { kind: String, text: String },
    #[error("a {kind} server has socket type \"{text}\", which is none of SSL, STARTTLS, plain")]
    BadSocketType { kind: String, text: String },
    #[error("the document lists no incoming or outgoing server")]
    NoServers,
    #[error("a {kind} server's <hostname> {error}")]
    BadHostName {
        kind: String,
        error: super::host_name::BadHostName,
    },
    #[error("the <oAuth2> issuer {0}")]
    BadIssuer(super::host_name::BadIssuer),
}

impl ConfigError {
    /// Whether the document named a server or an issuer that fails the boundary check
    /// (`host_name`): a file that says such a thing is refused as a whole.
    pub fn is_bad_name(&self) -> bool {
        matches!(self, Self::BadHostName { .. } | Self::BadIssuer(_))
    }
}

/// How the client proves who it is, as the file says.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthMethod {
    /// The password, sent as-is inside TLS (LOGIN, AUTH PLAIN).
    PasswordCleartext,
    /// A challenge-response mechanism (CRAM-MD5 …).
    PasswordEncrypted,
    /// OAuth 2.0 bearer tokens (XOAUTH2, OAUTHBEARER).
    #[serde(rename = "oauth2")]
    OAuth2,
    /// No authentication (typical for an ISP's own SMTP relay).
    None,
    /// Kerberos / GSSAPI.
    Gssapi,
    /// NTLM.
    Ntlm,
    /// A TLS client certificate.
    ClientCert,
    /// SMTP allowed after a POP3 login from the same address.
    SmtpAfterPop,
    /// A SASL mechanism named by autoconfig 1.2 (`SASL SCRAM-SHA-256-PLUS`), upper case.
    Sasl(String),
    /// Anything else, kept as written.
    Other(String),
}

impl AuthMethod {
    fn parse(text: &str) -> Self {
        let mut words = text.split_whitespace();
        if let (Some(first), Some(mech), None) = (words.next(), words.next(), words.next())
            && first.eq_ignore_ascii_case("sasl")
            && mech.len() <= 20
            && mech
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Self::Sasl(mech.to_ascii_uppercase());
        }
        match text.trim().to_ascii_lowercase().as_str() {
            "password-cleartext" | "plain" | "password" | "cleartext" => Self::PasswordCleartext,
            "password-encrypted" | "secure" => Self::PasswordEncrypted,
            "oauth2" => Self::OAuth2,
            "none" => Self::None,
            "gssapi" => Self::Gssapi,
            "ntlm" => Self::Ntlm,
            "client-ip-address" | "tls-client-cert" => Self::ClientCert,
            "smtp-after-pop" => Self::SmtpAfterPop,
            _ => Self::Other(text.trim().to_string()),
        }
    }
}

/// One server as the file lists it; host and username may hold placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerEntry {
    pub protocol: Protocol,
    /// Lower-case, placeholders kept (`%EMAILDOMAIN%`).
    pub hostname: String,
    pub port: u16,
    pub security: Security,
    /// The username template, e.g. `%EMAILADDRESS%`; empty when the file gives none.
    pub username: String,
    pub auth: Vec<AuthMethod>,
}

impl ServerEntry {
    /// The host with placeholders filled in for this address (ASCII domain).
    pub fn host_for(&self, email: &EmailAddress) -> String {
        expand(&self.hostname, email).to_ascii_lowercase()
    }

    /// The username with placeholders filled in; the full address when the file gives none.
    pub fn username_for(&self, email: &EmailAddress) -> String {
        if self.username.trim().is_empty() {
            return email.to_ascii();
        }
        expand(&self.username, email)
    }
}

/// A link the file gives, with its description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocLink {
    pub url: String,
    pub text: String,
}

/// The whole provider as parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderConfig {
    pub id: String,
    pub domains: Vec<String>,
    pub display_name: String,
    pub servers: Vec<ServerEntry>,
    pub documentation: Vec<DocLink>,
    /// `<enable>`: what to switch on in web settings before IMAP/POP3 works.
    pub enable: Option<DocLink>,
    /// The `<oAuth2>` block (issuer, scopes, authorization and token URLs), when present
    /// and usable.
    pub oauth2: Option<OAuth2Spec>,
    /// Services of other kinds the file offers (autoconfig 1.2: JMAP, EWS …); never servers.
    pub services: Vec<OtherService>,
    /// What was skipped or repaired, in our words.
    pub warnings: Vec<String>,
}

/// Thunderbird's `<oAuth2>` block (ISPDB extension): `<issuer>` (a host name, or a URL),
/// `<scope>` (space-separated), `<authURL>`, `<tokenURL>`. Only HTTPS endpoints are kept; a
/// block without a token URL is no use and is dropped. No client id: ISPDB has none. An
/// issuer that is not an `https` URL of a valid host name refuses the whole document.
fn oauth2_block(node: roxmltree::Node<'_, '_>) -> Result<Option<OAuth2Spec>, ConfigError> {
    let field = |name: &str| {
        children(node, name)
            .next()
            .map(text_of)
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let https = |url: Option<String>| url.filter(|u| u.starts_with("https://"));
    let Some(issuer) = field("issuer") else {
        return Ok(None);
    };
    let issuer = if issuer.contains("://") {
        issuer
    } else {
        format!("https://{issuer}")
    };
    super::host_name::check_issuer(&issuer).map_err(ConfigError::BadIssuer)?;
    let Some(token_endpoint) = https(field("tokenURL")) else {
        return Ok(None);
    };
    Ok(Some(OAuth2Spec {
        issuer,
        authorization_endpoint: https(field("authURL")),
        token_endpoint: Some(token_endpoint),
        scopes: field("scope")
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
        device_flow_for_mail: true,
        ..Default::default()
    }))
}

/// Fills in `%EMAILADDRESS%`, `%EMAILLOCALPART%` and `%EMAILDOMAIN%` (case-insensitive).
pub fn expand(template: &str, email: &EmailAddress) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('%') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('%') {
            Some(end) => {
                let word = &after[..end];
                match word.to_ascii_uppercase().as_str() {
                    "EMAILADDRESS" => out.push_str(&email.to_ascii()),
                    "EMAILLOCALPART" => out.push_str(email.local_part()),
                    "EMAILDOMAIN" => out.push_str(email.domain_ascii()),
                    _ => {
                        out.push('%');
                        out.push_str(word);
                        out.push('%');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A lower-case host template with each placeholder replaced by one letter.
fn without_placeholders(template: &str) -> String {
    ["%emailaddress%", "%emaillocalpart%", "%emaildomain%"]
        .into_iter()
        .fold(template.to_string(), |t, p| t.replace(p, "x"))
}

/// Parses one config-v1.1 document.
pub fn parse(bytes: &[u8], limits: Limits) -> Result<ProviderConfig, ConfigError> {
    let doc = xml_bounds::document(bytes, limits.max_bytes, limits.max_nodes)?;
    let root = doc.root_element();
    if !is(root, "clientConfig") {
        return Err(ConfigError::NotClientConfig {
            root: root.tag_name().name().to_string(),
        });
    }
    let provider = children(root, "emailProvider")
        .next()
        .ok_or(ConfigError::NoProvider)?;
    let mut config = ProviderConfig {
        id: provider
            .attribute("id")
            .unwrap_or_default()
            .trim()
            .to_string(),
        domains: children(provider, "domain")
            .map(text_of)
            .filter(|d| !d.is_empty())
            .map(|d| d.to_ascii_lowercase())
            .collect(),
        display_name: children(provider, "displayName")
            .next()
            .map(text_of)
            .unwrap_or_default(),
        servers: Vec::new(),
        documentation: children(provider, "documentation")
            .filter_map(doc_link)
            .collect(),
        enable: children(provider, "enable")
            .chain(children(root, "enable"))
            .find_map(|n| {
                let url = n
                    .attribute("visiturl")
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                let text = children(n, "instruction")
                    .next()
                    .map(text_of)
                    .unwrap_or_default();
                (!url.is_empty() || !text.is_empty()).then_some(DocLink { url, text })
            }),
        oauth2: None,
        services: Vec::new(),
        warnings: Vec::new(),
    };

    for node in provider.children().filter(|n| n.is_element()) {
        let incoming = is(node, "incomingServer");
        if !incoming && !is(node, "outgoingServer") {
            continue;
        }
        let kind = node
            .attribute("type")
            .unwrap_or_default()
            .trim()
            .to_string();
        let protocol = match (incoming, kind.to_ascii_lowercase().as_str()) {
            (true, "imap" | "imap4") => Protocol::Imap,
            (true, "pop3" | "pop") => Protocol::Pop3,
            (false, "smtp") => Protocol::Smtp,
            (_, other) if let Some(service) = ServiceKind::parse(other) => {
                let address = other_address(node);
                config.warnings.push(format!(
                    "also offers {} at {}, which mailsetup does not set up",
                    service.name(),
                    if address.is_empty() {
                        "an unnamed place"
                    } else {
                        &address
                    }
                ));
                config.services.push(OtherService {
                    kind: service,
                    address,
                });
                continue;
            }
            _ => {
                config.warnings.push(format!(
                    "skipped a server of type \"{kind}\" (mailsetup speaks IMAP, POP3 and SMTP)"
                ));
                continue;
            }
        };
        config.servers.push(server(node, protocol)?);
    }
    if config.servers.is_empty() && config.services.is_empty() {
        return Err(ConfigError::NoServers);
    }
    for block in children(root, "oAuth2") {
        if let Some(spec) = oauth2_block(block)? {
            config.oauth2.get_or_insert(spec);
        }
    }
    Ok(config)
}

fn server(node: Node<'_, '_>, protocol: Protocol) -> Result<ServerEntry, ConfigError> {
    let kind = protocol.label().to_string();
    let field = |name: &'static str| children(node, name).next().map(text_of);
    let hostname = field("hostname")
        .filter(|h| !h.is_empty())
        .ok_or_else(|| ConfigError::MissingField {
            kind: kind.clone(),
            field: "hostname",
        })?
        .to_ascii_lowercase();
    // Placeholders stand for parts of the address, which is checked itself; the rest of
    // the name must be a host name already.
    super::host_name::check_host(&without_placeholders(&hostname)).map_err(|_| {
        ConfigError::BadHostName {
            kind: kind.clone(),
            error: super::host_name::BadHostName(hostname.clone()),
        }
    })?;
    let port_text = field("port").ok_or_else(|| ConfigError::MissingField {
        kind: kind.clone(),
        field: "port",
    })?;
    let port = match port_text.parse::<u16>() {
        Ok(p) if p > 0 => p,
        _ => {
            return Err(ConfigError::BadPort {
                kind,
                text: port_text,
            });
        }
    };
    let security = match field("socketType") {
        Some(text) => socket_type(&text).ok_or_else(|| ConfigError::BadSocketType {
            kind: kind.clone(),
            text: text.clone(),
        })?,
        None => {
            return Err(ConfigError::MissingField {
                kind,
                field: "socketType",
            });
        }
    };
    let mut auth: Vec<AuthMethod> = children(node, "authentication")
        .map(text_of)
        .filter(|t| !t.is_empty())
        .map(|t| AuthMethod::parse(&t))
        .collect();
    auth.dedup();
    Ok(ServerEntry {
        protocol,
        hostname,
        port,
        security,
        username: field("username").unwrap_or_default(),
        auth,
    })
}

/// The socket types seen in real files, with the unambiguous misspellings.
fn socket_type(text: &str) -> Option<Security> {
    match text.trim().to_ascii_lowercase().as_str() {
        "ssl" | "tls" | "ssl/tls" | "ssltls" | "implicit" => Some(Security::Tls),
        "starttls" | "stls" | "start-tls" | "start_tls" | "tls-starttls" => {
            Some(Security::StartTls)
        }
        "plain" | "none" | "plaintext" | "clear" => Some(Security::Plain),
        _ => None,
    }
}

fn doc_link(n: Node<'_, '_>) -> Option<DocLink> {
    let url = n.attribute("url")?.trim().to_string();
    let text = children(n, "descr").next().map(text_of).unwrap_or_default();
    Some(DocLink { url, text })
}

fn is(n: Node<'_, '_>, name: &str) -> bool {
    n.is_element() && n.tag_name().name().eq_ignore_ascii_case(name)
}

fn children<'a, 'i>(n: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    n.children().filter(move |c| is(*c, name))
}

/// The element's own text, trimmed (comments and child elements left out).
fn text_of(n: Node<'_, '_>) -> String {
    n.children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Where and how a provider's OAuth 2.0 sign-in works (RFC 6749; RFC 8628 device grant,
/// RFC 7636 PKCE): its authorization server's endpoints, the scopes mail needs, the SASL
/// mechanisms its mail servers take, and the client id registered for mailsetup, which may
/// be empty (then the configuration or the environment must give one; never another app's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuth2Spec {
    /// The issuer (`https://accounts.google.com`), also where discovery starts (RFC 8414).
    pub issuer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_authorization_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userinfo_endpoint: Option<String>,
    /// The scopes asked for (mail access, plus `openid email` to learn whose account it is).
    #[serde(default)]
    pub scopes: Vec<String>,
    /// SASL mechanisms the provider's mail servers accept (`XOAUTH2`, `OAUTHBEARER`).
    #[serde(default)]
    pub mechanisms: Vec<String>,
    /// mailsetup's registered client id there; empty: none in the table.
    #[serde(default)]
    pub client_id: String,
    /// Whether the device grant may ask for the mail scopes (Google allows it only for a
    /// short list of scopes without mail).
    #[serde(default = "yes")]
    pub device_flow_for_mail: bool,
}

fn yes() -> bool {
    true
}

impl From<Refusal> for ConfigError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::TooLarge { bytes, limit } => ConfigError::TooLarge { bytes, limit },
            Refusal::NotUtf8 { offset } => ConfigError::NotUtf8 { offset },
            Refusal::Dtd => ConfigError::Dtd,
            Refusal::TooManyNodes { limit } => ConfigError::TooManyNodes { limit },
            Refusal::Xml { detail } => ConfigError::Xml { detail },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.test">
    <domain>example.test</domain>
    <domain> Example.ORG </domain>
    <displayName>Example Mail</displayName>
    <incomingServer type="imap">
      <hostname>IMAP.%EMAILDOMAIN%</hostname>
      <port> 993 </port>
      <socketType>ssl</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.example.test</hostname>
      <port>143</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-encrypted</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.example.test</hostname>
      <port>110</port>
      <socketType>plain</socketType>
      <pop3><leaveMessagesOnServer>true</leaveMessagesOnServer></pop3>
    </incomingServer>
    <incomingServer type="exchange">
      <hostname>ews.example.test</hostname>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.test</hostname>
      <port>587</port>
      <!-- a comment -->
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>none</authentication>
      <addThisServer>true</addThisServer>
    </outgoingServer>
    <documentation url="https://example.test/help"><descr lang="en">Help</descr></documentation>
    <somethingNew>ignored</somethingNew>
  </emailProvider>
  <enable visiturl="https://example.test/settings">
    <instruction>Switch IMAP on first</instruction>
  </enable>
</clientConfig>"#;

    fn alice() -> EmailAddress {
        EmailAddress::parse("alice@Example.test").unwrap()
    }

    #[test]
    fn reads_every_server_with_placeholders_and_auth() {
        let c = parse(SAMPLE.as_bytes(), Limits::default()).unwrap();
        assert_eq!(c.id, "example.test");
        assert_eq!(c.domains, vec!["example.test", "example.org"]);
        assert_eq!(c.servers.len(), 4);
        let imap = &c.servers[0];
        assert_eq!(
            (imap.protocol, imap.port, imap.security),
            (Protocol::Imap, 993, Security::Tls)
        );
        assert_eq!(imap.host_for(&alice()), "imap.example.test");
        assert_eq!(imap.username_for(&alice()), "alice");
        assert_eq!(
            imap.auth,
            vec![AuthMethod::OAuth2, AuthMethod::PasswordCleartext]
        );
        assert_eq!(c.servers[1].security, Security::StartTls);
        assert_eq!(c.servers[2].security, Security::Plain);
        assert_eq!(c.servers[2].username_for(&alice()), "alice@example.test");
        assert_eq!(c.servers[3].auth, vec![AuthMethod::None]);
        assert_eq!(c.documentation[0].text, "Help");
        let enable = c.enable.unwrap();
        assert_eq!(enable.url, "https://example.test/settings");
        assert_eq!(enable.text, "Switch IMAP on first");
        assert_eq!(
            c.warnings.len(),
            1,
            "the exchange server is skipped with a warning"
        );
    }

    #[test]
    fn expand_fills_placeholders_in_any_case() {
        let a = EmailAddress::parse("bob@bücher.example").unwrap();
        assert_eq!(
            expand("%emailLocalPart%.%EMAILDOMAIN%", &a),
            "bob.xn--bcher-kva.example"
        );
        assert_eq!(expand("%REALNAME% 100%", &a), "%REALNAME% 100%");
    }

    #[test]
    fn hostile_and_broken_documents_get_clear_errors() {
        let dtd = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><clientConfig/>"#;
        assert_eq!(
            parse(dtd.as_bytes(), Limits::default()),
            Err(ConfigError::Dtd)
        );

        let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
        assert!(matches!(
            parse(deep.as_bytes(), Limits::default()),
            Err(ConfigError::TooManyNodes { .. })
        ));

        let big = vec![b' '; 300 * 1024];
        assert!(matches!(
            parse(&big, Limits::default()),
            Err(ConfigError::TooLarge { .. })
        ));

        assert!(matches!(
            parse(b"<clientConfig>\xff\xfe</clientConfig>", Limits::default()),
            Err(ConfigError::NotUtf8 { offset: 14 })
        ));
        assert!(matches!(
            parse(b"<html><body>hi</body></html>", Limits::default()),
            Err(ConfigError::NotClientConfig { .. })
        ));
        assert!(matches!(
            parse(b"<clientConfig><emailProvider>", Limits::default()),
            Err(ConfigError::Xml { .. })
        ));

        let no_port = SAMPLE.replace("<port>143</port>", "");
        assert_eq!(
            parse(no_port.as_bytes(), Limits::default()),
            Err(ConfigError::MissingField {
                kind: "IMAP".into(),
                field: "port"
            })
        );
        let bad_socket = SAMPLE.replace("<socketType>plain", "<socketType>maybe");
        assert!(matches!(
            parse(bad_socket.as_bytes(), Limits::default()),
            Err(ConfigError::BadSocketType { .. })
        ));
        let bad_port = SAMPLE.replace("<port>587", "<port>99999");
        assert!(matches!(
            parse(bad_port.as_bytes(), Limits::default()),
            Err(ConfigError::BadPort { .. })
        ));
    }

    #[test]
    fn reads_autoconfig_1_2_sasl_names_and_other_services_without_making_them_servers() {
        let v12 = r#"<clientConfig version="1.2"><emailProvider id="x.test">
            <incomingServer type="jmap"><url>https://jmap.x.test/session</url></incomingServer>
            <incomingServer type="EWS"><url>https://x.test/EWS/Exchange.asmx</url></incomingServer>
            <incomingServer type="graph"><url>https://graph.x.test/v1.0</url></incomingServer>
            <incomingServer type="activesync"><hostname>eas.x.test</hostname></incomingServer>
            <incomingServer type="managesieve"><hostname>sieve.x.test</hostname><port>4190</port>
            </incomingServer>
            <incomingServer type="imap"><hostname>imap.x.test</hostname><port>993</port>
              <socketType>SSL</socketType>
              <authentication>SASL scram-sha-256-plus</authentication>
              <authentication> SASL  PLAIN </authentication>
              <authentication>SASL two words</authentication>
              <authentication>password-cleartext</authentication></incomingServer>
            </emailProvider></clientConfig>"#;
        let c = parse(v12.as_bytes(), Limits::default()).unwrap();
        assert_eq!(c.servers.len(), 1, "only the IMAP server is a server");
        assert_eq!(c.servers[0].protocol, Protocol::Imap);
        assert_eq!(
            c.servers[0].auth,
            vec![
                AuthMethod::Sasl("SCRAM-SHA-256-PLUS".into()),
                AuthMethod::Sasl("PLAIN".into()),
                AuthMethod::Other("SASL two words".into()),
                AuthMethod::PasswordCleartext,
            ]
        );
        let services: Vec<(ServiceKind, &str)> = c
            .services
            .iter()
            .map(|s| (s.kind, s.address.as_str()))
            .collect();
        assert_eq!(
            services,
            vec![
                (ServiceKind::Jmap, "https://jmap.x.test/session"),
                (ServiceKind::Ews, "https://x.test/EWS/Exchange.asmx"),
                (ServiceKind::Graph, "https://graph.x.test/v1.0"),
                (ServiceKind::ActiveSync, "eas.x.test"),
                (ServiceKind::ManageSieve, "sieve.x.test:4190"),
            ]
        );
        assert!(
            c.warnings
                .iter()
                .any(|w| w.contains("JMAP at https://jmap.x.test"))
        );
        // A file offering only other services is read, not refused; one offering nothing is.
        let jmap_only = r#"<clientConfig><emailProvider>
            <incomingServer type="jmap"><url>https://j.x.test/</url></incomingServer>
            </emailProvider></clientConfig>"#;
        let c = parse(jmap_only.as_bytes(), Limits::default()).unwrap();
        assert!(c.servers.is_empty() && c.services.len() == 1);
        let nothing = r#"<clientConfig><emailProvider><incomingServer type="nntp">
            <hostname>n.x.test</hostname></incomingServer></emailProvider></clientConfig>"#;
        assert_eq!(
            parse(nothing.as_bytes(), Limits::default()),
            Err(ConfigError::NoServers)
        );
    }

    #[test]
    fn tolerates_case_and_spelling_variants() {
        let odd = r#"<clientconfig><emailprovider id="x"><incomingServer type="IMAP">
            <HostName> Mail.X.test </HostName><port>993</port><sockettype>SSL/TLS</sockettype>
            </incomingServer></emailprovider></clientconfig>"#;
        let c = parse(odd.as_bytes(), Limits::default()).unwrap();
        assert_eq!(c.servers[0].hostname, "mail.x.test");
        assert_eq!(c.servers[0].security, Security::Tls);
        assert_eq!(c.servers[0].username_for(&alice()), "alice@example.test");
    }
}
