//! A QR code drawn by egui as squares (no image decoding): dark modules on a white square
//! with the four-module quiet zone, dark on light in both themes, each module a whole
//! number of pixels (between 4 and 8) so a phone camera reads it off a laptop screen. The
//! code has an accessible name that says what it is, never what it holds.

use egui::{Color32, Rect, Response, Sense, Ui, vec2};

use crate::export::qr::QrCode;

/// Pixels per module, at most and at least.
const MAX_MODULE: f32 = 8.0;
const MIN_MODULE: f32 = 4.0;

/// Draws `code`; `name` is its accessible name ("QR code for Delta Chat").
pub fn draw(ui: &mut Ui, code: &QrCode, name: &str) -> Response {
    let modules = code.width_with_quiet_zone();
    let ppp = ui.ctx().pixels_per_point();
    // Whole pixels per module: a module never straddles a pixel edge.
    let fit = (ui.available_width().min(360.0) * ppp / modules as f32).floor();
    let module_px = fit.clamp(MIN_MODULE, MAX_MODULE);
    let module = module_px / ppp;
    let side = module * modules as f32;
    let (rect, response) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let origin = egui::emath::GuiRounding::round_to_pixels(rect.min, ppp);
    let painter = ui.painter();
    painter.rect_filled(
        Rect::from_min_size(origin, vec2(side, side)),
        0.0,
        Color32::WHITE,
    );
    for y in 0..modules {
        for x in 0..modules {
            if code.is_dark_framed(x, y) {
                let min = origin + vec2(x as f32 * module, y as f32 * module);
                painter.rect_filled(
                    Rect::from_min_size(min, vec2(module, module)),
                    0.0,
                    Color32::BLACK,
                );
            }
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
    response
}
