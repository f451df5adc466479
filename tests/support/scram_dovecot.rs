//! A real Dovecot whose only sign-in is SCRAM-SHA-256 (RFC 7677; `auth_mechanisms =
//! scram-sha-256`), each user's passwd-file entry a `{SCRAM-SHA-256}` hash from `doveadm pw`.
//! Users, listeners and the mail layout are those of `dovecot`.
//!
//! Dovecot 2.3 (Debian 12) has no `-PLUS` mechanism: it offers `AUTH=SCRAM-SHA-256` only, so
//! the client binds nothing and says `y` (it could bind; the server offered no `-PLUS`). It
//! answers the client-first message with a server-first challenge, a wrong proof with its
//! usual refusal (`NO [AUTHENTICATIONFAILED] Authentication failed.`, `-ERR [AUTH] …`,
//! `535 5.7.8 …`), and a right one with the server-final `v=` challenge before its OK.

use std::ops::Deref;
use std::process::Command;

use super::dovecot::{Auth, Dovecot, Relay};

/// A Dovecot of one's own that signs in with SCRAM-SHA-256 only; stopped on drop.
pub struct ScramDovecot {
    dovecot: Dovecot,
}

impl Deref for ScramDovecot {
    type Target = Dovecot;
    fn deref(&self) -> &Dovecot {
        &self.dovecot
    }
}

impl Drop for ScramDovecot {
    fn drop(&mut self) {
        // Ours, by its id (setpriv execs Dovecot, so the id is Dovecot's master).
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.dovecot.pid.to_string())
            .status();
    }
}

/// The SCRAM-only Dovecot of this test process, started on first use.
pub fn scram_dovecot() -> &'static Dovecot {
    static DOVECOT: std::sync::LazyLock<ScramDovecot> = std::sync::LazyLock::new(|| ScramDovecot {
        dovecot: Dovecot::start(Relay::Sink, &Auth::Scram),
    });
    &DOVECOT
}
