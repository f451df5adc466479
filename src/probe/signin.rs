//! Choosing how to sign in, from what the server advertised and what the credentials contain
//! — pure functions, no I/O — and the exact bytes each choice sends.
//!
//! Where the server offers SCRAM, `scram_sign_in.rs` signs in with it first (the password is
//! proven, not sent); what follows is the choice among the forms that send the password.
//!
//! A password may hold any Unicode character. Each protocol has one form that carries UTF-8
//! exactly and forms that only carry part of it, so the choice is made per protocol in a fixed
//! order (first that fits wins; still exactly one attempt):
//!
//! IMAP (RFC 9051 / RFC 3501; SASL-IR RFC 4959; LITERAL+ / LITERAL- RFC 7888; PLAIN RFC 4616):
//! 1. `AUTHENTICATE PLAIN <initial response>` when AUTH=PLAIN and SASL-IR are offered: UTF-8
//!    by definition, one round trip.
//! 2. `LOGIN "user" "password"` when LOGIN is allowed and both are 7-bit text a quoted string
//!    carries (no NUL, CR, LF; `"` and `\` escaped): one round trip.
//! 3. `LOGIN` with non-synchronizing literals `{n+}` when LITERAL+ is offered (or LITERAL- /
//!    IMAP4rev2 and each literal is at most 4096 octets): 8-bit text, one round trip.
//! 4. `AUTHENTICATE PLAIN`, the credentials after the server's `+` continuation: two.
//! 5. `LOGIN` with synchronizing literals `{n}`, each sent after the server's `+`.
//!
//! POP3 (RFC 1939; CAPA RFC 2449; AUTH RFC 5034):
//! 1. `AUTH PLAIN <initial response>` when SASL PLAIN is offered and the line stays within
//!    RFC 2449's 255 octets; else `AUTH PLAIN` and the response after `+ `.
//! 2. `USER` / `PASS` when USER is offered (or the server has no CAPA). RFC 1939 arguments are
//!    printable ASCII; a password beyond that still goes as its UTF-8 bytes (the only way left,
//!    which most servers accept), and the report says so.
//!
//! SMTP (RFC 4954; PLAIN RFC 4616; LOGIN draft-murchison-sasl-login):
//! 1. `AUTH PLAIN <initial response>` (UTF-8, one round trip);
//! 2. `AUTH LOGIN` (UTF-8 in base64, three round trips).
//!
//! An OAuth 2.0 access token (all three protocols, `bearer`): OAUTHBEARER (RFC 7628) when
//! offered, else XOAUTH2; or the one the caller insists on, when the server offers it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use zeroize::Zeroizing;

use crate::probe::sasl::Mechanism;

/// Longest literal LITERAL- allows without a continuation (RFC 7888 §4).
const LITERAL_MINUS_MAX: usize = 4096;
/// Longest POP3 command line, CRLF included (RFC 2449 §4).
const POP3_MAX_LINE: usize = 255;

/// How the credentials are sent, and why that way (for the report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Choice<M> {
    pub method: M,
    /// The command or mechanism, e.g. `AUTHENTICATE PLAIN` (kept with saved settings).
    pub used: &'static str,
    /// Why this one, in a sentence.
    pub why: String,
}

/// Why no sign-in form fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoChoice {
    /// Nothing advertised that we can use.
    NoMechanism,
    /// The credentials hold a character no offered form can carry (e.g. NUL).
    Unsendable(&'static str),
}

// ---------------------------------------------------------------------------------------------
// IMAP

/// One IMAP astring argument as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImapArg {
    Quoted,
    /// `{n+}`: sent at once (LITERAL+ / LITERAL-).
    LiteralPlus,
    /// `{n}`: sent after the server's `+` continuation.
    LiteralSync,
}

/// An IMAP sign-in method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImapMethod {
    /// AUTHENTICATE PLAIN; `initial` = with SASL-IR.
    Plain {
        initial: bool,
    },
    Login {
        user: ImapArg,
        password: ImapArg,
    },
}

fn has(caps: &[String], name: &str) -> bool {
    caps.iter().any(|c| c.eq_ignore_ascii_case(name))
}

/// Whether a quoted string can carry `s` (RFC 9051 §9 `quoted`: 7-bit, no CR/LF/NUL).
fn quotable(s: &str) -> bool {
    s.bytes()
        .all(|b| (0x01..=0x7f).contains(&b) && b != b'\r' && b != b'\n')
}

