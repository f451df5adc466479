//! Translations: every sentence the window and the CLI show a person comes from here.
//!
//! The text lives in Fluent files, one per language, `i18n/<language>/mailsetup.ftl`, embedded
//! in the binary zlib-compressed by build.rs (90 KB instead of 313 KB) and inflated once, when
//! the first text is asked for. English (`en-US`) is the reference: `t!` (a wrapper around
//! `i18n-embed-fl`'s `fl!`) checks at compile time that a key exists in the English file and
//! that the arguments passed are the ones its message uses. At run time a key missing from the
//! chosen language falls back to English (the loader chains the chosen bundle, then English).
//! Plural forms and numbers are Fluent's (`{ $count -> [one] … *[other] … }`, CLDR rules).
//!
//! Why this stack: `i18n-embed` + `i18n-embed-fl` is maintained with Fluent itself, gives the
//! compile-time key check `fluent-templates` lacks, and costs little: `fluent-bundle`,
//! `intl-memoizer`, `unic-langid`, `sys-locale` and `arc-swap` (the proc macros
//! run at build time only). The Unicode isolation marks Fluent puts around arguments are
//! turned off: no right-to-left language ships, and egui would draw the marks.
//!
//! Which language, in order: an explicit choice (`--lang`, `MAILSETUP_LANG`, or the window's
//! selector, remembered in `window.json` beside the accounts), else the system locale
//! (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` on Linux; the user's preferred languages on
//! Windows and macOS), else English. Until someone chooses, the library speaks English: tests
//! that build the window or call the engine get English whatever the machine's locale is.
//!
//! Stable identifiers are never translated: cause codes, JSON keys and values, CLI flags.

/// `t!("key")` / `t!("key", name = value, …)`: the message in the current language. The key
/// and argument names are checked against the English file at compile time.
#[macro_export]
macro_rules! t {
    ($($args:tt)*) => {
        i18n_embed_fl::fl!($crate::i18n::loader(), $($args)*)
    };
}

use std::borrow::Cow;
use std::sync::{Arc, LazyLock, RwLock};

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::{I18nAssets, LanguageLoader, unic_langid::LanguageIdentifier};

/// The .ftl files, embedded compressed (build.rs), as `<tag>/mailsetup.ftl`.
struct Localizations;

/// One language's .ftl file, as build.rs compressed it (zlib).
macro_rules! compressed_ftl {
    ($tag:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $tag, ".ftl.z")).as_slice()
    };
}

impl Language {
    /// The language's .ftl file, zlib-compressed.
    fn compressed_ftl(self) -> &'static [u8] {
        match self {
            Language::English => compressed_ftl!("en-US"),
            Language::Spanish => compressed_ftl!("es"),
            Language::French => compressed_ftl!("fr"),
            Language::German => compressed_ftl!("de"),
            Language::BrazilianPortuguese => compressed_ftl!("pt-BR"),
            Language::Japanese => compressed_ftl!("ja"),
        }
    }

    /// The path of its .ftl file among the assets: `<tag>/mailsetup.ftl`.
    fn ftl_path(self) -> String {
        format!("{}/{DOMAIN}.ftl", self.tag())
    }

    /// The language's .ftl file, inflated (`None` if the embedded bytes do not inflate).
    fn ftl(self) -> Option<Vec<u8>> {
        match fdeflate::decompress_to_vec(self.compressed_ftl()) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                tracing::error!("translations for {self} unreadable: {e:?}");
                None
            }
        }
    }
}

impl I18nAssets for Localizations {
    fn get_files(&self, file_path: &str) -> Vec<Cow<'_, [u8]>> {
        Language::ALL
            .into_iter()
            .filter(|l| l.ftl_path() == file_path)
            .filter_map(Language::ftl)
            .map(Cow::Owned)
            .collect()
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(Language::ALL.into_iter().map(Language::ftl_path))
    }
}

/// The Fluent domain: the file name of each language's .ftl.
pub const DOMAIN: &str = "mailsetup";

/// The environment variable that sets the language for the window and the CLI (before the
/// system locale; `--lang` wins over it).
pub const LANG_ENV: &str = "MAILSETUP_LANG";

/// The languages we ship. English is the reference every other file is checked against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    #[default]
    English,
    Spanish,
    French,
    German,
    BrazilianPortuguese,
    Japanese,
}

impl Language {
    /// All languages, English first (the selector's order).
    pub const ALL: [Language; 6] = [
        Language::English,
        Language::Spanish,
        Language::French,
        Language::German,
        Language::BrazilianPortuguese,
        Language::Japanese,
    ];

