//! The "Manual settings" page of the wizard: opened pre-filled (from what is being tested,
//! else from discovery, else from the usual names) and turned into tests when complete and
//! when every host that will receive the password is cleared (`consent.rs`). What the person
//! typed is kept: leaving the page (Back) and coming back ("Set up manually") shows their
//! form again, for the same address.

use crate::account::Protocol;

use super::events::{Effect, Event};
use super::manual::{ManualForm, ServerForm};
use super::types::{ManualField, Role};
use super::{Page, Wizard};

impl Wizard {
    /// Opens the manual page, filled from what is being tested, else from discovery, else
    /// from guesses. `from` is where Back returns to (default: where we are).
    pub(super) fn open_manual(&mut self, from: Option<Page>) {
        // Servers typed by the person: no switch of discovered servers to speak of.
        self.early_note = None;
        let Some(email) = self.email() else {
            self.show_errors = true;
            return;
        };
        let kept = self.manual.take().filter(|f| {
            f.edited && from != Some(Page::Testing) && self.manual_for == Some(email.clone())
        });
        let form = match (
            self.tests.get(&Role::Incoming),
            self.tests.get(&Role::Outgoing),
        ) {
            _ if kept.is_some() => kept.unwrap_or_else(|| ManualForm::guessed(&email)),
            (Some(i), Some(o)) if from == Some(Page::Testing) => {
                let mut f = ManualForm::from_servers(&i.server, &o.server);
                f.incoming.from = self.offer_with_host(&i.server.host);
                f.outgoing.from = self.offer_with_host(&o.server.host);
                f.accept_plaintext = self.any_plaintext_allowed();
                if let Some(ca) = self.accepted_extra_ca() {
                    f.extra_ca = ca.display().to_string();
                    f.accept_extra_ca = true;
                }
                f
            }
            _ => {
                let protocol = self.protocol();
                let i = self
                    .offers_for(Role::Incoming, protocol)
                    .into_iter()
                    .next()
                    .or_else(|| self.discovery().and_then(|d| d.incoming.first().cloned()));
                let o = self
                    .offers_for(Role::Outgoing, Protocol::Smtp)
                    .into_iter()
                    .next()
                    .or_else(|| self.discovery().and_then(|d| d.outgoing.first().cloned()));
                let mut f = ManualForm::guessed(&email);
                if let Some(i) = i {
                    f.incoming_protocol = i.candidate.protocol;
                    f.incoming = ServerForm::from_offer(&i);
                }
                if let Some(o) = o {
                    f.outgoing = ServerForm::from_offer(&o);
                }
                f
            }
        };
        self.manual = Some(form);
        self.manual_for = Some(email);
        if self.page == Page::Lookup {
            // A stopped lookup is nothing to come back to.
            self.page = Page::Account;
        }
        self.go(Page::Manual);
    }

    /// The certificate authority file the environment gave the window, if any.
    pub fn environment_ca(&self) -> Option<&std::path::Path> {
        self.environment_ca.as_deref()
    }

    /// The certificate authority in effect for the servers of the manual page, in words: the
    /// file ticked on the page, else the one the environment gave, else none but the
    /// system's.
    pub fn ca_in_effect(&self) -> String {
        let form = self.manual.as_ref();
        match form {
            Some(f) if !f.extra_ca.trim().is_empty() && f.accept_extra_ca => {
                t!("manual-ca-in-effect-file", file = f.extra_ca.trim())
            }
            _ => match &self.environment_ca {
                Some(path) => t!(
                    "manual-ca-in-effect-environment",
                    file = path.display().to_string()
                ),
                None => t!("manual-ca-in-effect-system"),
            },
        }
    }

    pub(super) fn on_manual(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Manual(ManualField::BrowseExtraCa) => vec![Effect::PickCaFile],
            Event::Manual(field) => {
                if let Some(f) = self.manual.as_mut() {
                    f.apply(field);
                }
                Vec::new()
            }
            Event::Next => {
                let Some(form) = self.manual.as_mut() else {
                    return Vec::new();
                };
                form.show_problems = true;
                let Some((i, o)) = form.settings() else {
                    self.problem_focus += 1;
                    return Vec::new();
                };
                // The offers the fields were filled from, while their host is unchanged (so
                // settings learned over plain HTTP still say so); else typed by the person.
                let found = |role| form.server(role).offer().map(|o| o.candidate.clone());
                let (found_i, found_o) = (found(Role::Incoming), found(Role::Outgoing));
                if !self.recipients_cleared() {
                    return Vec::new();
                }
                self.take_form_consents(&i, &o);
                self.tests.clear();
                self.go(Page::Testing);
                self.start_tests(vec![
                    (Role::Incoming, i, found_i),
                    (Role::Outgoing, o, found_o),
                ])
            }
            Event::Back => {
                self.back();
                Vec::new()
            }
            Event::Cancel => {
                self.page = Page::Account;
                self.history.clear();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}
