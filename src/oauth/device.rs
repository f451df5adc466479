//! The device authorization grant (RFC 8628): sign in on another screen with a short code.
//!
//! In order:
//! 1. ask the device authorization endpoint (§3.1) for a device code, a user code and the
//!    page to enter it on (§3.2); the user code and page are shown to the person, the device
//!    code stays secret;
//! 2. poll the token endpoint (§3.4) every `interval` seconds (5 when the server names none):
//!    `authorization_pending` waits, `slow_down` adds 5 seconds to the interval for good,
//!    `access_denied` and `expired_token` end it (§3.5), and so does our own deadline
//!    (`expires_in`, at most 30 minutes) — never a poll after it;
//! 3. the tokens come back to the caller, who checks the account.
//!
//! Cancelling is dropping the future. The poll loop is separate from HTTP and from the clock
//! (`poll_loop` takes the sleep), so its timing rules are tested without waiting; time is
//! counted as the sum of the waits (a poll's own round trip is not counted: the server's
//! `expired_token` ends a late poll anyway).

use std::future::Future;
use std::time::Duration;

use secrecy::SecretString;

use super::error::{OAuthError, server_text};
use super::token::{Poll, TokenClient, Tokens};
use crate::discover::http::Answer;

/// The interval when the server names none (RFC 8628 §3.2).
const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);
/// What `slow_down` adds (RFC 8628 §3.5).
const SLOW_DOWN_STEP: Duration = Duration::from_secs(5);
/// The longest we wait for the person, whatever the server allows.
const MAX_WAIT: Duration = Duration::from_secs(30 * 60);
/// The shortest interval we accept (a server saying 0 would make us hammer it).
const MIN_INTERVAL: Duration = Duration::from_secs(1);

/// What to show the person, and the secret device code.
pub struct DeviceStart {
    /// The code the person types.
    pub user_code: String,
    /// The page to type it on.
    pub verification_uri: String,
    /// The page with the code already filled in, when the server offers one.
    pub verification_uri_complete: Option<String>,
    pub expires_in: Duration,
    pub interval: Duration,
    device_code: SecretString,
}

impl std::fmt::Debug for DeviceStart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceStart")
            .field("user_code", &self.user_code)
            .field("verification_uri", &self.verification_uri)
            .field("expires_in", &self.expires_in)
            .field("interval", &self.interval)
            .finish_non_exhaustive()
    }
}

/// Step 1: the device authorization request.
pub async fn start(tc: &TokenClient) -> Result<DeviceStart, OAuthError> {
    let url = tc
        .issuer
        .endpoint(
            &tc.issuer.device_authorization_endpoint,
            "sign-in with a code (device authorization)",
        )?
        .to_string();
    let scope = tc.issuer.scope();
    // As the client: with its secret where it has one (RFC 8628 §3.1 asks confidential
    // clients to authenticate here as at the token endpoint).
    let answer = tc.post_as_client(&url, &[("scope", &scope)]).await?;
    read_start(&url, &answer)?.map_err(|refusal| tc.refusal(refusal))
}

/// Step 1's answer, read (pure; `start` sends, then calls this, and the fuzz targets call it
/// on any bytes): HTTP 200 is the `DeviceStart` (RFC 8628 §3.2), another status the error
/// code and description (RFC 6749 §5.2), anything else `Malformed`.
pub fn read_start(
    url: &str,
    answer: &Answer,
) -> Result<Result<DeviceStart, (String, Option<String>)>, OAuthError> {
    let v: serde_json::Value =
        serde_json::from_slice(&answer.body).map_err(|_| OAuthError::Malformed {
            url: url.to_string(),
            detail: format!("HTTP {} and no JSON", answer.status),
        })?;
    if answer.status != 200 {
        let code = v.get("error").and_then(|e| e.as_str()).unwrap_or("unknown");
        let description = v
            .get("error_description")
            .and_then(|d| d.as_str())
            .map(server_text);
        return Ok(Err((server_text(code), description)));
    }
    let text = |name: &str| v.get(name).and_then(|t| t.as_str());
    let secs = |name: &str| {
        v.get(name)
            .and_then(|t| t.as_u64())
            .map(Duration::from_secs)
    };
    let missing = |what: &str| OAuthError::Malformed {
        url: url.to_string(),
        detail: format!("no {what} in the device authorization answer"),
    };
    // Microsoft's v2.0 endpoint says `verification_url` (seen 2024).
    let page = text("verification_uri")
        .or_else(|| text("verification_url"))
        .ok_or_else(|| missing("verification_uri"))?;
    Ok(Ok(DeviceStart {
        user_code: server_text(text("user_code").ok_or_else(|| missing("user_code"))?),
        verification_uri: server_text(page),
        verification_uri_complete: text("verification_uri_complete").map(server_text),
        expires_in: secs("expires_in").unwrap_or(MAX_WAIT).min(MAX_WAIT),
        interval: secs("interval")
            .unwrap_or(DEFAULT_INTERVAL)
            .max(MIN_INTERVAL),
        device_code: SecretString::from(text("device_code").ok_or_else(|| missing("device_code"))?),
    }))
}

