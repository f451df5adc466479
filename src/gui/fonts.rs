//! Fonts for every language we ship. egui's own fonts cover Latin scripts; for Japanese (and
//! any other character they lack) the operating system's fonts are looked up on demand
//! through eframe's system font provider (`fontique`: fontconfig on Linux, DirectWrite on
//! Windows, CoreText on macOS). The provider is told the window's language, so a Han
//! character is drawn from a Japanese font where both Japanese and Chinese fonts exist.
//!
//! On Linux a Japanese font must be installed (the .deb suggests one); without it the
//! Japanese text shows as boxes, while every other language still draws.

use std::sync::Arc;

use egui_system_font_provider::SystemFontProvider;

use crate::i18n::Language;

/// Adds the system font fallback for `language` to the context (once per context: the
/// window calls it at start, tests in their context setup).
pub fn install(ctx: &egui::Context, language: Language) {
    ctx.add_font_provider(Arc::new(
        SystemFontProvider::new().with_locale(Some(language.tag())),
    ));
}
