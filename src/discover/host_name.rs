//! The one check every server name and OAuth issuer from discovery passes where it enters:
//! the autoconfig and ISPDB files (config-v1.1), SRV and MX targets, the provider table,
//! guessed names. A name a server or a file wrote may be anything (`imap.x.test; touch
//! /tmp/x`); only a real host name goes on, so nothing else can reach a probe, a report or a
//! command we print.
//!
//! A host name, after IDNA (UTS #46, `idna::domain_to_ascii_strict`): labels of ASCII letters,
//! digits and hyphens (RFC 952 / RFC 1123 §2.1 "LDH"), 1 to 63 octets each, not starting or
//! ending with a hyphen, at most 253 octets in all (RFC 1035 §2.3.4), one trailing dot
//! allowed; or an IP address literal (IPv6 bare or in brackets). An OAuth issuer: an `https`
//! URL (RFC 8414 §2: no query, no fragment) whose host passes the same check, with no user
//! part, an optional port and a path of RFC 3986 unreserved characters and slashes.

use std::net::IpAddr;

/// The longest host name, in octets (RFC 1035 §2.3.4, without the final dot).
pub const MAX_HOST_OCTETS: usize = 253;
/// The longest label, in octets.
pub const MAX_LABEL_OCTETS: usize = 63;
/// The longest issuer URL we take (RFC 8414 sets none; real ones are under 100).
pub const MAX_ISSUER_OCTETS: usize = 2048;

/// A name that is not a host name; the text is kept for the report, which quotes it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} is not a valid host name", crate::shown::shell_quote(.0))]
pub struct BadHostName(pub String);

/// An issuer that is not an `https` URL of a valid host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} is not an https URL of a valid host name", crate::shown::shell_quote(.0))]
pub struct BadIssuer(pub String);

/// `name` as the ASCII host name to use (lower case, no trailing dot), or why not.
pub fn check_host(name: &str) -> Result<String, BadHostName> {
    let bad = || BadHostName(name.to_string());
    let bare = name.strip_prefix('[').and_then(|n| n.strip_suffix(']'));
    if let Ok(ip) = bare.unwrap_or(name).parse::<IpAddr>() {
        if bare.is_some() && ip.is_ipv4() {
            return Err(bad());
        }
        return Ok(ip.to_string());
    }
    if name.is_empty() || name.len() > 4 * MAX_HOST_OCTETS {
        return Err(bad());
    }
    let ascii = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        idna::domain_to_ascii_strict(name).map_err(|_| bad())?
    };
    let ascii = ascii.strip_suffix('.').unwrap_or(&ascii).to_string();
    if ascii.is_empty() || ascii.len() > MAX_HOST_OCTETS {
        return Err(bad());
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= MAX_LABEL_OCTETS
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !ascii.split('.').all(label_ok) {
        return Err(bad());
    }
    Ok(ascii)
}

/// Checks an OAuth issuer: `https://HOST[:PORT][/PATH]` as described in the module header.
pub fn check_issuer(url: &str) -> Result<(), BadIssuer> {
    let bad = || BadIssuer(url.to_string());
    if url.len() > MAX_ISSUER_OCTETS {
        return Err(bad());
    }
    let rest = url.strip_prefix("https://").ok_or_else(bad)?;
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let path_ok = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~'));
    if !path_ok {
        return Err(bad());
    }
    // `[v6]:port`, `[v6]`, `host:port`, `host`.
    let (host, port) = if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => (&authority[..=end], &authority[end + 1..]),
            None => return Err(bad()),
        }
    } else {
        match authority.rfind(':') {
            Some(i) => authority.split_at(i),
            None => (authority, ""),
        }
    };
    if !port.is_empty() {
        let digits = port.strip_prefix(':').ok_or_else(bad)?;
        if digits.parse::<u16>().map_or(true, |p| p == 0) {
            return Err(bad());
        }
    }
    check_host(host).map_err(|_| bad())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldh_names_and_address_literals_pass_and_nothing_else() {
        assert_eq!(check_host("IMAP.Example.com.").unwrap(), "imap.example.com");
        assert_eq!(
            check_host("mail.bücher.de").unwrap(),
            "mail.xn--bcher-kva.de"
        );
        assert_eq!(check_host("127.0.0.1").unwrap(), "127.0.0.1");
        assert_eq!(check_host("[::1]").unwrap(), "::1");
        assert_eq!(check_host("::1").unwrap(), "::1");
        let long_label = "a".repeat(64);
        let long_name = vec!["a".repeat(63); 4].join(".");
        for bad in [
            "imap.x.test; touch /tmp/x",
            "$(id).x.test",
            "a..b",
            "",
            ".",
            "-a.test",
            "a-.test",
            "a_b.test",
            "a b",
            "x\u{1b}]52;c;eA==\u{7}",
            "[127.0.0.1]",
            long_label.as_str(),
            long_name.as_str(),
        ] {
            assert!(check_host(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            check_host("a;b").unwrap_err().to_string(),
            "'a;b' is not a valid host name"
        );
    }

    #[test]
    fn issuers_are_https_urls_of_valid_hosts() {
        for good in [
            "https://accounts.google.com",
            "https://login.microsoftonline.com/common/v2.0",
            "https://127.0.0.1:8443",
            "https://[::1]:8443/realms/x",
        ] {
            assert!(check_issuer(good).is_ok(), "{good}");
        }
        for bad in [
            "https://id.x.test/$(id)",
            "http://id.x.test",
            "https://id.x.test/?q",
            "https://id.x.test/#f",
            "https://user@id.x.test",
            "https://id.x.test:0",
            "https://id.x.test:99999",
            "https://id.x.test;rm/",
            "https://",
            "javascript:alert(1)",
        ] {
            assert!(check_issuer(bad).is_err(), "{bad}");
        }
    }
}
