//! The SMTP probe session (greeting, capabilities, STARTTLS, sign-in, sign-out) against a server
//! whose every byte comes from the fuzzer; first byte: security and read chunk size.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = mailsetup_fuzz::session(mailsetup_fuzz::protocol("smtp"), data);
    // A report always ends in a verdict, and a failed one always explains itself.
    if !report.is_verified() {
        assert!(report.diagnosis().is_some());
    }
});
