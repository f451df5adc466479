//! The window at the operating system's text scale: with 150 % (GNOME "Large text" and
//! beyond, Windows "Make text bigger", a HiDPI screen) egui draws every point as 1.5 pixels.
//! The account page is compared with its picture at that scale (`UPDATE_SNAPSHOTS=1`
//! rewrites it), and at the smallest window the app allows (440 × 420 points, 660 × 630
//! pixels at 1.5) nothing is cut off: every text and control lies inside the window's width,
//! the buttons are whole and on screen, and what does not fit in height scrolls with a named
//! scroll bar.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_common::*;
use mailsetup::gui;
use mailsetup::wizard::{Event, Wizard};

const SCALE: f32 = 1.5;
/// The window's minimum inner size (`gui::native_options`).
const MIN_WIDTH: f32 = 440.0;
const MIN_HEIGHT: f32 = 420.0;

fn harness(
    w: Wizard,
    theme: egui::Theme,
    size: egui::Vec2,
) -> Harness<'static, (Wizard, Vec<Event>)> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(SCALE)
        .with_theme(theme)
        .with_context_setup(gui::theme::apply)
        .build_ui_state(
            |ui, (w, out): &mut (Wizard, Vec<Event>)| gui::draw(ui, w, out),
            (w, Vec::new()),
        );
    h.run_steps(4);
    h
}

/// Every named node lies inside the window's width; buttons lie wholly inside the window.
fn assert_nothing_cut_off(h: &Harness<'_, (Wizard, Vec<Event>)>, size: egui::Vec2, what: &str) {
    let mut cut = Vec::new();
    let mut count = 0;
    for node in h.query_all_by(|_| true) {
        let n = node.accesskit_node();
        let name = n.label().or_else(|| n.value()).unwrap_or_default();
        if name.is_empty() || n.role() == Role::ScrollBar {
            continue;
        }
        count += 1;
        let r = node.rect();
        if r.min.x < -0.5 || r.max.x > size.x + 0.5 {
            cut.push(format!("{:?} {name:?} runs out sideways: {r:?}", n.role()));
        }
        if n.role() == Role::Button && (r.min.y < -0.5 || r.max.y > size.y + 0.5) {
            cut.push(format!("button {name:?} is off screen: {r:?}"));
        }
    }
    assert!(count > 10, "{what}: only {count} named nodes");
    assert!(
        cut.is_empty(),
        "{what} at {SCALE}x, {size:?}:\n{}",
        cut.join("\n")
    );
}

#[test]
fn the_account_page_at_one_and_a_half_times_matches_its_picture_and_fits() {
    let size = egui::vec2(WIDTH, HEIGHT);
    let mut h = harness(account_filled(), egui::Theme::Light, size);
    assert_nothing_cut_off(&h, size, "the account page");
    h.get_by_role_and_label(Role::PasswordInput, "Password");
    h.snapshot("account_filled_light_1.5x");
}

#[test]
fn the_account_page_at_one_and_a_half_times_fits_the_smallest_window() {
    let size = egui::vec2(MIN_WIDTH, MIN_HEIGHT);
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let h = harness(account_filled(), theme, size);
        assert_nothing_cut_off(&h, size, "the account page in the smallest window");
        // The page is taller than the window here: it scrolls, and the bar is named.
        let below = h
            .query_all_by_role(Role::CheckBox)
            .any(|n| n.rect().max.y > size.y);
        if below {
            h.get_by_role_and_label(Role::ScrollBar, "Scroll the page");
        }
        // The buttons stay reachable.
        for b in ["Next", "Set up manually"] {
            h.get_by_role_and_label(Role::Button, b);
        }
    }
}
