//! The transcript redactor: for any password, user name and text, what it returns holds no
//! form of the password (as sent, IMAP-quoted, base64, SASL PLAIN in base64).
//! Input: first byte = password length in bytes (1..=16), then password, then a NUL-separated
//! user name, then the text.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use libfuzzer_sys::fuzz_target;
use mailsetup_fuzz::probe::Redactor;
use secrecy::SecretString;

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let n = usize::from(n % 16) + 1;
    if rest.len() < n {
        return;
    }
    let password = mailsetup_fuzz::text(&rest[..n]);
    let rest = &rest[n..];
    let (user, text) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (mailsetup_fuzz::text(&rest[..i]), mailsetup_fuzz::text(&rest[i + 1..])),
        None => (String::from("alice"), mailsetup_fuzz::text(rest)),
    };
    let redactor = Redactor::new(&SecretString::from(password.clone()), &user);
    let out = redactor.redact(&text);
    // Only forms long enough not to occur by chance in the mask or in the text around them.
    let forms = [
        B64.encode(&password),
        B64.encode(format!("\0{user}\0{password}")),
        B64.encode(format!("{user}\0{user}\0{password}")),
    ];
    for form in forms.iter().filter(|f| f.len() >= 8) {
        assert!(
            !out.contains(form.as_str()),
            "{form:?} survived redaction: {out:?}"
        );
    }
});
