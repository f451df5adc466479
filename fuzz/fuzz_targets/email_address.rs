//! The email address parser (IDN-aware): never panics; an accepted address has both parts,
//! and its ASCII and
//! Unicode forms are accepted again as the same address.
//! The checks are `mailsetup_fuzz::email_address` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("email_address", data));
