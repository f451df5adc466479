//! What the network follow-up checks (`probe::doctor`, run without the password after a
//! failure) change about a diagnosis, in order:
//!
//! 1. a connectivity check answered by something else than its fixed text (a redirect, a
//!    login page) while the mail server showed a wrong certificate or spoke HTTP →
//!    `captive_portal`: the network wants a browser sign-in first;
//! 2. the port timed out or was refused, and the protocol's other standard port on the same
//!    server answers (RFC 8314 §3.3 / RFC 6409: 993/143, 995/110, 465/587) → `port_blocked`,
//!    naming the port that works; when it does not answer either, the advice says so;
//! 3. the name has IPv4 and IPv6 addresses and neither connected → each family's own result
//!    goes into the summary.
//!
//! Pure: the findings come in as values.

use super::{Cause, Diagnosis};
use crate::account::Security;
use crate::probe::family::{AttemptResult, Family};

/// What a follow-up check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The connectivity check at `url` got `answer` (a redirect, a page) instead of its text.
    SignInPage { url: String, answer: String },
    /// The protocol's other standard port on the same server answers.
    OtherPortAnswers { port: u16, security: Security },
    /// The other standard port does not answer either.
    OtherPortSilent { port: u16 },
    /// No address of either family connected: each family's result.
    NoFamilyWorks(Vec<(Family, AttemptResult)>),
}

/// The summary and advice of the network causes.
pub(super) fn words(cause: Cause) -> (String, String) {
    match cause {
        Cause::CaptivePortal => (
            t!("cause-captive-portal"),
            t!("cause-captive-portal-advice"),
        ),
        _ => (t!("cause-port-blocked"), t!("cause-port-blocked-advice")),
    }
}

/// How an attempt ended, in the chosen language (follows a family's name: "IPv6 does not
/// answer").
pub fn attempt_words_translated(r: AttemptResult) -> String {
    match r {
        AttemptResult::Connected => t!("network-attempt-connected"),
        AttemptResult::Refused => t!("network-attempt-refused"),
        AttemptResult::NoRoute => t!("network-attempt-no-route"),
        AttemptResult::Unreachable => t!("network-attempt-unreachable"),
        AttemptResult::NoAnswer => t!("network-attempt-no-answer"),
        AttemptResult::Failed => t!("network-attempt-failed"),
    }
}

/// How an attempt ended, in a few English words (the transcript's, kept English for the
/// technician).
pub fn attempt_words(r: AttemptResult) -> &'static str {
    match r {
        AttemptResult::Connected => "works",
        AttemptResult::Refused => "refuses the connection",
        AttemptResult::NoRoute => "has no route from this computer",
        AttemptResult::Unreachable => "is unreachable",
        AttemptResult::NoAnswer => "does not answer",
        AttemptResult::Failed => "fails",
    }
}

fn security_words(s: Security) -> String {
    match s {
        Security::Tls => "SSL/TLS",
        Security::StartTls => "STARTTLS",
        Security::Plain => return t!("network-no-encryption"),
    }
    .to_string()
}

/// Applies the findings of the follow-up checks to a diagnosis of a failure at `port`.
pub fn refine(d: &mut Diagnosis, port: u16, findings: &[Finding]) {
    let connect_failed = matches!(d.cause, Cause::ConnectionTimeout | Cause::ConnectionRefused);
    for f in findings {
        match f {
            Finding::SignInPage { url, answer } => {
                let (summary, advice) = words(Cause::CaptivePortal);
                d.cause = Cause::CaptivePortal;
                d.summary = summary;
                d.advice = advice;
                d.detail = format!(
                    "{}; the connectivity check {url} answered {answer}",
                    d.detail
                );
                return;
            }
            Finding::OtherPortAnswers {
                port: other,
                security,
            } if connect_failed => {
                d.summary = if d.cause == Cause::ConnectionRefused {
                    t!("network-port-refused", port = port, other = (*other))
                } else {
                    t!("network-port-blocked", port = port, other = (*other))
                };
                d.cause = Cause::PortBlocked;
                d.advice = format!(
                    "{} {}",
                    t!(
                        "network-change-port",
                        other = (*other),
                        security = security_words(*security)
                    ),
                    words(Cause::PortBlocked).1
                );
            }
            Finding::OtherPortSilent { port: other } if connect_failed => {
                d.advice = format!(
                    "{} {}",
                    d.advice,
                    t!("network-other-port-silent", other = (*other))
                );
            }
            Finding::NoFamilyWorks(results) if results.len() > 1 => {
                let each: Vec<String> = results
                    .iter()
                    .map(|(family, r)| {
                        t!(
                            "network-family-result",
                            family = family.name(),
                            result = attempt_words_translated(*r)
                        )
                    })
                    .collect();
                d.summary = t!(
                    "network-family-summary",
                    summary = d.summary.as_str(),
                    results = each.join("; ")
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::step::StepKind;

    fn timed_out() -> Diagnosis {
        Diagnosis {
            cause: Cause::ConnectionTimeout,
            summary: "The server did not answer the connection attempt.".into(),
            advice: "A firewall may be blocking this port.".into(),
            server_reply: None,
            step: StepKind::Connect,
            detail: "smtp.example.test:587: no answer".into(),
        }
    }

    #[test]
    fn the_other_port_that_answers_is_named() {
        let mut d = timed_out();
        refine(
            &mut d,
            587,
            &[Finding::OtherPortAnswers {
                port: 465,
                security: Security::Tls,
            }],
        );
        assert_eq!(d.cause, Cause::PortBlocked);
        assert_eq!(
            d.summary,
            "Port 587 is blocked on this network (no answer); port 465 on the same server works."
        );
        assert!(
            d.advice.starts_with("Change the port to 465 with SSL/TLS"),
            "{}",
            d.advice
        );
    }

    #[test]
    fn a_silent_other_port_is_said_and_the_cause_stays() {
        let mut d = timed_out();
        refine(&mut d, 587, &[Finding::OtherPortSilent { port: 465 }]);
        assert_eq!(d.cause, Cause::ConnectionTimeout);
        assert!(
            d.advice
                .ends_with("Port 465 of the same server does not answer either.")
        );
    }

    #[test]
    fn a_sign_in_page_wins_and_each_family_is_named() {
        let mut d = timed_out();
        refine(
            &mut d,
            587,
            &[Finding::NoFamilyWorks(vec![
                (Family::Ipv6, AttemptResult::NoAnswer),
                (Family::Ipv4, AttemptResult::Refused),
            ])],
        );
        assert!(
            d.summary
                .ends_with("(IPv6 does not answer; IPv4 refuses the connection.)"),
            "{}",
            d.summary
        );
        refine(
            &mut d,
            587,
            &[Finding::SignInPage {
                url: "http://check.test/".into(),
                answer: "302 → http://portal.test/login".into(),
            }],
        );
        assert_eq!(d.cause, Cause::CaptivePortal);
        assert!(d.detail.contains("portal.test/login"), "{}", d.detail);
    }
}
