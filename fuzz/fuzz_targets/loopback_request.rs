//! The loopback redirect listener's request reading (RFC 8252 §7.3) on any request head:
//! the target is one word of a `GET` line, its query pairs come only for the path `/`.
//! The checks are `mailsetup_fuzz::oauth::loopback_request` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("loopback_request", data));
