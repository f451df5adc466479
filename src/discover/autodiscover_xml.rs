//! Microsoft Autodiscover "POX" (plain old XML, `[MS-OXDSCLI]`): the request body we send for
//! an address, and the answer, parsed by a pure function.
//!
//! The answer (`responseschema/2006a`) is `Autodiscover/Response`, holding either an `Error`
//! (the server's code and words, kept as they are) or an `Account` whose `Action` is
//! `settings` (with `Protocol` blocks), `redirectAddr` (ask again for another address) or
//! `redirectUrl` (ask this other URL). Of the `Protocol` blocks, `IMAP`, `POP3` and `SMTP`
//! become servers (`Server`, `Port`, `SSL`, `Encryption`, `LoginName`, `SPA`); the Exchange
//! kinds (`EXCH`, `EXPR`, `WEB`, `EXHTTP`, `mapiHttp`) and an `EwsUrl` are only named, for
//! the "this domain offers Exchange" note. Element names are matched without their namespace
//! and case-insensitively; unknown elements are ignored; `Type` may also be an attribute, as
//! newer Exchange servers write it.
//!
//! Security, the RFC 8314 reading: `Encryption` wins when present (`SSL` is implicit TLS,
//! `TLS` is STARTTLS, `None` is none, `Auto` falls back to `SSL`); `SSL=off` is none;
//! `SSL=on` (the default when absent) is implicit TLS on 993, 995 and 465 (and on ports that
//! say nothing), STARTTLS on 143, 110, 587 and 25.
//!
//! Bounded before anything else: bytes, XML nodes (roxmltree's limit), nesting depth and the
//! number of `Protocol` blocks; DTDs (and with them entities) are refused.

use roxmltree::{Document, Node};
use serde::Serialize;

use super::xml_bounds::{self, Refusal};
use crate::account::{EmailAddress, Protocol, Security};

/// The request schema of the POX request.
pub const REQUEST_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
/// The answer schema we accept (the one with `Protocol` blocks).
pub const RESPONSE_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

/// Caps applied before and during parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_nodes: u32,
    /// Deepest element nesting (a real answer is six deep).
    pub max_depth: usize,
    /// Most `Protocol` blocks in one `Account` (real answers have fewer than ten).
    pub max_protocols: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024,
            max_nodes: 4_096,
            max_depth: 16,
            max_protocols: 32,
        }
    }
}

/// Why an answer was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AutodiscoverError {
    #[error("the answer is {bytes} bytes, more than the {limit} allowed")]
    TooLarge { bytes: usize, limit: usize },
    #[error("the answer is not UTF-8 text (byte {offset})")]
    NotUtf8 { offset: usize },
    #[error("the answer declares a DTD, which is refused (entity expansion)")]
    Dtd,
    #[error("the answer has more than {limit} XML nodes")]
    TooManyNodes { limit: u32 },
    #[error("the answer nests elements deeper than {limit}")]
    TooDeep { limit: usize },
    #[error("the answer has more than {limit} <Protocol> blocks")]
    TooManyProtocols { limit: usize },
    #[error("the answer is not well-formed XML: {detail}")]
    Xml { detail: String },
    #[error("the answer is a <{root}>, not an <Autodiscover>")]
    NotAutodiscover { root: String },
    #[error("the answer has neither an <Account> nor an <Error>")]
    NoAccount,
    #[error("the answer's action \"{0}\" is none of settings, redirectAddr, redirectUrl")]
    UnknownAction(String),
    #[error("the answer says {action} but names nowhere to go")]
    MissingRedirect { action: &'static str },
    #[error("the answer redirects to {0:?}, which is not an email address")]
    BadRedirectAddr(String),
    #[error("the answer redirects to {0:?}, which is not an https URL of a valid host name")]
    BadRedirectUrl(String),
    #[error("the answer redirects once more after {limit} redirects were followed")]
    TooManyRedirects { limit: usize },
    #[error("a {kind} block has no <Server>")]
    MissingServer { kind: String },
    #[error("a {kind} block has port \"{text}\", which is not a number from 1 to 65535")]
    BadPort { kind: String, text: String },
    #[error("a {kind} block's <Server> {error}")]
    BadHostName {
        kind: String,
        error: super::host_name::BadHostName,
    },
}

/// What the answer tells the client to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Here are the settings (`servers`, `exchange`).
    Settings,
    /// Ask again for this address.
    RedirectAddr { address: String },
    /// Ask this URL instead.
    RedirectUrl { url: String },
    /// The server refused, in its own words (e.g. 500, "The email address can't be found.").
    Error { code: String, message: String },
}

