//! A negative server reply taken apart, before anything is concluded from it: which status
//! form it has, the machine-readable codes it carries and the words around them.
//!
//! - IMAP (RFC 9051 §7.1, RFC 3501): `tag NO|BAD text`, `* NO|BAD|BYE text`, with bracketed
//!   response codes (RFC 5530: `[AUTHENTICATIONFAILED]`, `[UNAVAILABLE]` …; Gmail's
//!   `[WEBALERT url]`). A reply may hold several lines (an untagged alert, then the tagged
//!   completion); codes are collected from every line, the status from the tagged one.
//! - POP3 (RFC 1939): `-ERR text`, with RFC 2449 extended response codes (`[IN-USE]`,
//!   `[LOGIN-DELAY]`, `[SYS/TEMP]`, `[SYS/PERM]`, `[AUTH]`, RFC 3206).
//! - SMTP (RFC 5321 §4.2): a three-digit reply code, then (RFC 2034, RFC 3463) an enhanced
//!   status code `class.subject.detail`, then text; continuation lines follow.
//!
//! Pure and bounded: only the first [`MAX_REPLY`] bytes are looked at.

use crate::account::Protocol;

/// Longest reply text examined (replies are capped by the line reader already).
const MAX_REPLY: usize = 8 * 1024;

/// The status a reply ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    /// IMAP `NO`.
    ImapNo,
    /// IMAP `BAD`.
    ImapBad,
    /// IMAP `BYE` (the server hangs up).
    ImapBye,
    /// POP3 `-ERR`.
    Pop3Err,
    /// An SMTP reply code.
    Smtp(u16),
    /// Anything else: a success form given as a refusal, or not this protocol at all.
    Other,
}

impl Status {
    /// Whether this is one of the protocol's ways of saying no.
    pub fn is_refusal(self) -> bool {
        match self {
            Status::ImapNo | Status::ImapBad | Status::ImapBye | Status::Pop3Err => true,
            Status::Smtp(code) => (400..600).contains(&code),
            Status::Other => false,
        }
    }
}

/// An RFC 3463 enhanced status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Enhanced {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl Enhanced {
    /// `class.subject.detail`, e.g. `"5.7.8"`; `None` when the word is something else.
    fn parse(word: &str) -> Option<Self> {
        let mut parts = word.split('.');
        let class = parts
            .next()?
            .parse()
            .ok()
            .filter(|c| matches!(c, 2 | 4 | 5))?;
        let subject = parts.next()?.parse().ok().filter(|s| *s < 1000)?;
        let detail = parts.next()?.parse().ok().filter(|d| *d < 1000)?;
        parts.next().is_none().then_some(Enhanced {
            class,
            subject,
            detail,
        })
    }

    /// Same subject and detail, whatever the class (4.7.0 and 5.7.0 share a meaning).
    pub fn is(self, subject: u16, detail: u16) -> bool {
        self.subject == subject && self.detail == detail
    }
}

/// A reply taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reply {
    pub status: Status,
    /// Bracketed response codes (IMAP, POP3), upper case, without arguments:
    /// `"AUTHENTICATIONFAILED"`, `"SYS/TEMP"`, `"WEBALERT"`.
    pub codes: Vec<String>,
    /// The SMTP enhanced status code, where there is one.
    pub enhanced: Option<Enhanced>,
    /// The whole reply in upper case, for matching known server words.
    pub upper: String,
}

impl Reply {
    pub fn parse(protocol: Protocol, reply: &str) -> Self {
        let text = cap(reply);
        let upper = text.to_ascii_uppercase();
        let mut codes = Vec::new();
        let mut enhanced = None;
        let status = match protocol {
            Protocol::Imap => {
                // The tagged completion decides; untagged lines (an alert, a BYE after the
                // refusal) only add their codes.
                let mut tagged = None;
                let mut untagged = Status::Other;
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    let (line_status, rest) = imap_status(line);
                    if line.trim_start().starts_with('*') {
                        untagged = line_status;
                    } else {
                        tagged = Some(line_status);
                    }
                    codes.extend(bracket_code(rest));
                }
                tagged.unwrap_or(untagged)
            }
            Protocol::Pop3 => match text.trim_start().strip_prefix("-ERR") {
                Some(rest) => {
                    codes.extend(bracket_code(rest.trim_start()));
                    Status::Pop3Err
                }
                None => Status::Other,
            },
            Protocol::Smtp => {
                let (status, rest) = smtp_status(text);
                enhanced = rest
                    .split_whitespace()
                    .next()
                    .and_then(Enhanced::parse)
                    .filter(|_| status != Status::Other);
                status
            }
        };
        Reply {
            status,
            codes,
            enhanced,
            upper,
        }
    }

    /// Whether a bracketed code is present.
    pub fn has_code(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c == code)
    }

    /// The SMTP reply code, if any.
    pub fn smtp_code(&self) -> Option<u16> {
        match self.status {
            Status::Smtp(code) => Some(code),
            _ => None,
        }
    }

    /// Whether the reply's words contain `needle` (upper case), anywhere.
    pub fn says(&self, needle: &str) -> bool {
        self.upper.contains(needle)
    }
}

