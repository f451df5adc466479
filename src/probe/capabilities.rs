//! Capability and sign-in mechanism lists as servers advertise them (IMAP CAPABILITY,
//! RFC 9051 §7.2.2; POP3 CAPA, RFC 2449 §5; SMTP EHLO keywords, RFC 5321 §4.1.1.1): bounded
//! in items, mechanism names each once.

/// Most capability items (IMAP capabilities, POP3 CAPA lines, EHLO keywords) kept.
pub(crate) const MAX_CAPABILITIES: usize = 256;
/// Most sign-in mechanisms kept from what a server advertises.
pub(crate) const MAX_MECHANISMS: usize = 64;

/// Sign-in mechanism names, upper-case, each once, in the order first seen, at most
/// `MAX_MECHANISMS`. Linear in the words (a set remembers what was seen).
pub(crate) fn unique_mechanisms<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for word in words {
        if out.len() >= MAX_MECHANISMS {
            break;
        }
        let name = word.to_ascii_uppercase();
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn mechanisms_are_deduplicated_in_linear_time_and_capped() {
        let words: Vec<String> = (0..200_000).map(|i| format!("M{}", i % 100_000)).collect();
        let started = Instant::now();
        let m = unique_mechanisms(words.iter().map(String::as_str));
        assert_eq!(m.len(), MAX_MECHANISMS);
        assert_eq!(
            unique_mechanisms(["plain", "LOGIN", "Plain"]),
            ["PLAIN", "LOGIN"]
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
