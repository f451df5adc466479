//! Capability and sign-in mechanism lists as servers advertise them (IMAP CAPABILITY,
//! RFC 9051 §7.2.2; POP3 CAPA, RFC 2449 §5; SMTP EHLO keywords, RFC 5321 §4.1.1.1): bounded
//! in items, mechanism names each once, and whether a line-per-capability list (POP3, SMTP)
//! offers a keyword. Where the mechanisms stand differs per protocol (IMAP `AUTH=`, POP3
//! `SASL`, SMTP `AUTH`); each protocol's file picks them out and hands them here.

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

/// Whether a list of capability lines (POP3 CAPA, SMTP EHLO keywords) offers `keyword`: a
/// line whose first word it is, in any case (`STLS`, `STARTTLS`, `PIPELINING` …).
pub(crate) fn offers(lines: &[String], keyword: &str) -> bool {
    lines.iter().any(|l| {
        l.split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(keyword))
    })
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
