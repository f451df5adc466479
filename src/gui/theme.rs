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
            // A page taller than the window shows its scroll bar at all times (egui's
            // floating bars are invisible until hovered: nothing would say there is more).
            style.spacing.scroll = egui::style::ScrollStyle::thin();
            // egui's own weak text and light-theme links fall below 4.5:1 (WCAG 1.4.3):
            // darker (light theme) or brighter (dark theme) ones, checked by the tests below.
            let v = &mut style.visuals;
            if theme == Theme::Light {
                v.weak_text_color = Some(Color32::from_gray(100));
                v.hyperlink_color = Color32::from_rgb(0x00, 0x60, 0xc0);
            } else {
                v.weak_text_color = Some(Color32::from_gray(132));
            }
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
    palette_for(ui.visuals().dark_mode)
}

/// The palette for the dark (`true`) or light theme.
pub fn palette_for(dark: bool) -> Palette {
    if dark {
        Palette {
            ok: Color32::from_rgb(0x4a, 0xc2, 0x6b),
            fail: Color32::from_rgb(0xf8, 0x6a, 0x60),
            warn: Color32::from_rgb(0xe3, 0xb3, 0x41),
            muted: Color32::from_gray(160),
            note_fill: Color32::from_rgb(0x17, 0x21, 0x2e),
            fail_fill: Color32::from_rgb(0x3a, 0x1e, 0x1e),
            warn_fill: Color32::from_rgb(0x26, 0x20, 0x10),
        }
    } else {
        Palette {
            ok: Color32::from_rgb(0x18, 0x7a, 0x34),
            fail: Color32::from_rgb(0xc0, 0x1f, 0x2b),
            warn: Color32::from_rgb(0x8a, 0x5a, 0x00),
            muted: Color32::from_gray(90),
            note_fill: Color32::from_rgb(0xe8, 0xf1, 0xfb),
            fail_fill: Color32::from_rgb(0xfb, 0xea, 0xea),
            warn_fill: Color32::from_rgb(0xfb, 0xf3, 0xdc),
        }
    }
}

#[cfg(test)]
mod tests {
    //! WCAG 2.x contrast (1.4.3, text at least 4.5:1) of every text colour the window draws,
    //! on every background it draws it on, in both themes.

    use super::*;

    /// Relative luminance of an opaque sRGB colour (WCAG 2.x definition).
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    /// A (premultiplied, possibly translucent) colour drawn over an opaque background.
    fn over(fg: Color32, bg: Color32) -> Color32 {
        let a = f64::from(fg.a()) / 255.0;
        let mix = |f: u8, b: u8| (f64::from(f) + f64::from(b) * (1.0 - a)).round().min(255.0) as u8;
        Color32::from_rgb(
            mix(fg.r(), bg.r()),
            mix(fg.g(), bg.g()),
            mix(fg.b(), bg.b()),
        )
    }

    fn contrast(fg: Color32, bg: Color32) -> f64 {
        let (a, b) = (luminance(over(fg, bg)), luminance(bg));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn contrast_formula_matches_known_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        let grey = contrast(Color32::from_gray(0x76), Color32::WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }

    #[test]
    fn every_text_colour_has_at_least_4_5_to_1_contrast_in_both_themes() {
        let ctx = egui::Context::default();
        apply(&ctx);
        let mut failures = Vec::new();
        for theme in [Theme::Light, Theme::Dark] {
            let style = ctx.style_of(theme);
            let v = &style.visuals;
            let p = palette_for(v.dark_mode);
            let text = v.text_color();
            let pairs = [
                ("text on panel", text, v.panel_fill),
                ("text on window", text, v.window_fill),
                ("text in a protocol box", text, v.faint_bg_color),
                ("text in a field", text, v.extreme_bg_color),
                ("text in a note", text, p.note_fill),
                ("text in a failure box", text, p.fail_fill),
                ("text in a warning box", text, p.warn_fill),
                ("weak text on panel", v.weak_text_color(), v.panel_fill),
                (
                    "hint text in a field",
                    v.weak_text_color(),
                    v.extreme_bg_color,
                ),
                ("strong text on panel", v.strong_text_color(), v.panel_fill),
                ("ok on panel", p.ok, v.panel_fill),
                ("ok in the success box", p.ok, p.note_fill),
                ("failure on panel", p.fail, v.panel_fill),
                ("failure in a failure box", p.fail, p.fail_fill),
                ("warning on panel", p.warn, v.panel_fill),
                ("warning in a warning box", p.warn, p.warn_fill),
                ("muted on panel", p.muted, v.panel_fill),
                ("muted in a protocol box", p.muted, v.faint_bg_color),
                ("link on panel", v.hyperlink_color, v.panel_fill),
                ("link in a note", v.hyperlink_color, p.note_fill),
                ("link in a warning box", v.hyperlink_color, p.warn_fill),
                (
                    "primary button",
                    v.selection.stroke.color,
                    v.selection.bg_fill,
                ),
                (
                    "button",
                    v.widgets.inactive.fg_stroke.color,
                    v.widgets.inactive.weak_bg_fill,
                ),
                (
                    "button under the pointer",
                    v.widgets.hovered.fg_stroke.color,
                    v.widgets.hovered.weak_bg_fill,
                ),
                (
                    "button pressed",
                    v.widgets.active.fg_stroke.color,
                    v.widgets.active.weak_bg_fill,
                ),
            ];
            for (what, fg, bg) in pairs {
                // A translucent background (faint_bg_color) is drawn over the panel.
                let bg = over(bg, v.panel_fill);
                let c = contrast(fg, bg);
                if c < 4.5 {
                    failures.push(format!("{theme:?}: {what}: {c:.2}:1 ({fg:?} on {bg:?})"));
                }
            }
        }
        assert!(failures.is_empty(), "below 4.5:1:\n{}", failures.join("\n"));
    }
}
