//! One certificate of the chain a server presented (`CertificateInfo`), as plain data: the
//! names, dates and fingerprints a report shows (RFC 5280 fields). Read from the DER bytes in
//! `tls`; matched against known TLS-inspecting products in `intercept`.

use serde::Serialize;

/// One certificate of the chain the server presented.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CertificateInfo {
    pub subject: String,
    pub issuer: String,
    /// Subject alternative names (DNS names and IP addresses).
    pub sans: Vec<String>,
    /// RFC 3339.
    pub not_before: String,
    /// RFC 3339.
    pub not_after: String,
    /// SHA-256 of the DER bytes, upper-case hex pairs separated by colons.
    pub sha256: String,
    /// SHA-256 of the public key (SubjectPublicKeyInfo), base64: the pin that trusts this
    /// server's key (`--pin-sha256 HOST:PORT=…`); empty when unreadable.
    pub spki_sha256: String,
}
