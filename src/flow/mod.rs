//! What both doors do, once: the window's runtime and the command line call these functions
//! and only present what they return.
//!
//! - `secret`: what signs in (`Secret`: the password, or a provider sign-in's tokens) and
//!   what of it the servers get and the keychain keeps, decided once;
//! - `save`: the one save of a verified account, its secret into the keychain;
//! - `export`: a saved account handed on to other mail programs (`crate::export`), with the
//!   password read from the keychain at that moment and only when the person asked for it.

pub mod export;
pub mod save;
pub mod secret;

pub use save::{SaveError, save};
pub use secret::{NoRefreshToken, OAuthSecret, Secret};
