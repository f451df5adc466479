//! Error answers on any bytes: the token and device endpoints' RFC 6749 §5.2 error objects,
//! and a mail server's RFC 7628 §3.2.2 error challenge (as sent, or base64-encoded first).
//! Input: first byte = which (`b % 4`) and the HTTP status, then the body.
//! The checks are `mailsetup_fuzz::oauth::error_answer` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("oauth_error", data));
