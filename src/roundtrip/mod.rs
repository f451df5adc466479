//! The round trip: proof that mail flows. A message with a unique Message-ID is sent through
//! the verified SMTP server to the account's own address, looked for in the verified incoming
//! server until it arrives or the deadline passes, and deleted once found.

pub mod message;

pub use message::TestMessage;