    /// The BCP 47 tag, also the folder name under `i18n/` and the value `--lang` takes.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en-US",
            Language::Spanish => "es",
            Language::French => "fr",
            Language::German => "de",
            Language::BrazilianPortuguese => "pt-BR",
            Language::Japanese => "ja",
        }
    }

    /// The language's name in itself (what the selector shows; never translated).
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
            Language::French => "Français",
            Language::German => "Deutsch",
            Language::BrazilianPortuguese => "Português (Brasil)",
            Language::Japanese => "日本語",
        }
    }

    /// The language for a locale name: a BCP 47 tag (`de-AT`), a POSIX locale
    /// (`pt_BR.UTF-8`, `fr_FR@euro`) or a bare language (`ja`). Any Portuguese maps to the
    /// Brazilian file, the only Portuguese we ship. `C`, `POSIX` and unknown languages give
    /// `None`.
    pub fn from_locale(name: &str) -> Option<Language> {
        let base = name
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .split(['_', '-'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Language::English),
            "es" => Some(Language::Spanish),
            "fr" => Some(Language::French),
            "de" => Some(Language::German),
            "pt" => Some(Language::BrazilianPortuguese),
            "ja" => Some(Language::Japanese),
            _ => None,
        }
    }

    fn identifier(self) -> LanguageIdentifier {
        // The tags above are valid BCP 47; the fallback keeps this total.
        self.tag().parse().unwrap_or_default()
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// A loader with every shipped language parsed once (bundles are shared by the loaders made
/// from it with `select_languages`).
static ALL: LazyLock<FluentLanguageLoader> = LazyLock::new(|| load_all(&Localizations));

/// Parses every shipped language from `assets` into one loader, isolation marks off.
fn load_all(assets: &dyn I18nAssets) -> FluentLanguageLoader {
    let loader = FluentLanguageLoader::new(DOMAIN, Language::English.identifier());
    let ids: Vec<LanguageIdentifier> = Language::ALL.iter().map(|l| l.identifier()).collect();
    if let Err(e) = loader.load_languages(assets, &ids) {
        // The files are embedded and checked by the tests; should one ever fail to parse,
        // the window still opens and shows the message ids.
        tracing::error!("translations could not be loaded: {e}");
    }
    loader.set_use_isolating(false);
    loader
}

/// A loader over other files (tests): `language` first, then English, as `loader_for`.
pub fn loader_from(assets: &dyn I18nAssets, language: Language) -> FluentLanguageLoader {
    load_all(assets).select_languages(&[language.identifier()])
}

/// The language the text is in now, as a loader (chosen language, then English).
static CURRENT: LazyLock<RwLock<(Language, Arc<FluentLanguageLoader>)>> =
    LazyLock::new(|| RwLock::new((Language::English, Arc::new(loader_for(Language::English)))));

/// A loader that speaks `language` and falls back to English for a missing key.
pub fn loader_for(language: Language) -> FluentLanguageLoader {
    ALL.select_languages(&[language.identifier()])
}

/// The loader `t!` uses: the current language.
pub fn loader() -> Arc<FluentLanguageLoader> {
    let guard = CURRENT.read().unwrap_or_else(|e| e.into_inner());
    guard.1.clone()
}

/// The current language.
pub fn language() -> Language {
    CURRENT.read().unwrap_or_else(|e| e.into_inner()).0
}

/// Speak `language` from now on (the whole process: window, engine and CLI).
pub fn set_language(language: Language) {
    let loader = Arc::new(loader_for(language));
    let mut guard = CURRENT.write().unwrap_or_else(|e| e.into_inner());
    *guard = (language, loader);
}

/// The system's preferred language among ours, if any of its languages is one we ship.
pub fn system_language() -> Option<Language> {
    i18n_embed::DesktopLanguageRequester::requested_languages()
        .iter()
        .find_map(|l| Language::from_locale(&l.to_string()))
}

/// The language chosen explicitly: `--lang` first, then `MAILSETUP_LANG`. An unknown name is
/// an error the CLI reports (with the list of tags).
pub fn explicit_language(flag: Option<&str>) -> Result<Option<Language>, UnknownLanguage> {
    let env = std::env::var(LANG_ENV)
        .ok()
        .filter(|v| !v.trim().is_empty());
    match flag.map(str::to_string).or(env) {
        None => Ok(None),
        Some(name) => Language::from_locale(name.trim())
            .map(Some)
            .ok_or(UnknownLanguage { name }),
    }
}

/// A language name we do not ship.
#[derive(Debug, Clone, thiserror::Error)]
#[error("unknown language {name:?}: choose one of en-US, es, fr, de, pt-BR, ja")]
pub struct UnknownLanguage {
    pub name: String,
}

/// The message `key` in the current language, when the English file has it (for keys made
/// at run time, such as the provider table's notes; `t!` checks the others at compile time).
pub fn translated(key: &str) -> Option<String> {
    let loader = loader();
    loader.has(key).then(|| loader.get(key))
}

/// The raw .ftl text of one language (the completeness tests parse it).
pub fn ftl_source(language: Language) -> Option<String> {
    String::from_utf8(language.ftl()?).ok()
}

/// How many terminal columns `text` takes: the wide and fullwidth characters of East Asian
/// scripts (Japanese among them) take two, everything else one.
pub fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `text` followed by spaces up to `width` terminal columns (see `columns`): a label of an
/// aligned column in any language.
pub fn pad(text: &str, width: usize) -> String {
    let mut out = String::from(text);
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(columns(text)),
    ));
    out
}

