//! The "Done" page of the wizard: the save (keychain first, then the account file) and what
//! happens when it fails — retry, the Linux kernel keyring, or cancel; never plain text.
//! Cancel while saving asks the runtime to stop the save; the page stays on "Saving" until
//! the answer: `SaveCancelled` goes back to the test results, `Saved` (too late to stop)
//! shows the saved account. Once saved, the page hands the account on to other devices and
//! apps (QR codes for phones, an Apple profile, GNOME, the domain's autoconfig file): the
//! `HandOff` part below.

use crate::store::{SettingsSource, SourceKind};
use crate::verify;

use super::events::{Effect, Event};
use super::types::{KeychainChoice, Role, SaveProblem, SaveRequest};
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
        // What the keychain keeps is decided once (`Secret::to_keep`): the password, or the
        // provider's refresh token, never the short-lived access token.
        let secret = self.secret();
        let oauth2 = match secret.to_keep() {
            Ok((_, login)) => login,
            Err(crate::flow::NoRefreshToken) => {
                self.save = SaveState::Failed(
                    SaveProblem::File {
                        reason: t!("oauth-no-refresh-token"),
                    },
                    keychain,
                );
                self.go(Page::Done);
                return Vec::new();
            }
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
            secret,
        }]
    }

    pub(super) fn on_done(&mut self, event: Event) -> Vec<Effect> {
        match (&self.save, event) {
            (SaveState::Saving(t, _), Event::Saved { task, saved }) if *t == task => {
                self.save = SaveState::Saved(saved);
                self.history.clear();
                // The phone code (Thunderbird, without the password) is made at once.
                self.handoff = HandOff::default();
                self.make_code()
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

// --- Hand-off: "Use this account on other devices and apps" ------------------------------
//
// Once the account is saved, the page makes the Thunderbird code (without the password) at
// once. The person can switch to Delta Chat, include the password (a code that holds it is
// hidden until "Show code"), save a profile or the autoconfig file (the window asks where,
// the runtime writes), or add the account to GNOME Online Accounts. Every export goes
// through `flow::export` in the runtime, from the saved account and its keychain; nothing
// here holds the password.

use crate::export::Format;

use super::hand_off::{CodeState, HandOff, HandOffEffect, HandOffEvent};

impl Wizard {
    /// The hand-off part of the Done page.
    pub fn hand_off(&self) -> &HandOff {
        &self.handoff
    }

    /// The id of the account this run saved (what the hand-off exports).
    fn handed_off_id(&self) -> Option<String> {
        match &self.save {
            SaveState::Saved(saved) => Some(saved.account_id.clone()),
            _ => None,
        }
    }

    /// Asks for the phone code as the choices now stand.
    fn make_code(&mut self) -> Vec<Effect> {
        let Some(account_id) = self.handed_off_id() else {
            return Vec::new();
        };
        self.handoff.revealed = false;
        let format = self.handoff.phone.format();
        // Delta Chat's code always holds the password: without it there is no code.
        if format == Format::DcloginQr && !self.handoff.phone_password {
            self.handoff.code =
                CodeState::Failed(t!("export-password-required", format = format.words()));
            return Vec::new();
        }
        let task = self.task();
        self.handoff.code = CodeState::Making(task.0);
        vec![Effect::HandOff(HandOffEffect::MakeCode {
            task: task.0,
            account_id,
            format,
            with_password: self.handoff.phone_password,
        })]
    }

    pub(super) fn on_hand_off(&mut self, event: HandOffEvent) -> Vec<Effect> {
        let Some(account_id) = self.handed_off_id() else {
            return Vec::new();
        };
        match event {
            HandOffEvent::Phone(phone) => {
                self.handoff.phone = phone;
                self.make_code()
            }
            HandOffEvent::PhonePassword(on) => {
                self.handoff.phone_password = on;
                self.make_code()
            }
            HandOffEvent::ProfilePassword(on) => {
                self.handoff.profile_password = on;
                Vec::new()
            }
            HandOffEvent::ShowCode(on) => {
                self.handoff.revealed = on;
                Vec::new()
            }
            HandOffEvent::SaveProfile | HandOffEvent::SaveAutoconfig => {
                let format = if event == HandOffEvent::SaveProfile {
                    Format::Mobileconfig
                } else {
                    Format::Autoconfig
                };
                let file_name = match self.email() {
                    Some(email) => {
                        let base = crate::store::AccountId::base_for(&email);
                        match format {
                            Format::Mobileconfig => format!("{base}.mobileconfig"),
                            _ => "config-v1.1.xml".to_string(),
                        }
                    }
                    None => "config-v1.1.xml".to_string(),
                };
                vec![Effect::HandOff(HandOffEffect::AskPath {
                    format,
                    file_name,
                })]
            }
            HandOffEvent::PathChosen { format, path } => {
                let with_password = format == Format::Mobileconfig && self.handoff.profile_password;
                vec![Effect::HandOff(HandOffEffect::WriteFile {
                    account_id,
                    format,
                    with_password,
                    path,
                })]
            }
            HandOffEvent::AddToGoa => vec![Effect::HandOff(HandOffEffect::AddToGoa { account_id })],
            HandOffEvent::Code { task, result } => {
                if self.handoff.code == CodeState::Making(task) {
                    self.handoff.code = match result {
                        Ok(code) => CodeState::Ready(code),
                        Err(why) => CodeState::Failed(why),
                    };
                }
                Vec::new()
            }
            HandOffEvent::FileWritten(result) => {
                self.handoff.note = Some(match result {
                    Ok(path) => t!("handoff-saved", path = path.display().to_string()),
                    Err(why) => t!("handoff-not-saved", reason = why.as_str()),
                });
                Vec::new()
            }
            HandOffEvent::GoaAdded(result) => {
                self.handoff.note = Some(match result {
                    Ok(_) => t!("handoff-gnome-added"),
                    Err(why) => why,
                });
                Vec::new()
            }
        }
    }
}
