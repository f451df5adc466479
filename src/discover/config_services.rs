//! The service kinds autoconfig 1.2 (draft-ietf-mailmaint-autoconfig) adds beside IMAP, POP3
//! and SMTP: `jmap`, `ews`, `graph`, `activesync`, `managesieve` (and Thunderbird's older
//! `exchange`). `config_v11` recognises them through `ServiceKind::parse`, lists them as
//! `OtherService`s with where they are (`other_address`), and never makes them servers.

use roxmltree::Node;
use serde::Serialize;

/// A service of a kind mailsetup does not set up, as an autoconfig 1.2 file lists it (in JSON
/// by the draft's type names: `jmap`, `ews`, `graph`, `activesync`, `managesieve`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceKind {
    /// JMAP (RFC 8620).
    Jmap,
    /// Exchange Web Services.
    Ews,
    /// Microsoft Graph.
    Graph,
    /// Exchange ActiveSync.
    ActiveSync,
    /// ManageSieve (RFC 5804), for filter rules.
    ManageSieve,
    /// Thunderbird's older `exchange` type.
    Exchange,
}

impl ServiceKind {
    pub(crate) fn parse(kind: &str) -> Option<Self> {
        Some(match kind.to_ascii_lowercase().as_str() {
            "jmap" => Self::Jmap,
            "ews" => Self::Ews,
            "graph" => Self::Graph,
            "activesync" => Self::ActiveSync,
            "managesieve" | "sieve" => Self::ManageSieve,
            "exchange" => Self::Exchange,
            _ => return None,
        })
    }

    /// Its usual name (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Self::Jmap => "JMAP",
            Self::Ews => "EWS",
            Self::Graph => "Microsoft Graph",
            Self::ActiveSync => "ActiveSync",
            Self::ManageSieve => "ManageSieve",
            Self::Exchange => "Exchange",
        }
    }
}

/// One other service: its kind and where it is (`<url>`, else `<hostname>[:<port>]`; may be
/// empty when the file gives neither).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherService {
    pub kind: ServiceKind,
    pub address: String,
}

/// Where another service is: its `<url>` (https only), else `<hostname>[:<port>]`, else
/// empty. A host that is not a host name is left out rather than shown.
pub(crate) fn other_address(node: Node<'_, '_>) -> String {
    let field = |name: &str| {
        node.children()
            .find(|c| c.is_element() && c.tag_name().name().eq_ignore_ascii_case(name))
            .map(|c| {
                c.children()
                    .filter_map(|t| t.is_text().then(|| t.text()).flatten())
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
    };
    if let Some(url) = field("url").filter(|u| super::host_name::check_issuer(u).is_ok()) {
        return url;
    }
    let Some(host) = field("hostname").and_then(|h| super::host_name::check_host(&h).ok()) else {
        return String::new();
    };
    match field("port").and_then(|p| p.parse::<u16>().ok()) {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}
