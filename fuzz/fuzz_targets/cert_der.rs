//! The X.509 field reader (`trust::cert_der`, RFC 5280 §4.1) on any bytes: never panics;
//! what it reads lies inside the input. Input: the bytes of one DER certificate.
//! The checks are `mailsetup_fuzz::cert_der` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("cert_der", data));
