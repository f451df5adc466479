//! What an authorization server says when mailsetup registers itself, on any bytes: its
//! RFC 8414 metadata (used only for the issuer asked, bounded) and the RFC 7591 registration
//! answer (a client id only from 200/201, short and clean; refusals keep server text).
//! Input: first byte = HTTP status (`b % 8`), then the body.
//! The checks are `mailsetup_fuzz::oauth::register_answers` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("oauth_register", data));
