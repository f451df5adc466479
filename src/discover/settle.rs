//! When discovery may stop waiting: as soon as no source still running could name a server
//! that ranks above the best one in hand, for incoming and for outgoing mail (issue 24 §6).
//! There is no fixed settling time; a source that has answered — even with "nothing" — holds
//! nobody back, and the per-source timeouts and the overall deadline still bound the wait.
//!
//! The ranking is `candidate.rs`'s. What a source still running could name at best: a host
//! vouched for (unless it is plain HTTP, which never vouches), with the source's own trust
//! (`SourceTrust::of` over a verified channel), over TLS, in the direction's first protocol
//! (IMAP for incoming, SMTP for outgoing). When that ties with the best in hand on those keys,
//! the earlier source in `SourceId` order wins, as it does in the ranking: the domain's own
//! autoconfig file is waited for after an ISPDB answer, a DNS or guessing source is not.
//! Agreement between sources (the ranking's next key) only orders servers of equal standing
//! and holds nobody back. This is a pure function of what is in hand; `mod.rs` asks it each
//! time a source answers.

use super::candidate::{Candidate, Standing};
use super::source::{Channel, SourceId, SourceTrust};
use crate::account::Protocol;

/// The sources among `pending` (still running) that could still name a better-ranked server
/// than the best of `in_hand` (merged and ranked candidates, or any candidates: each is
/// judged on its own standing), in the order given. Empty: discovery may stop.
pub fn still_worth_waiting(pending: &[SourceId], in_hand: &[Candidate]) -> Vec<SourceId> {
    pending
        .iter()
        .copied()
        .filter(|&s| could_outrank(s, in_hand))
        .collect()
}

/// Whether `source` could still name a server that ranks above the best of `in_hand`, for
/// incoming or for outgoing mail.
pub fn could_outrank(source: SourceId, in_hand: &[Candidate]) -> bool {
    let trust = SourceTrust::of(source, &Channel::Https);
    [Direction::Incoming, Direction::Outgoing]
        .into_iter()
        .any(|d| {
            let best = in_hand
                .iter()
                .filter(|c| d.covers(c.protocol))
                .map(|c| (c.standing(), first_source(c)))
                .min();
            match best {
                // With nothing in hand every source is worth its answer, the JMAP check too
                // (it turns "nothing found" into "this provider offers JMAP").
                None => true,
                // The JMAP check never names a server, so it never outranks one.
                Some(_) if source == SourceId::Jmap => false,
                Some(best) => (Standing::best_possible(trust, d.first_protocol()), source) < best,
            }
        })
}

/// The first of the sources that named a candidate (the ranking's source order).
fn first_source(c: &Candidate) -> SourceId {
    c.origins
        .iter()
        .map(|o| o.source)
        .min()
        .unwrap_or(SourceId::Guess)
}

/// Incoming mail (IMAP, POP3) or outgoing (SMTP): each needs its own best answer.
#[derive(Debug, Clone, Copy)]
enum Direction {
    Incoming,
    Outgoing,
}

impl Direction {
    fn covers(self, p: Protocol) -> bool {
        match self {
            Direction::Incoming => p.is_incoming(),
            Direction::Outgoing => !p.is_incoming(),
        }
    }

