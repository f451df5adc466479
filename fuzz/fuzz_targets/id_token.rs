//! The id token's claims (a JWT read unverified for its `email`, OpenID Connect Core §2) on
//! any bytes: bounded server text out; a clean `email` claim comes out exactly.
//! Input: first byte = whole token (even) or payload JSON to wrap (odd), then the bytes.
//! The checks are `mailsetup_fuzz::oauth::id_token` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("id_token", data));
