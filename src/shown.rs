//! What we print for people to read or to paste, made safe once for every door: the one
//! quoting function for commands and flags we suggest (POSIX shell, XCU §2.2 "Quoting" and
//! §2.6.3 "Command Substitution"), and the terminal filter that keeps text a server, a
//! certificate or a file wrote from acting on the terminal (ECMA-48 C0 and C1 controls).
//!
//! Quoting, in order: a word made only of characters no shell treats specially is left as it
//! is; any other word goes in single quotes (a quote inside becomes `'\''`); a character that
//! would act on a terminal or hide itself (C0 but tab and line feed, DEL, C1, the bidirectional
//! overrides) is written as `"$(printf '\ooo')"` for each of its UTF-8 bytes, so the command
//! survives the terminal filter and still gives the shell exactly the intended argument. NUL
//! cannot be in an argument at all (POSIX argv strings end at it) and is dropped.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character would act on a terminal or reorder the text around it when shown:
/// C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides.
pub fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` for a terminal: C0 controls (but tab and line feed), DEL and C1 controls removed.
/// What our own code writes never holds them; a server's or a file's words may.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let strip = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.chars().any(strip) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !strip(c)).collect())
}

/// Characters a POSIX shell takes literally anywhere but at the start of a command.
fn needs_no_quotes(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/' | '@' | '+' | ',' | '=')
}

/// `s` as one POSIX shell word that gives back exactly `s` (but NUL, which no argument can
/// hold), and that shows no character acting on a terminal. The one quoting function for every
/// command and flag we print for people to copy.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(needs_no_quotes) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    let mut open = false;
    for c in s.chars() {
        if c == '\0' {
            continue;
        }
        if acts_on_terminal(c) {
            if open {
                out.push('\'');
                open = false;
            }
            let mut bytes = [0u8; 4];
            out.push_str("\"$(printf '");
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "\\{b:03o}");
            }
            out.push_str("')\"");
            continue;
        }
        if !open {
            out.push('\'');
            open = true;
        }
        if c == '\'' {
            out.push_str(r"'\''");
        } else {
            out.push(c);
        }
    }
    if open {
        out.push('\'');
    }
    if out.is_empty() {
        out.push_str("''");
    }
    out
}

/// `words` as one command line, each word quoted with [`shell_quote`].
pub fn shell_command<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|w| shell_quote(w.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_stay_and_others_are_quoted() {
        assert_eq!(shell_quote("imap.example.com:993"), "imap.example.com:993");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("o'brien"), r"'o'\''brien'");
        // Brackets and a tilde are patterns and expansions to a shell.
        assert_eq!(shell_quote("[::1]:993"), "'[::1]:993'");
        assert_eq!(shell_quote("~x"), "'~x'");
        assert_eq!(
            shell_quote("a\u{1b}]52;c;eA==\u{7}"),
            r#"'a'"$(printf '\033')"']52;c;eA=='"$(printf '\007')""#
        );
        assert_eq!(shell_quote("\u{9b}"), r#""$(printf '\302\233')""#);
        assert_eq!(shell_command(&["curl", "-v", "x y"]), "curl -v 'x y'");
    }

    #[test]
    fn the_terminal_filter_drops_controls_but_tab_and_line_feed() {
        assert_eq!(for_terminal("ok\tfine\n"), "ok\tfine\n");
        assert_eq!(
            for_terminal("a\u{1b}]52;c;eA==\u{7}b\u{9b}31m\r\u{7f}"),
            "a]52;c;eA==b31m"
        );
        assert!(matches!(for_terminal("日本語"), Cow::Borrowed(_)));
    }
}
