//! The registrable domain of a host name ("eTLD+1"), by the Public Suffix List
//! (<https://publicsuffix.org/list/>): `mx.nc.rr.com` → `rr.com`, `mx1.example.co.uk` →
//! `example.co.uk`, `foo.bar.ck` → `foo.bar.ck` (`*.ck`), `www.ck` → `www.ck` (`!www.ck`).
//!
//! The list is data, not code: `assets/public_suffix_list.dat` (the list as publicsuffix.org
//! publishes it, both its ICANN and private sections; `scripts/update-public-suffix-list`
//! refreshes it) is stripped of comments and zlib-compressed by `build.rs` (about 45 KB in the
//! binary, where the `psl` crate compiled it into 631 KiB of code). The first lookup inflates it
//! and builds three sets (rules, wildcard bases, exceptions), with each internationalised rule
//! in its Unicode and its ACE (`xn--`) form; later lookups only read them.
//!
//! A lookup follows the list's algorithm: of the rules matching the host, an exception rule
//! wins (its suffix is the rule minus its first label), else the rule with most labels, else
//! the implicit `*` (the last label). The registrable domain is that suffix plus one more label;
//! a host that is itself a public suffix has none. Labels are compared byte for byte (callers
//! lower-case first); a final dot is ignored. The answers are those the `psl` crate (2.1.247,
//! the same list) gave before, but for hosts where a wildcard rule and a deeper one overlap
//! (`svc.firenet.ch` under `*.firenet.ch` and `*.svc.firenet.ch`), where `psl` lost the first.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The list, comments stripped, one rule a line, zlib-compressed by build.rs.
const LIST_ZLIB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/public_suffix_list.z"));

/// The parsed list: which suffixes are rules, which are wildcard bases (`*.ck` → `ck`), which
/// are exceptions (`!www.ck` → `www.ck`).
#[derive(Debug, Default)]
struct Rules {
    plain: HashSet<Box<str>>,
    wildcard: HashSet<Box<str>>,
    exception: HashSet<Box<str>>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    match fdeflate::decompress_to_vec(LIST_ZLIB) {
        Ok(bytes) => Rules::parse(&String::from_utf8_lossy(&bytes)),
        // build.rs wrote these bytes; a test inflates them. Without a list every host falls
        // back to the implicit `*` rule (its last label is the suffix).
        Err(e) => {
            tracing::error!("public suffix list unreadable: {e:?}");
            Rules::default()
        }
    }
});

impl Rules {
    /// Reads a list in publicsuffix.org's format: one rule a line, up to the first white
    /// space; `//` starts a comment line.
    fn parse(text: &str) -> Rules {
        let mut rules = Rules::default();
        for line in text.lines() {
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            if rule.starts_with("//") {
                continue;
            }
            rules.add(rule);
            if !rule.is_ascii()
                && let Some(ace) = ace_form(rule)
            {
                rules.add(&ace);
            }
        }
        rules
    }

    fn add(&mut self, rule: &str) {
        if let Some(base) = rule.strip_prefix("*.") {
            self.wildcard.insert(base.into());
        } else if let Some(exception) = rule.strip_prefix('!') {
            self.exception.insert(exception.into());
        } else {
            self.plain.insert(rule.into());
        }
    }

    /// The byte length of the public suffix at the end of `name` (no final dot): 0 only for
    /// an empty name.
    fn suffix_len(&self, name: &str) -> usize {
        // Every suffix of `name` that starts at a label, shortest first.
        let mut starts: Vec<usize> = name.rmatch_indices('.').map(|(i, _)| i + 1).collect();
        starts.push(0);
        let mut best = 0;
        let mut previous: Option<&str> = None;
        for &start in &starts {
            let suffix = &name[start..];
            if self.exception.contains(suffix) {
                // The exception's own suffix: the rule without its first label.
                return previous.map_or(0, str::len);
            }
            let by_wildcard = previous.is_some_and(|p| self.wildcard.contains(p));
            if self.plain.contains(suffix) || by_wildcard {
                best = suffix.len();
            }
            previous = Some(suffix);
        }
        if best == 0 {
            // The implicit `*` rule: the last label.
            best = name.len() - starts.first().copied().unwrap_or(0);
        }
        best
    }
}

/// The ACE form of an internationalised rule (`個人.香港` → `xn--ciqpn.xn--j6w193g`), label by
/// label so that `*` and `!` stay as they are.
fn ace_form(rule: &str) -> Option<String> {
    let (mark, rest) = match rule.strip_prefix('!') {
        Some(rest) => ("!", rest),
        None => ("", rule),
    };
    let labels: Option<Vec<String>> = rest
        .split('.')
        .map(|label| {
            if label.is_ascii() {
                Some(label.to_string())
            } else {
                idna::punycode::encode_str(label).map(|p| format!("xn--{p}"))
            }
        })
        .collect();
    Some(format!("{mark}{}", labels?.join(".")))
}

