//! The PACC document parser and its DNS digest check on any bytes: never panics, stays within
//! its limits, returns only checked host names and issuers, and a file always matches its own
//! published digest. The checks are `mailsetup_fuzz::pacc` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("pacc", data));