/// One `IMAP`/`POP3`/`SMTP` block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoxServer {
    pub protocol: Protocol,
    /// ASCII, lower case, checked as a host name.
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// `LoginName`, when given.
    pub login_name: Option<String>,
    /// `SPA=on`: the server wants Microsoft's Secure Password Authentication (NTLM).
    pub spa: bool,
}

/// A parsed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoxAnswer {
    pub action: Action,
    /// `User/DisplayName`, may be empty.
    pub display_name: String,
    pub servers: Vec<PoxServer>,
    /// The Exchange kinds named (`EXCH`, `EXPR`, `WEB` …), as written, without repeats.
    pub exchange: Vec<String>,
    /// The Exchange Web Services URL, when one is named.
    pub ews_url: Option<String>,
    /// What was skipped, in our words.
    pub warnings: Vec<String>,
}

impl PoxAnswer {
    /// Whether the answer offers Exchange and no IMAP, POP3 or SMTP server.
    pub fn exchange_only(&self) -> bool {
        self.servers.is_empty() && !self.exchange.is_empty()
    }
}

/// The POX request for `email` (ASCII form, XML-escaped).
pub fn request_body(email: &EmailAddress) -> String {
    let address = escape(&email.to_ascii());
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Autodiscover xmlns=\"{REQUEST_SCHEMA}\">\
         <Request><EMailAddress>{address}</EMailAddress>\
         <AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema>\
         </Request></Autodiscover>\r\n"
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Whether a body claims to be an Autodiscover answer: `<Autodiscover` within its first
/// kilobyte. A web site answering every path with its own page (status 200, HTML) is then
/// "nothing there", not a refused answer; what does claim to be one is parsed, and refused
/// when it breaks a limit.
pub fn looks_like_autodiscover(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    head.windows(13)
        .any(|w| w.eq_ignore_ascii_case(b"<autodiscover"))
}

/// The security of a block, read as the module header says.
pub fn security_of(ssl: Option<&str>, encryption: Option<&str>, port: Option<u16>) -> Security {
    match encryption.map(|e| e.trim().to_ascii_lowercase()).as_deref() {
        Some("ssl") => return Security::Tls,
        Some("tls") => return Security::StartTls,
        Some("none") => return Security::Plain,
        _ => {}
    }
    if ssl.is_some_and(|s| s.trim().eq_ignore_ascii_case("off")) {
        return Security::Plain;
    }
    match port {
        Some(143 | 110 | 587 | 25) => Security::StartTls,
        _ => Security::Tls,
    }
}

fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name().eq_ignore_ascii_case(name)
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |n| is(*n, name))
}

