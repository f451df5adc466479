//! IMAP sign-in with an OAuth 2.0 access token: `AUTHENTICATE OAUTHBEARER|XOAUTH2` (RFC 7628,
//! RFC 9051 §6.2.2, SASL-IR RFC 4959); the shared parts are in `probe/bearer.rs`.

use super::super::line::LineConn;
use super::wire::{SIGN_IN_TAG, auth_names, completion, continuation, has_cap, is_ok};
use crate::probe::bearer::{Answer, STEP, choose, run_step};
use crate::probe::failure::Failure;
use crate::probe::sasl::{self, Mechanism};
use crate::probe::session::Ctx;
use zeroize::Zeroizing;

/// `AUTHENTICATE OAUTHBEARER|XOAUTH2` (tag `m4`, as the password sign-in).
pub(super) async fn bearer_sign_in(
    ctx: &mut Ctx<'_>,
    conn: &mut LineConn,
    caps: &[String],
    forced: Option<Mechanism>,
) -> Result<(), Failure> {
    let offered: Vec<String> = auth_names(caps).map(str::to_string).collect();
    let (mechanism, response) = choose(ctx, &offered, forced, "AUTHENTICATE")?;
    let initial = has_cap(caps, "SASL-IR");
    let tag = SIGN_IN_TAG;
    let name = mechanism.name();
    let talk = async {
        if initial {
            let line = Zeroizing::new(format!("{tag} AUTHENTICATE {name} {}", response.as_str()));
            conn.send_secret(STEP, &line, 3).await?;
        } else {
            conn.send(STEP, &format!("{tag} AUTHENTICATE {name}"))
                .await?;
            continuation(conn, tag).await?;
            conn.send_secret(STEP, &response, 0).await?;
        }
        let done = completion(conn, tag).await?;
        let Some(payload) = done.strip_prefix('+') else {
            return Ok((
                if is_ok(&done, tag) {
                    Answer::Accepted
                } else {
                    Answer::Refused(done)
                },
                None,
            ));
        };
        let error = sasl::decode_error(payload).map(Box::new);
        conn.send(STEP, mechanism.dummy_response()).await?;
        let mut last = completion(conn, tag).await?;
        if last.starts_with('+') {
            // A second challenge: cancel the exchange (RFC 9051 §6.2.2).
            conn.send(STEP, "*").await?;
            last = completion(conn, tag).await?;
        }
        Ok((Answer::Challenge(last), error))
    };
    run_step(ctx, mechanism, talk).await
}
