//! mailsetup: from an email address and a password to a verified mail account, and the
//! diagnostics a support technician needs when a login fails.
//!
//! The engine (`account`, `net`, `probe`) knows nothing about windows or terminals; the
//! command line lives in `cli`.

#![forbid(unsafe_code)]

#[macro_use]
pub mod i18n;

pub mod account;
pub mod cli;
pub mod discover;
pub mod dns;
pub mod gui;
pub mod net;
pub mod oauth;
pub mod pin;
pub mod probe;
pub mod report;
pub mod reproduce;
pub mod roundtrip;
pub mod runtime;
pub mod store;
pub mod verify;
pub mod wizard;