/// Chooses the IMAP sign-in from the capabilities (LOGINDISABLED rules LOGIN out).
pub(crate) fn imap(
    caps: &[String],
    user: &str,
    password: &str,
) -> Result<Choice<ImapMethod>, NoChoice> {
    let plain = has(caps, "AUTH=PLAIN");
    let login_allowed = !has(caps, "LOGINDISABLED");
    let has_nul = user.contains('\0') || password.contains('\0');
    if has_nul {
        // Neither a literal (CHAR8 excludes NUL) nor PLAIN (NUL separates its fields) can.
        return Err(NoChoice::Unsendable(
            "the user name or password contains a NUL character, which IMAP cannot carry",
        ));
    }
    if plain && has(caps, "SASL-IR") {
        return Ok(Choice {
            method: ImapMethod::Plain { initial: true },
            used: "AUTHENTICATE PLAIN",
            why: "the server offers AUTH=PLAIN and SASL-IR: UTF-8 exact (RFC 4616), \
                  one round trip (RFC 4959)"
                .into(),
        });
    }
    if login_allowed && quotable(user) && quotable(password) {
        return Ok(Choice {
            method: ImapMethod::Login {
                user: ImapArg::Quoted,
                password: ImapArg::Quoted,
            },
            used: "LOGIN",
            why: "LOGIN with quoted strings: the user name and password are 7-bit text \
                  (RFC 9051 §4.3); AUTH=PLAIN with SASL-IR is not offered"
                .into(),
        });
    }
    let literal_plus = has(caps, "LITERAL+");
    let literal_minus = has(caps, "LITERAL-") || has(caps, "IMAP4rev2");
    let fits_minus = |s: &str| literal_minus && s.len() <= LITERAL_MINUS_MAX;
    let no_wait = |s: &str| quotable(s) || literal_plus || fits_minus(s);
    let arg = |s: &str| {
        if quotable(s) {
            ImapArg::Quoted
        } else if no_wait(s) {
            ImapArg::LiteralPlus
        } else {
            ImapArg::LiteralSync
        }
    };
    if login_allowed && no_wait(user) && no_wait(password) {
        return Ok(Choice {
            method: ImapMethod::Login {
                user: arg(user),
                password: arg(password),
            },
            used: "LOGIN",
            why: format!(
                "LOGIN with non-synchronizing literals: 8-bit text cannot go in a quoted \
                 string, and the server offers {} (RFC 7888)",
                if literal_plus { "LITERAL+" } else { "LITERAL-" }
            ),
        });
    }
    if plain {
        return Ok(Choice {
            method: ImapMethod::Plain { initial: false },
            used: "AUTHENTICATE PLAIN",
            why: "AUTHENTICATE PLAIN after the server's continuation: the server offers \
                  AUTH=PLAIN (UTF-8 exact, RFC 4616) but not SASL-IR"
                .into(),
        });
    }
    if login_allowed {
        return Ok(Choice {
            method: ImapMethod::Login {
                user: arg(user),
                password: arg(password),
            },
            used: "LOGIN",
            why: "LOGIN with synchronizing literals: 8-bit text cannot go in a quoted string, \
                  and the server offers neither AUTH=PLAIN nor LITERAL+ (RFC 9051 §4.3)"
                .into(),
        });
    }
    Err(NoChoice::NoMechanism)
}

/// `"…"` with `"` and `\` escaped (RFC 9051 §4.3).
pub(crate) fn imap_quoted(s: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(s.len() + 2));
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A piece of a command to write; `secret` pieces carry the password, and after a `wait`
/// piece the server's `+` continuation must arrive before the next one is sent.
#[derive(Debug)]
pub(crate) struct Piece {
    pub text: Zeroizing<String>,
    pub secret: bool,
    pub wait: bool,
}

