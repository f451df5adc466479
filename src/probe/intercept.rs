//! Recognising TLS inspection: antivirus mail/web shields and corporate proxies that end the
//! TLS connection themselves and present a certificate they signed on the fly with their own
//! root (RFC 5280 names: the issuer of the leaf, the subject and issuer of the rest of the
//! chain). Pure data and one pure function.
//!
//! In order: every issuer name of the presented chain (and the subject of every certificate
//! but the leaf, whose subject is the server's own name) is lower-cased; the first product
//! of `PRODUCTS` with a pattern whose every part occurs in one of those names wins. The
//! patterns come from issuer names seen in public bug reports (2015–2026): "Avast Web/Mail
//! Shield Root", "ESET SSL Filter CA", "Kaspersky Anti-Virus Personal Root Certificate",
//! "Kaspersky Web Anti-Virus Certification Authority" (O=AO Kaspersky Lab), "Bitdefender
//! Personal CA.Net-Defender", "Zscaler Root CA" / "Zscaler Intermediate Root CA", "FortiGate
//! CA" (O=Fortinet, OU=Certificate Authority), "Netskope … Root", "Cisco Umbrella Root CA",
//! "AdGuard Personal CA", "DO_NOT_TRUST_FiddlerRoot", "mitmproxy".

use serde::Serialize;

use super::certificate::CertificateInfo;

/// What kind of product inspects the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    /// Security software on this computer (its mail or web shield).
    Antivirus,
    /// A filter on this computer that is not an antivirus (ad blockers, parental control).
    LocalFilter,
    /// A company network's proxy or firewall: run by IT, not on this computer.
    CorporateProxy,
    /// A developer's debugging proxy.
    DebugProxy,
}

