//! "Sign in with <provider>" on the account page: for providers that turned passwords off
//! (or prefer OAuth 2.0), the person signs in on the provider's page in the browser instead
//! of typing a password.
//!
//! In order: the runtime says whether a sign-in is known for the typed domain
//! (`Event::OAuthAvailable`, the provider table's OAuth entry or the configured issuer); the
//! button asks for `Effect::OAuthSignIn` (PKCE + loopback redirect, RFC 7636 / RFC 8252, run
//! by `oauth::session`); the page waits with Cancel; `Event::SignedIn` brings the tokens,
//! and the wizard goes on as after Next. From then on the access token stands in for the
//! password in every test (`oauth: true`: SASL OAUTHBEARER / XOAUTH2, RFC 7628) and the save
//! keeps the refresh token in the keychain. A failure stays on the page with its cause and
//! advice. The tokens never leave inside anything but those effects.
//!
//! The sign-in with a code on another device (the device authorization grant, RFC 8628) is
//! the fallback: when the browser cannot be opened (`oauth_browser_failed`) the wizard starts
//! it by itself, and "Use a code on another device instead" starts it by choice
//! (`Effect::OAuthDeviceSignIn`, the engine call `diagnose --oauth` makes). The page shows
//! the code and where to type it (`Event::DeviceCodeShown`) until `Event::SignedIn`; an
//! expired code offers a new one. An answer for a task no longer waited for is dropped.

use super::events::{Effect, Event};
use super::state::OAuthState;
use super::types::{OAuthProblem, TaskId};
use super::{Page, Wizard};
use crate::flow::Secret;

impl Wizard {
    /// The provider's name for "Sign in with …", when a sign-in through its page is known
    /// for the typed address.
    pub fn oauth_provider(&self) -> Option<&str> {
        let domain = self.email()?.domain_ascii().to_string();
        match &self.oauth_for {
            Some((d, name)) if *d == domain => name.as_deref(),
            _ => None,
        }
    }

    pub fn oauth_state(&self) -> &OAuthState {
        &self.oauth
    }

    /// The sign-in being waited for (browser or code), if any.
    fn waiting_for(&self) -> Option<TaskId> {
        match self.oauth {
            OAuthState::Waiting(task) | OAuthState::Code { task, .. } => Some(task),
            _ => None,
        }
    }

    /// Whether a sign-in through the provider (browser or code) is under way.
    pub fn signing_in_with_provider(&self) -> bool {
        self.waiting_for().is_some()
    }

    /// Whether the account signs in with tokens from the provider.
    pub fn signed_in_with_provider(&self) -> bool {
        matches!(self.oauth, OAuthState::SignedIn(_))
    }

    /// What the servers are tested with: the access token once signed in through the
    /// provider, else the password.
    pub(super) fn secret(&self) -> Secret {
        match &self.oauth {
            OAuthState::SignedIn(grant) => Secret::OAuth(grant.clone()),
            _ => Secret::Password(self.password.clone()),
        }
    }

