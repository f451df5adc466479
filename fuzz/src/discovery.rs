//! The checks of the discovery parsers' targets: Mozilla autoconfig (config-v1.1 and 1.2),
//! the PACC document with its DNS digest, and Microsoft Autodiscover (POX) answers. Each is
//! a pure parser of what a web server sends; the checks say what any answer must give.

use mailsetup::account::EmailAddress;
use mailsetup::discover::config_v11::{Limits, parse};

/// The Mozilla autoconfig (config-v1.1) parser on any bytes: never panics, stays within its
/// limits, and every server it returns has a usable port and expands for an address.
pub fn autoconfig_xml(data: &[u8]) {
    let limits = Limits::default();
    if let Ok(config) = parse(data, limits) {
        assert!(data.len() <= limits.max_bytes);
        // A 1.2 file may offer only other services (JMAP, EWS …); those never become servers.
        assert!(!config.servers.is_empty() || !config.services.is_empty());
        let email = EmailAddress::parse("jörg.o'neil@bücher.example").expect("a valid address");
        for server in &config.servers {
            assert!(server.port > 0);
            let _ = server.host_for(&email);
            let _ = server.username_for(&email);
        }
    }
}

/// The PACC document parser and the digest check (`discover::pacc_doc`) on any bytes: never
/// panics, stays within its limits, returns only checked host names and an https issuer; the
/// bytes' own digest, published as a TXT record, always matches them, and the bytes read as a
/// TXT record never panic.
pub fn pacc(data: &[u8]) {
    use mailsetup::discover::host_name::{check_host, check_issuer};
    use mailsetup::discover::pacc_doc;
    if let Ok(config) = pacc_doc::parse(data) {
        assert!(data.len() <= pacc_doc::MAX_BYTES);
        let hosts: Vec<&String> = [&config.imap, &config.pop3, &config.smtp]
            .into_iter()
            .flatten()
            .collect();
        assert!(!hosts.is_empty());
        for h in hosts {
            assert_eq!(check_host(h).as_ref(), Ok(h));
        }
        if let Some(issuer) = &config.issuer {
            assert!(check_issuer(issuer).is_ok());
        }
    }
    let record = format!("v=UAAC1; a=sha256; d={}", pacc_doc::digest_text(data));
    assert!(pacc_doc::matches(data, &pacc_doc::digests(&[record])));
    let _ = pacc_doc::digests(&[String::from_utf8_lossy(data).into_owned()]);
}

/// The Microsoft Autodiscover (POX) answer parser on any bytes: never panics, stays within
/// its limits; every server has a port and a host that passes the host-name check; a
/// redirect names an address or an https URL; Exchange-only means no server.
pub fn autodiscover(data: &[u8]) {
    use mailsetup::discover::autodiscover_xml::{self, Action};
    let limits = autodiscover_xml::Limits::default();
    let Ok(answer) = autodiscover_xml::parse(data, limits) else {
        return;
    };
    assert!(data.len() <= limits.max_bytes);
    assert!(answer.servers.len() <= limits.max_protocols);
    for server in &answer.servers {
        assert!(server.port > 0);
        assert!(mailsetup::discover::host_name::check_host(&server.host).is_ok());
    }
    match &answer.action {
        Action::RedirectAddr { address } => assert!(EmailAddress::parse(address).is_ok()),
        Action::RedirectUrl { url } => assert!(url.starts_with("https://")),
        Action::Settings | Action::Error { .. } => {}
    }
    if answer.exchange_only() {
        assert!(answer.servers.is_empty());
    }
}
