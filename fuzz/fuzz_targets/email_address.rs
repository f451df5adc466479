//! The email address parser (IDN-aware): never panics; an accepted address has both parts,
//! and its ASCII and
//! Unicode forms are accepted again as the same address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailsetup_fuzz::account::EmailAddress;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(a) = EmailAddress::parse(text) {
        assert!(!a.local_part().is_empty());
        assert!(!a.domain().is_empty());
        let ascii = a.to_ascii();
        let b = EmailAddress::parse(&ascii)
            .unwrap_or_else(|e| panic!("{ascii:?} (from {text:?}) no longer parses: {e}"));
        assert_eq!(b.to_ascii(), ascii);
        // The accounts file keeps the address as displayed (Unicode domain) and reads it
        // back with the same parser.
        let shown = a.to_string();
        let c = EmailAddress::parse(&shown)
            .unwrap_or_else(|e| panic!("{shown:?} (from {text:?}) no longer parses: {e}"));
        assert_eq!(c, a, "{text:?} shown as {shown:?}");
    }
});