    /// Events of the sign-in that may come on any page.
    pub(super) fn on_oauth(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::OAuthAvailable { domain, provider } => {
                self.oauth_for = Some((domain, provider));
                Vec::new()
            }
            Event::DeviceCodeShown { task, code } => {
                if let OAuthState::Code {
                    task: t,
                    code: shown,
                    ..
                } = &mut self.oauth
                    && *t == task
                {
                    *shown = Some(code);
                }
                Vec::new()
            }
            Event::SignedIn { task, result } => {
                if self.waiting_for() != Some(task) {
                    return Vec::new();
                }
                let by_browser = matches!(self.oauth, OAuthState::Waiting(_));
                match result {
                    Ok(grant) => {
                        self.oauth = OAuthState::SignedIn(grant);
                        if self.page == Page::Account {
                            return self.on_account(Event::Next);
                        }
                    }
                    // No browser to open here: a code typed on another device instead.
                    Err(problem) if by_browser && problem.code == "oauth_browser_failed" => {
                        self.oauth = OAuthState::Idle;
                        return self.start_code_sign_in(true);
                    }
                    Err(problem) => self.oauth = OAuthState::Failed(problem),
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// "Sign in with …" pressed.
    pub(super) fn start_sign_in(&mut self) -> Vec<Effect> {
        let Some(email) = self.email() else {
            self.show_errors = true;
            return Vec::new();
        };
        if self.waiting_for().is_some() {
            return Vec::new();
        }
        let task = self.task();
        self.oauth = OAuthState::Waiting(task);
        vec![Effect::OAuthSignIn { task, email }]
    }

    /// "Use a code on another device instead" or "Get a new code" (or the browser could not
    /// be opened: `browser_failed`): the device flow, in place of a browser sign-in still
    /// waiting.
    pub(super) fn start_code_sign_in(&mut self, browser_failed: bool) -> Vec<Effect> {
        let Some(email) = self.email() else {
            self.show_errors = true;
            return Vec::new();
        };
        let mut out = Vec::new();
        match self.oauth {
            OAuthState::Code { .. } => return out,
            OAuthState::Waiting(task) => out.push(Effect::Cancel { task }),
            _ => {}
        }
        let task = self.task();
        self.oauth = OAuthState::Code {
            task,
            code: None,
            browser_failed,
        };
        out.push(Effect::OAuthDeviceSignIn { task, email });
        out
    }

    /// Cancel while the browser is open or the code is shown: stop waiting; `None` when
    /// nothing was waiting.
    pub(super) fn cancel_sign_in(&mut self) -> Option<Vec<Effect>> {
        let task = self.waiting_for()?;
        self.oauth = OAuthState::Failed(OAuthProblem {
            code: "oauth_cancelled".into(),
            summary: t!("oauth-cancelled"),
            advice: String::new(),
        });
        Some(vec![Effect::Cancel { task }])
    }

    /// The address changed: tokens of another address are no use.
    pub(super) fn forget_sign_in(&mut self) -> Vec<Effect> {
        let out = self.cancel_sign_in().unwrap_or_default();
        self.oauth = OAuthState::Idle;
        out
    }
}

/// The headline the page shows for a failed sign-in, by the engine's code.
pub fn problem_headline(p: &OAuthProblem, provider: &str) -> String {
    match p.code.as_str() {
        "oauth_consent_denied" => t!("oauth-denied", provider = provider),
        "oauth_wrong_account" => t!("oauth-wrong-account"),
        "oauth_client_id_missing" => t!("oauth-no-client-id", provider = provider),
        "oauth_timeout" => t!("oauth-timeout"),
        "oauth_cancelled" => t!("oauth-cancelled"),
        "oauth_device_code_expired" => t!("oauth-code-expired"),
        _ => t!("oauth-failed", provider = provider),
    }
}

#[cfg(test)]
mod tests {
    use secrecy::{ExposeSecret, SecretString};

    use super::super::events::{Effect, Event};
    use super::super::types::OAuthProblem;
    use super::super::{Page, Wizard};
    use super::OAuthState;
    use crate::flow::OAuthSecret;
    use crate::store::OAuth2Login;

    pub(super) fn grant() -> Box<OAuthSecret> {
        Box::new(OAuthSecret {
            access: SecretString::from("access-1"),
            refresh: Some(SecretString::from("refresh-1")),
            login: OAuth2Login {
                issuer: "https://127.0.0.1:1/".into(),
                provider: "p".into(),
                client_id: "c".into(),
                scopes: vec!["openid".into()],
                mechanism: None,
                ..OAuth2Login::default()
            },
        })
    }

    pub(super) fn ready() -> Wizard {
        let mut w = Wizard::new();
        w.handle(Event::EmailEdited("ann@example.org".into()));
        w.handle(Event::OAuthAvailable {
            domain: "example.org".into(),
            provider: Some("Example".into()),
        });
        w
    }

    #[test]
    fn signing_in_with_the_provider_goes_on_without_a_password_and_tests_with_the_token() {
        let mut w = ready();
        assert_eq!(w.oauth_provider(), Some("Example"));
        let fx = w.handle(Event::SignInWithProvider);
        let [Effect::OAuthSignIn { task, email }] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        assert_eq!(email.to_string(), "ann@example.org");
        assert!(matches!(w.oauth_state(), OAuthState::Waiting(_)));
        let fx = w.handle(Event::SignedIn {
            task: *task,
            result: Ok(grant()),
        });
        assert_eq!(w.page(), Page::Lookup);
        assert!(fx.iter().any(|e| matches!(e, Effect::Discover { .. })));
        assert_eq!(w.secret().for_servers().expose_secret(), "access-1");
        assert!(!format!("{w:?}").contains("refresh-1"));
    }

    #[test]
    fn cancel_while_waiting_stops_the_sign_in_and_a_late_answer_is_dropped() {
        let mut w = ready();
        let fx = w.handle(Event::SignInWithProvider);
        let [Effect::OAuthSignIn { task, .. }] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        let task = *task;
        let fx = w.handle(Event::Cancel);
        assert!(matches!(fx.as_slice(), [Effect::Cancel { task: t }] if *t == task));
        assert_eq!(w.page(), Page::Account);
        w.handle(Event::SignedIn {
            task,
            result: Ok(grant()),
        });
        assert!(!w.signed_in_with_provider());
    }

    #[test]
    fn a_denied_consent_stays_on_the_page_with_its_cause() {
        let mut w = ready();
        let fx = w.handle(Event::SignInWithProvider);
        let [Effect::OAuthSignIn { task, .. }] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        let problem = OAuthProblem {
            code: "oauth_consent_denied".into(),
            summary: "declined".into(),
            advice: "choose Allow".into(),
        };
        w.handle(Event::SignedIn {
            task: *task,
            result: Err(problem.clone()),
        });
        assert_eq!(w.page(), Page::Account);
        let OAuthState::Failed(p) = w.oauth_state() else {
            panic!("not failed");
        };
        assert_eq!(*p, problem);
        assert!(super::problem_headline(p, "Example").contains("Example"));
    }
}

#[cfg(test)]
mod with_a_code {
    use std::time::{Duration, Instant};

    use super::super::Page;
    use super::super::events::{Effect, Event};
    use super::super::types::{DeviceCode, OAuthProblem, TaskId};
    use super::OAuthState;
    use super::tests::{grant, ready};

    fn problem(code: &str) -> OAuthProblem {
        OAuthProblem {
            code: code.into(),
            summary: "s".into(),
            advice: "a".into(),
        }
    }

    fn code() -> DeviceCode {
        DeviceCode {
            user_code: "WDJB-MJHT".into(),
            verification_uri: "https://example.org/device".into(),
            verification_uri_complete: None,
            expires_at: Instant::now() + Duration::from_secs(600),
        }
    }

    fn device_task(fx: &[Effect]) -> TaskId {
        match fx
            .iter()
            .find(|e| matches!(e, Effect::OAuthDeviceSignIn { .. }))
        {
            Some(Effect::OAuthDeviceSignIn { task, .. }) => *task,
            _ => panic!("no device sign-in in {fx:?}"),
        }
    }

    #[test]
    fn a_browser_that_cannot_open_falls_back_to_a_code_and_signs_in() {
        let mut w = ready();
        let fx = w.handle(Event::SignInWithProvider);
        let [Effect::OAuthSignIn { task, .. }] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        let fx = w.handle(Event::SignedIn {
            task: *task,
            result: Err(problem("oauth_browser_failed")),
        });
        let task = device_task(&fx);
        assert!(matches!(
            w.oauth_state(),
            OAuthState::Code {
                code: None,
                browser_failed: true,
                ..
            }
        ));
        w.handle(Event::DeviceCodeShown { task, code: code() });
        let OAuthState::Code { code: Some(c), .. } = w.oauth_state() else {
            panic!("{:?}", w.oauth_state());
        };
        assert_eq!(c.user_code, "WDJB-MJHT");
        let fx = w.handle(Event::SignedIn {
            task,
            result: Ok(grant()),
        });
        assert_eq!(w.page(), Page::Lookup);
        assert!(fx.iter().any(|e| matches!(e, Effect::Discover { .. })));
    }

    #[test]
    fn choosing_a_code_stops_the_browser_and_cancel_drops_late_answers() {
        let mut w = ready();
        let fx = w.handle(Event::SignInWithProvider);
        let [Effect::OAuthSignIn { task: browser, .. }] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        let browser = *browser;
        let fx = w.handle(Event::SignInWithCode);
        assert!(
            fx.iter()
                .any(|e| matches!(e, Effect::Cancel { task } if *task == browser))
        );
        let task = device_task(&fx);
        // The browser's late answer is not this sign-in's.
        w.handle(Event::SignedIn {
            task: browser,
            result: Ok(grant()),
        });
        assert!(!w.signed_in_with_provider());
        let fx = w.handle(Event::Cancel);
        assert!(matches!(fx.as_slice(), [Effect::Cancel { task: t }] if *t == task));
        w.handle(Event::DeviceCodeShown { task, code: code() });
        w.handle(Event::SignedIn {
            task,
            result: Ok(grant()),
        });
        assert!(!w.signed_in_with_provider());
        assert!(matches!(w.oauth_state(), OAuthState::Failed(p) if p.code == "oauth_cancelled"));
        assert_eq!(w.page(), Page::Account);
    }

    #[test]
    fn an_expired_code_is_explained_and_a_new_one_can_be_had() {
        let mut w = ready();
        let task = device_task(&w.handle(Event::SignInWithCode));
        w.handle(Event::DeviceCodeShown { task, code: code() });
        w.handle(Event::SignedIn {
            task,
            result: Err(problem("oauth_device_code_expired")),
        });
        let OAuthState::Failed(p) = w.oauth_state() else {
            panic!("{:?}", w.oauth_state());
        };
        assert_eq!(
            super::problem_headline(p, "Example"),
            t!("oauth-code-expired")
        );
        let again = device_task(&w.handle(Event::SignInWithCode));
        assert_ne!(again, task);
        assert!(matches!(
            w.oauth_state(),
            OAuthState::Code {
                code: None,
                browser_failed: false,
                ..
            }
        ));
    }

    #[test]
    fn denied_and_wrong_account_stay_on_the_page_with_their_causes() {
        for cause in ["oauth_consent_denied", "oauth_wrong_account"] {
            let mut w = ready();
            let task = device_task(&w.handle(Event::SignInWithCode));
            w.handle(Event::SignedIn {
                task,
                result: Err(problem(cause)),
            });
            assert_eq!(w.page(), Page::Account);
            assert!(matches!(w.oauth_state(), OAuthState::Failed(p) if p.code == cause));
        }
    }
}

#[cfg(test)]
mod after_a_test {
    use crate::probe::{Cause, StepKind};

    use super::super::events::{Effect, Event};
    use super::super::tests::at_testing;
    use super::super::types::{NextAction, Role};
    use super::super::verify_tests::verified;
    use super::super::{Page, Wizard};
    use super::OAuthState;

    /// A password test that ends with `oauth_required` offers "Sign in with …" first, which
    /// goes back to the account page and opens the browser.
    #[test]
    fn oauth_required_offers_the_providers_sign_in() {
        let (mut w, task): (Wizard, _) = at_testing();
        w.handle(Event::OAuthAvailable {
            domain: "example.com".into(),
            provider: Some("Example".into()),
        });
        verified(
            &mut w,
            task,
            Some((Cause::OauthRequired, StepKind::Authenticate)),
            None,
        );
        let actions = w.next_actions(Role::Incoming);
        assert_eq!(actions[0], NextAction::SignInWithProvider);
        let fx = w.handle(Event::Action(NextAction::SignInWithProvider));
        assert_eq!(w.page(), Page::Account);
        assert!(fx.iter().any(|e| matches!(e, Effect::OAuthSignIn { .. })));
        assert!(matches!(w.oauth_state(), OAuthState::Waiting(_)));
    }
}
