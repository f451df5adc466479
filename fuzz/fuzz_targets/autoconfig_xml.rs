//! The Mozilla autoconfig (config-v1.1) parser on any bytes: never panics, stays within its
//! limits, and every server it returns has a usable port and expands for an address.
//! The checks are `mailsetup_fuzz::autoconfig_xml` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("autoconfig_xml", data));
