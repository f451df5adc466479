//! How background work reports back: an event on the window's channel, and a wake-up so the
//! window draws it.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::wizard::Event;

/// Wakes the window up (e.g. `egui::Context::request_repaint`).
pub type Repaint = Arc<dyn Fn() + Send + Sync>;

/// Sends an event and wakes the window.
#[derive(Clone)]
pub(crate) struct EventSender {
    pub(super) tx: Sender<Event>,
    pub(super) repaint: Repaint,
}

impl EventSender {
    pub(crate) fn send(&self, event: Event) {
        // The window may be gone already; then nobody is waiting.
        if self.tx.send(event).is_ok() {
            (self.repaint)();
        }
    }
}