/// A TLS-inspecting product: its name, how to recognise its certificates, and where its
/// "scan encrypted connections" switch is.
#[derive(Debug, PartialEq, Eq)]
pub struct Product {
    /// Stable id (`"avast"`, `"zscaler"` …), for JSON and tests.
    pub id: &'static str,
    /// The name people know it by.
    pub name: &'static str,
    pub kind: ProductKind,
    /// Any of these; each is a list of lower-case parts that must all occur in one name.
    patterns: &'static [&'static [&'static str]],
    /// Where the switch is, in our own words.
    pub switch: &'static str,
}

/// Known TLS-inspecting products, antivirus first.
pub static PRODUCTS: &[Product] = &[
    Product {
        id: "avast",
        name: "Avast Antivirus",
        kind: ProductKind::Antivirus,
        patterns: &[&["avast", "web/mail shield"], &["avast", "untrusted ca"]],
        switch: "In Avast open Menu > Settings > Protection > Core Shields; under Web Shield untick \"Enable HTTPS scanning\", and under Mail Shield untick the scanning of incoming and outgoing mail (or add the mail server as an exception).",
    },
    Product {
        id: "avg",
        name: "AVG AntiVirus",
        kind: ProductKind::Antivirus,
        patterns: &[&["avg", "web/mail shield"], &["avg", "untrusted ca"]],
        switch: "In AVG open Menu > Settings > Basic protection > Core Shields; switch off HTTPS scanning under Web Shield and mail scanning under Email Shield.",
    },
    Product {
        id: "norton",
        name: "Norton 360 / Norton AntiVirus",
        kind: ProductKind::Antivirus,
        patterns: &[&["norton", "web/mail shield"], &["norton", "untrusted ca"]],
        switch: "In Norton open Settings and switch off the scanning of encrypted connections and of e-mail (Email Protection / Safe Web).",
    },
    Product {
        id: "kaspersky",
        name: "Kaspersky",
        kind: ProductKind::Antivirus,
        patterns: &[&["kaspersky"]],
        switch: "In Kaspersky open Settings > Network settings > Encrypted connections scanning and choose \"Do not scan encrypted connections\" (or add the mail program to the exclusions).",
    },
    Product {
        id: "eset",
        name: "ESET Security",
        kind: ProductKind::Antivirus,
        patterns: &[&["eset ssl filter"], &["o=eset"]],
        switch: "In ESET open Setup > Advanced setup (F5) > Protections > SSL/TLS and switch off SSL/TLS scanning, or exclude the mail program there.",
    },
    Product {
        id: "bitdefender",
        name: "Bitdefender",
        kind: ProductKind::Antivirus,
        patterns: &[&["bitdefender"], &["net-defender"]],
        switch: "In Bitdefender open Protection > Online Threat Prevention > Settings and switch off \"Encrypted web scan\" and \"Email protection\".",
    },
    Product {
        id: "mcafee",
        name: "McAfee / Skyhigh Web Gateway",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["mcafee"], &["skyhigh"]],
        switch: "The gateway is run by your organisation's IT: ask them to exempt the mail server from HTTPS scanning, or to give you their root certificate.",
    },
    Product {
        id: "adguard",
        name: "AdGuard",
        kind: ProductKind::LocalFilter,
        patterns: &[&["adguard"]],
        switch: "In AdGuard open Settings > Network and switch off HTTPS filtering, or exclude the mail program.",
    },
    Product {
        id: "zscaler",
        name: "Zscaler",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["zscaler"]],
        switch: "Zscaler is run by your organisation's IT: ask them to exempt the mail server from SSL inspection, or to install the Zscaler root certificate for mail programs too.",
    },
    Product {
        id: "fortinet",
        name: "Fortinet FortiGate",
        kind: ProductKind::CorporateProxy,
        patterns: &[
            &["fortigate ca"],
            &["fortinet_ca_ssl"],
            &["fortinet_ca_untrusted"],
            &["o=fortinet", "ou=certificate authority"],
        ],
        switch: "The FortiGate firewall is run by your organisation's IT: ask them to exempt the mail server from SSL deep inspection, or to give you the firewall's CA certificate.",
    },
    Product {
        id: "paloalto",
        name: "Palo Alto Networks firewall",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["palo alto networks"], &["paloaltonetworks"]],
        switch: "The firewall is run by your organisation's IT: ask them to exclude the mail server from SSL forward-proxy decryption, or to give you their forward-trust certificate.",
    },
    Product {
        id: "cisco_umbrella",
        name: "Cisco Umbrella",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["cisco umbrella"], &["opendns"]],
        switch: "Umbrella is run by your organisation's IT: ask them to add the mail server to the HTTPS inspection exceptions, or to install the Cisco Umbrella root certificate.",
    },
    Product {
        id: "sophos",
        name: "Sophos",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["sophos"]],
        switch: "Sophos web protection is run by your IT (or Sophos Home on this computer): ask to exempt the mail server from HTTPS scanning, or switch off HTTPS scanning in Sophos Home's web protection settings.",
    },
    Product {
        id: "netskope",
        name: "Netskope",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["netskope"], &["goskope"]],
        switch: "Netskope is run by your organisation's IT: ask them to add the mail server to the SSL decryption bypass list, or to give you their root certificate.",
    },
    Product {
        id: "forcepoint",
        name: "Forcepoint (Websense)",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["forcepoint"], &["websense"]],
        switch: "The proxy is run by your organisation's IT: ask them to exempt the mail server from SSL decryption.",
    },
    Product {
        id: "bluecoat",
        name: "Symantec / Blue Coat ProxySG",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["blue coat"], &["bluecoat"], &["proxysg"]],
        switch: "The proxy is run by your organisation's IT: ask them to exempt the mail server from SSL interception.",
    },
    Product {
        id: "checkpoint",
        name: "Check Point firewall",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["check point"], &["checkpoint"]],
        switch: "The firewall is run by your organisation's IT: ask them to bypass HTTPS inspection for the mail server.",
    },
    Product {
        id: "barracuda",
        name: "Barracuda",
        kind: ProductKind::CorporateProxy,
        patterns: &[&["barracuda"]],
        switch: "The firewall is run by your organisation's IT: ask them to exempt the mail server from SSL inspection.",
    },
    Product {
        id: "fiddler",
        name: "Fiddler",
        kind: ProductKind::DebugProxy,
        patterns: &[&["fiddlerroot"], &["do_not_trust"]],
        switch: "Fiddler is decrypting HTTPS on this computer: close it, or switch off Tools > Options > HTTPS > \"Decrypt HTTPS traffic\".",
    },
    Product {
        id: "mitmproxy",
        name: "mitmproxy",
        kind: ProductKind::DebugProxy,
        patterns: &[&["mitmproxy"]],
        switch: "mitmproxy is intercepting this connection: stop it or take the mail server out of its scope.",
    },
    Product {
        id: "charles",
        name: "Charles Proxy",
        kind: ProductKind::DebugProxy,
        patterns: &[&["charles proxy"]],
        switch: "Charles is intercepting this connection: switch off SSL proxying for the mail server, or quit Charles.",
    },
    Product {
        id: "burp",
        name: "Burp Suite",
        kind: ProductKind::DebugProxy,
        patterns: &[&["portswigger"]],
        switch: "Burp is intercepting this connection: stop it or take the mail server out of its scope.",
    },
];

/// A chain recognised as issued by an inspecting product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interception {
    /// The product's id (`"avast"` …).
    pub product_id: &'static str,
    /// The product's name.
    pub product: &'static str,
    pub kind: ProductKind,
    /// The certificate name that gave it away (an issuer as presented).
    pub issuer: String,
    /// Where its "scan encrypted connections" switch is.
    pub switch: &'static str,
}

impl Interception {
    /// The product this came from.
    pub fn product(&self) -> Option<&'static Product> {
        product_by_id(self.product_id)
    }
}

/// The product with this id.
pub fn product_by_id(id: &str) -> Option<&'static Product> {
    PRODUCTS.iter().find(|p| p.id == id)
}

