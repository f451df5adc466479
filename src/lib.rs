//! mailsetup: from an email address and a password to a verified mail account, and the
//! diagnostics a support technician needs when a login fails.
//!
//! In the order the data flows: `discover` finds candidate servers (through `dns` and `net`,
//! name resolution that tests point at loopback); `probe` tests one server live, step by step,
//! and explains a failure; `verify` pairs the two and picks the servers that work; `store`
//! keeps the verified account (the account file, the password in the keychain only).
//! Beside them: `account`, the vocabulary; `config`, the discovery settings both doors build
//! (the command line from its flags, the window from the environment); `trust`, certificate
//! facts on the ground floor (key pins, the DER certificate reader, PEM files);
//! `roundtrip`, a test message sent through SMTP and found in the mailbox; `report`, the
//! technician report (text, Markdown, JSON) with `reproduce`, the commands that repeat a test
//! by hand.
//!
//! `export` writes a saved account in other mail programs' formats (QR codes for phones, an
//! Apple profile, the domain's autoconfig file, GNOME Online Accounts) and `flow` holds what both doors do once,
//! such as reading the password for an export the person asked for.
//!
//! The window is `wizard` (the state machine: events in, effects out), `runtime` (runs the
//! effects on tokio) and `gui` (draws with egui); the command line is `cli`. Only `gui` knows
//! egui, only `cli` (and `main.rs`) the terminal; window and command line make the same engine
//! calls.

#![forbid(unsafe_code)]

#[macro_use]
pub mod i18n;

pub mod account;
pub mod cli;
pub mod config;
pub mod discover;
pub mod dns;
pub mod export;
pub mod flow;
#[cfg(feature = "gui")]
pub mod gui;
pub mod net;
pub mod oauth;
pub mod probe;
pub mod report;
pub mod reproduce;
pub mod roundtrip;
pub mod runtime;
pub mod shown;
pub mod store;
pub mod trust;
pub mod verifier;
pub mod verify;
pub mod wizard;
