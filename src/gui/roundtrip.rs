//! "Send a test message to myself" on the testing page: the option (off by default, with
//! what it does in a small text), then the round trip's checklist — send, wait for it in
//! the inbox (spinner while waiting), delete it — and the outcome in plain words with the
//! advice when the message did not arrive. The wizard decides when it runs
//! (`wizard::roundtrip`); this only draws and turns the tick into an event.

use egui::{RichText, Ui};

use crate::roundtrip::RoundTrip;
use crate::wizard::{Event, RoundTripEvent, RoundTripState, RowState, Wizard};

use super::theme::palette;
use super::widgets::{Mark, boxed, mark, marked};

pub fn section(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let p = palette(ui);
    let mut wanted = w.round_trip_wanted();
    if ui
        .checkbox(&mut wanted, "Send a test message to myself")
        .changed()
    {
        out.push(Event::RoundTrip(RoundTripEvent::Want(wanted)));
    }
    ui.label(
        RichText::new(
            "Once both servers work, one real message goes from your address to itself; \
             it is deleted again as soon as it arrives.",
        )
        .small()
        .color(p.muted),
    );
    let rows = w.round_trip_rows();
    if rows.is_empty() {
        return;
    }
    egui::Grid::new("round trip")
        .num_columns(3)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for row in rows {
                let (m, color) = match row.state {
                    RowState::Pending => (Mark::Waiting, p.muted),
                    RowState::Running => (Mark::Running, p.muted),
                    RowState::Ok => (Mark::Ok, p.ok),
                    RowState::Failed => (Mark::Failed, p.fail),
                    RowState::Skipped => (Mark::Skipped, p.warn),
                    RowState::NotReached | RowState::Stopped => (Mark::Nothing, p.muted),
                };
                mark(ui, m);
                ui.label(row.label);
                ui.label(RichText::new(row.words).color(color));
                ui.end_row();
            }
        });
    if let RoundTripState::Done(report) = w.round_trip_state() {
        if let RoundTrip::Arrived { deleted: true, .. } = report.outcome {
            marked(ui, Mark::Ok, RichText::new(report.summary()).color(p.ok));
        } else {
            boxed(ui, p.fail_fill, p.fail, |ui| {
                ui.label(RichText::new(report.summary()).strong());
            });
        }
    }
}
