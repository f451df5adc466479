//! The accounts file loader on any bytes: a clear verdict, never a panic; a list it accepts
//! is written back and read again unchanged.
//! The checks are `mailsetup_fuzz::accounts_file` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("accounts_file", data));
