//! Microsoft Autodiscover, the safe way (issue 24 §1; `[MS-OXDSCLI]`, POX).
//!
//! In order, all at once:
//! 1. the POX request for the address is POSTed to
//!    `https://autodiscover.<domain>/autodiscover/autodiscover.xml`,
//!    `https://<domain>/autodiscover/autodiscover.xml` and, when `_autodiscover._tcp.<domain>`
//!    names one (RFC 2782 order), its target; a server that refuses the POST with 405 is
//!    asked with a GET, as Delta Chat asks;
//! 2. when the domain's MX is Microsoft's (`microsoft365.rs`), Microsoft 365's
//!    unauthenticated v2 endpoint is asked whether the mailbox lives there.
//!
//! **Never with credentials**: no `Authorization` header, no Basic auth, no token — the way
//! Thunderbird sends the password to any `autodiscover.<tld>` host is how passwords were
//! harvested. A 401 ends that URL's attempt; nothing is retried. An answer's
//! `redirectAddr`/`redirectUrl` is followed at most twice (`MAX_REDIRECTS`); a third is
//! refused as an error.
//!
//! The first URL (in the order above) whose answer names IMAP, POP3 or SMTP servers gives the
//! candidates (`autodiscover_xml` reads them, RFC 8314 reading of `SSL`); an answer that offers
//! only Exchange is said honestly (`ExchangeOffer`), and the guesses run as ever.
//!
//! Trust, as for the domain's own autoconfig: an answer over verified HTTPS from the
//! domain's own hosts (`Channel::Https`) vouches for the servers it names. An HTTP redirect
//! or an Autodiscover redirect that leaves the domain (`Channel::RedirectedOff`), and an SRV
//! target outside the domain (`Channel::Dns`, unsigned DNS), vouch for nothing: the person
//! confirms such a host before the password goes there (`vouch.rs`).

use super::autodiscover_xml::{self, Action, AutodiscoverError, PoxAnswer};
use super::candidate::Candidate;
use super::config_v11::AuthMethod;
use super::ctx::{Ctx, Findings};
use super::microsoft365;
use super::result::{ExchangeOffer, SourceError};
use super::source::{Channel, Origin, SourceId, in_domain};
use super::via::Via;
use crate::account::EmailAddress;
use crate::dns::srv_order;

/// Autodiscover redirects (`redirectAddr`, `redirectUrl`) followed before giving up.
pub const MAX_REDIRECTS: usize = 2;

/// The path every POX URL ends in.
const PATH: &str = "/autodiscover/autodiscover.xml";

/// Where one chain of requests starts, and what its answer is worth if it stays there.
struct Start {
    url: String,
    channel: Channel,
}

/// An answer with settings (servers, or Exchange only), and how it was reached.
struct Settled {
    answer: PoxAnswer,
    /// The address the answer is for (another one after a `redirectAddr`).
    email: EmailAddress,
    channel: Channel,
    /// The URLs asked, joined by arrows.
    via: String,
    /// The URL that answered, after HTTP redirects.
    answered: String,
}

/// How one chain ended.
enum Outcome {
    Settings(Box<Settled>),
    /// Nothing usable there; why, for the source's notes.
    Nothing(String),
}

pub(crate) async fn run(ctx: &Ctx) -> Result<Findings, SourceError> {
    let (pox, m365) = tokio::join!(pox(ctx), microsoft365::run(ctx));
    let mut f = pox?;
    let m365 = m365?;
    f.asked.extend(m365.asked);
    f.notes.extend(m365.notes);
    f.candidates.extend(m365.candidates);
    f.provider = f.provider.or(m365.provider);
    f.oauth2 = f.oauth2.or(m365.oauth2);
    Ok(f)
}

