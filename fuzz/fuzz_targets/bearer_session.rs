//! The bearer sign-in exchanges (SASL OAUTHBEARER / XOAUTH2, RFC 7628) over IMAP, POP3 and
//! SMTP against a server whose every byte comes from the fuzzer: always a verdict, and no
//! output holds the access token in any wire form. First byte: protocol and mechanism; second
//! byte: security and read chunk size.
//! The checks are `mailsetup_fuzz::bearer_verdict` (fuzz/src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // imap-proto 0.17 panics on a non-ASCII byte right after `]` of a response code; the
    // probe catches that panic (tests/fuzz_regressions/imap_session/), but libFuzzer's panic
    // hook aborts before any unwinding, so such inputs are left out here (as in imap_session).
    if data.first().is_some_and(|b| b % 3 == 0)
        && data.windows(2).any(|w| w[0] == b']' && w[1] >= 0x80)
    {
        return;
    }
    mailsetup_fuzz::check("bearer_session", data);
});
