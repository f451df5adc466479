//! What the window tells a screen reader beyond what egui's widgets say about themselves
//! (AccessKit nodes, published on Linux over the AT-SPI bus, on Windows through UI
//! Automation, on macOS through NSAccessibility).
//!
//! - The window's name: the root node carries the title, so "Mail Setup" is what a reader
//!   says when the window gets the focus.
//! - Live results: a line that reports the outcome of a step (the testing checklist, the
//!   lookup's sources, the round trip, "is set up") becomes a polite live region once the
//!   outcome is known, named with the whole line ("Incoming mail — Sign in: done · 12 ms"),
//!   so the reader announces it (AT-SPI `object:announcement`) without the focus moving
//!   there. Lines still waiting are not live: a reader would otherwise speak every tick.
//!   Outcomes said in a sentence (a diagnosis, "Both servers work", "… is set up") are live
//!   under their own words.
//! - Scroll bars: egui's have no name; the page's is "Scroll the page".
//!
//! Nothing here draws; each call adjusts the node of a widget drawn this frame.

use egui::accesskit::{Live, Role};
use egui::{Context, Response};

/// Names the window (the accessibility tree's root) for this frame.
pub fn name_window(ctx: &Context, title: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
        node.set_label(title);
    });
}

/// Names the scroll bars of the scroll area whose state id is `area` (egui leaves them
/// unnamed), when they are on screen this frame.
pub fn name_scroll_bars(ctx: &Context, area: egui::Id, name: &str) {
    // egui gives each bar the id `area.with(axis)`, 0 horizontal and 1 vertical.
    for axis in 0..2_usize {
        let id = area.with(axis);
        if ctx.has_accesskit_node(id) {
            ctx.accesskit_node_builder(id, |node| node.set_label(name));
        }
    }
}

/// Makes `response`'s node a polite live region named `name` (announced when it appears or
/// its name changes).
pub fn announce(response: &Response, name: impl Into<String>) {
    let name = name.into();
    response.ctx.accesskit_node_builder(response.id, |node| {
        set_name(node, name);
        node.set_live(Live::Polite);
    });
}

/// A label's name is its value (AccessKit reads a label's text there); other roles' is
/// their label.
fn set_name(node: &mut egui::accesskit::Node, name: String) {
    if node.role() == Role::Label {
        node.set_value(name);
    } else {
        node.set_label(name);
    }
}

/// Makes `response`'s node a polite live region under the name it has.
pub fn live(response: &Response) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_live(Live::Polite));
}

/// Names `response`'s node `name` without making it live (a line still waiting: the reader
/// finds the whole line when it reads the page, and hears nothing until a result).
pub fn name(response: &Response, name: impl Into<String>) {
    let name = name.into();
    response
        .ctx
        .accesskit_node_builder(response.id, |node| set_name(node, name));
}

/// A status line: live once it has a result (`done`), quietly named before.
pub fn status(response: &Response, done: bool, name: impl Into<String>) {
    if done {
        announce(response, name);
    } else {
        self::name(response, name);
    }
}
