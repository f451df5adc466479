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
use crate::wizard::{DeviceCode, Event, OAuthState, Wizard};

use super::theme::palette;
use super::widgets::{Mark, marked};

/// The size of the code's letters (the person copies it by eye onto another screen).
const CODE_SIZE: f32 = 28.0;

/// The sign-in part of the account page for `provider`.
pub fn sign_in_with_provider(ui: &mut Ui, w: &Wizard, provider: &str, out: &mut Vec<Event>) {
    let p = palette(ui);
    ui.add_space(4.0);
    match w.oauth_state() {
        OAuthState::Waiting(_) => {
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
        }
        OAuthState::Code {
            code,
            browser_failed,
            ..
        } => {
            if *browser_failed {
                ui.label(RichText::new(t!("oauth-browser-failed")).color(p.warn));
            }
            match code {
                None => {
                    ui.horizontal_wrapped(|ui| {
                        ui.spinner();
                        ui.label(t!("oauth-code-asking", provider = provider));
                    });
                }
                Some(code) => show_code(ui, code, out),
            }
            if ui.button(t!("oauth-cancel")).clicked() {
                out.push(Event::Cancel);
            }
        }
        OAuthState::SignedIn(_) => {
            marked(ui, Mark::Ok, t!("oauth-signed-in", provider = provider));
        }
        state => {
            let failed = match state {
                OAuthState::Failed(problem) => Some(problem),
                _ => None,
            };
            let expired = failed.is_some_and(|p| p.code == "oauth_device_code_expired");
            if let Some(problem) = failed {
                let r = marked(
                    ui,
                    Mark::Failed,
                    RichText::new(problem_headline(problem, provider)).color(p.fail),
                );
                super::a11y::live(&r);
                if problem.code != "oauth_cancelled" {
                    ui.label(t!("oauth-details", summary = problem.summary.as_str()));
                }
            }
            if expired {
                if ui.button(t!("oauth-code-new")).clicked() {
                    out.push(Event::SignInWithCode);
                }
                return;
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
    }
    ui.add_space(4.0);
}

/// The page to open, the code to type there, how long it works, the wait.
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
    ui.horizontal_wrapped(|ui| {
        ui.spinner();
        ui.label(t!("oauth-code-waiting"));
    });
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
