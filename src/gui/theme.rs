//! The look: text sizes and spacing for both light and dark mode (the window follows the
//! operating system's setting), and the colours of ticks, crosses and warnings. Colour is
//! never the only signal: every status also has a symbol and words.

use egui::{Color32, FontId, TextStyle, Theme, ThemePreference};

/// Sets text sizes and spacing for both themes and follows the system's light/dark setting.
pub fn apply(ctx: &egui::Context) {
    ctx.options_mut(|o| o.theme_preference = ThemePreference::System);
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            use egui::FontFamily::{Monospace, Proportional};
            style.text_styles = [
                (TextStyle::Heading, FontId::new(22.0, Proportional)),
                (TextStyle::Body, FontId::new(14.5, Proportional)),
                (TextStyle::Button, FontId::new(14.5, Proportional)),
                (TextStyle::Small, FontId::new(12.0, Proportional)),
                (TextStyle::Monospace, FontId::new(12.5, Monospace)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(8.0, 8.0);
            style.spacing.button_padding = egui::vec2(12.0, 5.0);
            style.spacing.interact_size.y = 26.0;
            style.spacing.text_edit_width = 320.0;
        });
    }
}

/// Colours that stay readable on the theme in use.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub ok: Color32,
    pub fail: Color32,
    pub warn: Color32,
    pub muted: Color32,
    pub note_fill: Color32,
    pub fail_fill: Color32,
    pub warn_fill: Color32,
}

/// The palette for a `Ui`'s current theme.
pub fn palette(ui: &egui::Ui) -> Palette {
    if ui.visuals().dark_mode {
        Palette {
            ok: Color32::from_rgb(0x4a, 0xc2, 0x6b),
            fail: Color32::from_rgb(0xf8, 0x6a, 0x60),
            warn: Color32::from_rgb(0xe3, 0xb3, 0x41),
            muted: Color32::from_gray(160),
            note_fill: Color32::from_rgb(0x1d, 0x2a, 0x3a),
            fail_fill: Color32::from_rgb(0x3a, 0x1e, 0x1e),
            warn_fill: Color32::from_rgb(0x38, 0x2f, 0x16),
        }
    } else {
        Palette {
            ok: Color32::from_rgb(0x1a, 0x7f, 0x37),
            fail: Color32::from_rgb(0xc0, 0x1f, 0x2b),
            warn: Color32::from_rgb(0x8a, 0x5a, 0x00),
            muted: Color32::from_gray(90),
            note_fill: Color32::from_rgb(0xe8, 0xf1, 0xfb),
            fail_fill: Color32::from_rgb(0xfb, 0xea, 0xea),
            warn_fill: Color32::from_rgb(0xfb, 0xf3, 0xdc),
        }
    }
}
