//! The SMTP probe session (greeting, capabilities, STARTTLS, sign-in, sign-out) against a server
//! whose every byte comes from the fuzzer; first byte: security and read chunk size.
//! The checks are `mailsetup_fuzz::session_verdict` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("smtp_session", data));
