//! IMAP's SASL framing for a SCRAM sign-in (`probe/scram_sign_in.rs`): `AUTHENTICATE`
//! (RFC 9051 §6.2.2) with the client-first message as its initial response when the server
//! offers SASL-IR (RFC 4959), else after the server's empty `+` continuation; challenges
//! arrive as `+ <base64>`, responses go as bare lines, `*` cancels.

use super::super::line::LineConn;
use super::wire::{SIGN_IN_TAG, completion, continuation, is_ok};
use crate::probe::failure::Failure;
use crate::probe::scram_sign_in::{STEP, SaslReply, SaslWire};

/// The sign-in's connection and whether the server offers SASL-IR.
pub(super) struct ImapSasl<'c> {
    pub conn: &'c mut LineConn,
    pub sasl_ir: bool,
}

impl SaslWire for ImapSasl<'_> {
    async fn begin(&mut self, mechanism: &str, initial: &str) -> Result<(), Failure> {
        let tag = SIGN_IN_TAG;
        if self.sasl_ir {
            return self
                .conn
                .send(STEP, &format!("{tag} AUTHENTICATE {mechanism} {initial}"))
                .await;
        }
        self.conn
            .send(STEP, &format!("{tag} AUTHENTICATE {mechanism}"))
            .await?;
        continuation(self.conn, tag).await?;
        self.conn.send(STEP, initial).await
    }

    fn line(&mut self) -> &mut LineConn {
        self.conn
    }

    async fn read(&mut self) -> Result<SaslReply, Failure> {
        let line = completion(self.conn, SIGN_IN_TAG).await?;
        Ok(match line.strip_prefix('+') {
            Some(payload) => SaslReply::Challenge(payload.trim().to_string()),
            None => SaslReply::Done {
                ok: is_ok(&line, SIGN_IN_TAG),
                line,
            },
        })
    }

    async fn cancel(&mut self) -> Result<String, Failure> {
        self.conn.send(STEP, "*").await?;
        completion(self.conn, SIGN_IN_TAG).await
    }
}