/// Steps 2–3 over HTTP.
pub async fn wait(tc: &TokenClient, started: &DeviceStart) -> Result<Tokens, OAuthError> {
    poll_loop(
        started.interval,
        started.expires_in,
        tokio::time::sleep,
        || tc.poll_device(&started.device_code),
    )
    .await
}

/// The polling rules of RFC 8628 §3.4–3.5 around any `poll` (see the module header).
pub async fn poll_loop<S, SFut, F, Fut>(
    interval: Duration,
    expires_in: Duration,
    mut sleep: S,
    mut poll: F,
) -> Result<Tokens, OAuthError>
where
    S: FnMut(Duration) -> SFut,
    SFut: Future<Output = ()>,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Poll, OAuthError>>,
{
    let deadline = expires_in.min(MAX_WAIT);
    let mut waited = Duration::ZERO;
    let mut interval = interval.max(MIN_INTERVAL);
    loop {
        if waited + interval > deadline {
            return Err(OAuthError::DeviceCodeExpired);
        }
        sleep(interval).await;
        waited += interval;
        match poll().await? {
            Poll::Done(tokens) => return Ok(tokens),
            Poll::Pending => {}
            Poll::SlowDown => interval += SLOW_DOWN_STEP,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    fn tokens() -> Tokens {
        Tokens {
            access: SecretString::from("at"),
            refresh: None,
            expires_in: None,
            scope: None,
            id_email: None,
        }
    }

    /// Runs the loop over scripted answers; returns the result and when each poll happened.
    async fn run(
        interval: u64,
        expires: u64,
        script: Vec<Result<Poll, OAuthError>>,
    ) -> (Result<Tokens, OAuthError>, Vec<u64>) {
        let clock = Arc::new(Mutex::new(0u64));
        let times = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(script.into_iter()));
        let (t, s, c) = (times.clone(), script.clone(), clock.clone());
        let result = poll_loop(
            Duration::from_secs(interval),
            Duration::from_secs(expires),
            move |d: Duration| {
                *clock.lock().unwrap() += d.as_secs();
                async {}
            },
            move || {
                t.lock().unwrap().push(*c.lock().unwrap());
                let next = s.lock().unwrap().next().unwrap_or(Ok(Poll::Pending));
                async move { next }
            },
        )
        .await;
        let times = times.lock().unwrap().clone();
        (result, times)
    }

    #[tokio::test]
    async fn pending_waits_the_interval_and_slow_down_adds_five_seconds() {
        let (r, times) = run(
            5,
            600,
            vec![
                Ok(Poll::Pending),
                Ok(Poll::SlowDown),
                Ok(Poll::Pending),
                Ok(Poll::Done(tokens())),
            ],
        )
        .await;
        assert!(r.is_ok());
        assert_eq!(times, vec![5, 10, 20, 30]);
    }

    #[tokio::test]
    async fn the_deadline_ends_polling_as_an_expired_code() {
        let (r, times) = run(5, 17, vec![]).await;
        assert!(matches!(r, Err(OAuthError::DeviceCodeExpired)));
        // Polls at 5, 10, 15; a fourth at 20 would pass the 17 s the code lives.
        assert_eq!(times, vec![5, 10, 15]);
    }

    #[tokio::test]
    async fn denied_and_expired_answers_end_it_at_once() {
        let (r, times) = run(
            2,
            600,
            vec![
                Ok(Poll::Pending),
                Err(OAuthError::Denied { description: None }),
            ],
        )
        .await;
        assert!(matches!(r, Err(OAuthError::Denied { .. })));
        assert_eq!(times, vec![2, 4]);
        let (r, _) = run(2, 600, vec![Err(OAuthError::DeviceCodeExpired)]).await;
        assert_eq!(r.unwrap_err().code(), "oauth_device_code_expired");
    }

    #[tokio::test]
    async fn a_zero_interval_is_not_a_busy_loop() {
        let (_, times) = run(0, 3, vec![]).await;
        assert_eq!(times, vec![1, 2, 3]);
    }
}
