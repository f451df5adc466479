//! Small pieces every page uses: a text field tied to its label (so screen readers and
//! kittest know its name), boxed notes, status symbols with words, and time formatting.

use egui::{Color32, Id, Response, RichText, TextEdit, Ui};

use super::theme::{Palette, palette};

/// A labelled one-line text field. Returns the response and whether the text changed.
pub fn text_field(ui: &mut Ui, label: &str, text: &mut String, hint: &str, id: Id) -> Response {
    let l = ui.label(label);
    ui.add(
        TextEdit::singleline(text)
            .id(id)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id)
}

/// A box with a coloured edge for notes, warnings and errors.
pub fn boxed(ui: &mut Ui, fill: Color32, edge: Color32, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, edge))
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        });
}

/// Milliseconds for people: "12 ms", "1.4 s".
pub fn duration(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else {
        format!("{:.1} s", ms as f64 / 1000.0)
    }
}

/// How a line of progress looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Waiting,
    Running,
    Ok,
    Failed,
    Nothing,
    Skipped,
}

/// Draws the mark (spinner, tick, cross …) in a fixed-width slot. Symbols come with the
/// words the caller puts next to them; colour is an extra, not the message.
pub fn mark(ui: &mut Ui, mark: Mark) {
    let p: Palette = palette(ui);
    let size = egui::vec2(20.0, 20.0);
    ui.allocate_ui(size, |ui| {
        ui.set_min_size(size);
        match mark {
            Mark::Running => {
                ui.add(egui::Spinner::new().size(14.0));
            }
            Mark::Waiting => {
                ui.label(RichText::new("○").color(p.muted));
            }
            Mark::Ok => {
                ui.label(RichText::new("✔").color(p.ok).strong());
            }
            Mark::Failed => {
                ui.label(RichText::new("✖").color(p.fail).strong());
            }
            Mark::Nothing => {
                ui.label(RichText::new("–").color(p.muted));
            }
            Mark::Skipped => {
                ui.label(RichText::new("⚠").color(p.warn));
            }
        }
    });
}

/// A button that is greyed out unless `enabled`; true when clicked.
pub fn button(ui: &mut Ui, text: &str, enabled: bool) -> bool {
    ui.add_enabled(enabled, egui::Button::new(text)).clicked()
}

/// The main button of a page, drawn a little stronger.
pub fn primary(ui: &mut Ui, text: &str, enabled: bool) -> bool {
    let fill = ui.visuals().selection.bg_fill;
    let text_color = ui.visuals().selection.stroke.color;
    let b = egui::Button::new(RichText::new(text).color(text_color).strong()).fill(fill);
    ui.add_enabled(enabled, b).clicked()
}