/// The names of a chain that can betray an inspecting product: the leaf's issuer, and the
/// subject and issuer of every other certificate.
fn telling_names(chain: &[CertificateInfo]) -> impl Iterator<Item = &str> {
    chain.iter().enumerate().flat_map(|(i, c)| {
        let subject = (i > 0).then_some(c.subject.as_str());
        std::iter::once(c.issuer.as_str()).chain(subject)
    })
}

/// The inspecting product that issued this chain, if it is a known one.
pub fn recognise(chain: &[CertificateInfo]) -> Option<Interception> {
    for name in telling_names(chain) {
        let lower = name.to_lowercase();
        for p in PRODUCTS {
            if p.patterns
                .iter()
                .any(|parts| parts.iter().all(|part| lower.contains(part)))
            {
                return Some(Interception {
                    product_id: p.id,
                    product: p.name,
                    kind: p.kind,
                    issuer: name.to_string(),
                    switch: p.switch,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(subject: &str, issuer: &str) -> CertificateInfo {
        CertificateInfo {
            subject: subject.into(),
            issuer: issuer.into(),
            ..CertificateInfo::default()
        }
    }

    #[test]
    fn issuer_names_from_bug_reports_are_recognised() {
        let cases = [
            (
                "CN=Avast Web/Mail Shield Root, O=Avast Web/Mail Shield, OU=generated by Avast Antivirus for SSL/TLS scanning",
                "avast",
            ),
            ("CN=AVG Web/Mail Shield Root, O=AVG Web/Mail Shield", "avg"),
            (
                "CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab",
                "kaspersky",
            ),
            (
                "O=AO Kaspersky Lab, CN=Kaspersky Web Anti-Virus Certification Authority",
                "kaspersky",
            ),
            ("CN=ESET SSL Filter CA, O=ESET spol. s r. o., C=SK", "eset"),
            (
                "CN=Bitdefender Personal CA.Net-Defender, OU=IDS, O=Bitdefender",
                "bitdefender",
            ),
            (
                "C=US, ST=California, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Intermediate Root CA (zscloud.net) (t)",
                "zscaler",
            ),
            (
                "C=US, ST=California, L=Sunnyvale, O=Fortinet, OU=Certificate Authority, CN=FortiGate CA",
                "fortinet",
            ),
            (
                "C=US, L=Sunnyvale, O=Fortinet, OU=Certificate Authority, CN=FG100FTK19000000",
                "fortinet",
            ),
            (
                "C=GB, O=Netskope Inc., OU=Borderless SD-WAN, CN=Netskope Borderless SD-WAN Root",
                "netskope",
            ),
            (
                "CN=Cisco Umbrella Secondary SubCA ord-SG, O=Cisco",
                "cisco_umbrella",
            ),
            ("CN=AdGuard Personal CA", "adguard"),
            (
                "CN=DO_NOT_TRUST_FiddlerRoot, O=DO_NOT_TRUST, OU=Created by http://www.fiddler2.com",
                "fiddler",
            ),
            ("CN=mitmproxy, O=mitmproxy", "mitmproxy"),
        ];
        for (issuer, id) in cases {
            let chain = [cert("CN=imap.example.com", issuer)];
            let found = recognise(&chain).map(|i| i.product_id);
            assert_eq!(found, Some(id), "{issuer}");
        }
    }

    #[test]
    fn public_authorities_and_the_servers_own_name_are_not_inspection() {
        let chain = [
            cert("CN=avast-mail.example.com", "C=US, O=Let's Encrypt, CN=R11"),
            cert(
                "C=US, O=Let's Encrypt, CN=R11",
                "C=US, O=Internet Security Research Group, CN=ISRG Root X1",
            ),
        ];
        assert_eq!(recognise(&chain), None);
        // A FortiMail appliance's own certificate (O=Fortinet, no CA unit) is not inspection.
        let own = [cert(
            "CN=FEVM000000, O=Fortinet, OU=FortiMail",
            "CN=FEVM000000, O=Fortinet, OU=FortiMail",
        )];
        assert_eq!(recognise(&own), None);
    }

    #[test]
    fn an_intermediate_in_the_chain_also_tells() {
        let chain = [
            cert("CN=imap.example.com", "CN=Corp Inspection Issuing CA"),
            cert(
                "CN=Corp Inspection Issuing CA",
                "CN=Zscaler Root CA, O=Zscaler Inc.",
            ),
        ];
        let found = recognise(&chain).unwrap();
        assert_eq!(found.product, "Zscaler");
        assert_eq!(found.kind, ProductKind::CorporateProxy);
        assert!(found.switch.contains("IT"));
    }

    #[test]
    fn every_product_has_an_id_a_name_a_pattern_and_a_switch() {
        let mut ids = std::collections::BTreeSet::new();
        for p in PRODUCTS {
            assert!(ids.insert(p.id), "duplicate id {}", p.id);
            assert!(!p.name.is_empty() && !p.switch.is_empty() && !p.patterns.is_empty());
            for parts in p.patterns {
                assert!(
                    parts
                        .iter()
                        .all(|s| *s == s.to_lowercase() && !s.is_empty())
                );
            }
        }
    }
}
