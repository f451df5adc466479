//! The Microsoft Autodiscover (POX) answer parser on any bytes: never panics, stays within
//! its limits, and what it returns is checked (`mailsetup_fuzz::autodiscover`, fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("autodiscover", data));
