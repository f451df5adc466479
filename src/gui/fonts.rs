//! Fonts for every language we ship. egui's own fonts cover Latin scripts; for Japanese (and
//! any other character they lack) the operating system's fonts are looked up on demand
//! through eframe's system font provider (`fontique`: fontconfig on Linux, DirectWrite on
//! Windows, CoreText on macOS). The provider is told the window's language, so a Han
//! character is drawn from a Japanese font where both Japanese and Chinese fonts exist.
//!
//! On Linux a Japanese font must be installed (the .deb suggests one); without it the
//! Japanese text shows as boxes, while every other language still draws.
//!
//! egui's own fonts (Ubuntu Light for text, Hack for code, egui's few icons) are installed here,
//! as egui's `default_fonts` feature would, with the same families and tweaks, but stored
//! zlib-compressed by build.rs (318 KB instead of 675 KB in the binary) and inflated once, when
//! the first window or test context is set up.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

use egui_system_font_provider::SystemFontProvider;

use crate::i18n::Language;

/// egui's fonts as build.rs compressed them: (name, zlib bytes, scale).
const BUNDLED: [(&str, &[u8], f32); 3] = [
    (
        "Hack",
        include_bytes!(concat!(env!("OUT_DIR"), "/Hack-Regular.ttf.z")),
        1.0,
    ),
    (
        "Ubuntu-Light",
        include_bytes!(concat!(env!("OUT_DIR"), "/Ubuntu-Light.ttf.z")),
        1.0,
    ),
    // The handful of icons in `egui::special_emojis`; smaller, as egui draws them.
    (
        "egui-icons",
        include_bytes!(concat!(env!("OUT_DIR"), "/egui-icons.ttf.z")),
        0.90,
    ),
];

/// egui's fonts and families, as its `default_fonts` feature defines them (`None` if the
/// embedded bytes do not inflate: then egui shows no text but the window still works).
static DEFINITIONS: LazyLock<Option<FontDefinitions>> = LazyLock::new(|| {
    let mut font_data = BTreeMap::new();
    for (name, compressed, scale) in BUNDLED {
        let bytes = match fdeflate::decompress_to_vec(compressed) {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::error!("built-in font {name} unreadable: {e:?}");
                return None;
            }
        };
        let tweak = FontTweak {
            scale,
            ..FontTweak::default()
        };
        font_data.insert(
            name.to_owned(),
            Arc::new(FontData::from_owned(bytes).tweak(tweak)),
        );
    }
    let family = |names: &[&str]| -> Vec<String> {
        names
            .iter()
            .chain(&["egui-icons"])
            .map(|n| n.to_string())
            .collect()
    };
    let mut families = BTreeMap::new();
    // Ubuntu Light after Hack for what Hack lacks (√ and the like).
    families.insert(FontFamily::Monospace, family(&["Hack", "Ubuntu-Light"]));
    families.insert(FontFamily::Proportional, family(&["Ubuntu-Light"]));
    Some(FontDefinitions {
        font_data,
        families,
    })
});

/// Installs egui's fonts and adds the system font fallback for `language` to the context
/// (once per context: the window calls it at start, tests in their context setup).
pub fn install(ctx: &egui::Context, language: Language) {
    if let Some(definitions) = DEFINITIONS.as_ref() {
        ctx.set_fonts(definitions.clone());
    }
    ctx.add_font_provider(Arc::new(
        SystemFontProvider::new().with_locale(Some(language.tag())),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_are_eguis_own() {
        // Test builds turn egui's `default_fonts` on (dev-dependency): ours must be the same
        // files, families and tweaks, so the shipped window looks as the tests see it.
        let ours = DEFINITIONS.clone().unwrap_or_else(FontDefinitions::empty);
        let eguis = FontDefinitions::default();
        assert_eq!(ours.families, eguis.families);
        assert_eq!(
            ours.font_data.keys().collect::<Vec<_>>(),
            eguis.font_data.keys().collect::<Vec<_>>()
        );
        for (name, data) in &eguis.font_data {
            let mine = &ours.font_data[name];
            let (a, b): (&[u8], &[u8]) = ((*mine.font).as_ref(), (*data.font).as_ref());
            assert!(a == b, "{name}: different bytes");
            assert_eq!(mine.tweak, data.tweak, "{name}");
            assert_eq!(mine.index, data.index, "{name}");
        }
        assert_eq!((*ours.font_data["Hack"].font).as_ref().len(), 309_408);
    }
}