    /// The protocol that ranks first in this direction.
    fn first_protocol(self) -> Protocol {
        match self {
            Direction::Incoming => Protocol::Imap,
            Direction::Outgoing => Protocol::Smtp,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{EmailAddress, Security};
    use crate::discover::source::Origin;
    use crate::discover::via::Via;

    fn email() -> EmailAddress {
        EmailAddress::parse("a@example.test").unwrap()
    }

    /// A candidate named by one source: `host` decides vouching (in or outside the domain).
    fn named(source: SourceId, p: Protocol, host: &str, security: Security) -> Candidate {
        let channel = match source {
            SourceId::Provider => Channel::BuiltIn,
            SourceId::Mx | SourceId::Srv | SourceId::Guess => Channel::Dns,
            SourceId::AutoconfigHttp => Channel::PlainHttp,
            _ => Channel::Https,
        };
        let port = p.default_port(security);
        let origin = Origin::new(source, channel, Via::Trail(source.code().into()));
        Candidate::new(p, host, port, security, "a".into(), &email(), origin)
    }

    /// IMAP and SMTP over TLS in the domain, as one source names them.
    fn both(source: SourceId) -> Vec<Candidate> {
        vec![
            named(source, Protocol::Imap, "imap.example.test", Security::Tls),
            named(source, Protocol::Smtp, "smtp.example.test", Security::Tls),
        ]
    }

    use SourceId::*;

    #[test]
    fn which_pending_sources_can_still_outrank_what_is_in_hand() {
        let all_but = |s: &[SourceId]| -> Vec<SourceId> {
            SourceId::ALL
                .into_iter()
                .filter(|x| !s.contains(x))
                .collect()
        };
        let off = |source, p, s| named(source, p, "mail.other.test", s);
        #[rustfmt::skip]
        let table: Vec<(&str, Vec<Candidate>, Vec<SourceId>)> = vec![
            ("nothing in hand: every source may answer",
                vec![], SourceId::ALL.to_vec()),
            ("the table answered both: nobody ranks above it",
                both(Provider), vec![]),
            ("ISPDB answered both: only the table and the domain's own files (PACC too) rank above it",
                both(Ispdb), vec![Provider, Autoconfig, WellKnown, Pacc]),
            ("the domain's autoconfig answered both: nothing below it holds",
                both(Autoconfig), vec![Provider]),
            ("SRV answered in the domain: every trusted source can do better",
                both(Srv), vec![Provider, Autoconfig, WellKnown, Pacc, Ispdb, Autodiscover, Mx]),
            ("a guess: trusted and DNS sources can do better",
                both(Guess), vec![Provider, Autoconfig, WellKnown, Pacc, Ispdb, Autodiscover, Mx, Srv]),
            ("incoming only: every source could still name the outgoing server",
                vec![named(Ispdb, Protocol::Imap, "imap.example.test", Security::Tls)],
                SourceId::ALL.to_vec()),
            ("ISPDB names STARTTLS only: the domain's files and Autodiscover could name TLS",
                vec![
                    named(Ispdb, Protocol::Imap, "imap.example.test", Security::StartTls),
                    named(Ispdb, Protocol::Smtp, "smtp.example.test", Security::StartTls),
                ],
                vec![Provider, Autoconfig, WellKnown, Pacc, Autodiscover]),
            ("ISPDB names POP3 only: the domain's files and Autodiscover could name IMAP",
                vec![
                    named(Ispdb, Protocol::Pop3, "pop.example.test", Security::Tls),
                    named(Ispdb, Protocol::Smtp, "smtp.example.test", Security::Tls),
                ],
                vec![Provider, Autoconfig, WellKnown, Pacc, Autodiscover]),
            ("SRV targets off the domain are unvouched: a vouched guess would rank above",
                vec![
                    off(Srv, Protocol::Imap, Security::Tls),
                    off(Srv, Protocol::Smtp, Security::Tls),
                ],
                all_but(&[Srv, AutoconfigHttp, Jmap])),
            ("plain HTTP in hand: everything but plain HTTP itself (and JMAP, which names none) ranks above",
                vec![
                    named(AutoconfigHttp, Protocol::Imap, "imap.example.test", Security::Tls),
                    named(AutoconfigHttp, Protocol::Smtp, "smtp.example.test", Security::Tls),
                ],
                all_but(&[AutoconfigHttp, Jmap])),
        ];
        for (case, in_hand, expected) in table {
            let pending = all_but(
                &in_hand
                    .iter()
                    .flat_map(|c| c.origins.iter().map(|o| o.source))
                    .collect::<Vec<_>>(),
            );
            let expected: Vec<SourceId> = expected
                .into_iter()
                .filter(|s| pending.contains(s))
                .collect();
            assert_eq!(still_worth_waiting(&pending, &in_hand), expected, "{case}");
        }
    }

    #[test]
    fn a_server_several_sources_name_stands_on_its_best_source() {
        // A guess that ISPDB confirms stands where ISPDB's answer stands, once merged.
        let (merged, _) =
            crate::discover::candidate::merge(both(Guess).into_iter().chain(both(Ispdb)).collect());
        assert_eq!(
            still_worth_waiting(&[Autoconfig, Srv, Mx], &merged),
            vec![Autoconfig]
        );
    }
}