/// The registrable domain of `host`: its public suffix plus one label, without a final dot.
/// `None` for a host that is a public suffix itself, or has an empty label there.
pub fn registrable_domain(host: &str) -> Option<&str> {
    let name = host.strip_suffix('.').unwrap_or(host);
    let suffix_len = RULES.suffix_len(name);
    if suffix_len == 0 || name.len() < suffix_len + 2 {
        return None;
    }
    let below = &name[..name.len() - suffix_len - 1];
    let label = below.rsplit('.').next().unwrap_or(below);
    Some(&name[name.len() - suffix_len - 1 - label.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(host: &str) -> Option<&str> {
        registrable_domain(host)
    }

    #[test]
    fn the_embedded_list_inflates_and_holds_both_sections() {
        let rules = &*RULES;
        // ICANN section, private section (github.io, blogspot.com), wildcards, exceptions.
        assert!(rules.plain.len() > 9000, "{} rules", rules.plain.len());
        for rule in [
            "com",
            "co.uk",
            "github.io",
            "blogspot.com",
            "香港",
            "xn--j6w193g",
        ] {
            assert!(rules.plain.contains(rule), "{rule} missing");
        }
        assert!(rules.wildcard.contains("ck"));
        assert!(rules.exception.contains("www.ck"));
    }

    #[test]
    fn plain_rules_take_the_longest_match() {
        assert_eq!(domain("mx1.example.co.uk"), Some("example.co.uk"));
        assert_eq!(domain("aspmx.l.google.com"), Some("google.com"));
        assert_eq!(domain("mx.nc.rr.com"), Some("rr.com"));
        assert_eq!(domain("example.com"), Some("example.com"));
        assert_eq!(domain("co.uk"), None);
        assert_eq!(domain("com"), None);
        assert_eq!(domain("a.b.c.kawasaki.jp"), Some("b.c.kawasaki.jp"));
    }

    #[test]
    fn wildcards_and_their_exceptions() {
        // `*.ck` makes every second-level name a suffix; `!www.ck` takes www.ck back out.
        assert_eq!(domain("foo.bar.ck"), Some("foo.bar.ck"));
        assert_eq!(domain("a.foo.bar.ck"), Some("foo.bar.ck"));
        assert_eq!(domain("bar.ck"), None);
        assert_eq!(domain("www.ck"), Some("www.ck"));
        assert_eq!(domain("mail.www.ck"), Some("www.ck"));
        // `*.kawasaki.jp` with `!city.kawasaki.jp`.
        assert_eq!(domain("city.kawasaki.jp"), Some("city.kawasaki.jp"));
        assert_eq!(domain("www.city.kawasaki.jp"), Some("city.kawasaki.jp"));
        assert_eq!(domain("x.y.kawasaki.jp"), Some("x.y.kawasaki.jp"));
        // `*.firenet.ch` beside `*.svc.firenet.ch`: svc.firenet.ch is a suffix by the first.
        // (The `psl` crate answered `firenet.ch` here, and so for the 21 other names of this kind
        // in the list: its generated code followed the `svc` branch and lost the wildcard.)
        assert_eq!(domain("svc.firenet.ch"), None);
        assert_eq!(domain("a.svc.firenet.ch"), None);
        assert_eq!(domain("b.a.svc.firenet.ch"), Some("b.a.svc.firenet.ch"));
        assert_eq!(domain("a.other.firenet.ch"), Some("a.other.firenet.ch"));
    }

    #[test]
    fn the_private_section_counts() {
        assert_eq!(domain("someone.github.io"), Some("someone.github.io"));
        assert_eq!(domain("a.someone.github.io"), Some("someone.github.io"));
        assert_eq!(domain("github.io"), None);
        assert_eq!(domain("me.blogspot.com"), Some("me.blogspot.com"));
    }

    #[test]
    fn unknown_tlds_use_the_implicit_star_rule() {
        assert_eq!(domain("mx.mailhost.test"), Some("mailhost.test"));
        assert_eq!(domain("mailhost.test"), Some("mailhost.test"));
        assert_eq!(domain("test"), None);
        assert_eq!(domain("localhost"), None);
        assert_eq!(domain(""), None);
    }

    #[test]
    fn internationalised_rules_match_in_both_forms() {
        assert_eq!(domain("shop.個人.香港"), Some("shop.個人.香港"));
        assert_eq!(
            domain("www.shop.xn--gmqw5a.xn--j6w193g"),
            Some("shop.xn--gmqw5a.xn--j6w193g")
        );
        assert_eq!(domain("xn--gmqw5a.xn--j6w193g"), None);
        assert_eq!(domain("example.xn--j6w193g"), Some("example.xn--j6w193g"));
    }

    #[test]
    fn final_dots_and_empty_labels() {
        assert_eq!(domain("aspmx.l.google.com."), Some("google.com"));
        assert_eq!(domain("com."), None);
        assert_eq!(domain("."), None);
        assert_eq!(domain("..com"), Some(".com"));
    }

    #[test]
    fn comments_and_blank_lines_are_not_rules() {
        let rules = Rules::parse(
            "// ===BEGIN ICANN DOMAINS===\n\n// ck : x\n*.ck\n!www.ck\nuk\nco.uk  trailing\n",
        );
        assert_eq!(rules.plain.len(), 2);
        assert!(rules.plain.contains("co.uk"));
        assert_eq!(rules.suffix_len("a.b.ck"), "b.ck".len());
        assert_eq!(rules.suffix_len("www.ck"), "ck".len());
    }
}