fn field(node: Node<'_, '_>, name: &str) -> Option<String> {
    children(node, name)
        .next()
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Parses one answer.
pub fn parse(bytes: &[u8], limits: Limits) -> Result<PoxAnswer, AutodiscoverError> {
    let doc = xml_bounds::document(bytes, limits.max_bytes, limits.max_nodes)?;
    check_depth(&doc, limits.max_depth)?;
    let root = doc.root_element();
    if !is(root, "Autodiscover") {
        return Err(AutodiscoverError::NotAutodiscover {
            root: root.tag_name().name().chars().take(64).collect(),
        });
    }
    let response = children(root, "Response").next().unwrap_or(root);
    let display_name = children(response, "User")
        .next()
        .and_then(|u| field(u, "DisplayName"))
        .unwrap_or_default();
    let mut answer = PoxAnswer {
        action: Action::Settings,
        display_name,
        servers: Vec::new(),
        exchange: Vec::new(),
        ews_url: None,
        warnings: Vec::new(),
    };
    let Some(account) = children(response, "Account").next() else {
        let error = children(response, "Error")
            .next()
            .ok_or(AutodiscoverError::NoAccount)?;
        answer.action = Action::Error {
            code: field(error, "ErrorCode").unwrap_or_default(),
            message: field(error, "Message").unwrap_or_default(),
        };
        return Ok(answer);
    };
    let action = field(account, "Action").unwrap_or_else(|| "settings".into());
    answer.action = match action.to_ascii_lowercase().as_str() {
        "settings" => Action::Settings,
        "redirectaddr" => {
            let to = field(account, "RedirectAddr").ok_or(AutodiscoverError::MissingRedirect {
                action: "redirectAddr",
            })?;
            let address = EmailAddress::parse(&to)
                .map_err(|_| AutodiscoverError::BadRedirectAddr(to.clone()))?;
            Action::RedirectAddr {
                address: address.to_ascii(),
            }
        }
        "redirecturl" => {
            let to = field(account, "RedirectUrl").ok_or(AutodiscoverError::MissingRedirect {
                action: "redirectUrl",
            })?;
            Action::RedirectUrl {
                url: https_url(&to).ok_or(AutodiscoverError::BadRedirectUrl(to))?,
            }
        }
        _ => return Err(AutodiscoverError::UnknownAction(action)),
    };
    if answer.action != Action::Settings {
        return Ok(answer);
    }
    let blocks: Vec<Node<'_, '_>> = children(account, "Protocol").collect();
    if blocks.len() > limits.max_protocols {
        return Err(AutodiscoverError::TooManyProtocols {
            limit: limits.max_protocols,
        });
    }
    for block in blocks {
        read_block(block, &mut answer)?;
    }
    Ok(answer)
}

/// Refuses a document nested deeper than `limit` (one pass, depths kept by node id).
fn check_depth(doc: &Document<'_>, limit: usize) -> Result<(), AutodiscoverError> {
    let mut depth: Vec<usize> = Vec::new();
    for node in doc.descendants() {
        let d = node
            .parent()
            .and_then(|p| depth.get(p.id().get_usize()).copied())
            .map_or(0, |d| d + 1);
        let id = node.id().get_usize();
        if depth.len() <= id {
            depth.resize(id + 1, 0);
        }
        depth[id] = d;
        if d > limit {
            return Err(AutodiscoverError::TooDeep { limit });
        }
    }
    Ok(())
}

/// An `https` URL whose host is a host name, normalised; else None.
fn https_url(text: &str) -> Option<String> {
    let url = reqwest::Url::parse(text.trim()).ok()?;
    if url.scheme() != "https" || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let host = url.host_str()?;
    super::host_name::check_host(host.trim_start_matches('[').trim_end_matches(']')).ok()?;
    Some(url.to_string())
}

fn read_block(block: Node<'_, '_>, answer: &mut PoxAnswer) -> Result<(), AutodiscoverError> {
    let kind = field(block, "Type")
        .or_else(|| block.attribute("Type").map(|t| t.trim().to_string()))
        .unwrap_or_default();
    let protocol = match kind.to_ascii_uppercase().as_str() {
        "IMAP" => Protocol::Imap,
        "POP3" => Protocol::Pop3,
        "SMTP" => Protocol::Smtp,
        "EXCH" | "EXPR" | "WEB" | "EXHTTP" | "MAPIHTTP" => {
            if !answer
                .exchange
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&kind))
            {
                answer.exchange.push(kind.chars().take(32).collect());
            }
            if answer.ews_url.is_none() {
                answer.ews_url = field(block, "EwsUrl").and_then(|u| https_url(&u));
            }
            return Ok(());
        }
        _ => {
            let shown: String = kind.chars().take(32).collect();
            answer
                .warnings
                .push(format!("skipped a <Protocol> of type {shown:?}"));
            return Ok(());
        }
    };
    let kind = protocol.label().to_string();
    let server = field(block, "Server")
        .ok_or_else(|| AutodiscoverError::MissingServer { kind: kind.clone() })?;
    let host =
        super::host_name::check_host(&server).map_err(|error| AutodiscoverError::BadHostName {
            kind: kind.clone(),
            error,
        })?;
    let port = match field(block, "Port") {
        Some(text) => match text.parse::<u16>() {
            Ok(p) if p > 0 => Some(p),
            _ => {
                return Err(AutodiscoverError::BadPort {
                    kind,
                    text: text.chars().take(32).collect(),
                });
            }
        },
        None => None,
    };
    let security = security_of(
        field(block, "SSL").as_deref(),
        field(block, "Encryption").as_deref(),
        port,
    );
    answer.servers.push(PoxServer {
        protocol,
        host,
        port: port.unwrap_or_else(|| protocol.default_port(security)),
        security,
        login_name: field(block, "LoginName").map(|l| l.chars().take(256).collect()),
        spa: field(block, "SPA").is_some_and(|s| s.eq_ignore_ascii_case("on")),
    });
    Ok(())
}

