//! Small pieces every page uses: a text field tied to its label (so screen readers and
//! kittest know its name), boxed notes, status symbols with words, and time formatting.

use egui::{Color32, Id, Response, RichText, Stroke, TextEdit, Ui};

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

/// Draws `add` in a scope whose id is `key`'s alone, not derived from what was drawn before:
/// for the buttons and switches of a page whose content above them grows while it is shown
/// (checklists filling in, "Both servers work" appearing). An automatic id counts the
/// widgets drawn before it, so it would change between two frames and lose a click, or a
/// screen reader's action, made meanwhile. Each key is drawn once per frame.
pub fn fixed_scope<R>(
    ui: &mut Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    ui.scope_builder(egui::UiBuilder::new().scope_id(Id::unique(key)), add)
        .inner
}

/// Scrolls `response` into view in the first frame it is drawn after not being drawn (a
/// verdict or a failure that just appeared), so a new result is seen wherever the page was
/// scrolled. `key` names the result; each key is drawn once per frame.
pub fn show_when_new(response: &Response, key: impl std::hash::Hash + std::fmt::Debug) {
    let id = Id::unique(("mailsetup-new-result", key));
    let ctx = &response.ctx;
    let pass = ctx.cumulative_pass_nr();
    let last = ctx.data(|d| d.get_temp::<u64>(id));
    ctx.data_mut(|d| d.insert_temp(id, pass));
    let new = last.is_none_or(|l| l + 1 < pass);
    // A page that just opened shows its top; of two results new at once, the first.
    let (opened, scrolled) = ctx.data(|d| {
        (
            d.get_temp::<u64>(page_opened_id()),
            d.get_temp::<u64>(scrolled_id()),
        )
    });
    if new && opened != Some(pass) && scrolled != Some(pass) {
        ctx.data_mut(|d| d.insert_temp(scrolled_id(), pass));
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// Where `draw` notes the pass in which the page opened.
pub fn page_opened_id() -> Id {
    Id::unique("mailsetup-page-opened")
}

fn scrolled_id() -> Id {
    Id::unique("mailsetup-new-result-scrolled")
}

/// A box with a coloured edge for notes, warnings and errors.
pub fn boxed<R>(ui: &mut Ui, fill: Color32, edge: Color32, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, edge))
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        })
        .inner
}

/// Milliseconds for people: "12 ms", "1.4 s".
pub fn duration(ms: u64) -> String {
    crate::i18n::duration(ms)
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

/// Draws the mark (spinner, tick, cross …) in a fixed-size slot, painted rather than taken
/// from a font. Marks always come with words next to them; colour is an extra, not the
/// message.
pub fn mark(ui: &mut Ui, mark: Mark) {
    let p: Palette = palette(ui);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
    if mark == Mark::Running {
        // Painted into the slot (not added as a widget): a grid keeps its columns.
        egui::Spinner::new().size(14.0).paint_at(
            ui,
            egui::Rect::from_center_size(rect.center(), egui::vec2(14.0, 14.0)),
        );
        return;
    }
    let painter = ui.painter();
    let c = rect.center();
    let v = egui::vec2;
    let white = Stroke::new(2.0, Color32::WHITE);
    match mark {
        Mark::Running => {}
        Mark::Waiting => {
            painter.circle_stroke(c, 5.5, Stroke::new(1.5, p.muted));
        }
        Mark::Ok => {
            painter.circle_filled(c, 8.0, p.ok);
            painter.line(
                vec![c + v(-4.0, 0.2), c + v(-1.2, 3.2), c + v(4.2, -3.2)],
                white,
            );
        }
        Mark::Failed => {
            painter.circle_filled(c, 8.0, p.fail);
            painter.line_segment([c + v(-3.2, -3.2), c + v(3.2, 3.2)], white);
            painter.line_segment([c + v(3.2, -3.2), c + v(-3.2, 3.2)], white);
        }
        Mark::Nothing => {
            painter.line_segment(
                [c + v(-5.0, 0.0), c + v(5.0, 0.0)],
                Stroke::new(2.0, p.muted),
            );
        }
        Mark::Skipped => {
            painter.add(egui::Shape::convex_polygon(
                vec![c + v(0.0, -8.0), c + v(8.5, 7.0), c + v(-8.5, 7.0)],
                p.warn,
                Stroke::NONE,
            ));
            let ink = if ui.visuals().dark_mode {
                Color32::BLACK
            } else {
                Color32::WHITE
            };
            painter.line_segment([c + v(0.0, -3.0), c + v(0.0, 2.0)], Stroke::new(2.0, ink));
            painter.circle_filled(c + v(0.0, 4.6), 1.2, ink);
        }
    }
}

/// A mark followed by text that wraps, e.g. an error under a field. Returns the text's
/// response (to make it a live region, see `a11y`).
pub fn marked(ui: &mut Ui, m: Mark, text: impl Into<egui::WidgetText>) -> Response {
    ui.horizontal_top(|ui| {
        mark(ui, m);
        ui.add(egui::Label::new(text).wrap())
    })
    .inner
}

/// A button that is greyed out unless `enabled`.
pub fn button_response(ui: &mut Ui, text: &str, enabled: bool) -> Response {
    ui.add_enabled(enabled, egui::Button::new(text))
}

/// The main button of a page, drawn a little stronger.
pub fn primary_response(ui: &mut Ui, text: &str, enabled: bool) -> Response {
    let fill = ui.visuals().selection.bg_fill;
    let text_color = ui.visuals().selection.stroke.color;
    let b = egui::Button::new(RichText::new(text).color(text_color).strong()).fill(fill);
    ui.add_enabled(enabled, b)
}
