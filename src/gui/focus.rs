//! Where the keyboard focus goes, and what follows it: after a refused Next the first field
//! with a problem takes the focus and is scrolled into view (`focus_if_asked`); Tab scrolls
//! the page to the focused widget unless it sits outside the page (`outside_page`: header,
//! bottom bar); and the bottom bar's count of problems.

use egui::Ui;

use crate::wizard::ProblemAt;

/// Where the app leaves the field that should take the cursor after a refused Next.
pub(super) fn focus_request_id() -> egui::Id {
    egui::Id::unique("mailsetup-focus-problem")
}

/// Gives `response`'s widget the focus (and scrolls it into view) when it is the field the
/// app asked for after a refused Next.
pub(super) fn focus_if_asked(response: &egui::Response, at: ProblemAt) {
    let key = focus_request_id();
    let asked = response.ctx.data(|d| d.get_temp::<ProblemAt>(key)) == Some(at);
    if asked {
        response.ctx.data_mut(|d| d.remove::<ProblemAt>(key));
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// The bottom bar's words for `count` fields with a problem.
pub(super) fn problems_hint(count: usize) -> String {
    t!("problems-count", count = count)
}

/// Records that `response`'s widget is outside the scrolling page (header, bottom bar), so
/// following the focus never scrolls the page for it.
pub(super) fn outside_page(response: &egui::Response) {
    let key = outside_ids_id();
    response.ctx.data_mut(|d| {
        let ids = d.get_temp_mut_or_default::<std::collections::HashSet<egui::Id>>(key);
        ids.insert(response.id);
    });
}

fn outside_ids_id() -> egui::Id {
    egui::Id::unique("mailsetup-outside-page")
}

/// Scrolls the page to the focused widget when the focus moved to another one (Tab, or the
/// app moved it), unless it is outside the page (header, bottom bar) or the page just opened
/// (its first field is at its top, and a section may have asked to be shown).
pub(super) fn follow_focus(ui: &Ui, opened: bool) {
    let ctx = ui.ctx();
    let key = egui::Id::unique("mailsetup-followed-focus");
    let focused = ctx.memory(|m| m.focused());
    let followed = ctx.data(|d| d.get_temp::<Option<egui::Id>>(key)).flatten();
    if focused == followed {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(key, focused));
    let Some(id) = focused.filter(|_| !opened) else {
        return;
    };
    let outside = ctx.data(|d| {
        d.get_temp::<std::collections::HashSet<egui::Id>>(outside_ids_id())
            .is_some_and(|ids| ids.contains(&id))
    });
    if outside {
        return;
    }
    if let Some(r) = ctx.read_response(id) {
        ui.scroll_to_rect(r.rect.expand(6.0), None);
    }
}
