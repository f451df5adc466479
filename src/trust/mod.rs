//! Certificate facts on the ground floor: what the probe, the store, OAuth, the runtime and the
//! command line all need to know about a server's certificate, without any of them.
//!
//! - `pin`: key pins, the SHA-256 of a certificate's SubjectPublicKeyInfo (RFC 5280 §4.1.2.7,
//!   RFC 7469's `pin-sha256`), each for one host and port.
//! - `cert_der`: the few X.509 fields (RFC 5280 §4.1) read from DER (X.690).
//! - `pem`: the certificates of a PEM file (RFC 7468), such as a company's CA file.
//!
//! Each has its own error type. Nothing here imports the store, the probe, OAuth or a door.

/// Public for the `cert_der` fuzz target and its replay test (tests/proptest_fuzz_regressions.rs).
pub mod cert_der;
pub mod pem;
pub mod pin;
