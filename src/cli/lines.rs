//! What every command prints the same way: the exit codes, the `error:` and `warning:` lines
//! in the chosen language, the notice when certificates are checked against the given CA file
//! alone, and the words for an address that is not one.

/// Exit code: every requested test verified.
pub const EXIT_OK: u8 = 0;
/// Exit code: a test ran and failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code: the command line or its input was not usable.
pub const EXIT_USAGE: u8 = 2;

/// `error: MESSAGE` for standard error, the prefix in the current language.
pub(crate) fn error_line(message: impl std::fmt::Display) -> String {
    t!("cli-error", message = message.to_string())
}

/// Tells on standard error when certificates are checked against the given CA file alone,
/// because this system's own verification could not be set up (`crate::verifier`).
pub(crate) fn trust_notice(trust: &crate::probe::CertTrust) {
    if let crate::verifier::Anchors::CallerOnly { system_error, .. } = trust.anchors() {
        errln!(
            "{}",
            t!("platform-trust-caller-only", detail = system_error.as_str())
        );
    }
}

/// A typed address's problem after `error: `: the window's sentence, begun in lower case
/// (as `Display`).
pub(crate) fn address_words(e: &crate::account::AddressError) -> String {
    let words = e.words();
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `warning: MESSAGE`, the prefix in the current language.
pub(crate) fn warning_line(message: impl std::fmt::Display) -> String {
    t!("cli-warning", message = message.to_string())
}
