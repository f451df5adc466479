//! The technician's `HOST:PORT/SECURITY` parser: never panics; what it accepts has a host
//! and a port from 1 to 65535, and reads back the same when written out again.
//! The checks are `mailsetup_fuzz::endpoint` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("endpoint", data));
