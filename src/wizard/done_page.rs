//! The "Done" page of the wizard: the save (keychain first, then the account file) and what
//! happens when it fails — retry, the Linux kernel keyring, or cancel; never plain text.
//! Cancel while saving asks the runtime to stop the save; the page stays on "Saving" until
//! the answer: `SaveCancelled` goes back to the test results, `Saved` (too late to stop)
//! shows the saved account.

use crate::store::{SettingsSource, SourceKind};
use crate::verify;

use super::types::{Effect, Event, KeychainChoice, Role, SaveProblem, SaveRequest};
use super::{Page, SaveState, Wizard};

impl Wizard {
    pub(super) fn start_save(&mut self, keychain: KeychainChoice) -> Vec<Effect> {
        let (Some(email), Some(i), Some(o)) = (
            self.email(),
            self.tests.get(&Role::Incoming),
            self.tests.get(&Role::Outgoing),
        ) else {
            return Vec::new();
        };
        // Only servers that verified are saved, with the sign-in mechanism they took.
        let (Some(incoming), Some(outgoing)) = (
            i.report.as_deref().and_then(verify::verified_server),
            o.report.as_deref().and_then(verify::verified_server),
        ) else {
            return Vec::new();
        };
        let name = self.name.trim();
        let source = i
            .found
            .as_ref()
            .map(SettingsSource::of_candidate)
            .unwrap_or_else(|| SettingsSource::new(SourceKind::Manual));
        // Signed in through the provider: the keychain keeps the refresh token, never the
        // short-lived access token.
        let (secret, oauth2) = match &self.oauth {
            super::OAuthState::SignedIn(grant) => match &grant.refresh {
                Some(refresh) => (refresh.clone(), Some(grant.login.clone())),
                None => {
                    self.save = SaveState::Failed(
                        SaveProblem::File {
                            reason: t!("oauth-no-refresh-token"),
                        },
                        keychain,
                    );
                    self.go(Page::Done);
                    return Vec::new();
                }
            },
            _ => (self.password.clone(), None),
        };
        let request = SaveRequest {
            display_name: (!name.is_empty()).then(|| name.to_string()),
            email,
            source,
            allow_plaintext: self.plaintext_allowed(&i.server) || self.plaintext_allowed(&o.server),
            ca_file: self
                .extra_ca_for(&i.server)
                .or_else(|| self.extra_ca_for(&o.server)),
            pinned_keys: verify::pinned_keys(
                [i.report.as_deref(), o.report.as_deref()]
                    .into_iter()
                    .flatten(),
            ),
            incoming,
            outgoing,
            keychain,
            oauth2,
        };
        let task = self.task();
        self.save = SaveState::Saving(task, keychain);
        self.go(Page::Done);
        vec![Effect::Save {
            task,
            request: Box::new(request),
            password: secret,
        }]
    }

    pub(super) fn on_done(&mut self, event: Event) -> Vec<Effect> {
        match (&self.save, event) {
            (SaveState::Saving(t, _), Event::Saved { task, saved }) if *t == task => {
                self.save = SaveState::Saved(saved);
                self.history.clear();
                Vec::new()
            }
            (SaveState::Saving(t, choice), Event::SaveFailed { task, problem }) if *t == task => {
                self.save = SaveState::Failed(problem, *choice);
                Vec::new()
            }
            (SaveState::Saving(t, _), Event::Cancel | Event::Back) => {
                vec![Effect::Cancel { task: *t }]
            }
            (SaveState::Saving(t, _), Event::SaveCancelled { task }) if *t == task => {
                // Nothing was saved; the verified results stay on the testing page.
                self.save = SaveState::NotStarted;
                self.back();
                Vec::new()
            }
            (SaveState::Failed(_, choice), Event::RetrySave | Event::Next) => {
                let choice = *choice;
                self.start_save(choice)
            }
            (
                SaveState::Failed(
                    SaveProblem::KeychainUnavailable {
                        keyutils_possible: true,
                        ..
                    },
                    _,
                ),
                Event::UseKeyutils,
            ) => self.start_save(KeychainChoice::Keyutils),
            (SaveState::Failed(..), Event::Cancel | Event::Back) => {
                // Nothing was saved; the verified results stay on the testing page.
                self.save = SaveState::NotStarted;
                self.back();
                Vec::new()
            }
            (SaveState::Saved(_), Event::AddAnother) => {
                *self = Wizard {
                    next_task: self.next_task,
                    technician: self.technician.for_next_account(),
                    ..Wizard::new()
                };
                vec![Effect::ForgetPasswordWidget]
            }
            _ => Vec::new(),
        }
    }
}
