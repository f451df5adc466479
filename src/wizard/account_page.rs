//! The "Your account" page of the wizard: name, address (checked as it is typed, with the
//! "did you mean …?" hint and the provider note as soon as the domain is known) and password.
//!
//! A pasted password is taken as the person meant it (`paste_for_password`): a line break a
//! paste brings along at the end is dropped, one inside is refused with the reason (no mail
//! server can receive it: `account::check_credential`), and a space at either end is kept but
//! pointed out. After a refused Next each field with a problem says so beside itself and the
//! window moves the cursor to the first one (`first_problem`, `problem_focus`).

use secrecy::ExposeSecret;

use crate::account::{Credential, CredentialError, EmailAddress, check_credential};

use super::events::{Effect, Event};
use super::guidance;
use super::{Page, Wizard};

/// A field of a page that can hold a problem (the window puts the cursor there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemAt {
    Email,
    Password,
    /// A field of the manual settings: the role and `FieldProblem::field`.
    Manual(super::types::Role, &'static str),
}

/// What becomes of text pasted into the password field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PastedPassword {
    /// Paste this (the line break a copy brought along at its end removed).
    Take(String),
    /// Not pasted: it has a line break inside, which no mail server accepts.
    Refuse,
}

/// Text pasted into the password field, as the person meant it: a trailing CR/LF (copying a
/// whole line brings one along) is removed; a line break left inside refuses the paste.
/// Spaces are kept (the page points them out: `Wizard::password_note`).
pub fn paste_for_password(text: &str) -> PastedPassword {
    let text = text.trim_end_matches(['\r', '\n']);
    if text.contains(['\r', '\n']) {
        PastedPassword::Refuse
    } else {
        PastedPassword::Take(text.to_string())
    }
}

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
                    AddressCheck::Invalid(super::words::sentence(&e.words()))
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

    /// A pasted text with a line break inside was refused: why, in words (until the password
    /// is edited again).
    pub fn paste_refused(&self) -> Option<String> {
        self.paste_refused.then(|| t!("password-paste-refused"))
    }

    /// A space at the start or the end of the password: kept (it may be meant), but said, so
    /// the person can decide. `None` for a password without one.
    pub fn password_note(&self) -> Option<String> {
        let p = self.password.expose_secret();
        let starts = p.starts_with(char::is_whitespace);
        let ends = p.ends_with(char::is_whitespace);
        match (starts, ends) {
            _ if p.trim().is_empty() => None,
            (true, true) => Some(t!("password-space-both")),
            (true, false) => Some(t!("password-space-start")),
            (false, true) => Some(t!("password-space-end")),
            (false, false) => None,
        }
    }

    /// The fields of the current page that hold a problem the page shows now, in reading
    /// order (empty until Next or Test was pressed).
    pub fn problems_shown(&self) -> Vec<ProblemAt> {
        match self.page {
            super::Page::Account if self.show_errors => {
                let mut out = Vec::new();
                if matches!(self.address_check(), AddressCheck::Invalid(_)) {
                    out.push(ProblemAt::Email);
                }
                let signed_in = self.signed_in_with_provider() || self.signing_in_with_provider();
                if !signed_in && (self.password_missing() || self.password_problem().is_some()) {
                    out.push(ProblemAt::Password);
                }
                out
            }
            super::Page::Manual => match &self.manual {
                Some(f) if f.show_problems => f
                    .problems()
                    .iter()
                    .map(|p| ProblemAt::Manual(p.role, p.field))
                    .collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// Counts the times Next (or Test) was refused for problems on the page: when it changes,
    /// the window moves the cursor to the first problem (`problems_shown`).
    pub fn problem_focus(&self) -> u64 {
        self.problem_focus
    }

    /// Next was refused: show the problems and send the cursor to the first.
    pub(super) fn refuse_next(&mut self) {
        self.show_errors = true;
        self.problem_focus += 1;
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
            Event::PasswordEdited(p) => {
                self.password = p;
                self.paste_refused = false;
            }
            Event::PasswordPasteRefused => self.paste_refused = true,
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
                    self.refuse_next();
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
                    self.refuse_next();
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
