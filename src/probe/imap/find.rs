//! The round trip's IMAP errand: find the test message by its Message-ID and remove that one
//! message, never any other (RFC 9051; UIDPLUS RFC 4315).
//!
//! In order:
//! 1. `SELECT INBOX` (read-write: the message is to be deleted);
//! 2. `UID SEARCH HEADER Message-ID "<…>"` every `every` until it is there or `give_up`
//!    passes (each command lets the server report new mail, RFC 9051 §7);
//! 3. `CAPABILITY` again: the list before the sign-in need not name what is offered after it
//!    (RFC 9051 §6.1.1, §7.2.2; Dovecot, Dec 2026, names `UIDPLUS` only after it);
//! 4. `UID STORE <uid> +FLAGS.SILENT (\Deleted)`;
//! 5. removing it:
//!    - with `UIDPLUS` or `IMAP4rev2`: `UID EXPUNGE <uid>` removes that message only
//!      (RFC 4315 §2.1, RFC 9051 §6.4.9);
//!    - without either, a plain `EXPUNGE` would remove *every* message flagged `\Deleted`
//!      (RFC 9051 §6.4.3) — mail the person's own program keeps until it cleans up. So
//!      `UID SEARCH DELETED` first: when any other message carries the flag, the test message
//!      is left flagged, nothing is expunged, and the facts say so (`left_flagged`); when
//!      none does, `EXPUNGE` removes only ours;
//! 6. `LOGOUT`.

use std::time::Instant;

use async_imap::Client;

use super::wire::{Answer, ImapClient, has_cap, join, tagged_on};
use crate::probe::failure::Failure;
use crate::probe::line::LineConn;
use crate::probe::mission::{Find, MessageFacts};
use crate::probe::session::{Ctx, rejected};
use crate::probe::step::StepKind;

/// How the test message was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Removal {
    /// `UID EXPUNGE` of its UID (UIDPLUS or IMAP4rev2).
    UidExpunge,
    /// `EXPUNGE`: no other message was flagged `\Deleted`.
    Expunge,
    /// Flagged `\Deleted` and left: other messages carry the flag too.
    LeftFlagged,
}

/// Which removal the capabilities after sign-in allow (step 5), before looking at flags.
pub(super) fn can_uid_expunge(caps: &[String]) -> bool {
    has_cap(caps, "UIDPLUS") || has_cap(caps, "IMAP4rev2")
}

/// Step 5 without UIDPLUS: whether anything other than `ours` is flagged `\Deleted`.
pub(super) fn others_flagged(flagged: &[u32], ours: &[u32]) -> bool {
    flagged.iter().any(|uid| !ours.contains(uid))
}

