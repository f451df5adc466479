//! Advice the wizard gives in words: the IMAP-or-POP3 choice (what each does, which one we
//! recommend for this person, what the provider itself says) and the "did you mean …?" hint
//! for misspelt mail domains. Pure functions over small tables; all text is our own.
//!
//! Facts behind the protocol text: IMAP (RFC 9051) keeps the mailbox on the server, so every
//! device sees the same messages, folders and read state; POP3 (RFC 1939) downloads to one
//! device, optionally leaving a copy on the server, and works offline, but folders and read
//! state do not travel to other devices.

use std::collections::BTreeSet;

use crate::account::Protocol;

/// Domains people type most often; a typed domain one or two slips away from one of these
/// (and not itself in the list) earns a "did you mean …?" hint.
const COMMON_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "ymail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "aim.com",
    "verizon.net",
    "comcast.net",
    "att.net",
    "sbcglobal.net",
    "bellsouth.net",
    "charter.net",
    "spectrum.net",
    "bresnan.net",
    "twc.com",
    "rr.com",
    "roadrunner.com",
    "cox.net",
    "earthlink.net",
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "web.de",
    "mail.com",
    "fastmail.com",
    "proton.me",
    "protonmail.com",
    "yandex.com",
    "zoho.com",
];

/// Suggests the common domain the person probably meant, if the typed one looks like a slip
/// (a letter missing, doubled, swapped or wrong; `gmial.com`, `gmail.con`, `hotmai.com`).
/// Domains that are themselves common, or too far from any, get no hint.
pub fn suggest_domain(domain: &str) -> Option<&'static str> {
    let domain = domain.trim().trim_end_matches('.').to_lowercase();
    if domain.is_empty() || COMMON_DOMAINS.contains(&domain.as_str()) {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for &known in COMMON_DOMAINS {
        // Short names tolerate one slip, longer ones two.
        let allowed = if known.len() <= 7 { 1 } else { 2 };
        let d = edit_distance(&domain, known);
        if d <= allowed && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, known));
        }
    }
    best.map(|(_, known)| known)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// What a provider itself says about the two protocols.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance {
    /// The protocol the provider asks for, if it asks for one.
    pub wants: Option<Protocol>,
    /// In our words.
    pub text: String,
}

/// The provider's stance, by the provider id discovery reported or by the domain.
pub fn provider_stance(provider_id: Option<&str>, domain: &str) -> Option<Stance> {
    let spectrum = matches!(provider_id, Some("spectrum"))
        || matches!(domain, "charter.net" | "spectrum.net" | "bresnan.net");
    if spectrum {
        return Some(Stance {
            wants: Some(Protocol::Imap),
            text: t!("stance-spectrum"),
        });
    }
    None
}

/// Everything the "How do you want to read mail?" page says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolGuide {
    /// What we recommend for this person.
    pub recommended: Protocol,
    /// Why, in one or two sentences.
    pub why: String,
    /// The provider's own stance, if known.
    pub stance: Option<Stance>,
    /// Protocols that can be chosen (the provider offers them).
    pub offered: BTreeSet<Protocol>,
    /// For each protocol that cannot be chosen: why not.
    pub unavailable: Vec<(Protocol, String)>,
}

/// What IMAP means for the person, in a few sentences.
pub fn imap_text() -> String {
    t!("protocol-imap-text")
}

/// What POP3 means for the person, in a few sentences.
pub fn pop3_text() -> String {
    t!("protocol-pop3-text")
}