/// The LOGIN command as pieces: each literal's announcement ends a piece.
pub(crate) fn imap_login(
    tag: &str,
    user: &str,
    password: &str,
    args: (ImapArg, ImapArg),
) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut current = Zeroizing::new(format!("{tag} LOGIN "));
    let mut secret = false;
    for (i, (value, arg)) in [(user, args.0), (password, args.1)].into_iter().enumerate() {
        if i == 1 {
            current.push(' ');
        }
        match arg {
            ImapArg::Quoted => {
                current.push_str(&imap_quoted(value));
                secret |= i == 1;
            }
            ImapArg::LiteralPlus | ImapArg::LiteralSync => {
                let sync = arg == ImapArg::LiteralSync;
                let plus = if sync { "" } else { "+" };
                current.push_str(&format!("{{{}{plus}}}\r\n", value.len()));
                pieces.push(Piece {
                    text: std::mem::take(&mut current),
                    secret,
                    wait: sync,
                });
                current.push_str(value);
                secret = i == 1;
            }
        }
    }
    current.push_str("\r\n");
    pieces.push(Piece {
        text: current,
        secret,
        wait: false,
    });
    pieces
}

/// The SASL PLAIN response (RFC 4616: empty authzid, NUL, authcid, NUL, password), base64.
pub(crate) fn sasl_plain(user: &str, password: &str) -> Zeroizing<String> {
    let raw = Zeroizing::new(format!("\0{user}\0{password}"));
    Zeroizing::new(B64.encode(raw.as_bytes()))
}

// ---------------------------------------------------------------------------------------------
// POP3

/// A POP3 sign-in method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pop3Method {
    /// AUTH PLAIN; `initial` = with the initial response on the command line.
    Plain {
        initial: bool,
    },
    UserPass,
}

/// Chooses the POP3 sign-in from CAPA (`None`: the server has no CAPA) and its SASL list.
pub(crate) fn pop3(
    caps: Option<&[String]>,
    mechanisms: &[String],
    user: &str,
    password: &str,
) -> Result<Choice<Pop3Method>, NoChoice> {
    let plain = mechanisms.iter().any(|m| m.eq_ignore_ascii_case("PLAIN"));
    let user_cmd = caps.is_none_or(|c| {
        c.iter().any(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("USER"))
        })
    });
    let has_nul = user.contains('\0') || password.contains('\0');
    if plain && !has_nul {
        let line = "AUTH PLAIN ".len() + sasl_plain(user, password).len() + 2;
        let initial = line <= POP3_MAX_LINE;
        return Ok(Choice {
            method: Pop3Method::Plain { initial },
            used: "AUTH PLAIN",
            why: if initial {
                "the server offers SASL PLAIN: UTF-8 exact (RFC 4616), sent with the command \
                 (RFC 5034 initial response)"
                    .into()
            } else {
                "the server offers SASL PLAIN: UTF-8 exact (RFC 4616); the response goes after \
                 the server's prompt because with the command it would pass RFC 2449's 255 octets"
                    .into()
            },
        });
    }
    let printable = |s: &str| s.bytes().all(|b| (0x20..0x7f).contains(&b));
    let line_safe = |s: &str| !s.contains(['\r', '\n', '\0']);
    if user_cmd && line_safe(user) && line_safe(password) {
        let why = if printable(user) && printable(password) {
            "USER/PASS: the server offers no SASL PLAIN and the credentials are printable \
             ASCII (RFC 1939)"
                .into()
        } else {
            "USER/PASS with UTF-8 bytes: the server offers no SASL PLAIN, the only form that \
             carries UTF-8 exactly; RFC 1939 defines ASCII only, most servers accept UTF-8"
                .into()
        };
        return Ok(Choice {
            method: Pop3Method::UserPass,
            used: "USER/PASS",
            why,
        });
    }
    if user_cmd || plain {
        return Err(NoChoice::Unsendable(
            "the user name or password contains a character POP3 cannot carry (NUL, CR or LF)",
        ));
    }
    Err(NoChoice::NoMechanism)
}

// ---------------------------------------------------------------------------------------------
// SMTP

/// An SMTP sign-in mechanism (RFC 4954).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SmtpMethod {
    Plain,
    Login,
}

