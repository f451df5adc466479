//! Words from servers and files made safe to show: terminal control characters (C0 but tab,
//! DEL, C1) and the bidirectional overrides become visible escapes (`\x1b`) instead of acting
//! on the terminal; a Markdown code span is always longer than any run of backticks inside
//! it; a Markdown table cell cannot end early at a `|`.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character would act on a terminal or reorder the text around it.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character (but tab) and bidirectional override shown as an
/// escape: safe to print on a terminal or to paste into a ticket.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:04x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// The longest run of backticks in `text`.
pub(super) fn longest_backtick_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A Markdown code span holding `text` as it is (CommonMark: the fence is longer than any
/// backtick run inside; a space pads text that begins or ends with a backtick).
pub fn code_span(text: &str) -> String {
    let text = terminal_safe(text);
    let fence = "`".repeat(longest_backtick_run(&text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A Markdown table cell: one line, pipes escaped.
pub(super) fn cell(text: &str) -> String {
    terminal_safe(text).replace('|', "\\|")
}
