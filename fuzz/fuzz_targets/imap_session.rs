//! The IMAP probe session (greeting, capabilities, STARTTLS, sign-in, sign-out) against a server
//! whose every byte comes from the fuzzer; first byte: security and read chunk size.
//! The checks are `mailsetup_fuzz::session_verdict` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // imap-proto 0.17 panics on a non-ASCII byte right after `]` of a response code; the
    // probe catches that panic (tests/fuzz_regressions/imap_session/), but libFuzzer's panic
    // hook aborts before any unwinding, so such inputs are left out here.
    if data.windows(2).any(|w| w[0] == b']' && w[1] >= 0x80) {
        return;
    }
    mailsetup_fuzz::check("imap_session", data);
});