fn cap(reply: &str) -> &str {
    if reply.len() <= MAX_REPLY {
        return reply;
    }
    let mut end = MAX_REPLY;
    while !reply.is_char_boundary(end) {
        end -= 1;
    }
    &reply[..end]
}

/// `tag STATUS rest` or `* STATUS rest` → (status, rest).
fn imap_status(line: &str) -> (Status, &str) {
    let mut parts = line.trim_start().splitn(3, ' ');
    let _tag = parts.next();
    let word = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("");
    let status = if word.eq_ignore_ascii_case("NO") {
        Status::ImapNo
    } else if word.eq_ignore_ascii_case("BAD") {
        Status::ImapBad
    } else if word.eq_ignore_ascii_case("BYE") {
        Status::ImapBye
    } else {
        Status::Other
    };
    (status, rest)
}

/// `NNN text` or `NNN-text` → (status, text after the code).
fn smtp_status(text: &str) -> (Status, &str) {
    let t = text.trim_start();
    let bytes = t.as_bytes();
    let well_formed = bytes.len() >= 3
        && bytes[..3].iter().all(u8::is_ascii_digit)
        && matches!(bytes.get(3), None | Some(b' ') | Some(b'-'));
    if !well_formed {
        return (Status::Other, t);
    }
    let code = t[..3].parse().unwrap_or(0);
    (Status::Smtp(code), t.get(4..).unwrap_or(""))
}

/// The code in a leading `[CODE args]`, upper case, without its arguments.
fn bracket_code(rest: &str) -> Option<String> {
    let inner = rest.trim_start().strip_prefix('[')?;
    let end = inner.find(']')?;
    let code = inner[..end].split_whitespace().next()?;
    Some(code.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imap_lines_give_status_and_every_code() {
        let r = Reply::parse(
            Protocol::Imap,
            "* NO [WEBALERT https://accounts.example/x] Web login required.\r\n\
             a1 NO [ALERT] Please log in via your web browser (Failure)",
        );
        assert_eq!(r.status, Status::ImapNo);
        assert_eq!(r.codes, vec!["WEBALERT", "ALERT"]);
        // A BYE after the tagged refusal does not hide it.
        let r = Reply::parse(
            Protocol::Imap,
            "a2 NO LOGIN failed.\r\n* BYE Connection closed.",
        );
        assert_eq!(r.status, Status::ImapNo);
        let r = Reply::parse(Protocol::Imap, "* BYE Connection closed. 14");
        assert_eq!(r.status, Status::ImapBye);
        assert!(r.codes.is_empty());
        assert_eq!(
            Reply::parse(Protocol::Imap, "a1 OK done").status,
            Status::Other
        );
        assert_eq!(Reply::parse(Protocol::Imap, "").status, Status::Other);
    }

    #[test]
    fn pop3_extended_codes_rfc_2449_and_3206() {
        let r = Reply::parse(Protocol::Pop3, "-ERR [SYS/TEMP] Try later");
        assert_eq!(r.status, Status::Pop3Err);
        assert_eq!(r.codes, vec!["SYS/TEMP"]);
        assert!(Reply::parse(Protocol::Pop3, "-ERR no").codes.is_empty());
        assert_eq!(
            Reply::parse(Protocol::Pop3, "+OK fine").status,
            Status::Other
        );
        assert_eq!(
            Reply::parse(Protocol::Pop3, "Hello there").status,
            Status::Other
        );
    }

    #[test]
    fn smtp_codes_and_enhanced_codes_rfc_3463() {
        let r = Reply::parse(
            Protocol::Smtp,
            "535-5.7.8 Username and Password not accepted.",
        );
        assert_eq!(r.status, Status::Smtp(535));
        assert_eq!(
            r.enhanced,
            Some(Enhanced {
                class: 5,
                subject: 7,
                detail: 8
            })
        );
        assert!(r.enhanced.is_some_and(|e| e.is(7, 8)));
        let r = Reply::parse(Protocol::Smtp, "535 Incorrect authentication data");
        assert_eq!(r.enhanced, None);
        assert_eq!(Reply::parse(Protocol::Smtp, "hello").status, Status::Other);
        assert_eq!(
            Reply::parse(Protocol::Smtp, "5.7.8 no code").status,
            Status::Other
        );
        assert!(!Status::Smtp(334).is_refusal());
        assert!(Status::Smtp(454).is_refusal());
    }

    #[test]
    fn long_and_multibyte_replies_are_cut_safely() {
        let long = format!("-ERR {}", "ä".repeat(MAX_REPLY));
        let r = Reply::parse(Protocol::Pop3, &long);
        assert_eq!(r.status, Status::Pop3Err);
        assert!(r.upper.len() <= MAX_REPLY);
    }
}
