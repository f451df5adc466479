//! The SCRAM client (RFC 5802, RFC 7677) on arbitrary server-first and server-final
//! messages: never a panic, and no output holds the password.
//! Input: first byte = mechanism, binding, nonce and password choice, then the server-first
//! message, a NUL byte, and the server-final message.
//! The checks are `mailsetup_fuzz::scram` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mailsetup_fuzz::check("scram", data));
