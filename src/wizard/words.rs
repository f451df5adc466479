//! Words as the window shows them, shared by the wizard's pages: an engine message (which
//! ends without a full stop, for use after a colon) made a sentence.

/// A sentence as the window shows it: ending with a full stop (or the question or
/// exclamation mark it has). The engine's words end without one, for use after a colon.
pub fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '?', '!', '。', '？', '！']) {
        text.to_string()
    } else if crate::i18n::language() == crate::i18n::Language::Japanese {
        format!("{text}。")
    } else {
        format!("{text}.")
    }
}