/// A number with one decimal, written the way the current language writes it ("1.4" in
/// English and Japanese, "1,4" in the others).
pub fn decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    match language() {
        Language::English | Language::Japanese => text,
        _ => text.replace('.', ","),
    }
}

/// Seconds from milliseconds, one decimal: "1.4 s", "1,4 s", "1.4 秒".
pub fn seconds(ms: u64) -> String {
    t!("unit-seconds", value = decimal(ms as f64 / 1000.0))
}

/// Milliseconds for people: "under 1 ms", "12 ms", "1.4 s".
pub fn duration(ms: u64) -> String {
    if ms == 0 {
        t!("unit-under-1-ms")
    } else if ms < 1000 {
        t!("unit-ms", value = ms)
    } else {
        seconds(ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_takes_two_columns_a_character_and_pads_to_the_same_width() {
        assert_eq!(columns("key"), 3);
        assert_eq!(columns("受信"), 4);
        assert_eq!(columns("（TLS、ユーザー）"), 17);
        assert_eq!(pad("受信", 6), "受信  ");
        assert_eq!(pad("also ok", 9), "also ok  ");
        assert_eq!(pad("Einstellungen", 4), "Einstellungen");
    }

    #[test]
    fn locale_names_map_to_our_languages() {
        assert_eq!(Language::from_locale("de_DE.UTF-8"), Some(Language::German));
        assert_eq!(
            Language::from_locale("pt_PT"),
            Some(Language::BrazilianPortuguese)
        );
        assert_eq!(
            Language::from_locale("pt-BR"),
            Some(Language::BrazilianPortuguese)
        );
        assert_eq!(Language::from_locale("ja"), Some(Language::Japanese));
        assert_eq!(Language::from_locale("fr_CA@euro"), Some(Language::French));
        assert_eq!(Language::from_locale("C.UTF-8"), None);
        assert_eq!(Language::from_locale("POSIX"), None);
        assert_eq!(Language::from_locale("ar_EG"), None);
        for l in Language::ALL {
            assert_eq!(Language::from_locale(l.tag()), Some(l));
        }
    }

    #[test]
    fn every_language_file_is_embedded() {
        for l in Language::ALL {
            let text = ftl_source(l).unwrap_or_default();
            assert!(text.contains("page-account"), "{l}: no file or no keys");
            // Byte for byte the file in the source tree, however it is stored.
            let path = format!("{}/i18n/{}", env!("CARGO_MANIFEST_DIR"), l.ftl_path());
            let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
            assert_eq!(text, on_disk, "{l}: embedded file differs from {path}");
            assert_eq!(Localizations.get_files(&l.ftl_path()).len(), 1, "{l}");
        }
        assert!(Localizations.get_files("xx/mailsetup.ftl").is_empty());
        assert_eq!(Localizations.filenames_iter().count(), Language::ALL.len());
    }

    #[test]
    fn a_loader_speaks_its_language_without_isolation_marks() {
        let de = loader_for(Language::German);
        let text = de.get("nav-next");
        assert_eq!(text, "Weiter");
        let en = loader_for(Language::English);
        let mut args = std::collections::HashMap::new();
        args.insert("suggestion", "a@b.example");
        let hint = en.get_args("account-did-you-mean", args);
        assert_eq!(hint, "Did you mean a@b.example?");
    }
}
