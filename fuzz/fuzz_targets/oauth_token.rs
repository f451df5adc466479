//! The token endpoint's answer to a grant (RFC 6749 §5.1 success, §5.2 error object) on any
//! bytes: tokens only from HTTP 200, Debug shows them redacted, kept server text is bounded.
//! Input: first byte = HTTP status (`b % 8`), then the body.
//! The checks are `mailsetup_fuzz::oauth::token_answer` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("oauth_token", data));