/// Chooses the SMTP mechanism from the EHLO AUTH list (upper case).
pub(crate) fn smtp(
    offered: &[String],
    user: &str,
    password: &str,
) -> Result<Choice<SmtpMethod>, NoChoice> {
    let has_nul = user.contains('\0') || password.contains('\0');
    let offers = |m: &str| offered.iter().any(|o| o.eq_ignore_ascii_case(m));
    if offers("PLAIN") && !has_nul {
        return Ok(Choice {
            method: SmtpMethod::Plain,
            used: "AUTH PLAIN",
            why: "the server offers PLAIN: UTF-8 exact (RFC 4616), sent with the command \
                  (RFC 4954 initial response), one round trip"
                .into(),
        });
    }
    if offers("LOGIN") {
        return Ok(Choice {
            method: SmtpMethod::Login,
            used: "AUTH LOGIN",
            why: if has_nul {
                "AUTH LOGIN: the password holds a NUL character, which PLAIN cannot carry".into()
            } else {
                "the server offers LOGIN but not PLAIN: user name and password in base64 of \
                 their UTF-8, three round trips"
                    .into()
            },
        });
    }
    if offers("PLAIN") {
        return Err(NoChoice::Unsendable(
            "the user name or password contains a NUL character, which PLAIN cannot carry",
        ));
    }
    Err(NoChoice::NoMechanism)
}

// ---------------------------------------------------------------------------------------------
// OAuth 2.0 bearer tokens

/// Chooses the SASL mechanism for an access token from the mechanisms offered (names as the
/// server lists them); `forced` insists on one.
pub(crate) fn bearer(offered: &[String], forced: Option<Mechanism>) -> Result<Mechanism, NoChoice> {
    let offers = |m: Mechanism| offered.iter().any(|o| o.eq_ignore_ascii_case(m.name()));
    let order = match forced {
        Some(m) => vec![m],
        None => vec![Mechanism::OAuthBearer, Mechanism::XOAuth2],
    };
    order
        .into_iter()
        .find(|m| offers(*m))
        .ok_or(NoChoice::NoMechanism)
}

