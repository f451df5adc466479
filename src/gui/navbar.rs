//! The bottom bar of every page: buttons that go back or stop on the left, the buttons that
//! go on on the right (the page's main button rightmost), and a short hint beside them.
//!
//! Everything is drawn left to right as it is seen, so Tab walks the bar in screen order (the
//! right group is laid out from its measured width, not drawn right to left).
//!
//! Translations make the buttons wider (German most of all), so the bar measures its buttons
//! before drawing: on one row when everything fits the width, else the hint gets a line of
//! its own, then the left and right groups get a row each, and a group that is wider than the
//! window wraps. Nothing is cut off at the window's minimum size; `draw` gives the bar the
//! height it used last frame.

use egui::{Align, Color32, Layout, RichText, TextStyle, Ui};

use super::widgets::{button_response, primary_response};

/// One button of the bar.
#[derive(Debug, Clone)]
pub struct NavButton {
    pub text: String,
    pub primary: bool,
    pub enabled: bool,
}

impl NavButton {
    pub fn new(text: String) -> Self {
        Self {
            text,
            primary: false,
            enabled: true,
        }
    }

    /// The page's main button (drawn stronger).
    pub fn primary(text: String) -> Self {
        Self {
            primary: true,
            ..Self::new(text)
        }
    }

    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = enabled;
        self
    }
}

/// Which group a clicked button is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Draws the bar; returns the clicked button (its group and index in that group).
pub fn bar(
    ui: &mut Ui,
    left: &[NavButton],
    right: &[NavButton],
    hint: Option<&str>,
) -> Option<(Side, usize)> {
    let width = ui.available_width();
    let gap = ui.spacing().item_spacing.x;
    let lw = group_width(ui, left);
    let rw = group_width(ui, right);
    let hw = hint.map_or(0.0, |h| text_width(ui, h, TextStyle::Body) + gap);
    let mut clicked = None;
    if lw + gap + rw + hw <= width {
        ui.horizontal(|ui| {
            clicked = draw_left(ui, left).or(clicked);
            push_right(ui, rw + hw);
            if let Some(h) = hint {
                ui.label(RichText::new(h).weak());
            }
            clicked = draw_right(ui, right).or(clicked);
        });
        return clicked;
    }
    if let Some(h) = hint {
        ui.add(egui::Label::new(RichText::new(h).weak()).wrap());
    }
    if lw + gap + rw <= width {
        ui.horizontal(|ui| {
            clicked = draw_left(ui, left).or(clicked);
            push_right(ui, rw);
            clicked = draw_right(ui, right).or(clicked);
        });
    } else {
        if !left.is_empty() {
            ui.horizontal_wrapped(|ui| {
                clicked = draw_left(ui, left).or(clicked);
            });
        }
        let row = egui::vec2(width, ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(
            row,
            Layout::left_to_right(Align::Center).with_main_wrap(true),
            |ui| {
                if rw <= width {
                    push_right(ui, rw);
                }
                clicked = draw_right(ui, right).or(clicked);
            },
        );
    }
    clicked
}

/// Moves the cursor of a row so that `width` more fills it to its right edge.
fn push_right(ui: &mut Ui, width: f32) {
    let rest = ui.available_width() - width - 1.0;
    if rest > 0.0 {
        ui.add_space(rest);
    }
}

fn draw_left(ui: &mut Ui, buttons: &[NavButton]) -> Option<(Side, usize)> {
    let mut clicked = None;
    for (i, b) in buttons.iter().enumerate() {
        if draw(ui, b) {
            clicked = Some((Side::Left, i));
        }
    }
    clicked
}

/// The right group: its first button (the page's main one) rightmost, drawn last.
fn draw_right(ui: &mut Ui, buttons: &[NavButton]) -> Option<(Side, usize)> {
    let mut clicked = None;
    for (i, b) in buttons.iter().enumerate().rev() {
        if draw(ui, b) {
            clicked = Some((Side::Right, i));
        }
    }
    clicked
}

fn draw(ui: &mut Ui, b: &NavButton) -> bool {
    let r = if b.primary {
        primary_response(ui, &b.text, b.enabled)
    } else {
        button_response(ui, &b.text, b.enabled)
    };
    super::focus::outside_page(&r);
    r.clicked()
}

/// The width a group of buttons takes on one row.
fn group_width(ui: &Ui, buttons: &[NavButton]) -> f32 {
    let gap = ui.spacing().item_spacing.x;
    let pad = 2.0 * ui.spacing().button_padding.x;
    let widths: f32 = buttons
        .iter()
        .map(|b| text_width(ui, &b.text, TextStyle::Button) + pad)
        .sum();
    widths + gap * buttons.len().saturating_sub(1) as f32
}

fn text_width(ui: &Ui, text: &str, style: TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_string(), font, Color32::PLACEHOLDER)
        .size()
        .x
}
