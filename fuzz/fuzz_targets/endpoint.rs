//! The technician's `HOST:PORT/SECURITY` parser: never panics; what it accepts has a host
//! and a port from 1 to 65535, and reads back the same when written out again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailsetup_fuzz::account::Endpoint;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(e) = text.parse::<Endpoint>() {
        assert!(e.port > 0);
        assert!(!e.host.is_empty());
        let host = if e.host.contains(':') {
            format!("[{}]", e.host)
        } else {
            e.host.clone()
        };
        let again = format!("{host}:{}/{}", e.port, e.security.word());
        if let Ok(back) = again.parse::<Endpoint>() {
            assert_eq!(back.port, e.port);
            assert_eq!(back.security, e.security);
        }
    }
});