/// Runs steps 1–6 on the signed-in connection.
pub(super) async fn find_and_delete(
    ctx: &mut Ctx<'_>,
    conn: LineConn,
    find: &Find,
) -> Result<(), Failure> {
    let endpoint = ctx.endpoint();
    let (rec, _mask) = conn.into_recorder();
    let mut client = Client::new(rec);
    let limit = ctx.opts.timeouts.command;
    let mut facts = MessageFacts::new(&find.message);

    let selected = ctx
        .step(
            StepKind::Mailbox,
            limit,
            tagged_on(
                &mut client,
                &endpoint,
                StepKind::Mailbox,
                limit,
                "r1",
                "SELECT INBOX",
            ),
            |a| format!("INBOX has {} messages", a.exists.unwrap_or(0)),
        )
        .await;
    let selected = match selected {
        Err(Failure::Rejected { step, reply, .. }) => return Err(rejected(ctx, step, &reply)),
        other => other?,
    };
    ctx.facts.messages = selected.exists.map(u64::from);

    let began = ctx.begin(StepKind::FindMessage);
    let search = find.message.imap_search();
    let uids = loop {
        facts.looks += 1;
        let tag = format!("r{}", facts.looks + 1);
        let found = match tagged_on(
            &mut client,
            &endpoint,
            StepKind::FindMessage,
            limit,
            &tag,
            &search,
        )
        .await
        {
            Ok(a) => a.found,
            Err(f) => {
                ctx.record(StepKind::FindMessage, began, Err(&f));
                ctx.facts.test_message = Some(facts);
                return Err(match f {
                    Failure::Rejected { step, reply, .. } => rejected(ctx, step, &reply),
                    other => other,
                });
            }
        };
        let now = Instant::now();
        if !found.is_empty() || now >= find.give_up {
            break found;
        }
        tokio::time::sleep(find.every.min(find.give_up - now)).await;
    };
    if uids.is_empty() {
        let f = Failure::MessageNotArrived {
            endpoint: endpoint.clone(),
            message_id: find.message.message_id.clone(),
            after: began.elapsed(),
        };
        ctx.record(StepKind::FindMessage, began, Err(&f));
        ctx.facts.test_message = Some(facts);
        return Err(f);
    }
    facts.found = true;
    facts.at = Some(Instant::now());
    ctx.record(
        StepKind::FindMessage,
        began,
        Ok(format!(
            "in INBOX (UID {}), after {} looks",
            join(&uids),
            facts.looks
        )),
    );

    let set = join(&uids);
    let removed = ctx
        .step(
            StepKind::DeleteMessage,
            limit,
            remove(&mut client, &endpoint, limit, &uids),
            |removal| match removal {
                Removal::UidExpunge | Removal::Expunge => format!("deleted (UID {set})"),
                Removal::LeftFlagged => format!(
                    "UID {set} flagged \\Deleted and left: other messages in INBOX are flagged \
                     \\Deleted too, and EXPUNGE would remove them as well"
                ),
            },
        )
        .await;
    facts.deleted = matches!(removed, Ok(Removal::UidExpunge | Removal::Expunge));
    facts.left_flagged = matches!(removed, Ok(Removal::LeftFlagged));
    ctx.facts.test_message = Some(facts);
    if let Err(f) = removed {
        return Err(match f {
            Failure::Rejected { step, reply, .. } => rejected(ctx, step, &reply),
            other => other,
        });
    }
    ctx.goodbye("LOGOUT", async {
        tagged_on(
            &mut client,
            &endpoint,
            StepKind::Logout,
            limit,
            "d9",
            "LOGOUT",
        )
        .await
        .map(|_| "LOGOUT accepted".to_string())
    })
    .await
}

/// Steps 3–5 for the message(s) `uids`.
async fn remove(
    client: &mut ImapClient,
    endpoint: &str,
    limit: std::time::Duration,
    uids: &[u32],
) -> Result<Removal, Failure> {
    let step = StepKind::DeleteMessage;
    let set = join(uids);
    // A server that refuses CAPABILITY here offers nothing we may rely on: no UID EXPUNGE.
    let caps = match tagged_on(client, endpoint, step, limit, "d1", "CAPABILITY").await {
        Ok(answer) => answer,
        Err(Failure::Rejected { .. }) => Answer::default(),
        Err(other) => return Err(other),
    };
    let store = format!("UID STORE {set} +FLAGS.SILENT (\\Deleted)");
    tagged_on(client, endpoint, step, limit, "d2", &store).await?;
    if can_uid_expunge(&caps.capabilities) {
        let expunge = format!("UID EXPUNGE {set}");
        tagged_on(client, endpoint, step, limit, "d3", &expunge).await?;
        return Ok(Removal::UidExpunge);
    }
    let flagged = tagged_on(client, endpoint, step, limit, "d3", "UID SEARCH DELETED").await?;
    if others_flagged(&flagged.found, uids) {
        return Ok(Removal::LeftFlagged);
    }
    tagged_on(client, endpoint, step, limit, "d4", "EXPUNGE").await?;
    Ok(Removal::Expunge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_expunge_needs_uidplus_or_imap4rev2() {
        let caps = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(can_uid_expunge(&caps(&["IMAP4rev1", "UIDPLUS"])));
        assert!(can_uid_expunge(&caps(&["imap4rev2"])));
        assert!(!can_uid_expunge(&caps(&[
            "IMAP4rev1",
            "IDLE",
            "AUTH=PLAIN"
        ])));
        assert!(!can_uid_expunge(&[]));
    }

    #[test]
    fn only_another_flagged_message_keeps_the_test_message_flagged() {
        assert!(!others_flagged(&[], &[7]));
        assert!(!others_flagged(&[7], &[7]));
        assert!(others_flagged(&[3, 7], &[7]));
        assert!(others_flagged(&[3], &[7]));
    }
}
