//! The "Your account" page of the wizard: name, address (checked as it is typed, with the
//! "did you mean …?" hint and the provider note as soon as the domain is known) and password.

use secrecy::ExposeSecret;

use crate::account::{Credential, CredentialError, EmailAddress, check_credential};

use super::guidance;
use super::types::{Effect, Event};
use super::{Page, Wizard};

/// What the address field shows under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressCheck {
    /// Nothing typed yet (or nothing worth complaining about yet).
    Quiet,
    /// Not a valid address: what to fix.
    Invalid(String),
    /// Valid; maybe a slip of a common domain.
    Valid {
        email: EmailAddress,
        suggestion: Option<String>,
    },
}

impl Wizard {
    /// The live check of the address field. A half-typed address without an @ is not
    /// scolded until the person presses Next.
    pub fn address_check(&self) -> AddressCheck {
        let text = self.email_text.trim();
        match EmailAddress::parse(text) {
            Ok(email) => {
                let suggestion = guidance::suggest_domain(email.domain()).map(|d| {
                    // Keep the local part as typed.
                    format!("{}@{d}", email.local_part())
                });
                AddressCheck::Valid { email, suggestion }
            }
            Err(e) => {
                if !self.show_errors && !text.contains('@') {
                    AddressCheck::Quiet
                } else {
                    AddressCheck::Invalid(e.words())
                }
            }
        }
    }

    /// Why Next cannot go on yet (shown after Next was pressed), or `None`.
    pub fn password_missing(&self) -> bool {
        self.password.expose_secret().is_empty()
    }

    /// A password no mail server can receive (a line break or NUL, often pasted along), in
    /// words for the page; the page shows it as soon as it is typed (see `password_problem`).
    pub fn password_unsendable(&self) -> Option<String> {
        match check_credential(Credential::Password, self.password.expose_secret()) {
            Ok(()) => None,
            Err(CredentialError::LineBreak(_)) => Some(t!("password-line-break")),
            Err(CredentialError::Nul(_)) => Some(t!("password-nul")),
        }
    }

    /// Whether the account page is complete.
    pub fn account_complete(&self) -> bool {
        self.email().is_some()
            && (self.signed_in_with_provider()
                || (!self.password_missing() && self.password_unsendable().is_none()))
    }

    pub(super) fn on_account(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::NameEdited(v) => self.name = v,
            Event::EmailEdited(v) => {
                let mut out = Vec::new();
                if EmailAddress::parse(&v).ok() != self.email() {
                    out = self.forget_sign_in();
                }
                self.email_text = v;
                out.extend(self.ask_note());
                return out;
            }
            Event::SignInWithProvider => return self.start_sign_in(),
            Event::SignInWithCode => return self.start_code_sign_in(false),
            Event::PasswordEdited(p) => self.password = p,
            Event::ShowPassword(v) => self.show_password = v,
            Event::AcceptSuggestion => {
                if let AddressCheck::Valid {
                    suggestion: Some(s),
                    ..
                } = self.address_check()
                {
                    self.email_text = s;
                    return self.ask_note();
                }
            }
            Event::Next => {
                if !self.account_complete() {
                    self.show_errors = true;
                    return Vec::new();
                }
                let mut out = self.hand_on_password();
                let email = self.email();
                let resume = self.password_problem.take().is_some()
                    && !self.tests.is_empty()
                    && email.is_some()
                    && email == self.tested_email;
                if resume {
                    // The person fixed the password after a failed sign-in: test again,
                    // only what failed, without looking the provider up again.
                    self.history.clear();
                    self.page = Page::Testing;
                    self.history.push(Page::Account);
                    out.extend(self.retry_failed());
                    return out;
                }
                self.tests.clear();
                self.history.clear();
                self.go(Page::Lookup);
                out.extend(self.start_discovery());
                return out;
            }
            Event::SetUpManually => {
                if !self.account_complete() {
                    self.show_errors = true;
                    return Vec::new();
                }
                let out = self.hand_on_password();
                self.lookup = super::LookupState::Idle;
                self.open_manual(None);
                return out;
            }
            Event::Cancel => return self.cancel_sign_in().unwrap_or(vec![Effect::Close]),
            _ => {}
        }
        Vec::new()
    }

    /// Asks for the provider note once per domain.
    fn ask_note(&mut self) -> Vec<Effect> {
        let Some(email) = self.email() else {
            return Vec::new();
        };
        let domain = email.domain_ascii().to_string();
        if self.note_asked.as_deref() == Some(domain.as_str()) {
            return Vec::new();
        }
        self.note_asked = Some(domain.clone());
        vec![Effect::LookUpNote { domain }]
    }

    /// The first time the password leaves the page, the window forgets the field's state.
    fn hand_on_password(&mut self) -> Vec<Effect> {
        vec![Effect::ForgetPasswordWidget]
    }
}

/// The text with its first letter in upper case (messages of the engine start in lower case,
/// since they are often put after a colon; the window shows them as sentences).
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use secrecy::SecretString;

    use super::super::{Event, Page, Wizard};

    #[test]
    fn a_pasted_line_break_in_the_password_is_shown_at_once_and_stops_next() {
        let mut w = Wizard::new();
        w.handle(Event::EmailEdited("ann@example.com".into()));
        w.handle(Event::PasswordEdited(SecretString::from("secret\r\n")));
        let problem = w.password_problem().expect("shown while typing");
        assert!(problem.contains("line break"), "{problem}");
        assert!(w.handle(Event::Next).is_empty());
        assert_eq!(w.page(), Page::Account);
        w.handle(Event::PasswordEdited(SecretString::from("secret")));
        assert!(w.password_problem().is_none());
        assert!(!w.handle(Event::Next).is_empty());
        assert_eq!(w.page(), Page::Lookup);
    }
}
