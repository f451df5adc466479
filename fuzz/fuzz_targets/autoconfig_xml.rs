//! The Mozilla autoconfig (config-v1.1) parser on any bytes: never panics, stays within its
//! limits, and every server it returns has a usable port and expands for an address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailsetup_fuzz::account::EmailAddress;
use mailsetup_fuzz::discover::config_v11::{Limits, parse};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if let Ok(config) = parse(data, limits) {
        assert!(data.len() <= limits.max_bytes);
        assert!(!config.servers.is_empty());
        let email = EmailAddress::parse("jörg.o'neil@bücher.example").expect("a valid address");
        for server in &config.servers {
            assert!(server.port > 0);
            let _ = server.host_for(&email);
            let _ = server.username_for(&email);
        }
    }
});