/// Builds the guidance for the protocols a provider offers and what the person told us.
/// `offered` holds the incoming protocols discovery found (IMAP, POP3 or both).
pub fn guide(
    offered: &BTreeSet<Protocol>,
    one_device: bool,
    offline: bool,
    stance: Option<Stance>,
) -> ProtocolGuide {
    let has_imap = offered.contains(&Protocol::Imap);
    let has_pop3 = offered.contains(&Protocol::Pop3);
    let mut unavailable = Vec::new();
    if !has_imap {
        unavailable.push((Protocol::Imap, t!("protocol-no-imap")));
    }
    if !has_pop3 {
        unavailable.push((Protocol::Pop3, t!("protocol-no-pop3")));
    }
    let provider_wants_imap = stance.as_ref().and_then(|s| s.wants) == Some(Protocol::Imap);
    let (recommended, why) = if !has_imap && has_pop3 {
        (Protocol::Pop3, t!("protocol-why-pop3-only"))
    } else if (one_device || offline) && has_pop3 && !provider_wants_imap {
        let why = match (one_device, offline) {
            (true, true) => t!("protocol-why-pop3-one-device-offline"),
            (true, false) => t!("protocol-why-pop3-one-device"),
            _ => t!("protocol-why-pop3-offline"),
        };
        (Protocol::Pop3, why)
    } else if (one_device || offline) && provider_wants_imap {
        (Protocol::Imap, t!("protocol-why-imap-provider"))
    } else {
        (Protocol::Imap, t!("protocol-why-imap"))
    };
    ProtocolGuide {
        recommended,
        why,
        stance,
        offered: offered.clone(),
        unavailable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_of_common_domains_get_a_hint() {
        assert_eq!(suggest_domain("gmial.com"), Some("gmail.com"));
        assert_eq!(suggest_domain("gmail.con"), Some("gmail.com"));
        assert_eq!(suggest_domain("gmai.com"), Some("gmail.com"));
        assert_eq!(suggest_domain("hotmial.com"), Some("hotmail.com"));
        assert_eq!(suggest_domain("yahooo.com"), Some("yahoo.com"));
        assert_eq!(suggest_domain("chartr.net"), Some("charter.net"));
        assert_eq!(suggest_domain("Outlok.com"), Some("outlook.com"));
    }

    #[test]
    fn real_domains_and_strangers_get_no_hint() {
        for d in [
            "gmail.com",
            "mail.com",
            "gmx.de",
            "me.com",
            "aim.com",
            "example.org",
        ] {
            assert_eq!(suggest_domain(d), None, "{d}");
        }
        assert_eq!(suggest_domain("mycompany.example"), None);
        assert_eq!(suggest_domain(""), None);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("gmial", "gmail"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    fn both() -> BTreeSet<Protocol> {
        [Protocol::Imap, Protocol::Pop3].into_iter().collect()
    }

    #[test]
    fn imap_is_recommended_unless_the_person_says_one_device_or_offline() {
        let g = guide(&both(), false, false, None);
        assert_eq!(g.recommended, Protocol::Imap);
        assert!(g.unavailable.is_empty());
        assert_eq!(
            guide(&both(), true, false, None).recommended,
            Protocol::Pop3
        );
        assert_eq!(
            guide(&both(), false, true, None).recommended,
            Protocol::Pop3
        );
    }

    #[test]
    fn the_providers_stance_wins_over_one_device() {
        let stance = provider_stance(None, "charter.net");
        assert_eq!(stance.as_ref().and_then(|s| s.wants), Some(Protocol::Imap));
        let g = guide(&both(), true, true, stance);
        assert_eq!(g.recommended, Protocol::Imap);
        assert!(g.stance.is_some());
        assert!(provider_stance(None, "example.com").is_none());
        assert!(provider_stance(Some("spectrum"), "nc.rr.com").is_some());
    }

    #[test]
    fn protocols_not_offered_are_explained() {
        let imap_only: BTreeSet<_> = [Protocol::Imap].into_iter().collect();
        let g = guide(&imap_only, true, true, None);
        assert_eq!(g.recommended, Protocol::Imap);
        assert_eq!(g.unavailable.len(), 1);
        assert_eq!(g.unavailable[0].0, Protocol::Pop3);
        let pop_only: BTreeSet<_> = [Protocol::Pop3].into_iter().collect();
        let g = guide(&pop_only, false, false, None);
        assert_eq!(g.recommended, Protocol::Pop3);
        assert_eq!(g.unavailable[0].0, Protocol::Imap);
    }
}