impl From<Refusal> for AutodiscoverError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::TooLarge { bytes, limit } => AutodiscoverError::TooLarge { bytes, limit },
            Refusal::NotUtf8 { offset } => AutodiscoverError::NotUtf8 { offset },
            Refusal::Dtd => AutodiscoverError::Dtd,
            Refusal::TooManyNodes { limit } => AutodiscoverError::TooManyNodes { limit },
            Refusal::Xml { detail } => AutodiscoverError::Xml { detail },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(account: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="{RESPONSE_SCHEMA}">
    <User><DisplayName>Kim Example</DisplayName></User>
    <Account>{account}</Account>
  </Response>
</Autodiscover>"#
        )
    }

    fn block(kind: &str, inner: &str) -> String {
        format!("<Protocol><Type>{kind}</Type>{inner}</Protocol>")
    }

    #[test]
    fn imap_and_smtp_blocks_become_servers() {
        let xml = answer(&format!(
            "<AccountType>email</AccountType><Action>settings</Action>{}{}",
            block(
                "IMAP",
                "<Server>IMAP.Example.test</Server><Port>993</Port><SSL>on</SSL>\
                 <LoginName>kim@example.test</LoginName><SPA>off</SPA>"
            ),
            block(
                "SMTP",
                "<Server>smtp.example.test</Server><Port>587</Port><SSL>on</SSL><SPA>on</SPA>"
            ),
        ));
        let a = parse(xml.as_bytes(), Limits::default()).unwrap();
        assert_eq!(a.action, Action::Settings);
        assert_eq!(a.display_name, "Kim Example");
        assert_eq!(a.servers.len(), 2);
        let imap = &a.servers[0];
        assert_eq!(
            (imap.protocol, imap.host.as_str(), imap.port, imap.security),
            (Protocol::Imap, "imap.example.test", 993, Security::Tls)
        );
        assert_eq!(imap.login_name.as_deref(), Some("kim@example.test"));
        assert!(!imap.spa);
        let smtp = &a.servers[1];
        assert_eq!((smtp.port, smtp.security), (587, Security::StartTls));
        assert!(smtp.spa);
        assert!(!a.exchange_only());
    }

    #[test]
    fn ssl_on_is_read_as_rfc_8314_says_and_encryption_wins() {
        let s = security_of;
        assert_eq!(s(Some("on"), None, Some(993)), Security::Tls);
        assert_eq!(s(Some("on"), None, Some(995)), Security::Tls);
        assert_eq!(s(Some("on"), None, Some(465)), Security::Tls);
        assert_eq!(s(Some("on"), None, Some(143)), Security::StartTls);
        assert_eq!(s(Some("on"), None, Some(587)), Security::StartTls);
        assert_eq!(s(None, None, Some(143)), Security::StartTls);
        assert_eq!(s(None, None, None), Security::Tls);
        assert_eq!(s(Some("off"), None, Some(993)), Security::Plain);
        assert_eq!(s(Some("on"), Some("TLS"), Some(993)), Security::StartTls);
        assert_eq!(s(Some("off"), Some("SSL"), Some(143)), Security::Tls);
        assert_eq!(s(Some("on"), Some("None"), Some(993)), Security::Plain);
        assert_eq!(s(Some("on"), Some("Auto"), Some(587)), Security::StartTls);
        // A missing port takes the usual one for the security read.
        let xml = answer(&block("POP3", "<Server>pop.example.test</Server>"));
        let a = parse(xml.as_bytes(), Limits::default()).unwrap();
        assert_eq!(
            (a.servers[0].port, a.servers[0].security),
            (995, Security::Tls)
        );
    }

    #[test]
    fn redirects_and_errors_are_actions() {
        let xml =
            answer("<Action>redirectAddr</Action><RedirectAddr>kim@other.test</RedirectAddr>");
        assert_eq!(
            parse(xml.as_bytes(), Limits::default()).unwrap().action,
            Action::RedirectAddr {
                address: "kim@other.test".into()
            }
        );
        let xml = answer(
            "<Action>redirectUrl</Action>\
             <RedirectUrl>https://ad.other.test/autodiscover/autodiscover.xml</RedirectUrl>",
        );
        assert_eq!(
            parse(xml.as_bytes(), Limits::default()).unwrap().action,
            Action::RedirectUrl {
                url: "https://ad.other.test/autodiscover/autodiscover.xml".into()
            }
        );
        for bad in [
            "<Action>redirectUrl</Action><RedirectUrl>http://ad.other.test/x</RedirectUrl>",
            "<Action>redirectUrl</Action><RedirectUrl>https://a b/x</RedirectUrl>",
            "<Action>redirectAddr</Action><RedirectAddr>not an address</RedirectAddr>",
            "<Action>redirectAddr</Action>",
            "<Action>launch</Action>",
        ] {
            assert!(
                parse(answer(bad).as_bytes(), Limits::default()).is_err(),
                "{bad}"
            );
        }
        let xml = r#"<Autodiscover><Response><Error Time="1" Id="2"><ErrorCode>500</ErrorCode>
            <Message>The email address can't be found.</Message></Error></Response></Autodiscover>"#;
        assert_eq!(
            parse(xml.as_bytes(), Limits::default()).unwrap().action,
            Action::Error {
                code: "500".into(),
                message: "The email address can't be found.".into()
            }
        );
    }

    #[test]
    fn exchange_only_answers_are_named_not_taken_for_imap() {
        let xml = answer(&format!(
            "<Action>settings</Action>{}{}{}",
            block(
                "EXCH",
                "<Server>ex1.example.test</Server>\
                 <EwsUrl>https://mail.example.test/EWS/Exchange.asmx</EwsUrl>"
            ),
            block("EXPR", "<Server>mail.example.test</Server>"),
            "<Protocol Type=\"mapiHttp\" Version=\"1\"><Server>x</Server></Protocol>",
        ));
        let a = parse(xml.as_bytes(), Limits::default()).unwrap();
        assert!(a.servers.is_empty());
        assert!(a.exchange_only());
        assert_eq!(a.exchange, ["EXCH", "EXPR", "mapiHttp"]);
        assert_eq!(
            a.ews_url.as_deref(),
            Some("https://mail.example.test/EWS/Exchange.asmx")
        );
    }

    #[test]
    fn hostile_answers_are_refused_by_type() {
        let limits = Limits::default();
        let huge = vec![b' '; limits.max_bytes + 1];
        assert!(matches!(
            parse(&huge, limits),
            Err(AutodiscoverError::TooLarge { .. })
        ));
        let deep = format!(
            "<Autodiscover>{}{}</Autodiscover>",
            "<a>".repeat(40),
            "</a>".repeat(40)
        );
        assert_eq!(
            parse(deep.as_bytes(), limits),
            Err(AutodiscoverError::TooDeep {
                limit: limits.max_depth
            })
        );
        let wide = format!("<Autodiscover>{}</Autodiscover>", "<a/>".repeat(5000));
        assert!(matches!(
            parse(wide.as_bytes(), limits),
            Err(AutodiscoverError::TooManyNodes { .. })
        ));
        let many = answer(&block("IMAP", "<Server>i.example.test</Server>").repeat(33));
        assert!(matches!(
            parse(many.as_bytes(), limits),
            Err(AutodiscoverError::TooManyProtocols { .. })
        ));
        let dtd = "<!DOCTYPE a [<!ENTITY x \"y\">]><Autodiscover/>";
        assert_eq!(parse(dtd.as_bytes(), limits), Err(AutodiscoverError::Dtd));
        let bad_host = answer(&block("IMAP", "<Server>imap.x.test; rm -rf /</Server>"));
        assert!(matches!(
            parse(bad_host.as_bytes(), limits),
            Err(AutodiscoverError::BadHostName { .. })
        ));
        let bad_port = answer(&block("IMAP", "<Server>i.x.test</Server><Port>0</Port>"));
        assert!(matches!(
            parse(bad_port.as_bytes(), limits),
            Err(AutodiscoverError::BadPort { .. })
        ));
        assert!(matches!(
            parse(b"<clientConfig/>", limits),
            Err(AutodiscoverError::NotAutodiscover { .. })
        ));
        assert!(matches!(
            parse(&[0xff, 0xfe], limits),
            Err(AutodiscoverError::NotUtf8 { .. })
        ));
    }

    #[test]
    fn a_web_page_is_not_taken_for_an_answer() {
        assert!(looks_like_autodiscover(answer("").as_bytes()));
        assert!(looks_like_autodiscover(b"\xef\xbb\xbf<AUTODISCOVER/>"));
        assert!(!looks_like_autodiscover(
            b"<!doctype html><html><body>Welcome</body></html>"
        ));
        assert!(!looks_like_autodiscover(b""));
        let late = format!("{}<Autodiscover/>", " ".repeat(2000));
        assert!(!looks_like_autodiscover(late.as_bytes()));
    }

    #[test]
    fn the_request_names_the_address_escaped() {
        let email = EmailAddress::parse("o'neil@example.test").unwrap();
        let body = request_body(&email);
        assert!(body.contains("<EMailAddress>o&apos;neil@example.test</EMailAddress>"));
        assert!(body.contains(RESPONSE_SCHEMA));
        assert!(Document::parse(&body).is_ok());
    }
}
