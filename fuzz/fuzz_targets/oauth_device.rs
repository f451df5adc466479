//! The device authorization answer (RFC 8628 §3.2) on any bytes: what is shown is bounded
//! server text, the wait at most 30 minutes, the interval at least a second, the device code
//! never in Debug. Input: first byte = HTTP status (`b % 8`), then the body.
//! The checks are `mailsetup_fuzz::oauth::device_answer` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("oauth_device", data));