/// The POX part: every start at once, the first with settings wins.
async fn pox(ctx: &Ctx) -> Result<Findings, SourceError> {
    let domain = ctx.email.domain_ascii();
    let mut f = Findings::default();
    let mut starts = vec![
        Start {
            url: format!("https://autodiscover.{domain}{PATH}"),
            channel: Channel::Https,
        },
        Start {
            url: format!("https://{domain}{PATH}"),
            channel: Channel::Https,
        },
    ];
    let srv_name = format!("_autodiscover._tcp.{domain}");
    f.asked.push(format!("SRV {srv_name}"));
    // The SRV lookup and its target run beside the two fixed URLs, not before them: with a
    // DNS server that does not answer, one after the other would outlast the source's time.
    let via_srv = async {
        match srv_start(ctx, &srv_name).await {
            Ok(Some(start)) => {
                let answer = chain(ctx, &start).await;
                Ok(Some((start, answer)))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    };
    let fixed = futures::future::join_all(starts.iter().map(|s| chain(ctx, s)));
    let (mut chains, srv) = tokio::join!(fixed, via_srv);
    match srv {
        Ok(Some((start, answer))) => {
            starts.push(start);
            chains.push(answer);
        }
        Ok(None) => {}
        Err(note) => f.notes.push(note),
    }
    let mut settled: Vec<Settled> = Vec::new();
    let mut errors: Vec<SourceError> = Vec::new();
    for (start, (asked, r)) in starts.iter().zip(chains) {
        f.asked.extend(asked);
        match r {
            Ok(Outcome::Nothing(why)) => f.notes.push(why),
            Ok(Outcome::Settings(o)) => settled.push(*o),
            Err(e) => {
                f.notes.push(format!("{}: {e}", start.url));
                errors.push(e);
            }
        }
    }
    // The first answer naming servers; else the first offering Exchange only.
    let best = settled
        .iter()
        .position(|o| !o.answer.servers.is_empty())
        .or_else(|| (!settled.is_empty()).then_some(0));
    let Some(best) = best else {
        // A refused answer (hostile, malformed, too many redirects) says so; so does a
        // source none of whose URLs could be asked.
        let refused = errors
            .iter()
            .position(|e| matches!(e, SourceError::Autodiscover { .. }));
        if let Some(i) = refused.or_else(|| (errors.len() == starts.len()).then_some(0)) {
            return Err(errors.swap_remove(i));
        }
        return Ok(f);
    };
    let Settled {
        answer,
        email,
        channel,
        via,
        answered,
    } = settled.swap_remove(best);
    f.notes.extend(answer.warnings.iter().cloned());
    if channel.verified() {
        ctx.vouch_date(&answered);
    }
    if answer.exchange_only() {
        f.notes.push(format!(
            "{via} offers Microsoft Exchange ({}) and no IMAP, POP3 or SMTP server",
            answer.exchange.join(", ")
        ));
        f.exchange = Some(ExchangeOffer {
            kinds: answer.exchange.clone(),
            ews_url: answer.ews_url.clone(),
            via: via.clone(),
        });
    }
    f.candidates = candidates(ctx, &answer, &email, channel, &via);
    Ok(f)
}

/// The `_autodiscover._tcp` target as a start (`None` when there is none).
async fn srv_start(ctx: &Ctx, name: &str) -> Result<Option<Start>, SourceError> {
    let mut records = ctx.dns()?.srv(name).await?;
    srv_order(&mut records);
    let Some(r) = records.iter().find(|r| !r.not_offered() && r.port != 0) else {
        return Ok(None);
    };
    let target = super::host_name::check_host(r.target.trim_end_matches('.')).map_err(|error| {
        SourceError::BadHost {
            place: format!("SRV {name}"),
            error,
        }
    })?;
    let port = if r.port == 443 {
        String::new()
    } else {
        format!(":{}", r.port)
    };
    let channel = if in_domain(&target, ctx.email.domain_ascii()) {
        Channel::Https
    } else {
        Channel::Dns
    };
    Ok(Some(Start {
        url: format!("https://{target}{port}{PATH}"),
        channel,
    }))
}

/// What one request brought.
enum Asked {
    /// A body with status 200, from this URL (after HTTP redirects).
    Body { url: String, body: Vec<u8> },
    /// Nothing there (no such host, nothing listening, 404, 410).
    Absent,
    /// 401: the server wants credentials, which are never sent.
    WantsCredentials,
    /// Another status.
    Status(u16),
}

/// POSTs the request for `email` to `url`; a 405 is asked again with a GET.
async fn ask(ctx: &Ctx, url: &str, email: &EmailAddress) -> Result<Asked, SourceError> {
    let http = ctx.http()?;
    let mut answer = http
        .send_xml(url, Some(autodiscover_xml::request_body(email)))
        .await;
    if matches!(&answer, Ok(a) if a.status == 405) {
        answer = http.send_xml(url, None).await;
    }
    let answer = match answer {
        Ok(a) => a,
        Err(e) if e.is_absent() => return Ok(Asked::Absent),
        Err(e) => return Err(e.into()),
    };
    Ok(match answer.status {
        200 => Asked::Body {
            url: answer.url.clone(),
            body: answer.body.to_vec(),
        },
        401 => Asked::WantsCredentials,
        404 | 410 => Asked::Absent,
        other => Asked::Status(other),
    })
}

/// Whether a chain that was worth `have` still is after an answer worth `now`: a redirect
/// can lower what an answer is worth, never raise it.
fn lower(have: Channel, now: Channel) -> Channel {
    if have.verified() { now } else { have }
}

/// One start, followed through at most `MAX_REDIRECTS` Autodiscover redirects. Returns the
/// URLs asked beside the outcome.
async fn chain(ctx: &Ctx, start: &Start) -> (Vec<String>, Result<Outcome, SourceError>) {
    let domain = ctx.email.domain_ascii().to_string();
    let mut asked = Vec::new();
    let mut url = start.url.clone();
    let mut email = ctx.email.clone();
    let mut channel = start.channel.clone();
    let mut redirects = 0;
    loop {
        asked.push(url.clone());
        let via = asked.join(" → ");
        let (answered, body) = match ask(ctx, &url, &email).await {
            Ok(Asked::Body { url, body }) => (url, body),
            Ok(Asked::Absent) => {
                return (asked, Ok(Outcome::Nothing(format!("{url}: nothing there"))));
            }
            Ok(Asked::WantsCredentials) => {
                let why = format!(
                    "{url} asks for a password (HTTP 401); mailsetup never sends one to \
                     Autodiscover"
                );
                return (asked, Ok(Outcome::Nothing(why)));
            }
            Ok(Asked::Status(status)) => {
                let why = format!("{url}: the server answered HTTP {status}");
                return (asked, Ok(Outcome::Nothing(why)));
            }
            Err(e) => return (asked, Err(e)),
        };
        // Inside the domain asked, an HTTP redirect keeps the answer the domain's word.
        channel = lower(channel, Channel::of_fetch(&url, &answered, &domain));
        if !autodiscover_xml::looks_like_autodiscover(&body) {
            let why = format!("{answered} answered with something else than Autodiscover");
            return (asked, Ok(Outcome::Nothing(why)));
        }
        let refused = |error| SourceError::Autodiscover {
            url: answered.clone(),
            error,
        };
        let answer = match autodiscover_xml::parse(&body, autodiscover_xml::Limits::default()) {
            Ok(a) => a,
            Err(error) => return (asked, Err(refused(error))),
        };
        let next = match &answer.action {
            Action::Settings => {
                let outcome = Outcome::Settings(Box::new(Settled {
                    answer,
                    email,
                    channel,
                    via,
                    answered,
                }));
                return (asked, Ok(outcome));
            }
            Action::Error { code, message } => {
                let words: String = message.chars().take(200).collect();
                let why = format!("{answered} answered Autodiscover error {code}: {words}");
                return (asked, Ok(Outcome::Nothing(why)));
            }
            Action::RedirectAddr { address } => {
                let Ok(to) = EmailAddress::parse(address) else {
                    let e = AutodiscoverError::BadRedirectAddr(address.clone());
                    return (asked, Err(refused(e)));
                };
                let next = if to.domain_ascii() == email.domain_ascii() {
                    url.clone()
                } else {
                    format!("https://autodiscover.{}{PATH}", to.domain_ascii())
                };
                if !in_domain(to.domain_ascii(), &domain) {
                    channel = lower(channel, Channel::RedirectedOff { to: to.to_ascii() });
                }
                email = to;
                next
            }
            Action::RedirectUrl { url: to } => {
                let host = reqwest::Url::parse(to)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string))
                    .unwrap_or_default();
                if !in_domain(&host, &domain) {
                    channel = lower(channel, Channel::RedirectedOff { to: to.clone() });
                }
                to.clone()
            }
        };
        redirects += 1;
        if redirects > MAX_REDIRECTS {
            let e = AutodiscoverError::TooManyRedirects {
                limit: MAX_REDIRECTS,
            };
            return (asked, Err(refused(e)));
        }
        url = next;
    }
}

