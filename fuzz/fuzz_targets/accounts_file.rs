//! The accounts file loader on any bytes: a clear verdict, never a panic; a list it accepts
//! is written back and read again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailsetup_fuzz::store::file::{parse_accounts, render_accounts};

fuzz_target!(|data: &[u8]| {
    if let Ok(accounts) = parse_accounts(data) {
        let bytes = render_accounts(&accounts).expect("an accepted list renders");
        let again = parse_accounts(&bytes).expect("a rendered list reads back");
        let mut sorted = accounts.clone();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(again, sorted);
    }
});
