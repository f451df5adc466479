//! The translation catalogue: every language has exactly the English keys (no key missing,
//! none extra), each message uses the same variables as its English original, every file
//! parses without errors, and a key missing from a language falls back to English.
//!
//! `t!` checks the code's keys and arguments against the English file at compile time; this
//! test checks the other languages against English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use mailsetup::i18n::{Language, ftl_source};

/// Key → the variables its value and attributes use.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn catalogue(language: Language) -> Catalogue {
    let text = ftl_source(language).unwrap_or_else(|| panic!("no .ftl file for {language}"));
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, errors)| {
        panic!("{language}: the .ftl file does not parse: {errors:?}")
    });
    let mut out = Catalogue::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{language}: key {} appears twice",
                    m.id.name
                );
            }
            Entry::Junk { content } => panic!("{language}: unparsable text: {content}"),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_language_has_every_english_key_and_no_other() {
    let english = catalogue(Language::English);
    assert!(english.len() > 100, "the English file lost its keys");
    let mut problems = Vec::new();
    for language in Language::ALL {
        let other = catalogue(language);
        for key in english.keys().filter(|k| !other.contains_key(*k)) {
            problems.push(format!("{language}: missing {key}"));
        }
        for key in other.keys().filter(|k| !english.contains_key(*k)) {
            problems.push(format!("{language}: extra {key} (not in English)"));
        }
        for (key, vars) in &english {
            if let Some(theirs) = other.get(key)
                && theirs != vars
            {
                problems.push(format!(
                    "{language}: {key} uses {theirs:?}, English uses {vars:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_translation_is_left_in_english() {
    // A copied English sentence is a missing translation. Short labels may legitimately be
    // the same word ("Port", "Details"), so only sentences of several words count.
    let english = ftl_values(Language::English);
    let mut problems = Vec::new();
    for language in Language::ALL.into_iter().skip(1) {
        for (key, value) in ftl_values(language) {
            if words(&value) >= 4 && english.get(&key) == Some(&value) {
                problems.push(format!("{language}: {key} is still English: {value}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// How many words a message has outside its placeables (`{ $host }` is not a word).
fn words(value: &str) -> usize {
    let mut text = String::new();
    let mut depth = 0usize;
    for c in value.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// Key → the raw text of a one-line message (multi-line ones are skipped).
fn ftl_values(language: Language) -> BTreeMap<String, String> {
    let text = ftl_source(language).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn each_language_speaks_its_own_words() {
    for (language, next) in [
        (Language::English, "Next"),
        (Language::Spanish, "Siguiente"),
        (Language::French, "Suivant"),
        (Language::German, "Weiter"),
        (Language::BrazilianPortuguese, "Avançar"),
        (Language::Japanese, "次へ"),
    ] {
        assert_eq!(mailsetup::i18n::loader_for(language).get("nav-next"), next);
    }
}

#[test]
fn plurals_follow_the_language() {
    use std::collections::HashMap;
    let found = |language, n: u32| {
        let mut args = HashMap::new();
        args.insert("count", n);
        mailsetup::i18n::loader_for(language).get_args("lookup-found", args)
    };
    assert_eq!(found(Language::English, 1), "found 1 server");
    assert_eq!(found(Language::English, 3), "found 3 servers");
    assert_eq!(found(Language::French, 1), "1 serveur trouvé");
    assert_eq!(found(Language::French, 2), "2 serveurs trouvés");
    assert_eq!(
        found(Language::Japanese, 2),
        "2 件のサーバーが見つかりました"
    );
}

#[test]
fn a_key_missing_from_a_language_falls_back_to_english() {
    let loader = mailsetup::i18n::loader_from(&TwoFiles, Language::German);
    assert_eq!(loader.get("greeting"), "Hallo");
    // Only the English file has it: the German loader answers in English, not with the id.
    assert_eq!(loader.get("farewell"), "Goodbye");
}

/// English with two keys, German with one, the other languages with none.
struct TwoFiles;

impl i18n_embed::I18nAssets for TwoFiles {
    fn get_files(&self, file_path: &str) -> Vec<std::borrow::Cow<'_, [u8]>> {
        let text: &[u8] = match file_path {
            "en-US/mailsetup.ftl" => b"greeting = Hello\nfarewell = Goodbye\n",
            "de/mailsetup.ftl" => b"greeting = Hallo\n",
            _ => b"# nothing translated yet\n",
        };
        vec![std::borrow::Cow::Borrowed(text)]
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(
            Language::ALL
                .into_iter()
                .map(|l| format!("{}/mailsetup.ftl", l.tag())),
        )
    }
}

#[test]
fn every_note_of_the_provider_table_has_its_english_key() {
    // The table (assets/providers.json) keeps its English sentences; the window shows the
    // translation under `provider-<id>-note-<n>` / `provider-<id>-enable-first` (and who
    // publishes a server or a disputed claim, `-server-<n>-per` / `-disputed-<n>-by`). The English
    // file must say exactly what the table says, so the two cannot drift apart.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/providers.json");
    let table: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read the table"))
            .expect("the table is JSON");
    let english = mailsetup::i18n::loader_for(Language::English);
    let mut problems = Vec::new();
    let mut checked = 0;
    for p in table["providers"].as_array().expect("a providers list") {
        let id = p["id"].as_str().expect("an id");
        let mut texts = Vec::new();
        if let Some(first) = p["enable_first"].as_str() {
            texts.push((format!("provider-{id}-enable-first"), first));
        }
        for (i, d) in p["disputed"].as_array().into_iter().flatten().enumerate() {
            texts.push((
                format!("provider-{id}-disputed-{}", i + 1),
                d["why"].as_str().unwrap_or(""),
            ));
            texts.push((
                format!("provider-{id}-disputed-{}-by", i + 1),
                d["said_by"].as_str().unwrap_or(""),
            ));
        }
        for (i, s) in p["servers"].as_array().into_iter().flatten().enumerate() {
            if let Some(per) = s["per"].as_str() {
                texts.push((format!("provider-{id}-server-{}-per", i + 1), per));
            }
        }
        if let Some(lockout) = p["help"]["lockout"].as_str() {
            texts.push((format!("provider-{id}-lockout"), lockout));
        }
        for (i, n) in p["notes"].as_array().into_iter().flatten().enumerate() {
            texts.push((
                format!("provider-{id}-note-{}", i + 1),
                n.as_str().unwrap_or(""),
            ));
        }
        for (key, text) in texts {
            checked += 1;
            if !english.has(&key) {
                problems.push(format!("{key} is missing from the English file"));
            } else if english.get(&key) != text {
                problems.push(format!("{key} differs from the table: {text}"));
            }
        }
    }
    assert!(checked > 5, "the table lost its notes");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
