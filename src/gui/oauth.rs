//! "Sign in with <provider>" on the account page: the button, the wait for the browser with
//! Cancel, and the sign-in with a code on another device (RFC 8628) — the page to open
//! (a link, with Copy), the code large and selectable (with Copy), how long it still works,
//! "Waiting for approval…" and Cancel — then the result or the failure with its way on
//! ("Get a new code" once a code expired).
//!
//! For a screen reader: the code line is a live region named "Code to enter: …", so the
//! code is read out when it appears; the countdown is named but not live (a reader would
//! speak every second); the failure headline is live.

use std::time::{Duration, Instant};

use egui::{Label, RichText, Ui};

use crate::wizard::oauth_signin::problem_headline;
use crate::wizard::{DeviceCode, Event, OAuthProblem, OAuthState, Wizard};

use super::theme::palette;
use super::widgets::{Mark, boxed, marked};

/// The size of the code's letters (the person copies it by eye onto another screen).
const CODE_SIZE: f32 = 28.0;

/// The sign-in part of the account page for `provider`.
pub fn sign_in_with_provider(ui: &mut Ui, w: &Wizard, provider: &str, out: &mut Vec<Event>) {
    let p = palette(ui);
    ui.add_space(4.0);
    match w.oauth_state() {
        OAuthState::Waiting(_) => {
            let section = in_box(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.spinner();
                    ui.label(t!("oauth-waiting", provider = provider));
                });
                ui.horizontal_wrapped(|ui| {
                    if ui.button(t!("oauth-cancel")).clicked() {
                        out.push(Event::Cancel);
                    }
                    if ui.button(t!("oauth-use-code")).clicked() {
                        out.push(Event::SignInWithCode);
                    }
                });
            });
            bring_into_view(&section, "browser");
        }
        OAuthState::Code {
            code,
            browser_failed,
            ..
        } => {
            let section = in_box(ui, |ui| {
                if *browser_failed {
                    ui.label(RichText::new(t!("oauth-browser-failed")).color(p.warn));
                }
                let waiting = match code {
                    None => t!("oauth-code-asking", provider = provider),
                    Some(code) => {
                        show_code(ui, code, out);
                        t!("oauth-code-waiting")
                    }
                };
                ui.horizontal_wrapped(|ui| {
                    ui.spinner();
                    ui.label(waiting);
                    if ui.button(t!("oauth-cancel")).clicked() {
                        out.push(Event::Cancel);
                    }
                });
            });
            let shown = code.as_ref().map_or("asking", |c| c.user_code.as_str());
            bring_into_view(&section, shown);
        }
        OAuthState::SignedIn(_) => {
            marked(ui, Mark::Ok, t!("oauth-signed-in", provider = provider));
        }
        state => {
            let failed = match state {
                OAuthState::Failed(problem) => Some(problem),
                _ => None,
            };
            let section = ui.scope(|ui| offer(ui, failed, provider, out));
            if let Some(problem) = failed {
                bring_into_view(&section.response, &format!("failed:{}", problem.code));
            }
        }
    }
    ui.add_space(4.0);
}

/// A sign-in under way in a box of its own, with tight lines (in the smallest window the
/// whole box fits above the bottom bar); the box's response.
fn in_box(ui: &mut Ui, add: impl FnOnce(&mut Ui)) -> egui::Response {
    let p = palette(ui);
    let edge = ui.visuals().widgets.noninteractive.bg_stroke.color;
    ui.scope(|ui| {
        boxed(ui, p.note_fill, edge, |ui| {
            ui.spacing_mut().item_spacing.y = 3.0;
            add(ui);
        });
    })
    .response
}

/// The buttons to sign in (through the browser, or with a code), after the failure of the
/// last attempt if there was one; after an expired code, "Get a new code".
fn offer(ui: &mut Ui, failed: Option<&OAuthProblem>, provider: &str, out: &mut Vec<Event>) {
    let p = palette(ui);
    if let Some(problem) = failed {
        let r = marked(
            ui,
            Mark::Failed,
            RichText::new(problem_headline(problem, provider)).color(p.fail),
        );
        super::a11y::live(&r);
        if !matches!(
            problem.code.as_str(),
            "oauth_cancelled" | "oauth_device_code_expired"
        ) {
            ui.label(t!("oauth-details", summary = problem.summary.as_str()));
        }
        if problem.code == "oauth_device_code_expired" {
            if ui.button(t!("oauth-code-new")).clicked() {
                out.push(Event::SignInWithCode);
            }
            return;
        }
    }
    ui.label(t!("oauth-sign-in-intro", provider = provider));
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(t!("oauth-sign-in-with", provider = provider))
            .clicked()
        {
            out.push(Event::SignInWithProvider);
        }
        if ui.button(t!("oauth-use-code")).clicked() {
            out.push(Event::SignInWithCode);
        }
    });
}

/// Scrolls a section to the top of the page when it first shows `what` (the code, a new
/// code, a failure): in the smallest window it would otherwise start below the fold.
fn bring_into_view(section: &egui::Response, what: &str) {
    let key = egui::Id::unique("mailsetup-oauth-in-view");
    let now = what.to_string();
    let before: Option<String> = section.ctx.data(|d| d.get_temp(key));
    if before.as_deref() != Some(now.as_str()) {
        section.ctx.data_mut(|d| d.insert_temp(key, now));
        section.scroll_to_me(Some(egui::Align::Min));
    }
}

/// The page to open, the code to type there, how long it works.
fn show_code(ui: &mut Ui, code: &DeviceCode, out: &mut Vec<Event>) {
    let p = palette(ui);
    ui.label(t!("oauth-code-open"));
    let page = code.verification_uri.as_str();
    ui.horizontal_wrapped(|ui| {
        if ui.link(page).clicked() {
            out.push(Event::OpenUrl(page.to_string()));
        }
        if ui.button(t!("oauth-code-copy-address")).clicked() {
            ui.ctx().copy_text(page.to_string());
        }
    });
    ui.label(t!("oauth-code-enter"));
    ui.horizontal_wrapped(|ui| {
        let r = ui.add(
            Label::new(
                RichText::new(code.user_code.as_str())
                    .monospace()
                    .size(CODE_SIZE)
                    .strong(),
            )
            .selectable(true),
        );
        super::a11y::announce(&r, t!("oauth-code-name", code = code.user_code.as_str()));
        if ui.button(t!("oauth-code-copy")).clicked() {
            ui.ctx().copy_text(code.user_code.clone());
        }
    });
    let left = code.expires_at.saturating_duration_since(Instant::now());
    let time = minutes(left);
    let line = if left.is_zero() {
        t!("oauth-code-expired-now")
    } else {
        t!("oauth-code-expires", time = time.as_str())
    };
    let r = ui.label(RichText::new(line.as_str()).color(p.muted));
    super::a11y::name(&r, line);
    // The countdown moves once a second.
    ui.ctx().request_repaint_after(Duration::from_secs(1));
}

/// "9:05" for a time left.
fn minutes(left: Duration) -> String {
    let secs = left.as_secs();
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_reads_as_minutes_and_seconds() {
        assert_eq!(minutes(Duration::from_secs(605)), "10:05");
        assert_eq!(minutes(Duration::from_millis(59_900)), "0:59");
    }
}