/// The answer's IMAP, POP3 and SMTP servers as candidates for this address. The username
/// is the answer's `LoginName`, else the address the answer is for.
fn candidates(
    ctx: &Ctx,
    answer: &PoxAnswer,
    email: &EmailAddress,
    channel: Channel,
    via: &str,
) -> Vec<Candidate> {
    answer
        .servers
        .iter()
        .map(|s| {
            let username = s.login_name.clone().unwrap_or_else(|| email.to_ascii());
            let mut c = Candidate::new(
                s.protocol,
                &s.host,
                s.port,
                s.security,
                username,
                &ctx.email,
                Origin::new(
                    SourceId::Autodiscover,
                    channel.clone(),
                    Via::Trail(via.to_string()),
                ),
            );
            c.auth = vec![if s.spa {
                AuthMethod::Ntlm
            } else {
                AuthMethod::PasswordCleartext
            }];
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_lowers_what_an_answer_is_worth_never_raises_it() {
        let off = Channel::RedirectedOff {
            to: "https://x.test/".into(),
        };
        assert_eq!(lower(Channel::Https, Channel::Https), Channel::Https);
        assert_eq!(lower(Channel::Https, off.clone()), off);
        assert_eq!(lower(off.clone(), Channel::Https), off);
        assert_eq!(lower(Channel::Dns, Channel::Https), Channel::Dns);
    }
}
