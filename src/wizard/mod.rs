//! The setup wizard as a state machine: `Wizard::handle(Event) -> Vec<Effect>`. No egui, no
//! tokio, no I/O: the window draws `&Wizard` and turns clicks into events; the runtime turns
//! effects into work and its results back into events.
//!
//! The pages, in order: Your account → Looking up your provider → How do you want to read
//! mail? → Testing your settings → Done; Manual settings is reachable from every page and
//! leads to Testing. Rules kept here:
//! - Back goes to the page before; Cancel stops what is running (a discovery, a test) and,
//!   when nothing was running, leaves the page like Back. A save in progress cannot be
//!   cancelled (the keychain and the file must end up consistent).
//! - Every answer from the runtime carries its task id; answers of cancelled or replaced
//!   tasks are dropped.
//! - From the protocol page the servers are chosen the way the CLI chooses them
//!   (`Effect::Verify`, i.e. `verify::verify_candidates`): a quick check on each vouched or
//!   confirmed candidate, one sign-in on the best reachable, and the next one by itself when
//!   a server fails before the password was sent. Manual settings, "try another server" and
//!   Retry test one server each (`Effect::Probe`).
//! - The servers the protocol page would test are tested before Next when both hosts are
//!   vouched for (`early.rs`): while discovery still runs, switching when a better-ranked
//!   source names others; Next adopts that run when it tests what the page plans.
//! - Retry tests again only the servers that did not verify.
//! - The password lives in a `SecretString` and leaves only inside `Probe` and `Save`
//!   effects; the first time it is handed on, the window is told to forget the widget state.
//! - The password goes only to hosts that are vouched for or that the person confirmed in
//!   this run (RFC 6186 §6; `consent.rs`); plaintext and certificate authority consents hold
//!   for the hosts they were given for.
//! - There is no plain-text fallback when the keychain is unavailable: the person chooses
//!   retry, the Linux kernel keyring, or cancel.

mod account_page;
pub mod checklist;
mod consent;
mod done_page;
mod early;
mod events;
pub mod guidance;
mod hand_off;
mod lookup_page;
pub mod manual;
mod manual_page;
pub mod oauth_signin;
pub mod pin;
pub mod report;
pub mod roundtrip;
mod state;
mod testing_page;
mod types;
mod words;

use secrecy::ExposeSecret;

use crate::account::EmailAddress;

pub(crate) use account_page::capitalise;
pub use account_page::{AddressCheck, PastedPassword, ProblemAt, paste_for_password};
pub use checklist::{CheckItem, Row, RowState, ServerTest, TestState};
pub use events::{
    Effect, Event, LiveLine, ReportAction, RoundTripEvent, TechnicianEffect, TechnicianEvent,
};
pub use guidance::ProtocolGuide;
pub use hand_off::{CodeReady, CodeState, HandOff, HandOffEffect, HandOffEvent, Phone};
pub use manual::{FieldProblem, ManualForm, ServerForm};
pub use roundtrip::RoundTripRow;
pub use state::{LookupState, OAuthState, Page, RoundTripState, SaveState, Wizard};
pub use types::{
    DeviceCode, Discovery, KeychainChoice, ManualField, NextAction, OAuthProblem, Offer,
    ProviderNote, Recipient, Role, SaveProblem, SaveRequest, Saved, SourceRow, SourceState, TaskId,
};
pub use words::sentence;

pub use crate::flow::OAuthSecret;

impl Wizard {
    // --- changing ----------------------------------------------------------------------

    /// Applies one event and returns the work it asks for.
    pub fn handle(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Close => return vec![Effect::Close],
            Event::NoteFound { domain, note } => {
                self.note = Some((domain, note));
                return Vec::new();
            }
            Event::OpenUrl(url) => return vec![Effect::OpenUrl(url)],
            Event::EnvironmentCa(path) => {
                self.environment_ca = path;
                return Vec::new();
            }
            Event::SavedAccountFound { email, id } => {
                self.saved_for = Some((email, id));
                return self.save_once_looked_up();
            }
            Event::ConfirmHost { host, confirmed } => {
                self.confirm_host(&host, confirmed);
                return Vec::new();
            }
            Event::Technician(e) => return self.on_technician(e),
            Event::RoundTrip(e) => return self.on_round_trip(e),
            Event::HandOff(e) => return self.on_hand_off(e),
            e @ (Event::OAuthAvailable { .. }
            | Event::SignedIn { .. }
            | Event::DeviceCodeShown { .. }) => {
                return self.on_oauth(e);
            }
            // An early test's answers come while the lookup or protocol page shows.
            Event::ProbeStep { task, .. } | Event::Verified { task, .. }
                if self.page != Page::Testing && self.early_task() == Some(task) =>
            {
                return self.on_testing(event);
            }
            _ => {}
        }
        match self.page {
            Page::Account => self.on_account(event),
            Page::Lookup => self.on_lookup(event),
            Page::Protocol => self.on_protocol(event),
            Page::Testing => self.on_testing(event),
            Page::Manual => self.on_manual(event),
            Page::Done => self.on_done(event),
        }
    }
}

impl Wizard {
    /// The typed address, if valid.
    pub fn email(&self) -> Option<EmailAddress> {
        EmailAddress::parse(&self.email_text).ok()
    }

    /// Whether a password was typed.
    pub fn has_password(&self) -> bool {
        !self.password.expose_secret().is_empty()
    }
}

#[cfg(test)]
mod consent_tests;
#[cfg(test)]
mod done_tests;
#[cfg(test)]
mod early_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod verify_tests;