/// Why a bearer mechanism was chosen, for the report.
pub(crate) fn bearer_why(mechanism: Mechanism, forced: bool) -> String {
    match (mechanism, forced) {
        (_, true) => format!(
            "{} as asked, with the OAuth 2.0 access token",
            mechanism.name()
        ),
        (Mechanism::OAuthBearer, false) => {
            "the server offers OAUTHBEARER: the access token in the standard form (RFC 7628)".into()
        }
        (Mechanism::XOAuth2, false) => {
            "the server offers XOAUTH2 but not OAUTHBEARER: the access token in Google's form"
                .into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(list: &str) -> Vec<String> {
        list.split_whitespace().map(str::to_string).collect()
    }

    fn text(pieces: &[Piece]) -> Vec<(String, bool, bool)> {
        pieces
            .iter()
            .map(|p| (p.text.to_string(), p.secret, p.wait))
            .collect()
    }

    #[test]
    fn imap_prefers_plain_with_an_initial_response() {
        let c = imap(&caps("IMAP4rev1 SASL-IR AUTH=PLAIN"), "a", "pä").unwrap();
        assert_eq!(c.method, ImapMethod::Plain { initial: true });
        assert_eq!(c.used, "AUTHENTICATE PLAIN");
    }

    #[test]
    fn imap_ascii_goes_quoted_and_8bit_as_the_literals_the_server_allows() {
        let quoted = imap(&caps("IMAP4rev1 AUTH=PLAIN"), "a", "p\"w\\").unwrap();
        assert_eq!(
            quoted.method,
            ImapMethod::Login {
                user: ImapArg::Quoted,
                password: ImapArg::Quoted
            }
        );
        let plus = imap(&caps("IMAP4rev1 LITERAL+"), "a", "pä").unwrap();
        assert_eq!(
            plus.method,
            ImapMethod::Login {
                user: ImapArg::Quoted,
                password: ImapArg::LiteralPlus
            }
        );
        let minus = imap(&caps("IMAP4rev1 LITERAL-"), "ä", "🔑").unwrap();
        assert!(matches!(
            minus.method,
            ImapMethod::Login {
                user: ImapArg::LiteralPlus,
                password: ImapArg::LiteralPlus
            }
        ));
        // LITERAL- stops at 4096 octets: a longer password waits for the continuation.
        let long = "ä".repeat(3000);
        let sync = imap(&caps("IMAP4rev1 LITERAL-"), "a", &long).unwrap();
        assert_eq!(
            sync.method,
            ImapMethod::Login {
                user: ImapArg::Quoted,
                password: ImapArg::LiteralSync
            }
        );
        // 8-bit with PLAIN but no SASL-IR and no LITERAL+: AUTHENTICATE PLAIN, two steps.
        let plain = imap(&caps("IMAP4rev1 AUTH=PLAIN"), "a", "密码").unwrap();
        assert_eq!(plain.method, ImapMethod::Plain { initial: false });
        let none = imap(&caps("IMAP4rev1 LOGINDISABLED AUTH=GSSAPI"), "a", "b");
        assert_eq!(none, Err(NoChoice::NoMechanism));
        assert!(matches!(
            imap(&caps("IMAP4rev1 AUTH=PLAIN SASL-IR"), "a", "b\0c"),
            Err(NoChoice::Unsendable(_))
        ));
    }

    #[test]
    fn imap_login_pieces_split_at_each_literal() {
        let p = imap_login(
            "m4",
            "al\"ice",
            "pä",
            (ImapArg::Quoted, ImapArg::LiteralSync),
        );
        assert_eq!(
            text(&p),
            vec![
                ("m4 LOGIN \"al\\\"ice\" {3}\r\n".into(), false, true),
                ("pä\r\n".into(), true, false),
            ]
        );
        let p = imap_login(
            "m4",
            "ä",
            "🔑",
            (ImapArg::LiteralPlus, ImapArg::LiteralPlus),
        );
        assert_eq!(
            text(&p),
            vec![
                ("m4 LOGIN {2+}\r\n".into(), false, false),
                ("ä {4+}\r\n".into(), false, false),
                ("🔑\r\n".into(), true, false),
            ]
        );
        let p = imap_login("m4", "a", "b c", (ImapArg::Quoted, ImapArg::Quoted));
        assert_eq!(
            text(&p),
            vec![("m4 LOGIN \"a\" \"b c\"\r\n".into(), true, false)]
        );
    }

    #[test]
    fn pop3_prefers_auth_plain_and_keeps_to_255_octets() {
        let sasl = caps("PLAIN LOGIN");
        let capa = caps("USER TOP");
        let c = pop3(Some(&capa), &sasl, "a", "😀").unwrap();
        assert_eq!(c.method, Pop3Method::Plain { initial: true });
        let long = "x".repeat(200);
        let c = pop3(Some(&capa), &sasl, "a", &long).unwrap();
        assert_eq!(c.method, Pop3Method::Plain { initial: false });
        let c = pop3(Some(&capa), &[], "a", "pw d").unwrap();
        assert_eq!(c.method, Pop3Method::UserPass);
        assert!(c.why.contains("printable ASCII"), "{}", c.why);
        let c = pop3(None, &[], "a", "pä").unwrap();
        assert!(c.why.contains("UTF-8"), "{}", c.why);
        assert_eq!(
            pop3(Some(&caps("TOP")), &[], "a", "b"),
            Err(NoChoice::NoMechanism)
        );
        assert!(matches!(
            pop3(Some(&capa), &[], "a", "b\nc"),
            Err(NoChoice::Unsendable(_))
        ));
    }

    #[test]
    fn smtp_prefers_plain_then_login() {
        let c = smtp(&caps("LOGIN PLAIN"), "a", "密码").unwrap();
        assert_eq!(c.method, SmtpMethod::Plain);
        assert_eq!(
            smtp(&caps("LOGIN"), "a", "b").unwrap().method,
            SmtpMethod::Login
        );
        assert_eq!(smtp(&caps("XOAUTH2"), "a", "b"), Err(NoChoice::NoMechanism));
    }

    #[test]
    fn bearer_prefers_oauthbearer_and_honours_a_forced_choice() {
        let both = caps("PLAIN XOAUTH2 OAUTHBEARER");
        assert_eq!(bearer(&both, None), Ok(Mechanism::OAuthBearer));
        assert_eq!(
            bearer(&both, Some(Mechanism::XOAuth2)),
            Ok(Mechanism::XOAuth2)
        );
        assert_eq!(bearer(&caps("xoauth2"), None), Ok(Mechanism::XOAuth2));
        assert_eq!(
            bearer(&caps("XOAUTH2"), Some(Mechanism::OAuthBearer)),
            Err(NoChoice::NoMechanism)
        );
        assert_eq!(
            bearer(&caps("PLAIN LOGIN"), None),
            Err(NoChoice::NoMechanism)
        );
    }

    #[test]
    fn sasl_plain_is_utf8_in_base64() {
        assert_eq!(*sasl_plain("a", "ä"), B64.encode("\0a\0ä"));
    }
}
