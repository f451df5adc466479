//! What both doors do, once: the window's runtime and the command line call these functions
//! and only present what they return.
//!
//! - `export`: a saved account handed on to other mail programs (`crate::export`), with the
//!   password read from the keychain at that moment and only when the person asked for it.

pub mod export;
