//! The transcript redactor: for any password, user name and text, what it returns holds no
//! form of the password (as sent, IMAP-quoted, base64, SASL PLAIN in base64).
//! Input: first byte = password length in bytes (1..=16), then password, then a NUL-separated
//! user name, then the text.
//! The checks are `mailsetup_fuzz::redactor` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("redactor", data));
