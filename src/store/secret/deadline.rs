//! A deadline on every keychain call: a call runs on a thread of its own and the caller waits
//! for it at most `deadline()`, then gets `KeychainError::NoAnswer` and goes on (closing the
//! window, finishing a save with a clear error). A keychain can wait forever: a desktop
//! unlock prompt nobody answers, a Secret Service daemon that is stopped (the D-Bus call is
//! queued and never answered). The abandoned call's thread ends when the keychain answers, or
//! with the process; it holds no lock of ours.
//!
//! The deadline is 30 s (time for a person to answer an unlock prompt), or
//! `MAILSETUP_KEYCHAIN_TIMEOUT` seconds (1 to 600) when set, for technicians and tests.

use std::fmt;
use std::sync::Arc;
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::Duration;

use secrecy::SecretString;

use super::super::model::{EntryName, KeychainKind};
use super::{KeychainError, SecretStore};

/// How long one keychain call may take when nothing else is set.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(30);

/// The environment variable that sets the deadline in seconds.
pub const DEADLINE_VAR: &str = "MAILSETUP_KEYCHAIN_TIMEOUT";

/// The deadline in effect (see the module header).
pub fn deadline() -> Duration {
    std::env::var(DEADLINE_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| (1..=600).contains(s))
        .map_or(DEFAULT_DEADLINE, Duration::from_secs)
}

/// Runs `call` on its own thread and waits at most `after` for its result.
pub fn within<T, F>(after: Duration, store: KeychainKind, call: F) -> Result<T, KeychainError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, KeychainError> + Send + 'static,
{
    let (tx, rx) = sync_channel(1);
    std::thread::Builder::new()
        .name("keychain-call".into())
        .spawn(move || {
            let _ = tx.send(call());
        })
        .map_err(|e| KeychainError::Task {
            detail: e.to_string(),
        })?;
    match rx.recv_timeout(after) {
        Ok(result) => result,
        Err(RecvTimeoutError::Timeout) => Err(KeychainError::NoAnswer {
            store,
            after_secs: after.as_secs().max(1),
        }),
        Err(RecvTimeoutError::Disconnected) => Err(KeychainError::Task {
            detail: "the keychain call ended without a result".into(),
        }),
    }
}

/// A keychain whose every call has a deadline.
pub struct Deadlined {
    inner: Arc<dyn SecretStore>,
    after: Duration,
}

impl Deadlined {
    /// `inner` with `after` as the deadline of each call.
    pub fn wrap(inner: Arc<dyn SecretStore>, after: Duration) -> Arc<dyn SecretStore> {
        Arc::new(Self { inner, after })
    }
}

impl fmt::Debug for Deadlined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Deadlined({:?}, {:?})", self.inner, self.after)
    }
}

impl SecretStore for Deadlined {
    fn kind(&self) -> KeychainKind {
        self.inner.kind()
    }

    fn set(
        &self,
        entry: &EntryName,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), KeychainError> {
        let (inner, entry, label, secret) = (
            self.inner.clone(),
            entry.clone(),
            label.to_string(),
            secret.clone(),
        );
        within(self.after, self.kind(), move || {
            inner.set(&entry, &label, &secret)
        })
    }

    fn get(&self, entry: &EntryName) -> Result<SecretString, KeychainError> {
        let (inner, entry) = (self.inner.clone(), entry.clone());
        within(self.after, self.kind(), move || inner.get(&entry))
    }

    fn delete(&self, entry: &EntryName) -> Result<bool, KeychainError> {
        let (inner, entry) = (self.inner.clone(), entry.clone());
        within(self.after, self.kind(), move || inner.delete(&entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A keychain that never answers.
    #[derive(Debug)]
    struct Frozen;

    impl SecretStore for Frozen {
        fn kind(&self) -> KeychainKind {
            KeychainKind::SecretService
        }
        fn set(&self, _: &EntryName, _: &str, _: &SecretString) -> Result<(), KeychainError> {
            std::thread::sleep(Duration::from_secs(3600));
            Ok(())
        }
        fn get(&self, _: &EntryName) -> Result<SecretString, KeychainError> {
            std::thread::sleep(Duration::from_secs(3600));
            Ok(SecretString::from("x"))
        }
        fn delete(&self, _: &EntryName) -> Result<bool, KeychainError> {
            std::thread::sleep(Duration::from_secs(3600));
            Ok(true)
        }
    }

    #[test]
    fn a_keychain_that_never_answers_is_given_up_on_at_the_deadline() {
        let store = Deadlined::wrap(Arc::new(Frozen), Duration::from_millis(200));
        let id: crate::store::AccountId = "a-example-com"
            .parse()
            .unwrap_or_else(|_| unreachable!("a valid id"));
        let entry = EntryName::for_account(&id, crate::store::Role::Incoming, "tag");
        let started = std::time::Instant::now();
        let e = store.get(&entry).err();
        assert!(matches!(e, Some(KeychainError::NoAnswer { .. })), "{e:?}");
        assert!(store.delete(&entry).is_err());
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
